"""``python -m geo ingest`` against a loopback news site (:mod:`tests.ingest_site`)."""

from __future__ import annotations

import ipaddress
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.cli import main
from geo.errors import FetchError
from geo.ingest import BlockedAddressError, FetchPolicy, IngestError, extract_page, fetch_document
from geo.ingest.document import decode_body, document_kind
from geo.ingest.page import PageArticle
from geo.ingest.store import ArticleStore, render_article
from geo.io.articles import article_from_text, read_article
from tests.ingest_site import BIG, FIXTURES, Site, serve_news_site

#: The loopback server only: every other private address stays refused.
LOOPBACK_ONLY = FetchPolicy(timeout_s=5.0, trusted_networks=(ipaddress.ip_network("127.0.0.1/32"),))

BOILERPLATE = (
    "informasjonskapsler", "Godta", "Bli abonnent", "ANNONSE", "Annonse", "Les også",
    "Les òg", "Slik har fronten flyttet seg", "Kommentarer", "Leser1987", "nyhetsbrevet",
    "Ansvarlig redaktør", "Personvern", "Kultur og underholdning", "informasjonskapslar",
    "Pluss i ein månad", "Kommentarar", "Alle rettar", "cookies", "Subscribe", "Read more",
    "How prisoner exchanges", "Advertisement", "travel insurance", "Comments",
    "finally some humanity", "All rights reserved",
)  # fmt: skip


@pytest.fixture
def site() -> Iterator[Site]:
    with serve_news_site() as running:
        yield running


def _ingest(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, object]]]:
    code = main(["ingest", *argv])
    lines = capsys.readouterr().out.splitlines()
    return code, [json.loads(line) for line in lines]


def test_pages_in_nb_nn_en_are_written_with_metadata_and_without_boilerplate(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = [site.url(p) for p in ("/nb", "/nn", "/en")]
    code, records = _ingest(capsys, *urls, "--into", str(tmp_path), "--allow-private")
    assert code == 0
    assert [r["status"] for r in records] == ["ok", "ok", "ok"]
    nb, nn, en = (read_article(str(r["path"])) for r in records)

    assert (nb.lang, nn.lang, en.lang) == ("nb", "nn", "en")
    assert nb.title == "Russiske styrker presser mot Kostjantynivka"
    assert nb.source == "Fjordposten"
    assert nb.url == urls[0]
    assert str(nb.published) == "2025-08-12"
    assert records[0]["published"] == "2025-08-12T07:45:00+0200"  # the time is kept
    assert records[0]["author"] == "Ingrid Solberg"
    assert str(nn.published) == "2025-08-13"
    assert en.source == "The Harbour Herald"
    assert records[2]["author"] == "Daniel Brooks"

    assert "om lag 110 kvadratkilometer" in nb.text
    assert "energianlegg i øst" in nb.text
    assert "ikkje kjem seg ut på eiga hand" in nn.text
    assert "84 prisoners of war" in en.text
    assert "eastern front" in en.text
    for article in (nb, nn, en):
        leaked = [marker for marker in BOILERPLATE if marker in article.text]
        assert not leaked, f"{article.id}: boilerplate in the text: {leaked}"
        assert not article.text.startswith(article.title or "\0")  # headline not repeated


def test_loopback_is_refused_without_allow_private(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, records = _ingest(capsys, site.url("/nb"), "--into", str(tmp_path))
    assert code == 1
    assert records[0]["status"] == "error"
    assert "loopback/private/link-local" in str(records[0]["error"])
    assert site.requests == []  # refused before connecting
    assert not list(tmp_path.iterdir())


def test_a_feed_with_a_dead_item_ingests_the_rest_and_exits_1(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = site.url("/feeds/utenriks")  # no .xml ending: told apart by content
    code, records = _ingest(capsys, feed, "--into", str(tmp_path), "--allow-private")
    assert code == 1
    by_url = {r["url"]: r for r in records}
    assert [r["status"] for r in records] == ["ok", "error", "ok"]
    assert "HTTP 404" in str(by_url[site.url("/gone")]["error"])
    assert all(r["feed"] == feed for r in records)
    assert len(list(tmp_path.glob("*.txt"))) == 2


def test_an_atom_feed_served_as_html_is_read_as_a_feed_and_german_is_refused(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, records = _ingest(capsys, site.url("/atom"), "--into", str(tmp_path), "--allow-private")
    assert code == 1
    assert [(r["url"], r["status"]) for r in records] == [
        (site.url("/en"), "ok"),  # the relative link was resolved against the feed
        (site.url("/de"), "error"),
    ]
    assert "German (de)" in str(records[1]["error"])
    assert "unsupported language" in str(records[1]["error"])
    assert [p.name for p in tmp_path.glob("*.txt")] == [Path(str(records[0]["path"])).name]


def test_a_page_named_rss_xml_is_a_page(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, records = _ingest(
        capsys, site.url("/rss.xml"), "--into", str(tmp_path), "--allow-private"
    )
    assert code == 0
    assert records[0]["status"] == "ok"
    assert read_article(str(records[0]["path"])).lang == "en"


def test_duplicates_by_url_and_by_text_are_reported_not_written(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("--into", str(tmp_path), "--allow-private")
    _ingest(capsys, site.url("/nb"), *args)
    site.requests.clear()
    code, records = _ingest(
        capsys,
        site.url("/nb?utm_source=feed#top"),  # the same URL, tracking aside: never fetched
        site.url("/copy-of-nb"),  # another URL, the same text
        *args,
    )
    assert code == 0
    assert [(r["status"], r["duplicate_of"]) for r in records] == [
        ("duplicate", "url"),
        ("duplicate", "text"),
    ]
    assert site.requests == ["/copy-of-nb"]
    assert len(list(tmp_path.glob("*.txt"))) == 1
    assert records[0]["path"] == records[1]["path"]


@pytest.mark.parametrize(("route", "charset"), [("/cp1252", "header"), ("/cp1252-bare", "none")])
def test_cp1252_pages_are_decoded(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str], route: str, charset: str
) -> None:
    code, records = _ingest(capsys, site.url(route), "--into", str(tmp_path), "--allow-private")
    assert code == 0, (charset, records)
    article = read_article(str(records[0]["path"]))
    assert article.title == "Forhandlingene i Genève står stille"
    assert "«Vi er langt fra hverandre" in article.text
    assert "måneden – men" in article.text
    assert "\ufffd" not in article.text


def test_malformed_html_still_gives_its_text(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, records = _ingest(
        capsys, site.url("/malformed"), "--into", str(tmp_path), "--allow-private"
    )
    assert code == 0
    article = read_article(str(records[0]["path"]))
    assert "mellom Moskenes og Bodø ble innstilt" in article.text
    assert "<" not in article.text


def test_a_page_without_article_text_is_an_error_and_the_batch_goes_on(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, records = _ingest(
        capsys,
        site.url("/no-text"),
        site.url("/image"),
        site.url("/en"),
        "--into",
        str(tmp_path),
        "--allow-private",
    )
    assert code == 1
    assert [r["status"] for r in records] == ["error", "error", "ok"]
    assert "no article text" in str(records[0]["error"])
    assert "image/png" in str(records[1]["error"])


@pytest.mark.parametrize("route", ["/image", "/pdf", "/json"])
def test_wrong_content_types_are_refused(site: Site, route: str) -> None:
    with pytest.raises(FetchError, match="content type"):
        fetch_document(site.url(route), LOOPBACK_ONLY)


def test_a_50_mb_answer_with_a_length_is_refused_without_reading_it(site: Site) -> None:
    with pytest.raises(FetchError, match="refused without reading"):
        fetch_document(site.url("/big"), LOOPBACK_ONLY)
    time.sleep(0.3)  # let the server notice the closed socket
    assert site.sent["/big"] < BIG // 4


def test_a_50_mb_answer_without_a_length_is_abandoned_at_the_limit(site: Site) -> None:
    policy = FetchPolicy(max_bytes=1_000_000, trusted_networks=LOOPBACK_ONLY.trusted_networks)
    with pytest.raises(FetchError, match="limit; abandoned"):
        fetch_document(site.url("/big-stream"), policy)
    time.sleep(0.3)
    assert site.sent["/big-stream"] < BIG // 4


@pytest.mark.parametrize("route", ["/slow", "/trickle"])
def test_a_slow_server_times_out(site: Site, route: str) -> None:
    policy = FetchPolicy(timeout_s=0.8, trusted_networks=LOOPBACK_ONLY.trusted_networks)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timeout"):
        fetch_document(site.url(route), policy)
    assert time.monotonic() - started < 2.5  # /trickle would take 8 s to finish


@pytest.mark.parametrize(
    ("route", "address"), [("/to-private", "10.1.2.3"), ("/to-link-local", "169.254.169.254")]
)
def test_a_redirect_into_a_private_range_is_refused(site: Site, route: str, address: str) -> None:
    # Were the redirect followed, the test's network guard would raise RuntimeError instead.
    with pytest.raises(BlockedAddressError, match=address):
        fetch_document(site.url(route), LOOPBACK_ONLY)


def test_redirects_are_followed_but_bounded_and_http_only(site: Site) -> None:
    assert fetch_document(site.url("/to-en"), LOOPBACK_ONLY).final_url == site.url("/en")
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch_document(site.url("/loop"), LOOPBACK_ONLY)
    assert site.requests.count("/loop") == 6
    with pytest.raises(FetchError, match="only http"):
        fetch_document(site.url("/to-ftp"), LOOPBACK_ONLY)
    with pytest.raises(FetchError, match="only http"):
        fetch_document("file:///etc/passwd", LOOPBACK_ONLY)


def _resolve_to(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[str]]) -> None:
    real = socket.getaddrinfo

    def fake(host: str, port: object, *args: object, **kwargs: object) -> list[object]:
        if host in answers:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in answers[host]]
        return real(host, port, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", fake)


def test_a_public_looking_name_resolving_to_loopback_is_refused(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    _resolve_to(monkeypatch, {"news.example": ["127.0.0.1"]})
    port = site.base.rsplit(":", 1)[1]
    with pytest.raises(BlockedAddressError, match=r"127\.0\.0\.1"):
        fetch_document(f"http://news.example:{port}/en", FetchPolicy(timeout_s=2))
    assert site.requests == []


def test_the_checked_address_is_the_one_connected_to(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The name answers a private address first and an allowed one second: only the allowed
    # one is used (the network guard would raise on a connection to 10.9.9.9).
    _resolve_to(monkeypatch, {"mixed.example": ["10.9.9.9", "127.0.0.1"]})
    port = site.base.rsplit(":", 1)[1]
    doc = fetch_document(f"http://mixed.example:{port}/en", LOOPBACK_ONLY)
    assert b"84 prisoners of war" in doc.body


def test_the_cli_refuses_a_name_that_resolves_to_loopback(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _resolve_to(monkeypatch, {"news.example": ["127.0.0.1"]})
    port = site.base.rsplit(":", 1)[1]
    code, records = _ingest(capsys, f"http://news.example:{port}/en", "--into", str(tmp_path))
    assert code == 1
    assert "loopback/private/link-local" in str(records[0]["error"])


def test_feed_and_page_are_told_apart_by_content() -> None:
    atom = (FIXTURES / "feed_atom.xml").read_text(encoding="utf-8")
    rss = (FIXTURES / "feed_rss.xml").read_text(encoding="utf-8")  # opens with a comment
    assert document_kind(atom) == "feed"
    assert document_kind(rss) == "feed"
    assert document_kind("\ufeff  <rdf:RDF xmlns:rdf='x'></rdf:RDF>") == "feed"
    page = (FIXTURES / "en_article.html").read_text(encoding="utf-8")
    assert document_kind(page) == "page"
    assert document_kind("<html><body><feed>not a feed</feed></body></html>") == "page"


def test_decoding_follows_header_then_meta_then_utf8_then_cp1252() -> None:
    text = "Ærlig talt – «fred» nå"
    cp = text.encode("cp1252")
    assert decode_body(cp, "windows-1252") == text
    assert decode_body(cp, "iso-8859-1") == text  # loose label read as cp1252 (WHATWG)
    assert decode_body(b'<meta charset="windows-1252">' + cp).endswith(text)
    assert decode_body(cp) == text  # not UTF-8: falls back to cp1252
    assert decode_body(text.encode("utf-8")) == text
    assert decode_body(text.encode("utf-8"), "utf-8") == text
    assert decode_body(b"\xef\xbb\xbf" + text.encode("utf-8"), "windows-1252") == text


def test_front_matter_survives_hostile_titles(tmp_path: Path) -> None:
    article = PageArticle(
        url="https://x.example/a",
        text="Første linje.\n---\nAndre linje etter en strek.",
        lang="nb",
        title='"Vi gir oss ikke"\n---\nsier han',
        published="2025-08-14T09:30:00+0200",
        source="Avisa: «Nord»",
    )
    path = ArticleStore(tmp_path).write(article)
    back = read_article(path)
    assert back.title == '"Vi gir oss ikke" --- sier han'
    assert back.source == "Avisa: «Nord»"
    assert str(back.published) == "2025-08-14"
    assert back.text == "Første linje.\n---\nAndre linje etter en strek.\n"
    assert article_from_text(render_article(article)).title == back.title


def test_an_unsupported_language_is_an_error_never_norwegian() -> None:
    html = (FIXTURES / "de_article.html").read_text(encoding="utf-8")  # says lang="nb"
    with pytest.raises(IngestError, match="German"):
        extract_page(html, "https://x.example/de")


def test_a_feed_item_that_is_itself_a_feed_is_an_error_not_an_article(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, records = _ingest(
        capsys, site.url("/feed-of-feeds"), "--into", str(tmp_path), "--allow-private"
    )
    assert code == 1
    assert records[0]["url"] == site.url("/atom")
    assert "links to a feed" in str(records[0]["error"])
    assert [r["status"] for r in records[1:]] == ["error", "ok"]  # 404, then the nn page
