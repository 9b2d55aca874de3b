"""The in-place chart element: plotly.js published once beside the app, figures serialised
once, and st.plotly_chart when plotly.js cannot be published."""

from __future__ import annotations

import gc
import gzip
import json
import threading
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st
from drawn_charts import chart_specs
from streamlit.testing.v1 import AppTest

from dashboard import context, plotly_element

REPO = Path(__file__).resolve().parents[1]


def test_the_basic_plotly_js_is_the_version_the_plotly_package_bundles():
    # After an upgrade of plotly the page would fall back to the whole bundle, 4x the script.
    assert plotly_element.PLOTLY_JS_SOURCE == plotly_element.BASIC_PLOTLY_JS
    head = plotly_element.BASIC_PLOTLY_JS.read_text(encoding="utf-8")[:200]
    assert f"plotly.js (basic - minified) v{plotly_element.PLOTLY_JS_VERSION}" in head


def test_plotly_js_is_published_whole_plain_and_gzipped_and_again_when_it_differs(tmp_path):
    static = tmp_path / "static"
    source = plotly_element.PLOTLY_JS_SOURCE.read_bytes()
    assert plotly_element._publish(static)
    plain = static / plotly_element.PLOTLY_JS_NAME
    packed = static / f"{plotly_element.PLOTLY_JS_NAME}.gz"
    assert plain.read_bytes() == source
    assert gzip.decompress(packed.read_bytes()) == source
    # No partial file left behind.
    assert sorted(p.name for p in static.iterdir()) == [plain.name, packed.name]

    plain.write_text("truncated")
    packed.write_bytes(gzip.compress(b"an older plotly.js"))
    assert plotly_element._publish(static)
    assert plain.read_bytes() == source
    assert gzip.decompress(packed.read_bytes()) == source

    packed.write_bytes(b"not gzip at all")
    assert plotly_element._publish(static)
    assert gzip.decompress(packed.read_bytes()) == source


def test_sessions_opening_at_once_publish_once(tmp_path, monkeypatch):
    calls, started, release = [], threading.Event(), threading.Event()

    def slow_publish(static_dir):
        calls.append(static_dir)
        started.set()
        release.wait(timeout=10)
        return True

    monkeypatch.setattr(plotly_element, "_publish", slow_publish)
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(plotly_element.publish_plotly_js(tmp_path)))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    assert started.wait(timeout=10)
    release.set()
    for thread in threads:
        thread.join(timeout=10)
    assert results == [True] * 8
    assert calls == [tmp_path]


def test_a_folder_that_cannot_be_written_is_reported_not_raised(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert plotly_element._publish(blocked / "static") is False


def test_a_figure_is_serialised_once_and_forgotten_with_it():
    fig = go.Figure(go.Bar(x=["a"], y=[1]))
    first = plotly_element.figure_json(fig)
    assert plotly_element.figure_json(fig) is first
    assert json.loads(first.figure)["data"][0]["y"] == [1]
    key = id(fig)
    del fig
    gc.collect()  # a figure holds cycles (its parts point back to it)
    assert key not in plotly_element._figure_json


def test_the_shapes_and_annotations_are_sent_apart_from_the_rest_of_the_figure():
    fig = go.Figure(go.Bar(x=["a"], y=[1]))
    fig.add_shape(type="rect", x0=0, x1=1, y0=0, y1=1, fillcolor="white")
    fig.add_annotation(x="a", y=1, text="no count")
    drawn = plotly_element.figure_json(fig)
    assert not {"shapes", "annotations"} & set(json.loads(drawn.figure)["layout"])
    assert json.loads(drawn.parts["shapes"])[0]["fillcolor"] == "white"
    assert json.loads(drawn.parts["annotations"])[0]["text"] == "no count"
    moved = go.Figure(fig)
    moved.layout.shapes[0].x1 = 2
    assert plotly_element.figure_json(moved).figure == drawn.figure  # an update will do
    assert plotly_element.figure_json(moved).parts["shapes"] != drawn.parts["shapes"]
    assert plotly_element.figure_json(moved).parts["annotations"] == drawn.parts["annotations"]


def test_the_style_of_traces_is_sent_apart_one_value_per_trace():
    fig = go.Figure(
        [
            go.Scatter(x=[1, 2], y=[1, 2], name="a", opacity=0.3, marker={"size": 5}),
            go.Scatter(x=[1], y=[3], name="b", marker={"opacity": [0.5]}),
        ]
    )
    drawn = plotly_element.figure_json(fig)
    figure = json.loads(drawn.figure)
    assert [t.get("name") for t in figure["data"]] == [None, None]
    assert figure["data"][0]["marker"] == {"size": 5}  # what is not restyled stays
    assert json.loads(drawn.style) == {
        "name": ["a", "b"],
        "opacity": [0.3, None],
        "marker.opacity": [None, [0.5]],
    }
    # Which trace has which value is part of the figure: setting one where there was none
    # makes another figure, drawn anew; changing one is an update of the style alone.
    faded = go.Figure(fig)
    faded.data[0].opacity = 1
    assert plotly_element.figure_json(faded).figure == drawn.figure
    assert plotly_element.figure_json(faded).style != drawn.style
    both = go.Figure(faded)
    both.data[1].opacity = 1
    assert plotly_element.figure_json(both).figure != drawn.figure
    assert fig.data[0].name == "a"  # the figure itself is left as it was


def test_the_data_is_a_line_of_json_then_the_figure_as_made_once():
    fig = go.Figure(go.Scatter(x=[1], y=[2], name="two\nlines", hovertext="“quoted”"))
    drawn = plotly_element.figure_json(fig)
    head = {"caption": ["a\nb", ["c"]], "style": drawn.style}
    packed = plotly_element.pack(head, drawn.figure.encode())
    assert packed.count(b"\n") == 1  # the line break the script splits at, and no other
    assert plotly_element.unpack(packed) == {**head, "figure": drawn.figure}


def _participants() -> AppTest:
    st.cache_data.clear()
    context.localised_dataset.clear()
    at = AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=60)
    at.switch_page("dashboard/pages/participants.py")
    return at.run()


def test_the_views_draw_through_the_element_with_the_page_config():
    at = _participants()
    elements = [
        el for el in at.get("bidi_component") if el.proto.component_name == plotly_element.COMPONENT
    ]
    assert len(elements) == 2 and not at.get("plotly_chart")
    data = plotly_element.unpack(elements[0].proto.bytes)
    assert data["plotly"] == plotly_element.PLOTLY_JS_NAME
    assert data["config"]["displaylogo"] is False
    assert data["failed"].startswith("This chart could not be drawn")


def test_without_published_plotly_js_the_same_charts_come_from_st_plotly_chart(monkeypatch):
    drawn = [spec["layout"]["title"]["text"] for spec in chart_specs(_participants())]
    monkeypatch.setattr(plotly_element, "publish_plotly_js", lambda: False)
    fallback = _participants()
    assert len(fallback.get("plotly_chart")) == 2
    assert [spec["layout"]["title"]["text"] for spec in chart_specs(fallback)] == drawn
    assert not fallback.exception


def test_the_static_folder_is_in_the_repository_so_the_server_finds_it_at_start():
    # Without it Streamlit warns at start-up that static serving has no folder (a fresh
    # clone, or Community Cloud), although the first run then creates it.
    assert plotly_element.STATIC_DIR == REPO / "static"
    assert (REPO / "static" / ".gitignore").is_file()
