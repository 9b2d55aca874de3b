#!/usr/bin/env python3
"""Run the shared harness (../shared/perf/measure.py) with one change: only the charts and
tables a person can see have to be drawn.

    python bench/measure_visible.py PATH/TO/measure.py [measure.py flags ...]

Why: measure.py counts a page as settled when *every* `stDataFrame` has a canvas. The
dashboard puts a "Quotes and sources" table under each chart inside a collapsed
`st.expander`; Glide Data Grid never paints a canvas there until the expander is opened,
so the unpatched harness waits forever (timeout) on every view with such a table. Here a
chart/table container counts only if it is rendered (has a layout box and is not inside a
closed <details>), i.e. what a person sees without clicking. Everything else (server
handling, timing, JSON) is measure.py's own code, loaded from its path, not copied.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

# measure.py's SNAPSHOT_JS helper that counts containers and drawn containers.
_ORIGINAL = "for (const e of q(sel)) { t++; if (e.querySelector(inner)) d++; }"
_VISIBLE_ONLY = (
    "for (const e of q(sel)) { if (!e.getClientRects().length || e.closest('details:not([open])')) "
    "continue; t++; if (e.querySelector(inner)) d++; }"
)


def load_harness(path: Path):
    """Import measure.py from its file (it is not a package) and patch its snapshot."""
    spec = importlib.util.spec_from_file_location("perf_measure", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the harness from {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["perf_measure"] = module
    spec.loader.exec_module(module)
    if _ORIGINAL not in module.SNAPSHOT_JS:
        raise SystemExit(
            f"{path}: SNAPSHOT_JS changed upstream; update bench/measure_visible.py "
            "(the visible-only patch no longer applies)"
        )
    module.SNAPSHOT_JS = module.SNAPSHOT_JS.replace(_ORIGINAL, _VISIBLE_ONLY)
    return module


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    harness = load_harness(Path(sys.argv[1]).resolve())
    return harness.main(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
