/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-board-agreements.h"
#include "tavla-board-audits.h"
#include "tavla-board-meetings.h"
#include "tavla-board-metrics.h"
#include "tavla-board-private.h"
#include "tavla-clock.h"
#include "tavla-date.h"
#include "tavla-error.h"
#include "tavla-period.h"
#include "tavla-reminders.h"
#include "tavla-store-reminders.h"

/*
 * Which reminders fire for a person on a day (issue 8). The rules are in
 * tavla-reminders.h; everything here reads, except
 * tavla_board_mark_reminder_shown().
 */

#define DEFAULT_MEETING_TIME "09:00"
#define MAX_BODY_TEXT        160

static const char *const kind_names[TAVLA_N_REMINDER_KINDS] = {
  "weekly-digest", "item-overdue", "item-due", "recommendation-due",
  "agreement-review", "development-group", "period-report",
};

const char *
tavla_reminder_kind_to_string (TavlaReminderKind kind)
{
  g_return_val_if_fail ((guint) kind < TAVLA_N_REMINDER_KINDS, NULL);
  return kind_names[kind];
}

void
tavla_reminder_free (TavlaReminder *reminder)
{
  if (reminder == NULL)
    return;

  g_free (reminder->key);
  g_free (reminder->title);
  g_free (reminder->body);
  g_free (reminder->object_kind);
  g_free (reminder->due);
  g_free (reminder);
}

/* ---- Settings -------------------------------------------------------- */

gboolean
tavla_reminder_parse_time (const char *text,
                           guint      *out_minutes)
{
  guint hours, minutes;

  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;

  hours = (guint) (text[0] - '0') * 10 + (guint) (text[1] - '0');
  minutes = (guint) (text[3] - '0') * 10 + (guint) (text[4] - '0');
  if (hours > 23 || minutes > 59)
    return FALSE;

  if (out_minutes != NULL)
    *out_minutes = hours * 60 + minutes;
  return TRUE;
}

static gboolean
settings_error (const char   *field,
                const char  **out_field,
                GError      **error,
                char         *message)
{
  g_autofree char *owned = message;

  if (out_field != NULL)
    *out_field = field;
  return tavla_board_set_input_error (error, owned);
}

static gboolean
check_time (const char   *text,
            const char   *field,
            const char   *label,
            const char  **out_field,
            GError      **error)
{
  if (text == NULL || text[0] == '\0' || tavla_reminder_parse_time (text, NULL))
    return TRUE;

  /* Translators: the first %s is a setting ("Meeting time"), the second
   * what was typed. */
  return settings_error (field, out_field, error,
                          g_strdup_printf (_("%s “%s” is not a time; write it as HH:MM, like 09:00."),
                                           label, text));
}

gboolean
tavla_reminder_settings_check (const TavlaReminderSettings  *settings,
                               const char                  **out_field,
                               GError                      **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);

  if (settings->days_before > TAVLA_REMINDER_MAX_DAYS_BEFORE)
    return settings_error ("days-before", out_field, error,
                            g_strdup_printf (_("Days before is %u; remind at most %d days before a due date."),
                                             settings->days_before, TAVLA_REMINDER_MAX_DAYS_BEFORE));

  if (settings->meeting_weekday != G_DATE_BAD_WEEKDAY &&
      !g_date_valid_weekday (settings->meeting_weekday))
    return settings_error ("meeting-weekday", out_field, error,
                            g_strdup (_("Meeting day is not a day of the week; choose Monday to Sunday.")));

  if (!check_time (settings->meeting_time, "meeting-time", _("Meeting time"), out_field, error) ||
      !check_time (settings->quiet_start, "quiet-start", _("Quiet hours start"), out_field, error) ||
      !check_time (settings->quiet_end, "quiet-end", _("Quiet hours end"), out_field, error))
    return FALSE;

  for (guint i = 0; settings->development_dates != NULL && settings->development_dates[i] != NULL; i++)
    {
      GDate date;

      if (!tavla_date_parse (settings->development_dates[i], &date))
        return settings_error ("development-dates", out_field, error,
                                g_strdup_printf (_("Development group date “%s” is not a date; write it as YYYY-MM-DD, like 2027-02-11."),
                                                 settings->development_dates[i]));
    }

  return TRUE;
}

gboolean
tavla_reminder_settings_is_quiet (const TavlaReminderSettings  *settings,
                                  GDateTime                    *local_time,
                                  char                        **out_until)
{
  g_autoptr(GDateTime) now = NULL;
  guint start, end, minute;
  gboolean quiet;

  g_return_val_if_fail (settings != NULL, FALSE);

  if (!tavla_reminder_parse_time (settings->quiet_start, &start) ||
      !tavla_reminder_parse_time (settings->quiet_end, &end) ||
      start == end)
    return FALSE;

  if (local_time == NULL)
    {
      g_autoptr(GDateTime) utc = tavla_clock_now_utc ();

      local_time = now = g_date_time_to_local (utc);
    }
  minute = (guint) (g_date_time_get_hour (local_time) * 60 + g_date_time_get_minute (local_time));

  /* 22:00-07:00 runs across midnight; 12:00-13:00 does not. */
  if (start < end)
    quiet = minute >= start && minute < end;
  else
    quiet = minute >= start || minute < end;

  if (quiet && out_until != NULL)
    *out_until = g_strdup (settings->quiet_end);
  return quiet;
}

/* ---- Building reminders ---------------------------------------------- */

static TavlaReminder *
reminder_new (TavlaReminderKind  kind,
              char              *key,
              char              *title,
              char              *body,
              const char        *object_kind,
              gint64             object_id,
              const char        *due)
{
  TavlaReminder *reminder = g_new0 (TavlaReminder, 1);

  reminder->kind = kind;
  reminder->key = key;
  reminder->title = title;
  reminder->body = body;
  reminder->object_kind = g_strdup (object_kind);
  reminder->object_id = object_id;
  reminder->due = g_strdup (due);
  return reminder;
}

/* A long text cut short for a notification's body. */
static char *
shorten (const char *text)
{
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= MAX_BODY_TEXT)
    return g_strdup (text);

  end = g_utf8_offset_to_pointer (text, MAX_BODY_TEXT);
  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

static int
compare_by_due (gconstpointer a,
                gconstpointer b)
{
  const TavlaReminder *ra = *(TavlaReminder * const *) a;
  const TavlaReminder *rb = *(TavlaReminder * const *) b;

  if (ra->kind != rb->kind)
    return (int) ra->kind - (int) rb->kind;
  if (g_strcmp0 (ra->due, rb->due) != 0)
    return g_strcmp0 (ra->due, rb->due);
  return g_strcmp0 (ra->key, rb->key);
}

static gboolean
item_is_open (TavlaItem *item)
{
  TavlaStatus status = tavla_item_get_status (item);

  return status == TAVLA_STATUS_NEW || status == TAVLA_STATUS_IN_PROGRESS;
}

/* One reminder for many proposals, so that a person with a long list gets
 * one notification rather than a flood: the count, and the first titles
 * in due date order. */
static TavlaReminder *
group_reminders (GPtrArray         *single,
                 TavlaReminderKind  kind,
                 guint              days_before)
{
  g_autoptr(GString) body = g_string_new (NULL);
  TavlaReminder *first;
  guint n = single->len;

  g_ptr_array_sort (single, compare_by_due);
  first = g_ptr_array_index (single, 0);
  for (guint i = 0; i < MIN (n, TAVLA_REMINDER_MAX_SINGLE); i++)
    {
      TavlaReminder *reminder = g_ptr_array_index (single, i);

      if (i > 0)
        g_string_append (body, "; ");
      g_string_append (body, reminder->body);
    }
  if (n > TAVLA_REMINDER_MAX_SINGLE)
    g_string_append (body, "; …");

  return reminder_new (kind,
                       g_strdup (kind == TAVLA_REMINDER_ITEM_OVERDUE ? "items:overdue" : "items:due"),
                       kind == TAVLA_REMINDER_ITEM_OVERDUE
                         /* Translators: %u is a number of proposals (more than three). */
                         ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of your proposals is overdue",
                                                         "%u of your proposals are overdue", n), n)
                         /* Translators: the first %u is a number of proposals (more
                          * than three), the second a number of days. */
                         : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of your proposals are due within %u days",
                                                         "%u of your proposals are due within %u days", n),
                                            n, days_before),
                       g_string_free (g_steal_pointer (&body), FALSE),
                       "items", 0, first->due);
}

static void
add_grouped (GPtrArray         *result,
             GPtrArray         *single,
             TavlaReminderKind  kind,
             guint              days_before)
{
  if (single->len > TAVLA_REMINDER_MAX_SINGLE)
    {
      g_ptr_array_add (result, group_reminders (single, kind, days_before));
      return;
    }

  for (guint i = 0; i < single->len; i++)
    g_ptr_array_add (result, g_steal_pointer (&g_ptr_array_index (single, i)));
  g_ptr_array_set_size (single, 0);
}

static void
add_item_reminders (TavlaBoard  *self,
                    const char  *person,
                    const char  *on,
                    guint        days_before,
                    GPtrArray   *result)
{
  GListModel *items = tavla_board_get_items (self);
  g_autofree char *limit = tavla_date_add_days (on, (int) days_before);
  g_autoptr(GPtrArray) overdue = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_reminder_free);
  g_autoptr(GPtrArray) soon = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_reminder_free);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaItem) item = g_list_model_get_item (items, i);
      const char *due = tavla_item_get_due (item);
      g_autofree char *shown_due = NULL;
      gint64 id = tavla_item_get_id (item);

      if (due == NULL || !item_is_open (item) ||
          g_strcmp0 (tavla_item_get_owner (item), person) != 0 ||
          strcmp (due, limit) > 0)
        continue;

      shown_due = tavla_date_display (due);
      if (strcmp (due, on) < 0)
        g_ptr_array_add (overdue,
                         reminder_new (TAVLA_REMINDER_ITEM_OVERDUE,
                                       g_strdup_printf ("item:%" G_GINT64_FORMAT, id),
                                       /* Translators: %s is a date with its week, "2026-12-18 (w. 51)". */
                                       g_strdup_printf (_("Proposal overdue since %s"), shown_due),
                                       g_strdup (tavla_item_get_title (item)),
                                       "item", id, due));
      else if (strcmp (due, on) == 0)
        g_ptr_array_add (soon,
                         reminder_new (TAVLA_REMINDER_ITEM_DUE,
                                       g_strdup_printf ("item:%" G_GINT64_FORMAT, id),
                                       g_strdup (_("Proposal due today")),
                                       g_strdup (tavla_item_get_title (item)),
                                       "item", id, due));
      else
        g_ptr_array_add (soon,
                         reminder_new (TAVLA_REMINDER_ITEM_DUE,
                                       g_strdup_printf ("item:%" G_GINT64_FORMAT, id),
                                       /* Translators: %s is a date with its week, "2026-12-18 (w. 51)". */
                                       g_strdup_printf (_("Proposal due %s"), shown_due),
                                       g_strdup (tavla_item_get_title (item)),
                                       "item", id, due));
    }

  add_grouped (result, overdue, TAVLA_REMINDER_ITEM_OVERDUE, days_before);
  add_grouped (result, soon, TAVLA_REMINDER_ITEM_DUE, days_before);
}

/* Counts the open items overdue on @on, and those due from @on to @last. */
static void
count_items (TavlaBoard  *self,
             const char  *on,
             const char  *last,
             guint       *out_overdue,
             guint       *out_due)
{
  GListModel *items = tavla_board_get_items (self);
  guint n = g_list_model_get_n_items (items);

  *out_overdue = 0;
  *out_due = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaItem) item = g_list_model_get_item (items, i);
      const char *due = tavla_item_get_due (item);

      if (due == NULL || !item_is_open (item))
        continue;
      if (strcmp (due, on) < 0)
        (*out_overdue)++;
      else if (strcmp (due, last) <= 0)
        (*out_due)++;
    }
}

/* "Answer rate below target in 2 groups" for each metric off target in
 * @week, in the order the deviations are listed (by metric). */
static gboolean
append_deviations (TavlaBoard  *self,
                   const char  *week,
                   GString     *body,
                   GError     **error)
{
  TavlaDeviationQuery query = { .from = week, .to = week };
  g_autoptr(GListModel) deviations = tavla_board_list_deviations (self, &query, error);
  guint n, i = 0;

  if (deviations == NULL)
    return FALSE;

  n = g_list_model_get_n_items (deviations);
  while (i < n)
    {
      g_autoptr(TavlaDeviation) first = g_list_model_get_item (deviations, i);
      gint64 metric_id = tavla_deviation_get_metric_id (first);
      gboolean higher = tavla_deviation_get_direction (first) == TAVLA_DIRECTION_HIGHER;
      guint groups = 0;

      for (; i < n; i++)
        {
          g_autoptr(TavlaDeviation) deviation = g_list_model_get_item (deviations, i);

          if (tavla_deviation_get_metric_id (deviation) != metric_id)
            break;
          if (tavla_deviation_get_group (deviation) != NULL)
            groups++;
        }

      g_string_append (body, ", ");
      if (groups == 0)
        g_string_append_printf (body,
                                higher ? _("%s below target") : _("%s above target"),
                                tavla_deviation_get_metric (first));
      else if (higher)
        /* Translators: %s is a metric ("Svarsfrekvens"), %u a number of response groups. */
        g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%s below target in %u group",
                                                   "%s below target in %u groups", groups),
                                tavla_deviation_get_metric (first), groups);
      else
        g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%s above target in %u group",
                                                   "%s above target in %u groups", groups),
                                tavla_deviation_get_metric (first), groups);
    }

  return TRUE;
}

/* The day the digest for a meeting on @meeting comes: the working day
 * before it, so a Monday meeting's digest comes on Friday. */
static char *
digest_day (const char *meeting)
{
  g_autofree char *day = tavla_date_add_days (meeting, -1);
  GDate date;

  while (tavla_date_parse (day, &date) &&
         (g_date_get_weekday (&date) == G_DATE_SATURDAY || g_date_get_weekday (&date) == G_DATE_SUNDAY))
    {
      char *earlier = tavla_date_add_days (day, -1);

      g_free (day);
      day = earlier;
    }

  return g_steal_pointer (&day);
}

/* The weekly meeting whose digest comes on @on, or NULL. */
static char *
find_meeting (const TavlaReminderSettings *settings,
              const char                  *on)
{
  if (settings->meeting_weekday == G_DATE_BAD_WEEKDAY)
    return NULL;

  for (int ahead = 1; ahead <= 3; ahead++)
    {
      g_autofree char *meeting = tavla_date_add_days (on, ahead);
      g_autofree char *day = digest_day (meeting);
      GDate date;

      if (tavla_date_parse (meeting, &date) &&
          g_date_get_weekday (&date) == settings->meeting_weekday &&
          g_strcmp0 (day, on) == 0)
        return g_steal_pointer (&meeting);
    }

  return NULL;
}

static gboolean
add_weekly_digest (TavlaBoard                   *self,
                   const TavlaReminderSettings  *settings,
                   const char                   *on,
                   GPtrArray                    *result,
                   GError                      **error)
{
  g_autofree char *meeting = find_meeting (settings, on);
  g_autofree char *last = NULL;
  g_autofree char *week_text = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *tomorrow = tavla_date_add_days (on, 1);
  g_autoptr(GString) body = g_string_new (NULL);
  TavlaPeriod week, previous;
  GDate date;
  guint overdue, due;

  if (meeting == NULL || !tavla_date_parse (meeting, &date))
    return TRUE;

  /* The meeting's week, Monday to Sunday; its deviations are those of the
   * last full week before it. */
  tavla_period_of_date (&date, TAVLA_PERIOD_WEEK, &week);
  tavla_period_get_last_day (&week, &date);
  last = tavla_date_format (&date);
  tavla_period_add (&week, -1, &previous);
  week_text = tavla_period_format (&previous);

  count_items (self, on, last, &overdue, &due);
  /* Translators: the start of the weekly digest, "3 overdue, 2 due this week". */
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", overdue), overdue);
  g_string_append (body, ", ");
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u due this week", "%u due this week", due), due);
  if (!append_deviations (self, week_text, body, error))
    return FALSE;

  g_ptr_array_add (result,
                   reminder_new (TAVLA_REMINDER_WEEKLY_DIGEST,
                                 g_strdup_printf ("weekly-digest:%s", meeting),
                                 g_strcmp0 (meeting, tomorrow) == 0
                                   ? g_strdup (_("Weekly meeting tomorrow"))
                                   /* Translators: %s is a date with its week. */
                                   : g_strdup_printf (_("Weekly meeting %s"), shown = tavla_date_display (meeting)),
                                 g_string_free (g_steal_pointer (&body), FALSE),
                                 "weekly-agenda", 0, meeting));
  return TRUE;
}

/* The development group's days: those in the settings and the planned
 * development group meetings on the board (issue 6), each once. */
static GPtrArray *
development_days (TavlaBoard                   *self,
                  const TavlaReminderSettings  *settings,
                  GError                      **error)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) meetings = tavla_board_list_meetings (self, error);
  guint n;

  if (meetings == NULL)
    return NULL;

  for (guint i = 0; settings->development_dates != NULL && settings->development_dates[i] != NULL; i++)
    g_ptr_array_add (days, g_strdup (settings->development_dates[i]));

  n = g_list_model_get_n_items (meetings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaMeeting) meeting = g_list_model_get_item (meetings, i);
      const char *day = tavla_meeting_get_date (meeting);

      if (tavla_meeting_get_kind (meeting) == TAVLA_MEETING_DEVELOPMENT_GROUP &&
          tavla_meeting_get_state (meeting) == TAVLA_MEETING_PLANNED && day != NULL &&
          !g_ptr_array_find_with_equal_func (days, day, g_str_equal, NULL))
        g_ptr_array_add (days, g_strdup (day));
    }

  return g_steal_pointer (&days);
}

static gboolean
add_development_group (TavlaBoard                   *self,
                       const TavlaReminderSettings  *settings,
                       const char                   *on,
                       GPtrArray                    *result,
                       GError                      **error)
{
  g_autofree char *first = tavla_date_add_days (on, 1);
  g_autofree char *limit = tavla_date_add_days (on, (int) MAX (settings->days_before, 1));
  g_autoptr(GPtrArray) days = development_days (self, settings, error);

  if (days == NULL)
    return FALSE;

  for (guint i = 0; i < days->len; i++)
    {
      const char *day = g_ptr_array_index (days, i);
      g_autofree char *shown = NULL;

      if (strcmp (day, first) < 0 || strcmp (day, limit) > 0)
        continue;

      shown = tavla_date_display (day);
      g_ptr_array_add (result,
                       reminder_new (TAVLA_REMINDER_DEVELOPMENT_GROUP,
                                     g_strdup_printf ("development-group:%s", day),
                                     /* Translators: %s is a date with its week. */
                                     g_strdup_printf (_("Development group meeting %s"), shown),
                                     g_strdup (_("Prepare the agenda: agreements, deviations over the tertial and audit recommendations per department.")),
                                     "development-group", 0, day));
    }

  return TRUE;
}

static gboolean
add_agreement_reviews (TavlaBoard  *self,
                       const char  *on,
                       GPtrArray   *result,
                       GError     **error)
{
  TavlaAgreementQuery query = {
    .current_only = TRUE,
    .review_due = TRUE,
    .within_days = TAVLA_REMINDER_WINDOW_DAYS,
    .on = on,
  };
  g_autoptr(GListModel) agreements = tavla_board_list_agreements (self, &query, error);
  guint n;

  if (agreements == NULL)
    return FALSE;

  n = g_list_model_get_n_items (agreements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaAgreement) agreement = g_list_model_get_item (agreements, i);
      const char *due = tavla_agreement_get_review_due (agreement);
      g_autofree char *shown = tavla_date_display (due);
      gint64 id = tavla_agreement_get_id (agreement);

      g_ptr_array_add (result,
                       reminder_new (TAVLA_REMINDER_AGREEMENT_REVIEW,
                                     g_strdup_printf ("agreement-review:%" G_GINT64_FORMAT, id),
                                     strcmp (due, on) < 0
                                       /* Translators: %s is a date with its week. */
                                       ? g_strdup_printf (_("Agreement review overdue since %s"), shown)
                                       : g_strdup_printf (_("Agreement review due %s"), shown),
                                     /* Translators: %s is a department, %u the agreement's version. */
                                     g_strdup_printf (_("Delivery agreement with %s, version %u"),
                                                      tavla_agreement_get_department (agreement),
                                                      tavla_agreement_get_version_number (agreement)),
                                     "agreement", id, due));
    }

  return TRUE;
}

static gboolean
add_recommendations (TavlaBoard  *self,
                     const char  *person,
                     const char  *on,
                     GPtrArray   *result,
                     GError     **error)
{
  TavlaRecommendationQuery query = {
    .open_only = TRUE,
    .due_within = TRUE,
    .due_within_days = TAVLA_REMINDER_WINDOW_DAYS,
    .owner = person,
    .on = on,
  };
  g_autoptr(GListModel) recommendations = tavla_board_list_recommendations (self, &query, error);
  guint n;

  if (recommendations == NULL)
    return FALSE;

  n = g_list_model_get_n_items (recommendations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaRecommendation) recommendation = g_list_model_get_item (recommendations, i);
      const char *due = tavla_recommendation_get_due (recommendation);
      g_autofree char *shown = tavla_date_display (due);
      gint64 id = tavla_recommendation_get_id (recommendation);

      if (due == NULL)
        continue;

      g_ptr_array_add (result,
                       reminder_new (TAVLA_REMINDER_RECOMMENDATION_DUE,
                                     g_strdup_printf ("recommendation:%" G_GINT64_FORMAT, id),
                                     strcmp (due, on) < 0
                                       /* Translators: %s is a date with its week. */
                                       ? g_strdup_printf (_("Audit recommendation overdue since %s"), shown)
                                       : g_strdup_printf (_("Audit recommendation due %s"), shown),
                                     shorten (tavla_recommendation_get_text (recommendation)),
                                     "recommendation", id, due));
    }

  return TRUE;
}

static void
add_period_report (const TavlaReminderSettings *settings,
                   const char                  *on,
                   GPtrArray                   *result)
{
  g_autofree char *last_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *tertial_text = NULL;
  g_autofree char *tertial_shown = NULL;
  g_autofree char *last_shown = NULL;
  TavlaPeriod tertial;
  GDate date;

  if (!tavla_date_parse (on, &date))
    return;

  tavla_period_of_date (&date, TAVLA_PERIOD_TERTIAL, &tertial);
  tavla_period_get_last_day (&tertial, &date);
  last_text = tavla_date_format (&date);
  from = tavla_date_add_days (last_text, -(int) settings->days_before);
  if (strcmp (on, from) < 0)
    return;

  tertial_text = tavla_period_format (&tertial);
  tertial_shown = tavla_period_display (&tertial);
  last_shown = tavla_date_display (last_text);
  g_ptr_array_add (result,
                   reminder_new (TAVLA_REMINDER_PERIOD_REPORT,
                                 g_strdup_printf ("period-report:%s", tertial_text),
                                 /* Translators: %s is a tertial, "T3 2026". */
                                 g_strdup_printf (_("Period report for %s"), tertial_shown),
                                 /* Translators: %s is a date with its week. */
                                 g_strdup_printf (_("The tertial ends %s: follow up the goals and communicate the improvement areas."),
                                                  last_shown),
                                 "period-report", 0, last_text));
}

static TavlaReminderStore *
get_reminder_store (TavlaBoard  *self,
                    GError     **error)
{
  TavlaStore *store = tavla_board_get_store (self);

  if (!TAVLA_IS_REMINDER_STORE (store))
    {
      g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                           _("This kind of database does not keep reminders."));
      return NULL;
    }

  return TAVLA_REMINDER_STORE (store);
}

static const char *
person_key (const char *person)
{
  return person != NULL ? person : "";
}

/* ---- Public API ------------------------------------------------------ */

GPtrArray *
tavla_board_list_reminders (TavlaBoard                   *self,
                            const TavlaReminderSettings  *settings,
                            const char                   *on,
                            GError                      **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_reminder_free);
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(TavlaPerson) found = NULL;
  g_autofree char *today = NULL;
  const char *person = NULL;
  TavlaReminderStore *store;
  GDate date;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  if (!tavla_reminder_settings_check (settings, NULL, error))
    return NULL;

  if (on == NULL)
    on = today = tavla_date_today ();
  else if (!tavla_date_parse (on, &date))
    {
      g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                   _("On “%s” is not a date; write it as YYYY-MM-DD, like 2026-12-07."), on);
      return NULL;
    }

  if (settings->person != NULL && settings->person[0] != '\0')
    {
      found = tavla_board_find_person (self, settings->person);
      if (found == NULL)
        {
          g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                       _("For: there is no person named “%s”; write the name as `tavla-cli person list` shows it."),
                       settings->person);
          return NULL;
        }
      person = tavla_person_get_name (found);
    }

  if ((store = get_reminder_store (self, error)) == NULL)
    return NULL;

  if (!add_weekly_digest (self, settings, on, result, error))
    return NULL;
  if (person != NULL)
    {
      add_item_reminders (self, person, on, settings->days_before, result);
      if (!add_recommendations (self, person, on, result, error))
        return NULL;
    }
  if (!add_agreement_reviews (self, on, result, error))
    return NULL;
  if (!add_development_group (self, settings, on, result, error))
    return NULL;
  add_period_report (settings, on, result);

  g_ptr_array_sort (result, compare_by_due);

  shown = tavla_reminder_store_list_shown (store, person_key (person), on, error);
  if (shown == NULL)
    return NULL;
  for (guint i = 0; i < result->len; i++)
    {
      TavlaReminder *reminder = g_ptr_array_index (result, i);

      reminder->shown = g_hash_table_contains (shown, reminder->key);
    }

  return g_steal_pointer (&result);
}

gboolean
tavla_board_mark_reminder_shown (TavlaBoard  *self,
                                 const char  *person,
                                 const char  *day,
                                 const char  *key,
                                 GError     **error)
{
  g_autofree char *at = NULL;
  TavlaReminderStore *store;
  GDate date;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (day == NULL || !tavla_date_parse (day, &date))
    {
      g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                   _("On “%s” is not a date; write it as YYYY-MM-DD, like 2026-12-07."),
                   day != NULL ? day : "");
      return FALSE;
    }

  if ((store = get_reminder_store (self, error)) == NULL)
    return FALSE;

  at = tavla_timestamp_now ();
  if (!tavla_board_begin_batch (self, error))
    return FALSE;
  if (!tavla_reminder_store_insert_shown (store, person_key (person), day, key, at, error))
    {
      tavla_board_rollback_batch (self);
      return FALSE;
    }

  return tavla_board_commit_batch (self, error);
}
