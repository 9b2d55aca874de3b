"""What the views share: built pieces (cards, quote tables) and how they are drawn.

A view's `build()` is pure and returns a small frozen dataclass made of these pieces and
plotly figures; its `render()` draws them with the `draw_*` functions here. Builds are
memoised per view, language and filters (`memo`), so a rerun that changes none of them
rebuilds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import tables
from dashboard.cards_element import CardText, cards_element
from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.plotly_element import CaptionItem, plotly_element
from dashboard.text import markdown_records, markdown_table, md

GPO = "gpo-2022-01-15"
MIA = "mia-2022-01-25"

PLOTLY_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}

T = TypeVar("T")


# --- built pieces (pure) -------------------------------------------------------------------


@dataclass(frozen=True)
class Quotes:
    """The verbatim quote and source of everything on a chart: shown, and as a CSV."""

    table: pd.DataFrame  # as downloaded
    shown: pd.DataFrame  # as displayed (numbers written for the page's language)
    key: str
    what: str


@dataclass(frozen=True)
class Card:
    """A headline figure: its wording, the quote behind it and when and whose it is."""

    title: str
    value: str
    quote: str  # empty for a figure of a cited publication
    caption: str
    latest: str = ""  # the latest official figure of the same count, where it changed since


def according_to(ds: Dataset, source_id: str, tr: Translator) -> str:
    row = ds.sources.set_index("source_id").loc[source_id]
    return tr.attribution(row["genitive"], row["published"])


def source_labels(ds: Dataset, tr: Translator) -> dict[str, str]:
    return tables.source_labels(ds.sources, tr)


def provenance(ds: Dataset, rows: pd.DataFrame, tr: Translator, *, key: str, what: str) -> Quotes:
    """Quotes of figures: each number, as stated, with its verbatim quote and source."""
    table = tables.provenance(rows, ds.sources, tr)
    value = tr("column.value")
    shown = table.assign(**{value: table[value].map(tr.number)})
    return Quotes(table=table, shown=shown, key=key, what=what)


def event_quotes(ds: Dataset, rows: pd.DataFrame, tr: Translator, *, key: str, what: str):
    """Quotes of happenings of the chronology."""
    table = tables.event_table(rows, source_labels(ds, tr), tr)
    return Quotes(table=table, shown=table, key=key, what=what)


def card(ds: Dataset, figure_id: str, title: str, tr: Translator, latest: pd.DataFrame) -> Card:
    """A headline card; `latest` is `tables.latest_releases` of the dataset's series."""
    row = tables.figures_by_id(ds.figures, [figure_id], tr).iloc[0]
    source = source_labels(ds, tr)[row["source_id"]]
    if pd.notna(row["period_end"]):
        period = tr.period(row["period_start"], row["period_end"])
        caption = tr("period_source", period=period, source=source)
    else:
        caption = tr("as_of", source=source)
    quote = row["quote"] if isinstance(row["quote"], str) else ""
    return Card(
        title=title,
        value=row["value_label"],
        quote=quote,
        caption=caption,
        latest=latest_official(row, latest, tr),
    )


def latest_official(figure: pd.Series, latest: pd.DataFrame, tr: Translator) -> str:
    """'Latest official figure: 238 (General Prosecutor's Office, …)', or '' if none later.

    Only a release of the same series counts: a later figure of another scope never
    stands in for this one.
    """
    if not isinstance(figure.get("series"), str):
        return ""
    last = latest.loc[figure["series"]]
    if last["figure_id"] == figure["figure_id"]:
        return ""
    return tr("overview.latest", value=last["value_label"], source=last["source"])


def later_totals(ds: Dataset, metrics: set[str], tr: Translator) -> pd.DataFrame:
    """Counts of these metrics that were published again after January: first and latest.

    Each row is one series, so a later figure is only ever set beside the January figure
    of the same scope.
    """
    points = tables.series_points(ds.figures, ds.sources, tr)
    table = tables.first_and_latest(points, ds.vocabularies["series"], tr, metrics=metrics)
    return table[table[tr("column.releases")] > 1].reset_index(drop=True)


def cards(ds: Dataset, wanted: list[tuple[str, str]], tr: Translator) -> tuple[Card, ...]:
    """Cards for (figure_id, title key) pairs."""
    # The series' releases are shaped once for all the cards.
    latest = tables.latest_releases(tables.series_points(ds.figures, ds.sources, tr))
    return tuple(card(ds, figure_id, tr(title), tr, latest) for figure_id, title in wanted)


# --- drawing ---------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False, max_entries=2048)
def _memo(key: tuple, _build: Callable[[], T]) -> T:
    return _build()


def memo(key: tuple, build: Callable[[], T]) -> T:
    """What `build` returns, built once per process for `key` and shared by all sessions.

    The key must name every input that varies (view, language, filters); callers must not
    mutate what they get.
    """
    return _memo(key, build)


def draw_chart(
    fig: go.Figure,
    key: str,
    summary: str,
    tr: Translator,
    *,
    notes: Sequence[CaptionItem] = (),
    heading: str = "",
) -> None:
    """The chart, and right under it its text alternative (`dashboard.describe`), then its
    `notes` (plain text: a paragraph each, a bulleted list for a sequence of texts, a
    disclosure for a `Folded`; empty ones left out) in the same caption; above it, a
    section `heading` if given (in the element too: one element fewer on every press).

    The summary is visible text, so a screen reader reads it in order after the chart and
    every reader can check the chart against it; the data itself is in the quotes table.
    The chart element draws both, and updates them in place when the filters change them
    (dashboard.plotly_element): one element, where a chart, an st.caption and the notes
    around them were several, each work on every press, and Markdown parsed each time.
    """
    caption = [summary, *(note for note in notes if note)]
    plotly_element(
        fig,
        key=key,
        config=PLOTLY_CONFIG,
        failed=tr("common.chart_failed"),
        caption=caption,
        heading=heading,
    )


# A Markdown table of more columns than this is wider than a 390 px phone screen in some
# language, and would make the page scroll sideways; it is drawn as one block per row.
MAX_GRID_COLUMNS = 2


def draw_table(table: pd.DataFrame, *, quoted: tuple[str, ...] = ()) -> None:
    """A small table as Markdown: a grid up to MAX_GRID_COLUMNS columns, else row blocks.

    st.dataframe and st.table would each load the Arrow and data-grid bundles (over a
    megabyte) on pages that otherwise need only the chart's, and st.table scrolls inside a
    box the keyboard cannot reach; the Markdown renderer is already loaded. Every cell is
    escaped, so data text cannot inject Markdown or HTML.
    """
    st.markdown(table_markdown(table, quoted=quoted))


def table_markdown(table: pd.DataFrame, *, quoted: tuple[str, ...] = ()) -> str:
    """The Markdown `draw_table` draws, for a caller that puts more in the same element."""
    if len(table.columns) <= MAX_GRID_COLUMNS:
        return markdown_table(table)
    return markdown_records(table, quoted=quoted)


def QUOTE_COLUMNS(tr: Translator) -> tuple[str, ...]:
    """The columns of quotes tables that hold an official's words, set as block quotes."""
    return (tr("column.quote"), tr("column.quote_or_citation"))


def open_expander(label: str, *, key: str):
    """An expander whose content is drawn only while it is open: the expander, or None.

    Opening or closing it reruns the page, or the fragment it is in (`on_change="rerun"`).
    """
    expander = st.expander(label, key=key, on_change="rerun")
    return expander if expander.open else None


def draw_quotes(
    quotes: Quotes, tr: Translator, *, more: tuple[Quotes, ...] = (), what: str = ""
) -> None:
    """An expander with the quotes table and its CSV download, drawn only while it is open;
    with `more`, their tables follow in the same expander, each under its name, and `what`
    names them all in its label.

    Opening it reruns the page (`on_change="rerun"`) to draw the table. A closed expander
    draws nothing, so a filter change does not rewrite tables nobody is reading: on the
    views that follow the filters they were a fifth of each press's time (bench/README.md).
    One expander for the charts of a view, where one each was an element more to draw on
    every press.
    """
    label = tr("common.quotes", what=what or quotes.what)
    expander = open_expander(label, key=f"quotes-{quotes.key}")
    if expander is None:
        return
    with expander:
        for part in (quotes, *more):
            if more:
                st.markdown(f"**{md(part.what[:1].upper() + part.what[1:])}**")
            _draw_quotes_table(part, tr)


def _draw_quotes_table(quotes: Quotes, tr: Translator) -> None:
    # The statement's own words are set apart as a block quote.
    draw_table(quotes.shown, quoted=(tr("column.quote"),))
    table = quotes.table
    st.download_button(
        tr("common.download_table"),
        data=lambda: table.to_csv(index=False).encode("utf-8"),
        file_name=f"qantar-{quotes.key}.csv",
        on_click="ignore",
        mime="text/csv",
        key=f"download-{quotes.key}",
        icon=":material/download:",
    )


def draw_cards(built: tuple[Card, ...], tr: Translator, *, per_row: int, key: str) -> None:
    """Headline cards, `per_row` to a row: two where a value is long ("более 87 миллиардов").

    Drawn by dashboard.cards_element: text only, each quote under a disclosure.
    """
    cards_element(
        [CardText(**asdict(item)) for item in built],
        per_row=per_row,
        quote_label=tr("common.card_quote"),
        key=key,
    )


def draw_later_totals(table: pd.DataFrame, tr: Translator) -> None:
    """The later official totals beside a view's January figures, with where to see them all."""
    if table.empty:
        return
    st.subheader(tr("common.later.header"))
    draw_table(table)
    st.caption(tr("common.later.caption"))
