"""The command line: a one-line OK, or every problem one per line, and never a traceback."""

import os
import subprocess
import sys
from pathlib import Path

from edits import set_field, truncate_at, write_bytes

from dashboard.data import SEEDS_ENV, validate

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_cli_validate_says_ok_with_counts(data_dir):
    result = run_cli("validate", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "OK: 3 sources, 17 regions, 8 places, 3 events, 5 figures"


def test_cli_validate_prints_every_problem_and_no_traceback(data_dir):
    truncate_at("figures.yaml", "quote:", 10)(data_dir)
    set_field("events.yaml", "almaty-clash-0104", date="2022-01-09", colour="red")(data_dir)
    write_bytes("places.yaml", b"\xff\xfe")(data_dir)
    expected = [str(p) for p in validate(data_dir)]
    assert len(expected) == 4
    result = run_cli("validate", str(data_dir))
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    for line in expected:
        assert line in output.splitlines()


def test_cli_validate_of_a_missing_folder_fails_cleanly(tmp_path):
    result = run_cli("validate", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "data folder not found" in result.stderr


def test_cli_validate_reports_skipped_quote_check(data_dir, tmp_path):
    result = run_cli("validate", str(data_dir), env={SEEDS_ENV: str(tmp_path / "absent")})
    assert result.returncode == 0
    assert result.stderr.count("warning: ") == 1
