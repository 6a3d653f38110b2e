/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include "test-common.h"

/*
 * The period report (issue 7) of a fixture tertial: what each section
 * says, in Markdown, JSON, escaped HTML and a PDF read back with
 * pdftotext; and the feedback compilation per department.
 */

typedef struct
{
  TestTmpdir *dir;
  TavlaBoard *board;
  gint64      done_id;
} Fixture;

static void
set_now (const char *iso)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);

  tavla_clock_set_now_override (now);
}

static TavlaItem *
update (TavlaBoard      *board,
        gint64           id,
        TavlaItemChange *change)
{
  g_autoptr(GError) error = NULL;
  TavlaItem *item = tavla_board_update_item (board, id, change, NULL, &error);

  g_assert_no_error (error);
  return item;
}

static void
record (TavlaBoard *board,
        const char *period,
        const char *value)
{
  TavlaMeasurementInput input = { .metric = "Svarsfrekvens", .period = period, .value = value };
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMeasurement) measurement = tavla_board_record_measurement (board, &input, NULL, NULL, NULL,
                                                                            &error);

  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TavlaMetricInput metric_input = {
    .name = "Svarsfrekvens", .unit = "percent", .direction = "higher", .target = "95", .period = "week",
  };
  TavlaFeedbackInput feedback_input = {
    .date = "2026-10-12", .channel = "phone", .department = "SOC", .category = "complaint",
    .text = "Svårt att nå handläggaren <b>alls</b> & länge",
  };
  TavlaDeviationQuery deviation_query = { .from = "2026-W40", .to = "2026-W40" };
  TavlaItemChange fields = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "Bemanna svarsgruppen" };
  TavlaAgreementInput agreement_input = { .department = "SOC", .signed_date = "2026-09-15" };
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMetric) metric = NULL;
  g_autoptr(GListModel) deviations = NULL;
  g_autoptr(TavlaDeviation) deviation = NULL;
  g_autoptr(TavlaDeviation) explained = NULL;
  g_autoptr(TavlaItem) action = NULL;
  g_autoptr(TavlaItem) old = NULL;
  g_autoptr(TavlaItem) done = NULL;
  g_autoptr(TavlaItem) strategic = NULL;
  g_autoptr(TavlaItem) escaped = NULL;
  g_autoptr(TavlaFeedback) feedback = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(TavlaAudit) audit = NULL;
  g_autoptr(TavlaRecommendation) recommendation = NULL;
  TavlaAuditInput audit_input = { .title = "KPMG granskning av kundcenter", .auditor = "KPMG", .date = "2022-06-02",
                                .body = "Kommunstyrelsen" };
  TavlaRecommendationInput recommendation_input = {
    .text = "Genomför en extern och en intern undersökning av tillgängligheten", .owner = "Anna Lindqvist",
    .due = "2026-12-31",
  };

  fixture->dir = test_tmpdir_new ();
  fixture->board = test_board_new_staffed (fixture->dir);

  metric = tavla_board_add_metric (fixture->board, &metric_input, NULL, NULL, &error);
  g_assert_no_error (error);
  record (fixture->board, "2025-W40", "94");
  record (fixture->board, "2026-W20", "96");
  record (fixture->board, "2026-W40", "92");

  deviations = tavla_board_list_deviations (fixture->board, &deviation_query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (deviations), ==, 1);
  deviation = g_list_model_get_item (deviations, 0);
  explained = tavla_board_explain_deviation (fixture->board, tavla_deviation_get_id (deviation),
                                             "Sjukfrånvaro i svarsgruppen", NULL, &error);
  g_assert_no_error (error);
  action = tavla_board_act_on_deviation (fixture->board, tavla_deviation_get_id (deviation), &fields, NULL, &error);
  g_assert_no_error (error);

  /* An item from the tertial before, done in this one. */
  set_now ("2026-06-10T09:00:00Z");
  old = test_add_item (fixture->board, "Ny röstbrevlåda");
  {
    TavlaItemChange start = {
      .set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_DUE,
      .status = TAVLA_STATUS_IN_PROGRESS, .owner = "Anna Lindqvist", .due = "2026-10-30",
    };
    g_autoptr(TavlaItem) started = update (fixture->board, tavla_item_get_id (old), &start);
  }
  set_now ("2026-10-20T09:00:00Z");
  {
    TavlaItemChange finish = {
      .set = TAVLA_ITEM_FIELD_STATUS | TAVLA_ITEM_FIELD_NOTE, .status = TAVLA_STATUS_DONE,
      .note = "Införd",
    };

    done = update (fixture->board, tavla_item_get_id (old), &finish);
  }
  fixture->done_id = tavla_item_get_id (done);
  set_now (TEST_NOW);

  strategic = test_add_item (fixture->board, "Extern webbplats med vanliga frågor");
  {
    TavlaItemChange make_strategic = { .set = TAVLA_ITEM_FIELD_STRATEGIC, .strategic = TRUE };
    g_autoptr(TavlaItem) changed = update (fixture->board, tavla_item_get_id (strategic), &make_strategic);
  }
  escaped = test_add_item (fixture->board, "<script>alert(1)</script> & co");

  feedback = tavla_board_add_feedback (fixture->board, &feedback_input, NULL, NULL, &error);
  g_assert_no_error (error);
  agreement = tavla_board_add_agreement (fixture->board, &agreement_input, NULL, NULL, &error);
  g_assert_no_error (error);
  audit = tavla_board_add_audit (fixture->board, &audit_input, NULL, NULL, &error);
  g_assert_no_error (error);
  recommendation = tavla_board_add_recommendation (fixture->board, tavla_audit_get_id (audit),
                                                   &recommendation_input, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->board);
  test_tmpdir_free (fixture->dir);
}

static char *
render (TavlaBoard        *board,
        const char        *tertial,
        TavlaExportFormat  format)
{
  g_autoptr(TavlaPeriodReport) report = NULL;
  g_autoptr(TavlaDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  report = tavla_board_build_period_report (board, tertial, &error);
  g_assert_no_error (error);
  document = tavla_period_report_to_document (report);
  bytes = tavla_document_render (document, format, &error);
  g_assert_no_error (error);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_in_order (const char         *text,
                 const char * const *parts)
{
  const char *at = text;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *found = strstr (at, parts[i]);

      if (found == NULL)
        g_error ("“%s” not found (in order) in:\n%s", parts[i], text);
      at = found + strlen (parts[i]);
    }
}

static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *markdown = render (fixture->board, "2026-T3", TAVLA_EXPORT_MARKDOWN);
  const char *parts[] = {
    "Period report T3 2026", "2026-09-01 to 2026-12-31",
    "Goals", "Svarsfrekvens", "95.0 %", "92.0 %", "96.0 %", "94.0 %",
    "Deviations and actions", "Sjukfrånvaro i svarsgruppen", "Bemanna svarsgruppen",
    "Improvements", "Done in the tertial", "Ny röstbrevlåda", "done 2026-10-20",
    "Ongoing", "New in the tertial", "Bemanna svarsgruppen",
    "Improvement areas", "Extern webbplats med vanliga frågor",
    "Citizen feedback per department", "Socialförvaltningen", "1",
    "Delivery agreements", "Socialförvaltningen", "Active", "2026-09-15",
    "Reviews done in the tertial", "Socialförvaltningen, version 1, signed 2026-09-15",
    "Audit recommendations", "KPMG granskning av kundcenter", "Genomför en extern och en intern",
    "Anna Lindqvist", "2026-12-31", "Open",
    NULL,
  };

  assert_in_order (markdown, parts);
  /* The previous tertial's new item is not new in this one. */
  g_assert_null (strstr (strstr (markdown, "New in the tertial"), "Ny röstbrevlåda"));
}

static void
test_previous_tertial (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *markdown = render (fixture->board, "2026-T2", TAVLA_EXPORT_MARKDOWN);
  const char *parts[] = {
    "Period report T2 2026", "No deviations in the tertial.", "None was done in the tertial.",
    "New in the tertial", "Ny röstbrevlåda", "No feedback was registered in the tertial.",
    "No agreement was signed in the tertial.", NULL,
  };

  assert_in_order (markdown, parts);
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TavlaPeriodReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root = NULL;
  JsonObject *goal = NULL;
  JsonArray *done = NULL;

  report = tavla_board_build_period_report (fixture->board, "2026-T3", &error);
  g_assert_no_error (error);
  node = tavla_period_report_to_json (report);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (root, "tertial"), ==, "2026-T3");
  goal = json_array_get_object_element (json_object_get_array_member (root, "goals"), 0);
  g_assert_cmpstr (json_object_get_string_member (goal, "metric"), ==, "Svarsfrekvens");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (goal, "value"), 92.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (goal, "previous"), 96.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (goal, "last_year"), 94.0, 1e-9);
  g_assert_true (json_object_get_boolean_member (goal, "deviation"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "deviations")), ==, 1);
  done = json_object_get_array_member (json_object_get_object_member (root, "improvements"), "done");
  g_assert_cmpuint (json_array_get_length (done), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (done, 0), "id"), ==,
                   fixture->done_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "improvement_areas")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "feedback"), "total"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (root, "recommendations"), 0), "status"), ==, "open");
}

static void
test_html_escaped (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *html = render (fixture->board, "2026-T3", TAVLA_EXPORT_HTML);
  g_autoptr(TavlaDocument) compilation = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *compiled = NULL;

  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
  g_assert_null (strstr (html, "<script>"));
  /* The goals' chart is drawn inline. */
  g_assert_nonnull (strstr (html, "<svg"));

  compilation = tavla_board_build_feedback_compilation (fixture->board, "2026-T3", "SOC", &error);
  g_assert_no_error (error);
  bytes = tavla_document_render (compilation, TAVLA_EXPORT_HTML, &error);
  g_assert_no_error (error);
  compiled = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (compiled, "&lt;b&gt;alls&lt;/b&gt; &amp; länge"));
  g_assert_null (strstr (compiled, "<b>alls"));
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(TavlaPeriodReport) report = NULL;
  g_autoptr(TavlaDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "periodrapport.pdf", NULL);
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  int status = 0;
  const char *parts[] = {
    "Period report T3 2026", "Goals", "Svarsfrekvens", "Sjukfrånvaro i svarsgruppen",
    "Extern webbplats med vanliga frågor", "Socialförvaltningen", NULL,
  };

  report = tavla_board_build_period_report (fixture->board, "2026-T3", &error);
  g_assert_no_error (error);
  document = tavla_period_report_to_document (report);
  file = g_file_new_for_path (path);
  g_assert_true (tavla_document_render_to_file (document, TAVLA_EXPORT_PDF, file, &error));
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  assert_in_order (text, parts);
}

static void
test_bad_tertial (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *bad[] = { "", "2026-11", "2026-T4", "T3", "2026-W40" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TavlaPeriodReport) report = tavla_board_build_period_report (fixture->board, bad[i], &error);

      g_assert_null (report);
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
    }
}

static void
test_compilation (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TavlaDocument) document = NULL;
  g_autoptr(TavlaDocument) empty = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  const char *parts[] = { "Citizen feedback T3 2026", "Socialförvaltningen", "Complaint", "2026-10-12", "Phone",
                          "Svårt att nå handläggaren", NULL };

  document = tavla_board_build_feedback_compilation (fixture->board, "2026-T3", "Socialförvaltningen", &error);
  g_assert_no_error (error);
  bytes = tavla_document_render (document, TAVLA_EXPORT_MARKDOWN, &error);
  g_assert_no_error (error);
  markdown = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  assert_in_order (markdown, parts);

  empty = tavla_board_build_feedback_compilation (fixture->board, "2026-T3", "Okänd", &error);
  g_assert_null (empty);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/period-report/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("markdown", test_markdown);
  ADD ("previous-tertial", test_previous_tertial);
  ADD ("json", test_json);
  ADD ("html-escaped", test_html_escaped);
  ADD ("pdf", test_pdf);
  ADD ("bad-tertial", test_bad_tertial);
  ADD ("compilation", test_compilation);
#undef ADD

  return g_test_run ();
}
