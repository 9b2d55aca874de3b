"""Command line: `python -m dashboard validate [DIR]` and `python -m dashboard export OUTDIR`.

Curators run `validate` after every edit and CI runs it on every change, so it must always
end with a plain answer: either a one-line summary, or every problem one per line with exit
status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from dashboard.data import DataError, Dataset, load_dataset
from dashboard.export import write_export


def _load(path: str | None) -> Dataset | None:
    try:
        dataset = load_dataset(path)
    except DataError as error:
        for warning in error.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
        return None
    for warning in dataset.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return dataset


def _summary(dataset: Dataset) -> str:
    counts = ", ".join(
        f"{len(getattr(dataset, table))} {table}"
        for table in ("sources", "regions", "places", "events", "figures")
    )
    return f"OK: {counts}"


def validate(args: argparse.Namespace) -> int:
    dataset = _load(args.dir)
    if dataset is None:
        return 1
    print(_summary(dataset))
    return 0


def export(args: argparse.Namespace) -> int:
    dataset = _load(args.data)
    if dataset is None:
        return 1
    try:
        written = write_export(dataset, args.outdir)
    except OSError as error:
        print(f"cannot write to {args.outdir}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"{_summary(dataset)}; wrote {len(written)} files to {args.outdir}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check the data; list every problem")
    check.add_argument("dir", nargs="?", help="data folder (default: the repository's data/)")
    check.set_defaults(run=validate)
    package = commands.add_parser("export", help="write the CSV files and datapackage.json")
    package.add_argument("outdir", help="folder to write into (created if needed)")
    package.add_argument("--data", help="data folder (default: the repository's data/)")
    package.set_defaults(run=export)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
