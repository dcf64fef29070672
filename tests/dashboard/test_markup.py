from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard import markup
from tests.dashboard.builders import (
    SSTI,
    XSS,
    XSS_LINK,
    XSS_TEMPLATE,
    Ev,
    Qt,
    make_events,
    make_quotes,
)

PAYLOADS = [
    pytest.param(XSS, id="script-and-img-onerror"),
    pytest.param(XSS_LINK, id="javascript-link"),
    pytest.param(XSS_TEMPLATE, id="js-template-literal"),
    pytest.param(SSTI, id="jinja-template-injection"),
]


def _assert_inert(text: str) -> None:
    lowered = text.lower()
    assert "<script" not in lowered
    assert "<img" not in lowered
    assert "<a " not in lowered
    assert "`" not in text
    assert "${" not in text
    assert "{{" not in text
    assert "{%" not in text


@given(st.text())
def test_escaped_text_never_holds_markup_or_template_syntax(text: str) -> None:
    _assert_inert(markup.escape_text(text))
    assert "<" not in markup.escape_text(text)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_popup_tooltip_and_quote_card_show_payloads_as_text(payload: str) -> None:
    event = make_events(
        [Ev("statement", "2025-08-14", (payload,), (payload,), sentence=payload,
            article_title=payload)]
    ).to_dict("records")[0]  # fmt: skip
    quote = make_quotes([Qt(payload, payload, "2025-08-14", context=f"før {payload} etter")])
    rendered = [
        markup.popup_html(event),
        markup.tooltip_text(event),
        markup.quote_card_html(quote.to_dict("records")[0]),
        markup.legend_html(payload, [("#fff", payload)], payload),
        markup.story_html([event], {str(event["event_id"]): quote.to_dict("records")}),
    ]
    for text in rendered:
        _assert_inert(text)
    assert markup.escape_text(payload) in rendered[0]  # shown, escaped, not dropped


def test_popup_carries_event_date_actors_place_and_source_sentence() -> None:
    event = make_events(
        [Ev("call", "2025-08-13", ("Volodymyr Zelensky",), ("Donald Trump",), place="Kyiv",
            sentence="Zelenskyj snakket onsdag med Trump.", article_title="Alaska-møtet")]
    ).to_dict("records")[0]  # fmt: skip
    popup = markup.popup_html(event)
    for expected in ("Call", "2025-08-13", "Volodymyr Zelensky → Donald Trump", "Kyiv",
                     "Zelenskyj snakket onsdag med Trump.", "Alaska-møtet"):  # fmt: skip
        assert expected in popup


def test_quote_card_highlights_the_quote_inside_its_context() -> None:
    quote = make_quotes(
        [
            Qt(
                "Putin bløffer.",
                "Volodymyr Zelensky",
                "2025-08-13",
                context="Han sa: Putin bløffer. Slutt.",
            )
        ]
    ).to_dict("records")[0]
    card = markup.quote_card_html(quote)
    assert "<mark>Putin bløffer.</mark>" in card
    assert "Volodymyr Zelensky" in card
    assert "2025-08-13" in card


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        pytest.param(pd.Timestamp("2025-08-15"), "day", "2025-08-15", id="day"),
        pytest.param(pd.Timestamp("2024-05-01"), "month", "2024-05", id="month"),
        pytest.param(pd.Timestamp("2024-01-01"), "year", "2024", id="year"),
        pytest.param(pd.NaT, "day", "date unknown", id="unknown"),
    ],
)
def test_format_date_respects_precision(value: object, precision: str, expected: str) -> None:
    assert markup.format_date(value, precision) == expected


def test_escape_frame_escapes_every_property_before_folium() -> None:
    from tests.dashboard.builders import make_zones

    zones = make_zones(1, who=XSS)
    safe = markup.escape_frame(zones, ["who", "mandatory", "date_ordered"])
    assert safe.loc[0, "who"].startswith("&lt;script&gt;")
    assert safe.loc[0, "mandatory"] == "yes"
    assert safe.loc[0, "date_ordered"] == "2025-08-13"
    assert zones.loc[0, "who"] == XSS  # the input is not modified


def test_popup_names_outlet_date_and_links_only_to_http_urls() -> None:
    from dashboard import markup

    event = {
        "type_label": "Statement", "date": None, "published": "2025-08-14",
        "article_title": "Title <b>", "article_url": "https://www.nrk.no/a?b=1&c=2",
        "sentence": "Han sa det.",
    }  # fmt: skip
    html = markup.popup_html(event)
    assert 'href="https://www.nrk.no/a?b=1&amp;c=2"' in html
    assert "nrk.no" in html
    assert "Title &lt;b&gt;" in html
    assert "date not stated (published 14 Aug 2025)" in html
    assert "Han sa det." in html
    for bad in ("javascript:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example/x"):
        assert "href" not in markup.popup_html({**event, "article_url": bad})
