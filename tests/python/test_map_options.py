#!/usr/bin/env python3
"""Maps with analyses and fixed conditions from Python: every point of tof_grid(..., analyses=,
temperature=, pressures=, descriptors=) equals Model.solve at that point, bit for bit; fixing what an
axis varies, an unknown name or an analysis the model cannot give is an error on every rank; a map
file read back by load_map is the gathered Grid, with the analyses, labelled axes (h5py dimension
scales), the model and the conditions; the CSV states the conditions and units."""
import math
import os
import tempfile
import unittest

import numpy as np
from mpi4py import MPI

import tofgrid
from mpitest import main

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "catmap")
COMM = MPI.COMM_WORLD
ALL = ["orders", "eapp", "rate_control", "selectivity", "selectivity_control", "xrc"]


def same(a, b):
    """Equal bit for bit, NaN equal to NaN."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.all((a == b) | (np.isnan(a) & np.isnan(b))))


class MapOptions(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.catmap = tofgrid.Model.load(os.path.join(DATA, "co_oxidation.yaml"))
        cls.scaks = tofgrid.Model.default()
        cls.tmp = COMM.bcast(tempfile.mkdtemp(prefix="tofgrid_map_options_") if COMM.rank == 0 else None)

    def test_catmap_analyses_equal_solves(self):
        m = self.catmap
        eo, eco = np.linspace(-1, 3, 4), np.linspace(-0.5, 4, 3)
        g = tofgrid.tof_grid(COMM, m, x=("O_s", eo), y=("CO_s", eco), schedule="dynamic", analyses=ALL,
                             temperature=550)
        if COMM.rank != 0:
            self.assertIsNone(g)
            return
        self.assertEqual(g.analyses, ALL)
        checked = 0
        for i, a in enumerate(eo):
            for j, b in enumerate(eco):
                s = m.solve(temperature=550, descriptors={"O_s": a, "CO_s": b}, analyses=ALL)
                self.assertTrue(same(g.tof[i, j], s.tof), (a, b))
                if not s.converged:
                    self.assertTrue(math.isnan(g.eapp[i, j]))
                    continue
                checked += 1
                self.assertTrue(same(g.eapp[i, j], s.eapp))
                for gas, v in s.orders.items():
                    self.assertTrue(same(g.orders[gas][i, j], v), gas)
                for sp, v in s.rate_control.items():
                    self.assertTrue(same(g.rate_control[sp][i, j], v), sp)
                for gas, v in s.selectivity.items():
                    self.assertTrue(same(g.selectivity[gas][i, j], v), gas)
                for sp, by_gas in s.selectivity_control.items():
                    for gas, v in by_gas.items():
                        self.assertTrue(same(g.selectivity_control[sp][gas][i, j], v), (sp, gas))
                self.assertTrue(same(g.xrc[i, j], s.xrc))
        self.assertGreater(checked, 6)

    def test_scaks_fixed_conditions_equal_solves(self):
        m = self.scaks
        po2 = np.linspace(0.05, 0.5, 4)
        g = tofgrid.tof_grid(COMM, m, x=("O2_g", po2), temperature=520, pressures={"CO_g": 0.2},
                             analyses=["xrc", "orders", "selectivity"])
        if COMM.rank == 0:
            self.assertIsNone(g.eapp)
            self.assertIsNone(g.rate_control)
            for i, p in enumerate(po2):
                s = m.solve(pressures={"O2_g": p, "CO_g": 0.2}, temperature=520, analyses=["xrc", "orders"])
                self.assertTrue(same(g.tof[i, 0], s.tof))
                self.assertTrue(same(g.xrc[i, 0], s.xrc))
                self.assertTrue(same(g.orders["CO_g"][i, 0], s.orders["CO_g"]))
            # the fixed conditions change the map: not the model's 1 atm CO
            h = tofgrid.tof_grid(MPI.COMM_SELF, m, x=("O2_g", po2))
            self.assertFalse(same(h.tof, g.tof))

    def test_bad_options_raise_everywhere(self):
        m, x = self.scaks, ("O2_g", [0.1, 0.2])
        cases = [
            (dict(pressures={"O2_g": 0.3}), "pressure of O2_g is fixed"),
            (dict(pressures={"N2_g": 0.3}), "unknown gas 'N2_g'"),
            (dict(temperature=-3), "temperature = -3"),
            (dict(temperature=float("nan")), "temperature = nan"),
            (dict(analyses=["rate_control"]), "free energies"),
            (dict(analyses=["speed"]), "unknown analysis 'speed'"),
        ]
        for kw, text in cases:
            with self.assertRaises(tofgrid.Error) as e:
                tofgrid.tof_grid(COMM, m, x=x, **kw)
            self.assertIn(text, str(e.exception), kw)
        with self.assertRaises(tofgrid.Error) as e:
            tofgrid.tof_grid(COMM, self.catmap, x=("O_s", [0.0]), descriptors={"O_s": 1.0})
        self.assertIn("descriptor O_s is fixed", str(e.exception))
        with self.assertRaises(tofgrid.Error) as e:
            tofgrid.tof_grid(COMM, self.catmap, x=("O_s", [0.0]), descriptors={"Pt": 1.0})
        self.assertIn("unknown descriptor 'Pt'", str(e.exception))

    def test_argument_errors_raise_on_every_rank(self):
        m, x = self.scaks, ("O2_g", [0.1, 0.2])
        # wrong on one rank only (the model loaded on the root alone): every rank raises, none waits
        with self.assertRaises(tofgrid.Error) as e:
            tofgrid.tof_grid(COMM, None if COMM.rank == COMM.size - 1 else m, x=x)
        if COMM.rank == COMM.size - 1:
            self.assertIn("model must be a tofgrid.Model", str(e.exception))
        last = COMM.size - 1  # the last rank (rank 0 alone on one rank) gets the bad value
        with self.assertRaises(tofgrid.Error):
            tofgrid.tof_grid(COMM, m, x=x, analyses=3 if COMM.rank == last else ["orders"])
        with self.assertRaises(tofgrid.Error):
            tofgrid.tof_grid(COMM, m, x=x, root="0" if COMM.rank == last else 0)
        # what None means (the model's) is not also said by 0 or NaN
        for kw, text in ((dict(temperature=0.0), "temperature = 0.0 must be finite and > 0"),
                         (dict(pressures={"CO2_g": float("nan")}), "the pressure of CO2_g = nan must be finite"),
                         (dict(path=os.path.join(self.tmp, "same"), csv=os.path.join(self.tmp, "same")),
                          "path and csv are the same file")):
            with self.assertRaises(tofgrid.Error) as e:
                tofgrid.tof_grid(COMM, m, x=x, **kw)
            self.assertIn(text, str(e.exception))
        with self.assertRaises(tofgrid.ArgumentTypeError):
            tofgrid.tof_grid(COMM, m, x=x, path=5)
        with self.assertRaises(tofgrid.ArgumentTypeError):
            tofgrid.tof_grid(COMM, m, x=("O2_g", ["0.1", "0.2"]))
        g = tofgrid.tof_grid(COMM, m, x=("T", [450.0, 500.0]))
        if COMM.rank == 0:
            self.assertEqual(g.x[0], "temperature")

    def test_file_round_trip(self):
        m = self.catmap
        h5, csv = os.path.join(self.tmp, "map.h5"), os.path.join(self.tmp, "map.csv")
        kw = dict(x=("O_s", np.linspace(-1, 3, 5)), analyses=["orders", "eapp", "xrc"], descriptors={"CO_s": 1.2},
                  temperature=600)
        self.assertIsNone(tofgrid.tof_grid(COMM, m, path=h5, csv=csv, schedule="dynamic", **kw))
        g = tofgrid.tof_grid(COMM, m, **kw)
        if COMM.rank != 0:
            return
        f = tofgrid.load_map(h5)
        self.assertEqual(f.x[0], "O_s")
        self.assertIsNone(f.y)
        self.assertTrue(same(f.x[1], g.x[1]))
        self.assertEqual(f.model.name, m.name)
        self.assertEqual(f.analyses, ["orders", "eapp", "xrc"])
        for name in ("tof", "eapp", "status", "xrc"):
            self.assertTrue(same(getattr(f, name), getattr(g, name)), name)
        for gas in m.info["gases"]:
            self.assertTrue(same(f.orders[gas], g.orders[gas]), gas)
        self.assertIn("T = 600 K", f.conditions)
        self.assertIn("CO_s = 1.2 eV", f.conditions)
        import h5py
        with h5py.File(h5) as h:  # labelled dimensions, as xarray and h5py users see them
            self.assertEqual(list(h["orders"].dims[0].keys()), ["O_s"])
            self.assertEqual([v.decode() for v in h["orders"].dims[2][0][()]], m.info["gases"])
            self.assertEqual(list(h["orders"].dims[2].keys()), ["pressure_gas"])
            self.assertEqual(h["x"].attrs["units"].decode() if isinstance(h["x"].attrs["units"], bytes)
                             else h["x"].attrs["units"], "eV")
        with open(csv) as c:
            lines = c.read().splitlines()
        self.assertEqual(lines[1], "# product: CO2_g")
        self.assertTrue(lines[2].startswith("# conditions: T = 600 K"), lines[2])
        self.assertIn("eapp: eV", lines[3])
        header = lines[4].split(",")
        self.assertIn("orders[CO2_g][CO_g]", header)
        self.assertIn("xrc[3]", header)
        self.assertEqual(len(lines), 5 + 5)
        row = lines[5 + 2].split(",")
        k = header.index("eapp[CO2_g]")
        self.assertTrue(same(float(row[k]), g.eapp[2, 0]))

    def test_load_map_refuses_other_files(self):
        if COMM.rank != 0:
            return
        with self.assertRaises(tofgrid.Error) as e:
            tofgrid.load_map(os.path.join(self.tmp, "missing.h5"))
        self.assertIn("cannot read", str(e.exception))
        import h5py
        other = os.path.join(self.tmp, "other.h5")
        with h5py.File(other, "w") as h:
            h["data"] = [1, 2]
        with self.assertRaises(tofgrid.Error) as e:
            tofgrid.load_map(other)
        self.assertIn("not a tofgrid map", str(e.exception))
        m = os.path.join(self.tmp, "no_x.h5")  # a tofgrid file without its x axis: said, not a KeyError
        tofgrid.tof_grid(MPI.COMM_SELF, self.scaks, x=("O2_g", [0.1]), path=m)
        with h5py.File(m, "a") as h:
            del h["x"]
        with self.assertRaises(tofgrid.Error) as e:
            tofgrid.load_map(m)
        self.assertIn("not a tofgrid map (no x)", str(e.exception))


if __name__ == "__main__":
    main()
