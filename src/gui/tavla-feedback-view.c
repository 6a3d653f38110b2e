/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tavla-document-export.h"
#include "tavla-feedback-view.h"

/*
 * The Feedback page: a form to register citizen feedback during a call
 * (keyboard only: mnemonics, Ctrl+Enter registers, the core's verdict on
 * the form shown as the user types), the tertial's feedback with search
 * and filters, the count per department, and the compilation and period
 * report to save or print. Every rule and every count is the core's.
 */

#define N_TERTIALS 6

struct _TavlaFeedbackView
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkEntry      *date_entry;
  GtkDropDown   *channel_dropdown;
  GtkDropDown   *department_dropdown;
  GtkDropDown   *category_dropdown;
  GtkTextView   *text_view;
  GtkCheckButton *personal_check;
  GtkCheckButton *passed_on_check;
  GtkLabel      *form_message;
  GtkWidget     *register_button;
  GtkDropDown   *tertial_dropdown;
  GtkDropDown   *filter_department_dropdown;
  GtkDropDown   *filter_category_dropdown;
  GtkSearchEntry *search_entry;
  GtkLabel      *summary_label;
  GtkListBox    *summary_list;
  GtkStack      *list_stack;
  GtkListView   *feedback_list;

  /* Owned references */
  TavlaBoard    *board;
  GtkStringList *department_names;
  GtkStringList *filter_department_names;
  GPtrArray     *tertials;          /* char *: machine form, newest first */
  GListStore    *feedback;

  guint          filling : 1;
};

enum {
  PROP_0,
  PROP_BOARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaFeedbackView, tavla_feedback_view, GTK_TYPE_WIDGET)

static void
show_toast (TavlaFeedbackView *self,
            const char        *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static GtkWindow *
get_window (TavlaFeedbackView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
dup_text (TavlaFeedbackView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The string of @dropdown's selected item in @names, or NULL. */
static const char *
selected_name (GtkDropDown   *dropdown,
               GtkStringList *names)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (names == NULL || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (names, selected);
}

/* The form as typed; @text is owned by the caller. */
static void
read_form (TavlaFeedbackView  *self,
           TavlaFeedbackInput *input,
           char              **text)
{
  guint channel = gtk_drop_down_get_selected (self->channel_dropdown);
  guint category = gtk_drop_down_get_selected (self->category_dropdown);

  *text = dup_text (self);
  input->date = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  input->channel = channel < TAVLA_N_FEEDBACK_CHANNELS ? tavla_feedback_channel_to_string (channel) : NULL;
  input->department = selected_name (self->department_dropdown, self->department_names);
  input->category = category < TAVLA_N_FEEDBACK_CATEGORIES ? tavla_feedback_category_to_string (category) : NULL;
  input->text = *text;
  input->personal_data = gtk_check_button_get_active (self->personal_check);
  input->passed_on = gtk_check_button_get_active (self->passed_on_check);
}

/* Asks the core about the form and shows its answer under it. */
static gboolean
validate (TavlaFeedbackView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TavlaFeedbackInput input = { 0 };
  const char *field = NULL;
  gboolean ok = FALSE;

  if (self->board == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback.register", FALSE);
      return FALSE;
    }

  read_form (self, &input, &text);
  ok = tavla_board_check_feedback (self->board, &input, &field, &error);

  gtk_label_set_label (self->form_message, ok ? "" : error->message);
  /* An empty text is where every call starts: a hint, not an error. */
  if (!ok && g_strcmp0 (field, "text") == 0 && g_strstrip (text)[0] == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->form_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->form_message), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->form_message), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->form_message), "error");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feedback.register",
                                 ok && !tavla_board_is_read_only (self->board));

  return ok;
}

static void
on_form_changed (TavlaFeedbackView *self)
{
  if (!self->filling)
    validate (self);
}

/* ---- The list and the counts --------------------------------------------- */

const char *
tavla_feedback_view_get_tertial (TavlaFeedbackView *self)
{
  guint selected;

  g_return_val_if_fail (TAVLA_IS_FEEDBACK_VIEW (self), NULL);

  selected = gtk_drop_down_get_selected (self->tertial_dropdown);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->tertials->len)
    return NULL;
  return g_ptr_array_index (self->tertials, selected);
}

/* The department chosen above the list, or NULL for all. */
static const char *
filter_department (TavlaFeedbackView *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_department_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->filter_department_names, selected);
}

static char *
category_counts (TavlaFeedbackCount *count)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint c = 0; c < TAVLA_N_FEEDBACK_CATEGORIES; c++)
    g_string_append_printf (text, "%s%s %u", c > 0 ? " · " : "", tavla_feedback_category_get_label (c),
                            count->categories[c]);
  /* Translators: after the counts per category: how many were passed on. */
  g_string_append_printf (text, _(" · passed on %u"), count->passed_on);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_summary (TavlaFeedbackView    *self,
              TavlaFeedbackSummary *summary)
{
  g_autofree char *period = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_list))) != NULL)
    gtk_list_box_remove (self->summary_list, child);

  if (summary == NULL)
    {
      gtk_label_set_label (self->summary_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->summary_list), FALSE);
      return;
    }

  period = tavla_period_display_text (summary->period);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u feedback in %s", "%u feedback in %s",
                                          summary->all.total),
                             summary->all.total, period);
  gtk_label_set_label (self->summary_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_list), summary->departments->len > 0);

  for (guint i = 0; i < summary->departments->len; i++)
    {
      TavlaFeedbackCount *count = g_ptr_array_index (summary->departments, i);
      g_autofree char *counts = category_counts (count);
      g_autofree char *total = g_strdup_printf ("%u", count->total);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *suffix = gtk_label_new (total);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), count->department);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), counts);
      gtk_widget_add_css_class (suffix, "title-3");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      gtk_list_box_append (self->summary_list, row);
    }
}

static void
reload_list (TavlaFeedbackView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(TavlaFeedbackSummary) summary = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  TavlaFeedbackQuery query = { 0 };
  guint category = gtk_drop_down_get_selected (self->filter_category_dropdown);

  if (self->board != NULL && !self->filling)
    {
      query.period = tavla_feedback_view_get_tertial (self);
      query.department = filter_department (self);
      query.category = category > 0 && category <= TAVLA_N_FEEDBACK_CATEGORIES
                         ? tavla_feedback_category_to_string (category - 1) : NULL;
      query.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
      list = tavla_board_list_feedback (self->board, &query, &error);
      summary = tavla_board_summarize_feedback (self->board, query.period, query.department, &error);
      if (error != NULL)
        show_toast (self, error->message);
    }

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  g_list_store_splice (self->feedback, 0, g_list_model_get_n_items (G_LIST_MODEL (self->feedback)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "list" : "empty");
  fill_summary (self, summary);
}

static void
on_filter_changed (TavlaFeedbackView *self)
{
  reload_list (self);
}

static void
reload_departments (TavlaFeedbackView *self)
{
  g_autofree char *form_choice = g_strdup (selected_name (self->department_dropdown, self->department_names));
  g_autofree char *filter_choice = g_strdup (filter_department (self));
  GListModel *departments = self->board != NULL ? tavla_board_get_departments (self->board) : NULL;
  guint n = departments != NULL ? g_list_model_get_n_items (departments) : 0;
  guint form_index = 0;
  guint filter_index = 0;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaDepartment) department = g_list_model_get_item (departments, i);
      const char *name = tavla_department_get_name (department);

      if (g_strcmp0 (name, form_choice) == 0)
        form_index = i;
      if (g_strcmp0 (name, filter_choice) == 0)
        filter_index = i + 1;
      g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_add (names, NULL);

  self->filling = TRUE;
  gtk_string_list_splice (self->department_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->department_names)),
                          (const char * const *) names->pdata);
  gtk_string_list_splice (self->filter_department_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->filter_department_names)) - 1,
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->department_dropdown, n > 0 ? form_index : GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (self->filter_department_dropdown, filter_index);
  self->filling = FALSE;

  validate (self);
  reload_list (self);
}

/* ---- Actions -------------------------------------------------------------- */

static void
clear_form (TavlaFeedbackView *self)
{
  self->filling = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  gtk_check_button_set_active (self->personal_check, FALSE);
  gtk_check_button_set_active (self->passed_on_check, FALSE);
  self->filling = FALSE;
  validate (self);
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TavlaFeedbackView *self = TAVLA_FEEDBACK_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaFeedback) feedback = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  TavlaFeedbackInput input = { 0 };

  if (self->board == NULL || !validate (self))
    return;

  read_form (self, &input, &text);
  feedback = tavla_board_add_feedback (self->board, &input, NULL, NULL, &error);
  if (feedback == NULL)
    {
      gtk_label_set_label (self->form_message, error->message);
      return;
    }

  /* Translators: %s is the department the feedback was about. */
  message = g_strdup_printf (_("Feedback about %s registered"), tavla_feedback_get_department (feedback));
  show_toast (self, message);
  clear_form (self);
  reload_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

TavlaDocument *
tavla_feedback_view_build_compilation (TavlaFeedbackView  *self,
                                       GError            **error)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK_VIEW (self), NULL);
  g_return_val_if_fail (self->board != NULL, NULL);

  return tavla_board_build_feedback_compilation (self->board, tavla_feedback_view_get_tertial (self),
                                                 filter_department (self), error);
}

TavlaDocument *
tavla_feedback_view_build_report (TavlaFeedbackView  *self,
                                  GError            **error)
{
  g_autoptr(TavlaPeriodReport) report = NULL;

  g_return_val_if_fail (TAVLA_IS_FEEDBACK_VIEW (self), NULL);
  g_return_val_if_fail (self->board != NULL, NULL);

  report = tavla_board_build_period_report (self->board, tavla_feedback_view_get_tertial (self), error);
  if (report == NULL)
    return NULL;

  return tavla_period_report_to_document (report);
}

static void
on_export_done (const char *message,
                gpointer    user_data)
{
  show_toast (TAVLA_FEEDBACK_VIEW (user_data), message);
}

/* Saves or prints (@format NULL) a document of the page. */
static void
output_document (TavlaFeedbackView *self,
                 gboolean           report,
                 GVariant          *format_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  TavlaDocument *document = NULL;
  TavlaExportFormat format = TAVLA_EXPORT_PDF;
  const char *department = filter_department (self);

  if (self->board == NULL)
    return;

  document = report ? tavla_feedback_view_build_report (self, &error)
                    : tavla_feedback_view_build_compilation (self, &error);
  if (document == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  if (format_name == NULL)
    {
      tavla_document_print (get_window (self), document, on_export_done, self);
      return;
    }

  if (!tavla_export_format_from_string (g_variant_get_string (format_name, NULL), &format))
    format = TAVLA_EXPORT_PDF;
  /* Translators: file names, "periodrapport-2026-T3.pdf" and
   * "synpunkter-2026-T3-Socialförvaltningen.pdf". */
  if (report)
    file_name = g_strdup_printf (_("period-report-%s.%s"), tavla_feedback_view_get_tertial (self),
                                 tavla_document_export_extension (format));
  else if (department != NULL)
    file_name = g_strdup_printf (_("feedback-%s-%s.%s"), tavla_feedback_view_get_tertial (self), department,
                                 tavla_document_export_extension (format));
  else
    file_name = g_strdup_printf (_("feedback-%s.%s"), tavla_feedback_view_get_tertial (self),
                                 tavla_document_export_extension (format));

  tavla_document_export_choose (get_window (self), document, file_name, format,
                                on_export_done, g_object_ref (self), g_object_unref);
}

static void
export_compilation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  output_document (TAVLA_FEEDBACK_VIEW (widget), FALSE, parameter);
}

static void
print_compilation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  output_document (TAVLA_FEEDBACK_VIEW (widget), FALSE, NULL);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  output_document (TAVLA_FEEDBACK_VIEW (widget), TRUE, parameter);
}

static void
print_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  output_document (TAVLA_FEEDBACK_VIEW (widget), TRUE, NULL);
}

static void
on_purge_response (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  TavlaFeedbackView *self = TAVLA_FEEDBACK_VIEW (user_data);
  const char *before = g_object_get_data (G_OBJECT (dialog), "before");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint count = 0;

  if (g_strcmp0 (response, "purge") != 0 || self->board == NULL)
    return;

  if (!tavla_board_purge_feedback (self->board, before, NULL, &count, &error))
    {
      show_toast (self, error->message);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed the text of %u feedback",
                                          "Removed the texts of %u feedback", count), count);
  show_toast (self, message);
}

/* Asks before removing the texts the retention time has run out for. */
static void
purge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TavlaFeedbackView *self = TAVLA_FEEDBACK_VIEW (widget);
  g_autofree char *before = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog = NULL;
  guint months = 0;

  if (self->board == NULL)
    return;

  before = tavla_board_dup_feedback_purge_before (self->board);
  months = tavla_board_get_feedback_retention (self->board);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Texts with personal data are kept %u month. The text of feedback holding "
                                       "personal data dated before %s is replaced by a note; the counts stay.",
                                       "Texts with personal data are kept %u months. The text of feedback holding "
                                       "personal data dated before %s is replaced by a note; the counts stay.",
                                       months),
                          months, before);
  dialog = adw_message_dialog_new (get_window (self), _("Purge Personal Data?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "purge", _("_Purge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "purge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "before", g_steal_pointer (&before), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_purge_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pass_on_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TavlaFeedbackView *self = TAVLA_FEEDBACK_VIEW (widget);
  g_autoptr(TavlaFeedback) feedback = NULL;
  g_autoptr(GError) error = NULL;

  if (self->board == NULL)
    return;

  feedback = tavla_board_pass_on_feedback (self->board, g_variant_get_int64 (parameter), 0, NULL, NULL, NULL,
                                           &error);
  if (feedback == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  show_toast (self, _("Marked as passed on to the department"));
}

static void
on_act_response (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  TavlaFeedbackView *self = TAVLA_FEEDBACK_VIEW (user_data);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "feedback-id"));
  TavlaItemChange fields = { .set = TAVLA_ITEM_FIELD_TITLE, .title = gtk_editable_get_text (entry) };
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "create") != 0 || self->board == NULL)
    return;

  item = tavla_board_act_on_feedback (self->board, id, &fields, NULL, &error);
  if (item == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  /* Translators: %s is the new proposal's title. */
  message = g_strdup_printf (_("Proposal “%s” is on the board"), tavla_item_get_title (item));
  show_toast (self, message);
}

static void
act_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TavlaFeedbackView *self = TAVLA_FEEDBACK_VIEW (widget);
  g_autoptr(TavlaFeedback) feedback = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  GtkWidget *dialog = NULL;
  GtkWidget *entry = NULL;

  if (self->board == NULL)
    return;
  if ((feedback = tavla_board_get_feedback (self->board, g_variant_get_int64 (parameter), &error)) == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  /* The feedback's first words as a title to edit. */
  text = tavla_feedback_dup_display_text (feedback);
  title = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 120));

  dialog = adw_message_dialog_new (get_window (self), _("Create Improvement"),
                                   _("A proposal on the board, linked to this feedback and its department."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), title);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "feedback-id", GSIZE_TO_POINTER (tavla_feedback_get_id (feedback)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_act_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- List rows ------------------------------------------------------------ */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *menu = gtk_menu_button_new ();

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu, _("Act on this feedback"));
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu, "flat");
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (row), box);
  gtk_box_append (GTK_BOX (row), menu);
  gtk_list_item_set_child (list_item, row);
}

/* The row's menu: its actions carry the feedback's id. */
static GMenuModel *
create_row_menu (TavlaFeedback *feedback)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) act = g_menu_item_new (_("Create _Improvement…"), NULL);
  gint64 id = tavla_feedback_get_id (feedback);

  g_menu_item_set_action_and_target_value (act, "feedback.act", g_variant_new_int64 (id));
  g_menu_append_item (menu, act);
  if (!tavla_feedback_get_passed_on (feedback))
    {
      g_autoptr(GMenuItem) pass_on = g_menu_item_new (_("_Passed On to the Department Today"), NULL);

      g_menu_item_set_action_and_target_value (pass_on, "feedback.pass-on", g_variant_new_int64 (id));
      g_menu_append_item (menu, pass_on);
    }

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  TavlaFeedback *feedback = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_widget_get_first_child (row);
  GtkWidget *menu = gtk_widget_get_next_sibling (box);
  GtkWidget *meta = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (meta);
  g_autoptr(GMenuModel) menu_model = create_row_menu (feedback);
  g_autofree char *shown = tavla_feedback_dup_display_text (feedback);
  g_autofree char *line = NULL;
  g_autofree char *date = tavla_date_display (tavla_feedback_get_date (feedback));
  g_autoptr(GString) extra = g_string_new (NULL);

  if (tavla_feedback_get_passed_on (feedback))
    /* Translators: in a feedback row; %s is a date. */
    g_string_append_printf (extra, _(" · passed on %s"), tavla_feedback_get_passed_on_date (feedback));
  if (tavla_feedback_get_n_items (feedback) > 0)
    g_string_append_printf (extra, g_dngettext (GETTEXT_PACKAGE, " · %u proposal", " · %u proposals",
                                                tavla_feedback_get_n_items (feedback)),
                            tavla_feedback_get_n_items (feedback));

  line = g_strdup_printf ("#%" G_GINT64_FORMAT " · %s · %s · %s · %s%s", tavla_feedback_get_id (feedback), date,
                          tavla_feedback_get_department (feedback) != NULL ? tavla_feedback_get_department (feedback)
                                                                            : "",
                          tavla_feedback_category_get_label (tavla_feedback_get_category (feedback)),
                          tavla_feedback_channel_get_label (tavla_feedback_get_channel (feedback)), extra->str);
  gtk_label_set_label (GTK_LABEL (meta), line);
  gtk_label_set_label (GTK_LABEL (text), shown);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu), menu_model);
  if (tavla_feedback_get_purged (feedback) != NULL)
    gtk_widget_add_css_class (text, "dim-label");
  else
    gtk_widget_remove_css_class (text, "dim-label");
}

/* ---- Board ---------------------------------------------------------------- */

static void
disconnect_board (TavlaFeedbackView *self)
{
  if (self->board == NULL)
    return;

  g_signal_handlers_disconnect_by_data (tavla_board_get_departments (self->board), self);
  g_signal_handlers_disconnect_by_data (tavla_board_get_feedback_model (self->board), self);
}

static void
fill_tertials (TavlaFeedbackView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  TavlaPeriod current = { 0 };

  g_ptr_array_set_size (self->tertials, 0);
  tavla_period_current (TAVLA_PERIOD_TERTIAL, &current);
  for (int i = 0; i < N_TERTIALS; i++)
    {
      TavlaPeriod period = { 0 };
      g_autofree char *label = NULL;

      tavla_period_add (&current, -i, &period);
      label = tavla_period_display (&period);
      g_ptr_array_add (self->tertials, tavla_period_format (&period));
      gtk_string_list_append (labels, label);
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->tertial_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->tertial_dropdown, 0);
  self->filling = FALSE;
}

/* ---- GObject -------------------------------------------------------------- */

static void
tavla_feedback_view_dispose (GObject *object)
{
  TavlaFeedbackView *self = TAVLA_FEEDBACK_VIEW (object);
  GtkWidget *child;

  disconnect_board (self);
  g_clear_object (&self->board);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAVLA_TYPE_FEEDBACK_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tavla_feedback_view_parent_class)->dispose (object);
}

static void
tavla_feedback_view_finalize (GObject *object)
{
  TavlaFeedbackView *self = TAVLA_FEEDBACK_VIEW (object);

  g_clear_object (&self->department_names);
  g_clear_object (&self->filter_department_names);
  g_clear_object (&self->feedback);
  g_clear_pointer (&self->tertials, g_ptr_array_unref);

  G_OBJECT_CLASS (tavla_feedback_view_parent_class)->finalize (object);
}

static void
tavla_feedback_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TavlaFeedbackView *self = TAVLA_FEEDBACK_VIEW (object);

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
tavla_feedback_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TavlaFeedbackView *self = TAVLA_FEEDBACK_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      tavla_feedback_view_set_board (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_feedback_view_class_init (TavlaFeedbackViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_feedback_view_dispose;
  object_class->finalize = tavla_feedback_view_finalize;
  object_class->get_property = tavla_feedback_view_get_property;
  object_class->set_property = tavla_feedback_view_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         TAVLA_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "feedback.register", NULL, register_action);
  gtk_widget_class_install_action (widget_class, "feedback.export-compilation", "s", export_compilation_action);
  gtk_widget_class_install_action (widget_class, "feedback.print-compilation", NULL, print_compilation_action);
  gtk_widget_class_install_action (widget_class, "feedback.export-report", "s", export_report_action);
  gtk_widget_class_install_action (widget_class, "feedback.print-report", NULL, print_report_action);
  gtk_widget_class_install_action (widget_class, "feedback.act", "x", act_action);
  gtk_widget_class_install_action (widget_class, "feedback.pass-on", "x", pass_on_action);
  gtk_widget_class_install_action (widget_class, "feedback.purge", NULL, purge_action);
  /* Registering during a call without leaving the keyboard. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "feedback.register", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "feedback.register", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-feedback-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, date_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, text_view);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, personal_check);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, passed_on_check);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, form_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, register_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, tertial_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, filter_department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, filter_category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, summary_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TavlaFeedbackView, feedback_list);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "feedbackview");
}

static void
tavla_feedback_view_init (TavlaFeedbackView *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) filter_categories = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autofree char *today = tavla_date_today ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tertials = g_ptr_array_new_with_free_func (g_free);
  self->feedback = g_list_store_new (TAVLA_TYPE_FEEDBACK);
  self->department_names = gtk_string_list_new (NULL);
  self->filter_department_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->filter_department_names, _("All departments"));
  gtk_string_list_append (filter_categories, _("All categories"));

  for (guint c = 0; c < TAVLA_N_FEEDBACK_CHANNELS; c++)
    gtk_string_list_append (channels, tavla_feedback_channel_get_label (c));
  for (guint c = 0; c < TAVLA_N_FEEDBACK_CATEGORIES; c++)
    {
      gtk_string_list_append (categories, tavla_feedback_category_get_label (c));
      gtk_string_list_append (filter_categories, tavla_feedback_category_get_label (c));
    }

  self->filling = TRUE;
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (channels));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));
  gtk_drop_down_set_model (self->filter_category_dropdown, G_LIST_MODEL (filter_categories));
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (self->department_names));
  gtk_drop_down_set_model (self->filter_department_dropdown, G_LIST_MODEL (self->filter_department_names));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  self->filling = FALSE;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->feedback_list, factory);
  gtk_list_view_set_model (self->feedback_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->feedback)))));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (on_form_changed), self);

  fill_tertials (self);
  reload_departments (self);
}

GtkWidget *
tavla_feedback_view_new (void)
{
  return g_object_new (TAVLA_TYPE_FEEDBACK_VIEW, NULL);
}

TavlaBoard *
tavla_feedback_view_get_board (TavlaFeedbackView *self)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK_VIEW (self), NULL);

  return self->board;
}

void
tavla_feedback_view_set_board (TavlaFeedbackView *self,
                               TavlaBoard        *board)
{
  g_return_if_fail (TAVLA_IS_FEEDBACK_VIEW (self));
  g_return_if_fail (board == NULL || TAVLA_IS_BOARD (board));

  if (self->board == board)
    return;

  disconnect_board (self);
  g_set_object (&self->board, board);

  /* The board's feedback model changes after every write through it and
   * when another process commits. */
  if (board != NULL)
    {
      g_signal_connect_swapped (tavla_board_get_departments (board), "items-changed",
                                G_CALLBACK (reload_departments), self);
      g_signal_connect_swapped (tavla_board_get_feedback_model (board), "items-changed",
                                G_CALLBACK (reload_list), self);
    }

  fill_tertials (self);
  reload_departments (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

void
tavla_feedback_view_focus_form (TavlaFeedbackView *self)
{
  g_return_if_fail (TAVLA_IS_FEEDBACK_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}
