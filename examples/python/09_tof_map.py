"""9. The TOF map, as the tutorial structures it: scatter the pO2 values,
each rank loops over pCO with tofgrid's kernel, gather the TOF rows on the
root and print the map -- next to the one-call tofgrid.tof_grid version.

    mpiexec -n 2 python3 examples/python/09_tof_map.py
"""
import numpy as np
from mpi4py import MPI

import tofgrid

comm = MPI.COMM_WORLD
model = tofgrid.Model.default()  # the tutorial's CO oxidation
pO2 = np.linspace(1e-5, 0.5, 10)
pCO = np.linspace(1e-5, 0.5, 10)

my_pO2 = tofgrid.scatter(comm, pO2 if comm.rank == 0 else None)  # my block of rows
rows = np.array([[model.solve(pressures={"O2_g": po2, "CO_g": pco}).tof for pco in pCO] for po2 in my_pO2])
tof = tofgrid.gather(comm, rows.reshape(len(my_pO2), 10))  # the rows, in pO2 order, on the root

grid = tofgrid.tof_grid(comm, model, x=("O2_g", pO2), y=("CO_g", pCO))  # the same in one call
if comm.rank == 0:
    print("log10 TOF(CO2) / s^-1: rows pO2, columns pCO")
    for p, row in zip(pO2, np.log10(tof)):
        print(f"pO2 {p:.4f}:", " ".join(f"{v:6.1f}" for v in row))
    print("one-call tof_grid map", "identical" if np.array_equal(tof, grid.tof) else "DIFFERS")
