/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "test-common.h"

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_test_message ("%s", path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
check_permissions_under_umask (mode_t mask)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autofree char *folder = g_build_filename (dir, "data", "tavla", NULL);
  g_autofree char *path = g_build_filename (folder, "tavla.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(TavlaBoard) board = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_mask = umask (mask);

  board = tavla_board_open (path, &error);
  g_assert_no_error (error);
  item = test_add_item (board, "Känsliga synpunkter");

  assert_mode (folder, 0700);
  assert_mode (path, 0600);
  assert_mode (wal, 0600);
  assert_mode (shm, 0600);

  umask (old_mask);
}

static void
test_permissions (void)
{
  check_permissions_under_umask (022);
  check_permissions_under_umask (000);
}

static void
test_pragmas (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  const char *path = tavla_board_get_path (board);

  g_assert_cmpint (raw_int (path, "PRAGMA application_id"), ==, TAVLA_SQLITE_APPLICATION_ID);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, TAVLA_SQLITE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count (*) FROM sqlite_schema WHERE type = 'table'"
                                  " AND name IN ('person', 'department', 'response_group', 'item',"
                                  " 'history', 'item_link', 'metric', 'measurement', 'deviation',"
                                  " 'agreement', 'agreement_signatory', 'agreement_section',"
                                  " 'case_type', 'audit', 'recommendation', 'meeting',"
                                  " 'meeting_attendee', 'decision', 'feedback', 'setting')"), ==, 20);
  g_assert_cmpint (raw_int (path, "SELECT count (*) FROM sqlite_schema WHERE type = 'table'"
                                  " AND sql NOT LIKE '%STRICT'"), ==, 0);
  g_assert_true (tavla_board_is_empty (board));
  g_assert_false (tavla_board_is_read_only (board));
  g_assert_null (tavla_board_get_read_only_reason (board));
}

static void
test_newer_schema_read_only (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autoptr(TavlaBoard) newer = NULL;
  g_autoptr(TavlaItem) item = test_add_item (board, "Skrivet av gammal version");
  g_autoptr(TavlaItem) refused = NULL;
  g_autoptr(TavlaPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (tavla_board_get_path (board));
  TavlaItemChange fields = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "Nytt" };

  g_clear_object (&board);
  test_exec_sql (path, "PRAGMA user_version = 99");

  newer = tavla_board_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (tavla_board_is_read_only (newer));
  g_assert_nonnull (strstr (tavla_board_get_read_only_reason (newer), "newer version of Tavla"));
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_items (newer)), ==, 1);

  refused = tavla_board_create_item (newer, &fields, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "newer version of Tavla"));
  g_clear_error (&error);

  fields.set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_NOTE;
  fields.status = TAVLA_STATUS_REJECTED;
  fields.note = "Nej";
  refused = tavla_board_update_item (newer, tavla_item_get_id (item), &fields, NULL, &error);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  person = tavla_board_add_person (newer, "Ny Person", NULL, NULL, NULL, &error);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_READ_ONLY);

  g_clear_object (&newer);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 99);
  g_assert_cmpint (raw_int (path, "SELECT count (*) FROM history"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT status = 'new' FROM item"), ==, 1);
}

/* Opens @path expecting a refusal and checks the file is byte-identical
 * afterwards: a file we cannot read is never "repaired". */
static void
assert_refused_untouched (const char *path,
                          const char *words)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(TavlaBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  gsize before_length = 0;
  gsize after_length = 0;

  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

  board = tavla_board_open (path, &error);
  g_assert_null (board);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
}

static void
test_foreign_files_refused (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autofree char *other_app = g_build_filename (dir, "other.db", NULL);
  g_autofree char *no_id = g_build_filename (dir, "noid.db", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (other_app, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 42; CREATE TABLE t (a)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (other_app, "is not a Tavla database");

  g_assert_cmpint (sqlite3_open (no_id, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE item (a)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_untouched (no_id, "is not a Tavla database");

  g_assert_true (g_file_set_contents (text, "Mötesanteckningar, inte en databas.\n"
                                      "Mötesanteckningar, inte en databas.\n"
                                      "Mötesanteckningar, inte en databas.\n", -1, NULL));
  assert_refused_untouched (text, "notes.txt");
}

static void
test_symlink_refused (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autofree char *link = g_build_filename (dir, "link.db", NULL);
  g_autoptr(TavlaBoard) through_link = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink (tavla_board_get_path (board), link), ==, 0);
  through_link = tavla_board_open (link, &error);
  g_assert_null (through_link);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED);
}

static char *
schema_text (const char *path)
{
  GString *text = g_string_new ("");
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s %s: %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (text, FALSE);
}

static void
test_fixture_v1 (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autofree char *fixture = g_build_filename (g_getenv ("TAVLA_TEST_SRCDIR"), "tests", "fixtures",
                                               "schema-v1.sql", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(TavlaBoard) board = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(TavlaItem) updated = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  TavlaItemChange change = {
    .set = TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_DUE,
    .owner = "Maria Nyström", .due = "2027-03-31",
  };
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  board = tavla_board_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (tavla_board_is_read_only (board));
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_items (board)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_people (board)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_departments (board)), ==, 2);

  item = tavla_board_get_item (board, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tavla_item_get_title (item), ==, "Förstärk telefonin när skolvalet öppnar");
  g_assert_cmpstr (tavla_item_get_owner (item), ==, "Anna Lindqvist");
  g_assert_cmpstr (tavla_item_get_due (item), ==, "2026-12-03");
  g_assert_cmpstr (tavla_item_get_department (item), ==, "Barn- och utbildningsförvaltningen");
  g_assert_cmpint (tavla_item_get_status (item), ==, TAVLA_STATUS_IN_PROGRESS);
  g_assert_cmpint (tavla_item_get_mark (item), ==, TAVLA_MARK_AT_RISK);
  g_assert_cmpint (tavla_item_get_source (item), ==, TAVLA_SOURCE_DEVIATION);
  history = tavla_board_list_history (board, 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 6);
  g_clear_object (&item);

  item = tavla_board_get_item (board, 3, &error);
  g_assert_cmpint (tavla_item_get_status (item), ==, TAVLA_STATUS_REJECTED);

  /* And it stays writable: history continues with fresh change ids. */
  updated = tavla_board_update_item (board, 2, &change, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_item_get_version (updated), ==, 2);
  g_clear_object (&history);
  history = tavla_board_list_history (board, 2, &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);

  g_clear_object (&board);
  g_assert_cmpint (raw_int (path, "SELECT count (*) FROM history"), ==, 15);

  /* Schema step 1 is released: the code must still create exactly the
   * schema of the fixture (a change needs a new step and a new fixture). */
  {
    g_autoptr(TavlaBoard) fresh = test_board_new (dir);
    g_autofree char *released = schema_text (path);
    g_autofree char *created = schema_text (tavla_board_get_path (fresh));

    g_assert_cmpstr (created, ==, released);
  }
  g_assert_cmpint (raw_int (path, "SELECT max (change_id) FROM history"), ==, 11);
  g_assert_cmpint (raw_int (path, "SELECT count (*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);
}

/* Schema version 2 (metrics) is released too: its dump opens with the
 * current code, keeps its figures, deviations and links, and matches the
 * schema a new file gets. */
static void
test_fixture_v2 (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autofree char *fixture = g_build_filename (g_getenv ("TAVLA_TEST_SRCDIR"), "tests", "fixtures",
                                               "schema-v2.sql", NULL);
  g_autofree char *path = g_build_filename (dir, "v2.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(TavlaBoard) board = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GListModel) deviations = NULL;
  g_autoptr(TavlaDeviation) deviation = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  TavlaDeviationQuery all = { .include_overall = TRUE };
  sqlite3 *db = NULL;
  guint n_items = 0;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  board = tavla_board_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (tavla_board_is_read_only (board));
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_metrics (board)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_response_groups (board)), ==, 2);

  /* Week 47 of both groups: (452 + 410) / (511 + 428). */
  points = tavla_board_get_series (board, "Svarsfrekvens", NULL, TAVLA_PERIOD_MONTH, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 1);
  g_assert_cmpfloat (fabs (((TavlaSeriesPoint *) g_ptr_array_index (points, 0))->value -
                           (481.0 + 452 + 410) / (502.0 + 511 + 428) * 100.0), <, 1e-9);

  deviations = tavla_board_list_deviations (board, &all, &error);
  g_assert_no_error (error);
  /* Barn och utbildning's week 47, and the whole centre's. */
  g_assert_cmpuint (g_list_model_get_n_items (deviations), ==, 2);
  deviation = g_list_model_get_item (deviations, 1);
  g_assert_cmpstr (tavla_deviation_get_group (deviation), ==, "Barn och utbildning");
  g_assert_cmpstr (tavla_deviation_get_cause (deviation), ==, "Kampanj om skolval");
  tavla_deviation_get_items (deviation, &n_items);
  g_assert_cmpuint (n_items, ==, 1);

  item = tavla_board_get_item (board, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_item_get_source (item), ==, TAVLA_SOURCE_DEVIATION);
  g_assert_true (tavla_item_get_has_metric (item));

  g_clear_object (&board);
  {
    g_autoptr(TavlaBoard) fresh = test_board_new (dir);
    g_autofree char *released = schema_text (path);
    g_autofree char *created = schema_text (tavla_board_get_path (fresh));

    g_assert_cmpstr (created, ==, released);
  }
}

/* Schema version 3 (audits, meetings, feedback, reminders) is released
 * too: its dump opens with the current code, keeps its recommendations,
 * their statuses and actions, and matches the schema a new file gets. */
static void
test_fixture_v3 (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autofree char *fixture = g_build_filename (g_getenv ("TAVLA_TEST_SRCDIR"), "tests", "fixtures",
                                               "schema-v3.sql", NULL);
  g_autofree char *path = g_build_filename (dir, "v3.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(TavlaBoard) board = NULL;
  g_autoptr(TavlaAudit) audit = NULL;
  g_autoptr(GError) error = NULL;
  TavlaRecommendation *first = NULL;
  TavlaRecommendation *second = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  board = tavla_board_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (tavla_board_is_read_only (board));

  audit = tavla_board_get_audit (board, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tavla_audit_get_auditor (audit), ==, "KPMG");
  g_assert_cmpuint (tavla_audit_get_recommendations (audit)->len, ==, 2);
  first = g_ptr_array_index (tavla_audit_get_recommendations (audit), 0);
  second = g_ptr_array_index (tavla_audit_get_recommendations (audit), 1);
  g_assert_cmpint (tavla_recommendation_get_status (first), ==, TAVLA_RECOMMENDATION_IN_PROGRESS);
  g_assert_cmpstr (tavla_recommendation_get_owner (first), ==, "Anna Lindqvist");
  g_assert_cmpstr (tavla_recommendation_get_due (first), ==, "2027-03-31");
  g_assert_cmpuint (tavla_recommendation_get_actions (first)->len, ==, 1);
  g_assert_cmpint (tavla_recommendation_get_status (second), ==, TAVLA_RECOMMENDATION_NOT_ACCEPTED);
  g_assert_cmpstr (tavla_recommendation_get_note (second), ==, "Görs i webbprojektet");

  g_clear_object (&board);
  {
    g_autoptr(TavlaBoard) fresh = test_board_new (dir);
    g_autofree char *released = schema_text (path);
    g_autofree char *created = schema_text (tavla_board_get_path (fresh));

    g_assert_cmpstr (created, ==, released);
  }
}

/* Step 3 rewrites the recommendation and feedback tables: rows written
 * under step 2's statuses keep their text and map onto the new statuses. */
static void
test_step_3_maps_recommendations (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autofree char *fixture = g_build_filename (g_getenv ("TAVLA_TEST_SRCDIR"), "tests", "fixtures",
                                               "schema-v2.sql", NULL);
  g_autofree char *path = g_build_filename (dir, "v2.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(TavlaBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  const char *rows =
    "INSERT INTO audit (id, title, created, updated) VALUES (1, 'Granskning', 'x', 'x');"
    "INSERT INTO recommendation (id, audit_id, text, status, assessment, created, updated) VALUES"
    " (1, 1, 'Genomför en enkät', 'done', 'addressed', 'x', 'x'),"
    " (2, 1, 'Utveckla webben', 'rejected', 'not-addressed', 'x', 'x'),"
    " (3, 1, 'Följ upp', 'in-progress', 'partly-addressed', 'x', 'x'),"
    " (4, 1, 'Svara', 'open', NULL, 'x', 'x');"
    "INSERT INTO feedback (id, date, channel, category, text, created, updated) VALUES"
    " (1, '2026-11-02', 'phone', 'complaint', 'Långa köer', 'x', 'x');";

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, rows, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  board = tavla_board_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&board);

  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, TAVLA_SQLITE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (path, "SELECT count (*) FROM recommendation"), ==, 4);
  g_assert_cmpint (raw_int (path, "SELECT count (*) FROM recommendation WHERE id = 1 AND"
                                  " status = 'implemented' AND assessment = 'implemented'"
                                  " AND text = 'Genomför en enkät'"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count (*) FROM recommendation WHERE id = 2 AND"
                                  " status = 'not-accepted' AND assessment = 'not-implemented'"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count (*) FROM recommendation WHERE id = 3 AND"
                                  " status = 'in-progress' AND assessment = 'partly'"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count (*) FROM recommendation WHERE id = 4 AND"
                                  " status = 'open' AND assessment IS NULL"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count (*) FROM feedback WHERE text = 'Långa köer'"
                                  " AND purged IS NULL"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count (*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_reopen_keeps_everything (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new_staffed (dir);
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(TavlaItem) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (tavla_board_get_path (board));
  const char *hostile = "Robert'); DROP TABLE item;-- \"citat\" ; -- \xe2\x80\x94 ärende";
  const char *spaced = "  Inledande mellanslag;\n\tindrag -- och '' \"citat\"  ";
  TavlaItemChange fields = {
    .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_DESCRIPTION,
    .title = hostile, .description = spaced,
  };

  item = tavla_board_create_item (board, &fields, hostile, &error);
  g_assert_no_error (error);
  g_clear_object (&board);

  board = tavla_board_open (path, &error);
  g_assert_no_error (error);
  again = tavla_board_get_item (board, tavla_item_get_id (item), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tavla_item_get_title (again), ==, hostile);
  /* Descriptions come back byte for byte, spaces included. */
  g_assert_cmpstr (tavla_item_get_description (again), ==, spaced);
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_people (board)), ==, 2);
}

static void
test_sync_folder_read_only (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autoptr(TavlaBoard) synced = NULL;
  g_autoptr(TavlaItem) item = test_add_item (board, "Flyttad till molnet");
  g_autoptr(TavlaItem) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cloud = g_build_filename (dir, "Dropbox", NULL);
  g_autofree char *moved = g_build_filename (cloud, "tavla.db", NULL);
  g_autofree char *fresh = g_build_filename (cloud, "ny.db", NULL);
  g_autofree char *original = g_strdup (tavla_board_get_path (board));
  TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "Ändrad" };

  g_clear_object (&board);
  g_assert_cmpint (g_mkdir (cloud, 0700), ==, 0);
  g_assert_cmpint (g_rename (original, moved), ==, 0);

  /* An existing board there opens for reading, with the reason. */
  synced = tavla_board_open (moved, &error);
  g_assert_no_error (error);
  g_assert_true (tavla_board_is_read_only (synced));
  g_assert_nonnull (strstr (tavla_board_get_read_only_reason (synced), "Dropbox"));
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_items (synced)), ==, 1);
  refused = tavla_board_update_item (synced, 1, &change, NULL, &error);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* A new one is not even created. */
  g_clear_object (&board);
  board = tavla_board_open (fresh, &error);
  g_assert_null (board);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_READ_ONLY);
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
}

static void
test_backup (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new_staffed (dir);
  g_autoptr(TavlaItem) item = test_add_item (board, "Säkerhetskopierat förslag");
  g_autoptr(TavlaBoard) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) folder = NULL;
  g_autofree char *backups = g_build_filename (dir, "backups", "daily", NULL);
  g_autofree char *copy = g_build_filename (backups, "tavla.db.bak", NULL);
  TavlaSqliteStore *store = TAVLA_SQLITE_STORE (tavla_board_get_store (board));
  const char *name = NULL;
  guint n_files = 0;

  /* An older backup of the same name is replaced whole. */
  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  g_assert_true (g_file_set_contents (copy, "an old, damaged backup", -1, NULL));

  g_assert_true (tavla_sqlite_store_backup (store, copy, &error));
  g_assert_no_error (error);
  assert_mode (copy, 0600);
  assert_mode (backups, 0700);

  folder = g_dir_open (backups, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  restored = tavla_board_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_items (restored)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_people (restored)), ==, 2);
  g_clear_object (&restored);
  g_assert_cmpint (raw_int (copy, "SELECT count (*) FROM history"), ==, 4);
}

static void
test_default_path (void)
{
  g_autofree char *path = tavla_default_database_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "tavla", "tavla.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

  g_test_add_func ("/storage/permissions", test_permissions);
  g_test_add_func ("/storage/pragmas", test_pragmas);
  g_test_add_func ("/storage/newer-schema-read-only", test_newer_schema_read_only);
  g_test_add_func ("/storage/foreign-files-refused", test_foreign_files_refused);
  g_test_add_func ("/storage/symlink-refused", test_symlink_refused);
  g_test_add_func ("/storage/fixture-v1", test_fixture_v1);
  g_test_add_func ("/storage/fixture-v2", test_fixture_v2);
  g_test_add_func ("/storage/fixture-v3", test_fixture_v3);
  g_test_add_func ("/storage/step-3-maps-recommendations", test_step_3_maps_recommendations);
  g_test_add_func ("/storage/reopen-keeps-everything", test_reopen_keeps_everything);
  g_test_add_func ("/storage/sync-folder-read-only", test_sync_folder_read_only);
  g_test_add_func ("/storage/backup", test_backup);
  g_test_add_func ("/storage/default-path", test_default_path);

  return g_test_run ();
}
