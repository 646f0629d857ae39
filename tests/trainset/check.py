#!/usr/bin/env python3
"""Shape check of tests/trainset/trainset.tsv (the checks: tests/sets/setcheck.py).

Usage: python3 tests/trainset/check.py [path/to/trainset.tsv]
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sets"))
from setcheck import check  # noqa: E402

if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "trainset.tsv")
    speakers = {"employee": r"P[1-9][0-9]*", "customer": r"C[1-9][0-9]*"}
    sys.exit(check(path, "R", speakers, 15, 120))
