"""Untrusted text reaches Streamlit's Markdown only through :func:`dashboard.literal.literal`.

Three layers: the escaping itself (what CommonMark and Streamlit's extensions would act on),
an AST check of every Markdown-rendering call in ``dashboard/app.py`` and
``dashboard/views/`` (its text is a fixed string, a count, or ``literal(…)``), and AppTest
runs where an article's file name and text reach a caption or a message.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest  # noqa: TID251 - tests drive the Streamlit app

from dashboard import data, markup
from dashboard.literal import BIDI_CONTROLS, MARKDOWN_CALLS, isolate_bidi, literal
from tests.dashboard.builders import Ev, Qt, make_frames, seedlike_frames

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
HOSTILE = [
    "![beacon](http://127.0.0.1:9/b.png)",
    "[klikk](javascript:alert(1)) <http://127.0.0.1/x> www.example.org",
    "**fet** _kursiv_ `kode` ~~stryk~~ # Overskrift",
    ":red[rød] :material/home: :smile: $x^2$ &amp; &#60;b&#62;",
    "1. liste\n- punkt\n> sitat\n    kodeblokk\n| a | b |",
    "<img src=x onerror=alert(1)> <b>fet</b>",
]


def _unescaped_punctuation(markdown: str) -> list[str]:
    left, i = [], 0
    while i < len(markdown):
        if markdown[i] == "\\":
            i += 2  # an escape and the character it escapes
            continue
        if re.fullmatch(r"[!-/:-@\[-`{-~]", markdown[i]):
            left.append(markdown[i])
        i += 1
    return left


def _shown(markdown: str) -> str:
    """Undo the escapes: what CommonMark displays for ``literal``'s output."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("  \n", "\n").replace("\u2060", "")


@pytest.mark.parametrize("text", HOSTILE)
def test_every_markdown_character_is_escaped_and_the_text_is_kept(text: str) -> None:
    out = literal(text)
    assert _unescaped_punctuation(out) == []  # nothing left for Markdown to act on
    assert _shown(out) == "\n".join(line.lstrip(" \t") for line in text.split("\n"))


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        pytest.param("se http://127.0.0.1/x nå", "http:/", id="url"),
        pytest.param("se www.example.org nå", "www.", id="www"),
        pytest.param("skriv til navn@example.org", "navn@", id="email"),
        pytest.param("glad :smile: og :material/home:", ":smile", id="shortcode"),
    ],
)
def test_autolinks_and_shortcodes_found_after_parsing_are_broken(text: str, forbidden: str) -> None:
    out = literal(text)
    assert forbidden not in re.sub(r"\\(.)", r"\1", out)  # with the escapes resolved
    assert _shown(out) == text  # yet it reads the same


def test_plain_text_is_unchanged_and_none_is_empty() -> None:
    assert literal("Zelenskyj møtte Trump i Alaska") == "Zelenskyj møtte Trump i Alaska"
    assert literal(None) == ""
    assert literal(42) == "42"


@pytest.mark.parametrize("control", sorted(BIDI_CONTROLS))
def test_bidi_controls_are_isolated(control: str) -> None:
    out = isolate_bidi(f"abc{control}def")
    assert out.startswith("\u2068")
    assert out.endswith("\u2069")
    assert isolate_bidi("no controls") == "no controls"
    assert literal(f"tittel{control}")[0] == "\u2068"


def test_quote_cards_isolate_an_unterminated_override_in_the_title() -> None:
    card = markup.quote_card_html(
        {"text": "Vi vil ha fred nå", "speaker": "Zelenskyj", "date": None,
         "article_title": "Nyheter \u202everden i dag", "context": "Vi vil ha fred nå."}
    )  # fmt: skip
    assert "\u2068Nyheter \u202everden i dag\u2069" in card


# ------------------------------------------------------------------ the source check


def _is_streamlit_call(func: ast.expr) -> bool:
    """``st.caption``, ``st.sidebar.info``, ``left.download_button``, ``(st.a if c else st.b)``."""
    if isinstance(func, ast.IfExp):
        return _is_streamlit_call(func.body) or _is_streamlit_call(func.orelse)
    return isinstance(func, ast.Attribute) and func.attr in MARKDOWN_CALLS


def _safe(node: ast.expr) -> bool:
    """A fixed string, ``literal(…)``, a count, a constant name, or a join of those."""
    parts: list[ast.expr] = []
    if isinstance(node, ast.BinOp):
        parts = [node.left, node.right]
    elif isinstance(node, ast.JoinedStr):
        parts = list(node.values)
    elif isinstance(node, ast.FormattedValue):
        parts = [node.value]
    if parts:
        return all(_safe(part) for part in parts)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id in ("literal", "len")
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")
    return isinstance(node, ast.Constant) or (bool(name) and name.isupper())


def _unsafe_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not _is_streamlit_call(node.func):
            continue
        texts = node.args[:1] + [k.value for k in node.keywords if k.arg in ("body", "label")]
        for text in texts:
            if not _safe(text):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:80]}")
    return found


def _view_files() -> list[Path]:
    return [ROOT / "dashboard" / "app.py", *sorted((ROOT / "dashboard" / "views").glob("*.py"))]


def test_no_view_passes_unescaped_text_to_a_markdown_call() -> None:
    problems = [problem for path in _view_files() for problem in _unsafe_calls(path)]
    assert problems == []


def test_the_source_check_catches_unescaped_text(tmp_path: Path) -> None:
    sample = tmp_path / "view.py"
    sample.write_text(
        "import streamlit as st\n"
        "st.caption(notice)\n"
        "st.sidebar.info(f'Added {name}')\n"
        "(st.error if bad else st.success)(text)\n"
        "st.markdown('The article says: ' + sentence)\n"
        "st.caption(literal(notice))\n"
        "st.subheader(f'Events ({len(events)})')\n",
        encoding="utf-8",
    )
    problems = _unsafe_calls_outside(sample)
    assert [p.split(":")[1] for p in problems] == ["2", "3", "4", "5"]


def _unsafe_calls_outside(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_streamlit_call(node.func):
            texts = node.args[:1] + [k.value for k in node.keywords if k.arg in ("body", "label")]
            found += [f"{path.name}:{node.lineno}" for t in texts if not _safe(t)]
    return sorted(found, key=lambda p: int(p.split(":")[1]))


# ------------------------------------------------------------------ through the app


# Long enough to count as article text (the form refuses a text with almost no letters).
ARTICLE = (
    "Frankrikes president sa torsdag at Europa må stå samlet, og at han vil "
    "møte både Zelensky og de andre lederne før helgen."
)


@pytest.fixture
def quiet_app(monkeypatch: pytest.MonkeyPatch) -> None:
    frames = seedlike_frames()
    monkeypatch.setattr(data, "load_frames", lambda: data.Loaded(frames, "fp-test"))
    monkeypatch.setattr(data, "diplomacy_venue", lambda: (None, {}))


def _app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_an_uploaded_file_name_with_markdown_is_shown_literally(
    quiet_app: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = "![x](http://127.0.0.1:9/beacon.png)**fet**.txt"
    upload = make_frames(
        [Ev("statement", "2025-08-15", ("Emmanuel Macron",), place="Paris", article_id="up")],
        [Qt("Vi vil ha fred", "Emmanuel Macron", "2025-08-15", article_id="up")],
    )
    monkeypatch.setattr(data, "extract_upload", lambda raw, n, **meta: ("upload-x", upload))
    at = _app()
    at.sidebar.file_uploader[0].set_value((name, ARTICLE.encode("utf-8"), "text/plain"))
    at.sidebar.button[0].click().run()
    (message,) = [s.value for s in at.sidebar.success]
    assert message.startswith(literal(f"Added {name}"))
    assert "![" not in message


def test_a_bad_upload_quoting_markdown_in_its_error_is_shown_literally(quiet_app: None) -> None:
    at = _app()
    at.sidebar.file_uploader[0].set_value(
        ("a.txt", b"---\npublished: ![x](http://127.0.0.1:9/b.png)\n---\nTekst.", "text/plain")
    )
    at.sidebar.button[0].click().run()
    (error,) = [e.value for e in at.sidebar.error]
    assert "![x](" not in error
    assert "![x](http://127.0.0.1:9/b.png)" in _shown(error)


def test_uploads_per_session_are_capped_and_the_user_is_told(
    quiet_app: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(data, "MAX_SESSION_UPLOADS", 2)
    counter = iter(range(10))

    def fake(raw: bytes, name: str, **meta: Any) -> tuple[str, Any]:
        n = next(counter)
        frames = make_frames(
            [Ev("statement", "2025-08-15", ("Emmanuel Macron",), article_id=f"u{n}")], []
        )
        return f"upload-{n}", frames

    monkeypatch.setattr(data, "extract_upload", fake)
    at = _app()
    messages = []
    for i in range(3):
        at.sidebar.text_area[0].input(f"{ARTICLE} Nummer {i}.")
        at.sidebar.button[0].click().run()
        messages.append(_shown(at.sidebar.success[0].value))
    assert list(at.session_state[data.KEY_UPLOADS]) == ["upload-1", "upload-2"]
    assert "Removed" not in messages[1]
    assert "Removed the oldest upload(s) upload-0" in messages[2]
    assert "at most 2 articles" in messages[2]


def test_an_upload_over_the_byte_cap_is_refused_with_a_reason(
    quiet_app: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(data, "MAX_SESSION_UPLOAD_BYTES", 1_000)
    frames = make_frames([Ev("statement", "2025-08-15", ("Emmanuel Macron",))], [])
    monkeypatch.setattr(data, "extract_upload", lambda raw, n, **meta: ("upload-big", frames))
    at = _app()
    at.sidebar.text_area[0].input(ARTICLE)
    at.sidebar.button[0].click().run()
    (error,) = [_shown(e.value) for e in at.sidebar.error]
    assert "one session may keep" in error
    assert data.KEY_UPLOADS not in at.session_state or not at.session_state[data.KEY_UPLOADS]


def test_pasting_a_date_the_frames_cannot_hold_is_an_error_not_a_crash(quiet_app: None) -> None:
    at = _app()
    at.sidebar.text_area[0].input("---\npublished: 9999-12-31\n---\nTrump kommer i morgen.")
    at.sidebar.button[0].click().run()
    assert not at.exception
    (error,) = [_shown(e.value) for e in at.sidebar.error]
    assert "outside the supported dates" in error
