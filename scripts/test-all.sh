#!/usr/bin/env bash
# The one command that installs everything and runs every test:
# type check, unit and component tests (Vitest), browser tests (Playwright
# in Debian's Chromium against the built app).
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --no-audit --no-fund
bash scripts/ensure-system-packages.sh
npm run typecheck
npm run lint
npm run format:check
npm run test:unit
npm run test:e2e
