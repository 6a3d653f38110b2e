/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tavla-application.h"
#include "tavla-gui-settings.h"
#include "tavla-preferences-window.h"
#include "tavla-window.h"

struct _TavlaApplication
{
  AdwApplication  parent_instance;

  /* Owned references */
  GSettings      *settings;
  char           *db_option;
};

G_DEFINE_FINAL_TYPE (TavlaApplication, tavla_application, ADW_TYPE_APPLICATION)

/* The database to open: --db, else $TAVLA_DB, else the one chosen in the
 * menu (remembered in GSettings), else the default under $XDG_DATA_HOME. */
static char *
dup_database_path (TavlaApplication *self)
{
  const char *env = g_getenv ("TAVLA_DB");
  g_autofree char *remembered = NULL;

  if (self->db_option != NULL)
    return g_strdup (self->db_option);
  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  if (self->settings != NULL)
    remembered = g_settings_get_string (self->settings, "database-path");
  if (remembered != NULL && remembered[0] != '\0')
    return g_steal_pointer (&remembered);

  return tavla_default_database_path ();
}

static TavlaWindow *
get_window (TavlaApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (TAVLA_IS_WINDOW (window))
    return TAVLA_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (TAVLA_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

static void
on_bench_after_paint (GdkFrameClock *clock,
                      GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, on_bench_after_paint, window);
  g_printerr ("rss-kib %ld\n", peak_rss_kib ());
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
on_bench_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_bench_after_paint), window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TavlaApplication *self = user_data;
  static const char *developers[] = { "Tavla developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Tavla"),
                        "application-icon", APP_ID,
                        "developer-name", _("Tavla developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("The improvement board of a municipal customer-service centre: "
                                      "proposals, owners, due dates and status marks for the weekly meeting."),
                        "website", "https://github.com/tavla/tavla",
                        "issue-url", "https://github.com/tavla/tavla/issues",
                        "developers", developers,
                        "copyright", _("© Tavla developers"),
                        "license-type", GTK_LICENSE_CUSTOM,
                        "license", _("Tavla is free software, licensed under the European Union Public "
                                     "Licence (EUPL) version 1.2. See "
                                     "https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12"),
                        /* TRANSLATORS: your names, one per line: "Name <e-mail>". */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TavlaWindow *window = get_window (user_data);
  GtkWidget *preferences;

  if (window == NULL)
    return;

  preferences = tavla_preferences_window_new (GTK_WINDOW (window), tavla_window_get_board (window));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TavlaWindow *window = get_window (user_data);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
open_database_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  TavlaWindow *window = get_window (user_data);

  if (window != NULL)
    tavla_window_choose_database (window, FALSE);
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TavlaWindow *window = get_window (user_data);

  if (window != NULL)
    tavla_window_open_demo (window);
}

/* A reminder's Open from a desktop notification that tavla-cli showed
 * (`tavla --open-reminder KIND:ID`): the window, then what it is about. */
static void
open_reminder_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  TavlaApplication *self = user_data;
  TavlaWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = get_window (self);
  if (window != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.open-reminder", parameter);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "shortcuts", shortcuts_action },
  { "open-database", open_database_action },
  { "open-demo", open_demo_action },
  { "open-reminder", open_reminder_action, "(sx)" },
};

/* "item:42" (or "weekly-agenda:0") as the parameter of app.open-reminder. */
static GVariant *
parse_reminder_target (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", 2);
  gint64 id = 0;

  if (g_strv_length (parts) != 2 || parts[0][0] == '\0' ||
      !g_ascii_string_to_signed (parts[1], 10, 0, G_MAXINT64, &id, NULL))
    return NULL;

  return g_variant_new ("(sx)", parts[0], id);
}

static int
tavla_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  TavlaApplication *self = TAVLA_APPLICATION (application);
  g_autofree char *db = NULL;
  const char *reminder = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db) && db[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db);

      g_free (self->db_option);
      self->db_option = g_file_get_path (file);
    }

  if (g_variant_dict_lookup (options, "open-reminder", "&s", &reminder))
    {
      g_autoptr(GError) error = NULL;
      GVariant *target = parse_reminder_target (reminder);

      if (target == NULL)
        {
          g_printerr (_("tavla: --open-reminder “%s” is not KIND:ID, like item:42\n"), reminder);
          return 2;
        }
      if (!g_application_register (application, NULL, &error))
        {
          g_variant_unref (g_variant_ref_sink (target));
          g_printerr ("tavla: %s\n", error->message);
          return 1;
        }

      /* Reaches the running Tavla when there is one, else this one. */
      g_action_group_activate_action (G_ACTION_GROUP (application), "open-reminder", target);
      if (g_application_get_is_remote (application))
        return 0;
    }

  /* Go on with the default handling (activate the primary instance). */
  return -1;
}

static void
tavla_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  TavlaApplication *self = TAVLA_APPLICATION (application);

  G_APPLICATION_CLASS (tavla_application_parent_class)->startup (application);

  self->settings = tavla_gui_settings_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  /* Also from the header bar, where the board's own bindings do not reach. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-proposal", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
}

static void
tavla_application_activate (GApplication *application)
{
  TavlaApplication *self = TAVLA_APPLICATION (application);
  TavlaWindow *window = get_window (self);
  g_autofree char *path = NULL;

  if (window == NULL)
    {
      window = tavla_window_new (GTK_APPLICATION (self));
      path = dup_database_path (self);
      tavla_window_open_path (window, path);

      /* tests/bench measures the start-up against an empty window: quit
       * once the board has been painted and report the peak memory. */
      if (g_getenv ("TAVLA_BENCH_FIRST_FRAME") != NULL)
        g_signal_connect (window, "realize", G_CALLBACK (on_bench_realize), NULL);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
tavla_application_dispose (GObject *object)
{
  TavlaApplication *self = (TavlaApplication *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tavla_application_parent_class)->dispose (object);
}

static void
tavla_application_finalize (GObject *object)
{
  TavlaApplication *self = (TavlaApplication *) object;

  g_free (self->db_option);

  G_OBJECT_CLASS (tavla_application_parent_class)->finalize (object);
}

static void
tavla_application_class_init (TavlaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tavla_application_dispose;
  object_class->finalize = tavla_application_finalize;
  app_class->handle_local_options = tavla_application_handle_local_options;
  app_class->startup = tavla_application_startup;
  app_class->activate = tavla_application_activate;
}

static void
tavla_application_init (TavlaApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The database file to open (overrides $TAVLA_DB and the remembered one)"), N_("PATH") },
    { "open-reminder", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Show what a reminder is about, like item:42 (from a desktop notification)"), N_("KIND:ID") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The improvement board for the weekly meeting."));
}

TavlaApplication *
tavla_application_new (void)
{
  return g_object_new (TAVLA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/tavla/Tavla",
                       NULL);
}
