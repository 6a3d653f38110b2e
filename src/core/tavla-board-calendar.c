/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "tavla-board-agreements.h"
#include "tavla-board-audits.h"
#include "tavla-board-meetings.h"
#include "tavla-board-private.h"
#include "tavla-clock.h"
#include "tavla-date.h"
#include "tavla-error.h"
#include "tavla-reminders.h"

/*
 * The calendar export (issue 8): due dates as tasks and meetings as
 * events, in iCalendar written by libical. UIDs are made from what the
 * entry is about ("tavla-item-42@tavla.github.io"), never from the time of
 * export, so a calendar that imports the file again updates its entries.
 */

#define UID_DOMAIN             "tavla.github.io"
#define PRODID                 "-//Tavla//Tavla " PACKAGE_VERSION "//EN"
#define MEETING_MINUTES        30

/* Frees a libical component when it goes out of scope. */
static void
free_component (icalcomponent **component)
{
  g_clear_pointer (component, icalcomponent_free);
}

#define AUTO_COMPONENT __attribute__((cleanup (free_component)))

static struct icaltimetype
date_value (const char *iso_date)
{
  struct icaltimetype value = icaltime_null_date ();
  GDate date;

  if (!tavla_date_parse (iso_date, &date))
    return icaltime_null_time ();

  value.year = g_date_get_year (&date);
  value.month = g_date_get_month (&date);
  value.day = g_date_get_day (&date);
  value.is_date = 1;
  return value;
}

/* A stored timestamp ("2026-11-20T09:12:00Z") as a UTC time; a null time
 * when it does not parse. */
static struct icaltimetype
timestamp_value (const char *timestamp)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (timestamp != NULL)
    parsed = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (parsed == NULL)
    return icaltime_null_time ();

  return icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (parsed), 0,
                                        icaltimezone_get_utc_timezone ());
}

static icalcomponent *
new_entry (icalcomponent_kind  kind,
           const char         *uid,
           const char         *summary,
           const char         *description,
           struct icaltimetype stamp)
{
  icalcomponent *entry = icalcomponent_new (kind);

  icalcomponent_add_property (entry, icalproperty_new_uid (uid));
  icalcomponent_add_property (entry, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (entry, icalproperty_new_summary (summary));
  if (description != NULL && description[0] != '\0')
    icalcomponent_add_property (entry, icalproperty_new_description (description));
  icalcomponent_add_property (entry, icalproperty_new_categories ("Tavla"));
  return entry;
}

static void
add_task (icalcomponent       *calendar,
          const char          *uid,
          const char          *summary,
          const char          *description,
          const char          *due,
          enum icalproperty_status status,
          const char          *updated,
          gint64               sequence,
          struct icaltimetype  stamp)
{
  icalcomponent *task = new_entry (ICAL_VTODO_COMPONENT, uid, summary, description, stamp);
  struct icaltimetype modified = timestamp_value (updated);

  icalcomponent_add_property (task, icalproperty_new_due (date_value (due)));
  icalcomponent_add_property (task, icalproperty_new_status (status));
  /* A calendar keeps the entry with the higher sequence, so a re-import of
   * a changed row replaces the old one. */
  if (sequence > 0)
    icalcomponent_add_property (task, icalproperty_new_sequence ((int) MIN (sequence, G_MAXINT)));
  if (!icaltime_is_null_time (modified))
    icalcomponent_add_property (task, icalproperty_new_lastmodified (modified));
  icalcomponent_add_component (calendar, task);
}

static enum icalproperty_status
item_status (TavlaStatus status)
{
  switch (status)
    {
    case TAVLA_STATUS_IN_PROGRESS:
      return ICAL_STATUS_INPROCESS;
    case TAVLA_STATUS_DONE:
      return ICAL_STATUS_COMPLETED;
    case TAVLA_STATUS_PARKED:
    case TAVLA_STATUS_REJECTED:
      return ICAL_STATUS_CANCELLED;
    case TAVLA_STATUS_NEW:
    default:
      return ICAL_STATUS_NEEDSACTION;
    }
}

static void
add_items (TavlaBoard          *self,
           const char          *person,
           icalcomponent       *calendar,
           struct icaltimetype  stamp)
{
  GListModel *items = tavla_board_get_items (self);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaItem) item = g_list_model_get_item (items, i);
      g_autofree char *uid = NULL;

      if (tavla_item_get_due (item) == NULL ||
          (person != NULL && g_strcmp0 (tavla_item_get_owner (item), person) != 0))
        continue;

      uid = g_strdup_printf ("tavla-item-%" G_GINT64_FORMAT "@" UID_DOMAIN, tavla_item_get_id (item));
      add_task (calendar, uid, tavla_item_get_title (item), tavla_item_get_description (item),
                tavla_item_get_due (item), item_status (tavla_item_get_status (item)),
                tavla_item_get_updated (item), tavla_item_get_version (item), stamp);
    }
}

static gboolean
add_agreement_reviews (TavlaBoard          *self,
                       icalcomponent       *calendar,
                       struct icaltimetype  stamp,
                       GError             **error)
{
  TavlaAgreementQuery query = { .current_only = TRUE };
  g_autoptr(GListModel) agreements = tavla_board_list_agreements (self, &query, error);
  guint n;

  if (agreements == NULL)
    return FALSE;

  n = g_list_model_get_n_items (agreements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaAgreement) agreement = g_list_model_get_item (agreements, i);
      const char *due = tavla_agreement_get_review_due (agreement);
      g_autofree char *uid = NULL;
      g_autofree char *summary = NULL;

      if (due == NULL || tavla_agreement_get_stored_status (agreement) != TAVLA_AGREEMENT_STATUS_ACTIVE)
        continue;

      /* The review belongs to the department's agreement, not to one
       * version: signing a new version moves the same task. */
      uid = g_strdup_printf ("tavla-agreement-review-%" G_GINT64_FORMAT "@" UID_DOMAIN,
                             tavla_agreement_get_department_id (agreement));
      /* Translators: a calendar task; %s is a department. */
      summary = g_strdup_printf (_("Review the delivery agreement with %s"),
                                 tavla_agreement_get_department (agreement));
      add_task (calendar, uid, summary, NULL, due, ICAL_STATUS_NEEDSACTION,
                tavla_agreement_get_updated (agreement), tavla_agreement_get_version (agreement), stamp);
    }

  return TRUE;
}

static gboolean
add_recommendations (TavlaBoard          *self,
                     const char          *person,
                     icalcomponent       *calendar,
                     struct icaltimetype  stamp,
                     GError             **error)
{
  TavlaRecommendationQuery query = { .owner = person };
  g_autoptr(GListModel) recommendations = tavla_board_list_recommendations (self, &query, error);
  guint n;

  if (recommendations == NULL)
    return FALSE;

  n = g_list_model_get_n_items (recommendations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaRecommendation) recommendation = g_list_model_get_item (recommendations, i);
      TavlaRecommendationStatus status = tavla_recommendation_get_status (recommendation);
      const char *due = tavla_recommendation_get_due (recommendation);
      g_autofree char *uid = NULL;
      g_autofree char *summary = NULL;

      if (due == NULL)
        continue;

      uid = g_strdup_printf ("tavla-recommendation-%" G_GINT64_FORMAT "@" UID_DOMAIN,
                             tavla_recommendation_get_id (recommendation));
      /* Translators: a calendar task; %s is the audit's title. */
      summary = g_strdup_printf (_("Audit recommendation: %s"),
                                 tavla_recommendation_get_audit_title (recommendation));
      add_task (calendar, uid, summary, tavla_recommendation_get_text (recommendation), due,
                status == TAVLA_RECOMMENDATION_CLOSED || status == TAVLA_RECOMMENDATION_IMPLEMENTED
                  ? ICAL_STATUS_COMPLETED
                  : status == TAVLA_RECOMMENDATION_NOT_ACCEPTED ? ICAL_STATUS_CANCELLED
                  : status == TAVLA_RECOMMENDATION_IN_PROGRESS ? ICAL_STATUS_INPROCESS
                  : ICAL_STATUS_NEEDSACTION,
                tavla_recommendation_get_updated (recommendation),
                tavla_recommendation_get_version (recommendation), stamp);
    }

  return TRUE;
}

static const char *const byday[] = { NULL, "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

/* The weekly meeting as one recurring event, starting in the first week of
 * the current year so that the entry does not change from week to week.
 * Its time is floating (local wall-clock time), as the setting is. */
static void
add_weekly_meeting (const TavlaReminderSettings *settings,
                    icalcomponent               *calendar,
                    struct icaltimetype          stamp)
{
  g_autofree char *today = tavla_date_today ();
  g_autofree char *rule_text = NULL;
  struct icaltimetype start;
  struct icalrecurrencetype rule;
  icalcomponent *event;
  guint minutes = 9 * 60;
  GDate date;

  if (settings->meeting_weekday == G_DATE_BAD_WEEKDAY || !tavla_date_parse (today, &date))
    return;
  if (settings->meeting_time != NULL)
    tavla_reminder_parse_time (settings->meeting_time, &minutes);

  g_date_set_dmy (&date, 1, G_DATE_JANUARY, g_date_get_year (&date));
  while (g_date_get_weekday (&date) != settings->meeting_weekday)
    g_date_add_days (&date, 1);

  start = icaltime_null_time ();
  start.year = g_date_get_year (&date);
  start.month = g_date_get_month (&date);
  start.day = g_date_get_day (&date);
  start.hour = (int) minutes / 60;
  start.minute = (int) minutes % 60;

  event = new_entry (ICAL_VEVENT_COMPONENT, "tavla-weekly-meeting@" UID_DOMAIN,
                     _("Weekly meeting"), _("Walk the improvement board: new proposals, status of ongoing ones, overdue, done, this week’s deviations."),
                     stamp);
  icalcomponent_add_property (event, icalproperty_new_dtstart (start));
  icalcomponent_add_property (event, icalproperty_new_duration (icaldurationtype_from_int (MEETING_MINUTES * 60)));
  rule_text = g_strdup_printf ("FREQ=WEEKLY;BYDAY=%s", byday[settings->meeting_weekday]);
  rule = icalrecurrencetype_from_string (rule_text);
  icalcomponent_add_property (event, icalproperty_new_rrule (rule));
  icalcomponent_add_component (calendar, event);
}

/* The meetings planned or held in Tavla (issue 6), each an all-day
 * event. Weekly meetings are left out when the weekly meeting is the
 * recurring event above (@weekly_recurs); a stored development group
 * meeting stands for the same date in the settings. */
static gboolean
add_meetings (TavlaBoard          *self,
              gboolean             weekly_recurs,
              icalcomponent       *calendar,
              GHashTable          *development_days,
              struct icaltimetype  stamp,
              GError             **error)
{
  g_autoptr(GListModel) meetings = tavla_board_list_meetings (self, error);
  guint n;

  if (meetings == NULL)
    return FALSE;

  n = g_list_model_get_n_items (meetings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaMeeting) meeting = g_list_model_get_item (meetings, i);
      const char *day = tavla_meeting_get_date (meeting);
      g_autofree char *uid = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *next = NULL;
      icalcomponent *event;

      if (day == NULL || (weekly_recurs && tavla_meeting_get_kind (meeting) == TAVLA_MEETING_WEEKLY))
        continue;
      if (tavla_meeting_get_kind (meeting) == TAVLA_MEETING_DEVELOPMENT_GROUP)
        g_hash_table_add (development_days, g_strdup (day));

      uid = g_strdup_printf ("tavla-meeting-%" G_GINT64_FORMAT "@" UID_DOMAIN, tavla_meeting_get_id (meeting));
      summary = tavla_meeting_get_department (meeting) != NULL
        /* Translators: a calendar event; "Check-in meeting: Socialförvaltningen". */
        ? g_strdup_printf (_("%s: %s"), tavla_meeting_kind_get_label (tavla_meeting_get_kind (meeting)),
                           tavla_meeting_get_department (meeting))
        : g_strdup (tavla_meeting_kind_get_label (tavla_meeting_get_kind (meeting)));
      next = tavla_date_add_days (day, 1);
      event = new_entry (ICAL_VEVENT_COMPONENT, uid, summary, NULL, stamp);
      icalcomponent_add_property (event, icalproperty_new_dtstart (date_value (day)));
      icalcomponent_add_property (event, icalproperty_new_dtend (date_value (next)));
      icalcomponent_add_component (calendar, event);
    }

  return TRUE;
}

static void
add_development_group (const TavlaReminderSettings *settings,
                       GHashTable                  *development_days,
                       icalcomponent               *calendar,
                       struct icaltimetype          stamp)
{
  for (guint i = 0; settings->development_dates != NULL && settings->development_dates[i] != NULL; i++)
    {
      const char *day = settings->development_dates[i];
      g_autofree char *uid = g_strdup_printf ("tavla-development-group-%s@" UID_DOMAIN, day);
      g_autofree char *next = tavla_date_add_days (day, 1);
      icalcomponent *event;

      if (g_hash_table_contains (development_days, day))
        continue;

      event = new_entry (ICAL_VEVENT_COMPONENT, uid, _("Development group meeting"),
                         _("Per department: improvement areas, agreements, deviations over the period and audit recommendations."),
                         stamp);
      icalcomponent_add_property (event, icalproperty_new_dtstart (date_value (day)));
      icalcomponent_add_property (event, icalproperty_new_dtend (date_value (next)));
      icalcomponent_add_component (calendar, event);
    }
}

char *
tavla_board_export_ics (TavlaBoard                   *self,
                        const char                   *person,
                        const TavlaReminderSettings  *settings,
                        GError                      **error)
{
  AUTO_COMPONENT icalcomponent *calendar = NULL;
  g_autoptr(GDateTime) now = tavla_clock_now_utc ();
  g_autoptr(TavlaPerson) found = NULL;
  g_autoptr(GHashTable) development_days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  struct icaltimetype stamp;
  char *text = NULL;
  char *copy = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (settings != NULL && !tavla_reminder_settings_check (settings, NULL, error))
    return NULL;

  if (person != NULL && person[0] == '\0')
    person = NULL;
  if (person != NULL)
    {
      found = tavla_board_find_person (self, person);
      if (found == NULL)
        {
          g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                       _("For: there is no person named “%s”; write the name as `tavla-cli person list` shows it."),
                       person);
          return NULL;
        }
      person = tavla_person_get_name (found);
    }

  stamp = icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (now), 0,
                                         icaltimezone_get_utc_timezone ());

  calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  /* The name calendar apps give the imported calendar. */
  {
    icalproperty *name = icalproperty_new_x ("Tavla");

    icalproperty_set_x_name (name, "X-WR-CALNAME");
    icalcomponent_add_property (calendar, name);
  }

  if (settings != NULL)
    add_weekly_meeting (settings, calendar, stamp);
  if (!add_meetings (self, settings != NULL && settings->meeting_weekday != G_DATE_BAD_WEEKDAY,
                     calendar, development_days, stamp, error))
    return NULL;
  if (settings != NULL)
    add_development_group (settings, development_days, calendar, stamp);
  add_items (self, person, calendar, stamp);
  if (!add_agreement_reviews (self, calendar, stamp, error))
    return NULL;
  if (!add_recommendations (self, person, calendar, stamp, error))
    return NULL;

  /* libical's string is malloc()ed; hand out a GLib one. */
  text = icalcomponent_as_ical_string_r (calendar);
  copy = g_strdup (text);
  free (text);
  return copy;
}
