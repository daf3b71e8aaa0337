#!/usr/bin/env bash
# `npm test`: lint (n8n-node lint, strict), type-check, build, n8n's community package scan of
# the packed tarball, unit tests, end-to-end tests, UI tests (n8n's editor in headless Chromium),
# the fault run (npm run faults).
set -euo pipefail
cd "$(dirname "$0")/../.."
source test/runtime/node24.sh
[ -d node_modules/@n8n/node-cli ] || npm ci --no-audit --no-fund
npm run lint
npm run typecheck
npm run build
npm run scan -- --skip-build
npx jest --ci
npm run test:e2e
npm run test:ui
# Seeded faults through the node in real n8n: fails on a duplicate or resent SMS or an unclear error.
node test/runtime/faults.mjs
