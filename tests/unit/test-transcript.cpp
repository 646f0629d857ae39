// test-transcript.cpp — parsing transcripts (front matter, encodings,
// labels, offsets) and importing them: segmentation, word counts,
// duplicates and the bundled corpus.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "testutil.h"

namespace {

// Parses or fails the test; the caller frees.
TeemaTranscript *
parse (const std::string &data)
{
  GError *error = nullptr;
  TeemaTranscript *t = teema_transcript_parse (
    data.data (), (gssize) data.size (), "t.txt", &error);
  EXPECT_NE (t, nullptr) << (error ? error->message : "");
  g_clear_error (&error);
  return t;
}

// Parses data expecting failure with code; returns the message.
std::string
parse_error (const std::string &data, int code)
{
  GError *error = nullptr;
  TeemaTranscript *t = teema_transcript_parse (
    data.data (), (gssize) data.size (), "t.txt", &error);
  EXPECT_EQ (t, nullptr);
  teema_transcript_free (t);
  if (!error)
    return "<no error>";
  EXPECT_EQ (error->domain, TEEMA_ERROR);
  EXPECT_EQ (error->code, code) << error->message;
  std::string msg = error->message;
  g_error_free (error);
  return msg;
}

// The code points [start, end) of text.
std::string
span (const char *text, guint start, guint end)
{
  char *s = g_utf8_substring (text, start, end);
  std::string out = s;
  g_free (s);
  return out;
}

std::string
turn_text (const TeemaTranscript *t, guint i)
{
  const TeemaTurn *turn = teema_transcript_turn (t, i);
  return span (teema_transcript_text (t), turn->start, turn->end);
}

TEST (Transcript, FrontMatterFields)
{
  TeemaTranscript *t = parse ("---\n"
                              "informant: H2\n"
                              "group: customer\n"
                              "role: hankintapäällikkö\n"
                              "sector: kunta\n"
                              "Customer_Since: 2014\n"
                              "interviewer: Tutkija, Anna\n"
                              "---\n"
                              "Anna: Kerro vähän?\n"
                              "H2: No joo.\n");
  ASSERT_NE (t, nullptr);
  EXPECT_STREQ (teema_transcript_meta (t, "informant"), "H2");
  EXPECT_STREQ (teema_transcript_meta (t, "group"), "customer");
  EXPECT_STREQ (teema_transcript_meta (t, "role"), "hankintapäällikkö");
  EXPECT_STREQ (teema_transcript_meta (t, "sector"), "kunta");
  EXPECT_STREQ (teema_transcript_meta (t, "customer_since"), "2014");
  EXPECT_EQ (teema_transcript_meta (t, "date"), nullptr);
  std::vector<std::string> keys;
  for (const char *const *k = teema_transcript_meta_keys (t); *k; k++)
    keys.push_back (*k);
  EXPECT_EQ (keys,
             (std::vector<std::string>{ "informant", "group", "role", "sector",
                                        "customer_since", "interviewer" }));
  EXPECT_STREQ (teema_transcript_informant (t), "H2");
  // The stored text starts after the header.
  EXPECT_STREQ (teema_transcript_text (t), "Anna: Kerro vähän?\nH2: No joo.\n");
  ASSERT_EQ (teema_transcript_n_turns (t), 2u);
  EXPECT_TRUE (teema_transcript_turn (t, 0)->interviewer); // listed
  EXPECT_FALSE (teema_transcript_turn (t, 1)->interviewer);
  // Lines are lines of the file, header included.
  EXPECT_EQ (teema_transcript_turn (t, 0)->line, 9u);
  EXPECT_EQ (teema_transcript_turn (t, 1)->line, 10u);
  teema_transcript_free (t);
}

TEST (Transcript, MalformedHeaderLineNamesFileAndLine)
{
  std::string msg = parse_error ("---\n"
                                 "informant: H1\n"
                                 "group: employee\n"
                                 "tämä ei ole otsake\n"
                                 "---\n"
                                 "H1: Moi.\n",
                                 TEEMA_ERROR_PARSE);
  EXPECT_NE (msg.find ("t.txt:4:"), std::string::npos) << msg;
  EXPECT_NE (msg.find ("tämä ei ole otsake"), std::string::npos) << msg;
  msg = parse_error ("---\n: no key\n---\nH1: Moi.\n", TEEMA_ERROR_PARSE);
  EXPECT_NE (msg.find ("t.txt:2:"), std::string::npos) << msg;
}

TEST (Transcript, UnclosedHeader)
{
  std::string msg =
    parse_error ("---\ninformant: H1\ngroup: employee\n", TEEMA_ERROR_PARSE);
  EXPECT_NE (msg.find ("t.txt:1:"), std::string::npos) << msg;
  EXPECT_NE (msg.find ("never closed"), std::string::npos) << msg;
}

TEST (Transcript, BomAndCrlfAccepted)
{
  TeemaTranscript *t = parse ("\xEF\xBB\xBF---\r\ninformant: H1\r\n---\r\n"
                              "I: Mitä kuuluu?\r\nH1: Hyvää.\r\nKiitos.\r\n");
  ASSERT_NE (t, nullptr);
  EXPECT_STREQ (teema_transcript_meta (t, "informant"), "H1");
  EXPECT_STREQ (teema_transcript_text (t),
                "I: Mitä kuuluu?\nH1: Hyvää.\nKiitos.\n");
  ASSERT_EQ (teema_transcript_n_turns (t), 2u);
  EXPECT_EQ (turn_text (t, 1), "Hyvää.\nKiitos.");
  teema_transcript_free (t);
  // Lone CR line ends too.
  t = parse ("I: Eka?\rH1: Toka.\r");
  ASSERT_NE (t, nullptr);
  EXPECT_STREQ (teema_transcript_text (t), "I: Eka?\nH1: Toka.\n");
  teema_transcript_free (t);
}

TEST (Transcript, TextIsNfc)
{
  // "äiti" written decomposed: a + U+0308.
  TeemaTranscript *t = parse ("H1: a\xCC\x88iti ja o\xCC\x88ljy.\n");
  ASSERT_NE (t, nullptr);
  EXPECT_STREQ (teema_transcript_text (t), "H1: äiti ja öljy.\n");
  ASSERT_EQ (teema_transcript_n_turns (t), 1u);
  const TeemaTurn *turn = teema_transcript_turn (t, 0);
  EXPECT_EQ (turn->start, 4u);
  EXPECT_EQ (turn->end, 4u + 13u); // "äiti ja öljy." in NFC code points
  teema_transcript_free (t);
}

TEST (Transcript, InvalidUtf8NamesLineAndColumn)
{
  std::string msg =
    parse_error ("H1: ok\nH1: hyv\xe4 juttu\n", TEEMA_ERROR_ENCODING);
  EXPECT_NE (msg.find ("t.txt:2:8:"), std::string::npos) << msg;
  EXPECT_NE (msg.find ("UTF-8"), std::string::npos) << msg;
  // In the header too.
  msg = parse_error ("---\ninformant: H1\nrole: myyj\xe4\n---\nH1: x\n",
                     TEEMA_ERROR_ENCODING);
  EXPECT_NE (msg.find ("t.txt:3:11:"), std::string::npos) << msg;
}

TEST (Transcript, EmptyInput)
{
  std::string msg = parse_error ("", TEEMA_ERROR_EMPTY);
  EXPECT_NE (msg.find ("t.txt"), std::string::npos) << msg;
  parse_error (" \n\t\n\n", TEEMA_ERROR_EMPTY);
  parse_error ("\xEF\xBB\xBF", TEEMA_ERROR_EMPTY);
  parse_error ("---\ninformant: H1\n---\n\n", TEEMA_ERROR_EMPTY);
}

TEST (Transcript, SpeakerLabels)
{
  TeemaTranscript *t = parse ("Haastattelija: Ensimmäinen kysymys?\n"
                              "H1: Vastaus yksi.\n"
                              "[00:01:23] I: Toinen?\n"
                              "(01:23) H1: Vastaus kaksi\n"
                              "jatkuu tässä.\n"
                              "\n"
                              "Uusi kappale.\n"
                              "[1:02:03.5] Int: Kolmas?\n"
                              "**H1:** Markdown-vastaus.\n"
                              "Q: Neljäs?\n"
                              "**H1**: Viimeinen.\n");
  ASSERT_NE (t, nullptr);
  ASSERT_EQ (teema_transcript_n_turns (t), 8u);
  struct Want {
    const char *speaker;
    bool interviewer;
    const char *timestamp;
    const char *text;
    guint line;
  } want[] = {
    { "Haastattelija", true, nullptr, "Ensimmäinen kysymys?", 1 },
    { "H1", false, nullptr, "Vastaus yksi.", 2 },
    { "I", true, "00:01:23", "Toinen?", 3 },
    { "H1", false, "01:23", "Vastaus kaksi\njatkuu tässä.\n\nUusi kappale.",
      4 },
    { "Int", true, "1:02:03.5", "Kolmas?", 8 },
    { "H1", false, nullptr, "Markdown-vastaus.", 9 },
    { "Q", true, nullptr, "Neljäs?", 10 },
    { "H1", false, nullptr, "Viimeinen.", 11 },
  };
  for (guint i = 0, k = 0; k < G_N_ELEMENTS (want); i++, k++) {
    const TeemaTurn *turn = teema_transcript_turn (t, i);
    SCOPED_TRACE (i);
    EXPECT_STREQ (turn->speaker, want[k].speaker);
    EXPECT_EQ ((bool) turn->interviewer, want[k].interviewer);
    EXPECT_STREQ (turn->timestamp, want[k].timestamp);
    EXPECT_EQ (turn_text (t, i), want[k].text);
    EXPECT_EQ (turn->line, want[k].line);
  }
  EXPECT_STREQ (teema_transcript_informant (t), "H1");
  teema_transcript_free (t);
}

TEST (Transcript, InterviewerDetectionAndInformant)
{
  // Without front matter, the only non-interviewer speaker is the informant.
  TeemaTranscript *t = parse ("Haast: Kysymys?\nA3: Vastaus.\n"
                              "Interviewer: Toinen?\nA3: Niin.\n");
  ASSERT_NE (t, nullptr);
  EXPECT_TRUE (teema_transcript_turn (t, 0)->interviewer);
  EXPECT_TRUE (teema_transcript_turn (t, 2)->interviewer);
  EXPECT_STREQ (teema_transcript_informant (t), "A3");
  teema_transcript_free (t);
  // Two informant speakers and no header: no single informant.
  t = parse ("I: Kysymys?\nA3: Vastaus.\nA4: Minä myös.\n");
  ASSERT_NE (t, nullptr);
  EXPECT_EQ (teema_transcript_informant (t), nullptr);
  teema_transcript_free (t);
  // "interviewer:" in the header names extra interviewer labels.
  t = parse ("---\ninformant: H4\ninterviewer: Mikko\n---\n"
             "Mikko: Kysymys?\nH4: Vastaus.\n");
  ASSERT_NE (t, nullptr);
  EXPECT_TRUE (teema_transcript_turn (t, 0)->interviewer);
  EXPECT_FALSE (teema_transcript_turn (t, 1)->interviewer);
  teema_transcript_free (t);
}

TEST (Transcript, HeadingEndsATurnAndColonsInTextAreNotLabels)
{
  // With a declared informant, "Huom:" at the start of a line is text, not
  // a new speaker; Markdown headings end a turn and belong to none.
  TeemaTranscript *t = parse ("---\ninformant: H3\n---\n"
                              "# Haastattelu H3\n\n"
                              "I: Kysymys?\n"
                              "H3: Vastaus: se on näin.\n"
                              "Huom: tämä jatkuu.\n"
                              "## Osa 2\n"
                              "I: Seuraava?\n");
  ASSERT_NE (t, nullptr);
  ASSERT_EQ (teema_transcript_n_turns (t), 3u);
  EXPECT_EQ (turn_text (t, 0), "Kysymys?");
  EXPECT_EQ (turn_text (t, 1), "Vastaus: se on näin.\nHuom: tämä jatkuu.");
  EXPECT_EQ (turn_text (t, 2), "Seuraava?");
  teema_transcript_free (t);
}

TEST (Transcript, TurnOffsetsAreCodePoints)
{
  const char *text = "I: Mitä kävi öisin?\n"
                     "H1: Tämä on vastaus.\n"
                     "Se jatkuu ääkkösin.\n"
                     "[00:00:09] I: Ööh?\n"
                     "H1: Joo.\n";
  TeemaTranscript *t = parse (text);
  ASSERT_NE (t, nullptr);
  ASSERT_EQ (teema_transcript_n_turns (t), 4u);
  const TeemaTurn *h1 = teema_transcript_turn (t, 1);
  // "I: Mitä kävi öisin?\n" is 20 code points (23 bytes), "H1: " 4.
  EXPECT_EQ (h1->start, 24u);
  EXPECT_EQ (h1->end, 24u + 36u);
  EXPECT_EQ (turn_text (t, 1), "Tämä on vastaus.\nSe jatkuu ääkkösin.");
  EXPECT_EQ (turn_text (t, 0), "Mitä kävi öisin?");
  EXPECT_EQ (turn_text (t, 2), "Ööh?");
  EXPECT_EQ (turn_text (t, 3), "Joo.");
  // Turns are in order and do not overlap.
  for (guint i = 1; i < teema_transcript_n_turns (t); i++)
    EXPECT_LE (teema_transcript_turn (t, i - 1)->end,
               teema_transcript_turn (t, i)->start);
  teema_transcript_free (t);
}

TEST (Transcript, BodyWithoutLabelsIsOneInformantTurn)
{
  TeemaTranscript *t = parse ("---\ninformant: A9\n---\n\n"
                              "Kirjoitettu vastaus ilman puhujia.\n");
  ASSERT_NE (t, nullptr);
  ASSERT_EQ (teema_transcript_n_turns (t), 1u);
  EXPECT_STREQ (teema_transcript_turn (t, 0)->speaker, "A9");
  EXPECT_FALSE (teema_transcript_turn (t, 0)->interviewer);
  EXPECT_EQ (turn_text (t, 0), "Kirjoitettu vastaus ilman puhujia.");
  teema_transcript_free (t);
}

// ---- import ---------------------------------------------------------------

class Import : public ::testing::Test {
protected:
  void SetUp () override
  {
    GError *error = nullptr;
    p = teema_project_create (dir.file ("p.teema").c_str (), &error);
    ASSERT_NE (p, nullptr) << error->message;
  }
  void TearDown () override
  {
    teema_project_free (p);
  }

  GPtrArray *import (const std::string &name, const std::string &data,
                     TeemaSegmentation mode, gboolean force = FALSE,
                     GError **error = nullptr)
  {
    std::string path = dir.write (name, data);
    const char *paths[] = { path.c_str () };
    TeemaImportOptions opt = {};
    opt.segmentation = mode;
    opt.force = force;
    return teema_document_import (p, paths, 1, &opt, error);
  }

  std::vector<std::string> segment_texts (bool all = false)
  {
    TeemaSegmentFilter f = {};
    f.include_interviewer = all;
    GPtrArray *segs = teema_segment_list (p, &f, nullptr);
    std::vector<std::string> out;
    for (guint i = 0; segs && i < segs->len; i++)
      out.push_back (((TeemaSegment *) segs->pdata[i])->text);
    if (segs)
      g_ptr_array_unref (segs);
    return out;
  }

  testutil::TempDir dir;
  TeemaProject *p = nullptr;
};

const char *const kSegmentable =
  "---\ninformant: H1\ngroup: employee\n---\n"
  "I: Kerrotko ensin, mitä teet?\n"
  "H1: Ensimmäinen lause. Toinen lause on tässä! Kolmas?\n"
  "Jatkuu samalla rivillä.\n"
  "\n"
  "Uusi kappale alkaa.\n"
  "I: Kiitos.\n";

// Every segment's text is the stored text at its [start, end).
void
expect_offsets_match (TeemaProject *p, const char *data)
{
  TeemaTranscript *t = parse (data);
  ASSERT_NE (t, nullptr);
  TeemaSegmentFilter f = {};
  f.include_interviewer = TRUE;
  GPtrArray *segs = teema_segment_list (p, &f, nullptr);
  ASSERT_NE (segs, nullptr);
  for (guint i = 0; i < segs->len; i++) {
    auto *s = (TeemaSegment *) segs->pdata[i];
    EXPECT_EQ (span (teema_transcript_text (t), s->start, s->end), s->text)
      << "segment " << s->ordinal;
    EXPECT_EQ (s->ordinal, i + 1);
  }
  g_ptr_array_unref (segs);
  teema_transcript_free (t);
}

TEST_F (Import, TurnSegmentation)
{
  GPtrArray *r = import ("H1.txt", kSegmentable, TEEMA_SEGMENT_TURN);
  ASSERT_NE (r, nullptr);
  auto *res = (TeemaImportResult *) r->pdata[0];
  EXPECT_STREQ (res->informant, "H1");
  EXPECT_EQ (res->n_turns, 3u);
  EXPECT_EQ (res->n_segments, 3u);
  // 2 + 4 + 1 + 3 + 3 informant words; interviewer words are not counted.
  EXPECT_EQ (res->n_words, 13u);
  EXPECT_FALSE (res->replaced);
  g_ptr_array_unref (r);
  EXPECT_EQ (segment_texts (),
             (std::vector<std::string>{
               "Ensimmäinen lause. Toinen lause on tässä! Kolmas?\n"
               "Jatkuu samalla rivillä.\n\nUusi kappale alkaa." }));
  EXPECT_EQ (segment_texts (true).size (), 3u);
  expect_offsets_match (p, kSegmentable);
}

TEST_F (Import, ParagraphSegmentation)
{
  GPtrArray *r = import ("H1.txt", kSegmentable, TEEMA_SEGMENT_PARAGRAPH);
  ASSERT_NE (r, nullptr);
  EXPECT_EQ (((TeemaImportResult *) r->pdata[0])->n_segments, 4u);
  g_ptr_array_unref (r);
  EXPECT_EQ (segment_texts (),
             (std::vector<std::string>{
               "Ensimmäinen lause. Toinen lause on tässä! Kolmas?\n"
               "Jatkuu samalla rivillä.",
               "Uusi kappale alkaa." }));
  expect_offsets_match (p, kSegmentable);
}

TEST_F (Import, SentenceSegmentation)
{
  GPtrArray *r = import ("H1.txt", kSegmentable, TEEMA_SEGMENT_SENTENCE);
  ASSERT_NE (r, nullptr);
  EXPECT_EQ (((TeemaImportResult *) r->pdata[0])->n_words, 13u);
  g_ptr_array_unref (r);
  // "Kolmas?" ends a sentence; the line break after it is not needed.
  EXPECT_EQ (segment_texts (),
             (std::vector<std::string>{
               "Ensimmäinen lause.", "Toinen lause on tässä!", "Kolmas?",
               "Jatkuu samalla rivillä.", "Uusi kappale alkaa." }));
  expect_offsets_match (p, kSegmentable);
  // Segments keep their turn's speaker and informant.
  GPtrArray *segs = teema_segment_list (p, nullptr, nullptr);
  for (guint i = 0; i < segs->len; i++) {
    EXPECT_STREQ (((TeemaSegment *) segs->pdata[i])->speaker, "H1");
    EXPECT_STREQ (((TeemaSegment *) segs->pdata[i])->group, "employee");
  }
  g_ptr_array_unref (segs);
}

TEST_F (Import, SentenceWrappedAcrossLinesStaysWhole)
{
  const char *data = "H1: Tämä lause jatkuu\nseuraavalle riville. Toinen "
                     "lause.\n\nKolmas kappale.\n";
  GPtrArray *r = import ("H1.txt", data, TEEMA_SEGMENT_SENTENCE);
  ASSERT_NE (r, nullptr);
  g_ptr_array_unref (r);
  EXPECT_EQ (segment_texts (), (std::vector<std::string>{
                                 "Tämä lause jatkuu\nseuraavalle riville.",
                                 "Toinen lause.", "Kolmas kappale." }));
  expect_offsets_match (p, data);
}

TEST_F (Import, TranscriptionMarksAreNotWords)
{
  const char *data = "I: Miten meni?\n"
                     "H2: No [naurua] mä oon (.) ollu täällä (epäselvä) "
                     "viis (..) vuotta [tauko] ja tota--\n";
  GPtrArray *r = import ("H2.txt", data, TEEMA_SEGMENT_TURN);
  ASSERT_NE (r, nullptr);
  // No, mä, oon, ollu, täällä, viis, vuotta, ja, tota.
  EXPECT_EQ (((TeemaImportResult *) r->pdata[0])->n_words, 9u);
  g_ptr_array_unref (r);
  GPtrArray *segs = teema_segment_list (p, nullptr, nullptr);
  ASSERT_EQ (segs->len, 1u);
  EXPECT_EQ (((TeemaSegment *) segs->pdata[0])->n_words, 9u);
  // The marks stay in the text verbatim.
  EXPECT_NE (strstr (((TeemaSegment *) segs->pdata[0])->text, "[naurua]"),
             nullptr);
  g_ptr_array_unref (segs);
  // The informant has no header: it is the only non-interviewer speaker.
  GPtrArray *infs = teema_informant_list (p, nullptr);
  ASSERT_EQ (infs->len, 1u);
  EXPECT_STREQ (((TeemaInformant *) infs->pdata[0])->code, "H2");
  EXPECT_EQ (((TeemaInformant *) infs->pdata[0])->n_words, 9u);
  g_ptr_array_unref (infs);
}

TEST_F (Import, SameContentRefusedUnlessForced)
{
  GPtrArray *r = import ("H1.txt", kSegmentable, TEEMA_SEGMENT_TURN);
  ASSERT_NE (r, nullptr);
  g_ptr_array_unref (r);
  GError *error = nullptr;
  // Same content under another name and with CRLF: still the same text.
  std::string crlf;
  for (const char *c = kSegmentable; *c; c++)
    crlf += *c == '\n' ? std::string ("\r\n") : std::string (1, *c);
  EXPECT_EQ (import ("copy.txt", crlf, TEEMA_SEGMENT_TURN, FALSE, &error),
             nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS));
  EXPECT_NE (strstr (error->message, "copy.txt"), nullptr) << error->message;
  EXPECT_NE (strstr (error->message, "--force"), nullptr) << error->message;
  g_clear_error (&error);
  EXPECT_EQ (segment_texts (true).size (), 3u);
  // Forced, with another segmentation: replaced, not added.
  r = import ("copy.txt", crlf, TEEMA_SEGMENT_SENTENCE, TRUE, &error);
  ASSERT_NE (r, nullptr) << error->message;
  EXPECT_TRUE (((TeemaImportResult *) r->pdata[0])->replaced);
  g_ptr_array_unref (r);
  EXPECT_EQ (segment_texts ().size (), 5u);
  GPtrArray *infs = teema_informant_list (p, nullptr);
  ASSERT_EQ (infs->len, 1u);
  EXPECT_EQ (((TeemaInformant *) infs->pdata[0])->n_documents, 1u);
  g_ptr_array_unref (infs);
}

TEST_F (Import, InformantOverride)
{
  std::string path = dir.write ("x.txt", "I: Mitä?\nVastaaja: Tätä.\n");
  const char *paths[] = { path.c_str () };
  TeemaImportOptions opt = {};
  opt.informant = "A7";
  GPtrArray *r = teema_document_import (p, paths, 1, &opt, nullptr);
  ASSERT_NE (r, nullptr);
  EXPECT_STREQ (((TeemaImportResult *) r->pdata[0])->informant, "A7");
  g_ptr_array_unref (r);
}

// The bundled corpus: turn counts checked against `grep -c` of label lines,
// word counts against an independent whitespace counter that drops
// transcription marks (it agrees on all files but H5, where it finds 1752).
TEST_F (Import, BundledCorpus)
{
  const std::map<std::string, std::pair<guint, guint>> want = {
    { "A1", { 50, 1910 } }, { "A2", { 48, 1736 } }, { "A3", { 42, 1638 } },
    { "A4", { 42, 1699 } }, { "A5", { 44, 1637 } }, { "H1", { 44, 1942 } },
    { "H2", { 44, 1809 } }, { "H3", { 40, 1614 } }, { "H4", { 42, 1705 } },
    { "H5", { 42, 1753 } },
  };
  std::vector<std::string> paths;
  GDir *d = g_dir_open (testutil::source ("corpora/b2b").c_str (), 0, nullptr);
  ASSERT_NE (d, nullptr);
  for (const char *n; (n = g_dir_read_name (d));)
    paths.push_back (testutil::source ("corpora/b2b/") + n);
  g_dir_close (d);
  ASSERT_EQ (paths.size (), 10u);
  std::vector<const char *> argv;
  for (auto &s : paths)
    argv.push_back (s.c_str ());
  GError *error = nullptr;
  GPtrArray *r =
    teema_document_import (p, argv.data (), argv.size (), nullptr, &error);
  ASSERT_NE (r, nullptr) << error->message;
  ASSERT_EQ (r->len, 10u);
  guint turns = 0;
  for (guint i = 0; i < r->len; i++) {
    auto *res = (TeemaImportResult *) r->pdata[i];
    SCOPED_TRACE (res->path);
    ASSERT_TRUE (want.count (res->informant));
    EXPECT_EQ (res->n_turns, want.at (res->informant).first);
    EXPECT_EQ (res->n_segments, res->n_turns);
    EXPECT_EQ (res->n_words, want.at (res->informant).second);
    EXPECT_GE (res->n_words, 1500u);
    turns += res->n_turns;
  }
  g_ptr_array_unref (r);
  EXPECT_EQ (turns, 438u);
  // Interviewer and informant turns alternate: half are the informant's.
  EXPECT_EQ (segment_texts ().size (), 219u);

  GPtrArray *infs = teema_informant_list (p, &error);
  ASSERT_EQ (infs->len, 10u);
  std::map<std::string, int> per_group;
  for (guint i = 0; i < infs->len; i++) {
    auto *inf = (TeemaInformant *) infs->pdata[i];
    SCOPED_TRACE (inf->code);
    per_group[inf->group ? inf->group : "(none)"]++;
    EXPECT_STREQ (inf->group, inf->code[0] == 'A' ? "customer" : "employee");
    EXPECT_NE (inf->role, nullptr);
    EXPECT_EQ (inf->n_words, want.at (inf->code).second);
  }
  EXPECT_EQ (per_group, (std::map<std::string, int>{ { "customer", 5 },
                                                     { "employee", 5 } }));
  g_ptr_array_unref (infs);
}

} // namespace
