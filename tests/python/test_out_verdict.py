"""A bad out= on some ranks only makes every rank raise in the calls that
exchange shapes first (gather and allgather without n=): out is checked
before the exchange and its verdict travels with the shapes (it was checked
after, so the other ranks waited in the collective for ever). Run at 2 ranks."""
import unittest

import numpy as np
from mpi4py import MPI

import tofgrid
from mpitest import main

comm = MPI.COMM_WORLD
rank, size = comm.rank, comm.size


class OutVerdict(unittest.TestCase):
    def every_rank_raises(self, mine, others, call):
        with self.assertRaises(tofgrid.Error) as cm:
            call()
        self.assertEqual(cm.exception.status, tofgrid.TG_ERR_ARG)
        self.assertIn(mine if rank == 1 else others, str(cm.exception))

    def test_allgather_wrong_rows_on_one_rank(self):
        a = np.full((2, 3), float(rank))
        out = np.zeros((2 * size + (rank == 1), 3))
        self.every_rank_raises("out must have a's dtype and the result's shape: 4 rows", "rank 1's out has 5 rows",
                               lambda: tofgrid.allgather(comm, a, out=out))
        np.testing.assert_array_equal(out, 0)

    def test_allgather_wrong_dtype_on_one_rank(self):
        a = np.ones(3)
        out = np.zeros(3 * size, np.float32 if rank == 1 else np.float64)
        self.every_rank_raises("out must have a's dtype", "rank 1 rejected its out",
                               lambda: tofgrid.allgather(comm, a, out=out))

    def test_allgather_read_only_out_on_one_rank(self):
        out = np.zeros(2 * size)
        out.flags.writeable = rank != 1
        self.every_rank_raises("out is read-only", "rank 1 rejected its out",
                               lambda: tofgrid.allgather(comm, np.ones(2), out=out))

    def test_gather_wrong_out_on_the_root(self):
        a = np.ones((1 + rank, 2))  # uneven rows: 3 in all
        out = np.zeros((4, 2)) if rank == 1 else None
        self.every_rank_raises("out must have a's dtype and the result's shape: 3 rows", "rank 1's out has 4 rows",
                               lambda: tofgrid.gather(comm, a, root=1, out=out))

    def test_good_out_still_filled(self):
        a = np.full((1 + rank, 2), float(rank))
        out = np.full((3, 2), -1.0)
        self.assertIs(tofgrid.allgather(comm, a, out=out), out)
        np.testing.assert_array_equal(out, [[0, 0], [1, 1], [1, 1]])


if __name__ == "__main__":
    main()
