"""Community Cloud installs requirements.txt, pip installs pyproject.toml: both must carry
every package the app imports, pinned the same."""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Import name -> distribution name, where they differ.
DISTRIBUTION = {"yaml": "pyyaml"}


def _pins(lines: list[str]) -> dict[str, str]:
    pins = {}
    for line in lines:
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.lower()] = version
    return pins


def _runtime_pins() -> tuple[dict[str, str], dict[str, str]]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return _pins(project["dependencies"]), _pins(requirements)


def test_requirements_txt_and_pyproject_pin_the_same_runtime_packages():
    from_pyproject, from_requirements = _runtime_pins()
    assert from_pyproject == from_requirements


def test_every_third_party_package_the_app_imports_is_a_runtime_dependency():
    imported = set()
    for path in [*(REPO / "dashboard").rglob("*.py"), REPO / "streamlit_app.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {
        DISTRIBUTION.get(name, name)
        for name in imported
        if name not in sys.stdlib_module_names and name != "dashboard"
    }
    assert third_party <= set(_runtime_pins()[1])
