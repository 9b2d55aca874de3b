"""How the figures changed: each official count over the days it was published.

The two January statements are quoted and checked; later figures come from publications
whose text is not held, so they are cited (publisher, title, date, address). A series is
one count of one scope (data/vocabularies.yaml `series`); a count of another scope is
another series, never a revision, so no line joins figures of different scope.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import charts, describe, tables, urlstate
from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.views.common import Quotes, draw_chart, draw_quotes, draw_table, memo


@dataclass(frozen=True)
class Changes:
    series: dict[str, str]  # series key -> label, for the series with more than one release
    latest: pd.DataFrame  # every series: first and latest official figure
    charts: dict[str, go.Figure]  # series key -> step chart
    descriptions: dict[str, str]  # series key -> what it counts, with its scope
    summaries: dict[str, str]  # series key -> the chart's text alternative (dashboard.describe)
    quotes: dict[str, Quotes]  # series key -> each release with its quote or citation


def bodies_and_days(points: pd.DataFrame, tr: Translator) -> str:
    """ "General Prosecutor's Office (15 Jan 2022; 14 Mar 2022)": whose figures, and when."""
    days: dict[str, list[str]] = {}
    for body, day in zip(points["body"], points["published"], strict=True):
        days.setdefault(body, []).append(tr.day(day))
    return "; ".join(f"{body} ({'; '.join(dict.fromkeys(d))})" for body, d in days.items())


def releases_table(points: pd.DataFrame, tr: Translator) -> pd.DataFrame:
    """Each release of a series, with who said it, when, and its quote or citation."""
    kinds = {"statement": tr("changes.kind.statement"), "cited": tr("changes.kind.cited")}
    return pd.DataFrame(
        {
            tr("column.published"): [tr.day(d) for d in points["published"]],
            tr("column.as_of"): [tr.day(d) for d in points["as_of"]],
            tr("column.as_stated"): points["value_label"].to_numpy(),
            tr("column.who"): points["who"].to_numpy(),
            tr("column.source"): points["source"].to_numpy(),
            tr("column.kind"): points["kind"].map(kinds).to_numpy(),
            tr("column.quote_or_citation"): [
                q if q else c for q, c in zip(points["quote"], points["citation"], strict=True)
            ],
            tr("column.links"): points["urls"].to_numpy(),
            tr("column.note"): points["note"].to_numpy(),
        }
    )


def build(ds: Dataset, filters, tr: Translator) -> Changes:
    vocabulary = ds.vocabularies["series"]
    points = tables.series_points(ds.figures, ds.sources, tr)
    counts = points["series"].value_counts()
    order = [key for key in vocabulary if key in counts.index]
    latest = tables.first_and_latest(points, vocabulary, tr)
    several = [k for k in order if counts[k] > 1]
    charts_by_series, summaries, quotes, descriptions = {}, {}, {}, {}
    for key in several:
        rows = points[points["series"] == key]
        label = vocabulary[key]["label"]
        metric = ds.vocabularies["metrics"][vocabulary[key]["metric"]]
        charts_by_series[key] = charts.record_chart(
            rows,
            title=tr("changes.chart.title", series=label),
            subtitle=tr("source", source=bodies_and_days(rows, tr)),
            unit_title=metric["label"],
            tr=tr,
        )
        summaries[key] = describe.record(rows, tr)
        descriptions[key] = vocabulary[key]["description"]
        table = releases_table(rows, tr)
        quotes[key] = Quotes(table=table, shown=table, key=f"changes-{key}", what=label)
    return Changes(
        series={k: vocabulary[k]["label"] for k in several},
        latest=latest,
        charts=charts_by_series,
        summaries=summaries,
        descriptions=descriptions,
        quotes=quotes,
    )


def render(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("changes.header"))
    st.caption(tr("changes.caption"))
    view = memo(("changes", tr.lang), lambda: build(ds, filters, tr))
    st.subheader(tr("changes.latest.header"))
    draw_table(view.latest)
    st.caption(tr("changes.latest.caption"))
    if not view.series:
        st.info(tr("changes.none"))
        return
    chosen = st.selectbox(
        tr("changes.choose"),
        options=list(view.series),
        format_func=view.series.get,
        key=urlstate.SERIES,
        bind="query-params",
    )
    st.caption(view.descriptions[chosen])
    draw_chart(
        view.charts[chosen], "changes", view.summaries[chosen], tr, notes=[tr("changes.legend")]
    )
    draw_quotes(view.quotes[chosen], tr)
