/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "tavla-reminder-notifier.h"

struct _TavlaReminderNotifier
{
  GObject           parent_instance;

  /* Owned references */
  TavlaBoard       *board;
  /* NotifyNotification, kept until closed so that their actions work */
  GPtrArray        *notifications;

  /* Borrowed references (weak) */
  GtkWidget        *window;
  TavlaReminderBar *bar;

  guint             timeout_id;
};

G_DEFINE_FINAL_TYPE (TavlaReminderNotifier, tavla_reminder_notifier, G_TYPE_OBJECT)

typedef struct
{
  GtkWidget *window;   /* weak */
  char      *object_kind;
  gint64     object_id;
} OpenData;

static void
open_data_free (gpointer user_data)
{
  OpenData *data = user_data;

  g_clear_weak_pointer (&data->window);
  g_free (data->object_kind);
  g_free (data);
}

static void
on_notification_action (NotifyNotification *notification,
                        char               *action,
                        gpointer            user_data)
{
  OpenData *data = user_data;

  if (data->window == NULL)
    return;

  gtk_window_present (GTK_WINDOW (data->window));
  gtk_widget_activate_action (data->window, "win.open-reminder", "(sx)",
                              data->object_kind != NULL ? data->object_kind : "", data->object_id);
}

static void
on_notification_closed (NotifyNotification    *notification,
                        TavlaReminderNotifier *self)
{
  g_ptr_array_remove (self->notifications, notification);
}

static void
add_open_action (NotifyNotification *notification,
                 GtkWidget          *window,
                 const char         *name,
                 const char         *label,
                 const TavlaReminder *reminder)
{
  OpenData *data = g_new0 (OpenData, 1);

  g_set_weak_pointer (&data->window, window);
  data->object_kind = g_strdup (reminder->object_kind);
  data->object_id = reminder->object_id;
  notify_notification_add_action (notification, name, label, on_notification_action, data, open_data_free);
}

/* Shows @reminder as a desktop notification; FALSE (logged) when that
 * could not be done. */
static gboolean
notify_reminder (TavlaReminderNotifier *self,
                 const TavlaReminder   *reminder)
{
  NotifyNotification *notification = NULL;
  g_autoptr(GError) error = NULL;

  if (!notify_is_initted () && !notify_init ("Tavla"))
    return FALSE;

  notification = notify_notification_new (reminder->title, reminder->body, APP_ID);
  notify_notification_set_app_name (notification, "Tavla");
  notify_notification_set_category (notification, "x-tavla.reminder");
  notify_notification_set_hint_string (notification, "desktop-entry", APP_ID);
  add_open_action (notification, self->window, "default", _("Open"), reminder);
  add_open_action (notification, self->window, "open", _("Open"), reminder);

  if (!notify_notification_show (notification, &error))
    {
      g_debug ("Could not show a desktop notification: %s", error->message);
      g_object_unref (notification);
      return FALSE;
    }

  g_signal_connect_object (notification, "closed", G_CALLBACK (on_notification_closed), self, 0);
  g_ptr_array_add (self->notifications, notification);
  return TRUE;
}

/* The reminders of the person chosen in Preferences as they are named on
 * this board; someone not on it (chosen on another board) gets the
 * reminders for everyone only. @out_person receives the name used. */
static GPtrArray *
list_pending (TavlaReminderNotifier  *self,
              TavlaReminderConfig    *config,
              const char             *today,
              char                  **out_person)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(TavlaPerson) person = NULL;
  TavlaReminderSettings settings = config->settings;

  if (settings.person != NULL)
    person = tavla_board_find_person (self->board, settings.person);
  settings.person = person != NULL ? tavla_person_get_name (person) : NULL;

  reminders = tavla_board_list_reminders (self->board, &settings, today, &error);
  if (reminders == NULL)
    {
      g_debug ("Could not list the reminders: %s", error->message);
      return NULL;
    }

  *out_person = g_strdup (settings.person);
  return g_steal_pointer (&reminders);
}

static gboolean
on_timeout (gpointer user_data)
{
  tavla_reminder_notifier_check (user_data, FALSE);
  return G_SOURCE_CONTINUE;
}

static void
tavla_reminder_notifier_dispose (GObject *object)
{
  TavlaReminderNotifier *self = (TavlaReminderNotifier *) object;

  tavla_reminder_notifier_stop (self);
  g_clear_object (&self->board);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->bar);

  G_OBJECT_CLASS (tavla_reminder_notifier_parent_class)->dispose (object);
}

static void
tavla_reminder_notifier_finalize (GObject *object)
{
  TavlaReminderNotifier *self = (TavlaReminderNotifier *) object;

  g_ptr_array_unref (self->notifications);

  G_OBJECT_CLASS (tavla_reminder_notifier_parent_class)->finalize (object);
}

static void
tavla_reminder_notifier_class_init (TavlaReminderNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tavla_reminder_notifier_dispose;
  object_class->finalize = tavla_reminder_notifier_finalize;
}

static void
tavla_reminder_notifier_init (TavlaReminderNotifier *self)
{
  self->notifications = g_ptr_array_new_with_free_func (g_object_unref);
}

TavlaReminderNotifier *
tavla_reminder_notifier_new (GtkWidget        *window,
                             TavlaReminderBar *bar)
{
  TavlaReminderNotifier *self = g_object_new (TAVLA_TYPE_REMINDER_NOTIFIER, NULL);

  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->bar, bar);
  return self;
}

void
tavla_reminder_notifier_set_board (TavlaReminderNotifier *self,
                                   TavlaBoard            *board)
{
  g_return_if_fail (TAVLA_IS_REMINDER_NOTIFIER (self));

  g_set_object (&self->board, board);
  if (self->bar != NULL)
    tavla_reminder_bar_clear (self->bar);
  if (board == NULL)
    {
      tavla_reminder_notifier_stop (self);
      return;
    }

  tavla_reminder_notifier_check (self, TRUE);
  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add_seconds (TAVLA_REMINDER_CHECK_SECONDS, on_timeout, self);
}

guint
tavla_reminder_notifier_check (TavlaReminderNotifier *self,
                               gboolean               in_window)
{
  g_autoptr(TavlaReminderConfig) config = tavla_reminder_config_load ();
  g_autoptr(GPtrArray) reminders = NULL;
  g_autofree char *today = tavla_date_today ();
  g_autofree char *person = NULL;
  guint shown = 0;

  g_return_val_if_fail (TAVLA_IS_REMINDER_NOTIFIER (self), 0);

  if (self->board == NULL || !config->show_reminders)
    return 0;
  /* Quiet hours hold notifications; the bar is only seen when looked at. */
  if (!in_window && tavla_reminder_settings_is_quiet (&config->settings, NULL, NULL))
    return 0;
  if ((reminders = list_pending (self, config, today, &person)) == NULL)
    return 0;

  for (guint i = 0; i < reminders->len; i++)
    {
      TavlaReminder *reminder = g_ptr_array_index (reminders, i);
      g_autoptr(GError) error = NULL;

      if (reminder->shown)
        continue;

      if (in_window || !notify_reminder (self, reminder))
        {
          if (self->bar == NULL)
            continue;
          tavla_reminder_bar_add (self->bar, reminder);
        }

      shown++;
      /* On a read-only board it cannot be recorded; it was shown. */
      if (!tavla_board_mark_reminder_shown (self->board, person, today, reminder->key, &error))
        g_debug ("Could not record a shown reminder: %s", error->message);
    }

  return shown;
}

void
tavla_reminder_notifier_stop (TavlaReminderNotifier *self)
{
  g_return_if_fail (TAVLA_IS_REMINDER_NOTIFIER (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
}
