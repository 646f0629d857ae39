#!/usr/bin/env python3
"""Checks EXPECTED.tsv against the fixtures, independently of teema.

Each file is read the way a person who knows its dialect reads it: the
labels, the encoding and the layout of every file are written out below,
not guessed. The script then counts turns, takes the first and last five
words of the informant's speech and compares with EXPECTED.tsv. It also
checks the bytes that the encoding fixtures are about (BOMs, line ends,
0x80-0x9F in cp1252.txt, ...) and the 250-700 word length.

Run: python3 tests/data/messy/check-expected.py   (exit status 1 on mismatch)
"""
import csv
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))

# file: (encoding, layout, interviewer label, informant label, timestamp re)
# layouts: colon  "LABEL: text" at line start, unlabelled lines continue
#          alone  the label (exactly as given) alone on a line
#          paras  no labels; every paragraph is an informant turn
#          docx-inline / odt-inline  bold "LABEL:" starts a paragraph
#          docx-alone  bold LABEL is a paragraph of its own
PAREN = r"\(\d\d:\d\d:\d\d\) "
BRACKET = r"\[\d\d:\d\d:\d\d\] "
SPEC = {
    "hv-colon.txt": ("utf-8", "colon", "H", "V", None),
    "hv-header.txt": ("utf-8", "colon", "H", "V", None),
    "Haastattelu_03.txt": ("utf-8", "colon", "Haastattelija", "Haastateltava", None),
    "Haastattelu_04.txt": ("utf-8", "colon", "Haastattelija", "Vastaaja", None),
    "kysyja.txt": ("utf-8", "colon", "Kysyjä", "Vastaaja", None),
    "ir-english.txt": ("utf-8", "colon", "I", "R", None),
    "interviewer-respondent.txt": ("utf-8", "colon", "Interviewer", "Respondent", None),
    "initials.txt": ("utf-8", "colon", "MK", "T3", None),
    "caps-alone.txt": ("utf-8", "alone", "HAASTATTELIJA", "VASTAAJA", None),
    "label-above.txt": ("utf-8", "alone", "Haastattelija:", "H1:", None),
    "timestamps-paren.txt": ("utf-8", "colon", "H", "V", PAREN),
    "timestamps-bracket.txt": ("utf-8", "colon", "Haastattelija", "H4", BRACKET),
    "colon-in-answer.txt": ("utf-8", "colon", "Haastattelija", "H6", None),
    "no-labels.txt": ("utf-8", "paras", None, None, None),
    "crlf-mixed.txt": ("utf-8", "colon", "H", "V", None),
    "utf16le-bom.txt": ("utf-16", "colon", "Haastattelija", "Haastateltava", None),
    "utf16be-bom.txt": ("utf-16", "colon", "Haastattelija", "A8", None),
    "utf8-bom.txt": ("utf-8-sig", "colon", "H", "V", None),
    "cp1252.txt": ("cp1252", "colon", "Haastattelija", "A9", None),
    "latin9.txt": ("iso-8859-15", "colon", "Haast", "Vast", None),
    "bold-label.docx": (None, "docx-inline", "Haastattelija:", "Haastateltava:", None),
    "bold-label-odt.odt": (None, "odt-inline", "Haastattelija:", "Haastateltava:", None),
    "label-para.docx": (None, "docx-alone", "Haastattelija", "H2", None),
    "two-interviews-same-label.txt": ("utf-8", "colon", "Haastattelija", "Haastateltava", None),
    "two-interviews-same-label-2.txt": ("utf-8", "colon", "Haastattelija", "Haastateltava", None),
}

problems = []


def fail(msg):
    problems.append(msg)


def front_matter(text):
    """Returns (attributes, rest) for a leading --- block."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.index("\n---\n", 3)
    attrs = dict(l.split(": ", 1) for l in text[4:end].split("\n"))
    return attrs, text[end + 5:]


def parse_lines(text, layout, ilab, rlab, ts):
    """Returns a list of [speaker, [paragraph, ...]]."""
    turns = []
    para = []

    def flush():
        if para:
            turns[-1][1].append(" ".join(para))
            para.clear()

    for line in text.split("\n"):
        speaker, rest = None, None
        if layout == "colon":
            m = re.match(r"^(?:%s)?(%s|%s): (.*)$" % (ts or "", re.escape(ilab), re.escape(rlab)), line)
            if m:
                speaker, rest = m.group(1), m.group(2)
        elif layout == "alone" and line in (ilab, rlab):
            speaker, rest = line, ""
        if speaker is not None:
            if turns:
                flush()
            turns.append([speaker, []])
            if rest:
                para.append(rest)
        elif line.strip() == "":
            if turns:
                flush()
        else:
            if not turns:
                fail(f"text before the first label: {line[:40]!r}")
                continue
            para.append(line)
    flush()
    return turns


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFF = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def docx_paragraphs(path):
    """[(text, bold flags per character)] for each w:p."""
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    out = []
    for p in root.iter(W + "p"):
        text, bold = "", []
        for r in p.iter(W + "r"):
            b = r.find(W + "rPr/" + W + "b") is not None
            for el in r:
                s = el.text or "" if el.tag == W + "t" else "\n" if el.tag == W + "br" else ""
                text += s
                bold += [b] * len(s)
        out.append((text, bold))
    return out


def odt_paragraphs(path):
    root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
    bold_styles = {"T1"}
    out = []

    def walk(el, b, acc):
        if el.text:
            acc.append((el.text, b))
        for c in el:
            if c.tag == T + "span":
                walk(c, b or c.get(T + "style-name") in bold_styles, acc)
            elif c.tag == T + "line-break":
                acc.append(("\n", b))
            elif c.tag == T + "s":
                acc.append((" " * int(c.get(T + "c", "1")), b))
            if c.tail:
                acc.append((c.tail, b))

    for p in root.iter(T + "p"):
        acc = []
        walk(p, False, acc)
        out.append(("".join(s for s, _ in acc), [b for s, b in acc for _ in s]))
    return out


def parse_doc(paras, layout, ilab, rlab):
    turns = []
    for text, bold in paras:
        speaker = None
        for lab in (ilab, rlab):
            if layout.endswith("inline") and text.startswith(lab):
                speaker, rest = lab, text[len(lab):].strip()
            elif layout.endswith("alone") and text.strip() == lab:
                speaker, rest = lab, ""
            if speaker:
                if not all(bold[:len(lab)]):
                    fail(f"label {lab!r} is not bold")
                if any(b for ch, b in zip(text[len(lab):], bold[len(lab):]) if not ch.isspace()):
                    fail(f"speech after {lab!r} is bold")
                break
        if speaker:
            turns.append([speaker, [rest] if rest else []])
        elif not turns:
            fail(f"paragraph before the first label: {text[:40]!r}")
        elif text.strip():
            turns[-1][1].append(text)
    return turns


def norm_label(lab):
    return lab.rstrip(":") if lab else "-"


def check_bytes(name, raw):
    if name == "utf16le-bom.txt" and not raw.startswith(b"\xff\xfe"):
        fail(f"{name}: no UTF-16 LE BOM")
    if name == "utf16be-bom.txt" and not raw.startswith(b"\xfe\xff"):
        fail(f"{name}: no UTF-16 BE BOM")
    if name == "utf8-bom.txt" and not raw.startswith(b"\xef\xbb\xbfH: "):
        fail(f"{name}: no UTF-8 BOM before 'H: '")
    if name == "crlf-mixed.txt":
        crlf = raw.count(b"\r\n")
        lf = raw.count(b"\n") - crlf
        if not (crlf and lf and re.search(rb"[^\r]\n\r\n", raw)):
            fail(f"{name}: line ends not mixed (CRLF {crlf}, LF {lf})")
    if name == "cp1252.txt":
        if not any(0x80 <= c <= 0x9F for c in raw) or b"\r\n" not in raw:
            fail(f"{name}: no 0x80-0x9F byte or no CRLF")
        try:
            raw.decode("utf-8")
            fail(f"{name}: decodes as UTF-8")
        except UnicodeDecodeError:
            pass
    if name == "latin9.txt" and not (b"\xa4" in raw and b"\xa8" in raw):
        fail(f"{name}: no euro (A4) or s-caron (A8) byte")
    if name.endswith(".odt"):
        if raw[30:38] != b"mimetype" or raw[8:10] != b"\0\0":
            fail(f"{name}: mimetype is not the first, stored member")


def read(name):
    enc, layout, ilab, rlab, ts = SPEC[name]
    path = os.path.join(HERE, name)
    with open(path, "rb") as f:
        raw = f.read()
    check_bytes(name, raw)
    attrs = {}
    if layout == "docx-inline" or layout == "docx-alone":
        turns = parse_doc(docx_paragraphs(path), layout, ilab, rlab)
        alltext = " ".join(p for _, ps in turns for p in ps)
    elif layout == "odt-inline":
        turns = parse_doc(odt_paragraphs(path), layout, ilab, rlab)
        alltext = " ".join(p for _, ps in turns for p in ps)
    else:
        text = raw.decode(enc)
        if "\ufeff" in text:
            fail(f"{name}: BOM left in the decoded text")
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            fail(f"{name}: stray CR")
        attrs, text = front_matter(text)
        alltext = text
        if layout == "paras":
            turns = [["-", [p.replace("\n", " ")]] for p in text.split("\n\n") if p.strip()]
        else:
            turns = parse_lines(text, layout, ilab, rlab, ts)
    return attrs, turns, alltext


def main():
    with open(os.path.join(HERE, "EXPECTED.tsv"), encoding="utf-8", newline="") as f:
        expected = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    files = sorted(n for n in os.listdir(HERE)
                   if n.endswith((".txt", ".docx", ".odt")))
    if sorted(r["file"] for r in expected) != files or sorted(SPEC) != files:
        fail("EXPECTED.tsv, SPEC and the folder do not list the same files")
    stems = [os.path.splitext(r["file"])[0] for r in expected]
    if len(set(stems)) != len(stems):
        fail("two fixtures share a file stem")
    ids = [r["informant"] for r in expected]
    if len(set(ids)) != len(ids):
        fail("two fixtures expect the same informant id")

    for row in expected:
        name = row["file"]
        if name not in SPEC:
            continue
        enc, layout, ilab, rlab, ts = SPEC[name]
        attrs, turns, alltext = read(name)
        # Turns alternate in every file (a turn is one contiguous speech).
        if layout != "paras":
            for a, b in zip(turns, turns[1:]):
                if a[0] == b[0]:
                    fail(f"{name}: two {a[0]} turns in a row")
        inf = [t for t in turns if t[0] != ilab]
        intv = [t for t in turns if t[0] == ilab]
        words = " ".join(p for _, ps in inf for p in ps).split()
        stem = os.path.splitext(name)[0]
        if "informant" in attrs:
            informant = attrs["informant"]
        elif rlab and re.fullmatch(r"[A-Z]{1,2}\d+:?", rlab):
            informant = norm_label(rlab)
        else:
            informant = stem
        got = {
            "informant": informant,
            "interviewer_label": norm_label(attrs.get("interviewer") or ilab),
            "informant_label": norm_label(rlab),
            "n_informant_turns": str(len(inf)),
            "n_interviewer_turns": str(len(intv)),
            "first_informant_words": " ".join(words[:5]),
            "last_informant_words": " ".join(words[-5:]),
        }
        for k, v in got.items():
            if row[k] != v:
                fail(f"{name}: {k} expected {row[k]!r}, read {v!r}")
        nwords = len(alltext.split())
        if not 250 <= nwords <= 700:
            fail(f"{name}: {nwords} words, not 250-700")
        print(f"{name:34} {informant:28} inf {len(inf):2} int {len(intv):2} words {nwords}")

    # colon-in-answer.txt: the two false labels are informant text, once each.
    _, turns, alltext = read("colon-in-answer.txt")
    h6 = "\n".join(p for s, ps in turns if s == "H6" for p in ps)
    for w in ("Ensimmäinen: luottamus", "Toinen: se että"):
        if alltext.count(w) != 1 or w not in h6:
            fail(f"colon-in-answer.txt: {w!r} not once in H6's speech")
    # initials.txt: the interviewer is the one who asks.
    _, turns, _ = read("initials.txt")
    mk = [" ".join(ps) for s, ps in turns if s == "MK"]
    t3 = [" ".join(ps) for s, ps in turns if s == "T3"]
    if sum(t.endswith("?") for t in mk) < 5 or any("?" in t for t in t3) \
            or 4 * sum(len(t.split()) for t in mk) > sum(len(t.split()) for t in t3):
        fail("initials.txt: MK does not look like the one who asks")

    for p in problems:
        print("FAIL:", p)
    print(f"{len(expected)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
