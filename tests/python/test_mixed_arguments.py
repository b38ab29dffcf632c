"""Arguments that differ between ranks in the calls that exchange shapes:
every rank raises a tofgrid.Error instead of returning garbage or hanging.

gather/allgather with n= on some ranks only ran a different first
collective on those ranks (the data instead of the shapes): rank 1 returned
[1.5e-323, ..., nan, 15.] and rank 0 said "rank 1's out has 33 rows, the
result 4621819117588971523". n= is now part of the shape exchange, so it
is checked against every rank's. Run at 2 ranks."""
import unittest

import numpy as np
from mpi4py import MPI

import tofgrid
from mpitest import main

comm = MPI.COMM_WORLD
rank, size = comm.rank, comm.size


class MixedArguments(unittest.TestCase):
    def every_rank_raises(self, text, call):
        with self.assertRaises(tofgrid.Error) as cm:
            call()
        self.assertEqual(cm.exception.status, tofgrid.TG_ERR_ARG)
        self.assertIn(text, str(cm.exception))

    def test_allgather_n_on_one_rank_only(self):
        for given in (0, 1):
            n = 3 * size if rank == given else None
            self.every_rank_raises(f"n = {3 * size} on rank {given}, not given on rank {1 - given}",
                                   lambda: tofgrid.allgather(comm, np.arange(3.0), n=n))

    def test_gather_n_on_one_rank_only(self):
        for given in (0, 1):
            n = 3 * size if rank == given else None
            self.every_rank_raises("pass the same n on every rank, or on none",
                                   lambda: tofgrid.gather(comm, np.arange(3.0), n=n, root=1))

    def test_n_differs_between_ranks(self):
        n = 4 + rank  # blocks of 2 rows at 2 ranks for n = 4 on rank 0; rank 1 says 5
        self.every_rank_raises("n = 4 on rank 0, n = 5 on rank 1",
                               lambda: tofgrid.allgather(comm, np.zeros((2, 3)), n=n))

    def test_wrong_block_on_one_rank_with_n(self):
        # rank 1 holds 3 rows of n = 4's block of 2: rank 0 waited for it for ever before
        a = np.zeros(3 if rank == 1 else 2)
        self.every_rank_raises("a has 3 rows but this rank's block of n = 4 has 2" if rank == 1 else
                               "rank 1 holds 3 rows, its block of n = 4 has 2",
                               lambda: tofgrid.allgather(comm, a, n=4))

    def test_bad_out_with_n_on_one_rank(self):
        out = np.zeros(4, np.float32 if rank == 1 else np.float64)
        self.every_rank_raises("out must have a's dtype" if rank == 1 else "rank 1 rejected its out",
                               lambda: tofgrid.allgather(comm, np.ones(2), n=4, out=out))

    def test_n_not_an_integer(self):
        for bad in (4.0, True, "4"):
            n = bad if rank == 1 else 4
            with self.assertRaises(tofgrid.Error) as cm:
                tofgrid.allgather(comm, np.ones(2), n=n)
            self.assertEqual(cm.exception.status, tofgrid.TG_ERR_ARG)
            if rank == 1:
                self.assertIsInstance(cm.exception, TypeError)
                self.assertIn("n must be an int or None", str(cm.exception))
            else:
                self.assertIn("rank 1 rejected its arguments", str(cm.exception))

    def test_agreed_n_still_gathers(self):
        off, cnt = tofgrid.block_range(5, size, rank)
        res = tofgrid.allgather(comm, np.arange(off, off + cnt, dtype=np.int32), n=5)
        np.testing.assert_array_equal(res, np.arange(5, dtype=np.int32))
        out = np.zeros(5, np.int32)
        res = tofgrid.gather(comm, np.arange(off, off + cnt, dtype=np.int32), n=5, root=1, out=out if rank == 1 else None)
        if rank == 1:
            self.assertIs(res, out)
            np.testing.assert_array_equal(out, np.arange(5))
        else:
            self.assertIsNone(res)


if __name__ == "__main__":
    main()
