"""TOF maps over an MPI communicator: the tutorial's job, in one call.

    from mpi4py import MPI
    import numpy as np, tofgrid
    xs = ys = np.linspace(1e-5, 0.5, 10)
    grid = tofgrid.tof_grid(MPI.COMM_WORLD, tofgrid.Model.default(),
                            x=("O2_g", xs), y=("CO_g", ys), schedule="dynamic")
    if grid is not None:            # the root
        grid.tof                    # 2-D: the product's TOF, grid.tof[i, j] at (xs[i], ys[j])
"""
import numpy as np

from . import core as _core
from ._constants import SCHEDULES as _SCHEDULES, TG_AXIS_TEMPERATURE, TG_ERR_ARG, TG_STEADY_FAILED, STEADY_STATUSES as _STATUS

__all__ = ["tof_grid", "Grid"]


class Grid:
    """A TOF map on the root: 2-D arrays indexed [i_x, j_y].

    ``tof`` (the product's TOF), ``tofs`` ({gas: 2-D TOF}), ``coverages``
    ({species: 2-D}), ``status`` (0 ok, 1 past t_end, 2 failed),
    ``iterations``, ``x``/``y`` ((name, values)), ``seconds``.
    """

    def __init__(self, model, x, y, raw):
        info = model.info
        self.x, self.y = x, y
        self.tofs = {g: raw["tof"][:, :, k] for k, g in enumerate(info["gases"])}
        self.tof = self.tofs[info["product"]] if info["product"] else None
        species = info["adsorbates"] + info["sites"]
        self.coverages = {s: raw["coverages"][:, :, k] for k, s in enumerate(species)}
        self.status, self.iterations, self.seconds = raw["status"], raw["iterations"], raw["seconds"]

    @property
    def converged(self):
        return self.status != TG_STEADY_FAILED

    def __repr__(self):
        if self.y is None:
            return f"<tofgrid.Grid {self.x[1].size} points over {self.x[0]}>"
        return f"<tofgrid.Grid {self.x[1].size}x{self.y[1].size} over {self.x[0]} x {self.y[0]}>"


def _axis(model, axis, name):
    try:
        var, values = axis
        values = np.ascontiguousarray(values, dtype=np.float64)
    except (TypeError, ValueError):
        raise _core.Error(f"tof_grid: axis {name} must be (variable, values), not {axis!r}", TG_ERR_ARG) from None
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


def tof_grid(comm, model, x=None, y=None, schedule="static", root=0, path=None):
    """Steady states of ``model`` on the grid x (times y) over ``comm``.

    ``x``, ``y``: (gas name, "temperature" or a CatMAP model's descriptor,
    values); default: a CatMAP model's descriptor ranges, else the
    tutorial's grid, O2_g and CO_g = linspace(1e-5, 0.5, 10). ``y=None`` with
    an explicit ``x`` gives a 1-D map. ``schedule``: "static" (block rows of
    x, the tutorial's scatter) or "dynamic" (self-scheduled chunks). Returns a
    :class:`Grid` on ``root`` and None elsewhere; results are bit-identical for
    every rank count and schedule. With ``path`` the map is written instead
    to an HDF5 file, collectively (parallel HDF5: no rank holds the whole
    grid), and None is returned everywhere. Collective over ``comm``.
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
        xv, xs = _axis(model, x, "x")
        yv, ys = _axis(model, y, "y") if y is not None else (0, None)
    except _core.Error as e:
        error = e
    _agree(comm, error)
    if path is not None:
        _core._tof_grid_write(comm, model._capsule, xv, xs, yv, ys, _SCHEDULES[schedule], str(path))
        return None
    raw = _core._tof_grid(comm, model._capsule, xv, xs, yv, ys, _SCHEDULES[schedule], root)
    if raw is None:
        return None
    return Grid(model, (x[0], xs), (y[0], ys) if y is not None else None, raw)
