/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-agreement-rows.h"
#include "tavla-audit-rows.h"

/*
 * The pieces of the Audits page: the traffic light (a coloured dot and
 * the light's word, never the colour alone), the status pill, and the
 * rows of audits, recommendations, their actions and their history. Which
 * light a recommendation has, and whether it is overdue, is the core's
 * answer; these only show it.
 */

static const char *
light_class (TavlaLight light)
{
  return tavla_light_to_string (light);
}

/* The light as a pill: the dot and the word ("Red"), with the colour
 * repeating the word for those who see it. */
GtkWidget *
tavla_audit_light_new (TavlaLight light)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (tavla_light_get_label (light));
  g_autofree char *description = NULL;

  gtk_widget_add_css_class (dot, "light-dot");
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "light-pill");
  gtk_widget_add_css_class (box, light_class (light));
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  /* TRANSLATORS: what a screen reader says for a traffic light: "Light: Red". */
  description = g_strdup_printf (_("Light: %s"), tavla_light_get_label (light));
  gtk_widget_set_tooltip_text (box, description);
  return box;
}

GtkWidget *
tavla_audit_status_pill_new (TavlaRecommendationStatus status)
{
  GtkWidget *pill = tavla_agreement_new_pill (tavla_recommendation_status_get_label (status), NULL,
                                              "recommendation-status");

  gtk_widget_add_css_class (pill, tavla_recommendation_status_to_string (status));
  return pill;
}

/* "Due 2026-03-31 (w. 14)", or NULL without a due date. */
char *
tavla_recommendation_dup_due_label (TavlaRecommendation *recommendation)
{
  const char *due = tavla_recommendation_get_due (recommendation);
  g_autofree char *date = NULL;

  if (due == NULL)
    return NULL;
  date = tavla_date_display (due);
  /* TRANSLATORS: a recommendation's due date: "Due 2026-03-31 (w. 14)". */
  return g_strdup_printf (_("Due %s"), date);
}

static GtkWidget *
open_count_label (guint n_open)
{
  g_autofree char *text = NULL;

  if (n_open == 0)
    return tavla_agreement_new_label (_("No open recommendations"), "dim-label");
  /* TRANSLATORS: how many recommendations of an audit are still open. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open", "%u open", n_open), n_open);
  return tavla_agreement_new_label (text, NULL);
}

/* An audit in the sidebar: its title, auditor and date with the ISO week,
 * how many recommendations are open and the worst light. */
GtkWidget *
tavla_audit_row_new (TavlaAudit *audit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *subtitle = tavla_audit_dup_subtitle (audit);
  TavlaLight light = tavla_audit_get_light (audit);
  GtkWidget *count = open_count_label (tavla_audit_get_n_open (audit));

  gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (tavla_audit_get_title (audit), "audit-row-title"));
  gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (subtitle, "dim-label"));
  gtk_widget_set_hexpand (count, TRUE);
  gtk_box_append (GTK_BOX (line), count);
  if (light != TAVLA_LIGHT_NONE)
    gtk_box_append (GTK_BOX (line), tavla_audit_light_new (light));
  gtk_box_append (GTK_BOX (box), line);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "audit", g_object_ref (audit), g_object_unref);
  return row;
}

/* The first row: every audit's recommendations together. */
GtkWidget *
tavla_audit_all_row_new (GListModel *audits)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  guint n = g_list_model_get_n_items (audits);
  guint n_open = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaAudit) audit = g_list_model_get_item (audits, i);

      n_open += tavla_audit_get_n_open (audit);
    }
  gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (_("All Audits"), "audit-row-title"));
  /* TRANSLATORS: under "All Audits" in the sidebar: "3 audits". */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u audit", "%u audits", n), n);
  gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (text, "dim-label"));
  gtk_box_append (GTK_BOX (box), open_count_label (n_open));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* A recommendation in the list: the light, its text (three lines at
 * most), status, owner and due date, "Overdue" in words. */
GtkWidget *
tavla_recommendation_row_new (TavlaRecommendation *recommendation,
                              gboolean             show_audit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *meta = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = tavla_agreement_new_label (tavla_recommendation_get_text (recommendation), "recommendation-text");
  const char *owner = tavla_recommendation_get_owner (recommendation);
  g_autofree char *due = tavla_recommendation_dup_due_label (recommendation);
  g_autofree char *number = g_strdup_printf ("#%" G_GINT64_FORMAT, tavla_recommendation_get_id (recommendation));
  TavlaLight light = tavla_recommendation_get_light (recommendation);
  gboolean overdue = tavla_recommendation_is_overdue (recommendation);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "recommendation-row");
  gtk_box_append (GTK_BOX (top), tavla_audit_light_new (light));
  gtk_box_append (GTK_BOX (top), tavla_audit_status_pill_new (tavla_recommendation_get_status (recommendation)));
  if (overdue)
    gtk_box_append (GTK_BOX (top), tavla_agreement_new_pill (_("Overdue"), "alarm-symbolic", "overdue-badge"));
  label = tavla_agreement_new_label (number, "dim-label");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (top), label);
  gtk_box_append (GTK_BOX (box), top);

  gtk_label_set_lines (GTK_LABEL (text), 3);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), text);

  gtk_box_append (GTK_BOX (meta), tavla_agreement_new_label (owner != NULL ? owner : _("No owner"),
                                                             owner != NULL ? "owner-meta" : "dim-label"));
  if (due != NULL)
    gtk_box_append (GTK_BOX (meta), tavla_agreement_new_label (due, overdue ? "review-overdue" : NULL));
  gtk_box_append (GTK_BOX (box), meta);
  if (show_audit)
    gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (tavla_recommendation_get_audit_title (recommendation),
                                                              "dim-label"));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "recommendation", g_object_ref (recommendation), g_object_unref);
  return row;
}

/* One change in the recommendation's timeline: what (the core's
 * sentence), the note, and when and by whom. */
GtkWidget *
tavla_recommendation_history_row_new (TavlaHistoryEntry *entry)
{
  g_autofree char *what = tavla_recommendation_describe_history (entry);
  g_autofree char *when = tavla_timestamp_display (tavla_history_entry_get_at (entry));
  g_autofree char *who = NULL;
  const char *note = tavla_history_entry_get_note (entry);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  /* TRANSLATORS: when and by whom a change was made: "2026-11-25 14:03 · Anna Lind". */
  who = g_strdup_printf (_("%s · %s"), when, tavla_history_entry_get_actor (entry));
  gtk_widget_add_css_class (box, "history-row");
  gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (what, "history-what"));
  if (note != NULL && note[0] != '\0')
    gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (note, "history-note"));
  gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (who, "dim-label"));
  return box;
}

/* An action: the linked proposal with its status, mark, owner and due
 * date; the row's button shows it on the board. */
GtkWidget *
tavla_recommendation_action_row_new (const TavlaAction *action)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *pills = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *title = g_strdup_printf ("#%" G_GINT64_FORMAT " %s", action->id, action->title);
  g_autoptr(GString) meta = g_string_new (NULL);
  GtkWidget *button;
  TavlaStatus status;
  TavlaMark mark;

  gtk_widget_add_css_class (line, "agreement-row");
  gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (title, "heading"));
  if (tavla_status_from_string (action->status, &status))
    gtk_box_append (GTK_BOX (pills), tavla_agreement_new_pill (tavla_status_get_label (status), NULL, "item-status"));
  if (action->mark != NULL && tavla_mark_from_string (action->mark, &mark))
    {
      GtkWidget *pill = tavla_agreement_new_pill (tavla_mark_get_label (mark), NULL, "mark-badge");

      gtk_widget_add_css_class (pill, action->mark);
      gtk_box_append (GTK_BOX (pills), pill);
    }
  gtk_box_append (GTK_BOX (box), pills);
  g_string_append (meta, action->owner != NULL ? action->owner : _("No owner"));
  if (action->due != NULL)
    {
      g_autofree char *date = tavla_date_display (action->due);

      g_string_append (meta, " · ");
      /* TRANSLATORS: a proposal's due date in a recommendation's actions. */
      g_string_append_printf (meta, _("due %s"), date);
    }
  gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (meta->str, "dim-label"));
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (line), box);

  button = gtk_button_new_with_label (_("Show on Board"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Show the proposal on the board"));
  g_object_set_data_full (G_OBJECT (button), "item-id", g_memdup2 (&action->id, sizeof action->id), g_free);
  gtk_box_append (GTK_BOX (line), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "button", button);
  return row;
}

/* ---- Forms ------------------------------------------------------------------ */

/* The text of a form's multi-line field. */
char *
tavla_audit_form_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Shows the core's refusal under a form and marks and focuses the field
 * it names (one of @fields, shown by @widgets). */
void
tavla_audit_form_show_refusal (GtkLabel          *message_label,
                               GtkWidget        **widgets,
                               const char *const *fields,
                               guint              n_fields,
                               const char        *field,
                               const char        *message)
{
  gtk_label_set_label (message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (message_label), TRUE);
  for (guint i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i], field) != 0)
        continue;
      gtk_widget_add_css_class (widgets[i], "error");
      gtk_widget_grab_focus (widgets[i]);
    }
}

void
tavla_audit_form_clear_refusal (GtkLabel   *message_label,
                                GtkWidget **widgets,
                                guint       n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    gtk_widget_remove_css_class (widgets[i], "error");
  gtk_widget_set_visible (GTK_WIDGET (message_label), FALSE);
}

/* The refusal shown, or NULL. */
const char *
tavla_audit_form_get_message (GtkLabel *message_label)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (message_label)))
    return NULL;
  return gtk_label_get_label (message_label);
}
