"""Shape the curated tables into what each view shows, after the filters.

Pure functions: DataFrames in, DataFrames out, no Streamlit and no plotly. The page calls
these, then hands the result to a builder in `dashboard.charts`; tests call them directly.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.i18n import EN, Translator

FIRST_DAY = dt.date(2022, 1, 1)
LAST_DAY = dt.date(2022, 1, 8)


def days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def _as_date(column: pd.Series) -> pd.Series:
    return pd.to_datetime(column).dt.date


def _names(regions: pd.DataFrame) -> dict[str, str]:
    """region_id -> name in the page's language (`name`, from i18n.localise) or English."""
    column = "name" if "name" in regions else "name_en"
    return dict(zip(regions["region_id"], regions[column], strict=True))


def source_labels(sources: pd.DataFrame, tr: Translator = EN) -> dict[str, str]:
    """source_id -> "General Prosecutor's Office, 15 Jan 2022"."""
    return {
        row.source_id: f"{row.organisation_short}, {tr.day(row.published)}"
        for row in sources.itertuples()
    }


def with_value_labels(figures: pd.DataFrame, tr: Translator = EN) -> pd.DataFrame:
    """Add `value_label`: the number with its qualifier, as the statement has it."""
    out = figures.copy()
    out["value_label"] = [
        tr.value_label(
            r.value, r.qualifier, r.as_written if isinstance(r.as_written, str) else "", r.unit
        )
        for r in figures.itertuples()
    ]
    return out


def filter_events(
    events: pd.DataFrame, start: dt.date, end: dt.date, region_ids: list[str]
) -> pd.DataFrame:
    """Events from `start` to `end`; with regions chosen, those units plus nationwide measures.

    Happenings the statement places in "several" unnamed regions cannot be attributed to a
    chosen unit, so they are left out once a region is chosen.
    """
    day = _as_date(events["date"])
    keep = (day >= start) & (day <= end)
    if region_ids:
        keep &= events["region_id"].isin(region_ids) | (events["scope"] == "nationwide")
    return events[keep]


def participant_points(
    figures: pd.DataFrame,
    regions: pd.DataFrame,
    start: dt.date,
    end: dt.date,
    region_ids: list[str],
    *,
    tr: Translator = EN,
) -> pd.DataFrame:
    """Reported participant counts per day, one row per number, with the series it belongs to.

    Nationwide counts are kept whatever regions are chosen (they are not broken down by
    region); a count for one unit is kept only when that unit is chosen or none is.
    """
    rows = figures[(figures["metric"] == "participants") & figures["date"].notna()].copy()
    rows["day"] = _as_date(rows["date"])
    rows = rows[(rows["day"] >= start) & (rows["day"] <= end)]
    if region_ids:
        rows = rows[rows["region_id"].isna() | rows["region_id"].isin(region_ids)]
    names = _names(regions)

    def series(row) -> str:
        if pd.isna(row.region_id):
            return tr("nationwide")
        if isinstance(row.breakdown, str):
            return row.breakdown
        return names[row.region_id]

    rows["series"] = [series(r) for r in rows.itertuples()]
    return with_value_labels(rows, tr).sort_values(["day", "value"]).reset_index(drop=True)


def participant_gaps(
    points: pd.DataFrame,
    events: pd.DataFrame,
    start: dt.date,
    end: dt.date,
    *,
    tr: Translator = EN,
) -> pd.DataFrame:
    """Days with no reported count, each with what the statement says about that day instead.

    A day without a number is a gap, never a zero: the note comes from that day's
    chronology, preferring what it says about the size of the gatherings.
    """
    counted = set(points["day"])
    event_days = _as_date(events["date"])
    preference = {"de_escalation": 0, "gathering": 1}
    rows = []
    for day in days(start, end):
        if day in counted:
            continue
        that_day = events[(event_days == day) & events["category"].isin(preference)]
        if that_day.empty:
            rows.append({"day": day, "note": tr("participants.gap.none"), "quote": ""})
            continue
        ranked = that_day.assign(
            rank=that_day["category"].map(preference),
            wide=(that_day["scope"] == "unit").astype(int),
        ).sort_values(["rank", "wide"], kind="stable")
        best = ranked[
            (ranked["rank"] == ranked["rank"].iloc[0]) & (ranked["wide"] == ranked["wide"].iloc[0])
        ]
        rows.append(
            {
                "day": day,
                "note": " ".join(dict.fromkeys(best["description"])),
                "quote": " ".join(dict.fromkeys(best["quote"])),
            }
        )
    return pd.DataFrame(rows, columns=["day", "note", "quote"])


def regions_reached(
    figures: pd.DataFrame,
    events: pd.DataFrame,
    regions: pd.DataFrame,
    unrest_categories: list[str],
    start: dt.date,
    end: dt.date,
    *,
    tr: Translator = EN,
) -> pd.DataFrame:
    """Per day: the number of regions the statement reports, and the units its text names.

    The two differ (the statement reports eleven regions on 4 January; its text names six units), so
    both are shown side by side and neither is used to fill the other's gaps.
    """
    reported = figures[figures["metric"] == "regions_reached"].copy()
    reported["day"] = _as_date(reported["date"])
    reported = with_value_labels(reported, tr).set_index("day")
    named = events[(events["scope"] == "unit") & events["category"].isin(unrest_categories)]
    named_days = _as_date(named["date"])
    names = _names(regions)
    rows = []
    for day in days(start, end):
        units = sorted(set(named.loc[named_days == day, "region_id"]))
        row = {
            "day": day,
            "named": len(units),
            "named_units": ", ".join(names[u] for u in units),
            "reported": pd.NA,
            "reported_label": "",
            "reported_quote": "",
            "reported_note": "",
        }
        if day in reported.index:
            fig = reported.loc[day]
            row |= {
                "reported": fig["value"],
                "reported_label": fig["value_label"],
                "reported_quote": fig["quote"],
                "reported_note": fig["note"] if isinstance(fig["note"], str) else "",
            }
        rows.append(row)
    return pd.DataFrame(rows)


def breakdown(figures: pd.DataFrame, root_id: str, tr: Translator = EN) -> pd.DataFrame:
    """A figure and its parts, depth-first, largest part first, the derived rest last.

    `depth` is 0 for the root. Derived rows (from dashboard.derive) are kept in place
    after the stated parts of their parent.
    """
    by_parent = figures.groupby("parent_id", dropna=True)
    children = {parent: group for parent, group in by_parent}
    indexed = figures.set_index("figure_id", drop=False)
    order: list[tuple[str, int]] = []

    def walk(figure_id: str, depth: int) -> None:
        order.append((figure_id, depth))
        if figure_id not in children:
            return
        parts = children[figure_id].sort_values(["derived", "value"], ascending=[True, False])
        for child_id in parts["figure_id"]:
            walk(child_id, depth + 1)

    walk(root_id, 0)
    rows = indexed.loc[[fid for fid, _ in order]].reset_index(drop=True)
    rows["depth"] = [d for _, d in order]
    return with_value_labels(rows, tr)


def figures_by_id(figures: pd.DataFrame, ids: list[str], tr: Translator = EN) -> pd.DataFrame:
    """The named figures, in the order given, with value labels."""
    rows = figures.set_index("figure_id", drop=False).loc[ids].reset_index(drop=True)
    return with_value_labels(rows, tr)


def provenance(rows: pd.DataFrame, sources: pd.DataFrame, tr: Translator = EN) -> pd.DataFrame:
    """The table shown under a chart: each number, as stated, with its verbatim quote."""
    labels = source_labels(sources, tr)
    derived = rows["derived"] if "derived" in rows else pd.Series(False, index=rows.index)
    qualifiers = {
        k: tr(f"qualifier.{k}.label") for k in ("exact", "approximately", "almost", "over")
    }
    return pd.DataFrame(
        {
            tr("column.figure"): rows["label"],
            tr("column.value"): rows["value"],
            tr("column.as_stated"): [
                tr("derived.as_stated") if d else aw
                for d, aw in zip(derived, rows["as_written"], strict=True)
            ],
            tr("column.qualifier"): rows["qualifier"].map(qualifiers),
            tr("column.quote"): [
                "" if d else q for d, q in zip(derived, rows["quote"], strict=True)
            ],
            tr("column.source"): [labels.get(s, s) for s in rows["source_id"]],
        }
    ).reset_index(drop=True)


def by_filters(figures: pd.DataFrame, start: dt.date, end: dt.date, region_ids) -> pd.DataFrame:
    """Figures of a day inside [start, end], in the chosen regions (all when none chosen)."""
    day = pd.to_datetime(figures["date"]).dt.date
    keep = (day >= start) & (day <= end)
    if region_ids:
        keep &= figures["region_id"].isin(list(region_ids))
    return figures[keep]


def figures_table(
    rows: pd.DataFrame, tr: Translator = EN, labels: dict[str, str] | None = None
) -> pd.DataFrame:
    """Figure and number as stated (and its source, given `labels`), for a small table."""
    table = {tr("column.figure"): rows["label"], tr("column.as_stated"): rows["value_label"]}
    if labels is not None:
        table[tr("column.source")] = [labels[s] for s in rows["source_id"]]
    return pd.DataFrame(table)


def event_table(rows: pd.DataFrame, labels: dict[str, str], tr: Translator = EN) -> pd.DataFrame:
    """Happenings with where, what, their description, quote and source."""
    return pd.DataFrame(
        {
            tr("column.date"): [tr.day(d) for d in rows["date"]],
            tr("column.unit"): rows["where"],
            tr("column.place"): rows["place"],
            tr("column.category"): rows["category"],
            tr("column.description"): rows["description"],
            tr("column.quote"): rows["quote"],
            tr("column.source"): [labels.get(s, s) for s in rows["source_id"]],
        }
    )


def series_points(ds_figures: pd.DataFrame, sources: pd.DataFrame, tr: Translator = EN):
    """Every release of every series, oldest first: who said it, when, and from what source.

    `published` is the day the body said it (the source's date), `as_of` the day the figure
    describes. `kind` is the source's: a held `statement` (with its verbatim `quote`) or a
    `cited` publication (with its reports in `citation`).
    """
    rows = with_value_labels(ds_figures[ds_figures["series"].notna()], tr)
    by_id = sources.set_index("source_id")
    labels = source_labels(sources, tr)
    out = pd.DataFrame(
        {
            "series": rows["series"].to_numpy(),
            "figure_id": rows["figure_id"].to_numpy(),
            "label": rows["label"].to_numpy(),
            "value": rows["value"].astype("float64").to_numpy(),
            "value_label": rows["value_label"].to_numpy(),
            "qualifier": rows["qualifier"].to_numpy(),
            "as_written": rows["as_written"].to_numpy(),
            "as_of": [
                _as_of(d, e, by_id.loc[s, "published"])
                for d, e, s in zip(rows["date"], rows["period_end"], rows["source_id"], strict=True)
            ],
            "published": [by_id.loc[s, "published"].date() for s in rows["source_id"]],
            "source_id": rows["source_id"].to_numpy(),
            "source": [labels[s] for s in rows["source_id"]],
            "body": [by_id.loc[s, "organisation_short"] for s in rows["source_id"]],
            "kind": [by_id.loc[s, "kind"] for s in rows["source_id"]],
            "who": [_who(by_id.loc[s]) for s in rows["source_id"]],
            "quote": rows["quote"].fillna("").to_numpy(),
            "citation": [_citation(by_id.loc[s, "reports"]) for s in rows["source_id"]],
            "urls": [_urls(by_id.loc[s]) for s in rows["source_id"]],
            "note": rows["note"].fillna("").to_numpy(),
        }
    )
    return out.sort_values(["series", "published", "as_of"], kind="stable").reset_index(drop=True)


def latest_releases(points: pd.DataFrame) -> pd.DataFrame:
    """The last release of each series (by publication day, then as-of day)."""
    return points.groupby("series", sort=False).tail(1).set_index("series")


def _as_of(date, period_end, published) -> dt.date:
    for day in (period_end, date, published):
        if pd.notna(day):
            return pd.Timestamp(day).date()
    raise ValueError("a source always has a publication date")


def _who(source) -> str:
    """'Berik Asylov, Prosecutor General' or the body alone where no official is named."""
    speaker, post = source["speaker"], source["post"]
    named = [p for p in (speaker, post) if isinstance(p, str) and p]
    return ", ".join(named) if named else source["organisation_short"]


def _citation(reports) -> str:
    if not isinstance(reports, list):
        return ""
    return "; ".join(
        f"{r['publisher']}, “{r['title']}”" + (f", {r['published']}" if r.get("published") else "")
        for r in reports
    )


def _urls(source) -> str:
    if isinstance(source["reports"], list):
        return " ".join(r["url"] for r in source["reports"])
    return source["url"] if isinstance(source["url"], str) else ""


def first_and_latest(
    points: pd.DataFrame, vocabulary: dict, tr: Translator = EN, *, metrics=None
) -> pd.DataFrame:
    """One row per series (of `metrics`, if given): its first and its latest official figure."""
    counts = points["series"].value_counts()
    order = [
        key
        for key, entry in vocabulary.items()
        if key in counts.index and (metrics is None or entry["metric"] in metrics)
    ]
    first = points.groupby("series").head(1).set_index("series")
    last = latest_releases(points)
    return pd.DataFrame(
        {
            tr("column.series"): [vocabulary[k]["label"] for k in order],
            tr("column.first"): [
                f"{first.loc[k, 'value_label']} ({first.loc[k, 'source']})" for k in order
            ],
            tr("column.latest"): [
                f"{last.loc[k, 'value_label']} ({last.loc[k, 'source']})" for k in order
            ],
            tr("column.releases"): [int(counts[k]) for k in order],
        }
    )
