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
    follows_filters: bool  # draws the filters and what they change (dashboard.filters)

    @property
    def title_key(self) -> str:
        return f"page.{self.name}"

    @property
    def page_file(self) -> str:
        return f"dashboard/pages/{self.name}.py"


REGISTRY: tuple[View, ...] = (
    View("overview", ":material/dashboard:", overview, False),
    View("participants", ":material/groups:", participants, True),
    View("spread", ":material/map:", spread, True),
    View("casualties", ":material/personal_injury:", casualties, False),
    View("property", ":material/store:", property_looting, True),
    View("weapons", ":material/security:", weapons, False),
    View("cases", ":material/gavel:", cases, False),
    View("chronology", ":material/event_note:", chronology, True),
    View("changes", ":material/timeline:", changes, False),
    View("sources", ":material/menu_book:", sources, False),
)
LANDING = "overview"


def by_name(name: str | None) -> View:
    """The view at a url path; the landing view for '' or an unknown path."""
    return next((v for v in REGISTRY if v.name == name), REGISTRY[0])
