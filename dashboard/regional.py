"""Regional spread, shaped: where the chronology places the unrest of 1–8 January 2022.

The statement names units day by day; this module turns those names into one severity per
unit (for the map) and per unit-day (for the matrix), using `severity` of the unrest
categories in vocabularies.yaml. A unit the statement does not name is "not named", never
calm: the statement says eleven regions were reached on 4 January but names five.
Nationwide measures and happenings in "several" unnamed units cannot be placed on a unit;
`unplaced_events` lists them so that nothing disappears from the page.

Pure: DataFrames in, DataFrames out, no Streamlit; `dashboard.maps` draws them.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from dashboard.data import DATA_DIR
from dashboard.i18n import EN, Translator
from dashboard.tables import days
from dashboard.text import wrap

GEOJSON_PATH = DATA_DIR / "geo" / "kz-regions-2022.geojson"

# Status of a unit on the map.
UNREST = "unrest"
NOT_NAMED = "not_named"
NOT_CHOSEN = "not_chosen"
UNIT_COLUMNS = ["region_id", "name", "status", "severity", "category", "dates", "places", "hover"]
_GROUP_NOTE = {"state_measure": "spread.note.state_measure", "situation": "spread.note.situation"}


# --- vocabulary --------------------------------------------------------------------------


def severities(vocab: dict) -> dict[str, int]:
    """category -> severity, for the unrest group only (state measures have none)."""
    return {
        key: int(v["severity"])
        for key, v in vocab["event_categories"].items()
        if v["group"] == "unrest" and v.get("severity") is not None
    }


def severity_labels(vocab: dict, tr: Translator = EN) -> dict[int, str]:
    """severity -> legend label for that level ("Arson or looting"), from the catalogue.

    The levels group the vocabulary's kinds of unrest; the catalogue names each group in
    every language rather than joining the kinds' labels with an English "or".
    """
    return {level: tr(f"severity.{level}") for level in sorted(set(severities(vocab).values()))}


# --- shaping -----------------------------------------------------------------------------


def _in_range(events: pd.DataFrame, start: dt.date, end: dt.date) -> pd.DataFrame:
    day = pd.to_datetime(events["date"]).dt.date
    out = events[(day >= start) & (day <= end)].copy()
    out["day"] = day[(day >= start) & (day <= end)]
    return out


def _name_column(frame: pd.DataFrame) -> str:
    """`name` (in the page's language, from i18n.localise) where present, else English."""
    return "name" if "name" in frame else "name_en"


def _where(events: pd.DataFrame, places: pd.DataFrame | None) -> list[str]:
    """The place as the statement names it, else the town's name, else ''."""
    towns = (
        {}
        if places is None
        else dict(zip(places["place_id"], places[_name_column(places)], strict=True))
    )
    where = []
    for place, place_id in zip(events["place"], events["place_id"], strict=True):
        if isinstance(place, str):
            where.append(place)
        else:
            where.append(towns.get(place_id, "") if isinstance(place_id, str) else "")
    return where


def _unit_events(
    events: pd.DataFrame,
    vocab: dict,
    start: dt.date,
    end: dt.date,
    places: pd.DataFrame | None,
    tr: Translator = EN,
) -> pd.DataFrame:
    """Events placed on one unit in the range, with day, severity (NaN if not unrest), label."""
    rows = _in_range(events[events["scope"] == "unit"], start, end)
    categories = vocab["event_categories"]
    levels = severities(vocab)
    rows["severity"] = rows["category"].map(levels).astype("float64")
    rows["label"] = rows["category"].map(lambda c: categories[c]["label"])
    rows["note"] = rows["category"].map(
        lambda c: (
            tr(_GROUP_NOTE[categories[c]["group"]]) if categories[c]["group"] in _GROUP_NOTE else ""
        )
    )
    rows["where"] = _where(rows, places)
    return rows


def _units(unit_events: pd.DataFrame, regions: pd.DataFrame | None, region_ids) -> dict[str, str]:
    """region_id -> name for every unit drawn: all of `regions`, else those in the data."""
    if regions is not None:
        return dict(zip(regions["region_id"], regions[_name_column(regions)], strict=True))
    ids = sorted(set(unit_events["region_id"]) | set(region_ids or ()))
    return {r: r for r in ids}


def _day_line(day: dt.date, rows: pd.DataFrame, tr: Translator = EN) -> str:
    """'4 Jan: Armed attack, Looting — near the city hall': most severe kind first."""
    rows = rows.sort_values("severity", ascending=False, kind="stable")
    kinds = [f"{r.label} ({r.note})" if r.note else r.label for r in rows.itertuples()]
    line = f"{tr.day_month(day)}: {', '.join(dict.fromkeys(kinds))}"
    where = [w for w in dict.fromkeys(rows["where"]) if w]
    if where:
        line += f" — {'; '.join(where)}"
    return wrap(line)


def unit_severity(
    events: pd.DataFrame,
    vocab: dict,
    start: dt.date,
    end: dt.date,
    region_ids=(),
    *,
    regions: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    tr: Translator = EN,
) -> pd.DataFrame:
    """One row per unit: the most severe kind of unrest the statements name there.

    `status` is "unrest" (coloured by `severity`), "not_named" (the statements name no
    unrest there on these dates: not the same as calm) or "not_chosen" (outside the region
    filter, drawn as context). Nationwide and "several" happenings colour no unit; state
    measures in a unit do not colour it either, but are listed in its hover text.
    Columns: region_id, name, status, severity (Int64), category (label of the most severe
    kinds), dates, places, hover. Units are those of `regions` (all 17), else those named.
    """
    rows = _unit_events(events, vocab, start, end, places, tr)
    names = _units(rows, regions, region_ids)
    period = tr.period(start, end)
    out = []
    for region_id, name in names.items():
        mine = rows[rows["region_id"] == region_id]
        unrest = mine[mine["severity"].notna()]
        record = {
            "region_id": region_id,
            "name": name,
            "status": UNREST,
            "severity": pd.NA,
            "category": "",
            "dates": ", ".join(tr.day_month(d) for d in sorted(set(mine["day"]))),
            "places": "; ".join(w for w in dict.fromkeys(mine["where"]) if w),
        }
        lines = [_day_line(day, group, tr) for day, group in mine.groupby("day", sort=True)]
        if region_ids and region_id not in region_ids:
            record |= {"status": NOT_CHOSEN, "dates": "", "places": ""}
            lines = [tr("spread.not_chosen_hover")]
        elif unrest.empty:
            record["status"] = NOT_NAMED
            lines.insert(0, tr("spread.no_unrest_hover", period=period))
        else:
            top = int(unrest["severity"].max())
            record["severity"] = top
            kinds = set(unrest.loc[unrest["severity"] == top, "category"])
            record["category"] = ", ".join(
                v["label"] for k, v in vocab["event_categories"].items() if k in kinds
            )
            lines.insert(0, tr("spread.most_severe_hover", category=record["category"]))
        record["hover"] = "<br>".join([f"<b>{name}</b>", *lines])
        out.append(record)
    frame = pd.DataFrame(out, columns=UNIT_COLUMNS)
    frame["severity"] = frame["severity"].astype("Int64")
    return frame


def region_day_matrix(
    events: pd.DataFrame,
    vocab: dict,
    start: dt.date,
    end: dt.date,
    region_ids=(),
    *,
    regions: pd.DataFrame | None = None,
    places: pd.DataFrame | None = None,
    tr: Translator = EN,
) -> pd.DataFrame:
    """Tidy unit × day cells: the most severe unrest named that day, NaN where none is.

    An empty cell means the statement reports no unrest there that day — not zero. Rows
    are the chosen units (all units when none is chosen), ordered by the first day unrest
    is named there; units never named in the range come last, by name. Columns: region_id,
    name, day, severity (float, NaN = nothing reported), hover.
    """
    rows = _unit_events(events, vocab, start, end, places, tr)
    rows = rows[rows["severity"].notna()]
    names = _units(rows, regions, region_ids)
    if region_ids:
        names = {r: n for r, n in names.items() if r in region_ids}
    first = rows.groupby("region_id")["day"].min()
    order = sorted(names, key=lambda r: (r not in first, first.get(r, end), names[r]))
    cells = []
    for region_id in order:
        mine = rows[rows["region_id"] == region_id]
        for day in days(start, end):
            that_day = mine[mine["day"] == day]
            head = f"<b>{names[region_id]}</b>, {tr.day(day)}"
            if that_day.empty:
                severity, hover = float("nan"), f"{head}<br>{tr('spread.nothing_reported')}"
            else:
                severity = float(that_day["severity"].max())
                hover = f"{head}<br>{_day_line(day, that_day, tr)}"
            cells.append(
                {
                    "region_id": region_id,
                    "name": names[region_id],
                    "day": day,
                    "severity": severity,
                    "hover": hover,
                }
            )
    return pd.DataFrame(cells, columns=["region_id", "name", "day", "severity", "hover"])


def named_places(
    events: pd.DataFrame,
    places: pd.DataFrame,
    vocab: dict,
    start: dt.date,
    end: dt.date,
    region_ids=(),
    tr: Translator = EN,
) -> pd.DataFrame:
    """Towns named in the events of the range (and chosen units), with what happened there."""
    rows = _in_range(events[events["place_id"].notna()], start, end)
    if region_ids:
        rows = rows[rows["region_id"].isin(region_ids)]
    labels = {k: v["label"] for k, v in vocab["event_categories"].items()}
    towns = places.set_index("place_id")
    out = []
    for place_id, mine in rows.groupby("place_id", sort=False):
        town = towns.loc[place_id]
        lines = [
            f"{tr.day_month(d)}: {', '.join(dict.fromkeys(g['category'].map(labels)))}"
            for d, g in mine.groupby("day", sort=True)
        ]
        out.append(
            {
                "place_id": place_id,
                "name": town[_name_column(places)],
                "region_id": town["region_id"],
                "lat": float(town["lat"]),
                "lon": float(town["lon"]),
                "hover": "<br>".join([f"<b>{town[_name_column(places)]}</b>", *lines]),
            }
        )
    return pd.DataFrame(out, columns=["place_id", "name", "region_id", "lat", "lon", "hover"])


def unplaced_events(
    events: pd.DataFrame,
    vocab: dict,
    start: dt.date,
    end: dt.date,
    region_ids=(),
    *,
    regions: pd.DataFrame | None = None,
    tr: Translator = EN,
) -> pd.DataFrame:
    """What the map cannot colour in the range: nationwide measures, happenings in several
    unnamed units, and state measures or situation reports placed on a (chosen) unit.

    Nationwide and "several" rows are kept whatever regions are chosen: they may include
    the chosen units. Columns: date, where, category, description, quote, source_id.
    """
    rows = _in_range(events, start, end)
    levels = severities(vocab)
    on_unit = rows["scope"] == "unit"
    chosen = rows["region_id"].isin(region_ids) if region_ids else on_unit
    keep = ~on_unit | (chosen & ~rows["category"].isin(levels))
    return _event_rows(rows[keep], vocab, regions, tr)


def placed_events(
    events: pd.DataFrame,
    vocab: dict,
    start: dt.date,
    end: dt.date,
    region_ids=(),
    *,
    regions: pd.DataFrame | None = None,
    tr: Translator = EN,
) -> pd.DataFrame:
    """The unrest that colours the map and the matrix: unit events of the chosen units."""
    rows = _in_range(events, start, end)
    keep = (rows["scope"] == "unit") & rows["category"].isin(severities(vocab))
    if region_ids:
        keep &= rows["region_id"].isin(region_ids)
    return _event_rows(rows[keep], vocab, regions, tr)


def _event_rows(
    rows: pd.DataFrame, vocab: dict, regions: pd.DataFrame | None, tr: Translator = EN
) -> pd.DataFrame:
    names = (
        {}
        if regions is None
        else dict(zip(regions["region_id"], regions[_name_column(regions)], strict=True))
    )
    scope_names = {"nationwide": tr("nationwide"), "several": tr("spread.several")}
    labels = {k: v["label"] for k, v in vocab["event_categories"].items()}
    return pd.DataFrame(
        {
            "date": list(rows["day"]),
            "where": [
                names.get(r, r) if s == "unit" else scope_names[s]
                for r, s in zip(rows["region_id"], rows["scope"], strict=True)
            ],
            "place": rows["place"].fillna("").tolist(),
            "category": rows["category"].map(labels).tolist(),
            "description": rows["description"].tolist(),
            "quote": rows["quote"].tolist(),
            "source_id": rows["source_id"].tolist(),
        }
    )


# --- the GeoJSON -------------------------------------------------------------------------


@lru_cache(maxsize=4)
def load_geojson(path: Path = GEOJSON_PATH) -> dict:
    """The 17 units of January 2022, read once per process. Callers must not mutate it."""
    return json.loads(Path(path).read_text(encoding="utf-8"))
