#!/usr/bin/env bash
# Makes sure the local PostgreSQL the tests use answers on 127.0.0.1:5432, starting the Debian cluster if
# it is installed but stopped. Prints the connection URL to use.
set -euo pipefail
HOST=${PGHOST:-127.0.0.1}
PORT=${PGPORT:-5432}
if ! pg_isready -q -h "$HOST" -p "$PORT"; then
  if command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h "$HOST" -p "$PORT" && break; sleep 1; done
fi
pg_isready -h "$HOST" -p "$PORT" >&2
echo "postgres://postgres@${HOST}:${PORT}/test"
