/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "test-common.h"

static void remove_tree (const char *path);

static char *state_dir = NULL;

static void
remove_state_dir (void)
{
  if (state_dir != NULL)
    remove_tree (state_dir);
}

void
test_common_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GDateTime) now = NULL;

  /* Backups go to $XDG_STATE_HOME: never the real user's folder. Forked
   * children exit with _exit() and so leave it to the parent. */
  state_dir = g_dir_make_tmp ("tavla-state-XXXXXX", NULL);
  g_assert_nonnull (state_dir);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  atexit (remove_state_dir);

  /* The tests read the English source strings. */
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("TAVLA_USER", "Test Runner", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, NULL);

  now = g_date_time_new_from_iso8601 (TEST_NOW, NULL);
  tavla_clock_set_now_override (now);
}

TestTmpdir *
test_tmpdir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tavla-unit-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

void
test_tmpdir_free (TestTmpdir *dir)
{
  if (dir == NULL)
    return;

  remove_tree (dir);
  g_free (dir);
}

TavlaBoard *
test_board_new (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "tavla.db", NULL);
  TavlaBoard *board = tavla_board_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (board);

  return board;
}

TavlaBoard *
test_board_new_staffed (const char *dir)
{
  g_autoptr(GError) error = NULL;
  TavlaBoard *board = test_board_new (dir);
  g_autoptr(TavlaPerson) anna = NULL;
  g_autoptr(TavlaPerson) bo = NULL;
  g_autoptr(TavlaDepartment) soc = NULL;

  anna = tavla_board_add_person (board, "Anna Lindqvist", "Kommunvägledare",
                                 "anna@example.se", NULL, &error);
  g_assert_no_error (error);
  bo = tavla_board_add_person (board, "Bo Ek", "Samordnare", NULL, NULL, &error);
  g_assert_no_error (error);
  soc = tavla_board_add_department (board, "Socialförvaltningen", "SOC", NULL, &error);
  g_assert_no_error (error);

  return board;
}

TavlaItem *
test_add_item (TavlaBoard *board,
               const char *title)
{
  g_autoptr(GError) error = NULL;
  TavlaItemChange fields = { .set = TAVLA_ITEM_FIELD_TITLE, .title = title };
  TavlaItem *item = tavla_board_create_item (board, &fields, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);

  return item;
}

gint64
test_count_rows (TavlaBoard *board,
                 const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  g_assert_cmpint (sqlite3_open_v2 (tavla_board_get_path (board), &db,
                                    SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return count;
}

void
test_exec_sql (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed: %s", message);
  sqlite3_close (db);
}

static void
items_changed_cb (GListModel     *model,
                  guint           position,
                  guint           removed,
                  guint           added,
                  ChangeRecorder *recorder)
{
  if (recorder->log->len > 0)
    g_string_append_c (recorder->log, ' ');
  g_string_append_printf (recorder->log, "%u-%u+%u", position, removed, added);
}

void
change_recorder_start (ChangeRecorder *recorder,
                       GListModel     *model)
{
  recorder->log = g_string_new ("");
  recorder->model = g_object_ref (model);
  recorder->handler = g_signal_connect (model, "items-changed",
                                        G_CALLBACK (items_changed_cb), recorder);
}

char *
change_recorder_take (ChangeRecorder *recorder)
{
  char *text = g_strdup (recorder->log->str);

  g_string_truncate (recorder->log, 0);

  return text;
}

void
change_recorder_stop (ChangeRecorder *recorder)
{
  g_clear_signal_handler (&recorder->handler, recorder->model);
  g_clear_object (&recorder->model);
  g_string_free (recorder->log, TRUE);
  recorder->log = NULL;
}

char *
test_find_aside (const char *db_path,
                 const char *label)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *prefix = g_strdup_printf ("%s.%s-", base, label);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name = NULL;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal") &&
          !g_str_has_suffix (name, "-shm"))
        return g_build_filename (dir, name, NULL);
    }

  return NULL;
}
