#!/usr/bin/env bash
# Checkpoint and resume: a map killed with kill -9 mid-run and resumed (with
# the same or another number of ranks) equals an uninterrupted run byte for
# byte; a damaged checkpoint is refused with a clear error.
# usage: resume.sh MPIEXEC TOFGRID WORKDIR
set -u
MPIEXEC=$1 TOFGRID=$2 WORK=$3
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 1
AXES=(--x O2_g:1e-5:0.5:500 --y CO_g:1e-5:0.5:500 --no-plot --quiet)
fail() { echo "resume: FAILED: $*"; exit 1; }

"$MPIEXEC" -n 2 "$TOFGRID" "${AXES[@]}" --output whole || fail "uninterrupted run"

interrupt() { # run with checkpoints, kill -9 once some rows are recorded
  "$MPIEXEC" -n 2 "$TOFGRID" "${AXES[@]}" --checkpoint --output "$1" &
  local launcher=$!
  for _ in $(seq 1 400); do
    [ -f "$1.ckpt.0" ] && [ "$(stat -c %s "$1.ckpt.0")" -gt 200000 ] && break
    sleep 0.01
  done
  pkill -9 -f -- "--output $1" ; wait "$launcher" 2>/dev/null
  [ -f "$1.ckpt.0" ] || fail "no checkpoint was written"
  [ -f "$1.csv" ] && fail "the run finished before the kill: make the map larger"
  return 0
}

interrupt same
"$MPIEXEC" -n 2 "$TOFGRID" "${AXES[@]}" --resume --output same || fail "resume at 2 ranks"
cmp -s whole.csv same.csv || fail "resumed map differs"
ls same.ckpt.* >/dev/null 2>&1 && fail "checkpoints left behind"

interrupt other
"$MPIEXEC" -n 1 "$TOFGRID" "${AXES[@]}" --resume --output other || fail "resume at 1 rank"
cmp -s whole.csv other.csv || fail "map resumed at another rank count differs"

printf 'not a checkpoint at all, just some bytes' > bad.ckpt.0
out=$("$MPIEXEC" -n 2 "$TOFGRID" "${AXES[@]}" --resume --output bad 2>&1) && fail "a damaged checkpoint was accepted"
echo "$out" | grep -q "checkpoint bad.ckpt.0 is damaged" || fail "unclear message: $out"
[ -f bad.csv ] && fail "output written despite the error"
echo "resume: all checks passed"
