"""Bad input raises a clear tofgrid.Error (or TypeError for a non-array),
never a crash or a silent misread, and nothing is overwritten. Errors that
one rank finds in a shape exchange are raised on every rank (no hang)."""
import unittest

import numpy as np
from mpi4py import MPI

import tofgrid
from mpitest import main

comm, self_comm = MPI.COMM_WORLD, MPI.COMM_SELF
size, rank = comm.size, comm.rank


class Errors(unittest.TestCase):
    def raises(self, text, call, exc=tofgrid.Error):
        with self.assertRaises(exc) as cm:
            call()
        self.assertIn(text, str(cm.exception))
        return cm.exception

    def test_error_type(self):
        e = self.raises("the communicator is MPI_COMM_NULL", lambda: tofgrid.bcast(MPI.COMM_NULL, np.zeros(2)))
        self.assertIsInstance(e, RuntimeError)
        self.assertEqual(e.status, 2)

    def test_bad_arrays(self):
        a = np.arange(4.0)
        self.raises("a is not C-contiguous", lambda: tofgrid.bcast(comm, np.zeros(8)[::2]))
        self.raises("a is not C-contiguous", lambda: tofgrid.allreduce(comm, np.zeros((3, 3)).T))
        self.raises("a has dtype bool", lambda: tofgrid.allreduce(comm, np.zeros(2, bool)))
        self.raises("a has dtype float16", lambda: tofgrid.bcast(comm, np.zeros(2, np.float16)))
        self.raises("not in native byte order", lambda: tofgrid.bcast(comm, np.zeros(2, ">f8")))
        ro = np.zeros(2)
        ro.flags.writeable = False
        self.raises("a is read-only", lambda: tofgrid.bcast(comm, ro))
        self.raises("must be a numpy.ndarray, not list", lambda: tofgrid.bcast(comm, [1.0, 2.0]), TypeError)
        self.raises("out must have the dtype and size of a",
                    lambda: tofgrid.allreduce(comm, a, out=np.zeros(4, np.float32)))
        np.testing.assert_array_equal(a, np.arange(4.0))

    def test_bad_arguments(self):
        a = np.arange(3.0)
        self.raises(f"root {size} is outside the communicator (size {size})", lambda: tofgrid.bcast(comm, a, root=size))
        self.raises("root -1 is outside", lambda: tofgrid.reduce(comm, a, root=-1))
        self.raises("unknown op 'mean'", lambda: tofgrid.allreduce(comm, a, op="mean"))
        self.raises("op must be a str", lambda: tofgrid.reduce(comm, a, op=0), TypeError)
        self.raises("min and max are not defined for complex128",
                    lambda: tofgrid.allreduce(comm, np.zeros(2, complex), op="min"))
        self.raises("byte elements cannot be reduced", lambda: tofgrid.allreduce(comm, np.zeros(2, np.uint8)))
        self.raises("at least one dimension", lambda: tofgrid.scatter(self_comm, np.array(1.0)))
        self.raises("block of n = 5 has 5", lambda: tofgrid.gather(self_comm, np.zeros(3), n=5))
        out = np.zeros((3, 2))
        self.raises("out must have a's dtype and the result's shape: 3 rows",
                    lambda: tofgrid.gather(self_comm, np.ones((3, 3)), out=out))
        self.raises("out must have a's dtype and the result's shape",
                    lambda: tofgrid.allgather(self_comm, np.ones((3, 2), np.float32), out=out))
        np.testing.assert_array_equal(out, 0)
        self.raises("n = -2 is negative", lambda: tofgrid.block_range(-2, 3, 0))
        self.raises("bcast: comm must be an mpi4py communicator (MPI.Comm), not str",
                    lambda: tofgrid.bcast("world", a), TypeError)
        np.testing.assert_array_equal(a, np.arange(3.0))

    def test_one_bad_rank_fails_every_rank(self):
        # rank 1 (or 0 alone) offers the wrong dtype: the shape exchange tells all ranks
        bad = rank == min(1, size - 1)
        mine = np.zeros(2, np.int32 if bad else np.float64)
        self.raises("differs from rank", lambda: tofgrid.allgather(comm, mine)) if size > 1 else None
        # the root's array is rejected: every rank hears of it
        text = "must be a numpy.ndarray" if rank == 0 else "the root (rank 0) rejected its array"
        exc = TypeError if rank == 0 else tofgrid.Error
        self.raises(text, lambda: tofgrid.scatter(comm, [1, 2] if rank == 0 else None), exc)

    def test_mpi_library_check(self):
        tofgrid._check_same_mpi("MPICH Version: 4.0.2", "MPICH Version: 4.0.2")
        self.raises("Rebuild mpi4py", lambda: tofgrid._check_same_mpi("MPICH Version: 4.0.2\nmore",
                                                                     "Open MPI v4.1.4, package"), ImportError)
        # an mpi4py of another MPI that answers for both (its libmpi loaded first): caught by how tofgrid was built
        self.raises("Rebuild mpi4py", lambda: tofgrid._check_same_mpi("Open MPI v4.1.4", "Open MPI v4.1.4",
                                                                     built_with="MPICH"), ImportError)
        tofgrid._check_same_mpi("MPICH Version: 4.0.2", "MPICH Version: 4.0.2", built_with="MPICH")
        # (mpi4py keeps the NUL that ends Open MPI's string)
        self.assertEqual(tofgrid.mpi_library_version(), MPI.Get_library_version().rstrip("\x00"))


if __name__ == "__main__":
    main()
