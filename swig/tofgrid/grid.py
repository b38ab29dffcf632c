"""TOF maps over an MPI communicator: the tutorial's job, in one call.

    from mpi4py import MPI
    import numpy as np, tofgrid
    xs = ys = np.linspace(1e-5, 0.5, 10)
    grid = tofgrid.tof_grid(MPI.COMM_WORLD, tofgrid.Model.default(),
                            x=("O2_g", xs), y=("CO_g", ys), schedule="dynamic")
    if grid is not None:            # the root
        grid.tof                    # 2-D: the product's TOF, grid.tof[i, j] at (xs[i], ys[j])
"""
import math
import numbers
import os

import numpy as np

from . import core as _core
from .model import Model
from ._constants import ANALYSES, SCHEDULES as _SCHEDULES, TG_AXIS_TEMPERATURE, TG_ERR_ARG, TG_ERR_IO, TG_STEADY_FAILED

__all__ = ["tof_grid", "Grid", "load_map"]


class Grid:
    """A TOF map on the root: arrays indexed [i_x, j_y] (a 1-D map: [i_x, 0]).

    ``tof`` (the product's TOF), ``tofs`` ({gas: TOF}), ``coverages``
    ({species: coverage}), ``status`` (0 ok, 1 past t_end, 2 failed, 3
    before t_end), ``iterations``, ``x``/``y`` ((name, values)), ``seconds``,
    ``model`` (the :class:`Model`). With ``analyses`` (docs/analyses.md; NaN
    where a point failed): ``orders`` ({gas: d ln TOF / d ln p}), ``eapp``
    (eV), ``rate_control`` ({species: X}), all of the product's TOF;
    ``selectivity`` ({gas: S}), ``selectivity_control`` ({species: {gas: X}}),
    ``xrc`` ((nx, ny, steps): the degree of rate control per step). Analyses
    not asked for are None.
    """

    def __init__(self, model, x, y, raw):
        info = model.info
        self.model, self.x, self.y = model, x, y
        gases, species = info["gases"], info["adsorbates"] + info["sites"]
        self.tofs = {gas: raw["tof"][:, :, k] for k, gas in enumerate(gases)}
        self.tof = self.tofs[info["product"]] if info["product"] else None
        self.coverages = {s: raw["coverages"][:, :, k] for k, s in enumerate(species)}
        self.status, self.iterations, self.seconds = raw["status"], raw["iterations"], raw["seconds"]
        g = gases.index(info["product"]) if info["product"] else None
        control = info["adsorbates"] + info["transition_states"]
        a = {name: raw.get(name) for name in ANALYSES}
        self.analyses = [name for name in ANALYSES if a[name] is not None]
        self.orders = {gas: a["orders"][:, :, g, k] for k, gas in enumerate(gases)} \
            if a["orders"] is not None and g is not None else None
        self.eapp = a["eapp"][:, :, g] if a["eapp"] is not None and g is not None else None
        self.rate_control = {c: a["rate_control"][:, :, g, k] for k, c in enumerate(control)} \
            if a["rate_control"] is not None and g is not None else None
        self.selectivity = {gas: a["selectivity"][:, :, k] for k, gas in enumerate(gases)} \
            if a["selectivity"] is not None else None
        sc = a["selectivity_control"]
        self.selectivity_control = {c: {gas: sc[:, :, k, j] for k, gas in enumerate(gases)}
                                    for j, c in enumerate(control)} if sc is not None else None
        self.xrc = a["xrc"]
        self.conditions = None  # a file's statement of the conditions no axis sets (load_map)

    @property
    def converged(self):
        return self.status != TG_STEADY_FAILED

    def __repr__(self):
        if self.y is None:
            return f"<tofgrid.Grid {self.x[1].size} points over {self.x[0]}>"
        return f"<tofgrid.Grid {self.x[1].size}x{self.y[1].size} over {self.x[0]} x {self.y[0]}>"


def load_map(path):
    """The map in an HDF5 file written by tofgrid (:func:`tof_grid` with
    ``path``, the ``tofgrid`` command, tg_tof_grid_file), as the same
    :class:`Grid` :func:`tof_grid` returns, with its model (read from the
    file's own copy of the YAML). Needs h5py (pip install h5py). Not
    collective: any one process may read it."""
    try:
        import h5py
    except ImportError:
        raise _core.Error("load_map: reading HDF5 needs h5py (pip install h5py)", TG_ERR_ARG) from None
    try:
        f = h5py.File(path, "r")
    except OSError as e:
        raise _core.Error(f"load_map: cannot read {path}: {e}", TG_ERR_IO) from None
    with f:
        missing = [k for k in ("model_yaml", "tof", "coverages", "status", "iterations", "x") if k not in f]
        if missing or "name" not in f["x"].attrs:
            raise _core.Error(f"load_map: {path} is not a tofgrid map (no {', '.join(missing) or 'name of x'})",
                              TG_ERR_ARG)
        text = f["model_yaml"][()]
        model = Model.from_yaml(text.decode() if isinstance(text, bytes) else text, origin=f"{path}:model_yaml")
        one_d = "y" not in f

        def read(name, per_point):  # a 1-D map's (nx, ...) as (nx, 1, ...), as tof_grid gives it
            if name not in f:
                return None
            v = f[name][()]
            return v.reshape(v.shape[:1] + (1,) + v.shape[1:]) if one_d else v

        raw = {"tof": read("tof", 1), "coverages": read("coverages", 1), "status": read("status", 0),
               "iterations": read("iterations", 0), "seconds": float("nan")}
        for name in ANALYSES:
            raw[name] = read(name, 1)

        def axis(name):
            d = f[name]
            label = d.attrs.get("name", name)
            return (_label(label.decode() if isinstance(label, bytes) else str(label)), d[()])

        x, y = axis("x"), None if one_d else axis("y")
        conditions = f.attrs.get("conditions")
    grid = Grid(model, x, y, raw)
    grid.conditions = conditions.decode() if isinstance(conditions, bytes) else conditions
    return grid


def _axis(model, axis, name):
    try:
        var, values = axis
        kind = np.asarray(values).dtype.kind
        values = np.ascontiguousarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise _core.Error(f"tof_grid: axis {name} must be (variable, values), not {axis!r}", TG_ERR_ARG) from None
    if kind not in "iuf":  # strings and bools are not values (float('0.1') would pass)
        raise _core.ArgumentTypeError(f"tof_grid: axis {name}: values must be numbers, not {np.asarray(axis[1]).dtype}")
    if values.ndim != 1 or values.size == 0:
        raise _core.Error(f"tof_grid: axis {name} needs a non-empty 1-D sequence of values", TG_ERR_ARG)
    descriptors = [d[0] for d in model._descriptors]
    if var in descriptors:  # first: a CatMAP model may have a descriptor named temperature
        return TG_AXIS_TEMPERATURE - 1 - descriptors.index(var), values  # TG_AXIS_DESCRIPTOR(k)
    if var in ("T", "temperature"):
        return TG_AXIS_TEMPERATURE, values
    if var not in model.info["gases"]:
        raise _core.Error(f"tof_grid: axis {name}: unknown gas {var!r}; the model's gases are "
                          f"{model.info['gases']}" + (f", its descriptors {descriptors}" if descriptors else "")
                          + " (or 'temperature')", TG_ERR_ARG)
    return model.info["gases"].index(var), values


def _default_axes(model):
    """The model's own map: its descriptor ranges (CatMAP's descriptor_ranges
    and resolution), else the tutorial's O2_g x CO_g."""
    d = model._descriptors
    if d and all(r[1] is not None for r in d):
        axes = [(r[0], np.linspace(r[1], r[2], r[3])) for r in d[:2]]
        return axes[0], axes[1] if len(axes) > 1 else None
    return ("O2_g", np.linspace(1e-5, 0.5, 10)), ("CO_g", np.linspace(1e-5, 0.5, 10))


def _agree(comm, error):
    """Raise on every rank if any rank's own checks failed (a rank raising
    alone would leave the others waiting in the sweep)."""
    from mpi4py import MPI
    if comm == MPI.COMM_NULL:
        raise _core.Error("tof_grid: the communicator is MPI_COMM_NULL", TG_ERR_ARG)
    if comm.allreduce(error is not None, op=MPI.LOR):
        raise error or _core.Error("tof_grid: another rank was given invalid arguments (see its message)", TG_ERR_ARG)


def tof_grid(comm, model, x=None, y=None, schedule="static", root=0, path=None, *, csv=None, temperature=None,
             pressures=None, descriptors=None, analyses=None):
    """Steady states of ``model`` on the grid x (times y) over ``comm``.

    ``x``, ``y``: (gas name, "temperature" or a CatMAP model's descriptor,
    values); default: a CatMAP model's descriptor ranges, else the
    tutorial's grid, O2_g and CO_g = linspace(1e-5, 0.5, 10). ``y=None`` with
    an explicit ``x`` gives a 1-D map. ``schedule``: "static" (block rows of
    x, the tutorial's scatter) or "dynamic" (self-scheduled chunks). Returns a
    :class:`Grid` on ``root`` and None elsewhere; results are bit-identical for
    every rank count and schedule. With ``path`` (HDF5) and/or ``csv`` the map
    is written instead, collectively (no rank holds the whole grid), and None
    is returned everywhere (read it back with :func:`load_map`).

    Conditions on no axis are the model's unless fixed: ``temperature`` (K),
    ``pressures`` ({gas: value}), ``descriptors`` ({name: value}); fixing one
    that is on an axis, or that a descriptor sets, is an error. ``analyses``:
    any of "orders", "eapp", "rate_control", "selectivity",
    "selectivity_control", "xrc", computed at every point (the Grid's
    attributes of those names; datasets in the file). Collective over ``comm``.
    """
    from mpi4py import MPI
    if not isinstance(comm, MPI.Comm):  # the same on every rank: raised before any collective
        raise _core.ArgumentTypeError(f"tof_grid: comm must be an mpi4py communicator (MPI.Comm), not "
                                      f"{type(comm).__name__}")
    error = None
    try:
        if x is None and y is None:
            x, y = _default_axes(model)
        if x is None:
            raise _core.Error("tof_grid: y is given without x (a 1-D map is x alone)", TG_ERR_ARG)
        if schedule not in _SCHEDULES:
            raise _core.Error(f"tof_grid: schedule {schedule!r}: use 'static' or 'dynamic'", TG_ERR_ARG)
        if not isinstance(model, Model):
            raise _core.ArgumentTypeError(f"tof_grid: model must be a tofgrid.Model, not {type(model).__name__}")
        if isinstance(root, bool) or not isinstance(root, numbers.Integral):
            raise _core.ArgumentTypeError(f"tof_grid: root must be an int, not {type(root).__name__}")
        xv, xs = _axis(model, x, "x")
        yv, ys = _axis(model, y, "y") if y is not None else (0, None)
        fixed = _fixed(model, temperature, pressures, descriptors)
        which = model._analyses("tof_grid", analyses)
        files = [_file_name(path, "path"), _file_name(csv, "csv")]
        if files[0] is not None and files[0] == files[1]:
            raise _core.Error(f"tof_grid: path and csv are the same file {files[0]!r}", TG_ERR_ARG)
    except Exception as e:  # any kind, on any rank: every rank must hear of it before the sweep
        error = e
    _agree(comm, error)
    if path is not None or csv is not None:
        _core._tof_grid_write(comm, model._capsule, xv, xs, yv, ys, _SCHEDULES[schedule], files[0], files[1], *fixed,
                              which)
        return None
    raw = _core._tof_grid(comm, model._capsule, xv, xs, yv, ys, _SCHEDULES[schedule], root, *fixed, which)
    if raw is None:
        return None
    return Grid(model, (_label(x[0]), xs), (_label(y[0]), ys) if y is not None else None, raw)


def _label(name):
    """An axis's name on a Grid: a gas, a descriptor, or "temperature" (also for "T")."""
    return "temperature" if name == "T" else name


def _file_name(value, what):
    """A file argument as a str (str or os.PathLike), or None."""
    if value is None:
        return None
    if not isinstance(value, (str, os.PathLike)):
        raise _core.ArgumentTypeError(f"tof_grid: {what} must be a file name (str or path), not {type(value).__name__}")
    return os.fspath(value)


def _fixed(model, temperature, pressures, descriptors):
    """The fixed conditions as the C call takes them: T (0: the model's),
    pressures and descriptors with NaN for the model's (None: all)."""
    from .model import _mapping, _number

    def value(what, v, low=None):  # None is the model's; anything else must be a real value
        x = _number("tof_grid", what, v)
        if not math.isfinite(x) or (low == "positive" and not x > 0) or (low == "zero" and not x >= 0):
            bound = {"positive": " and > 0", "zero": " and >= 0"}.get(low, "")
            raise _core.Error(f"tof_grid: {what} = {x!r} must be finite{bound} (leave it out for the model's)",
                              TG_ERR_ARG)
        return x

    T = 0.0 if temperature is None else value("temperature", temperature, "positive")
    p = d = None
    if pressures is not None:
        gases = model.info["gases"]
        p = np.full(len(gases), np.nan)
        for gas, v in _mapping("tof_grid", "pressures", pressures, "{gas: value}").items():
            if gas not in gases:
                raise _core.Error(f"tof_grid: pressures: unknown gas {gas!r}; the model's gases are {gases}", TG_ERR_ARG)
            p[gases.index(gas)] = value(f"the pressure of {gas}", v, "zero")
    if descriptors is not None:
        names = [r[0] for r in model._descriptors]
        d = np.full(len(names), np.nan)
        for name, v in _mapping("tof_grid", "descriptors", descriptors, "{name: value}").items():
            if name not in names:
                raise _core.Error(f"tof_grid: descriptors: unknown descriptor {name!r}; the model's are {names}",
                                  TG_ERR_ARG)
            d[names.index(name)] = value(f"descriptor {name}", v)
    return T, p, d
