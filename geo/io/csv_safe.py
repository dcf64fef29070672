"""Neutralise spreadsheet formulas in CSV cells written from untrusted article text.

Why: a cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
some spreadsheets skip before reading a formula) is run as a formula when the CSV is opened
in Excel, LibreOffice or Google Sheets: ``=HYPERLINK(…)`` or ``=WEBSERVICE(…)`` from an
article would leak data or mislead whoever opens the download ("CSV injection", OWASP). Such a
cell gets a leading apostrophe, which spreadsheets show as text and do not evaluate; the
cell's visible text is otherwise unchanged. Numbers stay numbers (a float column of -3.5 is
not text and cannot hold a formula).
"""

from __future__ import annotations

from typing import Final

import pandas as pd

__all__ = ["FORMULA_TRIGGERS", "neutralise_cell", "neutralise_frame"]

#: First characters that make a spreadsheet read a cell as a formula (with their full-width
#: forms, which some spreadsheets fold to ASCII).
FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise_cell(value: object) -> object:
    r"""Return ``value`` with a leading ``'`` when it is text a spreadsheet would evaluate.

    Examples
    --------
    >>> neutralise_cell('=HYPERLINK("http://x","klikk")')
    '\'=HYPERLINK("http://x","klikk")'
    >>> neutralise_cell("Kyiv"), neutralise_cell(-3.5)
    ('Kyiv', -3.5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def neutralise_frame(table: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``table`` whose text cells (and column names) cannot run as formulas.

    Call it on the table right before ``to_csv``; only text columns are touched.
    """
    out = table.copy()
    for column in out.columns:
        series = out[column]
        if series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            out[column] = series.map(neutralise_cell)
    out.columns = [neutralise_cell(c) for c in out.columns]
    return out
