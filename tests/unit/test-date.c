/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "test-common.h"

static void
test_date_parse (void)
{
  GDate date;
  static const char *const invalid[] = {
    "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-5", "2026-01-5",
    "26-01-05", "2026/01/05", "2026-01-05 ", " 2026-01-05", "", "2026-01-0x",
    "0000-01-01", "tomorrow", "2026-01-05T10:00", NULL
  };

  g_assert_true (tavla_date_parse ("2028-02-29", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2028);
  g_assert_cmpint (g_date_get_month (&date), ==, 2);
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  g_assert_true (tavla_date_parse ("2026-12-31", NULL));

  for (guint i = 0; invalid[i] != NULL; i++)
    {
      g_test_message ("%s", invalid[i]);
      g_assert_false (tavla_date_parse (invalid[i], &date));
    }
  g_assert_false (tavla_date_parse (NULL, &date));
}

static void
test_date_format_and_add (void)
{
  GDate date;
  g_autofree char *text = NULL;
  g_autofree char *next_year = tavla_date_add_days ("2026-12-31", 1);
  g_autofree char *leap = tavla_date_add_days ("2028-03-01", -1);
  g_autofree char *today = tavla_date_today ();

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, 2, 2026);
  text = tavla_date_format (&date);
  g_assert_cmpstr (text, ==, "2026-02-03");
  g_assert_cmpstr (next_year, ==, "2027-01-01");
  g_assert_cmpstr (leap, ==, "2028-02-29");
  g_assert_null (tavla_date_add_days ("2026-02-30", 1));
  g_assert_cmpstr (today, ==, TEST_TODAY);
}

static void
test_date_iso_week (void)
{
  guint year = 0;

  g_assert_cmpuint (tavla_date_iso_week ("2026-12-31", &year), ==, 53);
  g_assert_cmpuint (year, ==, 2026);
  g_assert_cmpuint (tavla_date_iso_week ("2027-01-01", &year), ==, 53);
  g_assert_cmpuint (year, ==, 2026);
  g_assert_cmpuint (tavla_date_iso_week ("2027-01-04", &year), ==, 1);
  g_assert_cmpuint (year, ==, 2027);
  /* Monday 2024-12-30 already belongs to week 1 of 2025. */
  g_assert_cmpuint (tavla_date_iso_week ("2024-12-30", &year), ==, 1);
  g_assert_cmpuint (year, ==, 2025);
  g_assert_cmpuint (tavla_date_iso_week ("2026-11-25", &year), ==, 48);
  g_assert_cmpuint (tavla_date_iso_week ("2026-13-01", &year), ==, 0);
  g_assert_cmpuint (year, ==, 0);
}

static void
test_date_display (void)
{
  g_autofree char *shown = tavla_date_display ("2026-12-03");
  g_autofree char *stamp = NULL;
  g_autofree char *now = tavla_timestamp_now ();

  g_assert_cmpstr (shown, ==, "2026-12-03 (w. 49)");
  g_assert_null (tavla_date_display (NULL));
  g_assert_null (tavla_date_display (""));
  g_assert_cmpstr (now, ==, TEST_NOW);

  stamp = tavla_timestamp_display ("2026-11-25T10:00:00Z");
  g_assert_true (g_str_has_prefix (stamp, "2026-11-25 "));
}

static void
test_enums_round_trip (void)
{
  for (guint i = 0; i < TAVLA_N_STATUSES; i++)
    {
      TavlaStatus status;

      g_assert_true (tavla_status_from_string (tavla_status_to_string (i), &status));
      g_assert_cmpint (status, ==, i);
      g_assert_nonnull (tavla_status_get_label (i));
    }
  for (guint i = 0; i < TAVLA_N_SOURCES; i++)
    {
      TavlaSource source;

      g_assert_true (tavla_source_from_string (tavla_source_to_string (i), &source));
      g_assert_cmpint (source, ==, i);
    }
  for (guint i = 1; i < TAVLA_N_MARKS; i++)
    {
      TavlaMark mark;

      g_assert_true (tavla_mark_from_string (tavla_mark_to_string (i), &mark));
      g_assert_cmpint (mark, ==, i);
    }

  g_assert_null (tavla_mark_to_string (TAVLA_MARK_NONE));
  g_assert_cmpstr (tavla_status_to_string (TAVLA_STATUS_IN_PROGRESS), ==, "in-progress");
  g_assert_cmpstr (tavla_status_get_label (TAVLA_STATUS_IN_PROGRESS), ==, "In progress");
  g_assert_cmpstr (tavla_mark_get_label (TAVLA_MARK_AT_RISK), ==, "At risk");
  g_assert_cmpstr (tavla_source_get_label (TAVLA_SOURCE_FEEDBACK), ==, "Citizen feedback");
  g_assert_false (tavla_status_from_string ("In progress", NULL));
  g_assert_false (tavla_status_from_string (NULL, NULL));
  g_assert_false (tavla_source_from_string ("meeting", NULL));
  g_assert_true (tavla_status_is_open (TAVLA_STATUS_PARKED));
  g_assert_false (tavla_status_is_open (TAVLA_STATUS_DONE));
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/date/format-and-add", test_date_format_and_add);
  g_test_add_func ("/date/iso-week", test_date_iso_week);
  g_test_add_func ("/date/display", test_date_display);
  g_test_add_func ("/enums/round-trip", test_enums_round_trip);

  return g_test_run ();
}
