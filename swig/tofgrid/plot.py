"""Figures of a TOF map, for a paper.

    python -m tofgrid.plot MAP.h5 [-o FIGURE.pdf] [--quantity tof:CO2_g] [--cmap NAME] [--levels N]
                                  [--size 6.4,5] [--dpi 150] [--no-surfaces]

MAP is a map file of tofgrid (HDF5 from ``tof_grid(..., path=)`` or the
``tofgrid`` command, or its CSV). The quantity: ``tof`` (the product's; the
default), ``tof:GAS``, ``coverage:SPECIES``, ``orders:GAS``, ``eapp``,
``rate_control:SPECIES``, ``selectivity:GAS``, ``selectivity_control:SPECIES:GAS``
or ``xrc:STEP`` (1-based), as the map holds them. TOFs are drawn as
log10 |TOF| with the line where the net TOF changes sign and its negative side
hatched (a negative net TOF is physics, not missing data); points without a
steady state are grey and counted under the title. Axes spaced in log10 are
drawn in log10; units are the file's (SCAKS models: 1 = 101325 Pa; CatMAP
models: bar). A map over two descriptors shows the surfaces of the model's
energy table at their descriptor values, labelled, as volcano figures do. A
1-D map is a line. The figure's format follows its name (.png, .pdf, .svg).
Needs matplotlib (pip install matplotlib); HDF5 needs h5py.
"""
import argparse
import os
import sys

import numpy as np

FAILED = 2  # tg_steady_status TG_STEADY_FAILED


class MapData:
    """What a figure needs from a map file: axes (name, values, unit),
    named quantities as (nx, ny) arrays, status, and what the file says."""

    def __init__(self, title, x, y, quantities, status, conditions, surfaces, product, pressure_unit):
        self.title, self.x, self.y, self.quantities, self.status = title, x, y, quantities, status
        self.conditions, self.surfaces, self.product, self.pressure_unit = conditions, surfaces, product, pressure_unit


def _text(v):
    return v.decode() if isinstance(v, bytes) else str(v)


def read_h5(path):
    """A map file in HDF5 (via tofgrid.load_map, which needs h5py)."""
    import h5py

    from .grid import load_map
    g = load_map(path)
    with h5py.File(path, "r") as f:
        units = {k: _text(f[k].attrs["units"]) for k in ("x", "y") if k in f}
        pressure_unit = _text(f.attrs.get("pressure_unit", "bar"))
    q = {f"tof:{gas}": v for gas, v in g.tofs.items()}
    q.update({f"coverage:{s}": v for s, v in g.coverages.items()})
    for name in ("orders", "rate_control", "selectivity"):
        for key, v in (getattr(g, name) or {}).items():
            q[f"{name}:{key}"] = v
    for sp, by_gas in (g.selectivity_control or {}).items():
        for gas, v in by_gas.items():
            q[f"selectivity_control:{sp}:{gas}"] = v
    if g.eapp is not None:
        q["eapp"] = g.eapp
    if g.xrc is not None:
        for k in range(g.xrc.shape[2]):
            q[f"xrc:{k + 1}"] = g.xrc[:, :, k]
    info = g.model.info
    descriptors = [d[0] for d in g.model._descriptors]
    surfaces = {name: dict(zip(descriptors, values)) for name, values in info["surfaces"].items()}
    y = (g.y[0], g.y[1], units.get("y", "")) if g.y is not None else None
    return MapData(g.model.name, (g.x[0], g.x[1], units.get("x", "")), y, q, g.status, g.conditions, surfaces,
                   info["product"], pressure_unit)


def read_csv(path):
    """A map file in CSV: its comment lines (model, conditions, units), a
    header, one line per point in map order (x outer)."""
    title, conditions, units, product = path, None, {}, None
    with open(path) as f:
        line = f.readline()
        while line.startswith("#"):
            body = line[1:].strip()
            if body.startswith("tofgrid") and ":" in body:
                title = body.split(":", 1)[1].strip()
            elif body.startswith("product:"):
                product = body.split(":", 1)[1].strip()
                product = None if product == "none" else product
            elif body.startswith("conditions:"):
                conditions = body.split(":", 1)[1].strip()
            elif body.startswith("units:"):
                first = body.split(":", 1)[1].split(";")[0]  # "X in U, Y in U"
                for part in first.split(", "):
                    if " in " in part:
                        name, unit = part.strip().split(" in ", 1)
                        units[name] = unit
            line = f.readline()
        header = line.strip().split(",")
        data = np.loadtxt(f, delimiter=",", ndmin=2)
    col = {h: data[:, k] for k, h in enumerate(header)}
    xname, yname = header[0], header[1]
    xs = col[xname]
    ny = int(np.sum(xs == xs[0])) if yname != "-" else 1
    nx = len(xs) // ny
    shape = (nx, ny)
    q = {}
    for h, v in col.items():
        v = v.reshape(shape)
        if h.startswith("TOF_"):
            q["tof:" + h[4:]] = v
        elif h.startswith("theta_"):
            q["coverage:" + h[6:]] = v
        elif "[" in h:  # as the Grid names them: of the product's TOF; selectivity control by species
            name, rest = h.split("[", 1)
            keys = rest.rstrip("]").split("][")
            if name in ("orders", "rate_control", "eapp"):
                if keys[0] == product:
                    q[":".join([name] + keys[1:])] = v
            elif name == "selectivity_control":
                q[f"{name}:{keys[1]}:{keys[0]}"] = v
            else:
                q[":".join([name] + keys)] = v
    x = (xname, xs.reshape(shape)[:, 0], units.get(xname, ""))
    y = (yname, col[yname].reshape(shape)[0, :], units.get(yname, "")) if yname != "-" else None
    pressure_unit = "bar" if "bar" in " ".join(units.values()) + (conditions or "") else "101325 Pa (SCAKS: 1 = 1 atm)"
    return MapData(title, x, y, q, col["status"].reshape(shape).astype(int), conditions, {}, product, pressure_unit)


def read_map(path):
    """A MapData from a .h5 (or, without h5py, the .csv beside it) or a .csv."""
    if path.endswith((".h5", ".hdf5")):
        try:
            import h5py  # noqa: F401
        except ImportError:
            csv = path.rsplit(".", 1)[0] + ".csv"
            if os.path.exists(csv):
                return read_csv(csv)
            raise SystemExit("tofgrid.plot: reading HDF5 needs h5py (pip install h5py)")
        return read_h5(path)
    return read_csv(path)


def _is_log(values):
    """Values spaced evenly in log10 (not linearly): draw that axis in log10."""
    v = np.asarray(values, dtype=float)
    if v.size < 3 or np.any(v <= 0):
        return False
    d = np.diff(np.log10(v))
    return bool(np.allclose(d, d[0], rtol=1e-6, atol=0)) and not np.allclose(np.diff(v), v[1] - v[0], rtol=1e-6, atol=0)


def _axis_label(axis, pressure_unit):
    name, _, unit = axis
    if name == "T":
        return "T (K)"
    if name.endswith("_g"):
        return f"p({name}) ({'bar' if pressure_unit == 'bar' else 'atm = 101325 Pa'})"
    if unit == "K":
        return f"{name} (K)"
    if unit.startswith("log10"):
        return f"{name} (log10 bar)"
    return f"E({name}) (eV)"


def _quantity(m, what):
    """(values (nx, ny), label, is_tof) of the quantity asked for."""
    if what in (None, "tof"):
        if not m.product:
            raise SystemExit("tofgrid.plot: the model names no product: choose --quantity tof:GAS")
        what = f"tof:{m.product}"
    if what not in m.quantities:
        known = sorted(m.quantities)
        raise SystemExit(f"tofgrid.plot: the map has no {what!r}; it has: {', '.join(known)}")
    kind, _, key = what.partition(":")
    labels = {
        "tof": f"log10 |TOF of {key}| (s$^{{-1}}$ per site)",
        "coverage": f"coverage of {key}",
        "orders": f"reaction order in {key}",
        "eapp": "apparent activation energy (eV)",
        "rate_control": f"degree of rate control of {key}",
        "selectivity": f"selectivity to {key}",
        "selectivity_control": "degree of selectivity control of {} on {}".format(*key.split(":")) if ":" in key
        else key,
        "xrc": f"degree of rate control of step {key}",
    }
    return m.quantities[what], labels.get(kind, what), kind == "tof"


def plot(path, output=None, quantity=None, cmap=None, levels=None, size=(6.4, 5.0), dpi=150, surfaces=True):
    """Draw the map in `path`; returns the figure's file name."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    m = read_map(path)
    z, label, is_tof = _quantity(m, quantity)
    failed = m.status == FAILED
    nfailed, total = int(failed.sum()), failed.size
    values = np.where(failed, np.nan, z)
    negative = is_tof and bool(np.any(values < 0))
    zero = is_tof & (values == 0)  # converged, TOF exactly 0: below any log scale
    if is_tof:
        with np.errstate(divide="ignore", invalid="ignore"):
            shown = np.log10(np.abs(values))
        shown[~np.isfinite(shown)] = np.nan
    else:
        shown = values
    fig, ax = plt.subplots(figsize=size, dpi=dpi)
    notes = []
    if m.y is None:  # a line
        xs = m.x[1]
        ax.plot(xs, shown[:, 0], marker="o", ms=3, color="C0")
        if negative:
            neg = values[:, 0] < 0
            ax.plot(xs[neg], shown[neg, 0], "v", color="C3", label="net TOF < 0 (|TOF| shown)")
            ax.legend(loc="best", fontsize="small")
        if nfailed:
            for xf in xs[failed[:, 0]]:
                ax.axvline(xf, color="0.8", lw=3, zorder=0)
        ax.set_xlabel(_axis_label(m.x, m.pressure_unit))
        ax.set_ylabel(label)
        if _is_log(xs):
            ax.set_xscale("log")
    else:
        xs, ys = m.x[1], m.y[1]
        finite = shown[np.isfinite(shown)]
        cmap = cmap or ("viridis" if is_tof or label.startswith(("coverage", "selectivity to", "apparent"))
                        else "RdBu_r")
        ax.set_facecolor("0.82")  # failed points: grey
        if finite.size:
            lo, hi = float(finite.min()), float(finite.max())
            if cmap == "RdBu_r":  # signed sensitivities: centred on 0
                hi = max(abs(lo), abs(hi), 1e-12)
                lo = -hi
            if levels is None and is_tof:  # whole decades, or halves for a narrow range
                step = 1.0 if hi - lo > 6 else 0.5 if hi - lo > 2 else 0.1
                bounds = np.arange(np.floor(lo / step) * step, np.ceil(hi / step) * step + step / 2, step)
            else:
                bounds = np.linspace(lo, hi if hi > lo else lo + 1e-12, (levels or 20) + 1)
            if bounds.size < 2:
                bounds = np.array([lo, lo + 1e-12])
            if np.any(zero):  # drawn in the colour below the scale, and said
                shown = np.where(zero, bounds[0] - 1, shown)
                notes.append(f"{int(zero.sum())} points with TOF = 0 (below the scale)")
            filled = ax.contourf(xs, ys, shown.T, levels=bounds, cmap=cmap, extend="min" if np.any(zero) else "neither")
            fig.colorbar(filled, ax=ax, label=label)
        if negative:
            sign = np.where(np.isnan(values), np.nan, np.sign(values))
            with plt.rc_context({"hatch.color": "0.15", "hatch.linewidth": 0.6}):
                ax.contourf(xs, ys, np.where(sign < 0, 1.0, np.nan).T, levels=[0.5, 1.5], colors=[(0, 0, 0, 0)],
                            hatches=["///"])
            ax.contour(xs, ys, np.nan_to_num(sign, nan=0.0).T, levels=[0], colors="k", linewidths=1.0,
                       linestyles="--")
            notes.append("hatched: net TOF < 0 (dashed: sign change)")
        if surfaces and m.surfaces and m.x[0] in next(iter(m.surfaces.values())) and \
                m.y[0] in next(iter(m.surfaces.values())):
            for name, d in m.surfaces.items():
                px, py = d[m.x[0]], d[m.y[0]]
                if min(xs) <= px <= max(xs) and min(ys) <= py <= max(ys):
                    ax.plot(px, py, "o", ms=4, mfc="white", mec="k")
                    ax.annotate(name, (px, py), xytext=(4, 3), textcoords="offset points", fontsize=8)
        ax.set_xlabel(_axis_label(m.x, m.pressure_unit))
        ax.set_ylabel(_axis_label(m.y, m.pressure_unit))
        if _is_log(xs):
            ax.set_xscale("log")
        if _is_log(ys):
            ax.set_yscale("log")
        if nfailed:
            ax.legend(handles=[Patch(color="0.82", label="no steady state")], loc="upper right", fontsize="small")
    caption = f"{nfailed} of {total} points without a steady state (grey)" if nfailed else f"all {total} points converged"
    ax.set_title(m.title + "\n" + "; ".join([caption] + notes), fontsize=10)
    if m.conditions:  # the file's exact numbers, shortened for reading
        import re
        import textwrap
        short = re.sub(r"-?\d+\.\d{5,}(e[-+]?\d+)?", lambda v: f"{float(v.group()):.4g}", m.conditions)
        fig.text(0.01, 0.005, "\n".join(textwrap.wrap(short, 130)), fontsize=7, color="0.3", ha="left", va="bottom")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    out = output or path.rsplit(".", 1)[0] + ".png"
    fig.savefig(out)
    plt.close(fig)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m tofgrid.plot", description=__doc__.split("\n\n")[1])
    ap.add_argument("map", help="a map file of tofgrid: PREFIX.h5 or PREFIX.csv")
    ap.add_argument("-o", "--output", help="the figure (.png, .pdf, .svg; default: the map's name with .png)")
    ap.add_argument("--quantity", help="what to draw (default: tof, the product's TOF)")
    ap.add_argument("--gas", help="short for --quantity tof:GAS")
    ap.add_argument("--cmap", help="a matplotlib colour map (default: viridis; RdBu_r for signed sensitivities)")
    ap.add_argument("--levels", type=int, help="colour levels (default: whole decades of TOF, else 20)")
    ap.add_argument("--size", default="6.4,5.0", help="width,height in inches (default 6.4,5.0)")
    ap.add_argument("--dpi", type=int, default=150)
    ap.add_argument("--no-surfaces", action="store_true", help="do not mark the energy table's surfaces")
    a = ap.parse_args(argv)
    try:
        size = tuple(float(v) for v in a.size.split(","))
        if len(size) != 2 or min(size) <= 0:
            raise ValueError
    except ValueError:
        sys.exit(f"tofgrid.plot: --size {a.size}: give WIDTH,HEIGHT in inches")
    quantity = f"tof:{a.gas}" if a.gas else a.quantity
    try:
        print(f"wrote {plot(a.map, a.output, quantity, a.cmap, a.levels, size, a.dpi, not a.no_surfaces)}")
    except ImportError as e:
        sys.exit(f"tofgrid.plot: {e.name or e} is not installed: python3 -m pip install matplotlib h5py")
    except OSError as e:
        sys.exit(f"tofgrid.plot: {e}")


if __name__ == "__main__":
    main()
