"""CatMAP models from Python: CatMAP's own input files read as CatMAP reads
them (Model.from_catmap) give the same model as the converted YAML
(python3 -m tofgrid.convert) and as tests/data/catmap/co_oxidation.yaml;
tutorial 2's map over the descriptors is exact at every point, bit-identical
to single-point solves at any rank count and schedule."""
import csv
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
from mpi4py import MPI

import tofgrid
from mpitest import child_env, main

comm = MPI.COMM_WORLD
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "catmap")
SETUP = os.path.join(DATA, "setup", "co_oxidation.mkm")


def exact_roots(name="tutorial2_exact.csv"):
    with open(os.path.join(DATA, name)) as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


class Catmap(unittest.TestCase):
    def test_from_catmap_equals_the_yaml_model(self):
        a = tofgrid.Model.from_catmap(SETUP)
        b = tofgrid.Model.load(os.path.join(DATA, "co_oxidation.yaml"))
        self.assertEqual(list(a.descriptors), ["O_s", "CO_s"])
        self.assertEqual(a.descriptors["O_s"][:3], (-1.0, 3.0, 15))
        for d in ({"O_s": -1.0, "CO_s": -0.5}, {"O_s": 1.2857142857142856, "CO_s": 1.75}):
            sa, sb = a.solve(descriptors=d), b.solve(descriptors=d)
            self.assertEqual(sa.coverages, sb.coverages)
            self.assertEqual(sa.tofs, sb.tofs)

    def test_convert_command_writes_the_same_model(self):
        if comm.rank != 0:
            return
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "m.yaml")
            # the child must not try to join this MPI job (mpiexec's PMI variables)
            env = child_env()
            r = subprocess.run([sys.executable, "-m", "tofgrid.convert", SETUP, "-o", out], capture_output=True,
                               text=True, env=env)
            self.assertEqual(r.returncode, 0, r.stderr)
            m = tofgrid.Model.load(out)
            s = m.solve(descriptors={"O_s": 0.5, "CO_s": 1.0})
            self.assertEqual(s.tofs, tofgrid.Model.from_catmap(SETUP).solve(descriptors={"O_s": 0.5, "CO_s": 1.0}).tofs)
            bad = os.path.join(d, "bad.mkm")
            with open(bad, "w") as f:
                f.write("rxn_expressions = ['CO_g + *_s -> CO*']\n")
            r = subprocess.run([sys.executable, "-m", "tofgrid.convert", bad], capture_output=True, text=True, env=env)
            self.assertEqual(r.returncode, 1)
            self.assertIn("species_definitions is not set", r.stderr)

    def test_descriptor_map_is_exact_and_rank_independent(self):
        m = tofgrid.Model.from_catmap(SETUP)
        for schedule in ("static", "dynamic"):
            g = tofgrid.tof_grid(comm, m, schedule=schedule)  # the model's own axes: its descriptor ranges
            if comm.rank != 0:
                self.assertIsNone(g)
                continue
            self.assertEqual(g.x[0], "O_s")
            self.assertEqual(g.tofs["CO2_g"].shape, (15, 15))
            worst = 0.0
            for r in exact_roots():
                i, j = int(r["i"]), int(r["j"])
                for name, col in (("CO_s", "theta_CO_s"), ("O_s", "theta_O_s"), ("*_s", "theta_*_s")):
                    ex = float(r[col])
                    worst = max(worst, abs(g.coverages[name][i, j] - ex) / abs(ex))
                for gas in ("CO2_g", "CO_g", "O2_g"):
                    ex = float(r["tof_" + gas])
                    worst = max(worst, abs(g.tofs[gas][i, j] - ex) / abs(ex))
            self.assertLess(worst, 1e-8)
            for i, j in [(0, 0), (6, 8), (9, 3), (14, 14)]:  # single-point solves, bit for bit
                s = m.solve(descriptors={"O_s": g.x[1][i], "CO_s": g.y[1][j]})
                self.assertEqual(g.tofs["CO2_g"][i, j], s.tofs["CO2_g"])
                self.assertEqual(g.coverages["O_s"][i, j], s.coverages["O_s"])

    def test_temperature_axis_at_fixed_descriptors(self):
        m = tofgrid.Model.from_catmap(SETUP)
        with self.assertRaisesRegex(tofgrid.Error, "descriptor CO_s is on no axis"):
            tofgrid.tof_grid(comm, m, x=("temperature", [450.0, 500.0]), y=("O_s", [0.5]))
        with open(os.path.join(DATA, "co_oxidation.yaml")) as f:  # the model with a point of its own
            text = f.read().replace('"resolution": 15}', '"resolution": 15, "values": [0.5, 1.0]}')
        m = tofgrid.Model.from_yaml(text)
        g = tofgrid.tof_grid(comm, m, x=("temperature", [450.0, 500.0, 550.0]), y=("CO_g", [0.5, 1.0]))
        if comm.rank == 0:
            tofs = g.tofs["CO2_g"][:, 0]
            self.assertTrue(np.all(np.isfinite(tofs)))
            self.assertNotEqual(tofs[0], tofs[2])  # the free energies follow T (Shomate gases)

    def variant(self, d, old, new):
        """The test setup with `old` replaced by `new`, in directory d (with its table)."""
        text = open(SETUP).read()
        self.assertIn(old, text)
        path = os.path.join(d, "x.mkm")
        with open(path, "w") as f:
            f.write(text.replace(old, new))
        with open(os.path.join(DATA, "setup", "energies.txt")) as src, open(os.path.join(d, "energies.txt"), "w") as f:
            f.write(src.read())
        return path

    def test_settings_that_change_results_are_applied_or_refused(self):
        """CatMAP settings tofgrid cannot apply are refused by name (they were ignored); shomate_params
        and fixed_entropy_dict are applied; malformed settings are tofgrid errors, not tracebacks."""
        with tempfile.TemporaryDirectory() as d:
            for old, new, message in [
                    ("input_file", "scaler = 'MinResidScaler'\ninput_file", "scaler = 'MinResidScaler'"),
                    ("input_file", "thermodynamic_corrections = ['gas']\ninput_file", "thermodynamic_corrections"),
                    ("input_file", "avoid_scaling = True\ninput_file", "avoid_scaling"),
                    ("'s': {'site_names'", "'CO_s': {'n_sites': 2}, 's': {'site_names'", "n_sites = 2"),
                    ("resolution = 15", "resolution = 15.5", "resolution = 15.5"),
                    ("'pressure': 1.}", "'pressure': 'high'}", "unexpected form")]:
                with self.assertRaisesRegex(tofgrid.Error, message):
                    tofgrid.Model.from_catmap(self.variant(d, old, new))
            # CatMAP's non-activated prefactor (a dict in prefactor_list) is applied
            na = tofgrid.Model.from_catmap(self.variant(
                d, "input_file", "prefactor_list = [{'type': 'non-activated', 'A_site': 9.0}, None, None]\ninput_file"))
            kf, _ = na.rate_constants(descriptors={"O_s": -1.0, "CO_s": -0.5})
            self.assertLess(abs(kf[0] / 200375618.89585796 - 1), 1e-14)  # p0 A / sqrt(2 pi m kB T), spec 4.4
            # the converted model's own errors name the setup file and the converted line
            with self.assertRaisesRegex(tofgrid.Error, r"x\.mkm: .*descriptor O_s is named twice.*converted from it, line"):
                tofgrid.Model.from_catmap(self.variant(d, "['O_s', 'CO_s']", "['O_s', 'O_s']"))
            base = tofgrid.Model.from_catmap(SETUP).solve(descriptors={"O_s": 0.5, "CO_s": 1.0})
            frozen_co = ("input_file", "shomate_params = {'CO_g:100-2000': [0, 0, 0, 0, 0, 0, 0, 0],"
                         " 'CO2_g:298-1200': [24.99735, 55.18696, -33.69137, 7.948387, -0.136638, -403.6075, 228.2431,"
                         " -393.5224], 'O2_g:100-700': [31.32234, -20.23531, 57.8664, -36.50624, -0.007374,"
                         " -8.903471, 246.7945, 0.0]}\ninput_file")
            other = tofgrid.Model.from_catmap(self.variant(d, *frozen_co)).solve(descriptors={"O_s": 0.5, "CO_s": 1.0})
            self.assertNotEqual(base.tofs["CO2_g"], other.tofs["CO2_g"])  # CO's free energy changed: applied

    def test_rate_constants_and_steady_states_at_descriptors(self):
        m = tofgrid.Model.from_catmap(SETUP)
        kf, kr = m.rate_constants(descriptors={"O_s": -1.0, "CO_s": -0.5})  # CatMAP's golden point (spec 4.5)
        self.assertLess(abs(kf[2] / 2.063739099313574e-20 - 1), 3e-15)
        self.assertLess(abs(kr[0] / 3.924755542456212e-12 - 1), 3e-15)
        states = m.steady_states(descriptors={"O_s": 1.2857142857142856, "CO_s": 1.75})
        one = m.solve(descriptors={"O_s": 1.2857142857142856, "CO_s": 1.75})
        self.assertEqual(states[0].coverages, one.coverages)
        with self.assertRaisesRegex(tofgrid.Error, "give the descriptors' values"):
            m.rate_constants()

    def test_thermodynamic_descriptors(self):
        """CatMAP's ThermodynamicScaler: the temperature and log10 of the total pressure as descriptors;
        each point equals the same model stated with that T and those pressures, and the map over them
        equals single solves."""
        m = tofgrid.Model.from_catmap(os.path.join(DATA, "setup", "thermodynamic.mkm"))
        self.assertEqual(list(m.descriptors), ["temperature", "logPressure"])
        T, lp = 650.0, -1.5
        s = m.solve(descriptors={"temperature": T, "logPressure": lp})
        self.assertEqual(s.status, "ok")
        # the same point, stated directly: Pt's energies as constants, the pressures and T given
        text = tofgrid.catmap.convert(SETUP)
        pt = {"CO_s": 1.7, "O_s": 1.62, "O-CO_s": 4.04, "O-O_s": 5.35}  # the table's Pt row (site 111)
        lines = [l for l in text.splitlines() if not l.startswith("scaling:") and not l.startswith("  ")
                 and not l.startswith("descriptors:") and not l.startswith("temperature:")]
        direct = "\n".join(lines) + f"""
temperature: {T}
descriptors: {{names: [O_s, CO_s], values: [1.62, 1.7]}}
scaling:
  relations:
""" + "".join(f'    "{k}": {{coefficients: [0, 0, {v}]}}\n' for k, v in pt.items())
        species = "".join(f"  {l}\n" for l in text.splitlines() if l.startswith('  "'))
        direct = direct.replace("species:\n", "species:\n" + species).replace("reactions:\n", "reactions:\n" + "".join(
            f"{l}\n" for l in text.splitlines() if l.startswith("  - ")))
        d = tofgrid.Model.from_yaml(direct)
        ref = d.solve(pressures={"CO_g": 2 / 3 * 10 ** lp, "O2_g": 1 / 3 * 10 ** lp, "CO2_g": 0.0})
        for gas in ("CO2_g", "CO_g", "O2_g"):
            self.assertLess(abs(s.tofs[gas] / ref.tofs[gas] - 1), 1e-12)
        g = tofgrid.tof_grid(comm, m, schedule="dynamic")  # its own axes: 15 x 15 over T and log p
        if comm.rank == 0:
            self.assertEqual(g.x[0], "temperature")
            for i, j in [(0, 0), (7, 5), (14, 14)]:
                one = m.solve(descriptors={"temperature": g.x[1][i], "logPressure": g.y[1][j]})
                self.assertEqual(g.tofs["CO2_g"][i, j], one.tofs["CO2_g"])

    def test_two_sites_and_thermodynamic_maps_are_exact(self):
        """A model with two site types (CatMAP's tutorial 3: totals 0.05 and 0.95) and the temperature x
        logPressure map, through tof_grid at any rank count: every point within 1e-8 of the exact roots
        (scripts/exact_roots.py, 160 digits), and a condition a descriptor sets cannot also be given."""
        for model_file, csv_name in (("two_sites.yaml", "two_sites_exact.csv"),
                                     ("thermodynamic.yaml", "thermodynamic_exact.csv")):
            m = tofgrid.Model.load(os.path.join(DATA, model_file))
            rows = [r for r in exact_roots(csv_name) if float(r["T"]) < 0]  # at the model's temperature
            names = list(m.descriptors)
            xs, ys = (sorted({float(r[n]) for r in rows}) for n in names)
            g = tofgrid.tof_grid(comm, m, x=(names[0], xs), y=(names[1], ys), schedule="dynamic")
            if comm.rank != 0:
                continue
            self.assertEqual(len(rows), 225)
            worst = 0.0
            for r in rows:
                i, j = xs.index(float(r[names[0]])), ys.index(float(r[names[1]]))
                for col, ex in r.items():
                    got = (g.coverages[col[6:]] if col.startswith("theta_") else
                           g.tofs[col[4:]] if col.startswith("tof_") else None)
                    if got is not None:
                        worst = max(worst, abs(got[i, j] - float(ex)) / abs(float(ex)))
            self.assertLess(worst, 1e-8, model_file)
        m = tofgrid.Model.load(os.path.join(DATA, "thermodynamic.yaml"))
        point = {"temperature": 600.0, "logPressure": 0.0}
        with self.assertRaisesRegex(tofgrid.Error, "is its descriptor temperature"):
            m.solve(descriptors=point, temperature=700.0)
        with self.assertRaisesRegex(tofgrid.Error, "give logPressure instead"):
            m.solve(descriptors=point, pressures={"CO_g": 5.0})
        with self.assertRaisesRegex(tofgrid.Error, "make that descriptor the axis"):
            tofgrid.tof_grid(comm, m, x=("logPressure", [0.0]), y=("CO_g", [1.0, 2.0]))
        # a temperature descriptor's axis is a temperature (-100 K was a silently failed point)
        with self.assertRaisesRegex(tofgrid.Error, "value 0 is -100; temperatures must be > 0"):
            tofgrid.tof_grid(comm, m, x=("temperature", [-100.0, 400.0]), y=("logPressure", [0.0]))

    def test_errors_name_the_setting(self):
        with self.assertRaisesRegex(tofgrid.Error, "solve: descriptors"):
            tofgrid.Model.from_catmap(SETUP).solve(descriptors={"O_s": 1.0})
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "x.mkm")
            with open(bad, "w") as f:
                f.write(open(SETUP).read().replace("'energies.txt'", "'missing.txt'"))
            with self.assertRaisesRegex(tofgrid.Error, "input_file 'missing.txt'") as cm:
                tofgrid.Model.from_catmap(bad)
            self.assertEqual(cm.exception.status, tofgrid.TG_ERR_MODEL)


if __name__ == "__main__":
    main()
