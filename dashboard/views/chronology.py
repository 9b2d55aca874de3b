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
from dashboard.days_element import Day, Happening, days_element
from dashboard.i18n import Translator
from dashboard.views.common import GPO, according_to, memo


@dataclass(frozen=True)
class Chronology:
    table: pd.DataFrame  # one row per happening inside the filters, columns in the page's language


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


def as_days(table: pd.DataFrame, tr: Translator) -> list[Day]:
    """The happenings of `table` by day, in date order, as dashboard.days_element draws
    them: a day's heading, then per happening where it was (unit, kind, place), our
    description and the quote. Text only: the element sets it as text, never as HTML."""
    date, unit, place = tr("column.date"), tr("column.unit"), tr("column.place")
    category, description, quote = (
        tr("column.category"),
        tr("column.description"),
        tr("column.quote"),
    )
    return [
        Day(
            key=day.isoformat(),
            heading=tr.long_day(day),
            happenings=[
                Happening(
                    unit=row[unit],
                    kinds=" · ".join(row[c] for c in (category, place) if row[c]),
                    description=row[description],
                    quote=row[quote],
                )
                for _, row in rows.iterrows()
            ],
        )
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
        days = as_days(table, tr)
    else:
        days = memo(("chronology-days", tr.lang, filters), lambda: as_days(whole, tr))
    # Notes that come and go keep their place (an empty one when not shown): an element
    # that appears would move every later one, and an element that moves is drawn anew.
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
    days_element(days, key="chronology-days")
