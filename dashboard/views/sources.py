"""Sources and method: the statements held, the publications cited, curation, licence."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.text import md


@dataclass(frozen=True)
class Statement:
    heading: str  # body — day, place
    speaker: str  # who spoke, and their post
    url: str


@dataclass(frozen=True)
class Sources:
    statements: tuple[Statement, ...]  # held in full and quoted
    cited: tuple[str, ...]  # one Markdown line per cited statement, its publications linked
    qualifiers: str  # the vocabulary of qualifiers, as a Markdown list


def _cited_line(row, tr: Translator) -> str:
    """One cited statement: who, when, and every publication it was read in, linked."""
    who = ", ".join(md(p) for p in (row.speaker, row.post) if isinstance(p, str) and p)
    reports = "; ".join(
        f"[{md(r['publisher'])}]({r['url']})"
        + (f" ({md(tr.day(r['published']))})" if r.get("published") else "")
        for r in row.reports
    )
    said = f"{md(row.organisation_short)}{', ' + who if who else ''}"
    return f"- **{md(tr.day(row.published))}** — {said}: {md(row.title)}. {reports}"


def build(ds: Dataset, filters, tr: Translator) -> Sources:
    held = ds.sources[ds.sources["kind"] == "statement"]
    cited = ds.sources[ds.sources["kind"] == "cited"].sort_values("published")
    return Sources(
        statements=tuple(
            Statement(
                heading=f"**{md(r.organisation)}** — {md(tr.long_day(r.published))}, {md(r.place)}",
                speaker=f"{md(r.speaker)}, {md(r.post)}.",
                url=r.url,
            )
            for r in held.itertuples()
        ),
        cited=tuple(_cited_line(r, tr) for r in cited.itertuples()),
        qualifiers="\n".join(
            f"- *{md(v['label'])}*: {md(v['description'])}"
            for v in ds.vocabularies["qualifiers"].values()
        ),
    )


def render(ds: Dataset, filters, tr: Translator) -> None:
    view = build(ds, filters, tr)
    st.header(tr("sources.header"))
    st.subheader(tr("sources.held.header"))
    st.markdown(tr("sources.held"))
    for statement in view.statements:
        with st.container(border=True):
            st.markdown(statement.heading)
            st.markdown(statement.speaker)
            st.markdown(f"[{tr('sources.original')}]({statement.url})")
    if view.cited:
        st.subheader(tr("sources.cited.header"))
        st.markdown(tr("sources.cited"))
        st.markdown("\n".join(view.cited))
    st.subheader(tr("sources.curation.header"))
    st.markdown(tr("sources.curation"))
    st.markdown(tr("sources.derived"))
    st.markdown(tr("sources.qualifiers"))
    st.markdown(view.qualifiers)
    st.markdown(tr("sources.attribution"))
    st.subheader(tr("sources.regions.header"))
    st.markdown(tr("sources.regions"))
    st.subheader(tr("sources.languages.header"))
    st.markdown(tr("sources.languages"))
    st.subheader(tr("sources.licence.header"))
    st.markdown(tr("sources.licence"))
    # A quote block, not st.code: the code block would load a syntax-highlighting bundle.
    st.markdown("> " + md(tr("sources.citation")))
