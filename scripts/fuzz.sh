#!/usr/bin/env bash
# Fuzzes one parser with libFuzzer (and AddressSanitizer) for a while:
#   scripts/fuzz.sh check 300      # CHECK expressions, 5 minutes
#   scripts/fuzz.sh config 300     # YAML configs
#   scripts/fuzz.sh trigger 300    # trigger bodies
# New inputs that grow coverage go to .build-fuzz/corpus/TARGET; a crash or
# hang stops the run and leaves the input in .build-fuzz/artifacts. Copy such
# an input into Tests/FuzzCorpus/TARGET/ once fixed: the test suite replays
# every file there (FuzzRegressionTests).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh check|config|trigger SECONDS}
seconds=${2:-120}
swift build --scratch-path .build-fuzz --product DBSynthFuzz -c release \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING
bin=$(swift build --scratch-path .build-fuzz --product DBSynthFuzz -c release --show-bin-path)/DBSynthFuzz
corpus=.build-fuzz/corpus/$target
mkdir -p "$corpus" .build-fuzz/artifacts
seeds=()
[ -d "Tests/FuzzCorpus/$target" ] && seeds+=("Tests/FuzzCorpus/$target")
DBSYNTH_FUZZ_TARGET=$target "$bin" "$corpus" "${seeds[@]}" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=4096 \
  -artifact_prefix=.build-fuzz/artifacts/ -print_final_stats=1
