"""Overview: the headline figures, each with its qualifier, date and source."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard.data import Dataset
from dashboard.i18n import Translator
from dashboard.views.common import Card, cards, draw_cards, memo

CARDS = [
    ("deaths", "overview.card.deaths"),
    ("wounded", "overview.card.wounded"),
    ("detained-0115", "overview.card.detained"),
    ("buildings-attacked", "overview.card.buildings"),
    ("businesses-looted", "overview.card.businesses"),
    ("damage-tenge", "overview.card.damage"),
    ("civilian-weapons-stolen", "overview.card.civilian_weapons"),
    ("weapons-recovered", "overview.card.weapons_found"),
]


@dataclass(frozen=True)
class Overview:
    cards: tuple[Card, ...]


def build(ds: Dataset, filters, tr: Translator) -> Overview:
    return Overview(cards=cards(ds, CARDS, tr))


def render(ds: Dataset, filters, tr: Translator) -> None:
    st.title(tr("overview.title"))
    st.markdown(tr("overview.intro"))
    st.warning(tr("app.caveat"), icon=":material/info:")
    view = memo(("overview", tr.lang), lambda: build(ds, filters, tr))
    draw_cards(view.cards, tr, per_row=2, key="overview-cards")
    st.caption(tr("overview.footer"))
