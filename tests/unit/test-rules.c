/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "test-common.h"

static TavlaItem *
make_item (TavlaStatus  status,
           const char  *owner,
           const char  *due)
{
  TavlaItemFields fields = {
    .id = 7,
    .version = 3,
    .title = "Kortare kö i växeln",
    .owner = owner,
    .due = due,
    .department = "Socialförvaltningen",
    .source = TAVLA_SOURCE_WEEKLY,
    .status = status,
    .mark = status == TAVLA_STATUS_IN_PROGRESS ? TAVLA_MARK_ON_TRACK : TAVLA_MARK_NONE,
    .created = "2026-11-01T08:00:00Z",
    .updated = "2026-11-02T08:00:00Z",
  };

  return tavla_item_new (&fields);
}

/* Checks that @change is refused on @current naming @field, and that the
 * message contains @words. */
static void
assert_refused (TavlaItem             *current,
                const TavlaItemChange *change,
                TavlaItemField         field,
                const char            *words)
{
  g_autoptr(GError) error = NULL;
  TavlaItemField bad = TAVLA_ITEM_FIELD_NONE;

  g_assert_false (tavla_item_rules_check (current, change, &bad, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_cmpint (bad, ==, field);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, words));
}

static void
assert_allowed (TavlaItem             *current,
                const TavlaItemChange *change)
{
  g_autoptr(GError) error = NULL;
  TavlaItemField bad = TAVLA_ITEM_FIELD_TITLE;

  g_assert_true (tavla_item_rules_check (current, change, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bad, ==, TAVLA_ITEM_FIELD_NONE);
}

static void
test_rules_title (void)
{
  g_autofree char *long_title = NULL;
  g_autofree char *max_title = NULL;
  GString *swedish = g_string_new ("");
  TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_TITLE };

  change.title = NULL;
  assert_refused (NULL, &change, TAVLA_ITEM_FIELD_TITLE, "Title is empty");
  change.title = "   \t ";
  assert_refused (NULL, &change, TAVLA_ITEM_FIELD_TITLE, "Title is empty");
  change.set = TAVLA_ITEM_FIELD_DESCRIPTION;
  assert_refused (NULL, &change, TAVLA_ITEM_FIELD_TITLE, "Title is empty");

  long_title = g_strnfill (231, 'a');
  change.set = TAVLA_ITEM_FIELD_TITLE;
  change.title = long_title;
  assert_refused (NULL, &change, TAVLA_ITEM_FIELD_TITLE, "231 characters");

  /* 200 characters of two bytes each are still 200 characters. */
  for (guint i = 0; i < 200; i++)
    g_string_append (swedish, "ä");
  change.title = swedish->str;
  assert_allowed (NULL, &change);
  g_string_append (swedish, "ö");
  change.title = swedish->str;
  assert_refused (NULL, &change, TAVLA_ITEM_FIELD_TITLE, "201 characters");
  g_string_free (swedish, TRUE);

  /* Spaces around the title do not count. */
  max_title = g_strdup_printf ("  %s  ", long_title + 31);
  change.title = max_title;
  assert_allowed (NULL, &change);
}

static void
test_rules_due (void)
{
  TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_DUE, .title = "T" };

  change.due = "2026-13-01";
  assert_refused (NULL, &change, TAVLA_ITEM_FIELD_DUE,
                  "Due date 2026-13-01 is not a valid date (expected YYYY-MM-DD");
  change.due = "2026-02-29";
  assert_refused (NULL, &change, TAVLA_ITEM_FIELD_DUE, "2026-02-29");
  change.due = "next friday";
  assert_refused (NULL, &change, TAVLA_ITEM_FIELD_DUE, "next friday");
  change.due = "2028-02-29";
  assert_allowed (NULL, &change);
  change.due = NULL;
  assert_allowed (NULL, &change);
}

static void
test_rules_start_needs_owner_and_due (void)
{
  g_autoptr(TavlaItem) bare = make_item (TAVLA_STATUS_NEW, NULL, NULL);
  g_autoptr(TavlaItem) owned = make_item (TAVLA_STATUS_NEW, "Anna", NULL);
  g_autoptr(TavlaItem) ready = make_item (TAVLA_STATUS_NEW, "Anna", "2026-12-03");
  TavlaItemChange start = { .set = TAVLA_ITEM_FIELD_STATUS, .status = TAVLA_STATUS_IN_PROGRESS };
  TavlaItemChange start_with_both = {
    .set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_DUE,
    .status = TAVLA_STATUS_IN_PROGRESS, .owner = "Bo", .due = "2026-12-10",
  };

  assert_refused (bare, &start, TAVLA_ITEM_FIELD_OWNER, "An owner is needed before work can start");
  assert_refused (owned, &start, TAVLA_ITEM_FIELD_DUE, "A due date is needed");
  assert_allowed (ready, &start);
  assert_allowed (bare, &start_with_both);
}

static void
test_rules_in_progress_keeps_owner (void)
{
  g_autoptr(TavlaItem) running = make_item (TAVLA_STATUS_IN_PROGRESS, "Anna", "2026-12-03");
  TavlaItemChange clear_owner = { .set = TAVLA_ITEM_FIELD_OWNER, .owner = "" };
  TavlaItemChange clear_due = { .set = TAVLA_ITEM_FIELD_DUE, .due = NULL };
  TavlaItemChange new_owner = { .set = TAVLA_ITEM_FIELD_OWNER, .owner = "Bo" };

  assert_refused (running, &clear_owner, TAVLA_ITEM_FIELD_OWNER, "needs an owner");
  assert_refused (running, &clear_due, TAVLA_ITEM_FIELD_DUE, "needs a due date");
  assert_allowed (running, &new_owner);
}

static void
test_rules_notes (void)
{
  g_autoptr(TavlaItem) running = make_item (TAVLA_STATUS_IN_PROGRESS, "Anna", "2026-12-03");
  g_autoptr(TavlaItem) done = make_item (TAVLA_STATUS_DONE, "Anna", "2026-12-03");
  g_autoptr(TavlaItem) rejected = make_item (TAVLA_STATUS_REJECTED, NULL, NULL);
  TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_STATUS };

  change.status = TAVLA_STATUS_DONE;
  assert_refused (running, &change, TAVLA_ITEM_FIELD_NOTE, "what was achieved");
  change.set |= TAVLA_ITEM_FIELD_NOTE;
  change.note = "   ";
  assert_refused (running, &change, TAVLA_ITEM_FIELD_NOTE, "what was achieved");
  change.note = "Kön är nu under två minuter.";
  assert_allowed (running, &change);

  change.set = TAVLA_ITEM_FIELD_STATUS;
  change.status = TAVLA_STATUS_REJECTED;
  assert_refused (running, &change, TAVLA_ITEM_FIELD_NOTE, "give the reason");
  change.set |= TAVLA_ITEM_FIELD_NOTE;
  change.note = "Ingår i nästa års budget.";
  assert_allowed (running, &change);

  change.set = TAVLA_ITEM_FIELD_STATUS;
  change.status = TAVLA_STATUS_IN_PROGRESS;
  assert_refused (done, &change, TAVLA_ITEM_FIELD_NOTE, "Reopening");
  change.status = TAVLA_STATUS_NEW;
  assert_refused (rejected, &change, TAVLA_ITEM_FIELD_NOTE, "Reopening");
  change.set |= TAVLA_ITEM_FIELD_NOTE;
  change.note = "Nytt beslut i utvecklingsgruppen.";
  assert_allowed (rejected, &change);

  /* Staying done is no move and needs no note. */
  change.set = TAVLA_ITEM_FIELD_STATUS;
  change.status = TAVLA_STATUS_DONE;
  assert_allowed (done, &change);
}

static void
test_rules_marks (void)
{
  g_autoptr(TavlaItem) fresh = make_item (TAVLA_STATUS_NEW, "Anna", "2026-12-03");
  g_autoptr(TavlaItem) parked = make_item (TAVLA_STATUS_PARKED, "Anna", "2026-12-03");
  g_autoptr(TavlaItem) running = make_item (TAVLA_STATUS_IN_PROGRESS, "Anna", "2026-12-03");
  TavlaItemChange mark = { .set = TAVLA_ITEM_FIELD_MARK, .mark = TAVLA_MARK_AT_RISK };
  TavlaItemChange unmark = { .set = TAVLA_ITEM_FIELD_MARK, .mark = TAVLA_MARK_NONE };
  TavlaItemChange start_marked = {
    .set = TAVLA_ITEM_FIELD_MARK | TAVLA_ITEM_FIELD_STATUS,
    .mark = TAVLA_MARK_ON_TRACK, .status = TAVLA_STATUS_IN_PROGRESS,
  };
  TavlaItemChange park_marked = {
    .set = TAVLA_ITEM_FIELD_MARK | TAVLA_ITEM_FIELD_STATUS,
    .mark = TAVLA_MARK_ON_TRACK, .status = TAVLA_STATUS_PARKED,
  };
  TavlaItemChange create_marked = {
    .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_MARK, .title = "T", .mark = TAVLA_MARK_ON_TRACK,
  };
  TavlaItemChange create_started = {
    .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_STATUS, .title = "T", .status = TAVLA_STATUS_DONE,
  };

  assert_refused (fresh, &mark, TAVLA_ITEM_FIELD_MARK, "Status marks apply only to proposals in progress");
  assert_refused (parked, &mark, TAVLA_ITEM_FIELD_MARK, "start the proposal first");
  assert_refused (running, &park_marked, TAVLA_ITEM_FIELD_MARK, "Status marks");
  assert_refused (NULL, &create_marked, TAVLA_ITEM_FIELD_MARK, "Status marks");
  assert_refused (NULL, &create_started, TAVLA_ITEM_FIELD_STATUS, "starts as New");
  assert_allowed (running, &mark);
  assert_allowed (fresh, &start_marked);
  assert_allowed (fresh, &unmark);
}

static void
test_text_fold (void)
{
  g_autofree char *a = tavla_text_fold ("Ärende");
  g_autofree char *b = tavla_text_fold ("ärende");
  g_autofree char *c = tavla_text_fold ("ÅSA ÖBERG");
  g_autofree char *empty = tavla_text_fold (NULL);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (c, ==, "asa oberg");
  g_assert_cmpstr (empty, ==, "");
}

static void
test_query_matches (void)
{
  g_autoptr(TavlaItem) running = make_item (TAVLA_STATUS_IN_PROGRESS, "Anna", "2026-11-20");
  g_autoptr(TavlaItem) parked = make_item (TAVLA_STATUS_PARKED, "Bo", "2026-11-20");
  TavlaItemFields fields = {
    .id = 9, .version = 1, .title = "Ärendetyper för färdtjänst", .status = TAVLA_STATUS_NEW,
    .strategic = TRUE, .created = "x", .updated = "x",
  };
  g_autoptr(TavlaItem) strategic = tavla_item_new (&fields);
  TavlaItemQuery query = { 0 };

  g_assert_true (tavla_item_query_matches (&query, running));

  query.search = "ärende";
  g_assert_true (tavla_item_query_matches (&query, strategic));
  g_assert_false (tavla_item_query_matches (&query, running));
  query.search = "SOCIALFÖRVALTNINGEN";
  g_assert_true (tavla_item_query_matches (&query, running));
  query.search = "anna";
  g_assert_true (tavla_item_query_matches (&query, running));
  query.search = NULL;

  query.statuses = 1u << TAVLA_STATUS_PARKED;
  g_assert_false (tavla_item_query_matches (&query, running));
  g_assert_true (tavla_item_query_matches (&query, parked));
  query.statuses = 0;

  query.owner = "Anna";
  g_assert_true (tavla_item_query_matches (&query, running));
  g_assert_false (tavla_item_query_matches (&query, parked));
  query.owner = NULL;

  query.department = "Socialförvaltningen";
  g_assert_false (tavla_item_query_matches (&query, strategic));
  query.department = NULL;

  /* Parked items are never overdue. */
  query.overdue_only = TRUE;
  query.today = "2026-11-25";
  g_assert_true (tavla_item_query_matches (&query, running));
  g_assert_false (tavla_item_query_matches (&query, parked));
  query.today = "2026-11-20";
  g_assert_false (tavla_item_query_matches (&query, running));
  query.today = NULL;
  g_assert_true (tavla_item_query_matches (&query, running));
  query.overdue_only = FALSE;

  query.strategic_only = TRUE;
  g_assert_true (tavla_item_query_matches (&query, strategic));
  g_assert_false (tavla_item_query_matches (&query, running));
}

static void
test_item_properties (void)
{
  g_autoptr(TavlaItem) running = make_item (TAVLA_STATUS_IN_PROGRESS, "Anna", "2026-12-03");
  g_autoptr(TavlaItem) late = make_item (TAVLA_STATUS_IN_PROGRESS, "Anna", "2026-11-24");
  g_autoptr(TavlaItem) today = make_item (TAVLA_STATUS_NEW, "Anna", TEST_TODAY);
  g_autofree char *due_label = NULL;
  g_autofree char *mark_label = NULL;
  TavlaStatus status = TAVLA_STATUS_NEW;
  gboolean overdue = TRUE;

  g_object_get (running, "due-label", &due_label, "status", &status, "overdue", &overdue,
                "mark-label", &mark_label, NULL);
  g_assert_cmpstr (due_label, ==, "2026-12-03 (w. 49)");
  g_assert_cmpint (status, ==, TAVLA_STATUS_IN_PROGRESS);
  g_assert_false (overdue);
  g_assert_cmpstr (mark_label, ==, "On track");

  g_object_get (late, "overdue", &overdue, NULL);
  g_assert_true (overdue);
  g_object_get (today, "overdue", &overdue, NULL);
  g_assert_false (overdue);
}

static void
test_compare_for_board (void)
{
  g_autoptr(TavlaItem) soon = make_item (TAVLA_STATUS_NEW, NULL, "2026-11-30");
  g_autoptr(TavlaItem) later = make_item (TAVLA_STATUS_NEW, NULL, "2026-12-30");
  g_autoptr(TavlaItem) undated = make_item (TAVLA_STATUS_NEW, NULL, NULL);

  g_assert_cmpint (tavla_item_compare_for_board (soon, later), <, 0);
  g_assert_cmpint (tavla_item_compare_for_board (later, undated), <, 0);
  g_assert_cmpint (tavla_item_compare_for_board (undated, soon), >, 0);
  g_assert_cmpint (tavla_item_compare_for_board (soon, soon), ==, 0);
}

static void
assert_describes (const char *field,
                  const char *old_value,
                  const char *new_value,
                  const char *expected)
{
  TavlaHistoryFields fields = {
    .id = 1, .change_id = 1, .object_id = 1, .at = TEST_NOW, .actor = "Anna",
    .field = field, .old_value = old_value, .new_value = new_value,
  };
  g_autoptr(TavlaHistoryEntry) entry = tavla_history_entry_new (&fields);
  g_autofree char *sentence = tavla_history_entry_describe (entry);
  g_autofree char *property = NULL;

  g_object_get (entry, "description", &property, NULL);
  g_assert_cmpstr (sentence, ==, expected);
  g_assert_cmpstr (property, ==, expected);
}

static void
test_history_sentences (void)
{
  assert_describes ("created", NULL, "Kortare kö", "Created");
  assert_describes ("status", "new", "in-progress", "Status: New → In progress");
  assert_describes ("status", "in-progress", "done", "Status: In progress → Done");
  assert_describes ("mark", NULL, "at-risk", "Status mark: — → At risk");
  assert_describes ("mark", "off-track", NULL, "Status mark: Off track → —");
  assert_describes ("owner", NULL, "Anna", "Owner: — → Anna");
  assert_describes ("due", "2026-12-03", "2027-01-01", "Due date: 2026-12-03 (w. 49) → 2027-01-01 (w. 53)");
  assert_describes ("department", "Socialförvaltningen", NULL, "Department: Socialförvaltningen → —");
  assert_describes ("source", "weekly", "audit", "Source: Weekly meeting → Audit");
  assert_describes ("title", "Kö", "Kortare kö", "Title: Kö → Kortare kö");
  assert_describes ("strategic", "0", "1", "Marked as strategic (development group)");
  assert_describes ("strategic", "1", "0", "Marked as operational");
  assert_describes ("description", "a", "b", "Description changed");
  assert_describes ("undo", NULL, "12", "Undid the previous change");
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

  g_test_add_func ("/rules/title", test_rules_title);
  g_test_add_func ("/rules/due", test_rules_due);
  g_test_add_func ("/rules/start-needs-owner-and-due", test_rules_start_needs_owner_and_due);
  g_test_add_func ("/rules/in-progress-keeps-owner", test_rules_in_progress_keeps_owner);
  g_test_add_func ("/rules/notes", test_rules_notes);
  g_test_add_func ("/rules/marks", test_rules_marks);
  g_test_add_func ("/rules/text-fold", test_text_fold);
  g_test_add_func ("/rules/query-matches", test_query_matches);
  g_test_add_func ("/rules/item-properties", test_item_properties);
  g_test_add_func ("/rules/compare-for-board", test_compare_for_board);
  g_test_add_func ("/rules/history-sentences", test_history_sentences);

  return g_test_run ();
}
