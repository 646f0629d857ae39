#!/usr/bin/env python3
"""Self-check of heldout.tsv: format, ids, groups, speakers and theme ids.

Usage: python3 tests/heldout/check.py [path/to/heldout.tsv]
Prints counts per theme and group; exits 1 on the first kind of error found.
This checks the file only. It does not run teema and must never be used to
tune a codebook (see README.md).
"""
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HEADER = ["id", "group", "speaker", "themes", "text", "reason"]
THEMES = [
    "experience", "relationship", "trust", "effortlessness", "emotion", "b2b",
    "price", "journey", "touchpoints", "aftersales", "management", "strategy",
    "communication", "measurement", "personnel", "development", "feedback",
    "improvement",
]
FOCUS = ["relationship", "trust", "effortlessness", "measurement"]


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "heldout.tsv")
    raw = open(path, "rb").read()
    errors = []
    if raw.startswith(b"\xef\xbb\xbf"):
        errors.append("file starts with a BOM")
    if b"\r" in raw:
        errors.append("file contains CR (must be LF only)")
    if not raw.endswith(b"\n"):
        errors.append("file does not end with a newline")
    text = raw.decode("utf-8")  # raises on invalid UTF-8
    if unicodedata.normalize("NFC", text) != text:
        errors.append("file is not NFC")
    lines = text.split("\n")[:-1]
    if lines[0].split("\t") != HEADER:
        errors.append("header is not: " + "\\t".join(HEADER))
    seen = set()
    per_theme = defaultdict(Counter)
    indirect = Counter()
    per_group = Counter()
    for n, line in enumerate(lines[1:], 2):
        f = line.split("\t")
        if len(f) != 6:
            errors.append("line %d: %d fields, want 6" % (n, len(f)))
            continue
        rid, group, speaker, themes, body, reason = f
        if not re.fullmatch(r"X\d{3}", rid):
            errors.append("line %d: bad id %r" % (n, rid))
        if rid in seen:
            errors.append("line %d: duplicate id %s" % (n, rid))
        seen.add(rid)
        if group not in ("employee", "customer"):
            errors.append("line %d: bad group %r" % (n, group))
        want = "T" if group == "employee" else "K"
        if not re.fullmatch(want + r"[1-8]", speaker):
            errors.append("line %d: speaker %r does not fit group %s" % (n, speaker, group))
        ids = themes.split(",")
        if themes != "-":
            bad = [t for t in ids if t not in THEMES]
            if bad:
                errors.append("line %d: unknown theme ids %s" % (n, bad))
            if len(set(ids)) != len(ids):
                errors.append("line %d: a theme is listed twice" % n)
        words = len(body.split())
        if not 15 <= words <= 120:
            errors.append("line %d: text has %d words (15-120)" % (n, words))
        if not reason.strip():
            errors.append("line %d: empty reason" % n)
        per_group[group] += 1
        for t in ids:
            per_theme[t][group] += 1
        m = re.match(r"\[indirect: ([a-z, ]+)\]", reason)
        if m:
            for t in m.group(1).split(", "):
                if t not in ids:
                    errors.append("line %d: tagged indirect for %s, not coded" % (n, t))
                indirect[t] += 1
    for e in errors:
        print("ERROR:", e)
    print("rows: %d (%s)" % (sum(per_group.values()),
          ", ".join("%s %d" % kv for kv in sorted(per_group.items()))))
    print("%-16s %5s %9s %9s %9s" % ("theme", "total", "employee", "customer", "indirect"))
    for t in ["-"] + THEMES:
        c = per_theme.get(t, Counter())
        print("%-16s %5d %9d %9d %9s" % (t, sum(c.values()), c["employee"], c["customer"],
              indirect[t] if t in FOCUS else ""))
    for t in FOCUS:
        total = sum(per_theme[t].values())
        if total < 30 or indirect[t] * 3 < total:
            print("WARNING: %s has %d rows, %d indirect" % (t, total, indirect[t]))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
