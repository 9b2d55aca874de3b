"""The curated dataset as the views see it: derived rows added, texts in the page's language."""

from dataclasses import replace

import pytest

from dashboard.data import load_dataset
from dashboard.derive import with_derived
from dashboard.i18n import localise


@pytest.fixture(scope="session")
def curated():
    ds = load_dataset()
    return replace(ds, figures=with_derived(ds.figures))


@pytest.fixture(scope="session")
def dataset(curated):
    return localise(curated, "en")


@pytest.fixture
def bars():
    """The values of a figure's bar traces, in drawing order."""
    return lambda fig: [x for trace in fig.data if trace.type == "bar" for x in trace.x]
