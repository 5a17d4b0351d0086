#!/usr/bin/env bash
# Installs OpenBLAS (Debian libopenblas-dev, with pkg-config) when it is missing. Idempotent.
set -euo pipefail
if pkg-config --exists openblas 2>/dev/null; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing OpenBLAS (libopenblas-dev) ..." >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libopenblas-dev pkg-config >&2
