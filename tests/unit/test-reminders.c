/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include <libical/ical.h>

#include "test-common.h"

/*
 * Reminders and the calendar (issue 8): which reminders fire for a person
 * on given days of a fixture board, quiet hours, once a day, bad settings,
 * and the ICS export parsed back with libical.
 *
 * The fixture (today is Wednesday 2026-11-25, week 48; the weekly meeting
 * is on Thursdays, so the digest fires today):
 *  1 "Ring tillbaka inom en dag"     Anna, due 2026-11-20 (overdue)
 *  2 "Svarsmall för bygglov"         Anna, due 2026-11-27 (in 2 days)
 *  3 "Ny checklista"                 Anna, due 2026-12-10 (too far)
 *  4 "Bemanning vid kampanj"         Bo,   due 2026-11-26
 *  5 "Klar sedan länge"              Anna, due 2026-11-20, done
 * Svarsfrekvens below 95 % in Bygglov and Skola in week 47 (on target in
 * Växel), an agreement with Socialförvaltningen signed 2025-12-10 (review
 * 2026-12-10), a development group meeting on 2026-12-03, and KPMG's audit
 * with three recommendations: Anna's due 2026-12-15, Bo's due 2026-12-20
 * and Anna's due 2027-03-01 (outside the 30 days).
 */

#define ANNA "Anna Lindqvist"
#define BO   "Bo Ek"

typedef struct
{
  TestTmpdir *dir;
  TavlaBoard *board;
} Fixture;

static const char *const development_dates[] = { "2026-12-03", NULL };

static TavlaReminderSettings
anna_settings (void)
{
  TavlaReminderSettings settings = {
    .person = ANNA,
    .days_before = 3,
    .meeting_weekday = G_DATE_THURSDAY,
    .meeting_time = "09:00",
    .development_dates = development_dates,
    .quiet_start = "18:00",
    .quiet_end = "07:00",
  };

  return settings;
}

static gint64
add_item (TavlaBoard *board,
          const char *title,
          const char *owner,
          const char *due)
{
  g_autoptr(GError) error = NULL;
  TavlaItemChange fields = {
    .set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_OWNER | TAVLA_ITEM_FIELD_DUE,
    .title = title,
    .owner = owner,
    .due = due,
  };
  g_autoptr(TavlaItem) item = tavla_board_create_item (board, &fields, NULL, &error);

  g_assert_no_error (error);
  return tavla_item_get_id (item);
}

static void
set_status (TavlaBoard  *board,
            gint64       id,
            TavlaStatus  status,
            const char  *note)
{
  g_autoptr(GError) error = NULL;
  TavlaItemChange change = {
    .set = TAVLA_ITEM_FIELD_STATUS | (note != NULL ? TAVLA_ITEM_FIELD_NOTE : 0),
    .status = status,
    .note = note,
  };
  g_autoptr(TavlaItem) item = tavla_board_update_item (board, id, &change, NULL, &error);

  g_assert_no_error (error);
}

static void
record (TavlaBoard *board,
        const char *group,
        const char *numerator)
{
  g_autoptr(GError) error = NULL;
  TavlaMeasurementInput input = {
    .metric = "Svarsfrekvens",
    .period = "2026-W47",
    .group = group,
    .numerator = numerator,
    .denominator = "100",
  };
  g_autoptr(TavlaMeasurement) measurement =
    tavla_board_record_measurement (board, &input, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
}

static void
add_recommendation (TavlaBoard *board,
                    gint64      audit_id,
                    const char *text,
                    const char *owner,
                    const char *due)
{
  TavlaRecommendationInput input = { .text = text, .owner = owner, .due = due };
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaRecommendation) recommendation =
    tavla_board_add_recommendation (board, audit_id, &input, NULL, NULL, &error);

  g_assert_no_error (error);
}

static void
add_audit (TavlaBoard *board)
{
  TavlaAuditInput input = {
    .title = "Granskning av kundcenter",
    .auditor = "KPMG",
    .date = "2022-06-02",
    .body = "Kommunstyrelsen",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaAudit) audit = tavla_board_add_audit (board, &input, NULL, NULL, &error);
  gint64 id;

  g_assert_no_error (error);
  id = tavla_audit_get_id (audit);
  add_recommendation (board, id, "Genomför en extern undersökning av tillgängligheten", ANNA, "2026-12-15");
  add_recommendation (board, id, "Utveckla webbplatsen", BO, "2026-12-20");
  add_recommendation (board, id, "Följ upp undersökningen", ANNA, "2027-03-01");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TavlaMetricInput metric = {
    .name = "Svarsfrekvens",
    .unit = "percent",
    .direction = "higher",
    .target = "95",
    .per_group = TRUE,
  };
  TavlaAgreementInput agreement = { .department = "SOC", .signed_date = "2025-12-10" };
  const char *groups[] = { "Bygglov", "Skola", "Växel" };
  g_autoptr(TavlaMetric) added_metric = NULL;
  g_autoptr(TavlaAgreement) added_agreement = NULL;
  g_autoptr(GError) error = NULL;
  gint64 done;

  fixture->dir = test_tmpdir_new ();
  fixture->board = test_board_new_staffed (fixture->dir);

  add_item (fixture->board, "Ring tillbaka inom en dag", ANNA, "2026-11-20");
  add_item (fixture->board, "Svarsmall för bygglov", ANNA, "2026-11-27");
  add_item (fixture->board, "Ny checklista", ANNA, "2026-12-10");
  add_item (fixture->board, "Bemanning vid kampanj", BO, "2026-11-26");
  done = add_item (fixture->board, "Klar sedan länge", ANNA, "2026-11-20");
  set_status (fixture->board, done, TAVLA_STATUS_IN_PROGRESS, NULL);
  set_status (fixture->board, done, TAVLA_STATUS_DONE, "Klart");

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(TavlaResponseGroup) group =
        tavla_board_add_response_group (fixture->board, groups[i], NULL, &error);
      g_assert_no_error (error);
    }
  added_metric = tavla_board_add_metric (fixture->board, &metric, NULL, NULL, &error);
  g_assert_no_error (error);
  record (fixture->board, "Bygglov", "80");
  record (fixture->board, "Skola", "90");
  record (fixture->board, "Växel", "97");

  added_agreement = tavla_board_add_agreement (fixture->board, &agreement, NULL, NULL, &error);
  g_assert_no_error (error);
  add_audit (fixture->board);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->board);
  test_tmpdir_free (fixture->dir);
}

/* The reminders as "key shown|title|body" lines, to compare whole. */
static char *
dump (GPtrArray *reminders)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < reminders->len; i++)
    {
      TavlaReminder *reminder = g_ptr_array_index (reminders, i);

      g_string_append_printf (text, "%s%s|%s|%s\n", reminder->key, reminder->shown ? " shown" : "",
                              reminder->title, reminder->body);
    }

  return g_string_free (text, FALSE);
}

static char *
list (TavlaBoard                  *board,
      const TavlaReminderSettings *settings,
      const char                  *on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reminders = tavla_board_list_reminders (board, settings, on, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reminders);
  return dump (reminders);
}

static void
test_reminders_on_meeting_eve (Fixture       *fixture,
                               gconstpointer  data)
{
  TavlaReminderSettings settings = anna_settings ();
  g_autofree char *today = list (fixture->board, &settings, NULL);

  g_assert_cmpstr (today, ==,
                   "weekly-digest:2026-11-26|Weekly meeting tomorrow|"
                   "1 overdue, 2 due this week, Svarsfrekvens below target in 2 groups\n"
                   "item:1|Proposal overdue since 2026-11-20 (w. 47)|Ring tillbaka inom en dag\n"
                   "item:2|Proposal due 2026-11-27 (w. 48)|Svarsmall för bygglov\n"
                   "recommendation:1|Audit recommendation due 2026-12-15 (w. 51)|"
                   "Genomför en extern undersökning av tillgängligheten\n"
                   "agreement-review:1|Agreement review due 2026-12-10 (w. 50)|"
                   "Delivery agreement with Socialförvaltningen, version 1\n");
}

static void
test_reminders_other_days (Fixture       *fixture,
                           gconstpointer  data)
{
  TavlaReminderSettings settings = anna_settings ();
  g_autofree char *monday = list (fixture->board, &settings, "2026-11-23");
  g_autofree char *december = list (fixture->board, &settings, "2026-12-01");
  g_autofree char *year_end = list (fixture->board, &settings, "2026-12-29");
  g_autofree char *bo = NULL;
  g_autofree char *nobody = NULL;

  /* No digest on a Monday; item 2 comes within 3 days only from the 24th. */
  g_assert_cmpstr (monday, ==,
                   "item:1|Proposal overdue since 2026-11-20 (w. 47)|Ring tillbaka inom en dag\n"
                   "recommendation:1|Audit recommendation due 2026-12-15 (w. 51)|"
                   "Genomför en extern undersökning av tillgängligheten\n"
                   "agreement-review:1|Agreement review due 2026-12-10 (w. 50)|"
                   "Delivery agreement with Socialförvaltningen, version 1\n");

  /* Two days before the development group meeting. */
  g_assert_nonnull (strstr (december, "development-group:2026-12-03|Development group meeting 2026-12-03 (w. 49)|"));
  g_assert_null (strstr (december, "period-report"));
  g_assert_null (strstr (december, "weekly-digest"));

  /* The tertial ends on the 31st: the period report is due; the review
   * is overdue by then. */
  g_assert_nonnull (strstr (year_end, "period-report:2026-T3|Period report for T3 2026|The tertial ends 2026-12-31 (w. 53)"));
  g_assert_nonnull (strstr (year_end, "agreement-review:1|Agreement review overdue since 2026-12-10 (w. 50)"));
  g_assert_nonnull (strstr (year_end, "item:3|Proposal overdue since 2026-12-10"));
  g_assert_nonnull (strstr (year_end, "recommendation:1|Audit recommendation overdue since 2026-12-15 (w. 51)"));
  /* 2027-03-01 is within 30 days from 2027-01-30 on, not before. */
  g_assert_null (strstr (year_end, "recommendation:3"));

  /* Bo sees his own proposal and not Anna's; nobody sees no proposals. */
  settings.person = BO;
  bo = list (fixture->board, &settings, NULL);
  g_assert_nonnull (strstr (bo, "item:4|Proposal due 2026-11-26 (w. 48)|Bemanning vid kampanj\n"));
  g_assert_null (strstr (bo, "item:1"));
  g_assert_nonnull (strstr (bo, "recommendation:2|Audit recommendation due 2026-12-20 (w. 51)|Utveckla webbplatsen\n"));
  g_assert_null (strstr (bo, "recommendation:1"));
  settings.person = NULL;
  nobody = list (fixture->board, &settings, NULL);
  g_assert_null (strstr (nobody, "item:"));
  g_assert_nonnull (strstr (nobody, "weekly-digest:2026-11-26"));

  /* A Monday meeting's digest comes on Friday, not over the weekend. */
  settings.meeting_weekday = G_DATE_MONDAY;
  {
    g_autofree char *friday = list (fixture->board, &settings, "2026-11-27");
    g_autofree char *saturday = list (fixture->board, &settings, "2026-11-28");
    g_autofree char *sunday = list (fixture->board, &settings, "2026-11-29");

    g_assert_true (g_str_has_prefix (friday, "weekly-digest:2026-11-30|Weekly meeting 2026-11-30 (w. 49)|"));
    g_assert_null (strstr (saturday, "weekly-digest"));
    g_assert_null (strstr (sunday, "weekly-digest"));
  }

  /* No weekly meeting, no digest. */
  settings.meeting_weekday = G_DATE_BAD_WEEKDAY;
  g_clear_pointer (&nobody, g_free);
  nobody = list (fixture->board, &settings, NULL);
  g_assert_null (strstr (nobody, "weekly-digest"));
}

static void
test_reminders_once_a_day (Fixture       *fixture,
                           gconstpointer  data)
{
  TavlaReminderSettings settings = anna_settings ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = list (fixture->board, &settings, NULL);
  g_autofree char *after = NULL;
  g_autofree char *tomorrow = NULL;
  g_autofree char *bo = NULL;

  g_assert_null (strstr (before, " shown"));

  g_assert_true (tavla_board_mark_reminder_shown (fixture->board, ANNA, TEST_TODAY, "item:1", &error));
  g_assert_no_error (error);
  /* Again is not an error and adds no row. */
  g_assert_true (tavla_board_mark_reminder_shown (fixture->board, ANNA, TEST_TODAY, "item:1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count_rows (fixture->board, "reminder_shown"), ==, 1);

  after = list (fixture->board, &settings, NULL);
  g_assert_nonnull (strstr (after, "item:1 shown|"));
  g_assert_nonnull (strstr (after, "item:2|"));

  /* The next day it fires again; another person's record is their own. */
  tomorrow = list (fixture->board, &settings, "2026-11-26");
  g_assert_nonnull (strstr (tomorrow, "item:1|"));
  g_assert_true (tavla_board_mark_reminder_shown (fixture->board, BO, TEST_TODAY, "weekly-digest:2026-11-26", &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = list (fixture->board, &settings, NULL);
  g_assert_nonnull (strstr (after, "weekly-digest:2026-11-26|"));
  settings.person = BO;
  bo = list (fixture->board, &settings, NULL);
  g_assert_nonnull (strstr (bo, "weekly-digest:2026-11-26 shown|"));
}

/* Many at once become one reminder, not a flood of notifications. */
static void
test_reminders_grouped (Fixture       *fixture,
                        gconstpointer  data)
{
  TavlaReminderSettings settings = anna_settings ();
  g_autofree char *many = NULL;

  add_item (fixture->board, "Uppdatera checklistan", ANNA, "2026-11-02");
  add_item (fixture->board, "Ny mall för bygglov", ANNA, "2026-11-24");
  /* Three overdue still come one by one. */
  many = list (fixture->board, &settings, NULL);
  g_assert_nonnull (strstr (many, "item:6|Proposal overdue since 2026-11-02 (w. 45)|Uppdatera checklistan\n"));
  g_clear_pointer (&many, g_free);

  add_item (fixture->board, "Skylt i receptionen", ANNA, "2026-11-10");
  many = list (fixture->board, &settings, NULL);
  g_assert_null (strstr (many, "item:1|"));
  g_assert_nonnull (strstr (many,
                            "items:overdue|4 of your proposals are overdue|"
                            "Uppdatera checklistan; Skylt i receptionen; Ring tillbaka inom en dag; …\n"));
  /* Due soon: still one by one. */
  g_assert_nonnull (strstr (many, "item:2|Proposal due 2026-11-27 (w. 48)|"));
}

static GDateTime *
at (int hour,
    int minute)
{
  return g_date_time_new_local (2026, 11, 25, hour, minute, 0);
}

static void
test_quiet_hours (void)
{
  TavlaReminderSettings settings = anna_settings ();
  struct { int hour, minute; gboolean quiet; } night[] = {
    { 17, 59, FALSE }, { 18, 0, TRUE }, { 22, 30, TRUE }, { 0, 0, TRUE },
    { 6, 59, TRUE }, { 7, 0, FALSE }, { 12, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (night); i++)
    {
      g_autoptr(GDateTime) time = at (night[i].hour, night[i].minute);
      g_autofree char *until = NULL;

      g_assert_cmpint (tavla_reminder_settings_is_quiet (&settings, time, &until), ==, night[i].quiet);
      g_assert_cmpstr (until, ==, night[i].quiet ? "07:00" : NULL);
    }

  /* Lunch hour, not across midnight. */
  settings.quiet_start = "12:00";
  settings.quiet_end = "13:00";
  {
    g_autoptr(GDateTime) noon = at (12, 30);
    g_autoptr(GDateTime) night_time = at (23, 0);

    g_assert_true (tavla_reminder_settings_is_quiet (&settings, noon, NULL));
    g_assert_false (tavla_reminder_settings_is_quiet (&settings, night_time, NULL));
  }

  /* Equal or empty times: no quiet hours at all. */
  settings.quiet_end = "12:00";
  {
    g_autoptr(GDateTime) noon = at (12, 0);

    g_assert_false (tavla_reminder_settings_is_quiet (&settings, noon, NULL));
    settings.quiet_start = NULL;
    g_assert_false (tavla_reminder_settings_is_quiet (&settings, noon, NULL));
  }
}

static void
test_bad_settings (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *bad_dates[] = { "2026-12-03", "2026-13-01", NULL };
  struct {
    const char *field;
    const char *message;
  } cases[] = {
    { "meeting-time", "Meeting time “25:00” is not a time; write it as HH:MM, like 09:00." },
    { "quiet-start", "Quiet hours start “6 pm” is not a time; write it as HH:MM, like 09:00." },
    { "development-dates", "Development group date “2026-13-01” is not a date; write it as YYYY-MM-DD, like 2027-02-11." },
    { "days-before", "Days before is 61; remind at most 60 days before a due date." },
    { "quiet-end", "Quiet hours end “7” is not a time; write it as HH:MM, like 09:00." },
    { "meeting-weekday", "Meeting day is not a day of the week; choose Monday to Sunday." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TavlaReminderSettings settings = anna_settings ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) reminders = NULL;
      const char *field = NULL;

      if (i == 0)
        settings.meeting_time = "25:00";
      else if (i == 1)
        settings.quiet_start = "6 pm";
      else if (i == 2)
        settings.development_dates = bad_dates;
      else if (i == 3)
        settings.days_before = 61;
      else if (i == 4)
        settings.quiet_end = "7";
      else
        settings.meeting_weekday = (GDateWeekday) 9;

      g_assert_false (tavla_reminder_settings_check (&settings, &field, &error));
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      g_assert_cmpstr (field, ==, cases[i].field);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_clear_error (&error);

      reminders = tavla_board_list_reminders (fixture->board, &settings, NULL, &error);
      g_assert_null (reminders);
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      g_clear_error (&error);

      g_assert_null (tavla_board_export_ics (fixture->board, NULL, &settings, &error));
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
    }

  {
    TavlaReminderSettings settings = anna_settings ();
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) reminders = NULL;

    settings.person = "Okänd Person";
    reminders = tavla_board_list_reminders (fixture->board, &settings, NULL, &error);
    g_assert_null (reminders);
    g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==,
                     "For: there is no person named “Okänd Person”; write the name as `tavla-cli person list` shows it.");
    g_clear_error (&error);

    settings.person = ANNA;
    reminders = tavla_board_list_reminders (fixture->board, &settings, "2026-11-31", &error);
    g_assert_null (reminders);
    g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "On “2026-11-31” is not a date; write it as YYYY-MM-DD, like 2026-12-07.");
    g_clear_error (&error);

    g_assert_false (tavla_board_mark_reminder_shown (fixture->board, ANNA, "i dag", "item:1", &error));
    g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
    g_assert_cmpint (test_count_rows (fixture->board, "reminder_shown"), ==, 0);
  }
}

/* ---- The calendar --------------------------------------------------- */

static icalcomponent *
export_parsed (TavlaBoard                  *board,
               const char                  *person,
               const TavlaReminderSettings *settings)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = tavla_board_export_ics (board, person, settings, &error);
  icalcomponent *calendar;

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "\r\nX-WR-CALNAME:Tavla\r\n"));

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  /* libical's own check adds X-LIC-ERROR properties for what it rejects. */
  icalrestriction_check (calendar);
  if (icalcomponent_count_errors (calendar) != 0)
    g_test_message ("%s", icalcomponent_as_ical_string (calendar));
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  return calendar;
}

/* "UID SUMMARY DUE-or-DTSTART STATUS" per entry, in file order. */
static char *
dump_calendar (icalcomponent *calendar)
{
  GString *text = g_string_new (NULL);

  for (icalcomponent *entry = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       entry != NULL;
       entry = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    {
      icalproperty *rrule = icalcomponent_get_first_property (entry, ICAL_RRULE_PROPERTY);
      gboolean task = icalcomponent_isa (entry) == ICAL_VTODO_COMPONENT;
      struct icaltimetype when = task ? icalcomponent_get_due (entry) : icalcomponent_get_dtstart (entry);

      g_string_append_printf (text, "%s %s|%s|%s|%s%s%s\n",
                              task ? "VTODO" : "VEVENT",
                              icalcomponent_get_uid (entry),
                              icalcomponent_get_summary (entry),
                              icaltime_as_ical_string (when),
                              task ? icalproperty_status_to_string (icalcomponent_get_status (entry)) : "",
                              rrule != NULL ? " " : "",
                              rrule != NULL ? icalproperty_get_value_as_string (rrule) : "");
    }

  return g_string_free (text, FALSE);
}

static void
test_ics_export (Fixture       *fixture,
                 gconstpointer  data)
{
  TavlaReminderSettings settings = anna_settings ();
  icalcomponent *calendar = export_parsed (fixture->board, NULL, &settings);
  icalcomponent *again = NULL;
  g_autofree char *all = dump_calendar (calendar);
  g_autofree char *all_again = NULL;
  g_autofree char *annas = NULL;

  g_assert_cmpstr (all, ==,
                   "VEVENT tavla-weekly-meeting@tavla.github.io|Weekly meeting|20260101T090000| FREQ=WEEKLY;BYDAY=TH\n"
                   "VEVENT tavla-development-group-2026-12-03@tavla.github.io|Development group meeting|20261203|\n"
                   "VTODO tavla-item-1@tavla.github.io|Ring tillbaka inom en dag|20261120|NEEDS-ACTION\n"
                   "VTODO tavla-item-2@tavla.github.io|Svarsmall för bygglov|20261127|NEEDS-ACTION\n"
                   "VTODO tavla-item-3@tavla.github.io|Ny checklista|20261210|NEEDS-ACTION\n"
                   "VTODO tavla-item-4@tavla.github.io|Bemanning vid kampanj|20261126|NEEDS-ACTION\n"
                   "VTODO tavla-item-5@tavla.github.io|Klar sedan länge|20261120|COMPLETED\n"
                   "VTODO tavla-agreement-review-1@tavla.github.io|Review the delivery agreement with Socialförvaltningen|20261210|NEEDS-ACTION\n"
                   "VTODO tavla-recommendation-1@tavla.github.io|Audit recommendation: Granskning av kundcenter|20261215|NEEDS-ACTION\n"
                   "VTODO tavla-recommendation-2@tavla.github.io|Audit recommendation: Granskning av kundcenter|20261220|NEEDS-ACTION\n"
                   "VTODO tavla-recommendation-3@tavla.github.io|Audit recommendation: Granskning av kundcenter|20270301|NEEDS-ACTION\n");

  /* Exporting again gives the same entries with the same UIDs, so a
   * calendar updates rather than duplicates them. */
  again = export_parsed (fixture->board, NULL, &settings);
  all_again = dump_calendar (again);
  g_assert_cmpstr (all_again, ==, all);
  icalcomponent_free (again);
  icalcomponent_free (calendar);

  /* Anna's calendar leaves out Bo's proposal; no settings, no meetings. */
  calendar = export_parsed (fixture->board, ANNA, NULL);
  annas = dump_calendar (calendar);
  g_assert_null (strstr (annas, "tavla-item-4@"));
  g_assert_nonnull (strstr (annas, "tavla-item-1@"));
  g_assert_nonnull (strstr (annas, "tavla-recommendation-3@"));
  g_assert_null (strstr (annas, "tavla-recommendation-2@"));
  g_assert_null (strstr (annas, "VEVENT"));
  icalcomponent_free (calendar);
}

static void
test_ics_hostile_text (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *title = "Svar, mall; \"citat\" \\ och\nny rad: BEGIN:VEVENT";
  icalcomponent *calendar = NULL;
  icalcomponent *entry;
  gint64 id = add_item (fixture->board, "tillfällig", ANNA, "2027-01-15");
  g_autoptr(GError) error = NULL;
  TavlaItemChange change = { .set = TAVLA_ITEM_FIELD_DESCRIPTION, .description = title };
  g_autoptr(TavlaItem) item = tavla_board_update_item (fixture->board, id, &change, NULL, &error);
  guint events = 0;

  g_assert_no_error (error);
  calendar = export_parsed (fixture->board, ANNA, NULL);
  for (entry = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       entry != NULL;
       entry = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    {
      if (icalcomponent_isa (entry) == ICAL_VEVENT_COMPONENT)
        events++;
      if (g_strcmp0 (icalcomponent_get_uid (entry), "tavla-item-6@tavla.github.io") == 0)
        g_assert_cmpstr (icalcomponent_get_description (entry), ==, title);
    }
  /* The text stayed text: no event was smuggled in. */
  g_assert_cmpuint (events, ==, 0);
  icalcomponent_free (calendar);

  calendar = NULL;
  g_assert_null (tavla_board_export_ics (fixture->board, "Okänd Person", NULL, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
}

static void
add_meeting (TavlaBoard       *board,
             TavlaMeetingKind  kind,
             const char       *date,
             const char       *department)
{
  TavlaMeetingInput input = { .kind = kind, .date = date, .department = department };
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMeeting) meeting = tavla_board_add_meeting (board, &input, NULL, NULL, &error);

  g_assert_no_error (error);
}

/* The meetings planned on the board (issue 6) in the calendar and the
 * development group's reminders. */
static void
test_meetings (Fixture       *fixture,
               gconstpointer  data)
{
  TavlaReminderSettings settings = anna_settings ();
  icalcomponent *calendar = NULL;
  g_autofree char *events = NULL;
  g_autofree char *no_weekly = NULL;
  g_autofree char *today = NULL;

  add_meeting (fixture->board, TAVLA_MEETING_DEVELOPMENT_GROUP, "2026-12-03", NULL);
  add_meeting (fixture->board, TAVLA_MEETING_CHECK_IN, "2026-12-08", "SOC");
  add_meeting (fixture->board, TAVLA_MEETING_WEEKLY, "2026-11-26", NULL);
  add_meeting (fixture->board, TAVLA_MEETING_DEVELOPMENT_GROUP, "2026-11-27", NULL);

  /* The weekly meeting recurs from the settings; the stored development
   * group meeting of 2026-12-03 stands for the settings' date. */
  calendar = export_parsed (fixture->board, NULL, &settings);
  events = dump_calendar (calendar);
  icalcomponent_free (calendar);
  g_assert_true (g_str_has_prefix (events,
                                   "VEVENT tavla-weekly-meeting@tavla.github.io|Weekly meeting|20260101T090000| FREQ=WEEKLY;BYDAY=TH\n"
                                   "VEVENT tavla-meeting-2@tavla.github.io|Check-in meeting: Socialförvaltningen|20261208|\n"
                                   "VEVENT tavla-meeting-1@tavla.github.io|Development group|20261203|\n"
                                   "VEVENT tavla-meeting-4@tavla.github.io|Development group|20261127|\n"
                                   "VTODO "));
  g_assert_null (strstr (events, "tavla-meeting-3@"));
  g_assert_null (strstr (events, "tavla-development-group-2026-12-03@"));

  /* Without a weekly meeting day, the stored weekly meeting is there. */
  settings.meeting_weekday = G_DATE_BAD_WEEKDAY;
  calendar = export_parsed (fixture->board, NULL, &settings);
  no_weekly = dump_calendar (calendar);
  icalcomponent_free (calendar);
  g_assert_nonnull (strstr (no_weekly, "VEVENT tavla-meeting-3@tavla.github.io|Weekly meeting|20261126|\n"));
  g_assert_null (strstr (no_weekly, "tavla-weekly-meeting@"));

  /* A planned development group meeting is reminded of like a date in the
   * settings, once. */
  settings = anna_settings ();
  settings.development_dates = NULL;
  today = list (fixture->board, &settings, NULL);
  g_assert_nonnull (strstr (today, "development-group:2026-11-27|Development group meeting 2026-11-27 (w. 48)|"));
  g_assert_null (strstr (today, "development-group:2026-12-03"));
}

int
main (int    argc,
      char **argv)
{
  test_common_init (&argc, &argv);

  g_test_add ("/reminders/meeting-eve", Fixture, NULL, fixture_set_up, test_reminders_on_meeting_eve, fixture_tear_down);
  g_test_add ("/reminders/other-days", Fixture, NULL, fixture_set_up, test_reminders_other_days, fixture_tear_down);
  g_test_add ("/reminders/once-a-day", Fixture, NULL, fixture_set_up, test_reminders_once_a_day, fixture_tear_down);
  g_test_add ("/reminders/grouped", Fixture, NULL, fixture_set_up, test_reminders_grouped, fixture_tear_down);
  g_test_add_func ("/reminders/quiet-hours", test_quiet_hours);
  g_test_add ("/reminders/bad-settings", Fixture, NULL, fixture_set_up, test_bad_settings, fixture_tear_down);
  g_test_add ("/calendar/export", Fixture, NULL, fixture_set_up, test_ics_export, fixture_tear_down);
  g_test_add ("/calendar/meetings", Fixture, NULL, fixture_set_up, test_meetings, fixture_tear_down);
  g_test_add ("/calendar/hostile-text", Fixture, NULL, fixture_set_up, test_ics_hostile_text, fixture_tear_down);

  return g_test_run ();
}
