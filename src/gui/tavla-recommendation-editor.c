/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tavla-agreement-rows.h"
#include "tavla-audit-rows.h"
#include "tavla-gui-settings.h"
#include "tavla-recommendation-editor-private.h"

/*
 * One audit recommendation as a form: its text, whom it is addressed to,
 * status (only the moves the core allows are offered), the committee's
 * response, owner, due date, evidence and the auditors' follow-up; then
 * its actions (linked proposals) and its history. Every keystroke asks the
 * core's tavla_recommendation_check_change() whether the change would be
 * accepted; its message is shown under the field it names and Save waits
 * until the form is right. Nothing here decides a rule.
 */

typedef struct
{
  char       *text;
  char       *addressed_to;
  char       *response;
  char       *response_date;
  char       *due;
  char       *evidence;
  char       *assessment_date;
  char       *note;
  const char *status;
  const char *owner;
  const char *assessment;
} FormValues;


enum {
  OPEN_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TavlaRecommendationEditor, tavla_recommendation_editor, GTK_TYPE_WIDGET)

static void
form_values_clear (FormValues *values)
{
  g_free (values->text);
  g_free (values->addressed_to);
  g_free (values->response);
  g_free (values->response_date);
  g_free (values->due);
  g_free (values->evidence);
  g_free (values->assessment_date);
  g_free (values->note);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FormValues, form_values_clear)

void
tavla_recommendation_editor_toast (TavlaRecommendationEditor *self,
                                   const char                *message,
                                   const char                *button_label,
                                   const char                *action_name,
                                   GVariant                  *target)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  if (target != NULL)
    g_variant_ref_sink (target);
  if (overlay == NULL)
    {
      g_clear_pointer (&target, g_variant_unref);
      return;
    }

  toast = adw_toast_new (escaped);
  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
      if (target != NULL)
        adw_toast_set_action_target_value (toast, target);
      adw_toast_set_timeout (toast, 10);
    }
  g_clear_pointer (&target, g_variant_unref);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

gboolean
tavla_recommendation_editor_is_writable (TavlaRecommendationEditor *self)
{
  return self->board != NULL && !tavla_board_is_read_only (self->board) && self->recommendation != NULL;
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
dup_entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static void
set_buffer (GtkTextView *view,
            const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/* The message label and the input of a field the core names. */
static gboolean
field_parts (TavlaRecommendationEditor  *self,
             const char                 *field,
             GtkLabel                  **out_message,
             GtkWidget                 **out_widget)
{
  struct { const char *field; GtkLabel *message; gpointer widget; } parts[] = {
    { "text", self->text_message, self->text_view },
    { "addressed-to", self->addressed_message, self->addressed_entry },
    { "status", self->status_message, self->status_dropdown },
    { "note", self->note_message, self->note_entry },
    { "response", self->response_message, self->response_view },
    { "response-date", self->response_date_message, self->response_date_entry },
    { "owner", self->owner_message, self->owner_dropdown },
    { "due", self->due_message, self->due_entry },
    { "evidence", self->evidence_message, self->evidence_view },
    { "assessment", self->assessment_message, self->assessment_dropdown },
    { "assessment-date", self->assessment_date_message, self->assessment_date_entry },
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (field == NULL || g_strcmp0 (parts[i].field, field) != 0)
        continue;
      *out_message = parts[i].message;
      *out_widget = parts[i].widget;
      return TRUE;
    }
  return FALSE;
}

static void
clear_messages (TavlaRecommendationEditor *self)
{
  const char *fields[] = { "text", "addressed-to", "status", "note", "response", "response-date",
                           "owner", "due", "evidence", "assessment", "assessment-date" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkLabel *message = NULL;
      GtkWidget *widget = NULL;

      field_parts (self, fields[i], &message, &widget);
      gtk_widget_set_visible (GTK_WIDGET (message), FALSE);
      gtk_widget_remove_css_class (widget, "error");
    }
}

/* Shows @text under the field the core named; FALSE when it names none
 * the form has. */
static gboolean
show_field_message (TavlaRecommendationEditor *self,
                    const char                *field,
                    const char                *text)
{
  GtkLabel *message = NULL;
  GtkWidget *widget = NULL;

  if (!field_parts (self, field, &message, &widget))
    return FALSE;
  gtk_label_set_label (message, text);
  gtk_widget_set_visible (GTK_WIDGET (message), TRUE);
  gtk_widget_add_css_class (widget, "error");
  return TRUE;
}

/* A date typed into the form, or NULL when it is what is stored (or
 * empty): the core then keeps or sets the date itself. */
static char *
dup_changed_date (GtkEntry   *entry,
                  const char *stored)
{
  g_autofree char *text = dup_entry_text (entry);

  if (text[0] == '\0' || g_strcmp0 (text, stored) == 0)
    return NULL;
  return g_steal_pointer (&text);
}

static void
read_form (TavlaRecommendationEditor *self,
           FormValues                *values,
           TavlaRecommendationChange *change)
{
  TavlaRecommendation *current = self->recommendation;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);
  guint assessment = gtk_drop_down_get_selected (self->assessment_dropdown);
  g_autofree char *note = dup_entry_text (self->note_entry);

  values->text = dup_buffer_text (self->text_view);
  values->addressed_to = dup_entry_text (self->addressed_entry);
  values->response = dup_buffer_text (self->response_view);
  values->response_date = dup_changed_date (self->response_date_entry, tavla_recommendation_get_response_date (current));
  values->due = dup_entry_text (self->due_entry);
  values->evidence = dup_buffer_text (self->evidence_view);
  values->assessment_date = dup_changed_date (self->assessment_date_entry,
                                              tavla_recommendation_get_assessment_date (current));
  values->note = note[0] != '\0' ? g_steal_pointer (&note) : NULL;
  values->status = status < self->n_statuses
                   ? tavla_recommendation_status_to_string (self->statuses[status]) : NULL;
  /* The first row is "No owner". */
  values->owner = owner != GTK_INVALID_LIST_POSITION && owner > 0
                  ? gtk_string_list_get_string (self->owner_names, owner) : "";
  values->assessment = assessment < TAVLA_N_ASSESSMENTS ? tavla_assessment_to_string (assessment) : NULL;

  *change = (TavlaRecommendationChange) {
    .text = values->text, .addressed_to = values->addressed_to, .status = values->status,
    .response = values->response, .response_date = values->response_date, .owner = values->owner,
    .due = values->due, .evidence = values->evidence, .assessment = values->assessment,
    .assessment_date = values->assessment_date, .note = values->note,
  };
}

static void
update_actions (TavlaRecommendationEditor *self)
{
  gboolean writable = tavla_recommendation_editor_is_writable (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recommendation.save", writable && self->dirty && self->valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recommendation.discard", self->dirty);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_button), writable);
}

/* Asks the core whether the form as typed would be accepted. */
static void
validate (TavlaRecommendationEditor *self)
{
  g_auto(FormValues) values = { 0 };
  g_autoptr(GError) error = NULL;
  TavlaRecommendationChange change = { 0 };
  const char *field = NULL;

  clear_messages (self);
  self->valid = TRUE;
  if (self->recommendation != NULL && self->board != NULL && self->dirty)
    {
      read_form (self, &values, &change);
      self->valid = tavla_recommendation_check_change (self->board, self->recommendation, &change, &field, &error);
      if (!self->valid)
        show_field_message (self, field, error->message);
    }
  update_actions (self);
}

/* The statuses the core lets the recommendation move to: a move the core
 * refuses names the field "status"; one that only needs more (a response,
 * an owner) is offered, and the form then says what is missing. */
static void
fill_statuses (TavlaRecommendationEditor *self)
{
  TavlaRecommendationStatus from = tavla_recommendation_get_status (self->recommendation);

  gtk_string_list_splice (self->status_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->status_names)), NULL);
  self->n_statuses = 0;
  self->statuses[self->n_statuses++] = from;
  gtk_string_list_append (self->status_names, tavla_recommendation_status_get_label (from));
  for (TavlaRecommendationStatus to = 0; to < TAVLA_N_RECOMMENDATION_STATUSES; to++)
    {
      TavlaRecommendationChange change = { .status = tavla_recommendation_status_to_string (to) };
      g_autoptr(GError) error = NULL;
      const char *field = NULL;

      if (to == from ||
          (!tavla_recommendation_check_change (self->board, self->recommendation, &change, &field, &error) &&
           g_strcmp0 (field, "status") == 0))
        continue;
      self->statuses[self->n_statuses++] = to;
      gtk_string_list_append (self->status_names, tavla_recommendation_status_get_label (to));
    }
  gtk_drop_down_set_selected (self->status_dropdown, 0);
}

static void
fill_owners (TavlaRecommendationEditor *self)
{
  GListModel *people = tavla_board_get_people (self->board);
  const char *owner = tavla_recommendation_get_owner (self->recommendation);
  guint n = g_list_model_get_n_items (people);
  guint selected = 0;

  gtk_string_list_splice (self->owner_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->owner_names)), NULL);
  gtk_string_list_append (self->owner_names, _("No owner"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaPerson) person = g_list_model_get_item (people, i);
      const char *name = tavla_person_get_name (person);

      /* Someone no longer active stays listed while they own it. */
      if (!tavla_person_get_active (person) && g_strcmp0 (name, owner) != 0)
        continue;
      gtk_string_list_append (self->owner_names, name);
      if (g_strcmp0 (name, owner) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (self->owner_names)) - 1;
    }
  gtk_drop_down_set_selected (self->owner_dropdown, selected);
}

static void
fill_header (TavlaRecommendationEditor *self,
             TavlaRecommendation       *recommendation)
{
  g_autofree char *due = tavla_recommendation_dup_due_label (recommendation);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_recommendation_get_id (recommendation));
  g_autofree char *number = NULL;
  GtkWidget *child;

  /* TRANSLATORS: above a recommendation: "Recommendation #3 · Granskning av kundcenter". */
  number = g_strdup_printf (_("Recommendation #%s · %s"), id, tavla_recommendation_get_audit_title (recommendation));
  gtk_label_set_label (self->audit_label, number);
  gtk_label_set_label (self->title_label, tavla_recommendation_get_text (recommendation));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pill_box))) != NULL)
    gtk_box_remove (self->pill_box, child);
  gtk_box_append (self->pill_box, tavla_audit_light_new (tavla_recommendation_get_light (recommendation)));
  gtk_box_append (self->pill_box, tavla_audit_status_pill_new (tavla_recommendation_get_status (recommendation)));
  if (tavla_recommendation_is_overdue (recommendation))
    gtk_box_append (self->pill_box, tavla_agreement_new_pill (_("Overdue"), "alarm-symbolic", "overdue-badge"));
  if (due != NULL)
    gtk_box_append (self->pill_box, tavla_agreement_new_label (due, tavla_recommendation_is_overdue (recommendation)
                                                                    ? "review-overdue" : "dim-label"));
}

/* Newest first, as a timeline. */
static void
fill_history (TavlaRecommendationEditor *self,
              gint64                     id)
{
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  tavla_agreement_clear_list (self->history_list);
  history = tavla_board_list_recommendation_history (self->board, id, &error);
  if (history == NULL)
    {
      gtk_list_box_append (self->history_list, tavla_agreement_new_label (error->message, "error"));
      return;
    }
  n = g_list_model_get_n_items (history);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, i - 1);

      gtk_list_box_append (self->history_list, tavla_recommendation_history_row_new (entry));
    }
}

static void
fill_form (TavlaRecommendationEditor *self)
{
  TavlaRecommendation *recommendation = self->recommendation;

  self->filling = TRUE;
  fill_header (self, recommendation);
  set_buffer (self->text_view, tavla_recommendation_get_text (recommendation));
  set_entry (self->addressed_entry, tavla_recommendation_get_addressed_to (recommendation));
  fill_statuses (self);
  set_entry (self->note_entry, NULL);
  set_buffer (self->response_view, tavla_recommendation_get_response (recommendation));
  set_entry (self->response_date_entry, tavla_recommendation_get_response_date (recommendation));
  fill_owners (self);
  set_entry (self->due_entry, tavla_recommendation_get_due (recommendation));
  set_buffer (self->evidence_view, tavla_recommendation_get_evidence (recommendation));
  gtk_drop_down_set_selected (self->assessment_dropdown, tavla_recommendation_get_assessment (recommendation));
  set_entry (self->assessment_date_entry, tavla_recommendation_get_assessment_date (recommendation));
  self->filling = FALSE;

  {
    g_autofree char *title = tavla_recommendation_dup_suggested_title (recommendation);

    set_entry (self->create_entry, title);
    gtk_widget_set_visible (GTK_WIDGET (self->create_message), FALSE);
  }

  self->dirty = FALSE;
  tavla_recommendation_editor_fill_actions (self, recommendation);
  fill_history (self, tavla_recommendation_get_id (recommendation));
  validate (self);
}

static void
show_recommendation (TavlaRecommendationEditor *self,
                     gint64                     id)
{
  g_autoptr(TavlaRecommendation) recommendation = NULL;

  if (self->board != NULL && id > 0)
    recommendation = tavla_board_get_recommendation (self->board, id, NULL);
  g_set_object (&self->recommendation, recommendation);

  if (recommendation == NULL)
    {
      adw_status_page_set_title (self->none_page, _("No Recommendation Chosen"));
      adw_status_page_set_description (self->none_page,
                                       _("Choose a recommendation to see its response, owner, actions, evidence "
                                         "and the auditors’ follow-up."));
      self->dirty = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "none");
      update_actions (self);
      return;
    }

  fill_form (self);
  gtk_stack_set_visible_child_name (self->stack, "recommendation");
}

static void
on_field_changed (TavlaRecommendationEditor *self)
{
  if (self->filling || self->recommendation == NULL)
    return;
  self->dirty = TRUE;
  validate (self);
}

static void
on_calendar_show (TavlaRecommendationEditor *self)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  if (!tavla_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->due_entry)), &date))
    return;
  date_time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                     g_date_get_day (&date), 12, 0, 0);
  if (date_time != NULL)
    gtk_calendar_select_day (self->due_calendar, date_time);
}

static void
on_day_selected (TavlaRecommendationEditor *self)
{
  g_autoptr(GDateTime) date_time = gtk_calendar_get_date (self->due_calendar);
  g_autofree char *text = g_date_time_format (date_time, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), text);
  gtk_popover_popdown (self->calendar_popover);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tavla_recommendation_editor_save (TAVLA_RECOMMENDATION_EDITOR (widget));
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  tavla_recommendation_editor_reload (TAVLA_RECOMMENDATION_EDITOR (widget), TRUE);
}

static void
tavla_recommendation_editor_dispose (GObject *object)
{
  TavlaRecommendationEditor *self = (TavlaRecommendationEditor *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TAVLA_TYPE_RECOMMENDATION_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->board);
  g_clear_object (&self->recommendation);
  g_clear_object (&self->status_names);
  g_clear_object (&self->owner_names);
  g_clear_object (&self->assessment_names);
  g_clear_object (&self->link_names);
  g_clear_pointer (&self->link_ids, g_array_unref);

  G_OBJECT_CLASS (tavla_recommendation_editor_parent_class)->dispose (object);
}

static void
tavla_recommendation_editor_class_init (TavlaRecommendationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_recommendation_editor_dispose;

  /* An action's proposal was asked for: the window shows it on the board. */
  signals[OPEN_ITEM] =
    g_signal_new ("open-item",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "recommendation.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "recommendation.discard", NULL, discard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "recommendation.save", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-recommendation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, none_page);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, audit_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, pill_box);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, text_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, addressed_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, addressed_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, status_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, note_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, note_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, response_view);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, response_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, response_date_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, response_date_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, owner_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, due_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, due_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, evidence_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, assessment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, assessment_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, assessment_date_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, assessment_date_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, link_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, link_popover);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, link_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, link_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, create_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, create_popover);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, create_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, create_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, action_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationEditor, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_show);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_link_popover_show",
                                                G_CALLBACK (tavla_recommendation_editor_on_link_popover_show));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_link_clicked",
                                                G_CALLBACK (tavla_recommendation_editor_on_link_clicked));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_create_clicked",
                                                G_CALLBACK (tavla_recommendation_editor_on_create_clicked));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "recommendationeditor");
}

static void
tavla_recommendation_editor_init (TavlaRecommendationEditor *self)
{
  GtkTextView *views[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->status_names = gtk_string_list_new (NULL);
  self->owner_names = gtk_string_list_new (NULL);
  self->assessment_names = gtk_string_list_new (NULL);
  self->link_names = gtk_string_list_new (NULL);
  self->link_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (TavlaAssessment a = 0; a < TAVLA_N_ASSESSMENTS; a++)
    gtk_string_list_append (self->assessment_names, tavla_assessment_get_label (a));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (self->status_names));
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (self->owner_names));
  gtk_drop_down_set_model (self->assessment_dropdown, G_LIST_MODEL (self->assessment_names));
  gtk_drop_down_set_model (self->link_dropdown, G_LIST_MODEL (self->link_names));
  gtk_drop_down_set_expression (self->link_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  views[0] = self->text_view;
  views[1] = self->response_view;
  views[2] = self->evidence_view;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed",
                             G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
  show_recommendation (self, 0);
}

GtkWidget *
tavla_recommendation_editor_new (void)
{
  return g_object_new (TAVLA_TYPE_RECOMMENDATION_EDITOR, NULL);
}

/* Shows recommendation @id of @board (0: none). */
void
tavla_recommendation_editor_show (TavlaRecommendationEditor *self,
                                  TavlaBoard                *board,
                                  gint64                     id)
{
  g_return_if_fail (TAVLA_IS_RECOMMENDATION_EDITOR (self));
  g_return_if_fail (board == NULL || TAVLA_IS_BOARD (board));

  /* Choosing another recommendation drops the typing: say so, since
   * nothing of it was saved. */
  if (self->dirty && self->recommendation != NULL && tavla_recommendation_get_id (self->recommendation) != id)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_recommendation_get_id (self->recommendation));
      g_autofree char *message = NULL;

      /* TRANSLATORS: after choosing another recommendation with unsaved changes. */
      message = g_strdup_printf (_("The unsaved changes to recommendation #%s were discarded"), number);
      tavla_recommendation_editor_toast (self, message, NULL, NULL, NULL);
    }

  g_set_object (&self->board, board);
  show_recommendation (self, id);
}

/* Shows no recommendation, saying why in @title and @description. */
void
tavla_recommendation_editor_show_none (TavlaRecommendationEditor *self,
                                       const char                *title,
                                       const char                *description)
{
  g_return_if_fail (TAVLA_IS_RECOMMENDATION_EDITOR (self));

  show_recommendation (self, 0);
  adw_status_page_set_title (self->none_page, title);
  adw_status_page_set_description (self->none_page, description);
}

TavlaRecommendation *
tavla_recommendation_editor_get_recommendation (TavlaRecommendationEditor *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION_EDITOR (self), NULL);

  return self->recommendation;
}

/*
 * Reads the recommendation again after a write here or elsewhere. Unsaved
 * typing is kept (unless @discard) together with the version it started
 * from, so saving it over someone else's change is a conflict the user
 * sees; the actions and the history are always brought up to date.
 */
void
tavla_recommendation_editor_reload (TavlaRecommendationEditor *self,
                                    gboolean                   discard)
{
  g_autoptr(TavlaRecommendation) fresh = NULL;

  g_return_if_fail (TAVLA_IS_RECOMMENDATION_EDITOR (self));

  if (self->recommendation == NULL || self->board == NULL)
    return;
  if (!self->dirty || discard)
    {
      show_recommendation (self, tavla_recommendation_get_id (self->recommendation));
      return;
    }

  fresh = tavla_board_get_recommendation (self->board, tavla_recommendation_get_id (self->recommendation), NULL);
  if (fresh == NULL)
    {
      show_recommendation (self, 0);
      return;
    }
  tavla_recommendation_editor_fill_actions (self, fresh);
  fill_history (self, tavla_recommendation_get_id (fresh));
}

/* Reads the actions' proposals again (a status or mark changed on the
 * board). */
void
tavla_recommendation_editor_reload_actions (TavlaRecommendationEditor *self)
{
  g_autoptr(TavlaRecommendation) fresh = NULL;

  g_return_if_fail (TAVLA_IS_RECOMMENDATION_EDITOR (self));

  if (self->recommendation == NULL || self->board == NULL)
    return;
  fresh = tavla_board_get_recommendation (self->board, tavla_recommendation_get_id (self->recommendation), NULL);
  if (fresh != NULL)
    tavla_recommendation_editor_fill_actions (self, fresh);
}

gboolean
tavla_recommendation_editor_get_dirty (TavlaRecommendationEditor *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION_EDITOR (self), FALSE);

  return self->dirty;
}

/* Whether Save is offered: something changed and the core accepts it. */
gboolean
tavla_recommendation_editor_get_can_save (TavlaRecommendationEditor *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION_EDITOR (self), FALSE);

  return gtk_widget_get_sensitive (self->save_button) && gtk_widget_is_sensitive (self->save_button);
}

/* The message shown under @field ("status", "response", ...), or NULL. */
const char *
tavla_recommendation_editor_get_message (TavlaRecommendationEditor *self,
                                         const char                *field)
{
  GtkLabel *message = NULL;
  GtkWidget *widget = NULL;

  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION_EDITOR (self), NULL);

  if (!field_parts (self, field, &message, &widget) || !gtk_widget_get_visible (GTK_WIDGET (message)))
    return NULL;
  return gtk_label_get_label (message);
}

/* Saves the form; FALSE with the core's message under its field (or, for
 * a conflict, in a toast offering to reload) when refused. */
gboolean
tavla_recommendation_editor_save (TavlaRecommendationEditor *self)
{
  g_auto(FormValues) values = { 0 };
  g_autoptr(TavlaRecommendation) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();
  TavlaRecommendationChange change = { 0 };
  const char *field = NULL;

  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION_EDITOR (self), FALSE);

  if (!tavla_recommendation_editor_is_writable (self))
    return FALSE;

  read_form (self, &values, &change);
  clear_messages (self);
  saved = tavla_board_update_recommendation (self->board, tavla_recommendation_get_id (self->recommendation),
                                             tavla_recommendation_get_version (self->recommendation),
                                             &change, actor, &field, &error);
  if (saved == NULL)
    {
      if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT))
        tavla_recommendation_editor_toast (self, error->message, _("_Reload"), "audits.reload", NULL);
      else if (!show_field_message (self, field, error->message))
        tavla_recommendation_editor_toast (self, error->message, NULL, NULL, NULL);
      return FALSE;
    }

  g_set_object (&self->recommendation, saved);
  fill_form (self);
  tavla_recommendation_editor_toast (self, _("Recommendation saved"), NULL, NULL, NULL);
  return TRUE;
}

GtkListBox *
tavla_recommendation_editor_get_history_list (TavlaRecommendationEditor *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION_EDITOR (self), NULL);

  return self->history_list;
}
