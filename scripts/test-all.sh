#!/usr/bin/env bash
# Every test CI runs, from a fresh clone: install, static checks, unit tests, production build, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "install"
bash scripts/install.sh
bash scripts/ensure-chromium.sh

step "content + route types (next typegen) + typecheck"
npm run --silent typecheck

step "lint"
npm run --silent lint

step "format"
npm run --silent format:check

step "unit tests (vitest)"
npm run --silent test

step "production build"
# A random value in the build's environment: scripts/check-client-bundle.ts fails if it reaches the browser.
MODELFIT_BUILD_CANARY="canary-$(date +%s%N)-${RANDOM}${RANDOM}"
export MODELFIT_BUILD_CANARY
npm run --silent build > .next-build.log 2>&1 || { cat .next-build.log; exit 1; }
tail -n 40 .next-build.log

step "client bundle: no secrets, environment values or server-only modules"
npx tsx scripts/check-client-bundle.ts

step "browser tests (Playwright + Debian chromium)"
npm run --silent test:e2e

step "static export (MODELFIT_EXPORT=1) on a plain static server"
npx tsx scripts/check-export.ts

step "benchmarks, short mode (figures only, no limits)"
CI=true npm run --silent bench -- weight serve scale lighthouse latency

step "estimator benchmark: every model page's tables"
npm run --silent bench:estimator
