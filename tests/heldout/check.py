#!/usr/bin/env python3
"""Shape check of tests/heldout/heldout.tsv (the checks: tests/sets/setcheck.py).

Usage: python3 tests/heldout/check.py [path/to/heldout.tsv]
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sets"))
from setcheck import check  # noqa: E402

if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "heldout.tsv")
    speakers = {"employee": r"T[1-8]", "customer": r"K[1-8]"}
    sys.exit(check(path, "X", speakers, 15, 120))
