import os
import shutil
import types
from pathlib import Path

import pytest

from dashboard.data import DEFAULT_SEEDS_DIR, SEEDS_ENV

TESTS = Path(__file__).parent
VALID = TESTS / "fixtures" / "valid"
BROWSER_TESTS = TESTS / "browser"
SKIPS_IN_CI = pytest.StashKey[list[str]]()


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A fresh copy of the valid fixture dataset, checked against the real statement texts."""
    assert DEFAULT_SEEDS_DIR.is_dir(), f"the statement texts belong in {DEFAULT_SEEDS_DIR}"
    monkeypatch.delenv(SEEDS_ENV, raising=False)
    return Path(shutil.copytree(VALID, tmp_path / "data"))


# --- markers for a fast loop: pytest -m "not browser and not apptest" ----------------------
# Given automatically, so a new test file gets them without anyone remembering:
#   browser  every test under tests/browser/ (a real Chromium against a real server);
#   apptest  every test whose module holds anything from `streamlit.testing` at module level,
#            i.e. `from streamlit.testing.v1 import AppTest` or `import streamlit.testing.v1`
#            (the whole app run under AppTest: seconds per test). A module that gets AppTest
#            only through a helper module must carry `pytestmark = pytest.mark.apptest`.


def _uses_streamlit_testing(module) -> bool:
    for value in vars(module).values():
        name = (
            value.__name__
            if isinstance(value, types.ModuleType)
            else getattr(value, "__module__", "")
        )
        if isinstance(name, str) and name.startswith("streamlit.testing"):
            return True
    return False


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    apptest_modules: dict[str, bool] = {}
    for item in items:
        if item.path.is_relative_to(BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)
        module = getattr(item, "module", None)
        if module is not None:
            if module.__name__ not in apptest_modules:
                apptest_modules[module.__name__] = _uses_streamlit_testing(module)
            if apptest_modules[module.__name__]:
                item.add_marker(pytest.mark.apptest)


# --- CI runs every test: a skip there fails the run ----------------------------------------
def pytest_sessionfinish(session: pytest.Session) -> None:
    if not os.environ.get("CI"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = [report.nodeid for report in reporter.stats.get("skipped", [])] if reporter else []
    if skipped:
        session.config.stash[SKIPS_IN_CI] = skipped
        if session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter) -> None:
    skipped = terminalreporter.config.stash.get(SKIPS_IN_CI, [])
    if skipped:
        terminalreporter.write_sep(
            "!",
            f"CI must run every test, but {len(skipped)} test(s) skipped (reasons in the short test summary): "
            + ", ".join(skipped[:10])
            + (" ..." if len(skipped) > 10 else ""),
            red=True,
        )
