#!/usr/bin/env python3
"""Shape check of tests/trainset3/trainset3.tsv (the checks: tests/sets/setcheck.py).

Usage: python3 tests/trainset3/check.py [path/to/trainset3.tsv]

FAMILIES are the word lists that set the [indirect] tags of this set (see
README.md). They are copied unchanged from tests/heldout3/check.py. They
describe the set only; they were written without looking at any codebook and
are not a suggestion for rules.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "sets"))
from setcheck import check  # noqa: E402

FAMILIES = {
    "relationship": r"(?<!\w)(?!suhteen(?!\w))\w*(?:suhde|suhte|kumppan|yhteyshenkil"
                    r"|avainasiak|asiakkuu|yhteydenpi|yhteistyö)\w*",
    "trust": r"(?<!\w)(?:\w*luott|luot|rehelli|lupa|lupau|luva|usko)\w*",
    "effortlessness": r"(?<!\w)(?:helpo|helpp|vaiva|sujuv|nopea|nopee|nopeu"
                      r"|asioid|asioin|asioim)\w*",
    "measurement": r"(?<!\w)(?:mita|mitt|\w*mittari|\w*mittaus|\w*kysely|nps|ces"
                   r"|\w*suosittel|\w*tyytyväisyy|\w*arvosan|\w*arvio)\w*",
}

if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "trainset3.tsv")
    speakers = {"employee": r"H[1-8]", "customer": r"A[1-4]"}
    sys.exit(check(path, "V", speakers, 15, 70, FAMILIES))
