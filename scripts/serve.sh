#!/usr/bin/env bash
# Fresh machine to running site: install, build every page statically, serve with `next start`.
#   PORT               port to listen on (default 3000)
#   MODELFIT_SITE_URL  public origin baked into canonical URLs, Open Graph tags, JSON-LD and the sitemap
#                      (default http://localhost:$PORT: right for this machine only; set it when others will visit)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-3000}"
if ! [[ "$PORT" =~ ^[0-9]+$ ]] || [ "$PORT" -lt 1 ] || [ "$PORT" -gt 65535 ]; then
  echo "serve: PORT must be a number from 1 to 65535, got \"$PORT\"" >&2
  exit 2
fi
# Check the port before spending minutes on install and build: next start listens on every interface.
if ! node -e '
  const server = require("node:net").createServer();
  server.once("error", () => process.exit(1));
  server.listen(Number(process.argv[1]), () => server.close(() => process.exit(0)));
' "$PORT"; then
  echo "serve: port $PORT is already in use; choose another with PORT=<port> bash scripts/serve.sh" >&2
  exit 1
fi
export MODELFIT_SITE_URL="${MODELFIT_SITE_URL:-http://localhost:$PORT}"
echo "serve: public URL baked into this build: $MODELFIT_SITE_URL (set MODELFIT_SITE_URL to change it)"
bash scripts/install.sh
npm run build
echo "serve: listening on port $PORT; the pages link to $MODELFIT_SITE_URL"
exec npx next start -p "$PORT"
