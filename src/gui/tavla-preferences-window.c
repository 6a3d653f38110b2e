/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-gui-settings.h"
#include "tavla-preferences-window.h"
#include "tavla-window.h"

struct _TavlaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *person_row;
  AdwActionRow         *database_row;
  AdwPreferencesPage   *reminders_page;
  GtkSwitch            *reminders_switch;
  GtkSwitch            *background_switch;
  GtkSpinButton        *days_spin;
  AdwComboRow          *meeting_day_row;
  AdwEntryRow          *meeting_time_row;
  AdwEntryRow          *development_row;
  AdwEntryRow          *quiet_start_row;
  AdwEntryRow          *quiet_end_row;
  AdwPreferencesGroup  *backups_group;
  AdwActionRow         *no_backups_row;
  AdwActionRow         *check_row;

  /* Owned references */
  TavlaBoard           *board;
  GSettings            *settings;
  GtkStringList        *people;
  /* The rows of backups_group, one per backup */
  GPtrArray            *backup_rows;

  guint                 filling : 1;
};

enum {
  PROP_0,
  PROP_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaPreferencesWindow, tavla_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_database_row (TavlaPreferencesWindow *self)
{
  g_autofree char *fallback = tavla_default_database_path ();
  const char *path = self->board != NULL ? tavla_board_get_path (self->board) : fallback;
  g_autofree char *escaped = g_markup_escape_text (path, -1);

  /* Row subtitles are markup; a path may hold '&'. */
  adw_action_row_set_subtitle (self->database_row, escaped);
}

static void
reload_people (TavlaPreferencesWindow *self)
{
  GListModel *model = self->board != NULL ? tavla_board_get_people (self->board) : NULL;
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
  g_autofree char *current = NULL;
  guint selected = 0;

  self->filling = TRUE;
  gtk_string_list_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)), NULL);
  gtk_string_list_append (self->people, _("Not chosen"));

  if (self->settings != NULL)
    current = g_settings_get_string (self->settings, "current-person");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaPerson) person = g_list_model_get_item (model, i);

      gtk_string_list_append (self->people, tavla_person_get_name (person));
      if (g_strcmp0 (current, tavla_person_get_name (person)) == 0)
        selected = i + 1;
    }

  /* Someone chosen on another board stays chosen even if not listed here. */
  if (selected == 0 && current != NULL && current[0] != '\0')
    {
      gtk_string_list_append (self->people, current);
      selected = n + 1;
    }

  adw_combo_row_set_selected (self->person_row, selected);
  self->filling = FALSE;
}

static void
on_person_selected (TavlaPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->person_row);
  const char *name = NULL;

  if (self->filling || self->settings == NULL)
    return;

  if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
    name = gtk_string_list_get_string (self->people, selected);
  g_settings_set_string (self->settings, "current-person", name != NULL ? name : "");
}

/* ---- The Reminders page (issue 8) ------------------------------------ */

/* Shows whether a row holds what the core accepts, with the core's
 * message as the row's tooltip. */
static void
mark_row (GtkWidget    *row,
          const GError *error)
{
  if (error != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, error->message);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
    }
}

static void
on_time_changed (TavlaPreferencesWindow *self,
                 GtkEditable            *row)
{
  const char *text = gtk_editable_get_text (row);
  TavlaReminderSettings settings = { .meeting_weekday = G_DATE_BAD_WEEKDAY };
  g_autoptr(GError) error = NULL;
  const char *key;

  if (self->filling || self->settings == NULL)
    return;

  if (row == GTK_EDITABLE (self->meeting_time_row))
    {
      key = "meeting-time";
      /* An empty quiet time turns quiet hours off; an empty meeting
       * time is not a time. */
      settings.meeting_time = text[0] != '\0' ? text : " ";
    }
  else if (row == GTK_EDITABLE (self->quiet_start_row))
    {
      key = "quiet-start";
      settings.quiet_start = text;
    }
  else
    {
      key = "quiet-end";
      settings.quiet_end = text;
    }

  if (tavla_reminder_settings_check (&settings, NULL, &error))
    g_settings_set_string (self->settings, key, text);
  mark_row (GTK_WIDGET (row), error);
}

static void
on_development_changed (TavlaPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->development_row));
  g_auto(GStrv) parts = g_regex_split_simple ("[\\s,;]+", text, 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) dates = NULL;
  TavlaReminderSettings settings = { .meeting_weekday = G_DATE_BAD_WEEKDAY };
  g_autoptr(GError) error = NULL;

  if (self->filling || self->settings == NULL)
    return;

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  dates = g_strv_builder_end (builder);
  settings.development_dates = (const char * const *) dates;

  if (tavla_reminder_settings_check (&settings, NULL, &error))
    g_settings_set_strv (self->settings, "development-dates", (const char * const *) dates);
  mark_row (GTK_WIDGET (self->development_row), error);
}

static void
on_meeting_day_selected (TavlaPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->meeting_day_row);

  if (self->filling || self->settings == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  g_settings_set_int (self->settings, "meeting-weekday", (int) selected);
}

static void
fill_reminders (TavlaPreferencesWindow *self)
{
  g_auto(GStrv) dates = NULL;
  g_autofree char *dates_text = NULL;
  g_autofree char *meeting_time = NULL;
  g_autofree char *quiet_start = NULL;
  g_autofree char *quiet_end = NULL;

  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->settings != NULL)
    g_object_get (self->settings, "settings-schema", &schema, NULL);
  /* Without the schema (an uninstalled build) nothing can be kept. */
  if (schema == NULL || !g_settings_schema_has_key (schema, "quiet-start"))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->reminders_page), FALSE);
      return;
    }

  g_settings_bind (self->settings, "reminders", self->reminders_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminders-background", self->background_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reminder-days-before", self->days_spin, "value", G_SETTINGS_BIND_DEFAULT);

  self->filling = TRUE;
  adw_combo_row_set_selected (self->meeting_day_row,
                              (guint) CLAMP (g_settings_get_int (self->settings, "meeting-weekday"), 0, 7));
  meeting_time = g_settings_get_string (self->settings, "meeting-time");
  gtk_editable_set_text (GTK_EDITABLE (self->meeting_time_row), meeting_time);
  dates = g_settings_get_strv (self->settings, "development-dates");
  dates_text = g_strjoinv (", ", dates);
  gtk_editable_set_text (GTK_EDITABLE (self->development_row), dates_text);
  quiet_start = g_settings_get_string (self->settings, "quiet-start");
  gtk_editable_set_text (GTK_EDITABLE (self->quiet_start_row), quiet_start);
  quiet_end = g_settings_get_string (self->settings, "quiet-end");
  gtk_editable_set_text (GTK_EDITABLE (self->quiet_end_row), quiet_end);
  self->filling = FALSE;
}

static void
show_toast (TavlaPreferencesWindow *self,
            const char             *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  /* Toast titles are markup; messages may quote paths with '&'. */
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static void on_restore_clicked (GtkButton *button, TavlaPreferencesWindow *self);

static void
reload_backups (TavlaPreferencesWindow *self)
{
  g_autoptr(GPtrArray) backups = NULL;

  for (guint i = 0; i < self->backup_rows->len; i++)
    adw_preferences_group_remove (self->backups_group, g_ptr_array_index (self->backup_rows, i));
  g_ptr_array_set_size (self->backup_rows, 0);

  if (self->board != NULL)
    backups = tavla_backup_list (tavla_board_get_path (self->board), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->no_backups_row), backups == NULL || backups->len == 0);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      TavlaBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *taken = g_date_time_format (backup->taken, "%Y-%m-%d %H:%M");
      g_autofree char *size = g_format_size (backup->size);
      /* TRANSLATORS: a backup's kind and size: "Daily · 548.9 kB". */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), tavla_backup_kind_get_label (backup->kind), size);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), taken);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, !tavla_board_is_read_only (self->board));
      g_object_set_data_full (G_OBJECT (button), "backup-path", g_strdup (backup->path), g_free);
      g_object_set_data_full (G_OBJECT (button), "backup-taken", g_strdup (taken), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_restore_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->backups_group, row);
      g_ptr_array_add (self->backup_rows, row);
    }
}

static void
on_back_up_now (TavlaPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->board == NULL)
    return;

  path = tavla_board_back_up_now (self->board, NULL, &error);
  show_toast (self, path != NULL ? _("Backed up and checked") : error->message);
  reload_backups (self);
}

static void
on_check (TavlaPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *text = NULL;

  if (self->board == NULL)
    return;

  if (!tavla_board_check_database (self->board, &problems, &error))
    text = g_strdup (error->message);
  else if (problems != NULL)
    text = g_strdup_printf (_("The database is damaged (%s); restore a backup"), problems);
  else
    text = g_strdup (_("The database is sound"));

  adw_action_row_set_subtitle (self->check_row, text);
  show_toast (self, text);
}

static void
on_restore_response (AdwMessageDialog       *dialog,
                     const char             *response,
                     TavlaPreferencesWindow *self)
{
  const char *backup = g_object_get_data (G_OBJECT (dialog), "backup-path");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (g_strcmp0 (response, "restore") != 0 || !TAVLA_IS_WINDOW (parent))
    return;

  /* The window reopens the restored file; this one lets go of the board. */
  g_clear_object (&self->board);
  tavla_window_restore_backup (TAVLA_WINDOW (parent), backup);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_restore_clicked (GtkButton              *button,
                    TavlaPreferencesWindow *self)
{
  const char *taken = g_object_get_data (G_OBJECT (button), "backup-taken");
  GtkWidget *dialog = NULL;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore the Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The board goes back to how it was on %s; later changes are "
                                    "not in it. The current file is kept next to it, not deleted."),
                                  taken);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path",
                          g_strdup (g_object_get_data (G_OBJECT (button), "backup-path")), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tavla_preferences_window_dispose (GObject *object)
{
  TavlaPreferencesWindow *self = (TavlaPreferencesWindow *) object;

  g_clear_object (&self->board);
  g_clear_object (&self->settings);
  g_clear_object (&self->people);
  g_clear_pointer (&self->backup_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tavla_preferences_window_parent_class)->dispose (object);
}

static void
tavla_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TavlaPreferencesWindow *self = TAVLA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TavlaPreferencesWindow *self = TAVLA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      self->board = g_value_dup_object (value);
      reload_people (self);
      update_database_row (self);
      reload_backups (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_preferences_window_class_init (TavlaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_preferences_window_dispose;
  object_class->get_property = tavla_preferences_window_get_property;
  object_class->set_property = tavla_preferences_window_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         TAVLA_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, person_row);
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, database_row);
  gtk_widget_class_bind_template_callback (widget_class, on_person_selected);
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, no_backups_row);
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, check_row);
  /* Reachable for the tests, like a user's click. */
  gtk_widget_class_bind_template_child_full (widget_class, "back_up_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "check_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_back_up_now);
  gtk_widget_class_bind_template_callback (widget_class, on_check);
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, reminders_page);
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, days_spin);
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, meeting_day_row);
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, meeting_time_row);
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, development_row);
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, quiet_start_row);
  gtk_widget_class_bind_template_child (widget_class, TavlaPreferencesWindow, quiet_end_row);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_development_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_meeting_day_selected);
}

static void
tavla_preferences_window_init (TavlaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = tavla_gui_settings_new ();
  self->people = gtk_string_list_new (NULL);
  self->backup_rows = g_ptr_array_new ();
  self->filling = TRUE;
  adw_combo_row_set_model (self->person_row, G_LIST_MODEL (self->people));
  self->filling = FALSE;
  reload_people (self);
  update_database_row (self);
  fill_reminders (self);
}

GtkWidget *
tavla_preferences_window_new (GtkWindow  *parent,
                              TavlaBoard *board)
{
  /* The application makes the window's "Choose…" reach app.open-database. */
  return g_object_new (TAVLA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "board", board,
                       NULL);
}
