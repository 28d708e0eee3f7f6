#!/usr/bin/env bash
# Parquet output against smelt-datagen, the tool whose configs dbsynth reads:
# the same smelt config (ROWS users + ROWS orders, orders partitioned over 30
# days) written by smelt-datagen and by `dbsynth fill --format parquet
# --jobs 1` (one generating thread, as Benchmarks/run.sh measures "one
# core"), in the same run. Prints wall and CPU seconds, rows/s, peak memory,
# file sizes and the ratio, then checks through DuckDB that both outputs have
# the same row counts, column names and types, and key ranges.
#   Benchmarks/parquet.sh [ROWS]      (default 1000000)
#   PIN=1 Benchmarks/parquet.sh       both tools pinned to one CPU (taskset)
#   DBSYNTH_BIN=path/to/dbsynth Benchmarks/parquet.sh   measures that binary
# smelt-datagen (pip smelt-sql), pyarrow and duckdb are installed into a
# virtualenv on first use ($SMELT_VENV, default ~/.cache/dbsynth/smelt-venv).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
venv=${SMELT_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/dbsynth/smelt-venv}
if ! [ -x "$venv/bin/smelt-datagen" ] || ! "$venv/bin/python" -c "import pyarrow, duckdb" >/dev/null 2>&1; then
  echo "installing smelt-sql, pyarrow and duckdb into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check smelt-sql pyarrow duckdb
fi
[ -x /usr/bin/time ] || { apt-get install -y -qq time >/dev/null 2>&1 || { echo "error: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }; }
source Benchmarks/release-bin.sh
work=$(mktemp -d /tmp/dbsynth-parquet-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
pin=()
if [ "${PIN:-0}" = 1 ]; then pin=(taskset -c 0); fi

cat > "$work/bench.yml" <<YAML
seed: 42
datasets:
  - name: users
    output: data/users
    num_rows: $rows
    columns:
      - { name: user_id, generator: { type: sequential_id } }
      - { name: email, generator: { type: string_pattern, template: "user{sequential_id}@example.com" } }
      - { name: country, generator: { type: weighted_choice, values: { de: 0.3, fr: 0.25, es: 0.2, it: 0.15, nl: 0.1 } } }
      - { name: signup, generator: { type: timestamp, start: "2021-01-01T00:00:00", end: "2025-01-01T00:00:00" } }
      - { name: age, generator: { type: uniform_int, min: 18, max: 90 } }
      - { name: vip, generator: { type: bool, prob: 0.1 } }
  - name: orders
    output: data/orders
    num_rows: $rows
    partition: { column: order_date, start: "2024-01-01", days: 30 }
    columns:
      - { name: order_id, generator: { type: sequential_id } }
      - { name: user_id, generator: { type: foreign_key, dataset: users } }
      - { name: amount, generator: { type: uniform_float, min: 1, max: 500 } }
      - { name: ordered_at, generator: { type: timestamp, start: "2024-01-01T00:00:00", end: "2024-01-31T00:00:00" } }
      - { name: status, generator: { type: weighted_choice, values: { paid: 0.7, shipped: 0.2, cancelled: 0.1 } } }
      - { name: coupon, generator: { type: optional, prob: 0.2, inner: { type: one_of, values: [SPRING, VIP10, WELCOME] } } }
YAML

# measure LABEL CMD...: wall and CPU seconds, rows/s and peak RSS; sets $secs.
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null
  read -r secs user sys rss < <(tail -n 1 "$work/time")
  printf '  %-32s %6.2fs wall %6.2fs CPU %10.0f rows/s %5d MiB peak\n' "$label" "$secs" \
    "$(awk "BEGIN { print $user + $sys }")" "$(awk "BEGIN { print 2 * $rows / $secs }")" "$((rss / 1024))"
}

echo "== Parquet, $rows users + $rows orders (30 partitions)${pin:+, pinned to one CPU}"
mkdir -p "$work/smelt"
# smelt-datagen writes each dataset's output: relative to its working directory.
version=$("$venv/bin/pip" show smelt-sql 2>/dev/null | sed -n 's/^Version: //p')
measure "smelt-datagen $version" env -C "$work/smelt" "${pin[@]}" "$venv/bin/smelt-datagen" --config "$work/bench.yml" --quiet
smelt=$secs
measure "dbsynth fill --format parquet" "${pin[@]}" "$bin" fill --config "$work/bench.yml" --out "$work/dbsynth" --format parquet --jobs 1 --quiet
dbsynth=$secs
printf '  ratio dbsynth / smelt-datagen: %.2f (target <= 0.5); dbsynth %.0f rows/s (target >= 1,000,000)\n' \
  "$(awk "BEGIN { print $dbsynth / $smelt }")" "$(awk "BEGIN { print 2 * $rows / $dbsynth }")"
for tool in smelt dbsynth; do
  printf '  %-8s files: users %s MB, orders %s MB\n' "$tool" \
    "$(du -sb "$work/$tool/data/users" | awk '{ printf "%.1f", $1 / 1e6 }')" "$(du -sb "$work/$tool/data/orders" | awk '{ printf "%.1f", $1 / 1e6 }')"
done

echo "== Same row counts, column names and key ranges (DuckDB)"
"$venv/bin/python" - "$work/smelt/data" "$work/dbsynth/data" <<'PY'
import sys, duckdb
smelt, ours = sys.argv[1], sys.argv[2]
checks = {
    "users": "SELECT count(*), min(user_id), max(user_id), count(DISTINCT user_id), count(DISTINCT country) FROM read_parquet('{d}/users/data.parquet')",
    "orders": "SELECT count(*), min(order_id), max(order_id), min(user_id) >= 1, max(user_id) <= (SELECT count(*) FROM read_parquet('{d}/users/data.parquet')), count(DISTINCT order_date) FROM read_parquet('{d}/orders/*/data.parquet', hive_partitioning = true)",
    "orders per day": "SELECT order_date::VARCHAR, count(*) FROM read_parquet('{d}/orders/*/data.parquet', hive_partitioning = true) GROUP BY 1 ORDER BY 1",
}
failed = False
for name, sql in checks.items():
    a = duckdb.sql(sql.format(d=smelt)).fetchall()
    b = duckdb.sql(sql.format(d=ours)).fetchall()
    same = a == b
    failed |= not same
    print(f"  {name:15} {'same' if same else 'DIFFERENT'}: {a[0] if len(a) == 1 else f'{len(a)} rows'}" + ("" if same else f" vs {b[0] if len(b) == 1 else b}"))
for ds, path in [("users", "users/data.parquet"), ("orders", "orders/order_date=2024-01-01/data.parquet")]:
    cols = lambda d: [r[0] for r in duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{d}/{path}')").fetchall()]
    types = lambda d: [r[1] for r in duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{d}/{path}')").fetchall()]
    same = cols(smelt) == cols(ours) and types(smelt) == types(ours)
    failed |= not same
    print(f"  {ds + ' columns':15} {'same' if same else 'DIFFERENT'}: {list(zip(cols(ours), types(ours)))}" + ("" if same else f" vs smelt {list(zip(cols(smelt), types(smelt)))}"))
sys.exit(1 if failed else 0)
PY
