"""Veils: the parts of a whole-period, all-units chart that lie outside the filters, greyed.

The charts that follow the filters keep every day and every unit in place and veil what the
filters leave out, with layout shapes: a filter change then changes the figure's shapes
alone, which the chart element redraws without the traces and axes
(dashboard.plotly_element). Pure: figures in, figures out.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from dashboard import style


def veil_days_outside(
    fig: go.Figure,
    chosen: tuple[dt.date, dt.date],
    period: tuple[dt.date, dt.date],
    *,
    positions: dict[dt.date, object] | None = None,
) -> go.Figure:
    """Veil the days of `period` outside the `chosen` days (the date filter), as shapes.

    The charts that follow the date filter show the whole period and veil what is outside
    the filter: a slider press then changes the figure's shapes alone, which the chart
    element redraws without the traces and axes (dashboard.plotly_element). `positions`
    maps a day to its x on a category axis (its index); a date axis needs none.
    """
    (start, end), (first, last) = chosen, period

    def edge(day: dt.date, side: int) -> object:  # the boundary half a day before/after
        if positions is not None:
            return positions[day] + 0.5 * side
        return pd.Timestamp(day) + pd.Timedelta(hours=12 * side)

    spans = []
    if start > first:
        spans.append((edge(first, -1), edge(start, -1)))
    if end < last:
        spans.append((edge(end, 1), edge(last, 1)))
    for x0, x1 in spans:
        fig.add_shape(
            type="rect",
            xref="x",
            yref="paper",
            x0=x0,
            x1=x1,
            y0=0,
            y1=1,
            layer="above",
            line={"width": 0},
            **style.OUTSIDE_FILTER_VEIL,
        )
    return fig


def veil_rows_outside(fig: go.Figure, rows: list[str], kept: set[str]) -> go.Figure:
    """Veil the rows of a category y axis (`rows`, in axis order) that are not `kept`.

    Like veil_days_outside, for the region filter: the rows stay where they are and a
    change of regions changes the figure's shapes alone. Nothing is veiled if `kept` is empty
    (no region chosen: all are shown).
    """
    if not kept:
        return fig
    # One veil per run of rows outside, not one per row: plotly.js draws every shape again
    # when they change (16 rows veiled took it 5-9 ms a region change; two spans, ~1).
    spans: list[list[int]] = []
    for position, row in enumerate(rows):
        if row in kept:
            continue
        if spans and spans[-1][1] == position - 1:
            spans[-1][1] = position
        else:
            spans.append([position, position])
    for first, last in spans:
        fig.add_shape(
            type="rect",
            xref="paper",
            yref="y",
            x0=0,
            x1=1,
            y0=first - 0.5,
            y1=last + 0.5,
            layer="above",
            line={"width": 0},
            **style.OUTSIDE_FILTER_VEIL,
        )
    return fig
