"""Figures of a TOF map, for a paper.

    python -m tofgrid.plot MAP.h5 [-o FIGURE.pdf] [--quantity tof:CO2_g] [--cmap NAME] [--levels N]
                                  [--vmin V] [--vmax V] [--size 6.4,5] [--dpi 150] [--no-surfaces]

MAP is a map file of tofgrid (HDF5 from ``tof_grid(..., path=)`` or the
``tofgrid`` command, or its CSV). The quantity: ``tof`` (the product's; the
default), ``tof:GAS``, ``coverage:SPECIES``, ``orders:GAS``, ``eapp``,
``rate_control:SPECIES``, ``selectivity:GAS``, ``selectivity_control:SPECIES:GAS``
or ``xrc:STEP`` (1-based), as the map holds them. TOFs are drawn as
log10 |TOF| with the line where the net TOF changes sign and its negative side
hatched (a negative net TOF is physics, not missing data); points without a
steady state are grey and counted under the title, points where the quantity
has no value (an order where the TOF is 0) dotted white. The colour scale of
a TOF spans at most 40 decades below its largest value unless --vmin says
otherwise. Axes spaced in log10 are
drawn in log10; units are the file's (SCAKS models: 1 = 101325 Pa; CatMAP
models: bar). A map over two descriptors shows the surfaces of the model's
energy table at their descriptor values, labelled, as volcano figures do. A
1-D map (or a map one point wide) is a line. The figure's format follows its name (.png, .pdf, .svg).
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
    ny = _inner_count(xs, col[yname]) if yname != "-" else 1
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


def _inner_count(xs, ys):
    """Points per row of a CSV map (rows in map order, x outer): the least p such that x is
    constant within blocks of p rows and y repeats every p rows (axes may repeat a value)."""
    n = len(xs)
    for p in range(1, n + 1):
        if n % p == 0:
            xb, yb = xs.reshape(n // p, p), ys.reshape(n // p, p)
            if (xb == xb[:, :1]).all() and (yb == yb[:1, :]).all():
                return p
    return n


def read_map(path):
    """A MapData from a .h5 (or, without h5py, the .csv beside it) or a .csv."""
    if not os.path.exists(path):
        raise SystemExit(f"tofgrid.plot: no such file: {path}")
    if path.endswith((".h5", ".hdf5")):
        try:
            import h5py  # noqa: F401
        except ImportError:
            csv = path.rsplit(".", 1)[0] + ".csv"
            if os.path.exists(csv):
                return read_csv(csv)
            raise SystemExit(f"tofgrid.plot: reading HDF5 needs h5py: {sys.executable} -m pip install h5py")
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


def _colour_range(shown, is_tof, signed, vmin, vmax):
    """(lo, hi, floored): the colour scale. TOFs reach down to denormal numbers (1e-320) where a
    surface is poisoned: unless told, the scale spans at most 40 decades below the largest."""
    finite = shown[np.isfinite(shown)]
    lo, hi = float(finite.min()), float(finite.max())
    floored = False
    if is_tof and vmin is None and hi - lo > 40:
        lo, floored = hi - 40, True
    if signed and vmin is None and vmax is None:  # sensitivities: centred on 0
        hi = max(abs(lo), abs(hi))
        lo = -hi
    lo = lo if vmin is None else vmin
    hi = hi if vmax is None else vmax
    if not hi > lo:
        raise SystemExit(f"tofgrid.plot: the colour range {lo:g} ... {hi:g} is empty (--vmin must be below --vmax)")
    return lo, hi, floored


def _levels(lo, hi, is_tof, levels):
    if levels is None and is_tof:  # whole decades, or halves or tenths for a narrow range
        step = 1.0 if hi - lo > 6 else 0.5 if hi - lo > 2 else 0.1
        bounds = np.arange(np.floor(lo / step) * step, np.ceil(hi / step) * step + step / 2, step)
        return bounds if bounds.size >= 2 else np.array([lo, hi])
    return np.linspace(lo, hi, (levels or 20) + 1)


def _label_surfaces(ax, surfaces, xname, yname, xs, ys):
    """Mark and name the energy table's surfaces inside the map; a label that would sit on an
    earlier one goes below its point instead."""
    placed = []
    dx, dy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    for name, d in sorted(surfaces.items(), key=lambda kv: (-kv[1][yname], kv[1][xname])):
        px, py = d[xname], d[yname]
        if not (min(xs) <= px <= max(xs) and min(ys) <= py <= max(ys)):
            continue
        crowded = any(abs(px - qx) < 0.08 * dx and abs(py - qy) < 0.05 * dy for qx, qy in placed)
        ax.plot(px, py, "o", ms=4, mfc="white", mec="k", zorder=5)
        ax.annotate(name, (px, py), xytext=(4, -10 if crowded else 3), textcoords="offset points", fontsize=8,
                    zorder=5)
        placed.append((px, py))


def plot(path, output=None, quantity=None, cmap=None, levels=None, size=(6.4, 5.0), dpi=150, surfaces=True,
         vmin=None, vmax=None):
    """Draw the map in `path`; returns the figure's file name."""
    import textwrap

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    out = output or path.rsplit(".", 1)[0] + ".png"
    m = read_map(path)
    z, label, is_tof = _quantity(m, quantity)
    failed = m.status == FAILED
    nfailed, total = int(failed.sum()), failed.size
    values = np.where(failed, np.nan, z)
    undefined = ~failed & ~np.isfinite(values)  # converged, but this quantity has no value there
    zero = is_tof & (values == 0)  # converged, TOF exactly 0: below any log scale
    positive, negative = is_tof and bool(np.any(values > 0)), is_tof and bool(np.any(values < 0))
    notes = []
    if is_tof:
        with np.errstate(divide="ignore", invalid="ignore"):
            shown = np.log10(np.abs(values))
        shown[~np.isfinite(shown)] = np.nan
        if negative and not positive:
            notes.append("net TOF < 0 everywhere (consumed): |TOF| shown")
    else:
        shown = values
    fig, ax = plt.subplots(figsize=size, dpi=dpi)
    signed = not is_tof and not label.startswith(("coverage", "selectivity to", "apparent"))
    line = m.y is None or m.x[1].size == 1 or m.y[1].size == 1  # one row or one column: a line
    if not np.isfinite(shown).any():
        ax.text(0.5, 0.5, "no value to draw", transform=ax.transAxes, ha="center", va="center")
    elif line:
        along = m.x if m.y is None or m.y[1].size == 1 else m.y
        xs, ys = along[1], shown.reshape(-1)
        ax.plot(xs, ys, marker="o", ms=3, color="C0")
        flat_values = values.reshape(-1)
        if negative and positive:
            neg = flat_values < 0
            ax.plot(xs[neg], ys[neg], "v", color="C3", label="net TOF < 0 (|TOF| shown)")
            ax.legend(loc="best", fontsize="small")
        for xf in xs[failed.reshape(-1)]:
            ax.axvline(xf, color="0.8", lw=3, zorder=0)
        ax.set_xlabel(_axis_label(along, m.pressure_unit))
        ax.set_ylabel(label)
        if _is_log(xs):
            ax.set_xscale("log")
        fixed = m.x if along is m.y else m.y
        if fixed is not None:
            notes.append(f"{fixed[0]} = {fixed[1][0]:.4g}")
    else:
        xs, ys = m.x[1], m.y[1]
        cmap = cmap or ("RdBu_r" if signed else "viridis")
        ax.set_facecolor("0.82")  # failed points: grey
        finite = shown[np.isfinite(shown)]
        floored = False
        if float(finite.max() - finite.min()) <= 1e-9 * max(1.0, float(np.abs(finite).max())) and vmin is None \
                and vmax is None:  # one value everywhere: one colour, the value on the bar
            v = float(finite.mean())
            lo, hi = v - max(abs(v) * 0.05, 0.05), v + max(abs(v) * 0.05, 0.05)
            bounds = np.array([lo, hi])
            notes.append(f"{v:.6g} everywhere")
        else:
            lo, hi, floored = _colour_range(shown, is_tof, signed and cmap == "RdBu_r", vmin, vmax)
            bounds = _levels(lo, hi, is_tof, levels)
        below = np.any(zero) or floored or (vmin is not None and np.nanmin(shown) < lo)
        drawn = np.where(zero, bounds[0] - 1, np.clip(shown, bounds[0] - 1, bounds[-1] + 1))
        if np.any(zero):
            notes.append(f"{int(zero.sum())} points with TOF = 0 (lowest colour)")
        if floored:
            notes.append(f"TOF below 1e{bounds[0]:.0f} in the lowest colour")
        filled = ax.contourf(xs, ys, drawn.T, levels=bounds, cmap=cmap,
                             extend="min" if below else "neither")
        ticks = MaxNLocator(nbins=8, integer=is_tof and bounds[-1] - bounds[0] > 8).tick_values(bounds[0], bounds[-1])
        ticks = ticks[(ticks >= bounds[0] - 1e-9) & (ticks <= bounds[-1] + 1e-9)]
        fig.colorbar(filled, ax=ax, label=label, ticks=ticks if bounds.size > 2 else bounds.mean(keepdims=True))
        if np.any(undefined & ~zero):  # converged, no value: white dots, not the grey of failures
            ax.contourf(xs, ys, np.where(undefined & ~zero, 1.0, np.nan).T, levels=[0.5, 1.5], colors=["white"],
                        hatches=[".."])
        if negative and positive:
            sign = np.ma.masked_invalid(np.sign(values))  # failed points are no sign change
            with plt.rc_context({"hatch.color": "0.15", "hatch.linewidth": 0.6}):
                ax.contourf(xs, ys, np.where(values < 0, 1.0, np.nan).T, levels=[0.5, 1.5], colors=[(0, 0, 0, 0)],
                            hatches=["///"])
            ax.contour(xs, ys, sign.T, levels=[0], colors="k", linewidths=1.0, linestyles="--")
            notes.append("hatched: net TOF < 0 (dashed: sign change)")
        if surfaces and m.surfaces and all(k in next(iter(m.surfaces.values())) for k in (m.x[0], m.y[0])):
            _label_surfaces(ax, m.surfaces, m.x[0], m.y[0], xs, ys)
        ax.set_xlabel(_axis_label(m.x, m.pressure_unit))
        ax.set_ylabel(_axis_label(m.y, m.pressure_unit))
        if _is_log(xs):
            ax.set_xscale("log")
        if _is_log(ys):
            ax.set_yscale("log")
        legend = []
        if nfailed:
            legend.append(Patch(facecolor="0.82", label="no steady state"))
        if np.any(undefined & ~zero):
            legend.append(Patch(facecolor="white", hatch="..", edgecolor="0.4", label="no value (e.g. TOF = 0)"))
        if legend:
            ax.legend(handles=legend, loc="best", fontsize="small", framealpha=0.9)
    if np.any(zero) and line:
        notes.append(f"{int(zero.sum())} points with TOF = 0 (not drawn)")
    caption = f"{nfailed} of {total} points without a steady state" if nfailed else f"all {total} points converged"
    width = max(30, int(size[0] * 13))  # characters of ~8 pt text across the figure
    ax.set_title(m.title + "\n" + "\n".join(textwrap.wrap("; ".join([caption] + notes), width)), fontsize=9)
    bottom = 0.0
    if m.conditions:  # the file's exact numbers, shortened for reading
        import re
        short = re.sub(r"-?\d+\.\d{5,}(e[-+]?\d+)?", lambda v: f"{float(v.group()):.4g}", m.conditions)
        lines = textwrap.wrap(short, max(30, int(size[0] * 17)))
        fig.text(0.01, 0.005, "\n".join(lines), fontsize=7, color="0.3", ha="left", va="bottom")
        bottom = min(0.3, (len(lines) * 7 * 1.3 + 4) / 72 / size[1])
    fig.tight_layout(rect=(0, bottom, 1, 1))
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
    ap.add_argument("--vmin", type=float, help="the colour scale's low end (log10 for TOFs; default: the data's, "
                                                "TOFs at most 40 decades below the largest)")
    ap.add_argument("--vmax", type=float, help="the colour scale's high end (log10 for TOFs)")
    a = ap.parse_args(argv)
    if a.levels is not None and a.levels < 2:
        sys.exit(f"tofgrid.plot: --levels {a.levels}: give 2 or more")
    if a.dpi <= 0:
        sys.exit(f"tofgrid.plot: --dpi {a.dpi}: give a positive number")
    try:
        import matplotlib
    except ImportError:
        sys.exit(f"tofgrid.plot: matplotlib is not installed: {sys.executable} -m pip install matplotlib h5py")
    if a.cmap and a.cmap not in matplotlib.colormaps:
        sys.exit(f"tofgrid.plot: --cmap {a.cmap}: not a matplotlib colour map (e.g. viridis, magma, RdBu_r)")
    out = a.output or a.map.rsplit(".", 1)[0] + ".png"
    import matplotlib.figure
    formats = matplotlib.figure.Figure().canvas.get_supported_filetypes()
    if out.rsplit(".", 1)[-1].lower() not in formats:
        sys.exit(f"tofgrid.plot: {out}: name the figure .png, .pdf or .svg (or {', '.join(sorted(formats))})")
    try:
        size = tuple(float(v) for v in a.size.split(","))
        if len(size) != 2 or min(size) <= 0:
            raise ValueError
    except ValueError:
        sys.exit(f"tofgrid.plot: --size {a.size}: give WIDTH,HEIGHT in inches")
    quantity = f"tof:{a.gas}" if a.gas else a.quantity
    try:
        print(f"wrote {plot(a.map, out, quantity, a.cmap, a.levels, size, a.dpi, not a.no_surfaces, a.vmin, a.vmax)}")
    except ImportError as e:
        sys.exit(f"tofgrid.plot: {e.name or e} is not installed: {sys.executable} -m pip install matplotlib h5py")
    except (OSError, ValueError) as e:
        sys.exit(f"tofgrid.plot: {e}")
    except Exception as e:  # tofgrid.Error from load_map: its message, not a traceback
        if type(e).__module__.startswith("tofgrid"):
            sys.exit(f"tofgrid.plot: {e}")
        raise


if __name__ == "__main__":
    main()
