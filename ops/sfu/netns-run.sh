#!/usr/bin/env bash
# Runs COMMAND inside a fresh, throwaway network namespace with Janus (Debian's janus package)
# started there, CIRCLE_JANUS_URL exported, and everything torn down afterwards:
#
#   bash ops/sfu/netns-run.sh COMMAND [ARG...]
#
# Why a namespace: Janus skips loopback interfaces when it gathers ICE candidates, and Chromium
# gathers none on a loopback-only network, so real media needs a real interface. The namespace
# holds a veth pair whose two ends both stay inside it (v0 10.181.0.1, v1 10.181.0.2, no default
# route), so no packet of a test can reach the machine's own network, let alone leave it.
#
# Janus runs with a configuration generated into a temporary folder: the VideoRoom plugin and
# the WebSocket transport only (ws://127.0.0.1:8188, no HTTP, no admin API, no event handlers),
# no STUN, ICE on v0 only. The namespace also has its own process space (PID 1 is this script),
# so when it ends, by success, failure, signal or kill -9 of unshare, the kernel ends Janus,
# Chromium, Circle and whatever else COMMAND started.
#
# Needs root (network namespaces). Exits 77 when namespaces are not possible here, so a caller
# can skip with that reason. Environment: CIRCLE_NETNS_JANUS_LOG (Janus's log file, default in
# the temporary folder), CIRCLE_NETNS_KEEP=1 keeps the temporary folder.
set -euo pipefail

SUBNET=10.181.0
JANUS_PORT=8188

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi

if [ "${CIRCLE_NETNS_INSIDE:-}" != "$$" ]; then
  # Outside: make the namespaces and come back in as their first process.
  if [ "$(id -u)" != 0 ]; then
    echo "netns-run.sh: network namespaces need root; not running $1" >&2
    exit 77
  fi
  if ! unshare --net --pid --fork --mount-proc true 2>/dev/null; then
    echo "netns-run.sh: this machine refuses new network namespaces (unshare --net failed)" >&2
    exit 77
  fi
  [ -x /usr/bin/janus ] || { echo "netns-run.sh: Debian's janus is missing (bash ops/test-services.sh installs it)" >&2; exit 77; }
  # Inside, this script is PID 1 of the new process space; CIRCLE_NETNS_INSIDE=1 tells it so.
  exec unshare --net --pid --fork --mount-proc --kill-child -- env CIRCLE_NETNS_INSIDE=1 bash "$0" "$@"
fi

# Inside: PID 1 of a new process space, in a new network namespace.
work=$(mktemp -d /tmp/circle-netns.XXXXXX)
janus_log=${CIRCLE_NETNS_JANUS_LOG:-$work/janus.log}
mkdir -p "$(dirname "$janus_log")" # target/test-output does not exist yet in a fresh clone
janus_pid=
command_pid=

teardown() {
  local rc=$?
  trap - EXIT INT TERM HUP
  [ -z "$command_pid" ] || kill -TERM "$command_pid" 2>/dev/null || true
  [ -z "$janus_pid" ] || kill -TERM "$janus_pid" 2>/dev/null || true
  sleep 0.2
  # PID 1 leaving ends every other process of the namespace; say so for the ones still here.
  kill -KILL -1 2>/dev/null || true
  [ "${CIRCLE_NETNS_KEEP:-}" = 1 ] || rm -rf "$work"
  exit "$rc"
}
trap teardown EXIT
trap 'exit 143' INT TERM HUP

ip link set lo up
ip link add v0 type veth peer name v1
ip addr add "$SUBNET.1/24" dev v0
ip addr add "$SUBNET.2/24" dev v1
ip link set v0 up
ip link set v1 up

lib=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)/janus
mkdir -p "$work/plugins" "$work/transports" "$work/events" "$work/loggers"
ln -s "$lib/plugins/libjanus_videoroom.so" "$work/plugins/"
ln -s "$lib/transports/libjanus_websockets.so" "$work/transports/"

cat >"$work/janus.jcfg" <<EOF
general: {
	configs_folder = "$work"
	plugins_folder = "$work/plugins"
	transports_folder = "$work/transports"
	events_folder = "$work/events"
	loggers_folder = "$work/loggers"
	debug_level = 4
	server_name = "circle-netns"
	interface = "$SUBNET.1"
	session_timeout = 60
}
certificates: {
}
media: {
	rtp_port_range = "20000-20999"
}
nat: {
	ignore_mdns = true
	ice_enforce_list = "v0"
}
plugins: {
}
transports: {
}
loggers: {
}
events: {
}
EOF
cat >"$work/janus.transport.websockets.jcfg" <<EOF
general: {
	json = "plain"
	ws = true
	ws_port = $JANUS_PORT
	ws_ip = "127.0.0.1"
	wss = false
}
admin: {
	admin_ws = false
	admin_wss = false
}
EOF
cat >"$work/janus.plugin.videoroom.jcfg" <<EOF
general: {
}
EOF

/usr/bin/janus -C "$work/janus.jcfg" -F "$work" -o -D >"$janus_log" 2>&1 &
janus_pid=$!
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$JANUS_PORT") 2>/dev/null; then break; fi
  kill -0 "$janus_pid" 2>/dev/null || { echo "netns-run.sh: Janus did not start; its log:" >&2; tail -20 "$janus_log" >&2; exit 1; }
  sleep 0.1
done

export CIRCLE_JANUS_URL="ws://127.0.0.1:$JANUS_PORT"
export CIRCLE_NETNS_ADDRESS="$SUBNET.1"
export CIRCLE_NETNS_JANUS_LOG="$janus_log"
export CIRCLE_NETNS_JANUS_CONFIG="$work/janus.jcfg"
unset CIRCLE_NETNS_INSIDE

# COMMAND runs in the background so that a signal reaches the trap at once, not after it ends;
# it keeps this script's standard input (bash would give a background command /dev/null).
"$@" <&0 &
command_pid=$!
set +e
wait "$command_pid"
rc=$?
command_pid=
exit "$rc"
