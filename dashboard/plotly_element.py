"""Plotly charts that update in place, for the views whose charts follow the filters.

`st.plotly_chart` (Streamlit 1.67) hashes the figure into the element's id, so a figure that
changes is a new element: the old chart is unmounted and plotly.js draws the new one from
scratch. On a slider press that was most of the time the reader waited (bench/README.md).
This small custom component (`st.components.v2`, no iframe) keeps one element per key and
hands plotly.js each new figure with `Plotly.react`, which redraws only what changed, and
does nothing at all when the figure is the same as the one drawn.

plotly.js is the copy the plotly Python package ships, served by Streamlit's static file
serving (`server.enableStaticServing`) from `static/` beside `streamlit_app.py`, where
`publish_plotly_js` copies it: no CDN, nothing vendored in the repository.
"""

from __future__ import annotations

import functools
import logging
import shutil
import weakref
from pathlib import Path

import plotly
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st
from plotly.offline import get_plotlyjs_version

# Streamlit serves <folder of the main script>/static/ at app/static/ (enableStaticServing).
STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
PLOTLY_JS_SOURCE = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PLOTLY_JS_NAME = f"plotly-{get_plotlyjs_version()}.min.js"
_LOGGER = logging.getLogger(__name__)

_JS = """
let loading = null;
function plotly(name) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL('app/static/' + name, document.baseURI).href;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { loading = null; reject(new Error(name + ' did not load')); };
      document.head.appendChild(script);
    });
  }
  return loading;
}

export default function (component) {
  const { data, parentElement } = component;
  let chart = parentElement.querySelector('div.qf-chart');
  if (!chart) {
    chart = document.createElement('div');
    chart.className = 'qf-chart';
    parentElement.appendChild(chart);
  }
  // The same figure as the one drawn: nothing to do (a rerun that did not change it).
  if (chart.dataset.drawn === data.figure) return;
  const figure = JSON.parse(data.figure);
  plotly(data.plotly).then((Plotly) => {
    Plotly.react(chart, figure.data, figure.layout, data.config);
    chart.dataset.drawn = data.figure;
  }).catch(() => { chart.textContent = data.failed; });
}
"""

# Layout containment: plotly.js measures text (getBBox) while it draws, and each measure
# lays out what the browser must; contained, that is the chart, not the whole page.
_CSS = ".qf-chart { contain: layout style; }"

COMPONENT = "qantar_plotly"
_component = st.components.v2.component(COMPONENT, js=_JS, css=_CSS, isolate_styles=False)

# Each figure's JSON, made once: the views' figures come from memoised builds and are
# drawn again, unchanged, on every rerun that does not change them. Keyed by id (figures
# are not hashable); an entry goes with its figure.
_figure_json: dict[int, str] = {}


@functools.cache
def publish_plotly_js(static_dir: Path = STATIC_DIR) -> bool:
    """Copy the plotly package's plotly.js where Streamlit serves static files, once.

    False if it cannot be written there (a read-only deployment): the charts are then drawn
    by `st.plotly_chart`, slower to redraw but the same charts.
    """
    target = static_dir / PLOTLY_JS_NAME
    try:
        if not target.is_file() or target.stat().st_size != PLOTLY_JS_SOURCE.stat().st_size:
            static_dir.mkdir(exist_ok=True)
            partial = target.with_suffix(".partial")
            shutil.copyfile(PLOTLY_JS_SOURCE, partial)
            partial.replace(target)  # never serve a half-written file
    except OSError as error:
        _LOGGER.warning(
            "plotly.js not published in %s (%s): st.plotly_chart draws", static_dir, error
        )
        return False
    return True


def figure_json(fig: go.Figure) -> str:
    """The figure as plotly.js reads it (what `st.plotly_chart` sends, too)."""
    text = _figure_json.get(id(fig))
    if text is None:
        text = _figure_json[id(fig)] = pio.to_json(fig, validate=False)
        weakref.finalize(fig, _figure_json.pop, id(fig), None)
    return text


def plotly_element(fig: go.Figure, *, key: str, config: dict, failed: str) -> None:
    """Draw `fig` under `key`; the next run's figure under the same key updates it in place.

    `failed` is shown instead if plotly.js cannot be loaded.
    """
    if not publish_plotly_js():
        st.plotly_chart(fig, width="stretch", config=config, key=key)
        return
    _component(
        key=key,
        data={
            "figure": figure_json(fig),
            "config": config,
            "plotly": PLOTLY_JS_NAME,
            "failed": failed,
        },
        width="stretch",
    )
