/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tavla-agreements-view.h"
#include "tavla-audits-view.h"
#include "tavla-feedback-view.h"
#include "tavla-file-chooser.h"
#include "tavla-gui-settings.h"
#include "tavla-meetings-view.h"
#include "tavla-metrics-view.h"
#include "tavla-reminder-bar.h"
#include "tavla-reminder-notifier.h"
#include "tavla-window.h"

struct _TavlaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  TavlaBoardView       *board_view;
  TavlaMetricsView     *metrics_view;
  TavlaAgreementsView  *agreements_view;
  TavlaAuditsView      *audits_view;
  TavlaMeetingsView    *meetings_view;
  TavlaFeedbackView    *feedback_view;
  AdwStatusPage        *error_page;
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
  TavlaReminderBar     *reminder_bar;
  GtkWidget            *restore_button;

  /* Owned references */
  TavlaBoard           *board;
  GSettings            *settings;
  TavlaReminderNotifier *reminders;
  /* The file that could not be opened, and its newest good backup */
  char                 *failed_path;
  char                 *newest_backup;
};

G_DEFINE_FINAL_TYPE (TavlaWindow, tavla_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_toast (TavlaWindow *self,
            const char  *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
set_board (TavlaWindow *self,
           TavlaBoard  *board)
{
  const char *reason;

  if (self->board != NULL)
    tavla_board_set_watch (self->board, FALSE);
  g_set_object (&self->board, board);

  tavla_board_view_set_board (self->board_view, board);
  tavla_metrics_view_set_board (self->metrics_view, board);
  tavla_agreements_view_set_board (self->agreements_view, board);
  tavla_audits_view_set_board (self->audits_view, board);
  tavla_meetings_view_set_board (self->meetings_view, board);
  tavla_feedback_view_set_board (self->feedback_view, board);
  tavla_reminder_notifier_set_board (self->reminders, board);
  if (board == NULL)
    return;

  /* Changes from tavla-cli or another window show up by themselves. */
  tavla_board_set_watch (board, TRUE);
  adw_view_switcher_title_set_subtitle (self->switcher_title, tavla_board_get_path (board));

  reason = tavla_board_get_read_only_reason (board);
  gtk_label_set_label (self->read_only_label, reason != NULL ? reason : "");
  gtk_revealer_set_reveal_child (self->read_only_revealer, tavla_board_is_read_only (board));
  gtk_stack_set_visible_child_name (self->main_stack, "views");
  tavla_board_view_focus_board (self->board_view);
}

static void
show_open_error (TavlaWindow  *self,
                 const char   *path,
                 const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  g_autoptr(TavlaBackup) newest = NULL;

  /* A damaged file was moved aside: offer its newest good backup. */
  if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_DAMAGED))
    newest = tavla_backup_find_newest_good (path);
  g_free (self->failed_path);
  self->failed_path = g_strdup (path);
  g_free (self->newest_backup);
  self->newest_backup = newest != NULL ? g_strdup (newest->path) : NULL;
  gtk_widget_set_visible (self->restore_button, newest != NULL);

  set_board (self, NULL);
  adw_view_switcher_title_set_subtitle (self->switcher_title, path);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_revealer_set_reveal_child (self->read_only_revealer, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}


static void
on_restore_newest_response (AdwMessageDialog *dialog,
                            const char       *response,
                            TavlaWindow      *self)
{
  g_autofree char *backup = g_strdup (self->newest_backup);

  if (g_strcmp0 (response, "restore") == 0 && backup != NULL)
    tavla_window_restore_backup (self, backup);
}

static void
restore_newest_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TavlaWindow *self = TAVLA_WINDOW (widget);
  GtkWidget *dialog = NULL;

  if (self->newest_backup == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore the Newest Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The board goes back to the backup “%s”. The damaged file "
                                    "stays where it was moved, for rescue."), self->newest_backup);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_newest_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_database_chosen (GFile    *file,
                    gpointer  user_data)
{
  TavlaWindow *self = user_data;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      show_toast (self, _("Choose a file on this computer"));
      return;
    }

  if (tavla_window_open_path (self, path) && self->settings != NULL)
    g_settings_set_string (self->settings, "database-path", path);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  tavla_window_choose_database (TAVLA_WINDOW (widget), g_variant_get_boolean (parameter));
}

/* The header bar and the toasts sit outside the board, so their buttons
 * reach the board's class actions through these. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TavlaWindow *self = TAVLA_WINDOW (widget);

  /* New proposals and searches happen on the board, whichever page is up. */
  if (!g_str_equal (action_name, "win.undo"))
    adw_view_stack_set_visible_child_name (self->view_stack, "board");

  if (g_str_equal (action_name, "win.new-proposal"))
    gtk_widget_activate_action (GTK_WIDGET (self->board_view), "board.new", NULL);
  else if (g_str_equal (action_name, "win.undo"))
    gtk_widget_activate_action (GTK_WIDGET (self->board_view), "board.undo", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self->board_view), "board.search", NULL);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TavlaWindow *self = TAVLA_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
  /* A call is going on: the cursor goes where the citizen's words go. */
  if (g_strcmp0 (name, "feedback") == 0)
    tavla_feedback_view_focus_form (self->feedback_view);
}

/* "Create Improvement" on the Metrics page: the proposal is made on the
 * board, in its panel, and saved through the core's act on deviation. */
static void
on_act_on_deviation (TavlaWindow    *self,
                     TavlaDeviation *deviation)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "board");
  tavla_board_view_act_on_deviation (self->board_view, deviation);
}

static void
on_open_item (TavlaWindow *self,
              gint64       item_id)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "board");
  if (!tavla_board_view_focus_item (self->board_view, item_id))
    show_toast (self, _("The proposal is hidden by the board’s filters"));
}

/* Shows the first of @pages that the window has, so that a window built
 * without the Meetings or Audits page falls back to the board. */
static void
show_first_page (TavlaWindow *self,
                 const char  *first,
                 ...)
{
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
      {
        adw_view_stack_set_visible_child_name (self->view_stack, name);
        break;
      }
  va_end (args);
}

/* What a reminder opens, from the bar or a notification's Open. */
static void
on_open_reminder (TavlaWindow *self,
                  const char  *object_kind,
                  gint64       object_id)
{
  if (g_strcmp0 (object_kind, "item") == 0)
    on_open_item (self, object_id);
  else if (g_strcmp0 (object_kind, "items") == 0)
    show_first_page (self, "board", NULL);
  else if (g_strcmp0 (object_kind, "agreement") == 0)
    {
      g_autoptr(TavlaAgreement) agreement = NULL;

      show_first_page (self, "agreements", NULL);
      if (self->board != NULL &&
          (agreement = tavla_board_get_agreement (self->board, object_id, NULL)) != NULL)
        tavla_agreements_view_select_department (self->agreements_view,
                                                 tavla_agreement_get_department (agreement));
    }
  else if (g_strcmp0 (object_kind, "recommendation") == 0)
    show_first_page (self, "audits", "board", NULL);
  else if (g_strcmp0 (object_kind, "period-report") == 0)
    show_first_page (self, "metrics", NULL);
  else
    /* The weekly agenda (the Meetings page shows it when no meeting is
     * chosen) and the development group's meetings. */
    show_first_page (self, "meetings", "board", NULL);
}

static void
open_reminder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  const char *object_kind = NULL;
  gint64 object_id = 0;

  g_variant_get (parameter, "(&sx)", &object_kind, &object_id);
  on_open_reminder (TAVLA_WINDOW (widget), object_kind, object_id);
}

static void
on_calendar_chosen (GFile    *file,
                    gpointer  user_data)
{
  tavla_window_export_calendar (TAVLA_WINDOW (user_data), file);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TavlaWindow *self = TAVLA_WINDOW (widget);

  if (self->board == NULL)
    return;

  tavla_choose_calendar_file (GTK_WINDOW (self), on_calendar_chosen, g_object_ref (self), g_object_unref);
}

static void
tavla_window_dispose (GObject *object)
{
  TavlaWindow *self = (TavlaWindow *) object;

  if (self->board != NULL)
    tavla_board_set_watch (self->board, FALSE);
  g_clear_object (&self->board);
  g_clear_object (&self->settings);
  if (self->reminders != NULL)
    tavla_reminder_notifier_stop (self->reminders);
  g_clear_object (&self->reminders);
  g_clear_pointer (&self->failed_path, g_free);
  g_clear_pointer (&self->newest_backup, g_free);

  G_OBJECT_CLASS (tavla_window_parent_class)->dispose (object);
}

static void
tavla_window_class_init (TavlaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_window_dispose;

  gtk_widget_class_install_action (widget_class, "win.choose-database", "b", choose_action);
  gtk_widget_class_install_action (widget_class, "win.new-proposal", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.open-reminder", "(sx)", open_reminder_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, export_calendar_action);
  /* Ctrl+Alt+digit, because Alt+digit moves the focused card to a status on
   * the board, the key used most at the weekly meeting. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.show-page", "s", "board");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.show-page", "s", "metrics");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.show-page", "s", "agreements");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.show-page", "s", "audits");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.show-page", "s", "meetings");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.show-page", "s", "feedback");

  g_type_ensure (TAVLA_TYPE_BOARD_VIEW);
  g_type_ensure (TAVLA_TYPE_METRICS_VIEW);
  g_type_ensure (TAVLA_TYPE_AGREEMENTS_VIEW);
  g_type_ensure (TAVLA_TYPE_AUDITS_VIEW);
  g_type_ensure (TAVLA_TYPE_MEETINGS_VIEW);
  g_type_ensure (TAVLA_TYPE_FEEDBACK_VIEW);
  g_type_ensure (TAVLA_TYPE_REMINDER_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, board_view);
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, metrics_view);
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, agreements_view);
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, audits_view);
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, meetings_view);
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, feedback_view);
  gtk_widget_class_bind_template_callback (widget_class, on_act_on_deviation);
  gtk_widget_class_bind_template_callback (widget_class, on_open_item);
  gtk_widget_class_bind_template_callback (widget_class, on_open_reminder);
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, reminder_bar);
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, restore_button);
  gtk_widget_class_install_action (widget_class, "win.restore-newest-backup", NULL, restore_newest_action);
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, TavlaWindow, read_only_label);
}

static void
tavla_window_init (TavlaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self, "map", G_CALLBACK (tavla_board_view_focus_board), self->board_view);
  self->reminders = tavla_reminder_notifier_new (GTK_WIDGET (self), self->reminder_bar);

  self->settings = tavla_gui_settings_new ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }
}

TavlaWindow *
tavla_window_new (GtkApplication *application)
{
  return g_object_new (TAVLA_TYPE_WINDOW, "application", application, NULL);
}

TavlaBoard *
tavla_window_get_board (TavlaWindow *self)
{
  g_return_val_if_fail (TAVLA_IS_WINDOW (self), NULL);

  return self->board;
}

TavlaBoardView *
tavla_window_get_board_view (TavlaWindow *self)
{
  g_return_val_if_fail (TAVLA_IS_WINDOW (self), NULL);

  return self->board_view;
}

TavlaMetricsView *
tavla_window_get_metrics_view (TavlaWindow *self)
{
  g_return_val_if_fail (TAVLA_IS_WINDOW (self), NULL);

  return self->metrics_view;
}

TavlaReminderBar *
tavla_window_get_reminder_bar (TavlaWindow *self)
{
  g_return_val_if_fail (TAVLA_IS_WINDOW (self), NULL);

  return self->reminder_bar;
}

TavlaReminderNotifier *
tavla_window_get_reminder_notifier (TavlaWindow *self)
{
  g_return_val_if_fail (TAVLA_IS_WINDOW (self), NULL);

  return self->reminders;
}

AdwViewStack *
tavla_window_get_view_stack (TavlaWindow *self)
{
  g_return_val_if_fail (TAVLA_IS_WINDOW (self), NULL);

  return self->view_stack;
}

/* Opens the board at @path, or shows why it could not be opened with a
 * way to choose another file. Never creates anything but a missing file. */
gboolean
tavla_window_open_path (TavlaWindow *self,
                        const char  *path)
{
  g_autoptr(TavlaBoard) board = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TAVLA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  board = tavla_board_open (path, &error);
  if (board == NULL)
    {
      show_open_error (self, path, error);
      return FALSE;
    }

  set_board (self, board);
  return TRUE;
}

/* The demo kundcenter lives in its own file, so trying it never touches
 * the team's real board. */
void
tavla_window_open_demo (TavlaWindow *self)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "tavla", "demo.db", NULL);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TAVLA_IS_WINDOW (self));

  if (!tavla_window_open_path (self, path))
    return;

  if (g_list_model_get_n_items (tavla_board_get_items (self->board)) == 0 &&
      !tavla_board_load_demo (self->board, &error))
    show_toast (self, error->message);
}

void
tavla_window_choose_database (TavlaWindow *self,
                              gboolean     create)
{
  g_return_if_fail (TAVLA_IS_WINDOW (self));

  tavla_choose_database_file (GTK_WINDOW (self), create, on_database_chosen,
                              g_object_ref (self), g_object_unref);
}

/* Writes the calendar (tavla_board_export_ics() with the reminder
 * settings' meetings) to @file and says in a toast how it went. */
gboolean
tavla_window_export_calendar (TavlaWindow *self,
                              GFile       *file)
{
  g_autoptr(TavlaReminderConfig) config = tavla_reminder_config_load ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (TAVLA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->board == NULL)
    return FALSE;

  text = tavla_board_export_ics (self->board, NULL, &config->settings, &error);
  if (text == NULL ||
      !g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }

  name = g_file_get_basename (file);
  /* Translators: %s is a file name, "tavla.ics". */
  message = g_strdup_printf (_("Calendar saved as %s"), name);
  show_toast (self, message);
  return TRUE;
}

gboolean
tavla_window_restore_backup (TavlaWindow *self,
                             const char  *backup_path)
{
  g_autofree char *path = NULL;
  g_autofree char *taken_text = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GDateTime) taken = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TAVLA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (self->board != NULL)
    path = g_strdup (tavla_board_get_path (self->board));
  else
    path = g_strdup (self->failed_path);
  if (path == NULL)
    return FALSE;

  /* No connection of this process may stay on the file being replaced. */
  set_board (self, NULL);
  if (!tavla_backup_restore (path, backup_path, NULL, &taken, &error))
    {
      show_open_error (self, path, error);
      return FALSE;
    }
  if (!tavla_window_open_path (self, path))
    return FALSE;

  taken_text = g_date_time_format (taken, "%Y-%m-%d %H:%M");
  message = g_strdup_printf (_("Restored: the board is as it was on %s"), taken_text);
  show_toast (self, message);

  return TRUE;
}
