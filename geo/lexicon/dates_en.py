"""English words for date expressions and tense cues (see :mod:`geo.lexicon.dates_nb`).

Weekday and month names are matched with their capital letter, so the modal "may" and the
verb "march" are not months; "May" itself needs a preposition or a day/year beside it.
"""

from __future__ import annotations

__all__ = [
    "COUNT_NOUNS",
    "FUTURE_MARKERS",
    "FUTURE_PREPOSITIONS",
    "MONTHS",
    "MONTH_EDGE_PHRASES",
    "NUMBER_WORDS",
    "PAST_PREPOSITIONS",
    "PAST_VERBS",
    "PERFECT_AUXILIARIES",
    "REPORTING_PRESENT",
    "SCHEDULED_PRESENT",
    "SEASONS",
    "TIMES_OF_DAY",
    "WAR_START_CUES",
    "WEEKDAYS",
    "YEAR_CUES",
]

#: Weekday names → ISO weekday index (Monday = 0).
WEEKDAYS: dict[str, int] = {
    "Monday": 0,
    "Tuesday": 1,
    "Wednesday": 2,
    "Thursday": 3,
    "Friday": 4,
    "Saturday": 5,
    "Sunday": 6,
}

#: Month names and their abbreviations (the dot is optional in text) → month number.
MONTHS: dict[str, int] = {
    "January": 1,
    "February": 2,
    "March": 3,
    "April": 4,
    "May": 5,
    "June": 6,
    "July": 7,
    "August": 8,
    "September": 9,
    "October": 10,
    "November": 11,
    "December": 12,
    "Jan.": 1,
    "Feb.": 2,
    "Mar.": 3,
    "Apr.": 4,
    "Jun.": 6,
    "Jul.": 7,
    "Aug.": 8,
    "Sept.": 9,
    "Sep.": 9,
    "Oct.": 10,
    "Nov.": 11,
    "Dec.": 12,
}

#: Phrases before a month that stay in the surface ("the end of May", "mid-May").
MONTH_EDGE_PHRASES: tuple[str, ...] = (
    r"(?:the\s+)?(?:end|beginning|start|middle)\s+of",
    r"(?:early|late|mid)(?:\s+|-)",
)

#: Times of day that may follow a weekday ("Monday night").
TIMES_OF_DAY: tuple[str, ...] = ("morning", "afternoon", "evening", "night")

#: Season names → season.
SEASONS: dict[str, str] = {
    "spring": "spring",
    "summer": "summer",
    "fall": "autumn",
    "autumn": "autumn",
    "winter": "winter",
}

#: Number words in "two weeks ago", "three days later".
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

FUTURE_MARKERS: frozenset[str] = frozenset(
    {
        "will",
        "ll",
        "shall",
        "going",
        "set",
        "due",
        "expected",
        "scheduled",
        "planned",
        "plans",
        "planning",
        "next",
        "upcoming",
        "coming",
        "would",
        "soon",
    }
)

SCHEDULED_PRESENT: frozenset[str] = frozenset(
    {
        "meets",
        "meet",
        "begins",
        "starts",
        "opens",
        "visits",
        "travels",
        "arrives",
        "hosts",
        "holds",
        "convenes",
        "heads",
        "attends",
        "votes",
        "resumes",
        "leaves",
        "launches",
        "unveils",
        "presents",
        "signs",
        "gathers",
    }
)

REPORTING_PRESENT: frozenset[str] = frozenset(
    {
        "says",
        "tells",
        "writes",
        "reports",
        "claims",
        "according",
        "warns",
        "insists",
        "urges",
        "announces",
        "confirms",
        "denies",
        "accuses",
        "argues",
        "notes",
        "adds",
    }
)

PERFECT_AUXILIARIES: frozenset[str] = frozenset({"has", "have", "had"})

#: Irregular past forms (regular ones are caught by their "-ed" ending).
PAST_VERBS: frozenset[str] = frozenset(
    {
        "said",
        "told",
        "was",
        "were",
        "did",
        "made",
        "took",
        "came",
        "went",
        "met",
        "spoke",
        "gave",
        "got",
        "began",
        "saw",
        "wrote",
        "rose",
        "fell",
        "struck",
        "shot",
        "won",
        "lost",
        "left",
        "held",
        "brought",
        "sent",
        "fought",
        "flew",
        "drove",
        "ran",
        "led",
        "broke",
        "found",
        "felt",
        "kept",
        "paid",
        "sought",
        "stood",
        "thought",
        "knew",
        "became",
        "hit",
        "put",
        "withdrew",
        "overran",
        "underwent",
    }
)

#: Words after a four-digit number that make it a count, not a year ("2000 troops"); English
#: writes counts with a thousands separator, so "the 2014 annexation" is a year.
COUNT_NOUNS: frozenset[str] = frozenset(
    {
        "people", "soldiers", "troops", "civilians", "children", "men", "women", "residents",
        "refugees", "prisoners", "casualties", "dead", "deaths", "killed", "wounded", "km",
        "kilometers", "kilometres", "miles", "meters", "metres", "tanks", "drones", "missiles",
        "shells", "rounds", "dollars", "euros", "tons", "tonnes", "square", "sq", "homes",
        "buildings", "cases", "units", "times", "hours", "days", "more", "others", "strong",
    }
)  # fmt: skip

PAST_PREPOSITIONS: frozenset[str] = frozenset({"since"})
FUTURE_PREPOSITIONS: frozenset[str] = frozenset({"by", "until", "before"})

YEAR_CUES: frozenset[str] = frozenset(
    {
        "in",
        "since",
        "from",
        "to",
        "until",
        "till",
        "before",
        "after",
        "by",
        "between",
        "of",
        "during",
        "year",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "early",
        "late",
        "mid",
    }
)

#: Source: the Russian full-scale invasion of Ukraine began on 24 February 2022.
WAR_START_CUES: tuple[str, ...] = (
    r"war\s+broke\s+out",
    r"russia\s+invaded",
    r"full[-\s]scale\s+invasion",
    r"russia['’]s\s+invasion",
    r"russian\s+invasion",
)
