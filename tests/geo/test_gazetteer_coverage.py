"""Gazetteer coverage: divisions, natural features, abbreviations, and the common-word guard.

Each row names a place kind the index must hold (an oblast, a raion, a kommune, a former
fylke, a US county, a river, a sea, a mountain range, an airport) and checks that the first
reading has that kind and lies where the place is: coordinates typed here are the places'
well-known positions (the town a raion is named after, a county seat), with a tolerance that
a wrong homonym on another continent could never meet.
"""

from __future__ import annotations

import math

import pytest

from geo.gazetteer.index import Gazetteer, load_gazetteer


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


@pytest.mark.parametrize(
    ("name", "kind", "country", "near"),
    [
        pytest.param("Donetsk Oblast", "region", "UA", ((48.0, 37.8), 150), id="oblast"),
        pytest.param("Bakhmut Raion", "region", "UA", ((48.6, 38.0), 60), id="raion"),
        pytest.param("Kupiansk hromada", "region", "UA", ((49.7, 37.6), 10), id="hromada"),
        pytest.param("Бахмутська громада", "region", "UA", ((48.6, 38.0), 10), id="hromada-uk"),
        pytest.param("Askøy", "region", "NO", ((60.4, 5.2), 25), id="kommune-no-town-of-its-name"),
        pytest.param("Vestland", "region", "NO", ((60.9, 6.2), 150), id="fylke"),
        pytest.param("Hordaland", "region", "NO", ((60.3, 6.0), 120), id="former-fylke"),
        pytest.param("Sogn og Fjordane", "region", "NO", ((61.5, 6.5), 120), id="fylke-with-og"),
        pytest.param("Jan Mayen", "region", "SJ", ((71.0, -8.5), 60), id="arctic-island"),
        pytest.param("Lofoten", "region", "NO", ((68.23, 14.57), 80), id="district-near-svolvaer"),
        pytest.param("Orange County", "region", "US", ((33.7, -117.8), 60), id="us-county"),
        pytest.param("Tamil Nadu", "region", "IN", ((11.0, 78.5), 250), id="indian-state"),
        pytest.param("Ontario", "region", "CA", ((47.0, -83.0), 900), id="province-not-town"),
        pytest.param(
            "North West", "region", "ZA", ((-25.85, 25.64), 400), id="larger-homonymous-division"
        ),
        pytest.param("Svartehavet", "other", None, ((43.5, 34.5), 300), id="sea-nb"),
        pytest.param("Atlantic Ocean", "other", None, ((10.0, -30.0), 2500), id="ocean"),
        pytest.param("Danube", "other", None, ((47.5, 19.0), 50), id="river"),
        pytest.param("Carpathians", "region", None, ((48.5, 24.0), 250), id="mountains"),
        pytest.param("Korean Peninsula", "region", None, ((37.5, 127.5), 300), id="peninsula"),
        pytest.param("Heathrow", "other", "GB", ((51.47, -0.45), 5), id="airport"),
        pytest.param("Calif.", "region", "US", ((37.0, -119.5), 300), id="ap-abbreviation"),
        pytest.param("W.Va.", "region", "US", ((38.6, -80.6), 200), id="dotted-abbreviation"),
    ],
)
def test_place_kinds_are_covered(
    gazetteer: Gazetteer,
    name: str,
    kind: str,
    country: str | None,
    near: tuple[tuple[float, float], float],
) -> None:
    point, within_km = near
    best = gazetteer.lookup(name)[0]
    assert (best.kind, best.country) == (kind, country)
    assert _km((best.lat, best.lon), point) <= within_km


def test_divisions_keep_their_geonames_ids(gazetteer: Gazetteer) -> None:
    askoy = gazetteer.lookup("Askøy")[0]
    assert askoy.gazetteer_id == "geonames:3162639"
    assert askoy.admin1 == "Vestland"


def test_kommune_named_after_its_town_reads_as_the_town_first(gazetteer: Gazetteer) -> None:
    readings = gazetteer.lookup("Bergen")
    assert (readings[0].kind, readings[0].country) == ("city", "NO")
    assert any(p.kind == "region" and p.country == "NO" for p in readings[1:])


@pytest.mark.parametrize(
    "word",
    [
        pytest.param("Bank", id="alias-of-an-indian-town"),
        pytest.param("Keith", id="first-name-alias"),
        pytest.param("Police", id="small-polish-town"),
        pytest.param("God", id="hungarian-god-without-accent"),
        pytest.param("Luck", id="polish-name-of-lutsk"),
        pytest.param("Centre", id="region-named-by-a-word"),
        pytest.param("Johnson", id="johnson-city-without-city"),
    ],
)
def test_common_words_are_not_place_names(gazetteer: Gazetteer, word: str) -> None:
    assert gazetteer.lookup(word, lang="en") == ()


def test_a_frequent_name_keeps_its_small_homonyms(gazetteer: Gazetteer) -> None:
    texan = gazetteer.lookup("Paris", country="US")
    assert any(p.admin1 == "Texas" for p in texan)
    assert gazetteer.lookup("Paris")[0].country == "FR"


@pytest.mark.parametrize(
    ("iso", "box"),
    [
        pytest.param("US", (30.0, 49.0, -120.0, -75.0), id="contiguous-us-not-alaska"),
        pytest.param("NO", (58.0, 71.0, 5.0, 31.0), id="mainland-norway-not-svalbard"),
        pytest.param("FR", (42.5, 51.0, -4.5, 8.0), id="metropolitan-france"),
        pytest.param("HM", (-53.5, -52.5, 73.0, 74.0), id="island-without-settlements"),
    ],
)
def test_country_point_lies_inside_the_country(
    gazetteer: Gazetteer, iso: str, box: tuple[float, float, float, float]
) -> None:
    south, north, west, east = box
    country = gazetteer.get(f"iso:{iso}")
    assert country is not None
    assert south <= country.lat <= north
    assert west <= country.lon <= east


def test_state_point_is_near_its_middle_not_its_biggest_cities(gazetteer: Gazetteer) -> None:
    texas = gazetteer.lookup("Texas")[0]
    # The geographic centre of Texas lies near Brady (31.1 N, 99.3 W); Dallas is 300 km off.
    assert _km((texas.lat, texas.lon), (31.1, -99.3)) < 200


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        pytest.param("Jan Mayen", True, id="island-named-like-a-person"),
        pytest.param("Beverly Hills", True, id="city-named-like-a-person"),
        pytest.param("Sogn og Fjordane", True, id="three-words"),
        pytest.param("Jan Egeland", False, id="a-person"),
        pytest.param("Bergen", False, id="one-word-name"),
    ],
)
def test_multiword_names_are_told_apart_from_people(
    gazetteer: Gazetteer, surface: str, expected: bool
) -> None:
    assert gazetteer.is_multiword_name(surface) is expected
