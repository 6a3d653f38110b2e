/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "test-common.h"

typedef struct
{
  TestTmpdir *dir;
  TavlaBoard *board;
} Fixture;

/* The board of the tests: two response groups, the answer rate per group
 * and week, the NKI treatment score and the cases passed on per month. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TavlaMetricInput answer_rate = {
    .name = "Svarsfrekvens", .unit = "percent", .direction = "higher", .target = "95",
    .period = "week", .per_group = TRUE,
  };
  TavlaMetricInput treatment = {
    .name = "NKI bemötande", .unit = "score", .direction = "higher", .target = "4.3", .period = "month",
  };
  TavlaMetricInput passed_on = {
    .name = "Överlämnade ärenden", .unit = "count", .direction = "lower", .target = "50",
    .period = "month",
  };
  TavlaMetricInput resolved = {
    .name = "Lösta i kundcenter", .unit = "percent", .direction = "higher", .target = "70",
    .period = "month",
  };
  const TavlaMetricInput *metrics[] = { &answer_rate, &treatment, &passed_on, &resolved };
  g_autoptr(GError) error = NULL;

  fixture->dir = test_tmpdir_new ();
  fixture->board = test_board_new_staffed (fixture->dir);

  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    {
      g_autoptr(TavlaMetric) metric = tavla_board_add_metric (fixture->board, metrics[i], NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (metric);
    }

  g_clear_object (&(TavlaResponseGroup *) { tavla_board_add_response_group (fixture->board, "Socialtjänst", NULL, &error) });
  g_assert_no_error (error);
  g_clear_object (&(TavlaResponseGroup *) { tavla_board_add_response_group (fixture->board, "Barn och utbildning", NULL, &error) });
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->board);
  test_tmpdir_free (fixture->dir);
}

static void
record (Fixture     *fixture,
        const char  *metric,
        const char  *period,
        const char  *group,
        const char  *value,
        const char  *numerator,
        const char  *denominator,
        const char  *respondents)
{
  TavlaMeasurementInput input = {
    .metric = metric, .period = period, .group = group, .value = value,
    .numerator = numerator, .denominator = denominator, .respondents = respondents,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMeasurement) measurement = NULL;

  measurement = tavla_board_record_measurement (fixture->board, &input, "Maria Ek", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (measurement);
}

static void
record_ratio (Fixture    *fixture,
              const char *period,
              const char *group,
              const char *numerator,
              const char *denominator)
{
  record (fixture, "Svarsfrekvens", period, group, NULL, numerator, denominator, NULL);
}

static GPtrArray *
series (Fixture          *fixture,
        const char       *metric,
        const char       *group,
        TavlaPeriodKind   rollup,
        const char       *from,
        const char       *to)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *points = tavla_board_get_series (fixture->board, metric, group, rollup, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (points);

  return points;
}

static TavlaSeriesPoint *
point (GPtrArray *points,
       guint      index)
{
  g_assert_cmpuint (index, <, points->len);

  return g_ptr_array_index (points, index);
}

static void
assert_close (double value,
              double expected)
{
  if (fabs (value - expected) > 1e-6)
    g_error ("expected %.9g, got %.9g", expected, value);
}

/* ---- Metrics and groups ---------------------------------------------- */

static void
test_metric_add_refuses (Fixture       *fixture,
                         gconstpointer  data)
{
  struct {
    TavlaMetricInput input;
    const char *field;
    const char *fragment;
  } bad[] = {
    { { .name = " ", .unit = "percent", .direction = "higher", .target = "95" }, "name", "Name is empty" },
    { { .name = "svarsfrekvens", .unit = "percent", .direction = "higher", .target = "95" }, "name",
      "already taken by the metric “Svarsfrekvens”" },
    { { .name = "X", .direction = "higher", .target = "95" }, "unit", "Unit is empty" },
    { { .name = "X", .unit = "procent", .direction = "higher", .target = "95" }, "unit",
      "Unit “procent” is not known; write percent, score or count" },
    { { .name = "X", .unit = "percent", .target = "95" }, "direction", "Direction is empty" },
    { { .name = "X", .unit = "percent", .direction = "up", .target = "95" }, "direction",
      "Direction “up” is not known" },
    { { .name = "X", .unit = "percent", .direction = "higher" }, "target", "Target is empty" },
    { { .name = "X", .unit = "percent", .direction = "higher", .target = "hög" }, "target",
      "Target “hög” is not a number" },
    { { .name = "X", .unit = "percent", .direction = "higher", .target = "120" }, "target",
      "write a number from 0 to 100" },
    { { .name = "X", .unit = "score", .direction = "higher", .target = "7" }, "target",
      "outside the score scale" },
    { { .name = "X", .unit = "count", .direction = "lower", .target = "-1" }, "target", "negative" },
    { { .name = "X", .unit = "count", .direction = "lower", .target = "1", .period = "day" }, "period",
      "per week or per month" },
    { { .name = "X", .unit = "count", .direction = "lower", .target = "1", .period = "tertial" }, "period",
      "per week or per month" },
  };
  gint64 before = test_count_rows (fixture->board, "metric");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TavlaMetric) metric = NULL;
      const char *field = NULL;

      metric = tavla_board_add_metric (fixture->board, &bad[i].input, NULL, &field, &error);
      g_assert_null (metric);
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      g_assert_cmpstr (field, ==, bad[i].field);
      if (strstr (error->message, bad[i].fragment) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, bad[i].fragment);
    }

  g_assert_cmpint (test_count_rows (fixture->board, "metric"), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_metrics (fixture->board)), ==, 4);
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaResponseGroup) group = NULL;
  g_autoptr(TavlaResponseGroup) found = NULL;
  GListModel *groups = tavla_board_get_response_groups (fixture->board);

  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 2);

  group = tavla_board_add_response_group (fixture->board, "SOCIALTJÄNST", NULL, &error);
  g_assert_null (group);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already taken by the response group “Socialtjänst”"));
  g_clear_error (&error);

  group = tavla_board_add_response_group (fixture->board, "", NULL, &error);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (fixture->board, "response_group"), ==, 2);

  group = tavla_board_set_response_group_active (fixture->board, "socialtjänst", FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (tavla_response_group_get_active (group));
  found = tavla_board_find_response_group (fixture->board, "Socialtjänst");
  g_assert_false (tavla_response_group_get_active (found));

  /* An inactive group keeps taking figures. */
  record_ratio (fixture, "2026-W10", "Socialtjänst", "90", "100");
}

/* ---- Measurements ------------------------------------------------------ */

static void
test_record_and_correct (Fixture       *fixture,
                         gconstpointer  data)
{
  TavlaMeasurementInput input = {
    .metric = "Svarsfrekvens", .period = "2026-W47", .group = "Socialtjänst",
    .numerator = "912", .denominator = "960",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMeasurement) first = NULL;
  g_autoptr(TavlaMeasurement) again = NULL;
  g_autoptr(TavlaMeasurement) corrected = NULL;
  g_autoptr(TavlaMeasurement) fetched = NULL;
  g_autoptr(GListModel) history = NULL;
  TavlaRecordOutcome outcome = TAVLA_RECORD_UNCHANGED;

  first = tavla_board_record_measurement (fixture->board, &input, "Maria Ek", &outcome, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, TAVLA_RECORD_ADDED);
  g_assert_true (first->has_ratio);
  assert_close (first->value, 95.0);
  g_assert_false (first->deviation);
  g_assert_cmpstr (first->group, ==, "Socialtjänst");
  g_assert_cmpstr (first->period, ==, "2026-W47");

  /* The same figures again change nothing. */
  again = tavla_board_record_measurement (fixture->board, &input, "Maria Ek", &outcome, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, TAVLA_RECORD_UNCHANGED);
  g_assert_cmpint (again->version, ==, 1);

  /* Recording again corrects it, with history. */
  input.numerator = "880";
  corrected = tavla_board_record_measurement (fixture->board, &input, "Bo Ek", &outcome, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, TAVLA_RECORD_CORRECTED);
  g_assert_cmpint (corrected->id, ==, first->id);
  g_assert_cmpint (corrected->version, ==, 2);
  assert_close (corrected->value, 880.0 / 960.0 * 100.0);
  g_assert_true (corrected->deviation);
  g_assert_cmpint (test_count_rows (fixture->board, "measurement"), ==, 1);

  history = tavla_board_list_measurement_history (fixture->board, first->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  {
    g_autoptr(TavlaHistoryEntry) created = g_list_model_get_item (history, 0);
    g_autoptr(TavlaHistoryEntry) change = g_list_model_get_item (history, 1);
    g_autofree char *sentence = tavla_history_entry_describe (change);

    g_assert_cmpstr (tavla_history_entry_get_field (created), ==, "created");
    g_assert_cmpstr (tavla_history_entry_get_new_value (created), ==, "912/960");
    g_assert_cmpstr (tavla_history_entry_get_field (change), ==, "numerator");
    g_assert_cmpstr (tavla_history_entry_get_old_value (change), ==, "912");
    g_assert_cmpstr (tavla_history_entry_get_new_value (change), ==, "880");
    g_assert_cmpstr (tavla_history_entry_get_actor (change), ==, "Bo Ek");
    g_assert_cmpstr (sentence, ==, "Numerator: 912 → 880");
  }

  /* Switching from a ratio to a value is a correction too. */
  g_clear_pointer (&corrected, tavla_measurement_free);
  input.numerator = NULL;
  input.denominator = NULL;
  input.value = "96,5";
  corrected = tavla_board_record_measurement (fixture->board, &input, NULL, &outcome, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, TAVLA_RECORD_CORRECTED);
  g_assert_false (corrected->has_ratio);
  assert_close (corrected->value, 96.5);

  fetched = tavla_board_get_measurement (fixture->board, "svarsfrekvens", "2026-W47", "Socialtjänst", &error);
  g_assert_no_error (error);
  assert_close (fetched->value, 96.5);
  g_clear_pointer (&fetched, tavla_measurement_free);

  fetched = tavla_board_get_measurement (fixture->board, "Svarsfrekvens", "2026-W46", "Socialtjänst", &error);
  g_assert_null (fetched);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
}

static void
test_record_refuses (Fixture       *fixture,
                     gconstpointer  data)
{
  struct {
    TavlaMeasurementInput input;
    const char *field;
    const char *fragment;
  } bad[] = {
    { { .period = "2026-W47", .value = "90" }, "metric", "Metric is empty" },
    { { .metric = "Svarfrekvens", .period = "2026-W47", .group = "Socialtjänst", .value = "90" },
      "metric", "Metric “Svarfrekvens” does not exist" },
    { { .metric = "Svarsfrekvens", .group = "Socialtjänst", .value = "90" }, "period",
      "measured per week: write the week like 2026-W47" },
    { { .metric = "Svarsfrekvens", .period = "2026-47", .group = "Socialtjänst", .value = "90" },
      "period", "Period: “2026-47” has no month 47" },
    { { .metric = "Svarsfrekvens", .period = "2026-11", .group = "Socialtjänst", .value = "90" },
      "period", "is not a week, but “Svarsfrekvens” is measured per week" },
    { { .metric = "NKI bemötande", .period = "2026-W47", .value = "4" }, "period",
      "is not a month, but “NKI bemötande” is measured per month" },
    { { .metric = "Svarsfrekvens", .period = "2026-W47", .value = "90" }, "group",
      "Group is empty, but “Svarsfrekvens” is measured per response group" },
    { { .metric = "Svarsfrekvens", .period = "2026-W47", .group = "Växeln", .value = "90" }, "group",
      "Group “Växeln” does not exist" },
    { { .metric = "NKI bemötande", .period = "2026-11", .group = "Socialtjänst", .value = "4" }, "group",
      "measured for the whole centre; leave the group empty" },
    { { .metric = "Svarsfrekvens", .period = "2026-W47", .group = "Socialtjänst" }, "value",
      "Value is empty" },
    { { .metric = "Svarsfrekvens", .period = "2026-W47", .group = "Socialtjänst", .value = "90",
        .numerator = "9", .denominator = "10" }, "value", "both given" },
    { { .metric = "Svarsfrekvens", .period = "2026-W47", .group = "Socialtjänst", .numerator = "9" },
      "denominator", "Denominator is empty" },
    { { .metric = "Svarsfrekvens", .period = "2026-W47", .group = "Socialtjänst", .denominator = "9" },
      "numerator", "Numerator is empty" },
    { { .metric = "Svarsfrekvens", .period = "2026-W47", .group = "Socialtjänst", .value = "nittio" },
      "value", "Value “nittio” is not a number" },
    { { .metric = "Svarsfrekvens", .period = "2026-W47", .group = "Socialtjänst", .numerator = "x",
        .denominator = "10" }, "numerator", "Numerator “x” is not a number" },
    { { .metric = "Svarsfrekvens", .period = "2026-W47", .group = "Socialtjänst", .numerator = "11",
        .denominator = "10" }, "numerator", "Numerator 11 is larger than denominator 10" },
    { { .metric = "Svarsfrekvens", .period = "2026-W47", .group = "Socialtjänst", .numerator = "0",
        .denominator = "0" }, "denominator", "Denominator is 0" },
    { { .metric = "Svarsfrekvens", .period = "2026-W47", .group = "Socialtjänst", .value = "-5" },
      "value", "Value -5 is negative" },
    { { .metric = "Svarsfrekvens", .period = "2026-W47", .group = "Socialtjänst", .numerator = "-1",
        .denominator = "10" }, "numerator", "Numerator -1 is negative" },
    { { .metric = "Svarsfrekvens", .period = "2026-W47", .group = "Socialtjänst", .value = "101" },
      "value", "above 100" },
    { { .metric = "NKI bemötande", .period = "2026-11", .value = "5.5" }, "value",
      "Value 5.5 is outside the score scale; write a score from 1 to 5" },
    { { .metric = "NKI bemötande", .period = "2026-11", .value = "0.5" }, "value", "outside the score scale" },
    { { .metric = "NKI bemötande", .period = "2026-11", .numerator = "4", .denominator = "5" }, "numerator",
      "only apply to percentages" },
    { { .metric = "NKI bemötande", .period = "2026-11", .value = "4", .respondents = "0" }, "respondents",
      "not a whole number of at least 1" },
    { { .metric = "NKI bemötande", .period = "2026-11", .value = "4", .respondents = "2.5" },
      "respondents", "not a whole number of at least 1" },
    { { .metric = "Överlämnade ärenden", .period = "2026-11", .value = "3.5" }, "value",
      "not a whole number" },
    { { .metric = "Överlämnade ärenden", .period = "2026-11", .value = "3", .respondents = "5" },
      "respondents", "Respondents only apply to scores" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) check_error = NULL;
      g_autoptr(TavlaMeasurement) measurement = NULL;
      const char *field = NULL;
      const char *check_field = NULL;

      measurement = tavla_board_record_measurement (fixture->board, &bad[i].input, NULL, NULL, &field, &error);
      g_assert_null (measurement);
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      if (strstr (error->message, bad[i].fragment) == NULL || g_strcmp0 (field, bad[i].field) != 0)
        g_error ("case %u: “%s” (field %s) lacks “%s” (field %s)", i, error->message, field,
                 bad[i].fragment, bad[i].field);

      /* The check alone says the same. */
      g_assert_false (tavla_board_check_measurement (fixture->board, &bad[i].input, &check_field, &check_error));
      g_assert_cmpstr (check_error->message, ==, error->message);
      g_assert_cmpstr (check_field, ==, field);
    }

  g_assert_cmpint (test_count_rows (fixture->board, "measurement"), ==, 0);
  g_assert_cmpint (test_count_rows (fixture->board, "deviation"), ==, 0);
}

/* ---- Roll-ups ------------------------------------------------------------ */

static void
test_rollup_ratio_not_mean_of_means (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GPtrArray) weeks = NULL;
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) tertials = NULL;
  g_autoptr(GPtrArray) years = NULL;

  /* Two March weeks: 80 % of 100 calls and 98 % of 2000 calls. The mean of
   * the weekly percentages is 89 % (a deviation from 95 %); the true
   * answer rate is 2040 / 2100 = 97.14 % (on target). */
  record_ratio (fixture, "2026-W11", "Socialtjänst", "80", "100");
  record_ratio (fixture, "2026-W12", "Socialtjänst", "1960", "2000");

  weeks = series (fixture, "Svarsfrekvens", "Socialtjänst", TAVLA_PERIOD_WEEK, NULL, NULL);
  g_assert_cmpuint (weeks->len, ==, 2);
  assert_close (point (weeks, 0)->value, 80.0);
  g_assert_true (point (weeks, 0)->deviation);
  g_assert_cmpint (point (weeks, 0)->deviation_id, >, 0);
  g_assert_false (point (weeks, 1)->deviation);
  g_assert_cmpint (point (weeks, 1)->deviation_id, ==, 0);

  months = series (fixture, "Svarsfrekvens", "Socialtjänst", TAVLA_PERIOD_MONTH, NULL, NULL);
  g_assert_cmpuint (months->len, ==, 1);
  g_assert_cmpstr (point (months, 0)->period, ==, "2026-03");
  g_assert_true (point (months, 0)->has_ratio);
  assert_close (point (months, 0)->numerator, 2040.0);
  assert_close (point (months, 0)->denominator, 2100.0);
  assert_close (point (months, 0)->value, 2040.0 / 2100.0 * 100.0);
  g_assert_false (point (months, 0)->deviation);
  g_assert_cmpuint (point (months, 0)->n_measurements, ==, 2);
  g_assert_cmpint (point (months, 0)->deviation_id, ==, 0);
  assert_close (point (months, 0)->target, 95.0);

  tertials = series (fixture, "Svarsfrekvens", "Socialtjänst", TAVLA_PERIOD_TERTIAL, NULL, NULL);
  g_assert_cmpstr (point (tertials, 0)->period, ==, "2026-T1");
  assert_close (point (tertials, 0)->value, 2040.0 / 2100.0 * 100.0);

  years = series (fixture, "Svarsfrekvens", "Socialtjänst", TAVLA_PERIOD_YEAR, NULL, NULL);
  g_assert_cmpstr (point (years, 0)->period, ==, "2026");
  assert_close (point (years, 0)->value, 2040.0 / 2100.0 * 100.0);
}

static void
test_rollup_groups_to_overall (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) overall = NULL;
  g_autoptr(GPtrArray) monthly = NULL;
  g_autoptr(GPtrArray) group = NULL;
  g_autoptr(GError) error = NULL;

  /* A small group at 50 % and a large one at 99 %: overall is 94.5 %, not
   * the 74.5 % mean of the two groups. */
  record_ratio (fixture, "2026-W20", "Socialtjänst", "50", "100");
  record_ratio (fixture, "2026-W20", "Barn och utbildning", "990", "1000");
  record_ratio (fixture, "2026-W21", "Barn och utbildning", "300", "300");

  overall = series (fixture, "Svarsfrekvens", NULL, TAVLA_PERIOD_WEEK, NULL, NULL);
  g_assert_cmpuint (overall->len, ==, 2);
  assert_close (point (overall, 0)->value, 1040.0 / 1100.0 * 100.0);
  g_assert_cmpuint (point (overall, 0)->n_measurements, ==, 2);
  g_assert_true (point (overall, 0)->deviation);
  /* The overall week is a deviation of its own, followed up for the whole
   * centre, although Barn och utbildning is on target. */
  g_assert_cmpint (point (overall, 0)->deviation_id, >, 0);
  {
    g_autoptr(TavlaDeviation) deviation = tavla_board_get_deviation (fixture->board,
                                                                     point (overall, 0)->deviation_id, &error);

    g_assert_no_error (error);
    g_assert_null (tavla_deviation_get_group (deviation));
    g_assert_cmpstr (tavla_deviation_get_period (deviation), ==, "2026-W20");
    assert_close (tavla_deviation_get_value (deviation), 1040.0 / 1100.0 * 100.0);
  }
  assert_close (point (overall, 1)->value, 100.0);
  g_assert_cmpint (point (overall, 1)->deviation_id, ==, 0);

  /* Lists give the groups' deviations; the centre's on request. */
  {
    TavlaDeviationQuery groups_only = { NULL, };
    TavlaDeviationQuery with_overall = { .include_overall = TRUE };
    TavlaDeviationQuery one_group = { .group = "Socialtjänst", .include_overall = TRUE };
    g_autoptr(GListModel) listed = tavla_board_list_deviations (fixture->board, &groups_only, &error);
    g_autoptr(GListModel) listed_all = tavla_board_list_deviations (fixture->board, &with_overall, &error);
    g_autoptr(GListModel) listed_group = tavla_board_list_deviations (fixture->board, &one_group, &error);
    g_autoptr(TavlaDeviation) first = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (listed_all), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (listed_group), ==, 1);
    first = g_list_model_get_item (listed_all, 0);
    g_assert_null (tavla_deviation_get_group (first));
  }

  monthly = series (fixture, "Svarsfrekvens", NULL, TAVLA_PERIOD_MONTH, NULL, NULL);
  g_assert_cmpuint (monthly->len, ==, 1);
  assert_close (point (monthly, 0)->value, 1340.0 / 1400.0 * 100.0);
  g_assert_cmpint (point (monthly, 0)->deviation_id, ==, 0);

  /* Socialtjänst corrects its week: overall back on target, the overall
   * deviation nobody explained goes away. */
  record_ratio (fixture, "2026-W20", "Socialtjänst", "96", "100");
  g_clear_pointer (&overall, g_ptr_array_unref);
  overall = series (fixture, "Svarsfrekvens", NULL, TAVLA_PERIOD_WEEK, NULL, NULL);
  g_assert_false (point (overall, 0)->deviation);
  g_assert_cmpint (test_count_rows (fixture->board, "deviation"), ==, 0);

  group = series (fixture, "Svarsfrekvens", "Barn och utbildning", TAVLA_PERIOD_WEEK, NULL, NULL);
  g_assert_cmpuint (group->len, ==, 2);
  assert_close (point (group, 0)->value, 99.0);

  /* A group on a metric kept for the whole centre is refused. */
  g_assert_null (tavla_board_get_series (fixture->board, "NKI bemötande", "Socialtjänst",
                                         TAVLA_PERIOD_MONTH, NULL, NULL, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Group:"));
  g_clear_error (&error);

  /* A month metric has no weekly series. */
  g_assert_null (tavla_board_get_series (fixture->board, "NKI bemötande", NULL,
                                         TAVLA_PERIOD_WEEK, NULL, NULL, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Rollup:"));
  g_clear_error (&error);

  g_assert_null (tavla_board_get_series (fixture->board, "Svarsfrekvens", NULL,
                                         TAVLA_PERIOD_WEEK, "2026-W99", NULL, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "From:"));
}

static void
test_rollup_scores_weighted (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) tertial = NULL;
  g_autoptr(GPtrArray) tertial_plain = NULL;
  g_autoptr(GPtrArray) year = NULL;

  /* 4.0 from 10 respondents and 5.0 from 30: 4.75, not the mean 4.5. */
  record (fixture, "NKI bemötande", "2026-01", NULL, "4.0", NULL, NULL, "10");
  record (fixture, "NKI bemötande", "2026-02", NULL, "5.0", NULL, NULL, "30");
  tertial = series (fixture, "NKI bemötande", NULL, TAVLA_PERIOD_TERTIAL, NULL, NULL);
  g_assert_cmpuint (tertial->len, ==, 1);
  assert_close (point (tertial, 0)->value, 4.75);
  g_assert_cmpint (point (tertial, 0)->respondents, ==, 40);
  g_assert_false (point (tertial, 0)->deviation);

  /* Without respondents nothing else is known: the plain mean. */
  record (fixture, "NKI bemötande", "2026-05", NULL, "4.0", NULL, NULL, NULL);
  record (fixture, "NKI bemötande", "2026-06", NULL, "4.4", NULL, NULL, NULL);
  tertial_plain = series (fixture, "NKI bemötande", NULL, TAVLA_PERIOD_TERTIAL, "2026-T2", "2026-T2");
  g_assert_cmpuint (tertial_plain->len, ==, 1);
  assert_close (point (tertial_plain, 0)->value, 4.2);
  g_assert_cmpint (point (tertial_plain, 0)->respondents, ==, 0);
  g_assert_true (point (tertial_plain, 0)->deviation);

  /* A year with some months lacking respondents: the plain mean of all. */
  year = series (fixture, "NKI bemötande", NULL, TAVLA_PERIOD_YEAR, NULL, NULL);
  assert_close (point (year, 0)->value, (4.0 + 5.0 + 4.0 + 4.4) / 4.0);
}

static void
test_rollup_counts_and_values (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GPtrArray) values = NULL;

  record (fixture, "Överlämnade ärenden", "2026-09", NULL, "20", NULL, NULL, NULL);
  record (fixture, "Överlämnade ärenden", "2026-10", NULL, "25", NULL, NULL, NULL);
  record (fixture, "Överlämnade ärenden", "2026-11", NULL, "40", NULL, NULL, NULL);
  counts = series (fixture, "Överlämnade ärenden", NULL, TAVLA_PERIOD_TERTIAL, NULL, NULL);
  g_assert_cmpuint (counts->len, ==, 1);
  g_assert_cmpstr (point (counts, 0)->period, ==, "2026-T3");
  assert_close (point (counts, 0)->value, 85.0);
  /* Lower is better, at most 50 a month: three months may hold 150. */
  assert_close (point (counts, 0)->target, 150.0);
  g_assert_false (point (counts, 0)->deviation);
  g_clear_pointer (&counts, g_ptr_array_unref);

  /* A fourth month of 120: 205 cases against 200. */
  record (fixture, "Överlämnade ärenden", "2026-12", NULL, "120", NULL, NULL, NULL);
  counts = series (fixture, "Överlämnade ärenden", NULL, TAVLA_PERIOD_TERTIAL, NULL, NULL);
  assert_close (point (counts, 0)->value, 205.0);
  assert_close (point (counts, 0)->target, 200.0);
  g_assert_true (point (counts, 0)->deviation);

  /* Percentages given only as values: the plain mean. */
  record (fixture, "Lösta i kundcenter", "2026-09", NULL, "60", NULL, NULL, NULL);
  record (fixture, "Lösta i kundcenter", "2026-10", NULL, "80", NULL, NULL, NULL);
  values = series (fixture, "Lösta i kundcenter", NULL, TAVLA_PERIOD_TERTIAL, NULL, NULL);
  assert_close (point (values, 0)->value, 70.0);
  g_assert_false (point (values, 0)->has_ratio);
  g_assert_false (point (values, 0)->deviation);
}

static void
test_rollup_by_thursday (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) tertials = NULL;
  g_autoptr(GPtrArray) from_may = NULL;
  g_autoptr(GPtrArray) years = NULL;

  /* 2026-W18 (Thursday 30 April) is April and T1; 2026-W19 is May, T2.
   * 2026-W01 starts in 2025 but is January 2026; 2026-W53 ends in 2027
   * but is December 2026. */
  record_ratio (fixture, "2026-W18", "Socialtjänst", "90", "100");
  record_ratio (fixture, "2026-W19", "Socialtjänst", "80", "100");
  record_ratio (fixture, "2026-W01", "Socialtjänst", "70", "100");
  record_ratio (fixture, "2026-W53", "Socialtjänst", "60", "100");

  months = series (fixture, "Svarsfrekvens", "Socialtjänst", TAVLA_PERIOD_MONTH, NULL, NULL);
  g_assert_cmpuint (months->len, ==, 4);
  g_assert_cmpstr (point (months, 0)->period, ==, "2026-01");
  assert_close (point (months, 0)->value, 70.0);
  g_assert_cmpstr (point (months, 1)->period, ==, "2026-04");
  assert_close (point (months, 1)->value, 90.0);
  g_assert_cmpstr (point (months, 2)->period, ==, "2026-05");
  assert_close (point (months, 2)->value, 80.0);
  g_assert_cmpstr (point (months, 3)->period, ==, "2026-12");

  tertials = series (fixture, "Svarsfrekvens", "Socialtjänst", TAVLA_PERIOD_TERTIAL, NULL, NULL);
  g_assert_cmpuint (tertials->len, ==, 3);
  g_assert_cmpstr (point (tertials, 0)->period, ==, "2026-T1");
  assert_close (point (tertials, 0)->value, 80.0);
  g_assert_cmpstr (point (tertials, 1)->period, ==, "2026-T2");
  g_assert_cmpstr (point (tertials, 2)->period, ==, "2026-T3");

  years = series (fixture, "Svarsfrekvens", "Socialtjänst", TAVLA_PERIOD_YEAR, NULL, NULL);
  g_assert_cmpuint (years->len, ==, 1);
  assert_close (point (years, 0)->value, 75.0);

  /* Weeks from May: the Thursday decides, so W18 stays out. */
  from_may = series (fixture, "Svarsfrekvens", "Socialtjänst", TAVLA_PERIOD_WEEK, "2026-05", "2026-T2");
  g_assert_cmpuint (from_may->len, ==, 1);
  g_assert_cmpstr (point (from_may, 0)->period, ==, "2026-W19");
}

/* ---- Deviations ---------------------------------------------------------- */

static GListModel *
deviations (Fixture                   *fixture,
            const TavlaDeviationQuery *query)
{
  g_autoptr(GError) error = NULL;
  GListModel *model = tavla_board_list_deviations (fixture->board, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (model);

  return model;
}

static void
test_deviation_rows (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) week = NULL;
  g_autoptr(GListModel) with_resolved = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(TavlaDeviation) first = NULL;
  g_autoptr(TavlaDeviation) explained = NULL;
  g_autoptr(GError) error = NULL;
  TavlaDeviationQuery week_query = { .from = "2026-W47", .to = "2026-W47" };
  TavlaDeviationQuery resolved_query = { .include_resolved = TRUE };
  TavlaDeviationQuery group_query = { .group = "Barn och utbildning", .metric = "Svarsfrekvens" };

  record_ratio (fixture, "2026-W46", "Socialtjänst", "95", "100");    /* exactly on target */
  record_ratio (fixture, "2026-W47", "Socialtjänst", "90", "100");    /* below: deviation */
  /* A large group on target keeps the overall week on target. */
  record_ratio (fixture, "2026-W47", "Barn och utbildning", "999", "1000");
  record (fixture, "Överlämnade ärenden", "2026-11", NULL, "50", NULL, NULL, NULL);   /* at most 50 */
  record (fixture, "Överlämnade ärenden", "2026-10", NULL, "51", NULL, NULL, NULL);   /* above */

  all = deviations (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  first = g_list_model_get_item (all, 0);
  g_assert_cmpstr (tavla_deviation_get_metric (first), ==, "Överlämnade ärenden");
  g_assert_cmpstr (tavla_deviation_get_period (first), ==, "2026-10");
  g_assert_null (tavla_deviation_get_group (first));
  assert_close (tavla_deviation_get_value (first), 51.0);
  assert_close (tavla_deviation_get_target (first), 50.0);
  g_clear_object (&first);

  week = deviations (fixture, &week_query);
  g_assert_cmpuint (g_list_model_get_n_items (week), ==, 1);
  first = g_list_model_get_item (week, 0);
  g_assert_cmpstr (tavla_deviation_get_period (first), ==, "2026-W47");
  g_assert_cmpstr (tavla_deviation_get_group (first), ==, "Socialtjänst");
  assert_close (tavla_deviation_get_value (first), 90.0);
  {
    g_autofree char *summary = tavla_deviation_dup_summary (first);

    g_assert_cmpstr (summary, ==, "Svarsfrekvens 90.0 % in w. 47 2026 (Socialtjänst), target 95.0 %");
  }

  g_clear_object (&week);
  week = deviations (fixture, &group_query);
  g_assert_cmpuint (g_list_model_get_n_items (week), ==, 0);

  /* A month lists every week inside it. */
  {
    TavlaDeviationQuery month_query = { .from = "2026-11", .to = "2026-11" };
    g_autoptr(GListModel) november = deviations (fixture, &month_query);

    g_assert_cmpuint (g_list_model_get_n_items (november), ==, 1);
  }

  /* A correction back on target drops a deviation nobody explained... */
  record (fixture, "Överlämnade ärenden", "2026-10", NULL, "49", NULL, NULL, NULL);
  g_assert_cmpint (test_count_rows (fixture->board, "deviation"), ==, 1);

  /* ...but keeps an explained one, marked resolved. */
  explained = tavla_board_explain_deviation (fixture->board, tavla_deviation_get_id (first),
                                             "  Korttidsfrånvaro  ", "Maria Ek", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tavla_deviation_get_cause (explained), ==, "Korttidsfrånvaro");
  record_ratio (fixture, "2026-W47", "Socialtjänst", "96", "100");
  after = deviations (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 0);
  with_resolved = deviations (fixture, &resolved_query);
  g_assert_cmpuint (g_list_model_get_n_items (with_resolved), ==, 1);
  {
    g_autoptr(TavlaDeviation) kept = g_list_model_get_item (with_resolved, 0);

    g_assert_true (tavla_deviation_get_resolved (kept));
    assert_close (tavla_deviation_get_value (kept), 96.0);
    g_assert_cmpstr (tavla_deviation_get_cause (kept), ==, "Korttidsfrånvaro");
    g_assert_cmpint (tavla_deviation_get_id (kept), ==, tavla_deviation_get_id (first));
  }

  /* Off target again: the same row, open again. */
  record_ratio (fixture, "2026-W47", "Socialtjänst", "91", "100");
  g_clear_object (&after);
  after = deviations (fixture, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
  {
    g_autoptr(TavlaDeviation) again = g_list_model_get_item (after, 0);

    g_assert_cmpint (tavla_deviation_get_id (again), ==, tavla_deviation_get_id (first));
    g_assert_false (tavla_deviation_get_resolved (again));
  }
}

static void
test_deviation_query_refuses (Fixture       *fixture,
                              gconstpointer  data)
{
  TavlaDeviationQuery bad_period = { .from = "vecka 47" };
  TavlaDeviationQuery bad_metric = { .metric = "Väntetid" };
  TavlaDeviationQuery bad_group = { .group = "Växeln" };
  const TavlaDeviationQuery *queries[] = { &bad_period, &bad_metric, &bad_group };
  const char *fragments[] = { "From: “vecka 47” is not a period", "Metric “Väntetid” does not exist",
                              "Group “Växeln” does not exist" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) model = tavla_board_list_deviations (fixture->board, queries[i], &error);

      g_assert_null (model);
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, fragments[i]));
    }
}

static TavlaDeviation *
first_deviation (Fixture *fixture)
{
  g_autoptr(GListModel) all = deviations (fixture, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (all), >, 0);

  return g_list_model_get_item (all, 0);
}

static void
test_explain (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TavlaDeviation) deviation = NULL;
  g_autoptr(TavlaDeviation) explained = NULL;
  g_autoptr(TavlaDeviation) same = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_cause = g_strnfill (1001, 'x');
  gint64 id = 0;

  record_ratio (fixture, "2026-W47", "Socialtjänst", "90", "100");
  deviation = first_deviation (fixture);
  id = tavla_deviation_get_id (deviation);
  g_assert_null (tavla_deviation_get_cause (deviation));

  g_assert_null (tavla_board_explain_deviation (fixture->board, id, "   ", NULL, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Cause is empty"));
  g_clear_error (&error);

  g_assert_null (tavla_board_explain_deviation (fixture->board, id, long_cause, NULL, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Cause is 1001 characters long"));
  g_clear_error (&error);

  g_assert_null (tavla_board_explain_deviation (fixture->board, 999, "Bemanning", NULL, &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  explained = tavla_board_explain_deviation (fixture->board, id, "Bemanning under semester", "Maria Ek", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tavla_deviation_get_cause (explained), ==, "Bemanning under semester");

  same = tavla_board_explain_deviation (fixture->board, id, "Bemanning under semester", "Maria Ek", &error);
  g_assert_no_error (error);

  history = tavla_board_list_deviation_history (fixture->board, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  {
    g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, 0);
    g_autofree char *sentence = tavla_history_entry_describe (entry);

    g_assert_cmpstr (tavla_history_entry_get_field (entry), ==, "cause");
    g_assert_cmpstr (sentence, ==, "Cause: — → Bemanning under semester");
  }
}

static void
test_act_creates_linked_item (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TavlaDeviation) deviation = NULL;
  g_autoptr(TavlaDeviation) reloaded = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(TavlaItem) in_model = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  TavlaItemChange fields = {
    .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_DUE | TAVLA_ITEM_FIELD_SOURCE,
    .title = "Förstärk telefonin på måndagar", .owner = "Anna Lindqvist", .due = "2026-12-18",
    .source = TAVLA_SOURCE_WEEKLY,
  };
  TavlaItemChange bad = { .set = TAVLA_ITEM_FIELD_TITLE, .title = "" };
  GListModel *items = tavla_board_get_items (fixture->board);
  guint n_items = g_list_model_get_n_items (items);
  const gint64 *ids = NULL;
  guint n_ids = 0;

  record_ratio (fixture, "2026-W47", "Socialtjänst", "90", "100");
  deviation = first_deviation (fixture);

  /* The item rules apply: nothing is written for a bad title. */
  g_assert_null (tavla_board_act_on_deviation (fixture->board, tavla_deviation_get_id (deviation), &bad,
                                               NULL, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (fixture->board, "item"), ==, n_items);
  g_assert_cmpint (test_count_rows (fixture->board, "item_link"), ==, 0);

  item = tavla_board_act_on_deviation (fixture->board, tavla_deviation_get_id (deviation), &fields,
                                       "Maria Ek", &error);
  g_assert_no_error (error);
  g_assert_nonnull (item);
  g_assert_cmpint (tavla_item_get_source (item), ==, TAVLA_SOURCE_DEVIATION);
  g_assert_cmpstr (tavla_item_get_owner (item), ==, "Anna Lindqvist");
  g_assert_cmpuint (tavla_item_get_n_links (item), ==, 2);
  g_assert_true (tavla_item_get_has_metric (item));

  /* The board's model has it, badge and all. */
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_items + 1);
  in_model = g_list_model_get_item (items, n_items);
  g_assert_cmpint (tavla_item_get_id (in_model), ==, tavla_item_get_id (item));
  g_assert_true (tavla_item_get_has_metric (in_model));

  links = tavla_board_list_links (fixture->board, tavla_item_get_id (item), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 2);
  g_assert_cmpstr (((TavlaLink *) g_ptr_array_index (links, 0))->kind, ==, "deviation");
  g_assert_cmpint (((TavlaLink *) g_ptr_array_index (links, 0))->target_id, ==, tavla_deviation_get_id (deviation));
  g_assert_cmpstr (((TavlaLink *) g_ptr_array_index (links, 1))->kind, ==, "metric");
  g_assert_cmpstr (((TavlaLink *) g_ptr_array_index (links, 1))->label, ==, "Svarsfrekvens");

  reloaded = tavla_board_get_deviation (fixture->board, tavla_deviation_get_id (deviation), &error);
  g_assert_no_error (error);
  ids = tavla_deviation_get_items (reloaded, &n_ids);
  g_assert_cmpuint (n_ids, ==, 1);
  g_assert_cmpint (ids[0], ==, tavla_item_get_id (item));

  history = tavla_board_list_history (fixture->board, tavla_item_get_id (item), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
  {
    g_autoptr(TavlaHistoryEntry) link = g_list_model_get_item (history, 2);
    g_autofree char *sentence = tavla_history_entry_describe (link);

    g_assert_cmpstr (sentence, ==, "Linked to Svarsfrekvens");
  }

  /* An unknown deviation writes nothing. */
  g_assert_null (tavla_board_act_on_deviation (fixture->board, 999, &fields, NULL, &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (test_count_rows (fixture->board, "item"), ==, n_items + 1);
}

static void
test_link_item_to_metric (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TavlaItem) item = test_add_item (fixture->board, "Ny telefonkö");
  g_autoptr(TavlaItem) linked = NULL;
  g_autoptr(TavlaItem) again = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = tavla_item_get_id (item);

  g_assert_false (tavla_item_get_has_metric (item));

  g_assert_null (tavla_board_link_item_to_metric (fixture->board, id, "Väntetid", NULL, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Metric “Väntetid” does not exist"));
  g_clear_error (&error);

  g_assert_null (tavla_board_link_item_to_metric (fixture->board, 999, "Svarsfrekvens", NULL, &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_count_rows (fixture->board, "item_link"), ==, 0);

  linked = tavla_board_link_item_to_metric (fixture->board, id, "svarsfrekvens", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tavla_item_get_has_metric (linked));
  g_assert_cmpuint (tavla_item_get_n_links (linked), ==, 1);

  again = tavla_board_link_item_to_metric (fixture->board, id, "Svarsfrekvens", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tavla_item_get_n_links (again), ==, 1);

  history = tavla_board_list_history (fixture->board, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
}

/* ---- Effect ------------------------------------------------------------- */

static void
set_now (const char *iso)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (now);
  tavla_clock_set_now_override (now);
}

static void
move (Fixture     *fixture,
      gint64       id,
      TavlaStatus  status,
      const char  *note)
{
  TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_STATUS, .status = status };
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GError) error = NULL;

  if (status == TAVLA_STATUS_IN_PROGRESS)
    {
      change.set |= TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_DUE;
      change.owner = "Anna Lindqvist";
      change.due = "2026-12-31";
    }
  if (note != NULL)
    {
      change.set |= TAVLA_ITEM_FIELD_NOTE;
      change.note = note;
    }

  item = tavla_board_update_item (fixture->board, id, &change, NULL, &error);
  g_assert_no_error (error);
}

static void
test_effect (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(TavlaItem) linked = NULL;
  g_autoptr(GPtrArray) effects = NULL;
  g_autoptr(GError) error = NULL;
  TavlaEffect *effect = NULL;
  g_autofree char *summary = NULL;
  gint64 id = 0;
  const char *weeks[] = { "2026-W30", "2026-W31", "2026-W32", "2026-W33", "2026-W34", "2026-W35",
                          "2026-W38", "2026-W39", "2026-W40" };
  const char *answered[] = { "99", "85", "86", "87", "88", "90", "96", "97", "98" };

  /* Figures in both groups, so the effect reads the overall roll-up. */
  for (guint i = 0; i < G_N_ELEMENTS (weeks); i++)
    {
      record_ratio (fixture, weeks[i], "Socialtjänst", answered[i], "100");
      record_ratio (fixture, weeks[i], "Barn och utbildning", answered[i], "100");
    }

  set_now ("2026-08-10T09:00:00Z");     /* created in W33 */
  item = test_add_item (fixture->board, "Fler i telefon på förmiddagen");
  id = tavla_item_get_id (item);
  linked = tavla_board_link_item_to_metric (fixture->board, id, "Svarsfrekvens", NULL, &error);
  g_assert_no_error (error);

  set_now ("2026-08-27T09:00:00Z");     /* started in W35 */
  move (fixture, id, TAVLA_STATUS_IN_PROGRESS, NULL);

  effects = tavla_board_get_item_effect (fixture->board, id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (effects->len, ==, 1);
  effect = g_ptr_array_index (effects, 0);
  g_assert_cmpstr (effect->metric, ==, "Svarsfrekvens");
  g_assert_cmpstr (effect->started, ==, "2026-08-27");
  g_assert_null (effect->done);
  /* Not done: up to 4 weeks before W35 only. */
  g_assert_cmpuint (effect->before->len, ==, 4);
  g_assert_cmpstr (((TavlaSeriesPoint *) g_ptr_array_index (effect->before, 0))->period, ==, "2026-W31");
  g_assert_cmpuint (effect->after->len, ==, 0);
  g_assert_true (effect->has_before);
  g_assert_false (effect->has_after);
  assert_close (effect->value_before, (85 + 86 + 87 + 88) / 4.0);
  summary = tavla_effect_dup_summary (effect);
  g_assert_cmpstr (summary, ==, "Svarsfrekvens: 86.5 % in the 4 weeks before; not done yet");
  g_clear_pointer (&summary, g_free);
  g_clear_pointer (&effects, g_ptr_array_unref);

  set_now ("2026-09-10T09:00:00Z");     /* done in W37 */
  move (fixture, id, TAVLA_STATUS_DONE, "Två extra i telefon 9-11");
  set_now (TEST_NOW);

  effects = tavla_board_get_item_effect (fixture->board, id, 0, &error);
  g_assert_no_error (error);
  effect = g_ptr_array_index (effects, 0);
  g_assert_cmpstr (effect->done, ==, "2026-09-10");
  /* Three weeks with figures after W37: three on each side. */
  g_assert_cmpuint (effect->before->len, ==, 3);
  g_assert_cmpuint (effect->after->len, ==, 3);
  g_assert_cmpstr (((TavlaSeriesPoint *) g_ptr_array_index (effect->before, 0))->period, ==, "2026-W32");
  g_assert_cmpstr (((TavlaSeriesPoint *) g_ptr_array_index (effect->after, 2))->period, ==, "2026-W40");
  assert_close (effect->value_before, (86 + 87 + 88) / 3.0);
  assert_close (effect->value_after, (96 + 97 + 98) / 3.0);
  assert_close (effect->change, 10.0);
  g_assert_true (effect->improved);
  summary = tavla_effect_dup_summary (effect);
  g_assert_cmpstr (summary, ==, "Svarsfrekvens: 87.0 % in the 3 weeks before, 97.0 % in the 3 weeks after (+10.0)");
  g_clear_pointer (&effects, g_ptr_array_unref);

  /* Two periods asked for: two on each side. */
  effects = tavla_board_get_item_effect (fixture->board, id, 2, &error);
  effect = g_ptr_array_index (effects, 0);
  g_assert_cmpuint (effect->before->len, ==, 2);
  g_assert_cmpuint (effect->after->len, ==, 2);
  assert_close (effect->value_before, 87.5);
  assert_close (effect->value_after, 96.5);
  g_clear_pointer (&effects, g_ptr_array_unref);

  /* An item linked to nothing has no effects; an unknown one is an error. */
  {
    g_autoptr(TavlaItem) plain = test_add_item (fixture->board, "Ny skylt");

    effects = tavla_board_get_item_effect (fixture->board, tavla_item_get_id (plain), 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (effects->len, ==, 0);
    g_clear_pointer (&effects, g_ptr_array_unref);
  }
  g_assert_null (tavla_board_get_item_effect (fixture->board, 999, 0, &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
}

/* ---- Import --------------------------------------------------------------- */

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  /* A BOM, CRLF line ends, a quoted cell with a comma decimal and an empty
   * line. */
  const char *csv =
    "\xef\xbb\xbf" "metric,period,group,value,numerator,denominator,respondents\r\n"
    "Svarsfrekvens,2026-W47,Socialtjänst,,912,960,\r\n"
    "Svarsfrekvens,2026-W47,\"Barn och utbildning\",\"96,5\",,,\r\n"
    "\r\n"
    "NKI bemötande,2026-11,,4.4,,,120\r\n"
    "Överlämnade ärenden,2026-11,,12,,,\r\n";
  const char *again =
    "metric,period,group,value,numerator,denominator,respondents\n"
    "Svarsfrekvens,2026-W47,Socialtjänst,,900,960,\n"
    "NKI bemötande,2026-11,,4.4,,,120\n"
    "Överlämnade ärenden,2026-10,,30,,,\n";
  g_autoptr(TavlaImportResult) preview = NULL;
  g_autoptr(TavlaImportResult) result = NULL;
  g_autoptr(TavlaImportResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMeasurement) quoted = NULL;

  /* A preview writes nothing. */
  g_assert_true (tavla_board_import_measurements (fixture->board, csv, -1, TRUE, NULL, &preview, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows->len, ==, 4);
  g_assert_cmpuint (preview->n_added, ==, 4);
  g_assert_false (preview->written);
  g_assert_cmpuint (((TavlaImportRow *) g_ptr_array_index (preview->rows, 2))->line, ==, 5);
  g_assert_cmpint (test_count_rows (fixture->board, "measurement"), ==, 0);

  g_assert_true (tavla_board_import_measurements (fixture->board, csv, -1, FALSE, "Maria Ek", &result, &error));
  g_assert_no_error (error);
  g_assert_true (result->written);
  g_assert_cmpuint (result->n_added, ==, 4);
  g_assert_cmpuint (result->n_corrected, ==, 0);
  g_assert_cmpint (test_count_rows (fixture->board, "measurement"), ==, 4);

  quoted = tavla_board_get_measurement (fixture->board, "Svarsfrekvens", "2026-W47", "Barn och utbildning", &error);
  g_assert_no_error (error);
  assert_close (quoted->value, 96.5);

  /* Again: one corrected, one unchanged, one added. */
  g_assert_true (tavla_board_import_measurements (fixture->board, again, -1, FALSE, NULL, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (second->n_added, ==, 1);
  g_assert_cmpuint (second->n_corrected, ==, 1);
  g_assert_cmpuint (second->n_unchanged, ==, 1);
  g_assert_cmpint (test_count_rows (fixture->board, "measurement"), ==, 5);
}

static void
test_import_all_or_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *csv =
    "metric,period,group,value,numerator,denominator,respondents\n"
    "Svarsfrekvens,2026-W46,Socialtjänst,,900,960,\n"            /* 2: good */
    "Väntetid,2026-W46,,3,,,\n"                                   /* 3: unknown metric */
    "Svarsfrekvens,2026-W46,Växeln,,900,960,\n"                   /* 4: unknown group */
    "Svarsfrekvens,2026-W60,Socialtjänst,,900,960,\n"             /* 5: bad period */
    "Svarsfrekvens,2026-W45,Socialtjänst,nittio,,,\n"             /* 6: not a number */
    "Svarsfrekvens,2026-W44,Socialtjänst,,990,960,\n"             /* 7: numerator above denominator */
    "Överlämnade ärenden,2026-11,,-4,,,\n"                        /* 8: negative */
    "NKI bemötande,2026-11,,6,,,100\n"                            /* 9: score outside 1-5 */
    "NKI bemötande,2026-W47,,4,,,100\n"                           /* 10: wrong period kind */
    "Svarsfrekvens,2026-W43,,,900,960,\n"                         /* 11: group missing */
    "Svarsfrekvens,2026-W46,socialtjänst,96,,,\n"                 /* 12: duplicate of line 2 */
    "Svarsfrekvens,2026-W42,Socialtjänst,96\n"                    /* 13: too few cells */
    "Överlämnade ärenden,2026-10,,12,,,\n";                       /* 14: good */
  struct {
    guint line;
    const char *column;
    const char *fragment;
  } expected[] = {
    { 3, "metric", "Line 3, column metric: Metric “Väntetid” does not exist" },
    { 4, "group", "Line 4, column group: Group “Växeln” does not exist" },
    { 5, "period", "Line 5, column period: Period: “2026-W60” is not a week" },
    { 6, "value", "Line 6, column value: Value “nittio” is not a number" },
    { 7, "numerator", "Line 7, column numerator: Numerator 990 is larger than denominator 960" },
    { 8, "value", "Line 8, column value: Value -4 is negative" },
    { 9, "value", "Line 9, column value: Value 6 is outside the score scale" },
    { 10, "period", "Line 10, column period: Period “2026-W47” is not a month" },
    { 11, "group", "Line 11, column group: Group is empty, but “Svarsfrekvens” is measured per response group" },
    { 12, "period", "Line 12, column period: The same metric, period and group as line 2" },
    { 13, "line", "Line 13, column line: The row has 4 cells, but it needs 7" },
  };
  g_autoptr(TavlaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 history_before = test_count_rows (fixture->board, "history");
  guint n_bad = 0;

  g_assert_false (tavla_board_import_measurements (fixture->board, csv, -1, FALSE, NULL, &result, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_false (result->written);

  /* Every bad row is reported, in file order, and nothing was written. */
  g_assert_cmpuint (result->errors->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *message = g_ptr_array_index (result->errors, i);

      if (!g_str_has_prefix (message, expected[i].fragment))
        g_error ("error %u: “%s” does not start with “%s”", i, message, expected[i].fragment);
      g_assert_nonnull (strstr (error->message, message));
    }

  g_assert_cmpuint (result->rows->len, ==, 13);
  for (guint i = 0; i < result->rows->len; i++)
    {
      TavlaImportRow *row = g_ptr_array_index (result->rows, i);

      g_assert_cmpuint (row->line, ==, i + 2);
      if (row->error != NULL)
        {
          g_assert_cmpstr (row->column, ==, expected[n_bad].column);
          g_assert_cmpuint (row->line, ==, expected[n_bad].line);
          n_bad++;
        }
    }
  g_assert_cmpuint (n_bad, ==, G_N_ELEMENTS (expected));

  g_assert_cmpint (test_count_rows (fixture->board, "measurement"), ==, 0);
  g_assert_cmpint (test_count_rows (fixture->board, "deviation"), ==, 0);
  g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, history_before);
}

static void
test_import_bad_files (Fixture       *fixture,
                       gconstpointer  data)
{
  struct {
    const char *csv;
    const char *fragment;
  } bad[] = {
    { "", "Line 1: the file has no header" },
    { "metric;period;group;value;numerator;denominator;respondents\n", "Line 1: the header is" },
    { "metric,period,group,value\nSvarsfrekvens,2026-W01,Socialtjänst,90\n", "it must be exactly" },
    { "metric,period,group,value,numerator,denominator,respondents\n", "The file has no rows to import" },
    { "metric,period,group,value,numerator,denominator,respondents\n\"Svarsfrekvens,2026-W01,,90,,,\n",
      "Line 2: a quoted cell is not closed" },
    { "metric,period,group,value,numerator,denominator,respondents\nNKI bem\xf6tande,2026-11,,4,,,\n",
      "The file is not UTF-8 text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(TavlaImportResult) result = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (tavla_board_import_measurements (fixture->board, bad[i].csv, -1, FALSE, NULL,
                                                       &result, &error));
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      if (strstr (error->message, bad[i].fragment) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, bad[i].fragment);
      g_assert_cmpuint (result->errors->len, ==, 1);
    }

  g_assert_cmpint (test_count_rows (fixture->board, "measurement"), ==, 0);
}

static void
test_record_many (Fixture       *fixture,
                  gconstpointer  data)
{
  TavlaMeasurementInput inputs[] = {
    { .metric = "Svarsfrekvens", .period = "2026-W48", .group = "Socialtjänst", .numerator = "95",
      .denominator = "100" },
    { 0 },
    { .metric = "Svarsfrekvens", .period = "2026-W48", .group = "Barn och utbildning", .value = "x" },
  };
  g_autoptr(TavlaImportResult) result = NULL;
  g_autoptr(TavlaImportResult) ok = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (tavla_board_record_measurements (fixture->board, inputs, G_N_ELEMENTS (inputs), FALSE,
                                                   NULL, &result, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Row 3, column value: Value “x” is not a number; write it with "
                                       "digits, like 94.5.");
  g_assert_cmpint (test_count_rows (fixture->board, "measurement"), ==, 0);
  g_clear_error (&error);

  inputs[2].value = "97";
  g_assert_true (tavla_board_record_measurements (fixture->board, inputs, G_N_ELEMENTS (inputs), FALSE,
                                                  NULL, &ok, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ok->n_added, ==, 2);
  g_assert_cmpint (test_count_rows (fixture->board, "measurement"), ==, 2);
}

static void
on_metrics_changed (TavlaBoard *board,
                    guint      *count)
{
  (*count)++;
}

static void
test_metrics_changed_signal (Fixture       *fixture,
                             gconstpointer  data)
{
  guint count = 0;
  gulong handler = g_signal_connect (fixture->board, "metrics-changed", G_CALLBACK (on_metrics_changed), &count);

  record_ratio (fixture, "2026-W48", "Socialtjänst", "95", "100");
  g_assert_cmpuint (count, ==, 1);
  record_ratio (fixture, "2026-W48", "Socialtjänst", "95", "100");    /* unchanged */
  g_assert_cmpuint (count, ==, 1);

  g_signal_handler_disconnect (fixture->board, handler);
}

static void
test_reopen_and_upgrade (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_strdup (tavla_board_get_path (fixture->board));
  g_autoptr(TavlaBoard) other = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(GError) error = NULL;

  record_ratio (fixture, "2026-W18", "Socialtjänst", "90", "100");

  /* The keys written with the row are those the upgrade step computes. */
  test_exec_sql (path, "UPDATE measurement SET day = NULL, month = NULL, tertial = NULL, year = NULL");
  test_exec_sql (path,
                 "UPDATE measurement SET day = CASE"
                 "  WHEN period GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]' THEN"
                 "    date (substr (period, 1, 4) || '-01-04',"
                 "          '-' || ((CAST (strftime ('%w', substr (period, 1, 4) || '-01-04') AS INTEGER) + 6) % 7) || ' days',"
                 "          '+' || ((CAST (substr (period, 7, 2) AS INTEGER) - 1) * 7 + 3) || ' days')"
                 "  ELSE period || '-01' END");
  test_exec_sql (path,
                 "UPDATE measurement SET month = substr (day, 1, 7), year = substr (day, 1, 4),"
                 "  tertial = substr (day, 1, 4) || '-T' || ((CAST (substr (day, 6, 2) AS INTEGER) - 1) / 4 + 1)");

  other = tavla_board_open (path, &error);
  g_assert_no_error (error);
  points = tavla_board_get_series (other, "Svarsfrekvens", NULL, TAVLA_PERIOD_TERTIAL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 1);
  g_assert_cmpstr (point (points, 0)->period, ==, "2026-T1");
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_metrics (other)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_response_groups (other)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/metrics/metric-add-refuses", test_metric_add_refuses);
  ADD ("/metrics/groups", test_groups);
  ADD ("/metrics/record-and-correct", test_record_and_correct);
  ADD ("/metrics/record-refuses", test_record_refuses);
  ADD ("/metrics/record-many", test_record_many);
  ADD ("/metrics/rollup/ratio-not-mean-of-means", test_rollup_ratio_not_mean_of_means);
  ADD ("/metrics/rollup/groups-to-overall", test_rollup_groups_to_overall);
  ADD ("/metrics/rollup/scores-weighted", test_rollup_scores_weighted);
  ADD ("/metrics/rollup/counts-and-values", test_rollup_counts_and_values);
  ADD ("/metrics/rollup/by-thursday", test_rollup_by_thursday);
  ADD ("/metrics/deviations/rows", test_deviation_rows);
  ADD ("/metrics/deviations/query-refuses", test_deviation_query_refuses);
  ADD ("/metrics/deviations/explain", test_explain);
  ADD ("/metrics/deviations/act", test_act_creates_linked_item);
  ADD ("/metrics/link-item", test_link_item_to_metric);
  ADD ("/metrics/effect", test_effect);
  ADD ("/metrics/import", test_import);
  ADD ("/metrics/import/all-or-nothing", test_import_all_or_nothing);
  ADD ("/metrics/import/bad-files", test_import_bad_files);
  ADD ("/metrics/signal", test_metrics_changed_signal);
  ADD ("/metrics/reopen", test_reopen_and_upgrade);

#undef ADD

  return g_test_run ();
}
