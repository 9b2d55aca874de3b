"""The charts an AppTest run drew, whichever way: the in-place element, or st.plotly_chart.

dashboard.plotly_element draws with its custom component when it can publish plotly.js and
falls back to st.plotly_chart when it cannot; tests read both the same way.
"""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from dashboard.plotly_element import COMPONENT


def chart_texts(at: AppTest) -> list[str]:
    """Each drawn chart's figure as the JSON text plotly.js receives, in page order."""
    return [el.proto.spec for el in at.get("plotly_chart")] + [
        json.loads(el.proto.json)["figure"]
        for el in at.get("bidi_component")
        if el.proto.component_name == COMPONENT
    ]


def chart_specs(at: AppTest) -> list[dict]:
    """Each drawn chart's figure, parsed, in page order."""
    return [json.loads(text) for text in chart_texts(at)]
