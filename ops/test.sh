#!/usr/bin/env bash
# Runs every test: unit tests, integration tests against a real server and MariaDB, and
# browser tests in headless Chromium. Installs or starts what the tests need first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash ops/test-services.sh
exec mvn -B verify "$@"
