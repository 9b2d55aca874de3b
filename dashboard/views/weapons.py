"""Weapons: civilian weapons stolen, weapons found by type, surrendered, related cases.

The 1,564 civilian weapons stolen from hunting shops and the 515 weapons of all kinds found
differ in scope; the view says so and computes nothing from the two together.
"""

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
    MIA,
    Card,
    Quotes,
    according_to,
    cards,
    draw_cards,
    draw_chart,
    draw_quotes,
    draw_table,
    memo,
    provenance,
    source_labels,
)

CARDS = [
    ("civilian-weapons-stolen", "weapons.card.stolen"),
    ("weapons-recovered", "weapons.card.found"),
    ("weapons-surrendered", "weapons.card.surrendered"),
]
WEAPON_RELATED = [
    "criminal-cases-0125-illegal-firearms",
    "criminal-cases-0125-weapons-theft",
    "detained-0125-weapons-theft",
    "detained-0125-illegal-firearms",
]


@dataclass(frozen=True)
class Weapons:
    cards: tuple[Card, ...]
    chart: go.Figure
    chart_summary: str  # the chart's text alternative (dashboard.describe)
    also: str  # grenades and cartridges, stated beside the weapons but not in the chart
    recovered_quotes: Quotes
    related: pd.DataFrame
    related_quotes: Quotes


def build(ds: Dataset, filters, tr: Translator) -> Weapons:
    labels = source_labels(ds, tr)
    recovered = tables.breakdown(ds.figures, "weapons-recovered", tr)
    ammo = tables.figures_by_id(ds.figures, ["grenades-recovered", "cartridges-recovered"], tr)
    related = tables.figures_by_id(ds.figures, WEAPON_RELATED, tr)
    # The noun agrees with the number and, in Russian, takes the case its qualifier governs:
    # "более 100 гранат", "9 000 патронов".
    items = "; ".join(
        tr(key, count=row.value, qualifier=row.qualifier, n=f"**{md(row.value_label)}**")
        for key, row in zip(
            ("weapons.grenades", "weapons.cartridges"), ammo.itertuples(), strict=True
        )
    )
    return Weapons(
        cards=cards(ds, CARDS, tr),
        chart=charts.breakdown_chart(
            recovered,
            sources=labels,
            title=tr("weapons.chart.title"),
            subtitle=tr("weapons.chart.subtitle", source=labels[MIA]),
            unit_title=tr("weapons.chart.axis"),
            tr=tr,
        ),
        chart_summary=describe.bars(recovered, tr),
        also=tr("weapons.also", items=items),
        recovered_quotes=provenance(
            ds, pd.concat([recovered, ammo]), tr, key="weapons-recovered", what=tr("weapons.what")
        ),
        related=tables.figures_table(related, tr),
        related_quotes=provenance(
            ds, related, tr, key="weapons-cases", what=tr("weapons.related.what")
        ),
    )


def render(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("weapons.header"))
    st.caption(tr("weapons.caption", according=according_to(ds, MIA, tr)))
    view = memo(("weapons", tr.lang), lambda: build(ds, filters, tr))
    draw_cards(view.cards, tr, per_row=3, key="weapons-cards")
    st.info(tr("weapons.scope"), icon=":material/info:")
    draw_chart(view.chart, "weapons-recovered", view.chart_summary, tr)
    st.markdown(view.also)
    draw_quotes(view.recovered_quotes, tr)

    st.subheader(tr("weapons.related.header"))
    draw_table(view.related)
    draw_quotes(view.related_quotes, tr)
