"""Text alternatives for the charts: what each chart shows, as one paragraph in the page's language.

A plotly chart is a picture to a screen reader. Every chart is drawn with this summary
right under it, as visible text (the most robust accessible name for a chart we cannot put
ARIA on), and its data sits in the "Quotes and sources" table below, reachable with the
keyboard. Pure: the same frames the chart builders take in, a string out. Numbers are
written as the chart writes them (qualifier included), and counted nouns take the plural
form their number needs ("1 day" / "5 days"; "1 день" / "5 дней").
"""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import Translator


def _joined(items: list[str]) -> str:
    return "; ".join(items)


def _bar_name(row) -> str:
    """The bar's wording as the chart writes it: a derived rest is "Not itemised"."""
    if bool(row.derived):
        text = str(row.breakdown)
        return text[:1].upper() + text[1:]
    return str(row.label)


def _value(row, tr: Translator) -> str:
    return tr("derived.value", value=row.value_label) if bool(row.derived) else row.value_label


def bars(rows: pd.DataFrame, tr: Translator) -> str:
    """'Bar chart, 4 bars: Stolen weapons found: 515; of which Pistols: 133; …'."""
    items = [
        (tr("a11y.part_of") + " " if int(r.depth) > 0 else "") + f"{_bar_name(r)}: {_value(r, tr)}"
        for r in rows.itertuples()
    ]
    return tr("a11y.bars", count=len(items), items=_joined(items)) + " " + tr("a11y.table")


def parts(rows: pd.DataFrame, tr: Translator) -> str:
    """'Stacked bar chart: Wounded: law enforcement 3,393, others 960 (derived); Deaths: …'."""
    items = []
    for group, members in rows.groupby("group", sort=False):
        shares = ", ".join(
            f"{r.part}: {tr('derived.value', value=r.value_label) if r.derived else r.value_label}"
            for r in members.itertuples()
        )
        items.append(f"{group} — {shares}")
    return tr("a11y.parts", items=_joined(items)) + " " + tr("a11y.table")


def participants(points: pd.DataFrame, gaps: pd.DataFrame, tr: Translator) -> str:
    """The counts as stated, day by day, and the days without one."""
    items = [f"{tr.day(r.day)}, {r.series}: {r.value_label}" for r in points.itertuples()]
    text = tr("a11y.points", count=len(items), items=_joined(items))
    if not gaps.empty:
        days = ", ".join(tr.day_month(d) for d in gaps["day"])
        text += " " + tr("a11y.gaps", count=len(gaps), days=days)
    return text + " " + tr("a11y.table")


def regions_reached(rows: pd.DataFrame, tr: Translator) -> str:
    """Per day: the regions the statement counts, and the units its text names."""
    items = [
        tr(
            "a11y.regions.day",
            day=tr.day_month(r.day),
            reported=r.reported_label or tr("participants.regions.not_stated"),
            named=tr.number(r.named),
        )
        for r in rows.itertuples()
    ]
    return tr("a11y.regions", count=len(items), items=_joined(items)) + " " + tr("a11y.table")


def record(points: pd.DataFrame, tr: Translator) -> str:
    """Each release of one count: its figure, the day it was published and how it is held."""
    kinds = {"statement": tr("changes.kind.statement"), "cited": tr("changes.kind.cited")}
    points = points.sort_values(["published", "as_of"], kind="stable")
    items = [
        f"{tr.day(r.published)}: {r.value_label} ({kinds.get(r.kind, r.kind)})"
        for r in points.itertuples()
    ]
    return tr("a11y.record", count=len(items), items=_joined(items)) + " " + tr("a11y.table")


def spread_map(units: pd.DataFrame, labels: dict[int, str], tr: Translator) -> str:
    """The units of each severity level, most severe first, then the units not named."""
    items = []
    unrest = units[units["severity"].notna()]
    for level in sorted(set(unrest["severity"].astype(int)), reverse=True):
        names = unrest[unrest["severity"].astype(int) == level]["name"]
        items.append(f"{labels[level]}: {', '.join(names)}")
    not_named = units[units["severity"].isna() & (units["status"] == "not_named")]["name"]
    if len(not_named):
        items.append(f"{tr('spread.not_named')}: {', '.join(not_named)}")
    return tr("a11y.map", count=len(unrest), items=_joined(items)) + " " + tr("a11y.map_table")


def region_days(cells: pd.DataFrame, tr: Translator) -> str:
    """Per region, the days with unrest named (the map's summary gives the kinds)."""
    filled = cells[cells["severity"].notna()]
    items = [
        f"{name}: {', '.join(tr.day_month(d) for d in rows['day'])}"
        for name, rows in filled.groupby("name", sort=False)
    ]
    return tr("a11y.matrix", count=len(items), items=_joined(items)) + " " + tr("a11y.table")
