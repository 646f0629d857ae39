#!/usr/bin/env python3
"""Self-check of heldout2.tsv: format, ids, groups, speakers and theme ids.

Usage: python3 tests/heldout2/check.py [path/to/heldout2.tsv]
Prints counts per theme and group; exits 1 if any error was found.
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
SPEAKERS = {"employee": r"H[1-7]", "customer": r"K[1-3]"}
ROWS = 140
MIN_WORDS, MAX_WORDS = 15, 140


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "heldout2.tsv")
    raw = open(path, "rb").read()
    errors = []
    if raw.startswith(b"\xef\xbb\xbf"):
        errors.append("file starts with a BOM")
    if b"\r" in raw:
        errors.append("file contains CR (must be LF only)")
    if not raw.endswith(b"\n"):
        errors.append("file does not end with a newline")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print("ERROR: not UTF-8:", e)
        return 1
    if unicodedata.normalize("NFC", text) != text:
        errors.append("file is not NFC")
    lines = text.split("\n")[:-1]
    if not lines or lines[0].split("\t") != HEADER:
        errors.append("header is not: " + "\\t".join(HEADER))
    seen = set()
    speaker_group = {}
    per_theme = defaultdict(Counter)
    per_speaker = Counter()
    indirect = Counter()
    tags = Counter()
    per_group = Counter()
    n_themes = Counter()
    words_all = []
    for n, line in enumerate(lines[1:], 2):
        f = line.split("\t")
        if len(f) != 6:
            errors.append("line %d: %d fields, want 6" % (n, len(f)))
            continue
        rid, group, speaker, themes, body, reason = f
        if not re.fullmatch(r"Y\d{3}", rid):
            errors.append("line %d: bad id %r" % (n, rid))
        if rid in seen:
            errors.append("line %d: duplicate id %s" % (n, rid))
        seen.add(rid)
        if group not in SPEAKERS:
            errors.append("line %d: bad group %r" % (n, group))
        elif not re.fullmatch(SPEAKERS[group], speaker):
            errors.append("line %d: speaker %r does not fit group %s" % (n, speaker, group))
        if speaker_group.setdefault(speaker, group) != group:
            errors.append("line %d: speaker %s appears in two groups" % (n, speaker))
        ids = themes.split(",")
        if themes != "-":
            bad = [t for t in ids if t not in THEMES]
            if bad:
                errors.append("line %d: unknown theme ids %s" % (n, bad))
            if len(set(ids)) != len(ids):
                errors.append("line %d: a theme is listed twice" % n)
            if len(ids) > 3:
                errors.append("line %d: more than three themes" % n)
            n_themes[len(ids)] += 1
        else:
            n_themes[0] += 1
        if body != body.strip() or "  " in body:
            errors.append("line %d: stray whitespace in text" % n)
        words = len(body.split())
        words_all.append(words)
        if not MIN_WORDS <= words <= MAX_WORDS:
            errors.append("line %d: text has %d words (%d-%d)" % (n, words, MIN_WORDS, MAX_WORDS))
        if not reason.strip():
            errors.append("line %d: empty reason" % n)
        per_group[group] += 1
        per_speaker[speaker] += 1
        for t in ids:
            per_theme[t][group] += 1
        m = re.match(r"\[indirect: ([a-z, ]+)\]", reason)
        if m:
            for t in m.group(1).split(", "):
                if t not in ids:
                    errors.append("line %d: tagged indirect for %s, not coded" % (n, t))
                indirect[t] += 1
        for tag in ("passing", "false friend"):
            if "[%s:" % tag in reason:
                tags[tag] += 1
    total = sum(per_group.values())
    if total != ROWS:
        errors.append("%d rows, want %d" % (total, ROWS))
    for e in errors:
        print("ERROR:", e)
    print("rows: %d (%s)" % (total, ", ".join("%s %d" % kv for kv in sorted(per_group.items()))))
    print("speakers: " + ", ".join("%s %d" % kv for kv in sorted(per_speaker.items())))
    if words_all:
        print("words per text: min %d, max %d, mean %.1f" % (
            min(words_all), max(words_all), sum(words_all) / len(words_all)))
    print("themes per row: " + ", ".join("%d: %d" % kv for kv in sorted(n_themes.items())))
    print("rows tagged passing: %d, false friend: %d" % (tags["passing"], tags["false friend"]))
    print("%-16s %5s %9s %9s %9s" % ("theme", "total", "employee", "customer", "indirect"))
    for t in ["-"] + THEMES:
        c = per_theme.get(t, Counter())
        print("%-16s %5d %9d %9d %9s" % (t, sum(c.values()), c["employee"], c["customer"],
              indirect[t] if t in FOCUS else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
