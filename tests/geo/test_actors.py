"""Actors and organisations: registry validation, matching rules, discovery, the seed pin.

Sentences are written for these tests (never taken from the evaluation texts).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geo import settings
from geo.errors import RegistryError
from geo.extract.actors import (
    REGISTRY_COLUMNS,
    ActorRegistry,
    find_actors,
    load_registry,
    parse_registry,
    person_gender,
)
from geo.model import ActorMention, Article
from geo.text.sentences import split_paragraphs, split_sentences

HEADER = ",".join(REGISTRY_COLUMNS)


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return load_registry()


def mentions(
    text: str, registry: ActorRegistry, lang: str = "nb"
) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...]]:
    article = Article(id="t", text=text, lang=lang)  # type: ignore[arg-type]
    paragraphs = split_paragraphs(text)
    sentences = split_sentences(text, paragraphs)
    return find_actors(article, sentences=sentences, paragraphs=paragraphs, registry=registry)


def people(text: str, registry: ActorRegistry, lang: str = "nb") -> list[tuple[str, str]]:
    persons, _ = mentions(text, registry, lang)
    return [(m.surface, m.actor.name) for m in persons]


# --------------------------------------------------------------------------- the registry


def test_shipped_registry_loads_with_people_and_organisations(registry: ActorRegistry) -> None:
    kinds = {a.kind for a in registry}
    assert kinds == {"person", "org"}
    for actor_id in ("zelensky", "putin", "trump", "store", "nato", "white-house", "kremlin"):
        assert actor_id in registry
    assert registry.get("zelensky").country == "UA"


def test_load_registry_is_cached_per_file_version(registry: ActorRegistry) -> None:
    assert load_registry() is registry


def test_missing_registry_file_names_path_and_fix(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match=r"actors\.csv.*restore"):
        load_registry(tmp_path / "actors.csv")


def test_registry_path_comes_from_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "registry"
    folder.mkdir()
    row = "ola,Ola Nordmann,person,m,Ola Nordmann|Nordmann,tester,NO,made up for a test"
    (folder / "actors.csv").write_text(f"{HEADER}\n{row}\n", encoding="utf-8")
    monkeypatch.setattr(settings, "DATA_DIR", tmp_path)
    assert [a.id for a in load_registry()] == ["ola"]


GOOD = "ola,Ola Nordmann,person,m,Ola Nordmann|Nordmann,tester,NO,made up for a test"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        pytest.param(["id,name,kind", GOOD], r"line 1.*header.*must be exactly", id="header"),
        pytest.param([HEADER, GOOD + ",extra"], r"line 2.*9 fields.*quote fields", id="fields"),
        pytest.param(
            [HEADER, GOOD.replace("ola,", "Ola Nordmann!,", 1)], r"line 2.*slug", id="bad-id"
        ),
        pytest.param([HEADER, GOOD, GOOD], r"line 3.*'ola' is used twice", id="duplicate-id"),
        pytest.param(
            [HEADER, GOOD.replace("person", "human")], r"line 2.*kind 'human'.*person", id="kind"
        ),
        pytest.param(
            [HEADER, GOOD.replace(",m,", ",x,")], r"line 2.*gender 'x'.*m or f", id="gender"
        ),
        pytest.param(
            [HEADER, GOOD.replace(",NO,", ",Norway,")], r"line 2.*ISO 3166.*two capital", id="iso"
        ),
        pytest.param(
            [HEADER, GOOD.replace("made up for a test", "")], r"line 2.*source is empty", id="src"
        ),
        pytest.param(
            [HEADER, GOOD.replace("Ola Nordmann|Nordmann", "Ola Nordmann||Nordmann")],
            r"line 2.*alias is empty.*'\|'",
            id="empty-alias",
        ),
        pytest.param(
            [HEADER, GOOD, "kari,Kari Nordmann,person,f,Kari Nordmann|Nordmann,x,NO,ref"],
            r"line 3.*'Nordmann' also belongs to 'ola' \(line 2\)",
            id="alias-of-two-actors",
        ),
    ],
)
def test_invalid_registry_rows_raise_with_line_and_fix(rows: list[str], message: str) -> None:
    with pytest.raises(RegistryError, match=message):
        parse_registry("\n".join(rows), "actors.csv")


def test_registry_gender_column_feeds_person_gender(registry: ActorRegistry) -> None:
    assert person_gender(registry.get("meloni")) == "f"
    assert person_gender(registry.get("putin")) == "m"
    assert person_gender(registry.get("nato")) is None


# --------------------------------------------------------------------------- registry matching


@pytest.mark.parametrize(
    "spelling",
    [
        pytest.param("Zelenskyj", id="norwegian"),
        pytest.param("Zelensky", id="english"),
        pytest.param("Zelenskyy", id="official"),
        pytest.param("Zelenskiy", id="reuters"),
        pytest.param("Зеленський", id="cyrillic"),
    ],
)
def test_spelling_variants_link_to_one_person(spelling: str, registry: ActorRegistry) -> None:
    text = f"I går talte {spelling} til nasjonen."
    assert people(text, registry) == [(spelling, "Volodymyr Zelensky")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param(
            "Møtet med president Volodymyr Zelenskyj varte lenge.",
            "nb",
            [("Zelenskyj", "Volodymyr Zelensky")],
            id="full-name-surface-is-surname",
        ),
        pytest.param(
            "Det var Putins idé, mente Støres rådgivere.",
            "nb",
            [("Putins", "Vladimir Putin"), ("Støres", "Jonas Gahr Støre")],
            id="norwegian-genitive-is-own-surface",
        ),
        pytest.param(
            "It was Putin’s idea, officials said.",
            "en",
            [("Putin", "Vladimir Putin")],
            id="english-possessive-keeps-name-only",
        ),
        pytest.param(
            "Ursula von der Leyen talte. Etterpå svarte von der Leyen på spørsmål.",
            "nb",
            [("von der Leyen", "Ursula von der Leyen"), ("von der Leyen", "Ursula von der Leyen")],
            id="particle-surname",
        ),
        pytest.param(
            "Han møtte USAs visepresident J.D. Vance og Trump.",
            "nb",
            [("Vance", "JD Vance"), ("Trump", "Donald Trump")],
            id="initials",
        ),
        pytest.param(
            "Konferansen i Austin, Texas, samlet mange.",
            "nb",
            [],
            id="guarded-alias-alone-is-not-a-person",
        ),
        pytest.param(
            "Lloyd Austin kom fredag. Austin sa lite.",
            "nb",
            [("Austin", "Lloyd Austin"), ("Austin", "Lloyd Austin")],
            id="guarded-alias-after-full-name",
        ),
        pytest.param(
            "– Jonas, du er en venn, sa han til Støre.",
            "nb",
            [("Jonas", "Jonas Gahr Støre"), ("Støre", "Jonas Gahr Støre")],
            id="given-name-alone-of-a-named-person",
        ),
        pytest.param("Trumpf er et tysk selskap.", "nb", [], id="no-match-inside-a-longer-word"),
    ],
)
def test_registry_person_mentions(
    text: str, lang: str, expected: list[tuple[str, str]], registry: ActorRegistry
) -> None:
    assert people(text, registry, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Sverige ble Nato-medlem i fjor.", [("Nato", "NATO")], id="compound"),
        pytest.param("Natos toppmøte starter.", [("Natos", "NATO")], id="genitive"),
        pytest.param(
            "Det hvite hus og Kreml kommenterte ikke, ifølge NTB.",
            [("Det hvite hus", "White House"), ("Kreml", "Kremlin"), ("NTB", "NTB")],
            id="institutions-and-agency",
        ),
        pytest.param(
            "Tallene fra Institute for the Study of War (ISW) viser framrykking.",
            [
                ("Institute for the Study of War", "Institute for the Study of War"),
                ("ISW", "Institute for the Study of War"),
            ],
            id="long-name-and-acronym",
        ),
        pytest.param(
            "Det russiske forsvarsdepartementet hevdet seier.",
            [("Det russiske forsvarsdepartementet", "Russian Ministry of Defence")],
            id="defence-ministry",
        ),
    ],
)
def test_organisations_are_separate_from_people(
    text: str, expected: list[tuple[str, str]], registry: ActorRegistry
) -> None:
    persons, orgs = mentions(text, registry)
    assert persons == ()
    assert [(m.surface, m.actor.name) for m in orgs] == expected


# --------------------------------------------------------------------------- discovery


@pytest.mark.parametrize(
    ("text", "lang", "name", "role", "country"),
    [
        pytest.param(
            "Litauens utenriksminister Kęstutis Budrys kom til Oslo.",
            "nb",
            "Kęstutis Budrys",
            "foreign minister",
            "LT",
            id="country-genitive-title",
        ),
        pytest.param(
            "Kharkiv-guvernør Petro Ivanenko ber folk dra.",
            "nb",
            "Petro Ivanenko",
            "Kharkiv governor",
            None,
            id="place-compound-title",
        ),
        pytest.param(
            "Den ukrainske forsvarsministeren Ivan Petrenko var til stede.",
            "nb",
            "Ivan Petrenko",
            "defence minister",
            "UA",
            id="definite-title-nationality-adjective",
        ),
        pytest.param(
            "Talsperson Anna Kovalenko bekreftet angrepet.",
            "nb",
            "Anna Kovalenko",
            "spokesperson",
            None,
            id="talsperson",
        ),
        pytest.param(
            "Frankrikes utenriksminister Jean-Pierre Durand kom også.",
            "nb",
            "Jean-Pierre Durand",
            "foreign minister",
            "FR",
            id="hyphenated-given-name",
        ),
        pytest.param(
            "Lithuanian Foreign Minister Kestutis Budrys said the sanctions work.",
            "en",
            "Kestutis Budrys",
            "foreign minister",
            "LT",
            id="english-two-word-title",
        ),
        pytest.param(
            "The plan was confirmed by Gen. Ivan Petrenko on Monday.",
            "en",
            "Ivan Petrenko",
            "general",
            None,
            id="english-abbreviated-title",
        ),
        pytest.param(
            "Spokesman Oleh Marchenko said nothing.",
            "en",
            "Oleh Marchenko",
            "spokesperson",
            None,
            id="english-spokesman",
        ),
        pytest.param(
            "– Det er for tidlig å si, mener Kari Nordvik ved NUPI.",
            "nb",
            "Kari Nordvik",
            None,
            None,
            id="given-name-without-title",
        ),
    ],
)
def test_title_cue_and_given_name_discover_people(
    text: str,
    lang: str,
    *,
    name: str,
    role: str | None,
    country: str | None,
    registry: ActorRegistry,
) -> None:
    persons, _ = mentions(text, registry, lang)
    assert len(persons) == 1
    actor = persons[0].actor
    assert (actor.name, actor.role, actor.country) == (name, role, country)
    assert actor.id.startswith("discovered:")
    assert persons[0].surface == name.rsplit(maxsplit=1)[-1]


def test_surname_mentions_link_to_the_discovered_full_name(registry: ActorRegistry) -> None:
    text = (
        "Nordvik advarte tidlig.\n"
        "Seniorforsker Kari Nordvik ved NUPI mener krigen varer.\n"
        "Nordviks analyse er omstridt. Nordvik står likevel fast."
    )
    persons, orgs = mentions(text, registry)
    assert [m.surface for m in persons] == ["Nordvik", "Nordvik", "Nordviks", "Nordvik"]
    assert {m.actor.id for m in persons} == {"discovered:kari-nordvik"}
    assert persons[0].actor.role == "senior researcher"
    assert [m.actor.name for m in orgs] == ["NUPI"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Samtidig Russland rykker fram i øst.", [], id="sentence-initial-word"),
        pytest.param("I Pokrovsk og Kostjantynivka er det vanskelig.", [], id="places"),
        pytest.param("Tsjasiv Jar og Kupjansk ble angrepet tirsdag.", [], id="two-word-place"),
        pytest.param("Mandag Morgen skrev om saken.", [], id="weekday-name-lookalike"),
        pytest.param(
            "The UN General Assembly President spoke.", [], id="institution-words-after-title"
        ),
        pytest.param("Even Russia agreed, Christian Democrats said.", [], id="name-lookalikes"),
        pytest.param(
            "Russian President Putin's envoy arrived.",
            ["Vladimir Putin"],
            id="nationality-adjective-is-not-a-name",
        ),
    ],
)
def test_place_names_and_capitalised_words_are_not_people(
    text: str, expected: list[str], registry: ActorRegistry
) -> None:
    assert [m.actor.name for m in mentions(text, registry, "nb")[0]] == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Soldater i Kyiv. Foto: Kari Olsen / NTB", id="foto-colon"),
        pytest.param("Soldiers in Kyiv. (Peter Hansen/AP)", id="name-slash-agency"),
    ],
)
def test_photo_credits_are_not_actors(text: str, registry: ActorRegistry) -> None:
    assert people(text, registry) == []


def test_title_at_a_sentence_end_gives_no_role(registry: ActorRegistry) -> None:
    persons, _ = mentions("Han møtte presidenten. Ivan Petrenko kom senere.", registry)
    assert [(m.actor.name, m.actor.role) for m in persons] == [("Ivan Petrenko", None)]


def test_statsminister_before_a_known_name_variant_discovers_nobody(
    registry: ActorRegistry,
) -> None:
    # "Keith" is a slip for "Keir": the known surname wins, no extra person is invented.
    assert people("Storbritannias statsminister Keith Starmer kom.", registry) == [
        ("Starmer", "Keir Starmer")
    ]


# --------------------------------------------------------------------------- the seed

SEED_PERSONS = [
    "Zelenskyj", "Zelenskyj", "Zelenskyj", "Trump", "Vance", "Zelenskyj", "Trump", "Putin",
    "Zelenskyj", "Zelenskyj", "Putin", "Zelenskyj", "Trumps", "Macron", "Trump", "Macron",
    "Trump", "Putin", "Starmer", "Trump", "Putin", "Trump", "Trump", "Putin", "Trump", "Putin",
    "Putin", "Zelenskyj", "Zelenskyj", "Macron", "Macron", "Trump",
]  # fmt: skip
SEED_NAMES = {
    "Zelenskyj": "Volodymyr Zelensky",
    "Trump": "Donald Trump",
    "Trumps": "Donald Trump",
    "Vance": "JD Vance",
    "Putin": "Vladimir Putin",
    "Macron": "Emmanuel Macron",
    "Starmer": "Keir Starmer",
}


def test_seed_people_and_organisations(seed_article: Article, registry: ActorRegistry) -> None:
    text = seed_article.text
    persons, orgs = mentions(text, registry)
    assert [m.surface for m in persons] == SEED_PERSONS
    for m in (*persons, *orgs):
        assert text[m.start : m.end] == m.surface
    assert all(m.actor.name == SEED_NAMES[m.surface] for m in persons)
    assert [(m.surface, m.actor.name) for m in orgs] == [
        ("Telegram", "Telegram"),
        ("AFP", "Agence France-Presse"),
        ("Institute for the Study of War", "Institute for the Study of War"),
        ("Det hvite hus", "White House"),
    ]
    macron = next(m.actor for m in persons if m.surface == "Macron")
    assert (macron.role, macron.country) == ("President of France", "FR")
    # "Trumps" sits in "Et av Trumps mål", "Donald Trump" gives the surname only.
    assert text[persons[12].start - 3 : persons[12].end] == "av Trumps"
    assert "Donald Trump" in text
    assert all(m.surface != "Donald Trump" for m in persons)
