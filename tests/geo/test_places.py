"""Place mentions: what counts as a place, its exact surface, and which place it resolves to.

Every sentence here is written for these tests; each table row pins the *complete* list of
places found, so a rule that adds a false place fails as surely as one that misses a place.
"""

from __future__ import annotations

import pytest

from geo.extract.places import find_places
from geo.gazetteer.index import Gazetteer, load_gazetteer
from geo.model import Article, Lang
from tests.builders import make_article


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _found(gaz: Gazetteer, text: str, lang: Lang = "nb") -> list[tuple[str, str | None]]:
    article = make_article(text, lang=lang)
    mentions = find_places(article, sentences=(), gazetteer=gaz)
    for m in mentions:
        assert text[m.start : m.end] == m.surface
    return [(m.surface, m.place.name if m.place else None) for m in mentions]


def _kinds(gaz: Gazetteer, text: str, lang: Lang = "nb") -> list[tuple[str, str, str | None]]:
    mentions = find_places(make_article(text, lang=lang), sentences=(), gazetteer=gaz)
    return [(m.surface, m.place.kind, m.place.country) for m in mentions if m.place]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Ukrainas forsvar og Russlands angrep ble diskutert i USAs kongress.",
            [("Ukrainas", "Ukraine"), ("Russlands", "Russia"), ("USAs", "United States")],
            id="genitive-s-keeps-the-s",
        ),
        pytest.param(
            "Frankrikes og Storbritannias ledere møtte Saudi-Arabias utsending.",
            [
                ("Frankrikes", "France"),
                ("Storbritannias", "United Kingdom"),
                ("Saudi-Arabias", "Saudi Arabia"),
            ],
            id="genitive-of-hyphenated-country",
        ),
        pytest.param(
            "Noregs statsminister reiste frå Noreg til Kviterussland og Sambandsstatane.",
            [
                ("Noregs", "Norway"),
                ("Noreg", "Norway"),
                ("Kviterussland", "Belarus"),
                ("Sambandsstatane", "United States"),
            ],
            id="nynorsk-country-names",
        ),
        pytest.param(
            "Etter Alaska-møtet varslet Donetsk-guvernøren evakuering i Kharkiv-regionen.",
            [("Alaska", "Alaska"), ("Donetsk", "Donetsk Oblast"), ("Kharkiv", "Kharkiv Oblast")],
            id="hyphen-compound-surface-is-the-name",
        ),
        pytest.param(
            "Byen Kherson ble frigjort, men store deler av Kherson-regionen er okkupert.",
            [("Kherson", "Kherson"), ("Kherson", "Kherson Oblast")],
            id="byen-is-city-regionen-is-oblast",
        ),
        pytest.param(
            "Guvernøren i Kursk sa at Kursk oblast igjen var under angrep.",
            [("Kursk", "Kursk Oblast"), ("Kursk", "Kursk Oblast")],
            id="governor-of-and-oblast-word-mean-region",
        ),
        pytest.param(
            "Russiske styrker og ukrainske soldater kjempet; den russiske hæren rykket fram.",
            [],
            id="adjectives-are-not-places",
        ),
        pytest.param(
            "Kreml avviste kravet, Det hvite hus svarte, og Vesten står samlet bak sanksjonene.",
            [],
            id="institutions-and-the-west-are-not-places",
        ),
        pytest.param(
            "Kreml-talsmannen snakket om Ukraina, ikke om Det hvite hus.",
            [("Ukraina", "Ukraine")],
            id="kremlin-compound-is-not-a-place",
        ),
        pytest.param(
            "Kampene sto ved Kostjantynivka, Druzjkivka, Slovjansk og Tsjasiv Jar.",
            [
                ("Kostjantynivka", "Kostiantynivka"),
                ("Druzjkivka", "Druzhkivka"),
                ("Slovjansk", "Sloviansk"),
                ("Tsjasiv Jar", "Chasiv Yar"),
            ],
            id="norwegian-transliteration-donetsk",
        ),
        pytest.param(
            "Fra Kupjansk og Lysytsjansk til Zaporizjzja og Butsja ved Kijev.",
            [
                ("Kupjansk", "Kupiansk"),
                ("Lysytsjansk", "Lysychansk"),
                ("Zaporizjzja", "Zaporizhzhia"),
                ("Butsja", "Bucha"),
                ("Kijev", "Kyiv"),
            ],
            id="norwegian-transliteration-elsewhere",
        ),
        pytest.param(
            "Delegasjonene møttes i Haag, Brussel, Genève og Moskva.",
            [
                ("Haag", "The Hague"),
                ("Brussel", "Brussels"),
                ("Genève", "Geneva"),
                ("Moskva", "Moscow"),
            ],
            id="norwegian-exonyms-of-cities",
        ),
        pytest.param(
            "Elva Dnipro deler fronten, Svartehavet er stengt, og Krim-halvøya er okkupert.",
            [("Dnipro", "Dnipro River"), ("Svartehavet", "Black Sea"), ("Krim", "Crimea")],
            id="river-cue-sea-and-peninsula-compound",
        ),
        pytest.param(
            "Et missil traff Dnipro, mens Midtøsten og Baltikum fulgte med fra Europa.",
            [
                ("Dnipro", "Dnipro"),
                ("Midtøsten", "Middle East"),
                ("Baltikum", "Baltic states"),
                ("Europa", "Europe"),
            ],
            id="city-dnipro-and-multi-country-regions",
        ),
        pytest.param(
            "Kirkenes ligger i Finnmark, ved Barentshavet. Middelhavet er langt unna.",
            [
                ("Kirkenes", "Kirkenes"),
                ("Finnmark", "Finnmark"),
                ("Barentshavet", "Barents Sea"),
                ("Middelhavet", "Mediterranean Sea"),
            ],
            id="norwegian-places-and-seas-at-sentence-start",
        ),
        pytest.param(
            "Man kan si at det går bra. Vil Russland forhandle? – God kontakt, sa han.",
            [("Russland", "Russia")],
            id="capitalised-ordinary-words-are-not-places",
        ),
        pytest.param(
            "Etter møtet sa Rubio at Dmitriev lyttet. Kellogg reiste videre til Eide.",
            [("Eide", "Eide")],
            id="surnames-that-are-also-places-need-a-preposition",
        ),
        pytest.param(
            "Utenriksminister Espen Barth Eide møtte Kirill Dmitriev. Eide sa at Dmitriev lyttet.",
            [],
            id="surname-met-in-a-full-name-is-no-place-later",
        ),
        pytest.param(
            "Den såkalte Folkerepublikken Donetsk styres fra Moskva.",
            [("Donetsk", "Donetsk Oblast"), ("Moskva", "Moscow")],
            id="republic-cue-means-the-region",
        ),
        pytest.param(
            "Forfatteren Lloyd Donetsk er oppdiktet. Donetsk ble bombet.",
            [("Donetsk", "Donetsk")],
            id="capitalised-word-before-a-city-does-not-erase-the-city",
        ),
        pytest.param(
            "Soldatene tok landsbyen Zzyzzxbab nær Pokrovsk.",
            [("Zzyzzxbab", None), ("Pokrovsk", "Pokrovsk")],
            id="unknown-name-after-strong-cue-kept-unresolved",
        ),
    ],
)
def test_norwegian_place_rules(
    gazetteer: Gazetteer, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _found(gazetteer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Ukraine's army held the line while Russia's troops advanced.",
            [("Ukraine", "Ukraine"), ("Russia", "Russia")],
            id="english-possessive-keeps-the-name",
        ),
        pytest.param(
            "U.S. officials said the US and the USA are the same United States.",
            [
                ("U.S.", "United States"),
                ("US", "United States"),
                ("USA", "United States"),
                ("United States", "United States"),
            ],
            id="u-s-forms-are-the-united-states",
        ),
        pytest.param(
            "Russian-held towns and Ukrainian cities: the Russian army and the Kremlin.",
            [],
            id="demonyms-and-kremlin-are-not-places",
        ),
        pytest.param(
            "Allies met at the Ukraine Defense Contact Group in Brussels.",
            [("Brussels", "Brussels")],
            id="country-inside-organisation-name",
        ),
        pytest.param(
            "The Kyiv Independent and the Washington Post reported from Kyiv.",
            [("Kyiv", "Kyiv")],
            id="newspapers-named-after-cities",
        ),
        pytest.param(
            "Secretary Lloyd Austin met Marco Rubio. Later Austin and Rubio left for London.",
            [("London", "London")],
            id="person-names-that-are-also-cities",
        ),
        pytest.param(
            "The West must stay united, he told reporters in Washington.",
            [("Washington", "Washington")],
            id="the-west-is-not-a-place-washington-is-dc",
        ),
        pytest.param(
            "Shelling hit the city of Kherson and the Kharkiv region; the Dnipro River rose.",
            [
                ("Kherson", "Kherson"),
                ("Kharkiv", "Kharkiv Oblast"),
                ("Dnipro River", "Dnipro River"),
            ],
            id="english-kind-cues",
        ),
        pytest.param(
            "Inspectors left the Zaporizhzhia nuclear power plant for Enerhodar.",
            [("Zaporizhzhia", "Zaporizhzhia"), ("Enerhodar", "Enerhodar")],
            id="descriptive-lower-case-words-are-not-part-of-the-name",
        ),
        pytest.param(
            "Protests spread from New York to Los Angeles, Gaza and the West Bank.",
            [
                ("New York", "New York City"),
                ("Los Angeles", "Los Angeles"),
                ("Gaza", "Gaza"),
                ("West Bank", "West Bank"),
            ],
            id="city-before-state-of-the-same-name",
        ),
        pytest.param(
            "Ships left St. Petersburg and Odessa.",
            [("St. Petersburg", "Saint Petersburg"), ("Odessa", "Odesa")],
            id="saint-abbreviation-and-russian-spelling-of-odesa",
        ),
        pytest.param(
            "Talks moved from Riyadh and Jeddah to Istanbul, then to The Hague and Vilnius.",
            [
                ("Riyadh", "Riyadh"),
                ("Jeddah", "Jeddah"),
                ("Istanbul", "Istanbul"),
                ("The Hague", "The Hague"),
                ("Vilnius", "Vilnius"),
            ],
            id="diplomacy-venues",
        ),
    ],
)
def test_english_place_rules(
    gazetteer: Gazetteer, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _found(gazetteer, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "surface", "admin1"),
    [
        pytest.param(
            "Russiske styrker nærmer seg Dobropillja fra Pokrovsk.",
            "Dobropillja",
            "Donetsk Oblast",
            id="dobropillia-larger-homonym",
        ),
        pytest.param(
            "Frontlinjen går forbi Kupjansk, Izium og Borova ved Oskil.",
            "Borova",
            "Kharkiv Oblast",
            id="borova-near-kupiansk-not-the-larger-one",
        ),
        pytest.param(
            "Borova ligger vest for Kyiv, nær Fastiv.",
            "Borova",
            "Kyiv Oblast",
            id="borova-near-kyiv",
        ),
        pytest.param(
            "Angrepet på Kostjantynivka kom fra Tsjasiv Jar.",
            "Kostjantynivka",
            "Donetsk Oblast",
            id="kostiantynivka-by-the-front",
        ),
    ],
)
def test_homonyms_resolve_by_the_other_places(
    gazetteer: Gazetteer, text: str, surface: str, admin1: str
) -> None:
    mentions = find_places(make_article(text), sentences=(), gazetteer=gazetteer)
    chosen = next(m.place for m in mentions if m.surface == surface)
    assert chosen is not None
    assert chosen.admin1 == admin1


def test_capitals_and_story_places_have_the_right_kind_and_country(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Fra Anchorage i Alaska til Kyiv, Moskva, Washington, Minsk, Kursk, Belgorod, "
        "Sevastopol og Krim."
    )
    assert _kinds(gazetteer, text) == [
        ("Anchorage", "city", "US"),
        ("Alaska", "region", "US"),
        ("Kyiv", "city", "UA"),
        ("Moskva", "city", "RU"),
        ("Washington", "city", "US"),
        ("Minsk", "city", "BY"),
        ("Kursk", "city", "RU"),
        ("Belgorod", "city", "RU"),
        ("Sevastopol", "city", "UA"),
        ("Krim", "region", "UA"),
    ]


def test_europe_spans_countries(gazetteer: Gazetteer) -> None:
    assert _kinds(gazetteer, "Europa må stå samlet.") == [("Europa", "region", None)]


def test_empty_and_placeless_text_give_no_mentions(gazetteer: Gazetteer) -> None:
    assert _found(gazetteer, "") == []
    assert _found(gazetteer, "ingen steder her, bare små bokstaver.") == []


# ------------------------------------------------------------------------- the seed


SEED_PLACES = [
    ("Alaska", "Alaska"),
    ("Ukraina", "Ukraine"),
    ("Russland", "Russia"),
    ("Ukraina", "Ukraine"),
    ("Russland", "Russia"),
    ("Anchorage", "Anchorage"),
    ("USAs", "United States"),
    ("Alaska", "Alaska"),
    ("Russland", "Russia"),
    ("Ukraina", "Ukraine"),
    ("Russlands", "Russia"),
    ("Alaska", "Alaska"),
    ("Frankrikes", "France"),
    ("Ukraina", "Ukraine"),
    ("Ukrainas", "Ukraine"),
    ("Russland", "Russia"),
    ("Ukraina", "Ukraine"),
    ("Storbritannias", "United Kingdom"),
    ("Ukraina", "Ukraine"),
    ("Ukraina", "Ukraine"),
    ("Russland", "Russia"),
    ("Ukraina", "Ukraine"),
    ("Ukraina", "Ukraine"),
    ("USAs", "United States"),
]


def test_seed_article_places_are_all_found_and_resolved(
    seed_article: Article, gazetteer: Gazetteer
) -> None:
    mentions = find_places(seed_article, sentences=(), gazetteer=gazetteer)
    assert [(m.surface, m.place.name if m.place else None) for m in mentions] == SEED_PLACES
    for m in mentions:
        assert seed_article.text[m.start : m.end] == m.surface


def test_seed_alaska_meeting_compound_and_anchorage_are_in_alaska(
    seed_article: Article, gazetteer: Gazetteer
) -> None:
    mentions = find_places(seed_article, sentences=(), gazetteer=gazetteer)
    text = seed_article.text
    compound = next(m for m in mentions if text.startswith("Alaska-møtet", m.start))
    assert compound.surface == "Alaska"
    anchorage = next(m.place for m in mentions if m.surface == "Anchorage")
    assert anchorage is not None
    assert (anchorage.country, anchorage.admin1) == ("US", "Alaska")
