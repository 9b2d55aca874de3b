"""Values computed from the curated figures, never typed into data/.

A statement often gives a whole and some of its parts ("4,353 were wounded, including 3,393
servicemen"); the part it leaves unnamed (wounded other than law enforcement) is worth
showing, but it is our arithmetic, not an official number. These pure functions compute it
exactly (no float rounding on 87 billion) and mark every such row `derived`, with the ids it
was computed from, so the page can draw it differently and never pass it off as stated.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

REST_SUFFIX = "--rest"  # "--" cannot occur in a curated id, so a derived id never collides
# What a rest shares with its whole: it counts the same thing, at the same time and place.
INHERITED = (
    "source_id",
    "metric",
    "unit",
    "date",
    "period_start",
    "period_end",
    "region_id",
    "place_id",
)


def _exact(value) -> Decimal:
    return Decimal(int(value)) if float(value).is_integer() else Decimal(repr(float(value)))


def _plain(number: Decimal) -> int | float:
    return int(number) if number == number.to_integral_value() else float(number)


def derived_remainders(figures: pd.DataFrame) -> pd.DataFrame:
    """For each figure with parts of the same unit: the whole minus its parts, as new rows.

    Rows get `figure_id` `<parent>--rest`, `parent_id` the whole, `derived` True and
    `derived_from` the input ids joined by ";". A rest of zero (the parts are the whole) is
    skipped, and so is a negative one (parts that overlap leave no rest to show). No rest
    is computed where the whole or a part is qualified: "over 700" minus "over 500" minus
    116 leaves an unknown number, not "over 84".
    """
    columns = [*figures.columns, "derived", "derived_from"]
    by_id = figures.set_index("figure_id", drop=False)
    rows = []
    for parent_id, parts in figures[figures["parent_id"].notna()].groupby("parent_id", sort=False):
        if parent_id not in by_id.index:
            continue
        parent = by_id.loc[parent_id]
        parts = parts[(parts["unit"] == parent["unit"]) & parts["value"].notna()]
        if parts.empty or pd.isna(parent["value"]):
            continue
        if parent["qualifier"] != "exact" or (parts["qualifier"] != "exact").any():
            continue
        rest = _exact(parent["value"]) - sum(_exact(v) for v in parts["value"])
        if rest <= 0:
            continue
        inputs = [parent_id, *parts["figure_id"]]
        row = dict.fromkeys(figures.columns)
        row |= {name: parent[name] for name in INHERITED if name in figures.columns}
        row |= {
            "figure_id": f"{parent_id}{REST_SUFFIX}",
            "breakdown": "not itemised",
            "label": f"{parent['label']}, not itemised (derived)",
            "value": _plain(rest),
            "qualifier": "exact",
            "parent_id": parent_id,
            "note": f"Derived: {parent_id} minus {', '.join(inputs[1:])}.",
            "derived": True,
            "derived_from": ";".join(inputs),
        }
        rows.append(row)
    derived = pd.DataFrame(rows, columns=columns)
    dtypes = {c: figures[c].dtype for c in figures.columns}
    return derived.astype(dtypes | {"derived": bool, "derived_from": "str"})


def with_derived(figures: pd.DataFrame) -> pd.DataFrame:
    """The curated figures (`derived` False) followed by the derived rests (`derived` True).

    Idempotent: figures that already have a `derived` column are returned unchanged.
    """
    if "derived" in figures.columns:
        return figures.copy()
    curated = figures.assign(
        derived=False, derived_from=pd.Series(pd.NA, index=figures.index, dtype="str")
    )
    derived = derived_remainders(figures)
    if derived.empty:
        return curated.reset_index(drop=True)
    return pd.concat([curated, derived], ignore_index=True)
