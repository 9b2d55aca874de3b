"""Chronology: every happening of 1–8 January, searchable, each with its quote."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import tables
from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.text import md
from dashboard.views.common import GPO, according_to


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


def render(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("chronology.header"))
    according = according_to(ds, GPO, tr)
    st.caption(tr("chronology.caption", according=according))
    date, unit, category = tr("column.date"), tr("column.unit"), tr("column.category")
    description, quote = tr("column.description"), tr("column.quote")
    query = st.text_input(
        tr("chronology.search"),
        key="q",
        bind="query-params",
        placeholder=tr("chronology.search.placeholder"),
    )
    table = search(build(ds, filters, tr).table, query)
    if filters.region_ids:
        st.caption(tr("chronology.regions_note"))
    if table.empty:
        st.info(tr("chronology.empty"))
    selection = st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="chronology-table",
        column_config={
            date: st.column_config.DateColumn(format=tr("format.date_column")),
            description: st.column_config.TextColumn(width="large"),
            quote: st.column_config.TextColumn(width="large"),
        },
    )
    chosen = [i for i in selection.selection.rows if i < len(table)]
    if chosen:
        row = table.iloc[chosen[0]]
        with st.container(border=True):
            st.markdown(f"**{md(tr.day(row[date]))} · {md(row[unit])} · {md(row[category])}**")
            st.markdown(md(row[description]))
            st.markdown("> " + md(row[quote]))
            st.caption(according[:1].upper() + according[1:])
    else:
        st.caption(tr("chronology.select"))
    st.download_button(
        tr("common.download_rows"),
        data=lambda: table.to_csv(index=False).encode("utf-8"),
        file_name="qantar-chronology.csv",
        on_click="ignore",
        mime="text/csv",
        key="download-chronology",
        icon=":material/download:",
    )
