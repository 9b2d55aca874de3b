"""Fixtures for the browser tests: one Streamlit server per session, a fresh Chromium page per test.

The tests drive Debian's Chromium (Playwright cannot download its own browser here) against
the real app, the way a reader opens it. Two things must never happen on any page, so the
page fixtures check them at teardown for every test: a request leaving the machine, and an
exception box on the page.

Server handling and the in-page run tracking come from the shared perf harness,
`<repo>/../shared/perf/measure.py` (read-only beside the clone in CI): its `Server` starts
`streamlit run` on 127.0.0.1 in its own process group, refuses a taken port, checks that the
health check is answered by its own process and always stops the group (also if pytest is
SIGKILLed). Its `INIT_JS` wraps the page's WebSocket and reads each ForwardMsg's top-level
field (new_session = a run started, script_finished = it ended) and records the last DOM
change in the app area; its `SNAPSHOT_JS` reads the page's state. "Fully drawn" is the
harness's settled criteria plus one of this app's own: only visible dataframes must have a
canvas (one in a closed expander is never laid out).
"""

from __future__ import annotations

import importlib.util
import os
import re
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

REPO = Path(__file__).resolve().parents[2]
HARNESS = REPO.parent / "shared" / "perf" / "measure.py"
CHROMIUM = Path("/usr/bin/chromium")
# Always in the launch flags, whatever the harness's list becomes.
REQUIRED_CHROMIUM_ARGS = {
    "--no-sandbox",  # we run as root
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
}
# The tests never change the code; a watcher would only rerun pages under a test when
# someone saves a file mid-run.
SERVER_ARGS = ["--server.fileWatcherType", "none"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SERVER_START_TIMEOUT_S = 60
APP_TIMEOUT_MS = 30_000
QUIET_MS = 250  # no DOM change in the app area for this long counts as drawn (harness: 300)
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")  # Streamlit colours its tracebacks even in a file

# The harness records key presses only; clicks count as input too (capture phase, before
# Streamlit sees them). Installed after the harness's INIT_JS, which creates __perfh.
POINTER_JS = """addEventListener('pointerdown', () => {
  if (window.__perfh) window.__perfh.lastPointerDown = performance.now(); }, true);"""


def _drawn_js(snapshot_js: str) -> str:
    """True once the app is fully drawn after a script run that started at or after `since`
    (page clock, ms); `since` = 0 means any run, i.e. the first run after navigation."""
    return (
        "([since, quietMs]) => { const s = (" + snapshot_js + ")();"
        """
  const runs = s.runLog.filter(([t]) => t >= since);
  if (!runs.some(([, ev]) => ev === 'started') || runs[runs.length - 1][1] !== 'finished')
    return false;
  if (s.state !== 'notRunning' || s.conn !== 'CONNECTED' || s.running || s.stale || s.skeleton)
    return false;
  if (s.pd !== s.pt || s.vd !== s.vt) return false;
  // The charts of dashboard.plotly_element: drawn once plotly.js has loaded.
  for (const chart of document.querySelectorAll('.qf-chart')) {
    if (!chart.querySelector('.main-svg') && !chart.textContent) return false;
  }
  for (const frame of document.querySelectorAll('[data-testid="stDataFrame"]')) {
    if (!frame.checkVisibility()) continue;
    const canvas = frame.querySelector('canvas[data-testid="data-grid-canvas"]');
    if (!canvas || canvas.width === 0) return false;
  }
  return s.now - s.lastAppMut >= quietMs;
}"""
    )


def _load_harness() -> ModuleType:
    if not HARNESS.is_file():
        raise FileNotFoundError(
            f"the browser tests use the shared perf harness, but {HARNESS} is missing: "
            "the shared folder must sit beside the clone (<repo>/../shared/perf/)"
        )
    spec = importlib.util.spec_from_file_location("shared_perf_measure", HARNESS)
    module = importlib.util.module_from_spec(spec)
    writes_bytecode, sys.dont_write_bytecode = sys.dont_write_bytecode, True  # shared/ is not ours
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = writes_bytecode
    module.DRAWN_JS = _drawn_js(module.SNAPSHOT_JS)
    return module


@pytest.fixture(scope="session")
def harness() -> ModuleType:
    """The shared perf harness module (measure.py); a missing or broken one fails the run."""
    try:
        return _load_harness()
    except Exception as error:  # e.g. the file is missing, or psutil is not installed
        pytest.fail(f"cannot load the shared perf harness: {error!r}", pytrace=False)


# Helpers are handed out as fixtures: a conftest is not importable by name (every directory
# has one, and pytest drops the module name between them).
@pytest.fixture
def wait_for_app(harness):
    """`wait_for_app(page, after_input=False)`: wait until the app is fully drawn.

    With after_input=True the finished run must have started after the last key press or
    click, so a test never reads the page as it was before its own interaction.
    """

    def wait(page: Page, *, after_input: bool = False, timeout_ms: int = APP_TIMEOUT_MS) -> None:
        since = 0
        if after_input:
            inputs = page.evaluate("() => [__perfh.lastKeyDown, __perfh.lastPointerDown]")
            if not any(t is not None for t in inputs):
                raise AssertionError("wait_for_app(after_input=True) but no key press or click")
            since = max(t for t in inputs if t is not None)
        try:
            page.wait_for_function(
                harness.DRAWN_JS, arg=[since, QUIET_MS], timeout=timeout_ms, polling=50
            )
        except PlaywrightTimeoutError:
            state = harness.describe(page.evaluate(harness.SNAPSHOT_JS))
            raise AssertionError(f"app not drawn within {timeout_ms} ms: {state}") from None

    return wait


@pytest.fixture
def open_app(wait_for_app):
    """`open_app(page, "path?query")`: go to an app page and wait until it is fully drawn."""

    def open_(page: Page, path: str = "") -> None:
        page.goto("./" + path.lstrip("/"))  # relative to the context's base_url
        wait_for_app(page)

    return open_


# --- server ----------------------------------------------------------------------------


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


@pytest.fixture(scope="session")
def app_server(harness, chromium_executable, tmp_path_factory):
    """One `streamlit run streamlit_app.py` shared by every test of the session: the
    harness's `Server`, with `.url` (its base URL, ending in a slash) added."""
    with socket.create_server(("127.0.0.1", 0)) as probe:  # a port the kernel has free
        port = probe.getsockname()[1]
    logdir = tmp_path_factory.mktemp("streamlit")
    server = harness.Server(
        REPO / "streamlit_app.py", port, REPO, sys.executable, SERVER_ARGS, logdir
    )
    server.url = f"http://127.0.0.1:{port}/"
    try:
        server.start(SERVER_START_TIMEOUT_S)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def app_url(app_server) -> str:
    """Base URL of the app, ending in a slash."""
    return app_server.url


# --- browser and pages -----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(harness, chromium_executable) -> Iterator[Browser]:
    # The harness's flags, and ours whatever its list becomes.
    args = list(dict.fromkeys([*harness.CHROMIUM_ARGS, *sorted(REQUIRED_CHROMIUM_ARGS)]))
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(chromium_executable), headless=True, args=args
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


@pytest.fixture
def init_scripts(harness) -> tuple[str, ...]:
    """What every test page runs first: the harness's probes and the click recorder."""
    return (harness.INIT_JS, POINTER_JS)


def _checked_page(browser, harness, server, external: list[str], **context_options):
    context = browser.new_context(base_url=server.url, **context_options)
    context.add_init_script(harness.INIT_JS)
    context.add_init_script(POINTER_JS)
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
            f"the app showed {len(exceptions)} exception(s); server log tail:\n{ANSI_ESCAPE.sub('', server.log_tail(30))}"
        )
    if external:
        problems.append(f"requests left the machine: {external}")
    if problems:
        pytest.fail("; ".join(problems), pytrace=False)


@pytest.fixture
def page(browser, harness, app_server, external_requests) -> Iterator[Page]:
    """A desktop-sized page in a fresh context; fails at teardown on an exception or a leak."""
    yield from _checked_page(browser, harness, app_server, external_requests, viewport=DESKTOP)


@pytest.fixture
def phone_page(browser, harness, app_server, external_requests) -> Iterator[Page]:
    """Like `page`, on a phone: 390x844 CSS px, touch, mobile viewport rules."""
    yield from _checked_page(
        browser,
        harness,
        app_server,
        external_requests,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        device_scale_factor=3,
    )
