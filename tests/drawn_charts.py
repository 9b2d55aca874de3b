"""The charts an AppTest run drew, whichever way: the in-place element, or st.plotly_chart.

dashboard.plotly_element draws with its custom component when it can publish plotly.js and
falls back to st.plotly_chart when it cannot; tests read both the same way.
"""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from dashboard.plotly_element import COMPONENT, unpack


def chart_texts(at: AppTest) -> list[str]:
    """Each drawn chart's figure as the JSON text(s) plotly.js receives, in page order (the
    in-place element sends its traces' style and its layout's shapes and annotations as
    texts of their own)."""
    return [el.proto.spec for el in at.get("plotly_chart")] + [
        "\n".join([data["figure"], data["style"], *data["parts"].values()])
        for data in (unpack(el.proto.bytes) for el in _elements(at))
    ]


def chart_caption_data(at: AppTest) -> list[list]:
    """Each chart element's caption items as sent: a text, a list of texts, or a folded
    list ({"summary", "intro", "items"})."""
    return [unpack(el.proto.bytes)["caption"] for el in _elements(at)]


def chart_headings(at: AppTest) -> list[str]:
    """The section headings the chart elements draw above their charts, in page order."""
    heads = [unpack(el.proto.bytes)["heading"] for el in _elements(at)]
    return [head["text"] for head in heads if head] or [el.value for el in at.subheader]


def chart_captions(at: AppTest) -> list[str]:
    """The caption under each drawn chart (its text alternative, then its notes), in page
    order, as text: the element's items; with st.plotly_chart, the st.caption after it."""

    def text(item) -> str:
        if isinstance(item, str):
            return item
        if isinstance(item, dict):
            return "\n".join([item["summary"], item["intro"], *item["items"]])
        return "\n".join(item)

    captions = chart_caption_data(at)
    return ["\n\n".join(map(text, caption)) for caption in captions] or [
        el.value for el in at.caption
    ]


def chart_specs(at: AppTest) -> list[dict]:
    """Each drawn chart's figure, parsed and whole again, in page order."""
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    for el in _elements(at):
        data = unpack(el.proto.bytes)
        specs.append(whole(data["figure"], data["style"], data["parts"]))
    return specs


def whole(figure: str, style: str, parts: dict[str, str]) -> dict:
    """The figure the element draws from its three texts (as its JavaScript merges them)."""
    spec = json.loads(figure)
    for path, values in json.loads(style).items():
        *outer, last = path.split(".")
        for trace, value in zip(spec["data"], values, strict=True):
            if value is None:
                continue
            node = trace
            for key in outer:
                node = node.setdefault(key, {})
            node[last] = value
    spec["layout"].update({k: json.loads(v) for k, v in parts.items() if json.loads(v)})
    return spec


def _elements(at: AppTest):
    return [el for el in at.get("bidi_component") if el.proto.component_name == COMPONENT]


def veils(spec: dict) -> list[tuple]:
    """The x spans a chart veils: the days outside the date filter (veils.veil_days_outside)."""
    return [
        (shape["x0"], shape["x1"])
        for shape in spec["layout"].get("shapes", [])
        if shape.get("layer") == "above" and shape.get("fillcolor") == "#EEEEEE"
    ]


def unveiled_rows(spec: dict) -> list[str]:
    """The rows of a category y axis no veil covers (veils.veil_rows_outside), in order."""
    rows = spec["layout"]["yaxis"]["categoryarray"]
    spans = [
        (shape["y0"], shape["y1"])
        for shape in spec["layout"].get("shapes", [])
        if shape.get("yref") == "y" and shape.get("fillcolor") == "#EEEEEE"
    ]
    return [row for i, row in enumerate(rows) if not any(y0 < i < y1 for y0, y1 in spans)]


def unveiled(spec: dict, x) -> bool:
    """Whether `x` (as the figure's JSON writes it) lies on a day the filter keeps."""
    return not any(x0 <= x <= x1 for x0, x1 in veils(spec))
