/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-board.h"

G_BEGIN_DECLS

/*
 * Reminders (issue 8): which reminders fire for a person on a day, at the
 * rhythm of the centre's meetings. The rules live here; the app shows them
 * with libnotify (or as a banner in the window when that fails) and
 * `tavla-cli remind` prints or notifies them. Each reminder is shown at
 * most once a day per person: the app and tavla-cli record what they
 * showed in the database (tavla_board_mark_reminder_shown()).
 *
 * What fires on a day:
 * - "item-overdue": my proposals (owner = the person) that are overdue
 *   (new or in progress, due before the day).
 * - "item-due": my proposals due from the day to @days_before days after.
 *   More than TAVLA_REMINDER_MAX_SINGLE of either kind become one reminder
 *   ("items:overdue", "items:due", object kind "items") with the count and
 *   the first titles, so that a long list is one notification.
 * - "weekly-digest": the working day before the weekly meeting (Friday for
 *   a Monday meeting), for everyone: how
 *   many proposals are overdue and due in the meeting's week, and each
 *   metric off target in the last full week before it, with the number of
 *   response groups ("3 overdue, 2 due this week, Answer rate below target
 *   in 2 groups"). It opens the weekly agenda.
 * - "development-group": from @days_before days before each development
 *   group meeting (a date in the settings, or a planned development group
 *   meeting on the board) to the day before it, for everyone.
 * - "agreement-review": active delivery agreements whose review is due
 *   within TAVLA_REMINDER_WINDOW_DAYS days (or overdue), for everyone.
 * - "recommendation-due": open audit recommendations I own, due within
 *   TAVLA_REMINDER_WINDOW_DAYS days (or overdue).
 * - "period-report": the last @days_before days of each tertial (and its
 *   last day), for everyone: time to write the period report.
 *
 * Quiet hours hold every notification (tavla_reminder_settings_is_quiet());
 * what was held is shown after them, since nothing was recorded as shown.
 */

#define TAVLA_REMINDER_WINDOW_DAYS          30
#define TAVLA_REMINDER_DEFAULT_DAYS_BEFORE  3
#define TAVLA_REMINDER_MAX_DAYS_BEFORE      60
#define TAVLA_REMINDER_MAX_SINGLE           3

typedef enum
{
  TAVLA_REMINDER_WEEKLY_DIGEST,
  TAVLA_REMINDER_ITEM_OVERDUE,
  TAVLA_REMINDER_ITEM_DUE,
  TAVLA_REMINDER_RECOMMENDATION_DUE,
  TAVLA_REMINDER_AGREEMENT_REVIEW,
  TAVLA_REMINDER_DEVELOPMENT_GROUP,
  TAVLA_REMINDER_PERIOD_REPORT,
} TavlaReminderKind;

#define TAVLA_N_REMINDER_KINDS 7

/* Machine names: "weekly-digest", "item-overdue", ... as above. */
const char *tavla_reminder_kind_to_string (TavlaReminderKind kind);

/*
 * The settings reminders are judged by: a plain struct, so that the rules
 * need no GSettings (the app and tavla-cli fill it from GSettings; strings
 * borrowed).
 * @person: who I am (a person's name); NULL or "" for nobody, which
 *   leaves out the personal reminders (my proposals and recommendations).
 * @days_before: how many days before a due date to remind, 0-60.
 * @meeting_weekday: the weekly meeting's day, G_DATE_MONDAY to
 *   G_DATE_SUNDAY; G_DATE_BAD_WEEKDAY for no weekly meeting.
 * @meeting_time: its start, "HH:MM" (24 hours); NULL for 09:00.
 * @development_dates: NULL-terminated ISO dates of the development group
 *   meetings, may be NULL.
 * @quiet_start, @quiet_end: "HH:MM"; from start to end (across midnight
 *   when end is earlier) no notification is shown. NULL, "" or equal
 *   times: no quiet hours.
 */
typedef struct
{
  const char         *person;
  guint               days_before;
  GDateWeekday        meeting_weekday;
  const char         *meeting_time;
  const char * const *development_dates;
  const char         *quiet_start;
  const char         *quiet_end;
} TavlaReminderSettings;

/*
 * The settings as kept in GSettings (the app's schema, keys
 * "current-person", "reminder-days-before", "meeting-weekday" (0 for no
 * weekly meeting, 1 Monday to 7 Sunday), "meeting-time",
 * "development-dates", "quiet-start", "quiet-end", "reminders",
 * "reminders-background", "database-path"), owning their strings; the
 * defaults when the schema is not installed. @settings points into the
 * rest.
 */
typedef struct
{
  TavlaReminderSettings   settings;
  char                   *person;
  char                   *meeting_time;
  char                  **development_dates;
  char                   *quiet_start;
  char                   *quiet_end;
  char                   *database_path;
  gboolean                show_reminders;
  gboolean                background;
} TavlaReminderConfig;

TavlaReminderConfig *tavla_reminder_config_load (void);
void                 tavla_reminder_config_free (TavlaReminderConfig *config);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaReminderConfig, tavla_reminder_config_free)

/* Checks @settings; FALSE with a TAVLA_INPUT_ERROR naming the field
 * ("days-before", "meeting-time", "development-dates", "quiet-start",
 * "quiet-end") and the fix. */
gboolean tavla_reminder_settings_check    (const TavlaReminderSettings  *settings,
                                           const char                  **out_field,
                                           GError                      **error);
/* Whether @local_time (local wall-clock time; NULL for now) lies in the
 * quiet hours. @out_until (may be NULL) receives their end, "HH:MM". */
gboolean tavla_reminder_settings_is_quiet (const TavlaReminderSettings  *settings,
                                           GDateTime                    *local_time,
                                           char                        **out_until);
/* Parses "HH:MM" (00:00-23:59) into minutes after midnight; FALSE when
 * malformed. */
gboolean tavla_reminder_parse_time        (const char                   *text,
                                           guint                        *out_minutes);

/*
 * One reminder. @key is stable for the same subject ("item:42",
 * "weekly-digest:2026-12-07", "agreement-review:3", "recommendation:5",
 * "development-group:2026-12-10", "period-report:2026-T3"), so that "shown
 * today" is recorded by key. @title and @body are translated, for a
 * notification's summary and body. @object_kind ("item", "agreement",
 * "recommendation", "weekly-agenda", "development-group", "period-report",
 * "items" for my proposals)
 * with @object_id (0 when none) says what opening it shows. @due is the
 * ISO day the reminder is about (the due date, the meeting day, the
 * tertial's last day). @shown: already shown to the person that day.
 */
typedef struct
{
  TavlaReminderKind  kind;
  char              *key;
  char              *title;
  char              *body;
  char              *object_kind;
  gint64             object_id;
  char              *due;
  gboolean           shown;
} TavlaReminder;

void tavla_reminder_free (TavlaReminder *reminder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaReminder, tavla_reminder_free)

/*
 * The reminders that fire for @settings->person on @on (an ISO date; NULL
 * for today; malformed is an input error, field "on"), in the order of
 * TavlaReminderKind, then by due date. An unknown person is an input error
 * (field "for"). Each has @shown set from what was recorded for that person
 * and day. Returns a GPtrArray of TavlaReminder.
 */
GPtrArray *tavla_board_list_reminders     (TavlaBoard                   *self,
                                           const TavlaReminderSettings  *settings,
                                           const char                   *on,
                                           GError                      **error);
/* Records that @key was shown to @person (NULL or "" for nobody) on @day
 * (an ISO date), so it is not shown again that day. Recording it again is
 * not an error. */
gboolean   tavla_board_mark_reminder_shown (TavlaBoard                  *self,
                                            const char                  *person,
                                            const char                  *day,
                                            const char                  *key,
                                            GError                     **error);

/*
 * The calendar: an iCalendar (RFC 5545) text, written with libical.
 * - Proposals with a due date as tasks (VTODO, due that day; status from
 *   the proposal's), of @person only when @person is given.
 * - Audit recommendations with a due date as tasks, of @person only when
 *   @person is given.
 * - Active agreements' review dates as tasks.
 * - The weekly meeting (from @settings) as a weekly recurring event, and
 *   each development group date as an all-day event.
 * - The meetings on the board (issue 6) as all-day events
 *   ("tavla-meeting-ID@…"): development group meetings and check-ins, and
 *   weekly meetings when @settings has no weekly meeting day; a stored
 *   development group meeting replaces the same date from @settings.
 * UIDs are stable ("tavla-item-42@tavla.github.io"), so importing again
 * updates the same entries instead of duplicating them. @person unknown
 * is an input error (field "for"). @settings may be NULL (no meetings).
 */
char      *tavla_board_export_ics         (TavlaBoard                   *self,
                                           const char                   *person,
                                           const TavlaReminderSettings  *settings,
                                           GError                      **error);

G_END_DECLS
