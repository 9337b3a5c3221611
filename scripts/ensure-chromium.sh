#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (`$CHROMIUM_PATH` names another one).
# Never fails: without a browser the browser tests fail with a message saying so; they are never skipped.
if [ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null; then exit 0; fi
{ apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || echo "could not install chromium: the browser tests will fail" >&2
exit 0
