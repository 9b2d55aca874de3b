"""The dashboard's views, one module each, and the registry the page is built from.

Every view module has a pure `build(dataset, filters, translator)` returning a small frozen
dataclass (no Streamlit), and a `render(dataset, filters, translator)` that draws it (the
sources view is text only and has `render` alone). `REGISTRY` is what the navigation, the
tests and the benchmark iterate; each view's page file in dashboard/pages/ runs its render.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from dashboard.views import (
    cases,
    casualties,
    changes,
    chronology,
    overview,
    participants,
    property_looting,
    sources,
    spread,
    weapons,
)


@dataclass(frozen=True)
class View:
    name: str  # url path, page file stem and catalogue key (`page.<name>`)
    icon: str
    module: ModuleType
    follows_filters: bool  # a filter change redraws it
    national_totals: bool  # shows national totals the filters do not change; the sidebar says so

    @property
    def title_key(self) -> str:
        return f"page.{self.name}"

    @property
    def page_file(self) -> str:
        return f"dashboard/pages/{self.name}.py"


REGISTRY: tuple[View, ...] = (
    View("overview", ":material/dashboard:", overview, False, True),
    View("participants", ":material/groups:", participants, True, False),
    View("spread", ":material/map:", spread, True, False),
    View("casualties", ":material/personal_injury:", casualties, False, True),
    View("property", ":material/store:", property_looting, True, False),
    View("weapons", ":material/security:", weapons, False, True),
    View("cases", ":material/gavel:", cases, False, True),
    View("chronology", ":material/event_note:", chronology, True, False),
    View("changes", ":material/timeline:", changes, False, True),
    View("sources", ":material/menu_book:", sources, False, False),
)
LANDING = "overview"


def by_name(name: str | None) -> View:
    """The view at a url path; the landing view for '' or an unknown path."""
    return next((v for v in REGISTRY if v.name == name), REGISTRY[0])
