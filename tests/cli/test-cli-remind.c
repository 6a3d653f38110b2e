/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * The cli suite for reminders and the calendar (issue 8): `remind` on
 * given days, its bad input, `remind --notify` on a private session bus
 * first without and then with a real notification daemon
 * (notification-daemon, on the X display the suite runs under), watched by
 * dbus-monitor, the settings read from GSettings, and `export ics` parsed
 * back with libical.
 */
#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <libical/ical.h>

#include "cli-test-common.h"

#define ASA "Åsa Öberg"
#define NOTIFICATION_DAEMON "/usr/lib/notification-daemon/notification-daemon"

static const char *reminder_keys[] = {
  "kind", "key", "title", "body", "object_kind", "object_id", "due", "shown", NULL,
};

/*
 * Åsa owns "Svarsmall för bygglov" due Tuesday 2026-12-01; Kalle owns
 * "Kampanjbemanning" due 2026-11-20; Socialförvaltningen's agreement,
 * signed 2025-12-20, is up for review on 2026-12-20. The weekly meeting is
 * on Mondays (the default), so its digest comes on Friday 2026-11-27.
 */
static void
seed (Fixture *f)
{
  seed_board (f);
  run (f, "item", "add", "--title", "Svarsmall för bygglov", "--owner", ASA, "--due", "2026-12-01", NULL);
  expect_ok (f);
  run (f, "item", "add", "--title", "Kampanjbemanning", "--owner", "Kalle Ek", "--due", "2026-11-20", NULL);
  expect_ok (f);
  run (f, "agreement", "add", "--department", "SOC", "--signed", "2025-12-20", NULL);
  expect_ok (f);
}

static void
test_remind_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) list = NULL;
  JsonArray *array;

  seed (f);

  run (f, "remind", "--for", ASA, "--on", "2026-11-30", NULL);
  expect_ok (f);
  g_assert_cmpstr (f->out, ==,
                   "Proposal due 2026-12-01 (w. 49): Svarsmall för bygglov\n"
                   "Agreement review due 2026-12-20 (w. 51): Delivery agreement with Socialförvaltningen, version 1\n");

  /* Friday before the Monday meeting: the digest, for everyone. */
  run (f, "remind", "--on", "2026-11-27", NULL);
  expect_ok (f);
  g_assert_true (g_str_has_prefix (f->out,
                                   "Weekly meeting 2026-11-30 (w. 49): 1 overdue, 1 due this week\n"));
  g_assert_null (strstr (f->out, "Svarsmall"));

  /* Nothing that day. */
  run (f, "remind", "--for", ASA, "--on", "2026-10-01", NULL);
  expect_ok (f);
  g_assert_cmpstr (f->out, ==, "No reminders.\n");

  list = run_json (f, "--json", "remind", "--for", ASA, "--on", "2026-11-30", NULL);
  array = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  assert_keys (json_array_get_object_element (array, 0), reminder_keys);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "kind"), ==, "item-due");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "key"), ==, "item:1");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 0), "object_id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "kind"), ==, "agreement-review");
}

static void
test_remind_bad (Fixture       *f,
                 gconstpointer  data)
{
  seed (f);

  run (f, "remind", "--for", "Okänd Person", NULL);
  expect_error (f, 3, "there is no person named “Okänd Person”");
  run (f, "remind", "--on", "2026-02-30", NULL);
  expect_error (f, 3, "On “2026-02-30” is not a date");
  run (f, "remind", "--notify", "--at", "25:61", NULL);
  expect_error (f, 3, "At “25:61” is not a time; write it as HH:MM");
  run (f, "remind", "extra", NULL);
  expect_error (f, 2, "Unexpected argument “extra”");
  run (f, "export", "ics", "--for", "Okänd Person", NULL);
  expect_error (f, 3, "there is no person named “Okänd Person”");
  run (f, "export", "ics", "extra", NULL);
  expect_error (f, 2, "Unexpected argument “extra”");
  run (f, "export", "vcs", NULL);
  expect_status (f, 2);
}

/* ---- Notifications on a private bus ---------------------------------- */

typedef struct
{
  GTestDBus       *bus;
  GDBusConnection *connection;
  GSubprocess     *monitor;
  GSubprocess     *daemon;
  char            *monitor_log;
  char           **env;
} Desktop;

static gboolean
name_has_owner (GDBusConnection *connection,
                const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static void
wait_until (gboolean (*ready) (Desktop *desktop),
            Desktop  *desktop,
            const char *what)
{
  for (guint i = 0; i < 200; i++)
    {
      if (ready (desktop))
        return;
      g_usleep (50 * 1000);
    }
  g_error ("%s did not happen within 10 s", what);
}

static gboolean
monitor_started (Desktop *desktop)
{
  g_autofree char *text = NULL;

  /* dbus-monitor's first line is the NameAcquired of its own connection. */
  return g_file_get_contents (desktop->monitor_log, &text, NULL, NULL) && strstr (text, "NameAcquired") != NULL;
}

static gboolean
daemon_started (Desktop *desktop)
{
  return name_has_owner (desktop->connection, "org.freedesktop.Notifications");
}

static void
desktop_start (Desktop *desktop,
               Fixture *f)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  const char *address;

  desktop->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (desktop->bus);
  address = g_test_dbus_get_bus_address (desktop->bus);
  desktop->connection = g_dbus_connection_new_for_address_sync (address,
                                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                                NULL, NULL, &error);
  g_assert_no_error (error);

  desktop->env = g_strdupv (f->env);
  desktop->env = g_environ_setenv (desktop->env, "DBUS_SESSION_BUS_ADDRESS", address, TRUE);

  desktop->monitor_log = g_build_filename (f->tmpdir, "monitor.log", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_environ (launcher, desktop->env);
  g_subprocess_launcher_set_stdout_file_path (launcher, desktop->monitor_log);
  desktop->monitor = g_subprocess_launcher_spawn (launcher, &error, "dbus-monitor", "--address", address,
                                                  "interface='org.freedesktop.Notifications',member='Notify'",
                                                  NULL);
  g_assert_no_error (error);
  wait_until (monitor_started, desktop, "dbus-monitor starting");
}

/* A real notification daemon on the X display the suite runs under. */
static void
desktop_start_daemon (Desktop *desktop)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (g_environ_getenv (desktop->env, "DISPLAY"));
  g_subprocess_launcher_set_environ (launcher, desktop->env);
  desktop->daemon = g_subprocess_launcher_spawn (launcher, &error, NOTIFICATION_DAEMON, NULL);
  g_assert_no_error (error);
  wait_until (daemon_started, desktop, "notification-daemon owning org.freedesktop.Notifications");
}

static void
desktop_stop (Desktop *desktop)
{
  if (desktop->daemon != NULL)
    {
      g_subprocess_force_exit (desktop->daemon);
      g_subprocess_wait (desktop->daemon, NULL, NULL);
    }
  g_subprocess_force_exit (desktop->monitor);
  g_subprocess_wait (desktop->monitor, NULL, NULL);
  g_clear_object (&desktop->daemon);
  g_clear_object (&desktop->monitor);
  g_dbus_connection_close_sync (desktop->connection, NULL, NULL);
  g_clear_object (&desktop->connection);
  g_test_dbus_down (desktop->bus);
  g_clear_object (&desktop->bus);
  g_free (desktop->monitor_log);
  g_strfreev (desktop->env);
}

/* The Notify calls the daemon received, as the summaries' lines. */
static guint
count_notifications (Desktop    *desktop,
                     const char *summary)
{
  g_autofree char *text = NULL;
  g_autofree char *quoted = g_strdup_printf ("string \"%s\"", summary);
  guint n = 0;

  /* The monitor writes as the calls pass; give it a moment to flush. */
  g_usleep (200 * 1000);
  g_assert_true (g_file_get_contents (desktop->monitor_log, &text, NULL, NULL));
  for (const char *at = strstr (text, quoted); at != NULL; at = strstr (at + 1, quoted))
    n++;
  return n;
}

static void
test_remind_notify (Fixture       *f,
                    gconstpointer  data)
{
  Desktop desktop = { 0 };
  g_autoptr(JsonNode) after = NULL;
  JsonArray *array;

  seed (f);
  desktop_start (&desktop, f);

  /* No notification daemon on the bus: a warning, exit 0, nothing
   * recorded as shown. */
  run_env (f, desktop.env, "--db", f->db, "remind", "--notify", "--for", ASA,
           "--on", "2026-11-30", "--at", "12:00", NULL);
  expect_status (f, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_str_has_prefix (f->err, "tavla-cli: warning: could not show a desktop notification ("));
  g_assert_nonnull (strstr (f->err, "the window shows the reminders when it opens\n"));
  /* One warning line, however many reminders were held back. */
  g_assert_cmpstr (strchr (f->err, '\n') + 1, ==, "");
  run (f, "remind", "--for", ASA, "--on", "2026-11-30", NULL);
  g_assert_null (strstr (f->out, "shown today"));

  /* With notification-daemon: both reminders arrive, and are recorded. */
  desktop_start_daemon (&desktop);
  run_env (f, desktop.env, "--db", f->db, "remind", "--notify", "--for", ASA,
           "--on", "2026-11-30", "--at", "12:00", NULL);
  expect_ok (f);
  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpstr (f->out, ==,
                   "Proposal due 2026-12-01 (w. 49): Svarsmall för bygglov\n"
                   "Agreement review due 2026-12-20 (w. 51): Delivery agreement with Socialförvaltningen, version 1\n");
  g_assert_cmpuint (count_notifications (&desktop, "Proposal due 2026-12-01 (w. 49)"), ==, 1);
  g_assert_cmpuint (count_notifications (&desktop, "Agreement review due 2026-12-20 (w. 51)"), ==, 1);
  /* Run by hand it returns at once, so it offers no Open that would do
   * nothing. */
  g_assert_cmpuint (count_notifications (&desktop, "open"), ==, 0);

  after = run_json (f, "--json", "remind", "--for", ASA, "--on", "2026-11-30", NULL);
  array = json_node_get_array (after);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (array, 0), "shown"));
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (array, 1), "shown"));

  /* Once a day: again the same day shows nothing new. */
  run_env (f, desktop.env, "--db", f->db, "remind", "--notify", "--for", ASA,
           "--on", "2026-11-30", "--at", "12:00", NULL);
  expect_ok (f);
  g_assert_cmpstr (f->out, ==, "No new reminders.\n");
  g_assert_cmpuint (count_notifications (&desktop, "Proposal due 2026-12-01 (w. 49)"), ==, 1);

  /* Quiet hours (18:00-07:00 by default) hold them; the next day they come. */
  run_env (f, desktop.env, "--db", f->db, "remind", "--notify", "--for", ASA,
           "--on", "2026-12-01", "--at", "06:30", NULL);
  expect_ok (f);
  g_assert_cmpstr (f->out, ==, "Quiet hours until 07:00: no reminders shown.\n");
  g_assert_cmpuint (count_notifications (&desktop, "Proposal due today"), ==, 0);
  run_env (f, desktop.env, "--db", f->db, "remind", "--notify", "--for", ASA,
           "--on", "2026-12-01", "--at", "07:00", NULL);
  expect_ok (f);
  expect_output (f, "Proposal due today: Svarsmall för bygglov\n");
  g_assert_cmpuint (count_notifications (&desktop, "Proposal due today"), ==, 1);

  desktop_stop (&desktop);
}

static gboolean
close_all (Desktop *desktop)
{
  /* notification-daemon numbers its notifications from 1. */
  for (guint id = 1; id <= 4; id++)
    {
      g_autoptr(GVariant) reply =
        g_dbus_connection_call_sync (desktop->connection, "org.freedesktop.Notifications",
                                     "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                                     "CloseNotification", g_variant_new ("(u)", id), NULL,
                                     G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
    }
  return TRUE;
}

static gboolean
two_notified (Desktop *desktop)
{
  g_autofree char *text = NULL;
  const char *at;
  guint n = 0;

  if (!g_file_get_contents (desktop->monitor_log, &text, NULL, NULL))
    return FALSE;
  for (at = strstr (text, "member=Notify"); at != NULL; at = strstr (at + 1, "member=Notify"))
    n++;
  return n >= 2;
}

/* The timer's run: notifications with an Open action, and it stays until
 * they are closed. */
static void
test_remind_scheduled (Fixture       *f,
                       gconstpointer  data)
{
  Desktop desktop = { 0 };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  seed (f);
  desktop_start (&desktop, f);
  desktop_start_daemon (&desktop);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_environ (launcher, desktop.env);
  cli = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("TAVLA_CLI"), "--db", f->db,
                                     "remind", "--notify", "--scheduled", "--for", ASA,
                                     "--on", "2026-11-30", "--at", "12:00", NULL);
  g_assert_no_error (error);

  wait_until (two_notified, &desktop, "both notifications");
  g_assert_cmpuint (count_notifications (&desktop, "open"), ==, 2);
  g_assert_cmpuint (count_notifications (&desktop, "default"), ==, 2);
  g_usleep (500 * 1000);
  /* Still running, for an Open (the identifier goes when it exits). */
  g_assert_nonnull (g_subprocess_get_identifier (cli));

  close_all (&desktop);
  g_assert_true (g_subprocess_communicate_utf8 (cli, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (cli));
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 0);
  g_assert_cmpstr (out, ==,
                   "Proposal due 2026-12-01 (w. 49): Svarsmall för bygglov\n"
                   "Agreement review due 2026-12-20 (w. 51): Delivery agreement with Socialförvaltningen, version 1\n");

  desktop_stop (&desktop);
}

/* The settings come from GSettings, as the window keeps them. */
static void
test_remind_settings (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *config = g_build_filename (f->tmpdir, "config", NULL);
  g_autofree char *folder = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (folder, "keyfile", NULL);
  g_auto(GStrv) env = g_strdupv (f->env);
  g_autoptr(GError) error = NULL;

  seed (f);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (keyfile,
                       "[io/github/tavla/Tavla]\n"
                       "current-person='" ASA "'\n"
                       "meeting-weekday=3\n"
                       "development-dates=['2026-12-03']\n"
                       "reminders-background=false\n",
                       -1, &error);
  g_assert_no_error (error);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);

  /* Åsa without --for; a Wednesday meeting's digest on Tuesday; the
   * development group two days ahead. */
  run_env (f, env, "--db", f->db, "remind", "--on", "2026-12-01", NULL);
  expect_ok (f);
  g_assert_cmpstr (f->out, ==,
                   "Weekly meeting tomorrow: 1 overdue, 1 due this week\n"
                   "Proposal due today: Svarsmall för bygglov\n"
                   "Agreement review due 2026-12-20 (w. 51): Delivery agreement with Socialförvaltningen, version 1\n"
                   "Development group meeting 2026-12-03 (w. 49): Prepare the agenda: agreements, deviations over the tertial and audit recommendations per department.\n");

  /* The timer runs for every user: without a board it creates none. */
  {
    g_autofree char *missing = g_build_filename (f->tmpdir, "missing.db", NULL);

    run_env (f, f->env, "--db", missing, "remind", "--notify", "--scheduled", "--at", "12:00", NULL);
    expect_ok (f);
    g_assert_cmpstr (f->out, ==, "");
    g_assert_cmpstr (f->err, ==, "");
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* Switched off in Preferences: the timer's run does nothing at all. */
  run_env (f, env, "--db", f->db, "remind", "--notify", "--scheduled", "--at", "12:00", NULL);
  expect_ok (f);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpstr (f->err, ==, "");
}

/* ---- The calendar ---------------------------------------------------- */

static icalcomponent *
parse_ics (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  icalrestriction_check (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  return calendar;
}

static char *
uids (icalcomponent *calendar)
{
  GString *text = g_string_new (NULL);

  for (icalcomponent *entry = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       entry != NULL;
       entry = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    g_string_append_printf (text, "%s %s\n", icalcomponent_isa (entry) == ICAL_VTODO_COMPONENT ? "VTODO" : "VEVENT",
                            icalcomponent_get_uid (entry));

  return g_string_free (text, FALSE);
}

static void
test_export_ics (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "tavla.ics", NULL);
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  g_autofree char *again = NULL;
  g_autofree char *asas = NULL;
  icalcomponent *calendar;
  icalcomponent *task;
  g_autoptr(GError) error = NULL;

  seed (f);

  run (f, "export", "ics", "--output", path, NULL);
  expect_ok (f);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  calendar = parse_ics (text);
  all = uids (calendar);
  g_assert_cmpstr (all, ==,
                   "VEVENT tavla-weekly-meeting@tavla.github.io\n"
                   "VTODO tavla-item-1@tavla.github.io\n"
                   "VTODO tavla-item-2@tavla.github.io\n"
                   "VTODO tavla-agreement-review-1@tavla.github.io\n");
  task = icalcomponent_get_first_component (calendar, ICAL_VTODO_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_summary (task), ==, "Svarsmall för bygglov");
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_due (task)), ==, "20261201");
  icalcomponent_free (calendar);

  /* To standard output, the same entries; and the same UIDs again after
   * a change, so a calendar updates them. */
  run (f, "item", "update", "1", "--due", "2026-12-04", NULL);
  expect_ok (f);
  run (f, "export", "ics", NULL);
  expect_ok (f);
  calendar = parse_ics (f->out);
  again = uids (calendar);
  g_assert_cmpstr (again, ==, all);
  task = icalcomponent_get_first_component (calendar, ICAL_VTODO_COMPONENT);
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_due (task)), ==, "20261204");
  icalcomponent_free (calendar);

  /* Åsa's calendar leaves out Kalle's proposal. */
  run (f, "export", "ics", "--for", ASA, NULL);
  expect_ok (f);
  calendar = parse_ics (f->out);
  asas = uids (calendar);
  g_assert_null (strstr (asas, "tavla-item-2@"));
  g_assert_nonnull (strstr (asas, "tavla-item-1@"));
  icalcomponent_free (calendar);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  /* meson passes the built tavla-cli as the one argument left. */
  if (argc > 1)
    g_setenv ("TAVLA_CLI", argv[1], TRUE);

  g_test_add ("/cli/remind/list", Fixture, NULL, fixture_set_up, test_remind_list, fixture_tear_down);
  g_test_add ("/cli/remind/bad", Fixture, NULL, fixture_set_up, test_remind_bad, fixture_tear_down);
  g_test_add ("/cli/remind/notify", Fixture, NULL, fixture_set_up, test_remind_notify, fixture_tear_down);
  g_test_add ("/cli/remind/scheduled", Fixture, NULL, fixture_set_up, test_remind_scheduled, fixture_tear_down);
  g_test_add ("/cli/remind/settings", Fixture, NULL, fixture_set_up, test_remind_settings, fixture_tear_down);
  g_test_add ("/cli/export/ics", Fixture, NULL, fixture_set_up, test_export_ics, fixture_tear_down);

  return g_test_run ();
}
