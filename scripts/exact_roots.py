#!/usr/bin/env python3
"""Check tofgrid's steady states against roots computed in 80-digit arithmetic.

A developer's tool (needs mpmath and PyYAML): for each point of a map over a
model's descriptors (or its pressures/temperature), it takes tofgrid's rate
constants and state, polishes the state by Newton in mpmath on the model's
own rate laws (parsed here from the YAML, independently of the C kernel) and
prints the largest relative difference of coverages and TOFs. Usage:

  PYTHONPATH=build/python python3 scripts/exact_roots.py MODEL.yaml [N] [--T K] [--csv OUT]

N x N points over the model's descriptor ranges (default: its resolution).
With --csv, writes the exact roots (descriptor values, coverages, TOFs) to OUT.
"""
import argparse
import re
import sys

import mpmath as mp
import numpy as np
import yaml

import tofgrid

mp.mp.dps = 160
DEBUG = False


def parse_state(text):
    """'2*_s + O2_g' -> {'*_s': 2, 'O2_g': 1}"""
    out = {}
    for token in text.split("+"):
        token = token.strip()
        match = re.fullmatch(r"(\d*)\s*(\S+)", token)
        nu = int(match.group(1)) if match.group(1) else 1
        out[match.group(2)] = out.get(match.group(2), 0) + nu
    return out


def steps_of(spec):
    steps = []
    for entry in spec["reactions"]:
        text = entry["reaction"] if isinstance(entry, dict) else entry
        states = re.split(r"<->|->", text)
        steps.append((parse_state(states[0]), parse_state(states[-1])))
    return steps


def pressures_at(spec, model, point):
    gases = model.gases
    if "logPressure" in point:
        total = 10 ** mp.mpf(point["logPressure"])
        return {g: total * mp.mpf(spec["species"][g].get("concentration", 0)) for g in gases}
    return {g: mp.mpf(model.pressures[g]) for g in gases}


def exact_root(spec, model, steps, kf, kr, pressures, start):
    """Newton in log coverages from tofgrid's state; returns coverages and TOFs."""
    ads, sites = model.adsorbates, model.sites
    unknowns = ads + sites
    index = {s: i for i, s in enumerate(unknowns)}
    site_of = {a: a.rsplit("_", 1)[1] for a in ads}
    totals = {s: mp.mpf((spec["species"].get(s) or {}).get("total", 1.0)) for s in sites}

    def rates(y):
        out = []
        for i, (IS, FS) in enumerate(steps):
            r = []
            for side, state, k in ((0, IS, kf[i]), (1, FS, kr[i])):
                x = mp.mpf(k)
                for sp, nu in state.items():
                    x *= pressures[sp] ** nu if sp in pressures else y[index[sp]] ** nu
                r.append(x)
            out.append(r)
        return out

    def residual(u):
        y = [mp.e ** x for x in u]
        r = rates(y)
        F = []
        for a in ads:
            net = mp.mpf(0)
            gross = mp.mpf(0)
            for (IS, FS), (rf, rr) in zip(steps, r):
                c = FS.get(a, 0) - IS.get(a, 0)
                net += c * (rf - rr)
                gross += abs(c) * (rf + rr)
            F.append(net / gross if gross else mp.mpf(0))
        for s in sites:
            tag = s.rsplit("_", 1)[1]
            total = sum(y[index[a]] for a in ads if site_of[a] == tag) + y[index[s]]
            F.append((total - totals[s]) / totals[s])
        return F

    u = [mp.log(mp.mpf(max(start[x], 1e-300))) for x in unknowns]
    for _ in range(60):
        F = residual(u)
        norm = max(abs(f) for f in F)
        if DEBUG: print("norm", mp.nstr(norm, 5))
        if norm < mp.mpf(10) ** -150:
            break
        h = mp.mpf(10) ** -60
        J = mp.matrix(len(u), len(u))
        for j in range(len(u)):
            up = list(u)
            up[j] += h
            Fj = residual(up)
            for i in range(len(u)):
                J[i, j] = (Fj[i] - F[i]) / h
        du = mp.lu_solve(J, mp.matrix([-f for f in F]))
        u = [u[i] + du[i] for i in range(len(u))]
    y = [mp.e ** x for x in u]
    r = rates(y)
    tof = {}
    catmap = "descriptors" in spec  # CatMAP's TOF: each step's rate once, whatever the gas's coefficient
    for g in model.gases:
        tof[g] = sum(((g in FS) - (g in IS) if catmap else FS.get(g, 0) - IS.get(g, 0)) * (rf - rr)
                     for (IS, FS), (rf, rr) in zip(steps, r))
    return dict(zip(unknowns, y)), tof, norm


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model")
    ap.add_argument("n", nargs="?", type=int)
    ap.add_argument("--T", type=float)
    ap.add_argument("--csv")
    args = ap.parse_args()
    spec = yaml.safe_load(open(args.model))
    model = tofgrid.Model.load(args.model)
    steps = steps_of(spec)
    names = list(model.descriptors)
    axes = []
    for name in names:
        lo, hi, res, _ = model.descriptors[name]
        axes.append(np.linspace(lo, hi, args.n or res))
    worst = (0, None)
    rows = []
    for x in axes[0]:
        for yv in axes[1]:
            point = {names[0]: float(x), names[1]: float(yv)}
            sol = model.solve(descriptors=point, temperature=args.T)
            if sol.status == "failed":
                print(f"FAILED at {point}: {sol.message}")
                worst = (float("inf"), point)
                continue
            kf, kr = model.rate_constants(descriptors=point, temperature=args.T)
            cov, tof, norm = exact_root(spec, model, steps, kf, kr, pressures_at(spec, model, point), sol.coverages)
            diff = 0.0
            for k, v in cov.items():
                if v != 0:
                    diff = max(diff, float(abs((sol.coverages[k] - v) / v)))
            for g, v in tof.items():
                if v != 0:
                    diff = max(diff, float(abs((sol.tofs[g] - v) / v)))
            if diff > worst[0]:
                worst = (diff, point)
            if diff > 1e-8:
                print(f"{point}: rel diff {diff:.3g} (status {sol.status}, exact residual {float(norm):.3g})")
            rows.append([x, yv, args.T or -1.0] + [cov[k] for k in cov] + [tof[g] for g in tof])
    print(f"worst relative difference {worst[0]:.3g} at {worst[1]}")
    if args.csv:
        with open(args.csv, "w") as f:
            f.write(f"# Exact steady states of {args.model.split('/')[-1]} ({len(axes[0])}x{len(axes[1])} points; "
                    f"T -1: the model's temperature), made by\n# scripts/exact_roots.py: tofgrid's rate constants, "
                    f"the rate laws parsed from the YAML and solved by Newton in {mp.mp.dps}-digit\n# mpmath from "
                    f"tofgrid's state to a residual below 1e-150; 17 significant digits.\n")
            f.write(",".join(names + ["T"] + [f"theta_{k}" for k in cov] + [f"tof_{g}" for g in tof]) + "\n")
            for row in rows:
                f.write(",".join(repr(float(v)) if not isinstance(v, mp.mpf) else mp.nstr(v, 17) for v in row) + "\n")
    return 0 if worst[0] <= 1e-8 else 1


if __name__ == "__main__":
    sys.exit(main())
