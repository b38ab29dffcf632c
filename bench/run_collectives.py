#!/usr/bin/env python3
"""Collective latency at 2 ranks: tofgrid vs raw MPI (C), vs mpi_f08
(Fortran), vs mpi4py buffer methods (Python). One command, one table.

    python3 bench/run_collectives.py [--build build] [--np 2] [--markdown]

Each language's program measures both sides in the same run (alternating
batches, medians); this driver runs them one after another and prints the
ratios tofgrid / baseline (targets: C <= 1.03, Fortran <= 1.03, Python <= 0.8
for small messages)."""
import argparse
import os
import shutil
import subprocess
import sys

TARGET = {"c": 1.03, "fortran": 1.03, "python": 0.80}
BASELINE = {"c": "MPI", "fortran": "mpi_f08", "python": "mpi4py"}


def run(cmd, env):
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    return [line.split()[1:] for line in out.splitlines() if line.startswith("ROW ")]


def human(nbytes):
    return f"{nbytes // 1024} KiB" if nbytes >= 1024 else f"{nbytes} B"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(os.path.dirname(__file__), "..", "build"))
    ap.add_argument("--np", type=int, default=2)
    ap.add_argument("--mpiexec", default=shutil.which("mpiexec") or "mpiexec")
    ap.add_argument("--markdown", action="store_true", help="print a compact Markdown table of ratios (for the README)")
    args = ap.parse_args()
    build = os.path.abspath(args.build)
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", PYTHONPATH=os.path.join(build, "python"))
    launch = [args.mpiexec, "-n", str(args.np)]
    rows = []
    for lang, cmd in (("c", [os.path.join(build, "bin", "bench_collectives_c")]),
                      ("fortran", [os.path.join(build, "bin", "bench_collectives_f")]),
                      ("python", [sys.executable, os.path.join(os.path.dirname(__file__), "collectives_py.py")])):
        if not os.path.exists(cmd[-1]):
            print(f"(skipping {lang}: {cmd[-1]} not built)", file=sys.stderr)
            continue
        rows += run(launch + cmd, env)
    head = ["language", "op", "size", "tofgrid µs", "baseline", "baseline µs", "ratio", "target"]
    table = []
    for lang, op, nbytes, tg, base, ratio in rows:
        ratio = float(ratio)
        small = int(nbytes) <= 4096
        mark = ("ok" if ratio <= TARGET[lang] else "MISSED") if small else "-"
        table.append([lang, op, human(int(nbytes)), f"{float(tg):.3f}", BASELINE[lang], f"{float(base):.3f}",
                      f"{ratio:.3f}", f"≤ {TARGET[lang]} {mark}" if small else ""])
    if args.markdown:  # compact: one row per (language, op), the ratio per size
        sizes = sorted({int(r[2]) for r in rows})
        print("| language | op | 8 B: tofgrid / baseline µs | " + " | ".join(human(n) for n in sizes) + " |")
        print("|---|---|---|" + "---|" * len(sizes))
        for lang in TARGET:
            for op in ("bcast", "allreduce", "scatter", "gather"):
                cells = {int(r[2]): r for r in rows if r[0] == lang and r[1] == op}
                if not cells:
                    continue
                first = cells[sizes[0]]
                print(f"| {lang} (vs {BASELINE[lang]}) | {op} | {float(first[3]):.3f} / {float(first[4]):.3f} | "
                      + " | ".join(f"{float(cells[n][5]):.2f}" for n in sizes) + " |")
    else:
        widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(head)]
        print("  ".join(h.ljust(w) for h, w in zip(head, widths)))
        for r in table:
            print("  ".join(c.ljust(w) for c, w in zip(r, widths)))
    print(f"\n{args.np} ranks; 41 batch pairs of ~2 ms each side; times are medians per call, the ratio is the median "
          "of per-pair ratios; targets apply to messages ≤ 4 KiB.")


if __name__ == "__main__":
    main()
