#!/usr/bin/env bash
# Checkpoint and resume: a map killed with kill -9 mid-run and resumed (with
# the same or another number of ranks) equals an uninterrupted run byte for
# byte, also after 20 kills at random instants (some mid-record, some of the
# resume itself); a record cut short or damaged is dropped, said on stderr
# and its row computed again; a checkpoint of another model (even one that
# differs only in a site total or a solver setting) or of another file format
# is refused with a clear error.
# usage: resume.sh MPIEXEC TOFGRID WORKDIR MODEL_YAML
set -u
MPIEXEC=$1 TOFGRID=$2 WORK=$3 MODEL=$4
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK" || exit 1
AXES=(--x O2_g:1e-5:0.5:500 --y CO_g:1e-5:0.5:500 --no-plot --quiet)
fail() { echo "resume: FAILED: $*"; exit 1; }
# kill -9 every process of a run, including ranks the launcher was still starting
# when the first signal went out (they would live on as orphans and write files).
kill_run() { for _ in $(seq 1 100); do pkill -9 -f -- "$1" || break; sleep 0.02; done; }

"$MPIEXEC" -n 2 "$TOFGRID" "${AXES[@]}" --output whole || fail "uninterrupted run"

interrupt() { # run with checkpoints, kill -9 once some rows are recorded
  "$MPIEXEC" -n 2 "$TOFGRID" "${AXES[@]}" --checkpoint --output "$WORK/$1" &
  local launcher=$!
  for _ in $(seq 1 400); do
    [ -f "$1.ckpt.0" ] && [ "$(stat -c %s "$1.ckpt.0")" -gt 200000 ] && break
    sleep 0.01
  done
  kill_run "--output $WORK/$1\$"; wait "$launcher" 2>/dev/null
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

# torn_record_is_dropped_and_recomputed: a kill mid-record leaves a partial
# record; a resume cuts it off (it used to append after it, misaligning every
# later record) and a second interruption still loses nothing.
RECORD=$((8 + 500 * 8 * 8 + 8)) # row, 500 points of 8 numbers (3 TOFs, 3 coverages, status, iterations), checksum
whole_records() { # cut a tail the kill may have torn, so that each test below damages exactly one record
  for f in "$1".ckpt.*; do truncate -s $(( ($(stat -c %s "$f") - 40) / RECORD * RECORD + 40 )) "$f"; done
}
interrupt torn
whole_records torn
size=$(stat -c %s torn.ckpt.0)
truncate -s $((size - 1000)) torn.ckpt.0
out=$("$MPIEXEC" -n 2 "$TOFGRID" "${AXES[@]}" --checkpoint --resume --output torn 2>&1) || fail "resume after a torn record: $out"
echo "$out" | grep -q "1 checkpoint record was cut short or damaged" || fail "torn record not reported: $out"
cmp -s whole.csv torn.csv || fail "map resumed after a torn record differs"

# flipped_bit_is_dropped_and_recomputed: one byte of a record's numbers changed.
interrupt flip
whole_records flip
printf '\x7f' | dd of=flip.ckpt.0 bs=1 seek=5000 conv=notrunc status=none
out=$("$MPIEXEC" -n 2 "$TOFGRID" "${AXES[@]}" --resume --output flip 2>&1) || fail "resume after a bit flip: $out"
echo "$out" | grep -q "1 checkpoint record was cut short or damaged" || fail "damaged record not reported: $out"
cmp -s whole.csv flip.csv || fail "map resumed after a bit flip differs"

# torn_header_is_an_empty_checkpoint: a kill right after a checkpoint file
# was made leaves part of its header; resume takes it as empty (it refused all).
printf 'TGCKPT0' > hdr.ckpt.0
: > hdr.ckpt.1
"$MPIEXEC" -n 2 "$TOFGRID" "${AXES[@]}" --resume --output hdr 2>hdr.err || fail "resume after a torn header: $(cat hdr.err)"
cmp -s whole.csv hdr.csv || fail "map resumed after a torn header differs"

# resume_refuses_another_model: the same name, temperature, pressures, rate
# constants and axes, another site total (or solver setting): refused.
for change in 's/total: 1.0,/total: 0.5,/' 's/t_end: 1.0 /t_end: 2.0 /'; do
  sed "$change" "$MODEL" > other_model.yaml
  cmp -s "$MODEL" other_model.yaml && fail "sed $change changed nothing"
  interrupt model
  out=$("$MPIEXEC" -n 2 "$TOFGRID" "${AXES[@]}" --model other_model.yaml --resume --output model 2>&1) &&
    fail "a checkpoint of another model ($change) was accepted"
  echo "$out" | grep -q "checkpoint model.ckpt.0 is of another map" || fail "unclear message: $out"
  rm -f model.ckpt.*
done

# kill_9_at_random_instants: 20 runs killed after a random time (a kill can
# land mid-record), a third of the resumes killed again, then finished.
RANDOM=12345
for trial in $(seq 1 20); do
  p=rand$trial
  # Absolute names in the kill patterns: another copy of this test elsewhere on the machine is not hit.
  "$MPIEXEC" -n 2 "$TOFGRID" "${AXES[@]}" --checkpoint --output "$WORK/$p" & launcher=$!
  sleep "0.$((RANDOM % 40 + 5))"; kill_run "--output $WORK/$p\$"; wait $launcher 2>/dev/null
  if [ $((trial % 3)) -eq 0 ]; then
    "$MPIEXEC" -n 2 "$TOFGRID" "${AXES[@]}" --resume --output "$WORK/$p" 2>/dev/null & launcher=$!
    sleep "0.$((RANDOM % 30 + 5))"; kill_run "--output $WORK/$p\$"; wait $launcher 2>/dev/null
  fi
  # finish unless the killed run had finished all but its clean-up (a kill can
  # land between any two of its steps: then this run only tidies up)
  if [ ! -f $p.csv ] || [ -n "$(ls $p.ckpt.* $p.*.lock $p.*.tmp.* 2>/dev/null)" ]; then
    "$MPIEXEC" -n $((trial % 2 + 1)) "$TOFGRID" "${AXES[@]}" --resume --output $p 2>$p.err || fail "trial $trial: resume: $(cat $p.err)"
  fi
  cmp -s whole.csv $p.csv || fail "trial $trial: the resumed map differs"
  left=$(ls | grep -E "^$p\.(.*\.tmp\.|.*lock$)")
  [ -z "$left" ] || fail "trial $trial: the killed run's temporaries or locks are left: $left"
  rm -f $p.*
done

printf 'not a checkpoint at all, just some bytes' > bad.ckpt.0
out=$("$MPIEXEC" -n 2 "$TOFGRID" "${AXES[@]}" --resume --output bad 2>&1) && fail "a damaged checkpoint was accepted"
echo "$out" | grep -q "checkpoint bad.ckpt.0 is damaged" || fail "unclear message: $out"
[ -f bad.csv ] && fail "output written despite the error"
echo "resume: all checks passed"
