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
venv=${SDV_VENV:-/tmp/dbsynth-sdv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import sdv, sdmetrics" 2>/dev/null; then
  apt-get install -y -qq python3-venv >/dev/null 2>&1 || true
  python3 -m venv "$venv" && "$venv/bin/pip" install -q sdv
fi
source Benchmarks/release-bin.sh
work=$(mktemp -d /tmp/dbsynth-fidelity.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
export BIN=$bin WORK=$work CORPUS=$corpus VENV=$venv DATASETS=$datasets
scripts/with-postgres.sh bash Benchmarks/fidelity-run.sh
