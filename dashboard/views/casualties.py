"""Casualties: the affected, wounded and dead; law enforcement and the others (derived)."""

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
    Quotes,
    according_to,
    draw_chart,
    draw_later_totals,
    draw_quotes,
    later_totals,
    memo,
    provenance,
    source_labels,
)

# Metrics whose later official totals are set beside this view's January figures.
LATER_METRICS = {"deaths", "wounded", "affected_people"}


@dataclass(frozen=True)
class Casualties:
    summary: str
    chart: go.Figure
    chart_summary: str  # the chart's text alternative (dashboard.describe)
    quotes: Quotes
    later: pd.DataFrame  # counts published again after January: first and latest


def parts(ds: Dataset, tr: Translator) -> pd.DataFrame:
    """Wounded and deaths, each split into law enforcement and the others (derived)."""
    rows = []
    for group, root in (("casualties.wounded", "wounded"), ("casualties.deaths", "deaths")):
        breakdown = tables.breakdown(ds.figures, root, tr)
        for r in breakdown[breakdown["depth"] == 1].itertuples():
            rows.append(
                {
                    "group": tr(group),
                    "part": tr("casualties.others" if r.derived else "casualties.law_enforcement"),
                    "value": r.value,
                    "value_label": r.value_label,
                    "derived": bool(r.derived),
                    "quote": r.quote,
                    "source_id": r.source_id,
                }
            )
    return pd.DataFrame(rows)


def build(ds: Dataset, filters, tr: Translator) -> Casualties:
    labels = source_labels(ds, tr)
    shown = pd.concat(
        [
            tables.breakdown(ds.figures, "affected-people", tr),
            tables.breakdown(ds.figures, "wounded", tr).iloc[1:],
            tables.breakdown(ds.figures, "deaths", tr).iloc[1:],
        ]
    )
    totals = tables.figures_by_id(ds.figures, ["affected-people", "wounded", "deaths"], tr)
    # Each number with its noun in the form its value needs: "4 353 раненых", "1 раненый".
    affected, wounded, deaths = (
        tr(key, count=row.value, qualifier=row.qualifier, n=md(row.value_label))
        for key, row in zip(
            (
                "casualties.summary.affected",
                "casualties.summary.wounded",
                "casualties.summary.deaths",
            ),
            totals.itertuples(),
            strict=True,
        )
    )
    rows = parts(ds, tr)
    return Casualties(
        summary=tr("casualties.summary", affected=affected, wounded=wounded, deaths=deaths),
        chart_summary=describe.parts(rows, tr),
        chart=charts.parts_chart(
            rows,
            sources=labels,
            title=tr("casualties.chart.title"),
            subtitle=tr("casualties.chart.subtitle", source=labels[GPO]),
            unit_title=tr("casualties.people"),
            tr=tr,
        ),
        quotes=provenance(ds, shown, tr, key="casualties", what=tr("casualties.what")),
        later=later_totals(ds, LATER_METRICS, tr),
    )


def render(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("casualties.header"))
    st.caption(tr("casualties.caption", according=according_to(ds, GPO, tr)))
    view = memo(("casualties", tr.lang), lambda: build(ds, filters, tr))
    st.markdown(view.summary)
    draw_chart(view.chart, "casualties", view.chart_summary, tr, notes=[tr("casualties.note")])
    draw_quotes(view.quotes, tr)
    draw_later_totals(view.later, tr)
