#!/usr/bin/env bash
# Installs what dbsynth needs to build and test, if missing (Debian/Ubuntu):
# pkg-config, the SQLite, libpq and zstd headers, the sqlite3 shell and a
# PostgreSQL server for the throwaway test cluster; with --test also headless
# Chromium, which renders `compare --html` in a test, and a Python virtualenv
# with pyarrow and DuckDB, the readers the Parquet tests check files with
# ($DBSYNTH_PYENV, default ~/.cache/dbsynth/pyenv). Does nothing when all are present.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
pkg-config --exists libpq 2>/dev/null || missing+=(libpq-dev)
pkg-config --exists libzstd 2>/dev/null || missing+=(libzstd-dev)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib)
pyenv="${DBSYNTH_PYENV:-${XDG_CACHE_HOME:-$HOME/.cache}/dbsynth/pyenv}"
readers_missing=false
if [ "${1:-}" = "--test" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  if ! "$pyenv/bin/python" -c "import pyarrow, duckdb" >/dev/null 2>&1; then
    readers_missing=true
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    python3 -c "import ensurepip, venv" >/dev/null 2>&1 || missing+=(python3-venv)
  fi
fi

install_readers() {
  $readers_missing || return 0
  echo "installing pyarrow and duckdb into $pyenv" >&2
  python3 -m venv "$pyenv"
  "$pyenv/bin/pip" install -q --disable-pip-version-check pyarrow duckdb
}

if [ ${#missing[@]} -eq 0 ]; then
  install_readers
  exit 0
fi
echo "installing: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "error: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian's package starts a cluster of its own on 5432; the tests never use it.
install_readers
