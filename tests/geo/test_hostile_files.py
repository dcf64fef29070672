"""Files that are not files, odd encodings and hostile file names (issue 13).

Only regular files are read, their size is checked before reading and a read never takes more
than the limit + 1 bytes; a non-regular entry in a folder is reported, never skipped in
silence; a file name never breaks or forges the CLI's output.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from pathlib import Path

import pytest

from geo import settings
from geo.batch import Failure, iter_extractions
from geo.cli import main
from geo.commands._articles import json_line, printable
from geo.errors import ArticleError
from geo.io.articles import display_path, iter_article_paths, read_article, read_article_bytes

GOOD = "---\npublished: 2025-08-14\nlang: nb\n---\nZelenskyj snakket med Trump onsdag."
POSIX = pytest.mark.skipif(os.name != "posix", reason="FIFOs, sockets and /dev need POSIX")


def _run_bounded(fn, *args, seconds: float = 10.0):  # type: ignore[no-untyped-def]
    """Run ``fn`` in a thread and fail (instead of hanging the suite) if it never returns."""
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = fn(*args)
        except BaseException as exc:  # handed back to the test
            box["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{fn.__name__} did not return within {seconds} s"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box.get("value")


@POSIX
def test_symlink_to_dev_zero_is_refused_without_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(ArticleError, match="character device, not a regular file"):
        _run_bounded(read_article, link)


@POSIX
def test_fifo_is_refused_instead_of_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match="named pipe"):
        _run_bounded(read_article, fifo)


@POSIX
def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(path))
    except OSError as exc:  # some sandboxes forbid binding a socket in tmp
        pytest.skip(f"cannot bind a unix socket here: {exc}")
    try:
        with pytest.raises(ArticleError, match="socket"):
            read_article(path)
    finally:
        sock.close()


def test_a_folder_named_like_an_article_is_refused_when_named(tmp_path: Path) -> None:
    folder = tmp_path / "notes.txt"
    folder.mkdir()
    with pytest.raises(ArticleError, match="folder"):
        read_article(folder)


@POSIX
def test_non_regular_entries_in_a_folder_are_reported_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "b_pipe.txt")
    (tmp_path / "c_zero.md").symlink_to("/dev/zero")
    (tmp_path / "d_dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "e_dir.txt").mkdir()  # a folder is walked, not an article
    names = [p.name for p in iter_article_paths((tmp_path,))]
    assert names == ["a_good.txt", "b_pipe.txt", "c_zero.md", "d_dangling.txt"]
    items = _run_bounded(lambda: list(iter_extractions([tmp_path])))
    failures = {f.path.name: str(f) for f in items if isinstance(f, Failure)}
    assert set(failures) == {"b_pipe.txt", "c_zero.md", "d_dangling.txt"}
    assert "named pipe" in failures["b_pipe.txt"]
    assert "character device" in failures["c_zero.md"]
    assert "cannot read" in failures["d_dangling.txt"]
    assert [x.article.id for x in items if not isinstance(x, Failure)] == ["a_good"]


def test_sparse_file_over_the_limit_is_refused_by_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "sparse.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * settings.MAX_ARTICLE_BYTES)  # sparse: no data blocks written
    reads: list[int] = []
    real_read = os.read

    def spy(fd: int, n: int) -> bytes:
        reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", spy)
    with pytest.raises(ArticleError, match="over the 2,000,000-byte limit"):
        read_article(big)
    assert reads == []  # refused on its stat, nothing read


def test_a_read_takes_at_most_the_limit_plus_one_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "grows.txt"
    path.write_bytes(b"a" * 500)
    real_stat = os.stat

    class Shrunk:  # a file that grew between the stat and the read
        def __init__(self, real: os.stat_result) -> None:
            self.st_mode = real.st_mode
            self.st_size = 10

    monkeypatch.setattr(os, "stat", lambda p, *a, **k: Shrunk(real_stat(p, *a, **k)))
    with pytest.raises(ArticleError, match="more than 100 bytes"):
        read_article_bytes(path, limit=100)
    assert len(read_article_bytes(path, limit=500)) == 500


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_bom_are_decoded(tmp_path: Path, codec: str) -> None:
    text = "Støre møtte Зеленський i Kyiv onsdag."
    data = text.encode(codec)
    if not codec.endswith(("16", "32")):  # the -be codecs write no BOM: add it
        data = ("\ufeff" + text).encode(codec)
    path = tmp_path / "unicode.txt"
    path.write_bytes(data)
    assert read_article(path).text == text


def test_utf16_without_a_bom_is_still_refused_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "nobom.txt"
    path.write_bytes("Støre møtte Zelenskyj.".encode("utf-16-le"))
    with pytest.raises(ArticleError, match="binary"):
        read_article(path)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        pytest.param("plain.txt", "plain.txt", id="plain"),
        pytest.param("a\nerror: forged.txt", "'a\\nerror: forged.txt'", id="newline"),
        pytest.param("a\x1b[2Jb.txt", "'a\\x1b[2Jb.txt'", id="esc"),
        pytest.param("b\udcffad.txt", "'b\\udcffad.txt'", id="non-utf8-byte"),
        pytest.param("ab\u202etxt.exe", "'ab\\u202etxt.exe'", id="bidi-override"),
    ],
)
def test_display_path_escapes_what_a_terminal_would_act_on(name: str, shown: str) -> None:
    assert display_path(name) == shown
    assert display_path(name).isprintable()


def test_printable_and_json_line_escape_controls_losslessly() -> None:
    assert printable("ok: æøå") == "ok: æøå"
    assert printable("x\x1b]0;owned\x07y") == "x\\x1b]0;owned\\x07y"
    record = {"path": "a\x9b31mb\udcff\u2028.txt", "title": "Støre"}
    line = json_line(record)
    assert line.isprintable()
    assert "Støre" in line  # readable text stays readable
    assert json.loads(line) == record  # and the escapes decode back to the same name


@POSIX
def test_hostile_file_names_never_stop_the_batch_nor_reach_stderr_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = os.fsencode(tmp_path)
    names = [b"bad\xff.txt", b"forged\nerror: all good.txt", b"esc\x1b[31m.txt"]
    for raw in names:
        with open(os.path.join(folder, raw), "wb") as handle:
            handle.write(b"")  # empty: each one fails, and its name is printed
    (tmp_path / "zz_good.txt").write_text(GOOD, encoding="utf-8")
    code = main(["extract", str(tmp_path), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["zz_good"]
    assert "\x1b" not in err
    assert "\\x1b[31m.txt" in err
    assert "\\udcff" in err  # the non-UTF-8 byte, escaped
    lines = err.splitlines()
    assert all(line.startswith("error: ") for line in lines[:-1])  # no forged line
    assert lines[-1] == "3 file(s) failed; the others were extracted."


@POSIX
def test_a_non_utf8_name_of_a_good_file_is_escaped_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"m\xf8te.txt")  # Latin-1 "møte"
    with open(raw, "wb") as handle:
        handle.write(GOOD.encode())
    assert main(["extract", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    record = json.loads(out)
    assert record["id"] == "m\\xf8te"  # the undecodable byte, spelt out
    assert record["path"] == str(tmp_path / "m\\xf8te.txt")
    assert out.encode("utf-8")  # encodable: no UnicodeEncodeError


@POSIX
def test_a_non_utf8_name_builds_csv_and_parquet(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    with open(os.path.join(os.fsencode(source), b"m\xf8te.txt"), "wb") as handle:
        handle.write(GOOD.encode())
    assert main(["build", str(source), "--out", str(tmp_path / "out"), "--format", "csv"]) == 0
    assert "m\\xf8te" in (tmp_path / "out" / "articles.csv").read_text(encoding="utf-8")


# ------------------------------------------------------- dates the frames cannot hold


@pytest.mark.parametrize("value", ["2025-08-14garbage", "0001-01-01", "9999-12-31", "2025-08"])
def test_cli_published_flag_refuses_bad_or_unsupported_dates(
    tmp_path: Path, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(tmp_path), "--published", value])
    assert exit_info.value.code == 2
    assert value in capsys.readouterr().err


def test_out_of_range_publication_dates_are_per_file_errors_in_extract_and_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a_past.txt").write_text(
        "---\npublished: 0001-01-01\n---\nPutin kom i går til Kyiv.", encoding="utf-8"
    )
    (source / "b_future.txt").write_text(
        "---\npublished: 9999-12-31\n---\nTrump kommer i morgen til Alaska.", encoding="utf-8"
    )
    (source / "c_good.txt").write_text(GOOD, encoding="utf-8")
    assert main(["extract", str(source)]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["c_good"]
    assert err.count("outside the supported dates") == 2
    code = main(["build", str(source), "--out", str(tmp_path / "out"), "--format", "csv"])
    assert code == 1  # the bad files are reported, the good one is built
    assert "c_good" in (tmp_path / "out" / "articles.csv").read_text(encoding="utf-8")


@POSIX
def test_build_prints_hostile_file_names_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in"
    source.mkdir()
    with open(os.path.join(os.fsencode(source), b"x\n\x1b[2Jforged\xff.txt"), "wb") as handle:
        handle.write(b"")
    (source / "good.txt").write_text(GOOD, encoding="utf-8")
    assert main(["build", str(source), "--out", str(tmp_path / "out"), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "\\x1b[2Jforged" in err
    assert all(line.startswith(("error: ", "1 file(s) failed")) for line in err.splitlines())


def test_the_dashboard_corpus_loads_past_a_seed_with_an_impossible_date(tmp_path: Path) -> None:
    from geo.corpus import load_corpus

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "bad.txt").write_text(
        "---\npublished: 0001-01-01\n---\nPutin kom i går.", encoding="utf-8"
    )
    (seeds / "good.txt").write_text(GOOD, encoding="utf-8")
    frames = load_corpus(seeds_dir=seeds, processed_dir=tmp_path / "processed")
    assert list(frames.articles["article_id"]) == ["good"]
