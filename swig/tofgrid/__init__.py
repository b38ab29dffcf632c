"""tofgrid: MPI collectives on your own communicator, from Python.

Communicators are mpi4py objects (``MPI.COMM_WORLD``, ``MPI.COMM_SELF``,
``comm.Split(...)`` results); arrays are numpy arrays of int8, uint8, int32,
int64, float32, float64 or complex128, C-contiguous. Every call checks its
arguments in C and raises :class:`tofgrid.Error` (a ``RuntimeError``) with a
message that says what was wrong; ``e.status`` holds the C status code. Every
exception tofgrid raises is an Error with ``.status``; arguments of the wrong
type raise :class:`tofgrid.ArgumentTypeError`, an Error that is also a
``TypeError``.

    from mpi4py import MPI
    import numpy as np
    import tofgrid

    comm = MPI.COMM_WORLD
    total = tofgrid.allreduce(comm, np.arange(3.0))            # every rank
    mine = tofgrid.scatter(comm, np.arange(10) if comm.rank == 0 else None)
    everything = tofgrid.gather(comm, mine)                    # root only
"""
try:
    from mpi4py import MPI as _MPI  # initialises MPI unless mpi4py.rc says otherwise
except ImportError as _e:
    raise ImportError(
        f"tofgrid needs mpi4py built against the MPI tofgrid was built with ({_e}); install it with\n"
        "  MPICC=mpicc python -m pip install --no-binary=mpi4py mpi4py") from _e


def _check_same_mpi(ours, theirs, built_with=""):
    """Refuse to run when mpi4py and tofgrid use different MPI libraries.

    Two MPI libraries in one process crash at the first call; comparing
    MPI_Get_library_version() of both catches it at import, with advice.
    """
    ours, theirs = ours.rstrip("\x00").strip(), theirs.rstrip("\x00").strip()  # Open MPI's ends with a NUL
    # mpi4py's MPI, once loaded, may answer tofgrid's own question too: the MPI tofgrid was compiled
    # against (its mpi.h) is the check that cannot be fooled
    if ours != theirs or (built_with and not theirs.startswith(built_with)):
        ours = ours if not built_with or ours.startswith(built_with) else f"built with {built_with}"
        first = lambda text: text.strip().splitlines()[0] if text.strip() else "(unknown)"
        raise ImportError(
            "tofgrid and mpi4py use different MPI libraries:\n"
            f"  tofgrid: {first(ours)}\n  mpi4py:  {first(theirs)}\n"
            "Rebuild mpi4py against the MPI tofgrid was built with, e.g.\n"
            "  MPICC=mpicc python -m pip install --force-reinstall --no-binary=mpi4py mpi4py"
        )


from . import core as _core  # noqa: E402  (after mpi4py, whose C API it imports)

_check_same_mpi(_core.mpi_library_version(), _MPI.Get_library_version(), _core._mpi_built_with())

from .core import (  # noqa: E402
    ArgumentTypeError,
    Error,
    allgather,
    allreduce,
    bcast,
    block_range,
    gather,
    mpi_library_version,
    reduce,
    scatter,
)

from ._constants import *  # noqa: E402,F401,F403  (TG_SUCCESS, TG_ERR_ARG, ...: the C API's constants)
from .model import Model, Solution  # noqa: E402
from .grid import Grid, load_map, tof_grid  # noqa: E402

__version__ = _core.version()
__all__ = ["Error", "ArgumentTypeError", "bcast", "scatter", "gather", "allgather", "reduce", "allreduce",
           "block_range", "mpi_library_version", "Model", "Solution", "tof_grid", "Grid", "load_map"]
