#!/usr/bin/env bash
# Fresh machine to running site: install, build every page statically, serve on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
npm run build
exec npx next start -p "${PORT:-3000}"
