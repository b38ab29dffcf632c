#!/usr/bin/env python3
"""The layering rule of tofgrid's sources, checked (a test runs this).

Layers, lowest first: core <- comm; core <- kernel <- map (map also uses
comm) <- cli. A file includes only headers of its own layer or lower ones,
and the public headers its layer may see; the kernel (and the public headers
it uses) never MPI; the command only the public API; the bindings only the
public API and the internal surface (src/comm/surface.h), whose exported
functions must be exactly those of the TOFGRID_INTERNAL node of the version
script (cmake/tofgrid.map.in).
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NO_MPI_PUBLIC = {"tofgrid/error.h", "tofgrid/export.h", "tofgrid/version.h", "tofgrid/model.h"}
ALL_PUBLIC = {"tofgrid.h"} | {f"tofgrid/{p.name}" for p in (ROOT / "include/tofgrid").glob("*.h")} | {"tofgrid/version.h"}
# what each place may include with "..." or <tofgrid...>, and which system headers it must not
RULES = {
    "src/core": ({"core/"}, {"tofgrid/error.h", "tofgrid/export.h", "tofgrid/version.h"}, {"mpi.h", "hdf5.h", "yaml.h"}),
    "src/comm": ({"core/", "comm/"}, ALL_PUBLIC - {"tofgrid.h", "tofgrid/model.h", "tofgrid/grid.h"}, {"hdf5.h", "yaml.h"}),
    "src/kernel": ({"core/", "kernel/"}, NO_MPI_PUBLIC, {"mpi.h", "hdf5.h"}),
    "src/map": ({"core/", "comm/", "kernel/", "map/"}, ALL_PUBLIC, {"yaml.h"}),
    "src/cli": (set(), ALL_PUBLIC, {"hdf5.h", "yaml.h"}),
    "fortran": ({"comm/surface.h"}, ALL_PUBLIC, {"hdf5.h", "yaml.h"}),
    "swig": ({"py_"}, ALL_PUBLIC, {"hdf5.h", "yaml.h"}),
}
LAYER_DIRS = {"core", "comm", "kernel", "map", "cli"}
PUBLIC_NO_MPI = NO_MPI_PUBLIC  # public headers the kernel's users include


def includes(path):
    for n, line in enumerate(path.read_text().splitlines(), 1):
        m = re.match(r'\s*#\s*include\s*([<"])([^>"]+)[>"]', line)
        if m:
            yield n, m.group(1), m.group(2)


def main():
    errors = []
    for place, (layers, public, banned) in RULES.items():
        for path in sorted((ROOT / place).rglob("*")):
            if path.suffix not in (".c", ".h", ".i"):
                continue
            rel = path.relative_to(ROOT)
            for n, kind, name in includes(path):
                if name in banned:
                    errors.append(f"{rel}:{n}: {place} must not include <{name}>")
                elif name.startswith("tofgrid"):
                    if name not in public:
                        errors.append(f"{rel}:{n}: {place} may not include the public header {name}")
                elif (kind == '"' or name.split("/")[0] in LAYER_DIRS) and not any(name.startswith(p) for p in layers):
                    errors.append(f"{rel}:{n}: {place} may not include \"{name}\" (a higher layer or another part)")
    for name in sorted(PUBLIC_NO_MPI):
        path = ROOT / "include" / name if name != "tofgrid/version.h" else ROOT / "include/tofgrid/version.h.in"
        for n, _, inc in includes(path):
            if inc == "mpi.h" or (inc.startswith("tofgrid") and inc not in PUBLIC_NO_MPI):
                errors.append(f"include/{name}:{n}: the kernel's public headers must not include {inc} (no MPI)")
    # The bindings' surface and the version script's internal node agree.
    declared = set()
    for header in ("src/comm/surface.h", "src/core/core.h"):
        text = (ROOT / header).read_text()
        declared |= set(re.findall(r"TG_INTERNAL\s+[\w\s\*]+?\b(tg__\w+)\s*\(", text))
    script = (ROOT / "cmake/tofgrid.map.in").read_text()
    node = re.search(r"TOFGRID_INTERNAL_@TOFGRID_SOVERSION_ID@\s*\{\s*global:(.*?)\};", script, re.S).group(1)
    listed = set(re.findall(r"(tg__\w+);", node))
    for name in sorted(declared - listed):
        errors.append(f"{name} is TG_INTERNAL but not in cmake/tofgrid.map.in's TOFGRID_INTERNAL node")
    for name in sorted(listed - declared):
        errors.append(f"{name} is in cmake/tofgrid.map.in's TOFGRID_INTERNAL node but not declared TG_INTERNAL")
    for e in errors:
        print(e, file=sys.stderr)
    print(f"layering: {len(errors)} violation(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
