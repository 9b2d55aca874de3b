"""Headline cards: a small custom component that writes them as text with DOM calls.

A card is a figure's name, its value as stated ("over 87 billion"), when and whose it is,
the latest official figure of the same count where it changed since, and the statement's
own words under a native disclosure (details/summary: keyboard and screen readers know
it). Every piece of text is set as text (`textContent`), never parsed as HTML.

Why a component: `st.metric` made each view with cards load Streamlit's metric scripts
(and the chart theming they pull in) after the page's own; the chart element's scripts are
loaded on these views already. /property opened ~70 ms sooner with its cards drawn without
st.metric (bench/README.md), and a view of cards is one element where it was five a card.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypedDict

import streamlit as st


class CardText(TypedDict):
    title: str
    value: str
    caption: str
    latest: str  # "" when no later official figure of the same count
    quote: str  # "" for a figure of a cited publication


_JS = """
function text(tag, className, words) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = words;
  return node;
}

function cardNode(card, quoteLabel) {
  const box = document.createElement('div');
  box.className = 'qf-card';
  box.append(
    text('p', 'qf-card-title', card.title),
    text('p', 'qf-card-value', card.value),
    text('p', 'qf-card-caption', card.caption),
  );
  if (card.latest) box.append(text('p', 'qf-card-latest', card.latest));
  if (card.quote) {
    const words = document.createElement('details');
    const quote = document.createElement('blockquote');
    quote.lang = 'en';
    quote.append(text('p', '', card.quote));
    words.append(text('summary', '', quoteLabel), quote);
    box.append(words);
  }
  return box;
}

export default function ({ data, parentElement }) {
  const written = JSON.stringify(data);
  let grid = parentElement.querySelector('div.qf-cards');
  if (grid && grid.qfWritten === written) return;
  if (!grid) {
    grid = document.createElement('div');
    grid.className = 'qf-cards';
    parentElement.append(grid);
  }
  grid.style.setProperty('--qf-per-row', String(data.perRow));
  grid.replaceChildren(...data.cards.map((card) => cardNode(card, data.quoteLabel)));
  grid.qfWritten = written;
}
"""

# As Streamlit draws a bordered container and st.metric: the value at 2.25rem, the caption
# in the text colour at 60 % (5.0:1 on white, WCAG AA). One card a row on a phone.
_CSS = """
.qf-cards { display: grid; gap: 1rem; grid-template-columns: repeat(var(--qf-per-row, 2), minmax(0, 1fr)); }
@media (max-width: 640px) { .qf-cards { grid-template-columns: minmax(0, 1fr); } }
.qf-card { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 1rem; min-width: 0; }
.qf-card p { margin: 0; overflow-wrap: anywhere; }
.qf-card .qf-card-title { font-size: 14px; line-height: 1.6; }
.qf-card .qf-card-value { font-size: 2.25rem; line-height: 1.3; padding-bottom: 0.25rem; }
.qf-card .qf-card-caption, .qf-card summary { font-size: 14px; line-height: 1.6; color: rgba(14, 17, 23, 0.6); }
.qf-card .qf-card-latest { margin-top: 0.5rem; }
.qf-card details { margin-top: 0.5rem; }
.qf-card summary { cursor: pointer; }
.qf-card blockquote { margin: 0.5rem 0 0; padding: 0 0 0 1rem; border-left: 0.25rem solid rgba(49, 51, 63, 0.2); }
"""

COMPONENT = "qantar_cards"
_component = st.components.v2.component(COMPONENT, js=_JS, css=_CSS, isolate_styles=False)


def cards_element(cards: Sequence[CardText], *, per_row: int, quote_label: str, key: str) -> None:
    """Draw `cards`, `per_row` to a row (one on a phone); `quote_label` names the disclosure
    that holds a card's quote."""
    _component(
        key=key,
        data={"cards": list(cards), "perRow": per_row, "quoteLabel": quote_label},
        width="stretch",
    )
