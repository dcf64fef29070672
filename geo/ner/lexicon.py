"""Cue-word classes the recogniser's features test, per language (nb/nn share one table).

The named-entity model is trained on Norwegian (NorNE) and also tags English, so every
feature that carries meaning across languages is a *class* of words, not a word: "the
previous word is a title" fires for ``statsminister`` in Norwegian and ``minister`` in
English alike, and the weight learnt from NorNE transfers. The tables are small, typed in by
the project, and belong to the model: :data:`LEXICON_VERSION` is recorded in the model's
metadata, so change it (and retrain, ``python -m geo train-ner``) when a table changes.

Classes:

- ``TITLE``: titles and roles that stand before a person's name.
- ``PLACE_PREP``: prepositions that stand before a place ("i", "fra", "in", "near").
- ``ORG_HEAD``: last words of organisations' names ("Council", "University", "Bank").
- ``ORG_SUFFIX``: Norwegian compound endings of organisations' names ("…departementet",
  "…rådet", "…tilsynet", "…partiet"), the Norwegian counterpart of ``ORG_HEAD``.
- ``PLACE_HEAD``: words that end a place's or a facility's name ("sentrum", "fjord", "Street").
- ``SPEECH``: speech verbs, which follow a person or an organisation.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "LEXICON_VERSION",
    "ORG_HEAD",
    "ORG_SUFFIX",
    "PLACE_HEAD",
    "PLACE_PREP",
    "SPEECH",
    "TITLE",
    "classes_of",
]

#: Bump when any table below changes: the model records it and refuses a mismatch in tests.
LEXICON_VERSION: Final = 1


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


TITLE: Final[dict[str, frozenset[str]]] = {
    "nb": _words(
        """
        president visepresident statsminister statsministar minister statsråd
        utenriksminister utanriksminister forsvarsminister finansminister justisminister
        kansler talsperson talsmann talskvinne pressetalsmann rådgiver rådgjevar sjef leder
        leiar guvernør ordfører ordførar borgermester general oberst major kaptein admiral
        forsker forskar professor ekspert analytiker ambassadør diplomat generalsekretær
        direktør kommandør redaktør sjefredaktør korrespondent journalist fotograf senator
        dronning konge kronprins prins prinsesse biskop prest pastor dommer dommar
        advokat lege doktor dr. prof. fru frøken herr stortingsrepresentant
        stortingspolitiker politiker politikar partileder partileiar fylkesmann
        rektor trener trenar kaptein sanger songar forfatter forfattar kunstner kunstnar
        skuespiller skodespelar regissør artist musiker musikar komponist
        rådmann formann formannen styreleder styreleiar daglig konsernsjef
        """
    ),
    "en": _words(
        """
        president minister secretary chancellor spokesman spokeswoman spokesperson adviser
        advisor envoy ambassador governor mayor general gen. colonel col. admiral adm.
        commander senator sen. rep. representative director chief head leader analyst
        professor prof. dr. doctor king queen prince princess pope patriarch bishop judge
        attorney lawyer mr. mrs. ms. miss sir lord lady officer sergeant sgt. lt. capt.
        captain coach manager chairman chairwoman chair ceo founder author writer
        actor actress singer artist musician producer director editor reporter
        correspondent journalist photographer councillor councilman councilwoman sheriff
        deputy detective inspector superintendent commissioner premier dean rector
        """
    ),
}

PLACE_PREP: Final[dict[str, frozenset[str]]] = {
    "nb": _words(
        """
        i på fra frå til mot ved utenfor utanfor nær nord sør øst vest innenfor innanfor
        gjennom over under rundt langs mellom
        """
    ),
    "en": _words(
        """
        in at from to towards toward near outside inside into across through around
        along between north south east west via
        """
    ),
}

ORG_HEAD: Final[dict[str, frozenset[str]]] = {
    "nb": _words(
        """
        as asa ab sa ba ans kommune fylkeskommune universitet universitetet høgskole
        høgskule høyskole skole skule sykehus sjukehus politidistrikt tingrett
        lagmannsrett kirke kyrkje forening foreining forbund lag klubb bank stiftelse
        institutt senter gruppe group avis
        """
    ),
    "en": _words(
        """
        group council conference committee commission agency institute institution fund
        forum post times independent today news herald tribune journal gazette party
        airlines airways railways bank ministry command forces army navy initiative
        coalition union association foundation centre center university college school
        academy corporation corp. corp company co. inc. inc ltd. ltd llc plc federation
        alliance exchange observatory service bureau office department authority board
        club league society church hospital court police guard network channel radio
        television tv press media
        """
    ),
}

#: Norwegian compound endings of organisations (definite and indefinite, Bokmål/Nynorsk).
ORG_SUFFIX: Final[tuple[str, ...]] = (
    "departementet",
    "departement",
    "direktoratet",
    "direktorat",
    "tilsynet",
    "tilsyn",
    "rådet",
    "rådets",
    "partiet",
    "partiets",
    "parti",
    "forbundet",
    "forbund",
    "foreningen",
    "foreininga",
    "forening",
    "banken",
    "verket",
    "etaten",
    "kontoret",
    "retten",
    "tinget",
    "styret",
    "utvalget",
    "utvalet",
    "instituttet",
    "institutt",
    "senteret",
    "universitetet",
    "høgskolen",
    "høgskulen",
    "avisen",
    "avisa",
    "posten",
    "bladet",
    "tidende",
    "kringkasting",
    "kommune",
    "kommunes",
    "fylkeskommune",
    "laget",
    "klubben",
    "gruppen",
    "gruppa",
    "selskapet",
    "konsernet",
    "sparebank",
    "sparebanken",
    "vesenet",
    "vesen",
)

PLACE_HEAD: Final[dict[str, frozenset[str]]] = {
    "nb": _words(
        """
        sentrum torg torget gate gata gaten vei veg veien vegen plass plassen fjord
        fjorden øy øya øyene fjell fjellet dal dalen vann vatnet elv elva bru brua havn
        hamn stasjon stasjonen flyplass lufthavn bygd bygda stadion hallen
        """
    ),
    "en": _words(
        """
        street st. avenue ave. road rd. square park bridge river lake mountain mount
        mt. island islands bay beach valley county city town village airport station
        stadium hall district province state coast sea ocean gulf
        """
    ),
}

SPEECH: Final[dict[str, frozenset[str]]] = {
    "nb": _words(
        """
        sier sa seier sei uttaler uttalte uttalar skriver skrev skriv skreiv forteller
        fortalte fortel fortalde mener mente meiner meinte spør spurte svarer svarte
        svarar """
    ),
    "en": _words(
        """
        said says told tells wrote writes added adds asked asks stated states noted notes
        announced announces claimed claims argued argues explained explains
        """
    ),
}


def classes_of(lower: str, group: str) -> tuple[str, ...]:
    """Return the cue classes a lower-case word belongs to in language group ``group``.

    ``group`` is ``"nb"`` (Bokmål and Nynorsk) or ``"en"``. The class names are the
    feature values the model sees, the same in every language.
    """
    found: list[str] = []
    if lower in TITLE[group]:
        found.append("title")
    if lower in PLACE_PREP[group]:
        found.append("pprep")
    if lower in ORG_HEAD[group]:
        found.append("orghead")
    if lower in PLACE_HEAD[group]:
        found.append("plchead")
    if lower in SPEECH[group]:
        found.append("speech")
    if group == "nb" and len(lower) > 5:
        if lower.endswith(ORG_SUFFIX):
            found.append("orghead")
        if any(lower.endswith(t) for t in TITLE[group] if len(t) > 5):
            found.append("title")
    return tuple(found)
