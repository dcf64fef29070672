"""English rule tables for place names (and the demonyms that must never be places).

The cue words tell a city from its region ("the city of Kherson", "Kharkiv region") and a
place from a person ("President Trump"). :data:`ABBREVIATIONS` are names that count only
when written in capitals ("US officials", not "us"). :data:`DEMONYMS` holds adjectives in
both languages: they are filtered out even when some gazetteer lists them as a name.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ABBREVIATIONS",
    "CITY_CUES",
    "COMMON_WORD_CITIES",
    "COUNTRY_EXONYMS",
    "DEMONYMS",
    "FUNCTION_WORDS",
    "MODIFIERS",
    "NOT_PLACES",
    "ORG_HEADS",
    "PERSON_CUES",
    "PERSON_NAMES",
    "PLACE_PREPOSITIONS",
    "REGION_CUES_AFTER",
    "REGION_CUES_BEFORE",
    "RIVER_CUES",
    "US_STATE_ABBREVIATIONS",
    "VILLAGE_CUES",
]


def _words(text: str) -> frozenset[str]:
    """Return the white-space separated words of ``text`` (keeps long word lists readable)."""
    return frozenset(text.split())


#: English short names newsrooms use where ISO's name is long ("Russian Federation").
COUNTRY_EXONYMS: Final[dict[str, tuple[str, ...]]] = {
    "BO": ("Bolivia",),
    "CZ": ("Czech Republic", "Czechia"),
    "GB": ("Britain", "Great Britain", "UK", "U.K.", "United Kingdom"),
    "IR": ("Iran",),
    "KP": ("North Korea", "DPRK"),  # Democratic People's Republic of Korea (ISO official name)
    "KR": ("South Korea",),
    "MD": ("Moldova",),
    "NL": ("Netherlands", "the Netherlands", "Holland"),
    "PS": ("Palestine",),
    "RU": ("Russia",),
    "SY": ("Syria",),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "TW": ("Taiwan",),
    "US": (
        "United States",
        "United States of America",
        "US",
        "U.S.",
        "U.S.A.",
        "USA",
        "America",
    ),
    "VA": ("Vatican", "Vatican City", "Holy See"),
    "VE": ("Venezuela",),
    "VN": ("Vietnam",),
    "AE": ("United Arab Emirates", "UAE", "Emirates"),
    "BY": ("Belarus",),
    "CD": ("Democratic Republic of the Congo", "DR Congo"),
}

#: Last words of organisations' names that start with a place ("Ukraine Defense Contact
#: Group", "Kyiv Independent"): the place inside is not a place mention.
ORG_HEADS: Final[frozenset[str]] = _words(
    """
    group council conference committee commission agency institute institution fund forum
    post times independent today news herald tribune journal gazette party airlines airways
    railways bank ministry command forces army navy initiative coalition union association
    foundation centre center university school academy corporation company federation
    alliance exchange observatory service bureau office department
    """
)

#: Names that are places only when written in capitals.
ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    {"US", "U.S.", "U.S.A.", "USA", "USAs", "UK", "U.K.", "UAE", "JBER", "DPRK"}
)

#: AP-style abbreviations of US state names, by postal code, as datelines and "Fresno, Calif."
#: write them (the eight states AP never abbreviates are absent). Source: the AP column of
#: en.wikipedia.org/wiki/List_of_U.S._state_and_territory_abbreviations. A one-word form
#: counts only after a comma and with its full stop; "N.Y." and "W.Va." count anywhere.
US_STATE_ABBREVIATIONS: Final[dict[str, tuple[str, ...]]] = {
    "AL": ("Ala.",),
    "AZ": ("Ariz.",),
    "AR": ("Ark.",),
    "CA": ("Calif.",),
    "CO": ("Colo.",),
    "CT": ("Conn.",),
    "DE": ("Del.",),
    "FL": ("Fla.",),
    "GA": ("Ga.",),
    "IL": ("Ill.",),
    "IN": ("Ind.",),
    "KS": ("Kan.", "Kans."),
    "KY": ("Ky.",),
    "LA": ("La.",),
    "MD": ("Md.",),
    "MA": ("Mass.",),
    "MI": ("Mich.",),
    "MN": ("Minn.",),
    "MS": ("Miss.",),
    "MO": ("Mo.",),
    "MT": ("Mont.",),
    "NE": ("Neb.", "Nebr."),
    "NV": ("Nev.",),
    "NH": ("N.H.",),
    "NJ": ("N.J.",),
    "NM": ("N.M.",),
    "NY": ("N.Y.",),
    "NC": ("N.C.",),
    "ND": ("N.D.",),
    "OK": ("Okla.",),
    "OR": ("Ore.", "Oreg."),
    "PA": ("Pa.", "Penn."),
    "RI": ("R.I.",),
    "SC": ("S.C.",),
    "SD": ("S.D.",),
    "TN": ("Tenn.",),
    "VT": ("Vt.",),
    "VA": ("Va.",),
    "WA": ("Wash.",),
    "WV": ("W.Va.",),
    "WI": ("Wis.", "Wisc."),
    "WY": ("Wyo.",),
}

CITY_CUES: Final[frozenset[str]] = frozenset({"city", "town", "capital", "port"})
VILLAGE_CUES: Final[frozenset[str]] = frozenset({"village", "hamlet", "settlement"})
REGION_CUES_BEFORE: Final[frozenset[str]] = frozenset({"region", "province", "oblast", "state"})
REGION_CUES_AFTER: Final[frozenset[str]] = frozenset(
    {"region", "oblast", "province", "krai", "governor", "regional", "border"}
)
RIVER_CUES: Final[frozenset[str]] = frozenset({"river"})

#: Capitalised words that may stand right before a place without being part of a name.
MODIFIERS: Final[frozenset[str]] = _words(
    """
    eastern western northern southern central north south east west greater upper lower
    occupied free liberated pro anti post pre ex neighbouring neighboring nord sør øst vest
    midt sentral indre ytre
    """
)

#: Lower-case words right before a name that make it a person ("President Trump").
PERSON_CUES: Final[frozenset[str]] = frozenset(
    {
        "president",
        "minister",
        "secretary",
        "chancellor",
        "senator",
        "governor",
        "mayor",
        "general",
        "gen",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "mr",
        "mrs",
        "ms",
        "dr",
        # kinship: "his brother Tyler", "her son Leo"
        "brother",
        "sister",
        "son",
        "daughter",
        "father",
        "mother",
        "husband",
        "wife",
        "uncle",
        "aunt",
        "cousin",
        "grandson",
        "granddaughter",
        "boyfriend",
        "girlfriend",
    }
)

#: Surnames of people in the news about the war that are also gazetteer names (a Venezuelan
#: town Rubio, a Russian village Dmitriyev, Norway's Eide): a person unless a preposition of
#: place stands right before them ("i Eide", "in Austin").
PERSON_NAMES: Final[frozenset[str]] = _words(
    """
    Rubio Dmitriev Dmitrijev Dmitrijevs Dmitrievs Rubios Yermak Jermak Eide Eides Austin
    Austins Kim Lula Zakharova Sakharova Sakharovas Costa Kellogg Lavrov Merz Vance Tusk
    """
)
#: English words before a name that make it a place even when it is also a surname.
PLACE_PREPOSITIONS: Final[frozenset[str]] = _words(
    """
    in at from to near outside via into across around city town village of
    """
)

#: Cities named by ordinary words: at a sentence start they are the word ("Reading the
#: report, ..."), elsewhere the city.
COMMON_WORD_CITIES: Final[frozenset[str]] = _words(
    """
    Reading Nice Mobile Split Independence Mission Orange Marine Surprise Enterprise Hope
    Bath Sale Deal Wells Hull Florence Aurora Providence Concord Temple Normal Mesa Pueblo
    Lafayette Paradise Spring Springs Union Liberty Freedom Harmony Victoria Lincoln
    """
)

#: Capitalised words (sentence starts, headlines) that are never part of a name.
FUNCTION_WORDS: Final[frozenset[str]] = _words(
    """
    the a an in on at to from of for with by as and or but if when while after before since
    during until into over under across near about against between through without within
    this that these those there here it its he she they we i you his her their our my your
    both also not no yes meanwhile however still yet so then now once later earlier today
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december new
    """
)

#: Adjectives and demonyms in nb/nn/en: never places, whatever a gazetteer lists.
DEMONYMS: Final[frozenset[str]] = _words(
    """
    russian russians ukrainian ukrainians american americans european europeans british
    french german germans norwegian norwegians soviet western eastern chinese turkish
    belarusian polish swedish finnish danish dutch italian spanish hungarian lithuanian
    latvian estonian georgian saudi israeli iranian crimean
    russisk russiske ukrainsk ukrainske amerikansk amerikanske europeisk europeiske britisk
    britiske fransk franske tysk tyske norsk norske sovjetisk sovjetiske vestlig vestlige
    kinesisk kinesiske tyrkisk tyrkiske hviterussisk hviterussiske polsk polske svensk
    svenske finsk finske dansk danske ungarsk ungarske litauisk litauiske saudiarabisk
    israelsk iransk russarane ukrainarane russar ukrainarar
    """
)

#: Institutions and blocs named after places; not places by the annotation rules.
NOT_PLACES: Final[frozenset[str]] = frozenset(
    {
        "Kremlin",
        "White House",
        "the West",
        "West",
        "Pentagon",
        "Downing Street",
        "Capitol Hill",
        "Wall Street",
        "State Department",
        "Ukraine Defense Contact Group",
        "Kyiv Independent",
        "Kyiv Post",
        "Kyiv School of Economics",
        "Moscow Times",
        "Washington Post",
        "New York Times",
        "Russia Today",
        "Radio Free Europe",
        "Council of Europe",
        "Stars and Stripes",
    }
)
