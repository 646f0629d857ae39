#!/usr/bin/env python3
"""Shape check of tests/heldout4/heldout4.tsv: tests/sets/setcheck.py, with the
word families of setcheck.QUOTE_FAMILIES for its [indirect] tags.

Usage: python3 tests/heldout4/check.py [path/to/heldout4.tsv]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sets"))
from setcheck import QUOTE_FAMILIES, run  # noqa: E402

if __name__ == "__main__":
    run(os.path.dirname(os.path.abspath(__file__)), "heldout4.tsv", "W",
        {"employee": r"H[1-8]", "customer": r"A[1-4]"}, 15, 70, QUOTE_FAMILIES)
