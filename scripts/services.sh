#!/usr/bin/env bash
# Start or stop PostgreSQL and Redis on loopback, with their data in a temporary folder.
# Usage: scripts/services.sh start DIR | createdb DIR | halt DIR | stop DIR
# start reuses a PostgreSQL data folder already in DIR; halt stops both and keeps DIR,
# stop stops both and removes DIR.
# After start, DIR/env holds DATABASE_URL and REDIS_URL for the test run.
set -euo pipefail

cmd=${1:?start or stop}
dir=$(realpath -m "${2:?folder}")
PG_PORT=${PG_PORT:-55432}
REDIS_PORT=${REDIS_PORT:-56379}

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  echo "${bin:?PostgreSQL server binaries not found}"
}

# PostgreSQL refuses to run as root: run it as the postgres user when we are root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  mkdir -p "$dir"
  local bin; bin=$(pg_bin)
  mkdir -p "$dir/pg"
  if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$dir/pg"; chmod 755 "$dir"; fi
  if [ ! -f "$dir/pg/data/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$dir/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/pg-init.log" 2>&1
  fi
  as_pg "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PG_PORT -k $dir/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" \
    --save "" --appendonly no >/dev/null
  for _ in $(seq 50); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  cat >"$dir/env" <<ENV
export DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/klyngeportal
export REDIS_URL=redis://127.0.0.1:$REDIS_PORT
export PG_BIN=$bin
export PG_DATA=$dir/pg/data
export REDIS_PORT=$REDIS_PORT
export PG_PORT=$PG_PORT
ENV
  echo "services started in $dir (PostgreSQL :$PG_PORT, Redis :$REDIS_PORT)"
}

# The database named in DATABASE_URL (the tests make their own test_ database).
createdb() {
  # shellcheck disable=SC1091
  source "$dir/env"
  if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -Atc \
      "SELECT 1 FROM pg_database WHERE datname = 'klyngeportal'" | grep -q 1; then
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres klyngeportal
  fi
}

halt() {
  local bin; bin=$(pg_bin)
  if [ -d "$dir/pg/data" ]; then as_pg "$bin/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null 2>&1 || true; fi
  if [ -f "$dir/redis.pid" ]; then kill "$(cat "$dir/redis.pid")" 2>/dev/null || true; fi
}

stop() {
  halt
  rm -rf "$dir"
}

"$cmd"
