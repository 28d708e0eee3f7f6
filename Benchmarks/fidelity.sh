#!/usr/bin/env bash
# Fidelity of a synthetic copy: dbsynth profile + fill + compare against SDV
# (HMASynthesizer on the largest subset it accepts, GaussianCopula per
# table), every output scored by sdmetrics' QualityReport in the same run,
# with times and peak RSS side by side. On the corpus datasets with rows.
#   Benchmarks/fidelity.sh [DATASET...]   (default: pagila sakila chinook northwind)
#   DBSYNTH_BIN=path/to/dbsynth  SDV_VENV=/path/to/venv (default /tmp/dbsynth-sdv)
# Needs ../shared/corpus; installs sdv (with torch, about 1 GB) into the venv once.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(cd "${DBSYNTH_CORPUS:-../shared/corpus}" && pwd)
datasets=${*:-pagila sakila chinook northwind}
scripts/install-deps.sh
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get install -y -qq time >/dev/null 2>&1 || true; }
venv=${SDV_VENV:-/tmp/dbsynth-sdv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import sdv, sdmetrics" 2>/dev/null; then
  apt-get install -y -qq python3-venv >/dev/null 2>&1 || true
  python3 -m venv "$venv" && "$venv/bin/pip" install -q sdv
fi
if [ -n "${DBSYNTH_BIN:-}" ]; then bin=$DBSYNTH_BIN; else
  swift build -c release --product dbsynth 2>&1 | tail -n 1
  bin=$(swift build -c release --show-bin-path)/dbsynth
fi
work=$(mktemp -d /tmp/dbsynth-fidelity.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
export BIN=$bin WORK=$work CORPUS=$corpus VENV=$venv DATASETS=$datasets
scripts/with-postgres.sh bash Benchmarks/fidelity-run.sh
