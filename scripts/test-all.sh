#!/usr/bin/env bash
# Every test CI runs, from a fresh clone: install, static checks, unit tests, production build, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "install"
bash scripts/install.sh
bash scripts/ensure-chromium.sh

step "content + typecheck"
npm run --silent typecheck

step "lint"
npm run --silent lint

step "format"
npm run --silent format:check

step "unit tests (vitest)"
npm run --silent test

step "production build"
npm run --silent build > .next-build.log 2>&1 || { cat .next-build.log; exit 1; }
tail -n 40 .next-build.log

step "browser tests (Playwright + Debian chromium)"
npm run --silent test:e2e
