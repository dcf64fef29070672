"""Norwegian (Bokmål and Nynorsk) words for date expressions and tense cues.

Tables only; :mod:`geo.extract.dates` compiles them into a few regular expressions. Both
written standards share one table because Norwegian newsrooms mix them and the forms rarely
clash ("måndag", "tysdag", "laurdag", "sundag", "veke", "i haust" are the Nynorsk ones).

The tense cues decide which Friday "fredag" is: a past-tense verb next to it ("snakket
onsdag", "Tirsdag rykket") means the most recent one, a future marker ("skal", "vil",
"kommer til å") or a present-tense verb of scheduling ("møtes fredag") the coming one.
Present-tense reporting verbs ("sier X torsdag") are the news "historical present" and count
as past.
"""

from __future__ import annotations

__all__ = [
    "DETERMINERS",
    "FUTURE_MARKERS",
    "FUTURE_PREPOSITIONS",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_EDGE_PHRASES",
    "NUMBER_WORDS",
    "PAST_PREPOSITIONS",
    "PAST_VERBS",
    "PERFECT_AUXILIARIES",
    "REPORTING_PRESENT",
    "SCHEDULED_PRESENT",
    "SEASONS",
    "SEASONS_DEFINITE",
    "TIMES_OF_DAY",
    "WAR_START_CUES",
    "WEEKDAYS",
    "YEAR_CUES",
]

#: Weekday names → ISO weekday index (Monday = 0).
WEEKDAYS: dict[str, int] = {
    "mandag": 0,
    "måndag": 0,
    "tirsdag": 1,
    "tysdag": 1,
    "onsdag": 2,
    "torsdag": 3,
    "fredag": 4,
    "lørdag": 5,
    "laurdag": 5,
    "søndag": 6,
    "sundag": 6,
}

#: Month names → month number.
MONTHS: dict[str, int] = {
    "januar": 1,
    "februar": 2,
    "mars": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "desember": 12,
}

#: Abbreviations accepted only right after a day number ("15. aug. 2025").
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "des": 12,
}

#: Phrases before a month that stay in the surface ("sent i mai", "i slutten av mai").
MONTH_EDGE_PHRASES: tuple[str, ...] = (
    r"sent\s+i",
    r"seint\s+i",
    r"tidlig\s+i",
    r"tidleg\s+i",
    r"midt\s+i",
    r"(?:i\s+)?(?:slutten|utgangen|begynnelsen|starten|midten|byrjinga|slutten)\s+av",
)

#: Times of day that may follow a weekday ("fredag kveld") and stay in its surface.
TIMES_OF_DAY: tuple[str, ...] = (
    "morgen",
    "morgenen",
    "morgon",
    "morgonen",
    "formiddag",
    "formiddagen",
    "ettermiddag",
    "ettermiddagen",
    "kveld",
    "kvelden",
    "natt",
    "natta",
    "natten",
)

#: Season names used with "i" ("i høst") → season.
SEASONS: dict[str, str] = {
    "vår": "spring",
    "sommer": "summer",
    "sommar": "summer",
    "høst": "autumn",
    "haust": "autumn",
    "vinter": "winter",
}

#: Definite season names used with a year ("høsten 2022").
SEASONS_DEFINITE: dict[str, str] = {
    "våren": "spring",
    "sommeren": "summer",
    "sommaren": "summer",
    "høsten": "autumn",
    "hausten": "autumn",
    "vinteren": "winter",
}

#: Number words in "for to uker siden", "tre dager senere".
NUMBER_WORDS: dict[str, int] = {
    "en": 1,
    "ett": 1,
    "ei": 1,
    "eitt": 1,
    "éi": 1,
    "én": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "sju": 7,
    "syv": 7,
    "åtte": 8,
    "ni": 9,
    "ti": 10,
    "elleve": 11,
    "tolv": 12,
}

#: Words that mark the future ("skal", "vil", "kommer til å" is handled as "kommer").
FUTURE_MARKERS: frozenset[str] = frozenset(
    {
        "skal",
        "skulle",
        "vil",
        "ville",
        "blir",
        "vert",
        "ventes",
        "planlegger",
        "planlagt",
        "planlagde",
        "neste",
        "kommende",
        "førstkommende",
        "snart",
    }
)

#: Present-tense verbs of scheduled events: "Trump og Putin møtes fredag" is the coming Friday.
SCHEDULED_PRESENT: frozenset[str] = frozenset(
    {
        "møtes",
        "møtest",
        "møter",
        "treffes",
        "treffer",
        "samles",
        "samlast",
        "holdes",
        "haldast",
        "avholdes",
        "arrangeres",
        "starter",
        "startar",
        "begynner",
        "byrjar",
        "åpner",
        "opnar",
        "åpnes",
        "avsluttes",
        "reiser",
        "drar",
        "kommer",
        "kjem",
        "besøker",
        "vitjar",
        "lander",
        "ankommer",
        "deltar",
        "deltek",
        "taler",
        "talar",
        "stemmer",
        "røyster",
        "behandles",
        "presenteres",
        "legges",
        "finner",
        "gjennomføres",
        "innledes",
        "fortsetter",
        "held",
        "forhandler",
        "signerer",
        "undertegner",
    }
)

#: Present-tense reporting verbs: news "historical present", reporting a past statement.
REPORTING_PRESENT: frozenset[str] = frozenset(
    {
        "sier",
        "seier",
        "skriver",
        "skriv",
        "melder",
        "meldar",
        "opplyser",
        "uttaler",
        "hevder",
        "hevdar",
        "forteller",
        "fortel",
        "bekrefter",
        "stadfestar",
        "rapporterer",
        "understreker",
        "advarer",
        "åtvarar",
        "mener",
        "meiner",
        "viser",
        "ifølge",
        "ifylgje",
    }
)

#: Auxiliaries of the perfect ("har sagt", "hadde fortalt"): the event is past.
PERFECT_AUXILIARIES: frozenset[str] = frozenset({"har", "hadde", "hatt"})

#: Past-tense verb forms common in news (weak verbs next to the weekday are also caught by
#: their -et/-te/-de ending, see :data:`DETERMINERS`).
PAST_VERBS: frozenset[str] = frozenset(
    {
        "sa",
        "sagt",
        "var",
        "vart",
        "vore",
        "ble",
        "blei",
        "blitt",
        "kom",
        "gikk",
        "gjekk",
        "tok",
        "fikk",
        "fekk",
        "ga",
        "gav",
        "gjorde",
        "skrev",
        "skreiv",
        "sto",
        "stod",
        "lot",
        "drog",
        "dro",
        "fløy",
        "falt",
        "slo",
        "skjøt",
        "traff",
        "angrep",
        "trakk",
        "brøt",
        "braut",
        "vant",
        "tapte",
        "døde",
        "omkom",
        "ankom",
        "forlot",
        "forlét",
        "inntok",
        "vedtok",
        "deltok",
        "foreslo",
        "ba",
        "bad",
        "lå",
        "satt",
        "sov",
        "holdt",
        "heldt",
        "møttes",
        "møtte",
        "uttalte",
        "fortalte",
        "kunngjorde",
        "opplyste",
        "meldte",
        "advarte",
        "åtvara",
        "hevdet",
        "hevda",
        "mente",
        "meinte",
        "bekreftet",
        "stadfesta",
        "la",
        "sendte",
        "snakket",
        "snakka",
        "ringte",
        "talte",
        "besøkte",
        "vitja",
        "startet",
        "starta",
        "begynte",
        "byrja",
        "åpnet",
        "opna",
        "avsluttet",
        "endte",
        "beordret",
        "signerte",
        "undertegnet",
        "godkjente",
        "avviste",
        "drepte",
        "erobret",
        "gjenerobret",
        "rykket",
        "rykka",
        "evakuerte",
        "skjedde",
        "hendte",
        "rammet",
        "ramma",
        "presenterte",
        "publiserte",
        "rapporterte",
        "registrerte",
        "annonserte",
        "varslet",
        "varsla",
        "svarte",
        "lovet",
        "lova",
        "truet",
        "truga",
        "krevde",
        "kravde",
        "understreket",
        "understreka",
        "framholdt",
        "fremholdt",
        "fann",
        "fant",
        "prøvde",
        "forsøkte",
        "nektet",
        "stanset",
        "stoppet",
        "økte",
        "trekte",
        "reiste",
        "landet",
        "landa",
        "mista",
        "mistet",
        "opplevde",
        "uttrykte",
        "markerte",
        "feiret",
        "feira",
    }
)

#: Words before a weekday-adjacent "-et/-te" word that make it a noun ("under møtet fredag").
DETERMINERS: frozenset[str] = frozenset(
    {
        "det",
        "et",
        "eit",
        "den",
        "de",
        "dei",
        "en",
        "ein",
        "ei",
        "under",
        "etter",
        "før",
        "fra",
        "frå",
        "med",
        "om",
        "på",
        "i",
        "til",
        "av",
        "for",
        "hele",
        "heile",
        "dette",
        "sitt",
        "sin",
        "sine",
        "hans",
        "hennes",
        "hennar",
        "deres",
        "deira",
        "vårt",
        "mitt",
        "ditt",
        "nye",
        "store",
        "siste",
    }
)

#: A preposition right before a month or year that fixes its direction in time.
PAST_PREPOSITIONS: frozenset[str] = frozenset({"siden", "sidan", "sia"})
FUTURE_PREPOSITIONS: frozenset[str] = frozenset({"innen", "innan"})

#: Words right before a four-digit number that make it a year ("i 2014", "siden 2018"), even
#: when a lower-case word follows ("i 2014 annekterte"). Weaker neighbours ("og 2000 soldater")
#: are left to the check on the word after the number.
YEAR_CUES: frozenset[str] = frozenset(
    {
        "i",
        "siden",
        "sidan",
        "fra",
        "frå",
        "til",
        "før",
        "etter",
        "innen",
        "innan",
        "mellom",
        "år",
        "året",
        "årene",
        "fram",
        "frem",
        "høsten",
        "hausten",
        "våren",
        "sommeren",
        "sommaren",
        "vinteren",
        "sesongen",
        "valget",
        "valet",
    }
)

#: Phrases saying the full-scale war began: a day and month there without a year is in 2022.
#: Source: the Russian full-scale invasion of Ukraine began on 24 February 2022.
WAR_START_CUES: tuple[str, ...] = (
    r"krigen\s+(?:brøt|braut)\s+ut",
    r"krigen\s+(?:startet|starta|begynte|byrja)",
    r"russland\s+invaderte",
    r"fullskala(?:-)?\s*invasjon",
    r"fullskalainvasjon",
    r"russiske\s+invasjonen",
    r"russisk\s+invasjon",
    r"invasjonen\s+av\s+ukraina",
)
