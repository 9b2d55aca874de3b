#!/usr/bin/env python3
"""Server-side probes without a browser; bench/run.py runs them as subprocesses.

    python bench/probe.py views   [--reps N]                 # views, charts per view, rerun ms
    python bench/probe.py scaling [--scales 1,10,100,1000] [--reps N] [--budget S] [--apptest]

`views` runs the app under Streamlit's AppTest: it lists the st.navigation pages (title,
URL path, page file), counts the plotly charts and dataframes each view emits, and times
a rerun of each view after a date-slider change (script time only, no browser).

`scaling` grows the events and figures tables synthetically to k times their rows (in
memory only: copies with renamed ids, never written to data/) and times what a rerun
recomputes: the pure table and chart functions the views call (`dashboard.tables`,
`dashboard.charts`, `dashboard.spread`), each chart also serialised with
`plotly.io.to_json` as `st.plotly_chart` does: the work of a rerun whose results the app
has not cached. With --apptest it also runs every view under AppTest with the app's
dataset swapped for the grown one and all Streamlit caches cleared: `open_ms` is the
first run of a view (the app's caches miss), `rerun_ms` the median of reruns that toggle
the date slider between two values (after the first two, the app's own caches answer).

The last line of stdout is JSON. Timings are time.perf_counter medians over repetitions;
each measurement stops repeating once it has used its share of --budget seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import logging
import os
import statistics
import sys
import time
import warnings
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
os.chdir(REPO)  # st.Page paths and data/ are relative to the repository root
sys.path.insert(0, str(REPO))


def _quiet_streamlit() -> None:
    """Bare-mode and AppTest runs log a warning per st.* call; keep stdout/stderr readable."""
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")


def _median_ms(fn, reps: int, budget_s: float) -> tuple[float, int]:
    """Median wall time of fn() in ms: at least one timed call, at most `reps` or `budget_s`."""
    times: list[float] = []
    started = time.perf_counter()
    while len(times) < max(1, reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
        if time.perf_counter() - started > budget_s:
            break
    return round(statistics.median(times), 2), len(times)


# --------------------------------------------------------------------------- AppTest views
def _app_test():
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(REPO / "streamlit_app.py"), default_timeout=300)


def _pages(at) -> list[dict]:
    """The st.navigation pages the app registered, in navigation order.

    AppTest has no public accessor for them; `_registered_pages` holds what the page's
    navigation message carries (title, url_pathname, script_path).
    """
    pages = getattr(at, "_registered_pages", None) or {}
    return [
        {
            "title": p.get("page_name"),
            "url_path": p.get("url_pathname") or "",
            "script": os.path.relpath(p["script_path"], REPO),
        }
        for p in pages.values()
    ]


def _date_values():
    from dashboard.tables import FIRST_DAY, LAST_DAY

    return (FIRST_DAY, LAST_DAY), (FIRST_DAY + dt.timedelta(days=1), LAST_DAY)


def _rerun_view(at, page: dict, reps: int, budget_s: float) -> dict:
    """Open the view, then time reruns that move the date slider's start by one day.

    Each timed rerun flips the start between the first and the second day, from whatever
    the slider holds, so no untimed reset run is needed.
    """
    t0 = time.perf_counter()
    at.switch_page(page["script"]).run()
    first_ms = (time.perf_counter() - t0) * 1000
    out = {
        "plotly_charts": len(at.get("plotly_chart")),
        "dataframes": len(at.dataframe),
        "exceptions": len(at.exception),
        "open_ms": round(first_ms, 1),
    }
    if at.exception:
        out["exception_text"] = [str(e.value)[:300] for e in at.exception][:3]
    defaults, moved = _date_values()

    def rerun():
        slider = at.slider(key="dates")
        slider.set_value(defaults if tuple(slider.value) == moved else moved).run()

    try:
        out["rerun_ms"], out["rerun_n"] = _median_ms(rerun, reps, budget_s)
        out["rerun_exceptions"] = len(at.exception)
    except Exception as e:  # a view without the sidebar slider, or a changed key
        out["rerun_error"] = f"{type(e).__name__}: {e}"[:300]
    return out


def cmd_views(args) -> dict:
    _quiet_streamlit()
    at = _app_test()
    t0 = time.perf_counter()
    at.run()
    result = {"first_run_ms": round((time.perf_counter() - t0) * 1000, 1), "views": []}
    for page in _pages(at):
        row = dict(page)
        try:
            row |= _rerun_view(at, page, args.reps, args.budget / 10)
        except Exception as e:
            row["error"] = f"{type(e).__name__}: {e}"[:300]
        result["views"].append(row)
    return result


# --------------------------------------------------------------------------- synthetic data
class AppData:
    """Serve a given dataset through the app's own cached loaders.

    `dashboard.app.dataset` (load + derive, cached) is swapped for one returning the grown
    dataset and Streamlit's caches are cleared, so everything the app layers on top
    (e.g. `localised_dataset`, also st.cache_data) runs as in production: a cache miss
    once, then a cache hit (an unpickled copy, as st.cache_data returns) on every rerun.
    """

    def __init__(self):
        from dashboard import app

        self.app = app
        self.original = app.dataset

    def base(self):
        """The dataset exactly as the app builds it (dashboard.app.dataset, bare mode)."""
        with contextlib.redirect_stdout(io.StringIO()):
            return self.original()

    def install(self, ds) -> None:
        import streamlit as st

        self.app.dataset = lambda: ds  # looked up at call time by the app's loaders
        st.cache_data.clear()
        st.cache_resource.clear()  # e.g. figures memoised per view and filters

    def restore(self) -> None:
        import streamlit as st

        self.app.dataset = self.original
        st.cache_data.clear()
        st.cache_resource.clear()

    def for_views(self):
        """What a view gets from the app on a rerun (the localised dataset if there is one)."""
        loader = getattr(self.app, "localised_dataset", None)
        with contextlib.redirect_stdout(io.StringIO()):
            return loader("en") if loader is not None else self.app.dataset()


def _suffix_ids(series, tag: str):
    return series.where(series.isna(), series.astype("str") + tag)


def grow(ds, k: int):
    """ds with events and figures repeated k times; copies get ids suffixed "~i".

    Parent ids and derived_from are renamed with their copy, so every copy is a consistent
    tree of its own. Copies of `regions_reached` figures (one per day, looked up by day)
    get the metric "regions_reached~copy" so that the one-per-day rule still holds; they
    still pass through every filter on the table.
    """
    import pandas as pd

    if k <= 1:
        return ds
    figures, events = [ds.figures], [ds.events]
    for i in range(1, k):
        tag = f"~{i}"
        f = ds.figures.copy()
        f["figure_id"] = f["figure_id"] + tag
        f["parent_id"] = _suffix_ids(f["parent_id"], tag)
        if "derived_from" in f:
            f["derived_from"] = f["derived_from"].map(
                lambda ids, tag=tag: (
                    ";".join(x + tag for x in ids.split(";")) if isinstance(ids, str) else ids
                )
            )
        f.loc[f["metric"] == "regions_reached", "metric"] = "regions_reached~copy"
        figures.append(f)
        e = ds.events.copy()
        e["event_id"] = e["event_id"] + tag
        events.append(e)
    return replace(
        ds,
        figures=pd.concat(figures, ignore_index=True),
        events=pd.concat(events, ignore_index=True),
    )


# --------------------------------------------------------------------------- pure functions
GPO, MIA = "gpo-2022-01-15", "mia-2022-01-25"


def _fig_json(fig):
    import plotly.io

    # What st.plotly_chart does with a figure on every run.
    return plotly.io.to_json(fig, validate=False)


def pure_steps(ds, start, end, region_ids) -> dict:
    """name -> zero-argument callable, one per data-dependent call a rerun makes.

    Mirrors what dashboard/views.py calls on each rerun (tables -> chart -> JSON). A step
    whose function is missing or whose signature changed reports an error instead of
    stopping the benchmark.
    """
    from dashboard import charts, tables

    try:
        from dashboard import spread as regional
    except ImportError:
        regional = None

    labels = tables.source_labels(ds.sources)
    unrest = [k for k, v in ds.vocabularies["event_categories"].items() if v["group"] == "unrest"]
    ids = list(region_ids)

    def participants():
        points = tables.participant_points(ds.figures, ds.regions, start, end, ids)
        gaps = tables.participant_gaps(points, ds.events, start, end)
        fig = charts.participants_chart(
            points, gaps, start=start, end=end, sources=labels, title="t", subtitle="s"
        )
        _fig_json(fig)
        tables.provenance(points, ds.sources)
        rows = tables.regions_reached(ds.figures, ds.events, ds.regions, unrest, start, end)
        _fig_json(charts.regions_reached_chart(rows, title="t", subtitle="s"))

    def _breakdown(root, *, chart=True):
        rows = tables.breakdown(ds.figures, root)
        if chart:
            _fig_json(
                charts.breakdown_chart(
                    rows, sources=labels, title="t", subtitle="s", unit_title="u"
                )
            )
        tables.provenance(rows, ds.sources)
        return rows

    def casualties():
        _breakdown("affected-people", chart=False)
        parts = []
        for group, root in (("Wounded", "wounded"), ("Deaths", "deaths")):
            b = tables.breakdown(ds.figures, root)
            for r in b[b["depth"] == 1].itertuples():
                parts.append(
                    {
                        "group": group,
                        "part": "p" if not r.derived else "o",
                        "value": r.value,
                        "value_label": r.value_label,
                        "derived": bool(r.derived),
                        "quote": r.quote,
                        "source_id": r.source_id,
                    }
                )
        import pandas as pd

        _fig_json(
            charts.parts_chart(
                pd.DataFrame(parts), sources=labels, title="t", subtitle="s", unit_title="u"
            )
        )
        tables.figures_by_id(ds.figures, ["affected-people", "wounded", "deaths"])

    def property_view():
        _breakdown("buildings-attacked")
        _breakdown("vehicles-destroyed-damaged")
        tables.figures_by_id(
            ds.figures, ["businesses-looted", "hunting-shops-looted", "damage-tenge"]
        )

    def weapons():
        _breakdown("weapons-recovered")
        tables.figures_by_id(ds.figures, ["grenades-recovered", "cartridges-recovered"])

    def cases():
        _breakdown("criminal-cases-0115")
        by_article = ds.figures[
            (ds.figures["metric"] == "criminal_cases") & (ds.figures["source_id"] == MIA)
        ]
        by_article = tables.with_value_labels(
            by_article.sort_values("value", ascending=False).assign(depth=0)
        )
        _fig_json(
            charts.breakdown_chart(
                by_article, sources=labels, title="t", subtitle="s", unit_title="u"
            )
        )
        _breakdown("detained-0115")

    def chronology():
        tables.filter_events(ds.events, start, end, ids)

    steps = {
        "participants": participants,
        "casualties": casualties,
        "property": property_view,
        "weapons": weapons,
        "cases": cases,
        "chronology": chronology,
    }
    if regional is not None:

        def spread():
            vocab = ds.vocabularies
            args = (ds.events, vocab, start, end, ids)
            labels_ = regional.severity_labels(vocab)
            units = regional.unit_severity(*args, regions=ds.regions, places=ds.places)
            towns = regional.named_places(ds.events, ds.places, vocab, start, end, ids)
            _fig_json(
                regional.spread_map(
                    units, towns, regional.load_geojson(), labels=labels_, title="t", subtitle="s"
                )
            )
            regional.unplaced_events(*args, regions=ds.regions)
            regional.placed_events(*args, regions=ds.regions)
            if hasattr(regional, "region_day_matrix"):
                cells = regional.region_day_matrix(*args, regions=ds.regions, places=ds.places)
                _fig_json(regional.region_day_chart(cells, labels=labels_, title="t", subtitle="s"))

        steps["spread"] = spread
    return steps


def _apptest_scaled(data: AppData, ds_k, pages, reps, budget_s) -> dict:
    """Whole reruns of every view under AppTest with the app serving ds_k."""
    data.install(ds_k)
    at = _app_test()
    at.run()
    out = {}
    for page in pages:
        name = page["url_path"] or "(landing)"
        try:
            r = _rerun_view(at, page, reps, budget_s / max(1, len(pages)))
            keep = ("rerun_ms", "rerun_n", "open_ms", "exceptions", "exception_text", "rerun_error")
            out[name] = {k: r[k] for k in keep if r.get(k) is not None}
            # rows the view's tables show: proves the grown data reached the page
            out[name]["dataframe_rows"] = sum(len(d.value) for d in at.dataframe)
        except Exception as e:
            out[name] = {"error": f"{type(e).__name__}: {e}"[:300]}
    return out


def _estimate(prev: dict, key: str, k: int) -> float | None:
    """ms at scale k, extrapolated linearly in rows from the largest smaller scale measured."""
    if key not in prev:
        return None
    k0, ms0 = prev[key]
    return ms0 * k / k0


def cmd_scaling(args) -> dict:
    """Pure functions at every scale first, then AppTest reruns with the budget left.

    A measurement whose extrapolation from the previous scale would not fit in the
    remaining budget is skipped and reported as an estimate (`*_estimated_ms`), never
    mixed with measured figures.
    """
    _quiet_streamlit()
    from dashboard.tables import FIRST_DAY, LAST_DAY

    started = time.perf_counter()
    deadline_pure = started + args.budget * (0.6 if args.apptest else 1.0)
    deadline_all = started + args.budget

    def left(deadline):
        return deadline - time.perf_counter()

    data = AppData()
    base = data.base()
    scales = [int(x) for x in args.scales.split(",")]
    start, end = FIRST_DAY + dt.timedelta(days=1), LAST_DAY
    result = {
        "base_rows": {"events": len(base.events), "figures": len(base.figures)},
        "filters": f"dates {start}..{end}, all regions (the slider's start moved by one day)",
        "budget_s": args.budget,
        "scales": {},
    }
    prev: dict[str, tuple[int, float]] = {}
    try:
        for k in scales:
            t0 = time.perf_counter()
            ds_k = grow(base, k)
            data.install(ds_k)
            t1 = time.perf_counter()
            view_ds = data.for_views()  # cache miss: localise etc., once per process
            row = {
                "events": len(ds_k.events),
                "figures": len(ds_k.figures),
                "cache_miss_ms": round((time.perf_counter() - t1) * 1000, 1),
                "pure_ms": {},
                "pure_estimated_ms": {},
                "errors": {},
            }
            # st.cache_data hands out an unpickled copy on every hit; the app asks for the
            # dataset in main() and again in the page's views.context(): twice per rerun.
            steps = {"cache_hits": lambda: (data.for_views(), data.for_views())}
            steps |= pure_steps(view_ds, start, end, [])
            for name, fn in steps.items():
                est = _estimate(prev, name, k)
                if est is not None and est / 1000 > left(deadline_pure):
                    row["pure_estimated_ms"][name] = round(est, 1)
                    continue
                try:
                    if k == scales[0]:
                        fn()  # warm-up once: imports, lru caches (geojson)
                    share = max(0.0, left(deadline_pure)) / (len(steps) * len(scales))
                    row["pure_ms"][name], _n = _median_ms(fn, args.reps, share)
                    prev[name] = (k, row["pure_ms"][name])
                except Exception as e:
                    row["errors"][name] = f"{type(e).__name__}: {e}"[:300]
            row["pure_total_ms"] = round(sum(row["pure_ms"].values()), 1)
            if row["pure_estimated_ms"]:
                row["pure_total_estimated_ms"] = round(
                    row["pure_total_ms"] + sum(row["pure_estimated_ms"].values()), 1
                )
            row["wall_s"] = round(time.perf_counter() - t0, 1)
            result["scales"][str(k)] = row
            print(
                f"[scaling x{k}] {row['events']} events, {row['figures']} figures: "
                f"{row['pure_total_ms']} ms (sum over views of the pure work of one rerun)"
                + (f" + estimated {row['pure_estimated_ms']}" if row["pure_estimated_ms"] else "")
                + (f"  errors: {row['errors']}" if row["errors"] else ""),
                file=sys.stderr,
                flush=True,
            )
        if args.apptest:
            data.restore()
            at = _app_test()
            with contextlib.redirect_stdout(io.StringIO()):
                at.run()
            pages = _pages(at)
            for k in scales:
                row = result["scales"][str(k)]
                need_s = None
                if "apptest_wall" in prev:  # a cache miss per view grows like the pure work
                    k0, wall0 = prev["apptest_wall"]
                    pure = {
                        kk: result["scales"][str(kk)].get("pure_total_estimated_ms")
                        or result["scales"][str(kk)]["pure_total_ms"]
                        for kk in (k0, k)
                    }
                    need_s = wall0 * max(1.0, pure[k] / max(pure[k0], 1e-3))
                if need_s is not None and need_s > left(deadline_all):
                    row["apptest_skipped"] = (
                        f"about {need_s:.0f} s needed, {max(0, left(deadline_all)):.0f} s of budget left"
                    )
                    print(
                        f"[scaling x{k}] AppTest skipped: {row['apptest_skipped']}",
                        file=sys.stderr,
                        flush=True,
                    )
                    continue
                t0 = time.perf_counter()
                share = max(0.0, left(deadline_all)) / max(1, len(scales) - scales.index(k))
                with contextlib.redirect_stdout(io.StringIO()):
                    row["apptest"] = _apptest_scaled(
                        data, grow(base, k), pages, args.reps, share / 2
                    )
                row["apptest_total_ms"] = round(
                    sum(v.get("rerun_ms") or 0 for v in row["apptest"].values()), 1
                )
                row["apptest_open_total_ms"] = round(
                    sum(v.get("open_ms") or 0 for v in row["apptest"].values()), 1
                )
                row["apptest_wall_s"] = round(time.perf_counter() - t0, 1)
                prev["apptest_wall"] = (k, row["apptest_wall_s"])
                print(
                    f"[scaling x{k}] AppTest, sum over views: first open {row['apptest_open_total_ms']}"
                    f" ms, warm rerun {row['apptest_total_ms']} ms",
                    file=sys.stderr,
                    flush=True,
                )
    finally:
        data.restore()
    result["wall_s"] = round(time.perf_counter() - started, 1)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    v = sub.add_parser("views")
    v.add_argument("--reps", type=int, default=5)
    v.add_argument("--budget", type=float, default=60.0)
    s = sub.add_parser("scaling")
    s.add_argument("--scales", default="1,10,100,1000")
    s.add_argument("--reps", type=int, default=5)
    s.add_argument("--budget", type=float, default=120.0, help="seconds for all scales together")
    s.add_argument("--apptest", action="store_true", help="also time AppTest reruns of every view")
    args = ap.parse_args()
    out = cmd_views(args) if args.cmd == "views" else cmd_scaling(args)
    print(json.dumps(out, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
