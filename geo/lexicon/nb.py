"""Norwegian (Bokmål and Nynorsk) rule tables for actors and quotes.

Tables in the style of textacy's ``REPORTING_VERBS``: plain frozensets and dicts that the
extractors in :mod:`geo.extract.actors` and :mod:`geo.extract.quotes` read as dict lookups,
so the rules stay fast and every word the rules react to is listed in one place.

Why each table exists:

- ``SPEECH_VERBS``: a quote is attributed by the verb after it (``– …, sa Zelenskyj``) or
  before it (``Starmer sa at «…»``); only these verbs make an attribution.
- ``INVERTED_PARTICLE_VERBS``: ``legger han til`` / ``la hun til`` attribute only with ``til``.
- ``ACCORDING_TO``: ``ifølge X`` names a source like a speech verb does.
- ``TITLES``: title cues before a name (``utenriksminister Marco Rubio``) discover people
  missing from the registry; the value is the English role stored on the discovered actor.
- ``ROLE_NOUNS``: definite role nouns (``presidenten``, ``Nato-sjefen``) that stand for a
  person named earlier; the value holds the role words that person's role must contain.
- ``PRONOUNS``: subject pronouns that point back to a speaker, with their gender.
- ``COUNTRY_GENITIVES`` / ``NATIONALITY_ADJECTIVES``: ``Frankrikes president`` and
  ``den ukrainske utenriksministeren`` give a discovered person's country (ISO 3166-1).
- ``SIGN_CUES``: ``det sto «…»`` quotes written text, which has no speaker.
- ``MEDIA_OUTLETS``: newspapers, broadcasters and agencies that *carry* words ("sa til NRK",
  "ifølge VG", "NTB meldte"); they are a quote's outlet, never its speaker. The registry's
  outlets are found by their role (:data:`geo.lexicon.en.OUTLET_ROLES`); this list also
  covers outlets a recogniser finds without a registry row.
- ``OUTLET_CUES``: words right before an outlet that make it the carrier ("til", "på").
- ``UNNAMED_HEADS``: nouns that head an unnamed speaker ("kilder", "en tjenestemann"); a
  quote they say keeps no speaker rather than the nearest name.
- ``INTERVIEW_LABELS``: "Spørsmål:" / "Svar:" labels of an interview's turns.
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
    "PRONOUNS",
    "ROLE_NOUNS",
    "SIGN_CUES",
    "SPEECH_VERBS",
    "TITLES",
    "UNNAMED_HEADS",
]

# fmt: off
#: Verbs (all tenses, Bokmål and Nynorsk) that introduce or close a direct quote.
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        # si / seie
        "sier", "sa", "sagt", "si", "seier", "sei", "sagde",
        # uttale
        "uttaler", "uttalte", "uttalt", "uttalar", "uttala",
        # skrive
        "skriver", "skrev", "skrevet", "skriv", "skreiv",
        # fortelle
        "forteller", "fortalte", "fortel", "fortalde",
        # mene / tro
        "mener", "mente", "meiner", "meinte", "tror", "trodde", "trur",
        # spørre / svare
        "spør", "spurte", "svarer", "svarte", "svarar", "svara",
        # explain, stress, point out
        "forklarer", "forklarte", "forklarar",
        "understreker", "understreket", "understrekar", "understreka",
        "påpeker", "påpekte", "påpeikar", "påpeika",
        "presiserer", "presiserte", "poengterer", "poengterte",
        "utdyper", "utdypet", "fastslår", "fastslo", "konstaterer", "konstaterte",
        "konkluderer", "konkluderte", "erkjenner", "erkjente", "innrømmer", "innrømmet",
        "framholder", "framholdt", "fremholder", "fremholdt", "fastholder", "fastholdt",
        "hevder", "hevdet", "hevda", "hevdar",
        # warn, threaten, promise
        "advarer", "advarte", "åtvarar", "åtvara", "truer", "truet", "truga",
        "lover", "lovet", "lova", "varsler", "varslet",
        # announce, report, confirm
        "opplyser", "opplyste", "opplyst", "melder", "meldte", "meldt",
        "kunngjør", "kunngjorde", "bekrefter", "bekreftet", "stadfestar", "stadfesta",
        "kommenterer", "kommenterte", "tvitrer", "tvitret",
        # describe, call
        "beskriver", "beskrev", "beskriv", "kaller", "kalte", "kallar", "kalla",
        "omtaler", "omtalte",
        # continue, repeat, add
        "fortsetter", "fortsatte", "gjentar", "gjentok", "tilføyer", "tilføyde",
        # manner of speaking
        "roper", "ropte", "ler", "lo", "sukker", "sukket", "smiler", "smilte",
        "oppfordrer", "oppfordret", "krever", "krevde", "ber", "ba",
    }
)

#: Verbs that attribute only as "VERB SPEAKER til" ("legger han til", "la Støre til").
INVERTED_PARTICLE_VERBS: frozenset[str] = frozenset({"legger", "la", "legg"})

#: "ifølge X" (nb) / "ifølgje X" (nn): X is the source of the statement.
ACCORDING_TO: frozenset[str] = frozenset({"ifølge", "ifølgje", "iflg"})

#: Subject pronouns that stand for a speaker: gender "m", "f", or "p" (plural).
PRONOUNS: dict[str, str] = {
    "han": "m",
    "hun": "f",
    "ho": "f",
    "de": "p",
    "dei": "p",
}

#: Articles that make an unnamed speaker ("sier en kilde", "seier ein diplomat").
INDEFINITE_ARTICLES: frozenset[str] = frozenset({"en", "ei", "et", "ein", "eit", "flere", "fleire"})

#: "det sto «…»", "det står «…»": the quote is written text (a sign, a banner), no speaker.
SIGN_CUES: tuple[str, ...] = ("det sto", "det står", "det stod", "sto det", "står det")

#: Norwegian news outlets (as written); international ones are in :mod:`geo.lexicon.en`.
MEDIA_OUTLETS: frozenset[str] = frozenset(
    {
        "NRK", "NRK Urix", "NRK Dagsrevyen", "TV 2", "TV2", "VG", "Verdens Gang", "Dagbladet",
        "Aftenposten", "Dagens Næringsliv", "DN", "E24", "NTB", "Klassekampen", "Nettavisen",
        "Bergens Tidende", "BT", "Adresseavisen", "Adressa", "Stavanger Aftenblad", "Vårt Land",
        "Dagsavisen", "Finansavisen", "ABC Nyheter", "Morgenbladet", "Nationen", "iTromsø",
        "Fædrelandsvennen", "Khrono", "Filter Nyheter", "Svenska Dagbladet", "Dagens Nyheter",
        "Expressen", "Aftonbladet", "SVT", "DR", "Politiken", "Berlingske", "Yle",
    }
)

#: Words right before an outlet that make it the carrier of the words: "sa han til NRK",
#: "skriver han på Telegram", "ifølge VG", "opplyser hun overfor NTB".
OUTLET_CUES: frozenset[str] = frozenset(
    {
        "til", "ifølge", "ifølgje", "iflg", "på", "i", "via", "fra", "frå", "overfor", "hos",
        "med",  # "i et intervju med VG"
        # verbs of reporting that only outlets do ("NRK erfarer", "melder TV 2")
        "erfarer", "erfarte", "rapporterer", "rapporterte", "avslører", "avslørte",
    }
)

#: Heads of an unnamed speaker ("kilder nær Kreml", "en høytstående tjenestemann",
#: "anonyme diplomater"): such a quote has no speaker, never the nearest name.
UNNAMED_HEADS: frozenset[str] = frozenset(
    {
        "kilde", "kilden", "kilder", "kildene", "kjelde", "kjelda", "kjelder", "kjeldene",
        "tjenestemann", "tjenestemenn", "tenestemann", "tenestemenn", "embetsmann",
        "embetsmenn", "embetsfolk", "diplomater", "diplomatar", "anonyme", "anonym",
        "navngitte", "namngjevne", "innbyggere", "innbyggjarar", "vitner", "vitne",
        "eksperter", "ekspertar", "analytikere", "observatører", "personer", "folk",
        "tilsette", "ansatte", "inspektører", "inspektørene", "soldater", "soldatar",
        "representanter", "representantar", "medarbeidere", "rådgivere", "rådgjevarar",
    }
)

#: Interview turn labels ("Spørsmål: …", "Svar: …"): value "q" (the interviewer) or "a".
INTERVIEW_LABELS: dict[str, str] = {
    "spørsmål": "q", "sp": "q", "spm": "q", "svar": "a", "sv": "a",
}

#: Title cue (lower case, also as the last part of a compound) → English role.
TITLES: dict[str, str] = {
    "president": "president",
    "visepresident": "vice president",
    "statsminister": "prime minister",
    "statsministar": "prime minister",
    "utenriksminister": "foreign minister",
    "utanriksminister": "foreign minister",
    "forsvarsminister": "defence minister",
    "finansminister": "finance minister",
    "justisminister": "justice minister",
    "innenriksminister": "interior minister",
    "energiminister": "energy minister",
    "helseminister": "health minister",
    "næringsminister": "trade minister",
    "utviklingsminister": "development minister",
    "minister": "minister",
    "statsråd": "minister",
    "statssekretær": "state secretary",
    "kansler": "chancellor",
    "forbundskansler": "chancellor",
    "talsperson": "spokesperson",
    "talsmann": "spokesperson",
    "talskvinne": "spokesperson",
    "pressetalsmann": "spokesperson",
    "pressetalsperson": "spokesperson",
    "pressesekretær": "press secretary",
    "rådgiver": "adviser",
    "rådgjevar": "adviser",
    "sikkerhetsrådgiver": "national security adviser",
    "forsvarssjef": "commander-in-chief",
    "hærsjef": "army commander",
    "sjef": "head",
    "leder": "leader",
    "leiar": "leader",
    "regionleder": "regional governor",
    "regionleiar": "regional governor",
    "guvernør": "governor",
    "ordfører": "mayor",
    "borgermester": "mayor",
    "general": "general",
    "generalløytnant": "lieutenant general",
    "generalmajor": "major general",
    "oberst": "colonel",
    "oberstløytnant": "lieutenant colonel",
    "major": "major",
    "kaptein": "captain",
    "admiral": "admiral",
    "sjefforsker": "chief researcher",
    "seniorforsker": "senior researcher",
    "forsker": "researcher",
    "professor": "professor",
    "ekspert": "expert",
    "analytiker": "analyst",
    "ambassadør": "ambassador",
    "diplomat": "diplomat",
    "utsending": "envoy",
    "sendemann": "envoy",
    "spesialutsending": "special envoy",
    "generalsekretær": "secretary general",
    "direktør": "director",
    "generaldirektør": "director general",
    "kommandør": "commander",
    "sjefredaktør": "editor-in-chief",
    "korrespondent": "correspondent",
    "journalist": "journalist",
    "fotograf": "photographer",
    "parlamentsmedlem": "member of parliament",
    "senator": "senator",
    "stabssjef": "chief of staff",
    "kongressmedlem": "member of congress",
    "opposisjonsleder": "opposition leader",
    "patriark": "patriarch",
    "dronning": "queen",
    "konge": "king",
    "kronprins": "crown prince",
    "prins": "prince",
}

#: Definite role noun → role words the antecedent's role must contain (regex fragments).
ROLE_NOUNS: dict[str, tuple[str, ...]] = {
    "presidenten": (r"(?<!vice )(?<!vice-)\bpresident\b",),
    "visepresidenten": (r"\bvice[ -]president\b",),
    "statsministeren": (r"\bprime minister\b",),
    "utenriksministeren": (r"\bforeign minister\b", r"\bsecretary of state\b"),
    "utanriksministeren": (r"\bforeign minister\b", r"\bsecretary of state\b"),
    "forsvarsministeren": (r"\bdefen[cs]e (?:minister|secretary)\b", r"\bsecretary of defen"),
    "ministeren": (r"\bminister\b", r"\bsecretary\b"),
    "statsråden": (r"\bminister\b", r"\bsecretary\b"),
    "kansleren": (r"\bchancellor\b",),
    "forbundskansleren": (r"\bchancellor\b",),
    "forsvarssjefen": (r"\bcommander-in-chief\b", r"\bchief of (?:the )?(?:general )?staff\b"),
    "hærsjefen": (r"\bcommander\b",),
    "generalen": (r"\bgeneral\b", r"\bcommander\b"),
    "talsmannen": (r"\bspokes",),
    "talspersonen": (r"\bspokes",),
    "talskvinnen": (r"\bspokes",),
    "guvernøren": (r"\bgovernor\b",),
    "ordføreren": (r"\bmayor\b",),
    "generalsekretæren": (r"\bsecretary general\b", r"\bsecretary-general\b"),
    "rådgiveren": (r"\badvis[eo]r\b",),
    "utsendingen": (r"\benvoy\b",),
    "sendemannen": (r"\benvoy\b",),
    "forskeren": (r"\bresearcher\b",),
    "eksperten": (r"\bexpert\b", r"\bresearcher\b", r"\banalyst\b"),
    "sjefen": (r"\bhead\b", r"\bleader\b", r"\bchief\b", r"\bdirector\b", r"\bsecretary general\b"),
    "lederen": (r"\bleader\b", r"\bhead\b"),
    "leiaren": (r"\bleader\b", r"\bhead\b"),
    # organisations referred to by a common noun
    "departementet": (r"\bministry\b",),
    "departement": (r"\bministry\b",),
    "byrået": (r"\bagency\b",),
    "alliansen": (r"\bnato\b",),
    "forsvarsalliansen": (r"\bnato\b",),
    "avisen": (r"\bnewspaper\b",),
    "avisa": (r"\bnewspaper\b",),
    "nyhetsbyrået": (r"\bnews agency\b",),
    "kringkasteren": (r"\bbroadcaster\b",),
}

#: Role nouns above that stand for an organisation, not a person.
ORG_ROLE_NOUNS: frozenset[str] = frozenset(
    {
        "departementet", "departement", "byrået", "alliansen", "forsvarsalliansen", "avisen",
        "avisa", "nyhetsbyrået", "kringkasteren",
    }
)

#: Norwegian country genitives → ISO 3166-1 alpha-2 (typed in; names are public facts).
COUNTRY_GENITIVES: dict[str, str] = {
    "Ukrainas": "UA", "Ukrainias": "UA", "Russlands": "RU", "USAs": "US", "Frankrikes": "FR",
    "Storbritannias": "GB", "Britannias": "GB", "Tysklands": "DE", "Norges": "NO",
    "Finlands": "FI", "Sveriges": "SE", "Danmarks": "DK", "Islands": "IS", "Italias": "IT",
    "Spanias": "ES", "Polens": "PL", "Tyrkias": "TR", "Kinas": "CN", "Indias": "IN",
    "Ungarns": "HU", "Nederlands": "NL", "Belgias": "BE", "Østerrikes": "AT", "Sveits'": "CH",
    "Hellas'": "GR", "Romanias": "RO", "Moldovas": "MD", "Georgias": "GE", "Estlands": "EE",
    "Latvias": "LV", "Litauens": "LT", "Hviterusslands": "BY", "Belarus'": "BY",
    "Slovakias": "SK", "Tsjekkias": "CZ", "Bulgarias": "BG", "Kroatias": "HR", "Serbias": "RS",
    "Irans": "IR", "Israels": "IL", "Saudi-Arabias": "SA", "Qatars": "QA", "Egypts": "EG",
    "Japans": "JP", "Sør-Koreas": "KR", "Nord-Koreas": "KP", "Canadas": "CA", "Brasils": "BR",
    "Sør-Afrikas": "ZA", "Kasakhstans": "KZ", "Aserbajdsjans": "AZ", "Armenias": "AM",
    "Portugals": "PT", "Irlands": "IE", "Australias": "AU", "Mexicos": "MX",
    "Emiratenes": "AE", "Syrias": "SY",
}

#: Nationality adjectives (any inflection listed) → ISO 3166-1 alpha-2.
NATIONALITY_ADJECTIVES: dict[str, str] = {
    "ukrainsk": "UA", "ukrainske": "UA", "russisk": "RU", "russiske": "RU",
    "amerikansk": "US", "amerikanske": "US", "fransk": "FR", "franske": "FR",
    "britisk": "GB", "britiske": "GB", "tysk": "DE", "tyske": "DE", "norsk": "NO",
    "norske": "NO", "finsk": "FI", "finske": "FI", "svensk": "SE", "svenske": "SE",
    "dansk": "DK", "danske": "DK", "italiensk": "IT", "italienske": "IT", "polsk": "PL",
    "polske": "PL", "tyrkisk": "TR", "tyrkiske": "TR", "kinesisk": "CN", "kinesiske": "CN",
    "ungarsk": "HU", "ungarske": "HU", "nederlandsk": "NL", "nederlandske": "NL",
    "estisk": "EE", "estiske": "EE", "latvisk": "LV", "latviske": "LV", "litauisk": "LT",
    "litauiske": "LT", "hviterussisk": "BY", "hviterussiske": "BY", "belarusisk": "BY",
    "belarusiske": "BY", "iransk": "IR", "iranske": "IR", "israelsk": "IL", "israelske": "IL",
    "saudiarabisk": "SA", "saudiarabiske": "SA", "spansk": "ES", "spanske": "ES",
    "kanadisk": "CA", "kanadiske": "CA", "japansk": "JP", "japanske": "JP",
}

#: Capitalised words that are never part of a person's name (sentence openers, months…).
NAME_STOPWORDS: frozenset[str] = frozenset(
    {
        "Den", "Det", "De", "Dei", "Han", "Hun", "Ho", "Vi", "Jeg", "Eg", "Du", "Dette",
        "Denne", "Disse", "Og", "Men", "Som", "Når", "Etter", "Før", "Under", "Ifølge",
        "Ifølgje", "I", "På", "Til", "Fra", "Frå", "Med", "Mot", "For", "Om", "Av", "Hvis",
        "Dersom", "Både", "Også", "Ikke", "Ikkje", "Nå", "No", "Her", "Der", "Da", "Så",
        "Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag", "Måndag",
        "Tysdag", "Laurdag", "Januar", "Februar", "Mars", "April", "Mai", "Juni", "Juli",
        "August", "September", "Oktober", "November", "Desember", "Foto", "Les", "NTB",
        "Presidenten", "Statsministeren", "Regjeringen", "Kreml", "Nato", "FN", "EU",
    }
)
# fmt: on
