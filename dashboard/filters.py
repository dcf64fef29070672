"""Sidebar filters as a frozen value, applied to the frames, and encoded in the URL.

Why pure: every view obeys the same :class:`Filters`, so the rule "actor Macron leaves only
Macron's quotes and events" lives in one tested function (:func:`apply_filters`), and a shared
link reproduces the view because :func:`to_query`/:func:`from_query` are exact inverses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from geo import schema
from geo.frames import Frames

__all__ = [
    "QUERY_KEYS",
    "Filters",
    "actor_counts",
    "apply_filters",
    "canonical_actors",
    "country_options",
    "date_bounds",
    "empty_frames",
    "filter_zones",
    "from_query",
    "hidden_by_dates",
    "honest_quote_dates",
    "merge_frames",
    "spelling_index",
    "to_query",
    "type_options",
    "undated_counts",
]

_KEY_FROM = "from"
_KEY_TO = "to"
_KEY_ACTOR = "actor"
_KEY_TYPE = "type"
_KEY_COUNTRY = "country"
_KEY_TEXT = "q"
_KEY_UNDATED = "undated"
_HIDE = "hide"
QUERY_KEYS = (_KEY_FROM, _KEY_TO, _KEY_ACTOR, _KEY_TYPE, _KEY_COUNTRY, _KEY_TEXT, _KEY_UNDATED)


def _normalise(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({v.strip() for v in values if v and v.strip()}))


@dataclass(frozen=True)
class Filters:
    """What the user asked to see. Empty fields filter nothing.

    ``undated`` decides whether events and quotes without a date of their own are shown
    (they cannot be placed in a date range, so the reader chooses; shown by default).
    Values are normalised on construction (sorted, unique, stripped; dates in order), so
    two filters that select the same rows are equal and hash alike (cache keys).
    """

    start: dt.date | None = None
    end: dt.date | None = None
    actors: tuple[str, ...] = field(default=())
    types: tuple[str, ...] = field(default=())
    countries: tuple[str, ...] = field(default=())
    text: str = ""
    undated: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "actors", _normalise(self.actors))
        object.__setattr__(self, "types", _normalise(self.types))
        object.__setattr__(self, "countries", _normalise(self.countries))
        object.__setattr__(self, "text", " ".join(self.text.split()))
        if self.start and self.end and self.start > self.end:
            start, end = self.end, self.start
            object.__setattr__(self, "start", start)
            object.__setattr__(self, "end", end)


def to_query(filters: Filters) -> dict[str, list[str]]:
    """Encode filters as URL query parameters (only the fields that are set).

    Examples
    --------
    >>> to_query(Filters(actors=("Emmanuel Macron",), text="Alaska"))
    {'actor': ['Emmanuel Macron'], 'q': ['Alaska']}
    """
    query: dict[str, list[str]] = {}
    if filters.start:
        query[_KEY_FROM] = [filters.start.isoformat()]
    if filters.end:
        query[_KEY_TO] = [filters.end.isoformat()]
    if filters.actors:
        query[_KEY_ACTOR] = list(filters.actors)
    if filters.types:
        query[_KEY_TYPE] = list(filters.types)
    if filters.countries:
        query[_KEY_COUNTRY] = list(filters.countries)
    if filters.text:
        query[_KEY_TEXT] = [filters.text]
    if not filters.undated:
        query[_KEY_UNDATED] = [_HIDE]
    return query


def _values(params: Mapping[str, str | Sequence[str]], key: str) -> list[str]:
    raw = params.get(key)
    if raw is None:
        return []
    if isinstance(raw, str):
        return [raw]
    return [str(v) for v in raw]


def _date(params: Mapping[str, str | Sequence[str]], key: str) -> dt.date | None:
    for value in _values(params, key):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None  # a hand-edited URL with a bad date filters nothing rather than failing
    return None


def from_query(params: Mapping[str, str | Sequence[str]]) -> Filters:
    """Decode URL query parameters into filters; unknown keys and bad dates are ignored.

    Examples
    --------
    >>> from_query({"actor": ["Emmanuel Macron"], "from": "2025-08-12"}).start
    datetime.date(2025, 8, 12)
    >>> from_query(to_query(Filters(types=("call",)))) == Filters(types=("call",))
    True
    """
    return Filters(
        start=_date(params, _KEY_FROM),
        end=_date(params, _KEY_TO),
        actors=tuple(_values(params, _KEY_ACTOR)),
        types=tuple(_values(params, _KEY_TYPE)),
        countries=tuple(_values(params, _KEY_COUNTRY)),
        text=" ".join(_values(params, _KEY_TEXT)),
        undated=_HIDE not in _values(params, _KEY_UNDATED),
    )


def _as_list(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if hasattr(value, "tolist"):  # numpy arrays from parquet
        return [str(v) for v in value.tolist()]
    return []


def _date_mask(dates: pd.Series, filters: Filters, *, undated: bool | None = None) -> pd.Series:
    """Rows inside the date range; rows without a date follow ``filters.undated``."""
    stamps = pd.to_datetime(dates)
    mask = pd.Series(True, index=dates.index)
    if filters.start:
        mask &= stamps >= pd.Timestamp(filters.start)
    if filters.end:
        mask &= stamps < pd.Timestamp(filters.end) + pd.Timedelta(days=1)
    keep_undated = filters.undated if undated is None else undated
    return (mask & stamps.notna()) | (stamps.isna() & keep_undated)


def _text_mask(frame: pd.DataFrame, columns: Sequence[str], needle: str) -> pd.Series:
    folded = needle.casefold()
    mask = pd.Series(False, index=frame.index)
    for column in columns:
        if column not in frame:
            continue
        values = frame[column].map(
            lambda v: ", ".join(_as_list(v)) if not isinstance(v, str) else v
        )
        mask |= values.fillna("").astype(str).str.casefold().str.contains(folded, regex=False)
    return mask


def _event_mask(events: gpd.GeoDataFrame, filters: Filters) -> pd.Series:
    mask = _date_mask(events["date"], filters)
    if filters.actors:
        wanted = set(filters.actors)
        people = [
            set(_as_list(a)) | set(_as_list(t))
            for a, t in zip(events["actors"], events["targets"], strict=True)
        ]
        mask &= pd.Series([bool(p & wanted) for p in people], index=events.index)
    if filters.types:
        mask &= events["type"].isin(filters.types)
    if filters.countries:
        mask &= events["place_country"].isin(filters.countries)
    if filters.text:
        columns = ("sentence", "article_title", "place_name", "actors", "targets", "type_label")
        mask &= _text_mask(events, columns, filters.text)
    return mask


def _quote_mask(quotes: gpd.GeoDataFrame, events: gpd.GeoDataFrame, filters: Filters) -> pd.Series:
    mask = _date_mask(quotes["date"], filters)
    if filters.actors:
        mask &= quotes["speaker"].isin(filters.actors)
    if filters.types or filters.countries:
        linked = events
        if filters.types:
            linked = linked[linked["type"].isin(filters.types)]
        if filters.countries:
            linked = linked[linked["place_country"].isin(filters.countries)]
        mask &= quotes["event_id"].isin(set(linked["event_id"]))
    if filters.text:
        mask &= _text_mask(quotes, ("text", "speaker", "context", "article_title"), filters.text)
    return mask


def apply_filters(frames: Frames, filters: Filters) -> Frames:
    """Return the frames narrowed to what ``filters`` select; the input is never modified.

    Events match on date, on any actor or target, type, the place's country and free text.
    Quotes match on their date and speaker; type and country filters keep the quotes whose
    event passes them (a quote with no event has no type or country, so it is left out).
    Places follow the country and date filters. The actors frame keeps everyone taking
    part in a kept event or speaking a kept quote, so filtering on Zelensky still knows
    Trump's country and the map draws both ends of their call.
    """
    events = frames.events[_event_mask(frames.events, filters)]
    quotes = frames.quotes[_quote_mask(frames.quotes, frames.events, filters)]
    places = frames.places[_date_mask(frames.places["published"], filters, undated=True)]
    if filters.countries:
        places = places[places["country"].isin(filters.countries)]
    actors = frames.actors
    if filters.actors:
        taking_part = set(filters.actors) | {str(s) for s in quotes["speaker"].dropna()}
        for names, targets in zip(events["actors"], events["targets"], strict=True):
            taking_part.update(_as_list(names))
            taking_part.update(_as_list(targets))
        actors = actors[actors["name"].isin(taking_part)]
    return Frames(
        places=places, events=events, quotes=quotes, actors=actors, articles=frames.articles
    )


def actor_counts(frames: Frames) -> list[tuple[str, int]]:
    """Return ``(actor, events + quotes)`` pairs, most frequent first, for the actor filter."""
    counts: Counter[str] = Counter()
    for actors, targets in zip(frames.events["actors"], frames.events["targets"], strict=True):
        counts.update(set(_as_list(actors)) | set(_as_list(targets)))
    counts.update(str(s) for s in frames.quotes["speaker"].dropna())
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def spelling_index(spellings: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Return ``{folded spelling: canonical name}`` from ``{canonical name: aliases}``.

    The registry knows Zelensky as Zelenskyj, Zelenskiy and Зеленський; this index lets the
    actor filter (and a shared link) accept any of them.
    """
    index: dict[str, str] = {}
    for name, aliases in spellings.items():
        for spelling in (name, *aliases):
            index.setdefault(" ".join(spelling.split()).casefold(), name)
    return index


def canonical_actors(values: Iterable[str], index: Mapping[str, str]) -> tuple[str, ...]:
    """Map each value to its canonical actor name (unknown spellings are kept as typed).

    Examples
    --------
    >>> index = spelling_index({"Volodymyr Zelensky": ["Zelenskyj", "Зеленський"]})
    >>> canonical_actors(["зеленський", "Keir Starmer"], index)
    ('Keir Starmer', 'Volodymyr Zelensky')
    """
    return _normalise(index.get(" ".join(v.split()).casefold(), v) for v in values)


def honest_quote_dates(frames: Frames) -> Frames:
    """Return frames whose quotes carry the day they were said, or no date at all.

    A quote's date is its event's date when the text states one. Otherwise the corpus falls
    back to the publication date, which is not the day of speech: here such a quote gets
    no date (its card says "date not stated (published …)", and the undated choice decides
    whether it shows), so quote and event dates always agree.
    """
    quotes = frames.quotes
    if quotes.empty:
        return frames
    event_dates = pd.Series(
        pd.to_datetime(frames.events["date"]).to_numpy(), index=frames.events["event_id"]
    )
    event_dates = event_dates[~event_dates.index.duplicated(keep="last")]
    said_on = quotes["event_id"].map(event_dates)
    fixed = quotes.copy()
    fixed["date"] = pd.to_datetime(said_on.to_numpy())
    return Frames(
        places=frames.places,
        events=frames.events,
        quotes=fixed,
        actors=frames.actors,
        articles=frames.articles,
    )


def undated_counts(frames: Frames) -> tuple[int, int]:
    """Return how many events and quotes have no date of their own."""
    return (
        int(pd.to_datetime(frames.events["date"]).isna().sum()),
        int(pd.to_datetime(frames.quotes["date"]).isna().sum()),
    )


def hidden_by_dates(frames: Frames, filters: Filters) -> tuple[int, int]:
    """Return how many dated events and quotes the date range alone hides.

    The other filters still apply, so the count answers "what would widening the dates
    show?" and the app can say it plainly instead of hiding new data silently.
    """
    if not (filters.start or filters.end):
        return 0, 0
    wide = Filters(
        actors=filters.actors, types=filters.types, countries=filters.countries,
        text=filters.text, undated=False,
    )  # fmt: skip
    narrow = dataclasses.replace(wide, start=filters.start, end=filters.end)
    return (
        int(_event_mask(frames.events, wide).sum() - _event_mask(frames.events, narrow).sum()),
        int(
            _quote_mask(frames.quotes, frames.events, wide).sum()
            - _quote_mask(frames.quotes, frames.events, narrow).sum()
        ),
    )


def type_options(frames: Frames) -> list[str]:
    """Return the event types present, sorted."""
    return sorted({str(t) for t in frames.events["type"].dropna()})


def country_options(frames: Frames) -> list[str]:
    """Return the ISO country codes of event places present, sorted."""
    return sorted({str(c) for c in frames.events["place_country"].dropna() if c})


def date_bounds(frames: Frames) -> tuple[dt.date, dt.date] | None:
    """Return the first and last known event or quote date, or ``None`` if none is known."""
    stamps = pd.concat(
        [pd.to_datetime(frames.events["date"]), pd.to_datetime(frames.quotes["date"])]
    ).dropna()
    if stamps.empty:
        return None
    return stamps.min().date(), stamps.max().date()


def _empty_gdf(columns: Sequence[str]) -> gpd.GeoDataFrame:
    data = {c: pd.Series(dtype="object") for c in columns if c != "geometry"}
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries([], crs="EPSG:4326"))


def empty_frames() -> Frames:
    """Return frames with every schema column and no rows (no corpus yet)."""
    events = _empty_gdf(schema.EVENTS_COLUMNS)
    events["date"] = pd.Series(dtype="datetime64[ns]")
    quotes = _empty_gdf(schema.QUOTES_COLUMNS)
    quotes["date"] = pd.Series(dtype="datetime64[ns]")
    places = _empty_gdf(schema.PLACES_COLUMNS)
    places["published"] = pd.Series(dtype="datetime64[ns]")
    return Frames(
        places=places,
        events=events,
        quotes=quotes,
        actors=pd.DataFrame(columns=list(schema.ACTORS_COLUMNS)),
        articles=pd.DataFrame(columns=list(schema.ARTICLES_COLUMNS)),
    )


def _concat(first: pd.DataFrame, second: pd.DataFrame, key: str | None) -> pd.DataFrame:
    if second.empty:
        return first
    if first.empty:
        return second
    merged = pd.concat([first, second], ignore_index=True)
    if isinstance(first, gpd.GeoDataFrame):
        merged = gpd.GeoDataFrame(merged, geometry="geometry", crs=first.crs)
    if key is not None and key in merged:
        merged = merged.drop_duplicates(subset=key, keep="last", ignore_index=True)
    return merged


def merge_frames(first: Frames, second: Frames) -> Frames:
    """Return ``first`` with ``second``'s rows added (an uploaded article over the corpus).

    Rows with the same id keep the newer (``second``) version.
    """
    return Frames(
        places=_concat(first.places, second.places, "mention_id"),
        events=_concat(first.events, second.events, "event_id"),
        quotes=_concat(first.quotes, second.quotes, "quote_id"),
        actors=_concat(first.actors, second.actors, None),
        articles=_concat(first.articles, second.articles, "article_id"),
    )


def filter_zones(zones: gpd.GeoDataFrame | None, filters: Filters) -> gpd.GeoDataFrame | None:
    """Narrow evacuation zones to the date range, free text and type/country filters.

    Zones come from official orders, not from an article's actors, so the actor filter does
    not apply; a type filter without an evacuation type hides them, as does a country filter
    without Ukraine.
    """
    if zones is None or zones.empty:
        return zones
    mask = pd.Series(True, index=zones.index)
    if "date_ordered" in zones and (filters.start or filters.end):
        mask &= _date_mask(zones["date_ordered"], filters, undated=True)
    if filters.types and not any("evacuat" in t.lower() for t in filters.types):
        mask &= False
    if filters.countries and "UA" not in filters.countries:
        mask &= False
    if filters.text:
        mask &= _text_mask(zones, ("settlement", "hromada", "oblast", "who"), filters.text)
    return zones[mask]
