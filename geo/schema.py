"""Column names, dtypes and meanings of every frame the library hands to the dashboard and files.

The schema is both documentation and validation (movingpandas-style constants; osmnx-style
"collect every problem, then raise once"). Column names are module constants so a typo fails
at import time, not as an empty map; :data:`COLUMN_SPECS` gives each column's dtype and
meaning, and :func:`validate_frames` checks a :class:`~geo.frames.Frames` against them.

Frames (GeoDataFrames in EPSG:4326 unless noted; rows whose place could not be resolved keep
their row with an empty geometry). Dtype words: ``str`` (text, missing as null), ``int``,
``float``, ``bool``, ``datetime`` (``datetime64[ns]``, NaT if unknown), ``list`` (list of
str in memory and in GeoParquet; JSON text in GeoJSON, "; "-joined in CSV), ``json`` (a JSON
object as text), ``geometry`` (Point, possibly empty).

``places``  one row per place mention
    mention_id, article_id, surface, start, end, sentence, sentence_start, sentence_end,
    name, kind, country, gazetteer_id, resolved (bool), published, geometry

``events``  one row per event (see :mod:`geo.events.taxonomy`)
    event_id, article_id, article_title, published, type, type_label, cameo (root code),
    cameo_code (specific code), acled_type, acled_sub_event, date, date_precision
    (day/month/year or null), date_basis (where the date came from), actors (list), targets
    (list), place_name, place_surface (the words that placed it), place_id, place_country,
    place_inferred (bool), geo_precision (settlement/region/country or null), quantities
    (json, e.g. '{"area_km2": 110.0}'), sources (list: ISW, AFP …), trigger (the cue),
    sentence, start, end, quotes (list), mentions (json: every span supporting the event,
    ``[{"article", "start", "end", "sentence_start", "sentence_end", "kind"}]`` with kind
    "trigger" or "reference"; events fused across articles extend the same list), geometry

``quotes``  one row per direct quote
    quote_id, article_id, article_title, published, text, start, end, speaker, speaker_kind,
    speaker_id, attribution, outlet (the newspaper, agency or platform that carried the
    words: "via NRK"; never the speaker), date (the day it was said: stated around the quote,
    else the date of the event it belongs to; null when the text does not say, which is
    *not* the publication date), date_precision, date_basis (attribution, sentence,
    paragraph, continuation, or event:<the event's basis>), context (the paragraph around
    the quote), event_id (or null), geometry (Point of that event's place, or empty)

``actors``  (plain DataFrame) one row per actor per article
    actor_id, article_id, name, kind, role, country, mentions (int)

``articles``  (plain DataFrame) one row per article
    article_id, title, published, lang, path, url, content_hash, problems (list)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import pandas as pd
from pandas.api import types as ptypes

from geo.errors import SchemaError

if TYPE_CHECKING:
    from geo.frames import Frames

__all__ = [
    "ACTORS_COLUMNS",
    "ARTICLES_COLUMNS",
    "COLUMN_SPECS",
    "EVENTS_COLUMNS",
    "PLACES_COLUMNS",
    "QUOTES_COLUMNS",
    "Column",
    "validate_frames",
]


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, dtype word (see module docstring) and what it means."""

    name: str
    dtype: str
    meaning: str
    nullable: bool = True


def _c(name: str, dtype: str, meaning: str, *, nullable: bool = True) -> Column:
    return Column(name, dtype, meaning, nullable)


_ID = "stable id (geo.ids.make_id of article, content hash, span)"
_PLACES: Final = (
    _c("mention_id", "str", _ID, nullable=False),
    _c("article_id", "str", "article (file stem)", nullable=False),
    _c("surface", "str", "the words in the text", nullable=False),
    _c("start", "int", "offset into the article body", nullable=False),
    _c("end", "int", "end offset into the article body", nullable=False),
    _c("sentence", "str", "the sentence holding the mention"),
    _c("sentence_start", "int", "sentence offset", nullable=False),
    _c("sentence_end", "int", "sentence end offset", nullable=False),
    _c("name", "str", "canonical English name (null if unresolved)"),
    _c("kind", "str", "country/region/city/village/other"),
    _c("country", "str", "ISO 3166-1 alpha-2"),
    _c("gazetteer_id", "str", "geonames:<id>, iso:<cc> or local:<slug>"),
    _c("resolved", "bool", "the gazetteer found the place", nullable=False),
    _c("published", "datetime", "publication date of the article"),
    _c("geometry", "geometry", "Point (lon, lat); empty when unresolved"),
)
_EVENTS: Final = (
    _c("event_id", "str", _ID, nullable=False),
    _c("article_id", "str", "article (file stem)", nullable=False),
    _c("article_title", "str", "title from front matter"),
    _c("published", "datetime", "publication date of the article"),
    _c("type", "str", "EventType value", nullable=False),
    _c("type_label", "str", "human label of the type", nullable=False),
    _c("cameo", "str", "CAMEO root code", nullable=False),
    _c("cameo_code", "str", "CAMEO code refined by the cue", nullable=False),
    _c("acled_type", "str", "ACLED event type where one fits"),
    _c("acled_sub_event", "str", "ACLED sub-event type where one fits"),
    _c("date", "datetime", "first day the event's date covers"),
    _c("date_precision", "str", "day/month/year, like ACLED time_precision"),
    _c("date_basis", "str", "sentence, sentence-offset, quote-context or anchored"),
    _c("actors", "list", "who acts (canonical names)"),
    _c("targets", "list", "who is addressed (canonical names)"),
    _c("place_name", "str", "canonical place name"),
    _c("place_surface", "str", "the words that placed it ('i øst')"),
    _c("place_id", "str", "gazetteer id of the place"),
    _c("place_country", "str", "ISO 3166-1 alpha-2 of the place"),
    _c("place_inferred", "bool", "place from context, not named in the sentence",
       nullable=False),
    _c("geo_precision", "str", "settlement/region/country, like ACLED geo_precision"),
    _c("quantities", "json", "JSON object name → value", nullable=False),
    _c("sources", "list", "who reports it (ISW, AFP …)"),
    _c("trigger", "str", "the cue words that typed the event"),
    _c("sentence", "str", "the sentence(s) stating the event", nullable=False),
    _c("start", "int", "sentence offset", nullable=False),
    _c("end", "int", "sentence end offset", nullable=False),
    _c("quotes", "list", "texts of the quotes that belong to the event"),
    _c("mentions", "json", "JSON list of the spans supporting the event "
       "({article, start, end, sentence_start, sentence_end, kind})", nullable=False),
    _c("geometry", "geometry", "Point of the place; empty when unplaced"),
)  # fmt: skip
_QUOTES: Final = (
    _c("quote_id", "str", _ID, nullable=False),
    _c("article_id", "str", "article (file stem)", nullable=False),
    _c("article_title", "str", "title from front matter"),
    _c("published", "datetime", "publication date of the article"),
    _c("text", "str", "the quote, without dashes or quote marks", nullable=False),
    _c("start", "int", "offset into the article body", nullable=False),
    _c("end", "int", "end offset into the article body", nullable=False),
    _c("speaker", "str", "canonical name of the speaker"),
    _c("speaker_kind", "str", "person/org"),
    _c("speaker_id", "str", "registry id of the speaker"),
    _c("attribution", "str", "rule that chose the speaker"),
    _c("outlet", "str", "outlet that carried the words (NRK, Reuters, Telegram); not the speaker"),
    _c("date", "datetime", "day it was said (stated, else its event's); NaT: not stated"),
    _c("date_precision", "str", "day/month/year of date"),
    _c("date_basis", "str", "where the date came from; null when not stated"),
    _c("context", "str", "the paragraph around the quote"),
    _c("event_id", "str", "the event the quote belongs to"),
    _c("geometry", "geometry", "Point of the event's place, or empty"),
)
_ACTORS: Final = (
    _c("actor_id", "str", "registry id or discovered:<slug>", nullable=False),
    _c("article_id", "str", "article (file stem)", nullable=False),
    _c("name", "str", "canonical name", nullable=False),
    _c("kind", "str", "person/org", nullable=False),
    _c("role", "str", "role (president …)"),
    _c("country", "str", "ISO 3166-1 alpha-2"),
    _c("mentions", "int", "mentions in the article", nullable=False),
)
_ARTICLES: Final = (
    _c("article_id", "str", "file stem", nullable=False),
    _c("title", "str", "title from front matter"),
    _c("published", "datetime", "publication date"),
    _c("lang", "str", "nb/nn/en", nullable=False),
    _c("path", "str", "file path"),
    _c("url", "str", "source URL"),
    _c("content_hash", "str", "SHA-256 of the file bytes", nullable=False),
    _c("problems", "list", "non-fatal findings"),
)

#: Column specs per frame name.
COLUMN_SPECS: Final = {
    "places": _PLACES,
    "events": _EVENTS,
    "quotes": _QUOTES,
    "actors": _ACTORS,
    "articles": _ARTICLES,
}

PLACES_COLUMNS: Final = tuple(c.name for c in _PLACES)
EVENTS_COLUMNS: Final = tuple(c.name for c in _EVENTS)
QUOTES_COLUMNS: Final = tuple(c.name for c in _QUOTES)
ACTORS_COLUMNS: Final = tuple(c.name for c in _ACTORS)
ARTICLES_COLUMNS: Final = tuple(c.name for c in _ARTICLES)

_GEO_FRAMES: Final = ("places", "events", "quotes")
_ID_COLUMNS: Final = {"places": "mention_id", "events": "event_id", "quotes": "quote_id"}
_VOCABULARIES: Final = {
    ("events", "date_precision"): {"day", "month", "year"},
    ("events", "geo_precision"): {"settlement", "region", "country"},
    ("quotes", "date_precision"): {"day", "month", "year"},
    ("places", "kind"): {"country", "region", "city", "village", "other"},
    ("actors", "kind"): {"person", "org"},
    ("quotes", "speaker_kind"): {"person", "org"},
    ("articles", "lang"): {"nb", "nn", "en"},
}


def _dtype_ok(series: pd.Series, dtype: str) -> bool:
    checks = {
        "str": lambda s: ptypes.is_string_dtype(s) or ptypes.is_object_dtype(s),
        "json": lambda s: ptypes.is_string_dtype(s) or ptypes.is_object_dtype(s),
        "list": ptypes.is_object_dtype,
        "int": ptypes.is_integer_dtype,
        "float": ptypes.is_float_dtype,
        "bool": ptypes.is_bool_dtype,
        "datetime": ptypes.is_datetime64_any_dtype,
        "geometry": lambda s: str(s.dtype) == "geometry",
    }
    return bool(checks[dtype](series))


def _check_values(name: str, frame: pd.DataFrame, problems: list[str]) -> None:
    for column in COLUMN_SPECS[name]:
        if column.name not in frame.columns or frame.empty:
            continue
        series = frame[column.name]
        if not column.nullable and column.dtype != "geometry" and series.isna().any():
            problems.append(f"{name}.{column.name}: {int(series.isna().sum())} null value(s)")
        if column.dtype == "list":
            bad = [type(v).__name__ for v in series if not isinstance(v, (list, tuple))]
            if bad:
                problems.append(f"{name}.{column.name}: expected lists, found {bad[0]}")
        allowed = _VOCABULARIES.get((name, column.name))
        if allowed is not None:
            unknown = sorted({str(v) for v in series.dropna()} - allowed)
            if unknown:
                problems.append(
                    f"{name}.{column.name}: unknown value(s) {unknown}; allowed {sorted(allowed)}"
                )
    if {"start", "end"} <= set(frame.columns) and (frame["start"] > frame["end"]).any():
        problems.append(
            f"{name}: start > end in {int((frame['start'] > frame['end']).sum())} row(s)"
        )


def _check_geometry(name: str, frame: pd.DataFrame, problems: list[str]) -> None:
    crs = getattr(frame, "crs", None)
    if crs is None or crs.to_epsg() != 4326:
        problems.append(f"{name}: CRS is {crs}, expected EPSG:4326 (call .to_crs(4326))")
    geoms = frame.geometry[[g is not None and not g.is_empty for g in frame.geometry]]
    if len(geoms) and not (geoms.geom_type == "Point").all():
        problems.append(
            f"{name}.geometry: only Points allowed, found {sorted(set(geoms.geom_type))}"
        )
    if len(geoms):
        x, y = geoms.x, geoms.y
        if ((x < -180) | (x > 180) | (y < -90) | (y > 90)).any():
            problems.append(
                f"{name}.geometry: coordinates outside lon/lat range (lat/lon swapped?)"
            )


def validate_frames(frames: Frames, *, strict: bool = True) -> list[str]:
    """Check every frame against :data:`COLUMN_SPECS`; collect all problems, raise once.

    Checks: missing columns (and, with ``strict``, unexpected ones), dtypes, nulls in
    non-null columns, list columns holding lists, vocabularies (``date_precision``,
    ``geo_precision``, kinds, languages), unique ids, ``start <= end``, EPSG:4326 and Point
    geometries inside the lon/lat range, event types known to the taxonomy.

    Returns
    -------
    list[str]
        The problems found (empty when valid) — only returned when ``strict`` is false.

    Raises
    ------
    SchemaError
        When ``strict`` and anything is wrong; the message lists every problem.
    """
    from geo.events.taxonomy import EventType  # noqa: PLC0415 - taxonomy imports model only

    problems: list[str] = []
    for name, specs in COLUMN_SPECS.items():
        frame = getattr(frames, name)
        expected = [c.name for c in specs]
        missing = [c for c in expected if c not in frame.columns]
        if missing:
            problems.append(f"{name}: missing column(s) {missing}")
        extra = [c for c in frame.columns if c not in expected]
        if strict and extra:
            problems.append(f"{name}: unexpected column(s) {extra}; document them in geo.schema")
        for column in specs:
            if column.name in frame.columns and not _dtype_ok(frame[column.name], column.dtype):
                problems.append(
                    f"{name}.{column.name}: dtype {frame[column.name].dtype}, "
                    f"expected {column.dtype}"
                )
        _check_values(name, frame, problems)
        if name in _GEO_FRAMES and "geometry" in frame.columns:
            _check_geometry(name, frame, problems)
        id_column = _ID_COLUMNS.get(name)
        if id_column in frame.columns and frame[id_column].duplicated().any():
            dupes = sorted(set(frame.loc[frame[id_column].duplicated(), id_column]))[:3]
            problems.append(f"{name}.{id_column}: duplicate id(s) {dupes}")
    if "type" in frames.events.columns:
        unknown = sorted(set(frames.events["type"].dropna()) - {t.value for t in EventType})
        if unknown:
            problems.append(f"events.type: unknown event type(s) {unknown}")
    if problems and strict:
        msg = f"{len(problems)} schema problem(s): " + "; ".join(problems)
        raise SchemaError(msg)
    return problems
