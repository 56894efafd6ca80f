#!/usr/bin/env bash
# The browser tests drive Debian's Chromium at /usr/bin/chromium. Install it when it is missing
# and this user may (root with apt-get, as on CI); otherwise say how, and let the tests fail clearly.
set -u
[ -x /usr/bin/chromium ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  echo "Installing Debian's chromium for the browser tests…"
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
    exit 0
  fi
fi
echo "Chromium is missing at /usr/bin/chromium: the browser tests will fail. Install it with: sudo apt-get install -y chromium" >&2
exit 0
