// test-messy.cpp — transcripts as students have them (tests/data/messy):
// every label dialect, encoding and word-processor layout imports into
// what EXPECTED.tsv (written by hand, not by teema) says; no word of the
// speech is left outside a turn; what looks wrong is warned about with its
// line. Also the parser's decisions one by one, on small texts.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "testutil.h"

namespace {

struct Expected {
  std::string file, informant, interviewer, speakers;
  guint n_informant, n_interviewer;
  std::string first, last;
};

std::vector<std::string>
split (const std::string &s, char sep)
{
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back (cur);
      cur.clear ();
    } else {
      cur += c;
    }
  }
  out.push_back (cur);
  return out;
}

std::vector<Expected>
read_expected ()
{
  std::ifstream in (testutil::source ("tests/data/messy/EXPECTED.tsv"));
  std::vector<Expected> rows;
  std::string line;
  std::getline (in, line); // header
  while (std::getline (in, line)) {
    if (line.empty ())
      continue;
    auto f = split (line, '\t');
    EXPECT_GE (f.size (), 8u) << line;
    if (f.size () < 8)
      continue;
    rows.push_back ({ f[0], f[1], f[2], f[3], (guint) std::stoul (f[4]),
                      (guint) std::stoul (f[5]), f[6], f[7] });
  }
  return rows;
}

// Whitespace-separated words, as Python's str.split() gives them.
std::vector<std::string>
words (const std::string &s)
{
  std::vector<std::string> out;
  std::string cur;
  for (const char *p = s.c_str (); *p; p = g_utf8_next_char (p)) {
    if (g_unichar_isspace (g_utf8_get_char (p))) {
      if (!cur.empty ())
        out.push_back (cur);
      cur.clear ();
    } else {
      cur.append (p, g_utf8_next_char (p) - p);
    }
  }
  if (!cur.empty ())
    out.push_back (cur);
  return out;
}

std::string
join (const std::vector<std::string> &w, size_t from, size_t to)
{
  std::string out;
  for (size_t i = from; i < to && i < w.size (); i++)
    out += (out.empty () ? "" : " ") + w[i];
  return out;
}

std::string
or_dash (const char *s)
{
  return s ? s : "-";
}

const char *
encoding_of (const std::string &file)
{
  if (file == "cp1252.txt")
    return "windows-1252";
  if (file == "latin9.txt")
    return "iso-8859-15";
  return nullptr;
}

std::string
messy (const std::string &file)
{
  return testutil::source ("tests/data/messy/" + file);
}

// The whole corpus in one project: every UTF-8, UTF-16, DOCX and ODT file
// in one import with no options; the two 8-bit files with --encoding.
class Messy : public ::testing::Test {
protected:
  static void SetUpTestSuite ()
  {
    dir = new testutil::TempDir ();
    GError *error = nullptr;
    project = teema_project_create (dir->file ("p.teema").c_str (), &error);
    ASSERT_NE (project, nullptr) << error->message;
    std::vector<std::string> plain;
    for (auto &e : read_expected ())
      if (!encoding_of (e.file))
        plain.push_back (messy (e.file));
      else
        import ({ messy (e.file) }, encoding_of (e.file));
    import (plain, nullptr);
  }
  static void TearDownTestSuite ()
  {
    teema_project_free (project);
    project = nullptr;
    for (auto &r : results)
      teema_import_result_free (r.second);
    results.clear ();
    delete dir;
  }
  static void import (const std::vector<std::string> &paths,
                      const char *encoding)
  {
    std::vector<const char *> argv;
    for (auto &p : paths)
      argv.push_back (p.c_str ());
    TeemaImportOptions opt = {};
    opt.encoding = encoding;
    GError *error = nullptr;
    GPtrArray *r =
      teema_document_import (project, argv.data (), argv.size (), &opt, &error);
    ASSERT_NE (r, nullptr) << error->message;
    for (guint i = 0; i < r->len; i++) {
      auto *res = (TeemaImportResult *) r->pdata[i];
      char *base = g_path_get_basename (res->path);
      results[base] = (TeemaImportResult *) g_ptr_array_steal_index (r, i--);
      g_free (base);
    }
    g_ptr_array_unref (r);
  }

  // The informant's speech: its segments' texts, in order.
  static std::string informant_text (const std::string &informant)
  {
    TeemaSegmentFilter f = { informant.c_str (), nullptr, FALSE, FALSE };
    GPtrArray *segs = teema_segment_list (project, &f, nullptr);
    std::string out;
    for (guint i = 0; segs && i < segs->len; i++)
      out +=
        std::string (i ? " " : "") + ((TeemaSegment *) segs->pdata[i])->text;
    if (segs)
      g_ptr_array_unref (segs);
    return out;
  }

  static testutil::TempDir *dir;
  static TeemaProject *project;
  static std::map<std::string, TeemaImportResult *> results;
};

testutil::TempDir *Messy::dir;
TeemaProject *Messy::project;
std::map<std::string, TeemaImportResult *> Messy::results;

TEST_F (Messy, EveryFileReadsAsExpected)
{
  auto rows = read_expected ();
  ASSERT_EQ (rows.size (), 25u);
  for (auto &e : rows) {
    SCOPED_TRACE (e.file);
    ASSERT_TRUE (results.count (e.file));
    const TeemaImportResult *r = results[e.file];
    EXPECT_EQ (or_dash (r->informant), e.informant);
    EXPECT_EQ (or_dash (r->interviewer), e.interviewer);
    EXPECT_EQ (or_dash (r->speakers), e.speakers);
    EXPECT_EQ (r->n_informant_turns, e.n_informant);
    EXPECT_EQ (r->n_interviewer_turns, e.n_interviewer);
    auto w = words (informant_text (r->informant));
    ASSERT_GE (w.size (), 10u);
    EXPECT_EQ (join (w, 0, 5), e.first);
    EXPECT_EQ (join (w, w.size () - 5, w.size ()), e.last);
  }
}

TEST_F (Messy, OneInformantPerFileAndGenericLabelsNameNobody)
{
  GPtrArray *infs = teema_informant_list (project, nullptr);
  ASSERT_NE (infs, nullptr);
  EXPECT_EQ (infs->len, 25u);
  const std::set<std::string> generic = {
    "V", "R", "Vastaaja", "Vast", "VASTAAJA", "Respondent", "Haastateltava"
  };
  for (guint i = 0; i < infs->len; i++) {
    auto *inf = (TeemaInformant *) infs->pdata[i];
    SCOPED_TRACE (inf->code);
    EXPECT_EQ (inf->n_documents, 1u);
    EXPECT_GT (inf->n_words, 150u);
    EXPECT_FALSE (generic.count (inf->code));
  }
  g_ptr_array_unref (infs);
}

// Every character of a stored text outside the segments is white space, a
// speaker label (with its colon or bold marks) or a timestamp: nothing of
// what anyone said is left out, and no stray CR is left in.
TEST_F (Messy, NothingButLabelsOutsideTheTurns)
{
  GPtrArray *docs = teema_document_list (project, nullptr);
  ASSERT_EQ (docs->len, 25u);
  GRegex *stamp =
    g_regex_new ("^[\\[(]?(\\d{1,2}:)?\\d{1,2}:\\d{2}[\\])]?$",
                 (GRegexCompileFlags) 0, (GRegexMatchFlags) 0, nullptr);
  for (guint d = 0; d < docs->len; d++) {
    auto *doc = (TeemaDocument *) docs->pdata[d];
    SCOPED_TRACE (doc->name);
    char *text = teema_document_text (project, doc->name, nullptr);
    ASSERT_NE (text, nullptr);
    EXPECT_EQ (strchr (text, '\r'), nullptr);
    TeemaSegmentFilter f = { doc->informant, nullptr, TRUE, FALSE };
    GPtrArray *segs = teema_segment_list (project, &f, nullptr);
    std::set<std::string> labels;
    std::vector<bool> inside (g_utf8_strlen (text, -1), false);
    for (guint i = 0; i < segs->len; i++) {
      auto *s = (TeemaSegment *) segs->pdata[i];
      for (auto &w : words (s->speaker))
        labels.insert (w);
      for (guint k = s->start; k < s->end; k++)
        inside[k] = true;
    }
    std::string outside;
    guint k = 0;
    for (const char *p = text; *p; p = g_utf8_next_char (p), k++)
      outside += inside[k] ? std::string (" ")
                           : std::string (p, g_utf8_next_char (p) - p);
    for (auto w : words (outside)) {
      while (w.size () > 2 && w.compare (0, 2, "**") == 0)
        w = w.substr (2);
      while (!w.empty () && (w.back () == ':' || w.back () == '*'))
        w.pop_back ();
      EXPECT_TRUE (
        labels.count (w)
        || g_regex_match (stamp, w.c_str (), (GRegexMatchFlags) 0, nullptr))
        << "'" << w << "' is outside every turn";
    }
    g_ptr_array_unref (segs);
    g_free (text);
  }
  g_regex_unref (stamp);
  g_ptr_array_unref (docs);
}

std::vector<std::string>
kinds_and_lines (const TeemaImportResult *r)
{
  std::vector<std::string> out;
  for (guint i = 0; i < r->warnings->len; i++) {
    auto *w = (TeemaWarning *) r->warnings->pdata[i];
    out.push_back (std::to_string (w->kind) + "@" + std::to_string (w->line)
                   + "/" + std::to_string (w->paragraph));
  }
  return out;
}

TEST_F (Messy, WarningsOnlyWhereSomethingIsOdd)
{
  const std::map<std::string, std::vector<std::string>> odd = {
    { "colon-in-answer.txt",
      { std::to_string (TEEMA_WARNING_LABEL_AS_TEXT) + "@7/0",
        std::to_string (TEEMA_WARNING_LABEL_AS_TEXT) + "@8/0" } },
    { "initials.txt",
      { std::to_string (TEEMA_WARNING_INTERVIEWER_GUESSED) + "@1/0" } },
    { "no-labels.txt", { std::to_string (TEEMA_WARNING_NO_LABELS) + "@0/0" } },
  };
  for (auto &r : results) {
    SCOPED_TRACE (r.first);
    auto want =
      odd.count (r.first) ? odd.at (r.first) : std::vector<std::string>{};
    EXPECT_EQ (kinds_and_lines (r.second), want);
  }
}

TEST_F (Messy, EncodingsAreSaid)
{
  EXPECT_STREQ (results["utf16le-bom.txt"]->encoding, "UTF-16LE");
  EXPECT_STREQ (results["utf16be-bom.txt"]->encoding, "UTF-16BE");
  EXPECT_STREQ (results["cp1252.txt"]->encoding, "windows-1252");
  EXPECT_STREQ (results["latin9.txt"]->encoding, "iso-8859-15");
  EXPECT_STREQ (results["utf8-bom.txt"]->encoding, "UTF-8");
  // The letters the 8-bit files are about came through.
  EXPECT_NE (informant_text ("A9").find ("’"), std::string::npos);
  EXPECT_NE (informant_text ("A9").find ("€"), std::string::npos);
  EXPECT_NE (informant_text ("latin9").find ("€"), std::string::npos);
  EXPECT_NE (informant_text ("latin9").find ("tšekkiläiseltä"),
             std::string::npos);
}

// ---- encodings --------------------------------------------------------------

std::string
import_error (const std::string &path, const char *encoding = nullptr)
{
  testutil::TempDir dir;
  GError *error = nullptr;
  TeemaProject *p =
    teema_project_create (dir.file ("p.teema").c_str (), &error);
  const char *paths[] = { path.c_str () };
  TeemaImportOptions opt = {};
  opt.encoding = encoding;
  GPtrArray *r = teema_document_import (p, paths, 1, &opt, &error);
  EXPECT_EQ (r, nullptr);
  if (r)
    g_ptr_array_unref (r);
  std::string msg = error ? error->message : "<no error>";
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_ENCODING))
    << msg;
  g_clear_error (&error);
  teema_project_free (p);
  return msg;
}

TEST (Encodings, EightBitRefusedWithTheOptionToUse)
{
  std::string msg = import_error (messy ("cp1252.txt"));
  EXPECT_NE (msg.find ("cp1252.txt:1:26:"), std::string::npos) << msg;
  EXPECT_NE (msg.find ("--encoding windows-1252"), std::string::npos) << msg;
  msg = import_error (messy ("latin9.txt"));
  EXPECT_NE (msg.find ("latin9.txt:1:20:"), std::string::npos) << msg;
  EXPECT_NE (msg.find ("--encoding iso-8859-15"), std::string::npos) << msg;
  msg = import_error (messy ("cp1252.txt"), "no-such-encoding");
  EXPECT_NE (msg.find ("unknown encoding"), std::string::npos) << msg;
}

// The informant's speech of file, imported with opt into a fresh project.
std::string
speech_of (const std::string &path, const TeemaImportOptions &opt)
{
  testutil::TempDir dir;
  GError *error = nullptr;
  TeemaProject *p =
    teema_project_create (dir.file ("p.teema").c_str (), &error);
  const char *paths[] = { path.c_str () };
  GPtrArray *r = teema_document_import (p, paths, 1, &opt, &error);
  EXPECT_NE (r, nullptr) << (error ? error->message : "");
  g_clear_error (&error);
  std::string out;
  GPtrArray *segs = r ? teema_segment_list (p, nullptr, nullptr) : nullptr;
  for (guint i = 0; segs && i < segs->len; i++)
    out += std::string ("|") + ((TeemaSegment *) segs->pdata[i])->text;
  if (segs)
    g_ptr_array_unref (segs);
  if (r)
    g_ptr_array_unref (r);
  teema_project_free (p);
  return out;
}

TEST (Encodings, AutoGuessesBothEightBitFiles)
{
  for (const char *file : { "cp1252.txt", "latin9.txt" }) {
    SCOPED_TRACE (file);
    TeemaImportOptions named = {}, guessed = {};
    named.encoding = encoding_of (file);
    guessed.encoding = "auto";
    std::string want = speech_of (messy (file), named);
    EXPECT_GT (want.size (), 1000u);
    EXPECT_EQ (speech_of (messy (file), guessed), want);
  }
}

TEST (Encodings, Utf16WithoutBomAndUtf8FilesIgnoreTheOption)
{
  testutil::TempDir dir;
  gchar *data = nullptr;
  gsize len = 0;
  ASSERT_TRUE (g_file_get_contents (messy ("utf16le-bom.txt").c_str (), &data,
                                    &len, nullptr));
  std::string no_bom =
    dir.write ("no-bom.txt", std::string (data + 2, len - 2));
  g_free (data);
  TeemaImportOptions none = {}, latin = {};
  latin.encoding = "windows-1252";
  std::string want = speech_of (messy ("utf16le-bom.txt"), none);
  EXPECT_GT (want.size (), 1000u);
  EXPECT_EQ (speech_of (no_bom, none), want);
  // --encoding is for files that are not UTF-8: it leaves these alone.
  EXPECT_EQ (speech_of (messy ("utf16le-bom.txt"), latin), want);
  EXPECT_EQ (speech_of (messy ("hv-colon.txt"), latin),
             speech_of (messy ("hv-colon.txt"), none));
}

// ---- the parser's decisions ----------------------------------------------

TeemaTranscript *
parse (const std::string &data, const TeemaTranscriptOptions *opt = nullptr)
{
  GError *error = nullptr;
  TeemaTranscript *t = teema_transcript_parse_with (
    data.data (), (gssize) data.size (), "t.txt", opt, &error);
  EXPECT_NE (t, nullptr) << (error ? error->message : "");
  g_clear_error (&error);
  return t;
}

std::string
turns_of (const TeemaTranscript *t)
{
  std::string out;
  for (guint i = 0; i < teema_transcript_n_turns (t); i++) {
    const TeemaTurn *turn = teema_transcript_turn (t, i);
    char *s =
      g_utf8_substring (teema_transcript_text (t), turn->start, turn->end);
    out += std::string (turn->interviewer ? "I " : "") + turn->speaker
           + (turn->timestamp ? std::string ("@") + turn->timestamp : "") + "|"
           + s + "\n";
    g_free (s);
  }
  return out;
}

std::vector<int>
warning_kinds (const TeemaTranscript *t)
{
  std::vector<int> out;
  GPtrArray *ws = teema_transcript_warnings (t);
  for (guint i = 0; i < ws->len; i++)
    out.push_back (((TeemaWarning *) ws->pdata[i])->kind);
  return out;
}

TEST (Speakers, AWordBeforeAColonOnceIsText)
{
  TeemaTranscript *t = parse ("Anna: Mitkä ovat tärkeimmät?\n"
                              "Pekka: Kaksi asiaa.\n"
                              "Ensimmäinen: luottamus.\n"
                              "Toinen: vaivattomuus.\n"
                              "Anna: Kiitos.\n"
                              "Pekka: Kiitos itsellesi.\n");
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (turns_of (t), "I Anna|Mitkä ovat tärkeimmät?\n"
                           "Pekka|Kaksi asiaa.\nEnsimmäinen: luottamus.\n"
                           "Toinen: vaivattomuus.\n"
                           "I Anna|Kiitos.\n"
                           "Pekka|Kiitos itsellesi.\n");
  // In line order: Anna asks (line 1); the two words are text (3, 4).
  EXPECT_EQ (warning_kinds (t),
             (std::vector<int>{ TEEMA_WARNING_INTERVIEWER_GUESSED,
                                TEEMA_WARNING_LABEL_AS_TEXT,
                                TEEMA_WARNING_LABEL_AS_TEXT }));
  EXPECT_STREQ (teema_transcript_informant (t), "Pekka");
  teema_transcript_free (t);
}

TEST (Speakers, LabelsAloneAboveTheSpeechWithAndWithoutColon)
{
  TeemaTranscript *t = parse ("HAASTATTELIJA\nMiten menee?\n\n"
                              "VASTAAJA\nHyvin.\n\nToinen kappale.\n\n"
                              "HAASTATTELIJA\nKiitos.\n\n"
                              "VASTAAJA\nOle hyvä.\n");
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (turns_of (t), "I HAASTATTELIJA|Miten menee?\n"
                           "VASTAAJA|Hyvin.\n\nToinen kappale.\n"
                           "I HAASTATTELIJA|Kiitos.\n"
                           "VASTAAJA|Ole hyvä.\n");
  EXPECT_EQ (teema_transcript_informant (t), nullptr); // generic
  EXPECT_STREQ (teema_transcript_speakers (t), "VASTAAJA");
  teema_transcript_free (t);
  // In a file whose labels have colons, a word alone on its line is text.
  t = parse ("H: Onko näin?\nV: On.\n\nOK\n\nH: Varmasti?\nV: Joo.\n\nOK\n");
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (turns_of (t), "I H|Onko näin?\nV|On.\n\nOK\n"
                           "I H|Varmasti?\nV|Joo.\n\nOK\n");
  teema_transcript_free (t);
}

TEST (Speakers, TimestampsBeforeAfterAndAboveTheLabel)
{
  TeemaTranscript *t = parse ("(00:00:04) H: Eka?\n"
                              "[00:00:09] V: Vastaus\njatkuu.\n"
                              "[00:00:20]\nH: Toka?\n"
                              "V (00:00:31): Joo.\n");
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (turns_of (t), "I H@00:00:04|Eka?\n"
                           "V@00:00:09|Vastaus\njatkuu.\n"
                           "I H@00:00:20|Toka?\n"
                           "V@00:00:31|Joo.\n");
  teema_transcript_free (t);
}

// A role word with the speaker's code in parentheses: the code is the
// speaker, so the informant is A2 and H asks (the whole file used to be
// one unlabelled paragraph). A timestamp may still follow.
TEST (Speakers, RoleWordWithACodeInParentheses)
{
  TeemaTranscript *t =
    parse ("Haastattelija (H): Mitä asiakaskokemus on?\n"
           "Haastateltava (A2): Se on kokonaisuus.\n"
           "Haastattelija (H) [00:01:02]: Ja vaivattomuus?\n"
           "Haastateltava (A2): Että asiointi on helppoa.\n");
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (turns_of (t), "I H|Mitä asiakaskokemus on?\n"
                           "A2|Se on kokonaisuus.\n"
                           "I H@00:01:02|Ja vaivattomuus?\n"
                           "A2|Että asiointi on helppoa.\n");
  EXPECT_STREQ (teema_transcript_informant (t), "A2");
  teema_transcript_free (t);
}

TEST (Speakers, TheInterviewerIsTheOneWhoAsks)
{
  const char *text = "MK: Mitä teet?\nT3: Varastoa.\n"
                     "MK: Miksi?\nT3: Koska se on työni.\n"
                     "MK: Kiitos.\nT3: Ole hyvä.\n";
  TeemaTranscript *t = parse (text);
  ASSERT_NE (t, nullptr);
  EXPECT_STREQ (teema_transcript_interviewer (t), "MK");
  EXPECT_STREQ (teema_transcript_informant (t), "T3");
  teema_transcript_free (t);
  // --interviewer overrides.
  TeemaTranscriptOptions opt = { "t3", nullptr };
  t = parse (text, &opt);
  ASSERT_NE (t, nullptr);
  EXPECT_STREQ (teema_transcript_interviewer (t), "T3");
  EXPECT_STREQ (teema_transcript_informant (t), "MK");
  EXPECT_TRUE (warning_kinds (t).empty ());
  teema_transcript_free (t);
  // Nobody clearly asks: said, not guessed.
  t = parse ("AB: Joo.\nCD: Niin.\nAB: No.\nCD: Aivan.\n");
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (teema_transcript_interviewer (t), nullptr);
  EXPECT_EQ (warning_kinds (t),
             (std::vector<int>{ TEEMA_WARNING_NO_INTERVIEWER,
                                TEEMA_WARNING_SEVERAL_SPEAKERS }));
  teema_transcript_free (t);
}

TEST (Speakers, HeaderNamesTheInformantOfGenericLabels)
{
  TeemaTranscript *t = parse ("---\ninformant: A7\ninterviewer: H\n---\n"
                              "H: Kysymys?\nV: Vastaus.\n"
                              "H: Toinen?\nV: Toinen vastaus.\n");
  ASSERT_NE (t, nullptr);
  EXPECT_STREQ (teema_transcript_informant (t), "A7");
  EXPECT_EQ (turns_of (t), "I H|Kysymys?\nV|Vastaus.\nI H|Toinen?\n"
                           "V|Toinen vastaus.\n");
  teema_transcript_free (t);
}

TEST (Speakers, RoleWordsAndNumberedSpeakersNameNobody)
{
  for (const char *text :
       { "Haastattelija: A?\nAsiakas: B.\nHaastattelija: C?\nAsiakas: D.\n",
         "Speaker 1: A?\nSpeaker 2: B.\nSpeaker 1: C?\nSpeaker 2: D.\n",
         "Q: A?\nA: B.\nQ: C?\nA: D.\n" }) {
    SCOPED_TRACE (text);
    TeemaTranscript *t = parse (text);
    ASSERT_NE (t, nullptr);
    EXPECT_EQ (teema_transcript_n_turns (t), 4u);
    EXPECT_EQ (teema_transcript_informant (t), nullptr);
    // The one who asks is the interviewer, whatever the label.
    EXPECT_TRUE (teema_transcript_turn (t, 0)->interviewer);
    EXPECT_FALSE (teema_transcript_turn (t, 1)->interviewer);
    teema_transcript_free (t);
  }
}

TEST (Speakers, TextBeforeTheFirstLabelIsWarnedAbout)
{
  TeemaTranscript *t = parse ("Haastattelu 3, 12.3.2026\n"
                              "Paikka: Vaasa\n\n"
                              "I: Kerro?\nR: No joo.\nI: Entä?\nR: Niin.\n");
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (teema_transcript_n_turns (t), 4u);
  // One warning for the lines, none for "Paikka:" among them.
  GPtrArray *ws = teema_transcript_warnings (t);
  ASSERT_EQ (ws->len, 1u);
  auto *w = (TeemaWarning *) ws->pdata[0];
  EXPECT_EQ (w->kind, TEEMA_WARNING_UNLABELLED_TEXT);
  EXPECT_EQ (w->line, 1u);
  EXPECT_NE (strstr (w->message, "2 lines"), nullptr) << w->message;
  teema_transcript_free (t);
  // A whole text in one paragraph and no label.
  t = parse ("Pelkkä vastaus ilman puhujia.\n");
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (warning_kinds (t), (std::vector<int>{ TEEMA_WARNING_NO_LABELS }));
  teema_transcript_free (t);
}

} // namespace
