#!/usr/bin/env bash
# Throughput and memory of `dbsynth fill` against the physical baseline:
# loading the very same rows from a ready CSV file (psql \copy, sqlite3 .import),
# measured in the same run on the same machine. Prints rows/s, peak RSS and ratios.
#   Benchmarks/run.sh [ROWS]        (default 1000000 users + 1000000 orders)
#   DBSYNTH_BIN=path/to/dbsynth Benchmarks/run.sh   measures that binary instead
#   of building one (to compare two builds in the same conditions)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
scripts/install-deps.sh
source Benchmarks/release-bin.sh
work=$(mktemp -d /tmp/dbsynth-bench.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

source Benchmarks/timed.sh

echo "== SQLite ($rows users + $rows orders)"
db="$work/fill.db"
sqlite3 "$db" < Benchmarks/schema.sqlite.sql
timed "dbsynth fill" "$bin" fill "sqlite:$db" --rows "$rows" --quiet
fill_sqlite=$secs
sqlite3 -csv "$db" "SELECT * FROM users" > "$work/users.csv"
sqlite3 -csv "$db" "SELECT * FROM orders" > "$work/orders.csv"
imp="$work/import.db"
sqlite3 "$imp" < Benchmarks/schema.sqlite.sql
timed "sqlite3 .import (baseline)" sqlite3 "$imp" "PRAGMA foreign_keys=ON" ".import --csv $work/users.csv users" ".import --csv $work/orders.csv orders"
import_sqlite=$secs
printf '  ratio fill / .import: %.2f (target <= 1.0)\n' "$(awk "BEGIN { print $fill_sqlite / $import_sqlite }")"
fast="$work/fast.db"
sqlite3 "$fast" < Benchmarks/schema.sqlite.sql
timed "dbsynth fill --fast" "$bin" fill "sqlite:$fast" --rows "$rows" --fast --quiet
printf '  ratio fill --fast / .import: %.2f\n' "$(awk "BEGIN { print $secs / $import_sqlite }")"

echo "== Generation to CSV files, one core ($rows users + $rows orders)"
timed "dbsynth fill --out DIR --jobs 1" "$bin" fill "sqlite:$fast" --out "$work/csv" --rows "$rows" --jobs 1 --quiet
printf '  %.0f rows/s (target >= 1,000,000)\n' "$(awk "BEGIN { print 2 * $rows / $secs }")"
for format in jsonl sql; do
  timed "dbsynth fill --format $format --jobs 1" "$bin" fill "sqlite:$fast" --out "$work/$format" --format "$format" --rows "$rows" --jobs 1 --quiet
done

echo "== PostgreSQL ($rows users + $rows orders)"
BENCH_ROWS=$rows BENCH_BIN=$bin BENCH_WORK=$work scripts/with-postgres.sh bash -c '
  set -euo pipefail
  source Benchmarks/timed.sh
  psql -X -q -d postgres -c "CREATE DATABASE fill" -c "CREATE DATABASE copy"
  psql -X -q -d fill -f Benchmarks/schema.pg.sql
  psql -X -q -d copy -f Benchmarks/schema.pg.sql
  url="postgresql://postgres@127.0.0.1:$PGPORT/fill"
  timed "dbsynth fill" "$BENCH_BIN" fill "$url" --rows "$BENCH_ROWS" --quiet
  fill_pg=$secs
  psql -X -q -d fill -c "\copy users TO $BENCH_WORK/users.pg.csv CSV" -c "\copy orders TO $BENCH_WORK/orders.pg.csv CSV"
  timed "psql \\copy (baseline)" psql -X -q -d copy -1 -c "\copy users FROM $BENCH_WORK/users.pg.csv CSV" -c "\copy orders FROM $BENCH_WORK/orders.pg.csv CSV"
  copy_pg=$secs
  printf "  ratio fill / \\\\copy: %.2f (target <= 1.0)\n" "$(awk "BEGIN { print $fill_pg / $copy_pg }")"
  psql -X -q -d postgres -c "CREATE DATABASE fast"
  psql -X -q -d fast -f Benchmarks/schema.pg.sql
  timed "dbsynth fill --fast" "$BENCH_BIN" fill "postgresql://postgres@127.0.0.1:$PGPORT/fast" --rows "$BENCH_ROWS" --fast --quiet
  printf "  ratio fill --fast / \\\\copy: %.2f (target <= 0.5)\n" "$(awk "BEGIN { print $secs / $copy_pg }")"
  # What the server spends parsing: the same rows loaded by psql from CSV and
  # from COPY binary (numbers, timestamps and numerics arrive ready-made).
  psql -X -q -d fill -c "\copy users TO $BENCH_WORK/users.bin (FORMAT binary)" -c "\copy orders TO $BENCH_WORK/orders.bin (FORMAT binary)"
  psql -X -q -d postgres -c "CREATE DATABASE bin"
  psql -X -q -d bin -f Benchmarks/schema.pg.sql
  timed "psql \\copy FORMAT binary" psql -X -q -d bin -1 -c "\copy users FROM $BENCH_WORK/users.bin (FORMAT binary)" -c "\copy orders FROM $BENCH_WORK/orders.bin (FORMAT binary)"
  printf "  ratio binary / csv \\\\copy: %.2f (below ~0.85 would pay for a binary encoder)\n" "$(awk "BEGIN { print $secs / $copy_pg }")"
'
