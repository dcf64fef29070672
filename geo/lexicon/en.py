"""English rule tables for actors and quotes (same table names as :mod:`geo.lexicon.nb`).

Why each table exists is documented in :mod:`geo.lexicon.nb`; English adds ``TITLES`` that
are capitalised before a name ("Defense Secretary Lloyd Austin", "Gen. Mark Milley") and
possessives ("Ukraine's") instead of the Norwegian genitive -s. ``OUTLET_ROLES`` holds the
registry role words of an organisation that carries others' words (an outlet, never a
speaker).
"""

from __future__ import annotations

__all__ = [
    "ACCORDING_TO",
    "COUNTRY_GENITIVES",
    "INDEFINITE_ARTICLES",
    "INTERVIEW_LABELS",
    "INVERTED_PARTICLE_VERBS",
    "MEDIA_OUTLETS",
    "NAME_STOPWORDS",
    "NATIONALITY_ADJECTIVES",
    "ORG_ROLE_NOUNS",
    "OUTLET_CUES",
    "OUTLET_ROLES",
    "PRONOUNS",
    "ROLE_NOUNS",
    "SIGN_CUES",
    "SPEECH_VERBS",
    "TITLES",
    "UNNAMED_HEADS",
]

# fmt: off
#: Reporting verbs (textacy's REPORTING_VERBS, inflected) that attribute a quote.
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "say", "says", "said", "tell", "tells", "told", "add", "adds", "added",
        "note", "notes", "noted", "state", "states", "stated", "write", "writes", "wrote",
        "ask", "asks", "asked", "warn", "warns", "warned", "explain", "explains", "explained",
        "insist", "insists", "insisted", "argue", "argues", "argued", "declare", "declares",
        "declared", "announce", "announces", "announced", "claim", "claims", "claimed",
        "continue", "continues", "continued", "reply", "replies", "replied", "respond",
        "responds", "responded", "acknowledge", "acknowledges", "acknowledged", "confirm",
        "confirms", "confirmed", "urge", "urges", "urged", "promise", "promises", "promised",
        "stress", "stresses", "stressed", "emphasize", "emphasizes", "emphasized",
        "emphasise", "emphasises", "emphasised", "caution", "cautions", "cautioned",
        "remark", "remarks", "remarked", "tweet", "tweets", "tweeted", "post", "posts",
        "posted", "report", "reports", "reported", "describe", "describes", "described",
        "call", "calls", "called", "hail", "hails", "hailed", "hailing", "threaten",
        "threatens", "threatened", "admit", "admits", "admitted", "recall", "recalls",
        "recalled", "predict", "predicts", "predicted", "vow", "vows", "vowed", "pledge",
        "pledges", "pledged", "deny", "denies", "denied", "concede", "concedes", "conceded",
        "mention", "mentions", "mentioned", "observe", "observes", "observed",
        "suggest", "suggests", "suggested", "believe", "believes", "believed",
    }
)

#: English has no "legger han til" inversion.
INVERTED_PARTICLE_VERBS: frozenset[str] = frozenset()

#: "according to X".
ACCORDING_TO: frozenset[str] = frozenset({"according to"})

#: Subject pronouns that stand for a speaker: gender "m", "f", or "p" (plural).
PRONOUNS: dict[str, str] = {"he": "m", "she": "f", "they": "p"}

#: Articles that make an unnamed speaker ("said an official").
INDEFINITE_ARTICLES: frozenset[str] = frozenset({"a", "an", "one", "several", "some"})

#: "a sign read “…”": written text, no speaker.
SIGN_CUES: tuple[str, ...] = ("sign read", "sign reading", "banner read", "which read")

#: International news outlets and platforms (as written).
MEDIA_OUTLETS: frozenset[str] = frozenset(
    {
        "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "Bloomberg", "CNN",
        "BBC", "Fox News", "NBC", "NBC News", "CBS", "CBS News", "ABC News", "Sky News",
        "Al Jazeera", "New York Times", "The New York Times", "Wall Street Journal",
        "The Wall Street Journal", "Washington Post", "The Washington Post", "Financial Times",
        "The Guardian", "Guardian", "The Times", "The Economist", "Economist", "Politico",
        "Axios", "NPR", "PBS", "CNBC", "Newsweek", "Time", "The Telegraph", "The Independent",
        "Interfax", "Interfax-Ukraine", "TASS", "RIA Novosti", "RIA", "Ukrinform",
        "Ukrainska Pravda", "Kyiv Independent", "The Kyiv Independent", "Kyiv Post", "Meduza",
        "Suspilne", "Der Spiegel", "Spiegel", "Bild", "Le Monde", "Le Figaro", "dpa", "DPA",
        "Euronews", "Deutsche Welle", "DW", "RFE/RL", "Radio Free Europe", "Kommersant",
        "Izvestia", "RBC", "Telegram", "Truth Social", "Twitter", "Facebook", "Instagram",
        "YouTube", "TikTok",
    }
)

#: Registry role words of an outlet (news agency, newspaper, broadcaster, platform).
OUTLET_ROLES: tuple[str, ...] = (
    "news agency", "newspaper", "broadcaster", "messaging service", "social network",
    "magazine", "news site", "news website", "television", "photo agency", "platform",
    "radio",
)

#: Words right before an outlet that make it the carrier: "told CNN", "on Telegram".
OUTLET_CUES: frozenset[str] = frozenset(
    {
        "to", "told", "on", "in", "via", "from", "by", "with",  # "in an interview with CNN"
        "learned", "learns", "revealed", "reveals", "reporting",
    }
)

#: Heads of an unnamed speaker ("unnamed European officials", "a senior official",
#: "the watchdog's inspectors").
UNNAMED_HEADS: frozenset[str] = frozenset(
    {
        "source", "sources", "official", "officials", "unnamed", "anonymous", "diplomat",
        "diplomats", "aide", "aides", "people", "person", "persons", "residents", "witnesses",
        "witness", "inspectors", "inspector", "analysts", "experts", "insiders", "observers",
        "critics", "lawmakers", "staff", "staffers", "employees", "soldiers", "troops",
        "representatives", "negotiators", "advisers", "advisors", "delegates", "members",
    }
)

#: Interview turn labels ("Q: …", "A: …").
INTERVIEW_LABELS: dict[str, str] = {"q": "q", "question": "q", "a": "a", "answer": "a"}

#: Title cue (lower case; capitalised in running text) → role.
TITLES: dict[str, str] = {
    "president": "president",
    "vice president": "vice president",
    "prime minister": "prime minister",
    "foreign minister": "foreign minister",
    "defense minister": "defence minister",
    "defence minister": "defence minister",
    "defense secretary": "defence secretary",
    "defence secretary": "defence secretary",
    "secretary of state": "secretary of state",
    "secretary of defense": "defence secretary",
    "secretary": "secretary",
    "minister": "minister",
    "chancellor": "chancellor",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
    "press secretary": "press secretary",
    "adviser": "adviser",
    "advisor": "adviser",
    "national security adviser": "national security adviser",
    "envoy": "envoy",
    "special envoy": "special envoy",
    "ambassador": "ambassador",
    "governor": "governor",
    "regional governor": "regional governor",
    "mayor": "mayor",
    "general": "general",
    "gen.": "general",
    "lt. gen.": "lieutenant general",
    "maj. gen.": "major general",
    "col.": "colonel",
    "colonel": "colonel",
    "admiral": "admiral",
    "adm.": "admiral",
    "commander": "commander",
    "commander-in-chief": "commander-in-chief",
    "senator": "senator",
    "sen.": "senator",
    "rep.": "representative",
    "director": "director",
    "director general": "director general",
    "secretary general": "secretary general",
    "secretary-general": "secretary general",
    "chief": "head",
    "head": "head",
    "leader": "leader",
    "analyst": "analyst",
    "professor": "professor",
    "prof.": "professor",
    "dr.": "doctor",
    "king": "king",
    "queen": "queen",
    "pope": "pope",
    "patriarch": "patriarch",
}

#: Definite role nouns ("the president", "the minister") → role words of the antecedent.
ROLE_NOUNS: dict[str, tuple[str, ...]] = {
    "the president": (r"(?<!vice )(?<!vice-)\bpresident\b",),
    "the vice president": (r"\bvice[ -]president\b",),
    "the prime minister": (r"\bprime minister\b",),
    "the foreign minister": (r"\bforeign minister\b", r"\bsecretary of state\b"),
    "the defense minister": (r"\bdefen[cs]e (?:minister|secretary)\b",),
    "the defence minister": (r"\bdefen[cs]e (?:minister|secretary)\b",),
    "the minister": (r"\bminister\b", r"\bsecretary\b"),
    "the secretary": (r"\bsecretary\b",),
    "the chancellor": (r"\bchancellor\b",),
    "the governor": (r"\bgovernor\b",),
    "the mayor": (r"\bmayor\b",),
    "the general": (r"\bgeneral\b", r"\bcommander\b"),
    "the spokesman": (r"\bspokes",),
    "the spokeswoman": (r"\bspokes",),
    "the spokesperson": (r"\bspokes",),
    "the official": (r".",),
    "the envoy": (r"\benvoy\b",),
    "the ministry": (r"\bministry\b",),
    "the agency": (r"\bagency\b",),
    "the alliance": (r"\bnato\b",),
    "the newspaper": (r"\bnewspaper\b",),
}

#: Role nouns above that stand for an organisation, not a person.
ORG_ROLE_NOUNS: frozenset[str] = frozenset(
    {"the ministry", "the agency", "the alliance", "the newspaper"}
)

#: English possessives and adjectives that give a person's country.
COUNTRY_GENITIVES: dict[str, str] = {
    "Ukraine's": "UA", "Ukraine’s": "UA", "Russia's": "RU", "Russia’s": "RU",
    "U.S.": "US", "US": "US", "America's": "US", "America’s": "US", "France's": "FR",
    "France’s": "FR", "Britain's": "GB", "Britain’s": "GB", "Germany's": "DE",
    "Germany’s": "DE", "Norway's": "NO", "Norway’s": "NO", "Turkey's": "TR", "Turkey’s": "TR",
    "China's": "CN", "China’s": "CN", "Poland's": "PL", "Poland’s": "PL",
}

NATIONALITY_ADJECTIVES: dict[str, str] = {
    "Ukrainian": "UA", "Russian": "RU", "American": "US", "French": "FR", "British": "GB",
    "German": "DE", "Norwegian": "NO", "Finnish": "FI", "Swedish": "SE", "Danish": "DK",
    "Italian": "IT", "Polish": "PL", "Turkish": "TR", "Chinese": "CN", "Hungarian": "HU",
    "Dutch": "NL", "Estonian": "EE", "Latvian": "LV", "Lithuanian": "LT",
    "Belarusian": "BY", "Iranian": "IR", "Israeli": "IL", "Saudi": "SA", "Kremlin-backed": "RU",
    "Russian-appointed": "RU", "Russian-installed": "RU",
}

#: Capitalised words that are never part of a person's name.
NAME_STOPWORDS: frozenset[str] = frozenset(
    {
        "The", "A", "An", "He", "She", "They", "We", "I", "It", "This", "That", "These",
        "Those", "And", "But", "In", "On", "At", "For", "From", "With", "To", "Of", "By",
        "After", "Before", "As", "While", "When", "If", "Monday", "Tuesday", "Wednesday",
        "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November", "December",
        "Subscribe", "Photo", "Agencies", "President", "Minister", "Secretary",
        # institution words: "General Assembly", "Security Council" are not names
        "Assembly", "Council", "Committee", "Ministry", "Department", "Office", "Staff",
        "Forces", "Army", "Navy", "Union", "Party", "Group", "House", "Court", "Agency",
        "Bank", "Fund", "Commission", "Parliament", "Security", "Defense", "Defence",
        "Affairs", "State", "States", "Nations", "Republic", "Federation", "Kingdom", "Guard",
        "General", "Chiefs", "Command", "Service", "Intelligence", "Administration",
    }
)
# fmt: on
