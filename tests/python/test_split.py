"""Shared communicators, proven from Python: COMM_WORLD split by mpi4py into
even and odd ranks, tofgrid collectives on both halves at once; every result
holds exactly its own half. Plus COMM_SELF."""
import unittest

import numpy as np
from mpi4py import MPI

import tofgrid
from mpitest import main

world = MPI.COMM_WORLD


class Split(unittest.TestCase):
    def test_halves(self):
        half = world.Split(world.rank % 2, world.rank)
        try:
            mine = np.array([world.rank], np.int64)
            ranks = tofgrid.allgather(half, mine)
            np.testing.assert_array_equal(ranks, np.arange(world.rank % 2, world.size, 2))
            total = tofgrid.allreduce(half, mine)
            self.assertEqual(total[0], sum(range(world.rank % 2, world.size, 2)))
            b = tofgrid.bcast(half, mine.copy(), root=half.size - 1)
            self.assertEqual(b[0], 2 * (half.size - 1) + world.rank % 2)
            block = tofgrid.scatter(half, np.arange(10) + 100 * (world.rank % 2) if half.rank == 0 else None)
            off, cnt = tofgrid.block_range(10, half.size, half.rank)
            np.testing.assert_array_equal(block, np.arange(off, off + cnt) + 100 * (world.rank % 2))
        finally:
            half.Free()

    def test_comm_self(self):
        x = np.array([world.rank + 0.25])
        np.testing.assert_array_equal(tofgrid.allreduce(MPI.COMM_SELF, x), x)
        np.testing.assert_array_equal(tofgrid.gather(MPI.COMM_SELF, x), x)


if __name__ == "__main__":
    main()
