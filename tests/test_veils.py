"""Veils over what the filters leave out: the rows of the regions not chosen."""

from __future__ import annotations

import plotly.graph_objects as go
from drawn_charts import unveiled_rows

from dashboard import veils

ROWS = ["a", "b", "c", "d", "e", "f"]


def _grid() -> go.Figure:
    fig = go.Figure(go.Scatter(x=[0] * len(ROWS), y=ROWS))
    fig.update_yaxes(categoryorder="array", categoryarray=ROWS)
    return fig


def test_rows_outside_are_veiled_in_runs_one_shape_each():
    spec = veils.veil_rows_outside(_grid(), ROWS, {"b", "e"}).to_plotly_json()
    assert unveiled_rows(spec) == ["b", "e"]
    spans = [(shape["y0"], shape["y1"]) for shape in spec["layout"]["shapes"]]
    assert spans == [(-0.5, 0.5), (1.5, 3.5), (4.5, 5.5)]


def test_nothing_is_veiled_when_no_row_is_chosen():
    spec = veils.veil_rows_outside(_grid(), ROWS, set()).to_plotly_json()
    assert unveiled_rows(spec) == ROWS
    assert not spec["layout"].get("shapes")
