"""Regional spread: a map of the 17 units by the most severe happening, and a region × day grid."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import describe, maps, regional, tables, urlstate
from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.views.common import (
    GPO,
    Quotes,
    according_to,
    draw_chart,
    draw_quotes,
    draw_table,
    event_quotes,
    memo,
)


@dataclass(frozen=True)
class Spread:
    map: go.Figure
    map_summary: str  # each chart's text alternative (dashboard.describe)
    matrix: go.Figure
    matrix_summary: str
    unplaced: pd.DataFrame  # happenings no unit can hold: nationwide, or in unnamed units
    map_quotes: Quotes
    matrix_quotes: Quotes


def build(ds: Dataset, filters, tr: Translator) -> Spread:
    vocab, region_ids = ds.vocabularies, list(filters.region_ids)
    args = (ds.events, vocab, filters.start, filters.end, region_ids)
    according = according_to(ds, GPO, tr)
    period = tr.period(filters.start, filters.end)
    labels = regional.severity_labels(vocab, tr)
    units = regional.unit_severity(*args, regions=ds.regions, places=ds.places, tr=tr)
    towns = regional.named_places(ds.events, ds.places, vocab, *args[2:], tr=tr)
    unplaced = regional.unplaced_events(*args, regions=ds.regions, tr=tr)
    placed = regional.placed_events(*args, regions=ds.regions, tr=tr)
    cells = regional.region_day_matrix(*args, regions=ds.regions, places=ds.places, tr=tr)
    return Spread(
        map=maps.spread_map(
            units,
            towns,
            regional.load_geojson(),
            labels=labels,
            title=tr("spread.map.title", period=period, according=according),
            subtitle=tr("spread.map.subtitle"),
            tr=tr,
        ),
        matrix=maps.region_day_chart(
            cells,
            labels=labels,
            title=tr("spread.matrix.title", period=period, according=according),
            subtitle=tr("spread.matrix.subtitle"),
            tr=tr,
        ),
        map_summary=describe.spread_map(units, labels, tr),
        matrix_summary=describe.region_days(cells, tr),
        unplaced=pd.DataFrame(
            {
                tr("column.date"): [tr.day(d) for d in unplaced["date"]],
                tr("column.where"): unplaced["where"],
                tr("column.category"): unplaced["category"],
                tr("column.description"): unplaced["description"],
            }
        ),
        map_quotes=event_quotes(
            ds, pd.concat([placed, unplaced]), tr, key="spread-map", what=tr("spread.what.map")
        ),
        matrix_quotes=event_quotes(
            ds, placed, tr, key="spread-days", what=tr("spread.what.matrix")
        ),
    )


def _show_day(day) -> None:
    """Callback of the day buttons: the date range becomes that one day."""
    st.session_state[urlstate.DATES] = (day, day)


def _day_buttons(filters, tr: Translator) -> None:
    """◀ day / day ▶: from a range, step into its last or first day; then day by day."""
    one_day = filters.start == filters.end
    back = filters.start - pd.Timedelta(days=1) if one_day else filters.end
    forward = filters.start + pd.Timedelta(days=1) if one_day else filters.start
    left, right, _ = st.columns([1, 1, 6])
    for column, label, day, key in (
        (left, tr("spread.day_back"), back, "spread-day-back"),
        (right, tr("spread.day_forward"), forward, "spread-day-forward"),
    ):
        inside = tables.FIRST_DAY <= day <= tables.LAST_DAY
        column.button(
            label,
            key=key,
            on_click=_show_day,
            args=(day,),
            disabled=not inside,
            help=tr("spread.day_help", day=tr.day(day)) if inside else tr("spread.day_none"),
            width="stretch",
        )


def intro(ds: Dataset, tr: Translator) -> None:
    """Above the filters: what does not change with them."""
    st.header(tr("spread.header"))
    st.caption(tr("spread.caption", according=according_to(ds, GPO, tr)))


def render(ds: Dataset, filters, tr: Translator) -> None:
    """Under the filters (dashboard.filters): everything they change."""
    _day_buttons(filters, tr)
    view = memo(("spread", tr.lang, filters), lambda: build(ds, filters, tr))
    draw_chart(view.map, "spread-map", view.map_summary, tr)
    st.caption(tr("spread.attribution"))
    if filters.region_ids:
        st.caption(tr("spread.chosen_only"))
    st.caption(tr("spread.map.caption"))
    st.markdown(tr("spread.unplaced"))
    if view.unplaced.empty:
        st.caption(tr("spread.unplaced.none"))
    else:
        draw_table(view.unplaced)
    draw_quotes(view.map_quotes, tr)

    st.subheader(tr("spread.matrix.header"))
    draw_chart(view.matrix, "spread-days", view.matrix_summary, tr)
    shown = tr("spread.matrix.chosen") if filters.region_ids else tr("spread.matrix.all")
    st.caption(f"{tr('spread.matrix.caption')} {shown}")
    draw_quotes(view.matrix_quotes, tr)
