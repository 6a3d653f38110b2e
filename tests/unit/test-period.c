/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "test-common.h"

static TavlaPeriod
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  TavlaPeriod period = { 0 };

  g_assert_true (tavla_period_parse (text, &period, &error));
  g_assert_no_error (error);

  return period;
}

static char *
day_text (const TavlaPeriod *period,
          void (*get_day) (const TavlaPeriod *, GDate *))
{
  GDate day;

  get_day (period, &day);

  return tavla_date_format (&day);
}

/* The period of @kind that holds @text, in machine form. */
static char *
containing (const char      *text,
            TavlaPeriodKind  kind)
{
  TavlaPeriod period = parse (text);
  TavlaPeriod outer = { 0 };

  g_assert_true (tavla_period_get_containing (&period, kind, &outer));

  return tavla_period_format (&outer);
}

static void
assert_containing (const char *week,
                   const char *month,
                   const char *tertial,
                   const char *year)
{
  g_autofree char *got_month = containing (week, TAVLA_PERIOD_MONTH);
  g_autofree char *got_tertial = containing (week, TAVLA_PERIOD_TERTIAL);
  g_autofree char *got_year = containing (week, TAVLA_PERIOD_YEAR);

  g_assert_cmpstr (got_month, ==, month);
  g_assert_cmpstr (got_tertial, ==, tertial);
  g_assert_cmpstr (got_year, ==, year);
}

static void
test_parse_and_format (void)
{
  const char *good[] = { "2026-W47", "2026-W01", "2026-W53", "2020-W53", "2026-11", "2026-01",
                         "2026-T1", "2026-T3", "2026" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      TavlaPeriod period = parse (good[i]);
      g_autofree char *text = tavla_period_format (&period);

      g_assert_cmpstr (text, ==, good[i]);
    }

  g_assert_cmpint (parse ("2026-W47").kind, ==, TAVLA_PERIOD_WEEK);
  g_assert_cmpint (parse ("2026-11").kind, ==, TAVLA_PERIOD_MONTH);
  g_assert_cmpint (parse ("2026-T2").kind, ==, TAVLA_PERIOD_TERTIAL);
  g_assert_cmpint (parse ("2026").kind, ==, TAVLA_PERIOD_YEAR);
}

static void
test_parse_refuses (void)
{
  struct {
    const char *text;
    const char *fragment;
  } bad[] = {
    { "", "The period is empty" },
    { "2026-w47", "“2026-w47” is not a period; write a week as 2026-W47" },
    { "2026-W7", "is not a period" },
    { "2026-W00", "weeks are numbered 01 to 52" },
    { "2026-W54", "weeks are numbered 01 to 52" },
    { "2025-W53", "2025 has no week 53; its last week is 2025-W52" },
    { "2026-13", "“2026-13” has no month 13" },
    { "2026-00", "has no month 00" },
    { "2026-T4", "T1 (January-April)" },
    { "2026-T0", "is not a tertial" },
    { "26-11", "is not a period" },
    { " 2026-11", "is not a period" },
    { "2026-11-01", "is not a period" },
    { "1899", "before 1900" },
    { "abcd", "is not a period" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (tavla_period_parse (bad[i].text, NULL, &error));
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      if (strstr (error->message, bad[i].fragment) == NULL)
        g_error ("“%s”: message “%s” lacks “%s”", bad[i].text, error->message, bad[i].fragment);
    }
}

static void
test_week_belongs_to_its_thursday (void)
{
  TavlaPeriod week = parse ("2026-W01");
  g_autofree char *first = day_text (&week, tavla_period_get_first_day);
  g_autofree char *last = day_text (&week, tavla_period_get_last_day);
  g_autofree char *anchor = day_text (&week, tavla_period_get_anchor_day);

  /* 2026-W01 starts in 2025 but its Thursday is New Year's Day 2026. */
  g_assert_cmpstr (first, ==, "2025-12-29");
  g_assert_cmpstr (last, ==, "2026-01-04");
  g_assert_cmpstr (anchor, ==, "2026-01-01");
  assert_containing ("2026-W01", "2026-01", "2026-T1", "2026");

  /* 2025-W01: Thursday 2025-01-02, Monday 2024-12-30. */
  {
    TavlaPeriod w = parse ("2025-W01");
    g_autofree char *monday = day_text (&w, tavla_period_get_first_day);
    g_autofree char *thursday = day_text (&w, tavla_period_get_anchor_day);

    g_assert_cmpstr (monday, ==, "2024-12-30");
    g_assert_cmpstr (thursday, ==, "2025-01-02");
    assert_containing ("2025-W01", "2025-01", "2025-T1", "2025");
  }

  /* Year ends: 2020-W53 (Thursday 2020-12-31) stays in 2020 although it
   * ends on 2021-01-03; so does 2026-W53. */
  assert_containing ("2020-W53", "2020-12", "2020-T3", "2020");
  assert_containing ("2026-W53", "2026-12", "2026-T3", "2026");

  /* Tertial ends: the week of Thursday 1 May 2025 is in May and T2; the
   * week of Thursday 30 April 2026 is in April and T1 though it ends in
   * May. */
  assert_containing ("2025-W18", "2025-05", "2025-T2", "2025");
  assert_containing ("2026-W18", "2026-04", "2026-T1", "2026");
  /* Thursday 2026-08-27 and 2026-09-03 on each side of T2/T3. */
  assert_containing ("2026-W35", "2026-08", "2026-T2", "2026");
  assert_containing ("2026-W36", "2026-09", "2026-T3", "2026");

  /* A coarser period is never inside a finer one. */
  {
    TavlaPeriod month = parse ("2026-05");
    TavlaPeriod out = { 0 };

    g_assert_false (tavla_period_get_containing (&month, TAVLA_PERIOD_WEEK, &out));
  }
}

static void
test_period_of_date (void)
{
  struct {
    const char *date;
    TavlaPeriodKind kind;
    const char *period;
  } cases[] = {
    { "2021-01-03", TAVLA_PERIOD_WEEK, "2020-W53" },
    { "2021-01-04", TAVLA_PERIOD_WEEK, "2021-W01" },
    { "2025-12-29", TAVLA_PERIOD_WEEK, "2026-W01" },
    { "2026-11-25", TAVLA_PERIOD_WEEK, "2026-W48" },
    { "2027-01-01", TAVLA_PERIOD_WEEK, "2026-W53" },
    { "2026-04-30", TAVLA_PERIOD_TERTIAL, "2026-T1" },
    { "2026-05-01", TAVLA_PERIOD_TERTIAL, "2026-T2" },
    { "2026-12-31", TAVLA_PERIOD_TERTIAL, "2026-T3" },
    { "2026-11-25", TAVLA_PERIOD_MONTH, "2026-11" },
    { "2026-11-25", TAVLA_PERIOD_YEAR, "2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TavlaPeriod period = { 0 };
      g_autofree char *text = NULL;
      GDate date;

      g_assert_true (tavla_date_parse (cases[i].date, &date));
      tavla_period_of_date (&date, cases[i].kind, &period);
      text = tavla_period_format (&period);
      g_assert_cmpstr (text, ==, cases[i].period);
    }
}

static void
assert_add (const char *from,
            int         n,
            const char *expected)
{
  TavlaPeriod period = parse (from);
  TavlaPeriod result = { 0 };
  g_autofree char *text = NULL;

  tavla_period_add (&period, n, &result);
  text = tavla_period_format (&result);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_next_and_previous (void)
{
  assert_add ("2026-W52", 1, "2026-W53");
  assert_add ("2026-W53", 1, "2027-W01");
  assert_add ("2025-W52", 1, "2026-W01");
  assert_add ("2026-W01", -1, "2025-W52");
  assert_add ("2021-W01", -1, "2020-W53");
  assert_add ("2026-12", 1, "2027-01");
  assert_add ("2026-01", -1, "2025-12");
  assert_add ("2026-T3", 1, "2027-T1");
  assert_add ("2026-T1", -1, "2025-T3");
  assert_add ("2026", -2, "2024");

  {
    TavlaPeriod a = parse ("2026-W01");
    TavlaPeriod b = parse ("2026-W53");
    TavlaPeriod c = parse ("2026-T3");
    TavlaPeriod d = parse ("2027-T2");

    g_assert_cmpint (tavla_period_count_between (&a, &b), ==, 53);
    g_assert_cmpint (tavla_period_count_between (&b, &a), ==, 0);
    g_assert_cmpint (tavla_period_count_between (&c, &d), ==, 3);
    g_assert_cmpint (tavla_period_compare (&a, &b), <, 0);
    g_assert_cmpint (tavla_period_compare (&b, &b), ==, 0);
  }

  {
    TavlaPeriod t2 = parse ("2025-T2");
    TavlaPeriod week = parse ("2025-W18");
    TavlaPeriod april_week = parse ("2026-W18");
    TavlaPeriod t1 = parse ("2026-T1");
    TavlaPeriod t2_2026 = parse ("2026-T2");

    g_assert_true (tavla_period_contains (&t2, &week));
    g_assert_true (tavla_period_contains (&t1, &april_week));
    g_assert_false (tavla_period_contains (&t2_2026, &april_week));
    g_assert_false (tavla_period_contains (&week, &t2));
  }
}

static void
test_display (void)
{
  TavlaPeriod week = parse ("2026-W07");
  TavlaPeriod month = parse ("2026-11");
  TavlaPeriod tertial = parse ("2026-T3");
  g_autofree char *week_text = tavla_period_display (&week);
  g_autofree char *month_text = tavla_period_display (&month);
  g_autofree char *tertial_text = tavla_period_display (&tertial);
  g_autofree char *short_week = tavla_period_display_short (&week);
  g_autofree char *short_month = tavla_period_display_short (&month);
  g_autofree char *bad = tavla_period_display_text ("not a period");

  g_assert_cmpstr (week_text, ==, "w. 7 2026");
  g_assert_cmpstr (month_text, ==, "November 2026");
  g_assert_cmpstr (tertial_text, ==, "T3 2026");
  g_assert_cmpstr (short_week, ==, "w. 7");
  g_assert_cmpstr (short_month, ==, "Nov");
  g_assert_cmpstr (bad, ==, "not a period");
}

static void
test_numbers (void)
{
  double value = 0.0;

  g_assert_true (tavla_parse_number ("94.5", &value));
  g_assert_cmpfloat (value, ==, 94.5);
  g_assert_true (tavla_parse_number (" 94,5 ", &value));
  g_assert_cmpfloat (value, ==, 94.5);
  g_assert_true (tavla_parse_number ("-3", &value));
  g_assert_cmpfloat (value, ==, -3.0);

  g_assert_false (tavla_parse_number ("abc", NULL));
  g_assert_false (tavla_parse_number ("1 234", NULL));
  g_assert_false (tavla_parse_number ("1.2.3", NULL));
  g_assert_false (tavla_parse_number ("nan", NULL));
  g_assert_false (tavla_parse_number ("inf", NULL));
  g_assert_false (tavla_parse_number ("0x10", NULL));
  g_assert_false (tavla_parse_number ("12%", NULL));
  g_assert_false (tavla_parse_number ("", NULL));
  g_assert_false (tavla_parse_number (".", NULL));
}

static void
test_deviation_rule (void)
{
  /* Higher is better: below the target deviates, at it does not. */
  g_assert_true (tavla_metric_value_is_deviation (TAVLA_UNIT_PERCENT, TAVLA_DIRECTION_HIGHER, 95.0, 94.9));
  g_assert_false (tavla_metric_value_is_deviation (TAVLA_UNIT_PERCENT, TAVLA_DIRECTION_HIGHER, 95.0, 95.0));
  g_assert_false (tavla_metric_value_is_deviation (TAVLA_UNIT_PERCENT, TAVLA_DIRECTION_HIGHER, 95.0, 99.0));
  /* Shown as 95.0 %: not a deviation. */
  g_assert_false (tavla_metric_value_is_deviation (TAVLA_UNIT_PERCENT, TAVLA_DIRECTION_HIGHER, 95.0, 94.96));
  g_assert_true (tavla_metric_value_is_deviation (TAVLA_UNIT_SCORE, TAVLA_DIRECTION_HIGHER, 4.3, 4.29));
  g_assert_false (tavla_metric_value_is_deviation (TAVLA_UNIT_SCORE, TAVLA_DIRECTION_HIGHER, 4.3, 4.3));

  /* Lower is better: above the target deviates, at it does not. */
  g_assert_true (tavla_metric_value_is_deviation (TAVLA_UNIT_COUNT, TAVLA_DIRECTION_LOWER, 50.0, 51.0));
  g_assert_false (tavla_metric_value_is_deviation (TAVLA_UNIT_COUNT, TAVLA_DIRECTION_LOWER, 50.0, 50.0));
  g_assert_false (tavla_metric_value_is_deviation (TAVLA_UNIT_COUNT, TAVLA_DIRECTION_LOWER, 50.0, 12.0));
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

  g_test_add_func ("/period/parse-and-format", test_parse_and_format);
  g_test_add_func ("/period/parse-refuses", test_parse_refuses);
  g_test_add_func ("/period/week-belongs-to-its-thursday", test_week_belongs_to_its_thursday);
  g_test_add_func ("/period/of-date", test_period_of_date);
  g_test_add_func ("/period/next-and-previous", test_next_and_previous);
  g_test_add_func ("/period/display", test_display);
  g_test_add_func ("/metric/numbers", test_numbers);
  g_test_add_func ("/metric/deviation-rule", test_deviation_rule);

  return g_test_run ();
}
