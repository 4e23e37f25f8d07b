#!/usr/bin/env bash
# Throwaway PostgreSQL for the tests: Debian's packages (installed when missing), a cluster in a temp folder
# on a free loopback port, trust auth on loopback only. Sourced by test.sh:
#   pg_start   sets CALLCENTER_TEST_POSTGRES and PG_TEST_DIR
#   pg_stop    stops the server and removes the folder
set -euo pipefail

pg_bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_install() {
  if [ -z "$(pg_bin_dir)" ]; then
    echo "test.sh: installing PostgreSQL from Debian's packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
  [ -n "$(pg_bin_dir)" ] || { echo "test.sh: PostgreSQL could not be installed" >&2; return 1; }
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $(( 20000 + RANDOM % 20000 ))
}

pg_start() {
  pg_install
  local bin; bin=$(pg_bin_dir)
  PG_TEST_DIR=$(mktemp -d /tmp/callcenter-pg.XXXXXX)
  local port; port=$(free_port)
  local run_as=()
  if [ "$(id -u)" = 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres user the package created.
    id postgres >/dev/null 2>&1 || useradd --system --home "$PG_TEST_DIR" postgres
    chown postgres "$PG_TEST_DIR"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_TEST_DIR/initdb.log" 2>&1 \
    || { cat "$PG_TEST_DIR/initdb.log" >&2; return 1; }
  "${run_as[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_TEST_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { cat "$PG_TEST_DIR/server.log" >&2; return 1; }
  export PG_TEST_DIR
  export CALLCENTER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=50"
  echo "test.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running on 127.0.0.1:$port"
}

pg_stop() {
  [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR" ] || return 0
  local bin; bin=$(pg_bin_dir)
  local run_as=()
  [ "$(id -u)" = 0 ] && run_as=(runuser -u postgres --)
  "${run_as[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
}
