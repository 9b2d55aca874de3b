"""Sources and method: the statements, how the data was curated, licence, citation."""

from __future__ import annotations

import streamlit as st

from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.text import md


def render(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("sources.header"))
    held = ds.sources[ds.sources["kind"] == "statement"]
    cited = ds.sources[ds.sources["kind"] == "cited"]
    st.subheader(tr("sources.held.header"))
    st.markdown(tr("sources.held"))
    for row in held.itertuples():
        with st.container(border=True):
            st.markdown(
                f"**{md(row.organisation)}** — {md(tr.long_day(row.published))}, {md(row.place)}"
            )
            st.markdown(f"{md(row.speaker)}, {md(row.post)}.")
            st.markdown(f"[{tr('sources.original')}]({row.url})")
    if not cited.empty:
        st.subheader(tr("sources.cited.header"))
        st.markdown(tr("sources.cited"))
        st.markdown(
            "\n".join(_cited_line(row, tr) for row in cited.sort_values("published").itertuples())
        )
    qualifiers = ds.vocabularies["qualifiers"]
    st.subheader(tr("sources.curation.header"))
    st.markdown(tr("sources.curation"))
    st.markdown(tr("sources.derived"))
    st.markdown(tr("sources.qualifiers"))
    st.markdown(
        "\n".join(f"- *{md(v['label'])}*: {md(v['description'])}" for v in qualifiers.values())
    )
    st.markdown(tr("sources.attribution"))
    st.subheader(tr("sources.regions.header"))
    st.markdown(tr("sources.regions"))
    st.subheader(tr("sources.languages.header"))
    st.markdown(tr("sources.languages"))
    st.subheader(tr("sources.licence.header"))
    st.markdown(tr("sources.licence"))
    # A quote block, not st.code: the code block would load a syntax-highlighting bundle.
    st.markdown("> " + md(tr("sources.citation")))


def _cited_line(row, tr: Translator) -> str:
    """One cited statement: who, when, and every publication it was read in, linked."""
    who = ", ".join(md(p) for p in (row.speaker, row.post) if isinstance(p, str) and p)
    reports = "; ".join(
        f"[{md(r['publisher'])}]({r['url']}) ({md(tr.day(r['published']))})" for r in row.reports
    )
    body = md(row.organisation_short)
    return f"- **{md(tr.day(row.published))}** — {body}{', ' + who if who else ''}: {md(row.title)}. {reports}"
