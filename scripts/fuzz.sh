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
# libFuzzer without its own main (the tool's entry point calls
# LLVMFuzzerRunDriver), and the coverage libFuzzer reads.
toolchain=$(dirname "$(command -v swiftc)")/..
fuzzer=$(ls "$toolchain"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-"$(uname -m)".a | head -n 1)
[ -f "$fuzzer" ] || { echo "error: libFuzzer (libclang_rt.fuzzer_no_main) not found in the Swift toolchain" >&2; exit 1; }
flags=(-c release -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp
       -Xswiftc -DFUZZING -Xlinker "$fuzzer" -Xlinker -lstdc++)
swift build --scratch-path .build-fuzz --product DBSynthFuzz "${flags[@]}"
bin=$(swift build --scratch-path .build-fuzz --product DBSynthFuzz "${flags[@]}" --show-bin-path)/DBSynthFuzz
corpus=.build-fuzz/corpus/$target
mkdir -p "$corpus" .build-fuzz/artifacts
seeds=()
[ -d "Tests/FuzzCorpus/$target" ] && seeds+=("Tests/FuzzCorpus/$target")
DBSYNTH_FUZZ_TARGET=$target "$bin" "$corpus" "${seeds[@]}" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=4096 \
  -artifact_prefix=.build-fuzz/artifacts/ -print_final_stats=1
