"""Plotly charts that update in place, for the views whose charts follow the filters.

`st.plotly_chart` (Streamlit 1.67) hashes the figure into the element's id, so a figure that
changes is a new element: the old chart is unmounted and plotly.js draws the new one from
scratch. On a slider press that was most of the time the reader waited (bench/README.md).
This small custom component (`st.components.v2`, no iframe) keeps one element per key and
hands plotly.js each new figure with `Plotly.react`, which redraws only what changed, and
does nothing at all when the figure is the same as the one drawn. A figure that differs
only in its layout shapes is redrawn with `Plotly.relayout` of the shapes (see figure_json).

plotly.js is the copy the plotly Python package ships, served by Streamlit's static file
serving (`server.enableStaticServing`) from `static/` beside `streamlit_app.py`, where
`publish_plotly_js` copies it (plain and gzipped): no CDN, nothing vendored in the repository.
"""

from __future__ import annotations

import gzip
import logging
import threading
import weakref
import zlib
from pathlib import Path

import plotly
import plotly.graph_objects as go
import streamlit as st
from plotly.io.json import to_json_plotly
from plotly.offline import get_plotlyjs_version

# Streamlit serves <folder of the main script>/static/ at app/static/ (enableStaticServing).
STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
PLOTLY_JS_SOURCE = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PLOTLY_JS_NAME = f"plotly-{get_plotlyjs_version()}.min.js"
_LOGGER = logging.getLogger(__name__)

_JS = """
// plotly.js, loaded once per page and shared by every chart element: window.qantarPlotly.
window.qantarPlotly = window.qantarPlotly || (() => {
  let loading = null;
  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => reject(new Error(src + ' did not load'));
      document.head.appendChild(script);
    });
  }
  return (name) => {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      const url = new URL('app/static/' + name, document.baseURI).href;
      // The gzipped copy: served as it is (application/gzip is not compressed again per
      // request) and unpacked here; the plain copy where the browser cannot unpack it.
      const load = typeof DecompressionStream === 'undefined' ? loadScript(url)
        : fetch(url + '.gz').then((response) => {
            if (!response.ok) throw new Error(url + '.gz: HTTP ' + response.status);
            const unpacked = response.body.pipeThrough(new DecompressionStream('gzip'));
            return new Response(unpacked, { headers: { 'Content-Type': 'text/javascript' } }).blob();
          }).then((blob) => {
            const src = URL.createObjectURL(blob);
            return loadScript(src).finally(() => URL.revokeObjectURL(src));
          });
      loading = load.catch((error) => { loading = null; throw error; });
    }
    return loading;
  };
})();

export default function (component) {
  const { data, parentElement } = component;
  let chart = parentElement.querySelector('div.qf-chart');
  if (!chart) {
    chart = document.createElement('div');
    chart.className = 'qf-chart';
    parentElement.appendChild(chart);
  }
  // What is drawn is kept on the element (a property, not an attribute: nothing in the
  // page's DOM changes for it).
  if (chart.qfFigure === data.figure) {
    // The same figure: nothing to do, or only its shapes to move (plotly.js then redraws
    // the shapes alone, not the traces and axes).
    if (chart.qfShapes !== data.shapes) {
      window.qantarPlotly(data.plotly).then((Plotly) => {
        Plotly.relayout(chart, { shapes: JSON.parse(data.shapes) });
        chart.qfShapes = data.shapes;
      }).catch(() => { chart.textContent = data.failed; });
    }
    return;
  }
  const figure = JSON.parse(data.figure);
  figure.layout.shapes = JSON.parse(data.shapes);
  window.qantarPlotly(data.plotly).then((Plotly) => {
    Plotly.react(chart, figure.data, figure.layout, data.config);
    chart.qfFigure = data.figure;
    chart.qfShapes = data.shapes;
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
_figure_json: dict[int, tuple[str, str]] = {}


_published: dict[Path, bool] = {}
_publish_lock = threading.Lock()


def publish_plotly_js(static_dir: Path = STATIC_DIR) -> bool:
    """Whether plotly.js is served from `static_dir`: published by the first run that asks.

    Under a lock: sessions that open at once (a shared link) would otherwise each read and
    unpack plotly.js while the first writes it, some 10 MB each (bench: 20 sessions at once
    peaked 100-200 MB above one).
    """
    with _publish_lock:
        if static_dir not in _published:
            _published[static_dir] = _publish(static_dir)
        return _published[static_dir]


def _publish(static_dir: Path) -> bool:
    """Copy the plotly package's plotly.js where Streamlit serves static files.

    Two copies: plain, and gzipped. Streamlit compresses app static files on every request
    (level 9, about a tenth of a second of server time for plotly.js); a file that is
    already gzip is served as it is, and the browser unpacks it (see _JS).
    False if they cannot be written there (a read-only deployment): the charts are then
    drawn by `st.plotly_chart`, slower to redraw but the same charts.
    """
    plain = static_dir / PLOTLY_JS_NAME
    packed = static_dir / f"{PLOTLY_JS_NAME}.gz"
    try:
        source = PLOTLY_JS_SOURCE.read_bytes()
        static_dir.mkdir(exist_ok=True)
        if not plain.is_file() or plain.stat().st_size != len(source):
            _write_atomically(plain, source)
        if not packed.is_file() or not _unpacks_to(packed, source):
            _write_atomically(packed, gzip.compress(source, compresslevel=9, mtime=0))
    except OSError as error:
        _LOGGER.warning(
            "plotly.js not published in %s (%s): st.plotly_chart draws", static_dir, error
        )
        return False
    return True


def _write_atomically(target: Path, content: bytes) -> None:
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(content)
    partial.replace(target)  # never serve a half-written file


def _unpacks_to(packed: Path, source: bytes) -> bool:
    try:
        return gzip.decompress(packed.read_bytes()) == source
    except (OSError, EOFError, zlib.error):
        return False


def figure_json(fig: go.Figure) -> tuple[str, str]:
    """The figure as plotly.js reads it (what `st.plotly_chart` sends), as two JSON texts:
    the figure without its layout shapes, and the shapes.

    Apart, because a chart whose figure is the same but for its shapes (the days outside the
    filters greyed out) is redrawn in place with `Plotly.relayout` of the shapes alone.
    """
    texts = _figure_json.get(id(fig))
    if texts is None:
        figure = fig.to_plotly_json()
        layout = dict(figure["layout"])
        shapes = layout.pop("shapes", [])
        texts = _figure_json[id(fig)] = (
            to_json_plotly({"data": figure["data"], "layout": layout}),
            to_json_plotly(shapes),
        )
        weakref.finalize(fig, _figure_json.pop, id(fig), None)
    return texts


def plotly_element(fig: go.Figure, *, key: str, config: dict, failed: str) -> None:
    """Draw `fig` under `key`; the next run's figure under the same key updates it in place.

    `failed` is shown instead if plotly.js cannot be loaded.
    """
    if not publish_plotly_js():
        st.plotly_chart(fig, width="stretch", config=config, key=key)
        return
    figure, shapes = figure_json(fig)
    _component(
        key=key,
        data={
            "figure": figure,
            "shapes": shapes,
            "config": config,
            "plotly": PLOTLY_JS_NAME,
            "failed": failed,
        },
        width="stretch",
    )
