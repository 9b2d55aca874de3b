#!/usr/bin/env python3
"""Performance benchmark of the dashboard against Streamlit's own floors, in one command.

    python bench/run.py              # 5 loads per page, 6 presses per gesture (~10 min, 2 cores)
    python bench/run.py --quick      # smoke: 2 loads, 3 presses, 5 sessions, short scaling
    python bench/run.py --only interactions --views participants,spread   # while profiling

The shared harness (../shared/perf/measure.py; --harness or $QANTAR_PERF_HARNESS) does the
browser work. Page loads and memory run it as it is, one subprocess per page. Interactions
import it from its path and drive its own server, page and settle logic: its slider test,
and a region change pressed on the view's region filter, timed the same way (input
event -> the rerun it starts has finished and nothing on the page has changed for 300 ms).
The views come from dashboard.views.REGISTRY; the scaling probe is bench/probe.py.
Writes bench/results/latest.{json,txt}; exit 0 only if every target passes.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
from dashboard.views import LANDING, REGISTRY  # noqa: E402

APP = REPO / "streamlit_app.py"
HARNESS = Path(os.environ.get("QANTAR_PERF_HARNESS", REPO.parent / "shared/perf/measure.py"))
LIMITS = {"landing": 1.8, "view": 1.3, "press": 3.0, "mb_per_session": 2.0}
BUSY = 0.1  # share of the machine used by other processes above which a load is measured again
MEMORY_VIEW = "spread"  # the view with the most drawn on it (map and grid)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def load_harness(path: Path):
    spec = importlib.util.spec_from_file_location("perf_measure", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["perf_measure"] = module
    spec.loader.exec_module(module)
    return module


def url_path(view) -> str:
    return "" if view.name == LANDING else view.name


def ratio(x, base):
    return round(x / base, 2) if x and base else None


def median(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 1) if values else None


# --------------------------------------------------------------------------- page loads, memory
def run_measure(args, label: str, app: Path, *extra: str) -> dict:
    """measure.py as it is, in a subprocess; its last stdout line is JSON."""
    workdir = Path(tempfile.mkdtemp(prefix="qantar-bench-"))
    cmd = [sys.executable, str(args.harness), "--app", str(app), "--cwd", str(REPO)]
    cmd += ["--workdir", str(workdir), "--timeout", str(args.timeout), *extra]
    log(f"[{label}] $ {' '.join(cmd[1:])}")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800, cwd=REPO)
    try:
        out = json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        out = {"ok": False, "error": f"exit {proc.returncode}: {proc.stderr[-1500:]}"}
    log_file = workdir / "streamlit-server.log"
    text = log_file.read_text(errors="replace") if log_file.exists() else ""
    out["server_log_errors"] = [
        line for line in text.splitlines() if "Traceback" in line or "Error" in line
    ]
    out["rc"] = proc.returncode
    return out


def busy_share(m: dict) -> float:
    return (m.get("cpu") or {}).get("foreign_share_of_machine") or 0.0


def page_load(args, label: str, app: Path, path: str = "") -> dict:
    """Warm median (loads 2..N) of one page; measured again if the machine was busy."""
    extra = ["--runs", str(args.runs)] + (["--url-path", path] if path else [])
    m = run_measure(args, label, app, *extra)
    if busy_share(m) > BUSY:
        again = run_measure(args, label + " (again: machine busy)", app, *extra)
        m = min(m, again, key=busy_share)
    pl = m.get("page_load", {})
    row = {
        "ttr_ms": (pl.get("ttr_warm_ms") or {}).get("median"),
        "cold_ms": pl.get("ttr_first_run_ms"),
        "script_ms": (pl.get("script_done_ms") or {}).get("median"),
        "server_cpu_ms": (pl.get("server_cpu_ms") or {}).get("median"),
        "browser_ms": (pl.get("browser_task_ms") or {}).get("median"),
        "mb": pl.get("transfer_mb"),
        "charts": (pl.get("charts_found") or {}).get("pt"),
        "busy": busy_share(m),
        "ok": m.get("ok"),
        "problems": m.get("problems", {}),
    }
    log(f"  {label}: {row['ttr_ms']} ms warm, {row['cold_ms']} ms cold, busy {row['busy']:.0%}")
    return {"summary": row, "raw": m}


def memory(args) -> dict:
    path = "" if MEMORY_VIEW == LANDING else MEMORY_VIEW
    one = run_measure(args, "1 session", APP, "--runs", "0", "--sessions", "1", "--url-path", path)
    many = run_measure(
        args,
        f"{args.sessions} sessions",
        APP,
        "--runs",
        "0",
        "--sessions",
        str(args.sessions),
        "--url-path",
        path,
    )
    s1, sk = one.get("sessions", {}), many.get("sessions", {})
    grow = None
    if s1.get("rss_after_mb") and sk.get("rss_after_mb"):
        grow = round((sk["rss_after_mb"] - s1["rss_after_mb"]) / (args.sessions - 1), 2)
    return {
        "view": MEMORY_VIEW,
        "k": args.sessions,
        "rss_1_mb": s1.get("rss_after_mb"),
        "rss_k_mb": sk.get("rss_after_mb"),
        "rss_k_peak_mb": sk.get("rss_peak_mb"),
        "rss_k_closed_mb": sk.get("rss_after_close_mb"),
        "mb_per_session": grow,
        "settled": sk.get("pages_settled"),
        "with_exception": sk.get("pages_with_exception"),
        "server_log_errors": one["server_log_errors"] + many["server_log_errors"],
        "failures": sk.get("failures", []) + ([many["error"]] if many.get("error") else []),
        "raw": {"1": one, str(args.sessions): many},
    }


# --------------------------------------------------------------------------- interactions
REGION_BUTTONS = '[data-testid="stMain"] [role="toolbar"][aria-label^="Regions"] button'
CHOSEN_JS = f"""() => document.querySelectorAll('{REGION_BUTTONS}[aria-pressed="true"]').length"""


async def region_runs(h, browser, a, server, url, problems, out) -> None:
    """Region changes as a person makes them with the keyboard: focus a region's button in
    the view's region filter and press Enter (that region chosen), then Enter again (none
    again). Each press is one change, timed from its keydown with the harness's settle
    logic, like a slider press.
    """
    ctx, page, cdp = await h.new_page(browser, a, problems)
    rows = []
    try:
        await page.goto(url, wait_until="commit", timeout=a.timeout * 1000)
        await h.wait_settled(page, 0.0, False, a.timeout, a.quiet_ms, a.poll_ms / 1000)
        button = page.locator(REGION_BUTTONS).nth(1)  # the second region, as it is listed
        # Below the national totals on /property: in sight before the first press.
        await button.scroll_into_view_if_needed()
        name = (await button.inner_text()).strip()
        for i in range(a.runs):
            await asyncio.sleep(0.3)
            before = await page.evaluate(CHOSEN_JS)
            await button.focus()
            cpu0, m0 = server.cpu_s(), await h.cdp_metrics(cdp)
            await page.keyboard.press("Enter")
            t0 = await page.evaluate("() => window.__perfh.lastKeyDown")
            r = await h.wait_settled(page, t0, True, a.timeout, a.quiet_ms, a.poll_ms / 1000)
            m1, after = await h.cdp_metrics(cdp), await page.evaluate(CHOSEN_JS)
            if after == before:
                raise h.HarnessError(f"region change {i + 1} did not change the choice")
            rows.append(
                {
                    "ttr_ms": r["ttr_ms"],
                    "script_done_ms": r["script_done_ms"],
                    "n_runs": r["n_runs"],
                    "server_cpu_ms": (server.cpu_s() - cpu0) * 1000,
                    "browser_task_ms": m1.get("task_ms", 0) - m0.get("task_ms", 0),
                    "exceptions": r["snapshot"]["exceptions"],
                }
            )
            log(
                f"[region {i + 1}/{a.runs}] {before}->{after} chosen: ttr={r['ttr_ms']:.0f} ms "
                f"script_done={r['script_done_ms']:.0f} ms runs={r['n_runs']}"
            )
    finally:
        await ctx.close()
    out["region"] = {k: h.stats([r[k] for r in rows]) for k in rows[0] if k != "n_runs"}
    out["region"]["runs_per_change"] = [r["n_runs"] for r in rows]
    out["region"]["region"] = name


async def interact(h, args, label: str, app: Path, path: str, region: bool) -> dict:
    """The harness's slider test (and a region change) on a fresh server for one page."""
    a = argparse.Namespace(
        runs=args.presses,
        timeout=args.timeout,
        quiet_ms=300.0,
        poll_ms=25.0,
        width=1440,
        height=900,
        screenshot=None,
        chromium=args.chromium,
    )
    workdir = Path(tempfile.mkdtemp(prefix="qantar-bench-"))
    server = h.Server(app, h.pick_free_port(), REPO, sys.executable, [], workdir)
    out, problems = {}, h.PageProblems()
    watch, stop = h.CpuWatch(), asyncio.Event()
    watcher = asyncio.create_task(watch.run(stop))
    log(f"[{label}] slider{' and region' if region else ''} presses")
    try:
        server.start(args.timeout)
        from playwright.async_api import async_playwright

        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=args.chromium, args=h.CHROMIUM_ARGS)
            try:
                await h.slider_runs(
                    browser, a, server, f"http://127.0.0.1:{server.port}/{path}", problems, out
                )
                if region:
                    await region_runs(
                        h,
                        browser,
                        a,
                        server,
                        f"http://127.0.0.1:{server.port}/{path}",
                        problems,
                        out,
                    )
            except Exception as e:  # a failed measurement fails its target
                out["error"] = f"{type(e).__name__}: {e}"
                log(f"  FAILED: {out['error']}")
            finally:
                await browser.close()
    finally:
        server.stop()
        stop.set()
        await watcher
    out["busy"] = watch.result()["foreign_share_of_machine"]
    out["problems"] = problems.as_dict()
    return out


def interactions(h, args, views) -> dict:
    floor = h_app(args, "minimal_slider.py")
    res = {"floor_before": asyncio.run(interact(h, args, "floor before", floor, "", False))}
    for v in views:
        if v.follows_filters:
            res[v.name] = asyncio.run(interact(h, args, f"/{v.name}", APP, url_path(v), True))
    res["floor_after"] = asyncio.run(interact(h, args, "floor after", floor, "", False))
    presses = [
        x
        for k in ("floor_before", "floor_after")
        for x in ((res[k].get("slider") or {}).get("ttr_ms") or {}).get("values", [])
    ]
    res["floor_ms"] = median(presses)
    return res


def h_app(args, name: str) -> Path:
    return args.harness.parent / "apps" / name


# --------------------------------------------------------------------------- targets, report
def targets(r: dict) -> list[dict]:
    out = []

    def check(name, value, limit, detail):
        out.append(
            {
                "target": name,
                "value": value,
                "limit": limit,
                "detail": detail,
                "pass": value is not None and value <= limit,
            }
        )

    loads, floors = r.get("loads", {}), r.get("floors", {})
    bare = (floors.get("minimal") or {}).get("ttr_ms")
    chart = (floors.get("minimal_plotly") or {}).get("ttr_ms")
    for name, row in loads.items():
        landing = name == "/"
        base, limit = (bare, "landing") if landing else (chart, "view")
        what = "landing / bare page" if landing else f"{name} opened by its URL / one-chart page"
        check(what, ratio(row["ttr_ms"], base), LIMITS[limit], f"{row['ttr_ms']} / {base} ms")
    inter = r.get("interactions", {})
    floor = inter.get("floor_ms")
    for name, m in inter.items():
        if not isinstance(m, dict) or name.startswith("floor"):
            continue
        for gesture in ("slider", "region"):
            ms = ((m.get(gesture) or {}).get("ttr_ms") or {}).get("median")
            check(
                f"/{name} {gesture} change -> redrawn / bare slider page",
                ratio(ms, floor),
                LIMITS["press"],
                f"{ms} / {floor} ms" + (f"; {m['error']}" if "error" in m else ""),
            )
    mem = r.get("memory")
    if mem:
        check(
            f"server memory per session, 1 -> {mem['k']} sessions (MB)",
            mem["mb_per_session"],
            LIMITS["mb_per_session"],
            f"{mem['rss_1_mb']} -> {mem['rss_k_mb']} MB",
        )
        bad = mem["k"] - (mem["settled"] or 0) + (mem["with_exception"] or 0)
        bad += len(mem["server_log_errors"]) + len(mem["failures"])
        check(
            f"{mem['k']} concurrent sessions drawn, no stException, no server error",
            bad,
            0,
            f"settled {mem['settled']}, with stException {mem['with_exception']}, "
            f"server log errors {len(mem['server_log_errors'])}",
        )
    return out


def fmt(v, spec=".0f"):
    return "-" if v is None else format(v, spec)


def report(r: dict) -> str:
    lines = [
        f"python bench/run.py{' ' + ' '.join(r['argv']) if r['argv'] else ''}: {r['date']}, "
        f"commit {r['commit']}, {r['env'].get('cpus')} cores, streamlit "
        f"{r['env'].get('streamlit')}, plotly {r['env'].get('plotly')}, {r['env'].get('chromium')}",
        "",
        "Page loads, ms from navigation start (warm median of loads 2..N; cold = load 1 on a fresh "
        "server; script = script_finished received; busy = CPU share of other processes)",
        f"{'page':<24}{'ttr':>7}{'ratio':>7}{'cold':>7}{'script':>8}{'srv cpu':>9}{'browser':>9}"
        f"{'MB':>6}{'charts':>8}{'busy':>6}",
    ]
    floors, loads = r.get("floors", {}), r.get("loads", {})
    for name, row in [*((f"floor {k}", v) for k, v in floors.items()), *loads.items()]:
        base = floors.get("minimal" if name == "/" else "minimal_plotly", {}).get("ttr_ms")
        rt = "" if name.startswith("floor") else fmt(ratio(row["ttr_ms"], base), ".2f") + "x"
        lines.append(
            f"{name:<24}{fmt(row['ttr_ms']):>7}{rt:>7}{fmt(row['cold_ms']):>7}"
            f"{fmt(row['script_ms']):>8}{fmt(row['server_cpu_ms']):>9}{fmt(row['browser_ms']):>9}"
            f"{fmt(row['mb'], '.2f'):>6}{fmt(row['charts']):>8}{row['busy']:>6.0%}"
        )
    inter = r.get("interactions")
    if inter:
        lines += [
            "",
            "Input -> everything it changes redrawn, ms from the keydown (median of the presses; "
            "script = script_finished; runs = script runs per input; ratio = to the bare slider "
            "page, measured before and after the views)",
            f"{'page':<22}{'gesture':>8}{'ttr':>7}{'ratio':>7}{'script':>8}{'srv cpu':>9}"
            f"{'browser':>9}{'runs':>6}{'busy':>6}  presses",
        ]
        for name, m in inter.items():
            if not isinstance(m, dict):
                continue
            for gesture in ("slider", "region"):
                g = m.get(gesture)
                if not g or "ttr_ms" not in g:
                    continue
                med = lambda k, g=g: (g.get(k) or {}).get("median")  # noqa: E731
                runs = g.get("runs_per_press") or g.get("runs_per_change") or []
                rt = (
                    ""
                    if name.startswith("floor")
                    else fmt(ratio(med("ttr_ms"), inter["floor_ms"]), ".2f") + "x"
                )
                lines.append(
                    f"{name:<22}{gesture:>8}{fmt(med('ttr_ms')):>7}{rt:>7}{fmt(med('script_done_ms')):>8}"
                    f"{fmt(med('server_cpu_ms')):>9}{fmt(med('browser_task_ms')):>9}"
                    f"{fmt(max(runs) if runs else None):>6}{m.get('busy', 0):>6.0%}  "
                    + " ".join(fmt(v) for v in g["ttr_ms"]["values"])
                )
        lines.append(f"floor (all bare slider presses): {inter['floor_ms']} ms")
    mem = r.get("memory")
    if mem:
        lines += [
            "",
            f"Server RSS on /{mem['view']}: 1 session {mem['rss_1_mb']} MB, {mem['k']} sessions "
            f"{mem['rss_k_mb']} MB (peak {mem['rss_k_peak_mb']}, after close "
            f"{mem['rss_k_closed_mb']}): {mem['mb_per_session']} MB per additional session",
        ]
    sc = r.get("scaling")
    if sc and sc.get("scales"):
        names = list(sc["scales"][0]["build_ms"])
        lines += [
            "",
            "Scaling: ms per build() of each view on the dataset grown k times "
            "(e = estimated, 10 x the scale below; not measured)",
            f"{'scale':<7}{'events':>8}{'figures':>9}"
            + "".join(f"{n[:11]:>12}" for n in names)
            + f"{'sum':>9}",
        ]
        for s in sc["scales"]:
            cells = [
                f"{fmt(v) if v is not None else '-'}{'e' if n in s['estimated'] else ''}"
                for n, v in s["build_ms"].items()
            ]
            lines.append(
                f"{str(s['k']) + 'x':<7}{s['events']:>8}{s['figures']:>9}"
                + "".join(f"{c:>12}" for c in cells)
                + f"{fmt(s['sum_ms']):>9}"
            )
    lines += ["", "Targets"]
    for t in r["targets"]:
        lines.append(
            f"  [{'PASS' if t['pass'] else 'FAIL'}] {t['target']}: {t['detail']} = "
            f"{t['value']} (limit {t['limit']})"
        )
    lines.append(f"Finished in {r['wall_s']:.0f} s")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main
def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--quick", action="store_true", help="2 loads, 3 presses, 5 sessions, short scaling"
    )
    ap.add_argument(
        "--only",
        default="loads,interactions,memory,scaling",
        help="comma-separated parts to run (default: all)",
    )
    ap.add_argument("--views", default=None, help="comma-separated view names (default: REGISTRY)")
    ap.add_argument("--harness", type=Path, default=HARNESS)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument(
        "--out", type=Path, default=BENCH / "results", help="where latest.{json,txt} go"
    )
    args = ap.parse_args()
    args.runs, args.presses, args.sessions = (2, 3, 5) if args.quick else (5, 6, 20)
    if not args.harness.is_file():
        log(f"error: no harness at {args.harness} (--harness or $QANTAR_PERF_HARNESS)")
        return 2
    parts = set(args.only.split(","))
    wanted = set(args.views.split(",")) if args.views else None
    views = [v for v in REGISTRY if wanted is None or v.name in wanted]
    h = load_harness(args.harness)
    t0 = time.perf_counter()

    def git(*a):
        return subprocess.run(["git", *a], cwd=REPO, capture_output=True, text=True).stdout.strip()

    r = {
        "argv": sys.argv[1:],
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "commit": git("rev-parse", "--short", "HEAD")
        + (
            " (uncommitted changes)"
            if git("status", "--porcelain", "--", "dashboard", "bench")
            else ""
        ),
        "env": h.versions(args.chromium),
    }
    raw = {}
    if "loads" in parts:
        r["floors"], r["loads"] = {}, {}
        for floor in ("minimal", "minimal_plotly"):
            m = page_load(args, f"floor {floor}", h_app(args, f"{floor}.py"))
            r["floors"][floor], raw[f"floor {floor}"] = m["summary"], m["raw"]
        for v in views:
            m = page_load(args, f"/{url_path(v)}", APP, url_path(v))
            r["loads"][f"/{url_path(v)}"], raw[f"/{url_path(v)}"] = m["summary"], m["raw"]
    if "interactions" in parts:
        r["interactions"] = interactions(h, args, views)
    if "memory" in parts:
        r["memory"] = memory(args)
        raw["memory"] = r["memory"].pop("raw")
    if "scaling" in parts:
        cmd = [sys.executable, str(BENCH / "probe.py"), "--budget", "20" if args.quick else "90"]
        log(f"[scaling] $ {' '.join(cmd[1:])}")
        p = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=1800)
        r["scaling"] = (
            json.loads(p.stdout.strip().splitlines()[-1])
            if p.returncode == 0
            else {"error": p.stderr[-1500:]}
        )
    r["targets"] = targets(r)
    r["wall_s"] = time.perf_counter() - t0
    text = report(r)
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.txt").write_text(text)
    (args.out / "latest.json").write_text(json.dumps({**r, "raw": raw}, indent=1, default=str))
    return 0 if r["targets"] and all(t["pass"] for t in r["targets"]) else 1


if __name__ == "__main__":
    sys.exit(main())
