"""Model.solve's (and rate_constants', steady_states') arguments of the
wrong type raise tofgrid.ArgumentTypeError (a tofgrid.Error with .status,
and a TypeError): temperature='500' raised a plain TypeError, True for a
temperature or max_iterations was read as 1, pressures=[1.0] raised an
AttributeError. Run at 1 rank."""
import unittest

import numpy as np

import tofgrid
from mpitest import main


class SolveArguments(unittest.TestCase):
    def refused(self, text, call):
        with self.assertRaises(tofgrid.ArgumentTypeError) as cm:
            call()
        self.assertIsInstance(cm.exception, TypeError)
        self.assertEqual(cm.exception.status, tofgrid.TG_ERR_ARG)
        self.assertIn(text, str(cm.exception))

    def setUp(self):
        self.m = tofgrid.Model.default()

    def test_numbers_of_the_wrong_type_are_tofgrid_errors(self):
        m = self.m
        self.refused("solve: temperature must be a number (K) or None, not str", lambda: m.solve(temperature="500"))
        self.refused("rate_constants: temperature must be a number (K) or None, not list",
                     lambda: m.rate_constants([500.0]))
        self.refused("steady_states: temperature must be a number (K) or None, not str",
                     lambda: m.steady_states(temperature="500"))
        for name in ("t_end", "t_max", "tolerance"):
            self.refused(f"solve: {name} must be a number or None, not str", lambda: m.solve(**{name: "1"}))
        self.refused("solve: max_iterations must be a whole number >= 1, not 'ten'",
                     lambda: m.solve(max_iterations="ten"))

    def test_booleans_are_refused(self):
        m = self.m
        for true in (True, np.True_):
            self.refused("solve: temperature must be a number (K) or None, not bool", lambda: m.solve(temperature=true))
            self.refused("rate_constants: temperature must be a number (K) or None, not bool",
                         lambda: m.rate_constants(true))
            self.refused("solve: max_iterations must be a whole number >= 1, not True",
                         lambda: m.solve(max_iterations=true))
            self.refused("solve: t_end must be a number or None, not bool", lambda: m.solve(t_end=true))
            self.refused("solve: the pressure of CO_g must be a number, not bool",
                         lambda: m.solve(pressures={"CO_g": true}))

    def test_pressures_must_be_a_mapping(self):
        m = self.m
        for bad in ([1.0], 0.2, "CO_g", np.ones(2)):
            self.refused("solve: pressures must be a {gas: value} mapping (or None), not",
                         lambda: m.solve(pressures=bad))
            self.refused("steady_states: pressures must be a {gas: value} mapping (or None), not",
                         lambda: m.steady_states(pressures=bad))
        self.refused("solve: the pressure of CO_g must be a number, not str", lambda: m.solve(pressures={"CO_g": "0.2"}))
        self.refused("solve: initial must be a {adsorbate: coverage} mapping (or None), not list",
                     lambda: m.solve(initial=[0.1]))
        self.refused("solve: the initial coverage of CO_s must be a number, not str",
                     lambda: m.solve(initial={"CO_s": "0.1"}))
        self.refused("solve: descriptors must be a {name: eV} mapping (or None), not list",
                     lambda: m.solve(descriptors=[0.1]))

    def test_k_scale_of_the_wrong_type(self):
        with self.assertRaises(tofgrid.Error) as cm:
            self.m.solve(k_scale=["a"] * self.m.info["steps"])
        self.assertEqual(cm.exception.status, tofgrid.TG_ERR_ARG)
        self.assertIn("solve: k_scale must be", str(cm.exception))

    def test_good_arguments_still_solve(self):
        m = self.m
        p = {"CO_g": 0.2, "O2_g": np.float32(0.3)}
        own = m.solve(pressures=p)
        self.assertEqual(m.solve(pressures=p, temperature=np.float64(m.temperature), max_iterations=np.int64(100),
                                 t_end=np.int32(1)).tof, own.tof)
        self.assertEqual(m.solve(pressures=p, temperature=int(m.temperature)).tof, own.tof) if \
            m.temperature == int(m.temperature) else None


if __name__ == "__main__":
    main()
