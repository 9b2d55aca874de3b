"""Sources and method: the statements, how the data was curated, licence, citation."""

from __future__ import annotations

import streamlit as st

from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.text import md


def render(ds: Dataset, filters, tr: Translator) -> None:
    st.header(tr("sources.header"))
    for row in ds.sources.itertuples():
        with st.container(border=True):
            st.markdown(
                f"**{md(row.organisation)}** — {md(tr.long_day(row.published))}, {md(row.place)}"
            )
            st.markdown(f"{md(row.speaker)}, {md(row.post)}.")
            st.markdown(f"[{tr('sources.original')}]({row.url})")
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
