"""3. Non-blocking point-to-point: an immediate send (its request completed
with wait) received with a blocking receive; then a non-blocking receive.

    mpiexec -n 2 python3 examples/python/03_p2p_nonblocking.py
"""
from mpi4py import MPI

comm = MPI.COMM_WORLD
if comm.rank == 0:
    req = comm.isend(list(range(10)), dest=1, tag=11)  # starts the send, returns at once
    req.wait()  # the request must be completed
    comm.send(list(range(10)), dest=1, tag=12)
elif comm.rank == 1:
    print("rank 1 received (blocking receive)", *comm.recv(source=0, tag=11))
    req = comm.irecv(source=0, tag=12)  # post the receive, do other work ...
    print("rank 1 received (non-blocking receive)", *req.wait())  # ... then wait for it
