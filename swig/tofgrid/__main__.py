"""The map command from Python: ``mpiexec -n N python -m tofgrid [options]``.

The same map as the ``tofgrid`` command, through :func:`tofgrid.tof_grid` on
MPI_COMM_WORLD: PREFIX.h5 and PREFIX.csv written collectively, PREFIX.png drawn
on rank 0. Options as the command's: --model FILE, --x NAME:LO:HI:N[:log],
--y NAME:LO:HI:N[:log] | none, --temperature K, --set NAME=VALUE (repeatable),
--analyses LIST, --schedule static|dynamic, --output PREFIX, --no-plot,
--quiet. Checkpoints and resume are the command's (``tofgrid --checkpoint``).
"""
import argparse
import math
import sys

import numpy as np
from mpi4py import MPI

from . import Error, Model, tof_grid
from ._constants import ANALYSES


def _axis(text, model):
    if text == "none":
        return None
    parts = text.split(":")
    if len(parts) not in (4, 5) or (len(parts) == 5 and parts[4] != "log"):
        raise Error(f"axis {text!r}: write NAME:LO:HI:N or NAME:LO:HI:N:log")
    try:
        lo, hi, n = float(parts[1]), float(parts[2]), int(parts[3])
    except ValueError:
        raise Error(f"axis {text!r}: LO and HI must be numbers, N a whole number") from None
    if n < 1:
        raise Error(f"axis {text!r}: N must be >= 1")
    if len(parts) == 5 and not (lo > 0 and hi > 0):
        raise Error(f"axis {text!r}: a log axis needs bounds > 0")
    values = np.geomspace(lo, hi, n) if len(parts) == 5 else np.linspace(lo, hi, n)
    return (parts[0], values)


def main(argv=None):
    comm = MPI.COMM_WORLD
    ap = argparse.ArgumentParser(prog="python -m tofgrid", description=__doc__.split("\n\n")[1])
    ap.add_argument("--model", help="the model (YAML); default: the embedded CO oxidation")
    ap.add_argument("--x", help="outer axis NAME:LO:HI:N[:log] (a gas, T or a descriptor)")
    ap.add_argument("--y", help="inner axis, or none for a 1-D map")
    ap.add_argument("--temperature", type=float, help="the temperature of every point (K)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="fix a gas's pressure or a descriptor on no axis (repeatable)")
    ap.add_argument("--analyses", help="comma-separated: orders,eapp,rate_control,selectivity,"
                                       "selectivity_control,xrc")
    ap.add_argument("--schedule", default="dynamic", choices=["static", "dynamic"])
    ap.add_argument("--output", default="tof_map", help="PREFIX of PREFIX.h5, PREFIX.csv, PREFIX.png")
    ap.add_argument("--no-plot", action="store_true", help="draw no figure")
    ap.add_argument("--quiet", action="store_true", help="print nothing but errors")
    a = ap.parse_args(argv)
    try:
        model = Model.load(a.model) if a.model else Model.default()
        descriptors = [d[0] for d in model._descriptors]
        x = _axis(a.x, model) if a.x else None
        y = _axis(a.y, model) if a.y else None
        if a.x is None and a.y is not None:
            raise Error("--y needs --x")
        if a.x is not None and a.y is None and not descriptors:
            y = ("CO_g", np.linspace(1e-5, 0.5, 10))  # the command's default inner axis
        pressures, fixed = {}, {}
        for item in a.set:
            name, _, value = item.partition("=")
            v = float(value) if value else math.nan
            if not math.isfinite(v):
                raise Error(f"--set {item!r}: write NAME=VALUE with a finite number")
            (fixed if name in descriptors else pressures)[name] = v
        analyses = [s for s in a.analyses.split(",") if s] if a.analyses else None
        if analyses and "all" in analyses:  # every analysis this model can give, as the command's
            analyses = [name for name, bit in ANALYSES.items() if model.info["analyses"] & bit]
        t0 = MPI.Wtime()
        tof_grid(comm, model, x, y if a.x or a.y else None, schedule=a.schedule, path=a.output + ".h5",
                 csv=a.output + ".csv", temperature=a.temperature, pressures=pressures or None,
                 descriptors=fixed or None, analyses=analyses)
    except Error as e:
        if comm.rank == 0:
            print(f"python -m tofgrid: {e}", file=sys.stderr)
        return 2
    if comm.rank == 0 and not a.quiet:
        print(f"tofgrid: {model.name}: wrote {a.output}.h5 and {a.output}.csv in {MPI.Wtime() - t0:.3f} s "
              f"on {comm.size} ranks")
    if comm.rank == 0 and not a.no_plot:
        try:
            from .plot import plot
            out = plot(a.output + ".h5", a.output + ".png")
            if not a.quiet:
                print(f"wrote {out}")
        except (ImportError, SystemExit) as e:
            print(f"python -m tofgrid: no figure drawn ({e}); {sys.executable} -m pip install matplotlib h5py",
                  file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
