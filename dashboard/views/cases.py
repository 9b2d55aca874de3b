"""Criminal cases and detentions: cases at 15 and 25 January, detentions, releases."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import charts, describe, tables
from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.text import md
from dashboard.views.common import (
    GPO,
    MIA,
    Quotes,
    according_to,
    draw_chart,
    draw_later_totals,
    draw_quotes,
    draw_table,
    later_totals,
    memo,
    provenance,
    source_labels,
)

LATER_DETENTIONS = [
    "released-0115",
    "complaints-0115",
    "detained-0125-theft-robbery",
    "detained-0125-weapons-theft",
    "detained-0125-illegal-firearms",
]


# Metrics whose later official totals are set beside this view's January figures.
LATER_METRICS = {"criminal_cases", "detained", "custody_authorised", "in_custody", "released"}


@dataclass(frozen=True)
class Cases:
    cases_0115: go.Figure
    cases_0115_summary: str  # each chart's text alternative (dashboard.describe)
    cases_0125: go.Figure
    cases_0125_summary: str
    share: str  # the theft share, stated without the total it is a share of
    cases_quotes: Quotes
    detained: go.Figure
    detained_summary: str
    later: pd.DataFrame
    detentions_quotes: Quotes
    later_totals: pd.DataFrame  # counts published again after January: first and latest


def by_article(ds: Dataset, tr: Translator) -> pd.DataFrame:
    """Criminal cases at 25 January by offence, largest first."""
    rows = ds.figures[(ds.figures["metric"] == "criminal_cases") & (ds.figures["source_id"] == MIA)]
    return tables.with_value_labels(rows.sort_values("value", ascending=False).assign(depth=0), tr)


def build(ds: Dataset, filters, tr: Translator) -> Cases:
    labels = source_labels(ds, tr)
    at_15 = tables.breakdown(ds.figures, "criminal-cases-0115", tr)
    at_25 = by_article(ds, tr)
    share = tables.figures_by_id(ds.figures, ["criminal-cases-0125-theft-share"], tr).iloc[0]
    detained = tables.breakdown(ds.figures, "detained-0115", tr)
    later = tables.figures_by_id(ds.figures, LATER_DETENTIONS, tr)
    return Cases(
        cases_0115=charts.breakdown_chart(
            at_15,
            sources=labels,
            title=tr("cases.chart15.title"),
            subtitle=tr("source", source=labels[GPO]),
            unit_title=tr("cases.axis"),
            tr=tr,
        ),
        cases_0125=charts.breakdown_chart(
            at_25,
            sources=labels,
            title=tr("cases.chart25.title"),
            subtitle=tr("cases.chart25.subtitle", source=labels[MIA]),
            unit_title=tr("cases.axis"),
            tr=tr,
        ),
        cases_0115_summary=describe.bars(at_15, tr),
        cases_0125_summary=describe.bars(at_25, tr),
        detained_summary=describe.bars(detained, tr),
        share=tr("cases.share", share=md(share["value_label"])),
        cases_quotes=provenance(
            ds, pd.concat([at_15, at_25]), tr, key="cases", what=tr("cases.what")
        ),
        detained=charts.breakdown_chart(
            detained,
            sources=labels,
            title=tr("cases.detained.title"),
            subtitle=tr("source", source=labels[GPO]),
            unit_title=tr("cases.detained.axis"),
            tr=tr,
        ),
        later=tables.figures_table(later, tr, labels),
        detentions_quotes=provenance(
            ds,
            pd.concat([detained, later]),
            tr,
            key="detentions",
            what=tr("cases.detentions.what"),
        ),
        later_totals=later_totals(ds, LATER_METRICS, tr),
    )


def render(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("cases.header"))
    st.caption(
        tr(
            "cases.caption",
            according_gpo=according_to(ds, GPO, tr),
            according_mia=according_to(ds, MIA, tr),
        )
    )
    view = memo(("cases", tr.lang), lambda: build(ds, filters, tr))
    # One under the other: in half-width columns the offences' long labels had no room.
    draw_chart(view.cases_0115, "cases-0115", view.cases_0115_summary, tr)
    draw_chart(view.cases_0125, "cases-0125", view.cases_0125_summary, tr)
    st.caption(view.share)
    draw_quotes(view.cases_quotes, tr)

    st.subheader(tr("cases.detentions.header"))
    draw_chart(view.detained, "detained-0115", view.detained_summary, tr)
    draw_table(view.later)
    draw_quotes(view.detentions_quotes, tr)
    draw_later_totals(view.later_totals, tr)
