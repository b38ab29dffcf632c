# Relative energies (eV) of model A, one per reaction, in SCAKS's format.
Ga, dG = [], []
Ga.append(0.0)    # CO_g + *_s -> CO_s
dG.append(-2.09)
Ga.append(0.07)   # O2_g + 2*_s -> 2O_s
dG.append(-2.39)
Ga.append(0.39)   # CO_s + O_s <-> CO-O_2s -> CO2_g + 2*_s
dG.append(-0.46)
