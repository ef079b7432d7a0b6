#!/usr/bin/env bash
# Install everything the tests need, then run them. Used by .ci/run; safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

# System tools the tests drive for real: pdftoppm (notes rendered to PNG), Chromium (browser
# tests through Playwright; Playwright cannot download its own browsers here).
need=()
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Paquets système absents : ${need[*]} (installez-les ; les tests qui en ont besoin seront ignorés hors CI)" >&2
  fi
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet -e ".[test]"
exec .venv/bin/python -m pytest "$@"
