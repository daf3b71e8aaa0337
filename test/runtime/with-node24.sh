#!/usr/bin/env bash
# Runs a command with Node >= 24 first on PATH (installing it from npm when missing).
set -euo pipefail
source "$(dirname "$0")/node24.sh"
exec "$@"
