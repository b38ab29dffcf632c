"""2. Blocking point-to-point: rank 0 sends a list of 0..9 to rank 1 with a
tag (mpi4py's lower-case methods send Python objects).

    mpiexec -n 2 python3 examples/python/02_p2p_blocking.py
"""
from mpi4py import MPI

comm = MPI.COMM_WORLD
if comm.rank == 0:
    comm.send(list(range(10)), dest=1, tag=11)  # pickled, then sent
elif comm.rank == 1:
    data = comm.recv(source=0, tag=11)  # waits for it
    print("rank 1 received", *data)
