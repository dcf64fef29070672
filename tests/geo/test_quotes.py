"""Direct quotes: each quote form and speaker rule on sentences written for these tests.

Plus the seed pin (every quote with its speaker) and a property: arbitrary text with stray
quote marks never raises and every quote's offsets hold its text.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.extract.actors import ActorRegistry, find_actors, load_registry
from geo.extract.quotes import find_quotes
from geo.model import Article, Quote
from geo.text.sentences import split_paragraphs, split_sentences


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return load_registry()


def run(text: str, registry: ActorRegistry, lang: str = "nb") -> tuple[list[Quote], list[str]]:
    article = Article(id="t", text=text, lang=lang)  # type: ignore[arg-type]
    paragraphs = split_paragraphs(text)
    sentences = split_sentences(text, paragraphs)
    persons, orgs = find_actors(
        article, sentences=sentences, paragraphs=paragraphs, registry=registry
    )
    quotes, problems = find_quotes(
        article, sentences=sentences, paragraphs=paragraphs, actors=persons, orgs=orgs
    )
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
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
