"""Property and looting: buildings and vehicles by kind, businesses, hunting shops, damage.

The breakdowns are national totals, drawn above the filters; only the table of figures
stated for a day follows them, and is drawn under them.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st

from dashboard import charts, describe, tables
from dashboard.context import Filters
from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.views.common import (
    MIA,
    Card,
    Quotes,
    according_to,
    cards,
    draw_cards,
    draw_chart,
    draw_quotes,
    memo,
    provenance,
    source_labels,
)

CARDS = [
    ("businesses-looted", "property.card.businesses"),
    ("hunting-shops-looted", "property.card.hunting_shops"),
    ("damage-tenge", "property.card.damage"),
]
DAY_METRICS = [
    "police_cars_burned",
    "police_cars_damaged",
    "vehicles_burned",
    "buildings_burned",
    "weapon_stores_seized",
]


@dataclass(frozen=True)
class Property:
    buildings: go.Figure
    buildings_summary: str  # each chart's text alternative (dashboard.describe)
    buildings_quotes: Quotes
    vehicles: go.Figure
    vehicles_summary: str
    vehicles_quotes: Quotes
    cards: tuple[Card, ...]
    days_quotes: Quotes | None  # None when no figure falls inside the filters


def build(ds: Dataset, filters, tr: Translator) -> Property:
    labels = source_labels(ds, tr)
    buildings = tables.breakdown(ds.figures, "buildings-attacked", tr)
    vehicles = tables.breakdown(ds.figures, "vehicles-destroyed-damaged", tr)
    day_figures = ds.figures[ds.figures["metric"].isin(DAY_METRICS)]
    in_filters = tables.by_filters(day_figures, filters.start, filters.end, filters.region_ids)
    return Property(
        buildings=charts.breakdown_chart(
            buildings,
            sources=labels,
            title=tr("property.buildings.title"),
            subtitle=tr("property.buildings.subtitle", source=labels[MIA]),
            unit_title=tr("property.buildings.axis"),
            tr=tr,
        ),
        buildings_summary=describe.bars(buildings, tr),
        vehicles_summary=describe.bars(vehicles, tr),
        buildings_quotes=provenance(
            ds, buildings, tr, key="buildings", what=tr("property.buildings.what")
        ),
        vehicles=charts.breakdown_chart(
            vehicles,
            sources=labels,
            title=tr("property.vehicles.title"),
            subtitle=tr("property.vehicles.subtitle", source=labels[MIA]),
            unit_title=tr("property.vehicles.axis"),
            tr=tr,
        ),
        vehicles_quotes=provenance(
            ds, vehicles, tr, key="vehicles", what=tr("property.vehicles.what")
        ),
        cards=cards(ds, CARDS, tr),
        days_quotes=None
        if in_filters.empty
        else provenance(ds, in_filters, tr, key="property-days", what=tr("property.days.what")),
    )


def intro(ds: Dataset, tr: Translator) -> None:
    """Above the filters: the national totals, which they do not change."""
    st.header(tr("property.header"))
    st.caption(tr("property.caption", according=according_to(ds, MIA, tr)))
    everything = Filters()
    view = memo(("property", tr.lang, everything), lambda: build(ds, everything, tr))
    draw_chart(
        view.buildings,
        "buildings",
        view.buildings_summary,
        tr,
        notes=[tr("property.buildings.note")],
    )
    draw_quotes(view.buildings_quotes, tr)
    draw_chart(view.vehicles, "vehicles", view.vehicles_summary, tr)
    draw_quotes(view.vehicles_quotes, tr)
    draw_cards(view.cards, tr, per_row=2, key="property-cards")

    st.subheader(tr("property.days.header"))


def render(ds: Dataset, filters, tr: Translator) -> None:
    """Under the filters (dashboard.filters): the figures stated for a day inside them."""
    view = memo(("property", tr.lang, filters), lambda: build(ds, filters, tr))
    if view.days_quotes is None:
        st.info(tr("property.days.empty"))
    else:
        draw_quotes(view.days_quotes, tr)
