"""tofgrid.tof_grid: the tutorial's map from Python, identical for both
schedules and any rank count, equal to single-point solves; split halves."""
import unittest

import numpy as np
from mpi4py import MPI

import tofgrid
from mpitest import main

comm = MPI.COMM_WORLD


class Grid(unittest.TestCase):
    def test_default_grid_both_schedules(self):
        m = tofgrid.Model.default()
        a = tofgrid.tof_grid(comm, m, schedule="static")
        b = tofgrid.tof_grid(comm, m, schedule="dynamic")
        if comm.rank != 0:
            self.assertIsNone(a)
            self.assertIsNone(b)
            return
        self.assertEqual(a.tof.shape, (10, 10))
        np.testing.assert_array_equal(a.tof, b.tof)
        for name in ("CO_s", "O_s", "*_s"):
            np.testing.assert_array_equal(a.coverages[name], b.coverages[name])
        xs = np.linspace(1e-5, 0.5, 10)
        for i, j in [(0, 0), (1, 0), (4, 7), (9, 9)]:
            s = m.solve(pressures={"O2_g": xs[i], "CO_g": xs[j]})
            self.assertEqual(a.tof[i, j], s.tof)
            self.assertEqual(a.coverages["CO_s"][i, j], s.coverages["CO_s"])
        self.assertTrue(a.converged.all())

    def test_file_mode(self):
        import os
        import tempfile
        d = comm.bcast(tempfile.mkdtemp() if comm.rank == 0 else None)
        path = os.path.join(d, "map.h5")
        m = tofgrid.Model.default()
        self.assertIsNone(tofgrid.tof_grid(comm, m, schedule="dynamic", path=path))
        if comm.rank == 0:
            self.assertTrue(os.path.getsize(path) > 0)
            with open(path, "rb") as f:
                self.assertEqual(f.read(8), b"\x89HDF\r\n\x1a\n")  # the HDF5 signature
        with self.assertRaisesRegex(tofgrid.Error, "cannot create"):
            tofgrid.tof_grid(comm, m, path=os.path.join(d, "no", "dir", "x.h5"))

    def test_split_halves_and_errors(self):
        half = comm.Split(comm.rank % 2, comm.rank)
        try:
            m = tofgrid.Model.default()
            g = tofgrid.tof_grid(half, m, x=("CO_g", np.linspace(0.1, 0.4, 3 + comm.rank % 2)))
            if half.rank == 0:
                self.assertEqual(g.tof.shape, (3 + comm.rank % 2, 1))
        finally:
            half.Free()
        with self.assertRaisesRegex(tofgrid.Error, "unknown gas 'N2_g'"):
            tofgrid.tof_grid(comm, tofgrid.Model.default(), x=("N2_g", [1.0]))
        with self.assertRaisesRegex(tofgrid.Error, "pressures must be >= 0"):
            tofgrid.tof_grid(comm, tofgrid.Model.default(), x=("CO_g", [0.1, -1.0]))
        with self.assertRaisesRegex(tofgrid.Error, "non-empty 1-D sequence"):
            tofgrid.tof_grid(comm, tofgrid.Model.default(), x=("CO_g", []))
        with self.assertRaisesRegex(tofgrid.Error, "unknown gas 'Xe_g'"):
            tofgrid.tof_grid(comm, tofgrid.Model.default(), x=("CO_g", [0.1]), y=("Xe_g", [0.1]))
        with self.assertRaisesRegex(tofgrid.Error, "schedule 'guided'"):
            tofgrid.tof_grid(comm, tofgrid.Model.default(), schedule="guided")

    def test_one_rank_bad_arguments_raise_everywhere(self):
        """A check in Python that fails on one rank only raises on every rank
        (the others used to wait in the sweep forever)."""
        m = tofgrid.Model.default()
        last = comm.rank == comm.size - 1
        xs = np.linspace(0.1, 0.4, 3)
        cases = [dict(schedule="bogus" if last else "static"),
                 dict(x=("N2_g" if last else "CO_g", xs)),
                 dict(x=("CO_g", [] if last else xs)),
                 dict(x=("CO_g", xs), path="" if last else None)]
        for kw in cases:
            expected = "." if last else "another rank was given invalid arguments"
            with self.assertRaisesRegex(tofgrid.Error, expected):
                tofgrid.tof_grid(comm, m, **kw)
        with self.assertRaisesRegex(tofgrid.Error, "y is given without x"):
            tofgrid.tof_grid(comm, m, y=("CO_g", xs))


if __name__ == "__main__":
    main()
