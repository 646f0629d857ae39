// test-store.cpp — the project file: create and open, settings, informant
// attributes, codings, foreign keys, transactions and WAL, all through the
// public API.
#include <gtest/gtest.h>
#include <teema/teema.h>

#include <cstring>
#include <string>
#include <vector>

#include "testutil.h"

namespace {

// A small SQLite database (page size 512) with one table "notes": a valid
// SQLite file that is not a teema project.
const char *const kForeignSqlite =
  "U1FMaXRlIGZvcm1hdCAzAAIAAQEAQCAgAAAAAgAAAAIAAAAAAAAAAAAAAAEAAAAEAAAAAAAA"
  "AAAAAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACAC5jAQ0AAAABAbIA"
  "AbIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  "AABMAQYXFxcBeXRhYmxlbm90ZXNub3RlcwJDUkVBVEUgVEFCTEUgbm90ZXMgKGlkIGludGVn"
  "ZXIgcHJpbWFyeSBrZXksIGJvZHkgdGV4dCkNAAAAAQH2AAH2AAAAAAAAAAAAAAAAAAAAAAAA"
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
  "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACAEDABdoZWxsbw==";

const char *const kH1 = "---\n"
                        "informant: H1\n"
                        "group: employee\n"
                        "role: myyjä\n"
                        "age: 42\n"
                        "---\n"
                        "I: Kerro luottamuksesta.\n"
                        "H1: Luottamus on tärkeää meille.\n"
                        "I: Entä hinta?\n"
                        "H1: Hinta ratkaisee usein.\n";

const char *const kA1 = "---\n"
                        "informant: A1\n"
                        "group: customer\n"
                        "---\n"
                        "Haastattelija: Miten yhteistyö sujuu?\n"
                        "A1: Yhteistyö sujuu hyvin.\n";

const char *const kCodebook = "codebook: testi\n"
                              "theme trust\n"
                              "  label.fi: Luottamus\n"
                              "theme price\n"
                              "  label.fi: Hinta\n";

std::string
read_file (const std::string &path)
{
  char *data = nullptr;
  gsize len = 0;
  if (!g_file_get_contents (path.c_str (), &data, &len, nullptr))
    return "<unreadable>";
  std::string s (data, len);
  g_free (data);
  return s;
}

class Store : public ::testing::Test {
protected:
  void SetUp () override
  {
    path = dir.file ("p.teema");
    GError *error = nullptr;
    p = teema_project_create (path.c_str (), &error);
    ASSERT_NE (p, nullptr) << error->message;
  }
  void TearDown () override
  {
    teema_project_free (p);
  }

  void load_codebook ()
  {
    GError *error = nullptr;
    TeemaCodebook *cb = teema_codebook_parse (kCodebook, -1, "cb", &error);
    ASSERT_NE (cb, nullptr) << error->message;
    ASSERT_TRUE (teema_codebook_set (p, cb, FALSE, &error)) << error->message;
    teema_codebook_free (cb);
  }

  // Imports files (name, content); returns FALSE with error set on failure.
  gboolean
  import (const std::vector<std::pair<std::string, std::string>> &files,
          gboolean force, GError **error)
  {
    std::vector<std::string> paths;
    for (auto &f : files)
      paths.push_back (dir.write (f.first, f.second));
    std::vector<const char *> argv;
    for (auto &s : paths)
      argv.push_back (s.c_str ());
    TeemaImportOptions opt = {};
    opt.force = force;
    GPtrArray *r =
      teema_document_import (p, argv.data (), argv.size (), &opt, error);
    if (!r)
      return FALSE;
    last_replaced = r->len && ((TeemaImportResult *) r->pdata[0])->replaced;
    g_ptr_array_unref (r);
    return TRUE;
  }

  guint n_segments (bool all = true)
  {
    TeemaSegmentFilter f = {};
    f.include_interviewer = all;
    GPtrArray *s = teema_segment_list (p, &f, nullptr);
    guint n = s ? s->len : 9999;
    if (s)
      g_ptr_array_unref (s);
    return n;
  }

  guint n_codings (const TeemaCodingFilter *f = nullptr)
  {
    GPtrArray *c = teema_coding_list (p, f, nullptr);
    guint n = c ? c->len : 9999;
    if (c)
      g_ptr_array_unref (c);
    return n;
  }

  gint64 first_informant_segment ()
  {
    GPtrArray *s = teema_segment_list (p, nullptr, nullptr);
    gint64 id = s && s->len ? ((TeemaSegment *) s->pdata[0])->id : 0;
    if (s)
      g_ptr_array_unref (s);
    return id;
  }

  testutil::TempDir dir;
  std::string path;
  TeemaProject *p = nullptr;
  bool last_replaced = false;
};

TEST_F (Store, CreateWritesSchemaVersionAndLanguage)
{
  EXPECT_GE (teema_project_schema_version (), 2);
  EXPECT_STREQ (teema_project_path (p), path.c_str ());
  char *lang = teema_project_get_setting (p, "language");
  EXPECT_STREQ (lang, "fi");
  g_free (lang);
  EXPECT_TRUE (g_file_test (path.c_str (), G_FILE_TEST_IS_REGULAR));
  // The SQLite header: "SQLite format 3\0", then the page size, big
  // endian: 16 KiB for a new project (a report reads a quarter as many).
  std::string header = read_file (path).substr (0, 18);
  EXPECT_EQ (header.substr (0, 16), std::string ("SQLite format 3\0", 16));
  EXPECT_EQ ((guchar) header[16] << 8 | (guchar) header[17], 16384);
}

TEST_F (Store, CreateRefusesAnExistingFileAndLeavesItAlone)
{
  std::string other = dir.write ("notes.txt", "muistiinpanot\n");
  GError *error = nullptr;
  TeemaProject *q = teema_project_create (other.c_str (), &error);
  EXPECT_EQ (q, nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS));
  EXPECT_NE (strstr (error->message, other.c_str ()), nullptr)
    << error->message;
  g_error_free (error);
  EXPECT_EQ (read_file (other), "muistiinpanot\n");

  // The open project itself is an existing file too.
  error = nullptr;
  EXPECT_EQ (teema_project_create (path.c_str (), &error), nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS));
  g_clear_error (&error);
}

TEST_F (Store, OpenMissingFileIsNotFound)
{
  GError *error = nullptr;
  std::string missing = dir.file ("missing.teema");
  EXPECT_EQ (teema_project_open (missing.c_str (), &error), nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  EXPECT_NE (strstr (error->message, "teema init"), nullptr) << error->message;
  g_clear_error (&error);
  EXPECT_FALSE (g_file_test (missing.c_str (), G_FILE_TEST_EXISTS));
}

TEST_F (Store, OpenRefusesAForeignSqliteFileWithoutChangingIt)
{
  gsize len = 0;
  guchar *db = g_base64_decode (kForeignSqlite, &len);
  ASSERT_EQ (len, 1024u);
  std::string foreign = dir.write ("other.db", std::string ((char *) db, len));
  g_free (db);
  std::string before = read_file (foreign);
  GError *error = nullptr;
  EXPECT_EQ (teema_project_open (foreign.c_str (), &error), nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_STORE))
    << error->message;
  EXPECT_NE (strstr (error->message, foreign.c_str ()), nullptr)
    << error->message;
  EXPECT_NE (strstr (error->message, "not a teema project"), nullptr)
    << error->message;
  g_clear_error (&error);
  // Someone else's database must not be migrated or switched to WAL.
  EXPECT_EQ (read_file (foreign), before);
  EXPECT_FALSE (g_file_test ((foreign + "-wal").c_str (), G_FILE_TEST_EXISTS));
}

TEST_F (Store, OpenRefusesATextFileWithAClearError)
{
  std::string text =
    dir.write ("haastattelu.txt", std::string (2000, 'x') + "\nH1: Moi.\n");
  std::string before = read_file (text);
  GError *error = nullptr;
  EXPECT_EQ (teema_project_open (text.c_str (), &error), nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_STORE))
    << error->message;
  EXPECT_NE (strstr (error->message, text.c_str ()), nullptr) << error->message;
  EXPECT_NE (strstr (error->message, "not a teema project"), nullptr)
    << error->message;
  g_clear_error (&error);
  EXPECT_EQ (read_file (text), before);
}

TEST_F (Store, OpenRefusesAnEmptyFileAndLeavesItEmpty)
{
  std::string empty = dir.write ("empty.teema", "");
  GError *error = nullptr;
  EXPECT_EQ (teema_project_open (empty.c_str (), &error), nullptr);
  ASSERT_NE (error, nullptr);
  EXPECT_NE (strstr (error->message, "not a teema project"), nullptr)
    << error->message;
  g_clear_error (&error);
  EXPECT_EQ (read_file (empty), "");
}

TEST_F (Store, ReopenKeepsDocumentsSettingsAndCodings)
{
  load_codebook ();
  GError *error = nullptr;
  ASSERT_TRUE (import ({ { "H1.txt", kH1 } }, FALSE, &error)) << error->message;
  ASSERT_TRUE (teema_project_set_setting (p, "coder", "anna", &error));
  gint64 seg = first_informant_segment ();
  ASSERT_TRUE (teema_coding_add (p, seg, "trust", "anna", nullptr, &error))
    << error->message;
  teema_project_free (p);
  p = teema_project_open (path.c_str (), &error);
  ASSERT_NE (p, nullptr) << error->message;
  EXPECT_EQ (n_segments (), 4u);
  EXPECT_EQ (n_codings (), 1u);
  char *coder = teema_project_get_setting (p, "coder");
  EXPECT_STREQ (coder, "anna");
  g_free (coder);
  TeemaCodebook *cb = teema_codebook_get (p, &error);
  ASSERT_NE (cb, nullptr) << error->message;
  EXPECT_EQ (teema_codebook_size (cb), 2u);
  EXPECT_STREQ (teema_codebook_name (cb), "testi");
  teema_codebook_free (cb);
}

TEST_F (Store, SettingsSetReplaceAndUnknown)
{
  GError *error = nullptr;
  EXPECT_EQ (teema_project_get_setting (p, "nope"), nullptr);
  ASSERT_TRUE (teema_project_set_setting (p, "k", "yksi", &error));
  ASSERT_TRUE (teema_project_set_setting (p, "k", "kaksi ä", &error));
  char *v = teema_project_get_setting (p, "k");
  EXPECT_STREQ (v, "kaksi ä");
  g_free (v);
}

// Inductive coding starts with no codebook file: a new project has an
// empty codebook (no themes), not an error.
TEST_F (Store, NoCodebookYetIsAnEmptyCodebook)
{
  GError *error = nullptr;
  TeemaCodebook *cb = teema_codebook_get (p, &error);
  ASSERT_NE (cb, nullptr) << error->message;
  EXPECT_EQ (teema_codebook_size (cb), 0u);
  EXPECT_STREQ (teema_codebook_language (cb), "fi");
  teema_codebook_free (cb);
}

const TeemaInformant *
find_informant (GPtrArray *list, const char *code)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((TeemaInformant *) list->pdata[i])->code, code))
      return (TeemaInformant *) list->pdata[i];
  return nullptr;
}

std::string
attrs_of (const TeemaInformant *inf)
{
  std::string s;
  for (guint i = 0; i < inf->keys->len; i++)
    s += std::string (i ? " " : "") + (char *) inf->keys->pdata[i] + "="
         + (char *) inf->values->pdata[i];
  return s;
}

TEST_F (Store, InformantsFromFrontMatterThenSetLater)
{
  GError *error = nullptr;
  ASSERT_TRUE (import ({ { "H1.txt", kH1 }, { "A1.txt", kA1 } }, FALSE, &error))
    << error->message;
  GPtrArray *list = teema_informant_list (p, &error);
  ASSERT_NE (list, nullptr);
  ASSERT_EQ (list->len, 2u);
  // Ordered by group, then code: customer before employee.
  EXPECT_STREQ (((TeemaInformant *) list->pdata[0])->code, "A1");
  const TeemaInformant *h1 = find_informant (list, "H1");
  ASSERT_NE (h1, nullptr);
  EXPECT_STREQ (h1->group, "employee");
  EXPECT_STREQ (h1->role, "myyjä");
  EXPECT_EQ (attrs_of (h1), "age=42");
  EXPECT_EQ (h1->n_documents, 1u);
  // "Luottamus on tärkeää meille." + "Hinta ratkaisee usein." = 4 + 3.
  EXPECT_EQ (h1->n_words, 7u);
  g_ptr_array_unref (list);

  ASSERT_TRUE (teema_informant_set_attr (p, "A1", "group", "asiakas", &error));
  ASSERT_TRUE (teema_informant_set_attr (p, "A1", "role", "ostaja", &error));
  ASSERT_TRUE (teema_informant_set_attr (p, "A1", "sector", "kunta", &error));
  ASSERT_TRUE (teema_informant_set_attr (p, "A1", "size", "iso", &error));
  ASSERT_TRUE (teema_informant_set_attr (p, "H1", "age", "", &error));
  list = teema_informant_list (p, &error);
  const TeemaInformant *a1 = find_informant (list, "A1");
  EXPECT_STREQ (a1->group, "asiakas");
  EXPECT_STREQ (a1->role, "ostaja");
  EXPECT_EQ (attrs_of (a1), "sector=kunta size=iso");
  EXPECT_EQ (attrs_of (find_informant (list, "H1")), "");
  g_ptr_array_unref (list);
}

TEST_F (Store, UnknownInformantIsNotFoundAndChangesNothing)
{
  GError *error = nullptr;
  ASSERT_TRUE (import ({ { "H1.txt", kH1 } }, FALSE, &error));
  EXPECT_FALSE (teema_informant_set_attr (p, "H9", "group", "x", &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  EXPECT_NE (strstr (error->message, "'H9'"), nullptr) << error->message;
  g_clear_error (&error);
  GPtrArray *list = teema_informant_list (p, &error);
  ASSERT_EQ (list->len, 1u);
  EXPECT_STREQ (((TeemaInformant *) list->pdata[0])->code, "H1");
  g_ptr_array_unref (list);
}

TEST_F (Store, CodingAddRemoveListWithFilters)
{
  load_codebook ();
  GError *error = nullptr;
  ASSERT_TRUE (import ({ { "H1.txt", kH1 }, { "A1.txt", kA1 } }, FALSE, &error))
    << error->message;
  GPtrArray *segs = teema_segment_list (p, nullptr, &error);
  ASSERT_EQ (segs->len, 3u); // H1 ×2, A1 ×1; interviewer turns excluded
  auto *h1a = (TeemaSegment *) segs->pdata[0];
  auto *h1b = (TeemaSegment *) segs->pdata[1];
  auto *a1 = (TeemaSegment *) segs->pdata[2];
  EXPECT_STREQ (h1a->informant, "H1");
  EXPECT_STREQ (a1->informant, "A1");

  gboolean added = FALSE;
  ASSERT_TRUE (teema_coding_add (p, h1a->id, "trust", "anna", &added, &error))
    << error->message;
  EXPECT_TRUE (added);
  ASSERT_TRUE (teema_coding_add (p, h1a->id, "trust", "anna", &added, &error));
  EXPECT_FALSE (added); // already there: not an error
  ASSERT_TRUE (teema_coding_add (p, h1a->id, "trust", "ben", &added, &error));
  ASSERT_TRUE (teema_coding_add (p, h1b->id, "price", "anna", &added, &error));
  // Theme codes are case-insensitive.
  ASSERT_TRUE (teema_coding_add (p, a1->id, "TRUST", "ben", &added, &error))
    << error->message;
  EXPECT_TRUE (added);
  EXPECT_EQ (n_codings (), 4u);

  TeemaCodingFilter f = {};
  f.coder = "anna";
  EXPECT_EQ (n_codings (&f), 2u);
  f = {};
  f.theme = "trust";
  EXPECT_EQ (n_codings (&f), 3u);
  f = {};
  f.informant = "A1";
  EXPECT_EQ (n_codings (&f), 1u);
  f = {};
  f.segment_id = h1a->id;
  EXPECT_EQ (n_codings (&f), 2u);
  f = {};
  f.coder = "ben";
  f.informant = "H1";
  EXPECT_EQ (n_codings (&f), 1u);

  f = {};
  f.segment_id = h1b->id;
  GPtrArray *list = teema_coding_list (p, &f, &error);
  ASSERT_EQ (list->len, 1u);
  auto *c = (TeemaCoding *) list->pdata[0];
  EXPECT_STREQ (c->theme, "price");
  EXPECT_STREQ (c->coder, "anna");
  EXPECT_STREQ (c->informant, "H1");
  EXPECT_EQ (c->start, h1b->start);
  EXPECT_EQ (c->end, h1b->end);
  EXPECT_TRUE (g_regex_match_simple (
    "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", c->created_at,
    (GRegexCompileFlags) 0, (GRegexMatchFlags) 0))
    << c->created_at;
  g_ptr_array_unref (list);

  gboolean removed = FALSE;
  ASSERT_TRUE (
    teema_coding_remove (p, h1a->id, "trust", "anna", &removed, &error));
  EXPECT_TRUE (removed);
  ASSERT_TRUE (
    teema_coding_remove (p, h1a->id, "trust", "anna", &removed, &error));
  EXPECT_FALSE (removed);
  EXPECT_EQ (n_codings (), 3u);
  g_ptr_array_unref (segs);
}

TEST_F (Store, CodingUnknownThemeOrSegmentIsNotFound)
{
  load_codebook ();
  GError *error = nullptr;
  ASSERT_TRUE (import ({ { "H1.txt", kH1 } }, FALSE, &error));
  gint64 seg = first_informant_segment ();
  EXPECT_FALSE (teema_coding_add (p, seg, "nope", "anna", nullptr, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  EXPECT_NE (strstr (error->message, "'nope'"), nullptr) << error->message;
  g_clear_error (&error);
  EXPECT_FALSE (teema_coding_add (p, 987654, "trust", "anna", nullptr, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  EXPECT_NE (strstr (error->message, "987654"), nullptr) << error->message;
  g_clear_error (&error);
  EXPECT_EQ (teema_segment_get (p, 987654, &error), nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_NOT_FOUND));
  g_clear_error (&error);
  EXPECT_EQ (n_codings (), 0u);
}

TEST_F (Store, ForcedReimportDropsTheOldDocumentsCodings)
{
  load_codebook ();
  GError *error = nullptr;
  ASSERT_TRUE (import ({ { "H1.txt", kH1 } }, FALSE, &error));
  gint64 old = first_informant_segment ();
  ASSERT_TRUE (teema_coding_add (p, old, "trust", "anna", nullptr, &error));
  ASSERT_EQ (n_codings (), 1u);

  EXPECT_FALSE (import ({ { "H1.txt", kH1 } }, FALSE, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS));
  g_clear_error (&error);
  EXPECT_EQ (n_codings (), 1u);

  ASSERT_TRUE (import ({ { "H1.txt", kH1 } }, TRUE, &error)) << error->message;
  EXPECT_TRUE (last_replaced);
  EXPECT_EQ (n_segments (), 4u); // replaced, not doubled
  EXPECT_EQ (n_codings (), 0u);
  TeemaCodingFilter f = {};
  f.segment_id = first_informant_segment ();
  EXPECT_EQ (n_codings (&f), 0u);
  // The informant survives the document.
  GPtrArray *list = teema_informant_list (p, &error);
  EXPECT_EQ (list->len, 1u);
  g_ptr_array_unref (list);
}

TEST_F (Store, FailedMultiFileImportLeavesNothing)
{
  GError *error = nullptr;
  // Second file is Latin-1: "ä" as one byte.
  EXPECT_FALSE (
    import ({ { "H1.txt", kH1 }, { "A1.txt", "A1: Hyv\xe4 yhteisty\xf6.\n" } },
            FALSE, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_ENCODING));
  g_clear_error (&error);
  EXPECT_EQ (n_segments (), 0u);
  GPtrArray *list = teema_informant_list (p, &error);
  EXPECT_EQ (list->len, 0u);
  g_ptr_array_unref (list);

  // A duplicate after a new file: the new one is not kept either.
  ASSERT_TRUE (import ({ { "H1.txt", kH1 } }, FALSE, &error));
  EXPECT_FALSE (
    import ({ { "A1.txt", kA1 }, { "H1b.txt", kH1 } }, FALSE, &error));
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_EXISTS));
  EXPECT_NE (strstr (error->message, "H1b.txt"), nullptr) << error->message;
  g_clear_error (&error);
  EXPECT_EQ (n_segments (), 4u);
  list = teema_informant_list (p, &error);
  EXPECT_EQ (list->len, 1u);
  g_ptr_array_unref (list);

  // A missing file among good ones.
  std::string good = dir.write ("A1.txt", kA1);
  std::string missing = dir.file ("missing.txt");
  const char *paths[] = { good.c_str (), missing.c_str () };
  EXPECT_EQ (teema_document_import (p, paths, 2, nullptr, &error), nullptr);
  EXPECT_TRUE (g_error_matches (error, TEEMA_ERROR, TEEMA_ERROR_IO));
  EXPECT_NE (strstr (error->message, "missing.txt"), nullptr) << error->message;
  g_clear_error (&error);
  EXPECT_EQ (n_segments (), 4u);
}

TEST_F (Store, WalJournal)
{
  GError *error = nullptr;
  ASSERT_TRUE (import ({ { "H1.txt", kH1 } }, FALSE, &error));
  // While the project is open after a write, the WAL file is there.
  EXPECT_TRUE (g_file_test ((path + "-wal").c_str (), G_FILE_TEST_EXISTS));
  teema_project_free (p);
  p = nullptr;
  // And the file says WAL (header bytes 18 and 19 are 2).
  std::string db = read_file (path);
  ASSERT_GE (db.size (), 100u);
  EXPECT_EQ (db[18], 2);
  EXPECT_EQ (db[19], 2);
  p = teema_project_open (path.c_str (), &error);
  ASSERT_NE (p, nullptr);
}

} // namespace
