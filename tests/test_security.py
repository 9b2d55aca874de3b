"""The page builds no HTML from data, sends no statistics and hides tracebacks."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from dashboard.text import md

REPO = Path(__file__).resolve().parent.parent
CODE = [*sorted((REPO / "dashboard").rglob("*.py")), REPO / "streamlit_app.py"]


@pytest.mark.parametrize("pattern", ["unsafe_allow_html", "st.html(", "components.html("])
def test_the_app_never_renders_raw_html(pattern):
    offenders = [p.relative_to(REPO) for p in CODE if pattern in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_streamlit_config_turns_off_usage_statistics_and_error_details():
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"


def test_only_community_cloud_may_control_the_app_from_a_parent_frame():
    # Fewer than Streamlit's default origins (its test and staging domains too), never more:
    # no wildcard that would let any site embedding the app stop or rerun it.
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    origins = config["client"]["allowedOrigins"]
    assert origins, "with none, Community Cloud could not control the app it hosts"
    assert all(o in ("https://*.streamlit.app", "https://share.streamlit.io") for o in origins)


def test_no_secrets_file_is_committed():
    assert not (REPO / ".streamlit" / "secrets.toml").exists()


@pytest.mark.parametrize(
    "text",
    ["<img src=x onerror=alert(1)>", "[link](javascript:alert(1))", "$x^2$", "**bold** _it_"],
)
def test_data_text_is_escaped_before_it_reaches_markdown(text):
    escaped = md(text)
    for char in "<>[]()$*_":
        assert char not in escaped.replace("\\" + char, "")


@pytest.mark.parametrize("script", sorted((REPO / "dashboard").glob("*.js")), ids=lambda p: p.name)
def test_the_page_scripts_write_text_never_html(script):
    # Data text (captions, headings) reaches the page through textContent only (plotly.js,
    # in assets/, draws the figures themselves).
    code = script.read_text(encoding="utf-8")
    for parser in ("innerHTML", "outerHTML", "insertAdjacentHTML", "DOMParser", "document.write"):
        assert parser not in code
