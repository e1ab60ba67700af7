#!/usr/bin/env bash
# Installs everything the tests need (uv, the locked environment, Debian's redis-server)
# and runs the whole suite: lint, types, import contracts, tests under a coverage gate.
# Needs Python 3.11+ with pip; root or sudo for apt-get when redis-server is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet "uv==0.13.9"

if ! command -v redis-server >/dev/null 2>&1 || ! command -v bwrap >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server bubblewrap
fi

python3 -m uv sync --frozen
python3 -m uv run --frozen ruff check .
python3 -m uv run --frozen ruff format --check .
python3 -m uv run --frozen mypy
python3 -m uv run --frozen lint-imports  # the import contracts in pyproject.toml
# The tests run under coverage (pytest arguments pass through). The whole suite must reach
# [tool.coverage.report] fail_under (pyproject.toml); a run of some tests only reports.
python3 -m uv run --frozen coverage run -m pytest "$@"
if [ "$#" -eq 0 ]; then
    python3 -m uv run --frozen coverage report
else
    python3 -m uv run --frozen coverage report --fail-under=0
fi
