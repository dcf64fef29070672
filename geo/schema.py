"""Column names and meanings of every frame the library hands to the dashboard and to files.

The schema is both documentation and validation (movingpandas-style constants; osmnx-style
"collect every problem, then raise once"). Column names are module constants so a typo fails
at import time, not as an empty map.

Frames (all GeoDataFrames in EPSG:4326 unless noted; rows whose place could not be resolved
keep their row with an empty geometry):

``places``  one row per place mention
    mention_id, article_id, surface, start, end, sentence, sentence_start, sentence_end,
    name, kind, country, gazetteer_id, resolved (bool), published (datetime64, NaT if unknown),
    geometry (Point)

``events``  one row per event
    event_id, article_id, article_title, published, type, type_label, cameo, acled_type,
    date (datetime64, NaT if unknown), date_precision (day/month/year or None),
    actors (list[str]), targets (list[str]), place_name, place_country, place_inferred (bool),
    geo_precision, quantities (JSON object as str, e.g. '{"area_km2": 110.0}'),
    sentence, start, end, quotes (list[str]), geometry (Point)

``quotes``  one row per direct quote
    quote_id, article_id, article_title, published, text, start, end, speaker (str or None),
    speaker_kind (person/org or None), speaker_id, attribution, date (datetime64, NaT if
    unknown: the date of the event the quote belongs to, else the publication date),
    context (the paragraph around the quote), event_id (or None), geometry (Point of the
    event's place, or empty)

``actors``  (plain DataFrame) one row per actor per article
    actor_id, article_id, name, kind, role, country, mentions (int)

``articles``  (plain DataFrame) one row per article
    article_id, title, published, lang, path, url, content_hash, problems (list[str])
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ACTORS_COLUMNS",
    "ARTICLES_COLUMNS",
    "EVENTS_COLUMNS",
    "PLACES_COLUMNS",
    "QUOTES_COLUMNS",
]

PLACES_COLUMNS: Final = (
    "mention_id", "article_id", "surface", "start", "end", "sentence", "sentence_start",
    "sentence_end", "name", "kind", "country", "gazetteer_id", "resolved", "published",
    "geometry",
)  # fmt: skip

EVENTS_COLUMNS: Final = (
    "event_id", "article_id", "article_title", "published", "type", "type_label", "cameo",
    "acled_type", "date", "date_precision", "actors", "targets", "place_name", "place_country",
    "place_inferred", "geo_precision", "quantities", "sentence", "start", "end", "quotes",
    "geometry",
)  # fmt: skip

QUOTES_COLUMNS: Final = (
    "quote_id", "article_id", "article_title", "published", "text", "start", "end", "speaker",
    "speaker_kind", "speaker_id", "attribution", "date", "context", "event_id", "geometry",
)  # fmt: skip

ACTORS_COLUMNS: Final = ("actor_id", "article_id", "name", "kind", "role", "country", "mentions")

ARTICLES_COLUMNS: Final = (
    "article_id", "title", "published", "lang", "path", "url", "content_hash", "problems",
)  # fmt: skip
