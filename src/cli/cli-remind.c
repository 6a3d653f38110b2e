/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "cli-output.h"
#include "cli-remind.h"

/*
 * `tavla-cli remind` and `tavla-cli export ics` (issue 8). Which reminders
 * fire is the core's (tavla-reminders.h); here they are printed, or shown
 * as desktop notifications through libnotify. A notification that cannot
 * be shown (no notification daemon, no session bus) never fails the
 * command: it prints a warning and leaves the reminder unrecorded, so the
 * window shows it when it opens next.
 */

/* Without --db and $TAVLA_DB, the database the window uses: the timer
 * that runs `remind --notify --scheduled` must remind about that board. */
static void
use_window_database (TavlaCli            *cli,
                     TavlaReminderConfig *config)
{
  const char *env_path = g_getenv ("TAVLA_DB");

  if ((cli->db_path == NULL || cli->db_path[0] == '\0') &&
      (env_path == NULL || env_path[0] == '\0') &&
      config->database_path != NULL && config->database_path[0] != '\0')
    {
      g_free (cli->db_path);
      cli->db_path = g_strdup (config->database_path);
    }
}

/* Whether the database the command would open is there. The timer runs
 * for every user of the computer, and must not create a board for
 * someone who never used Tavla. */
static gboolean
database_exists (TavlaCli *cli)
{
  const char *env_path = g_getenv ("TAVLA_DB");
  g_autofree char *path = NULL;

  if (cli->db_path != NULL && cli->db_path[0] != '\0')
    path = g_strdup (cli->db_path);
  else if (env_path != NULL && env_path[0] != '\0')
    path = g_strdup (env_path);
  else
    path = tavla_default_database_path ();

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The person as stored, so that "shown" is recorded under one spelling.
 * An unknown --for is left to the core to refuse; the person chosen in
 * Preferences may be of another board, and then gets the reminders for
 * everyone only. */
static char *
resolve_person (TavlaBoard *board,
                const char *for_name,
                const char *chosen)
{
  g_autoptr(TavlaPerson) person = NULL;
  const char *name = for_name != NULL ? for_name : chosen;

  if (name == NULL || name[0] == '\0')
    return NULL;

  person = tavla_board_find_person (board, name);
  if (person != NULL)
    return g_strdup (tavla_person_get_name (person));
  return for_name != NULL ? g_strdup (for_name) : NULL;
}

static void
json_add_reminder (JsonBuilder   *builder,
                   TavlaReminder *reminder,
                   int            notified)
{
  json_builder_begin_object (builder);
  cli_json_set_string (builder, "kind", tavla_reminder_kind_to_string (reminder->kind));
  cli_json_set_string (builder, "key", reminder->key);
  cli_json_set_string (builder, "title", reminder->title);
  cli_json_set_string (builder, "body", reminder->body);
  cli_json_set_string (builder, "object_kind", reminder->object_kind);
  if (reminder->object_id > 0)
    cli_json_set_int (builder, "object_id", reminder->object_id);
  else
    cli_json_set_string (builder, "object_id", NULL);
  cli_json_set_string (builder, "due", reminder->due);
  cli_json_set_boolean (builder, "shown", reminder->shown);
  if (notified >= 0)
    cli_json_set_boolean (builder, "notified", notified);
  json_builder_end_object (builder);
}

static void
print_reminder (TavlaCli      *cli,
                TavlaReminder *reminder)
{
  g_autofree char *title = cli_text_clean (reminder->title);
  g_autofree char *body = cli_text_clean (reminder->body);

  if (reminder->shown)
    /* Translators: a reminder already shown today: "TITLE: BODY (shown today)". */
    cli_print_line (cli, _("%s: %s (shown today)"), title, body);
  else
    cli_print_line (cli, "%s: %s", title, body);
}

static void
warn (const char *message)
{
  g_autofree char *line = g_strdelimit (g_strdup (message), "\r\n", ' ');

  /* Translators: a warning line of tavla-cli; %s says what went wrong. */
  fprintf (stderr, _("tavla-cli: warning: %s\n"), line);
}

/*
 * The timer's run (--scheduled) stays for a while after showing its
 * notifications, so that their Open starts Tavla on what they are about
 * (`tavla --open-reminder KIND:ID`); it ends when they are all closed or
 * after TAVLA_REMIND_WAIT_SECONDS. Run by hand, tavla-cli returns at once
 * and its notifications have no actions that would do nothing.
 */
#define TAVLA_REMIND_WAIT_SECONDS (10 * 60)

typedef struct
{
  GMainLoop *loop;
  GPtrArray *notifications;   /* NotifyNotification, until closed */
} Waiting;

static void
on_closed (NotifyNotification *notification,
           Waiting            *waiting)
{
  g_ptr_array_remove (waiting->notifications, notification);
  if (waiting->notifications->len == 0)
    g_main_loop_quit (waiting->loop);
}

static gboolean
on_wait_timeout (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static char *
find_tavla (void)
{
  g_autofree char *installed = g_build_filename (TAVLA_BINDIR, "tavla", NULL);

  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);
  return g_find_program_in_path ("tavla");
}

static void
on_open_action (NotifyNotification *notification,
                char               *action,
                gpointer            user_data)
{
  g_autofree char *tavla = find_tavla ();
  g_autoptr(GError) error = NULL;
  const char *argv[] = { tavla, "--open-reminder", user_data, NULL };

  if (tavla == NULL ||
      !g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &error))
    warn (error != NULL ? error->message : _("Tavla is not installed"));
}

/* Shows one reminder; FALSE with @error when no notification could be
 * shown. With @waiting, it gets an Open action and is kept there. */
static gboolean
notify_reminder (TavlaReminder  *reminder,
                 Waiting        *waiting,
                 GError        **error)
{
  NotifyNotification *notification = NULL;
  gboolean shown;

  notification = notify_notification_new (reminder->title, reminder->body, APP_ID);
  notify_notification_set_app_name (notification, "Tavla");
  notify_notification_set_category (notification, "x-tavla.reminder");
  /* Clicking it starts or raises the window. */
  notify_notification_set_hint_string (notification, "desktop-entry", APP_ID);
  if (waiting != NULL)
    {
      g_autofree char *target = g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                                                 reminder->object_kind, reminder->object_id);

      notify_notification_add_action (notification, "default", _("Open"), on_open_action,
                                      g_strdup (target), g_free);
      notify_notification_add_action (notification, "open", _("Open"), on_open_action,
                                      g_strdup (target), g_free);
    }

  shown = notify_notification_show (notification, error);
  if (shown && waiting != NULL)
    {
      g_signal_connect (notification, "closed", G_CALLBACK (on_closed), waiting);
      g_ptr_array_add (waiting->notifications, notification);
    }
  else
    g_object_unref (notification);

  return shown;
}

int
cli_remind (TavlaCli  *cli,
            int        argc,
            char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaReminderConfig) config = tavla_reminder_config_load ();
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GDateTime) local_time = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *on = NULL;
  g_autofree char *for_name = NULL;
  g_autofree char *at = NULL;
  g_autofree char *person = NULL;
  g_autofree char *today = NULL;
  g_autofree char *until = NULL;
  TavlaReminderSettings settings;
  Waiting waiting = { NULL, NULL };
  gboolean notify = FALSE;
  gboolean scheduled = FALSE;
  gboolean failed = FALSE;
  TavlaBoard *board = NULL;
  guint minutes = 0;
  guint n_shown = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("The day to remind about (default today)"), N_("DATE") },
    { "for", 0, 0, G_OPTION_ARG_STRING, &for_name,
      N_("The person to remind (default the person chosen in Preferences)"), N_("NAME") },
    { "notify", 0, 0, G_OPTION_ARG_NONE, &notify,
      N_("Show the reminders not shown yet today as desktop notifications"), NULL },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at,
      N_("The time of day to judge quiet hours by (default now)"), N_("HH:MM") },
    { "scheduled", 0, 0, G_OPTION_ARG_NONE, &scheduled,
      N_("Run as the reminder timer: do nothing when reminders while Tavla is closed are off"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("List the reminders of a day, or show them as desktop notifications."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (!cli_check_text ("--for", for_name, &error))
    return cli_fail (error);
  if (at != NULL && !tavla_reminder_parse_time (at, &minutes))
    {
      g_set_error (&error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                   _("At “%s” is not a time; write it as HH:MM, like 09:00."), at);
      return cli_fail (error);
    }

  /* Switched off in Preferences: the timer's run does nothing. */
  if (scheduled && !config->background)
    return CLI_EXIT_OK;

  use_window_database (cli, config);
  if (scheduled && !database_exists (cli))
    return CLI_EXIT_OK;
  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  settings = config->settings;
  person = resolve_person (board, for_name, settings.person);
  settings.person = person;

  reminders = tavla_board_list_reminders (board, &settings, on, &error);
  if (reminders == NULL)
    return cli_fail (error);

  if (cli->json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  if (!notify)
    {
      for (guint i = 0; i < reminders->len; i++)
        {
          if (builder != NULL)
            json_add_reminder (builder, g_ptr_array_index (reminders, i), -1);
          else
            print_reminder (cli, g_ptr_array_index (reminders, i));
        }
      if (builder != NULL)
        {
          json_builder_end_array (builder);
          cli_write_json (cli, builder);
        }
      else if (reminders->len == 0)
        cli_print_line (cli, "%s", _("No reminders."));
      return CLI_EXIT_OK;
    }

  if (at != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      local_time = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                          g_date_time_get_day_of_month (now),
                                          (int) minutes / 60, (int) minutes % 60, 0);
    }
  if (tavla_reminder_settings_is_quiet (&settings, local_time, &until))
    {
      if (builder != NULL)
        {
          json_builder_end_array (builder);
          cli_write_json (cli, builder);
        }
      else
        /* Translators: %s is a time, "07:00". */
        cli_print_line (cli, _("Quiet hours until %s: no reminders shown."), until);
      return CLI_EXIT_OK;
    }

  today = on != NULL ? g_strdup (on) : tavla_date_today ();
  if (scheduled)
    {
      waiting.loop = g_main_loop_new (NULL, FALSE);
      waiting.notifications = g_ptr_array_new_with_free_func (g_object_unref);
    }
  if (!notify_is_initted () && !notify_init ("Tavla"))
    {
      warn (_("desktop notifications are not available; the window shows the reminders when it opens"));
      failed = TRUE;
    }

  for (guint i = 0; i < reminders->len; i++)
    {
      TavlaReminder *reminder = g_ptr_array_index (reminders, i);
      g_autoptr(GError) notify_error = NULL;
      gboolean notified = FALSE;

      if (reminder->shown)
        continue;

      if (!failed)
        {
          notified = notify_reminder (reminder, scheduled ? &waiting : NULL, &notify_error);
          if (!notified)
            {
              g_autofree char *message =
                /* Translators: %s is why, from the notification system. */
                g_strdup_printf (_("could not show a desktop notification (%s); the window shows the reminders when it opens"),
                                 notify_error->message);

              warn (message);
              failed = TRUE;
            }
        }

      if (notified)
        {
          n_shown++;
          if (!tavla_board_mark_reminder_shown (board, person, today, reminder->key, &error))
            {
              /* A read-only board cannot remember; the reminder was shown. */
              warn (error->message);
              g_clear_error (&error);
            }
        }

      if (builder != NULL)
        json_add_reminder (builder, reminder, notified);
      else if (notified)
        print_reminder (cli, reminder);
    }

  if (builder != NULL)
    {
      json_builder_end_array (builder);
      cli_write_json (cli, builder);
    }
  else if (n_shown == 0 && !failed)
    cli_print_line (cli, "%s", _("No new reminders."));

  if (scheduled)
    {
      if (waiting.notifications->len > 0)
        {
          cli_flush (cli, TRUE);
          fflush (stdout);
          g_timeout_add_seconds (TAVLA_REMIND_WAIT_SECONDS, on_wait_timeout, waiting.loop);
          g_main_loop_run (waiting.loop);
        }
      g_ptr_array_unref (waiting.notifications);
      g_main_loop_unref (waiting.loop);
    }

  if (notify_is_initted ())
    notify_uninit ();

  return CLI_EXIT_OK;
}

int
cli_export_ics (TavlaCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaReminderConfig) config = tavla_reminder_config_load ();
  g_autofree char *for_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  TavlaBoard *board = NULL;
  int status = 0;
  const GOptionEntry entries[] = {
    { "for", 0, 0, G_OPTION_ARG_STRING, &for_name,
      N_("Only this person's proposals and recommendations"), N_("NAME") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to this file instead of standard output"), N_("FILE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Export due dates and meetings as an iCalendar file for a calendar app."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (!cli_check_text ("--for", for_name, &error))
    return cli_fail (error);

  use_window_database (cli, config);
  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  text = tavla_board_export_ics (board, for_name, &config->settings, &error);
  if (text == NULL)
    return cli_fail (error);

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        return cli_fail (error);
      return CLI_EXIT_OK;
    }

  g_string_append (cli->out, text);
  cli_flush (cli, FALSE);
  return CLI_EXIT_OK;
}
