"""Date extraction and resolution: every rule on sentences written for these tests, the seed.

Publication defaults to Thursday 2025-08-14 (``tests.builders.make_article``), so in most
rows Monday is the 11th, Tuesday the 12th, Wednesday the 13th, Friday the 15th.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.extract.dates import find_dates
from geo.model import Article, DateRef, Lang
from geo.text.sentences import split_sentences
from tests.builders import make_article


def dates_of(
    text: str,
    published: str | None = "2025-08-14",
    lang: Lang = "nb",
    *,
    month_only: bool = False,
) -> tuple[DateRef, ...]:
    article = make_article(text, published=published, lang=lang)
    if month_only:
        article = dataclasses.replace(article, published_precision="month")
    return find_dates(article, sentences=split_sentences(article.text))


def only_date(text: str, published: str | None = "2025-08-14", lang: Lang = "nb") -> DateRef:
    found = dates_of(text, published, lang)
    assert len(found) == 1, [d.surface for d in found]
    return found[0]


# (text, published, lang, surface, resolved, granularity)
_RULES = [
    # weekdays and tense
    pytest.param("Lederne møtes fredag kveld i Genève.", "2025-08-14", "nb",
                 "fredag kveld", "2025-08-15", "day", id="fredag-future-present-of-schedule"),
    pytest.param("Statsministeren skal besøke Kyiv mandag.", "2025-08-14", "nb",
                 "mandag", "2025-08-18", "day", id="mandag-future-skal"),
    pytest.param("Han kommer til å signere avtalen lørdag.", "2025-08-14", "nb",
                 "lørdag", "2025-08-16", "day", id="lordag-future-kommer-til-aa"),
    pytest.param("Forsvarsministeren snakket onsdag med sin kollega.", "2025-08-14", "nb",
                 "onsdag", "2025-08-13", "day", id="onsdag-past"),
    pytest.param("Tirsdag angrep russiske droner en kraftstasjon.", "2025-08-14", "nb",
                 "Tirsdag", "2025-08-12", "day", id="tirsdag-past-verb-after"),
    pytest.param("– Vi er klare, sier utenriksministeren mandag.", "2025-08-14", "nb",
                 "mandag", "2025-08-11", "day", id="reporting-present-is-past"),
    pytest.param("Parlamentet skal stemme over forslaget torsdag.", "2025-08-14", "nb",
                 "torsdag", "2025-08-14", "day", id="weekday-is-publication-day-future"),
    pytest.param("Torsdag morgen ble det meldt om eksplosjoner.", "2025-08-14", "nb",
                 "Torsdag morgen", "2025-08-14", "day", id="weekday-is-publication-day-past"),
    pytest.param("Avtalen ble klar sent søndag kveld.", "2025-08-14", "nb",
                 "sent søndag kveld", "2025-08-10", "day", id="sent-sondag-kveld"),
    pytest.param("Kraftverket ble truffet natt til lørdag.", "2025-08-14", "nb",
                 "natt til lørdag", "2025-08-09", "day", id="natt-til-lordag"),
    pytest.param("Delegasjonen ankom torsdag ettermiddag.", "2025-08-15", "nb",
                 "torsdag ettermiddag", "2025-08-14", "day", id="torsdag-ettermiddag"),
    pytest.param("Det ble holdt et nytt møte forrige fredag.", "2025-08-15", "nb",
                 "forrige fredag", "2025-08-08", "day", id="forrige-fredag-on-a-friday"),
    pytest.param("Etter tirsdagens angrep ble skolene stengt.", "2025-08-14", "nb",
                 "tirsdagens", "2025-08-12", "day", id="genitive-tirsdagens-past"),
    pytest.param("Forberedelsene til fredagens toppmøte er i gang.", "2025-08-14", "nb",
                 "fredagens", "2025-08-15", "day", id="genitive-fredagens-coming"),
    pytest.param("Avtalen ble undertegnet tre dager før lørdagens valg.", "2025-08-14", "nb",
                 "tre dager før lørdagens valg", "2025-08-13", "day",
                 id="anchored-to-genitive-weekday"),
    pytest.param("Mandag 11. august møttes de.", "2025-08-14", "nb",
                 "Mandag 11. august", "2025-08-11", "day", id="weekday-with-date"),
    # relative days
    pytest.param("I går ble det kjent at forhandlingene stopper.", "2025-08-14", "nb",
                 "I går", "2025-08-13", "day", id="i-gaar"),
    pytest.param("Rapporten legges fram i dag.", "2025-08-14", "nb",
                 "i dag", "2025-08-14", "day", id="i-dag"),
    pytest.param("Ministrene møtes i morgen.", "2025-08-14", "nb",
                 "i morgen", "2025-08-15", "day", id="i-morgen"),
    pytest.param("Det kom nye angrep i forgårs.", "2025-08-14", "nb",
                 "i forgårs", "2025-08-12", "day", id="i-forgaars"),
    pytest.param("Tidligere på dagen møttes ministrene.", "2025-08-14", "nb",
                 "Tidligere på dagen", "2025-08-14", "day", id="tidligere-paa-dagen-no-anchor"),
    pytest.param("Offensiven startet for en uke siden.", "2025-08-14", "nb",
                 "for en uke siden", "2025-08-07", "day", id="for-en-uke-siden"),
    pytest.param("Avtalen ble inngått for to år siden.", "2025-08-14", "nb",
                 "for to år siden", "2023", "year", id="for-to-aar-siden"),
    pytest.param("Forhandlerne møttes for tre måneder siden.", "2025-08-14", "nb",
                 "for tre måneder siden", "2025-05", "month", id="for-tre-maaneder-siden"),
    pytest.param("I fjor ble det inngått en avtale.", "2025-08-14", "nb",
                 "I fjor", "2024", "year", id="i-fjor"),
    pytest.param("Støre var i Kyiv i fjor sommer.", "2025-08-14", "nb",
                 "i fjor sommer", "2024", "year", id="i-fjor-sommer"),
    pytest.param("Valget holdes neste år.", "2025-08-14", "nb",
                 "neste år", "2026", "year", id="neste-aar"),
    pytest.param("Tallene for forrige måned er klare.", "2025-01-10", "nb",
                 "forrige måned", "2024-12", "month", id="forrige-maaned-over-new-year"),
    # absolute dates, months, years, seasons
    pytest.param("Våpenhvilen trådte i kraft 10. august.", "2025-08-14", "nb",
                 "10. august", "2025-08-10", "day", id="day-month-past"),
    pytest.param("Toppmøtet er fastsatt til 3. september.", "2025-08-14", "nb",
                 "3. september", "2025-09-03", "day", id="day-month-ahead"),
    pytest.param("Avtalen ble signert 3. mars 2024.", "2025-08-14", "nb",
                 "3. mars 2024", "2024-03-03", "day", id="day-month-year"),
    pytest.param("Brevet var datert 15.08.2025.", "2025-08-14", "nb",
                 "15.08.2025", "2025-08-15", "day", id="numeric-date"),
    pytest.param("Loggen starter 2025-08-01.", "2025-08-14", "nb",
                 "2025-08-01", "2025-08-01", "day", id="iso-date"),
    pytest.param("Slikt har ikke skjedd siden sent i mai i 2024.", "2025-08-14", "nb",
                 "sent i mai i 2024", "2024-05", "month", id="sent-i-mai-i-2024"),
    pytest.param("Byen falt i februar 2024.", "2025-08-14", "nb",
                 "februar 2024", "2024-02", "month", id="month-year"),
    pytest.param("Offensiven startet i mars.", "2025-08-14", "nb",
                 "mars", "2025-03", "month", id="month-bare-earlier-this-year"),
    pytest.param("Siden oktober har byen vært beleiret.", "2025-02-10", "nb",
                 "oktober", "2024-10", "month", id="month-bare-after-publication-is-last-year"),
    pytest.param("Forhandlingene skal starte i januar.", "2025-12-05", "nb",
                 "januar", "2026-01", "month", id="year-boundary-future-januar-in-december"),
    pytest.param("Angrepet skjedde i desember.", "2026-01-05", "nb",
                 "desember", "2025-12", "month", id="year-boundary-past-desember-in-january"),
    pytest.param("Russland annekterte Krim i 2014.", "2025-08-14", "nb",
                 "2014", "2014", "year", id="year-after-i"),
    pytest.param("Noen land vil ha 2035, andre mindre.", "2025-08-14", "nb",
                 "2035", "2035", "year", id="year-before-comma"),
    pytest.param("Høsten 2022 trakk russerne seg ut.", "2025-08-14", "nb",
                 "Høsten 2022", "2022", "year", id="season-year"),
    pytest.param("Krigen brøt ut 24. februar, sa han.", "2025-08-14", "nb",
                 "24. februar", "2022-02-24", "day", id="war-start-day-without-year"),
    pytest.param("Avtalen ble signert 29. februar.", "2025-03-10", "nb",
                 "29. februar", "2024-02-29", "day", id="leap-day-last-year"),
    pytest.param("Avtalen ble signert 29. februar.", "2024-03-10", "nb",
                 "29. februar", "2024-02-29", "day", id="leap-day-this-year"),
    pytest.param("Russiske styrker gikk inn i Kursk 6. august i fjor.", "2025-08-14", "nb",
                 "6. august i fjor", "2024-08-06", "day", id="day-month-i-fjor"),
    # nynorsk
    pytest.param("Tysdag kveld vart det kjent at skipa hadde forlate hamna.", "2025-08-14", "nn",
                 "Tysdag kveld", "2025-08-12", "day", id="nn-tysdag-kveld-past"),
    pytest.param("Dei skal møtast måndag.", "2025-08-14", "nn",
                 "måndag", "2025-08-18", "day", id="nn-maandag-future"),
    pytest.param("Russland kunngjorde laurdag at dei trekkjer seg.", "2025-08-14", "nn",
                 "laurdag", "2025-08-09", "day", id="nn-laurdag-past"),
    pytest.param("Sundag kom svaret frå Moskva.", "2025-08-14", "nn",
                 "Sundag", "2025-08-10", "day", id="nn-sundag"),
    pytest.param("Eg kom heim i går.", "2025-08-14", "nn",
                 "i går", "2025-08-13", "day", id="nn-i-gaar"),
    pytest.param("Det skjedde i haust.", "2025-11-20", "nn",
                 "i haust", "2025", "year", id="nn-i-haust"),
    pytest.param("Det vart bestemt i fjor.", "2025-08-14", "nn",
                 "i fjor", "2024", "year", id="nn-i-fjor"),
    # English
    pytest.param("The minister said Friday that talks had stalled.", "2025-08-14", "en",
                 "Friday", "2025-08-08", "day", id="en-friday-past"),
    pytest.param("Leaders will meet on Monday.", "2025-08-14", "en",
                 "Monday", "2025-08-18", "day", id="en-monday-future"),
    pytest.param("The decision came yesterday.", "2025-08-14", "en",
                 "yesterday", "2025-08-13", "day", id="en-yesterday"),
    pytest.param("At talks on May 16, both sides swapped prisoners.", "2025-05-20", "en",
                 "May 16", "2025-05-16", "day", id="en-may-16"),
    pytest.param("Ministers met at the base on April 21, 2023.", "2025-08-14", "en",
                 "April 21, 2023", "2023-04-21", "day", id="en-full-date"),
    pytest.param("The city fell in February 2022.", "2025-08-14", "en",
                 "February 2022", "2022-02", "month", id="en-month-year"),
    pytest.param("Tanks will arrive at the end of May.", "2025-04-01", "en",
                 "the end of May", "2025-05", "month", id="en-end-of-may-future"),
    pytest.param("The offensive stalled in October.", "2025-04-01", "en",
                 "October", "2024-10", "month", id="en-bare-month-past"),
    pytest.param("He will attend a summit this summer.", "2025-04-01", "en",
                 "this summer", "2025", "year", id="en-this-summer"),
    pytest.param("Deliveries resume next month.", "2025-12-03", "en",
                 "next month", "2026-01", "month", id="en-next-month-over-new-year"),
    pytest.param("The talks began two years ago.", "2025-08-14", "en",
                 "two years ago", "2023", "year", id="en-years-ago"),
    pytest.param("The envoy arrived on Aug 11.", "2025-08-14", "en",
                 "Aug 11", "2025-08-11", "day", id="en-abbreviated-month-without-dot"),
    pytest.param("Zelensky is meeting the president on Monday.", "2025-08-14", "en",
                 "Monday", "2025-08-18", "day", id="en-progressive-is-future"),
    pytest.param("Sanctions have grown since the 2014 annexation.", "2025-08-14", "en",
                 "2014", "2014", "year", id="en-year-as-modifier"),
    pytest.param("Til høsten skal Stortinget behandle saken.", "2025-05-14", "nb",
                 "Til høsten", "2025", "year", id="til-hoesten"),
]  # fmt: skip


CASES = [pytest.param(*p.values[:3], p.values[3:], id=p.id) for p in _RULES]


@pytest.mark.parametrize(("text", "published", "lang", "expected"), CASES)
def test_resolves_each_rule(
    text: str, published: str, lang: Lang, expected: tuple[str, str, str]
) -> None:
    date = only_date(text, published, lang)
    assert (date.surface, date.resolved, date.granularity) == expected
    assert text[date.start : date.end] == date.surface


# (text, published, lang, resolved, resolved_end)
SPANS = [
    pytest.param("Det ble holdt demonstrasjoner i helga.", "2025-08-14", "nb",
                 "2025-08-09", "2025-08-10", id="i-helga-past"),
    pytest.param("Ministrene skal møtes i helga.", "2025-08-14", "nb",
                 "2025-08-16", "2025-08-17", id="i-helga-future"),
    pytest.param("Eit intenst diplomati vart i helga sett i sving.", "2025-08-18", "nn",
                 "2025-08-16", "2025-08-17", id="nn-i-helga-on-monday"),
    pytest.param("Forrige uke møttes forsvarsministrene.", "2025-08-14", "nb",
                 "2025-08-04", "2025-08-10", id="forrige-uke"),
    pytest.param("Inspeksjonen var førre veke.", "2025-08-14", "nn",
                 "2025-08-04", "2025-08-10", id="nn-forre-veke"),
    pytest.param("Talks resumed last week.", "2025-08-14", "en",
                 "2025-08-04", "2025-08-10", id="en-last-week"),
    pytest.param("The envoy arrives this week.", "2025-08-14", "en",
                 "2025-08-11", "2025-08-17", id="en-this-week"),
    pytest.param("Han var langt mer optimistisk enn for bare en uke siden.", "2025-08-14", "nb",
                 "2025-08-06", "2025-08-08", id="approximate-ago-is-a-span"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "lang", "resolved", "resolved_end"), SPANS)
def test_spans_carry_their_end(
    text: str, published: str, lang: Lang, resolved: str, resolved_end: str
) -> None:
    date = only_date(text, published, lang)
    assert (date.resolved, date.resolved_end) == (resolved, resolved_end)


NOT_DATES = [
    pytest.param("Framrykkingen skjedde i løpet av 24 timer.", "nb", id="duration-timer"),
    pytest.param("Training will last about 10 weeks.", "en", id="duration-weeks"),
    pytest.param("De siste ukene har kampene økt.", "nb", id="vague-de-siste-ukene"),
    pytest.param("Fighting has raged for months.", "en", id="vague-for-months"),
    pytest.param("I løpet av natten ble byen beskutt.", "nb", id="vague-i-loepet-av-natten"),
    pytest.param("Talen starter klokka 12.", "nb", id="time-alone"),
    pytest.param("Russerne tok 110 kvadratkilometer.", "nb", id="area-is-not-a-year"),
    pytest.param("Over 1150 barn og 2000 soldater ble flyttet.", "nb", id="counts-are-not-years"),
    pytest.param("Byen har 2014 innbyggere.", "nb", id="year-like-count"),
    pytest.param("En dag etter at han sa det, trakk de seg ut.", "nb", id="anchored-to-undated"),
    pytest.param("Det er rolig i vår region.", "nb", id="i-vaar-possessive"),
    pytest.param("It may be too late, said Theresa May.", "en", id="en-may-modal-and-name"),
    pytest.param("Han fyller mandager med møter.", "nb", id="plural-weekday"),
    pytest.param("Hver fredag samles de på torget.", "nb", id="habitual-hver-fredag"),
    pytest.param("They protest every Friday.", "en", id="en-habitual-every-friday"),
    pytest.param("Some 2000 troops crossed the river.", "en", id="en-count-not-year"),
]


@pytest.mark.parametrize(("text", "lang"), NOT_DATES)
def test_does_not_annotate_durations_vague_spans_times_or_counts(text: str, lang: Lang) -> None:
    assert dates_of(text, lang=lang) == ()


def test_dagen_for_takes_the_day_the_text_just_named() -> None:
    text = "Russland angrep Odesa mandag. Dagen før hadde byen fått nytt luftvern."
    dates = dates_of(text)
    assert [(d.surface, d.resolved, d.basis) for d in dates] == [
        ("mandag", "2025-08-11", "weekday-past"),
        ("Dagen før", "2025-08-10", "anchored-to-reference"),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param("Angrepet kom tirsdag. Kvelden før var det stille.", "nb",
                     ["2025-08-12", "2025-08-11"], id="kvelden-foer"),
        pytest.param("Krim ble annektert i 2014. To år senere kom nye sanksjoner.", "nb",
                     ["2014", "2016"], id="to-aar-senere"),
        pytest.param("Crimea was annexed in 2014. The following year talks failed.", "en",
                     ["2014", "2015"], id="en-the-following-year"),
        pytest.param("The strike came on Tuesday. The previous day was calm.", "en",
                     ["2025-08-12", "2025-08-11"], id="en-the-previous-day"),
    ],
)  # fmt: skip
def test_anchored_phrases_count_from_the_date_named_before(
    text: str, lang: Lang, expected: list[str]
) -> None:
    assert [d.resolved for d in dates_of(text, lang=lang)] == expected


def test_samme_kveld_follows_the_weekday_before_it() -> None:
    dates = dates_of("Kyiv ble angrepet tirsdag. Samme kveld kom svaret fra Kyiv.")
    assert [d.resolved for d in dates] == ["2025-08-12", "2025-08-12"]


def test_i_dag_in_a_quote_is_the_day_the_quote_was_given() -> None:
    text = "Statsministeren talte i Kyiv onsdag.\n– I dag står vi sammen, sa han."
    quoted = dates_of(text, "2025-08-14")[1]
    assert (quoted.surface, quoted.resolved, quoted.basis) == (
        "I dag",
        "2025-08-13",
        "relative-day-quote",
    )


def test_i_dag_outside_quotes_is_the_publication_day() -> None:
    text = "Statsministeren talte i Kyiv onsdag. I dag reiser han hjem."
    assert dates_of(text)[1].resolved == "2025-08-14"


def test_later_that_year_takes_the_year_named_before() -> None:
    text = "The city fell in February 2022 and was retaken later that year."
    dates = dates_of(text, published=None, lang="en")
    assert [(d.surface, d.resolved) for d in dates] == [
        ("February 2022", "2022-02"),
        ("later that year", "2022"),
    ]


def test_month_with_samme_aar_takes_the_year_named_before() -> None:
    dates = dates_of("I 2014 annekterte Russland Krim. I mars samme år var det valg.")
    assert [(d.surface, d.resolved) for d in dates] == [
        ("2014", "2014"),
        ("mars samme år", "2014-03"),
    ]


def test_unknown_publication_leaves_relative_expressions_unresolved() -> None:
    text = "Fredag kom svaret. I dag møtes de. Det skjedde 12. mai, i mai 2023 og i 2014. I mars."
    dates = dates_of(text, published=None)
    assert [(d.surface, d.resolved, d.granularity) for d in dates] == [
        ("Fredag", None, "day"),
        ("I dag", None, "day"),
        ("12. mai", None, "day"),
        ("mai 2023", "2023-05", "month"),
        ("2014", "2014", "year"),
        ("mars", None, "month"),
    ]
    assert all(d.basis.endswith("-unresolved") for d in dates if d.resolved is None)


def test_month_only_publication_resolves_months_and_years_but_not_weekdays() -> None:
    text = (
        "Fredag trakk styrkene seg ut. Siden oktober har byen vært beskutt. I fjor var det verre."
    )
    dates = dates_of(text, published="2024-02-01", month_only=True)
    assert [(d.surface, d.resolved) for d in dates] == [
        ("Fredag", None),
        ("oktober", "2023-10"),
        ("I fjor", "2023"),
    ]


def test_month_only_publication_leaves_day_offsets_unresolved() -> None:
    dates = dates_of(
        "I går kom rapporten. Forrige uke var det stille.", "2024-02-01", month_only=True
    )
    assert [d.resolved for d in dates] == [None, None]


def test_every_date_of_the_seed_article(seed_article: Article) -> None:
    dates = find_dates(seed_article, sentences=split_sentences(seed_article.text))
    found = [(d.surface, d.resolved, d.granularity) for d in dates]
    assert found == [
        ("2018", "2018", "year"),  # "siden 2018"
        ("fredag kveld", "2025-08-15", "day"),  # "møtes … fredag kveld"
        ("to dager før fredagens møte", "2025-08-13", "day"),  # Zelensky's Telegram post
        ("Dagen før", "2025-08-14", "day"),  # the day before the Friday summit
        ("onsdag", "2025-08-13", "day"),  # "snakket onsdag"
        ("onsdag", "2025-08-13", "day"),  # "på video onsdag"
        ("Tirsdag", "2025-08-12", "day"),  # "Tirsdag rykket …"
        ("tirsdagens", "2025-08-12", "day"),  # "tirsdagens 24 timer"
        ("sent i mai i 2024", "2024-05", "month"),
        ("onsdag", "2025-08-13", "day"),  # "beordret onsdag evakuering"
        ("fredag kveld", "2025-08-15", "day"),  # "møtet fredag kveld"
        ("tirsdag", "2025-08-12", "day"),  # "Det hvite hus uttalte tirsdag"
        ("fredagens", "2025-08-15", "day"),  # "etter fredagens møte"
        ("onsdagens", "2025-08-13", "day"),  # "onsdagens videomøte"
    ]
    for date in dates:
        assert seed_article.text[date.start : date.end] == date.surface
        assert date.basis


def test_anchored_noun_never_swallows_the_next_date() -> None:
    text = "Dagen før fredagens fredag kom svaret."
    dates = dates_of(text)
    assert [d.surface for d in dates] == ["Dagen før fredagens", "fredag"]


def test_basis_names_the_rule() -> None:
    text = "Tirsdag snakket de. De møtes fredag. Det skjedde 3. mars 2024 og i 2014."
    assert [d.basis for d in dates_of(text)] == [
        "weekday-past",
        "weekday-future",
        "absolute",
        "year",
    ]


# ──────────────────────────────────────────────────────────── properties

_PIECES = st.sampled_from(
    [
        "fredag", "fredagens", "Tirsdag", "natt til lørdag", "sent søndag kveld", "i går", "i dag",
        "i helga", "forrige uke", "for en uke siden", "15. august", "15.08.2025", "sent i mai i",
        "2024", "1150", "mai 2023", "Høsten 2022", "dagen før", "to dager før", "samme kveld",
        "Monday", "May 16", "April 21, 2023", "later that year", "last week", "i fjor", "29.",
        "februar", "skal", "snakket", "møtes", "–", "«", "»", ",", ".", "\n", " ", "år", "siden",
    ]
)  # fmt: skip
_TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map(" ".join),
)
_DATES = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))
_ISO = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}


@settings(max_examples=300, deadline=None)
@given(
    text=_TEXTS,
    published=_DATES,
    lang=st.sampled_from(["nb", "nn", "en"]),
    month_only=st.booleans(),
)
def test_any_text_gives_exact_ordered_spans_and_well_formed_dates(
    text: str, published: dt.date | None, lang: Lang, month_only: bool
) -> None:
    article = Article(
        id="p",
        text=text,
        lang=lang,
        published=published,
        published_precision="month" if month_only else "day",
    )
    dates = find_dates(article, sentences=split_sentences(text))
    previous_end = 0
    for date in dates:
        assert text[date.start : date.end] == date.surface
        assert previous_end <= date.start < date.end
        previous_end = date.end
        if date.resolved is not None:
            assert date.granularity is not None
            assert re.fullmatch(_ISO[date.granularity], date.resolved)
        if date.resolved_end is not None:
            assert date.resolved is not None
            assert date.resolved <= date.resolved_end


@settings(max_examples=100, deadline=None)
@given(published=st.dates(dt.date(2000, 1, 1), dt.date(2039, 12, 31)))
def test_weekday_lands_within_a_week_of_publication_on_its_own_weekday(
    published: dt.date,
) -> None:
    text = "Han snakket onsdag med dem. De møtes fredag."
    past, future = dates_of(text, published.isoformat())
    past_day = dt.date.fromisoformat(past.resolved or "")
    future_day = dt.date.fromisoformat(future.resolved or "")
    assert (past_day.weekday(), future_day.weekday()) == (2, 4)
    assert 0 <= (published - past_day).days <= 6
    assert 0 <= (future_day - published).days <= 6


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param(
            "Trump ringte tirsdag.\n– I dag er en god dag for fred, sa Zelenskyj onsdag.",
            "nb",
            "2025-08-13",
            id="nb-dash-quote-said-wednesday",
        ),
        pytest.param(
            "The leaders spoke on Tuesday.\n“Today, the offer was rejected,” "
            "Zelensky told reporters on Wednesday.",
            "en",
            "2025-08-13",
            id="en-quote-told-wednesday",
        ),
        pytest.param(
            "The leaders spoke on Tuesday.\n“Today we talk,” he said on Thursday.",
            "en",
            "2025-08-14",
            id="en-quote-said-on-publication-day",
        ),
    ],
)
def test_today_in_a_quote_is_the_day_its_attribution_names(
    text: str, lang: Lang, expected: str
) -> None:
    today = next(d for d in dates_of(text, "2025-08-14", lang) if d.surface in ("I dag", "Today"))
    assert today.resolved == expected


# ----------------------------------------------------------- dates out of range (issue 13)


@pytest.mark.parametrize(
    ("published", "text"),
    [
        pytest.param("0001-01-01", "Han kom i går, og i forgårs var han i Kyiv.", id="year-1"),
        pytest.param("9999-12-31", "Møtet er i morgen og neste uke.", id="year-9999"),
        pytest.param("1677-01-01", "Det skjedde for 3 år siden, i fjor og i går.", id="1677"),
        pytest.param("2262-06-01", "Det skjer om en uke, neste måned, i morgen.", id="2262"),
    ],
)
def test_publication_outside_the_supported_range_leaves_relative_dates_unresolved(
    published: str, text: str
) -> None:
    found = dates_of(text, published)
    assert found, "the expressions are still found"
    assert all(d.resolved is None for d in found), [(d.surface, d.resolved) for d in found]


def test_relative_dates_that_step_out_of_range_are_unresolved_not_clamped() -> None:
    found = dates_of("Han kom i går. Det var for 2 år siden.", "1678-01-01")
    by_surface = {d.surface: d for d in found}
    assert by_surface["i går"].resolved is None
    assert by_surface["i går"].basis.endswith("out-of-range")
    assert by_surface["for 2 år siden"].resolved is None


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        pytest.param("Slaget sto 14. oktober 1066 ved Hastings.", "14. oktober 1066", id="1066"),
        pytest.param("Planen gjelder til mai 2300.", "mai 2300", id="month-2300"),
        pytest.param("Datoen 0001-01-01 står i loggen.", "0001-01-01", id="iso-year-1"),
        pytest.param("Datoen 9999-12-31 står i loggen.", "9999-12-31", id="iso-9999"),
    ],
)
def test_explicit_years_outside_the_range_are_kept_and_reported(text: str, surface: str) -> None:
    ref = only_date(text)
    assert ref.surface == surface  # kept as written, not shortened to "14. oktober"
    assert ref.resolved is None  # never replaced by a year near the publication
    assert ref.basis.endswith("-out-of-range")


def test_explicit_years_in_range_still_resolve() -> None:
    assert only_date("Freden kom 9. mai 1945.").resolved == "1945-05-09"
    assert only_date("Det skjedde 14.08.25 i Kyiv.").resolved == "2025-08-14"


def test_english_explicit_year_outside_the_range_is_reported() -> None:
    ref = only_date("The battle was on October 14, 1066.", lang="en")
    assert (ref.surface, ref.resolved) == ("October 14, 1066", None)
