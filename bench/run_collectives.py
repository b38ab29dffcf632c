#!/usr/bin/env python3
"""Collective latency at 2 ranks: tofgrid vs raw MPI (C), vs mpi_f08
(Fortran), vs mpi4py buffer methods (Python). One command, one table.

    python3 bench/run_collectives.py [--build build] [--np 2] [--markdown]

Each language's program measures both sides in the same run (alternating
batch pairs, medians); this driver runs each program --repeat times and
prints the median ratios tofgrid / baseline (targets: C <= 1.03, Fortran <= 1.03, Python <= 0.8
for small messages)."""
import argparse
import os
import shutil
import statistics
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
    ap.add_argument("--repeat", type=int, default=5,
                    help="run each program this many times; report the median per cell (runs differ by ~5%%)")
    ap.add_argument("--markdown", action="store_true", help="print a compact Markdown table of ratios (for bench/README.md)")
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
        runs = [run(launch + cmd, env) for _ in range(args.repeat)]
        for cells in zip(*runs):  # the same (op, size) in every run
            med = lambda i: statistics.median(float(c[i]) for c in cells)
            rows.append(list(cells[0][:3]) + [f"{med(3):.4f}", f"{med(4):.4f}", f"{med(5):.4f}"])
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
    print(f"\n{args.np} ranks; per run 41 batch pairs of ~2 ms each side, times the medians per call, the ratio the median "
          f"of per-pair ratios; each cell the median of {args.repeat} runs; targets apply to messages ≤ 4 KiB.")


if __name__ == "__main__":
    main()
