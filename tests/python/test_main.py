#!/usr/bin/env python3
"""python -m tofgrid: the map command from Python (what pip installs beside the `tofgrid` command) writes
the same map as tof_grid, with fixed conditions and analyses, and draws it; bad options return 2 with a
message on every rank."""
import os
import tempfile
import unittest

import numpy as np
from mpi4py import MPI

import tofgrid
from tofgrid.__main__ import main as map_command
from mpitest import main

COMM = MPI.COMM_WORLD


class MapCommand(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = COMM.bcast(tempfile.mkdtemp(prefix="tofgrid_main_") if COMM.rank == 0 else None)

    def test_map_equals_tof_grid(self):
        prefix = os.path.join(self.tmp, "map")
        rc = map_command(["--x", "O2_g:0.1:0.5:3", "--y", "CO_g:0.01:1:4:log", "--temperature", "520",
                          "--set", "CO2_g=0.001", "--analyses", "xrc,orders", "--output", prefix, "--quiet"])
        self.assertEqual(rc, 0)
        g = tofgrid.tof_grid(COMM, tofgrid.Model.default(), x=("O2_g", np.linspace(0.1, 0.5, 3)),
                             y=("CO_g", np.geomspace(0.01, 1, 4)), temperature=520, pressures={"CO2_g": 0.001},
                             analyses=["xrc", "orders"])
        if COMM.rank == 0:
            f = tofgrid.load_map(prefix + ".h5")
            self.assertTrue(np.array_equal(f.tof, g.tof, equal_nan=True))
            self.assertTrue(np.array_equal(f.xrc, g.xrc, equal_nan=True))
            self.assertIn("T = 520 K", f.conditions)
            self.assertTrue(os.path.getsize(prefix + ".png") > 1000)
            self.assertTrue(os.path.exists(prefix + ".csv"))

    def test_analyses_all(self):
        prefix = os.path.join(self.tmp, "all")
        self.assertEqual(map_command(["--x", "O2_g:0.1:0.5:2", "--analyses", "all", "--output", prefix,
                                      "--no-plot", "--quiet"]), 0)
        if COMM.rank == 0:  # model A: no species free energies, so no rate control; xrc of its product
            self.assertEqual(tofgrid.load_map(prefix + ".h5").analyses, ["orders", "eapp", "selectivity", "xrc"])

    def test_bad_options_return_2(self):
        for args in (["--x", "O2_g:0.1:0.5"], ["--x", "N2_g:0.1:0.5:3"], ["--set", "CO2_g=nan"],
                     ["--x", "O2_g:0:0.5:3:log"],
                     ["--analyses", "speed"], ["--x", "O2_g:0.1:0.5:3", "--set", "O2_g=0.2"]):
            self.assertEqual(map_command(args + ["--output", os.path.join(self.tmp, "bad"), "--no-plot"]), 2, args)


if __name__ == "__main__":
    main()
