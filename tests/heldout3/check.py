#!/usr/bin/env python3
"""Shape check of tests/heldout3/heldout3.tsv (the checks: tests/sets/setcheck.py).

Usage: python3 tests/heldout3/check.py [path/to/heldout3.tsv]

FAMILIES are the word lists that set the [indirect] tags of this set (see
README.md): setcheck.QUOTE_FAMILIES, written for tests/heldout3 and shared
by heldout4 and trainset3. They describe the sets only; they were written
without looking at any codebook and are not a suggestion for rules.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sets"))
from setcheck import QUOTE_FAMILIES, check  # noqa: E402

FAMILIES = QUOTE_FAMILIES

if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "heldout3.tsv")
    speakers = {"employee": r"H[1-8]", "customer": r"A[1-4]"}
    sys.exit(check(path, "Z", speakers, 15, 70, FAMILIES))
