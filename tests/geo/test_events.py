"""Event detection and assembly: every type on sentences we write (nb and en), the rules that
choose actors, place and date, and the seed article's events."""

from __future__ import annotations

import dataclasses

import pytest

from geo.events.taxonomy import ACLED_EVENT_TYPES, TAXONOMY, EventType, cameo_code, type_info
from geo.model import Article, Event, Extraction
from geo.pipeline import extract_article
from geo.resources import Resources
from tests.builders import (
    date_ref,
    make_actor,
    make_article,
    make_extraction,
    make_place,
    mention,
    place_mention,
    quote,
)

TRUMP = make_actor("Donald Trump", role="president", country="US", aliases=("Trump",))
PUTIN = make_actor("Vladimir Putin", role="president", country="RU")
ZELENSKY = make_actor("Volodymyr Zelensky", role="president", country="UA")
VANCE = make_actor("JD Vance", role="vice president", country="US")
MACRON = make_actor("Emmanuel Macron", role="president", country="FR")
STARMER = make_actor("Keir Starmer", role="prime minister", country="GB")
WHITE_HOUSE = make_actor("White House", kind="org", country="US")
RUSSIA = make_place("Russia", country="RU", lat=61.5, lon=105.3)
UKRAINE = make_place("Ukraine", country="UA", lat=49.0, lon=32.0)
USA = make_place("United States", country="US", lat=39.8, lon=-98.6)
KYIV = make_place("Kyiv", kind="city", country="UA", lat=50.45, lon=30.52)
ANCHORAGE = make_place("Anchorage", kind="city", country="US", lat=61.22, lon=-149.9)
ALASKA = make_place("Alaska", kind="region", country="US", lat=64.0, lon=-150.0)
DRUZHKIVKA = make_place("Druzhkivka", kind="city", country="UA", lat=48.63, lon=37.55)


def events_of(text: str, lang: str = "nb", **mentions: object) -> tuple[Event, ...]:
    return make_extraction(make_article(text, lang=lang), **mentions).events  # type: ignore[arg-type]


def only(events: tuple[Event, ...]) -> Event:
    assert len(events) == 1, [(e.type, e.sentence) for e in events]
    return events[0]


# ------------------------------------------------------------------------ taxonomy


def test_every_type_has_a_cameo_root_and_a_valid_acled_type() -> None:
    assert set(TAXONOMY) == set(EventType)
    for info in TAXONOMY.values():
        assert len(info.cameo_root) == 2
        assert info.cameo_code.startswith(info.cameo_root)
        assert info.acled_type is None or info.acled_type in ACLED_EVENT_TYPES


@pytest.mark.parametrize(
    ("event_type", "root"),
    [
        pytest.param("summit", "04", id="summit-consult"),
        pytest.param("call", "04", id="call-consult"),
        pytest.param("statement", "01", id="statement"),
        pytest.param("threat", "13", id="threaten"),
        pytest.param("sanctions", "16", id="reduce-relations"),
        pytest.param("advance", "19", id="fight"),
        pytest.param("strike", "19", id="fight-strike"),
        pytest.param("peace_proposal", "03", id="intent-to-cooperate"),
        pytest.param("security_aid", "07", id="provide-aid"),
    ],
)
def test_types_map_to_their_cameo_root(event_type: str, root: str) -> None:
    assert type_info(event_type).cameo_root == root


def test_drone_strike_refines_cameo_and_acled_codes() -> None:
    assert cameo_code("strike", "droneangrep") == "1952"
    assert cameo_code("call") == "041"


def test_unknown_type_is_refused_with_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="use one of"):
        type_info("picnic")


# --------------------------------------------------------------- one sentence per type


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param("Zelenskyj og Macron møtes i Berlin mandag.", "nb", "summit", id="nb-summit"),
        pytest.param("Trump met Putin in Anchorage on Friday.", "en", "summit", id="en-summit"),
        pytest.param("Trump ringte Putin i går.", "nb", "call", id="nb-call"),
        pytest.param("Zelenskyj snakket med Starmer på video.", "nb", "call", id="nb-video"),
        pytest.param("Zelensky held a phone call with Starmer.", "en", "call", id="en-call"),
        pytest.param("Macron sa at Europa står samlet.", "nb", "statement", id="nb-statement"),
        pytest.param("Macron said Europe stands united.", "en", "statement", id="en-statement"),
        pytest.param("Trump truet Russland med nye tollsatser.", "nb", "threat", id="nb-threat"),
        pytest.param("Trump threatened Russia with consequences.", "en", "threat", id="en-threat"),
        pytest.param("EU innførte nye sanksjoner mot Russland.", "nb", "sanctions", id="nb-sanc"),
        pytest.param("The EU imposed new sanctions on Russia.", "en", "sanctions", id="en-sanc"),
        pytest.param("Russiske styrker tok kontroll over landsbyen.", "nb", "advance", id="nb-adv"),
        pytest.param("Tirsdag rykket de russiske styrkene fram.", "nb", "advance", id="nb-rykket"),
        pytest.param("Russian forces captured the village.", "en", "advance", id="en-advance"),
        pytest.param("Russland angrep Kyiv med 40 droner.", "nb", "strike", id="nb-strike"),
        pytest.param("Russia launched 40 drones at Kharkiv.", "en", "strike", id="en-strike"),
        pytest.param("Ukraina beordret evakuering av barn.", "nb", "evacuation", id="nb-evac"),
        pytest.param(
            "Officials ordered the evacuation of 13 villages.", "en", "evacuation", id="en-evac"
        ),
        pytest.param("Tyrkia foreslo en våpenhvile.", "nb", "peace_proposal", id="nb-proposal"),
        pytest.param("Turkey proposed a ceasefire.", "en", "peace_proposal", id="en-proposal"),
        pytest.param(
            "Landene gjorde framgang om sikkerhetsgarantier.", "nb", "security_aid", id="nb-guar"
        ),
        pytest.param(
            "Tyskland lover å sende mer luftvern til Ukraina.", "nb", "security_aid", id="nb-aid"
        ),
        pytest.param(
            "The US pledged to send more air defence systems.", "en", "security_aid", id="en-aid"
        ),
        pytest.param("Dei møttest i Genève i går.", "nn", "summit", id="nn-summit"),
        pytest.param("Russland vart trua med nye sanksjonar.", "nn", "threat", id="nn-threat"),
    ],
)
def test_sentence_gets_the_type_its_cue_says(text: str, lang: str, expected: str) -> None:
    assert only(events_of(text, lang)).type == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        pytest.param("Russland har ikke angrepet Kyiv.", "nb", id="nb-negated"),
        pytest.param("Russia did not attack Kyiv.", "en", id="en-negated"),
        pytest.param("Dersom Russland angriper, vil NATO svare.", "nb", id="nb-conditional"),
        pytest.param("Han bløffer om sanksjoner og våpenhvile.", "nb", id="nouns-only"),
        pytest.param("Russland rykker fram", "nb", id="heading"),
    ],
)
def test_negated_conditional_noun_only_and_heading_sentences_make_no_event(
    text: str, lang: str
) -> None:
    assert events_of(text, lang) == ()


def test_statement_only_when_no_stronger_type_is_cued() -> None:
    text = "Trump sa at han truet Russland med sanksjoner."
    event = only(events_of(text, actors=(mention(text, "Trump", TRUMP),)))
    assert event.type == "threat"
    assert event.actors == ("Donald Trump",)


def test_sentence_with_two_clauses_yields_two_events_each_with_its_own_place() -> None:
    text = "Russia advanced in the east, and Ukraine struck a refinery in Saratov."
    saratov = make_place("Saratov", kind="city", country="RU", lat=51.5, lon=46.0)
    events = events_of(
        text,
        "en",
        places=(place_mention(text, "Ukraine", UKRAINE), place_mention(text, "Saratov", saratov)),
    )
    assert [e.type for e in events] == ["advance", "strike"]
    assert events[0].place is not None
    assert events[0].place_inferred
    assert events[1].place == saratov


def test_one_clause_with_two_cues_yields_one_event_of_the_stronger_type() -> None:
    assert [e.type for e in events_of("Russland angrep Kyiv og rykket fram i Donetsk.")] == [
        "strike"
    ]


def test_threatened_sanctions_are_a_threat_not_sanctions() -> None:
    assert [e.type for e in events_of("Trump truet med nye sanksjoner mot Russland.")] == ["threat"]


# ------------------------------------------------------------------ actors and targets


def test_call_actor_is_the_subject_and_the_people_after_med_are_targets() -> None:
    text = "Zelenskyj snakket onsdag med europeiske ledere, Trump og USAs visepresident J.D. Vance på video onsdag."  # noqa: E501
    event = only(
        events_of(
            text,
            actors=(
                mention(text, "Zelenskyj", ZELENSKY),
                mention(text, "Trump", TRUMP),
                mention(text, "J.D. Vance", VANCE),
            ),
            places=(place_mention(text, "USAs", USA),),
            dates=(date_ref(text, "onsdag", "2025-08-13"),),
        )
    )
    assert event.type == "call"
    assert event.actors == ("Volodymyr Zelensky",)
    assert event.targets == ("European leaders", "Donald Trump", "JD Vance")
    assert event.place is None  # "USAs visepresident" is a title, not where the call was
    assert (event.date, event.date_precision) == ("2025-08-13", "day")


def test_threat_object_is_its_target() -> None:
    text = "Trump selv truet Russland om «konsekvenser» dersom Putin sier nei til fred i Ukraina."
    event = only(
        events_of(
            text,
            actors=(mention(text, "Trump", TRUMP), mention(text, "Putin", PUTIN)),
            places=(
                place_mention(text, "Russland", RUSSIA),
                place_mention(text, "Ukraina", UKRAINE),
            ),
        )
    )
    assert (event.type, event.actors, event.targets) == ("threat", ("Donald Trump",), ("Russia",))
    assert event.place is None  # the countries named are the threat's topic, not its place


def test_subject_after_the_verb_acts_in_norwegian_word_order() -> None:
    event = only(events_of("Tirsdag rykket de russiske styrkene lenger fram i Ukraina."))
    assert event.actors == ("Russia",)


def test_country_subject_acts_and_group_is_addressed() -> None:
    text = "Ukraina beordret onsdag evakuering av barnefamilier fra Druzjkivka."
    event = only(
        events_of(
            text,
            places=(
                place_mention(text, "Ukraina", UKRAINE),
                place_mention(text, "Druzjkivka", DRUZHKIVKA),
            ),
        )
    )
    assert event.actors == ("Ukraine",)
    assert event.targets == ("families with children",)
    assert (event.place, event.geo_precision, event.place_inferred) == (
        DRUZHKIVKA,
        "settlement",
        False,
    )


def test_role_reference_resolves_to_the_person_with_that_role_and_country() -> None:
    text = (
        "Trump og Putin møtes fredag. USAs president har sagt at det kan bli aktuelt å "
        "arrangere et møte med «Putin, Zelenskyj og meg selv»."
    )
    events = events_of(
        text,
        actors=(
            mention(text, "Trump", TRUMP),
            mention(text, "Putin", PUTIN),
            mention(text, "Putin", PUTIN, occurrence=1),
            mention(text, "Zelenskyj", ZELENSKY),
        ),
        places=(place_mention(text, "USAs", USA),),
    )
    proposal = next(e for e in events if e.type == "peace_proposal")
    assert proposal.actors == ("Donald Trump",)
    assert {"Vladimir Putin", "Volodymyr Zelensky", "Donald Trump"} <= set(proposal.targets)


def test_pronoun_subject_is_the_last_person_acting() -> None:
    text = (
        "Keir Starmer sa at koalisjonen er klar. "
        "Han sa videre at landene gjorde framgang om sikkerhetsgarantier for Ukraina."
    )
    events = events_of(
        text,
        actors=(mention(text, "Keir Starmer", STARMER),),
        places=(place_mention(text, "Ukraina", UKRAINE),),
    )
    assert [e.type for e in events] == ["statement", "security_aid"]
    assert events[1].actors == ("Keir Starmer",)
    assert events[1].targets == ("Ukraine",)


def test_news_agencies_are_sources_not_actors() -> None:
    text = "Russian forces captured the village of Dachne, according to ISW and Reuters."
    event = only(events_of(text, "en"))
    assert event.actors == ("Russia",)
    assert event.sources == ("ISW", "Reuters")


@pytest.mark.parametrize(
    ("text", "speaker_surface", "speaker"),
    [
        pytest.param("Macron sa at Europa står samlet.", "Macron", MACRON, id="x-sa"),
        pytest.param("Europa står samlet, sa Macron.", "Macron", MACRON, id="sa-x"),
        pytest.param("Det hvite hus uttalte at møtet er viktig.", "Det hvite hus", WHITE_HOUSE,
                     id="org-uttalte"),
        pytest.param("Ifølge Macron er Europa samlet.", "Macron", MACRON, id="ifolge"),
    ],
)  # fmt: skip
def test_statement_speaker_found_by_each_attribution_pattern(
    text: str, speaker_surface: str, speaker: object
) -> None:
    kind = "orgs" if speaker is WHITE_HOUSE else "actors"
    event = only(events_of(text, **{kind: (mention(text, speaker_surface, speaker),)}))  # type: ignore[arg-type]
    assert event.type == "statement"
    assert event.actors == (speaker.name,)  # type: ignore[attr-defined]


def test_told_person_is_the_statement_target() -> None:
    text = "Zelenskyj sa at han hadde fortalt Trump at Putin bløffer."
    event = only(
        events_of(
            text,
            actors=(
                mention(text, "Zelenskyj", ZELENSKY),
                mention(text, "Trump", TRUMP),
                mention(text, "Putin", PUTIN),
            ),
        )
    )
    assert (event.actors, event.targets) == (("Volodymyr Zelensky",), ("Donald Trump",))


def test_channel_before_the_speech_verb_is_not_the_speaker() -> None:
    text = "På Telegram skriver president Volodymyr Zelenskyj at byen er fri."
    telegram = make_actor("Telegram", kind="org")
    event = only(
        events_of(
            text,
            actors=(mention(text, "Volodymyr Zelenskyj", ZELENSKY),),
            orgs=(mention(text, "Telegram", telegram),),
        )
    )
    assert event.actors == ("Volodymyr Zelensky",)


def test_speaker_right_after_the_verb_beats_a_channel_named_before() -> None:
    text = "På meldingstjenesten Telegram skriver Zelenskyj at USA må presse Russland."
    telegram = make_actor("Telegram", kind="org")
    event = only(
        events_of(
            text,
            actors=(mention(text, "Zelenskyj", ZELENSKY),),
            orgs=(mention(text, "Telegram", telegram),),
        )
    )
    assert event.actors == ("Volodymyr Zelensky",)


def test_participle_used_as_adjective_is_no_advance() -> None:
    assert events_of("Zelensky visits the newly liberated city.", "en")[0].type == "summit"
    assert events_of("Vi kommer til alle de okkuperte områdene.") == ()


def test_national_authorities_act_for_their_country() -> None:
    event = only(events_of("Ukrainian authorities ordered the evacuation of Kupiansk.", "en"))
    assert event.actors == ("Ukraine",)


def test_meeting_the_press_is_no_summit() -> None:
    assert events_of("Fra Vilnius møtte Stoltenberg pressen etter lunsj.") == ()
    assert events_of("Rubio met the press in Jeddah.", "en") == ()


def test_people_killed_is_an_attack_with_its_casualties() -> None:
    event = only(events_of("Minst 13 mennesker ble drept i Belgorod natt til mandag."))
    assert event.type == "strike"
    assert [(q.name, q.value) for q in event.quantities] == [("killed", 13.0)]


def test_a_repeated_caption_makes_one_event() -> None:
    text = "Russland angrep Kyiv. Bildetekst. Russland angrep Kyiv."
    assert len(events_of(text)) == 1


# ------------------------------------------------------------------------------ place


def test_possessive_country_is_neither_place_nor_actor() -> None:
    text = "Ukrainas forsvarssjef hevdet at ukrainske styrker har erobret 100 landsbyer i Kursk."
    kursk = make_place("Kursk Oblast", kind="region", country="RU", lat=51.7, lon=36.2)
    event = only(
        events_of(
            text,
            places=(place_mention(text, "Ukrainas", UKRAINE), place_mention(text, "Kursk", kursk)),
        )
    )
    assert (event.type, event.actors, event.place) == ("advance", ("Ukraine",), kursk)


def test_strike_without_a_place_lands_on_its_target_country() -> None:
    text = "Samtidig sendte Russland 38 droner mot Ukraina."
    event = only(
        events_of(
            text,
            places=(
                place_mention(text, "Russland", RUSSIA),
                place_mention(text, "Ukraina", UKRAINE),
            ),
        )
    )
    assert (event.actors, event.targets, event.place) == (("Russia",), ("Ukraine",), UKRAINE)


def test_i_ost_in_a_ukrainian_context_is_the_eastern_front_inferred() -> None:
    text = "Russiske styrker rykket inn i et ukrainsk område på 110 kvadratkilometer i øst."
    event = only(events_of(text))
    assert event.place is not None
    assert event.place.country == "UA"
    assert event.place.admin1 == "Donetsk"
    assert (event.place_inferred, event.geo_precision, event.place_surface) == (
        True,
        "region",
        "i øst",
    )
    assert [(q.name, q.value) for q in event.quantities] == [("area_km2", 110.0)]


def test_summit_without_a_place_takes_the_venue_named_elsewhere_in_the_article() -> None:
    text = (
        "De to lederne møtes fredag kveld. Zelenskyj har hatt samtaler før møtet i Anchorage. "
        "Alaska-møtet er det første siden 2018."
    )
    event = next(
        e
        for e in events_of(
            text,
            places=(
                place_mention(text, "Anchorage", ANCHORAGE),
                place_mention(text, "Alaska", ALASKA),
            ),
        )
        if e.type == "summit"
    )
    assert (event.place, event.place_inferred, event.geo_precision) == (
        ANCHORAGE,
        True,
        "settlement",
    )


def test_unresolved_place_keeps_its_surface_without_coordinates() -> None:
    text = "Russland angrep Zolotyj Kolodjaz natt til onsdag."
    event = only(events_of(text, places=(place_mention(text, "Zolotyj Kolodjaz", None),)))
    assert (event.place, event.place_surface, event.geo_precision) == (
        None,
        "Zolotyj Kolodjaz",
        None,
    )


# ------------------------------------------------------------------------------- date


def test_a_bound_is_not_the_event_date() -> None:
    text = "For første gang siden 2018 møtes Trump og Putin, fredag kveld."
    event = only(
        events_of(
            text,
            dates=(
                date_ref(text, "2018", "2018", "year"),
                date_ref(text, "fredag kveld", "2025-08-15"),
            ),
        )
    )
    assert (event.date, event.date_precision) == ("2025-08-15", "day")


def test_n_days_before_an_anchor_date_counts_back() -> None:
    text = "Zelenskyj uttalte på Telegram to dager før fredagens møte at fred må komme."
    event = only(
        events_of(
            text,
            actors=(mention(text, "Zelenskyj", ZELENSKY),),
            dates=(date_ref(text, "fredagens", "2025-08-15"),),
        )
    )
    assert (event.date, event.date_basis) == ("2025-08-13", "sentence-offset")


def test_no_date_expression_gives_no_date_never_the_publication_date() -> None:
    event = only(events_of("Trump truet Russland med alvorlige konsekvenser."))
    assert (event.date, event.date_precision) == (None, None)


def test_i_dag_gives_the_publication_date_because_the_text_says_so() -> None:
    text = "Russland angrep Kyiv i dag."
    event = only(events_of(text, dates=(date_ref(text, "i dag", "2025-08-14"),)))
    assert event.date == "2025-08-14"


def test_statement_right_after_an_event_by_the_same_actor_borrows_its_date() -> None:
    text = "Zelenskyj snakket onsdag med Trump på video. Zelenskyj sa etterpå at Putin bløffer."
    events = events_of(
        text,
        actors=(
            mention(text, "Zelenskyj", ZELENSKY),
            mention(text, "Trump", TRUMP),
            mention(text, "Zelenskyj", ZELENSKY, occurrence=1),
            mention(text, "Putin", PUTIN),
        ),
        dates=(date_ref(text, "onsdag", "2025-08-13"),),
    )
    assert [(e.type, e.date, e.date_basis) for e in events] == [
        ("call", "2025-08-13", "sentence"),
        ("statement", "2025-08-13", "anchored"),
    ]


# ------------------------------------------------------------------ quotes and merging


def test_dash_quote_paragraph_of_the_same_speaker_joins_the_event_before() -> None:
    text = (
        "Zelenskyj sa etterpå at Putin bløffer.\n"
        "– Han prøver å legge press før møtet, sa Zelenskyj."
    )
    said = "Han prøver å legge press før møtet"
    events = events_of(
        text,
        actors=(
            mention(text, "Zelenskyj", ZELENSKY),
            mention(text, "Putin", PUTIN),
            mention(text, "Zelenskyj", ZELENSKY, occurrence=1),
        ),
        quotes=(quote(text, said, ZELENSKY),),
    )
    event = only(events)
    assert event.quotes == (said,)
    assert event.sentence == "Zelenskyj sa etterpå at Putin bløffer."


def test_inline_quote_belongs_to_its_sentence_event() -> None:
    text = "Det hvite hus uttalte tirsdag at de ser på møtet som «en lytteøvelse»."
    event = only(
        events_of(
            text,
            orgs=(mention(text, "Det hvite hus", WHITE_HOUSE),),
            quotes=(quote(text, "en lytteøvelse", WHITE_HOUSE),),
            dates=(date_ref(text, "tirsdag", "2025-08-12"),),
        )
    )
    assert (event.type, event.actors, event.date, event.quotes) == (
        "statement",
        ("White House",),
        "2025-08-12",
        ("en lytteøvelse",),
    )


def test_adjacent_sentences_about_one_advance_merge_with_both_sources() -> None:
    text = (
        "Tirsdag rykket de russiske styrkene lenger fram i Ukraina, viser en analyse AFP har "
        "gjort.\nDataene fra Institute for the Study of War viser at i løpet av tirsdagens 24 "
        "timer rykket de russiske styrkene inn i et område på 110 kvadratkilometer i øst."
    )
    event = only(
        events_of(
            text,
            places=(place_mention(text, "Ukraina", UKRAINE),),
            dates=(
                date_ref(text, "Tirsdag", "2025-08-12"),
                date_ref(text, "tirsdagens", "2025-08-12"),
            ),
        )
    )
    assert event.type == "advance"
    assert event.date == "2025-08-12"
    assert set(event.sources) == {"AFP", "ISW"}
    assert ("area_km2", 110.0) in [(q.name, q.value) for q in event.quantities]
    assert event.place_inferred
    assert event.geo_precision == "region"
    assert event.sentence == text[event.start : event.end]


def test_same_input_gives_same_ids_and_an_edit_gives_new_ones() -> None:
    text = "Russland angrep Kyiv. Trump truet Russland."
    first = events_of(text)
    assert [e.id for e in first] == [e.id for e in events_of(text)]
    assert len({e.id for e in first}) == len(first)
    assert first[0].id != events_of(text + " Mer tekst.")[0].id


def test_event_offsets_slice_back_to_the_sentence() -> None:
    text = "Overskrift\nRussland angrep Kyiv natt til onsdag. Macron sa at det er ille."
    for event in events_of(text):
        assert text[event.start : event.end] == event.sentence


# ---------------------------------------------------------------------------- the seed


def _names(event: Event) -> set[str]:
    return {n.lower() for n in (*event.actors, *event.targets)}


def _has(names: set[str], part: str) -> bool:
    return any(part in n for n in names)


def _find(events: tuple[Event, ...], event_type: str, needle: str) -> Event:
    found = [e for e in events if e.type == event_type and needle in e.sentence]
    assert found, f"no {event_type} event with {needle!r}: {[(e.type, e.sentence) for e in events]}"
    return found[0]


def test_seed_summit_trump_putin_in_anchorage_on_friday(seed_extraction: Extraction) -> None:
    event = _find(seed_extraction.events, "summit", "møtes to av verdens")
    assert (event.date, event.date_precision) == ("2025-08-15", "day")
    assert event.place is not None
    assert event.place.name == "Anchorage"
    assert _has(_names(event), "trump")
    assert _has(_names(event), "putin")


def test_seed_zelensky_telegram_statement_two_days_before(seed_extraction: Extraction) -> None:
    event = _find(seed_extraction.events, "statement", "Telegram")
    assert event.date == "2025-08-13"
    assert _has(set(map(str.lower, event.actors)), "zelensk")
    assert any("press på Russland" in q for q in event.quotes)


def test_seed_video_call_on_wednesday(seed_extraction: Extraction) -> None:
    event = _find(seed_extraction.events, "call", "på video")
    assert event.date == "2025-08-13"
    assert _has(set(map(str.lower, event.actors)), "zelensk")
    targets = set(map(str.lower, event.targets))
    assert {"european leaders"} <= targets
    assert _has(targets, "trump")
    assert _has(targets, "vance")


def test_seed_russian_advance_of_110_km2_in_the_east(seed_extraction: Extraction) -> None:
    event = _find(seed_extraction.events, "advance", "110 kvadratkilometer")
    assert event.date == "2025-08-12"
    assert [q.value for q in event.quantities if q.name == "area_km2"] == [110.0]
    assert {"ISW", "AFP"} <= set(event.sources)
    assert event.actors == ("Russia",)
    assert event.place is not None
    assert event.place.country == "UA"
    assert event.place_inferred
    assert event.geo_precision == "region"


def test_seed_evacuation_of_families_near_the_eastern_front(seed_extraction: Extraction) -> None:
    event = _find(seed_extraction.events, "evacuation", "barnefamilier")
    assert event.date == "2025-08-13"
    assert event.targets == ("families with children",)
    assert event.place is not None
    assert event.place.admin1 == "Donetsk"
    assert event.place_inferred


def test_seed_white_house_listening_exercise(seed_extraction: Extraction) -> None:
    event = _find(seed_extraction.events, "statement", "lytteøvelse")
    assert event.date == "2025-08-12"
    assert any("hvite hus" in a.lower() or "white house" in a.lower() for a in event.actors)
    assert "en lytteøvelse" in event.quotes


def test_seed_trump_threatens_severe_consequences(seed_extraction: Extraction) -> None:
    event = _find(seed_extraction.events, "threat", "alvorlige konsekvenser")
    assert _has(set(map(str.lower, event.actors)), "trump")
    assert "Russia" in event.targets
    assert event.date is None  # the text does not say when


@pytest.mark.parametrize("speaker", ["macron", "starmer"])
def test_seed_statements_of_macron_and_starmer(seed_extraction: Extraction, speaker: str) -> None:
    statements = [e for e in seed_extraction.events if e.type == "statement"]
    assert any(_has(set(map(str.lower, e.actors)), speaker) for e in statements)


def test_seed_proposed_three_way_meeting_has_no_date(seed_extraction: Extraction) -> None:
    event = _find(seed_extraction.events, "peace_proposal", "meg selv")
    names = _names(event)
    assert all(_has(names, who) for who in ("putin", "zelensk", "trump"))
    assert event.date is None


# ------------------------------------------------- one event, however many times it is named

GENEVA = make_place("Geneva", kind="city", country="CH", lat=46.2, lon=6.15)
BRUSSELS = make_place("Brussels", kind="city", country="BE", lat=50.85, lon=4.35)


def _summits(events: tuple[Event, ...]) -> list[Event]:
    return [e for e in events if e.type == "summit"]


def _mentioned(text: str, event: Event) -> list[tuple[str, str]]:
    return [(m.kind, text[m.start : m.end]) for m in event.mentions]


def test_seed_summit_without_title_gathers_trump_and_putin_from_its_mentions(
    seed_article: Article, resources: Resources
) -> None:
    # The title names both leaders; without it the sentence stating the summit names
    # nobody ("to av verdens mektigste ledere"), so the actors must come from the article's
    # other mentions of that meeting ("i møte med Trump", "konfrontere Putin … under møtet").
    untitled = dataclasses.replace(seed_article, title=None)
    events = extract_article(untitled, resources).events
    summit = only(tuple(_summits(events)))
    assert (summit.date, summit.date_precision) == ("2025-08-15", "day")
    assert summit.place is not None
    assert summit.place.name == "Anchorage"
    assert {"Donald Trump", "Vladimir Putin"} <= set(summit.actors)
    assert "Volodymyr Zelensky" not in summit.actors  # his calls were *before* the meeting
    text = untitled.text
    words = [w for kind, w in _mentioned(text, summit) if kind == "reference"]
    assert "møtet i Anchorage" in words
    assert "møte" in words  # "i møte med Trump"
    for span in summit.mentions:  # every mention points back into its sentence
        assert span.sentence_start <= span.start < span.end <= span.sentence_end
    # The proposed three-way meeting ("et møte med …") is another event, not this one.
    proposal = _find(events, "peace_proposal", "meg selv")
    assert proposal.id != summit.id


def test_participants_of_a_meeting_come_from_the_clause_said_to_happen_in_it() -> None:
    text = "To ledere møtes fredag i Genève. Under møtet vil Macron presse Putin på en våpenhvile."
    summit = only(
        tuple(
            _summits(
                events_of(
                    text,
                    actors=(mention(text, "Macron", MACRON), mention(text, "Putin", PUTIN)),
                    places=(place_mention(text, "Genève", GENEVA),),
                    dates=(date_ref(text, "fredag", "2025-08-15"),),
                )
            )
        )
    )
    assert set(summit.actors) == {"Emmanuel Macron", "Vladimir Putin"}
    assert _mentioned(text, summit) == [("trigger", "møtes"), ("reference", "møtet")]


def test_talks_held_before_a_meeting_do_not_make_their_people_its_participants() -> None:
    text = (
        "Trump og Putin møtes fredag i Anchorage. "
        "Før møtet snakket Zelenskyj med Starmer og Macron."
    )
    summit = only(
        tuple(
            _summits(
                events_of(
                    text,
                    actors=(
                        mention(text, "Trump", TRUMP),
                        mention(text, "Putin", PUTIN),
                        mention(text, "Zelenskyj", ZELENSKY),
                        mention(text, "Starmer", STARMER),
                        mention(text, "Macron", MACRON),
                    ),
                    places=(place_mention(text, "Anchorage", ANCHORAGE),),
                    dates=(date_ref(text, "fredag", "2025-08-15"),),
                )
            )
        )
    )
    assert set(summit.actors) | set(summit.targets) == {"Donald Trump", "Vladimir Putin"}
    assert ("reference", "møtet") in _mentioned(text, summit)  # still traced, adds nobody


def test_a_meeting_with_someone_names_its_participants() -> None:
    text = "Lederne møtes fredag i Anchorage. Putin vil styrke sin posisjon i møte med Trump."
    summit = only(
        tuple(
            _summits(
                events_of(
                    text,
                    actors=(mention(text, "Putin", PUTIN), mention(text, "Trump", TRUMP)),
                    places=(place_mention(text, "Anchorage", ANCHORAGE),),
                    dates=(date_ref(text, "fredag", "2025-08-15"),),
                )
            )
        )
    )
    assert set(summit.actors) == {"Vladimir Putin", "Donald Trump"}


@pytest.mark.parametrize(
    ("second", "dates"),
    [
        pytest.param(
            "Trump vil holde et nytt møte med Zelenskyj i Kyiv.", (), id="indefinite-new-meeting"
        ),
        pytest.param(
            "Onsdagens møte med Zelenskyj gikk bra.",
            (("Onsdagens", "2025-08-13"),),
            id="another-day",
        ),
    ],
)
def test_a_new_or_differently_dated_meeting_is_not_the_summit(
    second: str, dates: tuple[tuple[str, str], ...]
) -> None:
    text = f"Trump og Putin møtes fredag i Anchorage. {second}"
    events = events_of(
        text,
        actors=(
            mention(text, "Trump", TRUMP),
            mention(text, "Putin", PUTIN),
            *([mention(text, "Trump", TRUMP, occurrence=1)] if text.count("Trump") > 1 else []),
            mention(text, "Zelenskyj", ZELENSKY),
        ),
        places=(place_mention(text, "Anchorage", ANCHORAGE),),
        dates=(
            date_ref(text, "fredag", "2025-08-15"),
            *(date_ref(text, surface, iso) for surface, iso in dates),
        ),
    )
    first = _find(events, "summit", "Anchorage")
    assert "Volodymyr Zelensky" not in set(first.actors) | set(first.targets)
    assert [kind for kind, _ in _mentioned(text, first)] == ["trigger"]


def test_english_summit_references_gather_participants() -> None:
    text = (
        "The two leaders meet in Anchorage on Friday. "
        "At the summit, Trump will press Putin on a ceasefire."
    )
    summit = only(
        tuple(
            _summits(
                events_of(
                    text,
                    lang="en",
                    actors=(mention(text, "Trump", TRUMP), mention(text, "Putin", PUTIN)),
                    places=(place_mention(text, "Anchorage", ANCHORAGE),),
                    dates=(date_ref(text, "Friday", "2025-08-15"),),
                )
            )
        )
    )
    assert set(summit.actors) == {"Donald Trump", "Vladimir Putin"}
    assert ("reference", "the summit") in _mentioned(text, summit)


def test_the_same_meeting_stated_twice_is_one_event_and_two_places_are_two() -> None:
    same = "Trump møter Putin fredag i Anchorage. Senere på dagen møter Trump Putin i Anchorage."
    trump = (mention(same, "Trump", TRUMP), mention(same, "Trump", TRUMP, occurrence=1))
    putin = (mention(same, "Putin", PUTIN), mention(same, "Putin", PUTIN, occurrence=1))
    one = _summits(
        events_of(
            same,
            actors=(*trump, *putin),
            places=(
                place_mention(same, "Anchorage", ANCHORAGE),
                place_mention(same, "Anchorage", ANCHORAGE, occurrence=1),
            ),
            dates=(date_ref(same, "fredag", "2025-08-15"),),
        )
    )
    assert len(one) == 1
    assert [kind for kind, _ in _mentioned(same, one[0])] == ["trigger", "trigger"]
    apart = "Macron møter Zelenskyj i Brussel. Senere møter Macron Zelenskyj i Genève."
    two = _summits(
        events_of(
            apart,
            actors=(
                mention(apart, "Macron", MACRON),
                mention(apart, "Macron", MACRON, occurrence=1),
                mention(apart, "Zelenskyj", ZELENSKY),
                mention(apart, "Zelenskyj", ZELENSKY, occurrence=1),
            ),
            places=(
                place_mention(apart, "Brussel", BRUSSELS),
                place_mention(apart, "Genève", GENEVA),
            ),
        )
    )
    assert [e.place.name for e in two if e.place] == ["Brussels", "Geneva"]
