#!/usr/bin/env bash
# Installs, builds and starts the app and its sync server on one port,
# printing the address for this computer and for others on the network.
# PORT (default 4321), HOST (default 0.0.0.0; 127.0.0.1 keeps it to this
# computer) and the rest: docs/sync-server.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --no-audit --no-fund
node node_modules/vite/bin/vite.js build
node node_modules/vite/bin/vite.js build --config server/vite.config.ts
exec node dist-server/main.js
