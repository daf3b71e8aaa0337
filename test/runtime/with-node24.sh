#!/usr/bin/env bash
# Runs a command with Node >= 24 first on PATH (installing it from npm when missing) and
# the project's dependencies installed (npm ci when node_modules is missing).
set -euo pipefail
source "$(dirname "$0")/node24.sh"
cd "$(dirname "$0")/../.."
[ -d node_modules/@n8n/node-cli ] || npm ci --no-audit --no-fund
exec "$@"
