"""Draw a TOF map written by the `tofgrid` command.

    python -m tofgrid.plot tof_map.csv [-o tof_map.png] [--gas CO2_g]

A filled contour map of log10 TOF over the two axes (pressures in SCAKS's
unit, "bar"; the temperature in K), with a colour bar and the model's name,
like the founding tutorial's figure. A 1-D map is drawn as a curve. Needs
matplotlib (pip install matplotlib); numpy reads the CSV.
"""
import argparse
import sys

import numpy as np


def read_map(path):
    """(model name, x name, y name, {column: 1-D array}) from the command's CSV."""
    with open(path) as f:
        first = f.readline()
        name = first.split(":", 1)[1].strip() if first.startswith("#") and ":" in first else path
        line = first
        while line.startswith("#"):
            line = f.readline()
        header = line.strip().split(",")
        data = np.loadtxt(f, delimiter=",", ndmin=2)
    return name, header[0], header[1], {h: data[:, k] for k, h in enumerate(header)}


def plot(csv_path, png_path=None, gas=None):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    name, xname, yname, cols = read_map(csv_path)
    tofs = [h for h in cols if h.startswith("TOF_")]
    col = f"TOF_{gas}" if gas else max(tofs, key=lambda h: np.nanmax(cols[h]))  # the product: the positive TOF
    if col not in cols:
        raise SystemExit(f"tofgrid.plot: {csv_path} has no column {col} (it has {', '.join(tofs)})")
    tof = cols[col]
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.log10(np.where(tof > 0, tof, np.nan))
    def unit(axis):  # a gas's pressure, the temperature, or a descriptor (a formation energy)
        if axis == "T":
            return "T / K"
        if axis.endswith("_g"):
            return f"p({axis.removesuffix('_g')}) / bar"
        return f"E({axis}) / eV"
    fig, ax = plt.subplots(figsize=(6.4, 5.0), dpi=120)
    xs = np.unique(cols[xname])
    if yname == "-":
        ax.plot(cols[xname], z, marker="o")
        ax.set_xlabel(unit(xname))
        ax.set_ylabel(f"log10 {col} / s$^{{-1}}$")
    else:
        ys = np.unique(cols[yname])
        grid = z.reshape(len(xs), len(ys))
        filled = ax.contourf(ys, xs, grid, levels=30, cmap="viridis")
        fig.colorbar(filled, ax=ax, label=f"log10 {col.removeprefix('TOF_')} TOF / s$^{{-1}}$")
        ax.set_xlabel(unit(yname))
        ax.set_ylabel(unit(xname))
    ax.set_title(name)
    fig.tight_layout()
    out = png_path or csv_path.rsplit(".", 1)[0] + ".png"
    fig.savefig(out)
    plt.close(fig)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m tofgrid.plot", description=__doc__.split("\n\n")[1])
    ap.add_argument("csv", help="a map written by the tofgrid command (PREFIX.csv)")
    ap.add_argument("-o", "--output", help="the PNG to write (default: the CSV's name with .png)")
    ap.add_argument("--gas", help="whose TOF to draw (default: the product, the gas with positive TOF)")
    a = ap.parse_args(argv)
    try:
        print(f"wrote {plot(a.csv, a.output, a.gas)}")
    except ImportError:
        sys.exit("tofgrid.plot: matplotlib is not installed: python3 -m pip install matplotlib")
    except OSError as e:
        sys.exit(f"tofgrid.plot: {e}")


if __name__ == "__main__":
    main()
