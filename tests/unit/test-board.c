/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include "test-common.h"

typedef struct
{
  TestTmpdir     *dir;
  TavlaBoard     *board;
  ChangeRecorder  items;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_tmpdir_new ();
  fixture->board = test_board_new_staffed (fixture->dir);
  change_recorder_start (&fixture->items, tavla_board_get_items (fixture->board));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  change_recorder_stop (&fixture->items);
  g_assert_finalize_object (fixture->board);
  test_tmpdir_free (fixture->dir);
}

static void
assert_log (Fixture    *fixture,
            const char *expected)
{
  g_autofree char *log = change_recorder_take (&fixture->items);

  g_assert_cmpstr (log, ==, expected);
}

static TavlaItem *
update (TavlaBoard             *board,
        gint64                  id,
        const TavlaItemChange  *change)
{
  g_autoptr(GError) error = NULL;
  TavlaItem *item = tavla_board_update_item (board, id, change, "Maria Ek", &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);

  return item;
}

/* A proposal in progress owned by Anna, due 2026-12-03, marked on track. */
static TavlaItem *
add_running_item (Fixture *fixture)
{
  g_autoptr(TavlaItem) item = test_add_item (fixture->board, "Kortare kö i växeln");
  TavlaItemChange start = {
    .set = TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_DUE | TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_MARK,
    .owner = "Anna Lindqvist", .due = "2026-12-03", .status = TAVLA_STATUS_IN_PROGRESS,
    .mark = TAVLA_MARK_ON_TRACK,
  };

  return update (fixture->board, tavla_item_get_id (item), &start);
}

static void
test_create_item (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(TavlaHistoryEntry) created = NULL;
  g_autofree char *sentence = NULL;
  TavlaItemChange fields = {
    .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_DESCRIPTION | TAVLA_ITEM_FIELD_OWNER |
           TAVLA_ITEM_FIELD_DUE | TAVLA_ITEM_FIELD_DEPARTMENT | TAVLA_ITEM_FIELD_SOURCE |
           TAVLA_ITEM_FIELD_STRATEGIC,
    .title = "  Färdtjänst: ny checklista  ",
    .description = "Rutin för \"överlämning\"; -- till SOC",
    .owner = "Bo Ek",
    .due = "2026-12-03",
    .department = "Socialförvaltningen",
    .source = TAVLA_SOURCE_FEEDBACK,
    .strategic = TRUE,
  };

  item = tavla_board_create_item (fixture->board, &fields, "Anna Lindqvist", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_item_get_id (item), ==, 1);
  g_assert_cmpint (tavla_item_get_version (item), ==, 1);
  g_assert_cmpstr (tavla_item_get_title (item), ==, "Färdtjänst: ny checklista");
  g_assert_cmpstr (tavla_item_get_description (item), ==, "Rutin för \"överlämning\"; -- till SOC");
  g_assert_cmpstr (tavla_item_get_owner (item), ==, "Bo Ek");
  g_assert_cmpstr (tavla_item_get_due (item), ==, "2026-12-03");
  g_assert_cmpstr (tavla_item_get_department (item), ==, "Socialförvaltningen");
  g_assert_cmpint (tavla_item_get_source (item), ==, TAVLA_SOURCE_FEEDBACK);
  g_assert_true (tavla_item_get_strategic (item));
  g_assert_cmpint (tavla_item_get_status (item), ==, TAVLA_STATUS_NEW);
  g_assert_cmpint (tavla_item_get_mark (item), ==, TAVLA_MARK_NONE);
  g_assert_cmpstr (tavla_item_get_created (item), ==, TEST_NOW);
  assert_log (fixture, "0-0+1");

  history = tavla_board_list_history (fixture->board, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  created = g_list_model_get_item (history, 0);
  g_assert_cmpstr (tavla_history_entry_get_field (created), ==, "created");
  g_assert_cmpstr (tavla_history_entry_get_actor (created), ==, "Anna Lindqvist");
  g_assert_cmpstr (tavla_history_entry_get_at (created), ==, TEST_NOW);
  sentence = tavla_history_entry_describe (created);
  g_assert_cmpstr (sentence, ==, "Created");
}

static void
test_default_actor (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TavlaItem) item = test_add_item (fixture->board, "Utan aktör");
  g_autoptr(GListModel) history = tavla_board_list_history (fixture->board, tavla_item_get_id (item), NULL);
  g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, 0);
  g_autofree char *actor = tavla_default_actor ();

  g_assert_cmpstr (actor, ==, "Test Runner");
  g_assert_cmpstr (tavla_history_entry_get_actor (entry), ==, "Test Runner");
}

typedef struct
{
  const char      *name;
  TavlaItemChange  change;
  GQuark           domain;
  const char      *words;
} BadChange;

/* Every refused change leaves the file exactly as it was: same version,
 * same history, no items-changed. */
static void
test_bad_updates_write_nothing (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(TavlaItem) fresh = test_add_item (fixture->board, "Ny rutin för bygglov");
  g_autoptr(TavlaItem) running = add_running_item (fixture);
  g_autofree char *long_title = g_strnfill (231, 'x');
  gint64 fresh_id = tavla_item_get_id (fresh);
  gint64 running_id = tavla_item_get_id (running);
  const BadChange bad[] = {
    { "empty title", { .set = TAVLA_ITEM_FIELD_TITLE, .title = "  " }, TAVLA_INPUT_ERROR, "Title is empty" },
    { "long title", { .set = TAVLA_ITEM_FIELD_TITLE, .title = long_title }, TAVLA_INPUT_ERROR, "231 characters" },
    { "bad due", { .set = TAVLA_ITEM_FIELD_DUE, .due = "2026-13-01" }, TAVLA_INPUT_ERROR, "2026-13-01 is not a valid date" },
    { "unknown owner", { .set = TAVLA_ITEM_FIELD_OWNER, .owner = "Kalle" }, TAVLA_INPUT_ERROR, "Owner “Kalle” is not a known person" },
    { "unknown department", { .set = TAVLA_ITEM_FIELD_DEPARTMENT, .department = "Tekniska" }, TAVLA_INPUT_ERROR, "Department “Tekniska”" },
    { "start without owner", { .set = TAVLA_ITEM_FIELD_STATUS, .status = TAVLA_STATUS_IN_PROGRESS }, TAVLA_INPUT_ERROR, "An owner is needed" },
    { "mark on new", { .set = TAVLA_ITEM_FIELD_MARK, .mark = TAVLA_MARK_AT_RISK }, TAVLA_INPUT_ERROR, "Status marks apply only" },
    { "done without note", { .set = TAVLA_ITEM_FIELD_STATUS, .status = TAVLA_STATUS_DONE }, TAVLA_INPUT_ERROR, "what was achieved" },
    { "reject without note", { .set = TAVLA_ITEM_FIELD_STATUS, .status = TAVLA_STATUS_REJECTED }, TAVLA_INPUT_ERROR, "give the reason" },
    { "stale version", { .set = TAVLA_ITEM_FIELD_TITLE, .title = "Ny", .expected_version = 99 }, TAVLA_STORE_ERROR, "the title is now" },
  };
  const BadChange bad_running[] = {
    { "clear owner", { .set = TAVLA_ITEM_FIELD_OWNER, .owner = NULL }, TAVLA_INPUT_ERROR, "needs an owner" },
    { "park with mark", { .set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_MARK, .status = TAVLA_STATUS_PARKED, .mark = TAVLA_MARK_AT_RISK }, TAVLA_INPUT_ERROR, "Status marks apply only" },
    { "unknown owner with good title", { .set = TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_TITLE, .owner = "Kalle", .title = "Bättre titel" }, TAVLA_INPUT_ERROR, "Kalle" },
  };
  gint64 history_rows = test_count_rows (fixture->board, "history");

  g_free (change_recorder_take (&fixture->items));

  for (guint i = 0; i < G_N_ELEMENTS (bad) + G_N_ELEMENTS (bad_running); i++)
    {
      const BadChange *b = i < G_N_ELEMENTS (bad) ? &bad[i] : &bad_running[i - G_N_ELEMENTS (bad)];
      gint64 id = i < G_N_ELEMENTS (bad) ? fresh_id : running_id;
      g_autoptr(TavlaItem) before = tavla_board_get_item (fixture->board, id, NULL);
      g_autoptr(TavlaItem) after = NULL;
      g_autoptr(TavlaItem) result = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", b->name);
      result = tavla_board_update_item (fixture->board, id, &b->change, NULL, &error);
      g_assert_null (result);
      g_assert_nonnull (error);
      g_assert_true (error->domain == b->domain);
      g_test_message ("  %s", error->message);
      g_assert_nonnull (strstr (error->message, b->words));

      after = tavla_board_get_item (fixture->board, id, NULL);
      g_assert_cmpint (tavla_item_get_version (after), ==, tavla_item_get_version (before));
      g_assert_cmpstr (tavla_item_get_title (after), ==, tavla_item_get_title (before));
      g_assert_cmpstr (tavla_item_get_owner (after), ==, tavla_item_get_owner (before));
      g_assert_cmpint (tavla_item_get_status (after), ==, tavla_item_get_status (before));
      g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, history_rows);
      assert_log (fixture, "");
    }
}

static void
test_bad_creates_write_nothing (Fixture       *fixture,
                                gconstpointer  data)
{
  const BadChange bad[] = {
    { "no title", { .set = TAVLA_ITEM_FIELD_DESCRIPTION, .description = "Bara text" }, TAVLA_INPUT_ERROR, "Title is empty" },
    { "unknown owner", { .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_OWNER, .title = "T", .owner = "Kalle" }, TAVLA_INPUT_ERROR, "Kalle" },
    { "unknown department", { .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_DEPARTMENT, .title = "T", .department = "BUF" }, TAVLA_INPUT_ERROR, "BUF" },
    { "bad due", { .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_DUE, .title = "T", .due = "2026-1-5" }, TAVLA_INPUT_ERROR, "2026-1-5" },
    { "marked", { .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_MARK, .title = "T", .mark = TAVLA_MARK_ON_TRACK }, TAVLA_INPUT_ERROR, "Status marks" },
  };
  gint64 history_rows = test_count_rows (fixture->board, "history");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TavlaItem) item = NULL;

      g_test_message ("%s", bad[i].name);
      item = tavla_board_create_item (fixture->board, &bad[i].change, NULL, &error);
      g_assert_null (item);
      g_assert_true (error->domain == bad[i].domain);
      g_assert_nonnull (strstr (error->message, bad[i].words));
      g_assert_cmpint (test_count_rows (fixture->board, "item"), ==, 0);
      g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, history_rows);
      assert_log (fixture, "");
    }
}

static TavlaHistoryEntry *
history_at (GListModel *history,
            guint       position)
{
  g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, position);

  g_assert_nonnull (entry);

  /* The model keeps it alive. */
  return entry;
}

static void
test_history_rows (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TavlaItem) item = test_add_item (fixture->board, "Kortare kö");
  g_autoptr(TavlaItem) updated = NULL;
  g_autoptr(GListModel) history = NULL;
  gint64 id = tavla_item_get_id (item);
  TavlaItemChange change = {
    .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_DUE |
           TAVLA_ITEM_FIELD_DEPARTMENT | TAVLA_ITEM_FIELD_NOTE,
    .title = "Kortare kö i växeln",
    .owner = "Anna Lindqvist",
    .due = "2026-12-03",
    .department = "Socialförvaltningen",
    .note = "Beslut på veckomötet",
    .meeting_id = 0,
  };
  TavlaHistoryEntry *entry = NULL;
  g_autofree char *owner_sentence = NULL;
  g_autofree char *due_sentence = NULL;

  updated = update (fixture->board, id, &change);
  g_assert_cmpint (tavla_item_get_version (updated), ==, 2);

  history = tavla_board_list_history (fixture->board, id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 5);

  /* One change, four fields, one shared change id after the creation's. */
  for (guint i = 1; i < 5; i++)
    {
      entry = history_at (history, i);
      g_assert_cmpint (tavla_history_entry_get_change_id (entry), ==,
                       tavla_history_entry_get_change_id (history_at (history, 1)));
      g_assert_cmpstr (tavla_history_entry_get_actor (entry), ==, "Maria Ek");
      g_assert_cmpstr (tavla_history_entry_get_note (entry), ==, "Beslut på veckomötet");
    }
  g_assert_cmpint (tavla_history_entry_get_change_id (history_at (history, 1)), >,
                   tavla_history_entry_get_change_id (history_at (history, 0)));

  entry = history_at (history, 1);
  g_assert_cmpstr (tavla_history_entry_get_field (entry), ==, "title");
  g_assert_cmpstr (tavla_history_entry_get_old_value (entry), ==, "Kortare kö");
  g_assert_cmpstr (tavla_history_entry_get_new_value (entry), ==, "Kortare kö i växeln");

  entry = history_at (history, 2);
  g_assert_cmpstr (tavla_history_entry_get_field (entry), ==, "owner");
  g_assert_null (tavla_history_entry_get_old_value (entry));
  owner_sentence = tavla_history_entry_describe (entry);
  g_assert_cmpstr (owner_sentence, ==, "Owner: — → Anna Lindqvist");

  entry = history_at (history, 3);
  g_assert_cmpstr (tavla_history_entry_get_field (entry), ==, "due");
  due_sentence = tavla_history_entry_describe (entry);
  g_assert_cmpstr (due_sentence, ==, "Due date: — → 2026-12-03 (w. 49)");

  entry = history_at (history, 4);
  g_assert_cmpstr (tavla_history_entry_get_field (entry), ==, "department");
  g_assert_cmpstr (tavla_history_entry_get_new_value (entry), ==, "Socialförvaltningen");
}

static void
test_unchanged_writes_nothing (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(TavlaItem) running = add_running_item (fixture);
  g_autoptr(TavlaItem) again = NULL;
  gint64 rows = test_count_rows (fixture->board, "history");
  TavlaItemChange same = {
    .set = TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_TITLE,
    .owner = "Anna Lindqvist", .status = TAVLA_STATUS_IN_PROGRESS, .title = " Kortare kö i växeln ",
  };

  g_free (change_recorder_take (&fixture->items));
  again = update (fixture->board, tavla_item_get_id (running), &same);
  g_assert_cmpint (tavla_item_get_version (again), ==, tavla_item_get_version (running));
  g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, rows);
  assert_log (fixture, "");
}

static void
test_status_moves (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TavlaItem) running = add_running_item (fixture);
  g_autoptr(TavlaItem) done = NULL;
  g_autoptr(TavlaItem) reopened = NULL;
  g_autoptr(GListModel) history = NULL;
  gint64 id = tavla_item_get_id (running);
  TavlaItemChange finish = {
    .set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_NOTE,
    .status = TAVLA_STATUS_DONE, .note = "Väntetiden är nu 2 minuter.",
  };
  TavlaItemChange reopen = {
    .set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_NOTE,
    .status = TAVLA_STATUS_IN_PROGRESS, .note = "Kön växte igen.",
  };
  TavlaHistoryEntry *entry = NULL;
  guint n = 0;

  g_assert_cmpint (tavla_item_get_mark (running), ==, TAVLA_MARK_ON_TRACK);

  done = update (fixture->board, id, &finish);
  g_assert_cmpint (tavla_item_get_status (done), ==, TAVLA_STATUS_DONE);
  g_assert_cmpint (tavla_item_get_mark (done), ==, TAVLA_MARK_NONE);

  /* Leaving in-progress clears the mark, and the history says so. */
  history = tavla_board_list_history (fixture->board, id, NULL);
  n = g_list_model_get_n_items (history);
  entry = history_at (history, n - 2);
  g_assert_cmpstr (tavla_history_entry_get_field (entry), ==, "status");
  g_assert_cmpstr (tavla_history_entry_get_old_value (entry), ==, "in-progress");
  g_assert_cmpstr (tavla_history_entry_get_new_value (entry), ==, "done");
  g_assert_cmpstr (tavla_history_entry_get_note (entry), ==, "Väntetiden är nu 2 minuter.");
  entry = history_at (history, n - 1);
  g_assert_cmpstr (tavla_history_entry_get_field (entry), ==, "mark");
  g_assert_cmpstr (tavla_history_entry_get_old_value (entry), ==, "on-track");
  g_assert_null (tavla_history_entry_get_new_value (entry));

  reopened = update (fixture->board, id, &reopen);
  g_assert_cmpint (tavla_item_get_status (reopened), ==, TAVLA_STATUS_IN_PROGRESS);
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TavlaItem) seen = add_running_item (fixture);
  g_autoptr(TavlaItem) theirs = NULL;
  g_autoptr(TavlaItem) mine = NULL;
  g_autoptr(TavlaItem) current = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = tavla_item_get_id (seen);
  TavlaItemChange their_change = {
    .set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_NOTE, .status = TAVLA_STATUS_DONE,
    .note = "Klart", .expected_version = tavla_item_get_version (seen),
  };
  TavlaItemChange my_change = {
    .set = TAVLA_ITEM_FIELD_MARK, .mark = TAVLA_MARK_AT_RISK,
    .expected_version = tavla_item_get_version (seen),
  };
  TavlaItemChange my_two_fields = {
    .set = TAVLA_ITEM_FIELD_MARK | TAVLA_ITEM_FIELD_OWNER, .mark = TAVLA_MARK_AT_RISK,
    .owner = "Bo Ek", .expected_version = tavla_item_get_version (seen),
  };
  gint64 rows = 0;

  theirs = update (fixture->board, id, &their_change);
  rows = test_count_rows (fixture->board, "history");

  mine = tavla_board_update_item (fixture->board, id, &my_change, NULL, &error);
  g_assert_null (mine);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==,
                   "Someone else changed this proposal: the status mark is now No mark. "
                   "Your change was not saved; look at the new values and try again.");
  g_clear_error (&error);

  my_change.set = TAVLA_ITEM_FIELD_STATUS;
  my_change.status = TAVLA_STATUS_PARKED;
  mine = tavla_board_update_item (fixture->board, id, &my_change, NULL, &error);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "the status is now Done"));
  g_clear_error (&error);

  mine = tavla_board_update_item (fixture->board, id, &my_two_fields, NULL, &error);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (error->message, "Someone else changed this proposal. "));
  g_clear_error (&error);

  current = tavla_board_get_item (fixture->board, id, NULL);
  g_assert_cmpint (tavla_item_get_status (current), ==, TAVLA_STATUS_DONE);
  g_assert_cmpint (tavla_item_get_version (current), ==, tavla_item_get_version (theirs));
  g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, rows);

  /* Based on what is there now, the same change goes through. */
  my_change.expected_version = tavla_item_get_version (current);
  mine = tavla_board_update_item (fixture->board, id, &my_change, NULL, &error);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TavlaItem) running = add_running_item (fixture);
  g_autoptr(TavlaItem) done = NULL;
  g_autoptr(TavlaItem) undone = NULL;
  g_autoptr(TavlaItem) redone = NULL;
  g_autoptr(TavlaItem) fresh = test_add_item (fixture->board, "Helt ny");
  g_autoptr(TavlaItem) refused = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = tavla_item_get_id (running);
  gint64 rows = 0;
  TavlaItemChange finish = {
    .set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_NOTE,
    .status = TAVLA_STATUS_DONE, .note = "Klart",
  };
  TavlaHistoryEntry *entry = NULL;
  guint n = 0;
  g_autofree char *sentence = NULL;

  done = update (fixture->board, id, &finish);
  g_free (change_recorder_take (&fixture->items));

  undone = tavla_board_undo_last_change (fixture->board, id, "Bo Ek", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_item_get_status (undone), ==, TAVLA_STATUS_IN_PROGRESS);
  g_assert_cmpint (tavla_item_get_mark (undone), ==, TAVLA_MARK_ON_TRACK);
  g_assert_cmpint (tavla_item_get_version (undone), ==, tavla_item_get_version (done) + 1);
  assert_log (fixture, "0-1+1");

  /* The undo is a change of its own: status and mark back, plus the undo
   * row, all with the note "Undo". */
  history = tavla_board_list_history (fixture->board, id, NULL);
  n = g_list_model_get_n_items (history);
  entry = history_at (history, n - 1);
  g_assert_cmpstr (tavla_history_entry_get_field (entry), ==, "undo");
  g_assert_cmpstr (tavla_history_entry_get_note (entry), ==, "Undo");
  g_assert_cmpstr (tavla_history_entry_get_actor (entry), ==, "Bo Ek");
  sentence = tavla_history_entry_describe (entry);
  g_assert_cmpstr (sentence, ==, "Undid the previous change");
  entry = history_at (history, n - 3);
  g_assert_cmpstr (tavla_history_entry_get_field (entry), ==, "status");
  g_assert_cmpstr (tavla_history_entry_get_old_value (entry), ==, "done");
  g_assert_cmpstr (tavla_history_entry_get_new_value (entry), ==, "in-progress");
  g_assert_cmpstr (tavla_history_entry_get_note (entry), ==, "Undo");
  entry = history_at (history, n - 2);
  g_assert_cmpstr (tavla_history_entry_get_field (entry), ==, "mark");
  g_assert_cmpstr (tavla_history_entry_get_new_value (entry), ==, "on-track");

  /* Undoing the undo brings the done state back. */
  redone = tavla_board_undo_last_change (fixture->board, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_item_get_status (redone), ==, TAVLA_STATUS_DONE);

  rows = test_count_rows (fixture->board, "history");
  refused = tavla_board_undo_last_change (fixture->board, tavla_item_get_id (fresh), NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Nothing to undo"));
  g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, rows);
  g_clear_error (&error);

  refused = tavla_board_undo_last_change (fixture->board, 999, NULL, &error);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
}

static void
test_model_items_changed (Fixture       *fixture,
                          gconstpointer  data)
{
  GListModel *items = tavla_board_get_items (fixture->board);
  g_autoptr(TavlaItem) first = test_add_item (fixture->board, "Ett");
  g_autoptr(TavlaItem) second = NULL;
  g_autoptr(TavlaItem) third = NULL;
  g_autoptr(TavlaItem) renamed = NULL;
  g_autoptr(TavlaItem) shown = NULL;
  TavlaItemChange rename = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "Två, bättre" };

  assert_log (fixture, "0-0+1");
  second = test_add_item (fixture->board, "Två");
  assert_log (fixture, "1-0+1");
  third = test_add_item (fixture->board, "Tre");
  assert_log (fixture, "2-0+1");

  renamed = update (fixture->board, tavla_item_get_id (second), &rename);
  assert_log (fixture, "1-1+1");
  shown = g_list_model_get_item (items, 1);
  g_assert_true (shown == renamed || tavla_item_get_version (shown) == 2);
  g_assert_cmpstr (tavla_item_get_title (shown), ==, "Två, bättre");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  g_assert_true (g_list_model_get_item_type (items) == TAVLA_TYPE_ITEM);

  /* Nothing changed in the file: a refresh is silent. */
  g_assert_false (tavla_board_refresh (fixture->board, NULL));
  assert_log (fixture, "");
}

static void
changed_cb (TavlaBoard *board,
            guint      *count)
{
  (*count)++;
}

static void
test_second_board_refresh (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TavlaBoard) other = tavla_board_open (tavla_board_get_path (fixture->board), NULL);
  g_autoptr(TavlaItem) first = test_add_item (fixture->board, "Ett");
  g_autoptr(TavlaItem) second = test_add_item (fixture->board, "Två");
  g_autoptr(TavlaItem) theirs = NULL;
  g_autoptr(TavlaItem) a = NULL;
  g_autoptr(TavlaItem) b = NULL;
  g_autoptr(TavlaPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  TavlaItemChange rename = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "Ett, nytt namn" };
  guint changed = 0;

  g_signal_connect (fixture->board, "changed", G_CALLBACK (changed_cb), &changed);
  g_assert_nonnull (other);
  g_assert_true (tavla_board_refresh (other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_items (other)), ==, 2);
  g_free (change_recorder_take (&fixture->items));

  a = test_add_item (other, "Tre");
  b = test_add_item (other, "Fyra");
  theirs = update (other, tavla_item_get_id (first), &rename);
  person = tavla_board_add_person (other, "Cecilia Ström", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (tavla_board_refresh (fixture->board, &error));
  g_assert_no_error (error);
  assert_log (fixture, "0-1+1 2-0+2");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_people (fixture->board)), ==, 3);

  /* The second board's stale view is refused, not overwritten. */
  rename.expected_version = tavla_item_get_version (first);
  rename.title = "Ett, mitt namn";
  g_assert_null (tavla_board_update_item (fixture->board, tavla_item_get_id (first), &rename, NULL, &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Ett, nytt namn"));
}

static gboolean
quit_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

static void
test_watch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TavlaBoard) other = tavla_board_open (tavla_board_get_path (fixture->board), NULL);
  g_autoptr(TavlaItem) theirs = NULL;
  gboolean timed_out = FALSE;
  guint changed = 0;
  guint timeout = 0;

  g_signal_connect (fixture->board, "changed", G_CALLBACK (changed_cb), &changed);
  tavla_board_set_watch (fixture->board, TRUE);
  tavla_board_set_watch (fixture->board, TRUE);

  /* A commit that changes nothing on the board is noticed and ignored. */
  test_exec_sql (tavla_board_get_path (fixture->board),
                 "INSERT INTO setting (key, value) VALUES ('senast-exporterad', '2026-11-25')");
  timeout = g_timeout_add (600, quit_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changed, ==, 0);
  assert_log (fixture, "");
  timed_out = FALSE;

  theirs = test_add_item (other, "Från cron");

  /* The promise: another process's write shows within a second. */
  timeout = g_timeout_add (1000, quit_cb, &timed_out);
  while (changed == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);

  g_assert_false (timed_out);
  g_assert_cmpuint (changed, ==, 1);
  assert_log (fixture, "0-0+1");

  tavla_board_set_watch (fixture->board, FALSE);
}

static void
test_people_and_departments (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaPerson) person = NULL;
  g_autoptr(TavlaPerson) found = NULL;
  g_autoptr(TavlaDepartment) department = NULL;
  g_autoptr(TavlaDepartment) by_code = NULL;
  gint64 people = test_count_rows (fixture->board, "person");
  gint64 departments = test_count_rows (fixture->board, "department");
  ChangeRecorder recorder = { 0 };

  change_recorder_start (&recorder, tavla_board_get_people (fixture->board));

  person = tavla_board_add_person (fixture->board, "   ", NULL, NULL, NULL, &error);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Name is empty"));
  g_clear_error (&error);

  person = tavla_board_add_person (fixture->board, " Anna Lindqvist ", NULL, NULL, NULL, &error);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already exists"));
  g_clear_error (&error);

  person = tavla_board_add_person (fixture->board, "Dana", NULL, "dana at example", NULL, &error);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "dana at example"));
  g_clear_error (&error);

  department = tavla_board_add_department (fixture->board, "Kultur", "SOC", NULL, &error);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already used by Socialförvaltningen"));
  g_clear_error (&error);

  department = tavla_board_add_department (fixture->board, "", "KF", NULL, &error);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (test_count_rows (fixture->board, "person"), ==, people);
  g_assert_cmpint (test_count_rows (fixture->board, "department"), ==, departments);
  g_assert_cmpstr (recorder.log->str, ==, "");

  person = tavla_board_add_person (fixture->board, "Åsa Öberg", "Nämndsekreterare",
                                   "asa@example.se", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_person_get_id (person), ==, 3);
  g_assert_cmpstr (recorder.log->str, ==, "2-0+1");
  found = tavla_board_find_person (fixture->board, "Åsa Öberg");
  g_assert_true (found == person || tavla_person_get_id (found) == 3);
  g_assert_cmpstr (tavla_person_get_role (found), ==, "Nämndsekreterare");
  g_assert_null (tavla_board_find_person (fixture->board, "Kalle"));

  by_code = tavla_board_find_department (fixture->board, "SOC");
  g_assert_nonnull (by_code);
  g_assert_cmpstr (tavla_department_get_name (by_code), ==, "Socialförvaltningen");
  g_assert_false (tavla_board_is_empty (fixture->board));

  change_recorder_stop (&recorder);
}

static void
test_history_is_append_only (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TavlaItem) item = test_add_item (fixture->board, "Spåra allt");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (tavla_board_get_path (fixture->board), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE history SET note = 'x'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM history", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);

  g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, 4);
}

static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TavlaItem) item = test_add_item (fixture->board, "Länkat förslag");
  g_autoptr(TavlaItem) linked = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  TavlaLink *link = NULL;

  test_exec_sql (tavla_board_get_path (fixture->board),
                 "PRAGMA foreign_keys = ON;"
                 "INSERT INTO metric (name, unit, direction, target, period, created, updated)"
                 " VALUES ('Svarsfrekvens', 'percent', 'higher', 95, 'week', 'x', 'x');"
                 "INSERT INTO item_link (item_id, kind, target_id, created) VALUES (1, 'metric', 1, 'x');");

  links = tavla_board_list_links (fixture->board, tavla_item_get_id (item), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 1);
  link = g_ptr_array_index (links, 0);
  g_assert_cmpstr (link->kind, ==, "metric");
  g_assert_cmpstr (link->label, ==, "Svarsfrekvens");

  linked = tavla_board_get_item (fixture->board, tavla_item_get_id (item), NULL);
  g_assert_cmpuint (tavla_item_get_n_links (linked), ==, 1);

  /* The board sees the new link count on its next refresh. */
  g_free (change_recorder_take (&fixture->items));
  g_assert_true (tavla_board_refresh (fixture->board, NULL));
  assert_log (fixture, "0-1+1");

  g_assert_null (tavla_board_list_links (fixture->board, 42, &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/board/create-item", test_create_item);
  ADD ("/board/default-actor", test_default_actor);
  ADD ("/board/bad-updates-write-nothing", test_bad_updates_write_nothing);
  ADD ("/board/bad-creates-write-nothing", test_bad_creates_write_nothing);
  ADD ("/board/history-rows", test_history_rows);
  ADD ("/board/unchanged-writes-nothing", test_unchanged_writes_nothing);
  ADD ("/board/status-moves", test_status_moves);
  ADD ("/board/conflict", test_conflict);
  ADD ("/board/undo", test_undo);
  ADD ("/board/model-items-changed", test_model_items_changed);
  ADD ("/board/second-board-refresh", test_second_board_refresh);
  ADD ("/board/watch", test_watch);
  ADD ("/board/people-and-departments", test_people_and_departments);
  ADD ("/board/history-is-append-only", test_history_is_append_only);
  ADD ("/board/links", test_links);

#undef ADD

  return g_test_run ();
}
