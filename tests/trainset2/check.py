#!/usr/bin/env python3
"""Shape check of tests/trainset2/trainset2.tsv (the checks: tests/sets/setcheck.py).

Usage: python3 tests/trainset2/check.py [path/to/trainset2.tsv]
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sets"))
from setcheck import check  # noqa: E402

# Obvious word families of the focus themes, for the [indirect] warning.
FAMILIES = {
    "relationship": r"suhde|suhtee|suhtei|kumppan|yhteistyö|asiakkuu|yhteyshenkilö",
    "trust": r"luota|luott|luotet|rehelli|lupa(?:a|us|uks)|luvat(?:tu|aan)|luvannu",
    "effortlessness": r"helpp|helpo|vaivat|vaivaa|nopea|nopee|nopeu|sujuv",
    "measurement": r"\bmit(?:at|ta|tar)|kysely|seurata|seuraa(?!v)|seurataan"
                   r"|seurann|seurant|\bnps\b|suosit",
}

if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "trainset2.tsv")
    speakers = {"employee": r"E[1-9][0-9]*", "customer": r"A[1-9][0-9]*"}
    sys.exit(check(path, "S", speakers, 15, 130, FAMILIES))
