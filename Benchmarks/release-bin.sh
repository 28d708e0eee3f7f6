# Sourced by the benchmarks: `bin` is the dbsynth to measure, $DBSYNTH_BIN
# if set (to compare two builds in the same conditions), else a release
# build of this checkout; /usr/bin/time is installed if missing (peak RSS).
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get install -y -qq time >/dev/null 2>&1 || true; }
if [ -n "${DBSYNTH_BIN:-}" ]; then
  bin=$DBSYNTH_BIN
else
  swift build -c release --product dbsynth 2>&1 | tail -n 1
  bin=$(swift build -c release --show-bin-path)/dbsynth
fi
