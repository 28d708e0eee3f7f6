#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: initdb in a temp dir,
# pg_ctl on a free port (as user postgres when run as root, since the server
# refuses to run as root), fsync off. The cluster is always stopped and
# removed on exit. The command sees DBSYNTH_TEST_PG (a URL) and PG* variables.
#   scripts/with-postgres.sh swift test
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "error: no PostgreSQL server found (run scripts/install-deps.sh)" >&2; exit 1; }

port=""
for p in $(seq 55432 55632); do
  if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "error: no free port in 55432-55632" >&2; exit 1; }

dir=$(mktemp -d /tmp/dbsynth-pg.XXXXXX)
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi

cleanup() {
  as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export DBSYNTH_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on port $port (data in $dir)" >&2
set +e
"$@"
status=$?
set -e
exit $status
