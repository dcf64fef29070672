"""CSV formula injection: no cell written from article text runs in a spreadsheet (issue 13)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from dashboard import tables
from geo.cli import main
from geo.io.csv_safe import FORMULA_TRIGGERS, neutralise_cell, neutralise_frame
from tests.dashboard.builders import Ev, make_events

HOSTILE = [
    '=HYPERLINK("http://127.0.0.1/x?"&A1,"Kilde")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
]


@pytest.mark.parametrize("cell", HOSTILE)
def test_formula_cells_get_a_leading_apostrophe_and_keep_their_text(cell: str) -> None:
    assert neutralise_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Kyiv", "'already quoted", "– Vi vil ha fred", "", "1 = 1"])
def test_ordinary_text_is_unchanged(cell: str) -> None:
    assert neutralise_cell(cell) == cell


def test_numbers_and_missing_values_stay_as_they_are() -> None:
    table = pd.DataFrame({"n": [-3.5, 2.0], "i": [-1, 4], "s": ["=x", None]})
    out = neutralise_frame(table)
    assert out["n"].tolist() == [-3.5, 2.0]
    assert out["i"].tolist() == [-1, 4]
    assert out["s"].tolist()[0] == "'=x"
    assert pd.isna(out["s"].tolist()[1])
    assert table["s"].tolist()[0] == "=x"  # the input frame is not modified


def _no_formula_cells(text: str) -> list[str]:
    return [
        cell for row in csv.reader(io.StringIO(text)) for cell in row
        if cell.startswith(FORMULA_TRIGGERS)
    ]  # fmt: skip


def test_dashboard_event_csv_neutralises_article_text() -> None:
    events = make_events(
        [Ev("call", "2025-08-13", ("=cmd()",), ("@evil",), place="Kyiv", sentence=HOSTILE[0],
            article_title="+title")]
    )  # fmt: skip
    text = tables.events_csv(events)
    assert _no_formula_cells(text) == []
    row = pd.read_csv(io.StringIO(text)).iloc[0]
    assert row["sentence"] == "'" + HOSTILE[0]
    assert row["lon"] > 0  # coordinates stay numbers


def test_build_csv_neutralises_article_text(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text(
        "---\npublished: 2025-08-14\ntitle: '=WEBSERVICE(A1)'\n---\n"
        "-Zelenskyj snakket med Trump onsdag i Kyiv.\n"
        "@Putin sa: «=1+1 er to, og det vet alle», sa Putin.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["build", str(source), "--out", str(out), "--format", "csv"]) == 0
    written = sorted(out.glob("*.csv"))
    assert written
    for path in written:
        assert _no_formula_cells(path.read_text(encoding="utf-8")) == [], path.name
    articles = pd.read_csv(out / "articles.csv")
    assert articles.loc[0, "title"] == "'=WEBSERVICE(A1)"
