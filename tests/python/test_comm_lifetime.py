"""A sweep's private duplicate follows the caller's communicator: a freed
communicator whose handle MPI reuses on one rank only does not lend its old
duplicate to the next sweep (it was cached by handle: the sweep hung)."""
import unittest

from mpi4py import MPI

import tofgrid
from mpitest import main

w = MPI.COMM_WORLD


class CommLifetime(unittest.TestCase):
    def test_sweep_after_free_and_partial_reuse(self):
        m = tofgrid.Model.default()
        x, y = ("O2_g", [0.1, 0.2]), ("CO_g", [0.1])
        c1 = w.Dup()
        a = tofgrid.tof_grid(c1, m, x=x, y=y)
        c1.Free()
        mine = MPI.COMM_SELF.Dup() if w.rank == 1 else None  # reuses c1's handle on rank 1 only
        c2 = w.Dup()
        b = tofgrid.tof_grid(c2, m, x=x, y=y)
        c2.Free()
        if mine is not None:
            mine.Free()
        if w.rank == 0:
            self.assertEqual(b.tof.shape, (2, 1))
            self.assertTrue(b.converged.all())
            self.assertEqual(a.tof.tolist(), b.tof.tolist())
            self.assertGreater(b.tof[0, 0], 0)


if __name__ == "__main__":
    main()
