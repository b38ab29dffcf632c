#!/usr/bin/env bash
# Install everything tofgrid needs on a Debian/Ubuntu machine. Idempotent: a
# second run installs nothing and takes a second or two.
#
#   Debian packages: compilers, CMake, MPICH, OpenBLAS/LAPACK, SWIG, libyaml.
#   Python packages: numpy, and mpi4py built from source against the system
#   MPICH (a binary wheel bundles its own MPI, which must never meet ours).
#
# Never installs Open MPI or Debian's python3-mpi4py (built for Open MPI).
set -euo pipefail

APT_PACKAGES=(
  build-essential gfortran cmake pkg-config
  mpich libmpich-dev
  libopenblas-dev liblapacke-dev
  swig
  libyaml-dev
  libhdf5-mpich-dev          # parallel HDF5 (MPI-IO) for map files
  clang libclang-rt-14-dev   # libFuzzer + sanitizers for the model-parser fuzz test
  doxygen                    # the C API reference (docs target)
  clang-format               # the code style (.clang-format; test tree.format)
)

PYTHON=${PYTHON:-python3}
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: apt packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# MPICH must be the MPI that mpicc/mpiexec resolve to (alternatives may point
# elsewhere if another MPI was ever installed).
if ! mpichversion >/dev/null 2>&1; then
  echo "install-deps: mpicc is not MPICH; fix update-alternatives for mpi" >&2
  exit 1
fi

pip_install() { "$PYTHON" -m pip install --quiet --root-user-action=ignore "$@"; }

"$PYTHON" -c "import numpy" 2>/dev/null || { echo "install-deps: pip numpy"; pip_install numpy; }
"$PYTHON" -c "import matplotlib" 2>/dev/null || { echo "install-deps: pip matplotlib"; pip_install matplotlib; }
"$PYTHON" -c "import h5py" 2>/dev/null || { echo "install-deps: pip h5py"; pip_install h5py; }  # tofgrid.load_map

# mpi4py must report the same MPI library as the system mpicc (MPICH).
mpi4py_is_mpich() {
  "$PYTHON" - <<'PY' 2>/dev/null
import sys
from mpi4py import MPI
sys.exit(0 if "MPICH" in MPI.Get_library_version() else 1)
PY
}
if ! mpi4py_is_mpich; then
  echo "install-deps: building mpi4py against the system MPICH (about 2 minutes)"
  MPICC=mpicc pip_install --force-reinstall --no-cache-dir --no-binary=mpi4py mpi4py
  mpi4py_is_mpich || { echo "install-deps: mpi4py does not use MPICH" >&2; exit 1; }
fi
echo "install-deps: all dependencies present"
