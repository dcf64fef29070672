"""The extraction pipeline: declared stages, checked once, run per article.

Each :class:`Stage` declares the fields it ``requires`` and ``produces`` (spaCy's
``requires``/``assigns``). :func:`check_stages` verifies, when the module is imported, that
every requirement is produced by an earlier stage, so a reordering mistake fails at once
rather than as a ``KeyError`` deep in a batch. :func:`extract_article` runs the stages and
returns one frozen :class:`~geo.model.Extraction`.

Overlaps between stages are settled here, in one place: a place named inside an organisation
("Det hvite hus", "Ukraine Defense Contact Group") or a person's name is not a place.

Recognition is open, resolution curated: the ``entities`` stage (a CRF trained on NorNE,
:mod:`geo.ner`) finds names of any person, organisation and place; the actors and places
stages link them to the registry and the gazetteer where those know them, and keep the
rest as written.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from geo import settings
from geo.errors import ArticleError
from geo.events.detect import find_events
from geo.extract.actors import find_actors
from geo.extract.dates import find_dates
from geo.extract.open_names import GPE_PREFIX
from geo.extract.places import find_places
from geo.extract.quantities import find_quantities
from geo.extract.quotes import find_quotes
from geo.model import Article, Extraction, PlaceMention
from geo.resources import Resources, load_resources
from geo.text.sentences import split_paragraphs, split_sentences

__all__ = ["STAGES", "Stage", "check_stages", "extract_article"]

State = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Stage:
    """One pipeline step: ``run(article, state, resources)`` returns the fields it produces."""

    name: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]
    run: Callable[[Article, State, Resources], dict[str, Any]]


def _without_overlaps(places: tuple[PlaceMention, ...], state: State) -> tuple[PlaceMention, ...]:
    """Drop places inside an organisation's or a person's span (sorted spans + bisect).

    A country or town acting as an organisation ("Norge protesterte", an org whose id starts
    with :data:`~geo.extract.open_names.GPE_PREFIX`) is still a place.
    """
    taken = sorted(
        (m.start, m.end)
        for m in (*state["orgs"], *state["actors"])
        if not m.actor.id.startswith(GPE_PREFIX)
    )
    if not taken:
        return places
    starts = [start for start, _ in taken]
    reach = list(accumulate((end for _, end in taken), max))  # furthest end so far
    kept = []
    for place in places:
        # Spans starting before the place's end overlap it when they reach past its start.
        i = bisect_left(starts, place.end)
        if i == 0 or reach[i - 1] <= place.start:
            kept.append(place)
    return tuple(kept)


def _entities(article: Article, state: State, res: Resources) -> dict[str, Any]:
    return {"entities": res.recogniser.recognise(article.text, article.lang)}


def _actors(article: Article, state: State, res: Resources) -> dict[str, Any]:
    actors, orgs = find_actors(
        article,
        sentences=state["sentences"],
        paragraphs=state["paragraphs"],
        registry=res.registry,
        entities=state["entities"],
        gazetteer=res.gazetteer,
    )
    return {"actors": actors, "orgs": orgs}


def _places(article: Article, state: State, res: Resources) -> dict[str, Any]:
    found = find_places(
        article, sentences=state["sentences"], gazetteer=res.gazetteer, entities=state["entities"]
    )
    return {"places": _without_overlaps(found, state)}


def _quotes(article: Article, state: State, res: Resources) -> dict[str, Any]:
    quotes, problems = find_quotes(
        article,
        sentences=state["sentences"],
        paragraphs=state["paragraphs"],
        actors=state["actors"],
        orgs=state["orgs"],
        dates=state["dates"],
    )
    return {"quotes": quotes, "problems": problems}


def _events(article: Article, state: State, res: Resources) -> dict[str, Any]:
    events = find_events(
        article,
        sentences=state["sentences"],
        paragraphs=state["paragraphs"],
        places=state["places"],
        actors=state["actors"],
        orgs=state["orgs"],
        quotes=state["quotes"],
        dates=state["dates"],
        quantities=state["quantities"],
    )
    return {"events": events}


STAGES: tuple[Stage, ...] = (
    Stage(
        "paragraphs", (), ("paragraphs",), lambda a, s, r: {"paragraphs": split_paragraphs(a.text)}
    ),
    Stage(
        "sentences",
        ("paragraphs",),
        ("sentences",),
        lambda a, s, r: {"sentences": split_sentences(a.text, s["paragraphs"])},
    ),
    Stage("entities", ("sentences",), ("entities",), _entities),
    Stage("actors", ("sentences", "paragraphs", "entities"), ("actors", "orgs"), _actors),
    Stage("places", ("sentences", "entities", "actors", "orgs"), ("places",), _places),
    Stage(
        "dates",
        ("sentences",),
        ("dates",),
        lambda a, s, r: {"dates": find_dates(a, sentences=s["sentences"])},
    ),
    Stage(
        "quotes",
        ("sentences", "paragraphs", "actors", "orgs", "dates"),
        ("quotes", "problems"),
        _quotes,
    ),
    Stage(
        "quantities",
        ("sentences",),
        ("quantities",),
        lambda a, s, r: {"quantities": find_quantities(a, sentences=s["sentences"])},
    ),
    Stage(
        "events",
        ("sentences", "paragraphs", "places", "actors", "orgs", "quotes", "dates", "quantities"),
        ("events",),
        _events,
    ),
)


def check_stages(stages: tuple[Stage, ...] = STAGES) -> None:
    """Raise ``ValueError`` naming the stage whose requirement no earlier stage produces."""
    available: set[str] = set()
    problems: list[str] = []
    for stage in stages:
        missing = [field for field in stage.requires if field not in available]
        if missing:
            problems.append(
                f"stage {stage.name!r} requires {missing}, produced by no earlier stage"
            )
        available.update(stage.produces)
    if problems:
        msg = "pipeline is mis-ordered: " + "; ".join(problems)
        raise ValueError(msg)


check_stages()


def _check_size(article: Article) -> None:
    """Refuse an article text over the size budget (an :class:`Article` built by hand)."""
    if len(article.text) > settings.MAX_ARTICLE_BYTES:
        msg = (
            f"{article.path or article.id}: {len(article.text):,} characters is over the "
            f"{settings.MAX_ARTICLE_BYTES:,}-character limit for one article; split it."
        )
        raise ArticleError(msg)


def _check_time(article: Article, stage: Stage, deadline: float) -> None:
    """Report an article whose extraction overran its time budget (checked per stage)."""
    if time.perf_counter() > deadline:
        msg = (
            f"{article.path or article.id}: extraction took longer than "
            f"{settings.MAX_ARTICLE_SECONDS:g} s (at stage {stage.name!r}); the article is "
            "skipped. Split it, or raise geo.settings.MAX_ARTICLE_SECONDS."
        )
        raise ArticleError(msg)


def extract_article(article: Article, resources: Resources | None = None) -> Extraction:
    """Run every stage on one article and return its :class:`~geo.model.Extraction`.

    Never raises on odd text: ambiguities (an unclosed «) are recorded in
    ``Extraction.problems``; only programming errors propagate. The budget is the exception:
    a text over :data:`geo.settings.MAX_ARTICLE_BYTES` characters, or one whose stages overrun
    :data:`geo.settings.MAX_ARTICLE_SECONDS`, raises :class:`~geo.errors.ArticleError`, which
    batches report per file (every stage is linear in the text's length, so this is a guard,
    not a normal outcome; a stage is not interrupted mid-way, the check runs after each).
    """
    res = resources if resources is not None else load_resources()
    _check_size(article)
    deadline = time.perf_counter() + settings.MAX_ARTICLE_SECONDS
    state: dict[str, Any] = {}
    for stage in STAGES:
        produced = stage.run(article, state, res)
        _check_time(article, stage, deadline)
        if set(produced) != set(stage.produces):
            msg = (
                f"stage {stage.name!r} produced {sorted(produced)}, declared {list(stage.produces)}"
            )
            raise RuntimeError(msg)
        state.update(produced)
    return Extraction(article=article, **state)
