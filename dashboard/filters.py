"""Sidebar filters as a frozen value, applied to the frames, and encoded in the URL.

Why pure: every view obeys the same :class:`Filters`, so the rule "actor Macron leaves only
Macron's quotes and events" lives in one tested function (:func:`apply_filters`), and a shared
link reproduces the view because :func:`to_query`/:func:`from_query` are exact inverses.
"""

from __future__ import annotations

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
    "country_options",
    "date_bounds",
    "empty_frames",
    "filter_zones",
    "from_query",
    "merge_frames",
    "to_query",
    "type_options",
]

_KEY_FROM = "from"
_KEY_TO = "to"
_KEY_ACTOR = "actor"
_KEY_TYPE = "type"
_KEY_COUNTRY = "country"
_KEY_TEXT = "q"
QUERY_KEYS = (_KEY_FROM, _KEY_TO, _KEY_ACTOR, _KEY_TYPE, _KEY_COUNTRY, _KEY_TEXT)


def _normalise(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({v.strip() for v in values if v and v.strip()}))


@dataclass(frozen=True)
class Filters:
    """What the user asked to see. Empty fields filter nothing.

    Values are normalised on construction (sorted, unique, stripped; dates in order), so
    two filters that select the same rows are equal and hash alike (cache keys).
    """

    start: dt.date | None = None
    end: dt.date | None = None
    actors: tuple[str, ...] = field(default=())
    types: tuple[str, ...] = field(default=())
    countries: tuple[str, ...] = field(default=())
    text: str = ""

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
    )


def _as_list(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if hasattr(value, "tolist"):  # numpy arrays from parquet
        return [str(v) for v in value.tolist()]
    return []


def _date_mask(dates: pd.Series, filters: Filters) -> pd.Series:
    mask = pd.Series(True, index=dates.index)
    stamps = pd.to_datetime(dates)
    if filters.start:
        mask &= stamps >= pd.Timestamp(filters.start)
    if filters.end:
        mask &= stamps < pd.Timestamp(filters.end) + pd.Timedelta(days=1)
    return mask.fillna(False).astype(bool)


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
    Places follow the country and date filters; actors follow the actor filter.
    """
    events = frames.events[_event_mask(frames.events, filters)]
    quotes = frames.quotes[_quote_mask(frames.quotes, frames.events, filters)]
    places = frames.places[_date_mask(frames.places["published"], filters)]
    if filters.countries:
        places = places[places["country"].isin(filters.countries)]
    actors = frames.actors
    if filters.actors:
        actors = actors[actors["name"].isin(filters.actors)]
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
        mask &= _date_mask(zones["date_ordered"], filters)
    if filters.types and not any("evacuat" in t.lower() for t in filters.types):
        mask &= False
    if filters.countries and "UA" not in filters.countries:
        mask &= False
    if filters.text:
        mask &= _text_mask(zones, ("settlement", "hromada", "oblast", "who"), filters.text)
    return zones[mask]
