"""Mean-field microkinetic models and their steady states (the TOF kernel).

    import tofgrid
    model = tofgrid.Model.default()                 # the tutorial's CO oxidation
    sol = model.solve(pressures={"CO_g": 0.2, "O2_g": 0.3})
    sol.tof, sol.coverages["CO_s"], sol.converged

Models come from tofgrid's YAML format (``Model.load``, ``Model.from_yaml``;
see docs/model-format.md) or from SCAKS's own setup files
(``Model.from_scaks``). Nothing here needs MPI.
"""
import json
import math
import numbers
import os
import re
import runpy
from collections.abc import Mapping

import numpy as np

from . import core as _core
from ._constants import STEADY_STATUSES as _STATUS
from ._constants import (ANALYSES, TG_ANALYSIS_EAPP, TG_ANALYSIS_ORDERS, TG_ANALYSIS_RATE_CONTROL,
                         TG_ANALYSIS_SELECTIVITY, TG_ANALYSIS_SELECTIVITY_CONTROL, TG_ERR_ARG, TG_ERR_MODEL)

__all__ = ["Model", "Solution"]


def _mapping(fn, name, value, kind):
    """value, checked to be a mapping (a list of values has no names to place them by)."""
    if not isinstance(value, Mapping):
        raise _core.ArgumentTypeError(f"{fn}: {name} must be a {kind} mapping (or None), not {type(value).__name__}")
    return value


def _number(fn, what, value):
    """value as a float; a bool or a str (which numpy would read as a number) is refused."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.ndarray)) or \
            (isinstance(value, np.ndarray) and (value.ndim or value.dtype.kind not in "iuf")):
        kind = "bool" if isinstance(value, (bool, np.bool_)) else type(value).__name__
        raise _core.ArgumentTypeError(f"{fn}: {what} must be a number, not {kind}")
    return float(value)


class Solution:
    """The steady state at one point.

    Attributes: ``tof`` (the product's TOF, s^-1 per site; None without a
    product), ``tofs`` ({gas: TOF}, consumed gases negative), ``coverages``
    ({species: coverage}, free sites included), ``rates`` ({"forward",
    "reverse", "net"}: arrays per step), ``xrc`` (degree of rate control per
    step, when asked), ``converged``, ``status`` ("ok", "past_t_end" --
    converged only after integrating beyond t_end -- or "failed"),
    ``message``, ``iterations``, ``time_steps``, ``t_reached``, ``residual``,
    ``poisoned_by`` (the adsorbate covering its sites, or None).
    With ``analyses`` (:meth:`Model.solve`; definitions in docs/analyses.md):
    ``orders`` ({gas: d ln TOF / d ln p}), ``eapp`` (eV), ``rate_control``
    ({species: -kB T d ln TOF / d G}), all of the product's TOF;
    ``selectivity`` ({gas: share of the products' or reactants' TOF}),
    ``selectivity_control`` ({species: {product: -kB T d ln S / d G}}).
    """

    def __init__(self, model, raw):
        info = model.info
        self.status = _STATUS[raw["status"]]
        self.converged = self.status != "failed"
        self.message = raw["message"]
        self.iterations, self.time_steps = raw["iterations"], raw["time_steps"]
        self.t_reached, self.residual = raw["t_reached"], raw["residual"]
        species = info["adsorbates"] + info["sites"]
        self.coverages = dict(zip(species, raw["coverages"].tolist()))
        self.tofs = dict(zip(info["gases"], raw["tof"].tolist()))
        self.tof = self.tofs[info["product"]] if info["product"] else None
        self.rates = {"forward": raw["rf"], "reverse": raw["rr"], "net": raw["net"]}
        self.xrc = raw["xrc"]
        p = raw["poisoned_by"]
        self.poisoned_by = info["adsorbates"][p] if p >= 0 else None
        self.stable = {1: True, 0: False}.get(raw.get("stable", -1))  # None: not classified
        a = raw.get("analyses")
        for name in ANALYSES:
            if name != "xrc":  # xrc: above, from its own option too
                setattr(self, name, None)
        if a is not None:
            gases, ng = info["gases"], len(info["gases"])
            params = info["adsorbates"] + info["transition_states"]
            g = gases.index(info["product"]) if info["product"] else None
            which = a["which"]
            if which & TG_ANALYSIS_ORDERS and g is not None:
                self.orders = dict(zip(gases, a["orders"].reshape(ng, ng)[g].tolist()))
            if which & TG_ANALYSIS_EAPP and g is not None:
                self.eapp = float(a["eapp"][g])
            if which & TG_ANALYSIS_RATE_CONTROL and g is not None:
                self.rate_control = dict(zip(params, a["rate_control"].reshape(ng, len(params))[g].tolist()))
            if which & TG_ANALYSIS_SELECTIVITY:
                self.selectivity = dict(zip(gases, a["selectivity"].tolist()))
            if which & TG_ANALYSIS_SELECTIVITY_CONTROL:
                dsc = a["selectivity_control"].reshape(ng, len(params))
                products = [k for k, gas in enumerate(gases) if self.tofs[gas] > 0]
                self.selectivity_control = {p: {gases[k]: float(dsc[k, j]) for k in products}
                                            for j, p in enumerate(params)}

    def __repr__(self):
        cov = ", ".join(f"{k}={v:.6g}" for k, v in self.coverages.items())
        return f"<Solution {self.status}: TOF={self.tof!r}, {cov}>"


class Model:
    """A mechanism with its default conditions. Create it with one of the
    class methods; it is read-only afterwards and may be shared by threads."""

    def __init__(self, capsule):
        self._capsule = capsule
        self.info = _core._model_info(capsule)
        self._descriptors = _core._model_descriptors(capsule)

    @classmethod
    def load(cls, path):
        """Read a model from a YAML file (errors name the file, line and column)."""
        return cls(_core._model_load(os.fspath(path)))  # str or bytes, checked whole in C

    @classmethod
    def from_yaml(cls, text, origin="<string>"):
        """Read a model from YAML text."""
        return cls(_core._model_parse(text, origin))

    @classmethod
    def default(cls):
        """The tutorial's CO oxidation (SCAKS model A), embedded in the library."""
        return cls(_core._model_default())

    @classmethod
    def from_scaks(cls, setup, energies, product=None):
        """Read SCAKS's own setup files, unchanged: ``model.py`` (rxn_expressions,
        species_definitions, temperature, rate_algo, unitcell_area,
        active_ratio, ...) and the relative-energy file (``Ga``, ``dG`` lists).
        Like SCAKS, this executes both files as Python. ``product`` names the
        product gas (SCAKS's product_name, if the setup file lacks it).
        Errors name the setup file and its entry (``rxn_expressions[2]``,
        ``species_definitions['CO_g']``, ...)."""
        setup, energies = os.fspath(setup), os.fspath(energies)
        text, sources = scaks_to_yaml(setup, energies, product)
        try:
            return cls.from_yaml(text, _GENERATED)
        except _core.Error as e:
            raise _scaks_error(str(e), e.status, setup, sources) from None

    @classmethod
    def from_catmap(cls, setup):
        """Read CatMAP's own inputs, unchanged: the setup file (``*.mkm``) and
        the energy table its ``input_file`` names (relative to the setup
        file). Like CatMAP, this executes the setup file as Python. The
        scaling relations are fitted as CatMAP fits them; see
        ``python3 -m tofgrid.convert`` for the equivalent YAML file."""
        from . import catmap
        setup = os.fspath(setup)
        try:
            text = catmap.convert(setup)
        except catmap.CatmapError as e:
            raise _core.Error(str(e), TG_ERR_MODEL) from None
        try:
            return cls.from_yaml(text, _CONVERTED)
        except _core.Error as e:  # a line of the converted text: show it, and whose it is
            m = re.search(r"line (\d+)", str(e))
            lines = text.splitlines()
            where = ""
            if m and 0 < int(m.group(1)) <= len(lines):
                where = f" (in the model converted from it, line {m.group(1)}: {lines[int(m.group(1)) - 1].strip()[:120]})"
            raise _core.Error(f"{setup}: {str(e).replace(_CONVERTED + ': ', '')}{where}", e.status) from None

    @property
    def descriptors(self):
        """A CatMAP model's descriptors: {name: (lo, hi, n, value)} with its
        ranges, resolution and own value (None where the model states none)."""
        return {d[0]: d[1:] for d in self._descriptors}

    @property
    def name(self):
        return self.info["name"]

    @property
    def adsorbates(self):
        return list(self.info["adsorbates"])

    @property
    def sites(self):
        return list(self.info["sites"])

    @property
    def gases(self):
        return list(self.info["gases"])

    @property
    def product(self):
        return self.info["product"]

    @property
    def temperature(self):
        return self.info["temperature"]

    @property
    def pressures(self):
        return dict(zip(self.info["gases"], self.info["pressures"].tolist()))

    def rate_constants(self, temperature=None, descriptors=None):
        """(kf, kr): forward and reverse rate constants of every step (s^-1)
        at ``temperature`` (K; None: the model's) and, for a CatMAP model, at
        ``descriptors`` ({name: eV}; None: the model's own point)."""
        return _core._model_rate_constants(self._capsule, temperature, self._descriptor_values("rate_constants",
                                                                                               descriptors))

    def _descriptor_values(self, fn, descriptors):
        """{name: eV} as the C order's array (None stays None); every descriptor must be given."""
        if descriptors is None:
            return None
        names = [x[0] for x in self._descriptors]
        _mapping(fn, "descriptors", descriptors, "{name: eV}")
        if set(descriptors) - set(names) or len(descriptors) != len(names):
            raise _core.Error(f"{fn}: descriptors {sorted(descriptors)}: the model's are {names} (give each)",
                              TG_ERR_ARG)
        return np.array([_number(fn, f"descriptor {n}", descriptors[n]) for n in names])

    def _analyses(self, fn, analyses):
        """The names asked for, as tg_analysis bits (xrc is an option of its own)."""
        if analyses is None:
            return 0
        if isinstance(analyses, str):
            raise _core.ArgumentTypeError(f"{fn}: analyses must be a list of names, not the string {analyses!r}")
        if not isinstance(analyses, (list, tuple, set, frozenset)) or not all(isinstance(a, str) for a in analyses):
            raise _core.ArgumentTypeError(f"{fn}: analyses must be a list of names, not {analyses!r}")
        bits = ANALYSES
        which = 0
        for name in analyses:
            if name not in bits:
                raise _core.Error(f"{fn}: unknown analysis {name!r}; the analyses are {sorted(bits)}", TG_ERR_ARG)
            which |= bits[name]
        needs_product = {"orders", "eapp", "rate_control", "xrc"} & set(analyses)
        if needs_product and not self.info["product"]:
            raise _core.Error(f"{fn}: {sorted(needs_product)} are of the product's TOF, and {self.name} names no "
                              "product (the model file's product:)", TG_ERR_ARG)
        return which

    def _pressures(self, pressures, fn="solve"):
        p = self.info["pressures"].copy()
        if pressures is None:
            return p
        for gas, value in _mapping(fn, "pressures", pressures, "{gas: value}").items():
            if gas not in self.info["gases"]:
                raise _core.Error(f"{fn}: unknown gas {gas!r}; the model's gases are {self.info['gases']}")
            p[self.info["gases"].index(gas)] = _number(fn, f"the pressure of {gas}", value)
        return p

    def steady_states(self, pressures=None, temperature=None, descriptors=None):
        """Every distinct steady state not found unstable, from the clean
        surface (first: SCAKS's answer) and from each adsorbate covering its
        sites (``descriptors``: as for :meth:`solve`). ``stable`` is True, or
        None where an eigenvalue is within roundoff of 0 (docs/model-format.md)."""
        raws = _core._model_steady_states(self._capsule, temperature, self._pressures(pressures, "steady_states"),
                                          self._descriptor_values("steady_states", descriptors))
        return [Solution(self, raw) for raw in raws]

    def solve(self, pressures=None, temperature=None, *, t_end=None, t_max=None, tolerance=None,
              max_iterations=None, xrc=False, initial=None, k_scale=None, descriptors=None, analyses=None):
        """The steady state SCAKS reports at these conditions.

        ``pressures``: {gas: pressure} overriding the model's (pressure unit as
        SCAKS: 1 = 101325 Pa); ``temperature`` in K. ``None`` (the default)
        means the model's value, for the temperature and the solver settings
        ``t_end``, ``t_max``, ``tolerance``, ``max_iterations``; an absent
        ``t_max`` follows a larger ``t_end``. Bad values (0, negative, NaN,
        infinite) raise tofgrid.Error naming the argument, and values of the
        wrong type (a str, a bool, a list where a mapping is asked for)
        tofgrid.ArgumentTypeError; a point without a
        steady state returns a Solution with ``converged`` False, a message
        and NaN results. ``xrc=True`` adds the degree of rate control;
        ``initial`` ({adsorbate: coverage}) replaces the clean surface;
        ``k_scale`` (one factor per step) multiplies k_f and k_r alike.
        ``descriptors`` ({name: eV}) places a CatMAP model's point (None: the
        model's own values; every descriptor must be given).
        ``analyses``: any of "xrc", "rate_control", "selectivity_control",
        "orders", "eapp", "selectivity" (docs/analyses.md); the solution's
        attributes of those names. Those of "the TOF" (orders, eapp,
        rate_control) need the model's product.
        """
        p = self._pressures(pressures)
        init = None
        if initial is not None:
            init = np.zeros(len(self.info["adsorbates"]))
            for name, value in _mapping("solve", "initial", initial, "{adsorbate: coverage}").items():
                if name not in self.info["adsorbates"]:
                    raise _core.Error(f"solve: unknown adsorbate {name!r}; the model's are {self.info['adsorbates']}")
                init[self.info["adsorbates"].index(name)] = _number("solve", f"the initial coverage of {name}", value)
        d = self._descriptor_values("solve", descriptors)
        which = self._analyses("solve", analyses)
        xrc = xrc or (analyses is not None and "xrc" in analyses)
        raw = _core._model_solve(self._capsule, temperature, p, t_end, t_max, tolerance, max_iterations,
                                 int(bool(xrc)), init, k_scale, d, which)  # k_scale: converted and checked in C
        return Solution(self, raw)

    def __repr__(self):
        return f"<tofgrid.Model {self.name!r}: {len(self.info['adsorbates'])} adsorbates, {self.info['steps']} steps>"


_GENERATED = "<generated from SCAKS files>"
_CONVERTED = "<converted from CatMAP files>"


def _scaks_error(text, status, setup, sources):
    """The reader's message about the generated text, told as the user's
    setup file and entry ("line N[, column C]" of the text -> its source)."""
    prefix = _GENERATED + ": "
    if text.startswith(prefix):
        def source(m):
            n = int(m.group(1))
            return sources[n - 1] if 1 <= n <= len(sources) else m.group(0)

        text = f"{setup}: " + re.sub(r"\bline (\d+)(?:, column \d+)?", source, text[len(prefix):])
    e = _core.Error(text)
    e.status = status
    return e


def scaks_to_yaml(setup, energies, product=None):
    """SCAKS setup + relative energies -> (tofgrid's YAML text, the source of each line): one entry
    per line, so an error at a line of the text is told as the user's entry."""
    model = scaks_to_model(setup, energies, product)
    lines, sources = [], []

    def line(text, source):
        lines.append(text)
        sources.append(source)

    for key in ("name", "temperature", "rate_algo", "unitcell_area", "active_ratio", "product"):
        if key in model:
            line(f"{key}: {json.dumps(model[key])}", "product" if key == "product" else key)
    line("species:", "species_definitions")
    for name, props in model["species"].items():
        line(f"  {json.dumps(name)}: {json.dumps(props)}", f"species_definitions[{name!r}]")
    line("reactions:", "rxn_expressions")
    for i, r in enumerate(model["reactions"]):
        line(f"  - {json.dumps(r)}", f"rxn_expressions[{i}] {r['reaction']!r} (Ga[{i}], dG[{i}] in {energies})")
    return "\n".join(lines) + "\n", sources


def scaks_to_model(setup, energies, product=None):
    """SCAKS setup (model.py) + relative energies (rel_energy.py) -> tofgrid's model as a dict."""
    ns = runpy.run_path(os.fspath(setup))
    en = runpy.run_path(os.fspath(energies))
    parser = ns.get("parser", "RelativeEnergyParser")
    if parser != "RelativeEnergyParser":
        raise _core.Error(f"from_scaks: {setup}: parser {parser!r} is not supported (only RelativeEnergyParser)")
    steps = ns.get("rxn_expressions")
    if not steps:
        raise _core.Error(f"from_scaks: {setup} has no rxn_expressions")
    ga, dg = en.get("Ga"), en.get("dG")
    if ga is None or dg is None or len(ga) != len(steps) or len(dg) != len(steps):
        raise _core.Error(f"from_scaks: {energies} must define Ga and dG with one value per reaction ({len(steps)})")
    species = {}
    for name, d in ns.get("species_definitions", {}).items():
        if d.get("type") == "site":
            species[name] = {"total": float(d.get("total", 1.0)), "site_name": str(d.get("site_name", ""))}
        elif "pressure" in d:
            species[name] = {"pressure": float(d["pressure"])}
    model = {
        "name": os.path.basename(os.path.dirname(os.path.abspath(setup))) or "SCAKS model",
        "temperature": float(ns.get("temperature", 298.0)),
        "rate_algo": ns.get("rate_algo", "TST"),
        "species": species,
        "reactions": [{"reaction": r, "Ga": float(a), "dG": float(g)} for r, a, g in zip(steps, ga, dg)],
    }
    for key in ("unitcell_area", "active_ratio"):
        if key in ns:
            model[key] = float(ns[key])
    product = product or ns.get("product_name")
    if product:
        model["product"] = product
    for value in (v for d in species.values() for v in d.values() if isinstance(v, float)):
        if not math.isfinite(value):
            raise _core.Error(f"from_scaks: {setup}: a pressure or site total is not finite")
    return model
