#!/usr/bin/env bash
# The 30-second tour: installs what is missing, builds dbsynth, creates a
# SQLite database from Examples/shop.sql and fills it with 5,000 rows per
# table, then shows what it did.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product dbsynth 2>&1 | tail -n 1
bin=$(swift build -c release --show-bin-path)/dbsynth
db=${1:-/tmp/dbsynth-demo/shop.db}
mkdir -p "$(dirname "$db")"
rm -f "$db"
echo "\$ dbsynth fill sqlite:$db --schema Examples/shop.sql --rows 5000"
"$bin" fill "sqlite:$db" --schema Examples/shop.sql --rows 5000
echo
echo "\$ sqlite3 $db 'SELECT … FROM customers LIMIT 5'"
sqlite3 -header -column "$db" "SELECT id, first_name, last_name, email, city, created_at FROM customers LIMIT 5"
echo
echo "\$ sqlite3 $db 'PRAGMA foreign_key_check'   # no output: every foreign key holds"
sqlite3 "$db" "PRAGMA foreign_key_check"
