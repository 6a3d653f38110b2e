/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include "test-common.h"

static char *
read_small_demo (gsize *out_length)
{
  g_autofree char *path = g_build_filename (g_getenv ("TAVLA_TEST_SRCDIR"), "tests", "unit",
                                            "demo-small.json", NULL);
  g_autoptr(GError) error = NULL;
  char *json = NULL;

  g_file_get_contents (path, &json, out_length, &error);
  g_assert_no_error (error);

  return json;
}

static void
test_demo_loader (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) started = NULL;
  g_autoptr(TavlaItem) rejected = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(TavlaHistoryEntry) created = NULL;
  g_autoptr(TavlaHistoryEntry) owner = NULL;
  g_autoptr(TavlaHistoryEntry) last = NULL;
  g_autofree char *json = NULL;
  g_autofree char *now = NULL;
  g_autofree char *expected_due = tavla_date_add_days (TEST_TODAY, -5);
  ChangeRecorder recorder = { 0 };
  gsize length = 0;

  json = read_small_demo (&length);
  change_recorder_start (&recorder, tavla_board_get_items (board));

  g_assert_true (tavla_board_load_demo_from_data (board, json, (gssize) length, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (recorder.log->str, ==, "0-0+2");
  change_recorder_stop (&recorder);

  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_people (board)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_departments (board)), ==, 1);

  started = tavla_board_get_item (board, 1, &error);
  g_assert_cmpint (tavla_item_get_status (started), ==, TAVLA_STATUS_IN_PROGRESS);
  g_assert_cmpint (tavla_item_get_mark (started), ==, TAVLA_MARK_OFF_TRACK);
  g_assert_cmpstr (tavla_item_get_owner (started), ==, "Anna Lindqvist");
  /* due_in_days counts from today, so the demo always has overdue work. */
  g_assert_cmpstr (tavla_item_get_due (started), ==, expected_due);
  g_assert_true (tavla_item_is_overdue (started, NULL));
  g_assert_cmpstr (tavla_item_get_created (started), ==, "2026-07-28T10:00:00Z");

  history = tavla_board_list_history (board, 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 6);
  created = g_list_model_get_item (history, 0);
  g_assert_cmpstr (tavla_history_entry_get_actor (created), ==, "Anna Lindqvist");
  owner = g_list_model_get_item (history, 1);
  g_assert_cmpstr (tavla_history_entry_get_field (owner), ==, "owner");
  g_assert_cmpstr (tavla_history_entry_get_actor (owner), ==, "Maria Ek");
  g_assert_cmpstr (tavla_history_entry_get_at (owner), ==, "2026-08-04T10:00:00Z");
  g_assert_cmpstr (tavla_history_entry_get_note (owner), ==, "Beslut på veckomötet.");
  last = g_list_model_get_item (history, 5);
  g_assert_cmpstr (tavla_history_entry_get_field (last), ==, "mark");
  g_assert_cmpstr (tavla_history_entry_get_new_value (last), ==, "off-track");
  /* Without an actor of its own a step is the creator's. */
  g_assert_cmpstr (tavla_history_entry_get_actor (last), ==, "Anna Lindqvist");

  rejected = tavla_board_get_item (board, 2, &error);
  g_assert_cmpint (tavla_item_get_status (rejected), ==, TAVLA_STATUS_REJECTED);
  g_assert_true (tavla_item_get_strategic (rejected));
  g_assert_null (tavla_item_get_department (rejected));

  /* The loader puts the clock back. */
  now = tavla_timestamp_now ();
  g_assert_cmpstr (now, ==, TEST_NOW);

  /* A board with proposals is never overwritten by the demo. */
  g_assert_false (tavla_board_load_demo (board, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_cmpint (test_count_rows (board, "item"), ==, 2);
}

static void
test_demo_damaged_writes_nothing (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *broken = NULL;
  g_auto(GStrv) parts = NULL;
  gsize length = 0;

  /* A step that breaks a rule half way through rolls everything back. */
  json = read_small_demo (&length);
  parts = g_strsplit (json, "\"status\": \"rejected\", \"note\": \"Webben räcker.\"", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  broken = g_strjoinv ("\"status\": \"rejected\"", parts);
  g_assert_false (tavla_board_load_demo_from_data (board, broken, -1, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (board, "item"), ==, 0);
  g_assert_cmpint (test_count_rows (board, "person"), ==, 0);
  g_assert_cmpint (test_count_rows (board, "history"), ==, 0);
  g_assert_true (tavla_board_is_empty (board));

  g_assert_false (tavla_board_load_demo_from_data (board, "{ \"items\": [", -1, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_cmpint (test_count_rows (board, "history"), ==, 0);
}

static void
test_demo_builtin (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autoptr(GError) error = NULL;
  GListModel *items = tavla_board_get_items (board);
  guint per_status[TAVLA_N_STATUSES] = { 0 };
  guint overdue = 0;
  guint marked = 0;
  guint n_items = 0;

  g_assert_true (tavla_board_load_demo (board, &error));
  g_assert_no_error (error);

  n_items = g_list_model_get_n_items (items);
  g_assert_cmpuint (n_items, >=, 25);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TavlaItem) item = g_list_model_get_item (items, i);

      per_status[tavla_item_get_status (item)]++;
      overdue += tavla_item_is_overdue (item, NULL) ? 1 : 0;
      marked += tavla_item_get_mark (item) != TAVLA_MARK_NONE ? 1 : 0;
    }

  for (guint s = 0; s < TAVLA_N_STATUSES; s++)
    g_assert_cmpuint (per_status[s], >, 0);
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (marked, >, 0);
  g_assert_cmpint (test_count_rows (board, "history"), >, n_items * 2);
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_people (board)), >=, 6);
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

  g_test_add_func ("/demo/loader", test_demo_loader);
  g_test_add_func ("/demo/damaged-writes-nothing", test_demo_damaged_writes_nothing);
  g_test_add_func ("/demo/builtin", test_demo_builtin);

  return g_test_run ();
}
