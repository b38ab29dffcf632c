"""Compare the `tofgrid` command's default map (CSV) with SCAKS's reference."""
import csv
import sys


def rows(path):
    with open(path) as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


out, ref = rows(sys.argv[1]), rows(sys.argv[2])
assert len(out) == len(ref) == 100, (len(out), len(ref))
for o, r in zip(out, ref):
    assert float(o["O2_g"]) == float(r["pO2"]) and float(o["CO_g"]) == float(r["pCO"]), (o, r)
    for a, b in [("TOF_CO2_g", "TOF_CO2_g"), ("TOF_CO_g", "TOF_CO_g"), ("theta_CO_s", "theta_CO_s"),
                 ("theta_O_s", "theta_O_s"), ("theta_*_s", "theta_*_s")]:
        x, y = float(o[a]), float(r[b])
        assert abs(x - y) <= 1e-8 * abs(y), (r["idx"], a, x, y)
    assert o["status"] == "0"
print("100 points match SCAKS")
