"""Fixtures for the browser tests: one Streamlit server per session, a fresh Chromium page per test.

The tests drive Debian's Chromium (Playwright cannot download its own browser here) against
the real app, the way a reader opens it. Two things must never happen on any page, so the
page fixtures check them at teardown for every test: a request leaving the machine, and an
exception box on the page.

"Fully drawn" follows the perf harness (/work/shared/perf): the server reported the script
run as finished, Streamlit shows no running, stale or skeleton element, every Plotly chart
has its SVG (and every MapLibre map in one has loaded), every visible dataframe has sized
its canvas, and the page has been quiet for a moment. The `data-test-script-state`
attribute alone is not enough: for fast reruns React batches running -> notRunning and the
attribute never changes, so the run itself is read off the app's WebSocket.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    # MapLibre maps need WebGL; with the GPU off, SwiftShader provides it in software.
    "--enable-unsafe-swiftshader",
    "--use-angle=swiftshader",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SERVER_START_TIMEOUT_S = 60
APP_TIMEOUT_MS = 30_000
QUIET_MS = 250  # no DOM change in the app area for this long counts as drawn (perf harness: 300)
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")  # Streamlit colours its tracebacks even in a file


def _forward_msg_fields() -> tuple[int, int]:
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    fields = ForwardMsg.DESCRIPTOR.fields_by_name
    return fields["new_session"].number, fields["script_finished"].number


NEW_SESSION, SCRIPT_FINISHED = _forward_msg_fields()

# Installed before any of the page's own scripts. Each ForwardMsg is one binary WebSocket
# frame whose top-level protobuf field says what it is: new_session = a script run started,
# script_finished = it ended. Also records the last user input (capture phase, before
# Streamlit sees it) and the last DOM change outside the header and status widget.
RUN_TRACKER_JS = """
(() => {
  if (window.__qantar) return;
  const T = window.__qantar = {log: [], lastInput: null, lastMutation: 0};
  const NEW_SESSION = %NEW_SESSION%, SCRIPT_FINISHED = %SCRIPT_FINISHED%;
  const topFields = (buf) => {
    const b = new Uint8Array(buf); let i = 0; const out = [];
    const varint = () => { let r = 0, m = 1, x;
      do { x = b[i++]; r += (x & 0x7f) * m; m *= 128; } while ((x & 0x80) && i < b.length);
      return r; };
    while (i < b.length && out.length < 8) {
      const key = varint(), wireType = key % 8; out.push(Math.floor(key / 8));
      if (wireType === 0) varint(); else if (wireType === 1) i += 8;
      else if (wireType === 2) { const n = varint(); i += n; }
      else if (wireType === 5) i += 4; else break;
    }
    return out;
  };
  const onFrame = (t, data) => {
    const fields = topFields(data);
    if (fields.includes(NEW_SESSION)) T.log.push([t, 'started']);
    if (fields.includes(SCRIPT_FINISHED)) T.log.push([t, 'finished']);
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const t = performance.now();
        if (e.data instanceof ArrayBuffer) onFrame(t, e.data);
        else if (e.data && e.data.arrayBuffer) e.data.arrayBuffer().then((b) => onFrame(t, b));
      });
    }
  };
  const IGNORED = 'head, [data-testid="stHeader"], [data-testid="stToolbar"], ' +
                  '[data-testid="stStatusWidget"], [data-testid="stDecoration"]';
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && !el.closest(IGNORED)) { T.lastMutation = performance.now(); return; }
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  for (const type of ['keydown', 'pointerdown']) {
    window.addEventListener(type, () => { T.lastInput = performance.now(); }, true);
  }
})();
""".replace("%NEW_SESSION%", str(NEW_SESSION)).replace("%SCRIPT_FINISHED%", str(SCRIPT_FINISHED))

# True once the app is fully drawn after a script run that started at or after `since`
# (page clock, ms). `since` = 0 means any run, i.e. the first run after navigation.
DRAWN_JS = """
([since, quietMs]) => {
  const T = window.__qantar;
  if (!T || !T.log.length) return false;
  const runStarted = T.log.some(([t, ev]) => ev === 'started' && t >= since);
  if (!runStarted || T.log[T.log.length - 1][1] !== 'finished') return false;
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  const busy = '[data-testid="stSkeleton"], [data-testid="stAppSkeleton"], [data-stale="true"], ' +
               '[data-testid="stStatusWidgetRunningIcon"]';
  if (document.querySelector(busy)) return false;
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!chart.querySelector('.main-svg')) return false;
    // A MapLibre map (go.Choroplethmap) draws its shapes on WebGL after the SVG exists.
    const layout = chart.querySelector('.js-plotly-plot')._fullLayout || {};
    for (const key of Object.keys(layout).filter((k) => /^map[0-9]*$/.test(k))) {
      const map = layout[key]._subplot && layout[key]._subplot.map;
      if (!map || !map.loaded()) return false;
    }
  }
  // A dataframe in a closed expander is never laid out; only visible ones must be sized.
  for (const frame of document.querySelectorAll('[data-testid="stDataFrame"]')) {
    if (!frame.checkVisibility()) continue;
    const canvas = frame.querySelector('canvas[data-testid="data-grid-canvas"]');
    if (!canvas || canvas.width === 0) return false;
  }
  return performance.now() - T.lastMutation >= quietMs;
}
"""


def _wait_for_app(
    page: Page, *, after_input: bool = False, timeout_ms: int = APP_TIMEOUT_MS
) -> None:
    """Wait until the app is fully drawn (see the module docstring).

    With after_input=True the finished run must have started after the last key press or
    click, so a test never reads the page as it was before its own interaction.
    """
    since = page.evaluate("() => window.__qantar.lastInput") if after_input else 0
    if after_input and since is None:
        raise AssertionError("wait_for_app(after_input=True) but no key press or click was seen")
    page.wait_for_function(DRAWN_JS, arg=[since, QUIET_MS], timeout=timeout_ms)


def _open_app(page: Page, path: str = "") -> None:
    """Navigate to an app path (with its query string) and wait until it is fully drawn."""
    page.goto("./" + path.lstrip("/"))  # relative to the context's base_url
    _wait_for_app(page)


# Helpers are handed out as fixtures: a conftest is not importable by name (every directory
# has one, and pytest drops the module name between them).
@pytest.fixture
def wait_for_app():
    """`wait_for_app(page, after_input=False)`: wait until the app is fully drawn."""
    return _wait_for_app


@pytest.fixture
def open_app():
    """`open_app(page, "path?query")`: go to an app page and wait until it is fully drawn."""
    return _open_app


# --- server ----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:  # the kernel stops the server if pytest itself is SIGKILLed
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _log_tail(path: Path, lines: int = 30) -> str:
    try:
        text = ANSI_ESCAPE.sub("", path.read_text(errors="replace"))
    except OSError:
        return "(no log)"
    return "\n".join(line.rstrip() for line in text.splitlines()[-lines:])


def _wait_healthy(proc: subprocess.Popen, health_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(
                f"streamlit exited with code {proc.returncode} before answering its health "
                f"check; log tail:\n{_log_tail(log_path)}"
            )
        try:
            with urllib.request.urlopen(health_url, timeout=2) as response:
                if response.status == 200 and response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.1)  # polling interval of the health check, not a wait on the app
    raise RuntimeError(
        f"streamlit did not answer {health_url} within {SERVER_START_TIMEOUT_S} s; "
        f"log tail:\n{_log_tail(log_path)}"
    )


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)  # its own group: start_new_session=True
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="session")
def chromium_executable() -> Path:
    """Debian's Chromium; its absence fails the run in CI and skips the browser tests elsewhere."""
    if not CHROMIUM.is_file():
        reason = (
            f"{CHROMIUM} is missing: the browser tests need Debian's Chromium "
            "(apt-get install chromium; `playwright install` cannot download browsers here)"
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests, but {reason}", pytrace=False)
        pytest.skip(reason)
    return CHROMIUM


@dataclass(frozen=True)
class AppServer:
    url: str
    log_path: Path

    def log_tail(self) -> str:
        return _log_tail(self.log_path)


@pytest.fixture(scope="session")
def app_server(chromium_executable, tmp_path_factory) -> Iterator[AppServer]:
    """One `streamlit run streamlit_app.py` shared by every test of the session."""
    port = _free_port()
    log_path = tmp_path_factory.mktemp("streamlit") / "server.log"
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "streamlit_app.py",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        # The tests never change the code; a watcher would only rerun pages under a test
        # when someone saves a file mid-run.
        "--server.fileWatcherType",
        "none",
    ]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            command,
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
    try:
        _wait_healthy(proc, f"http://127.0.0.1:{port}/_stcore/health", log_path)
        if proc.poll() is not None:  # someone else's server answered on that port
            raise RuntimeError(f"streamlit exited; log tail:\n{_log_tail(log_path)}")
        yield AppServer(url=f"http://127.0.0.1:{port}/", log_path=log_path)
    finally:
        _stop(proc)


@pytest.fixture(scope="session")
def app_url(app_server) -> str:
    """Base URL of the app, ending in a slash."""
    return app_server.url


# --- browser and pages -----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(chromium_executable) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(chromium_executable), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


def _leaves_machine(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "chrome", "chrome-extension"):
        return False
    return parts.hostname not in LOCAL_HOSTS


@pytest.fixture
def external_requests() -> list[str]:
    """Every URL the test's page requested from a host other than this machine."""
    return []


def _checked_page(browser: Browser, server: AppServer, external: list[str], **context_options):
    context = browser.new_context(base_url=server.url, **context_options)
    context.add_init_script(RUN_TRACKER_JS)
    context.on("request", lambda r: external.append(r.url) if _leaves_machine(r.url) else None)
    page = context.new_page()
    page.set_default_timeout(APP_TIMEOUT_MS)
    try:
        yield page
        exceptions = page.locator('[data-testid="stException"]').all_inner_texts()
    finally:
        context.close()
    problems = []
    if exceptions:  # the page only shows a redacted message; the traceback is in the log
        problems.append(
            f"the app showed {len(exceptions)} exception(s); server log tail:\n{server.log_tail()}"
        )
    if external:
        problems.append(f"requests left the machine: {external}")
    if problems:
        pytest.fail("; ".join(problems), pytrace=False)


@pytest.fixture
def page(browser, app_server, external_requests) -> Iterator[Page]:
    """A desktop-sized page in a fresh context; fails at teardown on an exception or a leak."""
    yield from _checked_page(browser, app_server, external_requests, viewport=DESKTOP)


@pytest.fixture
def phone_page(browser, app_server, external_requests) -> Iterator[Page]:
    """Like `page`, on a phone: 390x844 CSS px, touch, mobile viewport rules."""
    yield from _checked_page(
        browser,
        app_server,
        external_requests,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        device_scale_factor=3,
    )
