#!/usr/bin/env python3
"""Self-check of tests/trainset2/trainset2.tsv: the file's shape, not its codings.

Checks (errors, exit status 1):
  - UTF-8 without BOM, NFC-normalised, LF line ends only, final newline;
  - the exact header `id group speaker themes text reason`, six tab-separated
    fields per row;
  - ids S001, S002, ... unique and in order;
  - group employee|customer; speaker E<n> (employee) or A<n> (customer), and
    every speaker label always in the same group;
  - themes "-" alone, or comma-separated ids from the codebook's theme list,
    without repeats;
  - text of 15-130 words without stray spaces; a non-empty reason;
  - reason tags well formed: [indirect], [passing: <theme>, ...] with valid
    theme ids that are NOT coded in the same row, [false friend: ...];
    [indirect] only on rows that code at least one of the four focus themes.

Warnings (printed, not errors):
  - rows tagged [indirect] whose text still contains an obvious word of a
    focus theme coded in that row (a rough lexical check; see README for the
    deliberate exception S038).

Prints row, tag and word-count statistics and theme counts per group.

Usage: python3 tests/trainset2/check.py [path/to/trainset2.tsv]
"""
import os
import re
import statistics
import sys
import unicodedata
from collections import Counter

THEMES = {
    "experience", "relationship", "trust", "effortlessness", "emotion", "b2b",
    "price", "journey", "touchpoints", "aftersales", "management", "strategy",
    "communication", "measurement", "personnel", "development", "feedback",
    "improvement",
}
ORDER = [
    "experience", "relationship", "trust", "effortlessness", "emotion", "b2b",
    "price", "journey", "touchpoints", "aftersales", "management", "strategy",
    "communication", "measurement", "personnel", "development", "feedback",
    "improvement", "-",
]
FOCUS = ("relationship", "trust", "effortlessness", "measurement")
HEADER = ["id", "group", "speaker", "themes", "text", "reason"]
MIN_WORDS, MAX_WORDS = 15, 130

# Obvious word families of the focus themes, for the [indirect] warning only.
FAMILIES = {
    "relationship": r"suhde|suhtee|suhtei|kumppan|yhteistyö|asiakkuu|yhteyshenkilö",
    "trust": r"luota|luott|luotet|rehelli|lupa(?:a|us|uks)|luvat(?:tu|aan)|luvannu",
    "effortlessness": r"helpp|helpo|vaivat|vaivaa|nopea|nopee|nopeu|sujuv",
    "measurement": r"\bmit(?:at|ta|tar)|kysely|seurata|seuraa(?!v)|seurataan"
                   r"|seurann|seurant|\bnps\b|suosit",
}
TAG = re.compile(r"\[(indirect|passing|false friend)(?::\s*([^\]]*))?\]")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "trainset2.tsv")
    raw = open(path, "rb").read()
    errors, warnings = [], []
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
    if unicodedata.normalize("NFC", text) != text:
        errors.append("file is not NFC-normalised")
    lines = text.rstrip("\n").split("\n")
    if lines[0].split("\t") != HEADER:
        errors.append(f"header is {lines[0]!r}, expected {chr(9).join(HEADER)!r}")

    seen = set()
    speaker_group = {}
    speakers = Counter()
    counts = Counter()
    tags = Counter()
    indirect_by_theme = Counter()
    words_all = []
    multi = three = 0
    for n, line in enumerate(lines[1:], start=2):
        f = line.split("\t")
        if len(f) != 6:
            errors.append(f"line {n}: {len(f)} fields, expected 6")
            continue
        rid, group, speaker, themes, seg, reason = f
        if rid in seen:
            errors.append(f"line {n}: duplicate id {rid}")
        seen.add(rid)
        if rid != f"S{n - 1:03d}":
            errors.append(f"line {n}: id {rid}, expected S{n - 1:03d}")
        if group not in ("employee", "customer"):
            errors.append(f"line {n}: group {group!r}")
        want = "E" if group == "employee" else "A"
        if not re.fullmatch(want + r"[1-9][0-9]*", speaker):
            errors.append(f"line {n}: speaker {speaker!r} does not fit group {group}")
        if speaker_group.setdefault(speaker, group) != group:
            errors.append(f"line {n}: speaker {speaker} appears in two groups")
        speakers[speaker] += 1

        ids = themes.split(",")
        if themes != "-":
            bad = [t for t in ids if t not in THEMES]
            if bad:
                errors.append(f"line {n}: unknown theme(s) {bad}")
            if len(set(ids)) != len(ids):
                errors.append(f"line {n}: repeated theme in {themes!r}")
            if len(ids) > 1:
                multi += 1
            if len(ids) == 3:
                three += 1
            if len(ids) > 3:
                errors.append(f"line {n}: more than three themes")

        words = len(seg.split())
        words_all.append(words)
        if not MIN_WORDS <= words <= MAX_WORDS:
            errors.append(f"line {n}: text has {words} words ({MIN_WORDS}-{MAX_WORDS})")
        if seg != seg.strip() or "  " in seg or not reason.strip():
            errors.append(f"line {n}: stray spaces in text or empty reason")

        found = TAG.findall(reason)
        for kind, arg in found:
            tags[kind] += 1
            if kind == "passing":
                for t in [a.strip() for a in arg.split(",") if a.strip()]:
                    if t not in THEMES:
                        errors.append(f"line {n}: [passing] names unknown theme {t!r}")
                    elif t in ids:
                        errors.append(f"line {n}: [passing: {t}] but {t} is coded")
            if kind == "false friend" and not arg.strip():
                errors.append(f"line {n}: [false friend] without the word")
            if kind == "indirect":
                coded = [t for t in ids if t in FOCUS]
                if not coded:
                    errors.append(f"line {n}: [indirect] but no focus theme coded")
                for t in coded:
                    indirect_by_theme[t] += 1
                    hit = re.findall(FAMILIES[t], seg.lower())
                    if hit:
                        warnings.append(
                            f"line {n} ({rid}): [indirect] row coded {t} contains {hit}")
        for t in ids:
            counts[(t, group)] += 1

    for e in errors:
        print(f"{path}: ERROR {e}")
    for w in warnings:
        print(f"{path}: warning {w}")
    rows = len(lines) - 1
    print(f"{rows} rows, {len(errors)} errors, {len(warnings)} warnings")
    groups = Counter(speaker_group[s] for s in speakers)
    print(f"speakers: {groups['employee']} employee, {groups['customer']} customer; "
          f"turns per speaker {min(speakers.values())}-{max(speakers.values())}")
    print(f"words per text: min {min(words_all)}, max {max(words_all)}, "
          f"mean {statistics.mean(words_all):.1f}, "
          f"80+ words {sum(w >= 80 for w in words_all)}")
    print(f"rows with 2+ themes {multi} (3 themes: {three}); tags: "
          f"[indirect] {tags['indirect']}, [passing] {tags['passing']}, "
          f"[false friend] {tags['false friend']}")
    print(f"{'theme':15s} {'all':>4s} {'emp':>4s} {'cust':>4s} {'indir':>5s}")
    for t in ORDER:
        e, c = counts[(t, "employee")], counts[(t, "customer")]
        ind = f"{indirect_by_theme[t]:5d}" if t in FOCUS else ""
        print(f"{t:15s} {e + c:4d} {e:4d} {c:4d} {ind}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
