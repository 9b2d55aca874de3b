"""The regional spread drawn: the map of the 17 units and the region × day grid.

Pure: the frames of `dashboard.regional` in, plotly figures out, no Streamlit. The map is
an SVG geo map (`go.Choropleth`) of our own GeoJSON with no base map, fitted to the units
shown, so no tiles, fonts or topojson are fetched from anywhere. It replaced a MapLibre map
(`go.Choroplethmap`), which headless browsers and machines without a GPU draw in software
WebGL: a slider press on the spread view took 3 × longer (bench/README.md).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import style
from dashboard.charts import layout, title_height
from dashboard.i18n import EN, Translator
from dashboard.regional import NOT_CHOSEN, NOT_NAMED, UNREST

# Units outside the region filter are drawn as outlines only, so that the chosen ones stand out.
NOT_CHOSEN_COLOUR = "#FFFFFF"
BORDER_COLOUR = "#8C8C8C"
TOWN_COLOUR = style.OKABE_ITO[7]

# The map's frame is the country's box (46.5–87.3° E, 40.6–55.4° N), so the whole country
# fills the width given, on a phone as on a wide screen. No base layer is drawn, only our
# GeoJSON (a land, coastline or country layer would fetch a topojson).
MAP_CENTER = {"lat": 48.2, "lon": 67.5}
MAP_HEIGHT = 400
GEO = {
    "visible": False,
    "projection": {"type": "mercator"},
    "lonaxis": {"range": [46.3, 87.5]},
    "lataxis": {"range": [40.4, 55.6]},
}
# A legend under the plot, in the order of severity.
_LEGEND = {"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0, "traceorder": "normal"}


def _subset(geojson: dict, ids: list[str]) -> dict:
    """Only the features a trace draws, so the page does not ship the map once per trace."""
    wanted = set(ids)
    return {
        "type": "FeatureCollection",
        "features": [f for f in geojson["features"] if f["id"] in wanted],
    }


def _fill_trace(
    geojson: dict, rows: pd.DataFrame, *, colour: str, name: str, rank: int, opacity: float = 1.0
) -> go.Choropleth:
    ids = rows["region_id"].tolist()
    return go.Choropleth(
        geojson=_subset(geojson, ids),
        featureidkey="id",
        locations=ids,
        z=[1] * len(ids),
        colorscale=[[0, colour], [1, colour]],
        zmin=0,
        zmax=1,
        showscale=False,
        marker={"line": {"color": BORDER_COLOUR, "width": 0.8}, "opacity": opacity},
        name=name,
        showlegend=True,
        legendrank=rank,
        hovertext=rows["hover"].tolist(),
        hovertemplate="%{hovertext}<extra></extra>",
    )


def _anchor() -> go.Scattergeo:
    """An invisible point, the map's first trace: plotly.js fetches a world topojson from its
    CDN when the first trace of a geo map has a `locationmode` (every choropleth has one)."""
    return go.Scattergeo(
        lat=[MAP_CENTER["lat"]],
        lon=[MAP_CENTER["lon"]],
        mode="markers",
        marker={"opacity": 0},
        hoverinfo="skip",
        showlegend=False,
    )


def spread_map(
    units: pd.DataFrame,
    towns: pd.DataFrame,
    geojson: dict,
    *,
    labels: dict[int, str],
    title: str,
    subtitle: str,
    tr: Translator = EN,
) -> go.Figure:
    """Units filled by their most severe unrest, one trace per severity level present.

    One single-colour trace per level (then "not named", then units outside the region
    filter) gives an ordered, discrete legend instead of a colorbar. Towns are points with
    their names in the hover: map text labels would need font glyphs from the network.
    """
    fig = go.Figure(_anchor())
    unrest = units[units["status"] == UNREST]
    for level in sorted(set(unrest["severity"].astype(int))):
        fig.add_trace(
            _fill_trace(
                geojson,
                unrest[unrest["severity"] == level],
                colour=style.SEVERITY_COLOURS[level],
                name=labels[level],
                rank=level,
            )
        )
    not_named = units[units["status"] == NOT_NAMED]
    if not not_named.empty:
        fig.add_trace(
            _fill_trace(
                geojson,
                not_named,
                colour=style.NOT_NAMED_COLOUR,
                name=tr("spread.not_named"),
                rank=10,
            )
        )
    not_chosen = units[units["status"] == NOT_CHOSEN]
    if not not_chosen.empty:
        fig.add_trace(
            _fill_trace(
                geojson,
                not_chosen,
                colour=NOT_CHOSEN_COLOUR,
                name=tr("spread.not_chosen"),
                rank=11,
                opacity=0.6,
            )
        )
    if not towns.empty:
        fig.add_trace(
            go.Scattergeo(
                lat=towns["lat"].tolist(),
                lon=towns["lon"].tolist(),
                mode="markers",
                marker={"size": 9, "color": TOWN_COLOUR},
                name=tr("spread.towns", towns=", ".join(towns["name"])),
                legendrank=20,
                hovertext=towns["hover"].tolist(),
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    layout(fig, title, subtitle, tr, height=MAP_HEIGHT)
    fig.update_layout(
        geo=GEO,
        margin={"l": 0, "r": 0, "t": title_height(title, subtitle), "b": 0},
        legend=_LEGEND,
    )
    return fig


def region_day_chart(
    cells: pd.DataFrame,
    *,
    labels: dict[int, str],
    title: str,
    subtitle: str,
    tr: Translator = EN,
) -> go.Figure:
    """A dot grid: one square per unit-day with unrest named, none where nothing is reported.

    Rows keep the order of `cells` (first day named first); one trace per severity level
    present, so the legend is ordered and discrete like the map's.
    """
    names = list(dict.fromkeys(cells["name"]))
    day_labels = [tr.day_month(d) for d in dict.fromkeys(cells["day"])]
    x = [tr.day_month(d) for d in cells["day"]]
    # Invisible markers on every cell keep empty rows and days on the axes.
    fig = go.Figure(
        go.Scatter(
            x=x,
            y=cells["name"].tolist(),
            mode="markers",
            marker={"opacity": 0},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    filled = cells[cells["severity"].notna()]
    for level in sorted(set(filled["severity"].astype(int))):
        rows = filled[filled["severity"] == level]
        fig.add_trace(
            go.Scatter(
                x=[tr.day_month(d) for d in rows["day"]],
                y=rows["name"].tolist(),
                mode="markers",
                marker={
                    "symbol": "square",
                    "size": 20,
                    "color": style.SEVERITY_COLOURS[level],
                    "line": {"color": BORDER_COLOUR, "width": 1},
                },
                name=labels[level],
                legendrank=level,
                hovertext=rows["hover"].tolist(),
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_xaxes(
        type="category", categoryorder="array", categoryarray=day_labels, side="top", title=None
    )
    fig.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=names,
        autorange="reversed",
        title=None,
        automargin=True,
    )
    layout(fig, title, subtitle, tr, height=150 + 28 * len(names))
    fig.update_layout(
        margin={"l": 10, "r": 10, "t": title_height(title, subtitle) + 30, "b": 10},
        legend=_LEGEND,
        plot_bgcolor="#FFFFFF",
    )
    fig.update_xaxes(showgrid=True, gridcolor="#EEEEEE")
    fig.update_yaxes(showgrid=True, gridcolor="#EEEEEE")
    return fig
