"""Participants over time: counts per day as stated, days without a count as gaps."""

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
    draw_quotes,
    memo,
    provenance,
    source_labels,
)


@dataclass(frozen=True)
class Participants:
    points: pd.DataFrame  # stated counts inside the filters
    gaps: pd.DataFrame  # days without a count, with why
    participants_chart: go.Figure
    participants_summary: str  # each chart's text alternative (dashboard.describe)
    points_quotes: Quotes
    regions_chart: go.Figure
    regions_summary: str
    reported_quotes: Quotes


def build(ds: Dataset, filters, tr: Translator) -> Participants:
    labels = source_labels(ds, tr)
    region_ids = list(filters.region_ids)
    points = tables.participant_points(
        ds.figures, ds.regions, filters.start, filters.end, region_ids, tr=tr
    )
    gaps = tables.participant_gaps(points, ds.events, filters.start, filters.end, tr=tr)
    unrest = [k for k, v in ds.vocabularies["event_categories"].items() if v["group"] == "unrest"]
    reached = tables.regions_reached(
        ds.figures, ds.events, ds.regions, unrest, filters.start, filters.end, tr=tr
    )
    reported = tables.with_value_labels(ds.figures[ds.figures["metric"] == "regions_reached"], tr)
    return Participants(
        points=points,
        gaps=gaps,
        participants_chart=charts.participants_chart(
            points,
            gaps,
            start=filters.start,
            end=filters.end,
            sources=labels,
            title=tr("participants.chart.title"),
            subtitle=tr("participants.chart.subtitle", source=labels[GPO]),
            tr=tr,
        ),
        participants_summary=describe.participants(points, gaps, tr),
        regions_summary=describe.regions_reached(reached, tr),
        points_quotes=provenance(ds, points, tr, key="participants", what=tr("participants.what")),
        regions_chart=charts.regions_reached_chart(
            reached,
            title=tr("participants.regions.title"),
            subtitle=tr("participants.regions.subtitle", source=labels[GPO]),
            tr=tr,
        ),
        reported_quotes=provenance(
            ds, reported, tr, key="regions-reached", what=tr("participants.regions.what")
        ),
    )


def intro(ds: Dataset, tr: Translator) -> None:
    """Above the filters: what does not change with them."""
    st.header(tr("participants.header"))
    st.caption(tr("participants.caption", according=according_to(ds, GPO, tr)))


def render(ds: Dataset, filters, tr: Translator) -> None:
    """Under the filters (dashboard.filters): everything they change."""
    view = memo(("participants", tr.lang, filters), lambda: build(ds, filters, tr))
    if filters.region_ids:
        st.info(tr("participants.nationwide_note"), icon=":material/info:")
    draw_chart(view.participants_chart, "participants", view.participants_summary, tr)
    if view.points.empty:
        st.info(tr("participants.empty"))
    if not view.gaps.empty:
        st.markdown(tr("participants.gaps"))
        for gap in view.gaps.itertuples():
            st.markdown(f"- **{md(tr.day(gap.day))}**: {md(gap.note)}")
    draw_quotes(view.points_quotes, tr)

    st.subheader(tr("participants.regions.header"))
    draw_chart(view.regions_chart, "regions-reached", view.regions_summary, tr)
    st.caption(tr("participants.regions.caption"))
    draw_quotes(view.reported_quotes, tr)
