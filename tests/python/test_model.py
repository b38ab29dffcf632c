"""The TOF kernel from Python: the default model against SCAKS's numbers,
YAML and SCAKS-file models, degree of rate control against finite
differences, and clear errors for bad models and conditions."""
import csv
import math
import itertools
import os
import subprocess
import sys
import tempfile
import threading
import unittest

import numpy as np

import tofgrid
from mpitest import child_env, main

DATA = os.path.join(os.path.dirname(__file__), "..", "data")


def reference_points():
    with open(os.path.join(DATA, "scaks_co_ox_ct_500K.csv")) as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


class Kernel(unittest.TestCase):
    def test_default_model_matches_scaks(self):
        m = tofgrid.Model.default()
        self.assertEqual((m.adsorbates, m.sites, m.gases, m.product), (["CO_s", "O_s"], ["*_s"], ["CO2_g", "CO_g", "O2_g"], "CO2_g"))
        for row in reference_points()[::7]:
            s = m.solve(pressures={"O2_g": float(row["pO2"]), "CO_g": float(row["pCO"]), "CO2_g": float(row["pCO2"])})
            self.assertEqual(s.status, "ok")
            for got, ref in [(s.tof, row["TOF_CO2_g"]), (s.tofs["CO_g"], row["TOF_CO_g"]), (s.tofs["O2_g"], row["TOF_O2_g"]),
                             (s.coverages["CO_s"], row["theta_CO_s"]), (s.coverages["O_s"], row["theta_O_s"]),
                             (s.coverages["*_s"], row["theta_*_s"])]:
                self.assertLess(abs(got / float(ref) - 1), 1e-8, f"point {row['idx']}")

    def test_yaml_file_equals_default(self):
        a = tofgrid.Model.load(os.path.join(DATA, "..", "..", "models", "co_oxidation.yaml"))
        b = tofgrid.Model.default()
        for x, y in zip(a.rate_constants(), b.rate_constants()):
            np.testing.assert_array_equal(x, y)

    def test_scaks_importer(self):
        a = tofgrid.Model.from_scaks(os.path.join(DATA, "scaks_inputs", "model_A", "model.py"),
                                     os.path.join(DATA, "scaks_inputs", "model_A", "rel_energy.py"), product="CO2_g")
        kf, kr = a.rate_constants()  # SCAKS's values (spec 8.1)
        np.testing.assert_allclose(kf, [90235665.7025330960750579833984, 16630285.0691818688064813613892,
                                        1221152322.96730360461012502382], rtol=1e-14)
        np.testing.assert_allclose(kr, [1.30810002990269585133013572525e-5, 4.35902632680814367287854679354e-9,
                                        1.48034399856450295213011535473e-6], rtol=1e-14)
        row = reference_points()[55]
        s = a.solve(pressures={"O2_g": float(row["pO2"]), "CO_g": float(row["pCO"])})
        self.assertLess(abs(s.tof / float(row["TOF_CO2_g"]) - 1), 1e-8)
        b = tofgrid.Model.from_scaks(os.path.join(DATA, "scaks_inputs", "model_B", "model.py"),
                                     os.path.join(DATA, "scaks_inputs", "model_B", "rel_energy.py"))
        self.assertIsNone(b.product)
        np.testing.assert_allclose(b.rate_constants()[1], [30395.725401487982221937574, 2.5429515269621115215797765e-17,
                                                          399.29616121110548291952135], rtol=1e-14)
        s = b.solve(pressures={"O2_g": 1e-5 + 2 * (0.5 - 1e-5) / 9, "CO_g": 1e-5 + (0.5 - 1e-5) / 9})
        self.assertEqual(s.status, "past_t_end")  # SCAKS loops forever here (spec 11.10)
        self.assertAlmostEqual(s.coverages["CO_s"], 0.92977, places=5)

    def test_convert_command_writes_scaks_models(self):
        """python3 -m tofgrid.convert model.py rel_energy.py: the YAML C, Fortran and the command read,
        the same model as from_scaks; errors name the user's entry."""
        setup = os.path.join(DATA, "scaks_inputs", "model_A", "model.py")
        energies = os.path.join(DATA, "scaks_inputs", "model_A", "rel_energy.py")
        env = child_env()
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "a.yaml")
            r = subprocess.run([sys.executable, "-m", "tofgrid.convert", setup, energies, "--product", "CO2_g", "-o",
                                out], capture_output=True, text=True, env=env)
            self.assertEqual(r.returncode, 0, r.stderr)
            a, b = tofgrid.Model.load(out), tofgrid.Model.from_scaks(setup, energies, product="CO2_g")
            self.assertEqual(a.product, "CO2_g")
            for x, y in zip(a.rate_constants(), b.rate_constants()):
                np.testing.assert_array_equal(x, y)
            p = {"O2_g": 0.2, "CO_g": 0.1}
            self.assertEqual(a.solve(pressures=p).tofs, b.solve(pressures=p).tofs)
            bad = os.path.join(d, "rel_energy.py")
            with open(bad, "w") as f:
                f.write("Ga = [0.1]\ndG = [0.1]\n")
            r = subprocess.run([sys.executable, "-m", "tofgrid.convert", setup, bad], capture_output=True, text=True,
                               env=env)
            self.assertEqual(r.returncode, 1)
            self.assertIn("must define Ga and dG with one value per reaction", r.stderr)

    def test_xrc_against_finite_differences(self):
        m = tofgrid.Model.default()
        for p in ({"CO_g": 0.2, "O2_g": 0.3}, {"CO_g": 0.05, "O2_g": 0.4}, {"CO_g": 0.4, "O2_g": 0.1}):
            s = m.solve(pressures=p, xrc=True)
            self.assertAlmostEqual(float(np.sum(s.xrc)), 1.0, places=9)  # sum rule of Campbell's XRC
            eps = 1e-5
            for i in range(3):
                up, down = np.ones(3), np.ones(3)
                up[i], down[i] = 1 + eps, 1 - eps
                fd = (math.log(m.solve(pressures=p, k_scale=up).tof) - math.log(m.solve(pressures=p, k_scale=down).tof)) / (
                    math.log(1 + eps) - math.log(1 - eps))
                self.assertAlmostEqual(s.xrc[i], fd, delta=1e-6 + 1e-5 * abs(fd), msg=f"{p} step {i}")

    def test_steady_states(self):
        m = tofgrid.Model.default()
        states = m.steady_states(pressures={"O2_g": 1e-5 + (0.5 - 1e-5) / 9, "CO_g": 1e-5})  # bistable (SCAKS data)
        self.assertEqual(len(states), 2)
        self.assertTrue(all(s.stable for s in states))
        self.assertIsNone(states[0].poisoned_by)
        self.assertEqual(states[1].poisoned_by, "CO_s")
        self.assertGreater(states[0].tof, 1e6 * states[1].tof)
        one = m.steady_states(pressures={"O2_g": 0.5, "CO_g": 0.5})
        self.assertEqual(len(one), 1)

    def test_solution_contents(self):
        s = tofgrid.Model.default().solve(pressures={"CO_g": 0.5, "O2_g": 1e-5})
        self.assertEqual(s.poisoned_by, "CO_s")
        self.assertTrue(s.converged)
        self.assertEqual(set(s.rates), {"forward", "reverse", "net"})
        self.assertAlmostEqual(sum(s.coverages.values()), 1.0, places=14)
        self.assertIsNone(s.xrc)

    def test_invalid_values_are_refused_not_replaced(self):
        """None means the model's value; every other bad value raises with
        the argument's name (0, negatives, NaN, infinities used to become
        the model's temperature or the solver's defaults)."""
        m = tofgrid.Model.default()
        p = {"CO_g": 0.2, "O2_g": 0.3}
        own = m.solve(pressures=p)
        self.assertEqual(m.solve(pressures=p, temperature=None).tof, own.tof)
        self.assertEqual(m.solve(pressures=p, temperature=m.temperature).tof, own.tof)
        np.testing.assert_array_equal(m.rate_constants()[0], m.rate_constants(m.temperature)[0])
        for bad in (0, 0.0, -1, -500.0, float("nan"), float("-inf"), float("inf")):
            with self.assertRaisesRegex(tofgrid.Error, "temperature") as cm:
                m.solve(pressures=p, temperature=bad)
            self.assertEqual(cm.exception.status, tofgrid.TG_ERR_ARG)
            with self.assertRaisesRegex(tofgrid.Error, "temperature"):
                m.rate_constants(bad)
            with self.assertRaisesRegex(tofgrid.Error, "temperature"):
                m.steady_states(pressures=p, temperature=bad)
        for name in ("t_end", "t_max", "tolerance"):
            for bad in (0, -1.0, float("nan"), float("inf")):
                with self.assertRaisesRegex(tofgrid.Error, f"{name} = "):
                    m.solve(pressures=p, **{name: bad})
        for bad in (0, -3):
            with self.assertRaisesRegex(tofgrid.Error, f"max_iterations = {bad} must be >= 1"):
                m.solve(pressures=p, max_iterations=bad)
        for bad in (2.5, float("nan"), "ten"):
            with self.assertRaisesRegex(tofgrid.Error, "max_iterations must be a whole number"):
                m.solve(pressures=p, max_iterations=bad)
        with self.assertRaisesRegex(tofgrid.Error, "t_max = 10 s must be >= t_end = 100 s"):
            m.solve(pressures=p, t_end=100, t_max=10)
        # t_max absent: the model's, raised to a larger t_end (documented), never lowered.
        self.assertTrue(m.solve(pressures=p, t_end=2e4).converged)
        self.assertEqual(m.solve(pressures=p, max_iterations=100, tolerance=1e-12, t_end=1.0).tof, own.tof)

    def test_bad_initial_coverages_refused_and_failed_points_nan(self):
        m = tofgrid.Model.default()
        with self.assertRaisesRegex(tofgrid.Error, r"initial coverage of CO_s is -0.5; it must be finite and in \[0, 1\]"):
            m.solve(initial={"CO_s": -0.5})
        with self.assertRaisesRegex(tofgrid.Error, "initial coverages on \\*_s add up to 1.3"):
            m.solve(initial={"CO_s": 0.7, "O_s": 0.6})
        s = m.solve(tolerance=1e-300, max_iterations=1, t_max=1.0)
        self.assertFalse(s.converged)
        self.assertIn("no steady state", s.message)
        self.assertTrue(math.isnan(s.tof) and all(math.isnan(v) for v in s.coverages.values()))
        self.assertTrue(np.isnan(s.rates["net"]).all())

    def test_non_ascii_names_and_nul_bytes_raise_tofgrid_errors(self):
        path = os.path.join(DATA, "..", "..", "models", "co_oxidation.yaml")
        with open(path) as f:
            yaml = f.read()
        with self.assertRaisesRegex(tofgrid.Error, "bad character 'é' in \"CéO_s\"") as cm:
            tofgrid.Model.from_yaml(yaml.replace("CO_g + *_s -> CO_s", "CO_g + *_s -> CéO_s"), "bad.yaml")
        self.assertEqual(cm.exception.status, tofgrid.TG_ERR_MODEL)
        with self.assertRaisesRegex(tofgrid.Error, r"has a NUL byte at line \d+, column 8") as cm:
            tofgrid.Model.from_yaml(yaml.replace("name:", "name: a\0b"))
        self.assertEqual(cm.exception.status, tofgrid.TG_ERR_ARG)
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "a"), "w") as f:
                f.write(yaml)  # a valid model where the path would be cut short
            for bad in (os.path.join(d, "a\0b"), os.path.join(d, "a\0b").encode()):
                with self.assertRaisesRegex(tofgrid.Error, "load: the path .* has a NUL byte") as cm:
                    tofgrid.Model.load(bad)
                self.assertEqual(cm.exception.status, tofgrid.TG_ERR_ARG)

    def test_model_info_does_not_leak(self):
        import tracemalloc
        cap = tofgrid.Model.default()._capsule  # a model with a product: the product's name was leaked per call
        info = tofgrid.core._model_info
        tracemalloc.start()
        try:
            for _ in range(1000):
                info(cap)
            before = tracemalloc.get_traced_memory()[0]
            for _ in range(20000):
                info(cap)
            grown = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
        self.assertLess(grown, 20000, f"{grown} bytes kept by 20000 calls")

    def test_from_scaks_errors_name_the_users_file_and_entry(self):
        """Errors point into the user's SCAKS files by entry, never into the
        text generated from them."""
        with tempfile.TemporaryDirectory() as d:
            setup, energies = os.path.join(d, "model.py"), os.path.join(d, "rel_energy.py")
            with open(energies, "w") as f:
                f.write("Ga = [0.0, 0.07, 0.39]\ndG = [-2.09, -2.39, -0.46]\n")

            def setup_file(reactions, gases):
                with open(setup, "w") as f:
                    f.write(f"rxn_expressions = {reactions!r}\nspecies_definitions = {gases!r}\n"
                            "temperature = 500\nrate_algo = 'TST'\n")

            good = ["CO_g + *_s -> CO_s", "O2_g + 2*_s -> 2O_s", "CO_s + O_s -> CO2_g + 2*_s"]
            gases = {"CO_g": {"pressure": 0.1}, "O2_g": {"pressure": 0.2}, "CO2_g": {"pressure": 0.0},
                     "*_s": {"type": "site", "total": 1.0}}
            setup_file(good[:1] + ["O2_g + 2*_s -> O_s"] + good[2:], gases)
            with self.assertRaises(tofgrid.Error) as cm:
                tofgrid.Model.from_scaks(setup, energies)
            text = str(cm.exception)
            self.assertTrue(text.startswith(f"{setup}: rxn_expressions[1] 'O2_g + 2*_s -> O_s'"), text)
            self.assertIn("is unbalanced", text)
            self.assertNotIn("column", text)
            self.assertEqual(cm.exception.status, tofgrid.TG_ERR_MODEL)
            setup_file(good, dict(gases, CO_g={"pressure": -1.0}))
            with self.assertRaises(tofgrid.Error) as cm:
                tofgrid.Model.from_scaks(setup, energies)
            text = str(cm.exception)
            self.assertTrue(text.startswith(f"{setup}: species_definitions['CO_g']"), text)
            self.assertIn("pressure of CO_g is negative", text)
            setup_file(good, gases)
            with open(energies, "w") as f:
                f.write("Ga = [0.0, 0.07, -50]\ndG = [-2.09, -2.39, -0.46]\n")
            with self.assertRaises(tofgrid.Error) as cm:
                tofgrid.Model.from_scaks(setup, energies)
            text = str(cm.exception)
            self.assertTrue(text.startswith(f"{setup}: rxn_expressions[2] 'CO_s + O_s -> CO2_g + 2*_s' "
                                            f"(Ga[2], dG[2] in {energies})"), text)
            self.assertIn("rate constants are not finite", text)

    def test_errors(self):
        m = tofgrid.Model.default()
        with self.assertRaisesRegex(tofgrid.Error, "unknown gas 'N2_g'"):
            m.solve(pressures={"N2_g": 1.0})
        with self.assertRaisesRegex(tofgrid.Error, "pressure of CO_g is -1"):
            m.solve(pressures={"CO_g": -1.0})
        with self.assertRaisesRegex(tofgrid.Error, "temperature = nan K must be finite and > 0"):
            m.solve(temperature=float("nan"))
        with self.assertRaisesRegex(tofgrid.Error, r"bad.yaml: line 2, column \d+: unknown key \"temprature\""):
            tofgrid.Model.from_yaml("name: x\ntemprature: 3\n", "bad.yaml")
        with self.assertRaisesRegex(tofgrid.Error, "cannot open .*missing.yaml") as cm:
            tofgrid.Model.load("missing.yaml")
        self.assertEqual(cm.exception.status, 6)
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            setup = os.path.join(d, "model.py")
            with open(setup, "w") as f:
                f.write("rxn_expressions = ['A_g + *_s -> A_s']\nparser = 'AbsoluteEnergyParser'\n")
            with self.assertRaisesRegex(tofgrid.Error, "parser 'AbsoluteEnergyParser' is not supported"):
                tofgrid.Model.from_scaks(setup, setup)
        with self.assertRaisesRegex(tofgrid.Error, "one value per reaction"):
            tofgrid.Model.from_scaks(os.path.join(DATA, "scaks_inputs", "model_A", "model.py"),
                                     os.path.join(DATA, "scaks_inputs", "model_B", "model.py"))


def chain_model(t):
    """A chain of isomers CHNO_s -> ... in an order that depends on t, so its
    species sort differently from the order the steps name them."""
    names = ["".join(p) for p in itertools.permutations("CHNO")]
    order = sorted(range(24), key=lambda k: (k * (2 * t + 5) + t) % 24)
    steps = [f"CHNO_g + *_s -> {names[order[0]]}_s"]
    steps += [f"{names[a]}_s -> {names[b]}_s" for a, b in zip(order, order[1:])]
    steps += [f"{names[order[-1]]}_s -> ONHC_g + *_s"]
    rx = "".join(f'  - {{reaction: "{r}", Ga: {0.5 + 0.01 * ((k * 7 + t) % 13):.2f}, dG: -0.05}}\n'
                 for k, r in enumerate(steps))
    return (f"name: chain{t}\ntemperature: {450 + 10 * t}\nproduct: ONHC_g\nspecies:\n"
            f"  CHNO_g: {{pressure: 0.5}}\n  ONHC_g: {{pressure: 0.01}}\n  \"*_s\": {{total: 1.0}}\nreactions:\n{rx}")


class Threads(unittest.TestCase):
    def test_concurrent_loads_agree_with_serial(self):
        """Model.load and Model.from_yaml release the GIL: threads loading
        different models at once get what one thread gets alone."""
        texts = [chain_model(t) for t in range(8)]
        with tempfile.TemporaryDirectory() as d:
            paths = []
            for t, text in enumerate(texts):
                paths.append(os.path.join(d, f"chain{t}.yaml"))
                with open(paths[-1], "w") as f:
                    f.write(text)
            serial = []
            for text in texts:
                m = tofgrid.Model.from_yaml(text)
                serial.append((m.adsorbates, m.rate_constants()[0].tolist()))
            self.assertEqual(serial[0][0], sorted(serial[0][0]))
            wrong = []

            def work(t):
                try:
                    for k in range(1000):
                        m = tofgrid.Model.load(paths[t]) if k % 2 else tofgrid.Model.from_yaml(texts[t])
                        got = (m.adsorbates, m.rate_constants()[0].tolist())
                        if got != serial[t]:
                            wrong.append((t, k, got[0][:3]))
                except Exception as e:  # a failure in a thread must fail the test
                    wrong.append((t, repr(e)))

            threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            self.assertEqual(wrong, [])


if __name__ == "__main__":
    main()
