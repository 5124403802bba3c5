#!/usr/bin/env bash
# Makes sure what the tests need is on this machine: Debian's Chromium and ChromeDriver, nginx,
# coturn and Janus (started by the TLS and TURN tests themselves, on loopback), docker-compose and
# systemd-analyze (to validate the deployment files), and a MariaDB server on
# 127.0.0.1:3306 that root can reach with an empty password. Installs or
# starts only what is missing; safe to run again. Everything stays on loopback.
set -euo pipefail

log() { printf '[test-services] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then as_root apt-get update -qq; apt_updated=yes; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ ! -x /usr/bin/chromium ]; then
  log "installing Debian's chromium"
  apt_install chromium chromium-driver
fi

missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v turnserver >/dev/null 2>&1 || [ -x /usr/bin/turnserver ] || missing+=(coturn)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# Validates ops/compose.yaml (OpsFilesIT); no Docker engine is needed or started for that.
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
# The SFU browser tests start their own Janus inside a throwaway network namespace (ops/sfu/netns-run.sh).
[ -x /usr/bin/janus ] || missing+=(janus)
command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  # Installing must not start the packaged daemons: the tests start their own, on loopback only.
  own_policy=no
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
    as_root chmod +x /usr/sbin/policy-rc.d
    own_policy=yes
  fi
  apt_install "${missing[@]}"
  [ "$own_policy" = no ] || as_root rm -f /usr/sbin/policy-rc.d
fi

mariadb_answers() { mysqladmin --protocol=tcp -h127.0.0.1 -P3306 -uroot --connect-timeout=2 ping >/dev/null 2>&1; }

if ! mariadb_answers; then
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    log "installing MariaDB"
    apt_install mariadb-server mariadb-client
  fi
  log "starting MariaDB on 127.0.0.1:3306"
  as_root mkdir -p /run/mysqld && as_root chown mysql:mysql /run/mysqld
  as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- \
    --user=mysql --bind-address=127.0.0.1 --port=3306
  for _ in $(seq 1 60); do
    mariadb_answers && break
    # A fresh Debian root logs in by socket only: let the tests in over TCP with an empty password.
    as_root mariadb -uroot -e "ALTER USER root@localhost IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')" >/dev/null 2>&1 || true
    sleep 1
  done
  mariadb_answers || { log "MariaDB did not answer on 127.0.0.1:3306"; exit 1; }
fi
log "chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), $(nginx -v 2>&1 | tr -d '\n'), coturn $(dpkg-query -W -f='${Version}' coturn 2>/dev/null), MariaDB answering on 127.0.0.1:3306"
