# Run by Benchmarks/fidelity.sh inside a throwaway PostgreSQL (PG* set).
set -euo pipefail
# measure NAME CMD...: seconds and peak RSS (MiB) of CMD into $dir/times;
# SDV's runs stop after SDV_TIMEOUT seconds (default 1800), recorded as such.
measure() {
  local name=$1; shift
  local start end status=0
  start=$(date +%s.%N)
  timeout "${SDV_TIMEOUT:-1800}" /usr/bin/time -f %M -o "$WORK/rss" "$@" > "$WORK/out" 2> "$WORK/err" || status=$?
  end=$(date +%s.%N)
  if [ "$status" -eq 124 ]; then
    echo "$name timeout $(awk "BEGIN { print $end - $start }")" >> "$dir/times"; return 0
  fi
  [ "$status" -eq 0 ] || { cat "$WORK/err" >&2; return 1; }
  echo "$name $(awk "BEGIN { print $end - $start }") $(( $(cat "$WORK/rss") / 1024 ))" >> "$dir/times"
}
export_tables() { # URL DIR: every table as CSV with a header
  mkdir -p "$2"
  "$BIN" inspect "$1" --json > "$2/schema.json"
  python3 -c "import json,sys; [print(t['name']) for t in json.load(open(sys.argv[1]))['tables']]" "$2/schema.json" | while read -r t; do
    psql -qX -d "$1" -c "\\copy (SELECT * FROM \"$t\") TO '$2/$t.csv' WITH (FORMAT csv, HEADER)"
  done
}
for ds in $DATASETS; do
  dir=$WORK/$ds; mkdir -p "$dir"; : > "$dir/times"
  case $ds in
    pagila|sakila) source_load="data $ds"; schema_load="postgres $ds" ;;
    *) source_load="postgres $ds"; schema_load="postgres $ds" ;;
  esac
  createdb "src_$ds"; createdb "syn_$ds"
  PGDATABASE="src_$ds" "$CORPUS/load" $source_load > /dev/null 2>&1
  PGDATABASE="syn_$ds" "$CORPUS/load" $schema_load > /dev/null 2>&1
  src="postgresql://postgres@$PGHOST:$PGPORT/src_$ds" syn="postgresql://postgres@$PGHOST:$PGPORT/syn_$ds"
  measure "dbsynth_profile" "$BIN" profile "$src" -o "$dir/profile.json"
  # At 10x the source, then a rule-based fill of the same schema, for rows/s side by side.
  createdb "big_$ds"; PGDATABASE="big_$ds" "$CORPUS/load" $schema_load > /dev/null 2>&1
  big="postgresql://postgres@$PGHOST:$PGPORT/big_$ds"
  measure "dbsynth_fill_x10" "$BIN" fill "$big" --profile "$dir/profile.json" --scale 10 --truncate
  { grep -o 'total *[0-9,]*' "$WORK/out" || true; } | tr -dc '0-9' > "$dir/rows_x10"
  measure "dbsynth_fill_rule_based" "$BIN" fill "$big" --truncate
  { grep -o 'total *[0-9,]*' "$WORK/out" || true; } | tr -dc '0-9' > "$dir/rows_rule_based"
  dropdb "big_$ds"
  measure "dbsynth_fill" "$BIN" fill "$syn" --profile "$dir/profile.json" --truncate --quiet
  "$BIN" compare "$src" "$syn" --json > "$dir/compare.json"
  export_tables "$src" "$dir/real"
  export_tables "$syn" "$dir/dbsynth"
  measure "sdv_hma" "$VENV/bin/python" Benchmarks/fidelity.py hma "$dir"
  measure "sdv_gaussian_copula" "$VENV/bin/python" Benchmarks/fidelity.py copula "$dir"
  "$VENV/bin/python" Benchmarks/fidelity.py score "$dir" > "$dir/scores.txt"
  echo "== $ds"
  cat "$dir/scores.txt"
done
