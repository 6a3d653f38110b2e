/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include "test-common.h"

/*
 * Audits and their recommendations (issue 5): each rule of the status
 * moves, each bad input (and that it writes nothing), the traffic light at
 * its boundaries, links to board items surviving the items' changes, the
 * board-owned model, and the report's content and escaping.
 *
 * The tests' today is TEST_TODAY, 2026-11-25.
 */

typedef struct
{
  TestTmpdir *dir;
  TavlaBoard *board;
  gint64      audit_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TavlaAudit) audit = NULL;
  g_autoptr(GError) error = NULL;
  TavlaAuditInput input = {
    .title = "Granskning av kundcenter", .auditor = "KPMG", .date = "2022-06-02",
    .body = "Kommunstyrelsen", .reference = "KS 2022/123",
  };

  fixture->dir = test_tmpdir_new ();
  fixture->board = test_board_new_staffed (fixture->dir);
  audit = tavla_board_add_audit (fixture->board, &input, "Maria", NULL, &error);
  g_assert_no_error (error);
  fixture->audit_id = tavla_audit_get_id (audit);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->board);
  test_tmpdir_free (fixture->dir);
}

/* Every table a refused write could have touched, as one string. */
static char *
count_all (TavlaBoard *board)
{
  return g_strdup_printf ("audit %" G_GINT64_FORMAT " recommendation %" G_GINT64_FORMAT
                          " history %" G_GINT64_FORMAT " item %" G_GINT64_FORMAT " link %" G_GINT64_FORMAT,
                          test_count_rows (board, "audit"), test_count_rows (board, "recommendation"),
                          test_count_rows (board, "history"), test_count_rows (board, "item"),
                          test_count_rows (board, "item_link"));
}

static TavlaRecommendation *
add_recommendation (Fixture    *fixture,
                    const char *owner,
                    const char *due)
{
  g_autoptr(GError) error = NULL;
  TavlaRecommendation *recommendation = NULL;
  TavlaRecommendationInput input = {
    .text = "Genomför en extern och intern undersökning av tillgänglighet, service och bemötande.",
    .owner = owner, .due = due,
  };

  recommendation = tavla_board_add_recommendation (fixture->board, fixture->audit_id, &input, "Maria", NULL,
                                                   &error);
  g_assert_no_error (error);
  return recommendation;
}

static TavlaRecommendation *
update (Fixture                         *fixture,
        TavlaRecommendation             *recommendation,
        const TavlaRecommendationChange *change)
{
  g_autoptr(GError) error = NULL;
  TavlaRecommendation *updated = NULL;

  updated = tavla_board_update_recommendation (fixture->board, tavla_recommendation_get_id (recommendation), 0,
                                               change, "Maria", NULL, &error);
  g_assert_no_error (error);
  return updated;
}

/* A refused change: the field named, the words in the message, nothing
 * written. */
static void
assert_refused (Fixture                         *fixture,
                TavlaRecommendation             *recommendation,
                const TavlaRecommendationChange *change,
                const char                      *field,
                const char                      *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autoptr(TavlaRecommendation) updated = NULL;
  g_autofree char *before = count_all (fixture->board);
  g_autofree char *after = NULL;
  const char *out_field = NULL;
  const char *check_field = NULL;

  updated = tavla_board_update_recommendation (fixture->board, tavla_recommendation_get_id (recommendation), 0,
                                               change, "Maria", &out_field, &error);
  g_assert_null (updated);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_cmpstr (out_field, ==, field);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” lacks “%s”", error->message, words);

  /* The form's check says the same without writing. */
  g_assert_false (tavla_recommendation_check_change (fixture->board, recommendation, change, &check_field,
                                                     &check_error));
  g_assert_cmpstr (check_field, ==, field);
  g_assert_cmpstr (check_error->message, ==, error->message);

  after = count_all (fixture->board);
  g_assert_cmpstr (after, ==, before);
}

static void
test_add_audit (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TavlaAudit) audit = NULL;
  g_autoptr(GPtrArray) history_rows = NULL;
  g_autoptr(GError) error = NULL;

  audit = tavla_board_get_audit (fixture->board, fixture->audit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tavla_audit_get_title (audit), ==, "Granskning av kundcenter");
  g_assert_cmpstr (tavla_audit_get_auditor (audit), ==, "KPMG");
  g_assert_cmpstr (tavla_audit_get_date (audit), ==, "2022-06-02");
  g_assert_cmpstr (tavla_audit_get_body (audit), ==, "Kommunstyrelsen");
  g_assert_cmpstr (tavla_audit_get_reference (audit), ==, "KS 2022/123");
  g_assert_null (tavla_audit_get_assessment (audit));
  g_assert_cmpuint (tavla_audit_get_recommendations (audit)->len, ==, 0);
  g_assert_cmpint (tavla_audit_get_light (audit), ==, TAVLA_LIGHT_NONE);

  history_rows = tavla_store_list_history (tavla_board_get_store (fixture->board), "audit", fixture->audit_id,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history_rows->len, ==, 1);
  g_assert_cmpstr (tavla_history_entry_get_field (g_ptr_array_index (history_rows, 0)), ==, "created");
}

typedef struct
{
  TavlaAuditInput input;
  const char     *field;
  const char     *words;
} BadAudit;

static void
test_add_audit_bad (Fixture       *fixture,
                    gconstpointer  data)
{
  const BadAudit cases[] = {
    { { .title = "", .auditor = "KPMG", .date = "2022-06-02", .body = "KS" }, "title", "Title is empty" },
    { { .title = "G", .auditor = "  ", .date = "2022-06-02", .body = "KS" }, "auditor", "Auditor is empty" },
    { { .title = "G", .auditor = "KPMG", .date = NULL, .body = "KS" }, "date", "Report date is missing" },
    { { .title = "G", .auditor = "KPMG", .date = "2022-02-30", .body = "KS" }, "date", "not a date" },
    { { .title = "G", .auditor = "KPMG", .date = "2 juni", .body = "KS" }, "date", "YYYY-MM-DD" },
    { { .title = "G", .auditor = "KPMG", .date = "2022-06-02", .body = "" }, "body", "Audited body is empty" },
    { { .title = "G", .auditor = "KPMG", .date = "2022-06-02", .body = "KS", .reference = "\xff\xfe" },
      "reference", "UTF-8" },
  };
  g_autofree char *before = count_all (fixture->board);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TavlaAudit) audit = NULL;
      g_autofree char *after = NULL;
      const char *field = NULL;

      audit = tavla_board_add_audit (fixture->board, &cases[i].input, "Maria", &field, &error);
      g_assert_null (audit);
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      g_assert_cmpstr (field, ==, cases[i].field);
      if (strstr (error->message, cases[i].words) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].words);
      after = count_all (fixture->board);
      g_assert_cmpstr (after, ==, before);
    }

  /* A long title is refused too. */
  {
    g_autofree char *long_title = g_strnfill (201, 'x');
    TavlaAuditInput input = { .title = long_title, .auditor = "KPMG", .date = "2022-06-02", .body = "KS" };
    g_autoptr(GError) error = NULL;
    g_autoptr(TavlaAudit) audit = tavla_board_add_audit (fixture->board, &input, NULL, NULL, &error);

    g_assert_null (audit);
    g_assert_nonnull (strstr (error->message, "longer than 200"));
  }
}

static void
test_update_audit (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TavlaAudit) updated = NULL;
  g_autoptr(TavlaAudit) again = NULL;
  g_autoptr(TavlaAudit) stale = NULL;
  g_autoptr(GError) error = NULL;
  TavlaAuditInput change = { .assessment = "Kundcenter bedöms i huvudsak fungera väl." };
  TavlaAuditInput clear = { .reference = "" };
  gint64 history_before = test_count_rows (fixture->board, "history");

  updated = tavla_board_update_audit (fixture->board, fixture->audit_id, 1, &change, "Maria", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tavla_audit_get_assessment (updated), ==, "Kundcenter bedöms i huvudsak fungera väl.");
  g_assert_cmpstr (tavla_audit_get_title (updated), ==, "Granskning av kundcenter");
  g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, history_before + 1);

  /* The same again writes nothing. */
  again = tavla_board_update_audit (fixture->board, fixture->audit_id, 0, &change, "Maria", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_audit_get_version (again), ==, tavla_audit_get_version (updated));
  g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, history_before + 1);

  /* A write based on version 1 is now stale. */
  stale = tavla_board_update_audit (fixture->board, fixture->audit_id, 1, &clear, "Bo", NULL, &error);
  g_assert_null (stale);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT);
}

static void
test_add_recommendation (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TavlaRecommendation) recommendation = add_recommendation (fixture, "Anna Lindqvist", "2027-03-31");
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (tavla_recommendation_get_status (recommendation), ==, TAVLA_RECOMMENDATION_OPEN);
  /* Addressed to the audited body unless said otherwise. */
  g_assert_cmpstr (tavla_recommendation_get_addressed_to (recommendation), ==, "Kommunstyrelsen");
  g_assert_cmpstr (tavla_recommendation_get_owner (recommendation), ==, "Anna Lindqvist");
  g_assert_cmpstr (tavla_recommendation_get_due (recommendation), ==, "2027-03-31");
  g_assert_cmpstr (tavla_recommendation_get_audit_title (recommendation), ==, "Granskning av kundcenter");
  g_assert_cmpint (tavla_recommendation_get_light (recommendation), ==, TAVLA_LIGHT_YELLOW);

  history = tavla_board_list_recommendation_history (fixture->board, tavla_recommendation_get_id (recommendation),
                                                     &error);
  g_assert_no_error (error);
  /* Created, owner, due. */
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
}

typedef struct
{
  TavlaRecommendationInput input;
  gint64                   audit_id;
  const char              *field;
  const char              *words;
} BadRecommendation;

static void
test_add_recommendation_bad (Fixture       *fixture,
                             gconstpointer  data)
{
  const BadRecommendation cases[] = {
    { { .text = "" }, 1, "text", "Recommendation text is empty" },
    { { .text = "Gör något", .owner = "Okänd Person" }, 1, "owner", "“Okänd Person” is not a known person" },
    { { .text = "Gör något", .due = "2027-13-01" }, 1, "due", "not a date" },
  };
  g_autofree char *before = count_all (fixture->board);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TavlaRecommendation) recommendation = NULL;
      g_autofree char *after = NULL;
      const char *field = NULL;

      recommendation = tavla_board_add_recommendation (fixture->board, cases[i].audit_id, &cases[i].input, NULL,
                                                       &field, &error);
      g_assert_null (recommendation);
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      g_assert_cmpstr (field, ==, cases[i].field);
      if (strstr (error->message, cases[i].words) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].words);
      after = count_all (fixture->board);
      g_assert_cmpstr (after, ==, before);
    }

  /* An unknown audit is not found. */
  {
    TavlaRecommendationInput input = { .text = "Gör något" };
    g_autoptr(GError) error = NULL;
    g_autoptr(TavlaRecommendation) recommendation = NULL;

    recommendation = tavla_board_add_recommendation (fixture->board, 99, &input, NULL, NULL, &error);
    g_assert_null (recommendation);
    g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "no audit 99"));
  }
}

/* Responded needs the response; its date is today unless given. */
static void
test_responded (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TavlaRecommendation) open = add_recommendation (fixture, NULL, NULL);
  g_autoptr(TavlaRecommendation) responded = NULL;
  g_autoptr(TavlaRecommendation) dated = NULL;
  TavlaRecommendationChange without = { .status = "responded" };
  TavlaRecommendationChange with = { .status = "responded", .response = "Kommunstyrelsen ställer sig bakom." };
  TavlaRecommendationChange date = { .response_date = "2022-09-14" };

  assert_refused (fixture, open, &without, "response", "needs the committee’s response");

  responded = update (fixture, open, &with);
  g_assert_cmpint (tavla_recommendation_get_status (responded), ==, TAVLA_RECOMMENDATION_RESPONDED);
  g_assert_cmpstr (tavla_recommendation_get_response (responded), ==, "Kommunstyrelsen ställer sig bakom.");
  g_assert_cmpstr (tavla_recommendation_get_response_date (responded), ==, TEST_TODAY);

  dated = update (fixture, responded, &date);
  g_assert_cmpstr (tavla_recommendation_get_response_date (dated), ==, "2022-09-14");

  /* A responded recommendation keeps its response. */
  {
    TavlaRecommendationChange clear = { .response = "" };

    assert_refused (fixture, dated, &clear, "response", "needs the committee’s response");
  }
}

/* In progress needs an owner and a due date, and keeps them. */
static void
test_in_progress (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TavlaRecommendation) open = add_recommendation (fixture, NULL, NULL);
  g_autoptr(TavlaRecommendation) started = NULL;
  TavlaRecommendationChange bare = { .status = "in-progress" };
  TavlaRecommendationChange owner_only = { .status = "in-progress", .owner = "Bo Ek" };
  TavlaRecommendationChange both = { .status = "in-progress", .owner = "Bo Ek", .due = "2027-01-31" };
  TavlaRecommendationChange clear_owner = { .owner = "" };
  TavlaRecommendationChange clear_due = { .due = "" };

  assert_refused (fixture, open, &bare, "owner", "needs an owner");
  assert_refused (fixture, open, &owner_only, "due", "needs a due date");

  started = update (fixture, open, &both);
  g_assert_cmpint (tavla_recommendation_get_status (started), ==, TAVLA_RECOMMENDATION_IN_PROGRESS);
  g_assert_cmpstr (tavla_recommendation_get_owner (started), ==, "Bo Ek");

  assert_refused (fixture, started, &clear_owner, "owner", "needs an owner");
  assert_refused (fixture, started, &clear_due, "due", "needs a due date");
}

/* Closed needs evidence and the auditors' "implemented". */
static void
test_closed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TavlaRecommendation) open = add_recommendation (fixture, "Anna Lindqvist", "2027-01-31");
  g_autoptr(TavlaRecommendation) started = NULL;
  g_autoptr(TavlaRecommendation) implemented = NULL;
  g_autoptr(TavlaRecommendation) closed = NULL;
  TavlaRecommendationChange start = { .status = "in-progress" };
  TavlaRecommendationChange done = { .status = "implemented" };
  TavlaRecommendationChange close_bare = { .status = "closed" };
  TavlaRecommendationChange close_evidence = { .status = "closed", .evidence = "Enkätrapport 2023-03" };
  TavlaRecommendationChange close_partly = { .status = "closed", .evidence = "Enkätrapport",
                                             .assessment = "partly" };
  TavlaRecommendationChange close_all = { .status = "closed", .evidence = "Enkätrapport 2023-03",
                                          .assessment = "implemented", .assessment_date = "2023-05-10" };

  started = update (fixture, open, &start);
  implemented = update (fixture, started, &done);
  g_assert_cmpint (tavla_recommendation_get_light (implemented), ==, TAVLA_LIGHT_YELLOW);

  assert_refused (fixture, implemented, &close_bare, "evidence", "needs evidence");
  assert_refused (fixture, implemented, &close_evidence, "assessment", "“implemented”");
  /* A partly implemented follow-up sends it back to work, not to closed. */
  assert_refused (fixture, implemented, &close_partly, "status", "returns the recommendation to In progress");

  closed = update (fixture, implemented, &close_all);
  g_assert_cmpint (tavla_recommendation_get_status (closed), ==, TAVLA_RECOMMENDATION_CLOSED);
  g_assert_cmpint (tavla_recommendation_get_assessment (closed), ==, TAVLA_ASSESSMENT_IMPLEMENTED);
  g_assert_cmpstr (tavla_recommendation_get_assessment_date (closed), ==, "2023-05-10");
  g_assert_cmpint (tavla_recommendation_get_light (closed), ==, TAVLA_LIGHT_GREEN);
  g_assert_false (tavla_recommendation_is_open (closed));

  /* Reopening needs a note. */
  {
    TavlaRecommendationChange reopen = { .status = "in-progress" };
    TavlaRecommendationChange reopen_noted = { .status = "in-progress", .note = "Ny enkät behövs 2027" };
    g_autoptr(TavlaRecommendation) reopened = NULL;

    assert_refused (fixture, closed, &reopen, "note", "needs a note");
    reopened = update (fixture, closed, &reopen_noted);
    g_assert_cmpint (tavla_recommendation_get_status (reopened), ==, TAVLA_RECOMMENDATION_IN_PROGRESS);
  }
}

/* Not accepted needs the motivation, and then has no light. */
static void
test_not_accepted (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TavlaRecommendation) open = add_recommendation (fixture, NULL, "2020-01-01");
  g_autoptr(TavlaRecommendation) refused = NULL;
  TavlaRecommendationChange bare = { .status = "not-accepted" };
  TavlaRecommendationChange noted = { .status = "not-accepted",
                                      .note = "Webbplatsen utvecklas redan inom e-tjänsteprogrammet." };

  /* Overdue while open. */
  g_assert_cmpint (tavla_recommendation_get_light (open), ==, TAVLA_LIGHT_RED);
  assert_refused (fixture, open, &bare, "note", "motivation");

  refused = update (fixture, open, &noted);
  g_assert_cmpint (tavla_recommendation_get_status (refused), ==, TAVLA_RECOMMENDATION_NOT_ACCEPTED);
  g_assert_cmpstr (tavla_recommendation_get_note (refused), ==,
                   "Webbplatsen utvecklas redan inom e-tjänsteprogrammet.");
  g_assert_cmpint (tavla_recommendation_get_light (refused), ==, TAVLA_LIGHT_NONE);
  g_assert_false (tavla_recommendation_is_overdue (refused));
}

/* A partly or not implemented follow-up returns it to in progress. */
static void
test_follow_up_returns (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TavlaRecommendation) open = add_recommendation (fixture, "Anna Lindqvist", "2027-01-31");
  g_autoptr(TavlaRecommendation) started = NULL;
  g_autoptr(TavlaRecommendation) implemented = NULL;
  g_autoptr(TavlaRecommendation) partly = NULL;
  g_autoptr(TavlaRecommendation) not_done = NULL;
  TavlaRecommendationChange start = { .status = "in-progress" };
  TavlaRecommendationChange done = { .status = "implemented", .evidence = "Ny webbplats" };
  TavlaRecommendationChange assess_partly = { .assessment = "partly" };
  TavlaRecommendationChange assess_not = { .assessment = "not-implemented" };

  started = update (fixture, open, &start);
  implemented = update (fixture, started, &done);

  partly = update (fixture, implemented, &assess_partly);
  g_assert_cmpint (tavla_recommendation_get_status (partly), ==, TAVLA_RECOMMENDATION_IN_PROGRESS);
  g_assert_cmpint (tavla_recommendation_get_assessment (partly), ==, TAVLA_ASSESSMENT_PARTLY);
  g_assert_cmpstr (tavla_recommendation_get_assessment_date (partly), ==, TEST_TODAY);
  g_assert_cmpint (tavla_recommendation_get_light (partly), ==, TAVLA_LIGHT_YELLOW);

  not_done = update (fixture, partly, &assess_not);
  g_assert_cmpint (tavla_recommendation_get_status (not_done), ==, TAVLA_RECOMMENDATION_IN_PROGRESS);
  /* Assessed not implemented is red even before the due date. */
  g_assert_cmpint (tavla_recommendation_get_light (not_done), ==, TAVLA_LIGHT_RED);

  /* An assessment nobody knows is refused. */
  {
    TavlaRecommendationChange bad = { .assessment = "maybe" };

    assert_refused (fixture, not_done, &bad, "assessment", "“maybe” is not known");
  }
}

/* Moves outside the allowed ones say where the recommendation can go. */
static void
test_illegal_moves (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TavlaRecommendation) open = add_recommendation (fixture, "Anna Lindqvist", "2027-01-31");
  TavlaRecommendationChange to_implemented = { .status = "implemented" };
  TavlaRecommendationChange to_closed = { .status = "closed", .evidence = "x", .assessment = "implemented" };
  TavlaRecommendationChange unknown = { .status = "done" };

  assert_refused (fixture, open, &to_implemented, "status", "cannot go from Open to Implemented");
  assert_refused (fixture, open, &to_implemented, "status", "Responded, In progress, Not accepted");
  assert_refused (fixture, open, &to_closed, "status", "cannot go from Open to Closed");
  assert_refused (fixture, open, &unknown, "status", "“done” is not known");
}

/* The light at its boundaries: due today is still yellow, yesterday red. */
static void
test_light_boundaries (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TavlaRecommendation) today = add_recommendation (fixture, NULL, TEST_TODAY);
  g_autoptr(TavlaRecommendation) yesterday = add_recommendation (fixture, NULL, "2026-11-24");
  g_autoptr(TavlaRecommendation) undated = add_recommendation (fixture, NULL, NULL);
  g_autoptr(TavlaAudit) audit = NULL;
  g_autoptr(GListModel) overdue = NULL;
  g_autoptr(GListModel) later = NULL;
  g_autoptr(GError) error = NULL;
  TavlaRecommendationQuery overdue_query = { .overdue_only = TRUE };
  TavlaRecommendationQuery later_query = { .overdue_only = TRUE, .on = "2026-11-26" };

  g_assert_cmpint (tavla_recommendation_get_light (today), ==, TAVLA_LIGHT_YELLOW);
  g_assert_false (tavla_recommendation_is_overdue (today));
  g_assert_cmpint (tavla_recommendation_get_light (yesterday), ==, TAVLA_LIGHT_RED);
  g_assert_true (tavla_recommendation_is_overdue (yesterday));
  g_assert_cmpint (tavla_recommendation_get_light (undated), ==, TAVLA_LIGHT_YELLOW);

  g_assert_cmpint (tavla_recommendation_compute_light (TAVLA_RECOMMENDATION_IMPLEMENTED, TAVLA_ASSESSMENT_NONE,
                                                       "2020-01-01", TEST_TODAY), ==, TAVLA_LIGHT_YELLOW);
  g_assert_cmpint (tavla_recommendation_compute_light (TAVLA_RECOMMENDATION_RESPONDED, TAVLA_ASSESSMENT_NONE,
                                                       "2020-01-01", TEST_TODAY), ==, TAVLA_LIGHT_RED);

  /* The audit shows its worst light. */
  audit = tavla_board_get_audit (fixture->board, fixture->audit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_audit_get_light (audit), ==, TAVLA_LIGHT_RED);
  g_assert_cmpuint (tavla_audit_get_n_open (audit), ==, 3);

  overdue = tavla_board_list_recommendations (fixture->board, &overdue_query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (overdue), ==, 1);

  /* Tomorrow, the one due today is overdue too. */
  later = tavla_board_list_recommendations (fixture->board, &later_query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (later), ==, 2);
}

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TavlaRecommendation) mine = add_recommendation (fixture, "Anna Lindqvist", "2026-12-20");
  g_autoptr(TavlaRecommendation) other = add_recommendation (fixture, "Bo Ek", "2027-06-30");
  g_autoptr(TavlaRecommendation) refused = NULL;
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GListModel) anna = NULL;
  g_autoptr(GListModel) soon = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GError) error = NULL;
  TavlaRecommendationChange refuse = { .status = "not-accepted", .note = "Ligger utanför uppdraget." };
  TavlaRecommendationQuery open_query = { .open_only = TRUE };
  TavlaRecommendationQuery anna_query = { .owner = "Anna Lindqvist" };
  TavlaRecommendationQuery soon_query = { .due_within = TRUE, .due_within_days = 30 };
  TavlaRecommendationQuery bad_owner = { .owner = "Ingen Alls" };
  TavlaRecommendationQuery bad_day = { .on = "2026-02-31" };
  TavlaRecommendationQuery bad_audit = { .audit_id = 42 };

  refused = update (fixture, other, &refuse);

  open = tavla_board_list_recommendations (fixture->board, &open_query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);

  anna = tavla_board_list_recommendations (fixture->board, &anna_query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (anna), ==, 1);

  soon = tavla_board_list_recommendations (fixture->board, &soon_query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (soon), ==, 1);

  none = tavla_board_list_recommendations (fixture->board, &bad_owner, &error);
  g_assert_null (none);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  none = tavla_board_list_recommendations (fixture->board, &bad_day, &error);
  g_assert_null (none);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  none = tavla_board_list_recommendations (fixture->board, &bad_audit, &error);
  g_assert_null (none);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
}

/* Every changed field is one history row; the same values write none. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TavlaRecommendation) open = add_recommendation (fixture, NULL, NULL);
  g_autoptr(TavlaRecommendation) responded = NULL;
  g_autoptr(TavlaRecommendation) same = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(TavlaHistoryEntry) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  TavlaRecommendationChange change = { .status = "responded", .response = "Vi genomför en enkät.",
                                       .note = "Beslut i KS 2022-09-14" };
  gint64 before = 0;

  responded = update (fixture, open, &change);
  history = tavla_board_list_recommendation_history (fixture->board, tavla_recommendation_get_id (responded),
                                                     &error);
  g_assert_no_error (error);
  /* Created; response, response date, status. */
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 4);
  status = g_list_model_get_item (history, 3);
  g_assert_cmpstr (tavla_history_entry_get_field (status), ==, "status");
  g_assert_cmpstr (tavla_history_entry_get_old_value (status), ==, "open");
  g_assert_cmpstr (tavla_history_entry_get_new_value (status), ==, "responded");
  g_assert_cmpstr (tavla_history_entry_get_note (status), ==, "Beslut i KS 2022-09-14");
  sentence = tavla_recommendation_describe_history (status);
  g_assert_cmpstr (sentence, ==, "Status: Open → Responded");

  before = test_count_rows (fixture->board, "history");
  {
    TavlaRecommendationChange again = { .status = "responded", .response = "Vi genomför en enkät." };

    same = update (fixture, responded, &again);
  }
  g_assert_cmpint (tavla_recommendation_get_version (same), ==, tavla_recommendation_get_version (responded));
  g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, before);
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TavlaRecommendation) open = add_recommendation (fixture, NULL, NULL);
  g_autoptr(TavlaRecommendation) first = NULL;
  g_autoptr(TavlaRecommendation) second = NULL;
  g_autoptr(GError) error = NULL;
  TavlaRecommendationChange a = { .due = "2027-02-01" };
  TavlaRecommendationChange b = { .due = "2027-03-01" };
  gint64 version = tavla_recommendation_get_version (open);

  first = tavla_board_update_recommendation (fixture->board, tavla_recommendation_get_id (open), version, &a,
                                             "Anna", NULL, &error);
  g_assert_no_error (error);
  second = tavla_board_update_recommendation (fixture->board, tavla_recommendation_get_id (open), version, &b,
                                              "Bo", NULL, &error);
  g_assert_null (second);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT);
  g_clear_object (&second);
  second = tavla_board_get_recommendation (fixture->board, tavla_recommendation_get_id (open), NULL);
  g_assert_cmpstr (tavla_recommendation_get_due (second), ==, "2027-02-01");
}

/* Actions: items linked to a recommendation stay linked through the
 * items' own changes, and the recommendation shows their progress. */
static void
test_actions_survive (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TavlaRecommendation) recommendation = add_recommendation (fixture, "Anna Lindqvist", "2027-01-31");
  g_autoptr(TavlaRecommendation) reread = NULL;
  g_autoptr(TavlaItem) acted = NULL;
  g_autoptr(TavlaItem) existing = test_add_item (fixture->board, "Uppdatera webbplatsens vanliga frågor");
  g_autoptr(TavlaItem) linked = NULL;
  g_autoptr(TavlaItem) again = NULL;
  g_autoptr(TavlaItem) started = NULL;
  g_autoptr(TavlaItem) done = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = tavla_recommendation_get_id (recommendation);
  TavlaItemChange fields = {
    .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_DUE,
    .title = "Ta fram en enkät om bemötande", .owner = "Anna Lindqvist", .due = "2027-01-15",
  };
  TavlaItemChange start = { .set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_MARK,
                            .status = TAVLA_STATUS_IN_PROGRESS, .mark = TAVLA_MARK_AT_RISK };
  TavlaItemChange finish = { .set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_NOTE, .status = TAVLA_STATUS_DONE,
                             .note = "Enkäten skickades ut v. 2" };
  TavlaAction *action = NULL;
  gint64 links = 0;

  acted = tavla_board_act_on_recommendation (fixture->board, id, &fields, "Maria", &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_item_get_source (acted), ==, TAVLA_SOURCE_AUDIT);

  linked = tavla_board_link_item_to_recommendation (fixture->board, tavla_item_get_id (existing), id, "Maria",
                                                    &error);
  g_assert_no_error (error);
  links = test_count_rows (fixture->board, "item_link");
  /* Linking again writes nothing. */
  again = tavla_board_link_item_to_recommendation (fixture->board, tavla_item_get_id (existing), id, "Maria",
                                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count_rows (fixture->board, "item_link"), ==, links);

  started = tavla_board_update_item (fixture->board, tavla_item_get_id (acted), &start, "Anna", &error);
  g_assert_no_error (error);
  done = tavla_board_update_item (fixture->board, tavla_item_get_id (acted), &finish, "Anna", &error);
  g_assert_no_error (error);

  reread = tavla_board_get_recommendation (fixture->board, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tavla_recommendation_get_actions (reread)->len, ==, 2);
  action = g_ptr_array_index (tavla_recommendation_get_actions (reread), 0);
  g_assert_cmpint (action->id, ==, tavla_item_get_id (existing));
  action = g_ptr_array_index (tavla_recommendation_get_actions (reread), 1);
  g_assert_cmpint (action->id, ==, tavla_item_get_id (acted));
  g_assert_cmpstr (action->status, ==, "done");
  g_assert_cmpstr (action->owner, ==, "Anna Lindqvist");

  /* Unknown items and recommendations are not found, and write nothing. */
  {
    g_autofree char *before = count_all (fixture->board);
    g_autofree char *after = NULL;
    g_autoptr(TavlaItem) missing = NULL;

    missing = tavla_board_link_item_to_recommendation (fixture->board, 999, id, NULL, &error);
    g_assert_null (missing);
    g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    missing = tavla_board_link_item_to_recommendation (fixture->board, tavla_item_get_id (existing), 999, NULL,
                                                       &error);
    g_assert_null (missing);
    g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    missing = tavla_board_act_on_recommendation (fixture->board, 999, &fields, NULL, &error);
    g_assert_null (missing);
    g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
    after = count_all (fixture->board);
    g_assert_cmpstr (after, ==, before);
  }
}

/* The board-owned model follows writes with minimal items-changed. */
static void
test_model (Fixture       *fixture,
            gconstpointer  data)
{
  GListModel *audits = tavla_board_get_audits (fixture->board);
  ChangeRecorder recorder = { 0 };
  g_autoptr(TavlaRecommendation) recommendation = NULL;
  g_autoptr(TavlaAudit) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  TavlaAuditInput input = { .title = "Granskning av synpunktshantering", .auditor = "Deloitte",
                            .date = "2024-03-01", .body = "Kommunstyrelsen" };

  g_assert_cmpuint (g_list_model_get_n_items (audits), ==, 1);
  change_recorder_start (&recorder, audits);

  recommendation = add_recommendation (fixture, NULL, NULL);
  log = change_recorder_take (&recorder);
  g_assert_cmpstr (log, ==, "0-1+1");
  g_clear_pointer (&log, g_free);

  /* Newest report first. */
  second = tavla_board_add_audit (fixture->board, &input, NULL, NULL, &error);
  g_assert_no_error (error);
  log = change_recorder_take (&recorder);
  g_assert_cmpstr (log, ==, "0-0+1");
  change_recorder_stop (&recorder);
}

static char *
report_text (TavlaBoard        *board,
             TavlaExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaDocument) document = tavla_board_build_audit_report (board, NULL, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  bytes = tavla_document_render (document, format, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
fill_report (Fixture *fixture)
{
  g_autoptr(TavlaRecommendation) first = add_recommendation (fixture, "Anna Lindqvist", "2026-10-31");
  g_autoptr(TavlaRecommendation) second = NULL;
  g_autoptr(TavlaRecommendation) updated = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  TavlaRecommendationInput hostile = { .text = "Utveckla <script>alert('x')</script> & *webben* | [länk]",
                                       .owner = "Bo Ek", .due = "2027-06-30" };
  TavlaRecommendationChange start = { .status = "in-progress" };
  TavlaItemChange fields = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "Enkät <b>om</b> bemötande" };

  updated = update (fixture, first, &start);
  second = tavla_board_add_recommendation (fixture->board, fixture->audit_id, &hostile, NULL, NULL, &error);
  g_assert_no_error (error);
  item = tavla_board_act_on_recommendation (fixture->board, tavla_recommendation_get_id (first), &fields, NULL,
                                            &error);
  g_assert_no_error (error);
}

static void
test_report_html (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *html = NULL;

  fill_report (fixture);
  html = report_text (fixture->board, TAVLA_EXPORT_HTML);

  g_assert_null (strstr (html, "<script>"));
  g_assert_null (strstr (html, "<b>om</b>"));
  g_assert_nonnull (strstr (html, "Utveckla &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; *webben*"));
  g_assert_nonnull (strstr (html, "Enkät &lt;b&gt;om&lt;/b&gt; bemötande"));
  g_assert_nonnull (strstr (html, "@page { size: A4"));
  g_assert_nonnull (strstr (html, "<h2>Granskning av kundcenter</h2>"));
  /* The overdue one is red, the other yellow; both counted in the summary. */
  g_assert_nonnull (strstr (html, "1 recommendation overdue or assessed not implemented"));
  g_assert_nonnull (strstr (html, "1 recommendation open and on time"));
  g_assert_nonnull (strstr (html, "<dt>Light</dt><dd><span class=\"dot red\"></span>Red</dd>"));
  g_assert_nonnull (strstr (html, "<dt>Light</dt><dd><span class=\"dot yellow\"></span>Yellow</dd>"));
  g_assert_nonnull (strstr (html, "In progress, overdue"));
  g_assert_nonnull (strstr (html, "Anna Lindqvist"));
  g_assert_nonnull (strstr (html, "2026-10-31 (w. 44)"));
  g_assert_nonnull (strstr (html, "No actions on the improvement board yet."));
}

static void
test_report_markdown (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *markdown = NULL;

  fill_report (fixture);
  markdown = report_text (fixture->board, TAVLA_EXPORT_MARKDOWN);

  g_assert_nonnull (strstr (markdown, "# Audit recommendations: status report\n"));
  g_assert_nonnull (strstr (markdown, "## Granskning av kundcenter\n"));
  g_assert_null (strstr (markdown, "<script>"));
  g_assert_nonnull (strstr (markdown, "&lt;script&gt;"));
  g_assert_nonnull (strstr (markdown, "\\*webben\\* \\| \\[länk\\]"));
  g_assert_nonnull (strstr (markdown, "- **Reference:** KS 2022/123\n"));
  g_assert_nonnull (strstr (markdown, "| Action | Status | Owner | Due date |"));
  g_assert_nonnull (strstr (markdown, "#1 Enkät &lt;b&gt;om&lt;/b&gt; bemötande"));
}

static void
test_report_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "rapport.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, "-layout", NULL, "-", NULL };
  int status = 0;

  fill_report (fixture);
  document = tavla_board_build_audit_report (fixture->board, NULL, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  g_assert_true (tavla_document_render_to_file (document, TAVLA_EXPORT_PDF, file, &error));
  g_assert_no_error (error);

  /* poppler-utils is in the packages tavla-dev installs: no skipping. */
  g_assert_nonnull (pdftotext);
  argv[0] = pdftotext;
  argv[2] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Audit recommendations: status report"));
  g_assert_nonnull (strstr (text, "Granskning av kundcenter"));
  g_assert_nonnull (strstr (text, "<script>alert('x')</script>"));
  g_assert_nonnull (strstr (text, "Enkät <b>om</b> bemötande"));
  g_assert_nonnull (strstr (text, "page 1 of"));
}

static void
test_report_empty (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autofree char *markdown = report_text (board, TAVLA_EXPORT_MARKDOWN);

  g_assert_nonnull (strstr (markdown, "*No audits are registered.*"));
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/audits/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("add-audit", test_add_audit);
  ADD ("add-audit-bad", test_add_audit_bad);
  ADD ("update-audit", test_update_audit);
  ADD ("add-recommendation", test_add_recommendation);
  ADD ("add-recommendation-bad", test_add_recommendation_bad);
  ADD ("responded", test_responded);
  ADD ("in-progress", test_in_progress);
  ADD ("closed", test_closed);
  ADD ("not-accepted", test_not_accepted);
  ADD ("follow-up-returns", test_follow_up_returns);
  ADD ("illegal-moves", test_illegal_moves);
  ADD ("light-boundaries", test_light_boundaries);
  ADD ("list-filters", test_list_filters);
  ADD ("history", test_history);
  ADD ("conflict", test_conflict);
  ADD ("actions-survive", test_actions_survive);
  ADD ("model", test_model);
  ADD ("report-html", test_report_html);
  ADD ("report-markdown", test_report_markdown);
  ADD ("report-pdf", test_report_pdf);
  g_test_add_func ("/audits/report-empty", test_report_empty);

#undef ADD

  return g_test_run ();
}
