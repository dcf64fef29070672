"""Direct quotes: each quote form and speaker rule on sentences written for these tests.

Plus the seed pin (every quote with its speaker) and a property: arbitrary text with stray
quote marks never raises and every quote's offsets hold its text.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.extract.actors import ActorRegistry, find_actors, load_registry
from geo.extract.dates import find_dates
from geo.extract.quotes import find_quotes
from geo.model import Article, Quote
from geo.text.sentences import split_paragraphs, split_sentences

PUBLISHED = dt.date(2025, 8, 14)  # a Thursday
_PARAGRAPH_MARK = re.compile(r"(\n\s*)[«“\"]")


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return load_registry()


def run(text: str, registry: ActorRegistry, lang: str = "nb") -> tuple[list[Quote], list[str]]:
    article = Article(id="t", text=text, lang=lang, published=PUBLISHED)  # type: ignore[arg-type]
    paragraphs = split_paragraphs(text)
    sentences = split_sentences(text, paragraphs)
    persons, orgs = find_actors(
        article, sentences=sentences, paragraphs=paragraphs, registry=registry
    )
    quotes, problems = find_quotes(
        article,
        sentences=sentences,
        paragraphs=paragraphs,
        actors=persons,
        orgs=orgs,
        dates=find_dates(article, sentences=sentences),
    )
    for quote in quotes:  # a quote over paragraphs drops the marks opening each paragraph
        assert _PARAGRAPH_MARK.sub(r"\1", text[quote.start : quote.end]) == quote.text
    return list(quotes), list(problems)


def said(text: str, registry: ActorRegistry, lang: str = "nb") -> list[tuple[str, str | None]]:
    quotes, _ = run(text, registry, lang)
    return [(q.text, q.speaker.name if q.speaker else None) for q in quotes]


# ------------------------------------------------------------------ dash quotes, verb after


@pytest.mark.parametrize(
    "verb",
    ["sa", "sier", "uttalte", "skriver", "forteller", "mener", "understreker", "seier", "skriv"],
)
def test_dash_quote_attributed_by_speech_verb_after(verb: str, registry: ActorRegistry) -> None:
    text = f"– Vi gir aldri opp kampen, {verb} Zelenskyj til pressen."
    assert said(text, registry) == [("Vi gir aldri opp kampen", "Volodymyr Zelensky")]


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        pytest.param(
            "– Hvorfor skjer dette? spør Zelenskyj i talen.",
            ("Hvorfor skjer dette?", "Volodymyr Zelensky"),
            "verb-after",
            id="question-mark-kept-before-spør",
        ),
        pytest.param(
            "Kreml svarte raskt.\n– Forslaget er uaktuelt, legger han til. Peskov smilte.",
            ("Forslaget er uaktuelt", None),
            "pronoun",
            id="legger-han-til-without-antecedent",
        ),
        pytest.param(
            "Putin talte lenge.\n– Vi har tid, la han til.",
            ("Vi har tid", "Vladimir Putin"),
            "pronoun",
            id="la-han-til",
        ),
        pytest.param(
            "– Våpenhvilen må komme nå, ifølge Macron.",
            ("Våpenhvilen må komme nå", "Emmanuel Macron"),
            "ifolge",
            id="ifolge-after",
        ),
        pytest.param(
            "– Avtalen står ved lag, seier president Vladimir Putins talsmann Dmitrij Peskov",
            ("Avtalen står ved lag", "Dmitry Peskov"),
            "verb-after",
            id="owner-genitive-skipped-in-speaker-phrase",
        ),
        pytest.param(
            "– Vi holder linjen, sier generalen i området Petro Ivanenko på Telegram.",
            ("Vi holder linjen", "Petro Ivanenko"),
            "verb-after",
            id="role-and-place-before-name",
        ),
        pytest.param(
            "– Situasjonen er alvorlig, skriver IAEA.",
            ("Situasjonen er alvorlig", "International Atomic Energy Agency"),
            "verb-after",
            id="organisation-speaker",
        ),
        pytest.param(
            "– Det blir et langt møte, sa en diplomat til NTB.",
            ("Det blir et langt møte", None),
            "unnamed",
            id="unnamed-speaker",
        ),
        pytest.param(
            "– Vi ser flere angrep, sier talsperson for de sørlige styrkene, Natalija Humenjuk.",
            ("Vi ser flere angrep", "Natalija Humenjuk"),
            "verb-after-loose",
            id="speaker-phrase-with-preposition",
        ),
        pytest.param(
            "– Vi må forberede oss, sier Nato-sjef Mark Rutte til avisen.",
            ("Vi må forberede oss", "Mark Rutte"),
            "verb-after",
            id="org-compound-title-before-name",
        ),
        pytest.param(
            "– Vi vet, mener jeg, at det tar tid. Vi gir oss ikke, sier Støre.",
            ("Vi vet, mener jeg, at det tar tid. Vi gir oss ikke", "Jonas Gahr Støre"),
            "verb-after",
            id="verb-inside-the-quote-is-not-the-attribution",
        ),
        pytest.param(
            "– Vi er klare. Det sier utenriksminister Andrij Sybiha til NRK.",
            ("Vi er klare", "Andrii Sybiha"),
            "det-sier",
            id="det-sier-in-same-paragraph",
        ),
    ],
)
def test_dash_quote_attribution_rules(
    text: str, expected: tuple[str, str | None], rule: str, registry: ActorRegistry
) -> None:
    quotes, _ = run(text, registry)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [expected]
    assert quotes[0].attribution == rule


def test_inline_dash_quote_after_a_sentence(registry: ActorRegistry) -> None:
    text = "Statsminister Jonas Gahr Støre kom til Kyiv. – Dette er et viktig signal, sier han."
    assert said(text, registry) == [("Dette er et viktig signal", "Jonas Gahr Støre")]


def test_dash_in_running_prose_is_not_a_quote(registry: ActorRegistry) -> None:
    assert said("Forholdet har vært dårlig i årevis – og iskaldt siden 2022.", registry) == []


def test_dash_quotes_are_norwegian_only(registry: ActorRegistry) -> None:
    assert said("– We hold the line, said Zelensky.", registry, lang="en") == []


# ------------------------------------------------------------------ pronouns


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Meloni snakket med Macron onsdag.\n– Vi står sammen, sa hun.",
            "Giorgia Meloni",
            id="hun-skips-the-more-recent-man",
        ),
        pytest.param(
            "Macron snakket med Meloni onsdag.\n– Vi står sammen, sa han.",
            "Emmanuel Macron",
            id="han-skips-the-more-recent-woman",
        ),
        pytest.param(
            "Putin ringte Trump tirsdag.\n– Samtalen var god, sa han.",
            "Vladimir Putin",
            id="han-prefers-the-subject-over-the-object",
        ),
        pytest.param(
            "Putin ringte Trump tirsdag. Etterpå sa Trump at samtalen gikk bra.\n"
            "– Vi kom langt, sa han.",
            "Donald Trump",
            id="han-prefers-the-latest-speaker",
        ),
        pytest.param(
            "I løpet av Støres besøk i Kyiv møtte han presidenten.\n– Vi er venner, sa han.",
            "Jonas Gahr Støre",
            id="owner-genitive-as-antecedent",
        ),
        pytest.param(
            "Ifølge Zelenskyj har Erdogan lovet støtte, noe han kaller «et viktig tegn».",
            "Volodymyr Zelensky",
            id="ifolge-source-wins-in-its-sentence",
        ),
        pytest.param(
            "– Alt går etter planen, sa Zelenskyj.\n"
            "Putin later «som at ingenting skjer», sier Zelenskyj.\n"
            "– Men sanksjonene virker, sa han videre.",
            "Volodymyr Zelensky",
            id="pronoun-after-two-quotes",
        ),
    ],
)
def test_pronoun_resolves_to_the_right_person(
    text: str, speaker: str, registry: ActorRegistry
) -> None:
    quotes, _ = run(text, registry)
    assert quotes[-1].speaker is not None
    assert quotes[-1].speaker.name == speaker


# ------------------------------------------------------------------ paragraphs around


def test_paragraph_before_ending_with_colon(registry: ActorRegistry) -> None:
    text = (
        "Seniorforsker Kari Nordvik ved NUPI tror offensiven kommer:\n"
        "– Russland samler styrker i sør. Det ser vi tydelig."
    )
    quotes, _ = run(text, registry)
    assert [(q.text, q.speaker.name if q.speaker else None, q.attribution) for q in quotes] == [
        ("Russland samler styrker i sør. Det ser vi tydelig", "Kari Nordvik", "paragraph-before")
    ]


def test_paragraph_after_det_sier(registry: ActorRegistry) -> None:
    text = "– Vi ønsker fred.\nDet sier Ukrainas president Volodymyr Zelenskyj til NTB."
    quotes, _ = run(text, registry)
    assert [(q.text, q.attribution) for q in quotes] == [("Vi ønsker fred", "paragraph-after")]
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.name == "Volodymyr Zelensky"


def test_unattributed_dash_paragraph_continues_the_previous_speaker(
    registry: ActorRegistry,
) -> None:
    text = (
        "– Vi har et godt forhold, sier Støre til NTB.\n"
        "Besøket varte i to dager.\n"
        "– Vi snakket også om familien."
    )
    quotes, _ = run(text, registry)
    assert quotes[-1].text == "Vi snakket også om familien"
    assert quotes[-1].speaker is not None
    assert (quotes[-1].speaker.name, quotes[-1].attribution) == ("Jonas Gahr Støre", "continuation")


def test_unattributed_dash_paragraph_takes_the_speaker_of_the_next(
    registry: ActorRegistry,
) -> None:
    quotes, _ = run("– Vi gir oss ikke.\n– Vi kommer til å vinne, sa Zelenskyj i talen.", registry)
    assert [(q.speaker.name if q.speaker else None, q.attribution) for q in quotes] == [
        ("Volodymyr Zelensky", "paragraph-after"),
        ("Volodymyr Zelensky", "verb-after"),
    ]


def test_newspaper_role_noun_points_to_the_named_newspaper_as_the_outlet(
    registry: ActorRegistry,
) -> None:
    # "Avisen" resolves to the newspaper named before; a newspaper carries words, so it is
    # the quote's outlet ("via …" on the card), never its speaker.
    text = "Ifølge Kyiv Independent falt byen. Avisen skriver at «tapene er enorme»."
    quotes, _ = run(text, registry)
    assert (quotes[0].speaker, quotes[0].outlet, quotes[0].attribution) == (
        None,
        "The Kyiv Independent",
        "outlet",
    )


def test_list_items_after_a_colon_take_the_introducer(registry: ActorRegistry) -> None:
    text = (
        "Russian negotiator Vladimir Medinsky listed the results:\n"
        '→ the sides will "exchange all prisoners" soon;\n'
        '→ both will "present their plans" in writing.'
    )
    assert said(text, registry, "en") == [
        ("exchange all prisoners", "Vladimir Medinsky"),
        ("present their plans", "Vladimir Medinsky"),
    ]


# ------------------------------------------------------------------ «» and English quotes


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        pytest.param(
            "Storbritannias statsminister Keir Starmer sa at «koalisjonen står klar».",
            ("koalisjonen står klar", "Keir Starmer"),
            "inline-said",
            id="X-sa-at-guillemets",
        ),
        pytest.param(
            "Russland «taper terreng hver dag», sier Zelenskyj.",
            ("taper terreng hver dag", "Volodymyr Zelensky"),
            "verb-after",
            id="guillemets-then-sier-X",
        ),
        pytest.param(
            "Det hvite hus uttalte tirsdag at møtet er «en lytteøvelse for presidenten».",
            ("en lytteøvelse for presidenten", "White House"),
            "inline-said",
            id="organisation-says",
        ),
        pytest.param(
            "Ifølge Reuters sa Putin at «Russland vil vinne».",
            ("Russland vil vinne", "Vladimir Putin"),
            "inline-said",
            id="subject-after-verb-not-the-ifolge-source",
        ),
        pytest.param(
            "Ifølge Rubio er Ukraina klar for «umiddelbare forhandlinger».",
            ("umiddelbare forhandlinger", "Marco Rubio"),
            "ifolge",
            id="ifolge-before",
        ),
        pytest.param(
            "Trump lovet noe. USAs president har sagt at han vil møte «Putin og Zelenskyj sammen».",
            ("Putin og Zelenskyj sammen", "Donald Trump"),
            "country-role",
            id="country-genitive-title",
        ),
        pytest.param(
            "Zelenskyj talte. Presidenten kalte situasjonen «ekstremt vanskelig».",
            ("ekstremt vanskelig", "Volodymyr Zelensky"),
            "role-noun",
            id="definite-role-noun",
        ),
        pytest.param(
            "Nato-sjef Mark Rutte kom.\n– Vi står samlet, sier Nato-sjefen.",
            ("Vi står samlet", "Mark Rutte"),
            "role-noun",
            id="compound-role-noun",
        ),
        pytest.param(
            "«Dette er løgn», sa Peskov.\n«Vi har ingen planer om å angripe», la han til.",
            ("Vi har ingen planer om å angripe", "Dmitry Peskov"),
            "pronoun",
            id="la-han-til-after-guillemets",
        ),
        pytest.param(
            "Angrepet var «et bevisst angrep», ifølge Kyiv-ordfører Vitalij Klitsjko.",
            ("et bevisst angrep", "Vitali Klitschko"),
            "ifolge",
            id="ifolge-after-closing-mark",
        ),
        pytest.param(
            "Zelenskyj sier: – Vi gir oss aldri.",
            ("Vi gir oss aldri", "Volodymyr Zelensky"),
            "inline-said",
            id="dash-after-colon",
        ),
        pytest.param(
            "”Dette er løgn”, sa Peskov.",
            ("Dette er løgn", "Dmitry Peskov"),
            "verb-after",
            id="same-mark-opens-and-closes",
        ),
        pytest.param(
            "Nato møttes i Vilnius. I fjor ble forsvarsalliansens medlemmer enige om at Sverige "
            "«skal bli medlem snart».",
            ("skal bli medlem snart", "NATO"),
            "role-noun",
            id="organisation-genitive-role-noun",
        ),
        pytest.param(
            "På skiltet det sto «Russland er her for alltid».",
            ("Russland er her for alltid", None),
            "sign",
            id="written-sign-has-no-speaker",
        ),
        pytest.param(
            "Partene er enige om å lande avtalen «så snart som mulig».",
            ("så snart som mulig", None),
            "none",
            id="no-speaker-named",
        ),
    ],
)
def test_guillemet_speaker_rules(
    text: str, expected: tuple[str, str | None], rule: str, registry: ActorRegistry
) -> None:
    quotes, _ = run(text, registry)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes][-1:] == [expected]
    assert quotes[-1].attribution == rule


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '"We will not give up our land," Zelensky told reporters on Monday.',
            [("We will not give up our land", "Volodymyr Zelensky")],
            id="straight-quotes-name-told",
        ),
        pytest.param(
            "The strike was “a deliberate attack,” according to Foreign Minister Andrii Sybiha.",
            [("a deliberate attack", "Andrii Sybiha")],
            id="according-to-after-closing-mark",
        ),
        pytest.param(
            "“We will win,” said Zelensky.",
            [("We will win", "Volodymyr Zelensky")],
            id="said-name",
        ),
        pytest.param(
            "Zelensky says: “This is the beginning of the end.”",
            [("This is the beginning of the end", "Volodymyr Zelensky")],
            id="says-colon",
        ),
        pytest.param(
            "Lavrov arrived late.\n“Nothing has changed,” he said. “We wait for Kyiv.”",
            [("Nothing has changed", "Sergey Lavrov"), ("We wait for Kyiv", "Sergey Lavrov")],
            id="he-said-then-continuation",
        ),
        pytest.param(
            "“It will make a difference,” Gen. Mark Milley, the top U.S. officer, told reporters.",
            [("It will make a difference", "Mark Milley")],
            id="apposition-before-verb",
        ),
        pytest.param(
            'Defence Minister Ivan Petrenko spoke in Kyiv. The official promised to "soon '
            'announce" a plan.',
            [("soon announce", "Ivan Petrenko")],
            id="the-official",
        ),
    ],
)
def test_english_quotes(
    text: str, expected: list[tuple[str, str | None]], registry: ActorRegistry
) -> None:
    assert said(text, registry, "en") == expected


# ------------------------------------------------------------------ not quotes, problems


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Tyrkia ga et etterlengtet «ja» til Sverige.", id="one-word-scare-quote"),
        pytest.param('Kyiv was "invited" to the talks.', id="one-word-english"),
        pytest.param("Det skriver avisen «Dagens Næringsliv».", id="quoted-name"),
        pytest.param("Samler støtte\n– Lytteøvelse\nMøtet starter fredag.", id="dash-heading"),
        pytest.param("Han sa mye.\n– Jeg vil ikke kommentere den konkrete", id="cut-off-end"),
    ],
)
def test_scare_quotes_headings_and_cut_offs_are_not_quotes(
    text: str, registry: ActorRegistry
) -> None:
    assert said(text, registry, "en" if "invited" in text else "nb") == []


def test_nested_scare_quote_inside_a_dash_quote_is_part_of_it(registry: ActorRegistry) -> None:
    text = "– Byen er en «gråsone» nå, og vi «holder stand likevel», sier Zelenskyj."
    assert said(text, registry) == [
        ("Byen er en «gråsone» nå, og vi «holder stand likevel»", "Volodymyr Zelensky")
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param(
            "Putin later «som at ingenting skjer, sier Zelenskyj.",
            "unclosed « at offset 12 (paragraph 1)",
            id="unclosed-guillemet",
        ),
        pytest.param(
            "Han sa ingenting» til pressen.",
            "unmatched closing » at offset 16 (paragraph 1)",
            id="stray-closing",
        ),
        pytest.param(
            "Zelensky said “we will win and nobody",
            "unclosed “ at offset 14 (paragraph 1)",
            id="unclosed-curly",
        ),
    ],
)
def test_unbalanced_marks_give_a_problem_and_skip_the_quote(
    text: str, problem: str, registry: ActorRegistry
) -> None:
    quotes, problems = run(text, registry)
    assert quotes == []
    assert len(problems) == 1
    assert problems[0].startswith(problem)


def test_balanced_quote_beside_an_unbalanced_one_survives(registry: ActorRegistry) -> None:
    text = "Zelenskyj sa at «vi vinner krigen».\nPutin later «som at ingenting skjer."
    quotes, problems = run(text, registry)
    assert [q.text for q in quotes] == ["vi vinner krigen"]
    assert len(problems) == 1


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "– ",
                "«",
                "»",
                "“",
                "”",
                '"',
                ", sa han",
                ". ",
                "\n",
                "Zelenskyj",
                "Putin",
                "vi",
                "kommer",
                "sier",
                "ifølge",
                "hun",
                "Det hvite hus",
                "?",
                " ",
            ]
        ),
        max_size=40,
    )
)
def test_any_text_gives_quotes_with_exact_offsets_and_never_raises(parts: list[str]) -> None:
    run("".join(parts), load_registry())


# ------------------------------------------------------------------ the seed


SEED_QUOTES = [
    (
        "Det må legges press på Russland for en ærlig fred. Vi må bruke erfaringene fra Ukraina "
        "og våre partnere for å hindre at Russland fører oss bak lyset",
        "Volodymyr Zelensky",
        "verb-after",
    ),
    (
        "Han prøver å legge press før møtet i Alaska langs alle delene av den ukrainske fronten. "
        "Russland prøver å vise at de kan okkupere hele Ukraina",
        "Volodymyr Zelensky",
        "verb-after",
    ),
    (
        "som at de ikke betyr noe for ham, og at de er ineffektive",
        "Volodymyr Zelensky",
        "verb-after",
    ),
    (
        "I virkeligheten er sanksjonene veldig nyttige, og de rammer Russlands krigsøkonomi hardt",
        "Volodymyr Zelensky",
        "pronoun",
    ),
    (
        "Den andre tingen som var veldig klar, slik president Trump uttrykte det, er at "
        "territorium som tilhører Ukraina, ikke kan bli forhandlet om uten ukrainsk deltakelse, "
        "og kun vil bli forhandlet om av Ukrainas president",
        "Emmanuel Macron",
        "verb-after",
    ),
    ("alvorlige konsekvenser", "Donald Trump", "inline-said"),
    ("koalisjonen av de villige", "Keir Starmer", "inline-said"),
    ("reell framgang", "Keir Starmer", "pronoun"),
    ("en lytteøvelse", "White House", "inline-said"),
    ("Putin, Zelenskyj og meg selv", "Donald Trump", "country-role"),
]


def test_seed_quotes_with_speakers(seed_article: Article, registry: ActorRegistry) -> None:
    quotes, problems = run(seed_article.text, registry)
    assert problems == []
    assert [
        (q.text, q.speaker.name if q.speaker else None, q.attribution) for q in quotes
    ] == SEED_QUOTES
    white_house = quotes[8].speaker
    assert white_house is not None
    assert white_house.kind == "org"
    # "– Lytteøvelse" is a heading, not a quote.
    assert "Lytteøvelse" not in [q.text for q in quotes]


# ------------------------------------------------- outlets carry words, they do not speak


def heard(text: str, registry: ActorRegistry, lang: str = "nb") -> list[tuple[object, ...]]:
    quotes, _ = run(text, registry, lang)
    return [(q.text, q.speaker.name if q.speaker else None, q.outlet) for q in quotes]


def test_an_outlet_named_only_as_a_topic_is_no_outlet(registry: ActorRegistry) -> None:
    text = "Peskov kritiserte VG i talen: «Avisen lyver om alt»."
    assert heard(text, registry) == [("Avisen lyver om alt", "Dmitry Peskov", None)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param(
            "– Vi trekker oss ikke tilbake, sa kilder til NRK.",
            "nb",
            ("Vi trekker oss ikke tilbake", None, "NRK"),
            id="sources-to-nrk",
        ),
        pytest.param(
            "Interfax meldte: «Forhandlingene er over for denne gang.»",
            "nb",
            ("Forhandlingene er over for denne gang", None, "Interfax"),
            id="agency-reports",
        ),
        pytest.param(
            "Ifølge Wall Street Journal er «planen allerede klar i detalj».",
            "nb",
            ("planen allerede klar i detalj", None, "The Wall Street Journal"),
            id="ifolge-newspaper",
        ),
        pytest.param(
            "Zelenskyj var tydelig.\n– Vi gir aldri opp byen, skrev han på Telegram.",
            "nb",
            ("Vi gir aldri opp byen", "Volodymyr Zelensky", "Telegram"),
            id="wrote-on-telegram",
        ),
        pytest.param(
            "– Det blir ingen våpenhvile nå, sa Peskov til Interfax.",
            "nb",
            ("Det blir ingen våpenhvile nå", "Dmitry Peskov", "Interfax"),
            id="person-to-agency",
        ),
        pytest.param(
            "– Vi trenger flere våpen, sa Zelenskyj i et intervju med VG.",
            "nb",
            ("Vi trenger flere våpen", "Volodymyr Zelensky", "VG"),
            id="interview-with-newspaper",
        ),
        pytest.param(
            "NRK erfarer at «avtalen kan signeres neste uke».",
            "nb",
            ("avtalen kan signeres neste uke", None, "NRK"),
            id="broadcaster-learns",
        ),
        pytest.param(
            "“We will not retreat from the city,” Zelensky told CNN.",
            "en",
            ("We will not retreat from the city", "Volodymyr Zelensky", "CNN"),
            id="told-cnn",
        ),
        pytest.param(
            "According to Reuters, “the talks collapsed on the second day.”",
            "en",
            ("the talks collapsed on the second day", None, "Reuters"),
            id="according-to-reuters",
        ),
    ],
)
def test_an_outlet_is_the_source_never_the_speaker(
    text: str, lang: str, expected: tuple[object, ...], registry: ActorRegistry
) -> None:
    assert heard(text, registry, lang) == [expected]


# --------------------------------------------------- unnamed speakers stay unnamed


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        pytest.param("– Han er svekket, sier kilder nær Putin.", "nb", id="kilder-naer-putin"),
        pytest.param(
            "Macron spoke first. “The plan is dead on arrival,” unnamed European officials said.",
            "en",
            id="unnamed-officials-before-verb",
        ),
        pytest.param(
            "“The plan is dead,” said unnamed European officials close to Macron’s team.",
            "en",
            id="unnamed-officials-after-verb",
        ),
        pytest.param(
            "“The reactor is stable for now,” the watchdog’s inspectors said after Grossi left.",
            "en",
            id="watchdogs-inspectors",
        ),
        pytest.param(
            "Anonyme kilder i Kreml sier at «Putin ikke vil møte Zelenskyj»", "nb", id="inline"
        ),
    ],
)
def test_unnamed_speakers_are_never_given_the_nearest_name(
    text: str, lang: str, registry: ActorRegistry
) -> None:
    quotes, _ = run(text, registry, lang)
    assert [(q.speaker, q.attribution) for q in quotes] == [(None, "unnamed")]


def test_an_unnamed_speaker_does_not_continue_the_named_one_before(
    registry: ActorRegistry,
) -> None:
    text = (
        "Grossi spoke. “We are worried,” he said. "
        "“The situation is fragile,” a senior official added."
    )
    assert said(text, registry, "en") == [
        ("We are worried", "Rafael Grossi"),
        ("The situation is fragile", None),
    ]


@pytest.mark.parametrize(
    ("pronoun", "speaker"),
    [("hun", "Kaja Kallas"), ("han", "Vladimir Putin")],
)
def test_pronouns_respect_gender(pronoun: str, speaker: str, registry: ActorRegistry) -> None:
    text = f"Kallas kritiserte Putin i går.\n– Dette er uakseptabelt, sa {pronoun}."
    assert said(text, registry) == [("Dette er uakseptabelt", speaker)]


def test_they_never_resolves_to_a_single_person(registry: ActorRegistry) -> None:
    text = "Peskov snakket med Kreml.\n“We have no plans for a meeting,” they said."
    assert said(text, registry, "en") == [("We have no plans for a meeting", "Kremlin")]


def test_they_after_unnamed_sources_stays_unnamed(registry: ActorRegistry) -> None:
    text = "Kreml svarte ikke. Kilder i Moskva var skeptiske.\n– Det blir ikke noe møte, sier de."
    assert said(text, registry) == [("Det blir ikke noe møte", None)]


# ------------------------------------------------------------ dialogue and interviews


def test_dash_dialogue_alternates_speakers(registry: ActorRegistry) -> None:
    text = (
        "Putin møtte pressen.\n"
        "– Vil du møte Zelenskyj? spør NRK.\n"
        "– Ja, det vil jeg, svarer Putin.\n"
        "– Når blir det?\n"
        "– Snart, kanskje i høst."
    )
    quotes, _ = run(text, registry)
    assert [(q.speaker.name if q.speaker else None, q.attribution, q.outlet) for q in quotes] == [
        (None, "outlet", "NRK"),
        ("Vladimir Putin", "verb-after", None),
        (None, "dialogue", "NRK"),
        ("Vladimir Putin", "dialogue", None),
    ]


def test_two_attributed_speakers_then_a_statement_continue_the_last(
    registry: ActorRegistry,
) -> None:
    # No question asked: not a dialogue, so the next turn continues the last speaker.
    text = (
        "– Vi står sammen, sier Støre.\n"
        "– Vi takker Norge, sier Zelenskyj.\n"
        "– Vi trenger mer luftvern."
    )
    assert said(text, registry)[-1] == ("Vi trenger mer luftvern", "Volodymyr Zelensky")


def test_unattributed_interview_gives_answers_to_the_interviewee(
    registry: ActorRegistry,
) -> None:
    text = (
        "NRK møtte Jonas Gahr Støre i Kyiv.\n"
        "– Hvordan går det med støtten?\n"
        "– Det går bra med oss.\n"
        "– Hva skjer nå?\n"
        "– Vi venter på svar fra Moskva."
    )
    quotes, _ = run(text, registry)
    assert [(q.speaker.name if q.speaker else None, q.attribution) for q in quotes] == [
        (None, "interview-question"),
        ("Jonas Gahr Støre", "interview-answer"),
        (None, "interview-question"),
        ("Jonas Gahr Støre", "interview-answer"),
    ]


def test_a_rhetorical_question_is_not_an_interview(registry: ActorRegistry) -> None:
    text = "– Hvorfor skjer dette?\n– Fordi Russland vil ha mer land, sier Zelenskyj."
    assert [s for _, s in said(text, registry)] == ["Volodymyr Zelensky", "Volodymyr Zelensky"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        pytest.param(
            "NRK intervjuet Jonas Gahr Støre.\nSpørsmål: Hvordan går det?\n"
            "Svar: Det går bra med oss.\nSpørsmål: Og nå?\nSvar: Vi venter.",
            "nb",
            id="sporsmal-svar",
        ),
        pytest.param(
            "Reporters spoke to Jonas Gahr Støre.\nQ: How is it going?\n"
            "A: It is going well.\nQ: And now?\nA: We wait.",
            "en",
            id="q-a",
        ),
    ],
)
def test_labelled_interview_turns(text: str, lang: str, registry: ActorRegistry) -> None:
    assert [s for _, s in said(text, registry, lang)] == [
        None,
        "Jonas Gahr Støre",
        None,
        "Jonas Gahr Støre",
    ]


def test_speaker_labels_name_each_turn(registry: ActorRegistry) -> None:
    text = (
        "NRK: Hva sier du til Putin?\nStøre: Vi står fast.\nNRK: Og til Zelenskyj?\nStøre: Hold ut."
    )
    quotes, _ = run(text, registry)
    assert [(q.speaker.name if q.speaker else None, q.outlet) for q in quotes] == [
        (None, "NRK"),
        ("Jonas Gahr Støre", None),
        (None, "NRK"),
        ("Jonas Gahr Støre", None),
    ]


def test_a_lone_label_line_is_a_headline_not_a_quote(registry: ActorRegistry) -> None:
    quotes, _ = run("Zelenskyj: Vi gir oss ikke.\nKrigen fortsetter i øst.", registry)
    assert quotes == []


# ------------------------------------------------------- English quotes over paragraphs


def test_english_quote_over_several_paragraphs_is_one_quote(registry: ActorRegistry) -> None:
    text = (
        "Zelensky spoke for an hour.\n"
        "“We will hold every town in the east.\n"
        "“We will rebuild what they destroy.\n"
        "“We will never surrender,” he said."
    )
    quotes, problems = run(text, registry, "en")
    assert problems == []
    assert [(q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        (
            "We will hold every town in the east.\n"
            "We will rebuild what they destroy.\n"
            "We will never surrender",
            "Volodymyr Zelensky",
        )
    ]


def test_an_open_quote_without_a_continuing_paragraph_is_still_a_problem(
    registry: ActorRegistry,
) -> None:
    quotes, problems = run("Zelensky said: “We will hold.\nThe war goes on.", registry, "en")
    assert quotes == []
    assert len(problems) == 1
    assert "unclosed" in problems[0]


# ------------------------------------------------------------- the day it was said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "– Vi angriper på fredag, sa Putin onsdag.",
            ("2025-08-13", "attribution"),
            id="attribution-date-not-the-quoted-friday",
        ),
        pytest.param(
            "Putin sa onsdag at «vi angriper på fredag»", ("2025-08-13", "sentence"), id="sentence"
        ),
        pytest.param("Putin sa at «vi angriper på fredag»", (None, ""), id="not-stated"),
        pytest.param(
            "Zelenskyj talte tirsdag.\n– Vi gir oss ikke, sa han tirsdag.\n– Aldri.",
            ("2025-08-12", "continuation"),
            id="continuation-keeps-the-day",
        ),
    ],
)
def test_a_quote_is_dated_by_the_day_it_was_said(
    text: str, expected: tuple[str | None, str], registry: ActorRegistry
) -> None:
    quotes, _ = run(text, registry)
    assert (quotes[-1].date, quotes[-1].date_basis) == expected
