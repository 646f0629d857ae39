#!/usr/bin/env python3
"""Regenerates the small interoperability fixtures in this folder.

The files are committed; run this only to change them. Each one is built
from hand-written XML or text so that what a test asserts is visible here.
"""
import zipfile

def zipit(name, members, **kw):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in members:
            z.writestr(n, data)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def wp(*runs):
    out = []
    for text, bold in runs:
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>')
    return "<w:p>" + "".join(out) + "</w:p>"

def row(*cells):
    return "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in cells) + "</w:tr>"

docx_body = "".join([
    wp(("Haastattelu 3, asiakas", False)),
    wp(("Haastattelija:", True), (" Miten kuvailisit yhteistyötä?", False)),
    wp(("H3", True), (" Luottamus on meille tärkeintä.", False)),
    wp(("Se on kasvanut vuosien mittaan.", False)),
    wp(("Haastattelija: Entä hinta?", False)),
    "<w:tbl>" + row("Puhuja", "Teksti") + row("H3", "Hinta ratkaisee harvoin.")
    + row("00:05:10", "Haastattelija", "Kiitos.") + "</w:tbl>",
])
docx_xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{docx_body}<w:sectPr/></w:body></w:document>'
zipit("interview.docx", [
    ("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    ("word/document.xml", docx_xml),
])

ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
odt_xml = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODT_NS} office:version="1.2">
<office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>
<office:body><office:text>
<text:h>Haastattelu 5</text:h>
<text:p><text:span text:style-name="T1">I:</text:span> Kerro   työstäsi.</text:p>
<text:p><text:span text:style-name="T1">Asiakas 2:</text:span> Teen<text:s/>hankintoja, ja asiointi on helppoa.</text:p>
<text:p>I: Entä mittaaminen?</text:p>
<text:p>Asiakas 2: NPS-luku kerätään kerran vuodessa.</text:p>
</office:text></office:body></office:document-content>'''
zipit("interview.odt", [("mimetype", "application/vnd.oasis.opendocument.text"),
                        ("content.xml", odt_xml)])

with open("interview.vtt", "w", encoding="utf-8") as f:
    f.write("""WEBVTT

NOTE made by hand for teema's tests

1
00:00:01.000 --> 00:00:04.000
<v Haastattelija>Mikä on tärkeintä asiakassuhteessa?

2
00:00:04.500 --> 00:00:09.000
<v Maija Virtanen>Luottamus, ehdottomasti.

3
00:00:09.000 --> 00:00:12.000
<v Maija Virtanen>Ja se, että &amp; lupaukset pidetään.

4
00:00:12.500 --> 00:00:14.000
<v Haastattelija><i>Kiitos.</i>
""")

with open("interview.srt", "w", encoding="utf-8", newline="") as f:
    f.write("1\r\n00:00:01,000 --> 00:00:03,000\r\nI: Miten mittaatte asiakaskokemusta?\r\n\r\n"
            "2\r\n00:00:03,500 --> 00:00:07,250\r\nH2: NPS-kyselyllä,\r\nkerran vuodessa.\r\n\r\n"
            "3\r\n00:00:07,500 --> 00:00:09,000\r\nja palautetta tulee myös suoraan.\r\n\r\n"
            "4\r\n00:00:10,000 --> 00:00:11,000\r\nI: Selvä.\r\n")

# ATLAS.ti style: CRLF in the source text counted as ONE character, a
# BOM, an upper-case GUID referenced in lower case, a repeated selection,
# an empty <Sets/>, a Sources/ folder and a .qde not named project.qde.
text = "\ufeffI: Mikä on tärkeää?\r\nR: Luottamus ja rehellisyys.\r\nI: Entä hinta?\r\nR: Hinta ratkaisee harvoin.\r\n"
plain = text[1:].replace("\r\n", "\n")
def pos(word):
    i = plain.index(word)
    return i, i + len(word)
s1, e1 = pos("Luottamus ja rehellisyys")
s2, e2 = pos("Hinta ratkaisee harvoin")
qde = f'''<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="crlf" origin="ATLAS.ti-like fixture">
<Users><User guid="AD68FBE7-E1EE-4A82-A279-23CC698C89EB" name="Anna"/></Users>
<CodeBook><Codes>
<Code guid="85D17F60-7BB0-481E-B742-B4861DD669DF" name="Luottamus" isCodable="true" color="#F00082"><Description>Trust</Description>
<Code guid="0983E32E-6866-431A-BD94-DAC9BB963825" name="Hinta" isCodable="true"/></Code>
</Codes></CodeBook>
<Sources><TextSource guid="69A4332D-5B31-4915-B520-5275CFC21B40" name="Haastattelu R" plainTextPath="internal://69A4332D-5B31-4915-B520-5275CFC21B40.txt">
<PlainTextSelection guid="4191294A-E287-4510-95B0-69BCE4638E56" startPosition="{s1}" endPosition="{e1}" name="Luottamus ja rehellisyys" creatingUser="ad68fbe7-e1ee-4a82-a279-23cc698c89eb"><Coding guid="445A6AEC-1400-4502-919D-0867832FF211" creatingUser="ad68fbe7-e1ee-4a82-a279-23cc698c89eb"><CodeRef targetGUID="85d17f60-7bb0-481e-b742-b4861dd669df"/></Coding></PlainTextSelection>
<PlainTextSelection guid="5191294A-E287-4510-95B0-69BCE4638E56" startPosition="{s1}" endPosition="{e1}" creatingUser="AD68FBE7-E1EE-4A82-A279-23CC698C89EB"><Coding guid="545A6AEC-1400-4502-919D-0867832FF211" creatingUser="AD68FBE7-E1EE-4A82-A279-23CC698C89EB"><CodeRef targetGUID="85D17F60-7BB0-481E-B742-B4861DD669DF"/></Coding></PlainTextSelection>
<PlainTextSelection guid="6191294A-E287-4510-95B0-69BCE4638E56" startPosition="{s2}" endPosition="{e2}" creatingUser="AD68FBE7-E1EE-4A82-A279-23CC698C89EB"><Coding guid="645A6AEC-1400-4502-919D-0867832FF211" creatingUser="AD68FBE7-E1EE-4A82-A279-23CC698C89EB"><CodeRef targetGUID="0983E32E-6866-431A-BD94-DAC9BB963825"/></Coding></PlainTextSelection>
</TextSource></Sources>
<Sets/>
</Project>'''
zipit("crlf-as-one.qdpx", [("Export 2024.qde", qde),
    ("Sources/69A4332D-5B31-4915-B520-5275CFC21B40.txt", text.encode("utf-8"))])

# Hostile files.
with open("billion-laughs.qde", "w") as f:
    f.write('<?xml version="1.0"?>\n<!DOCTYPE Project [\n <!ENTITY lol "lol">\n'
            + "".join(f' <!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">\n' for i in range(1, 10))
            + ']>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&lol9;"/>\n')
with open("xxe.qde", "w") as f:
    f.write('<?xml version="1.0"?>\n<!DOCTYPE Project [\n <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
            '<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>\n')
zipit("zip-slip.qdpx", [("project.qde", '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'),
                        ("../evil.txt", "escaped")])
zipit("many-members.qdpx", [("project.qde", '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>')]
      + [(f"sources/{i}.txt", "x") for i in range(20)])
zipit("bomb.qdpx", [("project.qde", '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'),
                    ("sources/zeros.txt", b"\0" * (2 * 1024 * 1024))])
# The same zeros as the text of a source: now they must be read, and are
# refused past the limit (an unreferenced member is never inflated).
zipit("bomb-referenced.qdpx", [("project.qde",
      '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>'
      '<TextSource guid="00000000-0000-0000-0000-000000000001" name="z"'
      ' plainTextPath="internal://zeros.txt"/></Sources></Project>'),
                    ("sources/zeros.txt", b"\0" * (2 * 1024 * 1024))])
with open("crlf-as-one.qdpx", "rb") as f:
    good = f.read()
with open("corrupt.qdpx", "wb") as f:
    f.write(good[:len(good) // 2] + b"\x00garbage" * 8)

with open("attributes.csv", "w", encoding="utf-8", newline="") as f:
    f.write('\ufeffinformant,group,role,"age, years"\r\nH1,employee,myyntipäällikkö,41\r\nA1,customer,"ostaja, IT",35\r\n')
with open("attributes-bad.csv", "w", encoding="utf-8") as f:
    f.write('informant,group\nH1,employee\nH9,customer\n')
