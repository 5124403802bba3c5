#!/usr/bin/env bash
# Makes target/circle.jsa, a class-data-sharing archive of the classes one start of circle.jar
# loads, for a start with JVM flags (docs/performance.md, "Start-up": it pays only beside
# -XX:TieredStopAtLevel=1):
#   java -XX:SharedArchiveFile=target/circle.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar target/circle.jar
# Java 17 takes no JVM flag from a jar's manifest, so the plain `java -jar` cannot use it. The
# archive belongs to this exact jar and this exact JDK: make it again after every build (the JVM
# refuses a stale one with "Unable to use shared archive" and starts without it).
# Usage: ops/bench/cds-archive.sh [jar]   (run it under the shared lock on a shared machine)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=$(realpath "${1:-target/circle.jar}")
archive=${jar%.jar}.jsa
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests"; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
rm -f "$archive"
# --warmup: Payara boots, deploys Circle (migrating a throwaway H2 database in $dir), then stops;
# the JVM writes the archive as it exits.
(cd "$dir" && java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" --port "$port" --warmup >"$dir/warmup.log" 2>&1) \
  || { echo "the warm-up start failed:"; tail -20 "$dir/warmup.log"; exit 1; }
[ -s "$archive" ] || { echo "no archive written; see the warm-up log:"; tail -20 "$dir/warmup.log"; exit 1; }
echo "wrote $archive ($(( $(stat -c %s "$archive") / 1048576 )) MB); start with: java -XX:SharedArchiveFile=$archive -jar $jar"
