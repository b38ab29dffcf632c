"""A communicator argument that is not an mpi4py communicator raises
tofgrid.ArgumentTypeError (a tofgrid.Error with .status, and a TypeError)
naming the call, in every call that takes one: SWIG's own conversion raised
a plain TypeError without .status, and tof_grid an AttributeError. Run at
1 rank."""
import unittest

import numpy as np
from mpi4py import MPI

import tofgrid
from mpitest import main


class CommArgument(unittest.TestCase):
    def test_not_a_communicator(self):
        a = np.arange(3.0)
        m = tofgrid.Model.default()
        calls = {
            "bcast": lambda c: tofgrid.bcast(c, a),
            "scatter": lambda c: tofgrid.scatter(c, a),
            "gather": lambda c: tofgrid.gather(c, a),
            "allgather": lambda c: tofgrid.allgather(c, a),
            "reduce": lambda c: tofgrid.reduce(c, a),
            "allreduce": lambda c: tofgrid.allreduce(c, a),
            "tof_grid": lambda c: tofgrid.tof_grid(c, m, x=("O2_g", [0.1])),
        }
        for bad, kind in (("world", "str"), (None, "NoneType"), (MPI.INT, "Datatype"), (0, "int")):
            for name, call in calls.items():
                with self.assertRaises(tofgrid.ArgumentTypeError, msg=(name, bad)) as cm:
                    call(bad)
                e = cm.exception
                self.assertIsInstance(e, TypeError)
                self.assertEqual(e.status, tofgrid.TG_ERR_ARG)
                self.assertRegex(str(e), rf"^{name}: comm must be an mpi4py communicator \(MPI\.Comm\), "
                                         rf"not (mpi4py\.MPI\.)?{kind}$")
        np.testing.assert_array_equal(a, np.arange(3.0))

    def test_communicators_still_work(self):
        for c in (MPI.COMM_WORLD, MPI.COMM_SELF, MPI.COMM_SELF.Dup()):
            np.testing.assert_array_equal(tofgrid.allreduce(c, np.ones(2)), np.full(2, float(c.size)))
        with self.assertRaises(tofgrid.Error) as cm:
            tofgrid.bcast(MPI.COMM_NULL, np.ones(2))
        self.assertNotIsInstance(cm.exception, TypeError)


if __name__ == "__main__":
    main()
