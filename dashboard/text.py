"""How numbers, qualifiers and attributions are written on the page.

One function per kind of wording, so that "over 700", "almost 37,000 (36,831)" and
"according to the General Prosecutor's Office, 15 Jan 2022" read the same everywhere.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

QUALIFIER_PREFIX = {"exact": "", "approximately": "about ", "almost": "almost ", "over": "over "}

_NUMBER = re.compile(r"\d[\d,]*")
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def format_number(value: float | int) -> str:
    """36831 -> '36,831'; 87000000000 -> '87 billion' (only when the scale divides exactly)."""
    number = int(value) if float(value).is_integer() else value
    if isinstance(number, int):
        for scale, word in _SCALES:
            if number >= scale and number % scale == 0:
                return f"{number // scale:,} {word}"
        return f"{number:,}"
    return f"{number:,.1f}"


def value_label(value: float | int, qualifier: str, as_written: str = "", unit: str = "") -> str:
    """The number with its qualifier, as a reader should see it on a chart or card.

    Where the statement's own wording states two numbers ("almost 37,000 people (36,831)")
    that wording is kept, because neither number alone says what the statement says.
    """
    if as_written and len(_NUMBER.findall(as_written)) > 1:
        return as_written
    text = QUALIFIER_PREFIX.get(qualifier, "") + format_number(value)
    if unit == "percent":
        text += "%"
    elif unit == "tenge":
        text += " tenge"
    return text


def format_day(day: dt.date | pd.Timestamp) -> str:
    """2022-01-04 -> '4 Jan 2022'."""
    return f"{day.day} {day:%b %Y}"


def attribution(organisation_short: str, published: dt.date | pd.Timestamp) -> str:
    """'according to the General Prosecutor's Office, 15 Jan 2022'."""
    return f"according to the {organisation_short}, {format_day(published)}"


def wrap(text: str, width: int = 70) -> str:
    """Break a long quote into lines for plotly hover labels (which do not wrap)."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "<br>".join(lines)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def md(text: str) -> str:
    """Data text made safe for st.markdown: every Markdown, HTML and LaTeX character escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
