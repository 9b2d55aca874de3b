"""The Streamlit page: the language, the navigation and the sidebar; then one view.

Everything here is wiring. The views live in `dashboard.views` (one module each, listed in
its REGISTRY); what they share with this page (filters, cached data, language) lives in
`dashboard.context`. The date and region filters are drawn by the views that follow them
(`dashboard.filters`).
"""

from __future__ import annotations

import gc
from pathlib import Path

import streamlit as st

from dashboard import context, urlstate, views
from dashboard.data import DataError, Dataset, load_dataset
from dashboard.export import build_datapackage_zip
from dashboard.i18n import DEFAULT, LANGUAGES, Translator, language
from dashboard.tables import FIRST_DAY, LAST_DAY

FAVICON = Path(__file__).parent / "assets" / "favicon.png"


def _show_data_error(error: DataError, tr: Translator) -> None:
    st.error(tr("app.data_error"))
    st.code("\n".join(str(p) for p in error.problems), language=None, wrap_lines=True)


def language_switch() -> Translator:
    """English, Russian or Kazakh; kept in the URL (?lang=ru) so a link opens in it."""
    with st.sidebar:
        lang = st.segmented_control(
            "Language · Язык · Тіл",
            options=list(LANGUAGES),
            default=DEFAULT,
            required=True,
            key=urlstate.LANG,
            bind="query-params",
            help=" · ".join(LANGUAGES.values()),
        )
    return Translator(language(lang))


def link_notices(ds: Dataset, tr: Translator) -> None:
    """Say which parts of the link the page could not use (see dashboard.urlstate)."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    for notice in urlstate.url_notices(
        params, region_labels=ds.regions["name"], first=FIRST_DAY, last=LAST_DAY, tr=tr
    ):
        st.warning(notice, icon=":material/link_off:")


def sidebar_footer(tr: Translator) -> None:
    """The whole data package, and the caveat, under the navigation on every view."""
    st.download_button(
        tr("sidebar.download"),
        data=_datapackage_bytes,
        file_name="qantar-figures-datapackage.zip",
        on_click="ignore",
        mime="application/zip",
        key="download-datapackage",
        icon=":material/download:",
        help=tr("sidebar.download.help"),
    )
    st.caption(tr("app.caveat"))


@st.cache_data(show_spinner=False)
def _datapackage_bytes() -> bytes:
    # The curated tables as validated, not context.dataset(): the export adds derived rows itself.
    return build_datapackage_zip(load_dataset())


def navigation(tr: Translator):
    """st.navigation over the registry's views; the overview is the landing page."""
    pages = [
        st.Page(
            view.page_file,
            title=tr(view.title_key),
            icon=view.icon,
            url_path=view.name,
            default=view.name == views.LANDING,
        )
        for view in views.REGISTRY
    ]
    return st.navigation(pages)


_heap_frozen = False


def freeze_heap_once() -> None:
    """After the first run, move everything alive (modules, the dataset, the first view's
    figures) out of reach of Python's full collections (gc.freeze).

    A full collection walked all of pandas, plotly and the data on the thread that runs the
    script: ~90 ms of a press now and then (gc callbacks on the server). What is frozen is
    never freed, so only once: it is what the process keeps anyway.
    """
    global _heap_frozen
    if not _heap_frozen:
        _heap_frozen = True
        gc.collect()
        gc.freeze()


def main() -> None:
    tr = language_switch()
    st.set_page_config(
        page_title=tr("app.title"),
        # A local file: an emoji or Material icon would make the browser fetch it from a CDN.
        page_icon=str(FAVICON),
        layout="wide",
    )
    try:
        ds = context.localised_dataset(tr.lang)
    except DataError as error:
        _show_data_error(error, tr)
        st.stop()

    link_notices(ds, tr)
    page = navigation(tr)
    with st.sidebar:
        sidebar_footer(tr)
    page.run()
    freeze_heap_once()
