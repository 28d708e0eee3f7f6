#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, starts a throwaway
# PostgreSQL, runs `swift test` against it and a real SQLite, stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
swift build --build-tests
exec scripts/with-postgres.sh swift test --skip-build "$@"
