"""Check the query string a shared link carries, before the widgets read it.

Streamlit's URL-bound widgets silently drop values they cannot use. A reader who opens
a mangled link deserves to be told, so this module names each value that will be ignored.
Pure: a mapping of parameter -> list of raw strings in, a list of notices out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from dashboard.i18n import EN, LANGUAGES, Translator

# Parameters the page understands; each is bound to one widget of the same key.
DATES = "dates"
REGIONS = "regions"
SEARCH = "q"
LANG = "lang"
SERIES = "series"  # the count chosen on the view of how the figures changed
KNOWN = (DATES, REGIONS, SEARCH, LANG, SERIES)

_MAX_SHOWN = 60  # characters of a bad value quoted back in a notice


def _shown(value: str) -> str:
    text = value if len(value) <= _MAX_SHOWN else value[:_MAX_SHOWN] + "…"
    return repr(text)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MICROS = re.compile(r"-?\d+(\.\d+)?")


def _parse_day(raw: str) -> dt.date | None:
    """A day in one of the two forms the bound date slider accepts, else None.

    Deliberately as strict as the slider: a form it would silently ignore ("20220103",
    " 2022-01-03") must get a notice here.
    """
    if _ISO_DAY.fullmatch(raw):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            return None
    if _MICROS.fullmatch(raw):  # the slider's own form: microseconds since the epoch
        try:
            return (dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=float(raw))).date()
        except OverflowError:
            return None
    return None


def date_range_problem(values: list[str], first: dt.date, last: dt.date) -> tuple | None:
    """Why a `dates` value cannot be used, as (catalogue key, values), or None when it can."""
    if len(values) != 2:
        shown = ", ".join(_shown(v) for v in values[:3]) + (", …" if len(values) > 3 else "")
        return "notice.dates_count", {"count": len(values), "values": shown or "''"}
    days = [_parse_day(v) for v in values]
    for raw, day in zip(values, days, strict=True):
        if day is None:
            return "notice.dates_not_a_date", {"value": _shown(raw)}
        if not first <= day <= last:
            return "notice.dates_outside", {
                "value": day.isoformat(),
                "first": first.isoformat(),
                "last": last.isoformat(),
            }
    if days[0] > days[1]:
        return "notice.dates_reversed", {}
    return None


def url_notices(
    params: Mapping[str, list[str]],
    *,
    region_labels: Iterable[str],
    first: dt.date,
    last: dt.date,
    tr: Translator = EN,
) -> list[str]:
    """Every part of the query string that will be ignored, in words a reader understands."""
    notices = []
    labels = set(region_labels)
    for key, values in params.items():
        if key not in KNOWN:
            notices.append(tr("notice.unknown_param", name=_shown(key)))
        elif key == DATES:
            problem = date_range_problem(values, first, last)
            if problem:
                notices.append(tr(problem[0], **problem[1]))
        elif key == REGIONS:
            unknown = [v for v in values if v not in labels]
            if len(unknown) > 5:
                shown = ", ".join(_shown(v) for v in unknown[:5])
                notices.append(
                    tr("notice.unknown_regions_more", names=shown, count=len(unknown) - 5)
                )
            elif unknown:
                notices.append(tr("notice.unknown_regions", names=", ".join(map(_shown, unknown))))
        elif key == LANG and values[-1] not in LANGUAGES:
            notices.append(tr("notice.unknown_language", value=_shown(values[-1])))
    return notices
