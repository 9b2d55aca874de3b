"""The regional spread drawn: the map of the 17 units and the region × day grid.

Pure: the frames of `dashboard.regional` in, plotly figures out, no Streamlit. The map is
drawn from our own GeoJSON as filled outlines on plain axes, in Mercator coordinates
computed here: SVG, nothing fetched from anywhere (no tiles, fonts or topojson). One trace
per unit, always the same outlines in the same order, and only their fill colour, opacity
and hover text vary with the filters: plotly.js restyles them in place
(dashboard.plotly_element) where a geo map was drawn anew on every slider press (~25 ms).
It replaced a MapLibre map before that, which machines without a GPU draw in software
WebGL (bench/README.md).
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard import style
from dashboard.charts import layout, title_height
from dashboard.i18n import EN, Translator
from dashboard.regional import NOT_CHOSEN, NOT_NAMED, UNREST
from dashboard.style import NOT_NAMED_COLOUR

# Units outside the region filter are drawn as outlines only, so that the chosen ones stand out.
NOT_CHOSEN_COLOUR = "#FFFFFF"
NOT_CHOSEN_OPACITY = 0.6
BORDER_COLOUR = "#8C8C8C"
TOWN_COLOUR = style.OKABE_ITO[7]

# The map's frame is the country's box (46.5–87.3° E, 40.6–55.4° N), so the whole country
# fills the width given, on a phone as on a wide screen.
FRAME_LON = (46.3, 87.5)
FRAME_LAT = (40.4, 55.6)
MAP_HEIGHT = 400
# A legend under the plot, in the order of severity.
_LEGEND = {"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0, "traceorder": "normal"}


def mercator(lat: float) -> float:
    """A latitude's Mercator y, in degrees (so that x = longitude at the same scale)."""
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def _outline(feature: dict) -> tuple[list, list]:
    """x, y of a unit's rings, rings apart (None between), for a fill="toself" trace."""
    geometry = feature["geometry"]
    polygons = (
        geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    )
    xs: list = []
    ys: list = []
    for ring in (ring for polygon in polygons for ring in polygon):
        if xs:
            xs.append(None)
            ys.append(None)
        xs.extend(round(lon, 4) for lon, _ in ring)
        ys.extend(round(mercator(lat), 4) for _, lat in ring)
    return xs, ys


def _key(name: str, colour: str, rank: int, symbol: str = "square") -> go.Scatter:
    """A legend entry with nothing drawn."""
    return go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        marker={
            "symbol": symbol,
            "size": 12,
            "color": colour,
            "line": {"color": BORDER_COLOUR, "width": 1},
        },
        name=name,
        legendrank=rank,
        hoverinfo="skip",
    )


def spread_map(
    units: pd.DataFrame,
    towns: pd.DataFrame,
    geojson: dict,
    *,
    labels: dict[int, str],
    title: str,
    subtitle: str,
    every_town: pd.DataFrame | None = None,
    tr: Translator = EN,
) -> go.Figure:
    """Units filled by their most severe unrest; towns named as points.

    One trace per unit of `geojson` (its fill colour, opacity and hover text from `units`),
    then a fixed legend (every severity level, "not named"), then the towns: every town of
    `every_town` (the whole period, all regions) drawn, those not in `towns` invisible and
    hovering as their unit does, and their legend entry. So the figure is the same for any
    filters but for its style (dashboard.plotly_element).
    Towns are points with their names in the hover: map text labels would need font glyphs.
    """
    every_town = towns if every_town is None else every_town
    by_unit = units.set_index("region_id")
    fig = go.Figure()
    for feature in geojson["features"]:
        unit = by_unit.loc[feature["id"]]
        if unit["status"] == UNREST:
            colour = style.SEVERITY_COLOURS[int(unit["severity"])]
        else:
            colour = NOT_NAMED_COLOUR if unit["status"] == NOT_NAMED else NOT_CHOSEN_COLOUR
        xs, ys = _outline(feature)
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                fill="toself",
                fillcolor=colour,
                opacity=NOT_CHOSEN_OPACITY if unit["status"] == NOT_CHOSEN else 1,
                line={"color": BORDER_COLOUR, "width": 0.8},
                hoveron="fills",
                hoverinfo="name",  # a filled outline hovers with its trace's name: the unit's text
                hoverlabel={"namelength": -1},
                name=unit["hover"],
                uid=feature["id"],  # which unit a trace draws (for tests and readers of the JSON)
                showlegend=False,
            )
        )
    # The legend is the same for any filters: all levels, "not named" and the towns. An
    # entry that came and went changed the legend's height, and plotly.js then drew the
    # whole chart again (~30 ms per press, measured). Units outside the region filter are
    # explained in the caption and their hover.
    for level in sorted(labels):
        fig.add_trace(_key(labels[level], style.SEVERITY_COLOURS[level], level))
    fig.add_trace(_key(tr("spread.not_named"), NOT_NAMED_COLOUR, 10))
    # One trace per town, its opacity and hover text plain values: plotly.js restyles arrays
    # of them as slowly as it draws the chart anew (~22 ms, measured).
    shown = set(towns["place_id"])
    unit_hover = by_unit["hover"]
    for town in every_town.itertuples():
        fig.add_trace(
            go.Scatter(
                x=[town.lon],
                y=[mercator(town.lat)],
                mode="markers",
                marker={"size": 9, "color": TOWN_COLOUR},
                opacity=1 if town.place_id in shown else 0,
                hovertext=town.hover
                if town.place_id in shown
                else unit_hover.get(town.region_id, ""),
                hovertemplate="%{hovertext}<extra></extra>",
                uid=town.place_id,
                showlegend=False,
            )
        )
    if not every_town.empty:
        fig.add_trace(_key(tr("spread.towns"), TOWN_COLOUR, 20, symbol="circle"))
    layout(fig, title, subtitle, tr, height=MAP_HEIGHT)
    fig.update_xaxes(visible=False, range=list(FRAME_LON))
    fig.update_yaxes(
        visible=False,
        range=[mercator(FRAME_LAT[0]), mercator(FRAME_LAT[1])],
        scaleanchor="x",
        scaleratio=1,
    )
    fig.update_layout(
        margin={"l": 0, "r": 0, "t": title_height(title, subtitle), "b": 0},
        legend=_LEGEND,
        plot_bgcolor="#FFFFFF",
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
