#!/usr/bin/env python3
"""TOF-map scaling: a 300x300 map at 1 and 2 ranks (parallel efficiency,
static vs dynamic), and a 1000x1000 map at 2 ranks (points/s, peak memory
per rank). 1- and 2-rank runs alternate --repeat times; medians (the
efficiency is the median of the per-pair ratios). Also the machine's own
ceiling: the same half map solved by one rank alone vs by two ranks side by
side, each on MPI_COMM_SELF (no communication, equal work) -- what sharing the
machine costs before tofgrid does anything.

    python3 bench/run_grid.py [--build build] [--repeat 7]"""
import argparse
import os
import statistics
import subprocess
import tempfile


def sweep(build, np_, n, sched, repeat, path=None, model=None):
    rows = []
    for _ in range(repeat):
        out = subprocess.run(["mpiexec", "-n", str(np_), os.path.join(build, "bin", "bench_grid"), str(n), sched]
                             + ([path or "-"] if path or model else []) + ([model] if model else []),
                             env=dict(os.environ, OPENBLAS_NUM_THREADS="1"), capture_output=True, text=True,
                             check=True).stdout
        rows.append([float(v) for v in out.split()[4:7]])
    return [statistics.median(r[k] for r in rows) for k in range(3)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(os.path.dirname(__file__), "..", "build"))
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--catmap", default=os.path.join(os.path.dirname(__file__), "..", "tests", "data", "catmap",
                                                     "co_oxidation.yaml"),
                    help="CatMAP model of the descriptor map (default: tutorial 2)")
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    print("| map | ranks | schedule | seconds | points/s | parallel efficiency | peak MiB/rank |")
    print("|---|---|---|---|---|---|---|")
    for sched in ("alone", "static", "dynamic"):
        # 1- and 2-rank runs interleaved, so both see the same machine; the
        # efficiency is the median of the per-pair ratios.
        pairs = [(sweep(build, 1, 300, sched, 1), sweep(build, 2, 300, sched, 1)) for _ in range(a.repeat)]
        t1 = [statistics.median(p[0][k] for p in pairs) for k in range(3)]
        t2 = [statistics.median(p[1][k] for p in pairs) for k in range(3)]
        if sched == "alone":  # equal work side by side: the ratio of times is the ceiling
            eff = statistics.median(p[0][0] / p[1][0] for p in pairs)
            print(f"| 150x300 on each rank, MPI_COMM_SELF (machine's ceiling) | 1 / 2 | - | {t1[0]:.3f} / {t2[0]:.3f} "
                  f"| - | {eff:.3f} | - |")
            continue
        eff = statistics.median(p[0][0] / (2 * p[1][0]) for p in pairs)
        print(f"| 300x300 | 1 | {sched} | {t1[0]:.3f} | {t1[1]:.0f} | 1 | {t1[2]:.1f} |")
        print(f"| 300x300 | 2 | {sched} | {t2[0]:.3f} | {t2[1]:.0f} | {eff:.3f} | {t2[2]:.1f} |")
    big = sweep(build, 2, 1000, "dynamic", 1)
    print(f"| 1000x1000, gathered on rank 0 | 2 | dynamic | {big[0]:.2f} | {big[1]:.0f} | - | {big[2]:.1f} |")
    path = os.path.join(tempfile.mkdtemp(), "map.h5")
    big = sweep(build, 2, 1000, "dynamic", 1, path)
    print(f"| 1000x1000, written to HDF5 | 2 | dynamic | {big[0]:.2f} | {big[1]:.0f} | - | {big[2]:.1f} |")
    os.remove(path)
    # CatMAP's tutorial 2 over its descriptors, 1000 x 1000 (issue 13's target: efficiency >= 0.95, dynamic)
    pairs = [(sweep(build, 1, 1000, "dynamic", 1, model=a.catmap), sweep(build, 2, 1000, "dynamic", 1, model=a.catmap))
             for _ in range(a.repeat)]
    t1 = [statistics.median(p[0][k] for p in pairs) for k in range(3)]
    t2 = [statistics.median(p[1][k] for p in pairs) for k in range(3)]
    eff = statistics.median(p[0][0] / (2 * p[1][0]) for p in pairs)
    print(f"| 1000x1000 CatMAP descriptors (E_O x E_CO) | 1 | dynamic | {t1[0]:.2f} | {t1[1]:.0f} | 1 | {t1[2]:.1f} |")
    print(f"| 1000x1000 CatMAP descriptors (E_O x E_CO) | 2 | dynamic | {t2[0]:.2f} | {t2[1]:.0f} | {eff:.3f} "
          f"| {t2[2]:.1f} |")


if __name__ == "__main__":
    main()
