#!/usr/bin/env python3
"""Shape check of tests/heldout5/heldout5.tsv: tests/sets/setcheck.py, with the
word families of setcheck.QUOTE_FAMILIES for its [indirect] tags.

Usage: python3 tests/heldout5/check.py [path/to/heldout5.tsv]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sets"))
from setcheck import QUOTE_FAMILIES, run  # noqa: E402

if __name__ == "__main__":
    run(os.path.dirname(os.path.abspath(__file__)), "heldout5.tsv", "X",
        {"employee": r"K[1-8]", "customer": r"B[1-4]"}, 15, 70, QUOTE_FAMILIES)
