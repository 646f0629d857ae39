// test-scale.cpp — what the scale rework must keep true, through the public
// API: search through the word index finds exactly what matching every
// segment's text finds; lists without text or notes hold the same rows;
// streamed quotes are the quotes; and a read that fails in the middle of a
// table is an error, not a short list. (sqlite3 is used only to damage a
// project file on purpose.)
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <teema/teema.h>

#include <cstdio>
#include <cstring>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "testutil.h"

namespace {

const char *const kCodebook = "codebook: scale\n"
                              "language: fi\n"
                              "theme experience\n"
                              "theme trust\n"
                              "  parent: experience\n"
                              "  rule: lemma:luottamus OR root:luottaa\n"
                              "theme relationship\n"
                              "  parent: experience\n"
                              "  rule: part:suhde OR lemma:asiakaspolku\n"
                              "theme price\n"
                              "  rule: lemma:hinta\n";

// Inflections, compounds, a suspended compound ("-polun"), spoken forms,
// numbers and an interviewer turn.
const char *const kH1 =
  "---\ninformant: H1\ngroup: employee\n---\n"
  "I: Kerro luottamuksesta.\n"
  "H1: Luottamus syntyy, kun asiakassuhteet hoidetaan hyvin.\n"
  "I: Ja asiakaskokemus?\n"
  "H1: Asiakaskokemuksen ja -polun pitää olla selkeitä, mä luotan siihen.\n"
  "I: Hinta?\n"
  "H1: Hinnat nousi 80-vuotiaan firman aikana 12 prosenttia.\n";

const char *const kA1 =
  "---\ninformant: A1\ngroup: customer\n---\n"
  "Haastattelija: Miten yhteistyö sujuu?\n"
  "A1: Luotettava toimittaja pitää lupauksensa, suhde on pitkä.\n"
  "Haastattelija: Entä hinta?\n"
  "A1: Hinta ratkaisee, mut luottamuksen menettää nopeasti.\n";

// Imported after autocode: words the analysis cache has never seen.
const char *const kA2 = "---\ninformant: A2\ngroup: customer\n---\n"
                        "I: Kysymys?\n"
                        "A2: Kumppanuussuhteet ja luottamuspula puhuttaa.\n";

TeemaProject *
scale_project (const testutil::TempDir &dir)
{
  TeemaProject *p = testutil::fixture_project (
    dir, kCodebook, { { "H1.txt", kH1 }, { "A1.txt", kA1 } });
  if (!p)
    return nullptr;
  GError *error = nullptr;
  TeemaAutocodeResult *r = teema_autocode_run (p, nullptr, &error);
  EXPECT_NE (r, nullptr) << (error ? error->message : "");
  teema_autocode_result_free (r);
  std::string a2 = dir.write ("A2.txt", kA2);
  const char *paths[] = { a2.c_str () };
  GPtrArray *imported = teema_document_import (p, paths, 1, nullptr, &error);
  EXPECT_NE (imported, nullptr) << (error ? error->message : "");
  if (imported)
    g_ptr_array_unref (imported);
  return p;
}

// (segment id, start, end, why) of every hit.
using Hits = std::set<std::tuple<gint64, guint, guint, std::string>>;

Hits
hits_of_search (TeemaProject *p, const char *rule, gboolean interviewer)
{
  GError *error = nullptr;
  TeemaSegmentFilter f = { nullptr, nullptr, interviewer, FALSE };
  GPtrArray *m = teema_search_run (p, rule, &f, &error);
  EXPECT_NE (m, nullptr) << (error ? error->message : "");
  Hits out;
  for (guint i = 0; m && i < m->len; i++) {
    auto *match = (TeemaSearchMatch *) m->pdata[i];
    for (guint h = 0; h < match->hits->len; h++) {
      const TeemaRuleHit &hit = g_array_index (match->hits, TeemaRuleHit, h);
      out.insert ({ match->segment->id, hit.start, hit.end, hit.why });
    }
  }
  if (m)
    g_ptr_array_unref (m);
  return out;
}

// Every segment's text matched with the rule, as search did before the
// word index.
Hits
hits_of_every_text (TeemaProject *p, const char *rule_src, gboolean interviewer)
{
  GError *error = nullptr;
  TeemaSegmentFilter f = { nullptr, nullptr, interviewer, FALSE };
  GPtrArray *segs = teema_segment_list (p, &f, &error);
  TeemaRule *rule = teema_rule_compile (rule_src, &error);
  TeemaAnalyzer *az = teema_analyzer_new ("fi", &error);
  Hits out;
  for (guint i = 0; segs && rule && az && i < segs->len; i++) {
    auto *s = (TeemaSegment *) segs->pdata[i];
    GArray *tokens = teema_analyzer_tokenize (az, s->text, -1);
    GArray *hits = g_array_new (FALSE, FALSE, sizeof (TeemaRuleHit));
    if (teema_rule_match (rule, az, s->text, tokens, nullptr, hits))
      for (guint h = 0; h < hits->len; h++) {
        const TeemaRuleHit &hit = g_array_index (hits, TeemaRuleHit, h);
        out.insert ({ s->id, hit.start, hit.end, hit.why });
      }
    g_array_unref (hits);
    g_array_unref (tokens);
  }
  teema_rule_free (rule);
  teema_analyzer_free (az);
  if (segs)
    g_ptr_array_unref (segs);
  return out;
}

TEST (Scale, SearchThroughTheIndexFindsWhatEveryTextGives)
{
  testutil::TempDir dir;
  TeemaProject *p = scale_project (dir);
  ASSERT_NE (p, nullptr);
  const char *rules[] = {
    "lemma:luottamus",
    "part:suhde",
    "head:suhde",
    "root:luottaa",
    "lemma:asiakaspolku", // only through the suspended "-polun"
    "luota*",
    "\"pitää lupaus\"",
    "lemma:luottamus NEAR/5 part:suhde",
    "lemma:hinta NOT lemma:luottamus",
    "NOT lemma:luottamus",
    "re:/hinta\\w*/",
    "minä",            // spoken "mä"
    "part:kumppanuus", // a word imported after autocode
    "lemma:kerrotko",  // an interviewer's word
    "lemma:zzzyyy",
  };
  for (const char *rule : rules)
    for (gboolean interviewer : { 0, 1 }) {
      Hits want = hits_of_every_text (p, rule, interviewer);
      EXPECT_EQ (hits_of_search (p, rule, interviewer), want)
        << rule << (interviewer ? " (interviewer turns too)" : "");
    }
  EXPECT_FALSE (hits_of_every_text (p, "lemma:asiakaspolku", FALSE).empty ());
  EXPECT_FALSE (hits_of_every_text (p, "part:kumppanuus", FALSE).empty ());
  teema_project_free (p);
}

void sql_exec (const std::string &path, const char *sql);

// Search reads a project's stored analyses and starts Voikko only for a
// form it must analyse itself (text/voikko.h). With the stored analysis
// of a form gone (the analysed-words mark kept, as in a cache cut short),
// the form is still a candidate by its text and is analysed by a Voikko
// started there and then: its compound parts are found (taken as written
// they would not be), the same as analysing every text.
TEST (Scale, SearchStartsVoikkoForAFormNotStored)
{
  testutil::TempDir dir;
  std::string path = dir.file ("p.teema");
  TeemaProject *p = scale_project (dir);
  ASSERT_NE (p, nullptr);
  teema_project_free (p);
  sql_exec (path, "DELETE FROM analysis WHERE form = 'luottamuspula'");
  GError *error = nullptr;
  p = teema_project_open (path.c_str (), &error);
  ASSERT_NE (p, nullptr) << error->message;
  for (const char *rule : { "part:pula", "part:luottamus", "head:pula" }) {
    Hits want = hits_of_every_text (p, rule, FALSE);
    EXPECT_FALSE (want.empty ()) << rule;
    EXPECT_EQ (hits_of_search (p, rule, FALSE), want) << rule;
  }
  teema_project_free (p);
}

TEST (Scale, ListsWithoutTextOrNotesHoldTheSameRows)
{
  testutil::TempDir dir;
  TeemaProject *p = scale_project (dir);
  ASSERT_NE (p, nullptr);
  GError *error = nullptr;
  TeemaSegmentFilter full = { nullptr, nullptr, TRUE, FALSE };
  TeemaSegmentFilter bare = { nullptr, nullptr, TRUE, TRUE };
  GPtrArray *a = teema_segment_list (p, &full, &error);
  GPtrArray *b = teema_segment_list (p, &bare, &error);
  ASSERT_TRUE (a && b);
  ASSERT_EQ (a->len, b->len);
  for (guint i = 0; i < a->len; i++) {
    auto *x = (TeemaSegment *) a->pdata[i];
    auto *y = (TeemaSegment *) b->pdata[i];
    EXPECT_EQ (x->id, y->id);
    EXPECT_EQ (x->n_words, y->n_words);
    EXPECT_STREQ (x->informant, y->informant);
    EXPECT_EQ (y->text, nullptr);
    TeemaSegment *got = teema_segment_get (p, y->id, &error);
    ASSERT_NE (got, nullptr);
    EXPECT_STREQ (got->text, x->text);
    teema_segment_free (got);
  }
  g_ptr_array_unref (a);
  g_ptr_array_unref (b);

  TeemaCodingFilter all = { nullptr, nullptr, nullptr, 0, FALSE };
  TeemaCodingFilter keys = { nullptr, nullptr, nullptr, 0, TRUE };
  GPtrArray *c = teema_coding_list (p, &all, &error);
  GPtrArray *k = teema_coding_list (p, &keys, &error);
  ASSERT_TRUE (c && k);
  std::set<std::tuple<gint64, std::string, std::string>> want, got;
  for (guint i = 0; i < c->len; i++) {
    auto *x = (TeemaCoding *) c->pdata[i];
    want.insert ({ x->segment_id, x->theme, x->coder });
  }
  for (guint i = 0; i < k->len; i++) {
    auto *x = (TeemaCoding *) k->pdata[i];
    got.insert ({ x->segment_id, x->theme, x->coder });
    EXPECT_EQ (x->note, nullptr);
  }
  EXPECT_FALSE (want.empty ());
  EXPECT_EQ (got, want);
  g_ptr_array_unref (c);
  g_ptr_array_unref (k);
  teema_project_free (p);
}

gboolean
append (const char *data, gsize len, gpointer out, GError **)
{
  static_cast<std::string *> (out)->append (data, len);
  return TRUE;
}

TEST (Scale, StreamedQuotesAreTheQuotes)
{
  testutil::TempDir dir;
  TeemaProject *p = scale_project (dir);
  ASSERT_NE (p, nullptr);
  GError *error = nullptr;
  for (const char *theme : { "experience", "trust", "price" }) {
    TeemaQuoteOptions opt = { theme, nullptr, nullptr, nullptr,
                              "fi",  TRUE,    nullptr };
    TeemaTable *t = teema_quotes_collect (p, &opt, &error);
    ASSERT_NE (t, nullptr);
    char *md = teema_quotes_markdown (t, nullptr);
    std::string streamed;
    EXPECT_TRUE (
      teema_quotes_write_markdown (p, &opt, FALSE, append, &streamed, &error));
    EXPECT_EQ (streamed, md) << theme;
    g_free (md);
    teema_table_free (t);
  }
  TeemaQuoteOptions opt = { nullptr, nullptr, "customer", nullptr,
                            "en",    TRUE,    nullptr };
  char *all = teema_quotes_markdown_all (p, &opt, &error);
  ASSERT_NE (all, nullptr);
  std::string streamed;
  EXPECT_TRUE (
    teema_quotes_write_markdown (p, &opt, TRUE, append, &streamed, &error));
  EXPECT_EQ (streamed, all);
  EXPECT_NE (streamed.find ("(A1)"), std::string::npos);
  EXPECT_EQ (streamed.find ("(H1)"), std::string::npos);
  g_free (all);
  opt.theme = "nope";
  streamed.clear ();
  EXPECT_FALSE (
    teema_quotes_write_markdown (p, &opt, FALSE, append, &streamed, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  EXPECT_TRUE (streamed.empty ());
  g_clear_error (&error);
  teema_project_free (p);
}

// Every keyness row of the scale project (no stop list, every lemma), as
// TSV; "" with the error's message when it fails.
std::string
keyness_tsv (TeemaProject *p, std::string *message)
{
  GError *error = nullptr;
  TeemaCompareOptions opt =
    testutil::keyness_every_lemma ("employee", "customer");
  TeemaTable *t = teema_report_keyness (p, &opt, &error);
  if (!t) {
    *message = error->message;
    g_error_free (error);
    return "";
  }
  char *tsv = teema_table_render (t, TEEMA_FORMAT_TSV);
  std::string out = tsv;
  g_free (tsv);
  teema_table_free (t);
  return out;
}

void
sql_exec (const std::string &path, const char *sql)
{
  sqlite3 *db = nullptr;
  ASSERT_EQ (sqlite3_open (path.c_str (), &db), SQLITE_OK);
  char *msg = nullptr;
  EXPECT_EQ (sqlite3_exec (db, sql, nullptr, nullptr, &msg), SQLITE_OK)
    << (msg ? msg : "");
  sqlite3_free (msg);
  sqlite3_close (db);
}

// Keyness reads each document's totals (its informant turns' words summed,
// turns with a suspended part apart), stored with the word index. The same
// rows come from a project without them (read from the words), from one
// made before them (schema 5: they are written on first open), and a
// damaged totals blob is an error, not a report.
TEST (Scale, KeynessTotalsAreTheTurnsSummed)
{
  testutil::TempDir dir;
  std::string path = dir.file ("p.teema");
  TeemaProject *p = scale_project (dir);
  ASSERT_NE (p, nullptr);
  std::string message;
  std::string want = keyness_tsv (p, &message);
  ASSERT_NE (want, "") << message;
  // The suspended part counts as its compound, the interviewer not at all.
  EXPECT_NE (want.find ("\tasiakaspolku\t1\t0\t"), std::string::npos) << want;
  EXPECT_EQ (want.find ("\tkysymys\t"), std::string::npos) << want;
  teema_project_free (p);

  auto count = [&] (const char *sql) {
    sqlite3 *db = nullptr;
    EXPECT_EQ (sqlite3_open (path.c_str (), &db), SQLITE_OK);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2 (db, sql, -1, &st, nullptr);
    int n = sqlite3_step (st) == SQLITE_ROW ? sqlite3_column_int (st, 0) : -1;
    sqlite3_finalize (st);
    sqlite3_close (db);
    return n;
  };
  EXPECT_EQ (count ("SELECT count(*) FROM document_totals"), 3);

  // Without totals: the words are summed as they are read.
  sql_exec (path, "DELETE FROM document_totals");
  GError *error = nullptr;
  p = teema_project_open (path.c_str (), &error);
  ASSERT_NE (p, nullptr) << error->message;
  EXPECT_EQ (keyness_tsv (p, &message), want) << message;
  teema_project_free (p);

  // A project of schema 5 gets them when it is opened.
  sql_exec (path, "DROP TABLE theme_evidence; DROP TABLE document_totals;"
                  " PRAGMA user_version = 5");
  p = teema_project_open (path.c_str (), &error);
  ASSERT_NE (p, nullptr) << error->message;
  EXPECT_EQ (count ("SELECT count(*) FROM document_totals"), 3);
  EXPECT_EQ (keyness_tsv (p, &message), want) << message;
  teema_project_free (p);

  // Damaged totals.
  sql_exec (path, "UPDATE document_totals SET totals = x'05ff'");
  p = teema_project_open (path.c_str (), &error);
  ASSERT_NE (p, nullptr) << error->message;
  EXPECT_EQ (keyness_tsv (p, &message), "");
  EXPECT_NE (message.find ("word index of document"), std::string::npos)
    << message;
  teema_project_free (p);
}

// A project file whose word index holds what the fuzz harness words found
// (tests/data/hostile/words: ids past what a database holds, an empty
// blob): search, keyness and autocode read it and either answer or say the
// index is damaged; never a crash (the suite runs under ASan and UBSan).
TEST (Scale, DamagedWordIndexIsAnErrorNotACrash)
{
  std::string dir_path =
    std::string (TEEMA_SOURCE_DIR) + "/tests/data/hostile/words";
  GDir *d = g_dir_open (dir_path.c_str (), 0, nullptr);
  ASSERT_NE (d, nullptr) << dir_path;
  int files = 0;
  for (const char *name; (name = g_dir_read_name (d));) {
    files++;
    char *data = nullptr;
    gsize len = 0;
    std::string file = dir_path + "/" + name;
    ASSERT_TRUE (g_file_get_contents (file.c_str (), &data, &len, nullptr));
    testutil::TempDir dir;
    std::string path = dir.file ("p.teema");
    TeemaProject *p = scale_project (dir);
    ASSERT_NE (p, nullptr);
    teema_project_free (p);
    sqlite3 *db = nullptr;
    ASSERT_EQ (sqlite3_open (path.c_str (), &db), SQLITE_OK);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2 (db, "UPDATE document_words SET words = ?1", -1, &st,
                        nullptr);
    sqlite3_bind_blob (st, 1, len ? data : "", (int) len, SQLITE_STATIC);
    EXPECT_EQ (sqlite3_step (st), SQLITE_DONE);
    sqlite3_finalize (st);
    sqlite3_exec (db, "DELETE FROM document_totals", nullptr, nullptr, nullptr);
    sqlite3_close (db);
    g_free (data);
    GError *error = nullptr;
    p = teema_project_open (path.c_str (), &error);
    ASSERT_NE (p, nullptr) << error->message;
    GPtrArray *m = teema_search_run (p, "part:suhde", nullptr, &error);
    EXPECT_TRUE (m || (error && strstr (error->message, "damaged")))
      << name << ": " << (error ? error->message : "");
    if (m)
      g_ptr_array_unref (m);
    g_clear_error (&error);
    std::string message;
    std::string tsv = keyness_tsv (p, &message);
    EXPECT_TRUE (!tsv.empty () || message.find ("damaged") != std::string::npos)
      << name << ": " << message;
    TeemaAutocodeResult *r = teema_autocode_run (p, nullptr, &error);
    EXPECT_TRUE (r || (error && strstr (error->message, "damaged")))
      << name << ": " << (error ? error->message : "");
    teema_autocode_result_free (r);
    g_clear_error (&error);
    teema_project_free (p);
  }
  g_dir_close (d);
  EXPECT_GE (files, 2);
}

// Overwrites the header of the middle leaf page of table (or index) name,
// as a damaged disk would.
void
damage_middle_leaf (const std::string &path, const char *name)
{
  sqlite3 *db = nullptr;
  ASSERT_EQ (sqlite3_open (path.c_str (), &db), SQLITE_OK);
  sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr,
                nullptr);
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2 (db,
                      "SELECT pageno, (SELECT page_size FROM pragma_page_size)"
                      " FROM dbstat WHERE name = ?1 AND pagetype = 'leaf'"
                      " ORDER BY pageno",
                      -1, &st, nullptr);
  sqlite3_bind_text (st, 1, name, -1, SQLITE_STATIC);
  std::vector<std::pair<long, long>> pages;
  while (sqlite3_step (st) == SQLITE_ROW)
    pages.push_back (
      { sqlite3_column_int64 (st, 0), sqlite3_column_int64 (st, 1) });
  sqlite3_finalize (st);
  sqlite3_close (db);
  ASSERT_GE (pages.size (), 3u) << name << " is too small to damage midway";
  auto [page, size] = pages[pages.size () / 2];
  FILE *f = fopen (path.c_str (), "r+b");
  ASSERT_NE (f, nullptr);
  fseek (f, (page - 1) * size, SEEK_SET);
  const unsigned char junk[8] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff
  };
  fwrite (junk, 1, sizeof junk, f);
  fclose (f);
}

TEST (Scale, AReadThatFailsMidwayIsAnErrorNotAShortList)
{
  testutil::TempDir dir;
  // Enough codings that the coding table spans many pages.
  std::string text = "---\ninformant: H1\ngroup: employee\n---\n";
  for (int i = 0; i < 600; i++)
    text += "I: Kysymys?\nH1: Luottamus ja hinta ratkaisevat kaiken.\n";
  TeemaProject *p =
    testutil::fixture_project (dir, kCodebook, { { "H1.txt", text } });
  ASSERT_NE (p, nullptr);
  GError *error = nullptr;
  TeemaAutocodeResult *r = teema_autocode_run (p, nullptr, &error);
  ASSERT_NE (r, nullptr);
  teema_autocode_result_free (r);
  GPtrArray *before = teema_coding_list (p, nullptr, &error);
  ASSERT_NE (before, nullptr);
  EXPECT_EQ (before->len, 1200u);
  g_ptr_array_unref (before);
  teema_project_free (p);

  damage_middle_leaf (dir.file ("p.teema"), "coding");
  p = teema_project_open (dir.file ("p.teema").c_str (), &error);
  ASSERT_NE (p, nullptr) << error->message;
  GPtrArray *after = teema_coding_list (p, nullptr, &error);
  EXPECT_EQ (after, nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_STORE))
    << (error ? error->message : "no error");
  g_clear_error (&error);
  if (after)
    g_ptr_array_unref (after);
  teema_project_free (p);
}

} // namespace
