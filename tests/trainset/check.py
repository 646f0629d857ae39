#!/usr/bin/env python3
"""Self-check of tests/trainset/trainset.tsv: the file's shape, not its codings.

Checks: UTF-8 without BOM, LF line ends, the exact header, six tab-separated
fields per row, ids R001... unique and in order, group employee|customer,
speaker P<n> or C<n> matching the group, themes "-" or comma-separated ids
from the codebook's theme list (no repeats, "-" alone), text of 15-120 words,
a non-empty reason. Prints theme counts per group. Exit status 1 on any error.

Usage: python3 tests/trainset/check.py [path/to/trainset.tsv]
"""
import os
import re
import sys
from collections import Counter

THEMES = {
    "experience", "relationship", "trust", "effortlessness", "emotion", "b2b",
    "price", "journey", "touchpoints", "aftersales", "management", "strategy",
    "communication", "measurement", "personnel", "development", "feedback",
    "improvement",
}
HEADER = ["id", "group", "speaker", "themes", "text", "reason"]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "trainset.tsv")
    raw = open(path, "rb").read()
    errors = []
    if raw.startswith(b"\xef\xbb\xbf"):
        errors.append("file starts with a BOM")
    if b"\r" in raw:
        errors.append("file contains CR characters (must be LF only)")
    if not raw.endswith(b"\n"):
        errors.append("file does not end with a newline")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"{path}: not UTF-8: {e}")
        return 1
    lines = text.rstrip("\n").split("\n")
    if lines[0].split("\t") != HEADER:
        errors.append(f"header is {lines[0]!r}, expected {chr(9).join(HEADER)!r}")

    seen = set()
    counts = Counter()
    for n, line in enumerate(lines[1:], start=2):
        f = line.split("\t")
        if len(f) != 6:
            errors.append(f"line {n}: {len(f)} fields, expected 6")
            continue
        rid, group, speaker, themes, seg, reason = f
        if rid in seen:
            errors.append(f"line {n}: duplicate id {rid}")
        seen.add(rid)
        if rid != f"R{n - 1:03d}":
            errors.append(f"line {n}: id {rid}, expected R{n - 1:03d}")
        if group not in ("employee", "customer"):
            errors.append(f"line {n}: group {group!r}")
        want = "P" if group == "employee" else "C"
        if not re.fullmatch(want + r"[1-9][0-9]*", speaker):
            errors.append(f"line {n}: speaker {speaker!r} does not fit group {group}")
        ids = themes.split(",")
        if themes != "-":
            bad = [t for t in ids if t not in THEMES]
            if bad:
                errors.append(f"line {n}: unknown theme(s) {bad}")
            if len(set(ids)) != len(ids):
                errors.append(f"line {n}: repeated theme in {themes!r}")
        words = len(seg.split())
        if not 15 <= words <= 120:
            errors.append(f"line {n}: text has {words} words (15-120)")
        if seg != seg.strip() or not reason.strip():
            errors.append(f"line {n}: stray spaces in text or empty reason")
        for t in ids:
            counts[(t, group)] += 1

    for e in errors:
        print(f"{path}: {e}")
    rows = len(lines) - 1
    print(f"{rows} rows, {len(errors)} errors")
    print(f"{'theme':15s} {'all':>4s} {'emp':>4s} {'cust':>4s}")
    for t in sorted(THEMES) + ["-"]:
        e, c = counts[(t, "employee")], counts[(t, "customer")]
        print(f"{t:15s} {e + c:4d} {e:4d} {c:4d}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
