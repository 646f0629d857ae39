// test-lifecycle.cpp — documents and informants after import: listing,
// renaming and removing (each one transaction, shown by making its last
// statement fail with an SQLite trigger), two files of one informant
// warned about, and import --replace keeping codings and memos on an
// edited transcript and setting aside those whose text was deleted.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <teema/teema.h>

#include <cstring>
#include <string>
#include <vector>

#include "testutil.h"

namespace {

const char *const kCodebook = "codebook: t\nlanguage: fi\n\n"
                              "theme trust\n\ntheme price\n\ntheme quality\n";

const char *const kH1 = "I: Mitä mieltä olet toimittajasta?\n"
                        "H1: Luottamus on tärkeää. Se syntyy ajan kanssa.\n"
                        "I: Entä hinta?\n"
                        "H1: Hinta ratkaisee harvoin, laatu ratkaisee aina.\n"
                        "I: Mitä muuta?\n"
                        "H1: Toimitukset myöhästyvät liian usein.\n"
                        "I: Kiitos.\n"
                        "H1: Kiitos itsellesi.\n";

class Lifecycle : public ::testing::Test {
protected:
  void SetUp () override
  {
    GError *error = nullptr;
    p = teema_project_create (path ().c_str (), &error);
    ASSERT_NE (p, nullptr) << error->message;
    TeemaCodebook *cb = teema_codebook_parse (kCodebook, -1, "cb", &error);
    ASSERT_NE (cb, nullptr) << error->message;
    ASSERT_TRUE (teema_codebook_set (p, cb, FALSE, &error));
    teema_codebook_free (cb);
  }
  void TearDown () override
  {
    teema_project_free (p);
  }
  std::string path () const
  {
    return dir.file ("p.teema");
  }

  // Imports files (name, content) written into the temporary folder.
  GPtrArray *
  import (const std::vector<std::pair<std::string, std::string>> &files,
          TeemaImportOptions opt = {}, GError **error = nullptr)
  {
    std::vector<std::string> paths;
    for (auto &f : files)
      paths.push_back (dir.write (f.first, f.second));
    std::vector<const char *> argv;
    for (auto &s : paths)
      argv.push_back (s.c_str ());
    return teema_document_import (p, argv.data (), argv.size (), &opt, error);
  }
  void import_ok (const std::vector<std::pair<std::string, std::string>> &files,
                  TeemaImportOptions opt = {})
  {
    GError *error = nullptr;
    GPtrArray *r = import (files, opt, &error);
    ASSERT_NE (r, nullptr) << error->message;
    g_ptr_array_unref (r);
  }

  // The segment (of any speaker) whose text starts with prefix, or 0.
  gint64 segment (const std::string &prefix)
  {
    TeemaSegmentFilter f = { nullptr, nullptr, TRUE, FALSE };
    GPtrArray *segs = teema_segment_list (p, &f, nullptr);
    gint64 id = 0;
    for (guint i = 0; i < segs->len && !id; i++) {
      auto *s = (TeemaSegment *) segs->pdata[i];
      if (g_str_has_prefix (s->text, prefix.c_str ()))
        id = s->id;
    }
    g_ptr_array_unref (segs);
    return id;
  }
  void code (const std::string &prefix, const char *theme,
             const char *coder = "anna")
  {
    gint64 id = segment (prefix);
    ASSERT_NE (id, 0) << prefix;
    GError *error = nullptr;
    ASSERT_TRUE (teema_coding_add (p, id, theme, coder, nullptr, &error))
      << error->message;
  }
  // "theme:coder:segment text" per coding, in document order.
  std::vector<std::string> codings ()
  {
    GPtrArray *cs = teema_coding_list (p, nullptr, nullptr);
    std::vector<std::string> out;
    for (guint i = 0; i < cs->len; i++) {
      auto *c = (TeemaCoding *) cs->pdata[i];
      TeemaSegment *s = teema_segment_get (p, c->segment_id, nullptr);
      char *span = nullptr;
      if (s) {
        char *text = teema_document_text (p, s->document, nullptr);
        span = g_utf8_substring (text, c->start, c->end);
        g_free (text);
      }
      out.push_back (std::string (c->theme) + ":" + c->coder + ":"
                     + (span ? span : "?"));
      g_free (span);
      teema_segment_free (s);
    }
    g_ptr_array_unref (cs);
    return out;
  }
  std::vector<std::string> memos ()
  {
    GPtrArray *ms = teema_memo_list (p, nullptr, nullptr);
    std::vector<std::string> out;
    for (guint i = 0; i < ms->len; i++) {
      auto *m = (TeemaMemo *) ms->pdata[i];
      TeemaSegment *s = teema_segment_get (p, m->segment_id, nullptr);
      out.push_back (std::string (m->text) + "@" + (s ? s->text : "?"));
      teema_segment_free (s);
    }
    g_ptr_array_unref (ms);
    return out;
  }
  guint n_documents ()
  {
    GPtrArray *d = teema_document_list (p, nullptr);
    guint n = d ? d->len : 0;
    if (d)
      g_ptr_array_unref (d);
    return n;
  }
  std::vector<std::string> informants ()
  {
    GPtrArray *infs = teema_informant_list (p, nullptr);
    std::vector<std::string> out;
    for (guint i = 0; i < infs->len; i++)
      out.push_back (((TeemaInformant *) infs->pdata[i])->code);
    g_ptr_array_unref (infs);
    return out;
  }
  // Makes the next statement of kind on table fail, from another
  // connection, so that a write stops half way.
  void fail_on (const char *what)
  {
    sqlite3 *db = nullptr;
    ASSERT_EQ (sqlite3_open (path ().c_str (), &db), SQLITE_OK);
    std::string sql = std::string ("CREATE TRIGGER boom BEFORE ") + what
                      + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END;";
    char *msg = nullptr;
    EXPECT_EQ (sqlite3_exec (db, sql.c_str (), nullptr, nullptr, &msg),
               SQLITE_OK)
      << (msg ? msg : "");
    sqlite3_free (msg);
    sqlite3_close (db);
  }

  testutil::TempDir dir;
  TeemaProject *p = nullptr;
};

// ---- documents and informants ---------------------------------------------

TEST_F (Lifecycle, DocumentRenameAndRemove)
{
  import_ok ({ { "H1.txt", kH1 },
               { "H1-b.txt", "---\ninformant: H1\n---\nI: Lisää?\nH1: Ei.\n" },
               { "H2.txt", "I: Kerro?\nH2: No joo.\nI: Muuta?\nH2: Ei.\n" } });
  code ("Luottamus", "trust");
  ASSERT_TRUE (
    teema_memo_set (p, segment ("Luottamus"), "anna", "hyvä", nullptr));
  EXPECT_EQ (n_documents (), 3u);
  GError *error = nullptr;
  // A name taken by another document is refused, and nothing changes.
  EXPECT_FALSE (teema_document_rename (p, "H1.txt", "H2.txt", &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS));
  g_clear_error (&error);
  ASSERT_TRUE (
    teema_document_rename (p, "H1.txt", "H1-haastattelu.txt", &error));
  EXPECT_FALSE (teema_document_rename (p, "H1.txt", "x", &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  g_clear_error (&error);
  // A dry run counts and removes nothing.
  TeemaRemoval r = {};
  ASSERT_TRUE (
    teema_document_remove (p, "H1-haastattelu.txt", TRUE, &r, &error));
  EXPECT_EQ (r.n_documents, 1u);
  EXPECT_EQ (r.n_segments, 8u);
  EXPECT_EQ (r.n_codings, 1u);
  EXPECT_EQ (r.n_memos, 1u);
  EXPECT_FALSE (r.informant_removed); // H1 has H1-b.txt too
  EXPECT_EQ (n_documents (), 3u);
  ASSERT_TRUE (
    teema_document_remove (p, "H1-haastattelu.txt", FALSE, &r, &error));
  EXPECT_EQ (n_documents (), 2u);
  EXPECT_TRUE (codings ().empty ());
  EXPECT_TRUE (memos ().empty ());
  EXPECT_EQ (informants (), (std::vector<std::string>{ "H1", "H2" }));
  // The last document of H1, by id: the informant goes with it.
  GPtrArray *docs = teema_document_list (p, nullptr);
  std::string id = std::to_string (((TeemaDocument *) docs->pdata[0])->id);
  g_ptr_array_unref (docs);
  ASSERT_TRUE (teema_document_remove (p, id.c_str (), FALSE, &r, &error));
  EXPECT_TRUE (r.informant_removed);
  EXPECT_EQ (informants (), (std::vector<std::string>{ "H2" }));
}

TEST_F (Lifecycle, InformantRenameAndRemove)
{
  import_ok ({ { "Haastattelu_03.txt",
                 "Haastattelija: Kerro?\nHaastateltava: Luottamus ensin.\n"
                 "Haastattelija: Muuta?\nHaastateltava: Ei.\n" },
               { "H2.txt", "I: Kerro?\nH2: No joo.\nI: Muuta?\nH2: Ei.\n" } });
  EXPECT_EQ (informants (),
             (std::vector<std::string>{ "H2", "Haastattelu_03" }));
  code ("Luottamus", "trust");
  GError *error = nullptr;
  EXPECT_FALSE (teema_informant_rename (p, "Haastattelu_03", "H2", &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS));
  g_clear_error (&error);
  ASSERT_TRUE (teema_informant_rename (p, "Haastattelu_03", "H3", &error));
  GPtrArray *cs = teema_coding_list (p, nullptr, nullptr);
  ASSERT_EQ (cs->len, 1u);
  EXPECT_STREQ (((TeemaCoding *) cs->pdata[0])->informant, "H3");
  g_ptr_array_unref (cs);
  TeemaRemoval r = {};
  ASSERT_TRUE (teema_informant_remove (p, "H3", TRUE, &r, &error));
  EXPECT_EQ (r.n_documents, 1u);
  EXPECT_EQ (r.n_codings, 1u);
  EXPECT_EQ (informants (), (std::vector<std::string>{ "H2", "H3" }));
  ASSERT_TRUE (teema_informant_remove (p, "H3", FALSE, &r, &error));
  EXPECT_EQ (informants (), (std::vector<std::string>{ "H2" }));
  EXPECT_EQ (n_documents (), 1u);
  EXPECT_TRUE (codings ().empty ());
  EXPECT_FALSE (teema_informant_remove (p, "H3", FALSE, &r, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  g_clear_error (&error);
}

// The documents, segments and codings go first and the informant last; a
// failure at the informant must leave everything as it was.
TEST_F (Lifecycle, InformantRemoveIsOneTransaction)
{
  import_ok ({ { "H1.txt", kH1 } });
  code ("Luottamus", "trust");
  fail_on ("DELETE ON informant");
  GError *error = nullptr;
  EXPECT_FALSE (teema_informant_remove (p, "H1", FALSE, nullptr, &error));
  ASSERT_NE (error, nullptr);
  EXPECT_NE (strstr (error->message, "injected failure"), nullptr);
  g_clear_error (&error);
  EXPECT_EQ (n_documents (), 1u);
  EXPECT_EQ (codings ().size (), 1u);
  EXPECT_EQ (informants (), (std::vector<std::string>{ "H1" }));
}

TEST_F (Lifecycle, DocumentRemoveIsOneTransaction)
{
  import_ok ({ { "H1.txt", kH1 } });
  code ("Luottamus", "trust");
  fail_on ("DELETE ON informant"); // after the document is gone
  GError *error = nullptr;
  EXPECT_FALSE (teema_document_remove (p, "H1.txt", FALSE, nullptr, &error));
  g_clear_error (&error);
  EXPECT_EQ (n_documents (), 1u);
  EXPECT_EQ (codings ().size (), 1u);
}

TEST_F (Lifecycle, RenamesAreOneTransaction)
{
  import_ok ({ { "H1.txt", kH1 } });
  fail_on ("UPDATE ON informant");
  GError *error = nullptr;
  EXPECT_FALSE (teema_informant_rename (p, "H1", "X1", &error));
  g_clear_error (&error);
  EXPECT_EQ (informants (), (std::vector<std::string>{ "H1" }));
}

TEST_F (Lifecycle, TwoFilesOfOneInformantAreWarnedAbout)
{
  GError *error = nullptr;
  GPtrArray *r =
    import ({ { "a.txt", "---\ninformant: H1\n---\nI: A?\nH1: B.\n" },
              { "b.txt", "---\ninformant: H1\n---\nI: C?\nH1: D.\n" } },
            {}, &error);
  ASSERT_NE (r, nullptr) << error->message;
  auto kinds = [] (GPtrArray *rs, guint i) {
    std::vector<int> out;
    auto *res = (TeemaImportResult *) rs->pdata[i];
    for (guint k = 0; k < res->warnings->len; k++)
      out.push_back (((TeemaWarning *) res->warnings->pdata[k])->kind);
    return out;
  };
  EXPECT_EQ (kinds (r, 0), (std::vector<int>{}));
  EXPECT_EQ (kinds (r, 1),
             (std::vector<int>{ TEEMA_WARNING_SHARED_INFORMANT }));
  g_ptr_array_unref (r);
  // Later, a file whose label names the same informant.
  r = import ({ { "c.txt", "I: E?\nH1: F.\nI: G?\nH1: H.\n" } }, {}, &error);
  ASSERT_NE (r, nullptr) << error->message;
  auto *res = (TeemaImportResult *) r->pdata[0];
  ASSERT_EQ (res->warnings->len, 1u);
  auto *w = (TeemaWarning *) res->warnings->pdata[0];
  EXPECT_EQ (w->kind, TEEMA_WARNING_SHARED_INFORMANT);
  EXPECT_NE (strstr (w->message, "a.txt"), nullptr) << w->message;
  g_ptr_array_unref (r);
}

// ---- import --replace
// --------------------------------------------------------

// The edit: a new turn inserted before the coded trust turn, one word
// ("harvoin,") deleted from the coded price turn, the coded delivery turn
// deleted.
const char *const kH1Edited =
  "I: Mitä mieltä olet toimittajasta?\n"
  "H1: Taustaksi: olen ollut asiakas kymmenen vuotta.\n"
  "I: Selvä. Entä itse toimittaja?\n"
  "H1: Luottamus on tärkeää. Se syntyy ajan kanssa.\n"
  "I: Entä hinta?\n"
  "H1: Hinta ratkaisee, laatu ratkaisee aina.\n"
  "I: Kiitos.\n"
  "H1: Kiitos itsellesi.\n";

TEST_F (Lifecycle, ReplaceKeepsCodingsAndSetsAsideDeletedOnes)
{
  import_ok ({ { "H1.txt", kH1 } });
  code ("Luottamus", "trust");
  code ("Luottamus", "trust", "ben");
  code ("Hinta", "price");
  code ("Hinta", "quality");
  code ("Toimitukset", "quality");
  ASSERT_TRUE (
    teema_memo_set (p, segment ("Hinta"), "anna", "hinta ensin", nullptr));
  ASSERT_TRUE (teema_memo_set (p, segment ("Toimitukset"), "anna",
                               "myöhästymiset", nullptr));
  GPtrArray *before = teema_document_list (p, nullptr);
  gint64 doc_id = ((TeemaDocument *) before->pdata[0])->id;
  g_ptr_array_unref (before);

  TeemaImportOptions opt = {};
  opt.replace = TRUE;
  GError *error = nullptr;
  GPtrArray *r = import ({ { "H1.txt", kH1Edited } }, opt, &error);
  ASSERT_NE (r, nullptr) << error->message;
  auto *res = (TeemaImportResult *) r->pdata[0];
  EXPECT_STREQ (res->replaced_name, "H1.txt");
  EXPECT_EQ (res->document_id, doc_id);
  EXPECT_EQ (res->n_codings_kept, 4u);
  EXPECT_EQ (res->n_codings_aside, 1u);
  EXPECT_EQ (res->n_memos_kept, 1u);
  EXPECT_EQ (res->n_memos_aside, 1u);
  g_ptr_array_unref (r);

  EXPECT_EQ (n_documents (), 1u);
  EXPECT_EQ (codings (),
             (std::vector<std::string>{
               "trust:anna:Luottamus on tärkeää. Se syntyy ajan kanssa.",
               "trust:ben:Luottamus on tärkeää. Se syntyy ajan kanssa.",
               "price:anna:Hinta ratkaisee, laatu ratkaisee aina.",
               "quality:anna:Hinta ratkaisee, laatu ratkaisee aina." }));
  EXPECT_EQ (memos (),
             (std::vector<std::string>{
               "hinta ensin@Hinta ratkaisee, laatu ratkaisee aina." }));
  GPtrArray *aside = teema_aside_list (p, "H1.txt", &error);
  ASSERT_NE (aside, nullptr) << error->message;
  ASSERT_EQ (aside->len, 2u);
  auto *a = (TeemaAside *) aside->pdata[0];
  EXPECT_STREQ (a->kind, "coding");
  EXPECT_STREQ (a->theme, "quality");
  EXPECT_STREQ (a->coder, "anna");
  EXPECT_STREQ (a->text, "Toimitukset myöhästyvät liian usein.");
  a = (TeemaAside *) aside->pdata[1];
  EXPECT_STREQ (a->kind, "memo");
  EXPECT_STREQ (a->note, "myöhästymiset");
  EXPECT_STREQ (a->text, "Toimitukset myöhästyvät liian usein.");
  g_ptr_array_unref (aside);
  GPtrArray *docs = teema_document_list (p, nullptr);
  EXPECT_EQ (((TeemaDocument *) docs->pdata[0])->n_aside, 2u);
  g_ptr_array_unref (docs);
  guint n = 0;
  ASSERT_TRUE (teema_aside_clear (p, nullptr, &n, &error));
  EXPECT_EQ (n, 2u);
}

// Analyses stored by an earlier analyser (a key without this revision,
// "voikko-fi") are not read: a spoken form it could not analyse is found
// by its lemma now, and autocode forgets the stale rows and their mark.
TEST_F (Lifecycle, AnalysesOfAnEarlierAnalyserAreForgotten)
{
  import_ok (
    { { "H1.txt", "I: Entä huolto?\nH1: Joudutaan oottaa viikko.\n" } });
  sqlite3 *db = nullptr;
  ASSERT_EQ (sqlite3_open (path ().c_str (), &db), SQLITE_OK);
  auto count = [&] (const char *sql) {
    sqlite3_stmt *st = nullptr;
    EXPECT_EQ (sqlite3_prepare_v2 (db, sql, -1, &st, nullptr), SQLITE_OK);
    int n = sqlite3_step (st) == SQLITE_ROW ? sqlite3_column_int (st, 0) : -1;
    sqlite3_finalize (st);
    return n;
  };
  ASSERT_EQ (sqlite3_exec (db,
                           "INSERT INTO analysis (backend, form, data) VALUES"
                           " ('voikko-fi', 'oottaa',"
                           "  '\toottaa\toottaa\toottaa\toottaa\t\t16');"
                           "INSERT INTO setting (key, value)"
                           " VALUES ('words-analysed:voikko-fi', '99')",
                           nullptr, nullptr, nullptr),
             SQLITE_OK);
  GError *error = nullptr;
  GPtrArray *m = teema_search_run (p, "lemma:odottaa", nullptr, &error);
  ASSERT_NE (m, nullptr) << error->message;
  EXPECT_EQ (m->len, 1u);
  g_ptr_array_unref (m);
  // Autocode reads the same: a rule on the lemma codes the turn.
  ASSERT_TRUE (
    teema_theme_add_rule (p, "quality", "lemma:odottaa", FALSE, &error))
    << error->message;
  TeemaAutocodeResult *r = teema_autocode_run (p, nullptr, &error);
  ASSERT_NE (r, nullptr) << error->message;
  teema_autocode_result_free (r);
  EXPECT_EQ (codings (), (std::vector<std::string>{
                           "quality:rules:Joudutaan oottaa viikko." }));
  EXPECT_EQ (count ("SELECT count(*) FROM analysis"
                    " WHERE backend = 'voikko-fi'"),
             0);
  EXPECT_EQ (count ("SELECT count(*) FROM setting"
                    " WHERE key = 'words-analysed:voikko-fi'"),
             0);
  EXPECT_GT (count ("SELECT count(*) FROM analysis WHERE form = 'oottaa'"
                    " AND data LIKE '%odottaa%'"),
             0);
  sqlite3_close (db);
}

// The replaced document's words and counts are those of the new text: the
// word index (search, keyness, rule proposals read it) forgets the deleted
// turn and knows the added one, the informant's words are counted again,
// and the new segments, whose ids come after another document's, are
// still listed and reported in document order.
TEST_F (Lifecycle, ReplaceIndexesTheNewTextAndCountsItsWords)
{
  import_ok ({ { "H1.txt", kH1 },
               { "H2.txt", "I: Kerro?\nH2: Toimitukset ovat nopeita.\n" } });
  code ("Luottamus", "trust");
  TeemaImportOptions opt = {};
  opt.replace = TRUE;
  GError *error = nullptr;
  GPtrArray *r = import ({ { "H1.txt", kH1Edited } }, opt, &error);
  ASSERT_NE (r, nullptr) << error->message;
  g_ptr_array_unref (r);

  auto hits = [&] (const char *rule) {
    GPtrArray *m = teema_search_run (p, rule, nullptr, &error);
    EXPECT_NE (m, nullptr) << (error ? error->message : "");
    std::vector<std::string> out;
    for (guint i = 0; m && i < m->len; i++)
      out.push_back (((TeemaSearchMatch *) m->pdata[i])->segment->informant);
    if (m)
      g_ptr_array_unref (m);
    return out;
  };
  EXPECT_EQ (hits ("taustaksi"), (std::vector<std::string>{ "H1" }));
  EXPECT_EQ (hits ("toimitukset"), (std::vector<std::string>{ "H2" }));

  TeemaSegmentFilter f = { "H1", nullptr, FALSE, FALSE };
  GPtrArray *segs = teema_segment_list (p, &f, &error);
  ASSERT_NE (segs, nullptr) << error->message;
  guint words = 0, ordinal = 0;
  for (guint i = 0; i < segs->len; i++) {
    auto *s = (TeemaSegment *) segs->pdata[i];
    words += s->n_words;
    EXPECT_GT (s->ordinal, ordinal); // document order, not id order
    ordinal = s->ordinal;
  }
  EXPECT_EQ (segs->len, 4u);
  g_ptr_array_unref (segs);
  GPtrArray *infs = teema_informant_list (p, &error);
  ASSERT_NE (infs, nullptr) << error->message;
  for (guint i = 0; i < infs->len; i++) {
    auto *inf = (TeemaInformant *) infs->pdata[i];
    if (g_str_equal (inf->code, "H1")) {
      EXPECT_EQ (inf->n_words, words);
      EXPECT_EQ (inf->n_segments, 4u);
    }
  }
  g_ptr_array_unref (infs);
  TeemaReportOptions ro = {};
  ro.by = TEEMA_BY_INFORMANT;
  ro.lang = "fi";
  TeemaTable *t = teema_report_themes (p, &ro, &error);
  ASSERT_NE (t, nullptr) << error->message;
  bool found = false;
  for (guint i = 0; i < teema_table_n_rows (t); i++)
    if (g_str_equal (teema_table_cell (t, i, 0), "trust")
        && g_str_equal (teema_table_cell (t, i, 3), "H1")) {
      EXPECT_STREQ (teema_table_cell (t, i, 5), "1");
      found = true;
    }
  EXPECT_TRUE (found);
  teema_table_free (t);
}

// With sentences as segments a coding can be a single word: deleting that
// word sets the coding aside, and the other codings move with their text.
TEST_F (Lifecycle, ReplaceSentenceCodingOfADeletedWord)
{
  TeemaImportOptions opt = {};
  opt.segmentation = TEEMA_SEGMENT_SENTENCE;
  import_ok ({ { "H1.txt", "I: Mitä?\nH1: Kyllä. Luottamus on tärkeää. "
                           "Hinta ei.\nI: Kiitos.\nH1: Samoin.\n" } },
             opt);
  code ("Kyllä", "quality");
  code ("Luottamus", "trust");
  code ("Hinta", "price");
  opt.replace = TRUE;
  GError *error = nullptr;
  GPtrArray *r = import ({ { "H1.txt", "I: Mitä?\nH1: Uusi lause alkuun. "
                                       "Luottamus on tärkeää. Hinta ei.\n"
                                       "I: Kiitos.\nH1: Samoin.\n" } },
                         opt, &error);
  ASSERT_NE (r, nullptr) << error->message;
  EXPECT_EQ (((TeemaImportResult *) r->pdata[0])->n_codings_aside, 1u);
  g_ptr_array_unref (r);
  EXPECT_EQ (codings (),
             (std::vector<std::string>{ "trust:anna:Luottamus on tärkeää.",
                                        "price:anna:Hinta ei." }));
  GPtrArray *aside = teema_aside_list (p, nullptr, &error);
  ASSERT_EQ (aside->len, 1u);
  EXPECT_STREQ (((TeemaAside *) aside->pdata[0])->text, "Kyllä.");
  g_ptr_array_unref (aside);
}

std::string
replace_all (std::string s, const std::string &from, const std::string &to)
{
  for (size_t at = 0; (at = s.find (from, at)) != std::string::npos;
       at += to.size ())
    s.replace (at, from.size (), to);
  return s;
}

// A change made all through a long transcript (thousands of words
// rewritten, e.g. spoken forms written out) moves every coding with its
// turn: the diff anchors on the words left alone.
TEST_F (Lifecycle, ReplaceAfterAGlobalEdit)
{
  const std::vector<std::pair<std::string, std::string>> edits = {
    { " ja ", " sekä " }, { " on ", " oli " },  { " mä ", " minä " },
    { " se ", " tämä " }, { " et ", " että " },
  };
  std::string text = "---\ninformant: X1\ninterviewer: Haastattelija\n---\n";
  for (const char *f : { "A1.txt", "A2.txt", "A3.txt", "A5.txt", "H1.txt",
                         "H2.txt", "H4.txt", "H5.txt" }) {
    gchar *data = nullptr;
    ASSERT_TRUE (g_file_get_contents (
      testutil::source (std::string ("corpora/b2b/") + f).c_str (), &data,
      nullptr, nullptr));
    std::string body = data;
    g_free (data);
    body = body.substr (body.find ("\n---\n", 4) + 5);
    for (const char *h :
         { "A1:", "A2:", "A3:", "A5:", "H1:", "H2:", "H4:", "H5:" })
      body = replace_all (body, h, "X1:");
    text += body;
  }
  import_ok ({ { "X1.txt", text } });
  TeemaSegmentFilter f = { "X1", nullptr, FALSE, FALSE };
  GPtrArray *segs = teema_segment_list (p, &f, nullptr);
  ASSERT_GT (segs->len, 80u);
  for (guint i = 0; i < segs->len; i += 2)
    ASSERT_TRUE (teema_coding_add (p, ((TeemaSegment *) segs->pdata[i])->id,
                                   "trust", "anna", nullptr, nullptr));
  guint coded = (segs->len + 1) / 2;
  g_ptr_array_unref (segs);
  auto before = codings ();
  // Over 2,000 words changed: more than one Myers search would take.
  std::string edited = text;
  for (auto &e : edits)
    edited = replace_all (edited, e.first, e.second);
  TeemaImportOptions opt = {};
  opt.replace = TRUE;
  GError *error = nullptr;
  GPtrArray *r = import ({ { "X1.txt", edited } }, opt, &error);
  ASSERT_NE (r, nullptr) << error->message;
  EXPECT_EQ (((TeemaImportResult *) r->pdata[0])->n_codings_kept, coded);
  EXPECT_EQ (((TeemaImportResult *) r->pdata[0])->n_codings_aside, 0u);
  g_ptr_array_unref (r);
  auto after = codings ();
  ASSERT_EQ (after.size (), before.size ());
  for (size_t i = 0; i < after.size (); i++) {
    std::string want = before[i];
    for (auto &e : edits)
      want = replace_all (want, e.first, e.second);
    EXPECT_EQ (after[i], want);
  }
}

TEST_F (Lifecycle, ReplaceCheckChangesNothingAndFailureLeavesAllAsItWas)
{
  import_ok ({ { "H1.txt", kH1 } });
  code ("Luottamus", "trust");
  code ("Toimitukset", "quality");
  auto was = codings ();
  TeemaImportOptions opt = {};
  opt.replace = TRUE;
  opt.check = TRUE;
  GError *error = nullptr;
  GPtrArray *r = import ({ { "H1.txt", kH1Edited } }, opt, &error);
  ASSERT_NE (r, nullptr) << error->message;
  EXPECT_EQ (((TeemaImportResult *) r->pdata[0])->n_codings_kept, 1u);
  EXPECT_EQ (((TeemaImportResult *) r->pdata[0])->n_codings_aside, 1u);
  g_ptr_array_unref (r);
  EXPECT_EQ (codings (), was);
  // The replacement fails at its very last write: nothing of it stays.
  fail_on ("INSERT ON aside");
  opt.check = FALSE;
  EXPECT_EQ (import ({ { "H1.txt", kH1Edited } }, opt, &error), nullptr);
  ASSERT_NE (error, nullptr);
  g_clear_error (&error);
  EXPECT_EQ (codings (), was);
  char *text = teema_document_text (p, "H1.txt", nullptr);
  EXPECT_STREQ (text, kH1);
  g_free (text);
}

TEST_F (Lifecycle, ReplaceNeedsADocumentOfThatNameAndKeepsTheInformantId)
{
  const char *hv = "H: Kerro?\nV: Luottamus.\nH: Muuta?\nV: Ei.\n";
  import_ok ({ { "haastattelu.txt", hv } });
  GError *error = nullptr;
  ASSERT_TRUE (teema_informant_rename (p, "haastattelu", "A3", &error));
  code ("Luottamus", "trust");
  TeemaImportOptions opt = {};
  opt.replace = TRUE;
  EXPECT_EQ (import ({ { "other.txt", hv } }, opt, &error), nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  g_clear_error (&error);
  GPtrArray *r =
    import ({ { "haastattelu.txt", "H: Kerro?\nV: Luottamus, sanoisin.\n"
                                   "H: Muuta?\nV: Ei.\n" } },
            opt, &error);
  ASSERT_NE (r, nullptr) << error->message;
  auto *res = (TeemaImportResult *) r->pdata[0];
  EXPECT_STREQ (res->informant, "A3");
  EXPECT_EQ (res->informant_from, TEEMA_INFORMANT_FROM_DOCUMENT);
  EXPECT_EQ (res->warnings->len, 0u);
  g_ptr_array_unref (r);
  EXPECT_EQ (informants (), (std::vector<std::string>{ "A3" }));
  EXPECT_EQ (codings (),
             (std::vector<std::string>{ "trust:anna:Luottamus, sanoisin." }));
  // A header naming another informant moves the document; A3, left with
  // no document, goes.
  r = import ({ { "haastattelu.txt", "---\ninformant: A9\n---\n"
                                     "H: Kerro?\nV: Luottamus, sanoisin.\n"
                                     "H: Muuta?\nV: Ei.\n" } },
              opt, &error);
  ASSERT_NE (r, nullptr) << error->message;
  g_ptr_array_unref (r);
  EXPECT_EQ (informants (), (std::vector<std::string>{ "A9" }));
  EXPECT_EQ (codings ().size (), 1u);
}

} // namespace
