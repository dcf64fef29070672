"""Norwegian (bokmål and nynorsk) rule tables for place names.

Why a hand-made table: pycountry's Norwegian country names are the formal ones ("Den russiske
føderasjon", "De forente stater"), while newsrooms write "Russland" and "USA"; and the cue
words that tell a city from its oblast ("byen Kherson", "Kherson-regionen") are language
rules, not gazetteer data. Keys are ISO 3166-1 alpha-2 codes or gazetteer ids of curated
places (``geo/data/places_extra.csv``, ``geo/data/regions.csv``).
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "CITY_CUES",
    "CITY_EXONYMS",
    "COUNTRY_EXONYMS",
    "FUNCTION_WORDS",
    "NOT_PLACES",
    "PERSON_CUES",
    "PLACE_PREPOSITIONS",
    "REGION_CUES_AFTER",
    "REGION_CUES_BEFORE",
    "RIVER_CUES",
    "VILLAGE_CUES",
]


def _words(text: str) -> frozenset[str]:
    """Return the white-space separated words of ``text`` (keeps long word lists readable)."""
    return frozenset(text.split())


#: Country names as Norwegian news writes them (bokmål, then nynorsk where it differs).
COUNTRY_EXONYMS: Final[dict[str, tuple[str, ...]]] = {
    "AE": ("De forente arabiske emirater", "Emiratene", "Dei sameinte arabiske emirata"),
    "AF": ("Afghanistan",),
    "AM": ("Armenia",),
    "AT": ("Østerrike", "Austerrike"),
    "AZ": ("Aserbajdsjan",),
    "BA": ("Bosnia-Hercegovina", "Bosnia"),
    "BE": ("Belgia",),
    "BG": ("Bulgaria",),
    "BY": ("Hviterussland", "Kviterussland", "Belarus"),
    "CH": ("Sveits",),
    "CN": ("Kina",),
    "CY": ("Kypros",),
    "CZ": ("Tsjekkia",),
    "DE": ("Tyskland",),
    "DK": ("Danmark",),
    "DZ": ("Algerie",),
    "EE": ("Estland",),
    "EG": ("Egypt",),
    "ES": ("Spania",),
    "ET": ("Etiopia",),
    "FI": ("Finland",),
    "FR": ("Frankrike",),
    "GB": ("Storbritannia", "Det forente kongerike", "Det forente kongeriket", "Britannia"),
    "GE": ("Georgia",),
    "GL": ("Grønland",),
    "GR": ("Hellas",),
    "HR": ("Kroatia",),
    "HU": ("Ungarn",),
    "IE": ("Irland",),
    "IN": ("India",),
    "IQ": ("Irak",),
    "IR": ("Iran",),
    "IS": ("Island",),
    "IT": ("Italia",),
    "JP": ("Japan",),
    "KG": ("Kirgisistan",),
    "KP": ("Nord-Korea",),
    "KR": ("Sør-Korea",),
    "KZ": ("Kasakhstan",),
    "LB": ("Libanon",),
    "LT": ("Litauen",),
    "LV": ("Latvia",),
    "MA": ("Marokko",),
    "MD": ("Moldova",),
    "MK": ("Nord-Makedonia",),
    "NL": ("Nederland", "Holland"),
    "NO": ("Norge", "Noreg"),
    "PL": ("Polen",),
    "PS": ("Palestina",),
    "RO": ("Romania",),
    "RS": ("Serbia",),
    "RU": ("Russland", "Den russiske føderasjonen"),
    "SA": ("Saudi-Arabia",),
    "SE": ("Sverige",),
    "SI": ("Slovenia",),
    "SK": ("Slovakia",),
    "SY": ("Syria",),
    "TJ": ("Tadsjikistan",),
    "TM": ("Turkmenistan",),
    "TR": ("Tyrkia", "Türkiye"),
    "TW": ("Taiwan",),
    "UA": ("Ukraina",),
    "US": ("USA", "De forente stater", "Amerika", "Sambandsstatane", "Statane"),
    "UZ": ("Usbekistan",),
    "VA": ("Vatikanet", "Vatikanstaten"),
    "YE": ("Jemen",),
    "ZA": ("Sør-Afrika",),
}

#: Norwegian names of cities that GeoNames' alternate names lack or that are too short to be
#: indexed from there; keys are GeoNames ids (3169070 is Rome).
CITY_EXONYMS: Final[dict[str, tuple[str, ...]]] = {
    "3169070": ("Rom",),
}

#: Words before a name that make it the city ("byen Kherson", "hovedstaden Kyiv").
CITY_CUES: Final[frozenset[str]] = frozenset(
    {"byen", "storbyen", "hovedstaden", "havnebyen", "industribyen", "frontbyen", "byane"}
)
#: Words before a name that make it a village or small settlement.
VILLAGE_CUES: Final[frozenset[str]] = frozenset(
    {"landsbyen", "landsbyene", "tettstedet", "bygda", "grenda", "småbyen"}
)
#: Words before a name that make it the region ("regionen Kursk", "guvernøren i Kursk").
REGION_CUES_BEFORE: Final[frozenset[str]] = frozenset(
    {
        "regionen",
        "oblasten",
        "fylket",
        "provinsen",
        "delstaten",
        "grenseregionen",
        "republikken",
        "folkerepublikken",
    }
)
#: Words after a name, or after its hyphen, that make it the region ("Kherson-regionen",
#: "Kursk oblast").
REGION_CUES_AFTER: Final[frozenset[str]] = frozenset(
    {
        "regionen",
        "region",
        "oblast",
        "oblasten",
        "fylke",
        "fylket",
        "provinsen",
        "området",
        "grenseregionen",
        "distriktet",
        "delstaten",
        "guvernør",
        "guvernøren",
    }
)
#: Words around a name that make it a river ("elva Dnipro", "Dnipro-elva").
RIVER_CUES: Final[frozenset[str]] = frozenset({"elva", "elven", "elvi", "elv"})

#: Lower-case words right before a name that make it a person ("president Trump").
PERSON_CUES: Final[frozenset[str]] = frozenset(
    {
        "president",
        "presidenten",
        "statsminister",
        "statsministeren",
        "utenriksminister",
        "utanriksminister",
        "forsvarsminister",
        "minister",
        "ministeren",
        "general",
        "generalen",
        "generalsekretær",
        "talsperson",
        "talsmann",
        "talskvinne",
        "guvernør",
        "ordfører",
        "senator",
        "ambassadør",
        "visepresident",
        "kansler",
        "forbundskansler",
        "sjef",
        "leder",
        "lederen",
        "herr",
        "fru",
    }
)

#: Words before a name that make it a place even when it is also a surname ("i Eide").
PLACE_PREPOSITIONS: Final[frozenset[str]] = _words(
    """
    i på fra til ved nær mot via rundt utanfor utenfor gjennom gjennom frå byen landsbyen
    tettstedet bygda
    """
)

#: Capitalised words (sentence starts) that are never part of a person's or a place's name.
FUNCTION_WORDS: Final[frozenset[str]] = _words(
    """
    man i på fra til av for med mot om over under etter før mellom langs ved uten innen gjennom
    hos blant bak foran rundt nær ifølge både og eller men så da nå når mens som siden selv
    også ikke det den de dei dette denne disse han hun ho vi me dere jeg eg du alle flere
    mange noen ingen hver hvis dersom fordi at her der hvor kva hva hvem kven slik samtidig
    likevel dessuten derfor dermed tross trass ettersom allerede fortsatt fremdeles snart
    mandag tirsdag onsdag torsdag fredag lørdag søndag måndag tysdag laurdag sundag
    januar februar mars april mai juni juli august september oktober november desember
    ny nye nord sør øst vest nordre søndre østre vestre sentrale store lille
    """
)

#: Capitalised names that look like places but are not places in the sense of the
#: annotation rules: institutions named after buildings, and the political "West".
NOT_PLACES: Final[frozenset[str]] = frozenset(
    {
        "Kreml",
        "Kremls",
        "Det hvite hus",
        "Det kvite hus",
        "Det Hvite Hus",
        "Vesten",
        "Vestens",
        "Pentagon",
        "Stortinget",
        "Storting",
        "Downing Street",
        "Élysée",
        "Elysée",
        "Elyseepalasset",
        "Élysée-palasset",
        "Nato",
        "NATO",
        "EU",
        "FN",
        "Telegram",
        "Wagner",
    }
)
