/* SPDX-License-Identifier: EUPL-1.2 */
/* tavla-cli backup, backups, restore and check; and hostile text through
 * the command line. */
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cli-test-common.h"

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonNode) made = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autofree char *output = g_build_filename (f->tmpdir, "ut", "kopia.db", NULL);
  g_autofree char *state = g_build_filename (f->tmpdir, "state", "tavla", "backups", NULL);
  JsonArray *backups = NULL;
  const char *path = NULL;

  run (f, "backups", NULL);
  expect_ok (f);
  g_assert_nonnull (strstr (f->out, "There are no backups yet"));

  add_item (f, "Säkerhetskopiera tavlan");
  made = run_json (f, "--json", "backup", NULL);
  path = json_object_get_string_member (json_node_get_object (made), "path");
  g_assert_true (g_str_has_prefix (path, state));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_mode (path, 0600);
  g_assert_cmpint (raw_int (path, "SELECT count (*) FROM item"), ==, 1);

  run (f, "backup", "--output", output, NULL);
  expect_ok (f);
  g_assert_nonnull (strstr (f->out, output));
  assert_mode (output, 0600);

  /* The closes after writing made the daily and weekly ones too. */
  list = run_json (f, "--json", "backups", NULL);
  backups = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (backups), ==, 3);
  for (guint i = 0; i < json_array_get_length (backups); i++)
    {
      JsonObject *backup = json_array_get_object_element (backups, i);
      const char *keys[] = { "path", "kind", "date", "taken", "size", NULL };

      assert_keys (backup, keys);
      g_assert_cmpint (json_object_get_int_member (backup, "size"), >, 4096);
    }

  run (f, "backups", NULL);
  expect_ok (f);
  g_assert_nonnull (strstr (f->out, "Manual"));
  g_assert_nonnull (strstr (f->out, "Daily"));
  g_assert_nonnull (strstr (f->out, "Weekly"));

  run (f, "backup", "extra", NULL);
  expect_error (f, 2, "Unexpected argument");
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) made = NULL;
  g_autoptr(JsonNode) restored = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *junk = g_build_filename (f->tmpdir, "junk.db", NULL);
  g_autofree char *missing = g_build_filename (f->tmpdir, "missing.db", NULL);
  g_autofree char *aside_wal = NULL;
  JsonObject *object = NULL;
  const char *aside = NULL;
  sqlite3 *reader = NULL;

  add_item (f, "Före kopian");
  made = run_json (f, "--json", "backup", NULL);
  backup = g_strdup (json_object_get_string_member (json_node_get_object (made), "path"));
  add_item (f, "Efter kopian");
  g_assert_cmpuint (count_items (f), ==, 2);

  /* Nothing changes for a file that is not a sound backup. */
  g_assert_true (g_file_set_contents (junk, "SQLite format 3", -1, NULL));
  run (f, "restore", junk, NULL);
  expect_error (f, 5, "is not a sound Tavla backup");
  run (f, "restore", missing, NULL);
  expect_error (f, 4, "There is no backup file");
  run (f, "restore", NULL);
  expect_error (f, 2, "Name the backup to restore");
  g_assert_cmpuint (count_items (f), ==, 2);

  /* A reader keeps the -wal alive: it must move aside with the file. */
  g_assert_cmpint (sqlite3_open (f->db, &reader), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "SELECT count (*) FROM item", NULL, NULL, NULL), ==, SQLITE_OK);
  add_item (f, "I loggen");
  restored = run_json (f, "--json", "restore", backup, NULL);
  sqlite3_close (reader);
  object = json_node_get_object (restored);
  aside = json_object_get_string_member (object, "moved_aside");
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "taken"), "20"));
  aside_wal = g_strconcat (aside, "-wal", NULL);
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
  assert_mode (aside, 0600);
  g_assert_cmpint (raw_int (aside, "SELECT count (*) FROM item"), ==, 3);
  g_assert_cmpuint (count_items (f), ==, 1);

  run (f, "restore", backup, NULL);
  expect_ok (f);
  g_assert_nonnull (strstr (f->out, "the data is as it was on 20"));
  g_assert_nonnull (strstr (f->out, "The previous file is kept as"));
}

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) checked = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *mark = g_strconcat (f->db, "-closed", NULL);
  gsize length = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("Förslag nummer %u om kortare väntetider", i);

      add_item (f, title);
    }
  run (f, "check", NULL);
  expect_ok (f);
  g_assert_nonnull (strstr (f->out, "is sound"));
  checked = run_json (f, "--json", "check", NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (checked), "ok"));

  /* A page of zeros, as after a crash that lost a write. */
  g_assert_true (g_file_get_contents (f->db, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4 * 4096);
  memset (contents + 2 * 4096, 0, 4096);
  memset (contents + 3 * 4096, 0, 4096);
  g_assert_true (g_file_set_contents (f->db, contents, length, NULL));
  g_unlink (mark);

  run (f, "check", NULL);
  expect_error (f, 5, "is damaged");
  g_assert_nonnull (strstr (f->err, "moved aside"));
  g_assert_nonnull (strstr (f->err, "Restore the newest good backup"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  /* No empty board is made in its place. */
  run (f, "item", "list", NULL);
  expect_error (f, 5, "no new, empty one");
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static const char *const pieces[] = {
  "'", "\"", ";", "--", "/*", "\\", "%s", "%n", "NULL", "\t", "\n", "\r\n", " ", "<script>x</script>",
  "&amp;", "=SUM(A1)", "+1", "-1", "@x", "'); DROP TABLE item;--", "\xe2\x80\xae", "e\xcc\x81",
  "\xf0\x9f\x98\x80", "\xc3\x85\xc3\x84\xc3\x96", "$(id)", "`", "|", "\x1b[31m", "\x01",
};

static char *
hostile (GRand *rand)
{
  GString *text = g_string_new ("x");

  for (guint n = g_rand_int_range (rand, 1, 16); n > 0; n--)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  g_string_append (text, "x");

  return g_string_free (text, FALSE);
}

#define N_CLI_READ 10000
#define N_CLI_WRITE 100

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) list = NULL;
  JsonArray *items = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint differences = 0;

  /* Written by tavla-cli, read back by tavla-cli. */
  for (guint i = 0; i < N_CLI_WRITE; i++)
    {
      g_autofree char *text = hostile (rand);
      g_autoptr(JsonNode) shown = NULL;

      run (f, "item", "add", "--title", "Fientlig text", "--description", text, NULL);
      expect_ok (f);
      shown = show_item (f, i + 1);
      if (g_strcmp0 (item_string (shown, "description"), text) != 0)
        differences++;
    }

  /* Ten thousand more, stored directly, read back through --json. */
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO item (title, description, source, status, version,"
                                       " created, updated) VALUES ('Fientlig', ?1, 'other', 'new', 1,"
                                       " '2026-11-25T10:00:00Z', '2026-11-25T10:00:00Z')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < N_CLI_READ; i++)
    {
      char *text = hostile (rand);

      g_ptr_array_add (texts, text);
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  list = run_json (f, "--json", "item", "list", NULL);
  items = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (items), ==, N_CLI_WRITE + N_CLI_READ);
  for (guint i = 0; i < N_CLI_READ; i++)
    {
      JsonObject *item = json_array_get_object_element (items, N_CLI_WRITE + i);

      if (g_strcmp0 (json_object_get_string_member (item, "description"),
                     g_ptr_array_index (texts, i)) != 0)
        differences++;
    }

  g_test_message ("hostile strings through tavla-cli: %u written and shown, %u listed, %u differences",
                  N_CLI_WRITE, N_CLI_READ, differences);
  g_assert_cmpuint (differences, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (argc > 1)
    g_setenv ("TAVLA_CLI", argv[1], TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/backup", test_backup);
  ADD ("/cli/restore", test_restore);
  ADD ("/cli/check", test_check);
  ADD ("/cli/hostile-text", test_hostile);
#undef ADD

  return g_test_run ();
}
