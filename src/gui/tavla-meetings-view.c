/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-document-export.h"
#include "tavla-meeting-mode.h"
#include "tavla-meetings-view.h"

struct _TavlaMeetingsView
{
  GtkWidget       parent_instance;

  /* Template widgets */
  AdwComboRow    *kind_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *department_row;
  AdwEntryRow    *attendees_row;
  GtkLabel       *plan_error;
  GtkListBox     *meetings_list;
  GtkLabel       *document_title;
  GtkButton      *run_button;
  GtkLabel       *document_label;

  /* Owned references */
  TavlaBoard     *board;
  GListModel     *meetings;
  TavlaMeeting   *selected;
  TavlaAgenda    *agenda;
  TavlaMinutes   *minutes;
  gulong          changed_handler;
  gboolean        reloading;
  gboolean        document_stale;
};

G_DEFINE_FINAL_TYPE (TavlaMeetingsView, tavla_meetings_view, GTK_TYPE_WIDGET)

/* ---- The document on the right -------------------------------------------- */

static char *
agenda_markup (TavlaAgenda *agenda)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; i < agenda->sections->len; i++)
    {
      TavlaAgendaSection *section = g_ptr_array_index (agenda->sections, i);
      g_autofree char *heading = g_markup_printf_escaped ("%s<b><big>%s</big></b>\n", i > 0 ? "\n" : "",
                                                          section->title);
      const char *group = NULL;

      g_string_append (markup, heading);
      if (section->entries->len == 0)
        {
          g_autofree char *none = g_markup_printf_escaped ("<i>%s</i>\n", _("Nothing to report."));

          g_string_append (markup, none);
        }
      for (guint j = 0; j < section->entries->len; j++)
        {
          TavlaAgendaEntry *entry = g_ptr_array_index (section->entries, j);
          g_autofree char *line = NULL;
          g_autofree char *number = g_strcmp0 (entry->kind, "item") == 0
                                    ? g_strdup_printf ("#%" G_GINT64_FORMAT " ", entry->id) : g_strdup ("");

          if (entry->group != NULL && g_strcmp0 (entry->group, group) != 0)
            {
              g_autofree char *owner = g_markup_printf_escaped ("<b>%s</b>\n", entry->group);

              group = entry->group;
              g_string_append (markup, owner);
            }
          line = g_markup_printf_escaped ("• %s%s%s%s\n", number, entry->title,
                                          entry->carried_over ? " — " : "",
                                          entry->carried_over ? _("carried over") : "");
          g_string_append (markup, line);
          if (entry->detail != NULL)
            {
              g_autofree char *detail = g_markup_printf_escaped ("   <span alpha=\"70%%\">%s</span>\n",
                                                                 entry->detail);

              g_string_append (markup, detail);
            }
        }
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
show_document (TavlaMeetingsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  TavlaMeetingState state = TAVLA_MEETING_PLANNED;

  /* The agenda is built from the whole board: not while the page is not
   * shown, so that opening a big board does not wait for it. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->document_stale = TRUE;
      return;
    }
  self->document_stale = FALSE;

  g_clear_pointer (&self->agenda, tavla_agenda_free);
  g_clear_pointer (&self->minutes, tavla_minutes_free);
  gtk_label_set_label (self->document_label, "");
  if (self->board == NULL)
    return;

  if (self->selected == NULL)
    {
      TavlaAgendaQuery query = { .kind = TAVLA_MEETING_WEEKLY };

      self->agenda = tavla_board_build_agenda (self->board, &query, NULL, &error);
      gtk_label_set_label (self->document_title, _("Weekly Agenda for Today"));
      gtk_widget_set_visible (GTK_WIDGET (self->run_button), FALSE);
    }
  else
    {
      state = tavla_meeting_get_state (self->selected);
      title = tavla_meeting_dup_title (self->selected);
      gtk_label_set_label (self->document_title, title);
      gtk_widget_set_visible (GTK_WIDGET (self->run_button), state != TAVLA_MEETING_CLOSED);
      gtk_button_set_label (self->run_button, state == TAVLA_MEETING_PLANNED ? _("_Start Meeting")
                                                                           : _("_Resume Meeting"));
      if (state == TAVLA_MEETING_CLOSED)
        self->minutes = tavla_board_get_minutes (self->board, tavla_meeting_get_id (self->selected), &error);
      else
        self->agenda = tavla_board_get_meeting_agenda (self->board, tavla_meeting_get_id (self->selected), &error);
    }

  if (self->agenda == NULL && self->minutes == NULL)
    {
      gtk_label_set_label (self->document_label, error != NULL ? error->message : "");
      return;
    }

  markup = self->minutes != NULL ? tavla_minutes_dup_markup (self->minutes) : agenda_markup (self->agenda);
  gtk_label_set_markup (self->document_label, markup);
}

static TavlaDocument *
build_document (TavlaMeetingsView *self)
{
  if (self->minutes != NULL)
    return tavla_minutes_build_document (self->minutes);
  if (self->agenda != NULL)
    return tavla_agenda_build_document (self->agenda);

  return NULL;
}

/* ---- The list ------------------------------------------------------------- */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TavlaMeeting *meeting = item;
  g_autofree char *title = tavla_meeting_dup_title (meeting);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (tavla_meeting_get_state (meeting) == TAVLA_MEETING_PLANNED)
    subtitle = g_strdup (tavla_meeting_state_get_label (TAVLA_MEETING_PLANNED));
  else
    /* Translators: under a meeting in the list: its state and how much of
     * the agenda was handled, "Closed · 12 of 14 handled". */
    subtitle = g_strdup_printf (_("%s · %u of %u handled"),
                                tavla_meeting_state_get_label (tavla_meeting_get_state (meeting)),
                                tavla_meeting_get_n_handled (meeting), tavla_meeting_get_n_entries (meeting));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "meeting", g_object_ref (meeting), g_object_unref);

  return row;
}

static void
on_row_selected (TavlaMeetingsView *self,
                 GtkListBoxRow     *row)
{
  if (self->reloading)
    return;

  g_clear_object (&self->selected);
  if (row != NULL)
    self->selected = g_object_ref (g_object_get_data (G_OBJECT (row), "meeting"));
  show_document (self);
}

void
tavla_meetings_view_reload (TavlaMeetingsView *self)
{
  g_autoptr(GListModel) meetings = NULL;
  gint64 selected_id = self->selected != NULL ? tavla_meeting_get_id (self->selected) : 0;

  g_return_if_fail (TAVLA_IS_MEETINGS_VIEW (self));

  if (self->board != NULL)
    meetings = tavla_board_list_meetings (self->board, NULL);

  self->reloading = TRUE;
  g_set_object (&self->meetings, meetings);
  gtk_list_box_bind_model (self->meetings_list, self->meetings, create_row, NULL, NULL);
  g_clear_object (&self->selected);
  for (guint i = 0; self->meetings != NULL && i < g_list_model_get_n_items (self->meetings); i++)
    {
      g_autoptr(TavlaMeeting) meeting = g_list_model_get_item (self->meetings, i);

      if (tavla_meeting_get_id (meeting) == selected_id)
        {
          self->selected = g_object_ref (meeting);
          gtk_list_box_select_row (self->meetings_list, gtk_list_box_get_row_at_index (self->meetings_list, i));
        }
    }
  self->reloading = FALSE;

  show_document (self);
}

/* ---- Actions -------------------------------------------------------------- */

static void
show_plan_error (TavlaMeetingsView *self,
                 const char        *message)
{
  gtk_label_set_label (self->plan_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->plan_error), message != NULL);
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TavlaMeetingsView *self = TAVLA_MEETINGS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMeeting) meeting = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;
  TavlaMeetingInput input = { 0 };

  if (self->board == NULL)
    return;

  parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->attendees_row)), ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (parts[i]));

      if (*name != '\0')
        g_ptr_array_add (names, g_steal_pointer (&name));
    }
  g_ptr_array_add (names, NULL);

  input.kind = (TavlaMeetingKind) adw_combo_row_get_selected (self->kind_row);
  input.date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  input.department = gtk_editable_get_text (GTK_EDITABLE (self->department_row));
  input.attendees = (const char * const *) names->pdata;

  meeting = tavla_board_add_meeting (self->board, &input, NULL, NULL, &error);
  if (meeting == NULL)
    {
      show_plan_error (self, error->message);
      return;
    }

  show_plan_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->department_row), "");
  g_set_object (&self->selected, meeting);
  tavla_meetings_view_reload (self);
}

static void
on_meeting_mode_closed (TavlaMeetingsView *self)
{
  tavla_meetings_view_reload (self);
}

GtkWindow *
tavla_meetings_view_run_meeting (TavlaMeetingsView *self,
                                 gint64             meeting_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMeeting) meeting = NULL;
  TavlaMeetingMode *mode = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_val_if_fail (TAVLA_IS_MEETINGS_VIEW (self), NULL);

  if ((meeting = tavla_board_get_meeting (self->board, meeting_id, &error)) == NULL)
    {
      gtk_label_set_label (self->document_label, error->message);
      return NULL;
    }
  if (tavla_meeting_get_state (meeting) == TAVLA_MEETING_PLANNED)
    {
      g_autoptr(TavlaMeeting) started = tavla_board_start_meeting (self->board, meeting_id, NULL, &error);

      if (started == NULL)
        {
          gtk_label_set_label (self->document_label, error->message);
          return NULL;
        }
    }

  mode = tavla_meeting_mode_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->board, meeting_id);
  g_signal_connect_object (mode, "destroy", G_CALLBACK (on_meeting_mode_closed), self, G_CONNECT_SWAPPED);
  tavla_meetings_view_reload (self);

  return GTK_WINDOW (mode);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TavlaMeetingsView *self = TAVLA_MEETINGS_VIEW (widget);
  GtkWindow *mode = NULL;

  if (self->selected == NULL)
    return;

  mode = tavla_meetings_view_run_meeting (self, tavla_meeting_get_id (self->selected));
  if (mode != NULL)
    tavla_meeting_mode_present (TAVLA_MEETING_MODE (mode));
}

static void
on_done (const char *message,
         gpointer    user_data)
{
  TavlaMeetingsView *self = user_data;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->document_title), message);
}

static char *
dup_file_name (TavlaMeetingsView *self,
               TavlaExportFormat  format)
{
  const char *date = self->selected != NULL ? tavla_meeting_get_date (self->selected)
                                            : (self->agenda != NULL ? self->agenda->date : "");

  if (self->minutes != NULL)
    return g_strdup_printf (_("minutes-%s.%s"), date, tavla_document_export_extension (format));

  /* Translators: the file name suggested for an agenda, "dagordning-2026-12-07.pdf". */
  return g_strdup_printf (_("agenda-%s.%s"), date, tavla_document_export_extension (format));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TavlaMeetingsView *self = TAVLA_MEETINGS_VIEW (widget);
  TavlaExportFormat format = TAVLA_EXPORT_PDF;
  g_autofree char *file_name = NULL;
  TavlaDocument *document = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!tavla_export_format_from_string (g_variant_get_string (parameter, NULL), &format) ||
      (document = build_document (self)) == NULL)
    return;

  file_name = dup_file_name (self, format);
  tavla_document_export_choose (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, document, file_name, format,
                                on_done, g_object_ref (self), g_object_unref);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TavlaMeetingsView *self = TAVLA_MEETINGS_VIEW (widget);
  TavlaDocument *document = build_document (self);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (document != NULL)
    tavla_document_print (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, document, on_done, self);
}

/* ---- GObject -------------------------------------------------------------- */

static void
tavla_meetings_view_dispose (GObject *object)
{
  TavlaMeetingsView *self = (TavlaMeetingsView *) object;
  GtkWidget *child = NULL;

  tavla_meetings_view_set_board (self, NULL);
  g_clear_object (&self->meetings);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->agenda, tavla_agenda_free);
  g_clear_pointer (&self->minutes, tavla_minutes_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), TAVLA_TYPE_MEETINGS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tavla_meetings_view_parent_class)->dispose (object);
}

static void
tavla_meetings_view_class_init (TavlaMeetingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_meetings_view_dispose;

  gtk_widget_class_install_action (widget_class, "meetings.plan", NULL, plan_action);
  gtk_widget_class_install_action (widget_class, "meetings.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "meetings.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "meetings.print", NULL, print_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-meetings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingsView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingsView, date_row);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingsView, department_row);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingsView, attendees_row);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingsView, plan_error);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingsView, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingsView, document_title);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingsView, run_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaMeetingsView, document_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
on_map (TavlaMeetingsView *self)
{
  if (self->document_stale)
    show_document (self);
}

static void
tavla_meetings_view_init (TavlaMeetingsView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *today = tavla_date_today ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < TAVLA_N_MEETING_KINDS; i++)
    gtk_string_list_append (kinds, tavla_meeting_kind_get_label ((TavlaMeetingKind) i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_widget_set_visible (GTK_WIDGET (self->run_button), FALSE);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

void
tavla_meetings_view_set_board (TavlaMeetingsView *self,
                               TavlaBoard        *board)
{
  g_return_if_fail (TAVLA_IS_MEETINGS_VIEW (self));

  if (self->board == board)
    return;

  if (self->board != NULL)
    g_clear_signal_handler (&self->changed_handler, self->board);
  g_set_object (&self->board, board);
  g_clear_object (&self->selected);
  if (board != NULL)
    self->changed_handler = g_signal_connect_swapped (board, "changed", G_CALLBACK (tavla_meetings_view_reload),
                                                      self);

  /* Not during dispose: the template is going. */
  if (self->meetings_list != NULL && gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    tavla_meetings_view_reload (self);
}
