"""Chronology: every happening of 1–8 January, searchable, each with its quote.

Read as text, day by day: a heading per day and a list of its happenings, each with the
statement's sentence under it. (A data grid drew this before; it cost a slider press
~250 ms more than the text, most of it the grid's hidden accessible table redrawn late,
and read poorly at phone width. The CSV button gives the rows as a table.)
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import tables
from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.tables import FIRST_DAY, LAST_DAY
from dashboard.text import md, md_line
from dashboard.views.common import GPO, according_to, memo


@dataclass(frozen=True)
class Chronology:
    table: pd.DataFrame  # one row per happening inside the filters, columns in the page's language


def day_blocks(table: pd.DataFrame, tr: Translator) -> dict:
    """{day: its Markdown block} for the days `table` has (see as_markdown)."""
    days = sorted(set(table[tr("column.date")]))
    return dict(zip(days, as_markdown(table, tr), strict=True))


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


def as_markdown(table: pd.DataFrame, tr: Translator) -> list[str]:
    """One Markdown block per day of `table`, in date order: its heading, then a list item
    per happening (where, kind, place, our description) with the quote under it.

    Every piece of data text is escaped (`md`), so it cannot inject Markdown or HTML.
    """
    date, unit, place = tr("column.date"), tr("column.unit"), tr("column.place")
    category, description, quote = (
        tr("column.category"),
        tr("column.description"),
        tr("column.quote"),
    )

    def item(row) -> str:
        where = " · ".join(md_line(row[c]) for c in (category, place) if row[c])
        return (
            f"- **{md_line(row[unit])}** · {where}: {md_line(row[description])}"
            f"\n\n  > {md_line(row[quote])}"
        )

    return [
        f"### {md(tr.long_day(day))}\n\n" + "\n\n".join(item(row) for _, row in rows.iterrows())
        for day, rows in table.groupby(date, sort=True)
    ]


def intro(ds: Dataset, tr: Translator) -> None:
    """Above the filters: what does not change with them."""
    st.header(tr("chronology.header"))
    st.caption(tr("chronology.caption", according=according_to(ds, GPO, tr)))


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
            st.markdown(blocks[day])
        else:
            st.empty()
