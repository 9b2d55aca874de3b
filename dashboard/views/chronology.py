"""Chronology: every happening of 1–8 January, searchable, each with its quote.

Read as text, day by day: a heading per day and a list of its happenings, each with the
statement's sentence under it. (A data grid drew this before; it cost a slider press
~250 ms more than the text, most of it the grid's hidden accessible table redrawn late,
and read poorly at phone width. The CSV button gives the rows as a table.)
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pandas as pd
import streamlit as st

from dashboard import tables
from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.tables import FIRST_DAY, LAST_DAY
from dashboard.views.common import GPO, according_to, memo


@dataclass(frozen=True)
class Chronology:
    table: pd.DataFrame  # one row per happening inside the filters, columns in the page's language


def day_blocks(table: pd.DataFrame, tr: Translator) -> dict:
    """{day: its HTML block} for the days `table` has (see as_html)."""
    days = sorted(set(table[tr("column.date")]))
    return dict(zip(days, as_html(table, tr), strict=True))


def build(ds: Dataset, filters, tr: Translator) -> Chronology:
    events = tables.filter_events(ds.events, filters.start, filters.end, list(filters.region_ids))
    names = dict(zip(ds.regions["region_id"], ds.regions["name"], strict=True))
    categories = {k: v["label"] for k, v in ds.vocabularies["event_categories"].items()}
    where = {"nationwide": tr("nationwide"), "several": tr("several_unnamed")}
    return Chronology(
        table=pd.DataFrame(
            {
                tr("column.date"): pd.to_datetime(events["date"]).dt.date,
                tr("column.unit"): [
                    names.get(r, "") if s == "unit" else where[s]
                    for r, s in zip(events["region_id"], events["scope"], strict=True)
                ],
                tr("column.place"): events["place"].fillna(""),
                tr("column.category"): events["category"].map(categories),
                tr("column.description"): events["description"],
                tr("column.quote"): events["quote"],
            }
        )
    )


def search(table: pd.DataFrame, query: str) -> pd.DataFrame:
    """The rows in which any cell contains `query`, ignoring case."""
    if not query:
        return table
    haystack = table.astype(str).agg(" ".join, axis=1).str.lower()
    return table[haystack.str.contains(query.lower(), regex=False)]


def as_html(table: pd.DataFrame, tr: Translator) -> list[str]:
    """One HTML block per day of `table`, in date order: its heading, then a list item per
    happening (where, kind, place, our description) with the quote under it.

    HTML, not Markdown: the browser reads it at once, where the Markdown renderer parsed
    the whole chronology again on every region change (~25-60 ms a press, measured).
    Every piece of data text is escaped, so it cannot inject HTML. The quotes are the
    statements' English words, marked so for screen readers on the ru/kk pages.
    """
    date, unit, place = tr("column.date"), tr("column.unit"), tr("column.place")
    category, description, quote = (
        tr("column.category"),
        tr("column.description"),
        tr("column.quote"),
    )

    def item(row) -> str:
        where = " · ".join(escape(row[c]) for c in (category, place) if row[c])
        return (
            f"<li><p><strong>{escape(row[unit])}</strong> · {where}: "
            f"{escape(row[description])}</p>"
            f'<blockquote lang="en"><p>{escape(row[quote])}</p></blockquote></li>'
        )

    return [
        f'<div class="qf-day"><h3>{escape(tr.long_day(day))}</h3><ul>'
        + "".join(item(row) for _, row in rows.iterrows())
        + "</ul></div>"
        for day, rows in table.groupby(date, sort=True)
    ]


# The statement's words set apart as Streamlit sets a Markdown block quote.
DAY_CSS = (
    "<style>.qf-day blockquote { margin: 0 0 1rem; padding: 0 0 0 1rem;"
    " border-left: 0.25rem solid rgba(49, 51, 63, 0.2); }</style>"
)


def intro(ds: Dataset, tr: Translator) -> None:
    """Above the filters: what does not change with them."""
    st.header(tr("chronology.header"))
    st.caption(tr("chronology.caption", according=according_to(ds, GPO, tr)))
    st.html(DAY_CSS)


def render(ds: Dataset, filters, tr: Translator) -> None:
    """Under the filters (dashboard.filters): the search and the happenings they leave."""
    query = st.text_input(
        tr("chronology.search"),
        key="q",
        bind="query-params",
        placeholder=tr("chronology.search.placeholder"),
    )
    # Built once per language and filters, like every view's build (with the text of each
    # day: writing it was most of a press's server time); a search is rarer, and not kept.
    whole = memo(("chronology", tr.lang, filters), lambda: build(ds, filters, tr).table)
    table = search(whole, query)
    if query:
        blocks = day_blocks(table, tr)
    else:
        blocks = memo(("chronology-days", tr.lang, filters), lambda: day_blocks(whole, tr))
    # Notes that come and go keep their place (see the day places below).
    with st.empty():
        if filters.region_ids:
            st.caption(tr("chronology.regions_note"))
    with st.empty():
        if table.empty:
            st.info(tr("chronology.empty"))
    st.download_button(
        tr("common.download_rows"),
        data=lambda: table.to_csv(index=False).encode("utf-8"),
        file_name="qantar-chronology.csv",
        on_click="ignore",
        mime="text/csv",
        key="download-chronology",
        icon=":material/download:",
    )
    # One place per day of the period, empty when the day is not shown: moving the start of
    # the range then changes the days it adds or drops, not the place of every later day
    # (Streamlit matches elements by place, and redraws those whose place changed).
    for day in tables.days(FIRST_DAY, LAST_DAY):
        if day in blocks:
            st.html(blocks[day])
        else:
            st.empty()
