#!/usr/bin/env python3
"""Scaling probe: each view's pure build() on the dataset grown 10x, 100x and 1000x in memory.

    python bench/probe.py [--scales 1,10,100,1000] [--reps 3] [--budget 90]

The events and figures tables are repeated k times (copies with suffixed ids, parents and
derived_from renamed with their copy, never written to data/), localised as the app does,
and every view in dashboard.views.REGISTRY that has a build() is timed on it with the
default filters: the work of a press whose result the app has not cached yet. A build that
would not fit in its share of --budget seconds (10 x its time at the scale below) is not run
and is reported as that estimate. The last stdout line is JSON.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
import warnings
from dataclasses import replace
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
logging.disable(logging.WARNING)  # st.cache_data outside `streamlit run` warns on each call
warnings.filterwarnings("ignore")

from dashboard import context  # noqa: E402
from dashboard.i18n import EN, localise  # noqa: E402
from dashboard.views import REGISTRY  # noqa: E402


def _suffixed(series: pd.Series, tag: str) -> pd.Series:
    return series.where(series.isna(), series.astype("str") + tag)


def grow(ds, k: int):
    """ds with events and figures repeated k times, each copy a consistent tree of its own.

    Copies of `regions_reached` (one figure per day, looked up by day) get another metric so
    that the one-per-day rule holds; they still pass through every filter on the table.
    """
    if k <= 1:
        return ds
    figures, events = [ds.figures], [ds.events]
    for i in range(1, k):
        tag = f"~{i}"
        f = ds.figures.assign(
            figure_id=ds.figures["figure_id"] + tag,
            parent_id=_suffixed(ds.figures["parent_id"], tag),
        )
        if "derived_from" in f:
            f["derived_from"] = f["derived_from"].map(
                lambda ids, tag=tag: (
                    ";".join(x + tag for x in ids.split(";")) if isinstance(ids, str) else ids
                )
            )
        f.loc[f["metric"] == "regions_reached", "metric"] = "regions_reached~copy"
        figures.append(f)
        events.append(ds.events.assign(event_id=ds.events["event_id"] + tag))
    return replace(
        ds,
        figures=pd.concat(figures, ignore_index=True),
        events=pd.concat(events, ignore_index=True),
    )


def time_ms(fn, reps: int) -> float:
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(times), 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scales", default="1,10,100,1000")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--budget", type=float, default=90.0, help="seconds for all builds at a scale")
    args = ap.parse_args()
    base = context.dataset()  # loaded, validated, derived rows added: as the app has it
    views = [v for v in REGISTRY if hasattr(v.module, "build")]
    filters, share = context.Filters(), args.budget / len(views)
    out, previous = [], {}
    for k in (int(x) for x in args.scales.split(",")):
        ds = localise(grow(base, k), EN.lang)
        row = {"k": k, "events": len(ds.events), "figures": len(ds.figures)}
        row["build_ms"], row["estimated"] = {}, []
        for v in views:
            guess = previous.get(v.name, 0) * 10
            if guess > share * 1000:
                row["build_ms"][v.name] = round(guess, 1)
                row["estimated"].append(v.name)
                continue
            reps = args.reps if guess * args.reps < share * 1000 else 1
            row["build_ms"][v.name] = time_ms(
                lambda v=v, ds=ds: v.module.build(ds, filters, EN), reps
            )
        row["sum_ms"] = round(sum(row["build_ms"].values()), 1)
        previous = row["build_ms"]
        print(f"{k}x: {row}", file=sys.stderr, flush=True)
        out.append(row)
    print(json.dumps({"scales": out}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
