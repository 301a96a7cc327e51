#!/usr/bin/env bash
# Lighthouse on the production build: home, one model page and the calculator.
# Builds nothing: run `npm run build` first. Starts `next start` on a free port, runs Lighthouse 12.8.2 with Debian's
# chromium, prints the four category scores and LCP / CLS / TBT per page, and fails if the model page scores below 100
# for SEO or Accessibility.
#   LIGHTHOUSE_MODEL=<slug>   model page to audit (default deepseek-r1)
#   LIGHTHOUSE_PRESET=desktop use Lighthouse's desktop preset instead of the default mobile emulation
#   LIGHTHOUSE_OUT=<dir>      where the JSON reports go (default $TMPDIR/modelfit-lighthouse)
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f .next/BUILD_ID ]]; then
  echo "lighthouse: no production build in .next/ — run \`npm run build\` first" >&2
  exit 2
fi

export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
MODEL="${LIGHTHOUSE_MODEL:-deepseek-r1}"
OUT="${LIGHTHOUSE_OUT:-${TMPDIR:-/tmp}/modelfit-lighthouse}"
mkdir -p "$OUT"

PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
BASE="http://127.0.0.1:${PORT}"

# Its own process group, so cleanup stops npx and the next-server it spawns, and nothing else.
setsid npx next start -p "$PORT" -H 127.0.0.1 >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
cleanup() { kill -- "-$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 60); do
  if curl -fs -o /dev/null "$BASE/"; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "lighthouse: next start exited:" >&2
    cat "$OUT/server.log" >&2
    exit 1
  fi
  sleep 1
done

PAGES=("home:/" "model:/models/${MODEL}" "calculator:/calculator")
PRESET_ARGS=()
if [[ "${LIGHTHOUSE_PRESET:-}" == "desktop" ]]; then PRESET_ARGS=(--preset=desktop); fi

for entry in "${PAGES[@]}"; do
  name="${entry%%:*}"
  path="${entry#*:}"
  echo "== lighthouse ${BASE}${path}" >&2
  npx -y lighthouse@12.8.2 "${BASE}${path}" \
    --quiet \
    --output=json \
    --output-path="$OUT/${name}.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless --no-sandbox" \
    "${PRESET_ARGS[@]}"
done

node - "$OUT" "$MODEL" <<'EOF'
const fs = require("node:fs");
const path = require("node:path");
const [out, model] = process.argv.slice(2);
const names = ["home", "model", "calculator"];
const pad = (s, n) => String(s).padEnd(n);
console.log(
  pad("page", 28) + pad("perf", 6) + pad("a11y", 6) + pad("best", 6) + pad("seo", 6) + pad("LCP", 10) + pad("CLS", 8) + "TBT",
);
let failed = false;
for (const name of names) {
  const report = JSON.parse(fs.readFileSync(path.join(out, `${name}.json`), "utf8"));
  const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const audit = (id) => report.audits[id]?.displayValue ?? "—";
  const label = name === "model" ? `/models/${model}` : name === "home" ? "/" : "/calculator";
  console.log(
    pad(label, 28) +
      pad(score("performance"), 6) +
      pad(score("accessibility"), 6) +
      pad(score("best-practices"), 6) +
      pad(score("seo"), 6) +
      pad(audit("largest-contentful-paint"), 10) +
      pad(audit("cumulative-layout-shift"), 8) +
      audit("total-blocking-time"),
  );
  for (const id of ["accessibility", "seo"]) {
    const category = report.categories[id];
    const failing = category.auditRefs
      .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id);
    if (failing.length > 0) console.log(`  ${id} issues: ${failing.join(", ")}`);
    if (name === "model" && score(id) < 100) failed = true;
  }
}
if (failed) {
  console.error("lighthouse: the model page must score 100 for SEO and Accessibility");
  process.exit(1);
}
EOF
