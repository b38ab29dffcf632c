#!/usr/bin/env bash
# Install everything tofgrid needs on a Debian/Ubuntu machine. Idempotent: a
# second run installs nothing and takes a second or two.
#
#   Debian packages: compilers, CMake, MPICH, OpenBLAS/LAPACK, SWIG, libyaml.
#   Python packages: numpy, and mpi4py built from source against the system
#   MPICH (a binary wheel bundles its own MPI, which must never meet ours).
#
#   --openmpi (CI's second MPI): also Debian's Open MPI 4.1 and its parallel
#   HDF5, with MPICH kept the system default (the mpi and mpirun
#   alternatives pinned to it), and a venv ($TOFGRID_OPENMPI_VENV, default
#   ~/.cache/tofgrid/openmpi-venv) whose mpi4py is built against Open MPI.
#
# Never installs Debian's python3-mpi4py (built for Open MPI).
set -euo pipefail

OPENMPI=0
for arg in "$@"; do
  case "$arg" in
    --openmpi) OPENMPI=1 ;;
    *) echo "install-deps: unknown option $arg (known: --openmpi)" >&2; exit 2 ;;
  esac
done

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

if [ "$OPENMPI" = 1 ]; then
  APT_PACKAGES+=(libopenmpi-dev openmpi-bin libhdf5-openmpi-dev python3-venv)
fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: apt packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# MPICH must be the MPI that mpicc/mpiexec, mpi.h and h5pcc resolve to: Open
# MPI's packages take those alternatives when installed (a higher priority),
# so pin them back.
for alt in mpi mpirun "mpi-$(gcc -dumpmachine)" h5pcc hdf5.pc hdf5-mpi.pc; do
  target=$(update-alternatives --list "$alt" 2>/dev/null | grep -m1 mpich || true)
  current=$(readlink -f "/etc/alternatives/$alt" 2>/dev/null || true)
  if [ -n "$target" ] && [ "$(readlink -f "$target")" != "$current" ]; then
    echo "install-deps: pinning the $alt alternative to MPICH ($target)"
    $SUDO update-alternatives --quiet --set "$alt" "$target"
  fi
done
if ! mpichversion >/dev/null 2>&1; then
  echo "install-deps: mpicc is not MPICH; fix update-alternatives for mpi" >&2
  exit 1
fi

pip_install() { "$PYTHON" -m pip install --quiet --root-user-action=ignore "$@"; }

"$PYTHON" -c "import numpy" 2>/dev/null || { echo "install-deps: pip numpy"; pip_install numpy; }
"$PYTHON" -c "import matplotlib" 2>/dev/null || { echo "install-deps: pip matplotlib"; pip_install matplotlib; }
"$PYTHON" -c "import h5py" 2>/dev/null || { echo "install-deps: pip h5py"; pip_install h5py; }  # tofgrid.load_map
"$PYTHON" -c "import mesonbuild" 2>/dev/null && command -v ninja >/dev/null 2>&1 ||
  { echo "install-deps: pip meson ninja"; pip_install meson ninja; }  # numpy.f2py's build backend (example.f2py)

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
# Open MPI's Python: a venv of its own, its mpi4py built with Open MPI's mpicc.
if [ "$OPENMPI" = 1 ]; then
  venv=${TOFGRID_OPENMPI_VENV:-$HOME/.cache/tofgrid/openmpi-venv}
  [ -x "$venv/bin/python" ] || { echo "install-deps: venv $venv"; "$PYTHON" -m venv "$venv"; }
  vpip() { "$venv/bin/python" -m pip install --quiet --root-user-action=ignore "$@"; }
  "$venv/bin/python" -c "import numpy, matplotlib, h5py" 2>/dev/null ||
    { echo "install-deps: pip numpy matplotlib h5py (Open MPI venv)"; vpip numpy matplotlib h5py; }
  "$venv/bin/python" -c "import mesonbuild" 2>/dev/null || vpip meson ninja
  if ! "$venv/bin/python" -c "import sys; from mpi4py import MPI; sys.exit('Open MPI' not in MPI.Get_library_version())" \
      2>/dev/null; then
    echo "install-deps: building mpi4py against Open MPI in $venv (about 2 minutes)"
    MPICC=mpicc.openmpi vpip --force-reinstall --no-cache-dir --no-binary=mpi4py mpi4py
  fi
fi
echo "install-deps: all dependencies present"
