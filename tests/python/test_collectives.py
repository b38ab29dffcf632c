"""The Python face: every collective x every dtype, real values, at 1-3 ranks.

Rank r's rows hold v(r, i) = 16 r + i (exact in every dtype); complex
values carry an imaginary part so a dropped half would show.
"""
import unittest

import numpy as np
from mpi4py import MPI

import tofgrid
from mpitest import main

comm = MPI.COMM_WORLD
size, rank = comm.size, comm.rank
# np.longlong: the same 64-bit integers under another numpy type number (long long vs long)
DTYPES = [np.int8, np.uint8, np.int32, np.int64, np.longlong, np.float32, np.float64, np.complex128]
REDUCIBLE = DTYPES[2:]


def v(r, n, dtype, shape=()):
    x = (16 * r + np.arange(n * int(np.prod(shape, dtype=int)))).reshape((n,) + shape)
    return (x + 0.5j * x if np.dtype(dtype).kind == "c" else x).astype(dtype)


class Collectives(unittest.TestCase):
    def test_bcast(self):
        for dt in DTYPES:
            root = size - 1
            a = v(root, 5, dt) if rank == root else np.zeros(5, dt)
            out = tofgrid.bcast(comm, a, root=root)
            self.assertIs(out, a)
            np.testing.assert_array_equal(a, v(root, 5, dt), err_msg=str(dt))

    def test_scatter_uneven_rows(self):
        for dt in DTYPES:
            n = 7  # uneven at 2 and 3 ranks
            full = v(0, n, dt, (2,))
            mine = tofgrid.scatter(comm, full if rank == 0 else None)
            off, cnt = tofgrid.block_range(n, size, rank)
            self.assertEqual(mine.dtype, np.dtype(dt))
            self.assertEqual(mine.shape, (cnt, 2))
            np.testing.assert_array_equal(mine, full[off:off + cnt])

    def test_scatter_into_out(self):
        n = 10
        off, cnt = tofgrid.block_range(n, size, rank)
        out = np.empty(cnt, np.float64)
        res = tofgrid.scatter(comm, np.arange(n, dtype=np.float64) if rank == 0 else None, out=out)
        self.assertIs(res, out)
        np.testing.assert_array_equal(out, np.arange(off, off + cnt))

    def test_gather_different_row_counts(self):
        for dt in DTYPES:
            mine = v(rank, rank + 1, dt, (3,))  # rank r holds r+1 rows
            res = tofgrid.gather(comm, mine, root=size - 1)
            if rank == size - 1:
                expected = np.concatenate([v(r, r + 1, dt, (3,)) for r in range(size)])
                self.assertEqual(res.dtype, np.dtype(dt))
                np.testing.assert_array_equal(res, expected)
            else:
                self.assertIsNone(res)

    def test_gather_blocks_with_n(self):
        n = 7
        off, cnt = tofgrid.block_range(n, size, rank)
        res = tofgrid.gather(comm, np.arange(off, off + cnt, dtype=np.int64), n=n)
        if rank == 0:
            np.testing.assert_array_equal(res, np.arange(n))
        else:
            self.assertIsNone(res)

    def test_gather_scalars(self):
        res = tofgrid.gather(comm, np.array(rank, np.int32))
        if rank == 0:
            np.testing.assert_array_equal(res, np.arange(size, dtype=np.int32))

    def test_gather_into_out(self):
        for rows, n in ((lambda r: 2, None), (lambda r: r + 1, None), (None, 7)):  # equal, unequal, blocks of n
            if n is None:
                mine = v(rank, rows(rank), np.float64, (2,))
                expected = np.concatenate([v(r, rows(r), np.float64, (2,)) for r in range(size)])
            else:
                off, cnt = tofgrid.block_range(n, size, rank)
                expected = v(0, n, np.float64, (2,))
                mine = expected[off:off + cnt].copy()
            out = np.full(expected.shape, -1.0)
            res = tofgrid.gather(comm, mine, n=n, out=out, root=size - 1)
            if rank == size - 1:
                self.assertIs(res, out)
                np.testing.assert_array_equal(out, expected)
            else:
                self.assertIsNone(res)
                np.testing.assert_array_equal(out, -1.0)  # read at the root only
            out = np.zeros(expected.shape)
            self.assertIs(tofgrid.allgather(comm, mine, n=n, out=out), out)
            np.testing.assert_array_equal(out, expected)

    def test_allgather(self):
        for dt in DTYPES:
            res = tofgrid.allgather(comm, v(rank, 2, dt))
            np.testing.assert_array_equal(res, np.concatenate([v(r, 2, dt) for r in range(size)]))
        n = 5
        off, cnt = tofgrid.block_range(n, size, rank)
        res = tofgrid.allgather(comm, np.arange(off, off + cnt, dtype=np.float32).reshape(cnt, 1), n=n)
        np.testing.assert_array_equal(res, np.arange(n, dtype=np.float32).reshape(n, 1))

    def test_reductions(self):
        for dt in REDUCIBLE:
            a = v(rank, 4, dt)
            every = np.array([v(r, 4, dt) for r in range(size)])
            ops = {"sum": every.sum(axis=0, dtype=dt), "prod": None, "min": every.min(axis=0), "max": every.max(axis=0)}
            for op, expected in ops.items():
                if np.dtype(dt).kind == "c" and op in ("min", "max"):
                    continue
                x = a if op != "prod" else np.full(4, rank + 1, dt)
                if op == "prod":
                    expected = np.full(4, np.prod(np.arange(1, size + 1)), dt)
                res = tofgrid.allreduce(comm, x, op=op)
                np.testing.assert_array_equal(res, expected, err_msg=f"allreduce {op} {dt}")
                red = tofgrid.reduce(comm, x, op=op, root=size - 1)
                if rank == size - 1:
                    np.testing.assert_array_equal(red, expected, err_msg=f"reduce {op} {dt}")
                else:
                    self.assertIsNone(red)

    def test_reductions_in_place_and_into_out(self):
        a = np.full((2, 3), rank + 1.0)
        res = tofgrid.allreduce(comm, a, out=a)
        self.assertIs(res, a)
        np.testing.assert_array_equal(a, np.full((2, 3), size * (size + 1) / 2))
        out = np.empty(3, np.int64)
        res = tofgrid.allreduce(comm, np.full(3, rank, np.int64), op="max", out=out)
        self.assertIs(res, out)
        np.testing.assert_array_equal(out, [size - 1] * 3)
        b = np.full(2, 2.0)
        res = tofgrid.reduce(comm, b, op="prod", out=b if rank == 0 else None)
        if rank == 0:
            self.assertIs(res, b)
            np.testing.assert_array_equal(b, [2.0**size] * 2)

    def test_block_range(self):
        self.assertEqual(tofgrid.block_range(10, 3, 0), (0, 4))
        self.assertEqual(tofgrid.block_range(10, 3, 2), (7, 3))
        self.assertEqual(sum(tofgrid.block_range(10**12, 7, r)[1] for r in range(7)), 10**12)


if __name__ == "__main__":
    main()
