"""Turn the recogniser's person and organisation names into actors, named as written.

Recognition is open, resolution curated: :mod:`geo.extract.actors` first links what the
registry knows (Zelenskyj → Volodymyr Zelensky) and what title cues and given names reveal;
the names the statistical recogniser (:mod:`geo.ner`) found beyond those become actors here,
named as the article writes them:

- a person's full name ("Martha Johnsen") is one actor; a later or earlier lone surname
  ("Johnsen", genitive "Johnsens") or a lone given name links to it (done by the linking pass
  of :func:`geo.extract.actors.find_actors`); a lone name nobody else carries is an actor
  named by that word;
- an organisation ("Språkrådet", "Frp", "Oxford University") is an actor of kind ``org``;
  a Norwegian genitive "s" is left out of its name when the article also writes the name
  without it ("Høyres" → "Høyre") or the name is an acronym ("SVs" → "SV").

A country or town the recogniser calls an actor ("Norge protesterte", label ``GPE``)
becomes an organisation mention whose actor id starts with :data:`GPE_PREFIX`; it stays a
place too (the project's annotation rules keep countries acting as places).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from geo.model import Actor, EntitySpan

__all__ = ["GPE_PREFIX", "NameSpan", "org_actor", "person_spans", "strip_genitive"]

#: Id prefix of organisation actors that are countries or towns acting ("Norge protesterte").
GPE_PREFIX = "gpe:"
_ACRONYM_GENITIVE = re.compile(r"[A-ZÆØÅ]{2,}s")


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A recognised name as token indices into the caller's tokens, with its type."""

    first: int
    last: int
    label: str


def slug(name: str) -> str:
    """Return an ASCII slug for an actor id ("Høyre" → "hoyre")."""
    folded = unicodedata.normalize("NFKD", name.lower().replace("ø", "o").replace("æ", "ae"))
    ascii_ = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or "x"


def strip_genitive(name: str, lang: str, known: Callable[[str], bool]) -> str:
    """Return ``name`` without a Norwegian genitive "s" when the base form is attested.

    ``known(base)`` tells whether the article writes the base form on its own.
    """
    if lang == "en" or len(name) < 3 or not name.endswith("s"):
        return name
    base = name[:-1]
    if _ACRONYM_GENITIVE.fullmatch(name.rsplit(" ", 1)[-1]) or known(base.rsplit(" ", 1)[-1]):
        return base
    return name


def person_spans(
    entities: Sequence[EntitySpan],
    starts: Sequence[int],
    labels: frozenset[str],
) -> list[NameSpan]:
    """Map recognised names with a label in ``labels`` onto token indices (by offsets)."""
    out: list[NameSpan] = []
    for entity in entities:
        if entity.label not in labels:
            continue
        first = bisect.bisect_left(starts, entity.start)
        last = bisect.bisect_left(starts, entity.end) - 1
        if first <= last and starts[first] == entity.start:
            out.append(NameSpan(first, last, entity.label))
    return out


def org_actor(name: str, label: str) -> Actor:
    """Return the actor of a recognised organisation (or acting country) named as written."""
    prefix = GPE_PREFIX if label == "GPE" else "org:"
    return Actor(id=prefix + slug(name), name=name, kind="org", aliases=(name,))
