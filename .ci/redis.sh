#!/usr/bin/env bash
# A throwaway Redis for the shared-cache tests: 127.0.0.1 only, no persistence. .ci/run uses it before `dotnet test`;
# developers use the same script:
#
#   .ci/redis.sh start             # installs redis-server (apt-get) when it is missing, then starts it;
#                                  # exit 3 when one from this script already runs (it is shared, and left running)
#   eval "$(.ci/redis.sh env)"     # export EVIDENCE_TEST_REDIS for dotnet test
#   .ci/redis.sh status
#   .ci/redis.sh stop
#
# Settings (environment): REDIS_PORT=56379.
set -euo pipefail

REDIS_PORT="${REDIS_PORT:-56379}"
PIDFILE="${TMPDIR:-/tmp}/evidence-redis-$REDIS_PORT.pid"
CONFIGURATION="127.0.0.1:$REDIS_PORT"

say() { echo "redis.sh: $*" >&2; }

running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }

install_redis() {
  if [ "$(id -u)" -ne 0 ]; then
    say "redis-server is not installed and this is not root: install it (apt-get install redis-server) and try again"
    return 1
  fi
  say "installing Redis (apt-get install redis-server)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends redis-server >/dev/null
}

case "${1:-}" in
  start)
    if running; then
      say "already running on $CONFIGURATION (left running by .ci/run)"
      exit 3
    fi
    command -v redis-server >/dev/null 2>&1 || install_redis
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
      --daemonize yes --pidfile "$PIDFILE" --logfile "${TMPDIR:-/tmp}/evidence-redis-$REDIS_PORT.log"
    for _ in $(seq 1 50); do
      if running && { command -v redis-cli >/dev/null 2>&1 && redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; }; then
        say "running on $CONFIGURATION"
        exit 0
      fi
      sleep 0.1
    done
    say "redis-server did not start; see ${TMPDIR:-/tmp}/evidence-redis-$REDIS_PORT.log"
    exit 1
    ;;
  stop)
    if running; then
      pid="$(cat "$PIDFILE")"
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done # gone before the port is reused
    fi
    rm -f "$PIDFILE"
    ;;
  status)
    if running; then echo "running on $CONFIGURATION"; else echo "not running"; exit 1; fi
    ;;
  env)
    echo "export EVIDENCE_TEST_REDIS='$CONFIGURATION'"
    ;;
  configuration)
    echo "$CONFIGURATION"
    ;;
  *)
    echo "usage: .ci/redis.sh start|stop|status|env|configuration" >&2
    exit 2
    ;;
esac
