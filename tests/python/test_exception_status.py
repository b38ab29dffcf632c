"""Every exception tofgrid raises is a tofgrid.Error with .status, whether
C or Python code raised it (Python-raised ones had none); arguments of the
wrong type raise an Error that is also a TypeError; a negative root's
message names the communicator's real size (it said "size 1"); Grid's repr
works for 1-D maps (it raised). Run at 1 and 2 ranks."""
import unittest

import numpy as np
from mpi4py import MPI

import tofgrid
from mpitest import main

comm = MPI.COMM_WORLD


class ExceptionStatus(unittest.TestCase):
    def status_of(self, call):
        with self.assertRaises(tofgrid.Error) as cm:
            call()
        self.assertIsInstance(cm.exception.status, int)
        return cm.exception

    def test_python_raised_errors_carry_status(self):
        m = tofgrid.Model.default()
        e = self.status_of(lambda: tofgrid.tof_grid(comm, m, schedule="guided"))
        self.assertEqual(e.status, tofgrid.TG_ERR_ARG)
        self.assertEqual(str(e), "tof_grid: schedule 'guided': use 'static' or 'dynamic'")
        e = self.status_of(lambda: tofgrid.tof_grid(comm, m, x=("N2_g", [0.1])))
        self.assertEqual(e.status, tofgrid.TG_ERR_ARG)
        e = self.status_of(lambda: m.solve(pressures={"N2_g": 0.1}))  # raised in model.py
        self.assertEqual(e.status, tofgrid.TG_ERR_ARG)

    def test_error_takes_a_status(self):
        e = tofgrid.Error("tof_grid: cannot write", tofgrid.TG_ERR_IO)
        self.assertEqual((e.status, str(e), e.args), (tofgrid.TG_ERR_IO, "tof_grid: cannot write", ("tof_grid: cannot write",)))
        self.assertEqual(tofgrid.Error("plain").status, tofgrid.TG_ERR_ARG)
        self.assertEqual(tofgrid.Error("kw", status=tofgrid.TG_ERR_MODEL).status, tofgrid.TG_ERR_MODEL)
        self.assertIsInstance(e, RuntimeError)

    def test_wrong_types_are_tofgrid_errors(self):
        e = self.status_of(lambda: tofgrid.bcast(comm, [1.0, 2.0]))
        self.assertIsInstance(e, TypeError)
        self.assertEqual(e.status, tofgrid.TG_ERR_ARG)
        self.assertIn("must be a numpy.ndarray, not list", str(e))
        e = self.status_of(lambda: tofgrid.allreduce(comm, np.ones(2), op=3))
        self.assertIsInstance(e, TypeError)
        self.assertIn("op must be a str", str(e))

    def test_negative_root_names_the_size(self):
        for call in (lambda: tofgrid.bcast(comm, np.ones(2), root=-1),
                     lambda: tofgrid.reduce(comm, np.ones(2), root=-1),
                     lambda: tofgrid.gather(comm, np.ones(2), root=-1),
                     lambda: tofgrid.scatter(comm, np.ones(2), root=-1)):
            e = self.status_of(call)
            self.assertIn(f"root -1 is outside the communicator (size {comm.size})", str(e))

    def test_repr_of_maps(self):
        m = tofgrid.Model.default()
        g1 = tofgrid.tof_grid(comm, m, x=("O2_g", [0.1, 0.2, 0.3]))
        g2 = tofgrid.tof_grid(comm, m, x=("O2_g", [0.1, 0.2]), y=("temperature", [450.0]))
        if comm.rank == 0:
            self.assertEqual(repr(g1), "<tofgrid.Grid 3 points over O2_g>")
            self.assertEqual(repr(g2), "<tofgrid.Grid 2x1 over O2_g x temperature>")


if __name__ == "__main__":
    main()
