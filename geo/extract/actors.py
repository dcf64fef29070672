"""People and organisations: the maintained registry, and their mentions in an article.

Why a registry plus rules, not a statistical NER model: the dashboard filters by actor, so a
mention must link to *one* canonical person across spellings (Zelenskyj, Zelensky,
Zelenskyy, Зеленський) and the extractor must run offline at hundreds of articles per second.
The registry (``data/registry/actors.csv``) covers the people and organisations of this
story; people missing from it are discovered from cues:

- a title before a name: ``Frankrikes president Emmanuel Macron``,
  ``Donetsk-guvernør Vadym Filasjkin``, ``Defense Secretary Lloyd Austin``;
- a known given name before capitalised name words: ``Trygve Smidt``, ``Oleh Korikov``.

A discovered person gets the id ``discovered:<slug>``, the role of the cue and the country of
a preceding country genitive ("Frankrikes") or nationality adjective ("russiske"). A later
(or earlier) surname-only mention links to the full name.

Mention surfaces follow the evaluation's annotation rules: the shortest form that is the name
in that spot, normally the surname ("Zelenskyj" in "president Volodymyr Zelenskyj"); a
Norwegian genitive is part of the surface ("Putins"), an English possessive is not
("Putin" in "Putin's"); in a hyphen compound only the name counts ("Nato" in
"Nato-medlem").

Registry format (UTF-8 CSV, one row per actor)::

    id,name,kind,gender,aliases,role,country,source

``aliases`` are ``|``-separated exact spellings (case matters: "AP" the agency, "Ap" the
Norwegian party). An alias ending in ``?`` ("Austin?") is *guarded*: it counts only in
articles that also name the actor unguarded ("Lloyd Austin"), because alone it is also a
common word or a place.
"""

from __future__ import annotations

import bisect
import csv
import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from geo import settings
from geo.errors import RegistryError
from geo.extract.open_names import NameSpan, org_actor, person_spans, strip_genitive
from geo.gazetteer.build import fold_key
from geo.gazetteer.index import Gazetteer
from geo.lexicon import en, nb
from geo.lexicon.names import GIVEN_NAMES, given_name_gender
from geo.model import Actor, ActorMention, Article, EntitySpan, Paragraph, Sentence
from geo.ner.features import FREQUENCIES
from geo.ner.lexicon import ORG_HEAD, SPEECH

__all__ = [
    "REGISTRY_COLUMNS",
    "ActorRegistry",
    "find_actors",
    "is_possessive",
    "load_registry",
    "parse_registry",
    "person_gender",
]

#: Columns of ``data/registry/actors.csv``, in order.
REGISTRY_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "gender",
    "aliases",
    "role",
    "country",
    "source",
)

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO2 = re.compile(r"[A-Z]{2}")
_WORD = re.compile(r"\w+")
_GUARD = "?"
_NAME_PARTICLES = frozenset({"bin", "von", "van", "der", "den", "de", "al", "el", "da", "di", "du"})
_MAX_NAME_TOKENS = 4

#: Gender of registry persons by id, filled when a registry is parsed (see person_gender).
_REGISTRY_GENDERS: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class _Alias:
    """One exact spelling of an actor, with the span of its short surface inside it."""

    text: str
    actor_id: str
    guarded: bool
    short_start: int
    short_end: int


class ActorRegistry:
    """People and organisations known to the project, indexed for fast matching.

    Build it with :func:`load_registry` (the project's file) or :func:`parse_registry`
    (rows from any CSV text, for tests). Lookup is by the first word of each alias, so
    matching an article costs one dict lookup per word.
    """

    def __init__(self, actors: tuple[Actor, ...], aliases: tuple[_Alias, ...], source: str):
        self.source = source
        self._actors: dict[str, Actor] = {a.id: a for a in actors}
        index: dict[str, list[_Alias]] = {}
        for alias in aliases:
            first = _WORD.match(alias.text)
            key = first.group() if first else alias.text
            index.setdefault(key, []).append(alias)
        self._index: dict[str, tuple[_Alias, ...]] = {
            key: tuple(sorted(group, key=lambda a: -len(a.text))) for key, group in index.items()
        }

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def get(self, actor_id: str) -> Actor:
        """Return the actor with ``actor_id``; ``KeyError`` names the missing id."""
        return self._actors[actor_id]

    def aliases_starting_with(self, word: str) -> tuple[_Alias, ...]:
        """Return the aliases whose first word is ``word`` (longest first)."""
        return self._index.get(word, ())


def _fail(source: str, line: int, what: str, fix: str) -> RegistryError:
    return RegistryError(f"{source}, line {line}: {what}; {fix}")


def _short_span(alias: str, shorter: list[str]) -> tuple[int, int]:
    """Span of the shortest other alias that ends (else starts) ``alias`` at a word boundary."""
    suffixes = [s for s in shorter if len(s) < len(alias) and alias.endswith(" " + s)]
    if suffixes:
        best = min(suffixes, key=len)
        return len(alias) - len(best), len(alias)
    prefixes = [s for s in shorter if len(s) < len(alias) and alias.startswith(s + " ")]
    if prefixes:
        best = min(prefixes, key=len)
        return 0, len(best)
    return 0, len(alias)


def parse_registry(  # noqa: PLR0912 - one branch per validated column
    text: str, source: str = "<registry>"
) -> ActorRegistry:
    """Validate registry CSV ``text`` and build the :class:`ActorRegistry`.

    Raises
    ------
    RegistryError
        Naming the file, the line and the fix for: missing columns, an empty or duplicate
        id, a bad kind, gender or country code, an empty name, alias list or source, and an
        alias spelled the same for two actors.
    """
    rows = list(csv.reader(text.splitlines()))
    if not rows or tuple(c.strip() for c in rows[0]) != REGISTRY_COLUMNS:
        header = ",".join(rows[0]) if rows else "<empty file>"
        msg = (
            f"{source}, line 1: header is {header!r}; "
            f"the first line must be exactly {','.join(REGISTRY_COLUMNS)}"
        )
        raise RegistryError(msg)
    actors: list[Actor] = []
    aliases: list[_Alias] = []
    owner: dict[str, tuple[str, int]] = {}
    genders: dict[str, str] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(REGISTRY_COLUMNS):
            raise _fail(
                source,
                line,
                f"{len(row)} fields instead of {len(REGISTRY_COLUMNS)}",
                "quote fields that contain commas with double quotes",
            )
        rec = dict(zip(REGISTRY_COLUMNS, (c.strip() for c in row), strict=True))
        actor_id = rec["id"]
        if not _ID.fullmatch(actor_id):
            raise _fail(source, line, f"id {actor_id!r} is not a slug", "use lowercase a-z, 0-9, -")
        if any(a.id == actor_id for a in actors):
            raise _fail(source, line, f"id {actor_id!r} is used twice", "give each row its own id")
        if rec["kind"] not in ("person", "org"):
            raise _fail(source, line, f"kind {rec['kind']!r}", "write 'person' or 'org'")
        if rec["gender"] not in ("", "m", "f") or (rec["kind"] == "org" and rec["gender"]):
            raise _fail(
                source, line, f"gender {rec['gender']!r}", "write m or f for people, empty for orgs"
            )
        if rec["country"] and not _ISO2.fullmatch(rec["country"]):
            raise _fail(
                source,
                line,
                f"country {rec['country']!r} is not ISO 3166-1 alpha-2",
                "write two capital letters (UA, RU, US) or leave it empty",
            )
        for column in ("name", "aliases", "source"):
            if not rec[column]:
                raise _fail(source, line, f"{column} is empty", f"fill in the {column} column")
        spellings = [a.strip() for a in rec["aliases"].split("|")]
        if any(not s or s == _GUARD for s in spellings):
            raise _fail(source, line, "an alias is empty", "remove doubled or trailing '|'")
        plain = [s.removesuffix(_GUARD) for s in spellings]
        for spelling in plain:
            if spelling in owner and owner[spelling][0] != actor_id:
                other, other_line = owner[spelling]
                raise _fail(
                    source,
                    line,
                    f"alias {spelling!r} also belongs to {other!r} (line {other_line})",
                    "keep each spelling on one row only",
                )
            owner[spelling] = (actor_id, line)
        for spelling, text_ in zip(spellings, plain, strict=True):
            start, end = _short_span(text_, plain)
            aliases.append(_Alias(text_, actor_id, spelling.endswith(_GUARD), start, end))
        if rec["gender"]:
            genders[actor_id] = rec["gender"]
        actors.append(
            Actor(
                id=actor_id,
                name=rec["name"],
                kind=rec["kind"],  # type: ignore[arg-type]
                role=rec["role"] or None,
                country=rec["country"] or None,
                aliases=tuple(dict.fromkeys(plain)),
            )
        )
    _REGISTRY_GENDERS.update(genders)
    return ActorRegistry(tuple(actors), tuple(aliases), source)


_CACHE: dict[tuple[Path, float], ActorRegistry] = {}


def load_registry(path: Path | None = None) -> ActorRegistry:
    """Load ``settings.DATA_DIR / "registry" / "actors.csv"`` (or ``path``), once per version.

    The parsed registry is cached by path and modification time, so repeated calls are free
    and an edited file is read again.

    Raises
    ------
    RegistryError
        When the file is missing or invalid (see :func:`parse_registry`).
    """
    csv_path = path if path is not None else settings.DATA_DIR / "registry" / "actors.csv"
    try:
        key = (csv_path, csv_path.stat().st_mtime)
    except OSError as exc:
        msg = f"{csv_path}: actor registry not found ({exc}); restore data/registry/actors.csv"
        raise RegistryError(msg) from exc
    cached = _CACHE.get(key)
    if cached is None:
        try:
            text = csv_path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            msg = f"{csv_path}: not UTF-8 ({exc}); save the registry as UTF-8"
            raise RegistryError(msg) from exc
        cached = parse_registry(text, str(csv_path))
        _CACHE[key] = cached
    return cached


def person_gender(actor: Actor) -> str | None:
    """Return ``"m"``/``"f"`` for a person from the registry column or the given name."""
    if actor.kind != "person":
        return None
    known = _REGISTRY_GENDERS.get(actor.id)
    if known:
        return known
    first = actor.name.split(" ", 1)[0]
    return given_name_gender(first)


def is_possessive(mention: ActorMention, text: str) -> bool:
    """Tell whether the mention is a genitive ("Putins", "Putin's"): its owner, not an agent."""
    if text.startswith(("'s", "’s"), mention.end):
        return True
    surface = mention.surface
    return surface.endswith("s") and surface not in mention.actor.aliases


# ---------------------------------------------------------------------------------------------
# matching


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    surface_start: int
    surface_end: int
    actor: Actor
    guarded: bool = False


def _after_alias(text: str, end: int) -> int | None:
    """Return the end of the surface after an alias ending at ``end``, or ``None`` if no word end.

    A plain word end keeps the alias; a genitive "s" joins the surface; "-" (compound) and
    "'s" leave it as it is; any other letter means the alias is only part of a longer word.
    """
    if end >= len(text):
        return end
    char = text[end]
    if not (char.isalnum() or char == "_"):
        return end
    if char == "s" and (end + 1 >= len(text) or not text[end + 1].isalnum()):
        return end + 1
    return None


def _registry_hits(
    text: str, tokens: list[re.Match[str]], words: list[str], registry: ActorRegistry
) -> tuple[list[_Hit], list[bool]]:
    """Match registry aliases at word starts; return the hits and the tokens they cover."""
    hits: list[_Hit] = []
    taken = [False] * len(words)
    i = 0
    count = len(words)
    while i < count:
        word = words[i]
        candidates = registry.aliases_starting_with(word)
        if word.endswith("s"):
            candidates += registry.aliases_starting_with(word[:-1])
        if not candidates:
            i += 1
            continue
        start = tokens[i].start()
        hit = None
        for alias in candidates:
            if not text.startswith(alias.text, start):
                continue
            end = start + len(alias.text)
            surface_end = _after_alias(text, end)
            if surface_end is None:
                continue
            genitive = surface_end - end
            short_end = start + alias.short_end
            hit_end = end
            if alias.short_end == len(alias.text):
                short_end += genitive
                hit_end += genitive
            actor = registry.get(alias.actor_id)
            hit = _Hit(start, hit_end, start + alias.short_start, short_end, actor, alias.guarded)
            break
        if hit is None:
            i += 1
            continue
        hits.append(hit)
        while i < count and tokens[i].start() < hit.end:
            taken[i] = True
            i += 1
    return _drop_lone_guarded(hits, tokens, taken)


def _drop_lone_guarded(
    hits: list[_Hit], tokens: list[re.Match[str]], taken: list[bool]
) -> tuple[list[_Hit], list[bool]]:
    """Drop guarded hits ("Austin") of actors never named unguarded ("Lloyd Austin")."""
    unguarded = {h.actor.id for h in hits if not h.guarded}
    lone = [h for h in hits if h.guarded and h.actor.id not in unguarded]
    if not lone:
        return hits, taken
    starts = [m.start() for m in tokens]
    for hit in lone:
        i = bisect.bisect_left(starts, hit.start)
        while i < len(starts) and starts[i] < hit.end:
            taken[i] = False
            i += 1
    return [h for h in hits if h not in lone], taken


_TOKEN = re.compile(r"\w+|[^\w\s]")


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() if len(word) > 1 else word.isupper()


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.lower().replace("ø", "o").replace("æ", "ae"))
    ascii_ = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9а-яіїєґ]+", "-", ascii_).strip("-")


_TITLES: dict[str, str] = {**nb.TITLES, **{k: v for k, v in en.TITLES.items() if " " not in k}}
_TWO_WORD_TITLES: dict[str, str] = {k: v for k, v in en.TITLES.items() if " " in k}
_TITLE_SUFFIXES: tuple[str, ...] = (
    "minister",
    "sjef",
    "guvernør",
    "rådgiver",
    "direktør",
    "talsperson",
    "talsmann",
    "forsker",
    "general",
    "leder",
    "leiar",
)
#: Titles that may stand before a single surname ("guvernør Synjehubov").
_SINGLE_NAME_TITLES: frozenset[str] = frozenset(
    {
        "president",
        "visepresident",
        "statsminister",
        "utenriksminister",
        "utanriksminister",
        "forsvarsminister",
        "minister",
        "guvernør",
        "ordfører",
        "talsperson",
        "talsmann",
        "forsvarssjef",
        "spokesman",
        "spokeswoman",
        "governor",
        "senator",
        "sen.",
        "gen.",
        "ambassadør",
        "ambassador",
    }
)
_ABBREVIATED_TITLES: frozenset[str] = frozenset(k.rstrip(".") for k in _TITLES if k.endswith("."))
_COUNTRIES: dict[str, str] = {**nb.COUNTRY_GENITIVES, **en.COUNTRY_GENITIVES}
_NATIONALITIES: dict[str, str] = {**nb.NATIONALITY_ADJECTIVES, **en.NATIONALITY_ADJECTIVES}
_STOP: frozenset[str] = nb.NAME_STOPWORDS | en.NAME_STOPWORDS | frozenset(_NATIONALITIES)


@functools.lru_cache(maxsize=65536)
def _title_word(lower: str) -> tuple[str, str] | None:
    """Return (cue, role) when the lower-case word is a title or ends with one."""
    if lower in _TITLES:
        return lower, _TITLES[lower]
    for suffix in _TITLE_SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            return lower, _TITLES.get(suffix, suffix)
    if lower.endswith("en") and len(lower) > 5:  # definite: "utenriksministeren Andrij Sybiha"
        found = _title_word(lower[:-2])
        if found is not None:
            return lower, found[1]
    return None


def _title_of(words: list[str], i: int) -> tuple[str, str] | None:
    """Return (cue, role) when word ``i`` is a title cue, else ``None``."""
    lower = words[i].lower()
    single = _title_word(lower)
    if single is None and lower not in _ABBREVIATED_TITLES:
        return None
    if i + 1 < len(words) and words[i + 1] == ".":
        abbrev = lower + "."
        if abbrev in _TITLES:
            return abbrev, _TITLES[abbrev]
    if i > 0:
        pair = f"{words[i - 1].lower()} {lower}"
        if pair in _TWO_WORD_TITLES:
            return pair, _TWO_WORD_TITLES[pair]
    return single


def _country_before(text: str, cue_start: int) -> str | None:
    """Country of a title starting at ``cue_start`` from a genitive or adjective before it.

    "Frankrikes president", "den ukrainske utenriksministeren", "Ukraine's Foreign
    Minister", "U.S. Defense Secretary": up to three words back, within the clause.
    """
    words = text[max(0, cue_start - 50) : cue_start].split()
    for word in reversed(words[-3:]):
        bare = word.strip("(),")
        if bare in _COUNTRIES:
            return _COUNTRIES[bare]
        if bare in _NATIONALITIES:
            return _NATIONALITIES[bare]
        if bare.lower() in _NATIONALITIES:
            return _NATIONALITIES[bare.lower()]
        if word[-1:] in ",.;:":
            return None
    return None


def _name_run(
    text: str, tokens: list[re.Match[str]], words: list[str], j: int, taken: list[bool]
) -> int:
    """Return how many tokens from ``j`` form a capitalised name (particles allowed inside)."""
    count = 0
    total = len(words)
    while j + count < total and count < _MAX_NAME_TOKENS + 2:
        k = j + count
        word = words[k]
        if taken[k]:
            break
        if count and word != "-" and text[tokens[k - 1].end() : tokens[k].start()] != " ":
            break
        if word == "-":  # hyphenated name part: "Jean-Noël", "Ould-Abdallah"
            nxt = k + 1
            if (
                k > 0
                and tokens[k - 1].end() == tokens[k].start()
                and nxt < total
                and tokens[nxt].start() == tokens[k].end()
                and _is_capitalised(words[nxt])
                and not taken[nxt]
            ):
                count += 2
                continue
            break
        if word in _NAME_PARTICLES and count:
            if k + 1 < total and _is_capitalised(words[k + 1]):
                count += 1
                continue
            break
        if not _is_capitalised(word) or word in _STOP or not word.isalpha():
            break
        count += 1
    while count and words[j + count - 1] in _NAME_PARTICLES:
        count -= 1
    return count


@dataclass(slots=True)
class _Found:
    """A discovered person: full name as written, surname, role and country."""

    name: str
    surname: str
    role: str | None
    country: str | None


_CREDIT_BEFORE = re.compile(r"(?:Foto|Photo|FOTO|PHOTO|Illustrasjon)\s*:\s*$")
_CREDIT_AFTER = re.compile(r"\s?/\s?[A-ZÆØÅ]")


def _is_credit(text: str, start: int, end: int) -> bool:
    """Tell whether a name is a photo credit ("Foto: Kari Olsen / NTB", "(Saul Loeb/AP)").

    Photographers are not actors of the story; the evaluation lists them as optional.
    """
    return bool(
        _CREDIT_BEFORE.search(text, max(0, start - 14), start) or _CREDIT_AFTER.match(text, end)
    )


def _title_before(
    text: str, tokens: list[re.Match[str]], words: list[str], n: int
) -> tuple[int, tuple[str, str]] | None:
    """Return (title index, (cue, role)) when a title cue stands right before word ``n``."""
    t = n - 1
    abbreviated = t >= 0 and words[t] == "."
    if abbreviated:
        t -= 1
    if t < 0 or not words[t][:1].isalpha():
        return None
    if text[tokens[n - 1].end() : tokens[n].start()] != " ":
        return None
    title = _title_of(words, t)
    if title is None or abbreviated != title[0].endswith("."):
        return None  # "… said the president. Ivan Petrenko" is no title cue
    return t, title


def _discover(
    text: str,
    tokens: list[re.Match[str]],
    words: list[str],
    caps: list[int],
    taken: list[bool],
    *,
    place_name: Callable[[str], bool] | None = None,
) -> list[tuple[int, int, _Found]]:
    """Return (first token, token count, person) for title-cue and given-name discoveries.

    Only capitalised words can start a name, so only they are visited (``caps``).
    ``place_name`` tells whether a name is a multi-word place, which no given name turns into
    a person.
    """
    found: list[tuple[int, int, _Found]] = []
    next_free = 0
    total = len(words)
    for n in caps:
        if n < next_free or taken[n]:
            continue
        cue = _title_before(text, tokens, words, n) if n > 0 else None
        if cue is not None:
            t, title = cue
            count = _name_run(text, tokens, words, n, taken)
            single_ok = title[0] in _SINGLE_NAME_TITLES and count == 1
            after = n + count
            if (
                count
                and after < total
                and taken[after]
                and text[tokens[after - 1].end() : tokens[after].start()] == " "
            ):
                count = 0  # "statsminister Keith Starmer": a variant of a known name
                single_ok = False
            if count >= 2 or single_ok:
                cue_start = tokens[t - 1].start() if " " in title[0] else tokens[t].start()
                role = title[1]
                if t > 1 and words[t - 1] == "-" and tokens[t - 1].end() == tokens[t].start():
                    qualifier = words[t - 2]
                    if qualifier not in _COUNTRIES:
                        role = f"{qualifier} {role}"
                name = text[tokens[n].start() : tokens[n + count - 1].end()]
                person = _Found(name, words[n + count - 1], role, _country_before(text, cue_start))
                found.append((n, count, person))
                next_free = n + count
                continue
        word = words[n]
        if word in GIVEN_NAMES and n + 1 < total and text[tokens[n].end()] in " -":
            count = _name_run(text, tokens, words, n + 1, taken)
            if text[tokens[n].end()] == "-" and count <= 2:
                count = 0  # "Jean-Noël" alone: no surname yet
            # A multi-word place beats the given-name rule: "Jan Mayen", "Beverly Hills".
            if (
                count
                and place_name is not None
                and place_name(text[tokens[n].start() : tokens[n + count].end()])
            ):
                count = 0
            if count >= 1 and not _is_credit(text, tokens[n].start(), tokens[n + count].end()):
                last = n + count
                name = text[tokens[n].start() : tokens[last].end()]
                found.append((n, count + 1, _Found(name, words[last], None, None)))
                next_free = last + 1
    return found


_PERSON_LABELS = frozenset({"PER"})
#: Zipf frequency from which a word is a common word of its language, not a name.
COMMON_ZIPF = 4.0
_ORG_LABELS = frozenset({"ORG", "GPE"})
#: Gazetteer rank from which a lone recognised "person" is rather the place (curated, large).
_PLACE_RANK = 55.0


def _multiword_place(
    gazetteer: Gazetteer | None, *, lang: str, entities: tuple[EntitySpan, ...] = ()
) -> Callable[[str], bool] | None:
    """Return a test "is this multi-word name a place?" ("Jan Mayen", "Beverly Hills").

    A place is a gazetteer name or a name the recogniser tagged as a place.
    """
    places = {e.surface for e in entities if e.label == "LOC" and " " in e.surface}
    if gazetteer is None and not places:
        return None

    def test(name: str) -> bool:
        if " " not in name:
            return False
        if name in places:
            return True
        return gazetteer is not None and bool(gazetteer.candidates(fold_key(name), lang=lang))

    return test


#: Prepositions after which a lone name the recogniser calls a place is no person ("i
#: Tafjord"); "på", "til" and "fra" also stand before persons ("valget falt på Hansen").
_PLACE_ONLY_PREPOSITIONS = frozenset({"i", "mellom", "utenfor", "utanfor", "nær", "innenfor"})


def _place_test(text: str, entities: tuple[EntitySpan, ...], lang: str) -> Callable[[int], bool]:
    """Return a test "does the recogniser call the word at this offset part of a place?".

    The surname-linking pass must not turn "Jan" in "Jan Mayen" into a person called Jan
    (the word lies inside a longer place name), nor "i Tafjord" into the person "Galerie
    Tafjord" (a lone word tagged as a place after a preposition only places follow). Only
    the models trained on the language itself (nb, nn) are trusted for this: the English
    one is transferred.
    """
    if lang == "en":
        return lambda offset: False
    spans = sorted(
        (e.start, e.end)
        for e in entities
        if e.label == "LOC"
        and (" " in e.surface or _word_before_offset(text, e.start) in _PLACE_ONLY_PREPOSITIONS)
    )
    starts = [start for start, _ in spans]

    def test(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset)
        return i > 0 and spans[i - 1][1] > offset

    return test


def _word_before_offset(text: str, offset: int) -> str:
    """Return the word just before ``offset`` ("i" in "bor i Tafjord"), or ""."""
    before = text[max(0, offset - 12) : offset].split()
    return before[-1] if before and text[offset - 1 : offset] == " " else ""


def _is_place(gazetteer: Gazetteer | None, word: str, lang: str) -> bool:
    """Return whether a lone word is rather a place than a person's or an org's name.

    A country, a region or a town the gazetteer ranks as more than a village.
    """
    if gazetteer is None:
        return False
    options = gazetteer.candidates(fold_key(word), lang=lang)
    return bool(options) and (
        options[0][1] >= _PLACE_RANK or gazetteer.kind_of(options[0][0]) != "village"
    )


def _is_country(gazetteer: Gazetteer | None, name: str) -> bool:
    """Return whether a name of several words is a country's ("Soviet Union")."""
    if gazetteer is None:
        return False
    options = gazetteer.candidates(fold_key(name))
    return bool(options) and gazetteer.kind_of(options[0][0]) == "country"


def _canonical_place(gazetteer: Gazetteer | None, name: str, lang: str) -> str | None:
    """Return the gazetteer's English name of a country or town acting ("Russlands" → Russia).

    The same canonical name as the place mention, so events and filters see one actor.
    """
    if gazetteer is None:
        return None
    options = gazetteer.candidates(fold_key(name), lang=lang)
    if not options and lang != "en" and name.endswith("s"):
        options = gazetteer.candidates(fold_key(name[:-1]), lang=lang)
    return gazetteer.place(options[0][0]).name if options else None


def _trim(words: list[str], first: int, last: int) -> tuple[int, int]:
    """Shrink a token range to its first and last capitalised word."""
    while first <= last and not (words[first][:1].isupper() and words[first].isalpha()):
        first += 1
    while last >= first and not (words[last][:1].isupper() and words[last].isalpha()):
        last -= 1
    return first, last


def _plausible_english_name(
    words: list[str], first: int, last: int, gazetteer: Gazetteer | None
) -> bool:
    """Return whether an English full name from the (transferred) model is safe to keep.

    The English model learnt from Norwegian only, so its names must also look like names:
    no word of it is a common English word or a gazetteer place.
    """
    for word in words[first : last + 1]:
        if not word.isalpha() or len(word) < 2:
            continue
        if FREQUENCIES.zipf(word.lower(), "en") >= COMMON_ZIPF or _is_place(gazetteer, word, "en"):
            return False
    return True


def _recognised_persons(  # noqa: PLR0912 - full names, then lone names, each with guards
    text: str,
    tokens: list[re.Match[str]],
    words: list[str],
    taken: list[bool],
    *,
    spans: list[NameSpan],
    word_set: frozenset[str],
    lang: str,
    gazetteer: Gazetteer | None,
    discovered: dict[str, Actor],
) -> list[tuple[int, int, _Found]]:
    """Return (first token, count, person) for the recogniser's persons no rule found.

    Full names come first, so that a lone surname or given name links to the full name
    whichever comes first in the text.
    """
    place_name = _multiword_place(gazetteer, lang=lang)
    given: dict[str, str] = {}  # given name -> surname key of the one person carrying it
    ambiguous: set[str] = set()
    out: list[tuple[int, int, _Found]] = []
    planned: dict[str, _Found] = {}
    ranges = [_trim(words, span.first, span.last) for span in spans]
    for first, last in sorted(ranges, key=lambda r: r[0] - r[1]):
        if first > last or any(taken[first : last + 1]):
            continue
        if _is_credit(text, tokens[first].start(), tokens[last].end()):
            continue  # a photographer ("Foto: Kari Olsen / NTB") is no actor of the story
        surname = words[last]
        key = strip_genitive(surname, lang, word_set.__contains__)
        name = text[tokens[first].start() : tokens[last].end()]
        if key != surname:
            name = name[:-1]
        if first < last:
            if surname.isupper() or (place_name is not None and place_name(name)):
                continue
            if lang == "en" and not _plausible_english_name(words, first, last, gazetteer):
                continue
            found = planned.get(key) or _Found(name, key, None, None)
            planned[key] = found
            owner = given.get(words[first])
            if owner is not None and owner != key:
                ambiguous.add(words[first])
            given[words[first]] = key
        else:
            if surname.isupper() and len(surname) > 1:
                continue  # an acronym is no person's name
            known = planned.get(key) or discovered.get(key)
            if known is None and key in given and key not in ambiguous:
                known = planned[given[key]]
            if isinstance(known, Actor):
                found = _Found(known.name, key, known.role, known.country)
            elif known is not None:
                found = known
            elif lang == "en" or _is_place(gazetteer, key, lang):
                continue  # English: the transferred model names no lone word on its own
            else:
                found = _Found(name, key, None, None)
                planned[key] = found
        out.append((first, last - first + 1, found))
    out.sort(key=lambda item: item[0])
    return out


def _recognised_orgs(  # noqa: PLR0912 - trims, genitives and acting countries in one pass
    text: str,
    tokens: list[re.Match[str]],
    words: list[str],
    taken: list[bool],
    *,
    entities: tuple[EntitySpan, ...],
    starts: list[int],
    lang: str,
    gazetteer: Gazetteer | None,
) -> list[_Hit]:
    """Return hits for the recogniser's organisations (and acting countries) no rule found."""
    word_set = frozenset(words)
    actors: dict[str, Actor] = {}
    out: list[_Hit] = []
    for span in person_spans(entities, starts, _ORG_LABELS):
        first, last = span.first, span.last
        while first <= last and not words[first][:1].isalnum():
            first += 1
        while last >= first and not words[last][:1].isalnum():
            last -= 1
        if first > last or any(taken[first : last + 1]):
            continue
        if lang == "en" and (
            words[last].lower() not in ORG_HEAD["en"] or not words[last][:1].isupper()
        ):
            # English: only "… University", "… Council": the model is transferred; a
            # lower-case head ("Toronto police") is a description, not a name.
            continue
        if (
            lang == "en"
            and first < last
            and _is_country(gazetteer, text[tokens[first].start() : tokens[last].end()])
        ):
            continue  # "Russian Federation", "United Arab Emirates": the country, not a body
        if first == last and span.label == "ORG" and _is_place(gazetteer, words[first], lang):
            continue  # a lone place name: the place, not an institution named after it
        genitive = False
        for k in range(first, last):  # "Høyres forslag": the name ends at its genitive
            if (
                lang != "en"
                and words[k][:1].isupper()
                and words[k].endswith("s")
                and all(w[:1].islower() for w in words[k + 1 : last + 1])
            ):
                last, genitive = k, True
                break
        start, end = tokens[first].start(), tokens[last].end()
        after = last + 1
        if (
            lang != "en"
            and words[last].endswith("s")
            and after < len(words)
            and words[after][:1].islower()
            and words[after] not in SPEECH["nb"]  # "Nordlys skriver": no genitive
            and text[end : tokens[after].start()] == " "
        ):
            genitive = True  # "Høyres gruppe": a genitive before its noun
        name = text[start : end - 1] if genitive else text[start:end]
        name = strip_genitive(name, lang, word_set.__contains__)
        if span.label == "GPE":
            if genitive or name != text[start:end]:
                continue  # "USAs president": the country qualifies the person who acts
            name = _canonical_place(gazetteer, name, lang) or name
        actor = actors.get(name)
        if actor is None:
            actor = actors[name] = org_actor(name, span.label)
        out.append(_Hit(start, end, start, end, actor))
        for idx in range(first, last + 1):
            taken[idx] = True
    return out


def find_actors(  # noqa: PLR0912, PLR0915 - registry, discovery and linking passes in order
    article: Article,
    *,
    sentences: tuple[Sentence, ...],
    paragraphs: tuple[Paragraph, ...],
    registry: ActorRegistry,
    entities: tuple[EntitySpan, ...] = (),
    gazetteer: Gazetteer | None = None,
) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...]]:
    """Return (person mentions, organisation mentions), each in text order.

    Offsets are exact (``article.text[m.start:m.end] == m.surface``). People come from the
    registry, from discovery by title cue or given name, and from surname-only (and, for
    people already named, given-name-only) mentions linked to them. ``entities`` (the
    recogniser's names, :mod:`geo.ner`) add the persons and organisations no list names,
    as written (:mod:`geo.extract.open_names`); ``gazetteer`` keeps a multi-word place
    ("Jan Mayen") from becoming a person by its given name. ``sentences`` and
    ``paragraphs`` are accepted for the pipeline contract; matching works on the whole text
    because names never span a line.
    """
    del sentences, paragraphs  # names are matched on the whole text
    text = article.text
    tokens = list(_TOKEN.finditer(text))
    words = _TOKEN.findall(text)
    hits, taken = _registry_hits(text, tokens, words, registry)
    caps = [i for i, word in enumerate(words) if word[:1].isupper()]

    discovered: dict[str, Actor] = {}  # surname → actor
    registry_surnames = {h.actor.id: text[h.surface_start : h.surface_end] for h in hits}
    place_name = _multiword_place(gazetteer, lang=article.lang, entities=entities)

    def add(first: int, count: int, person: _Found) -> None:
        key = person.surname
        actor = discovered.get(key)
        if actor is None:
            actor = Actor(
                id=f"discovered:{_slug(person.name)}",
                name=person.name,
                kind="person",
                role=person.role,
                country=person.country,
                aliases=(person.name, person.surname),
            )
            discovered[key] = actor
        elif actor.role is None and person.role is not None:
            actor = Actor(
                actor.id, actor.name, "person", person.role, person.country, actor.aliases
            )
            discovered[key] = actor
        last = tokens[first + count - 1]
        end = last.end()
        if end < len(text) and text[end] == "s" and not text[end + 1 : end + 2].isalnum():
            end += 1
        hits.append(_Hit(tokens[first].start(), end, last.start(), end, actor))
        for idx in range(first, first + count):
            taken[idx] = True

    for first, count, person in _discover(text, tokens, words, caps, taken, place_name=place_name):
        add(first, count, person)
    if entities:
        word_set = frozenset(words)
        starts = [m.start() for m in tokens]
        for first, count, person in _recognised_persons(
            text,
            tokens,
            words,
            taken,
            spans=person_spans(entities, starts, _PERSON_LABELS),
            word_set=word_set,
            lang=article.lang,
            gazetteer=gazetteer,
            discovered=discovered,
        ):
            add(first, count, person)
    # Re-point discovered hits to the final actor (a later cue may have added the role).
    for hit in hits:
        if hit.actor.id.startswith("discovered:"):
            hit.actor = discovered[hit.actor.aliases[1]]

    # Surname-only mentions of discovered people, given-name-only mentions of known people.
    given_names: dict[str, Actor] = {}
    for hit in hits:
        actor = hit.actor
        if actor.kind == "person" and not actor.id.startswith("discovered:"):
            given = actor.name.split(" ", 1)[0]
            if given in GIVEN_NAMES and given not in registry_surnames.values():
                given_names.setdefault(given, actor)
    if discovered or given_names:
        in_place = _place_test(text, entities, article.lang)
        for idx in caps:
            if taken[idx]:
                continue
            word = words[idx]
            actor = discovered.get(word) or discovered.get(word[:-1] if word.endswith("s") else "")
            start, end = tokens[idx].span()
            if in_place(start):
                continue  # the recogniser's place ("i Tafjord", "Jan Mayen")
            if actor is None:
                actor = given_names.get(word)
                nxt = words[idx + 1] if idx + 1 < len(words) else ""
                if actor is None or (_is_capitalised(nxt) and text[end : end + 1] == " "):
                    continue  # "Jonas Olsen" is another person
            hits.append(_Hit(start, end, start, end, actor))
            taken[idx] = True

    if entities:
        starts = [m.start() for m in tokens]
        hits.extend(
            _recognised_orgs(
                text,
                tokens,
                words,
                taken,
                entities=entities,
                starts=starts,
                lang=article.lang,
                gazetteer=gazetteer,
            )
        )

    persons: list[ActorMention] = []
    orgs: list[ActorMention] = []
    for hit in sorted(hits, key=lambda h: h.surface_start):
        surface = text[hit.surface_start : hit.surface_end]
        mention = ActorMention(surface, hit.surface_start, hit.surface_end, hit.actor)
        (persons if hit.actor.kind == "person" else orgs).append(mention)
    return tuple(persons), tuple(orgs)
