/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>
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

/* The demo's audits: KPMG 2022 with one recommendation in progress with
 * actions on the board and one responded, and Deloitte's review with no
 * open recommendation. */
static void
test_demo_audits (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) audits = NULL;
  g_autoptr(TavlaAudit) kpmg = NULL;
  g_autoptr(TavlaAudit) deloitte = NULL;
  g_autoptr(GListModel) history = NULL;
  TavlaRecommendation *survey = NULL;
  TavlaRecommendation *web = NULL;

  g_assert_true (tavla_board_load_demo (board, &error));
  g_assert_no_error (error);

  audits = tavla_board_list_audits (board, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (audits), ==, 2);
  kpmg = g_list_model_get_item (audits, 0);
  deloitte = g_list_model_get_item (audits, 1);

  g_assert_cmpstr (tavla_audit_get_auditor (kpmg), ==, "KPMG");
  g_assert_cmpstr (tavla_audit_get_date (kpmg), ==, "2022-06-02");
  g_assert_cmpuint (tavla_audit_get_recommendations (kpmg)->len, ==, 2);
  survey = g_ptr_array_index (tavla_audit_get_recommendations (kpmg), 0);
  web = g_ptr_array_index (tavla_audit_get_recommendations (kpmg), 1);
  g_assert_cmpint (tavla_recommendation_get_status (survey), ==, TAVLA_RECOMMENDATION_IN_PROGRESS);
  g_assert_cmpuint (tavla_recommendation_get_actions (survey)->len, ==, 2);
  g_assert_cmpint (tavla_recommendation_get_light (survey), ==, TAVLA_LIGHT_YELLOW);
  g_assert_cmpint (tavla_recommendation_get_status (web), ==, TAVLA_RECOMMENDATION_RESPONDED);
  g_assert_nonnull (tavla_recommendation_get_response (web));
  g_assert_cmpuint (tavla_recommendation_get_actions (web)->len, ==, 1);

  /* The actions are the board's audit proposals. */
  for (guint i = 0; i < tavla_recommendation_get_actions (survey)->len; i++)
    {
      TavlaAction *action = g_ptr_array_index (tavla_recommendation_get_actions (survey), i);
      g_autoptr(TavlaItem) item = tavla_board_get_item (board, action->id, &error);

      g_assert_no_error (error);
      g_assert_cmpint (tavla_item_get_source (item), ==, TAVLA_SOURCE_AUDIT);
    }

  /* The history was replayed, not written in one go. */
  history = tavla_board_list_recommendation_history (board, tavla_recommendation_get_id (survey), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), >=, 5);

  g_assert_cmpstr (tavla_audit_get_auditor (deloitte), ==, "Deloitte");
  g_assert_nonnull (strstr (tavla_audit_get_assessment (deloitte), "tillfredsställande"));
  g_assert_cmpuint (tavla_audit_get_n_open (deloitte), ==, 0);
}

/* The demo's citizen feedback: every tertial of the last year has some,
 * in every department, and the feedback proposals point back at it. */
static void
test_demo_feedback (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaFeedbackSummary) current = NULL;
  g_autoptr(TavlaFeedbackSummary) previous = NULL;
  GListModel *feedback = NULL;
  guint n_personal = 0;

  g_assert_true (tavla_board_load_demo (board, &error));
  g_assert_no_error (error);

  /* The board's model sees what the loader wrote. */
  feedback = tavla_board_get_feedback_model (board);
  g_assert_cmpuint (g_list_model_get_n_items (feedback), >=, 40);
  for (guint i = 0; i < g_list_model_get_n_items (feedback); i++)
    {
      g_autoptr(TavlaFeedback) one = g_list_model_get_item (feedback, i);

      n_personal += tavla_feedback_get_personal_data (one) ? 1 : 0;
    }
  g_assert_cmpuint (n_personal, >, 0);

  /* TEST_TODAY is in 2026-T3. */
  current = tavla_board_summarize_feedback (board, "2026-T3", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (current->all.total, >=, 10);
  g_assert_cmpuint (current->departments->len, ==, 6);
  g_assert_cmpuint (current->items->len, >, 0);
  previous = tavla_board_summarize_feedback (board, "2026-T2", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (previous->all.total, >=, 10);
}

/* The demo's metrics: four response groups, the centre's goals, the channel
 * mix and the cases passed on, two years of weekly figures that dip when
 * they should, and explained deviations linked to proposals. */
static void
test_demo_metrics (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) weeks = NULL;
  GPtrArray *channels[4] = { NULL, };
  g_autoptr(GListModel) deviations = NULL;
  g_autoptr(GPtrArray) effects = NULL;
  const char *channel_names[] = { "Andel kontakter via telefon", "Andel kontakter via e-post",
                                  "Andel kontakter via e-tjänst", "Andel besök" };
  TavlaDeviationQuery all = { NULL, };
  GListModel *items = tavla_board_get_items (board);
  gint64 started = g_get_monotonic_time ();
  guint n_explained = 0;
  guint n_linked = 0;
  guint n_summer = 0;
  guint n_summer_low = 0;
  double school_start = 100.0;
  double spring = 0.0;

  g_assert_true (tavla_board_load_demo (board, &error));
  g_assert_no_error (error);
  /* One transaction, well under a second even under valgrind-like load. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);

  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_response_groups (board)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_metrics (board)), ==, 9);

  /* Two years of weeks in every group: ending with the last full week. */
  weeks = tavla_board_get_series (board, "Svarsfrekvens", "Barn och utbildning", TAVLA_PERIOD_WEEK,
                                  NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 104);
  g_assert_cmpstr (((TavlaSeriesPoint *) g_ptr_array_index (weeks, 103))->period, ==, "2026-W47");
  g_assert_cmpint (test_count_rows (board, "measurement"), ==, 104 * 4 + 24 * 8);

  for (guint i = 0; i < weeks->len; i++)
    {
      TavlaSeriesPoint *point = g_ptr_array_index (weeks, i);
      TavlaPeriod period = { 0 };

      g_assert_true (point->has_ratio);
      g_assert_cmpfloat (point->value, >, 60.0);
      g_assert_cmpfloat (point->value, <=, 100.0);
      tavla_period_parse (point->period, &period, NULL);
      if (period.number >= 32 && period.number <= 35)
        school_start = MIN (school_start, point->value);
      if (period.number >= 14 && period.number <= 22)
        spring = MAX (spring, point->value);
      if (period.number >= 27 && period.number <= 31)
        {
          n_summer++;
          n_summer_low += point->value < 96.0 ? 1 : 0;
        }
    }
  /* The school start is a dip in Barn och utbildning; spring is calm. */
  g_assert_cmpfloat (school_start, <, 90.0);
  g_assert_cmpfloat (spring, >=, 95.0);
  g_assert_cmpuint (n_summer_low, >=, n_summer / 2);

  /* The channel mix adds up to about 100 % every month. */
  for (guint c = 0; c < G_N_ELEMENTS (channel_names); c++)
    {
      channels[c] = tavla_board_get_series (board, channel_names[c], NULL, TAVLA_PERIOD_MONTH, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (channels[c]->len, ==, 24);
    }
  for (guint m = 0; m < 24; m++)
    {
      double sum = 0.0;

      for (guint c = 0; c < G_N_ELEMENTS (channel_names); c++)
        sum += ((TavlaSeriesPoint *) g_ptr_array_index (channels[c], m))->value;
      g_assert_cmpfloat (fabs (sum - 100.0), <, 0.2);
    }
  for (guint c = 0; c < G_N_ELEMENTS (channel_names); c++)
    g_ptr_array_unref (channels[c]);

  deviations = tavla_board_list_deviations (board, &all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (deviations), >, 10);
  for (guint i = 0; i < g_list_model_get_n_items (deviations); i++)
    {
      g_autoptr(TavlaDeviation) deviation = g_list_model_get_item (deviations, i);
      guint n_items = 0;

      tavla_deviation_get_items (deviation, &n_items);
      n_explained += tavla_deviation_get_cause (deviation) != NULL ? 1 : 0;
      n_linked += n_items > 0 ? 1 : 0;
    }
  g_assert_cmpuint (n_explained, ==, 7);
  g_assert_cmpuint (n_linked, ==, 5);

  /* Cards carry the metric badge, and a done item shows its effect. */
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TavlaItem) item = g_list_model_get_item (items, i);

      if (g_str_has_prefix (tavla_item_get_title (item), "Ny schemamall"))
        {
          TavlaEffect *effect = NULL;

          g_assert_true (tavla_item_get_has_metric (item));
          effects = tavla_board_get_item_effect (board, tavla_item_get_id (item), 0, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (effects->len, ==, 1);
          effect = g_ptr_array_index (effects, 0);
          g_assert_true (effect->has_before);
          g_assert_true (effect->has_after);
          g_assert_cmpuint (effect->before->len, ==, 4);
          g_assert_cmpuint (effect->after->len, ==, 4);
        }
    }
  g_assert_nonnull (effects);
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

  g_test_add_func ("/demo/loader", test_demo_loader);
  g_test_add_func ("/demo/damaged-writes-nothing", test_demo_damaged_writes_nothing);
  g_test_add_func ("/demo/builtin", test_demo_builtin);
  g_test_add_func ("/demo/feedback", test_demo_feedback);
  g_test_add_func ("/demo/metrics", test_demo_metrics);
  g_test_add_func ("/demo/audits", test_demo_audits);

  return g_test_run ();
}
