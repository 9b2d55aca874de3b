"""The chronology's days as text: a small custom component that writes them with DOM calls.

Each day is a heading and a list of its happenings, each with the statement's sentence
under it in a block quote marked as English (for screen readers on the ru/kk pages).
Every piece of data text is set as text (`textContent`), never parsed as HTML or Markdown,
so it cannot inject anything. A day is written again only when it changed: a region
change rewrites the days it changes, not the whole chronology.

Why a component: the days were one `st.html` element each (Markdown before that), and
every region change made Streamlit's frontend sanitise each block's HTML again and draw
each element; that was ~8 ms of script and most of the layout of a press (CPU profile),
and eight elements among the fragment's fourteen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypedDict

import streamlit as st


class Happening(TypedDict):
    unit: str  # where, in bold: a unit's name, "Nationwide", ...
    kinds: str  # its category, and its place when the statement names one, as shown
    description: str  # our description
    quote: str  # the statement's sentence


class Day(TypedDict):
    key: str  # ISO date: the day's identity from one run to the next
    heading: str
    happenings: list[Happening]


_JS = """
function text(tag, words) {
  const node = document.createElement(tag);
  node.textContent = words;
  return node;
}

function dayNode(day) {
  const box = document.createElement('div');
  box.className = 'qf-day';
  const list = document.createElement('ul');
  for (const happening of day.happenings) {
    const line = document.createElement('p');
    line.append(text('strong', happening.unit), ` · ${happening.kinds}: ${happening.description}`);
    const quote = document.createElement('blockquote');
    quote.lang = 'en';
    quote.append(text('p', happening.quote));
    const item = document.createElement('li');
    item.append(line, quote);
    list.append(item);
  }
  box.append(text('h3', day.heading), list);
  return box;
}

export default function ({ data, parentElement }) {
  let root = parentElement.querySelector('div.qf-days');
  if (!root) {
    root = document.createElement('div');
    root.className = 'qf-days';
    root.qfDays = new Map();
    parentElement.append(root);
  }
  // Each day's node is kept with the text it was written from, and reused while it holds.
  const kept = new Map();
  const nodes = data.days.map((day) => {
    const written = JSON.stringify(day);
    let entry = root.qfDays.get(day.key);
    if (!entry || entry.written !== written) entry = { written, node: dayNode(day) };
    kept.set(day.key, entry);
    return entry.node;
  });
  const unchanged = nodes.length === root.children.length
    && nodes.every((node, i) => root.children[i] === node);
  if (!unchanged) root.replaceChildren(...nodes);
  root.qfDays = kept;
}
"""

# The statement's words set apart as Streamlit sets a Markdown block quote.
_CSS = """
.qf-day blockquote { margin: 0 0 1rem; padding: 0 0 0 1rem; border-left: 0.25rem solid rgba(49, 51, 63, 0.2); }
.qf-day p { overflow-wrap: anywhere; }
"""

COMPONENT = "qantar_days"
_component = st.components.v2.component(COMPONENT, js=_JS, css=_CSS, isolate_styles=False)


def days_element(days: Sequence[Day], *, key: str) -> None:
    """Draw `days` in order under `key`; the next run's days under it update it in place."""
    _component(key=key, data={"days": list(days)}, width="stretch")
