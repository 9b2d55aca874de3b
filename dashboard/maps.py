"""The regional spread drawn: the map of the 17 units and the region × day grid.

Pure: the frames of `dashboard.regional` in, plotly figures out, no Streamlit. The map is
drawn with MapLibre (`go.Choroplethmap`, style "white-bg") from our own GeoJSON, so no
tiles, fonts or topojson are fetched from anywhere.
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

# The whole country (46.5–87.3° E) must show at every width, and a chart's zoom cannot follow
# its width: at zoom 2.5 it is 340 px wide, which fits the 358 px a 390 px phone gives the map.
MAP_CENTER = {"lat": 48.2, "lon": 67.5}
MAP_ZOOM = 2.5
MAP_HEIGHT = 400
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
) -> go.Choroplethmap:
    ids = rows["region_id"].tolist()
    return go.Choroplethmap(
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
    fig = go.Figure()
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
            go.Scattermap(
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
        map={"style": "white-bg", "center": MAP_CENTER, "zoom": MAP_ZOOM},
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
