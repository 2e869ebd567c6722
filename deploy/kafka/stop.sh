#!/usr/bin/env bash
# Stops the broker deploy/kafka/start.sh started (same KAFKA_DIR), waiting for it to exit. `--clean` also
# deletes its data, so the next start formats fresh storage.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=${KAFKA_DIR:-$(cd "$HERE/../.." && pwd)/.kafka}
if [ -s "$DIR/broker.pid" ]; then
  PID=$(cat "$DIR/broker.pid")
  if kill "$PID" 2>/dev/null; then
    for _ in $(seq 1 30); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$PID" 2>/dev/null || true
    echo "kafka: stopped (pid $PID)" >&2
  fi
  rm -f "$DIR/broker.pid"
fi
if [ "${1:-}" = "--clean" ]; then rm -rf "$DIR/data"; fi
