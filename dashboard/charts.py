"""Chart builders: a shaped DataFrame in, a plotly Figure out.

No Streamlit here and no arithmetic on the figures beyond placing them: the numbers come
from `dashboard.tables` (and derived ones from `dashboard.derive`, already marked). Every
builder puts the number as stated, its qualifier and the verbatim quote in the hover text,
and says whose figures they are in the title.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard import style
from dashboard.text import format_day, wrap

_HOVER = "%{customdata[0]}<br><br><i>%{customdata[1]}</i><extra></extra>"


def _layout(fig: go.Figure, title: str, subtitle: str, *, height: int = 400) -> go.Figure:
    fig.update_layout(
        title={"text": title, "subtitle": {"text": subtitle}, "x": 0, "xanchor": "left"},
        height=height,
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
        font={"family": style.FONT_FAMILY},
        hoverlabel={"align": "left"},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        colorway=style.OKABE_ITO,
    )
    return fig


def _quote_hover(quote: str, source: str) -> str:
    return wrap(f"“{quote}” — {source}") if quote else "Derived: computed from stated figures"


def participants_chart(
    points: pd.DataFrame,
    gaps: pd.DataFrame,
    *,
    start: dt.date,
    end: dt.date,
    sources: dict[str, str],
    title: str,
    subtitle: str,
) -> go.Figure:
    """Reported participant counts as markers per series; days without a count as notes.

    Markers are not joined by lines: a line would invent the days in between. The marker
    shape shows the qualifier (open = about, triangle up = over).
    """
    fig = go.Figure()
    for series, rows in points.groupby("series", sort=False):
        fig.add_trace(
            go.Scatter(
                x=[pd.Timestamp(d) for d in rows["day"]],
                y=rows["value"].astype(float).tolist(),
                name=series,
                mode="markers+text",
                text=rows["value_label"].tolist(),
                textposition="top center",
                marker={
                    "size": 13,
                    "symbol": [style.QUALIFIER_SYMBOLS[q] for q in rows["qualifier"]],
                    "line": {"width": 2},
                },
                customdata=[
                    [
                        f"<b>{series}</b>, {format_day(r.day)}: {r.value_label}",
                        _quote_hover(r.quote, sources.get(r.source_id, r.source_id)),
                    ]
                    for r in rows.itertuples()
                ],
                hovertemplate=_HOVER,
            )
        )
    for gap in gaps.itertuples():
        fig.add_annotation(
            x=pd.Timestamp(gap.day),
            y=0.02,
            yref="paper",
            text="no count",
            showarrow=False,
            font={"color": style.GAP_COLOUR, "size": 11},
            hovertext=wrap(f"{format_day(gap.day)}: no count reported. {gap.note}"),
            textangle=-90,
            yanchor="bottom",
        )
    fig.update_xaxes(
        range=[
            pd.Timestamp(start) - pd.Timedelta(hours=12),
            pd.Timestamp(end) + pd.Timedelta(hours=12),
        ],
        dtick=86400000,
        tickformat="%-d Jan",
        title=None,
    )
    top = float(points["value"].max()) if not points.empty else 1.0
    fig.update_yaxes(title="People", rangemode="tozero", range=[0, top * 1.25], tickformat=",")
    return _layout(fig, title, subtitle)


def regions_reached_chart(rows: pd.DataFrame, *, title: str, subtitle: str) -> go.Figure:
    """Regions reported per day next to units named in the text; unstated days stay empty."""
    x = [pd.Timestamp(d) for d in rows["day"]]
    reported = [None if pd.isna(v) else float(v) for v in rows["reported"]]
    fig = go.Figure(
        [
            go.Bar(
                x=x,
                y=reported,
                name="Regions, as the statement counts them",
                marker_color=style.REPORTED_COLOUR,
                text=[label or None for label in rows["reported_label"]],
                textposition="outside",
                customdata=[
                    [
                        f"{format_day(r.day)}: {r.reported_label or 'no number stated'}"
                        + (f"<br>{wrap(r.reported_note)}" if r.reported_note else ""),
                        wrap(f"“{r.reported_quote}”") if r.reported_quote else "",
                    ]
                    for r in rows.itertuples()
                ],
                hovertemplate=_HOVER,
            ),
            go.Bar(
                x=x,
                y=rows["named"].astype(float).tolist(),
                name="Units named in the statement's text",
                marker_color=style.NAMED_COLOUR,
                text=rows["named"].tolist(),
                textposition="outside",
                customdata=[
                    [f"{format_day(r.day)}: {r.named} units named", wrap(r.named_units or "none")]
                    for r in rows.itertuples()
                ],
                hovertemplate=_HOVER,
            ),
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_xaxes(dtick=86400000, tickformat="%-d Jan", title=None)
    fig.update_yaxes(title="Regions", rangemode="tozero", range=[0, 18], dtick=2)
    return _layout(fig, title, subtitle)


def breakdown_chart(
    rows: pd.DataFrame,
    *,
    sources: dict[str, str],
    title: str,
    subtitle: str,
    unit_title: str,
) -> go.Figure:
    """A figure and its parts as horizontal bars, parts indented under their whole.

    Derived rests ("not itemised") are hatched and say so; bars keep the statement's
    qualifier in their label ("over 500").
    """
    indent = "\u2003"
    labels = [
        f"{indent * int(d)}{label}" for d, label in zip(rows["depth"], rows["label"], strict=True)
    ]
    derived = rows["derived"].astype(bool).tolist()
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=rows["value"].astype(float).tolist(),
            orientation="h",
            text=[
                f"{v} (derived)" if d else v
                for v, d in zip(rows["value_label"], derived, strict=True)
            ],
            textposition="auto",
            marker={
                "color": [style.DERIVED_COLOUR if d else style.STATED_COLOUR for d in derived],
                "pattern": {"shape": [style.DERIVED_PATTERN if d else "" for d in derived]},
            },
            customdata=[
                [
                    f"<b>{r.label}</b>: {r.value_label}",
                    _quote_hover(r.quote if not r.derived else "", sources.get(r.source_id, "")),
                ]
                for r in rows.itertuples()
            ],
            hovertemplate=_HOVER,
            showlegend=False,
        )
    )
    fig.update_yaxes(autorange="reversed", title=None, automargin=True)
    fig.update_xaxes(title=unit_title, tickformat=",", rangemode="tozero")
    return _layout(fig, title, subtitle, height=max(220, 60 + 38 * len(rows)))


def parts_chart(
    rows: pd.DataFrame,
    *,
    sources: dict[str, str],
    title: str,
    subtitle: str,
    unit_title: str,
) -> go.Figure:
    """Each whole (`group`) as a stacked bar split into its `part`s, one panel per whole.

    Used for "law enforcement vs others" among the wounded and the dead; the "others" are
    derived and drawn hatched. Panels have their own scales: 225 deaths would vanish on
    the scale of 4,353 wounded.
    """
    groups = list(dict.fromkeys(rows["group"]))
    fig = make_subplots(rows=len(groups), cols=1, vertical_spacing=0.25)
    colours = {}
    for row_number, group in enumerate(groups, start=1):
        for r in rows[rows["group"] == group].itertuples():
            colour = colours.setdefault(
                r.part, style.OKABE_ITO[len(colours) % len(style.OKABE_ITO)]
            )
            name = r.part + (" (derived)" if r.derived else "")
            fig.add_trace(
                go.Bar(
                    y=[group],
                    x=[float(r.value)],
                    name=name,
                    legendgroup=name,
                    showlegend=row_number == 1,
                    orientation="h",
                    marker={
                        "color": colour,
                        "pattern": {"shape": style.DERIVED_PATTERN if r.derived else ""},
                    },
                    text=[f"{r.value_label} (derived)" if r.derived else r.value_label],
                    textposition="inside",
                    insidetextanchor="middle",
                    customdata=[
                        [
                            f"<b>{group}: {r.part}</b>: {r.value_label}"
                            + (" (derived)" if r.derived else ""),
                            _quote_hover(
                                "" if r.derived else r.quote, sources.get(r.source_id, "")
                            ),
                        ]
                    ],
                    hovertemplate=_HOVER,
                ),
                row=row_number,
                col=1,
            )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(tickformat=",", rangemode="tozero")
    fig.update_xaxes(title=unit_title, row=len(groups), col=1)
    fig.update_yaxes(title=None, automargin=True)
    return _layout(fig, title, subtitle, height=140 + 110 * len(groups))
