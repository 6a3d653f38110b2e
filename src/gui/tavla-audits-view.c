/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tavla-agreement-rows.h"
#include "tavla-audit-dialog.h"
#include "tavla-recommendation-dialog.h"
#include "tavla-audit-rows.h"
#include "tavla-audits-view.h"
#include "tavla-document-export.h"

/*
 * The Audits page: the audits down the side (title, auditor, report date
 * with its ISO week, how many recommendations are open and the worst
 * light), then the recommendations of the chosen audit, or of all, as a
 * list with their traffic lights, filtered to the open or overdue ones and
 * by a search; the chosen recommendation in the editor beside it. Which
 * recommendations are open or overdue, and their lights, are the core's
 * answers (tavla_board_list_recommendations()); the page only shows them.
 */

struct _TavlaAuditsView
{
  GtkWidget                  parent_instance;

  /* Template widgets */
  AdwToastOverlay           *toast_overlay;
  GtkStack                  *stack;
  GtkListBox                *audit_list;
  GtkLabel                  *audit_title;
  GtkLabel                  *audit_details;
  GtkLabel                  *audit_assessment;
  GtkWidget                 *edit_button;
  GtkToggleButton           *all_toggle;
  GtkToggleButton           *open_toggle;
  GtkToggleButton           *overdue_toggle;
  GtkSearchEntry            *search_entry;
  GtkWidget                 *add_recommendation_button;
  GtkListBox                *recommendation_list;
  GtkLabel                  *list_placeholder;
  TavlaRecommendationEditor *editor;

  /* Owned references */
  TavlaBoard                *board;

  gint64                     shown_audit_id;   /* 0: all audits */
  guint                      filling : 1;
};

enum {
  PROP_0,
  PROP_BOARD,
  N_PROPS
};

enum {
  OPEN_ITEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TavlaAuditsView, tavla_audits_view, GTK_TYPE_WIDGET)

static void
show_toast (TavlaAuditsView *self,
            const char      *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static GtkWindow *
get_window (TavlaAuditsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
is_writable (TavlaAuditsView *self)
{
  return self->board != NULL && !tavla_board_is_read_only (self->board);
}

/* The chosen audit (borrowed), NULL for "All Audits". */
static TavlaAudit *
get_selected_audit (TavlaAuditsView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->audit_list);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "audit") : NULL;
}

static gint64
get_selected_recommendation_id (TavlaAuditsView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->recommendation_list);
  TavlaRecommendation *recommendation = row != NULL ? g_object_get_data (G_OBJECT (row), "recommendation") : NULL;

  return recommendation != NULL ? tavla_recommendation_get_id (recommendation) : 0;
}

static TavlaAuditsFilter
get_filter (TavlaAuditsView *self)
{
  if (gtk_toggle_button_get_active (self->open_toggle))
    return TAVLA_AUDITS_FILTER_OPEN;
  if (gtk_toggle_button_get_active (self->overdue_toggle))
    return TAVLA_AUDITS_FILTER_OVERDUE;
  return TAVLA_AUDITS_FILTER_ALL;
}

static void
update_actions (TavlaAuditsView *self)
{
  gboolean writable = is_writable (self);
  gboolean have = self->board != NULL && g_list_model_get_n_items (tavla_board_get_audits (self->board)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audits.add-audit", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audits.edit-audit", writable && get_selected_audit (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audits.add-recommendation",
                                 writable && get_selected_audit (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audits.export", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audits.print", have);
}

static void
fill_audit_header (TavlaAuditsView *self)
{
  TavlaAudit *audit = get_selected_audit (self);
  g_autofree char *subtitle = NULL;
  g_autofree char *details = NULL;
  const char *reference;
  const char *assessment;

  gtk_widget_set_visible (self->edit_button, audit != NULL);
  gtk_widget_set_visible (self->add_recommendation_button, audit != NULL);
  if (audit == NULL)
    {
      gtk_label_set_label (self->audit_title, _("All Audits"));
      gtk_label_set_label (self->audit_details, _("The recommendations of every audit, newest audit first."));
      gtk_widget_set_visible (GTK_WIDGET (self->audit_assessment), FALSE);
      return;
    }

  subtitle = tavla_audit_dup_subtitle (audit);
  reference = tavla_audit_get_reference (audit);
  if (reference != NULL)
    /* TRANSLATORS: under an audit's title: "KPMG, 2022-06-02 (v. 22) · Kommunstyrelsen · Dnr KS 2022/123". */
    details = g_strdup_printf (_("%s · %s · Ref. %s"), subtitle, tavla_audit_get_body (audit), reference);
  else
    /* TRANSLATORS: under an audit's title: "KPMG, 2022-06-02 (v. 22) · Kommunstyrelsen". */
    details = g_strdup_printf (_("%s · %s"), subtitle, tavla_audit_get_body (audit));
  gtk_label_set_label (self->audit_title, tavla_audit_get_title (audit));
  gtk_label_set_label (self->audit_details, details);
  assessment = tavla_audit_get_assessment (audit);
  gtk_label_set_label (self->audit_assessment, assessment != NULL ? assessment : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->audit_assessment), assessment);
  gtk_widget_set_visible (GTK_WIDGET (self->audit_assessment), assessment != NULL && assessment[0] != '\0');
}

static gboolean
matches_search (TavlaRecommendation *recommendation,
                const char          *folded)
{
  const char *texts[] = {
    tavla_recommendation_get_text (recommendation),
    tavla_recommendation_get_owner (recommendation),
    tavla_recommendation_get_addressed_to (recommendation),
    tavla_recommendation_get_response (recommendation),
    tavla_recommendation_get_audit_title (recommendation),
  };

  if (folded == NULL || folded[0] == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *haystack = texts[i] != NULL ? g_utf8_casefold (texts[i], -1) : NULL;

      if (haystack != NULL && strstr (haystack, folded) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The recommendations the filters let through, from the core's query. */
static void
fill_recommendations (TavlaAuditsView *self,
                      gint64           keep_id)
{
  TavlaAudit *audit = get_selected_audit (self);
  TavlaAuditsFilter filter = get_filter (self);
  TavlaRecommendationQuery query = { 0 };
  g_autoptr(GListModel) recommendations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  GtkListBoxRow *keep = NULL;
  guint n;

  self->filling = TRUE;
  gtk_list_box_select_row (self->recommendation_list, NULL);
  tavla_agreement_clear_list (self->recommendation_list);
  self->filling = FALSE;

  query.audit_id = audit != NULL ? tavla_audit_get_id (audit) : 0;
  query.open_only = filter == TAVLA_AUDITS_FILTER_OPEN;
  query.overdue_only = filter == TAVLA_AUDITS_FILTER_OVERDUE;
  recommendations = tavla_board_list_recommendations (self->board, &query, &error);
  if (recommendations == NULL)
    {
      gtk_label_set_label (self->list_placeholder, error->message);
      tavla_recommendation_editor_show (self->editor, self->board, 0);
      return;
    }

  if (folded[0] != '\0')
    gtk_label_set_label (self->list_placeholder, _("No recommendation matches the search."));
  else if (filter == TAVLA_AUDITS_FILTER_OVERDUE)
    gtk_label_set_label (self->list_placeholder, _("No recommendation is overdue."));
  else if (filter == TAVLA_AUDITS_FILTER_OPEN)
    gtk_label_set_label (self->list_placeholder, _("No recommendation is open."));
  else
    gtk_label_set_label (self->list_placeholder, _("No recommendations yet. Add the audit’s recommendations with the + button."));

  n = g_list_model_get_n_items (recommendations);
  self->filling = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaRecommendation) recommendation = g_list_model_get_item (recommendations, i);
      GtkWidget *row;

      if (!matches_search (recommendation, folded))
        continue;
      row = tavla_recommendation_row_new (recommendation, audit == NULL);
      gtk_list_box_append (self->recommendation_list, row);
      if (tavla_recommendation_get_id (recommendation) == keep_id)
        keep = GTK_LIST_BOX_ROW (row);
    }
  self->filling = FALSE;

  /* The recommendation shown stays shown while it is listed. */
  if (keep == NULL)
    keep = gtk_list_box_get_row_at_index (self->recommendation_list, 0);
  if (keep == NULL)
    {
      tavla_recommendation_editor_show (self->editor, self->board, 0);
      tavla_recommendation_editor_show_none (self->editor, _("No Recommendations Listed"),
                                             gtk_label_get_label (self->list_placeholder));
      return;
    }
  self->filling = TRUE;
  gtk_list_box_select_row (self->recommendation_list, keep);
  self->filling = FALSE;
  {
    TavlaRecommendation *shown = tavla_recommendation_editor_get_recommendation (self->editor);
    TavlaRecommendation *chosen = g_object_get_data (G_OBJECT (keep), "recommendation");

    if (shown != NULL && tavla_recommendation_get_id (shown) == tavla_recommendation_get_id (chosen))
      tavla_recommendation_editor_reload (self->editor, FALSE);
    else
      tavla_recommendation_editor_show (self->editor, self->board, tavla_recommendation_get_id (chosen));
  }
}

static void
reload (TavlaAuditsView *self)
{
  TavlaAudit *previous = get_selected_audit (self);
  gint64 audit_id = previous != NULL ? tavla_audit_get_id (previous) : 0;
  gint64 recommendation_id = get_selected_recommendation_id (self);
  GListModel *audits;
  guint n;

  if (recommendation_id == 0 && tavla_recommendation_editor_get_recommendation (self->editor) != NULL)
    recommendation_id = tavla_recommendation_get_id (tavla_recommendation_editor_get_recommendation (self->editor));

  self->filling = TRUE;
  gtk_list_box_select_row (self->audit_list, NULL);
  tavla_agreement_clear_list (self->audit_list);
  self->filling = FALSE;

  if (self->board == NULL || g_list_model_get_n_items (tavla_board_get_audits (self->board)) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      tavla_recommendation_editor_show (self->editor, self->board, 0);
      update_actions (self);
      return;
    }

  audits = tavla_board_get_audits (self->board);
  n = g_list_model_get_n_items (audits);
  self->filling = TRUE;
  gtk_list_box_append (self->audit_list, tavla_audit_all_row_new (audits));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaAudit) audit = g_list_model_get_item (audits, i);

      gtk_list_box_append (self->audit_list, tavla_audit_row_new (audit));
    }
  self->filling = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "audits");

  /* The same audit stays chosen, else "All Audits". */
  self->filling = TRUE;
  if (audit_id == 0 || !tavla_audits_view_select_audit (self, audit_id))
    gtk_list_box_select_row (self->audit_list, gtk_list_box_get_row_at_index (self->audit_list, 0));
  self->filling = FALSE;

  self->shown_audit_id = get_selected_audit (self) != NULL ? tavla_audit_get_id (get_selected_audit (self)) : 0;
  fill_audit_header (self);
  fill_recommendations (self, recommendation_id);
  update_actions (self);
}

static void
on_audit_selected (TavlaAuditsView *self,
                   GtkListBoxRow   *row)
{
  TavlaAudit *audit;
  gint64 id;

  if (self->filling || row == NULL)
    return;

  /* The list selects the row it rebuilt when it gets the focus back:
   * the audit shown already needs nothing. */
  audit = g_object_get_data (G_OBJECT (row), "audit");
  id = audit != NULL ? tavla_audit_get_id (audit) : 0;
  if (id == self->shown_audit_id)
    return;
  self->shown_audit_id = id;
  fill_audit_header (self);
  fill_recommendations (self, 0);
  update_actions (self);
}

static void
on_recommendation_selected (TavlaAuditsView *self,
                            GtkListBoxRow   *row)
{
  TavlaRecommendation *recommendation;
  TavlaRecommendation *shown;

  if (self->filling || row == NULL)
    return;

  recommendation = g_object_get_data (G_OBJECT (row), "recommendation");
  shown = tavla_recommendation_editor_get_recommendation (self->editor);
  if (shown != NULL && tavla_recommendation_get_id (shown) == tavla_recommendation_get_id (recommendation))
    return;
  tavla_recommendation_editor_show (self->editor, self->board, tavla_recommendation_get_id (recommendation));
}

static void
on_filter_toggled (TavlaAuditsView *self,
                   GtkToggleButton *toggle)
{
  /* Each click toggles two buttons of the group; act once, on the new one. */
  if (!gtk_toggle_button_get_active (toggle) || self->board == NULL || self->filling)
    return;
  fill_recommendations (self, get_selected_recommendation_id (self));
}

static void
on_search_changed (TavlaAuditsView *self)
{
  if (self->board != NULL && !self->filling)
    fill_recommendations (self, get_selected_recommendation_id (self));
}

static void
on_open_item (TavlaAuditsView *self,
              gint64           item_id)
{
  g_signal_emit (self, signals[OPEN_ITEM], 0, item_id);
}

/* A proposal changed on the board (here or elsewhere): the actions of the
 * recommendation shown show its new status and mark. */
static void
on_items_changed (TavlaAuditsView *self)
{
  tavla_recommendation_editor_reload_actions (self->editor);
}

static void
on_audit_saved (TavlaAuditsView *self,
                TavlaAudit      *audit)
{
  tavla_audits_view_select_audit (self, tavla_audit_get_id (audit));
  show_toast (self, _("Audit saved"));
}

static void
add_audit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TavlaAuditsView *self = TAVLA_AUDITS_VIEW (widget);
  TavlaAuditDialog *dialog;

  if (!is_writable (self))
    return;
  dialog = tavla_audit_dialog_new (get_window (self), self->board, NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_audit_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_audit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TavlaAuditsView *self = TAVLA_AUDITS_VIEW (widget);
  TavlaAuditDialog *dialog;

  if (!is_writable (self) || get_selected_audit (self) == NULL)
    return;
  dialog = tavla_audit_dialog_new (get_window (self), self->board, get_selected_audit (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_audit_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_recommendation_saved (TavlaAuditsView     *self,
                         TavlaRecommendation *recommendation)
{
  tavla_audits_view_select_recommendation (self, tavla_recommendation_get_id (recommendation));
  show_toast (self, _("Recommendation added"));
}

static void
add_recommendation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TavlaAuditsView *self = TAVLA_AUDITS_VIEW (widget);
  TavlaRecommendationDialog *dialog;

  if (!is_writable (self) || get_selected_audit (self) == NULL)
    return;
  dialog = tavla_recommendation_dialog_new (get_window (self), self->board, get_selected_audit (self));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_recommendation_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The toast after a conflict: the form shows what is stored now. */
static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TavlaAuditsView *self = TAVLA_AUDITS_VIEW (widget);

  tavla_recommendation_editor_reload (self->editor, TRUE);
}

static void
open_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[OPEN_ITEM], 0, g_variant_get_int64 (parameter));
}

static void
on_export_done (const char *message,
                gpointer    user_data)
{
  show_toast (TAVLA_AUDITS_VIEW (user_data), message);
}

/* "Revisionsrekommendationer-2026-12-06.pdf". */
static char *
dup_report_file_name (TavlaExportFormat format)
{
  g_autofree char *today = tavla_date_today ();

  /* TRANSLATORS: the file name of the exported audit report, before the date. */
  return g_strdup_printf ("%s-%s.%s", _("Audit-recommendations"), today, tavla_document_export_extension (format));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TavlaAuditsView *self = TAVLA_AUDITS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  TavlaDocument *document;
  TavlaExportFormat format;

  if (!tavla_export_format_from_string (g_variant_get_string (parameter, NULL), &format))
    return;
  if ((document = tavla_audits_view_build_report (self, &error)) == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  name = dup_report_file_name (format);
  tavla_document_export_choose (get_window (self), document, name, format, on_export_done,
                                g_object_ref (self), g_object_unref);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TavlaAuditsView *self = TAVLA_AUDITS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  TavlaDocument *document;

  if ((document = tavla_audits_view_build_report (self, &error)) == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  tavla_document_print (get_window (self), document, on_export_done, self);
}

static void
disconnect_board (TavlaAuditsView *self)
{
  if (self->board == NULL)
    return;

  g_signal_handlers_disconnect_by_data (tavla_board_get_audits (self->board), self);
  g_signal_handlers_disconnect_by_data (tavla_board_get_items (self->board), self);
}

static void
tavla_audits_view_dispose (GObject *object)
{
  TavlaAuditsView *self = (TavlaAuditsView *) object;
  GtkWidget *child;

  disconnect_board (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAVLA_TYPE_AUDITS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (tavla_audits_view_parent_class)->dispose (object);
}

static void
tavla_audits_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TavlaAuditsView *self = TAVLA_AUDITS_VIEW (object);

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
tavla_audits_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TavlaAuditsView *self = TAVLA_AUDITS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      tavla_audits_view_set_board (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_audits_view_class_init (TavlaAuditsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_audits_view_dispose;
  object_class->get_property = tavla_audits_view_get_property;
  object_class->set_property = tavla_audits_view_set_property;

  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL,
                         TAVLA_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An action's proposal was asked for: the window shows it on the board. */
  signals[OPEN_ITEM] =
    g_signal_new ("open-item",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "audits.add-audit", NULL, add_audit_action);
  gtk_widget_class_install_action (widget_class, "audits.edit-audit", NULL, edit_audit_action);
  gtk_widget_class_install_action (widget_class, "audits.add-recommendation", NULL, add_recommendation_action);
  gtk_widget_class_install_action (widget_class, "audits.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "audits.open-item", "x", open_item_action);
  gtk_widget_class_install_action (widget_class, "audits.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "audits.print", NULL, print_action);

  g_type_ensure (TAVLA_TYPE_RECOMMENDATION_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-audits-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, stack);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, audit_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, audit_title);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, audit_details);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, audit_assessment);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, all_toggle);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, open_toggle);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, add_recommendation_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, recommendation_list);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, list_placeholder);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditsView, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_audit_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_recommendation_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_open_item);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "auditsview");
}

static void
tavla_audits_view_init (TavlaAuditsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  reload (self);
}

GtkWidget *
tavla_audits_view_new (void)
{
  return g_object_new (TAVLA_TYPE_AUDITS_VIEW, NULL);
}

TavlaBoard *
tavla_audits_view_get_board (TavlaAuditsView *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDITS_VIEW (self), NULL);

  return self->board;
}

void
tavla_audits_view_set_board (TavlaAuditsView *self,
                             TavlaBoard      *board)
{
  g_return_if_fail (TAVLA_IS_AUDITS_VIEW (self));
  g_return_if_fail (board == NULL || TAVLA_IS_BOARD (board));

  if (self->board == board)
    return;

  disconnect_board (self);
  g_set_object (&self->board, board);

  /* Writes through this board reload its audits model at once; another
   * process's commits arrive through the board's refresh. */
  if (board != NULL)
    {
      g_signal_connect_swapped (tavla_board_get_audits (board), "items-changed", G_CALLBACK (reload), self);
      g_signal_connect_swapped (tavla_board_get_items (board), "items-changed", G_CALLBACK (on_items_changed), self);
    }

  tavla_recommendation_editor_show (self->editor, board, 0);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

gboolean
tavla_audits_view_get_empty (TavlaAuditsView *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDITS_VIEW (self), TRUE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

/* Chooses audit @audit_id (0: all audits); FALSE when it is not listed. */
gboolean
tavla_audits_view_select_audit (TavlaAuditsView *self,
                                gint64           audit_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (TAVLA_IS_AUDITS_VIEW (self), FALSE);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->audit_list, i)) != NULL; i++)
    {
      TavlaAudit *audit = g_object_get_data (G_OBJECT (row), "audit");

      if ((audit == NULL && audit_id == 0) || (audit != NULL && tavla_audit_get_id (audit) == audit_id))
        {
          gtk_list_box_select_row (self->audit_list, row);
          return TRUE;
        }
    }
  return FALSE;
}

/* Shows recommendation @id in the editor; FALSE when the filters hide it. */
gboolean
tavla_audits_view_select_recommendation (TavlaAuditsView *self,
                                         gint64           id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (TAVLA_IS_AUDITS_VIEW (self), FALSE);

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->recommendation_list, i)) != NULL; i++)
    {
      TavlaRecommendation *recommendation = g_object_get_data (G_OBJECT (row), "recommendation");

      if (recommendation != NULL && tavla_recommendation_get_id (recommendation) == id)
        {
          gtk_list_box_select_row (self->recommendation_list, row);
          return TRUE;
        }
    }
  return FALSE;
}

void
tavla_audits_view_set_filter (TavlaAuditsView   *self,
                              TavlaAuditsFilter  filter)
{
  GtkToggleButton *toggles[] = { self->all_toggle, self->open_toggle, self->overdue_toggle };

  g_return_if_fail (TAVLA_IS_AUDITS_VIEW (self));
  g_return_if_fail (filter <= TAVLA_AUDITS_FILTER_OVERDUE);

  gtk_toggle_button_set_active (toggles[filter], TRUE);
}

void
tavla_audits_view_set_search_text (TavlaAuditsView *self,
                                   const char      *text)
{
  g_return_if_fail (TAVLA_IS_AUDITS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* Searching waits for typing to pause; asked directly, it answers now. */
  on_search_changed (self);
}

GtkListBox *
tavla_audits_view_get_audit_list (TavlaAuditsView *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDITS_VIEW (self), NULL);

  return self->audit_list;
}

GtkListBox *
tavla_audits_view_get_recommendation_list (TavlaAuditsView *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDITS_VIEW (self), NULL);

  return self->recommendation_list;
}

TavlaRecommendationEditor *
tavla_audits_view_get_editor (TavlaAuditsView *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDITS_VIEW (self), NULL);

  return self->editor;
}

/* The core's report to the auditors, as of today (transfer full). */
TavlaDocument *
tavla_audits_view_build_report (TavlaAuditsView  *self,
                                GError          **error)
{
  g_return_val_if_fail (TAVLA_IS_AUDITS_VIEW (self), NULL);

  if (self->board == NULL)
    return NULL;
  return tavla_board_build_audit_report (self->board, NULL, error);
}

/* Writes the report to @file and says what happened ("Saved ..."). */
char *
tavla_audits_view_export_write (TavlaAuditsView   *self,
                                TavlaExportFormat  format,
                                GFile             *file)
{
  g_autoptr(TavlaDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TAVLA_IS_AUDITS_VIEW (self), NULL);

  if ((document = tavla_audits_view_build_report (self, &error)) == NULL)
    return g_strdup (error != NULL ? error->message : "");
  return tavla_document_export_write (document, format, file);
}
