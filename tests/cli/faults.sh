#!/usr/bin/env bash
# Write failures, injected without root through a file size limit (ulimit -f,
# with SIGXFSZ ignored so a write past it fails with EFBIG, as on a full
# disk): every rank exits with a clear error (never a crash in
# MPI_Finalize), earlier output stays byte for byte, and no temporary or lock
# is left behind. Also: identical runs give identical files, and a second run
# on a prefix in use is refused while the first one finishes intact.
# usage: faults.sh MPIEXEC TOFGRID WORKDIR NO_FALLOCATE_SO SLOW_REMOVE_SO [PYTHON]
set -u
MPIEXEC=$1 TOFGRID=$2 WORK=$3 NO_FALLOCATE=$4 SLOW_REMOVE=$5 PYTHON=${6:-}
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 1
fail() { echo "faults: FAILED: $*"; exit 1; }
LIMIT_KB=10000 # MPICH's shared memory segments (~4 MB) must still fit under it
grid() { echo "--x O2_g:1e-5:0.5:$1 --y CO_g:1e-5:0.5:$1 --no-plot --quiet"; }
limited() { (trap '' XFSZ; ulimit -f $LIMIT_KB; exec "$@"); }
leftovers() { ls | grep -E '\.tmp\.|\.lock$' ; }

# shellcheck disable=SC2046
"$MPIEXEC" -n 2 "$TOFGRID" $(grid 40) --output map || fail "first run"
sha_before=$(cat map.h5 map.csv | sha256sum)

# write_failure_keeps_earlier_output: the HDF5 file cannot fit (600^2 points,
# ~20 MB), then only the CSV cannot (300^2 points: ~5 MB of HDF5, ~16 MB of CSV).
for n in 600 300; do
  out=$(limited "$MPIEXEC" -n 2 "$TOFGRID" $(grid $n) --output map 2>&1); rc=$?
  [ $rc -eq 1 ] || fail "map of $n^2 points past the size limit: exit $rc (not 1): $out"
  echo "$out" | grep -Eq "no room for map\.h5|writing map\.csv failed" || fail "unclear message: $out"
  [ "$(cat map.h5 map.csv | sha256sum)" = "$sha_before" ] || fail "a failed run ($n^2) changed the earlier output"
  [ -z "$(leftovers)" ] || fail "left behind: $(leftovers)"
done

# write_failure_without_fallocate: where the file system has no fallocate
# (NFSv3, older ZFS), the room is still checked first (HDF5 1.10 crashed in
# MPI_Finalize, or hung in H5Fclose, when it met the full disk itself).
out=$(limited "$MPIEXEC" -n 2 -genv LD_PRELOAD "${LD_PRELOAD:+$LD_PRELOAD:}$NO_FALLOCATE" "$TOFGRID" $(grid 600) \
      --output map 2>&1); rc=$?
[ $rc -eq 1 ] || fail "without fallocate, past the size limit: exit $rc (not 1): $out"
echo "$out" | grep -q "no room for map\.h5" || fail "without fallocate: unclear message: $out"
[ "$(cat map.h5 map.csv | sha256sum)" = "$sha_before" ] || fail "without fallocate: the earlier output changed"
[ -z "$(leftovers)" ] || fail "without fallocate: left behind: $(leftovers)"

# checkpoint_write_failure_is_reported: the checkpoints outgrow the limit.
out=$(limited "$MPIEXEC" -n 2 "$TOFGRID" $(grid 700) --checkpoint --output map 2>&1); rc=$?
[ $rc -eq 1 ] || fail "checkpoints past the size limit: exit $rc: $out"
echo "$out" | grep -q "cannot write checkpoint map.ckpt" || fail "unclear checkpoint message: $out"
[ "$(cat map.h5 map.csv | sha256sum)" = "$sha_before" ] || fail "a failed checkpointed run changed the output"
rm -f map.ckpt.*

# python_write_failure_raises: the same failure from Python is an exception on
# every rank, and the interpreter ends normally (it used to die in MPI_Finalize).
if [ -n "$PYTHON" ]; then
  cat > write.py <<'EOF'
import numpy as np, tofgrid
from mpi4py import MPI
m = tofgrid.Model.default()
try:
    tofgrid.tof_grid(MPI.COMM_WORLD, m, x=("O2_g", np.linspace(1e-5, 0.5, 600)),
                     y=("CO_g", np.linspace(1e-5, 0.5, 600)), path="py.h5")
    verdict = "no error"
except tofgrid.Error as e:
    verdict = f"raised: {e}"
with open(f"py.out.{MPI.COMM_WORLD.rank}", "w") as f:  # one file a rank: printed lines interleave
    f.write(verdict + "\n")
EOF
  out=$(limited "$MPIEXEC" -n 2 "$PYTHON" write.py 2>&1); rc=$?
  [ $rc -eq 0 ] || fail "python after a failed write: exit $rc: $out"
  [ "$(cat py.out.* | grep -c '^raised: .*no room for py.h5')" -eq 2 ] || fail "python: not raised on every rank: $(cat py.out.*)"
  rm -f py.out.*
fi

# hdf5_output_is_deterministic: two identical runs, identical bytes.
"$MPIEXEC" -n 2 "$TOFGRID" $(grid 40) --output again || fail "second run"
cmp -s map.h5 again.h5 || fail "two identical runs wrote different HDF5 files"
cmp -s map.csv again.csv || fail "two identical runs wrote different CSV files"

# second_run_on_a_prefix_in_use_is_refused: while one run writes busy.*, a
# second is refused and the first finishes with its own map; a user's file
# named like an old temporary is never touched.
echo "mine" > busy.h5.tmp
"$MPIEXEC" -n 2 "$TOFGRID" $(grid 500) --checkpoint --output busy & first=$!
for _ in $(seq 1 500); do [ -e busy.h5.lock ] && break; sleep 0.01; done
[ -e busy.h5.lock ] || fail "the first run holds no lock"
out=$("$MPIEXEC" -n 2 "$TOFGRID" $(grid 40) --output busy 2>&1); rc=$?
wait $first || fail "the first run failed"
[ $rc -eq 1 ] || fail "the second run on busy was not refused (exit $rc): $out"
echo "$out" | grep -q "busy.h5 is being written by another run" || fail "unclear refusal: $out"
"$MPIEXEC" -n 2 "$TOFGRID" $(grid 500) --output alone || fail "reference run"
cmp -s busy.csv alone.csv || fail "the first run's map was changed by the second"
[ "$(cat busy.h5.tmp)" = "mine" ] || fail "the user's busy.h5.tmp was touched"
rm busy.h5.tmp
[ -z "$(leftovers)" ] || fail "left behind: $(leftovers)"
# checkpoints_removed_before_unlock: a run that is removing its checkpoints
# still holds its locks, so a second run on the prefix is refused (the locks
# were released first, and the finishing run deleted the new run's checkpoints).
MARK=$WORK/removing
"$MPIEXEC" -n 2 -genv LD_PRELOAD "${LD_PRELOAD:+$LD_PRELOAD:}$SLOW_REMOVE" -genv TG_TEST_MARK "$MARK" "$TOFGRID" \
  $(grid 40) --checkpoint --output race & first=$!
for _ in $(seq 1 1500); do [ -e "$MARK" ] && break; sleep 0.02; done
[ -e "$MARK" ] || fail "the first run never removed its checkpoints"
out=$("$MPIEXEC" -n 2 "$TOFGRID" $(grid 40) --checkpoint --output race 2>&1); rc=$?
wait $first || fail "the first run (removing its checkpoints) failed"
[ $rc -eq 1 ] || fail "a run started while another removed its checkpoints (exit $rc): $out"
echo "$out" | grep -q "race.h5 is being written by another run" || fail "unclear refusal: $out"
[ -z "$(leftovers)" ] || fail "left behind: $(leftovers)"
echo "faults: all checks passed"
