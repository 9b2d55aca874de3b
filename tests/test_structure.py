"""The code stays easy to read: no import cycle, no long module, each view with its test."""

import ast
from pathlib import Path

from dashboard.views import REGISTRY

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "dashboard"
MAX_LINES = 500


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """dashboard module -> the dashboard modules it imports (at any depth of the file)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    found.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def test_no_import_cycle_in_the_package():
    graph = _imports()
    # A package's __init__ importing its own submodules is how a package exposes them.
    graph = {m: {d for d in deps if not d.startswith(m + ".")} for m, deps in graph.items()}
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in sorted(graph[module]):
            assert state.get(dep) != 1, "import cycle: " + " -> ".join([*path, dep])
            if dep not in state:
                visit(dep, [*path, dep])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def test_no_module_over_500_lines():
    long = {
        str(p.relative_to(REPO)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long


def test_every_view_has_a_pure_build_and_its_test_beside_it_by_name():
    for view in REGISTRY:
        stem = view.module.__name__.rsplit(".", 1)[1]
        assert callable(getattr(view.module, "build", None)), stem
        assert (REPO / "tests" / "views" / f"test_{stem}.py").is_file(), stem
        source = Path(view.module.__file__).read_text(encoding="utf-8")
        build = next(
            n
            for n in ast.parse(source).body
            if isinstance(n, ast.FunctionDef) and n.name == "build"
        )
        assert "st." not in ast.unparse(build), f"{stem}.build draws with Streamlit"
