/* SPDX-License-Identifier: EUPL-1.2 */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "test-common.h"
#include "tavla-store-feedback.h"

/*
 * The citizen feedback register (issue 7): each rule and each bad input
 * (with nothing written), passing on, the tertial compilation at the
 * tertial boundaries, and the purge that leaves no text in the database
 * files.
 */

typedef struct
{
  TestTmpdir *dir;
  TavlaBoard *board;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaDepartment) sbf = NULL;

  fixture->dir = test_tmpdir_new ();
  fixture->board = test_board_new_staffed (fixture->dir);
  sbf = tavla_board_add_department (fixture->board, "Samhällsbyggnadsförvaltningen", "SBF", NULL, &error);
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
count_all (TavlaBoard *board)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          test_count_rows (board, "feedback"),
                          test_count_rows (board, "history"));
}

static TavlaFeedback *
add_feedback (TavlaBoard *board,
              const char *date,
              const char *department,
              const char *category,
              const char *channel,
              const char *text,
              gboolean    personal_data)
{
  TavlaFeedbackInput input = {
    .date = date,
    .channel = channel,
    .department = department,
    .category = category,
    .text = text,
    .personal_data = personal_data,
  };
  g_autoptr(GError) error = NULL;
  TavlaFeedback *feedback = tavla_board_add_feedback (board, &input, "Maria", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (feedback);

  return feedback;
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(TavlaFeedback) feedback = NULL;
  g_autoptr(TavlaFeedback) again = NULL;
  g_autoptr(GError) error = NULL;
  TavlaFeedbackInput input = {
    .date = " 2026-11-20 ",
    .channel = "e-service",
    .department = "SOC",
    .category = "complaint",
    .text = "  Väntade tre veckor på svar om försörjningsstöd.  ",
    .passed_on = TRUE,
  };

  feedback = tavla_board_add_feedback (fixture->board, &input, "Maria", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tavla_feedback_get_date (feedback), ==, "2026-11-20");
  g_assert_cmpint (tavla_feedback_get_channel (feedback), ==, TAVLA_FEEDBACK_CHANNEL_E_SERVICE);
  g_assert_cmpstr (tavla_feedback_get_department (feedback), ==, "Socialförvaltningen");
  g_assert_cmpint (tavla_feedback_get_category (feedback), ==, TAVLA_FEEDBACK_CATEGORY_COMPLAINT);
  g_assert_cmpstr (tavla_feedback_get_text (feedback), ==, "Väntade tre veckor på svar om försörjningsstöd.");
  g_assert_false (tavla_feedback_get_personal_data (feedback));
  /* Passed on without a day: the day it came in. */
  g_assert_true (tavla_feedback_get_passed_on (feedback));
  g_assert_cmpstr (tavla_feedback_get_passed_on_date (feedback), ==, "2026-11-20");
  g_assert_null (tavla_feedback_get_purged (feedback));

  again = tavla_board_get_feedback (fixture->board, tavla_feedback_get_id (feedback), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tavla_feedback_get_text (again), ==, tavla_feedback_get_text (feedback));

  /* The board's model has it. */
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_feedback_model (fixture->board)), ==, 1);

  g_assert_null (tavla_board_get_feedback (fixture->board, 999, &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
}

typedef struct
{
  const char *date;
  const char *channel;
  const char *department;
  const char *category;
  const char *text;
  const char *passed_on_date;
  const char *field;
  const char *words;
} BadInput;

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *long_text = g_strnfill (TAVLA_FEEDBACK_MAX_TEXT + 1, 'x');
  const BadInput cases[] = {
    { NULL, "phone", "SOC", "complaint", "Text", NULL, "date", "empty" },
    { "2026-13-01", "phone", "SOC", "complaint", "Text", NULL, "date", "2026-13-01" },
    { "20/11/2026", "phone", "SOC", "complaint", "Text", NULL, "date", "YYYY-MM-DD" },
    { "2026-11-26", "phone", "SOC", "complaint", "Text", NULL, "date", "future" },
    { "2026-11-20", NULL, "SOC", "complaint", "Text", NULL, "channel", "empty" },
    { "2026-11-20", "fax", "SOC", "complaint", "Text", NULL, "channel", "“fax”" },
    { "2026-11-20", "other", "SOC", "complaint", "Text", NULL, "channel", "“other”" },
    { "2026-11-20", "phone", "", "complaint", "Text", NULL, "department", "empty" },
    { "2026-11-20", "phone", "Kulturförvaltningen", "complaint", "Text", NULL, "department", "does not exist" },
    { "2026-11-20", "phone", "SOC", NULL, "Text", NULL, "category", "empty" },
    { "2026-11-20", "phone", "SOC", "klagomål", "Text", NULL, "category", "“klagomål”" },
    { "2026-11-20", "phone", "SOC", "other", "Text", NULL, "category", "“other”" },
    { "2026-11-20", "phone", "SOC", "complaint", "   ", NULL, "text", "empty" },
    { "2026-11-20", "phone", "SOC", "complaint", long_text, NULL, "text", "4000" },
    { "2026-11-20", "phone", "SOC", "complaint", "Text", "igår", "passed-on", "“igår”" },
    { "2026-11-20", "phone", "SOC", "complaint", "Text", "2026-11-19", "passed-on", "before" },
    { "2026-11-20", "phone", "SOC", "complaint", "Text", "2026-12-01", "passed-on", "future" },
  };
  g_autofree char *before = count_all (fixture->board);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TavlaFeedbackInput input = {
        .date = cases[i].date,
        .channel = cases[i].channel,
        .department = cases[i].department,
        .category = cases[i].category,
        .text = cases[i].text,
        .passed_on_date = cases[i].passed_on_date,
      };
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) check_error = NULL;
      g_autoptr(TavlaFeedback) feedback = NULL;
      g_autofree char *after = NULL;
      const char *field = NULL;
      const char *check_field = NULL;

      g_test_message ("case %u: %s", i, cases[i].words);
      feedback = tavla_board_add_feedback (fixture->board, &input, NULL, &field, &error);
      g_assert_null (feedback);
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      g_assert_cmpstr (field, ==, cases[i].field);
      g_assert_nonnull (strstr (error->message, cases[i].words));

      /* The form's check says the same. */
      g_assert_false (tavla_board_check_feedback (fixture->board, &input, &check_field, &check_error));
      g_assert_cmpstr (check_field, ==, cases[i].field);
      g_assert_cmpstr (check_error->message, ==, error->message);

      after = count_all (fixture->board);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_pass_on (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TavlaFeedback) feedback = add_feedback (fixture->board, "2026-11-02", "SBF", "suggestion",
                                                    "visit", "Skyltningen till bygglov är otydlig.", FALSE);
  g_autoptr(TavlaFeedback) passed = NULL;
  g_autoptr(TavlaFeedback) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *field = NULL;
  gint64 id = tavla_feedback_get_id (feedback);

  g_assert_false (tavla_feedback_get_passed_on (feedback));

  before = count_all (fixture->board);
  g_assert_null (tavla_board_pass_on_feedback (fixture->board, id, 0, "2026-11-01", NULL, &field, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "passed-on");
  g_clear_error (&error);
  g_assert_null (tavla_board_pass_on_feedback (fixture->board, id, tavla_feedback_get_version (feedback) + 1,
                                               "2026-11-03", NULL, NULL, &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  after = count_all (fixture->board);
  g_assert_cmpstr (after, ==, before);

  passed = tavla_board_pass_on_feedback (fixture->board, id, tavla_feedback_get_version (feedback),
                                         "2026-11-03", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tavla_feedback_get_passed_on (passed));
  g_assert_cmpstr (tavla_feedback_get_passed_on_date (passed), ==, "2026-11-03");

  field = NULL;
  again = tavla_board_pass_on_feedback (fixture->board, id, 0, NULL, NULL, &field, &error);
  g_assert_null (again);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "passed-on");
}

/* The days on each side of the tertial boundaries, in 2026-T2 and
 * -T3 and around them. */
static void
test_summary_boundaries (Fixture       *fixture,
                         gconstpointer  data)
{
  const struct { const char *date; const char *department; const char *category; const char *channel; } rows[] = {
    { "2026-04-30", "SOC", "complaint", "phone" },     /* T1 */
    { "2026-05-01", "SOC", "complaint", "phone" },     /* T2 */
    { "2026-08-31", "SBF", "praise", "email" },        /* T2 */
    { "2026-09-01", "SOC", "complaint", "phone" },     /* T3 */
    { "2026-09-01", "SBF", "suggestion", "visit" },    /* T3 */
    { "2026-11-24", "SOC", "question", "social" },     /* T3 */
    { "2026-11-25", "SBF", "complaint", "e-service" }, /* T3, today */
  };
  g_autoptr(TavlaFeedbackSummary) t3 = NULL;
  g_autoptr(TavlaFeedbackSummary) t2 = NULL;
  g_autoptr(TavlaFeedbackSummary) t1 = NULL;
  g_autoptr(TavlaFeedbackSummary) soc = NULL;
  g_autoptr(TavlaFeedbackSummary) empty = NULL;
  g_autoptr(TavlaItem) item = test_add_item (fixture->board, "Tydligare skyltning");
  g_autoptr(TavlaItem) linked = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[G_N_ELEMENTS (rows)];
  TavlaFeedbackCount *count = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(TavlaFeedback) feedback = add_feedback (fixture->board, rows[i].date, rows[i].department,
                                                        rows[i].category, rows[i].channel, "Synpunkt", FALSE);

      ids[i] = tavla_feedback_get_id (feedback);
    }
  linked = tavla_board_link_item_to_feedback (fixture->board, tavla_item_get_id (item), ids[4], NULL, &error);
  g_assert_no_error (error);

  t3 = tavla_board_summarize_feedback (fixture->board, "2026-T3", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (t3->period, ==, "2026-T3");
  g_assert_cmpuint (t3->all.total, ==, 4);
  g_assert_cmpuint (t3->all.categories[TAVLA_FEEDBACK_CATEGORY_COMPLAINT], ==, 2);
  g_assert_cmpuint (t3->all.categories[TAVLA_FEEDBACK_CATEGORY_SUGGESTION], ==, 1);
  g_assert_cmpuint (t3->all.categories[TAVLA_FEEDBACK_CATEGORY_QUESTION], ==, 1);
  g_assert_cmpuint (t3->all.categories[TAVLA_FEEDBACK_CATEGORY_PRAISE], ==, 0);
  g_assert_cmpuint (t3->all.channels[TAVLA_FEEDBACK_CHANNEL_PHONE], ==, 1);
  g_assert_cmpuint (t3->all.channels[TAVLA_FEEDBACK_CHANNEL_SOCIAL], ==, 1);
  g_assert_cmpuint (t3->departments->len, ==, 2);
  count = g_ptr_array_index (t3->departments, 0);
  g_assert_cmpstr (count->department, ==, "Samhällsbyggnadsförvaltningen");
  g_assert_cmpuint (count->total, ==, 2);
  count = g_ptr_array_index (t3->departments, 1);
  g_assert_cmpstr (count->department, ==, "Socialförvaltningen");
  g_assert_cmpuint (count->total, ==, 2);
  g_assert_cmpuint (t3->items->len, ==, 1);
  g_assert_cmpint (tavla_item_get_id (g_ptr_array_index (t3->items, 0)), ==, tavla_item_get_id (item));

  t2 = tavla_board_summarize_feedback (fixture->board, "2026-T2", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t2->all.total, ==, 2);
  g_assert_cmpuint (t2->items->len, ==, 0);
  t1 = tavla_board_summarize_feedback (fixture->board, "2026-T1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (t1->all.total, ==, 1);

  soc = tavla_board_summarize_feedback (fixture->board, "2026-T3", "Socialförvaltningen", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (soc->department, ==, "Socialförvaltningen");
  g_assert_cmpuint (soc->all.total, ==, 2);
  g_assert_cmpuint (soc->departments->len, ==, 1);
  g_assert_cmpuint (soc->items->len, ==, 0);

  empty = tavla_board_summarize_feedback (fixture->board, "2025-T3", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->all.total, ==, 0);
  g_assert_cmpuint (empty->departments->len, ==, 0);

  g_assert_null (tavla_board_summarize_feedback (fixture->board, "2026-T4", NULL, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tavla_board_summarize_feedback (fixture->board, "", NULL, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tavla_board_summarize_feedback (fixture->board, "2026-T3", "Kultur", &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
}

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TavlaFeedback) a = add_feedback (fixture->board, "2026-10-01", "SOC", "complaint", "phone",
                                             "Lång väntetid i telefonkön", FALSE);
  g_autoptr(TavlaFeedback) b = add_feedback (fixture->board, "2026-10-05", "SBF", "praise", "email",
                                             "Snabbt svar om bygglov", FALSE);
  g_autoptr(TavlaFeedback) c = add_feedback (fixture->board, "2026-04-05", "SBF", "complaint", "phone",
                                             "Bygglovet tog för lång tid", FALSE);
  struct { TavlaFeedbackQuery query; const char *ids; } cases[] = {
    { { 0 }, "b a c" },
    { { .period = "2026-T3" }, "b a" },
    { { .period = "2026-10" }, "b a" },
    { { .department = "SBF" }, "b c" },
    { { .category = "complaint" }, "a c" },
    { { .channel = "email" }, "b" },
    { { .search = "BYGGLOV" }, "b c" },
    { { .search = "lång bygglov" }, "c" },
    { { .search = "socialförvaltningen" }, "a" },
    { { .period = "2026-T3", .category = "complaint", .department = "SBF" }, "" },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListModel) list = tavla_board_list_feedback (fixture->board, &cases[i].query, &error);
      g_autoptr(GString) ids = g_string_new (NULL);

      g_assert_no_error (error);
      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(TavlaFeedback) feedback = g_list_model_get_item (list, j);
          gint64 id = tavla_feedback_get_id (feedback);

          g_string_append_printf (ids, "%s%s", j > 0 ? " " : "",
                                  id == tavla_feedback_get_id (a) ? "a" : id == tavla_feedback_get_id (b) ? "b" : "c");
        }
      g_assert_cmpstr (ids->str, ==, cases[i].ids);
    }

  {
    TavlaFeedbackQuery bad[] = {
      { .period = "2026-T9" }, { .department = "Okänd" }, { .channel = "fax" }, { .category = "beröm" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GListModel) list = tavla_board_list_feedback (fixture->board, &bad[i], &error);

        g_assert_null (list);
        g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
        g_clear_error (&error);
      }
  }
}

static void
test_retention (Fixture       *fixture,
                gconstpointer  data)
{
  const char *bad[] = { "0", "121", "tolv", "", "12.5", "-3" };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  g_assert_cmpuint (tavla_board_get_feedback_retention (fixture->board), ==, 24);
  before = tavla_board_dup_feedback_purge_before (fixture->board);
  g_assert_cmpstr (before, ==, "2024-11-25");

  g_assert_true (tavla_board_set_feedback_retention (fixture->board, " 6 ", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tavla_board_get_feedback_retention (fixture->board), ==, 6);
  g_clear_pointer (&before, g_free);
  before = tavla_board_dup_feedback_purge_before (fixture->board);
  g_assert_cmpstr (before, ==, "2026-05-25");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (tavla_board_set_feedback_retention (fixture->board, bad[i], NULL, &error));
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "1 to 120"));
      g_clear_error (&error);
    }
  g_assert_cmpuint (tavla_board_get_feedback_retention (fixture->board), ==, 6);
}

/* The database file and its write-ahead log, as bytes. */
static GBytes *
read_files (TavlaBoard *board)
{
  g_autofree char *wal = g_strconcat (tavla_board_get_path (board), "-wal", NULL);
  g_autoptr(GByteArray) all = g_byte_array_new ();
  const char *paths[] = { tavla_board_get_path (board), wal };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (paths[i], &contents, &length, NULL))
        g_byte_array_append (all, (guint8 *) contents, length);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&all));
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return memmem (data, length, needle, strlen (needle)) != NULL;
}

static void
test_purge (Fixture       *fixture,
            gconstpointer  data)
{
  const char *secret = "Karin Ödmark 19620412-3381 ringde om hemtjänsten";
  const char *kept = "Ingen personuppgift: parkeringen vid stadshuset";
  g_autoptr(TavlaFeedback) old = add_feedback (fixture->board, "2024-03-04", "SOC", "complaint", "phone",
                                               secret, TRUE);
  g_autoptr(TavlaFeedback) old_plain = add_feedback (fixture->board, "2024-03-05", "SBF", "suggestion", "visit",
                                                     kept, FALSE);
  g_autoptr(TavlaFeedback) recent = add_feedback (fixture->board, "2026-11-02", "SOC", "question", "email",
                                                  "Sven Berg frågade om färdtjänst", TRUE);
  g_autoptr(TavlaFeedback) purged = NULL;
  g_autoptr(TavlaFeedback) still = NULL;
  g_autoptr(TavlaFeedbackSummary) summary = NULL;
  g_autoptr(GBytes) bytes_before = NULL;
  g_autoptr(GBytes) bytes_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *rows_before = NULL;
  g_autofree char *rows_after = NULL;
  guint count = 99;

  /* The text is there before (the test can fail). */
  bytes_before = read_files (fixture->board);
  g_assert_true (bytes_contain (bytes_before, "19620412-3381"));

  /* Bad days write nothing. */
  rows_before = count_all (fixture->board);
  g_assert_false (tavla_board_purge_feedback (fixture->board, "2027-01-01", NULL, &count, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tavla_board_purge_feedback (fixture->board, "", NULL, &count, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tavla_board_purge_feedback (fixture->board, "2024-02-30", NULL, &count, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  rows_after = count_all (fixture->board);
  g_assert_cmpstr (rows_after, ==, rows_before);

  /* Before its own day: not purged. */
  g_assert_true (tavla_board_purge_feedback (fixture->board, "2024-03-04", NULL, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 0);

  g_assert_true (tavla_board_purge_feedback (fixture->board, "2024-11-25", "Maria", &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);

  purged = tavla_board_get_feedback (fixture->board, tavla_feedback_get_id (old), &error);
  g_assert_no_error (error);
  g_assert_null (tavla_feedback_get_text (purged));
  g_assert_cmpstr (tavla_feedback_get_purged (purged), ==, TEST_TODAY);
  display = tavla_feedback_dup_display_text (purged);
  g_assert_nonnull (strstr (display, TEST_TODAY));
  g_assert_null (strstr (display, "Karin"));
  /* The rest of the row stays, so the counts stay. */
  g_assert_cmpstr (tavla_feedback_get_date (purged), ==, "2024-03-04");
  g_assert_cmpint (tavla_feedback_get_category (purged), ==, TAVLA_FEEDBACK_CATEGORY_COMPLAINT);
  summary = tavla_board_summarize_feedback (fixture->board, "2024-T1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->all.total, ==, 2);

  still = tavla_board_get_feedback (fixture->board, tavla_feedback_get_id (recent), &error);
  g_assert_cmpstr (tavla_feedback_get_text (still), ==, "Sven Berg frågade om färdtjänst");
  g_clear_object (&still);
  still = tavla_board_get_feedback (fixture->board, tavla_feedback_get_id (old_plain), &error);
  g_assert_cmpstr (tavla_feedback_get_text (still), ==, kept);

  /* Gone from the database file and the log, history included; the log
   * was checkpointed and truncated. */
  {
    g_autofree char *wal = g_strconcat (tavla_board_get_path (fixture->board), "-wal", NULL);
    GStatBuf st;

    g_assert_true (g_stat (wal, &st) != 0 || st.st_size == 0);
  }
  bytes_after = read_files (fixture->board);
  g_assert_false (bytes_contain (bytes_after, "19620412-3381"));
  g_assert_false (bytes_contain (bytes_after, "Karin"));
  g_assert_true (bytes_contain (bytes_after, "Sven Berg"));
  g_assert_true (bytes_contain (bytes_after, "parkeringen vid stadshuset"));

  /* Purging again finds nothing more. */
  g_assert_true (tavla_board_purge_feedback (fixture->board, "2024-11-25", NULL, &count, &error));
  g_assert_cmpuint (count, ==, 0);
}

static void
test_history_has_no_text (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TavlaFeedback) feedback = add_feedback (fixture->board, "2026-11-10", "SOC", "complaint", "letter",
                                                    "Lisa Holm klagar på handläggningen", TRUE);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint rows = 0;

  g_assert_cmpint (sqlite3_open_v2 (tavla_board_get_path (fixture->board), &db, SQLITE_OPEN_READONLY, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT field, coalesce(old_value, ''), coalesce(new_value, ''),"
                                           " coalesce(note, '') FROM history WHERE object_kind = 'feedback'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      rows++;
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "created");
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "2026-11-10");
      g_assert_null (strstr ((const char *) sqlite3_column_text (stmt, 3), "Lisa"));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (rows, ==, 1);
}

static void
test_link_item (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TavlaFeedback) feedback = add_feedback (fixture->board, "2026-11-10", "SOC", "suggestion", "phone",
                                                    "Ring upp när ärendet är klart", FALSE);
  g_autoptr(TavlaItem) item = test_add_item (fixture->board, "Återuppringning");
  g_autoptr(TavlaItem) linked = NULL;
  g_autoptr(TavlaItem) again = NULL;
  g_autoptr(TavlaFeedback) reread = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 history_before = 0;

  linked = tavla_board_link_item_to_feedback (fixture->board, tavla_item_get_id (item),
                                              tavla_feedback_get_id (feedback), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tavla_item_get_n_links (linked), ==, 1);

  history_before = test_count_rows (fixture->board, "history");
  again = tavla_board_link_item_to_feedback (fixture->board, tavla_item_get_id (item),
                                             tavla_feedback_get_id (feedback), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, history_before);

  reread = tavla_board_get_feedback (fixture->board, tavla_feedback_get_id (feedback), &error);
  g_assert_cmpuint (tavla_feedback_get_n_items (reread), ==, 1);
  items = tavla_board_list_feedback_items (fixture->board, tavla_feedback_get_id (feedback), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);

  g_assert_null (tavla_board_link_item_to_feedback (fixture->board, 999, tavla_feedback_get_id (feedback),
                                                    NULL, &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (tavla_board_link_item_to_feedback (fixture->board, tavla_item_get_id (item), 999, NULL, &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
}

static void
test_act (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(TavlaFeedback) feedback = add_feedback (fixture->board, "2026-11-10", "SBF", "complaint", "phone",
                                                    "Fick olika besked om strandskydd", FALSE);
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(TavlaItem) other = NULL;
  g_autoptr(TavlaFeedback) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TavlaItemChange fields = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "Gemensam svarsmall om strandskydd" };
  TavlaItemChange blank = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "  " };
  TavlaItemChange elsewhere = {
    .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_DEPARTMENT | TAVLA_ITEM_FIELD_SOURCE,
    .title = "Kunskapsbanken om strandskydd", .department = "Socialförvaltningen", .source = TAVLA_SOURCE_WEEKLY,
  };

  item = tavla_board_act_on_feedback (fixture->board, tavla_feedback_get_id (feedback), &fields, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_item_get_source (item), ==, TAVLA_SOURCE_FEEDBACK);
  g_assert_cmpstr (tavla_item_get_department (item), ==, "Samhällsbyggnadsförvaltningen");
  g_assert_cmpuint (tavla_item_get_n_links (item), ==, 1);
  reread = tavla_board_get_feedback (fixture->board, tavla_feedback_get_id (feedback), &error);
  g_assert_cmpuint (tavla_feedback_get_n_items (reread), ==, 1);

  /* A department given is kept; the source is always feedback. */
  other = tavla_board_act_on_feedback (fixture->board, tavla_feedback_get_id (feedback), &elsewhere, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tavla_item_get_department (other), ==, "Socialförvaltningen");
  g_assert_cmpint (tavla_item_get_source (other), ==, TAVLA_SOURCE_FEEDBACK);

  before = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                            test_count_rows (fixture->board, "item"), test_count_rows (fixture->board, "item_link"),
                            test_count_rows (fixture->board, "history"));
  g_assert_null (tavla_board_act_on_feedback (fixture->board, tavla_feedback_get_id (feedback), &blank, NULL, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tavla_board_act_on_feedback (fixture->board, 999, &fields, NULL, &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
  after = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                           test_count_rows (fixture->board, "item"), test_count_rows (fixture->board, "item_link"),
                           test_count_rows (fixture->board, "history"));
  g_assert_cmpstr (after, ==, before);
}

static void
test_names (void)
{
  TavlaFeedbackChannel channel = TAVLA_FEEDBACK_CHANNEL_PHONE;
  TavlaFeedbackCategory category = TAVLA_FEEDBACK_CATEGORY_COMPLAINT;

  for (guint i = 0; i <= TAVLA_FEEDBACK_CHANNEL_OTHER; i++)
    {
      g_assert_true (tavla_feedback_channel_from_string (tavla_feedback_channel_to_string (i), &channel));
      g_assert_cmpuint (channel, ==, i);
      g_assert_nonnull (tavla_feedback_channel_get_label (i));
    }
  for (guint i = 0; i <= TAVLA_FEEDBACK_CATEGORY_OTHER; i++)
    {
      g_assert_true (tavla_feedback_category_from_string (tavla_feedback_category_to_string (i), &category));
      g_assert_cmpuint (category, ==, i);
    }
  g_assert_false (tavla_feedback_channel_from_string ("Phone", &channel));
  g_assert_false (tavla_feedback_category_from_string (NULL, &category));
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

  g_test_add_func ("/feedback/names", test_names);
#define ADD(path, func) \
  g_test_add ("/feedback/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add", test_add);
  ADD ("bad-input", test_bad_input);
  ADD ("pass-on", test_pass_on);
  ADD ("summary-boundaries", test_summary_boundaries);
  ADD ("list-filters", test_list_filters);
  ADD ("retention", test_retention);
  ADD ("purge", test_purge);
  ADD ("history-has-no-text", test_history_has_no_text);
  ADD ("link-item", test_link_item);
  ADD ("act", test_act);
#undef ADD

  return g_test_run ();
}
