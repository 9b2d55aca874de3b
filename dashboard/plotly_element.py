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

# The element's script (plain JavaScript, beside this file): loads plotly.js once per page,
# draws a figure, and changes what changed in place.
_JS = (Path(__file__).parent / "plotly_element.js").read_text(encoding="utf-8")

# Layout containment: plotly.js measures text (getBBox) while it draws, and each measure
# lays out what the browser must; contained, that is the chart, not the whole page.
# The caption as st.caption draws it: 14 px, the text colour at 60 % (5.0:1 on white, WCAG AA).
_CSS = """
.qf-chart { contain: layout style; }
.qf-heading { font-size: 28px; font-weight: 600; line-height: 1.2; margin: 0 0 1rem; padding: 12px 0 16px; scroll-margin-top: 60px; }
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
        texts = _figure_json[id(fig)] = FigureJSON(
            figure=to_json_plotly({"data": figure["data"], "layout": layout, "restyled": having}),
            style=to_json_plotly(style),
            parts={name: to_json_plotly(part) for name, part in parts.items()},
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
    heading: str = "",
) -> None:
    """Draw `fig` under `key`, and under it `caption` (plain text: a paragraph each, a
    bulleted list for a sequence of texts, a disclosure for a Folded), above it `heading`
    (a section heading, as st.subheader's, with `key` as its anchor); the next run's figure
    under the same key updates it in place.

    `failed` is shown instead of the chart if plotly.js cannot be loaded (the caption stays).
    """
    if not publish_plotly_js():
        if heading:
            st.subheader(heading, anchor=key)
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
        "heading": {"text": heading, "id": key} if heading else None,
    }
    _component(key=key, data=pack(head, drawn.figure.encode()), width="stretch")


def pack(head: dict, figure: bytes) -> bytes:
    """The element's data: `head` as one line of JSON, then the figure's JSON as it is.

    Bytes, where a dict was: Streamlit serialised a dict to JSON, then again sorted to
    hash it, and scanned it for dataframes, on every run (the map's figure is ~90 kB);
    bytes it only hashes. The figure's text is made once per figure (figure_json); it has
    no line break (JSON escapes them in strings).
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
