import datetime as dt
from pathlib import Path

import pytest

from geo import settings
from geo.errors import ArticleError, FrontMatterError
from geo.io.articles import article_from_bytes, guess_lang, iter_article_paths, read_article

BODY = "Zelenskyj snakket onsdag med Trump.\n– Vi vil ha fred, sa Zelenskyj."


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_front_matter_is_parsed_and_offsets_point_into_the_body(tmp_path: Path) -> None:
    raw = f'---\npublished: 2025-08-14\nlang: nb\ntitle: "Møtet"\n---\n{BODY}'.encode()
    article = read_article(_write(tmp_path, "a.txt", raw))
    assert article.id == "a"
    assert article.published == dt.date(2025, 8, 14)
    assert article.published_precision == "day"
    assert article.lang == "nb"
    assert article.title == "Møtet"
    assert article.text == BODY
    decoded = raw.decode()
    assert decoded[article.body_offset :] == article.text


def test_month_only_publication_has_month_precision() -> None:
    article = article_from_bytes(b"---\npublished: 2024-02\n---\nTekst her.", article_id="m")
    assert article.published == dt.date(2024, 2, 1)
    assert article.published_precision == "month"


def test_overrides_win_over_front_matter() -> None:
    raw = b"---\npublished: 2025-08-14\nlang: nb\n---\nThe talks ended."
    article = article_from_bytes(raw, article_id="x", published=dt.date(2024, 1, 2), lang="en")
    assert (article.published, article.lang) == (dt.date(2024, 1, 2), "en")


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    article = read_article(_write(tmp_path, "bom.txt", "\ufeff".encode() + BODY.encode()))
    assert article.text == BODY


def test_cp1252_file_is_decoded_not_rejected(tmp_path: Path) -> None:
    article = read_article(
        _write(tmp_path, "win.txt", "Støre møtte Zelenskyj i Kyiv.".encode("cp1252"))
    )
    assert article.text == "Støre møtte Zelenskyj i Kyiv."


def test_crlf_line_endings_are_normalised() -> None:
    article = article_from_bytes(b"Linje en.\r\nLinje to.", article_id="crlf")
    assert article.text == "Linje en.\nLinje to."


@pytest.mark.parametrize(
    ("data", "match"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"   \n\n ", "empty", id="whitespace-only"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", id="binary-nul"),
        pytest.param(bytes(range(1, 32)) * 50, "binary", id="control-chars"),
        pytest.param(b"---\ntitle: x\n---\n   ", "no body", id="front-matter-only"),
    ],
)
def test_unusable_files_raise_article_error(tmp_path: Path, data: bytes, match: str) -> None:
    with pytest.raises(ArticleError, match=match):
        read_article(_write(tmp_path, "bad.txt", data))


@pytest.mark.parametrize(
    ("front", "match"),
    [
        pytest.param("published: 14.08.2025", "YYYY-MM-DD", id="bad-date"),
        pytest.param("lang: de", "not supported", id="bad-lang"),
        pytest.param("author: x", "unknown front matter key", id="unknown-key"),
        pytest.param("just text", "not 'key: value'", id="not-key-value"),
    ],
)
def test_bad_front_matter_names_the_problem(front: str, match: str) -> None:
    with pytest.raises(FrontMatterError, match=match):
        article_from_bytes(f"---\n{front}\n---\nTekst.".encode(), article_id="fm")


def test_unclosed_front_matter_is_refused() -> None:
    with pytest.raises(FrontMatterError, match="never closed"):
        article_from_bytes(b"---\npublished: 2025-08-14\nTekst uten slutt.", article_id="fm")


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = _write(tmp_path, "big.txt", b"Russland angriper. " * (10_000_000 // 19))
    assert big.stat().st_size > settings.MAX_ARTICLE_BYTES
    with pytest.raises(ArticleError, match="limit"):
        read_article(big)


def test_missing_file_is_an_article_error(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="cannot read"):
        read_article(tmp_path / "nope.txt")


def test_folders_expand_to_article_files_only(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.md", "README.md", "sub/c.txt", "image.png"):
        (tmp_path / name).write_text("x")
    names = [p.relative_to(tmp_path).as_posix() for p in iter_article_paths((tmp_path,))]
    assert names == ["a.md", "b.txt", "sub/c.txt"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        pytest.param("Regjeringen sier at de ikke vil forhandle om det.", "nb", id="nb"),
        pytest.param(
            "Eg veit ikkje kva dei vil gjere, og dei seier det sjølv frå Kyiv.", "nn", id="nn"
        ),
        pytest.param(
            "The minister said that the talks were over and the troops had left.", "en", id="en"
        ),
    ],
)
def test_language_is_guessed_when_not_given(text: str, lang: str) -> None:
    assert guess_lang(text) == lang


@pytest.mark.parametrize(
    ("value", "match"),
    [
        pytest.param("2025-08-14garbage", "not a date", id="trailing-garbage"),
        pytest.param("2025-08-14 garbage", "not a date", id="trailing-word"),
        pytest.param("0001-01-01", "outside the supported dates", id="year-1"),
        pytest.param("9999-12-31", "outside the supported dates", id="year-9999"),
        pytest.param("1677-09-21", "outside the supported dates", id="pandas-min"),
    ],
)
def test_published_must_be_a_whole_supported_date(value: str, match: str) -> None:
    with pytest.raises(FrontMatterError, match=match):
        article_from_bytes(f"---\npublished: {value}\n---\nTekst i går.".encode(), article_id="p")


def test_published_with_a_time_of_day_keeps_the_day() -> None:
    raw = b"---\npublished: 2025-08-14T09:30:00+02:00\n---\nTekst."
    assert article_from_bytes(raw, article_id="t").published == dt.date(2025, 8, 14)
