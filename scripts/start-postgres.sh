#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests and prints its Npgsql connection string on stdout.
#   scripts/start-postgres.sh [DIR]      start a cluster under DIR (default: a new temp dir) on a free loopback port
#   scripts/start-postgres.sh --stop DIR stop the cluster started under DIR and remove DIR
# Installs Debian's postgresql when it is missing. No systemd: initdb + pg_ctl, run as the postgres user when
# started as root (PostgreSQL refuses to run as root). Trust authentication on 127.0.0.1 only.
set -euo pipefail

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

if [ "${1:-}" = "--stop" ]; then
  dir="${2:?usage: start-postgres.sh --stop DIR}"
  bin="$(find_bin || true)"
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit 0
fi

bin="$(find_bin || true)"
if [ -z "$bin" ]; then
  echo "start-postgres: installing postgresql (Debian package)" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >&2
  bin="$(find_bin)"
fi

dir="${1:-$(mktemp -d /tmp/orleansstreams-pg.XXXXXX)}"
mkdir -p "$dir"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
fi

port="$(/usr/bin/env python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

# --no-sync: the cluster is thrown away, so initdb need not fsync its files (the server itself still fsyncs).
as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=50" start >&2 \
  || { cat "$dir/server.log" >&2; exit 1; }

echo "start-postgres: cluster in $dir on port $port (stop: $0 --stop $dir)" >&2
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
