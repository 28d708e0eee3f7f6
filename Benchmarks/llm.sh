#!/usr/bin/env bash
# Model-written columns: what they cost a fill, against the local
# OpenAI-compatible test server (Tests/LLMServer/fake_openai.py; no model
# is needed, the wire format is the real one).
#   Benchmarks/llm.sh [ROWS]    (default 1000000)
#   DBSYNTH_BIN=path/to/dbsynth Benchmarks/llm.sh   measures that binary
# 1. Warm cache: a ROWS-row SQLite fill with two `type: llm` columns
#    against the same fill with those columns inferred (target <= 1.1x).
# 2. Cold: a 100,000-row fill of a schema with three semantic columns
#    (description, body, notes) with `--llm` and an empty cache: the
#    calls and tokens it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
source Benchmarks/release-bin.sh
work=$(mktemp -d /tmp/dbsynth-llm-bench.XXXXXX)
python3 Tests/LLMServer/fake_openai.py --port 0 > "$work/server.out" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q '^port ' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/^port /{print $2}' "$work/server.out")
export DBSYNTH_LLM_URL="http://127.0.0.1:$port/v1" DBSYNTH_LLM_MODEL=gpt-4o-mini DBSYNTH_LLM_KEY=sk-benchmark

schema="CREATE TABLE review (id INTEGER PRIMARY KEY, rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  headline TEXT, body TEXT, created_at TIMESTAMP, helpful INTEGER NOT NULL DEFAULT 0);"
cat > "$work/llm.yml" <<YAML
tables:
  review:
    columns:
      headline: { type: llm, prompt: "a one-line headline of a product review" }
      body: { type: llm, prompt: "a customer review of a kitchen product, two or three sentences" }
YAML
cat > "$work/plain.yml" <<YAML
tables:
  review:
    columns: {}
YAML

# fill CONFIG: a fresh database, filled; prints the seconds.
fill() {
  rm -f "$work/b.db"
  sqlite3 "$work/b.db" "$schema"
  local start end
  start=$(date +%s.%N)
  "$bin" fill "sqlite:$work/b.db" --rows "$rows" --config "$1" --llm-cache "$work/cache" --quiet
  end=$(date +%s.%N)
  awk "BEGIN { print $end - $start }"
}

echo "== Warm cache: $rows rows, two llm columns vs none (SQLite)"
fill "$work/llm.yml" > /dev/null   # fills the cache
# best CONFIG: the fastest of three fills.
best() { for _ in 1 2 3; do fill "$1"; done | sort -n | head -n 1; }
with=$(best "$work/llm.yml")
without=$(best "$work/plain.yml")
printf '  with two llm columns (warm)  %8.2fs\n  same columns inferred         %8.2fs\n  ratio %.3f (target <= 1.1)\n' "$with" "$without" "$(awk "BEGIN { print $with / $without }")"

echo "== Cold: 100,000 rows, three semantic columns, --llm, empty cache"
rm -f "$work/c.db"
sqlite3 "$work/c.db" "CREATE TABLE product (id INTEGER PRIMARY KEY, name TEXT NOT NULL, description TEXT);
  CREATE TABLE review (id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL REFERENCES product(id), rating INTEGER NOT NULL, body TEXT);
  CREATE TABLE ticket (id INTEGER PRIMARY KEY, subject TEXT, notes TEXT);"
"$bin" fill "sqlite:$work/c.db" --rows 100000 --llm --llm-cache "$work/cold-cache" --report "$work/cold.json"
python3 - "$work/cold.json" <<'PY'
import json, sys
llm = json.load(open(sys.argv[1]))["llm"]
print(f"  calls {llm['calls']}, input tokens {llm['input_tokens']}, output tokens {llm['output_tokens']}, cost ${llm['cost_usd']:.4f} at gpt-4o-mini prices")
for c in llm["columns"]:
    print(f"    {c['table']}.{c['column']}: {c['values']} values, {c['calls']} calls, {c['input_tokens']} in, {c['output_tokens']} out")
PY
echo "  (output tokens are the test server's short values; a real model's run longer)"
