#!/usr/bin/env bash
# Measures time from `java -jar target/circle.jar` to /health/ready answering 200, and resident
# memory after 10 s idle, on the embedded H2 default. Usage: ops/bench/startup.sh [runs] [extra java flags...]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}; shift || true
jar=$PWD/target/circle.jar
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests"; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  t0=$(date +%s%N)
  (cd "$dir" && exec java "$@" -jar "$jar" --port "$port" >"$dir/out.log" 2>&1) &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "exited; see $dir/out.log"; exit 1; }
    sleep 0.1
  done
  ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  sleep 10
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$(pgrep -P "$pid" java || echo "$pid")/status" 2>/dev/null || awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  printf 'run %d: ready in %.1f s, RSS after 10 s idle %d MB\n' "$i" "$(echo "$ready_ms/1000" | bc -l)" "$((rss_kb / 1024))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
done
