import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli import main

GOOD = "---\npublished: 2025-08-14\nlang: nb\n---\nZelenskyj snakket med Trump onsdag."


def test_batch_reports_bad_files_extracts_the_rest_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "1_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "2_empty.txt").write_bytes(b"")
    (tmp_path / "3_binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "4_quote.txt").write_text("Han sa «dette slutter aldri.", encoding="utf-8")
    (tmp_path / "5_latin1.txt").write_bytes("Støre reiste til Kyiv.".encode("latin-1"))
    code = main(["extract", str(tmp_path), "--format", "jsonl"])
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [r["id"] for r in records] == ["1_good", "4_quote", "5_latin1"]
    assert "2_empty.txt" in err
    assert "empty" in err
    assert "3_binary.txt" in err
    assert "binary" in err
    assert "2 file(s) failed" in err


def test_record_keys_follow_the_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt")]) == 0
    record = json.loads(capsys.readouterr().out)
    assert set(record) >= {
        "id",
        "path",
        "published",
        "lang",
        "places",
        "actors",
        "orgs",
        "quotes",
        "dates",
    }
    assert (record["id"], record["published"], record["lang"]) == ("a", "2025-08-14", "nb")


def test_published_and_lang_flags_override_front_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    main(["extract", str(tmp_path / "a.txt"), "--published", "2024-01-02", "--lang", "en"])
    record = json.loads(capsys.readouterr().out)
    assert (record["published"], record["lang"]) == ("2024-01-02", "en")


def test_bad_published_flag_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(["extract", str(tmp_path), "--published", "fredag"])
    assert excinfo.value.code == 2


def test_python_dash_m_geo_runs_as_a_module(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "geo", "extract", str(tmp_path / "a.txt")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["id"] == "a"
