#!/usr/bin/env bash
# Install pacte-assistant, index the shipped corpus (incremental) and start the assistant.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet -e .
exec .venv/bin/pacte serve "$@"
