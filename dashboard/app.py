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


def _show_data_error(error: DataError) -> None:
    st.error(
        "The dashboard's data did not pass validation, so nothing is shown rather than "
        "a partial picture. Problems found:"
    )
    st.code("\n".join(str(p) for p in error.problems), language=None, wrap_lines=True)


def _raw_query_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def sidebar_filters(ds: Dataset) -> Filters:
    """Date range and regions, both kept in the URL so that a link reproduces the view."""
    names = dict(zip(ds.regions["region_id"], ds.regions["name_en"], strict=True))
    for notice in urlstate.url_notices(
        _raw_query_params(), region_labels=names.values(), first=FIRST_DAY, last=LAST_DAY
    ):
        st.warning(notice, icon=":material/link_off:")
    with st.sidebar:
        start, end = st.slider(
            "Dates (January 2022)",
            min_value=FIRST_DAY,
            max_value=LAST_DAY,
            value=(FIRST_DAY, LAST_DAY),
            format="D MMM",
            key=urlstate.DATES,
            bind="query-params",
            help="The chronology covers 1–8 January 2022. Use the arrow keys to move a handle.",
        )
        region_ids = st.multiselect(
            "Regions (as of January 2022)",
            options=sorted(names, key=names.get),
            format_func=names.get,
            key=urlstate.REGIONS,
            bind="query-params",
            placeholder="All 17 regions and cities",
            help="The 14 regions and 3 cities of republican significance of January 2022.",
        )
    # A link may carry its dates in reverse order; the slider keeps them as given.
    start, end = sorted((start, end))
    return Filters(start=start, end=end, region_ids=tuple(region_ids))


def main() -> None:
    st.set_page_config(
        page_title="Qantar Figures: official figures on the January 2022 events in Kazakhstan",
        # A local file: an emoji or Material icon would make the browser fetch it from a CDN.
        page_icon=str(FAVICON),
        layout="wide",
    )
    try:
        ds = dataset()
    except DataError as error:
        _show_data_error(error)
        st.stop()

    from dashboard import views  # imported late: plotly is only needed once data loaded

    filters = sidebar_filters(ds)
    pages = views.pages(filters)
    page = st.navigation(pages)
    with st.sidebar:
        views.sidebar_footer(ds)
    page.run()
