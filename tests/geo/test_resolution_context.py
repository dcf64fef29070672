"""Where a place mention is: context-aware choice among homonyms, datelines, abbreviations.

The sentences are written for these tests. Each row pins what the mention resolves to
(name, kind, country): the same name must land in different places as its context changes.
"""

from __future__ import annotations

import pytest

from geo.extract.places import find_places
from geo.gazetteer.index import Gazetteer, load_gazetteer
from geo.model import Lang
from tests.builders import make_article


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _resolved(
    gaz: Gazetteer, text: str, lang: Lang = "en"
) -> list[tuple[str, str | None, str | None, str | None]]:
    mentions = find_places(make_article(text, lang=lang), sentences=(), gazetteer=gaz)
    for m in mentions:
        assert text[m.start : m.end] == m.surface
    return [
        (m.surface, m.place.kind, m.place.country, m.place.admin1)
        if m.place
        else (m.surface, None, None, None)
        for m in mentions
    ]


def _where(gaz: Gazetteer, text: str, surface: str, lang: Lang = "en") -> tuple[str, str | None]:
    """Return (kind, country) of the first mention written ``surface``."""
    for found, kind, country, _admin1 in _resolved(gaz, text, lang):
        if found == surface:
            assert kind is not None
            return kind, country
    msg = f"{surface!r} not found in {text!r}"
    raise AssertionError(msg)


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        pytest.param(
            "The festival moved from Paris, Texas, to a barn outside Dallas.",
            "Paris",
            ("city", "US"),
            id="comma-qualified-town-lies-in-the-state",
        ),
        pytest.param(
            "Talks in Paris ended late on Friday.",
            "Paris",
            ("city", "FR"),
            id="bare-paris-is-the-capital",
        ),
        pytest.param(
            "Farmers near Atlanta and Savannah say Georgia needs rain.",
            "Georgia",
            ("region", "US"),
            id="georgia-among-us-cities-is-the-state",
        ),
        pytest.param(
            "Protesters in Tbilisi and Batumi say Georgia must stay on its course.",
            "Georgia",
            ("country", "GE"),
            id="georgia-among-georgian-cities-is-the-country",
        ),
        pytest.param(
            "Officials in Georgia said the border was calm.",
            "Georgia",
            ("country", "GE"),
            id="georgia-alone-is-the-country",
        ),
        pytest.param(
            "Storms hit Montgomery, Mobile and Huntsville before reaching Birmingham.",
            "Birmingham",
            ("city", "US"),
            id="birmingham-among-alabama-cities",
        ),
        pytest.param(
            "Trains from Leeds and Coventry to Birmingham were cancelled.",
            "Birmingham",
            ("city", "GB"),
            id="birmingham-among-english-cities",
        ),
        pytest.param(
            "Snow closed roads between Toronto and Ottawa, and across Ontario.",
            "Ontario",
            ("region", "CA"),
            id="province-not-the-californian-town",
        ),
    ],
)
def test_context_chooses_among_places_of_one_name(
    gazetteer: Gazetteer, text: str, surface: str, expected: tuple[str, str]
) -> None:
    assert _where(gazetteer, text, surface) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "NEW YORK, March 3 (Reuters) - Shares fell sharply on Monday.",
            [("NEW YORK", "city", "US", "New York")],
            id="all-caps-dateline-with-comma",
        ),
        pytest.param(
            "WASHINGTON (AP) — The Senate met late into the night.",
            [("WASHINGTON", "city", "US", "District of Columbia")],
            id="all-caps-dateline-with-agency",
        ),
        pytest.param(
            "BREAKING NEWS: markets fell.\nNo more details were given.",
            [],
            id="all-caps-heading-is-no-dateline",
        ),
        pytest.param(
            "Growers in Fresno, Calif., lost half their crop.",
            [("Fresno", "city", "US", "California"), ("Calif.", "region", "US", "California")],
            id="ap-state-abbreviation-after-comma",
        ),
        pytest.param(
            "Miners from Beckley, W.Va., marched to the capitol.",
            [
                ("Beckley", "city", "US", "West Virginia"),
                ("W.Va.", "region", "US", "West Virginia"),
            ],
            id="dotted-abbreviation",
        ),
        pytest.param(
            "Ill. health forced him out, and Miss. Jones took over.",
            [],
            id="abbreviation-needs-a-comma-before-it",
        ),
    ],
)
def test_datelines_and_abbreviations(
    gazetteer: Gazetteer, text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert _resolved(gazetteer, text) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        pytest.param("Keith said the Bank would lower its rates.", "en", id="bank-keith"),
        pytest.param("Police said God knows why the Star fell.", "en", id="police-god-star"),
        pytest.param("Some Guys Have All the Luck was his hit.", "en", id="luck-is-not-lutsk"),
    ],
)
def test_common_words_do_not_become_far_away_places(
    gazetteer: Gazetteer, text: str, lang: Lang
) -> None:
    assert _resolved(gazetteer, text, lang) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Hun flyttet fra Askøy til Sogn og Fjordane i fjor.",
            [("Askøy", "region", "NO", "Vestland"), ("Sogn og Fjordane", "region", "NO", None)],
            id="kommune-and-former-fylke",
        ),
        pytest.param(
            "Skipet seilte over Svartehavet og inn i Azovhavet.",
            [("Svartehavet", "other", None, None), ("Azovhavet", "other", None, None)],
            id="seas-in-norwegian",
        ),
    ],
)
def test_divisions_and_features_in_norwegian_text(
    gazetteer: Gazetteer, text: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert _resolved(gazetteer, text, "nb") == expected


def test_multi_word_name_beats_its_first_word(gazetteer: Gazetteer) -> None:
    found = _resolved(gazetteer, "The crew filmed on the Korean Peninsula and in Orange County.")
    assert [(s, k) for s, k, _c, _a in found] == [
        ("Korean Peninsula", "region"),
        ("Orange County", "region"),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param(
            "Somme ser det annleis. Soldatane kjempa ved Somme i 1916.",
            "nn",
            [("Somme", "region", "FR", "Hauts-de-France")],
            id="small-foreign-division-needs-more-than-a-sentence-start",
        ),
        pytest.param(
            "Orange County voted early. Turnout in Orange County was high.",
            "en",
            [("Orange County", "region", "US", "California")] * 2,
            id="multi-word-division-counts-at-a-sentence-start",
        ),
    ],
)
def test_divisions_at_sentence_starts(
    gazetteer: Gazetteer,
    text: str,
    lang: Lang,
    expected: list[tuple[str, str, str | None, str | None]],
) -> None:
    assert _resolved(gazetteer, text, lang) == expected
