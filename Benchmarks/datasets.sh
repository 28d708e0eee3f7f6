#!/usr/bin/env bash
# Time and peak memory of `dbsynth create DATASET --size large` (default
# retail_star: 10 million sales, 10.55 million rows in all) into SQLite, and
# into PostgreSQL when DBSYNTH_TEST_PG or PG* point at a server (run it
# under scripts/with-postgres.sh for a throwaway one), and to CSV files.
#   Benchmarks/datasets.sh [DATASET] [SIZE]
#   DBSYNTH_BIN=path/to/dbsynth Benchmarks/datasets.sh   measures that binary
set -euo pipefail
cd "$(dirname "$0")/.."
dataset=${1:-retail_star}
size=${2:-large}
source Benchmarks/release-bin.sh
work=$(mktemp -d /tmp/dbsynth-bench.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
rows=$("$bin" datasets --json | python3 -c "import json,sys; d=[x for x in json.load(sys.stdin) if x['name']=='$dataset'][0]; print(sum(t['rows']['$size'] for t in d['tables']))")
echo "== dbsynth create $dataset --size $size ($rows rows)"

# run LABEL ARGS...: one create, its seconds, rows/s and peak RSS.
run() {
  local label=$1; shift
  local start end secs
  start=$(date +%s.%N)
  /usr/bin/time -f %M -o "$work/rss" "$bin" create "$dataset" "$@" --size "$size" --quiet
  end=$(date +%s.%N)
  secs=$(awk "BEGIN { print $end - $start }")
  printf '  %-12s %8.1fs %10.0f rows/s %6d MiB peak\n' "$label" "$secs" "$(awk "BEGIN { print $rows / $secs }")" "$(($(cat "$work/rss") / 1024))"
}

run SQLite "sqlite:$work/bench.db"
rm -f "$work/bench.db"
run CSV --out "$work/csv" --format csv
rm -rf "$work/csv"
if [ -n "${DBSYNTH_TEST_PG:-}${PGHOST:-}" ]; then
  run PostgreSQL "${DBSYNTH_TEST_PG:-}"
fi
