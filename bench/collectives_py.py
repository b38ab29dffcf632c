"""Collective latency: tofgrid's Python API against mpi4py's buffer methods
(Bcast, Allreduce, Scatter, Gather) in the same run: batch pairs (order
alternating), medians of each side and of the per-pair ratios.
Prints "ROW python <op> <bytes> <tofgrid us> <mpi4py us> <ratio>".

Each side is called the same way (preallocated buffers, positional arguments
bound to locals), so the ratio measures the wrappers, not the loop."""
import statistics

import numpy as np
from mpi4py import MPI

import tofgrid

comm = MPI.COMM_WORLD
size, rank = comm.size, comm.rank
BATCHES = 41
SIZES = [8, 64, 512, 4096, 32768, 262144, 1 << 20]


def loop(f, *args):
    """k calls of f(*args): the same loop for both sides."""
    def run(k):
        for _ in range(k):
            f(*args)
    return run


def pairs(n):
    a = np.ones(n * size)
    full = np.zeros(n * size)
    mine, out = a[:n], full[:n].copy()
    row = mine.reshape(1, n)  # one row per rank: gather with n=size rows (a shape exchange, then one MPI_Gather)
    return {
        "bcast": (loop(tofgrid.bcast, comm, mine), loop(comm.Bcast, mine)),
        "allreduce": (loop(tofgrid.allreduce, comm, mine, "sum", out), loop(comm.Allreduce, mine, out)),
        "scatter": (loop(tofgrid.scatter, comm, a, 0, out), loop(comm.Scatter, a, out)),
        "gather": (loop(tofgrid.gather, comm, row, 0, size, full.reshape(size, n)), loop(comm.Gather, mine, full)),
    }


def batch(fn, reps):
    comm.Barrier()
    t0 = MPI.Wtime()
    fn(reps)
    return comm.bcast((MPI.Wtime() - t0) / reps, root=0)


for op in ("bcast", "allreduce", "scatter", "gather"):
    for nbytes in SIZES:
        n = nbytes // 8
        tg, base = pairs(n)[op]
        once = batch(base, 10)
        reps = max(5, min(20000, int(2e-3 / max(once, 1e-7))))
        t_tg, t_base, ratios = [], [], []
        for b in range(BATCHES):  # a pair per batch, the order alternating
            if b % 2:
                t_tg.append(batch(tg, reps)); t_base.append(batch(base, reps))
            else:
                t_base.append(batch(base, reps)); t_tg.append(batch(tg, reps))
            ratios.append(t_tg[-1] / t_base[-1])
        if rank == 0:
            print(f"ROW python {op} {nbytes} {statistics.median(t_tg) * 1e6:.4f} "
                  f"{statistics.median(t_base) * 1e6:.4f} {statistics.median(ratios):.4f}", flush=True)
