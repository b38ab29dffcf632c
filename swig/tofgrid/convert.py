"""Write the tofgrid model (YAML, docs/model-format.md) equivalent to a
CatMAP setup file, so that C and Fortran programs and the ``tofgrid``
command use the same model as ``tofgrid.Model.from_catmap``:

    python3 -m tofgrid.convert CO_oxidation.mkm > co_oxidation.yaml
    python3 -m tofgrid.convert CO_oxidation.mkm -o co_oxidation.yaml

Like CatMAP, this executes the setup file as Python; its ``input_file``
(the energy table) is read relative to it. The file written is checked by
loading it with tofgrid's own reader before it is kept.
"""
import argparse
import os
import sys

from . import catmap
from .model import Model


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m tofgrid.convert", description=__doc__.split("\n\n")[0])
    parser.add_argument("setup", help="a CatMAP setup file (*.mkm)")
    parser.add_argument("-o", "--output", help="the YAML file to write (default: standard output)")
    args = parser.parse_args(argv)
    try:
        text = catmap.convert(args.setup)
        Model.from_yaml(text, args.setup)  # what C and Fortran will read must load
    except (catmap.CatmapError, OSError) as e:
        print(f"tofgrid.convert: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # tofgrid.Error from the reader: the converted model is refused
        print(f"tofgrid.convert: {args.setup}: {e}", file=sys.stderr)
        return 1
    if args.output:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, args.output)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
