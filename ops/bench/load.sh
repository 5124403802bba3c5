#!/usr/bin/env bash
# Signalling under load, Circle beside a raw relay on the same Payara and PeerJS server, all on
# 127.0.0.1; writes docs/performance.md (between its markers) and docs/performance.png.
# Usage: bash ops/bench/load.sh [-Dload.sessions=250] [-Dload.members=8] [-Dload.seconds=15]
#                               [-Dload.rates=500,1000,2000,4000,6000] [-Dload.targets=circle]
#                               [-Dload.instances=2]  (Circle alone, as a cluster of 2 on loopback)
#                               [-Dcircle.jar=/other/worktree/target/circle.jar]  (an older build, same driver)
# Runs that do not write the whole page (Circle alone, a cluster) keep their figures in target/bench/load-run-*.md.
# Takes about 15 minutes at the defaults on 2 cores. Stops by itself; leaves nothing running.
# LOAD_PIN=no runs driver and servers unpinned (the figures before pinning were taken so).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash ops/test-services.sh
(cd ops/bench/peerjs && npm ci --no-audit --no-fund --loglevel=error)
# Thousands of sockets on one machine: the driver and the servers each hold one descriptor per client.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
mvn -B package -DskipTests
# The driver on the first core, the server under test on the rest (LOAD_PIN=no shares them all):
# on 2 cores each gets one, and neither steals the other's time.
cores=$(nproc)
if [ "${LOAD_PIN:-yes}" = yes ] && [ "$cores" -ge 2 ]; then
  exec taskset -c 0 mvn -B -Pbench verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LoadBench -Dsfu.bench.skip=true \
    -Dload.serverCpus="1-$((cores - 1))" "$@"
fi
exec mvn -B -Pbench verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LoadBench -Dsfu.bench.skip=true "$@"
