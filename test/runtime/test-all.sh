#!/usr/bin/env bash
# `npm test`: lint (n8n-node lint, strict), type-check, build, unit tests, end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
source test/runtime/node24.sh
[ -d node_modules/@n8n/node-cli ] || npm ci --no-audit --no-fund
npm run lint
npm run typecheck
npm run build
npx jest --ci
npm run test:e2e
