#!/usr/bin/env bash
# The cost of server-checked CHECKs (CHECKs dbsynth cannot evaluate itself,
# evaluated by the database for every generated row). Fills the benchmark
# schema (ROWS users + ROWS orders) four ways on each database:
#   plain       the schema as it is
#   understood  orders with CHECKs dbsynth captures (must cost nothing)
#   server      orders with a CHECK only the database evaluates, always true
#               (the cost of evaluating it: one statement per 4,096 rows)
#   half        orders with such a CHECK rejecting about half of the values
#               (evaluation plus redraws until every row passes)
#   Benchmarks/server-checks.sh [ROWS]       (default 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-200000}
scripts/install-deps.sh
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get install -y -qq time >/dev/null 2>&1 || true; }
swift build -c release --product dbsynth 2>&1 | tail -n 1
bin=$(swift build -c release --show-bin-path)/dbsynth
work=$(mktemp -d /tmp/dbsynth-bench.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
source Benchmarks/timed.sh

# The note column of orders, with the CHECK of each variant.
declare -A sqlite_note=(
  [plain]="note TEXT NOT NULL"
  [understood]="note TEXT NOT NULL CHECK (length(note) <= 500 AND note <> '')"
  [server]="note TEXT NOT NULL CHECK (length(note) & 0 = 0)"
  [half]="note TEXT NOT NULL CHECK (length(note) & 1 = 0)"
)
echo "== SQLite ($rows users + $rows orders)"
for variant in plain understood server half; do
  db="$work/$variant.db"
  column=${sqlite_note[$variant]}
  sed "s/note        TEXT NOT NULL/${column//&/\\&}/" Benchmarks/schema.sqlite.sql | sqlite3 "$db"
  timed "fill, $variant" "$bin" fill "sqlite:$db" --rows "$rows" --quiet
done

echo "== PostgreSQL ($rows users + $rows orders)"
BENCH_ROWS=$rows BENCH_BIN=$bin BENCH_WORK=$work scripts/with-postgres.sh bash -c '
  set -euo pipefail
  source Benchmarks/timed.sh
  declare -A check=(
    [plain]=""
    [understood]="ALTER TABLE orders ADD CHECK (length(note) <= 500 AND note <> '\'''\'')"
    [server]="ALTER TABLE orders ADD CHECK (always(note))"
    [half]="ALTER TABLE orders ADD CHECK (even_length(note))"
  )
  for variant in plain understood server half; do
    psql -X -q -d postgres -c "CREATE DATABASE $variant"
    psql -X -q -d $variant -f Benchmarks/schema.pg.sql \
      -c "CREATE FUNCTION always(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS \$\$ SELECT t IS NOT NULL \$\$" \
      -c "CREATE FUNCTION even_length(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS \$\$ SELECT length(t) % 2 = 0 \$\$" \
      ${check[$variant]:+-c "${check[$variant]}"}
    timed "fill, $variant" "$BENCH_BIN" fill "postgresql://postgres@127.0.0.1:$PGPORT/$variant" --rows "$BENCH_ROWS" --quiet
  done
'
