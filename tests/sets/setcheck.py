"""The shape check every hand-coded test set shares (tests/devset-like TSV
files written for teema: trainset, trainset2, trainset3, heldout,
heldout2, heldout3, heldout4, heldout5, heldout6, heldout7, heldout8,
heldout9, heldout10, heldout11, heldout12).

Each set's own check.py calls check() with what differs: its id letter,
its speaker labels, its word limits (the quote-style sets' check.py is a
link to quote-set-check.py, and what differs is in QUOTE_SETS). It checks the shape, never the
codings:
  - UTF-8 without BOM, NFC, LF line ends only, a final newline;
  - the header `id group speaker themes text reason`, six fields per row;
  - ids <letter>001, <letter>002, ... unique and in order;
  - group employee|customer; speaker labels of the group's pattern, each
    label always in the same group;
  - themes "-" alone, or comma-separated theme ids of the codebook's list,
    without repeats, at most three;
  - text within the word limits, without stray spaces; a reason;
  - reason tags well formed: [indirect] or [indirect: themes] only on rows
    coding one of the four focus themes (those named must be coded),
    [passing: themes] naming themes that are not coded (or the mention in
    words), [false friend: word].
With families (regexes per focus theme), an [indirect] row whose text
still holds an obvious word of a focus theme it codes is a warning.
Prints the counts per theme and group; returns 1 when there are errors.
"""
import os
import re
import statistics
import sys
import unicodedata
from collections import Counter

ORDER = [
    "experience", "relationship", "trust", "effortlessness", "emotion", "b2b",
    "price", "journey", "touchpoints", "aftersales", "management", "strategy",
    "communication", "measurement", "personnel", "development", "feedback",
    "improvement",
]
THEMES = set(ORDER)
FOCUS = ("relationship", "trust", "effortlessness", "measurement")
HEADER = ["id", "group", "speaker", "themes", "text", "reason"]
TAG = re.compile(r"\[(indirect|passing|false friend)(?::\s*([^\]]*))?\]")

# The word families that set the [indirect] tags of heldout3, heldout4,
# heldout5 and trainset3 (their READMEs list them): written for heldout3 without
# looking at any codebook; they describe those sets and are no suggestion
# for rules.
QUOTE_FAMILIES = {
    "relationship": r"(?<!\w)(?!suhteen(?!\w))\w*(?:suhde|suhte|kumppan|yhteyshenkil"
                    r"|avainasiak|asiakkuu|yhteydenpi|yhteistyö)\w*",
    "trust": r"(?<!\w)(?:\w*luott|luot|rehelli|lupa|lupau|luva|usko)\w*",
    "effortlessness": r"(?<!\w)(?:helpo|helpp|vaiva|sujuv|nopea|nopee|nopeu"
                      r"|asioid|asioin|asioim)\w*",
    "measurement": r"(?<!\w)(?:mita|mitt|\w*mittari|\w*mittaus|\w*kysely|nps|ces"
                   r"|\w*suosittel|\w*tyytyväisyy|\w*arvosan|\w*arvio)\w*",
}


def _names(arg):
    return [a.strip() for a in (arg or "").split(",") if a.strip()]


def _file_errors(raw):
    errors = []
    if raw.startswith(b"\xef\xbb\xbf"):
        errors.append("file starts with a BOM")
    if b"\r" in raw:
        errors.append("file contains CR characters (must be LF only)")
    if not raw.endswith(b"\n"):
        errors.append("file does not end with a newline")
    return errors


def _tag_errors(n, seg, ids, reason, families, tags, indirect, warnings):
    errors = []
    for kind, arg in TAG.findall(reason):
        tags[kind] += 1
        if kind == "passing":
            # A theme id, maybe with a note ("effortlessness (the word)");
            # an older set may name the mention in words instead.
            for item in _names(arg):
                t = re.match(r"[a-z0-9]*", item).group(0)
                if item == t and t not in THEMES:
                    errors.append(f"line {n}: [passing] names unknown theme {t!r}")
                elif t in THEMES and t in ids:
                    errors.append(f"line {n}: [passing: {t}] but {t} is coded")
        elif kind == "false friend" and not (arg or "").strip():
            errors.append(f"line {n}: [false friend] without the word")
        elif kind == "indirect":
            named = _names(arg)
            coded = named or [t for t in ids if t in FOCUS]
            if not coded:
                errors.append(f"line {n}: [indirect] but no focus theme coded")
            for t in coded:
                if t not in ids:
                    errors.append(f"line {n}: [indirect: {t}] but {t} is not coded")
                    continue
                indirect[t] += 1
                hit = re.findall(families[t], seg.lower()) if families else []
                if hit:
                    warnings.append(f"line {n}: [indirect] row coded {t} contains {hit}")
    return errors


def check(path, letter, speakers, min_words, max_words, families=None):
    """speakers: {"employee": regex, "customer": regex} for the labels."""
    raw = open(path, "rb").read()
    errors, warnings = _file_errors(raw), []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"{path}: ERROR not UTF-8: {e}")
        return 1
    if unicodedata.normalize("NFC", text) != text:
        errors.append("file is not NFC-normalised")
    lines = text.rstrip("\n").split("\n")
    if lines[0].split("\t") != HEADER:
        errors.append(f"header is {lines[0]!r}, expected {chr(9).join(HEADER)!r}")
    seen, speaker_group = set(), {}
    turns, counts, tags, indirect, n_themes = (Counter() for _ in range(5))
    words_all = []
    for n, line in enumerate(lines[1:], start=2):
        f = line.split("\t")
        if len(f) != 6:
            errors.append(f"line {n}: {len(f)} fields, expected 6")
            continue
        rid, group, speaker, themes, seg, reason = f
        want = f"{letter}{n - 1:03d}"
        if rid in seen or rid != want:
            errors.append(f"line {n}: id {rid}, expected {want} (unique, in order)")
        seen.add(rid)
        if group not in speakers:
            errors.append(f"line {n}: group {group!r}")
        elif not re.fullmatch(speakers[group], speaker):
            errors.append(f"line {n}: speaker {speaker!r} does not fit group {group}")
        if speaker_group.setdefault(speaker, group) != group:
            errors.append(f"line {n}: speaker {speaker} appears in two groups")
        turns[speaker] += 1
        ids = themes.split(",")
        if themes != "-":
            bad = [t for t in ids if t not in THEMES]
            if bad:
                errors.append(f"line {n}: unknown theme(s) {bad}")
            if len(set(ids)) != len(ids) or len(ids) > 3:
                errors.append(f"line {n}: repeated or more than three themes")
            n_themes[len(ids)] += 1
        words = len(seg.split())
        words_all.append(words)
        if not min_words <= words <= max_words:
            errors.append(f"line {n}: text has {words} words ({min_words}-{max_words})")
        if seg != seg.strip() or "  " in seg or not reason.strip():
            errors.append(f"line {n}: stray spaces in text or empty reason")
        errors += _tag_errors(n, seg, ids, reason, families, tags, indirect,
                              warnings)
        for t in ids:
            counts[(t, group)] += 1
    for e in errors:
        print(f"{path}: ERROR {e}")
    for w in warnings:
        print(f"{path}: warning {w}")
    groups = Counter(speaker_group.values())
    print(f"{len(lines) - 1} rows, {len(errors)} errors, {len(warnings)} warnings; "
          f"speakers: {groups['employee']} employee, {groups['customer']} customer")
    if words_all:
        print(f"words per text: min {min(words_all)}, max {max(words_all)}, "
              f"mean {statistics.mean(words_all):.1f}")
    print(f"themes per coded row: {dict(sorted(n_themes.items()))}; tags: "
          f"[indirect] {tags['indirect']}, [passing] {tags['passing']}, "
          f"[false friend] {tags['false friend']}")
    print(f"{'theme':15s} {'all':>4s} {'emp':>4s} {'cust':>4s} {'indir':>5s}")
    for t in ORDER + ["-"]:
        e, c = counts[(t, "employee")], counts[(t, "customer")]
        ind = f"{indirect[t]:5d}" if t in FOCUS else ""
        print(f"{t:15s} {e + c:4d} {e:4d} {c:4d} {ind}")
    return 1 if errors else 0


def run(here, name, letter, speakers, min_words, max_words, families=None):
    """A set's check.py main: checks the TSV given as the first argument,
    else here/name, and exits with check()'s status."""
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, name)
    sys.exit(check(path, letter, speakers, min_words, max_words, families))


# The quote-style sets (whole turns and excerpts of 15-70 words, tagged
# with QUOTE_FAMILIES): folder -> id letter, speaker labels. Their check.py
# is a link to tests/sets/quote-set-check.py.
QUOTE_SETS = {
    "heldout3": ("Z", {"employee": r"H[1-8]", "customer": r"A[1-4]"}),
    "heldout4": ("W", {"employee": r"H[1-8]", "customer": r"A[1-4]"}),
    "heldout5": ("X", {"employee": r"K[1-8]", "customer": r"B[1-4]"}),
    "heldout6": ("Y", {"employee": r"L[1-8]", "customer": r"D[1-4]"}),
    "heldout7": ("P", {"employee": r"M[1-8]", "customer": r"E[1-4]"}),
    "heldout8": ("Q", {"employee": r"N[1-8]", "customer": r"F[1-4]"}),
    "heldout9": ("U", {"employee": r"J[1-8]", "customer": r"G[1-4]"}),
    "heldout10": ("C", {"employee": r"T[1-8]", "customer": r"O[1-4]"}),
    "heldout11": ("I", {"employee": r"K[1-8]", "customer": r"B[1-4]"}),
    "heldout12": ("B", {"employee": r"L[1-8]", "customer": r"D[1-4]"}),
    "heldout13": ("E", {"employee": r"M[1-8]", "customer": r"E[1-4]"}),
    "heldout14": ("F", {"employee": r"N[1-8]", "customer": r"F[1-4]"}),
    "heldout15": ("G", {"employee": r"J[1-8]", "customer": r"G[1-4]"}),
    "heldout16": ("H", {"employee": r"T[1-8]", "customer": r"O[1-4]"}),
    "heldout17": ("K", {"employee": r"H[1-8]", "customer": r"A[1-4]"}),
    "heldout18": ("L", {"employee": r"K[1-8]", "customer": r"B[1-4]"}),
    "trainset3": ("V", {"employee": r"H[1-8]", "customer": r"A[1-4]"}),
}


def run_quote_set(here):
    """check.py of the quote-style set in folder here."""
    name = os.path.basename(here)
    letter, speakers = QUOTE_SETS[name]
    run(here, name + ".tsv", letter, speakers, 15, 70, QUOTE_FAMILIES)
