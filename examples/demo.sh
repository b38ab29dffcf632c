#!/usr/bin/env bash
# The collectives demo in all three languages, at 2 ranks (the README's main
# job until the TOF map exists). Build first: scripts/build.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${TOFGRID_BUILD_DIR:-$here/build}
export OPENBLAS_NUM_THREADS=1 PYTHONPATH="$build/python${PYTHONPATH:+:$PYTHONPATH}"
echo "== C";       mpiexec -n 2 "$build/bin/demo_collectives"
echo "== Fortran"; mpiexec -n 2 "$build/bin/demo_collectives_f"
echo "== Python";  mpiexec -n 2 python3 "$here/examples/python/demo_collectives.py"
