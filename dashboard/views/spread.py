"""Regional spread: a map of the 17 units by the most severe happening, and a region × day grid."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import describe, maps, regional, tables, urlstate, veils
from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.plotly_element import Folded
from dashboard.tables import FIRST_DAY, LAST_DAY
from dashboard.views.common import (
    GPO,
    Quotes,
    according_to,
    draw_chart,
    draw_quotes,
    event_quotes,
    memo,
)


@dataclass(frozen=True)
class Spread:
    map: go.Figure
    map_summary: str  # each chart's text alternative (dashboard.describe)
    matrix: go.Figure
    matrix_summary: str
    # Happenings no unit can hold (nationwide, or in unnamed units), one line each, as
    # listed under the map.
    unplaced_items: tuple[str, ...]
    map_quotes: Quotes  # every happening of the map and the grid


def build(ds: Dataset, filters, tr: Translator) -> Spread:
    vocab, region_ids = ds.vocabularies, list(filters.region_ids)
    args = (ds.events, vocab, filters.start, filters.end, region_ids)
    according = according_to(ds, GPO, tr)
    chosen = tr.period(filters.start, filters.end)
    labels = regional.severity_labels(vocab, tr)
    units = regional.unit_severity(*args, regions=ds.regions, places=ds.places, tr=tr)
    towns = regional.named_places(ds.events, ds.places, vocab, *args[2:], tr=tr)
    every_town = regional.named_places(ds.events, ds.places, vocab, FIRST_DAY, LAST_DAY, [], tr=tr)
    unplaced = regional.unplaced_events(*args, regions=ds.regions, tr=tr)
    placed = regional.placed_events(*args, regions=ds.regions, tr=tr)
    cells = regional.region_day_matrix(*args, regions=ds.regions, places=ds.places, tr=tr)
    # The matrix shows every unit over the whole period, the days and units outside the
    # filters greyed out (a press changes its shapes alone, see veils.veil_days_outside);
    # its summary speaks of the chosen.
    period = (FIRST_DAY, LAST_DAY)
    every_cell = regional.region_day_matrix(
        ds.events, vocab, *period, regions=ds.regions, places=ds.places, tr=tr
    )
    every_day = tables.days(*period)
    units_in_order = every_cell.drop_duplicates("region_id")
    return Spread(
        map=maps.spread_map(
            units,
            towns,
            regional.load_geojson(),
            labels=labels,
            title=tr("spread.map.title", period=chosen, according=according),
            subtitle=tr("spread.map.subtitle"),
            every_town=every_town,
            tr=tr,
        ),
        matrix=veils.veil_rows_outside(
            veils.veil_days_outside(
                maps.region_day_chart(
                    every_cell,
                    labels=labels,
                    title=tr("spread.matrix.title", period=tr.period(*period), according=according),
                    subtitle=tr("spread.matrix.subtitle"),
                    tr=tr,
                ),
                (filters.start, filters.end),
                period,
                positions={day: i for i, day in enumerate(every_day)},
            ),
            units_in_order["name"].tolist(),
            set(units_in_order.loc[units_in_order["region_id"].isin(region_ids), "name"]),
        ),
        map_summary=describe.spread_map(units, labels, tr),
        matrix_summary=describe.region_days(cells, tr),
        unplaced_items=tuple(
            f"{tr.day(row.date)} · {row.where} · {row.category}: {row.description}"
            for row in unplaced.itertuples()
        ),
        map_quotes=event_quotes(
            ds, pd.concat([placed, unplaced]), tr, key="spread-map", what=tr("spread.what.map")
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
    row = st.container(horizontal=True)  # one block, where columns are three
    for label, day, key in (
        (tr("spread.day_back"), back, "spread-day-back"),
        (tr("spread.day_forward"), forward, "spread-day-forward"),
    ):
        inside = tables.FIRST_DAY <= day <= tables.LAST_DAY
        row.button(
            label,
            key=key,
            on_click=_show_day,
            args=(day,),
            disabled=not inside,
            help=tr("spread.day_help", day=tr.day(day)) if inside else tr("spread.day_none"),
        )


def intro(ds: Dataset, tr: Translator) -> None:
    """Above the filters: what does not change with them."""
    st.header(tr("spread.header"))
    st.caption(tr("spread.caption", according=according_to(ds, GPO, tr)))


def render(ds: Dataset, filters, tr: Translator) -> None:
    """Under the filters (dashboard.filters): everything they change."""
    _day_buttons(filters, tr)
    view = memo(("spread", tr.lang, filters), lambda: build(ds, filters, tr))
    # Notes share their chart's caption, and the list of what is not on the map its heading's
    # element: each element is work on every press.
    chosen_only = tr("spread.chosen_only") if filters.region_ids else ""
    # What the map cannot show is listed under it, folded: a long list on most dates.
    unplaced = Folded(
        fold="unplaced",
        summary=tr("spread.unplaced.label", count=tr.number(len(view.unplaced_items))),
        intro=tr("spread.unplaced") if view.unplaced_items else tr("spread.unplaced.none"),
        items=view.unplaced_items,
    )
    notes = [tr("spread.attribution"), chosen_only, tr("spread.map.caption"), unplaced]
    draw_chart(view.map, "spread-map", view.map_summary, tr, notes=notes)

    shown = tr("spread.matrix.chosen") if filters.region_ids else tr("spread.matrix.all")
    veiled = "" if filters.all_days else tr("common.veiled")
    note = " ".join(filter(None, [veiled, tr("spread.matrix.caption"), shown]))
    draw_chart(
        view.matrix,
        "spread-days",
        view.matrix_summary,
        tr,
        notes=[note],
        heading=tr("spread.matrix.header"),
    )
    # The map's quotes hold every happening of the grid too: one expander for both, one
    # element fewer to draw on every press.
    draw_quotes(view.map_quotes, tr)
