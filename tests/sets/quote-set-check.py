#!/usr/bin/env python3
"""Shape check of a quote-style set (tests/sets/setcheck.py, QUOTE_SETS):
each such set's check.py is a link to this file, and the set is the folder
of the link it is run through.

Usage: python3 tests/<set>/check.py [path/to/<set>.tsv]
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))  # the link's, not resolved
sys.path.insert(0, os.path.join(HERE, "..", "sets"))
from setcheck import run_quote_set  # noqa: E402

if __name__ == "__main__":
    run_quote_set(HERE)
