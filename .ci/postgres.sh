#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests and benchmarks: one data directory made with mktemp -d, listening on
# 127.0.0.1 only, trust authentication, superuser "postgres". .ci/run uses it before `dotnet test`; developers use the
# same script to run the PostgreSQL tests locally:
#
#   .ci/postgres.sh start          # installs PostgreSQL (apt-get) when its binaries are missing, then starts the server
#                                  # (exit 3 when this script's server already runs on the port)
#   eval "$(.ci/postgres.sh env)"  # export EVIDENCE_TEST_POSTGRES for dotnet test
#   .ci/postgres.sh status
#   .ci/postgres.sh psql -c 'SQL'  # psql on the server (database postgres, user postgres)
#   .ci/postgres.sh stop           # stops the server and deletes its data directory
#
# Settings (environment):
#   PG_PORT=55432        the TCP port
#   PG_DURABLE=1         keep fsync on (the default turns fsync and synchronous_commit off: the data is thrown away)
#   PG_OPTIONS='-c ...'  extra server options, e.g. -c shared_buffers=2GB for a benchmark
#
# PostgreSQL refuses to run as root: as root the server runs as the "postgres" system user (created when absent).
# The data directory is recorded in ${TMPDIR:-/tmp}/evidence-postgres-PORT.dir, so stop finds it.
set -euo pipefail

PG_PORT="${PG_PORT:-55432}"
STATE="${TMPDIR:-/tmp}/evidence-postgres-$PG_PORT.dir"
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"

say() { echo "postgres.sh: $*" >&2; }

# The directory holding initdb and pg_ctl: PATH first, then the newest Debian/Ubuntu install.
find_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4,4 -n -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

install_postgres() {
  if [ "$(id -u)" -ne 0 ]; then
    say "PostgreSQL is not installed and this is not root: install it (apt-get install postgresql) and try again"
    return 1
  fi
  say "installing PostgreSQL (apt-get install postgresql)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

# Runs a command as the server's owner: the postgres user when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

start() {
  local bin data
  bin="$(find_bin)" || { install_postgres && bin="$(find_bin)"; } || { say "no initdb/pg_ctl found after installing PostgreSQL"; return 1; }
  if [ -s "$STATE" ]; then
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; then
      say "already running on 127.0.0.1:$PG_PORT (data directory $(cat "$STATE")); '$0 stop' first"
      exit 3
    fi
    stop
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
  fi
  data="$(mktemp -d "${TMPDIR:-/tmp}/evidence-postgres.XXXXXX")"
  echo "$data" >"$STATE"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$data"
  fi
  chmod 700 "$data"
  as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 \
    || as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale >"$data.initdb.log" 2>&1 \
    || { say "initdb failed:"; tail -n 20 "$data.initdb.log" >&2; rm -f "$data.initdb.log"; return 1; }
  rm -f "$data.initdb.log"
  local options="-p $PG_PORT -c listen_addresses=127.0.0.1 -k $data"
  if [ "${PG_DURABLE:-0}" != 1 ]; then
    options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  options+=" ${PG_OPTIONS:-}"
  if ! as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "$options" -w -t 60 start >/dev/null; then
    say "the server did not start:"
    tail -n 20 "$data/server.log" >&2 || true
    return 1
  fi
  local i
  for i in $(seq 1 60); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; then
      say "PostgreSQL $("$bin/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$PG_PORT (data $data)"
      return 0
    fi
    sleep 0.5
  done
  say "the server started but does not accept connections on 127.0.0.1:$PG_PORT"
  return 1
}

stop() {
  [ -s "$STATE" ] || { say "not started (no $STATE)"; return 0; }
  local data bin
  data="$(cat "$STATE")"
  if [ -f "$data/postmaster.pid" ] && bin="$(find_bin)"; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || say "pg_ctl stop failed; see $data/server.log"
  fi
  rm -rf "$data"
  rm -f "$STATE"
}

status() {
  local bin
  if [ -s "$STATE" ] && bin="$(find_bin)" && "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
    echo "running on 127.0.0.1:$PG_PORT, data $(cat "$STATE")"
  else
    echo "not running"
    return 1
  fi
}

case "${1:-}" in
  start) start || { stop >/dev/null 2>&1; exit 1; } ;;
  stop) stop ;;
  status) status ;;
  env) echo "export EVIDENCE_TEST_POSTGRES='$CONNECTION'" ;;
  connection) echo "$CONNECTION" ;;
  psql) shift; bin="$(find_bin)" && exec "$bin/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@" ;;
  *) echo "usage: $0 start|stop|status|env|connection|psql [ARGS...]" >&2; exit 2 ;;
esac
