"""CatMAP's inputs, unchanged, as tofgrid models.

A CatMAP setup file (``*.mkm``) is Python: like CatMAP, this executes it,
with CatMAP's defaults for what it does not set, then reads the energy
table its ``input_file`` names (relative to the setup file) as CatMAP's
TableParser does. The result is tofgrid's YAML model format
(docs/model-format.md, "CatMAP models"), which the C kernel reads: the
energy table and the scaling constraints go into the file, and the kernel
fits the scaling relations exactly as CatMAP does. Only what CatMAP's
mean-field model without interactions uses is supported; anything else is
refused with the name of the setting.
"""

import ast
import json
import os
import re

# CatMAP's defaults for the settings read here (ReactionModel, scalers,
# ThermoCorrections), applied when the setup file does not set them.
_DEFAULTS = {
    "gas_thermo_mode": "ideal_gas",
    "adsorbate_thermo_mode": "harmonic_adsorbate",
    "scaling_constraint_dict": {},
    "default_constraints": None,
    "transition_state_scaling_mode": "initial_state",
    "transition_state_scaling_parameters": {},
    "prefactor_list": None,
    "resolution": 15,
    "estimate_frequencies": 1,
    "frequency_surface_names": [],
    "descriptors": None,
    "adsorbate_interaction_model": "ideal",
    "thermodynamic_corrections": ["gas", "adsorbate"],
}
_UNSUPPORTED = ("voltage", "beta", "interaction_strength", "interaction_response_function",
                "cross_interaction_mode", "electrochemical_thermo_mode")
_STATES = re.compile(r"([^<>]*)(?:<?->)(?:([^<>]*)(?:<?->))?([^<>]*)")
_TOKEN = re.compile(r"(\d*)((?:[^_*+<>]+|\*))(?:(?:\*?_(\w+))?|\*)")


class CatmapError(ValueError):
    """A CatMAP input tofgrid cannot read: the message names the file and setting."""


def _fail(path, text):
    raise CatmapError(f"{path}: {text}")


def read_setup(path):
    """The setup file's variables (CatMAP's defaults for the rest)."""
    path = os.fspath(path)
    with open(path, encoding="utf-8") as f:
        source = f.read()
    env = dict(_DEFAULTS)
    env["__file__"] = path
    try:
        exec(compile(source, path, "exec"), {}, env)  # as CatMAP's ReactionModel.load does
    except Exception as e:
        _fail(path, f"executing the setup file failed: {type(e).__name__}: {e}")
    for key in _UNSUPPORTED:
        if env.get(key) not in (None, [], {}):
            _fail(path, f"{key} is set: electrochemistry and adsorbate interactions are not supported")
    # Settings that change CatMAP's results but that tofgrid does not apply:
    # refused by name rather than ignored.
    refused = {"scaler": ("GeneralizedLinearScaler", "ThermodynamicScaler", None), "thermodynamic_corrections": (["gas", "adsorbate"],),
               "ideal_gas_params": (None,), "avoid_scaling": (None, False), "descriptor_values": (None,),
               "pressure_mode": (None, "static"), "atoms_dict": (None,), "hindered_ads_params": (None,),
               "frequency_surface_names": ([],), "estimate_frequencies": (1,)}
    for key, defaults in refused.items():
        if key in env and env[key] not in defaults:
            _fail(path, f"{key} = {env[key]!r} is not supported by tofgrid (its results would differ from CatMAP's)")
    for key, d in (env.get("species_definitions") or {}).items():
        if isinstance(d, dict) and d.get("n_sites", 1) != 1:
            _fail(path, f"species_definitions[{key!r}]: n_sites = {d['n_sites']!r} is not supported")
    for i, expr in enumerate(env.get("rxn_expressions") or []):
        if isinstance(expr, str) and "beta" in expr.partition(";")[2]:
            _fail(path, f"rxn_expressions[{i}]: the beta option (electrochemistry) is not supported")
    if env.get("adsorbate_interaction_model") not in (None, "ideal"):
        _fail(path, "adsorbate_interaction_model: only the ideal mean field (no interactions) is supported")
    thermodynamic = env.get("scaler") == "ThermodynamicScaler"
    for key in ("rxn_expressions", "species_definitions", "descriptor_names", "input_file", "surface_names") + \
            (() if thermodynamic and "temperature" in env.get("descriptor_names", []) else ("temperature",)):
        if key not in env:
            _fail(path, f"{key} is not set")
    return env


def _species_key(name, site):
    if name == "*":
        return "*_" + site
    return f"{name}_{site}"


def parse_reaction(expr, path, i):
    """A CatMAP expression as (states, options): states are lists of
    (count, key) with keys as tofgrid writes them (CO_s, *_s, CO2_g)."""
    text, _, opts = expr.partition(";")
    options = {}
    for item in filter(None, opts.replace(" ", "").split(",")):
        key, _, value = item.partition("=")
        options[key] = value
    m = _STATES.fullmatch(text)
    if not m:
        _fail(path, f"rxn_expressions[{i}] {expr!r}: not 'A -> B' or 'A <-> T -> B'")
    parts = [m.group(1), m.group(2), m.group(3)]
    states = []
    for part in parts:
        if part is None:
            states.append(None)
            continue
        tokens = [t for t in re.split(r"\s*\+\s*|\s+", part.strip()) if t]
        state = []
        for t in tokens:
            tm = _TOKEN.match(t)  # anchored at the start only, as CatMAP's ("CO*": CO on site s)
            if not tm or t[tm.end():] not in ("", "*"):
                _fail(path, f"rxn_expressions[{i}] {expr!r}: cannot read {t!r}")
            count = int(tm.group(1)) if tm.group(1) else 1
            state.append((count, _species_key(tm.group(2), tm.group(3) or "s")))
        states.append(state)
    return states, options


def _text(state):
    return " + ".join((f"{n}" if n > 1 else "") + key for n, key in state)


def _number(x):
    return json.dumps(float(x))


def read_table(path):
    """energies.txt as CatMAP's TableParser reads it: rows of dicts."""
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f.read().splitlines() if line.strip()]
    if not lines:
        _fail(path, "the energy table is empty")
    headers = [h.strip() for h in lines[0].split("\t")]
    for need in ("species_name", "surface_name", "site_name", "formation_energy", "frequencies"):
        if need not in headers:
            _fail(path, f"the energy table has no {need} column")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        fields = line.split("\t", len(headers) - 1)
        if len(fields) < len(headers):
            continue
        row = dict(zip(headers, (x.strip() for x in fields)))
        row["line"] = n
        rows.append(row)
    return rows


def _frequencies(value, path, row):
    try:
        freqs = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        _fail(path, f"line {row['line']}: frequencies {value!r} is not a list")
    return [float(x) for x in freqs]


def setup_to_model(setup):
    """The model (a dict in tofgrid's YAML layout) of a CatMAP setup file."""
    setup = os.fspath(setup)
    env = read_setup(setup)
    table_path = os.path.join(os.path.dirname(os.path.abspath(setup)), env["input_file"])
    if not os.path.exists(table_path):
        _fail(setup, f"input_file {env['input_file']!r}: no such file {table_path}")
    rows = read_table(table_path)
    definitions = env["species_definitions"]
    sites = {}
    for key, d in definitions.items():
        if isinstance(d, dict) and "site_names" in d:
            sites[key[2:] if key.startswith("*_") else key] = d

    reactions, ads, ts, gases = [], [], [], []
    prefactors = env["prefactor_list"]
    consumed, formed = set(), set()
    for i, expr in enumerate(env["rxn_expressions"]):
        states, options = parse_reaction(expr, setup, i)
        consumed.update(key for _, key in states[0] if key.endswith("_g"))
        formed.update(key for _, key in states[2] if key.endswith("_g"))
        entry = {"reaction": _text(states[0]) + (" <-> " + _text(states[1]) + " -> " if states[1] else " -> ")
                 + _text(states[2])}
        pref = options.get("prefactor")
        if pref is None and prefactors is not None and i < len(prefactors):
            pref = prefactors[i]
        if isinstance(pref, dict):  # CatMAP's collision-rate prefactor of a non-activated step
            if pref.get("type") != "non-activated" or "A_site" not in pref:
                _fail(setup, f"rxn_expressions[{i}]: prefactor {pref!r}: only numbers, kB*T/h and "
                             "{'type': 'non-activated', 'A_site': A} are supported")
            entry["prefactor"] = {"non_activated": float(pref["A_site"])}
            pref = None
        if pref not in (None, "None", "kB*T/h"):
            try:
                entry["prefactor"] = float(pref)
            except ValueError:
                _fail(setup, f"rxn_expressions[{i}]: prefactor {pref!r} is not a number")
        reactions.append(entry)
        for k, state in enumerate(states):
            for _, key in state or []:
                kind = "gas" if key.endswith("_g") else "site" if key.startswith("*_") else \
                       "ts" if k == 1 else "ads"
                target = {"gas": gases, "ts": ts, "ads": ads}.get(kind)
                if target is not None and key not in target:
                    target.append(key)
    ts = [x for x in ts if x not in ads and x not in gases]

    thermodynamic = env.get("scaler") == "ThermodynamicScaler"  # T and log10 p are the descriptors
    species = {}
    for g in sorted(gases):
        d = definitions.get(g, {})
        if thermodynamic and "logPressure" in env["descriptor_names"]:
            if "concentration" not in d:
                _fail(setup, f"species_definitions[{g!r}] has no concentration (its share of 10^logPressure)")
            species[g] = {"concentration": float(d["concentration"])}
            continue
        if "pressure" not in d:
            _fail(setup, f"species_definitions[{g!r}] has no pressure")
        species[g] = {"pressure": float(d["pressure"])}
    for site, d in sorted(sites.items()):
        species["*_" + site] = {"total": float(d.get("total", 1))}

    # The energy table, as CatMAP's parser picks its rows.
    surfaces = list(env["surface_names"])

    def names_of(key):
        name = key.rsplit("_", 1)[0]
        return {name} | set(definitions.get(key, {}).get("alternative_names", []))

    def site_names(key):
        site = key.rsplit("_", 1)[1]
        if site not in sites:
            _fail(setup, f"{key}: site {site!r} has no species_definitions entry with site_names")
        return set(sites[site]["site_names"])

    energies = {}
    for key in ads + ts:
        found, coverage = {}, {}
        for row in rows:
            if row["species_name"] in names_of(key) and row["site_name"] in site_names(key) \
                    and row["surface_name"] in surfaces:
                s = row["surface_name"]
                cov = row.get("coverage")
                if cov is not None and s in coverage and not cov < coverage[s]:
                    continue
                found[s] = float(row["formation_energy"])
                coverage[s] = cov
        energies[key] = [found.get(s) for s in surfaces]
    for g in gases:
        match = [r for r in rows if r["species_name"] in names_of(g) and r["surface_name"] == "None"
                 and r["site_name"] == "gas"]
        if not match:
            _fail(table_path, f"no formation energy for gas {g} (a row with surface None and site gas)")
        species[g]["energy"] = float(match[-1]["formation_energy"])

    # Frequencies (cm^-1), averaged over matching rows as CatMAP does.
    def freqs_of(key):
        if key.endswith("_g"):
            match = [r for r in rows if r["species_name"] in names_of(key) and r["surface_name"] == "None"
                     and r["site_name"] == "gas"]
        else:
            fs = env["frequency_surface_names"]
            match = [r for r in rows if r["species_name"] in names_of(key) and r["site_name"] in site_names(key)
                     and (not fs or r["surface_name"] in fs)]
            if not match and env["estimate_frequencies"] >= 1:
                match = [r for r in rows if r["species_name"] in names_of(key) and r["site_name"] != "gas"]
        lists = [f for f in (_frequencies(r["frequencies"], table_path, r) for r in match) if f]
        if not lists:
            return []
        if any(len(f) != len(lists[0]) for f in lists):
            _fail(table_path, f"{key}: its frequency lists differ in length; CatMAP averages them element-wise")
        return [sum(col) / len(col) for col in zip(*lists)]

    for key in list(gases) + ads + ts:
        f = freqs_of(key)
        if f:
            species.setdefault(key, {})["frequencies"] = f
    # The setup file's own thermochemical data, per gas (CatMAP's dictionaries).
    if env.get("shomate_params"):  # {'CO_g:298-1300': [A..H]} replaces CatMAP's table
        for g in gases:
            rows = [[float(t) for t in k.split(":")[1].split("-")] + [float(x) for x in v]
                    for k, v in env["shomate_params"].items() if k.split(":")[0] == g]
            if rows:
                species[g]["shomate"] = rows
    if env.get("fixed_entropy_dict"):
        fe = env["fixed_entropy_dict"]
        for g in gases:
            if g in fe or "other" in fe:
                species[g]["fixed_entropy"] = float(fe.get(g, fe.get("other")))

    # Scaling relations: CatMAP's constraint dictionary, keys without a site get _s.
    nd = len(env["descriptor_names"])
    constraints = {}
    for key, value in env["scaling_constraint_dict"].items():
        constraints[key if "_" in key else key + "_s"] = value
    default = env["default_constraints"] or ["+"] * nd + [None]
    relations = {}
    for key in ads:
        c = constraints.get(key, default)
        if not isinstance(c, (list, tuple)):
            c = default
        relations[key] = [None if v is None else v if isinstance(v, str) else float(v) for v in c]
    params = env["transition_state_scaling_parameters"]
    for key in ts:
        c = constraints.get(key, env["transition_state_scaling_mode"])
        if isinstance(c, (list, tuple)):
            relations[key] = [None if v is None else v if isinstance(v, str) else float(v) for v in c]
            continue
        m = re.fullmatch(r"(TS|initial_state|final_state|BEP|descriptors)(\(([^)]*)\))?(:(.*))?", str(c))
        if not m or m.group(1) == "descriptors":
            _fail(setup, f"scaling_constraint_dict[{key!r}] = {c!r}: not a supported transition-state mode")
        rel = {"mode": m.group(1)}
        if m.group(3):
            rel["species"] = [s if "_" in s else s + "_s" for s in m.group(3).split("+")]
        if m.group(5):
            p = m.group(5)
            values = params[p] if p in params else ast.literal_eval(p)
            values = list(values) if isinstance(values, (list, tuple)) else [values]
            rel["slope"] = float(values[0])
            if len(values) > 1:
                rel["intercept"] = float(values[1])
        relations[key] = rel

    if thermodynamic:  # CatMAP's ThermodynamicScaler: the one surface's energies, as they are
        if len(surfaces) != 1:
            _fail(setup, f"ThermodynamicScaler: surface_names must name one surface, not {surfaces}")
        relations = {}
        for key in ads + ts:
            if energies[key][0] is None:
                _fail(table_path, f"{key}: no formation energy on {surfaces[0]}")
            relations[key] = {"coefficients": [0.0] * nd + [energies[key][0]]}
    temperature = env.get("temperature")
    if temperature is None:  # nominal: every point's temperature is its descriptor's
        temperature = env["descriptor_ranges"][list(env["descriptor_names"]).index("temperature")][0]
    model = {
        "name": os.path.splitext(os.path.basename(setup))[0] + " (CatMAP)",
        "temperature": float(temperature),
        "species": species,
        "reactions": reactions,
        "descriptors": {"names": list(env["descriptor_names"])},
        "thermochemistry": {"gas": env["gas_thermo_mode"], "adsorbate": env["adsorbate_thermo_mode"]},
        "scaling": {"surfaces": surfaces, "energies": energies, "relations": relations},
    }
    ranges = env.get("descriptor_ranges")
    if ranges is not None:
        model["descriptors"]["ranges"] = [[float(a), float(b)] for a, b in ranges]
        res = env["resolution"]
        res = list(res) if isinstance(res, (list, tuple)) else [res]
        if any(isinstance(r, bool) or float(r) != int(r) for r in res):
            _fail(setup, f"resolution = {env['resolution']!r}: whole numbers of points")
        model["descriptors"]["resolution"] = [int(r) for r in res] if len(res) > 1 else int(res[0])
    # CatMAP names no product; tofgrid's (Solution.tof, the analyses of "the TOF") is the one gas
    # that only forms, when there is one
    only_formed = sorted(formed - consumed)
    if len(only_formed) == 1:
        model["product"] = only_formed[0]
    point = env.get("descriptors")
    if point is None and ranges is not None and all(a == b for a, b in ranges):
        point = [a for a, _ in ranges]  # a single-point run (CatMAP's golden test)
    if point is not None:
        model["descriptors"]["values"] = [float(x) for x in point]
    return model


def to_yaml(model):
    """The model as YAML text (JSON flow values: exact floats, quoted names)."""
    out = [f"# generated by tofgrid from CatMAP inputs (python3 -m tofgrid.convert)",
           f"name: {json.dumps(model['name'])}", f"temperature: {_number(model['temperature'])}"]
    if "product" in model:
        out.append(f"product: {json.dumps(model['product'])}")
    out.append("species:")
    for key, props in model["species"].items():
        out.append(f"  {json.dumps(key)}: {json.dumps(props)}")
    out.append("reactions:")
    for r in model["reactions"]:
        out.append(f"  - {json.dumps(r)}")
    out.append(f"descriptors: {json.dumps(model['descriptors'])}")
    out.append(f"thermochemistry: {json.dumps(model['thermochemistry'])}")
    sc = model["scaling"]
    out.append("scaling:")
    out.append(f"  surfaces: {json.dumps(sc['surfaces'])}")
    out.append("  energies:")
    for key, values in sc["energies"].items():
        out.append(f"    {json.dumps(key)}: {json.dumps(values)}")
    out.append("  relations:")
    for key, rel in sc["relations"].items():
        out.append(f"    {json.dumps(key)}: {json.dumps(rel)}")
    return "\n".join(out) + "\n"


def convert(setup):
    """YAML text of a CatMAP setup file."""
    try:
        return to_yaml(setup_to_model(setup))
    except CatmapError:
        raise
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, SyntaxError) as e:
        # a setting of an unexpected form: say which file, and what Python saw
        raise CatmapError(f"{os.fspath(setup)}: a setting or table entry of an unexpected form "
                          f"({type(e).__name__}: {e})") from None
