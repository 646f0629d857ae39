#!/usr/bin/env python3
"""Recall of the four focus themes on hand-coded sets, split by whether a
coding is tagged [indirect] (the theme said without its word family, see
setcheck.QUOTE_FAMILIES) or not. It prints counts only, never a row, so it
may be run on a held-out set without reading its errors: it says how far
keyword rules reach on text that names a concept and on text that only
implies it.

Usage: python3 tests/sets/indirect-recall.py TEEMA CODEBOOK SET.tsv...
"""
import csv
import re
import subprocess
import sys

FOCUS = ("relationship", "trust", "effortlessness", "measurement")
TAG = re.compile(r"\[indirect(?::\s*([^\]]*))?\]")


def tagged(reason, themes):
    """The focus themes a row's [indirect] tag names (all it codes when
    the tag names none)."""
    m = TAG.search(reason)
    if not m:
        return set()
    if m.group(1):
        return {t.strip() for t in m.group(1).split(",")}
    return themes & set(FOCUS)


def missed_codings(teema, codebook, path):
    out = subprocess.run(
        [teema, "evaluate", "--devset", path, "--codebook", codebook,
         "--errors", "--format", "tsv"],
        capture_output=True, text=True, check=True).stdout
    missed = set()
    for line in out.splitlines()[1:]:
        unit, theme, error = line.split("\t")[:3]
        if error == "missed":
            missed.add((unit, theme))
    return missed


def line(name, counts):
    parts = [f"{kind} {n} coded, recall {(n - m) / n:.2f}"
             for kind, (n, m) in counts.items() if n]
    return f"{name}: " + "; ".join(parts)


def main():
    teema, codebook, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    total = {"direct": [0, 0], "indirect": [0, 0]}
    for path in paths:
        missed = missed_codings(teema, codebook, path)
        counts = {"direct": [0, 0], "indirect": [0, 0]}
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t",
                                      quoting=csv.QUOTE_NONE):
                themes = set() if row["themes"] == "-" else \
                    set(row["themes"].split(","))
                indirect = tagged(row.get("reason") or "", themes)
                for theme in themes & set(FOCUS):
                    kind = "indirect" if theme in indirect else "direct"
                    for c in (counts[kind], total[kind]):
                        c[0] += 1
                        c[1] += (row["id"], theme) in missed
        print(line(path, counts))
    if len(paths) > 1:
        print(line("all", total))


if __name__ == "__main__":
    main()
