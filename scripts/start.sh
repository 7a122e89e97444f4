#!/usr/bin/env bash
# Installs, builds and serves the app on localhost, printing the address.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --no-audit --no-fund
node node_modules/vite/bin/vite.js build
echo ""
echo "Outcome Canvas is running at http://127.0.0.1:${PORT:-4321}/  (press Ctrl+C to stop)"
exec node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port "${PORT:-4321}" --strictPort
