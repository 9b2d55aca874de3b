"""What every part of the page shares: the filters, the cached dataset, the page's language.

The views that follow the filters draw their widgets (dashboard.filters); the other views
read their values from here, so nothing is handed from one script to another through
session state except the widgets' own values.
No view imports the app and the app imports no view directly: both import this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import streamlit as st

from dashboard import urlstate
from dashboard.data import Dataset, load_dataset
from dashboard.derive import with_derived
from dashboard.i18n import Translator, language, localise
from dashboard.tables import FIRST_DAY, LAST_DAY


@dataclass(frozen=True)
class Filters:
    """The date range (inclusive) and chosen regions (none chosen = all)."""

    start: dt.date = FIRST_DAY
    end: dt.date = LAST_DAY
    region_ids: tuple[str, ...] = ()

    @property
    def all_days(self) -> bool:
        """Whether the date range is the whole period (nothing to grey out on the charts)."""
        return (self.start, self.end) == (FIRST_DAY, LAST_DAY)

    @classmethod
    def of(cls, dates, region_ids) -> Filters:
        """From the widgets' values; a link may carry its dates in reverse order."""
        start, end = sorted(dates)
        return cls(start=start, end=end, region_ids=tuple(region_ids))


@st.cache_data(show_spinner=False)
def dataset() -> Dataset:
    """The curated data with derived rows added, loaded and validated once per process."""
    ds = load_dataset()
    return replace(ds, figures=with_derived(ds.figures))


@st.cache_resource(show_spinner=False)
def localised_dataset(lang: str) -> Dataset:
    """The dataset with its descriptive texts in `lang` (see dashboard.i18n.localise).

    One object shared by every run and session, not a copy per call as `st.cache_data`
    makes: each run reads it twice, and two unpickled copies were ~11 ms of every slider
    press. Nothing writes to it: builds are pure (tests/views/test_registry.py checks that
    building every view leaves it as loaded) and pandas copies on write.
    """
    return localise(dataset(), lang)


def translator() -> Translator:
    """The page's language, as the sidebar's language switch holds it."""
    return Translator(language(st.session_state.get(urlstate.LANG)))


def filters() -> Filters:
    """The filters as their widgets hold them (the defaults before they are drawn)."""
    dates = st.session_state.get(urlstate.DATES, (FIRST_DAY, LAST_DAY))
    return Filters.of(dates, st.session_state.get(urlstate.REGIONS, ()))


def current() -> tuple[Dataset, Filters, Translator]:
    """(dataset in the page's language, filters, translator) for the view being drawn."""
    tr = translator()
    return localised_dataset(tr.lang), filters(), tr
