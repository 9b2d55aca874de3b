"""Plotly charts that update in place, for the views whose charts follow the filters.

`st.plotly_chart` (Streamlit 1.67) hashes the figure into the element's id, so a figure that
changes is a new element: the old chart is unmounted and plotly.js draws the new one from
scratch. On a slider press that was most of the time the reader waited (bench/README.md).
This small custom component (`st.components.v2`, no iframe) keeps one element per key and
hands plotly.js each new figure with `Plotly.react`, which redraws only what changed, and
does nothing at all when the figure is the same as the one drawn. A figure that differs
only in its traces' style or its layout's shapes and annotations is changed with
`Plotly.update` of those alone (see figure_json), and the commonest of those changes (a
region faded, a unit recoloured, the days in a title) are set on the drawn chart in place,
as plotly.js would draw them (a browser test draws the chart anew and compares).

plotly.js is its basic bundle (dashboard/assets/plotly: scatter and bar, of the version the
plotly Python package bundles whole), served by Streamlit's static file serving
(`server.enableStaticServing`) from `static/` beside `streamlit_app.py`, where
`publish_plotly_js` copies it (plain and gzipped): no CDN.
"""

from __future__ import annotations

import copy
import gzip
import json
import logging
import threading
import weakref
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import plotly
import plotly.graph_objects as go
import streamlit as st
from plotly.io.json import to_json_plotly
from plotly.offline import get_plotlyjs_version

from dashboard.text import md, md_line

# Streamlit serves <folder of the main script>/static/ at app/static/ (enableStaticServing).
STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
# plotly.js's basic bundle (scatter and bar, all the charts draw) of the version the plotly
# package bundles whole: a quarter of the script to parse and run on each view with a chart
# (dashboard/assets/plotly/README.md). The whole bundle if the two versions ever differ.
PLOTLY_JS_VERSION = get_plotlyjs_version()
BASIC_PLOTLY_JS = (
    Path(__file__).parent / "assets" / "plotly" / f"plotly-basic-{PLOTLY_JS_VERSION}.min.js"
)
WHOLE_PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PLOTLY_JS_SOURCE = BASIC_PLOTLY_JS if BASIC_PLOTLY_JS.is_file() else WHOLE_PLOTLY_JS
PLOTLY_JS_NAME = PLOTLY_JS_SOURCE.name
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

// Restyled values come as {path: [value per trace]}, null where a trace has none: that
// trace then keeps none (`undefined` leaves a trace as it is; null would reset it).
function present(style) {
  for (const path of Object.keys(style)) style[path] = style[path].map((v) => (v === null ? undefined : v));
  return style;
}

// The style changes plotly.js would make for these attributes, made in place: a trace's
// name (the hover of a filled outline; not one shown in the legend), its scalar hover text,
// the opacity of its drawn group and of its legend symbols, the fill colour of its drawn
// outline. Plotly.restyle of any of them runs plotly.js's whole defaults step and styles
// every trace again, 7-17 ms a press on these charts whatever changed; this is well under
// one. The figure's data and plotly.js's own full copy of it take the values too, so what
// plotly.js draws or hovers later is the same. False, and nothing changed, for anything
// else (the caller then calls Plotly.restyle).
const IN_PLACE = new Set(['name', 'hovertext', 'opacity', 'fillcolor']);
function restyleInPlace(chart, style) {
  const full = chart._fullData;
  if (!full || !chart.data || full.length !== chart.data.length) return false;
  const drawn = new Map();
  for (const group of chart.querySelectorAll('g.trace.scatter')) {
    const trace = group.__data__ && group.__data__[0] && group.__data__[0].trace;
    if (trace) drawn.set(trace.index, { group, legend: null });
  }
  for (const item of chart.querySelectorAll('g.legend g.traces')) {
    const trace = item.__data__ && item.__data__[0] && item.__data__[0].trace;
    if (trace && drawn.has(trace.index)) drawn.get(trace.index).legend = item.querySelector('g.layers');
  }
  const legendShown = chart._fullLayout && chart._fullLayout.showlegend;
  const edits = [];
  for (const [path, values] of Object.entries(style)) {
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      const trace = full[i];
      if (value === undefined || trace[path] === value) continue;
      if (!IN_PLACE.has(path) || trace.index !== i) return false;
      const inLegend = legendShown && trace.showlegend !== false;
      const at = drawn.get(i);
      if (path === 'name' && (inLegend || typeof value !== 'string')) return false;
      if (path === 'hovertext' && typeof value !== 'string') return false;
      if (path === 'opacity' && (!at || typeof value !== 'number' || (inLegend && !at.legend))) return false;
      let fills = null;
      if (path === 'fillcolor') {
        fills = at ? at.group.querySelectorAll('path.js-fill') : [];
        if (fills.length !== 1 || !/^#[0-9a-fA-F]{6}$/.test(value)) return false;
      }
      edits.push({ i, path, value, at, fills, inLegend });
    }
  }
  for (const { i, path, value, at, fills, inLegend } of edits) {
    chart.data[i][path] = value;
    full[i][path] = value;
    if (path === 'opacity') {
      at.group.style.opacity = value;
      if (inLegend) at.legend.style.opacity = value;
    } else if (path === 'fillcolor') {
      fills[0].style.fill = value;
      fills[0].style.fillOpacity = 1;
    }
  }
  return true;
}

// A new title text of as many lines as the drawn one, in plain words and nothing else of
// the title changed (the chosen days in a map's title): its lines' words set in place, where
// Plotly.relayout would run the whole defaults step again for it (~9 ms on the map). The
// layout and plotly.js's full copy of it take the text too. False, and nothing changed,
// otherwise.
function retitleInPlace(chart, title) {
  const old = chart.layout && chart.layout.title;
  const full = chart._fullLayout && chart._fullLayout.title;
  if (!old || !full || typeof title.text !== 'string' || typeof old.text !== 'string') return false;
  if (JSON.stringify({ ...old, text: '' }) !== JSON.stringify({ ...title, text: '' })) return false;
  const plain = (text) => text.split('<br>').every((line) => !/[<>&]/.test(line));
  const lines = title.text.split('<br>');
  const drawn = chart.querySelectorAll('.g-gtitle text.gtitle > tspan.line');
  if (!plain(title.text) || !plain(old.text) || lines.length < 2 || full.text !== old.text
      || old.text.split('<br>').length !== lines.length || drawn.length !== lines.length) return false;
  drawn.forEach((tspan, i) => { tspan.textContent = lines[i]; });
  drawn[0].parentNode.setAttribute('data-unformatted', title.text);
  chart.layout.title = title;
  full.text = title.text;
  return true;
}

function merge(figure, style, parts) {
  for (const [path, values] of Object.entries(style)) {
    const keys = path.split('.');
    values.forEach((value, i) => {
      if (value === null) return;
      let node = figure.data[i];
      for (const key of keys.slice(0, -1)) node = node[key] = node[key] || {};
      node[keys[keys.length - 1]] = value;
    });
  }
  Object.assign(figure.layout, parts);
  return figure;
}

// The chart's text alternative and notes, under it: plain text, a paragraph each (a list of
// texts is a bulleted list), changed only when they change (st.caption parsed them as
// Markdown on every press).
function writeCaption(box, items) {
  const text = JSON.stringify(items);
  if (box.qfText === text) return;
  const element = (tag, words) => {
    const node = document.createElement(tag);
    node.textContent = words;
    return node;
  };
  const bullets = (texts) => {
    const list = document.createElement('ul');
    list.append(...texts.map((words) => element('li', words)));
    return list;
  };
  box.replaceChildren(...items.map((item) => {
    if (typeof item === 'string') return element('p', item);
    if (Array.isArray(item)) return bullets(item);
    // Folded: a native disclosure (keyboard and screen readers know it), kept open or
    // closed as the reader left it when its text changes.
    const folded = document.createElement('details');
    const was = box.querySelector(`details[data-fold="${CSS.escape(item.fold)}"]`);
    folded.dataset.fold = item.fold;
    folded.open = Boolean(was && was.open);
    folded.append(element('summary', item.summary), element('p', item.intro), bullets(item.items));
    return folded;
  }));
  box.qfText = text;
}

// The element's data comes as bytes: a line of JSON (style, layout parts, config, caption),
// then the figure's own JSON text, left unparsed unless it is not the one drawn.
const utf8 = new TextDecoder();
function unpack(bytes) {
  const text = utf8.decode(bytes);
  const cut = text.indexOf('\\n');
  return { ...JSON.parse(text.slice(0, cut)), figure: text.slice(cut + 1) };
}

export default function (component) {
  const { parentElement } = component;
  const data = unpack(component.data);
  let chart = parentElement.querySelector('div.qf-chart');
  if (!chart) {
    chart = document.createElement('div');
    chart.className = 'qf-chart';
    const caption = document.createElement('div');
    caption.className = 'qf-caption';
    parentElement.append(chart, caption);
  }
  writeCaption(parentElement.querySelector('div.qf-caption'), data.caption);
  // What is drawn is kept on the element (a property, not an attribute: nothing in the
  // page's DOM changes for it).
  if (chart.qfFigure === data.figure) {
    // The same traces and axes: nothing to do, or only their style and the layout's shapes,
    // annotations or title to change. Set in place where that is what plotly.js would draw
    // (restyleInPlace, retitleInPlace); else plotly.js restyles the traces it has drawn, and
    // draws the shapes or title again (~1 ms), not the traces and axes. (Annotations are
    // drawn again with the whole chart, ~20 ms: the figures that follow the filters keep
    // theirs fixed.)
    const style = chart.qfStyle !== data.style ? present(JSON.parse(data.style)) : null;
    const parts = {};
    for (const [name, text] of Object.entries(data.parts)) {
      if (chart.qfParts[name] !== text) parts[name] = JSON.parse(text);
    }
    if (style || Object.keys(parts).length > 0) {
      window.qantarPlotly(data.plotly).then((Plotly) => {
        const restyle = style && !restyleInPlace(chart, style);
        if (parts.title && retitleInPlace(chart, parts.title)) delete parts.title;
        const relayout = Object.keys(parts).length > 0;
        // The narrowest call: Plotly.update costs a few ms more than either alone.
        if (restyle && relayout) Plotly.update(chart, style, parts);
        else if (restyle) Plotly.restyle(chart, style);
        else if (relayout) Plotly.relayout(chart, parts);
        chart.qfStyle = data.style;
        chart.qfParts = data.parts;
      }).catch(() => { chart.textContent = data.failed; });
    }
    return;
  }
  const parts = Object.fromEntries(Object.entries(data.parts).map(([k, t]) => [k, JSON.parse(t)]));
  const figure = merge(JSON.parse(data.figure), JSON.parse(data.style), parts);
  window.qantarPlotly(data.plotly).then((Plotly) => {
    Plotly.react(chart, figure.data, figure.layout, data.config);
    chart.qfFigure = data.figure;
    chart.qfStyle = data.style;
    chart.qfParts = data.parts;
  }).catch(() => { chart.textContent = data.failed; });
}
"""

# Layout containment: plotly.js measures text (getBBox) while it draws, and each measure
# lays out what the browser must; contained, that is the chart, not the whole page.
# The caption as st.caption draws it: 14 px, the text colour at 60 % (5.0:1 on white, WCAG AA).
_CSS = """
.qf-chart { contain: layout style; }
.qf-caption { margin-top: 1rem; color: rgba(14, 17, 23, 0.6); }
.qf-caption p, .qf-caption li { font-size: 14px; line-height: 1.6; overflow-wrap: anywhere; }
.qf-caption p, .qf-caption ul, .qf-caption details { margin: 0 0 0.5rem; }
.qf-caption summary { cursor: pointer; font-size: 14px; line-height: 1.6; }
.qf-caption ul { padding-left: 1.25rem; }
.qf-caption > :last-child { margin-bottom: 0; }
"""

COMPONENT = "qantar_plotly"
_component = st.components.v2.component(COMPONENT, js=_JS, css=_CSS, isolate_styles=False)

# Each figure's JSON, made once: the views' figures come from memoised builds and are
# drawn again, unchanged, on every rerun that does not change them. Keyed by id (figures
# are not hashable); an entry goes with its figure.
_figure_json: dict[int, FigureJSON] = {}


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


# What a chart can change without plotly.js drawing its traces and axes again: per trace,
# attributes plotly.js restyles in place ("style" edits for scatter and bar traces), and the
# layout's shapes, annotations and title, which it redraws alone. A figure that varies one of
# these must set it on every trace where it varies (a value that goes would stay drawn).
RESTYLED = ("name", "opacity", "fillcolor", "showlegend", "hovertext", "marker.opacity")
REDRAWN_APART = {"shapes": [], "annotations": [], "title": {}}  # each with its "none"


class FigureJSON(NamedTuple):
    """A figure as plotly.js reads it (what `st.plotly_chart` sends), in three JSON texts."""

    figure: str  # traces and layout without what follows; which traces have RESTYLED values
    style: str  # {path of RESTYLED: [its value per trace, null where a trace has none]}
    parts: dict[str, str]  # {"shapes": "[...]", "title": "{...}", ...}: one text each
    figure_bytes: bytes  # `figure` in UTF-8, as the element sends it (no line break in it)


def _pop(trace: dict, path: str) -> object:
    """Take `path` ("marker.opacity") out of `trace`: its value, or None."""
    *outer, last = path.split(".")
    node = trace
    for key in outer:
        node = node.get(key)
        if not isinstance(node, dict):
            return None
    return node.pop(last, None)


def figure_json(fig: go.Figure) -> FigureJSON:
    """`fig` as the element sends it, made once per figure.

    Apart, because two figures with the same `figure` text (the same traces and axes) are
    the same chart but for its style and shapes (the days outside the filters veiled, the
    regions outside them faded): the element then updates it in place with `Plotly.update`.
    """
    texts = _figure_json.get(id(fig))
    if texts is None:
        figure = copy.deepcopy(fig.to_plotly_json())
        style = {}
        for path in RESTYLED:
            values = [_pop(trace, path) for trace in figure["data"]]
            if any(value is not None for value in values):
                style[path] = values
        layout = dict(figure["layout"])
        parts = {name: layout.pop(name, none) for name, none in REDRAWN_APART.items()}
        # Which traces have which values belongs to the figure: a change there is a new one.
        having = {
            path: [i for i, v in enumerate(vs) if v is not None] for path, vs in style.items()
        }
        text = to_json_plotly({"data": figure["data"], "layout": layout, "restyled": having})
        texts = _figure_json[id(fig)] = FigureJSON(
            figure=text,
            style=to_json_plotly(style),
            parts={name: to_json_plotly(part) for name, part in parts.items()},
            figure_bytes=text.encode(),
        )
        weakref.finalize(fig, _figure_json.pop, id(fig), None)
    return texts


class Folded(NamedTuple):
    """A caption item the reader unfolds: `summary`, then `intro` and the `items` listed."""

    fold: str  # its name, unique in the caption: it stays open across updates
    summary: str
    intro: str
    items: tuple[str, ...]


CaptionItem = str | Sequence[str] | Folded


def plotly_element(
    fig: go.Figure,
    *,
    key: str,
    config: dict,
    failed: str,
    caption: Sequence[CaptionItem] = (),
) -> None:
    """Draw `fig` under `key`, and under it `caption` (plain text: a paragraph each, a
    bulleted list for a sequence of texts, a disclosure for a Folded); the next run's
    figure under the same key updates it in place.

    `failed` is shown instead of the chart if plotly.js cannot be loaded (the caption stays).
    """
    if not publish_plotly_js():
        st.plotly_chart(fig, width="stretch", config=config, key=key)
        if caption:
            st.caption("\n\n".join(_caption_markdown(item) for item in caption))
        return
    drawn = figure_json(fig)
    head = {
        "style": drawn.style,
        "parts": drawn.parts,
        "config": config,
        "plotly": PLOTLY_JS_NAME,
        "failed": failed,
        "caption": [_caption_data(item) for item in caption],
    }
    _component(key=key, data=pack(head, drawn.figure_bytes), width="stretch")


def pack(head: dict, figure: bytes) -> bytes:
    """The element's data: `head` as one line of JSON, then the figure's JSON as it is.

    Bytes, where a dict was: Streamlit serialised a dict to JSON, then again sorted to
    hash it, and scanned it for dataframes, on every run (the map's figure is ~90 kB);
    bytes it only hashes. The figure's text is made once per figure (figure_json).
    """
    return json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode() + b"\n" + figure


def unpack(data: bytes) -> dict:
    """What the element's script reads from `pack`'s bytes (for tests and tools)."""
    head, figure = data.split(b"\n", 1)
    return {**json.loads(head), "figure": figure.decode()}


def _caption_data(item: CaptionItem) -> str | list[str] | dict:
    if isinstance(item, str):
        return item
    if isinstance(item, Folded):
        return {**item._asdict(), "items": list(item.items)}
    return list(item)


def _caption_markdown(item: CaptionItem) -> str:
    if isinstance(item, str):
        return md(item)
    if isinstance(item, Folded):
        return f"{md(item.summary)}\n\n{md(item.intro)}\n\n" + _caption_markdown(item.items)
    return "\n".join(f"- {md_line(words)}" for words in item)
