# Relative energies (eV) of model B in SCAKS's format.
Ga = [0.0, 0.0, 1.25]
dG = [-0.758, -2.64, 0.324]
