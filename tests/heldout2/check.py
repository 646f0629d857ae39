#!/usr/bin/env python3
"""Shape check of tests/heldout2/heldout2.tsv (the checks: tests/sets/setcheck.py).

Usage: python3 tests/heldout2/check.py [path/to/heldout2.tsv]
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sets"))
from setcheck import check  # noqa: E402

if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "heldout2.tsv")
    speakers = {"employee": r"H[1-7]", "customer": r"K[1-3]"}
    sys.exit(check(path, "Y", speakers, 15, 140))
