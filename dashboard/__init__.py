"""Qantar Figures: the official figures about the January 2022 events in Kazakhstan.

`dashboard.data` loads and validates the curated YAML in `data/`, `dashboard.derive`
computes the values that are never typed by hand, `dashboard.export` writes the open
data package, and `python -m dashboard` is the command line for all three.
"""
