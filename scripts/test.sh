#!/usr/bin/env bash
# Installs everything the whole test suite needs on a fresh Debian machine, then runs it.
# The browser tests need Debian's Chromium (Playwright cannot download its own browser here).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi
python3 -m pip install -q -e ".[test]"
python3 -m ruff check .
python3 -m ruff format --check .
python3 -m dashboard validate
python3 -m pytest "$@"
