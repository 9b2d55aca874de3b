"""Participants over time: counts per day as stated, days without a count as gaps."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import charts, describe, tables, veils
from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.tables import FIRST_DAY, LAST_DAY
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
    unrest = [k for k, v in ds.vocabularies["event_categories"].items() if v["group"] == "unrest"]

    def counts(start, end, region_ids):
        points = tables.participant_points(ds.figures, ds.regions, start, end, region_ids, tr=tr)
        gaps = tables.participant_gaps(points, ds.events, start, end, tr=tr)
        return points, gaps

    # The charts show the whole period and every region's counts, the days outside the
    # filter veiled (veils.veil_days_outside) and the regions outside it faded; the text
    # under them speaks of the chosen days and regions.
    # The chart's "no count" notes are the days with no count anywhere: they stay as the
    # filters change (plotly.js draws a chart anew to move its notes), and the gaps of the
    # chosen regions are listed under it.
    points, gaps = counts(filters.start, filters.end, region_ids)
    every_point, every_gap = counts(FIRST_DAY, LAST_DAY, [])
    reached = tables.regions_reached(
        ds.figures, ds.events, ds.regions, unrest, filters.start, filters.end, tr=tr
    )
    every_day = tables.regions_reached(
        ds.figures, ds.events, ds.regions, unrest, FIRST_DAY, LAST_DAY, tr=tr
    )
    chosen, period = (filters.start, filters.end), (FIRST_DAY, LAST_DAY)
    reported = tables.with_value_labels(ds.figures[ds.figures["metric"] == "regions_reached"], tr)
    return Participants(
        points=points,
        gaps=gaps,
        participants_chart=veils.veil_days_outside(
            charts.participants_chart(
                every_point,
                every_gap,
                start=FIRST_DAY,
                end=LAST_DAY,
                sources=labels,
                title=tr("participants.chart.title"),
                subtitle=tr("participants.chart.subtitle", source=labels[GPO]),
                chosen_regions=tuple(region_ids),
                tr=tr,
            ),
            chosen,
            period,
        ),
        participants_summary=describe.participants(points, gaps, tr),
        regions_summary=describe.regions_reached(reached, tr),
        points_quotes=provenance(ds, points, tr, key="participants", what=tr("participants.what")),
        regions_chart=veils.veil_days_outside(
            charts.regions_reached_chart(
                every_day,
                title=tr("participants.regions.title"),
                subtitle=tr("participants.regions.subtitle", source=labels[GPO]),
                tr=tr,
            ),
            chosen,
            period,
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
    # The notes on what the chart shows are in its caption, with the days without a count
    # listed: one element with the chart, where each note was one more to draw on a press.
    veiled = "" if filters.all_days else tr("common.veiled")
    faded = f"{tr('participants.faded')} {tr('participants.nationwide_note')}"
    gaps = [f"{tr.day(gap.day)}: {gap.note}" for gap in view.gaps.itertuples()]
    draw_chart(
        view.participants_chart,
        "participants",
        view.participants_summary,
        tr,
        notes=[
            faded if filters.region_ids else "",
            veiled,
            tr("participants.empty") if view.points.empty else "",
            tr("participants.gaps") if gaps else "",
            gaps,
        ],
    )

    draw_chart(
        view.regions_chart,
        "regions-reached",
        view.regions_summary,
        tr,
        notes=[veiled, tr("participants.regions.caption")],
        heading=tr("participants.regions.header"),
    )
    # Both charts' quotes in one expander: one element fewer to draw on every press.
    draw_quotes(
        view.points_quotes,
        tr,
        more=(view.reported_quotes,),
        what=tr("participants.quotes.what"),
    )
