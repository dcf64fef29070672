"""Stories: the corpus counted in stories as well as articles, and the copies of each.

The same NTB or AFP report printed by several outlets is one story
(:mod:`dashboard.stories`). The header counts stories beside articles; the table lists every
copy (outlet, title, published, file) under its story. Titles and outlets are article text:
shown as table data, and any label built from them goes through
:func:`dashboard.literal.literal`, never as Markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import stories
from dashboard.literal import literal

__all__ = ["render"]

_SHOWN = ("story", "copies", "outlet", "title", "published", "file")


def render(table: pd.DataFrame) -> None:
    """Draw the stories panel for a :func:`dashboard.stories.copies_table`."""
    counts = stories.story_counts(table)
    with st.expander(literal(f"Stories: {counts.caption()}"), expanded=False):
        if table.empty:
            st.caption("No articles yet.")
            return
        st.caption(
            "Near-duplicate articles (the same wire story in several outlets, under other "
            "headlines) are one story; each row is one copy."
        )
        shown = table.loc[:, list(_SHOWN)].assign(
            published=pd.to_datetime(table["published"]).dt.date
        )
        st.dataframe(shown, hide_index=True, width="stretch")
