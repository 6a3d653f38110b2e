/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tavla-agreement-casetype-dialog.h"
#include "tavla-agreement-details-dialog.h"
#include "tavla-agreement-editor.h"
#include "tavla-document-export.h"
#include "tavla-agreement-rows.h"
#include "tavla-gui-settings.h"

/*
 * One department's delivery agreement, one version at a time: its status
 * and review date, the seven sections (editable while it is a draft), the
 * case types, the versions with what changed between any two of them, and
 * the improvement proposals linked to it. Revise, Sign, Export and Print
 * act on the version shown. Every rule (what can be edited, what signing
 * needs, what a revision copies) is the core's; refusals are shown where
 * the user acted, in the core's words.
 */

struct _TavlaAgreementEditor
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkStack        *stack;
  AdwStatusPage   *none_page;
  GtkLabel        *none_message;
  GtkScrolledWindow *scroller;
  GtkLabel        *title_label;
  GtkBox          *pill_box;
  GtkGrid         *facts_grid;
  GtkLabel        *locked_label;
  GtkStack        *part_stack;
  GtkBox          *sections_box;
  GtkListBox      *case_type_list;
  GtkListBox      *version_list;
  GtkDropDown     *from_dropdown;
  GtkDropDown     *to_dropdown;
  GtkListBox      *diff_list;
  GtkLabel        *diff_placeholder;
  GtkListBox      *history_list;
  GtkListBox      *item_list;
  GtkMenuButton   *sign_button;
  GtkPopover      *sign_popover;
  GtkEntry        *sign_entry;
  GtkPopover      *calendar_popover;
  GtkCalendar     *sign_calendar;
  GtkLabel        *sign_week_label;
  GtkLabel        *sign_message;

  /* Built in C, one per section */
  GtkTextView     *section_views[TAVLA_N_SECTIONS];
  GtkLabel        *section_messages[TAVLA_N_SECTIONS];
  GtkWidget       *section_saves[TAVLA_N_SECTIONS];
  /* The agreement's version a section's unsaved typing started from, so
   * saving it over a change made meanwhile elsewhere is a conflict. */
  gint64           section_bases[TAVLA_N_SECTIONS];

  /* Owned references */
  TavlaBoard      *board;
  TavlaDepartment *department;
  TavlaAgreement  *agreement;
  GListModel      *versions;      /* TavlaAgreement, oldest first */
  GtkStringList   *version_names; /* "Version 1", ... as in versions */

  guint            filling : 1;
};

enum {
  OPEN_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TavlaAgreementEditor, tavla_agreement_editor, GTK_TYPE_WIDGET)

static void
show_toast (TavlaAgreementEditor *self,
            const char           *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static gboolean
is_writable (TavlaAgreementEditor *self)
{
  return self->board != NULL && !tavla_board_is_read_only (self->board);
}

static gboolean
is_draft (TavlaAgreementEditor *self)
{
  return self->agreement != NULL &&
         tavla_agreement_get_stored_status (self->agreement) == TAVLA_AGREEMENT_STATUS_DRAFT;
}

/* Whether case types can be added or changed: not on a superseded version. */
static gboolean
takes_case_types (TavlaAgreementEditor *self)
{
  return is_writable (self) && self->agreement != NULL &&
         tavla_agreement_get_stored_status (self->agreement) != TAVLA_AGREEMENT_STATUS_SUPERSEDED;
}

static GtkWindow *
get_window (TavlaAgreementEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_BOX (box))
        gtk_box_remove (GTK_BOX (box), child);
      else
        gtk_widget_unparent (child);
    }
}

static char *
dup_date (const char *iso_date,
          const char *missing)
{
  return iso_date != NULL ? tavla_date_display (iso_date) : g_strdup (missing);
}

static void
add_fact (TavlaAgreementEditor *self,
          int                   row,
          const char           *caption,
          const char           *value,
          const char           *css_class)
{
  GtkWidget *label = tavla_agreement_new_label (caption, "field-caption");
  GtkWidget *text = tavla_agreement_new_label (value, css_class);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_grid_attach (self->facts_grid, label, 0, row, 1, 1);
  gtk_grid_attach (self->facts_grid, text, 1, row, 1, 1);
}

static void
fill_header (TavlaAgreementEditor *self)
{
  TavlaAgreement *agreement = self->agreement;
  TavlaAgreementStatus status = tavla_agreement_get_status (agreement);
  g_autofree char *title = tavla_agreement_dup_title (agreement);
  g_autofree char *signed_text = dup_date (tavla_agreement_get_signed (agreement), _("Not signed yet"));
  g_autofree char *from = dup_date (tavla_agreement_get_valid_from (agreement), _("Not set"));
  g_autofree char *to = dup_date (tavla_agreement_get_valid_to (agreement), _("Until further notice"));
  g_autofree char *due = dup_date (tavla_agreement_get_review_due (agreement), _("Set when signed"));
  g_autofree char *signatories = tavla_agreement_dup_signatories (agreement);
  g_autofree char *interval = NULL;
  gboolean overdue = tavla_agreement_is_review_overdue (agreement, NULL);
  GtkWidget *child;

  gtk_label_set_label (self->title_label, title);

  clear_box (GTK_WIDGET (self->pill_box));
  gtk_box_append (self->pill_box, tavla_agreement_new_pill (tavla_agreement_status_get_label (status), NULL,
                                                            tavla_agreement_status_to_string (status)));
  if (tavla_agreement_get_revision_needed (agreement))
    gtk_box_append (self->pill_box, tavla_agreement_new_pill (_("Revision needed"), "dialog-warning-symbolic", "revision-badge"));
  if (overdue)
    gtk_box_append (self->pill_box, tavla_agreement_new_pill (_("Review overdue"), "alarm-symbolic", "overdue-badge"));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_grid))) != NULL)
    gtk_grid_remove (self->facts_grid, child);
  interval = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u month", "Every %u months",
                                           tavla_agreement_get_review_months (agreement)),
                              tavla_agreement_get_review_months (agreement));
  add_fact (self, 0, _("Signed"), signed_text, NULL);
  add_fact (self, 1, _("Valid from"), from, NULL);
  add_fact (self, 2, _("Valid to"), to, status == TAVLA_AGREEMENT_STATUS_EXPIRED ? "review-overdue" : NULL);
  add_fact (self, 3, _("Review"), interval, NULL);
  add_fact (self, 4, _("Review due"), due, overdue ? "review-overdue" : NULL);
  add_fact (self, 5, _("Signatories"), signatories, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->locked_label), !is_draft (self));
}

/* Section texts: a buffer the user has changed and not saved keeps its
 * text when the same version is reloaded, so a refresh never eats typing. */
static void
fill_sections (TavlaAgreementEditor *self,
               gboolean              same_version)
{
  gboolean editable = is_draft (self) && is_writable (self);

  self->filling = TRUE;
  for (TavlaSection s = 0; s < TAVLA_N_SECTIONS; s++)
    {
      gboolean dirty = same_version && gtk_widget_get_sensitive (self->section_saves[s]);

      if (!dirty)
        {
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->section_views[s]),
                                    tavla_agreement_get_section (self->agreement, s), -1);
          gtk_widget_set_sensitive (self->section_saves[s], FALSE);
          gtk_widget_set_visible (GTK_WIDGET (self->section_messages[s]), FALSE);
          self->section_bases[s] = 0;
        }
      gtk_text_view_set_editable (self->section_views[s], editable);
      if (editable)
        gtk_widget_remove_css_class (GTK_WIDGET (self->section_views[s]), "locked");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->section_views[s]), "locked");
      gtk_text_view_set_cursor_visible (self->section_views[s], editable);
      gtk_widget_set_visible (self->section_saves[s], editable);
    }
  self->filling = FALSE;
}

static void
fill_case_types (TavlaAgreementEditor *self)
{
  GPtrArray *case_types = tavla_agreement_get_case_types (self->agreement);

  tavla_agreement_clear_list (self->case_type_list);
  for (guint i = 0; case_types != NULL && i < case_types->len; i++)
    {
      GtkWidget *row = tavla_agreement_case_type_row_new (g_ptr_array_index (case_types, i));

      /* The row opens the case type for editing. */
      gtk_widget_set_tooltip_text (row, takes_case_types (self) ? _("Edit the case type") : NULL);
      gtk_list_box_append (self->case_type_list, row);
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->case_type_list, i),
                                        takes_case_types (self));
    }
}

static gint64
version_id_at (TavlaAgreementEditor *self,
               guint                 position)
{
  g_autoptr(TavlaAgreement) version = NULL;

  if (self->versions == NULL || position >= g_list_model_get_n_items (self->versions))
    return 0;
  version = g_list_model_get_item (self->versions, position);
  return tavla_agreement_get_id (version);
}

static void
fill_diff (TavlaAgreementEditor *self)
{
  guint from = gtk_drop_down_get_selected (self->from_dropdown);
  guint to = gtk_drop_down_get_selected (self->to_dropdown);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  tavla_agreement_clear_list (self->diff_list);
  if (self->filling || self->board == NULL)
    return;

  if (version_id_at (self, from) == 0 || version_id_at (self, to) == 0 || from == to)
    {
      gtk_label_set_label (self->diff_placeholder, _("Choose two different versions to see what changed."));
      return;
    }

  changes = tavla_board_diff_agreements (self->board, version_id_at (self, from), version_id_at (self, to), &error);
  if (changes == NULL)
    {
      gtk_label_set_label (self->diff_placeholder, error->message);
      return;
    }

  gtk_label_set_label (self->diff_placeholder, _("The two versions have the same content."));
  for (guint i = 0; i < changes->len; i++)
    gtk_list_box_append (self->diff_list, tavla_agreement_change_row_new (g_ptr_array_index (changes, i)));
}

static void
fill_versions (TavlaAgreementEditor *self)
{
  g_autoptr(GError) error = NULL;
  guint n, shown = 0;

  tavla_agreement_clear_list (self->version_list);
  g_clear_object (&self->versions);
  self->versions = tavla_board_list_agreement_versions (self->board, tavla_agreement_get_department_id (self->agreement),
                                                        &error);
  n = self->versions != NULL ? g_list_model_get_n_items (self->versions) : 0;

  self->filling = TRUE;
  gtk_string_list_splice (self->version_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->version_names)), NULL);
  /* Newest first in the list; oldest first in the drop-downs. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(TavlaAgreement) version = g_list_model_get_item (self->versions, i - 1);

      gtk_list_box_append (self->version_list, tavla_agreement_version_row_new (version, tavla_agreement_get_id (version) == tavla_agreement_get_id (self->agreement)));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaAgreement) version = g_list_model_get_item (self->versions, i);
      g_autofree char *name = g_strdup_printf (_("Version %u"), tavla_agreement_get_version_number (version));

      gtk_string_list_append (self->version_names, name);
      if (tavla_agreement_get_id (version) == tavla_agreement_get_id (self->agreement))
        shown = i;
    }
  /* By default: what the shown version changed from the one before it. */
  gtk_drop_down_set_selected (self->from_dropdown, shown > 0 ? shown - 1 : 0);
  gtk_drop_down_set_selected (self->to_dropdown, shown);
  self->filling = FALSE;

  if (self->versions == NULL)
    gtk_label_set_label (self->diff_placeholder, error->message);
  else
    fill_diff (self);
}

/* Every change to the shown version, newest first: when, who, what. */
static void
fill_history (TavlaAgreementEditor *self)
{
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  tavla_agreement_clear_list (self->history_list);
  history = tavla_board_list_agreement_history (self->board, tavla_agreement_get_id (self->agreement), &error);
  if (history == NULL)
    {
      gtk_list_box_append (self->history_list, tavla_agreement_new_label (error->message, "error"));
      return;
    }

  n = g_list_model_get_n_items (history);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, i - 1);

      gtk_list_box_append (self->history_list, tavla_agreement_history_row_new (entry));
    }
}

static char *
dup_item_label (TavlaAgreementEditor *self,
                gint64                id)
{
  g_autoptr(TavlaItem) item = tavla_board_get_item (self->board, id, NULL);
  g_autofree char *number = g_strdup_printf ("#%" G_GINT64_FORMAT, id);

  if (item == NULL)
    return g_steal_pointer (&number);

  /* TRANSLATORS: an improvement proposal linked to an agreement: "#12 Title (In progress)". */
  return g_strdup_printf (_("%s %s (%s)"), number, tavla_item_get_title (item),
                          tavla_status_get_label (tavla_item_get_status (item)));
}

static void
on_item_clicked (TavlaAgreementEditor *self,
                 GtkButton            *button)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "item-id");

  g_signal_emit (self, signals[OPEN_ITEM], 0, *id);
}

static void
fill_items (TavlaAgreementEditor *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  tavla_agreement_clear_list (self->item_list);
  ids = tavla_board_list_agreement_items (self->board, tavla_agreement_get_id (self->agreement), &error);
  if (ids == NULL)
    {
      gtk_list_box_append (self->item_list, tavla_agreement_new_label (error->message, "error"));
      return;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *text = dup_item_label (self, id);
      GtkWidget *button = gtk_button_new_with_label (text);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      gtk_widget_set_tooltip_text (button, _("Show the proposal on the board"));
      g_object_set_data_full (G_OBJECT (button), "item-id", g_memdup2 (&id, sizeof id), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_item_clicked), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->item_list, button);
    }
}

static void
update_actions (TavlaAgreementEditor *self)
{
  gboolean writable = is_writable (self);
  gboolean have = self->agreement != NULL;
  TavlaAgreementStatus stored = have ? tavla_agreement_get_stored_status (self->agreement)
                                     : TAVLA_AGREEMENT_STATUS_DRAFT;

  /* Only the current signed version is revised; a superseded one is history. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.revise",
                                 writable && have && stored == TAVLA_AGREEMENT_STATUS_ACTIVE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.edit-details",
                                 writable && have && stored == TAVLA_AGREEMENT_STATUS_DRAFT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.add-case-type", takes_case_types (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.export", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.print", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.start-draft", writable && self->department != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_button),
                            writable && have && stored == TAVLA_AGREEMENT_STATUS_DRAFT);
}

static void
show_agreement (TavlaAgreementEditor *self,
                gint64                id)
{
  g_autoptr(TavlaAgreement) agreement = NULL;
  gboolean same;

  if (self->board != NULL && id > 0)
    agreement = tavla_board_get_agreement (self->board, id, NULL);

  same = agreement != NULL && self->agreement != NULL &&
         tavla_agreement_get_id (agreement) == tavla_agreement_get_id (self->agreement);
  g_set_object (&self->agreement, agreement);

  if (self->agreement == NULL)
    {
      g_autofree char *title = NULL;

      if (self->department != NULL)
        /* TRANSLATORS: the empty state of a department without a delivery agreement. */
        title = g_strdup_printf (_("No Agreement with %s Yet"), tavla_department_get_name (self->department));
      adw_status_page_set_title (self->none_page, title != NULL ? title : _("No Agreement Yet"));
      adw_status_page_set_description (self->none_page,
                                       _("Start a draft of the delivery agreement: responsibilities, case types, "
                                         "the case process and the other sections. It becomes active when it is signed."));
      gtk_widget_set_visible (GTK_WIDGET (self->none_message), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "none");
      update_actions (self);
      return;
    }

  fill_header (self);
  fill_sections (self, same);
  fill_case_types (self);
  fill_versions (self);
  fill_history (self);
  fill_items (self);
  if (!same)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->sign_entry), "");
      gtk_widget_set_visible (GTK_WIDGET (self->sign_message), FALSE);
    }
  gtk_stack_set_visible_child_name (self->stack, "agreement");
  update_actions (self);
}

static void
on_section_changed (TavlaAgreementEditor *self,
                    GtkTextBuffer        *buffer)
{
  TavlaSection section = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "section"));

  if (self->filling)
    return;
  if (self->section_bases[section] == 0 && self->agreement != NULL)
    self->section_bases[section] = tavla_agreement_get_version (self->agreement);
  gtk_widget_set_sensitive (self->section_saves[section], TRUE);
}

static void
on_section_save (TavlaAgreementEditor *self,
                 GtkButton            *button)
{
  TavlaSection section = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "section"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->section_views[section]);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (tavla_agreement_editor_save_section (self, section, text))
    show_toast (self, _("Section saved"));
}

/* Ctrl+S in a section's text saves it, so the keyboard never has to leave
 * the text. */
static gboolean
on_save_shortcut (GtkWidget *view,
                  GVariant  *args,
                  gpointer   user_data)
{
  GtkWidget *save = user_data;

  if (gtk_widget_get_visible (save) && gtk_widget_get_sensitive (save))
    gtk_widget_activate (save);
  return TRUE;
}

static void
build_sections (TavlaAgreementEditor *self)
{
  for (TavlaSection s = 0; s < TAVLA_N_SECTIONS; s++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();
      GtkWidget *message = tavla_agreement_new_label (NULL, "error");
      GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Section"));
      GtkWidget *caption = tavla_agreement_new_label (tavla_section_get_label (s), "title-4");
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      GtkEventController *shortcuts;

      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (view, "section-text");
      gtk_widget_set_size_request (view, -1, 96);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tavla_section_get_label (s), -1);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_widget_add_css_class (message, "field-message");
      gtk_widget_set_visible (message, FALSE);
      gtk_widget_set_halign (save, GTK_ALIGN_END);
      gtk_widget_set_sensitive (save, FALSE);
      gtk_widget_set_tooltip_text (save, _("Save the section (Ctrl+S)"));

      gtk_box_append (GTK_BOX (box), caption);
      gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (tavla_section_get_description (s), "dim-label"));
      gtk_box_append (GTK_BOX (box), frame);
      gtk_box_append (GTK_BOX (box), message);
      gtk_box_append (GTK_BOX (box), save);
      gtk_box_append (self->sections_box, box);

      g_object_set_data (G_OBJECT (buffer), "section", GUINT_TO_POINTER (s));
      g_object_set_data (G_OBJECT (save), "section", GUINT_TO_POINTER (s));
      g_signal_connect_object (buffer, "changed", G_CALLBACK (on_section_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (save, "clicked", G_CALLBACK (on_section_save), self, G_CONNECT_SWAPPED);
      shortcuts = gtk_shortcut_controller_new ();
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                            gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>s"),
                                                              gtk_callback_action_new (on_save_shortcut, save, NULL)));
      gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
      gtk_widget_add_controller (view, shortcuts);

      self->section_views[s] = GTK_TEXT_VIEW (view);
      self->section_messages[s] = GTK_LABEL (message);
      self->section_saves[s] = save;
    }
}

static void
on_version_activated (TavlaAgreementEditor *self,
                      GtkListBoxRow        *row)
{
  TavlaAgreement *version = g_object_get_data (G_OBJECT (row), "agreement");

  if (version != NULL)
    show_agreement (self, tavla_agreement_get_id (version));
}

static void
on_compare_changed (TavlaAgreementEditor *self)
{
  fill_diff (self);
}

static void
on_sign_popover_show (TavlaAgreementEditor *self)
{
  g_autoptr(GDateTime) date_time = NULL;
  GDate date;

  if (!tavla_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->sign_entry)), &date))
    return;

  date_time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                     g_date_get_day (&date), 12, 0, 0);
  if (date_time != NULL)
    gtk_calendar_select_day (self->sign_calendar, date_time);
}

static void
on_sign_entry_changed (TavlaAgreementEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->sign_entry));
  g_autofree char *display = NULL;
  GDate date;

  /* The ISO week of the signing day, as everywhere a date is shown. */
  if (tavla_date_parse (text, &date))
    display = tavla_date_display (text);
  gtk_label_set_label (self->sign_week_label, display != NULL ? display : "");
  gtk_widget_set_visible (GTK_WIDGET (self->sign_week_label), display != NULL);
}

static void
on_day_selected (TavlaAgreementEditor *self)
{
  g_autoptr(GDateTime) date_time = gtk_calendar_get_date (self->sign_calendar);
  g_autofree char *text = g_date_time_format (date_time, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->sign_entry), text);
  gtk_popover_popdown (self->calendar_popover);
}

static void
on_sign_clicked (TavlaAgreementEditor *self)
{
  if (tavla_agreement_editor_sign (self, gtk_editable_get_text (GTK_EDITABLE (self->sign_entry))))
    gtk_popover_popdown (self->sign_popover);
}

static void
revise_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  tavla_agreement_editor_revise (TAVLA_AGREEMENT_EDITOR (widget));
}

static void
on_case_type_saved (TavlaAgreementEditor *self,
                    TavlaCaseType        *case_type)
{
  g_autofree char *message = NULL;

  /* TRANSLATORS: after adding a case type to an agreement. */
  message = g_strdup_printf (_("Added the case type %s"), tavla_case_type_get_name (case_type));
  show_toast (self, message);
  tavla_agreement_editor_reload (self);
}

static void
add_case_type_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TavlaAgreementEditor *self = TAVLA_AGREEMENT_EDITOR (widget);
  TavlaAgreementCasetypeDialog *dialog;

  if (self->board == NULL || self->agreement == NULL)
    return;

  dialog = tavla_agreement_casetype_dialog_new (get_window (self), self->board, self->agreement);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_case_type_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_case_type_changed (TavlaAgreementEditor *self,
                      TavlaCaseType        *case_type)
{
  g_autofree char *message = NULL;

  /* TRANSLATORS: after changing a case type of an agreement. */
  message = g_strdup_printf (_("Saved the case type %s"), tavla_case_type_get_name (case_type));
  show_toast (self, message);
  tavla_agreement_editor_reload (self);
}

/* A case type's row: change it in the same dialog, when the agreement
 * takes changes (the core decides; the action tells whether to offer). */
static void
on_case_type_activated (TavlaAgreementEditor *self,
                        GtkListBoxRow        *row)
{
  GPtrArray *case_types = NULL;
  TavlaAgreementCasetypeDialog *dialog = NULL;
  int index = gtk_list_box_row_get_index (row);

  if (!takes_case_types (self))
    return;

  case_types = tavla_agreement_get_case_types (self->agreement);
  if (index < 0 || (guint) index >= case_types->len)
    return;

  dialog = tavla_agreement_casetype_dialog_new_edit (get_window (self), self->board, self->agreement,
                                                     g_ptr_array_index (case_types, index));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_case_type_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_details_saved (TavlaAgreementEditor *self,
                  TavlaAgreement       *agreement)
{
  show_toast (self, _("Saved the draft’s details"));
  show_agreement (self, tavla_agreement_get_id (agreement));
}

static void
edit_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TavlaAgreementEditor *self = TAVLA_AGREEMENT_EDITOR (widget);
  TavlaAgreementDetailsDialog *dialog;

  if (self->board == NULL || self->agreement == NULL)
    return;

  dialog = tavla_agreement_details_dialog_new (get_window (self), self->board, self->agreement);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_details_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_done (const char *message,
                gpointer    user_data)
{
  show_toast (TAVLA_AGREEMENT_EDITOR (user_data), message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TavlaAgreementEditor *self = TAVLA_AGREEMENT_EDITOR (widget);
  TavlaExportFormat format;

  if (self->agreement == NULL ||
      !tavla_export_format_from_string (g_variant_get_string (parameter, NULL), &format))
    return;

  tavla_agreement_export_choose (get_window (self), self->agreement, format,
                                 on_export_done, g_object_ref (self), g_object_unref);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TavlaAgreementEditor *self = TAVLA_AGREEMENT_EDITOR (widget);

  if (self->agreement != NULL)
    tavla_agreement_print (get_window (self), self->agreement, on_export_done, self);
}

static void
start_draft_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TavlaAgreementEditor *self = TAVLA_AGREEMENT_EDITOR (widget);
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();
  TavlaAgreementInput input = { 0 };

  if (self->board == NULL || self->department == NULL)
    return;

  input.department = tavla_department_get_name (self->department);
  agreement = tavla_board_add_agreement (self->board, &input, actor, NULL, &error);
  if (agreement == NULL)
    {
      gtk_label_set_label (self->none_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->none_message), TRUE);
      return;
    }

  show_agreement (self, tavla_agreement_get_id (agreement));
}

static void
tavla_agreement_editor_dispose (GObject *object)
{
  TavlaAgreementEditor *self = (TavlaAgreementEditor *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TAVLA_TYPE_AGREEMENT_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->board);
  g_clear_object (&self->department);
  g_clear_object (&self->agreement);
  g_clear_object (&self->versions);
  g_clear_object (&self->version_names);

  G_OBJECT_CLASS (tavla_agreement_editor_parent_class)->dispose (object);
}

static void
tavla_agreement_editor_class_init (TavlaAgreementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_agreement_editor_dispose;

  /* A linked proposal was clicked: the window shows it on the board. */
  signals[OPEN_ITEM] =
    g_signal_new ("open-item",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "agreement.revise", NULL, revise_action);
  gtk_widget_class_install_action (widget_class, "agreement.add-case-type", NULL, add_case_type_action);
  gtk_widget_class_install_action (widget_class, "agreement.edit-details", NULL, edit_details_action);
  gtk_widget_class_install_action (widget_class, "agreement.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "agreement.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "agreement.start-draft", NULL, start_draft_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-agreement-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, none_page);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, none_message);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, pill_box);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, locked_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, part_stack);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, sections_box);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, case_type_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, version_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, diff_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, diff_placeholder);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, history_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, item_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, sign_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, sign_popover);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, sign_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, sign_calendar);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, sign_week_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementEditor, sign_message);
  gtk_widget_class_bind_template_callback (widget_class, on_version_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_case_type_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "agreementeditor");
}

static void
tavla_agreement_editor_init (TavlaAgreementEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->version_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (self->version_names));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (self->version_names));
  gtk_widget_set_visible (GTK_WIDGET (self->sign_week_label), FALSE);
  build_sections (self);
  show_agreement (self, 0);
}

GtkWidget *
tavla_agreement_editor_new (void)
{
  return g_object_new (TAVLA_TYPE_AGREEMENT_EDITOR, NULL);
}

/* Shows @agreement_id of @department (0: the department has none yet). */
void
tavla_agreement_editor_show (TavlaAgreementEditor *self,
                             TavlaBoard           *board,
                             TavlaDepartment      *department,
                             gint64                agreement_id)
{
  g_return_if_fail (TAVLA_IS_AGREEMENT_EDITOR (self));
  g_return_if_fail (board == NULL || TAVLA_IS_BOARD (board));

  if (self->board != board)
    g_clear_object (&self->agreement);
  g_set_object (&self->board, board);
  g_set_object (&self->department, department);
  show_agreement (self, agreement_id);
}

TavlaAgreement *
tavla_agreement_editor_get_agreement (TavlaAgreementEditor *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_EDITOR (self), NULL);

  return self->agreement;
}

/* Reads the shown version again (after a write here or elsewhere). */
void
tavla_agreement_editor_reload (TavlaAgreementEditor *self)
{
  g_return_if_fail (TAVLA_IS_AGREEMENT_EDITOR (self));

  show_agreement (self, self->agreement != NULL ? tavla_agreement_get_id (self->agreement) : 0);
}

/* Reads the proposals linked to the shown version again (after a link was
 * made, or a proposal's title or status changed). */
void
tavla_agreement_editor_reload_items (TavlaAgreementEditor *self)
{
  g_return_if_fail (TAVLA_IS_AGREEMENT_EDITOR (self));

  if (self->board != NULL && self->agreement != NULL)
    fill_items (self);
}

/* Signs the shown draft on @date; FALSE with the core's message shown in
 * the sign popover when refused (no date, not a draft, ...). */
gboolean
tavla_agreement_editor_sign (TavlaAgreementEditor *self,
                             const char           *date)
{
  g_autoptr(TavlaAgreement) signed_agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();
  g_autofree char *message = NULL;

  g_return_val_if_fail (TAVLA_IS_AGREEMENT_EDITOR (self), FALSE);

  if (self->board == NULL || self->agreement == NULL)
    return FALSE;

  signed_agreement = tavla_board_sign_agreement (self->board, tavla_agreement_get_id (self->agreement),
                                                 tavla_agreement_get_version (self->agreement),
                                                 date, actor, &error);
  if (signed_agreement == NULL)
    {
      gtk_label_set_label (self->sign_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->sign_message), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->sign_entry));
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->sign_message), FALSE);
  show_agreement (self, tavla_agreement_get_id (signed_agreement));
  /* TRANSLATORS: after signing: "Version 2 is now the active agreement". */
  message = g_strdup_printf (_("Version %u is now the active agreement"),
                             tavla_agreement_get_version_number (signed_agreement));
  show_toast (self, message);
  return TRUE;
}

/* Makes a new draft version of the shown agreement and shows it. */
gboolean
tavla_agreement_editor_revise (TavlaAgreementEditor *self)
{
  g_autoptr(TavlaAgreement) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();
  g_autofree char *message = NULL;

  g_return_val_if_fail (TAVLA_IS_AGREEMENT_EDITOR (self), FALSE);

  if (self->board == NULL || self->agreement == NULL)
    return FALSE;

  draft = tavla_board_revise_agreement (self->board, tavla_agreement_get_id (self->agreement), actor, &error);
  if (draft == NULL)
    {
      show_toast (self, error->message);
      return FALSE;
    }

  show_agreement (self, tavla_agreement_get_id (draft));
  gtk_stack_set_visible_child_name (self->part_stack, "sections");
  /* TRANSLATORS: after revising: "Version 3 is a new draft with a copy of the text". */
  message = g_strdup_printf (_("Version %u is a new draft with a copy of the text"),
                             tavla_agreement_get_version_number (draft));
  show_toast (self, message);
  return TRUE;
}

/* Saves one section of the shown draft; FALSE with the core's message
 * under the section when refused. */
gboolean
tavla_agreement_editor_save_section (TavlaAgreementEditor *self,
                                     TavlaSection          section,
                                     const char           *text)
{
  g_autoptr(TavlaAgreement) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();

  g_return_val_if_fail (TAVLA_IS_AGREEMENT_EDITOR (self), FALSE);
  g_return_val_if_fail (section < TAVLA_N_SECTIONS, FALSE);

  if (self->board == NULL || self->agreement == NULL)
    return FALSE;

  saved = tavla_board_set_agreement_section (self->board, tavla_agreement_get_id (self->agreement),
                                             self->section_bases[section] != 0
                                             ? self->section_bases[section]
                                             : tavla_agreement_get_version (self->agreement),
                                             tavla_section_to_string (section), text, actor, NULL, &error);
  if (saved == NULL)
    {
      /* After a conflict the typing is kept and based on the version now
       * shown: saving again is a deliberate choice. */
      if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT))
        self->section_bases[section] = 0;
      gtk_label_set_label (self->section_messages[section], error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->section_messages[section]), TRUE);
      return FALSE;
    }

  /* Typing in other sections based on the version shown follows this
   * save: the user's own writes are no conflict. */
  for (TavlaSection s = 0; s < TAVLA_N_SECTIONS; s++)
    {
      if (self->section_bases[s] == tavla_agreement_get_version (self->agreement))
        self->section_bases[s] = tavla_agreement_get_version (saved);
    }
  gtk_widget_set_sensitive (self->section_saves[section], FALSE);
  show_agreement (self, tavla_agreement_get_id (saved));
  return TRUE;
}

/* Shows what changed from version number @old_version to @new_version. */
void
tavla_agreement_editor_compare (TavlaAgreementEditor *self,
                                guint                 old_version,
                                guint                 new_version)
{
  guint n;

  g_return_if_fail (TAVLA_IS_AGREEMENT_EDITOR (self));

  n = self->versions != NULL ? g_list_model_get_n_items (self->versions) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaAgreement) version = g_list_model_get_item (self->versions, i);

      if (tavla_agreement_get_version_number (version) == old_version)
        gtk_drop_down_set_selected (self->from_dropdown, i);
      if (tavla_agreement_get_version_number (version) == new_version)
        gtk_drop_down_set_selected (self->to_dropdown, i);
    }
  gtk_stack_set_visible_child_name (self->part_stack, "versions");
}

GtkListBox *
tavla_agreement_editor_get_version_list (TavlaAgreementEditor *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_EDITOR (self), NULL);

  return self->version_list;
}

GtkListBox *
tavla_agreement_editor_get_diff_list (TavlaAgreementEditor *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_EDITOR (self), NULL);

  return self->diff_list;
}

GtkListBox *
tavla_agreement_editor_get_item_list (TavlaAgreementEditor *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_EDITOR (self), NULL);

  return self->item_list;
}

GtkListBox *
tavla_agreement_editor_get_case_type_list (TavlaAgreementEditor *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_EDITOR (self), NULL);

  return self->case_type_list;
}

/* The sign popover's message, NULL when none is shown. */
const char *
tavla_agreement_editor_get_sign_message (TavlaAgreementEditor *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->sign_message)))
    return NULL;
  return gtk_label_get_label (self->sign_message);
}
