"""The Streamlit page: load once, read the filters, run the chosen view.

Everything here is wiring. Numbers come from `dashboard.data` (curated) and
`dashboard.derive` (computed, marked derived); shaping from `dashboard.tables`; charts
from `dashboard.charts`; the views themselves live in `dashboard.views`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st

from dashboard import urlstate
from dashboard.data import DataError, Dataset, load_dataset
from dashboard.derive import with_derived
from dashboard.i18n import DEFAULT, LANGUAGES, Translator, language, localise
from dashboard.tables import FIRST_DAY, LAST_DAY

FAVICON = Path(__file__).parent / "assets" / "favicon.png"


@dataclass(frozen=True)
class Filters:
    start: object
    end: object
    region_ids: tuple[str, ...]

    @property
    def is_default(self) -> bool:
        return (self.start, self.end) == (FIRST_DAY, LAST_DAY) and not self.region_ids


@st.cache_data(show_spinner=False)
def dataset() -> Dataset:
    """The curated data with derived rows added, loaded and validated once per process."""
    ds = load_dataset()
    return replace(ds, figures=with_derived(ds.figures))


@st.cache_data(show_spinner=False)
def localised_dataset(lang: str) -> Dataset:
    """The dataset with its descriptive texts in `lang` (see dashboard.i18n.localise)."""
    return localise(dataset(), lang)


def _show_data_error(error: DataError, tr: Translator) -> None:
    st.error(tr("app.data_error"))
    st.code("\n".join(str(p) for p in error.problems), language=None, wrap_lines=True)


def _raw_query_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


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
    names = ds.regions["name"]
    params = _raw_query_params()
    for notice in urlstate.url_notices(
        params, region_labels=names, first=FIRST_DAY, last=LAST_DAY, tr=tr
    ):
        st.warning(notice, icon=":material/link_off:")


@st.fragment
def sidebar_filters(ds: Dataset, tr: Translator) -> Filters:
    """Date range and regions, both kept in the URL so that a link reproduces the view.

    A fragment: moving the slider or changing the regions reruns only this, and the whole
    page reruns only when the view on screen uses the filters. Views of national totals
    say so here instead of rebuilding their charts for nothing.
    """
    from dashboard import views

    names = dict(zip(ds.regions["region_id"], ds.regions["name"], strict=True))
    start, end = st.slider(
        tr("sidebar.dates"),
        min_value=FIRST_DAY,
        max_value=LAST_DAY,
        value=(FIRST_DAY, LAST_DAY),
        format=tr("format.slider"),
        key=urlstate.DATES,
        bind="query-params",
        help=tr("sidebar.dates.help"),
    )
    region_ids = st.multiselect(
        tr("sidebar.regions"),
        options=sorted(names, key=names.get),
        format_func=names.get,
        key=urlstate.REGIONS,
        bind="query-params",
        placeholder=tr("sidebar.regions.placeholder"),
        help=tr("sidebar.regions.help"),
    )
    # A link may carry its dates in reverse order; the slider keeps them as given.
    start, end = sorted((start, end))
    filters = Filters(start=start, end=end, region_ids=tuple(region_ids))
    views.set_filters(filters)
    if views.shows_totals():
        st.caption(tr("sidebar.not_filtered"))
    elif views.uses_filters() and not st.session_state.get(_FULL_RUN):
        st.rerun(scope="app")
    return filters


# Set while the whole page runs, so that the filters fragment can tell its own reruns apart.
_FULL_RUN = "_qantar_full_run"


def main() -> None:
    tr = language_switch()
    st.set_page_config(
        page_title=tr("app.title"),
        # A local file: an emoji or Material icon would make the browser fetch it from a CDN.
        page_icon=str(FAVICON),
        layout="wide",
    )
    try:
        ds = localised_dataset(tr.lang)
    except DataError as error:
        _show_data_error(error, tr)
        st.stop()

    from dashboard import views  # imported late: plotly is only needed once data loaded

    link_notices(ds, tr)
    page = views.navigation(tr)
    st.session_state[_FULL_RUN] = True
    try:
        with st.sidebar:
            sidebar_filters(ds, tr)
            views.sidebar_footer(tr)
        page.run()
    finally:
        st.session_state[_FULL_RUN] = False
