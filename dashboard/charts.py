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
from dashboard.i18n import EN, Translator
from dashboard.text import wrap

_HOVER = "%{customdata[0]}<br><br><i>%{customdata[1]}</i><extra></extra>"


# Plotly's number separators (decimal, thousands) per language, as CLDR writes them.
_SEPARATORS = {"en": ".,", "ru": ",\u00a0", "kk": ",\u00a0"}


# Plotly does not wrap titles, legend entries or annotations, and a chart cannot know the
# width it will be drawn at: lines are broken at widths that fit a 390 px phone (in
# characters of the font size used; Cyrillic included) and stay short on a desktop.
TITLE_WIDTH = 34
SUBTITLE_WIDTH = 50
LEGEND_WIDTH = 44
_TITLE_LINE, _SUBTITLE_LINE = 22, 16  # px per line
_TITLE_PAD = 32  # px above the title: the row of plotly's mode bar, which would cover it


def title_height(title: str, subtitle: str) -> int:
    """The top margin, in px, that the wrapped title and subtitle of `layout` need."""
    lines = wrap(title, TITLE_WIDTH).count("<br>") + 1
    sublines = wrap(subtitle, SUBTITLE_WIDTH).count("<br>") + 1 if subtitle else 0
    return _TITLE_PAD + 12 + _TITLE_LINE * lines + _SUBTITLE_LINE * sublines


def layout(
    fig: go.Figure, title: str, subtitle: str, tr: Translator, *, height: int = 400
) -> go.Figure:
    """The layout every chart shares: title and source line, fonts, legend under the plot.

    Title, subtitle and legend entries are wrapped to fit a phone; `height` is the height of
    a chart whose title and subtitle take one line each, and grows with their extra lines.
    """
    top = title_height(title, subtitle)
    for trace in fig.data:
        if trace.name and len(trace.name) > LEGEND_WIDTH:
            trace.name = wrap(trace.name, LEGEND_WIDTH)
    fig.update_layout(
        separators=_SEPARATORS[tr.lang],
        title={
            "text": wrap(title, TITLE_WIDTH),
            "subtitle": {"text": wrap(subtitle, SUBTITLE_WIDTH)},
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": _TITLE_PAD},
        },
        height=height + max(0, top - title_height("", "") - _SUBTITLE_LINE),
        margin={"l": 10, "r": 10, "t": top, "b": 10},
        font={"family": style.FONT_FAMILY, "color": style.TEXT_COLOUR},
        hoverlabel={"align": "left"},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        colorway=style.OKABE_ITO,
        # White plot area and light grid, as Streamlit's own chart theme drew them.
        template="plotly_white",
    )
    return fig


def _quote_hover(quote: str, source: str, tr: Translator) -> str:
    return wrap(f"“{quote}” — {source}") if quote else tr("derived.hover")


def _day_axis(fig: go.Figure, days: list, tr: Translator) -> None:
    """One tick per day, labelled in the page's language (plotly's own month names are English)."""
    fig.update_xaxes(
        tickvals=[pd.Timestamp(d) for d in days],
        ticktext=[tr.day_month(d) for d in days],
        title=None,
    )


def participants_chart(
    points: pd.DataFrame,
    gaps: pd.DataFrame,
    *,
    start: dt.date,
    end: dt.date,
    sources: dict[str, str],
    title: str,
    subtitle: str,
    chosen_regions: tuple[str, ...] = (),
    tr: Translator = EN,
) -> go.Figure:
    """Reported participant counts as markers per series; days without a count as notes.

    Markers are not joined by lines: a line would invent the days in between. The marker
    shape shows the qualifier (open = about, triangle up = over). With `chosen_regions`,
    the series of a region not chosen is faded (set on every trace, so that a change of
    regions is a restyle: dashboard.plotly_element); nationwide series never are.
    """
    fig = go.Figure()
    for series, rows in points.groupby("series", sort=False):
        outside = (
            bool(chosen_regions)
            and not (rows["region_id"].isna() | rows["region_id"].isin(chosen_regions)).any()
        )
        fig.add_trace(
            go.Scatter(
                x=[pd.Timestamp(d) for d in rows["day"]],
                y=rows["value"].astype(float).tolist(),
                name=series,
                opacity=style.FADED_OPACITY if outside else 1,
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
                        f"<b>{series}</b>, {tr.day(r.day)}: {r.value_label}",
                        _quote_hover(r.quote, sources.get(r.source_id, r.source_id), tr),
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
            text=tr("participants.chart.no_count"),
            showarrow=False,
            font={"color": style.GAP_COLOUR, "size": 11},
            hovertext=wrap(
                tr("participants.chart.no_count_hover", day=tr.day(gap.day), note=gap.note)
            ),
            textangle=-90,
            yanchor="bottom",
        )
    fig.update_xaxes(
        range=[
            pd.Timestamp(start) - pd.Timedelta(hours=12),
            pd.Timestamp(end) + pd.Timedelta(hours=12),
        ]
    )
    _day_axis(fig, [start + dt.timedelta(days=i) for i in range((end - start).days + 1)], tr)
    top = float(points["value"].max()) if not points.empty else 1.0
    fig.update_yaxes(
        title=tr("participants.chart.people"),
        rangemode="tozero",
        range=[0, top * 1.25],
        tickformat=",",
    )
    return layout(fig, title, subtitle, tr)


def regions_reached_chart(
    rows: pd.DataFrame, *, title: str, subtitle: str, tr: Translator = EN
) -> go.Figure:
    """Regions reported per day next to units named in the text; unstated days stay empty."""
    x = [pd.Timestamp(d) for d in rows["day"]]
    reported = [None if pd.isna(v) else float(v) for v in rows["reported"]]
    fig = go.Figure(
        [
            go.Bar(
                x=x,
                y=reported,
                name=tr("participants.regions.reported"),
                marker_color=style.REPORTED_COLOUR,
                text=[label or None for label in rows["reported_label"]],
                textposition="outside",
                customdata=[
                    [
                        f"{tr.day(r.day)}: "
                        + (r.reported_label or tr("participants.regions.not_stated"))
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
                name=tr("participants.regions.named"),
                marker_color=style.NAMED_COLOUR,
                text=rows["named"].tolist(),
                textposition="outside",
                customdata=[
                    [
                        tr("participants.regions.named_hover", day=tr.day(r.day), count=r.named),
                        wrap(r.named_units or tr("participants.regions.none")),
                    ]
                    for r in rows.itertuples()
                ],
                hovertemplate=_HOVER,
            ),
        ]
    )
    fig.update_layout(barmode="group")
    _day_axis(fig, list(rows["day"]), tr)
    fig.update_yaxes(
        title=tr("participants.regions.axis"), rangemode="tozero", range=[0, 18], dtick=2
    )
    return layout(fig, title, subtitle, tr)


# Bar charts write each bar's label on its own line(s) above the bar, across the whole
# width, rather than as axis ticks beside it: long labels ("Criminal cases of illegal
# possession of firearms and ammunition on 25 January") would leave a phone a few pixels
# of bar. The y axis is in pixels of the plot (one unit = 1 px), so a label always fits
# between its bar and the one above.
LABEL_WIDTH = 46  # characters per label line at 12 px
_BAR_PX, _LABEL_LINE_PX, _ROW_GAP_PX, _INDENT_PX = 22, 15, 10, 14
_BAR_BOTTOM_PX = 56  # the value axis, its ticks and its title


def bar_label_rows(labels: list[str], depths: list[int]) -> tuple[list[str], list[float], int]:
    """Each label wrapped to fit above its bar (narrower when indented), each bar's centre
    in px from the top of the plot, and the plot's height in px."""
    wrapped, centres, top = [], [], 0
    for label, depth in zip(labels, depths, strict=True):
        text = wrap(label, LABEL_WIDTH - 2 * depth)
        top += _LABEL_LINE_PX * (text.count("<br>") + 1) + 2
        wrapped.append(text)
        centres.append(top + _BAR_PX / 2)
        top += _BAR_PX + _ROW_GAP_PX
    return wrapped, centres, top


def breakdown_chart(
    rows: pd.DataFrame,
    *,
    sources: dict[str, str],
    title: str,
    subtitle: str,
    unit_title: str,
    tr: Translator = EN,
) -> go.Figure:
    """A figure and its parts as horizontal bars, parts indented under their whole.

    Each bar's label is written above it, wrapped, in full (the hover and the quotes table
    repeat it). Derived rests ("not itemised") are hatched and say so; bars keep the
    statement's qualifier in their value ("over 500"): inside a bar longer than half the
    axis, else just after its end, so it never runs off the chart.
    """
    derived = rows["derived"].astype(bool).tolist()
    depths = [int(d) for d in rows["depth"]]
    # A derived rest sits under its whole, so "Not itemised" says enough there.
    names = [
        str(b)[:1].upper() + str(b)[1:] if d else label
        for d, b, label in zip(derived, rows["breakdown"], rows["label"], strict=True)
    ]
    # Depth is shown by indenting the label and a visible mark, so equal labels never merge.
    marked = [
        name if depth == 0 else "↳ " + name for depth, name in zip(depths, names, strict=True)
    ]
    labels, centres, plot_height = bar_label_rows(marked, depths)
    values = rows["value"].astype(float).tolist()
    peak = max(values, default=0.0) or 1.0
    fig = go.Figure(
        go.Bar(
            y=centres,
            x=values,
            orientation="h",
            width=_BAR_PX,
            text=[
                tr("derived.value", value=v) if d else v
                for v, d in zip(rows["value_label"], derived, strict=True)
            ],
            textposition=["inside" if v >= peak / 2 else "outside" for v in values],
            insidetextanchor="end",
            textfont={"size": 12},
            constraintext="none",  # a value stays 12 px, never shrunk to the bar's thickness
            cliponaxis=False,
            marker={
                "color": [style.DERIVED_COLOUR if d else style.STATED_COLOUR for d in derived],
                "pattern": {"shape": [style.DERIVED_PATTERN if d else "" for d in derived]},
            },
            customdata=[
                [
                    f"<b>{r.label}</b>: {r.value_label}",
                    _quote_hover(
                        r.quote if not r.derived else "", sources.get(r.source_id, ""), tr
                    ),
                ]
                for r in rows.itertuples()
            ],
            hovertemplate=_HOVER,
            showlegend=False,
        )
    )
    for label, centre, depth in zip(labels, centres, depths, strict=True):
        fig.add_annotation(
            text=label,
            x=0,
            xref="paper",
            xanchor="left",
            xshift=_INDENT_PX * depth,
            y=centre - _BAR_PX / 2,
            yref="y",
            yanchor="bottom",
            align="left",
            showarrow=False,
            font={"size": 12},
        )
    fig.update_yaxes(
        range=[plot_height, 0],
        showticklabels=False,
        showgrid=False,
        zeroline=False,
        fixedrange=True,
        title=None,
    )
    fig.update_xaxes(title=unit_title, tickformat=",", range=[0, peak * 1.02])
    height = plot_height + _BAR_BOTTOM_PX + title_height(title, subtitle)
    layout(fig, title, subtitle, tr)
    fig.update_layout(height=height, margin={"b": _BAR_BOTTOM_PX})
    return fig


def parts_chart(
    rows: pd.DataFrame,
    *,
    sources: dict[str, str],
    title: str,
    subtitle: str,
    unit_title: str,
    tr: Translator = EN,
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
            name = tr("derived.value", value=r.part) if r.derived else r.part
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
                    text=[tr("derived.value", value=r.value_label) if r.derived else r.value_label],
                    textposition="inside",
                    insidetextanchor="middle",
                    customdata=[
                        [
                            f"<b>{group}: {name}</b>: {r.value_label}",
                            _quote_hover(
                                "" if r.derived else r.quote, sources.get(r.source_id, ""), tr
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
    fig = layout(fig, title, subtitle, tr, height=140 + 110 * len(groups))
    # Below the bottom panel's axis title, which the shared place (y = -0.15 of the
    # panels' height) overlapped on a phone.
    fig.update_layout(legend={"y": -0.3})
    return fig


def record_chart(
    points: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    unit_title: str,
    tr: Translator = EN,
) -> go.Figure:
    """One series' official figure over the days it was published, as a step line.

    `points` are the releases of ONE series (one count of one scope, from
    `tables.series_points`), so the line never joins figures of different scope. A figure
    holds until the next release replaces it, hence steps. Releases quoted from a held
    statement are filled circles, cited ones open diamonds; the legend says which is which.
    """
    points = points.sort_values(["published", "as_of"], kind="stable")
    days = [pd.Timestamp(d) for d in points["published"]]
    fig = go.Figure(
        go.Scatter(
            x=days,
            y=points["value"].tolist(),
            mode="lines",
            line={"shape": "hv", "color": style.GAP_COLOUR, "width": 1.5},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    looks = {
        "statement": ("changes.held", "circle", style.STATED_COLOUR),
        "cited": ("changes.cited", "diamond-open", style.OKABE_ITO[5]),
    }
    for kind, (key, symbol, colour) in looks.items():
        rows = points[points["kind"] == kind]
        if rows.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=[pd.Timestamp(d) for d in rows["published"]],
                y=rows["value"].tolist(),
                mode="markers+text",
                name=tr(key),
                marker={"symbol": symbol, "size": 12, "color": colour, "line": {"width": 2}},
                text=rows["value_label"].tolist(),
                textposition="top center",
                cliponaxis=False,
                customdata=[
                    [
                        f"<b>{r.value_label}</b> — {tr('changes.as_of', day=tr.day(r.as_of))}",
                        wrap(f"{r.who} · {r.source}")
                        + "<br>"
                        + (_quote_hover(r.quote, "", tr) if r.quote else wrap(r.citation)),
                    ]
                    for r in rows.itertuples()
                ],
                hovertemplate=_HOVER,
            )
        )
    fig.update_xaxes(
        tickvals=days, ticktext=[tr.day(d) for d in days], title=tr("changes.published_axis")
    )
    top = float(points["value"].max()) if len(points) else 1.0
    fig.update_yaxes(title=unit_title, tickformat=",", rangemode="tozero", range=[0, top * 1.2])
    return layout(fig, title, subtitle, tr, height=420)
