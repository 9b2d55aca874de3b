"""The date and region filters: drawn beside what they change, kept from view to view.

On a view that follows them (`View.follows_filters`) the two widgets are drawn in the page
body, at the top of one `st.fragment` that also holds everything they change: a slider press
or a region change reruns that fragment alone, not the page around it (sidebar, navigation,
the view's heading and the figures the filters do not change). A fragment cannot draw into
the sidebar, hence the body; on a phone, where the sidebar is folded away, the filters are
then in sight above the chart they drive.

Views of national totals do not draw them; Streamlit keeps the values of these keyed,
URL-bound widgets meanwhile, so the next view that follows them opens as the reader left
them (tests/browser/test_filters.py goes through two views of totals).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from dashboard import context, urlstate
from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.tables import FIRST_DAY, LAST_DAY


def widgets(ds: Dataset, tr: Translator) -> context.Filters:
    """Date range and regions, both kept in the URL so that a link reproduces the view."""
    names = dict(zip(ds.regions["region_id"], ds.regions["name"], strict=True))
    dates = st.slider(
        tr("filters.dates"),
        min_value=FIRST_DAY,
        max_value=LAST_DAY,
        value=(FIRST_DAY, LAST_DAY),
        format=tr("format.slider"),
        key=urlstate.DATES,
        bind="query-params",
        help=tr("filters.dates.help"),
    )
    # Pills, not a multiselect: a region is one press away, and the page needs no more of
    # Streamlit's frontend than the language switch already loaded (the multiselect brought
    # 14 more scripts to every view that follows the filters, and ~15 ms to each choice).
    region_ids = st.pills(
        tr("filters.regions"),
        options=sorted(names, key=names.get),
        selection_mode="multi",
        format_func=names.get,
        key=urlstate.REGIONS,
        bind="query-params",
        help=tr("filters.regions.help"),
    )
    return context.Filters.of(dates, region_ids)


@st.fragment
def following(
    draw: Callable[[Dataset, context.Filters, Translator], None], ds: Dataset, tr: Translator
) -> None:
    """The filters, then `draw(ds, filters, tr)`: one fragment, rerun alone when they move."""
    draw(ds, widgets(ds, tr), tr)
