"""An advance placed only at the country that advances takes its place from the context.

The advancing country is a participant, not where the front moved; the sentences are ours.
"""

from __future__ import annotations

import datetime as dt

import pytest

from geo.model import Article, Event
from geo.pipeline import extract_article
from geo.resources import Resources


def _advances(text: str, resources: Resources, lang: str = "nb") -> list[Event]:
    article = Article(id="t", text=text, lang=lang, published=dt.date(2025, 8, 15))
    return [e for e in extract_article(article, resources).events if e.type == "advance"]


def _place(event: Event) -> tuple[str | None, bool]:
    return (event.place.name if event.place else None, event.place_inferred)


def test_a_place_named_before_in_the_paragraph_is_inherited(resources: Resources) -> None:
    text = "Kampene ved Toretsk har tiltatt denne uken. Russland har erobret tre landsbyer."
    (advance,) = _advances(text, resources)
    assert _place(advance) == ("Toretsk", True)
    assert advance.place_surface == "Toretsk"


def test_the_earlier_front_event_beats_a_nearer_place_of_diplomacy(
    resources: Resources,
) -> None:
    text = (
        "Russiske styrker har rykket fram nord for Pokrovsk fredag.\n"
        "EU-lederne møttes i Brussel torsdag for å drøfte nye sanksjoner.\n"
        "Russland har erobret om lag 40 kvadratkilometer siden onsdag."
    )
    first, second = _advances(text, resources)
    assert _place(first) == ("Pokrovsk", False)
    assert _place(second) == ("Pokrovsk", True)  # not Brussels, not Russia


def test_a_place_in_ukraine_named_earlier_in_the_article_is_inherited(
    resources: Resources,
) -> None:
    text = (
        "Fighting around Vovchansk in the Kharkiv region intensified this week.\n"
        "Russia has captured two villages, the general staff said."
    )
    (advance,) = _advances(text, resources, lang="en")
    assert _place(advance) == ("Vovchansk", True)  # the most specific of that sentence


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "EU-lederne møttes i Brussel torsdag for å drøfte sanksjoner.\n"
            "Russland har erobret om lag 50 kvadratkilometer siden mandag.",
            id="only-a-place-of-diplomacy-before",
        ),
        pytest.param(
            "«Vi skal holde Kupjansk», sa kommandanten. Russland har erobret tre landsbyer.",
            id="the-place-before-is-inside-a-quote",
        ),
    ],
)
def test_without_a_front_place_before_the_country_stays_a_coarse_place(
    text: str, resources: Resources
) -> None:
    (advance,) = _advances(text, resources)
    assert _place(advance) == ("Russia", False)


def test_a_place_named_in_the_sentence_is_never_replaced(resources: Resources) -> None:
    text = "Kampene ved Toretsk har tiltatt. Russland har erobret Kurakhove denne uken."
    (advance,) = _advances(text, resources)
    assert _place(advance) == ("Kurakhove", False)
