#!/usr/bin/env bash
# Installs what newswire needs from Debian when it is absent: Java 17+ and Maven for the local
# Kafka broker, Python's venv module, Prometheus (promtool and the server, for the deploy tests)
# and npm (to fetch the Compose schema). Idempotent; needs root (or sudo) only to install.
set -euo pipefail

need=()
java_major() { java -version 2>&1 | sed -nE 's/.*version "(1\.)?([0-9]+).*/\2/p' | head -n1; }
if ! command -v java >/dev/null || [ "$(java_major)" -lt 17 ]; then need+=(openjdk-17-jre-headless); fi
command -v mvn >/dev/null || need+=(maven)
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
command -v make >/dev/null || need+=(make)
# promtool and a real Prometheus for the deploy tests; npm fetches the Compose schema.
command -v promtool >/dev/null || need+=(prometheus)
command -v npm >/dev/null || need+=(npm)

if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: java $(java_major), maven, python venv, prometheus and npm present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "system packages: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
