#!/usr/bin/env python3
"""Figures of maps (python -m tofgrid.plot): what a paper needs is on them -- the failed points
counted, the negative-TOF side marked, the surfaces of a volcano map labelled, units and log axes
right, any quantity of the map -- and the HDF5 and CSV files of one map read the same. Text is
checked in SVG output (fonts as text)."""
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
from mpi4py import MPI

import tofgrid
from tofgrid import plot as tplot
from mpitest import child_env, main

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "catmap")
SELF = MPI.COMM_SELF


def svg_text(path, **kw):  # (check with `in`, not assertIn: a failure would print the whole SVG)
    import matplotlib
    matplotlib.rcParams["svg.fonttype"] = "none"  # text as text, to be searched
    out = tplot.plot(path, path.rsplit(".", 1)[0] + "_" + "_".join(f"{v}" for v in kw.values()).replace(":", "-")
                     + ".svg", **kw)
    with open(out) as f:
        return f.read()


class Plot(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="tofgrid_plot_")
        cls.catmap = tofgrid.Model.load(os.path.join(DATA, "co_oxidation.yaml"))
        cls.volcano = os.path.join(cls.tmp, "volcano.h5")
        tofgrid.tof_grid(SELF, cls.catmap, path=cls.volcano, csv=cls.volcano[:-3] + ".csv",
                         x=("O_s", np.linspace(-1, 3, 9)), y=("CO_s", np.linspace(-0.5, 4, 8)),
                         analyses=["orders", "rate_control", "xrc", "selectivity"])

    def test_hdf5_and_csv_read_alike(self):
        h, c = tplot.read_map(self.volcano), tplot.read_map(self.volcano[:-3] + ".csv")
        self.assertEqual(set(h.quantities), set(c.quantities))
        for k, v in h.quantities.items():
            self.assertTrue(np.array_equal(v, c.quantities[k], equal_nan=True), k)
        self.assertTrue(np.array_equal(h.x[1], c.x[1]) and np.array_equal(h.y[1], c.y[1]))
        self.assertEqual((h.x[0], h.x[2], h.y[0]), (c.x[0], c.x[2], c.y[0]))
        self.assertEqual(h.conditions, c.conditions)
        self.assertEqual(h.product, c.product)
        self.assertEqual(set(h.surfaces), {"Pt", "Ag", "Cu", "Rh", "Pd", "Au", "Ru", "Ni"})
        self.assertEqual(h.surfaces["Pt"], {"O_s": 1.62, "CO_s": 1.7})  # the tutorial's energy table

    def test_volcano_surfaces_and_quantities(self):
        text = svg_text(self.volcano)
        for surface in ("Pt", "Cu", "Ru", "Ag"):
            self.assertTrue(f">{surface}<" in text, f">{surface}<")
        self.assertTrue("all 72 points converged" in text, "all 72 points converged")
        self.assertTrue("E(O_s) (eV)" in text, "E(O_s) (eV)")
        self.assertTrue("log10 |TOF of CO2_g|" in text, "log10 |TOF of CO2_g|")
        self.assertFalse(">Au<" in svg_text(self.volcano, surfaces=False))
        self.assertTrue("degree of rate control of O-CO_s" in svg_text(self.volcano, quantity="rate_control:O-CO_s"))
        self.assertTrue("reaction order in CO_g" in svg_text(self.volcano, quantity="orders:CO_g"))
        self.assertTrue("degree of rate control of step 3" in svg_text(self.volcano, quantity="xrc:3"))
        self.assertTrue("coverage of O_s" in svg_text(self.volcano, quantity="coverage:O_s"))
        with self.assertRaises(SystemExit) as e:
            tplot.plot(self.volcano, os.path.join(self.tmp, "x.png"), quantity="eapp")
        self.assertIn("has no 'eapp'", str(e.exception))

    def test_failed_points_counted_and_negative_tof_marked(self):
        m = self.catmap
        path = os.path.join(self.tmp, "cold.h5")
        g = tofgrid.tof_grid(SELF, m, x=("O_s", np.linspace(-2, 6, 16)), y=("CO_s", np.linspace(-4, 4, 16)),
                             temperature=250)
        tofgrid.tof_grid(SELF, m, x=("O_s", np.linspace(-2, 6, 16)), y=("CO_s", np.linspace(-4, 4, 16)),
                         temperature=250, path=path)
        failed = int((g.status == 2).sum())
        self.assertGreater(failed, 0)
        self.assertTrue(f"{failed} of 256 points without a steady state" in svg_text(path))
        neg = os.path.join(self.tmp, "reverse.h5")  # CO2 at 1 bar, CO at 1e-20 ... 1e-12 bar: the net TOF turns
        tofgrid.tof_grid(SELF, m, x=("CO_g", np.geomspace(1e-20, 1e-12, 9)), y=("O_s", np.linspace(-1, 3, 5)),
                         descriptors={"CO_s": 1.5}, temperature=700, pressures={"CO2_g": 1.0}, path=neg)
        grid = tofgrid.load_map(neg)
        self.assertTrue((grid.tof < 0).any() and (grid.tof > 0).any())
        text = svg_text(neg)
        self.assertTrue("hatched: net TOF &lt; 0" in text, "hatched: net TOF &lt; 0")
        self.assertTrue("p(CO_g) (bar)" in text, "p(CO_g) (bar)")
        self.assertTrue(tplot._is_log(grid.x[1]))

    def test_log_axes_units_and_lines(self):
        self.assertTrue(tplot._is_log(np.geomspace(1e-4, 1, 5)))
        self.assertFalse(tplot._is_log(np.linspace(1e-4, 1, 5)))
        self.assertFalse(tplot._is_log([0.1, 1.0]))
        self.assertFalse(tplot._is_log([0.0, 0.1, 0.2]))
        a = tofgrid.Model.default()
        path = os.path.join(self.tmp, "line.h5")
        tofgrid.tof_grid(SELF, a, x=("O2_g", np.geomspace(1e-3, 1, 6)), path=path)
        text = svg_text(path)
        self.assertTrue("p(O2_g) (atm = 101325 Pa)" in text, "p(O2_g) (atm = 101325 Pa)")  # SCAKS: 1 = 101325 Pa
        self.assertTrue("all 6 points converged" in text, "all 6 points converged")
        for ext, magic in ((".pdf", b"%PDF"), (".png", b"\x89PNG")):
            out = tplot.plot(path, path[:-3] + ext)
            with open(out, "rb") as f:
                self.assertEqual(f.read(4), magic)

    def test_review_findings(self):
        """Figures that misled (each failed before): a constant quantity, a map one point wide,
        TOFs down to denormal numbers, a CSV whose axis repeats a value."""
        text = svg_text(self.volcano, quantity="selectivity:CO2_g")  # was drawn as the bottom of a 0..1e-12 scale
        self.assertTrue("1 everywhere" in text, "1 everywhere")
        a = tofgrid.Model.default()
        one = os.path.join(self.tmp, "one_row.h5")
        tofgrid.tof_grid(SELF, a, x=("O2_g", [0.1]), y=("CO_g", np.geomspace(1e-3, 1, 6)), path=one)
        self.assertTrue("O2_g = 0.1" in svg_text(one))  # a line over p(CO); it raised in contourf
        cold = os.path.join(self.tmp, "poisoned.h5")
        tofgrid.tof_grid(SELF, self.catmap, x=("O_s", np.linspace(-2, 6, 9)), y=("CO_s", np.linspace(-4, 4, 9)),
                         temperature=250, path=cold)
        self.assertTrue("TOF below 1e-" in svg_text(cold))  # the scale no longer spans 300 decades
        self.assertFalse("TOF below" in svg_text(cold, vmin=-400.0))
        dup = os.path.join(self.tmp, "repeated.csv")
        tofgrid.tof_grid(SELF, a, x=("O2_g", [0.1, 0.1, 0.2]), y=("CO_g", [0.01, 0.02]), csv=dup)
        m = tplot.read_map(dup)
        self.assertEqual(m.quantities["tof:CO2_g"].shape, (3, 2))  # it failed to reshape
        self.assertEqual(list(m.y[1]), [0.01, 0.02])

    def test_command_line(self):
        out = os.path.join(self.tmp, "cli.pdf")
        env = child_env()
        r = subprocess.run([sys.executable, "-m", "tofgrid.plot", self.volcano, "-o", out, "--quantity",
                            "tof:CO_g", "--size", "5,4", "--dpi", "80", "--cmap", "magma"],
                           capture_output=True, text=True, env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.getsize(out) > 1000)
        r = subprocess.run([sys.executable, "-m", "tofgrid.plot", self.volcano, "--size", "5"],
                           capture_output=True, text=True, env=env)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("--size 5: give WIDTH,HEIGHT", r.stderr)
        for args, text in ((["--cmap", "nope"], "not a matplotlib colour map"), (["--levels", "0"], "give 2 or more"),
                           (["--dpi", "0"], "give a positive number"), (["-o", out[:-4] + ".txt"], "name the figure"),
                           (["--quantity", "tof:N2_g"], "the map has no 'tof:N2_g'")):
            r = subprocess.run([sys.executable, "-m", "tofgrid.plot", self.volcano] + args, capture_output=True,
                               text=True, env=env)
            self.assertNotEqual(r.returncode, 0, args)
            self.assertIn(text, r.stderr, args)
            self.assertNotIn("Traceback", r.stderr, args)
        r = subprocess.run([sys.executable, "-m", "tofgrid.plot", os.path.join(self.tmp, "absent.h5")],
                           capture_output=True, text=True, env=env)
        self.assertIn("no such file", r.stderr)


if __name__ == "__main__":
    main()
