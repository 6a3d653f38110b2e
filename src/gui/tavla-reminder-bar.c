/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-reminder-bar.h"

struct _TavlaReminderBar
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkRevealer *revealer;
  GtkListBox  *list;
  GtkLabel    *heading;

  guint        n_reminders;
};

enum {
  OPEN_REMINDER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TavlaReminderBar, tavla_reminder_bar, GTK_TYPE_WIDGET)

#define KIND_KEY "tavla-reminder-object-kind"
#define ID_KEY   "tavla-reminder-object-id"
#define KEY_KEY  "tavla-reminder-key"

static void
update_heading (TavlaReminderBar *self)
{
  g_autofree char *text =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Reminder", "%u Reminders", self->n_reminders),
                     self->n_reminders);

  gtk_label_set_label (self->heading, text);
}

static void
on_open_clicked (GtkButton        *button,
                 TavlaReminderBar *self)
{
  const char *kind = g_object_get_data (G_OBJECT (button), KIND_KEY);
  gint64 *id = g_object_get_data (G_OBJECT (button), ID_KEY);

  g_signal_emit (self, signals[OPEN_REMINDER], 0, kind, id != NULL ? *id : (gint64) 0);
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  tavla_reminder_bar_clear (TAVLA_REMINDER_BAR (widget));
}

static void
tavla_reminder_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TAVLA_TYPE_REMINDER_BAR);

  G_OBJECT_CLASS (tavla_reminder_bar_parent_class)->dispose (object);
}

static void
tavla_reminder_bar_class_init (TavlaReminderBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_reminder_bar_dispose;

  signals[OPEN_REMINDER] =
    g_signal_new ("open-reminder", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "reminders.dismiss", NULL, dismiss_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-reminder-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaReminderBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, TavlaReminderBar, list);
  gtk_widget_class_bind_template_child (widget_class, TavlaReminderBar, heading);
}

static void
tavla_reminder_bar_init (TavlaReminderBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tavla_reminder_bar_new (void)
{
  return g_object_new (TAVLA_TYPE_REMINDER_BAR, NULL);
}

static gboolean
has_key (TavlaReminderBar *self,
         const char       *key)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), KEY_KEY), key) == 0)
      return TRUE;

  return FALSE;
}

void
tavla_reminder_bar_add (TavlaReminderBar    *self,
                        const TavlaReminder *reminder)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GtkWidget *row;
  GtkWidget *button;

  g_return_if_fail (TAVLA_IS_REMINDER_BAR (self));
  g_return_if_fail (reminder != NULL);

  if (has_key (self, reminder->key))
    return;

  /* Titles and subtitles of rows are markup; the texts are the user's. */
  title = g_markup_escape_text (reminder->title, -1);
  body = g_markup_escape_text (reminder->body, -1);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), body);
  g_object_set_data_full (G_OBJECT (row), KEY_KEY, g_strdup (reminder->key), g_free);

  button = gtk_button_new_with_mnemonic (_("_Open"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), KIND_KEY, g_strdup (reminder->object_kind), g_free);
  g_object_set_data_full (G_OBJECT (button), ID_KEY, g_memdup2 (&reminder->object_id, sizeof (gint64)), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_open_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  gtk_list_box_append (self->list, row);
  self->n_reminders++;
  update_heading (self);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

void
tavla_reminder_bar_clear (TavlaReminderBar *self)
{
  GtkWidget *row;

  g_return_if_fail (TAVLA_IS_REMINDER_BAR (self));

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, row);
  self->n_reminders = 0;
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

guint
tavla_reminder_bar_get_n_reminders (TavlaReminderBar *self)
{
  g_return_val_if_fail (TAVLA_IS_REMINDER_BAR (self), 0);

  return self->n_reminders;
}
