#!/usr/bin/env python3
"""Performance benchmark of the dashboard against Streamlit's own floors, in one command.

    python bench/run.py            # default: 5 page loads per app/view (~10 min on 2 cores)
    python bench/run.py --quick    # smoke: 2 loads, 5 concurrent sessions, small scaling budget

Uses the shared harness in ../shared/perf/ (beside the repository; --harness or
$QANTAR_PERF_HARNESS to point elsewhere): measure.py is run as a subprocess per app and
view, through bench/measure_visible.py (the one patch: only visible charts and tables
must be drawn; the dashboard keeps tables in collapsed expanders). Server-side probes
(view discovery, chart counts, synthetic scaling) are in bench/probe.py.

Writes bench/results/latest.json and prints a table with medians, ratios to the floors,
the targets and PASS/FAIL. Exit code 0 = every target passed, 1 = a target failed or a
measurement is missing, 2 = setup error.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DEFAULT_HARNESS = REPO.parent / "shared" / "perf" / "measure.py"
APP = "streamlit_app.py"
COMMUNITY_CLOUD_MB = 2.7e9 / 2**20  # "about 2.7 GB" per app, in MiB like the harness's RSS
# Paths of the views as of the brief, used only if AppTest cannot list the navigation.
FALLBACK_VIEWS = [
    "",
    "participants",
    "spread",
    "casualties",
    "property",
    "weapons",
    "cases",
    "chronology",
    "sources",
]
TARGETS = {
    "landing": 1.8,  # landing fully drawn <= 1.8 x bare page
    "view": 1.3,  # every other view opened directly <= 1.3 x one-chart page
    "slider": 3.0,  # slider key press -> charts redrawn <= 3 x bare slider page
    "mb_per_session": 2.0,  # server RSS growth per additional session, 1 -> K sessions
}
ERROR_MARKERS = ("Traceback", "Error")
# Share of the machine's CPU used by other processes above which a run is measured again
# (measure.py warns from 0.1: the browser, the server and the harness share two cores).
CONTENDED = 0.1


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- subprocesses
class Child:
    """A subprocess in its own process group, always stopped (timeout, Ctrl-C, SIGTERM).

    measure.py stops its own Streamlit server on SIGTERM (and through PDEATHSIG if it is
    SIGKILLed), so stopping the group is enough to leave nothing behind.
    """

    current: Child | None = None

    def __init__(self, cmd: list[str], timeout: float, cwd: Path = REPO):
        self.cmd, self.timeout, self.cwd = cmd, timeout, cwd

    def run(self) -> tuple[int | None, str, str]:
        log(f"$ {' '.join(str(c) for c in self.cmd)}")
        with tempfile.TemporaryFile("w+") as err:
            proc = subprocess.Popen(
                self.cmd,
                cwd=self.cwd,
                stdout=subprocess.PIPE,
                stderr=err,
                text=True,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
            Child.current = self
            self.proc = proc
            try:
                out, _ = proc.communicate(timeout=self.timeout)
                rc = proc.returncode
            except subprocess.TimeoutExpired:
                log(f"  timed out after {self.timeout:.0f} s; stopping it")
                self.stop()
                out, rc = (proc.stdout.read() if proc.stdout else ""), None
            finally:
                self.stop()
                Child.current = None
            err.seek(0)
            return rc, out, err.read()

    def stop(self) -> None:
        proc = getattr(self, "proc", None)
        if proc is None or proc.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 5)):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, sig)
            try:
                proc.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue


def last_json(stdout: str) -> dict | None:
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                return None
    return None


# --------------------------------------------------------------------------- figures
def med(values) -> float | None:
    vals = [v for v in values if v is not None]
    return round(statistics.median(vals), 1) if vals else None


def warm(stat: dict | None) -> float | None:
    """Median of runs 2..N of a harness stats dict (run 1 is a cold server)."""
    if not stat or not stat.get("values"):
        return None
    vals = stat["values"]
    return med(vals[1:]) if len(vals) > 1 else vals[0]


def load_figures(m: dict) -> dict:
    """The page-load figures of one measure.py result, warm medians and the cold first run."""
    pl = m.get("page_load") or {}
    ttr = pl.get("ttr_ms") or {}
    return {
        "ttr_ms": (pl.get("ttr_warm_ms") or {}).get("median") or ttr.get("median"),
        "ttr_all_runs_median_ms": ttr.get("median"),
        "ttr_cold_first_run_ms": pl.get("ttr_first_run_ms"),
        "ttr_values_ms": ttr.get("values"),
        "script_done_ms": warm(pl.get("script_done_ms")),
        "charts_settled_ms": warm(pl.get("charts_settled_ms")),
        "server_cpu_ms": warm(pl.get("server_cpu_ms")),
        "server_cpu_cold_ms": ((pl.get("server_cpu_ms") or {}).get("values") or [None])[0],
        "browser_task_ms": warm(pl.get("browser_task_ms")),
        "transfer_mb": pl.get("transfer_mb"),
        "resources": pl.get("resources"),
        "charts_found": pl.get("charts_found"),
        "exceptions": pl.get("exceptions"),
        "failures": pl.get("failures"),
    }


def slider_figures(m: dict) -> dict | None:
    sl = m.get("slider")
    if not sl or "ttr_ms" not in sl:
        return sl
    return {
        "ttr_ms": sl["ttr_ms"].get("median"),
        "ttr_values_ms": sl["ttr_ms"].get("values"),
        "rerun_started_ms": (sl.get("rerun_started_ms") or {}).get("median"),
        "script_done_ms": (sl.get("script_done_ms") or {}).get("median"),
        "charts_settled_ms": (sl.get("charts_settled_ms") or {}).get("median"),
        "server_cpu_ms": (sl.get("server_cpu_ms") or {}).get("median"),
        "browser_task_ms": (sl.get("browser_task_ms") or {}).get("median"),
        "runs_per_press": sl.get("runs_per_press"),
        "keys": sl.get("keys"),
        "exceptions": sl.get("exceptions"),
        "failures": sl.get("failures"),
    }


def server_log_errors(workdir: Path) -> list[str]:
    path = workdir / "streamlit-server.log"
    try:
        lines = path.read_text(errors="replace").splitlines()
    except OSError:
        return [f"(no server log at {path})"]
    return [line[:300] for line in lines if any(k in line for k in ERROR_MARKERS)][:20]


# --------------------------------------------------------------------------- the benchmark
class Bench:
    def __init__(self, args):
        self.args = args
        self.harness = Path(args.harness).resolve()
        self.apps_dir = self.harness.parent / "apps"
        self.workroot = Path(tempfile.mkdtemp(prefix="qantar-bench-"))
        self.raw: dict[str, dict] = {}
        self.problems: dict[str, dict] = {}
        self.log_errors: dict[str, list[str]] = {}
        self.contention: dict[str, float | None] = {}
        self.retries: list[dict] = []
        self.kept: list[dict] = []
        self.env: dict = {}

    def measure(
        self,
        label: str,
        app: Path,
        *,
        runs: int,
        url_path: str = "",
        slider: bool = False,
        sessions: int = 0,
    ) -> dict:
        workdir = self.workroot / label.strip("/").replace("/", "_").replace(" ", "_")
        cmd = [
            sys.executable,
            str(BENCH / "measure_visible.py"),
            str(self.harness),
            "--app",
            str(app),
            "--runs",
            str(runs),
            "--cwd",
            str(REPO),
            "--workdir",
            str(workdir),
            "--timeout",
            str(self.args.timeout),
        ]
        if url_path:
            cmd += ["--url-path", url_path]
        if slider:
            cmd.append("--slider-test")
        if sessions:
            cmd += ["--sessions", str(sessions)]
        budget = 60 + (runs * (2 if slider else 1) + 2) * (self.args.timeout + 10)
        budget += (self.args.timeout + 10 * sessions + 30) if sessions else 0
        t0 = time.perf_counter()
        rc, out, err = Child(cmd, budget).run()
        for line in out.strip().splitlines()[:-1]:
            log(f"  {line[:220]}")
        m = last_json(out) or {
            "ok": False,
            "error": f"no JSON from measure.py (exit {rc})",
            "stderr_tail": err[-2000:],
        }
        m["rc"] = rc
        m["wall_s"] = round(time.perf_counter() - t0, 1)
        self.raw[label] = m
        self.env = self.env or m.get("env", {})
        self.problems[label] = m.get("problems", {})
        self.contention[label] = (m.get("cpu") or {}).get("foreign_share_of_machine")
        errors = server_log_errors(workdir)
        if errors:
            self.log_errors[label] = errors
        if m.get("error"):
            log(f"  measure.py error: {m['error']}")
        return m

    @staticmethod
    def share(m: dict) -> float | None:
        return (m.get("cpu") or {}).get("foreign_share_of_machine")

    def retry_contended(self, specs: dict[str, dict], runs: int, budget_s: float) -> dict:
        """Measure once more every run during which other processes used more than
        CONTENDED of the machine (worst first, within budget_s); keep the less contended.

        Floors and dashboard are compared by ratio, so a floor measured on a busy machine
        flatters the dashboard and a busy view run penalises it.
        """
        chosen = {label: self.raw[label] for label in specs}
        deadline = time.perf_counter() + budget_s
        todo = sorted(
            (label for label in specs if (self.share(chosen[label]) or 0) > CONTENDED),
            key=lambda label: -(self.share(chosen[label]) or 0),
        )
        for label in todo:
            first = chosen[label]
            entry = {"run": label, "first_share": self.share(first)}
            if time.perf_counter() + first.get("wall_s", 60) > deadline:
                entry["kept"] = "first (no retry budget left)"
                self.retries.append(entry)
                continue
            again = self.measure(f"{label} (retry)", runs=runs, **specs[label])
            entry["retry_share"] = self.share(again)
            ok = again.get("page_load", {}).get("ttr_warm_ms", {}).get("median") is not None
            if ok and (self.share(again) or 0) < (self.share(first) or 0):
                chosen[label] = again
                entry["kept"] = "retry"
            else:
                entry["kept"] = "first"
            self.retries.append(entry)
        if not todo:
            log("  none")
        return chosen

    # ---- steps
    def probe_views(self) -> list[dict]:
        if self.args.views is not None:
            paths = [p.strip().strip("/") for p in self.args.views.split(",")]
            return [{"url_path": p, "title": None, "plotly_charts": None} for p in paths]
        rc, out, err = Child(
            [
                sys.executable,
                str(BENCH / "probe.py"),
                "views",
                "--reps",
                str(max(2, self.args.runs)),
            ],
            timeout=300,
        ).run()
        data = last_json(out)
        if not data or not data.get("views"):
            log(
                f"  AppTest could not list the views (exit {rc}); using {FALLBACK_VIEWS}\n{err[-1500:]}"
            )
            return [{"url_path": p, "title": None, "plotly_charts": None} for p in FALLBACK_VIEWS]
        for v in data["views"]:
            log(
                f"  /{v['url_path']:<14} {v.get('title')!s:<32} plotly charts: {v.get('plotly_charts')}  "
                f"AppTest rerun {v.get('rerun_ms')} ms  exceptions {v.get('exceptions')}"
            )
        self.apptest_first_run_ms = data.get("first_run_ms")
        return data["views"]

    def run(self) -> dict:
        a = self.args
        started = time.time()
        result: dict = {
            "generated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "command": "python bench/run.py"
            + (" --quick" if a.quick else "")
            + (f" --runs {a.runs}" if a.runs != (2 if a.quick else 5) else ""),
            "git": git_state(),
            "settings": {
                "runs": a.runs,
                "sessions": a.sessions,
                "scaling_budget_s": a.scaling_budget,
                "scales": a.scales,
                "timeout_s": a.timeout,
                "retry_budget_s": a.retry_budget,
                "retry_above_foreign_share": CONTENDED,
                "harness": str(self.harness),
                "ttr": "median of page loads 2..N on a fresh server (load 1 = cold "
                "server, reported separately)",
            },
        }

        log("== views (AppTest: navigation pages, plotly charts per view, script rerun time)")
        views = self.probe_views()
        counted = [v for v in views if v.get("plotly_charts") is not None]
        if counted:  # most charts; ties go to the slower rerun
            slider_view = max(counted, key=lambda v: (v["plotly_charts"], v.get("rerun_ms") or 0))
            slowest = max(counted, key=lambda v: v.get("rerun_ms") or 0)
            slider_paths = {slider_view["url_path"], slowest["url_path"]}
        else:
            slider_view, slowest, slider_paths = None, None, set()

        log("== floors (../shared/perf/apps)")
        specs: dict[str, dict] = {}
        for name, slider in (
            ("minimal", False),
            ("minimal_plotly", False),
            ("minimal_slider", True),
        ):
            specs[f"floor {name}"] = {"app": self.apps_dir / f"{name}.py", "slider": slider}
            self.measure(f"floor {name}", runs=a.runs, **specs[f"floor {name}"])

        log("== dashboard views, each opened directly by its URL path on a fresh server")
        for v in views:
            path = v["url_path"]
            specs[f"view /{path}"] = {
                "app": REPO / APP,
                "url_path": path,
                "slider": path in slider_paths,
            }
            self.measure(f"view /{path}", runs=a.runs, **specs[f"view /{path}"])

        log("== runs measured while other processes used the machine, measured once more")
        chosen = self.retry_contended(specs, a.runs, a.retry_budget)
        result["retries"] = self.retries

        floors = {}
        for name in ("minimal", "minimal_plotly", "minimal_slider"):
            m = chosen[f"floor {name}"]
            floors[name] = load_figures(m) | {"contention": self.share(m)}
            if specs[f"floor {name}"]["slider"]:
                floors[name]["slider"] = slider_figures(m)
        result["floors"] = floors
        out_views = {}
        for v in views:
            path = v["url_path"]
            m = chosen[f"view /{path}"]
            row = load_figures(m)
            row |= {
                "title": v.get("title"),
                "plotly_charts_apptest": v.get("plotly_charts"),
                "apptest_rerun_ms": v.get("rerun_ms"),
                "plotly_charts_browser": (row.get("charts_found") or {}).get("pt"),
                "contention": self.share(m),
            }
            if path in slider_paths:
                row["slider"] = slider_figures(m)
            out_views["/" + path] = row
        result["views"] = out_views

        if slider_view is None:  # AppTest failed: pick by the browser's chart counts
            best = max(out_views, key=lambda p: out_views[p].get("plotly_charts_browser") or 0)
            m = self.measure(
                f"slider {best}", REPO / APP, runs=a.runs, url_path=best.strip("/"), slider=True
            )
            out_views[best]["slider"] = slider_figures(m)
            slider_path = best
        else:
            slider_path = "/" + slider_view["url_path"]
        result["slider_view"] = slider_path
        result["slowest_rerun_view"] = "/" + slowest["url_path"] if slowest else None
        self.kept = [*chosen.values()]

        log(f"== server memory: 1 and {a.sessions} concurrent sessions on {slider_path}")
        mem = {}
        for k in (1, a.sessions):
            m = self.measure(
                f"sessions x{k}", REPO / APP, runs=0, url_path=slider_path.strip("/"), sessions=k
            )
            self.kept.append(m)
            s = m.get("sessions") or {}
            mem[str(k)] = {
                key: s.get(key)
                for key in (
                    "k",
                    "pages_settled",
                    "pages_with_exception",
                    "total_ms",
                    "rss_before_mb",
                    "rss_peak_mb",
                    "rss_after_mb",
                    "rss_after_close_mb",
                    "server_cpu_ms",
                    "charts_per_page",
                    "failures",
                )
            }
            mem[str(k)]["per_page_ttr_ms"] = (s.get("per_page_ttr_ms") or {}).get("median")
        r1, rk = mem["1"].get("rss_after_mb"), mem[str(a.sessions)].get("rss_after_mb")
        per = round((rk - r1) / (a.sessions - 1), 2) if r1 is not None and rk is not None else None
        mem["view"] = slider_path
        mem["mb_per_additional_session"] = per
        mem["base_rss_mb"] = r1
        if per is not None and r1 is not None:
            mem["community_cloud"] = {
                "memory_mb": round(COMMUNITY_CLOUD_MB),
                "sessions_that_fit": (int((COMMUNITY_CLOUD_MB - r1) / per) + 1)
                if per > 0
                else None,
                "note": "about 2.7 GB per app; base RSS (server + 1 session) plus the measured "
                "growth per additional session",
            }
        result["memory"] = mem

        log("== scaling: data-dependent work per rerun with events/figures grown synthetically")
        scaling = None
        if a.scaling_budget > 0:
            cmd = [
                sys.executable,
                str(BENCH / "probe.py"),
                "scaling",
                "--scales",
                a.scales,
                "--reps",
                str(max(2, a.runs)),
                "--budget",
                str(a.scaling_budget),
                "--apptest",
            ]
            rc, out, err = Child(cmd, timeout=a.scaling_budget * 2 + 240).run()
            for line in err.splitlines():
                if line.startswith("[scaling"):
                    log(f"  {line}")
            scaling = last_json(out) or {
                "error": f"probe.py scaling gave no JSON (exit {rc})",
                "stderr_tail": err[-2000:],
            }
        result["scaling"] = scaling

        result["targets"] = targets(result, a.sessions, self.log_errors)
        result["problems"] = summarise_problems(self.problems)
        result["server_log_errors"] = self.log_errors
        kept = [self.share(m) for m in self.kept]
        result["contention"] = {
            "foreign_cpu_share_by_run": self.contention,
            "max_in_figures_used": max((v for v in kept if v is not None), default=None),
            "note": "share of the machine's CPU used by other processes during each measure.py "
            "run (all runs, retries included); above 0.1 wall times are inflated",
        }
        result["env"] = self.env
        result["wall_s"] = round(time.time() - started, 1)
        result["raw"] = self.raw
        return result

    def cleanup(self, keep: bool) -> None:
        if keep:
            log(f"server logs kept in {self.workroot}")
        else:
            shutil.rmtree(self.workroot, ignore_errors=True)


def git_state() -> dict:
    def git(*args):
        try:
            return subprocess.run(
                ["git", *args], cwd=REPO, capture_output=True, text=True, timeout=20
            ).stdout.strip()
        except Exception:
            return None

    status = git("status", "--porcelain", "--", "dashboard", "streamlit_app.py", "data")
    return {
        "commit": git("rev-parse", "--short", "HEAD"),
        "app_files_modified": bool(status),
        "modified": (status or "").splitlines()[:30],
    }


def ratio(x, base):
    return round(x / base, 2) if x is not None and base else None


def targets(r: dict, k: int, log_errors: dict) -> list[dict]:
    f = r["floors"]
    bare, one_chart = f["minimal"].get("ttr_ms"), f["minimal_plotly"].get("ttr_ms")
    bare_slider = ((f["minimal_slider"].get("slider") or {}) or {}).get("ttr_ms")
    rows = []

    def add(name, value, base, limit, extra=None):
        q = ratio(value, base)
        rows.append(
            {
                "target": name,
                "value_ms": value,
                "floor_ms": base,
                "ratio": q,
                "limit": limit,
                "pass": q is not None and q <= limit,
                **(extra or {}),
            }
        )

    for path, v in r["views"].items():
        ok_render = not v.get("failures") and not v.get("exceptions")
        if path == "/":
            add(
                "landing fully drawn / bare page",
                v.get("ttr_ms"),
                bare,
                TARGETS["landing"],
                {"view": path, "rendered_clean": ok_render},
            )
        else:
            add(
                f"{path} opened directly / one-chart page",
                v.get("ttr_ms"),
                one_chart,
                TARGETS["view"],
                {"view": path, "rendered_clean": ok_render},
            )
        if not ok_render:
            rows[-1]["pass"] = False
    sv = r["views"].get(r["slider_view"], {}).get("slider") or {}
    add(
        f"slider press -> charts redrawn on {r['slider_view']} / bare slider page",
        sv.get("ttr_ms"),
        bare_slider,
        TARGETS["slider"],
        {"view": r["slider_view"]},
    )
    mem = r["memory"]
    per = mem.get("mb_per_additional_session")
    rows.append(
        {
            "target": f"server memory growth per session, 1 -> {k} sessions (MB)",
            "value_mb": per,
            "limit": TARGETS["mb_per_session"],
            "pass": per is not None and per <= TARGETS["mb_per_session"],
        }
    )
    s = mem.get(str(k), {})
    clean = (
        s.get("pages_settled") == k
        and s.get("pages_with_exception") == 0
        and not s.get("failures")
        and not any(label.startswith("sessions") for label in log_errors)
    )
    rows.append(
        {
            "target": f"{k} concurrent sessions all render, no stException, no server error",
            "settled": s.get("pages_settled"),
            "with_exception": s.get("pages_with_exception"),
            "server_log_errors": sum(
                len(v) for kk, v in log_errors.items() if kk.startswith("sessions")
            ),
            "pass": clean,
        }
    )
    return rows


def summarise_problems(problems: dict) -> dict:
    ext, failed, console, page_errors = set(), set(), set(), set()
    for p in problems.values():
        ext |= set(p.get("external_requests") or [])
        failed |= set(p.get("failed_requests") or [])
        console |= set(p.get("console_errors") or [])
        page_errors |= set(p.get("page_errors") or [])
    return {
        "external_requests": sorted(ext),
        "failed_requests": sorted(failed),
        "console_errors": sorted(console)[:20],
        "page_errors": sorted(page_errors)[:20],
    }


# --------------------------------------------------------------------------- report
def fmt(v, unit="") -> str:
    if v is None:
        return "-"
    if isinstance(v, float) and v >= 100:
        return f"{v:.0f}{unit}"
    return f"{v:g}{unit}"


def busy(share) -> str:
    return "-" if share is None else f"{share * 100:.0f}%"


def after(v: dict) -> float | None:
    t, s = v.get("ttr_ms"), v.get("script_done_ms")
    return round(t - s, 1) if t is not None and s is not None else None


def render(r: dict) -> str:
    lines = []
    f = r["floors"]
    bare, one_chart = f["minimal"]["ttr_ms"], f["minimal_plotly"]["ttr_ms"]
    head = (
        f"{'page':<26}{'ttr ms':>8}{'ratio':>8}{'cold ms':>9}{'script':>8}{'after':>7}"
        f"{'srv cpu':>9}{'browser':>9}{'MB':>6}{'charts':>8}{'busy':>6}"
    )
    lines += [
        "Page loads, ms from navigation start (warm medians of loads 2..N; cold = load 1 on a",
        "fresh server; ratio = to the floor its target names; script = script_finished received;",
        "after = ttr - script (plotly chunk, chart drawing); srv cpu = server "
        "CPU per load; browser = renderer main-thread ms; MB = transferred; busy = CPU share "
        "of other processes during the run)",
        head,
        "-" * len(head),
    ]

    def row(name, v, base):
        charts = v.get("charts_found") or {}
        lines.append(
            f"{name:<26}{fmt(v.get('ttr_ms')):>8}{fmt(ratio(v.get('ttr_ms'), base), 'x') if base else '':>8}"
            f"{fmt(v.get('ttr_cold_first_run_ms')):>9}{fmt(v.get('script_done_ms')):>8}"
            f"{fmt(after(v)):>7}"
            f"{fmt(v.get('server_cpu_ms')):>9}{fmt(v.get('browser_task_ms')):>9}"
            f"{fmt(v.get('transfer_mb')):>6}{charts.get('pt', '-')!s:>8}"
            f"{busy(v.get('contention')):>6}"
        )

    row("floor minimal", f["minimal"], None)
    row("floor minimal_plotly", f["minimal_plotly"], None)
    row("floor minimal_slider", f["minimal_slider"], None)
    for path, v in r["views"].items():
        row(f"view {path}", v, bare if path == "/" else one_chart)
    lines.append("")
    lines.append(
        "Slider key press -> rerun drawn (median ms): "
        + "; ".join(
            f"{name} {fmt((v.get('slider') or {}).get('ttr_ms'))} (script done "
            f"{fmt((v.get('slider') or {}).get('script_done_ms'))}, server cpu "
            f"{fmt((v.get('slider') or {}).get('server_cpu_ms'))})"
            for name, v in [("floor minimal_slider", f["minimal_slider"])]
            + [(p, v) for p, v in r["views"].items() if v.get("slider")]
        )
    )
    mem = r["memory"]
    k = r["settings"]["sessions"]
    s1, sk = mem.get("1", {}), mem.get(str(k), {})
    lines.append(
        f"Server RSS on {mem.get('view')}: 1 session {fmt(s1.get('rss_after_mb'))} MB, {k} sessions "
        f"{fmt(sk.get('rss_after_mb'))} MB (peak {fmt(sk.get('rss_peak_mb'))}, after close "
        f"{fmt(sk.get('rss_after_close_mb'))}); growth {fmt(mem.get('mb_per_additional_session'))} MB "
        f"per additional session; {k} pages settled {sk.get('pages_settled')}/{k} in "
        f"{fmt(sk.get('total_ms'))} ms"
    )
    cc = mem.get("community_cloud")
    if cc:
        lines.append(
            f"Community Cloud (~{cc['memory_mb']} MiB): about {cc['sessions_that_fit']} "
            "concurrent sessions at that growth"
        )
    sc = r.get("scaling") or {}
    if sc.get("scales"):
        lines.append("")
        lines.append(
            "Scaling: ms per rerun with events/figures grown k times (e = estimated, linear "
            "from the scale below, not measured)"
        )
        names: dict[str, None] = {}
        for sv in sc["scales"].values():
            for part in ("pure_ms", "pure_estimated_ms", "errors"):
                names |= dict.fromkeys(sv.get(part) or {})
        head2 = (
            f"{'scale':<7}{'events':>8}{'figures':>9}"
            + "".join(f"{n[:11]:>12}" for n in names)
            + f"{'pure sum':>10}{'AT open':>9}{'AT rerun':>9}"
        )
        lines += [head2, "-" * len(head2)]
        for key, s in sc["scales"].items():
            cells = []
            for n in names:
                if n in s["pure_ms"]:
                    cells.append(fmt(s["pure_ms"][n]))
                elif n in s.get("pure_estimated_ms", {}):
                    cells.append(fmt(s["pure_estimated_ms"][n]) + "e")
                else:
                    cells.append("err" if n in s.get("errors", {}) else "-")
            total = s.get("pure_total_estimated_ms")
            total = fmt(total) + "e" if total else fmt(s.get("pure_total_ms"))
            skipped = "skip" if s.get("apptest_skipped") else "-"
            opened = s.get("apptest_open_total_ms")
            rerun = s.get("apptest_total_ms")
            lines.append(
                f"{key + 'x':<7}{s['events']:>8}{s['figures']:>9}"
                + "".join(f"{c:>12}" for c in cells)
                + f"{total:>10}{fmt(opened) if opened is not None else skipped:>9}"
                + f"{fmt(rerun) if rerun is not None else skipped:>9}"
            )
        lines.append(
            "  per view: the pure table/chart work of one rerun that misses every cache "
            "(cache_hits = the app's two dataset cache reads); pure sum = all views;"
        )
        lines.append(
            "  AT = AppTest, sum over views: open = first run (app caches miss), rerun = warm "
            "reruns toggling the date slider"
        )
    lines.append("")
    lines.append("Targets")
    for t in r["targets"]:
        verdict = "PASS" if t["pass"] else "FAIL"
        if "ratio" in t:
            lines.append(
                f"  [{verdict}] {t['target']}: {fmt(t['value_ms'])} / {fmt(t['floor_ms'])} ms "
                f"= {fmt(t['ratio'])}x (limit {t['limit']}x)"
                + ("" if t.get("rendered_clean", True) else "  (did not render cleanly)")
            )
        elif "value_mb" in t:
            lines.append(
                f"  [{verdict}] {t['target']}: {fmt(t['value_mb'])} MB (limit {t['limit']} MB)"
            )
        else:
            lines.append(
                f"  [{verdict}] {t['target']}: settled {t['settled']}, with stException "
                f"{t['with_exception']}, server log errors {t['server_log_errors']}"
            )
    if r.get("retries"):
        lines.append(
            "Measured again because the machine was busy: "
            + "; ".join(
                f"{t['run']} ({busy(t.get('first_share'))} -> {busy(t.get('retry_share'))}, "
                f"kept {t['kept']})"
                for t in r["retries"]
            )
        )
    pb = r["problems"]
    if pb["external_requests"] or pb["failed_requests"] or pb["page_errors"]:
        lines.append(
            f"Problems seen by the browser: external requests {pb['external_requests']}; "
            f"failed {pb['failed_requests']}; page errors {pb['page_errors']}"
        )
    if r["server_log_errors"]:
        lines.append(f"Server log lines with Traceback/Error: {r['server_log_errors']}")
    c = r["contention"]
    if c.get("max_in_figures_used") and c["max_in_figures_used"] > CONTENDED:
        lines.append(
            f"WARNING: other processes used up to {c['max_in_figures_used'] * 100:.0f}% of the "
            "machine during runs whose figures are used: those wall times are inflated "
            "(see contention and retries in the JSON)"
        )
    lines.append(f"Finished in {r['wall_s']:.0f} s; JSON: bench/results/latest.json")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--runs",
        type=int,
        default=None,
        help="page loads per app/view and slider presses (default 5; 2 with --quick)",
    )
    ap.add_argument(
        "--quick", action="store_true", help="smoke run: 2 loads, 5 sessions, 20 s scaling"
    )
    ap.add_argument(
        "--sessions", type=int, default=None, help="concurrent sessions (default 20; 5 quick)"
    )
    ap.add_argument("--scales", default="1,10,100,1000")
    ap.add_argument(
        "--scaling-budget",
        type=float,
        default=None,
        help="seconds for the scaling probe (default 90; 20 quick; 0 = skip)",
    )
    ap.add_argument(
        "--retry-budget",
        type=float,
        default=None,
        help="seconds for measuring again the runs made on a busy machine "
        "(default 150; 45 quick; 0 = never)",
    )
    ap.add_argument(
        "--views",
        default=None,
        help="comma-separated URL paths instead of the navigation's (empty item = landing)",
    )
    ap.add_argument(
        "--timeout", type=float, default=60.0, help="seconds per wait inside measure.py"
    )
    ap.add_argument(
        "--harness", default=os.environ.get("QANTAR_PERF_HARNESS", str(DEFAULT_HARNESS))
    )
    ap.add_argument("--out", default=str(BENCH / "results" / "latest.json"))
    a = ap.parse_args()
    a.runs = a.runs if a.runs is not None else (2 if a.quick else 5)
    a.sessions = a.sessions if a.sessions is not None else (5 if a.quick else 20)
    a.scaling_budget = (
        a.scaling_budget if a.scaling_budget is not None else (20.0 if a.quick else 90.0)
    )
    if a.retry_budget is None:
        a.retry_budget = 45.0 if a.quick else 150.0
    if a.runs < 2 or a.sessions < 2:
        ap.error("--runs and --sessions must be at least 2")

    harness = Path(a.harness)
    problems = []
    if not harness.is_file():
        problems.append(
            f"harness not found: {harness} (expected ../shared/perf/measure.py beside "
            "the repository; set --harness or QANTAR_PERF_HARNESS)"
        )
    if not Path("/usr/bin/chromium").exists():
        problems.append("/usr/bin/chromium not found (apt-get install chromium)")
    for mod in ("playwright", "psutil", "streamlit", "plotly"):
        try:
            __import__(mod)
        except ImportError:
            problems.append(
                f"python module {mod} missing (pip install {mod}; never `playwright install`)"
            )
    if problems:
        for p in problems:
            log(f"error: {p}")
        return 2

    def on_signal(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)

    bench = Bench(a)
    keep_logs = False
    try:
        result = bench.run()
    except KeyboardInterrupt:
        log("interrupted: stopping the running measurement")
        if Child.current is not None:
            Child.current.stop()
        keep_logs = True
        return 130
    finally:
        if Child.current is not None:
            Child.current.stop()
        bench.cleanup(keep_logs or bool(bench.log_errors))
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(result, indent=1, default=str) + "\n")
    tmp.replace(out)
    table = render(result)
    out.with_suffix(".txt").write_text(table + "\n")
    print(table)
    return 0 if all(t["pass"] for t in result["targets"]) else 1


if __name__ == "__main__":
    sys.exit(main())
