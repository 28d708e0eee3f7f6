# Sourced by Benchmarks/run.sh. Needs $rows (or $BENCH_ROWS) and $work (or $BENCH_WORK).
rows=${rows:-${BENCH_ROWS:-0}}
work=${work:-${BENCH_WORK:-/tmp}}

# timed LABEL CMD...: runs CMD, records seconds and peak RSS (KiB) in $secs / $rss.
timed() {
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null
    rss=$(cat "$work/rss")
  else
    "$@" >/dev/null; rss=0
  fi
  end=$(date +%s.%N)
  secs=$(awk "BEGIN { print $end - $start }")
  printf '  %-34s %8.2fs %12.0f rows/s %8d MiB peak\n' "$label" "$secs" "$(awk "BEGIN { print 2 * $rows / $secs }")" "$((rss / 1024))"
}

