#!/usr/bin/env bash
# Set everything up: install what is missing (scripts/install-deps.sh), then
# configure and build tofgrid in ./build (or $TOFGRID_BUILD_DIR), with any
# extra cmake arguments in $TOFGRID_CMAKE_ARGS (they come last, so they win;
# CI sets -DTOFGRID_WERROR=ON). Idempotent.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${TOFGRID_BUILD_DIR:-$here/build}
"$here/scripts/install-deps.sh"
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release ${TOFGRID_CMAKE_ARGS:-}
cmake --build "$build" -j "$(nproc)"
