#!/usr/bin/env python3
"""Analyses of a steady state (docs/analyses.md), analytic from the Jacobian, against central finite
differences of re-solved TOFs: reaction orders and the apparent activation energy on SCAKS's model A
and on CatMAP's tutorials 2 (one site type) and 3 (two, with a fast exchange between them); rate and
selectivity control on the temperature x logPressure model, whose species energies are constants in
its file, so each can be moved alone. Errors name what is wrong."""
import os
import re
import unittest

import numpy as np

import tofgrid
from mpitest import main

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "catmap")
KB = 8.617332478e-5  # eV/K, CatMAP's


def model_text(name):
    """A test model of tests/data/catmap (product CO2_g: the analyses are of its TOF)."""
    with open(os.path.join(DATA, name)) as f:
        return f.read()


def fd_orders(m, kw, h=1e-4):
    out = {}
    for gas in ("CO_g", "O2_g"):
        tofs = []
        for sign in (1, -1):
            p = dict(m.pressures)
            p[gas] *= np.exp(sign * h)
            tofs.append(m.solve(pressures=p, **kw).tof)
        out[gas] = (np.log(tofs[0]) - np.log(tofs[1])) / (2 * h)
    return out


def fd_eapp(m, kw, T, h=1e-2):
    if "descriptors" in kw and "temperature" in kw["descriptors"]:
        up = m.solve(descriptors={**kw["descriptors"], "temperature": T + h}).tof
        down = m.solve(descriptors={**kw["descriptors"], "temperature": T - h}).tof
    else:
        up, down = m.solve(temperature=T + h, **kw).tof, m.solve(temperature=T - h, **kw).tof
    return KB * T * T * (np.log(up) - np.log(down)) / (2 * h)


class Analyses(unittest.TestCase):
    def check_orders_and_eapp(self, m, kw, T):
        s = m.solve(analyses=["orders", "eapp"], **kw)
        self.assertEqual(s.status, "ok")
        for gas, order in fd_orders(m, kw).items():
            self.assertAlmostEqual(s.orders[gas], order, delta=1e-6 * max(1, abs(order)), msg=(kw, gas))
        self.assertEqual(s.orders["CO2_g"], 0.0)  # its pressure is 0 here: no term to move (CatMAP divides by it)
        self.assertAlmostEqual(s.eapp, fd_eapp(m, kw, T), delta=1e-6 * max(1, abs(s.eapp)), msg=kw)

    def test_orders_and_eapp_scaks_model(self):
        m = tofgrid.Model.default()
        for p in ({"CO_g": 0.2, "O2_g": 0.3}, {"CO_g": 0.05, "O2_g": 0.4}):
            p = {**m.pressures, **p}
            s = m.solve(pressures=p, analyses=["orders", "eapp"])
            tofs = {}
            for gas in p:
                if p[gas] == 0:
                    continue
                up, down = dict(p), dict(p)
                up[gas] *= np.exp(1e-4)
                down[gas] *= np.exp(-1e-4)
                tofs[gas] = (np.log(m.solve(pressures=up).tof) - np.log(m.solve(pressures=down).tof)) / 2e-4
                self.assertAlmostEqual(s.orders[gas], tofs[gas], delta=1e-6)
            T = m.temperature
            fd = KB * T * T * (np.log(m.solve(pressures=p, temperature=T + 1e-2).tof)
                               - np.log(m.solve(pressures=p, temperature=T - 1e-2).tof)) / 2e-2
            self.assertAlmostEqual(s.eapp, fd, delta=1e-6 * max(1, abs(fd)))
        with self.assertRaisesRegex(tofgrid.Error, "derivatives by species free energies"):
            m.solve(analyses=["rate_control"])

    def test_orders_and_eapp_scaks_model_b(self):
        with open(os.path.join(DATA, "..", "model_b.yaml")) as f:
            m = tofgrid.Model.from_yaml(f.read())
        for p in ({"CO_g": 0.1, "O2_g": 0.4}, {"CO_g": 0.3, "O2_g": 0.2}):
            kw = {"pressures": {**m.pressures, **p}}
            s = m.solve(analyses=["orders", "eapp", "selectivity"], **kw)
            self.assertTrue(s.converged, p)
            T = m.temperature
            self.assertAlmostEqual(s.eapp, fd_eapp(m, kw, T), delta=1e-6 * max(1, abs(s.eapp)), msg=p)
            for gas in ("CO_g", "O2_g"):
                up, down = dict(kw["pressures"]), dict(kw["pressures"])
                up[gas] *= np.exp(1e-4)
                down[gas] *= np.exp(-1e-4)
                fd = (np.log(m.solve(pressures=up).tof) - np.log(m.solve(pressures=down).tof)) / 2e-4
                self.assertAlmostEqual(s.orders[gas], fd, delta=1e-6 * max(1, abs(fd)), msg=(p, gas))
            self.assertEqual(s.selectivity["CO2_g"], 1.0)

    def test_catmap_reference_point(self):
        """CatMAP's own sensitivities where they are converged: tutorial 2 at its highest-TOF grid point
        (O, CO) = (1.2857142857142856, 1.75) eV, p(CO2) = 1e-30 (reference spec section 10.3: CatMAP's
        classic solver, and the exact values computed analytically at 50 digits)."""
        m = tofgrid.Model.from_yaml(model_text("co_oxidation.yaml"))
        s = m.solve(descriptors={"O_s": 1.2857142857142856, "CO_s": 1.75}, pressures={"CO2_g": 1e-30},
                    analyses=["rate_control", "orders", "selectivity", "selectivity_control", "eapp"])
        exact = {"CO_s": -1.25169382924, "O_s": -0.725788847695, "O-CO_s": 0.725788847695, "O-O_s": 0.274211186133}
        for species, x in exact.items():
            self.assertAlmostEqual(s.rate_control[species], x, delta=1e-10, msg=species)
        self.assertAlmostEqual(s.orders["CO_g"], -0.525905015378, delta=1e-10)
        self.assertAlmostEqual(s.orders["O2_g"], 0.274211186133, delta=1e-10)
        self.assertLess(abs(s.orders["CO2_g"]), 1e-40)  # CatMAP: ~-5e-47
        self.assertEqual(s.selectivity["CO2_g"], 1.0)
        self.assertAlmostEqual(s.selectivity["CO_g"], 2 / 3, places=14)
        self.assertAlmostEqual(s.selectivity["O2_g"], 1 / 3, places=14)
        for by_product in s.selectivity_control.values():
            self.assertLess(abs(by_product["CO2_g"]), 1e-12)  # exactly 0 for one product
        # E_app: the spec's exact value uses CatMAP's R' = 8.31447e-3 / 96.485307 eV/K, ours kB = 8.617332478e-5
        # (1.2e-6 apart); the rate constants' T derivative is a central difference (1e-4 T): ~1e-8
        r_prime = 8.31447e-3 / 96.485307
        self.assertAlmostEqual(s.eapp * r_prime / KB, 1.15018366781896, delta=1e-7)

    def test_orders_and_eapp_one_and_two_site_types(self):
        for name, points in (("co_oxidation.yaml", [(1.0, 1.0), (-0.5, 2.5), (2.0, 0.5)]),
                             ("two_sites.yaml", [(1.0, 1.0), (-0.5, 3.0), (2.0, 0.0)])):
            m = tofgrid.Model.from_yaml(model_text(name))
            for o, co in points:
                self.check_orders_and_eapp(m, {"descriptors": {"O_s": o, "CO_s": co}}, m.temperature)

    def test_rate_and_selectivity_control(self):
        text = model_text("thermodynamic.yaml")
        m = tofgrid.Model.from_yaml(text)
        for T, lp in ((550.0, 0.0), (650.0, -3.0)):  # not 700 K: NIST's Shomate ranges of O2 meet there (G jumps)
            point = {"temperature": T, "logPressure": lp}
            s = m.solve(descriptors=point, analyses=["rate_control", "selectivity", "selectivity_control", "eapp"])
            self.assertAlmostEqual(s.eapp, fd_eapp(m, {"descriptors": point}, T), delta=1e-6 * abs(s.eapp))
            self.assertEqual(sorted(s.rate_control), ["CO_s", "O-CO_s", "O-O_s", "O_s"])
            for species in s.rate_control:  # move G of one species (its constant in the file)
                tofs = []
                for sign in (1, -1):
                    moved = re.sub(r'("%s": \{"coefficients": \[0\.0, 0\.0, )([-\d.e]+)' % re.escape(species),
                                   lambda x: x.group(1) + repr(float(x.group(2)) + sign * 1e-5), text)
                    self.assertNotEqual(moved, text)
                    tofs.append(tofgrid.Model.from_yaml(moved).solve(descriptors=point).tof)
                fd = -KB * T * (np.log(tofs[0]) - np.log(tofs[1])) / 2e-5
                self.assertAlmostEqual(s.rate_control[species], fd, delta=1e-6, msg=(point, species))
            # one product: its selectivity is 1 and nothing controls it (CatMAP: 0 or 1e-13 noise)
            self.assertEqual(s.selectivity["CO2_g"], 1.0)
            self.assertAlmostEqual(s.selectivity["CO_g"] + s.selectivity["O2_g"], 1.0, places=14)
            for species, by_product in s.selectivity_control.items():
                self.assertEqual(list(by_product), ["CO2_g"])
                self.assertLess(abs(by_product["CO2_g"]), 1e-12)

    def test_errors_name_what_is_wrong(self):
        m = tofgrid.Model.from_yaml(model_text("co_oxidation.yaml").replace('product: "CO2_g"\n', ""))
        d = {"O_s": 1.0, "CO_s": 1.0}
        with self.assertRaisesRegex(tofgrid.Error, "of the product's TOF.*names no product"):
            m.solve(descriptors=d, analyses=["orders"])
        with self.assertRaisesRegex(tofgrid.Error, "unknown analysis 'order'"):
            m.solve(descriptors=d, analyses=["order"])
        with self.assertRaises(tofgrid.ArgumentTypeError):
            m.solve(descriptors=d, analyses="eapp")
        s = m.solve(descriptors=d, analyses=["selectivity"])  # needs no product
        self.assertEqual(s.selectivity["CO2_g"], 1.0)
        self.assertIsNone(s.orders)


if __name__ == "__main__":
    main()
