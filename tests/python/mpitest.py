"""Run a unittest module on every rank of MPI.COMM_WORLD.

Each rank runs the same tests in the same order (collectives must match);
rank 0 prints the summary line "N passed, N failed" over all ranks, and
every rank exits non-zero if any rank failed.
"""
import os
import sys
import unittest

from mpi4py import MPI


def child_env():
    """The environment for a child process that initialises MPI on its own (a
    singleton): ours without the launcher's variables (MPICH's hydra: PMI_*,
    HYDRA_*, HYDI_*; Open MPI: OMPI_*, PMIX_*, but for the run-as-root consent)."""
    keep = ("OMPI_ALLOW_RUN_AS_ROOT", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM")
    launcher = ("PMI_", "HYDRA_", "HYDI_", "OMPI_", "PMIX_")
    return {k: v for k, v in os.environ.items() if k in keep or not k.startswith(launcher)}


def main(module="__main__"):
    comm = MPI.COMM_WORLD
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[module])
    result = unittest.TextTestRunner(stream=sys.stderr, verbosity=2 if comm.rank == 0 else 0).run(suite)
    bad = len(result.failures) + len(result.errors)
    for test, trace in result.failures + result.errors:
        if comm.rank != 0:
            sys.stderr.write(f"[rank {comm.rank}] {test}\n{trace}\n")
    passed, failed = comm.allreduce(result.testsRun - bad), comm.allreduce(bad)
    if comm.rank == 0:
        print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
