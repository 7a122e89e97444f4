#!/usr/bin/env bash
# Debian packages the tests need, installed only when missing:
# - chromium: Playwright drives it (Playwright's own browser downloads are not used);
# - poppler-utils: pdftotext reads the printed PDF;
# - redis-server: the test of two sync server instances sharing rooms through Redis
#   (the test starts its own, on a Unix socket; nothing runs as a service);
# - pandoc: an independent reader for the Word files the app writes (.docx back to text).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/pdftotext ] || missing+=(poppler-utils)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ -x /usr/bin/pandoc ] || missing+=(pandoc)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages for the tests: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
# policy-rc.d keeps apt from starting redis-server as a service: the tests start their own.
if [[ " ${missing[*]} " == *" redis-server "* ]] && [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  trap '$SUDO rm -f /usr/sbin/policy-rc.d' EXIT
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
