"""Quantities: numbers with units in nb, nn and en, with approximation cues."""

from __future__ import annotations

import pytest

from geo.extract.quantities import find_quantities, parse_number
from geo.model import Lang, Quantity
from geo.text.sentences import split_sentences
from tests.builders import make_article


def quantities(text: str, lang: Lang = "nb") -> list[tuple[str, float, bool]]:
    article = make_article(text, lang=lang)
    found = find_quantities(article, sentences=split_sentences(text))
    return [(q.name, q.value, q.approx) for q in found]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param("et område på 110 kvadratkilometer", "nb", ("area_km2", 110.0, False),
                     id="nb-kvadratkilometer"),
        pytest.param("Russland tok 110 km² i øst.", "nb", ("area_km2", 110.0, False),
                     id="km2-sign"),
        pytest.param("an area of 110 square kilometres", "en", ("area_km2", 110.0, False),
                     id="en-square-kilometres"),
        pytest.param("evakuering av 1150 barn", "nb", ("children", 1150.0, False), id="nb-barn"),
        pytest.param("evakuering av 1 150 barn", "nb", ("children", 1150.0, False),
                     id="nb-space-thousands"),
        pytest.param("evakuering av 1.150 barn", "nb", ("children", 1150.0, False),
                     id="nb-dot-thousands"),
        pytest.param("some 1,150 children", "en", ("children", 1150.0, True), id="en-comma"),
        pytest.param("over 30 samtaler med partnere", "nb", ("talks", 30.0, True), id="over-30"),
        pytest.param("mer enn 30 telefonsamtaler", "nb", ("talks", 30.0, True), id="compound"),
        pytest.param("Russland sendte 40 droner", "nb", ("drones", 40.0, False), id="nb-drones"),
        pytest.param("Russia fired 12 missiles", "en", ("missiles", 12.0, False), id="en-missiles"),
        pytest.param("minst 12 drepte", "nb", ("killed", 12.0, True), id="nb-killed"),
        pytest.param("at least 30 injured", "en", ("injured", 30.0, True), id="en-injured"),
        pytest.param("fra 13 landsbyer", "nb", ("settlements", 13.0, False), id="nb-settlements"),
        pytest.param("rundt 2000 personer", "nb", ("people", 2000.0, True), id="nb-people"),
        pytest.param("i løpet av 24 timer", "nb", ("duration_hours", 24.0, False), id="hours"),
        pytest.param("15 kilometer fra fronten", "nb", ("distance_km", 15.0, False), id="km"),
        pytest.param("2 milliarder dollar", "nb", ("amount_usd", 2e9, False), id="multiplier"),
        pytest.param("tolv barnefamilier", "nb", ("families", 12.0, False), id="number-word"),
        pytest.param("ti born vart evakuerte", "nn", ("children", 10.0, False), id="nn-born"),
        pytest.param("Minst 13 mennesker ble drept.", "nb", ("killed", 13.0, True),
                     id="people-killed"),
        pytest.param("12 civilians were wounded", "en", ("injured", 12.0, False), id="hurt"),
        pytest.param("to ballistiske raketter", "nb", ("missiles", 2.0, False), id="adjective"),
    ],
)  # fmt: skip
def test_number_with_unit_becomes_a_named_quantity(
    text: str, lang: Lang, expected: tuple[str, float, bool]
) -> None:
    assert quantities(text, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        pytest.param("For første gang siden 2018 møtes de.", "nb", id="year"),
        pytest.param("Møtet er 15. august.", "nb", id="day-of-month"),
        pytest.param("They fire missiles at night.", "en", id="english-fire-is-no-number"),
        pytest.param("Han har to hunder.", "nb", id="unknown-unit"),
        pytest.param("Siden 2024 russiske soldater kom.", "nb", id="year-then-adjective"),
    ],
)
def test_numbers_without_a_known_unit_are_ignored(text: str, lang: Lang) -> None:
    assert quantities(text, lang) == []


def test_quantity_offsets_slice_back_to_its_surface() -> None:
    text = "Russland tok 110 kvadratkilometer. Over 30 samtaler og 1 150 barn."
    article = make_article(text)
    found = find_quantities(article, sentences=split_sentences(text))
    assert [text[q.start : q.end] for q in found] == [q.surface for q in found]
    assert found[1] == Quantity("talks", 30.0, "talks", "Over 30 samtaler", 35, 51, approx=True)


def test_number_never_joins_a_unit_across_a_sentence_end() -> None:
    assert quantities("Det var 2025. Barn ble evakuert.") == []


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        pytest.param("1,5", "nb", 1.5, id="nb-decimal-comma"),
        pytest.param("1.5", "en", 1.5, id="en-decimal-point"),
        pytest.param("1,150", "en", 1150.0, id="en-thousands"),
        pytest.param("1 150", "nb", 1150.0, id="nb-thousands-space"),
        pytest.param("1\u00a0150", "nb", 1150.0, id="nb-thousands-nbsp"),
        pytest.param("tolv", "nb", 12.0, id="word"),
        pytest.param("abc", "nb", None, id="not-a-number"),
    ],
)
def test_parse_number_reads_each_languages_separators(
    text: str, lang: str, value: float | None
) -> None:
    assert parse_number(text, lang) == value
