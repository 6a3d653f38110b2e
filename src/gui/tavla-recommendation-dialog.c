/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-audit-rows.h"
#include "tavla-gui-settings.h"
#include "tavla-recommendation-dialog.h"

/*
 * A new recommendation of an audit: its text, whom it is addressed to (the
 * audited body unless said otherwise), an owner and a due date. The core
 * checks what is typed; its message is shown under the form and the field
 * it names is marked. Nothing is written until every field is right.
 */

struct _TavlaRecommendationDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkLabel      *context_label;
  GtkTextView   *text_view;
  GtkEntry      *addressed_entry;
  GtkDropDown   *owner_dropdown;
  GtkEntry      *due_entry;
  GtkLabel      *message_label;

  /* Owned references */
  TavlaBoard    *board;
  TavlaAudit    *audit;
  GtkStringList *owner_names;
};

enum {
  RECOMMENDATION_SAVED,
  N_RECOMMENDATION_SIGNALS
};

static guint recommendation_signals[N_RECOMMENDATION_SIGNALS];

G_DEFINE_FINAL_TYPE (TavlaRecommendationDialog, tavla_recommendation_dialog, ADW_TYPE_WINDOW)

static const char *const recommendation_fields[] = { "text", "addressed-to", "owner", "due" };

static void
recommendation_save_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  TavlaRecommendationDialog *self = TAVLA_RECOMMENDATION_DIALOG (widget);

  if (tavla_recommendation_dialog_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
tavla_recommendation_dialog_dispose (GObject *object)
{
  TavlaRecommendationDialog *self = (TavlaRecommendationDialog *) object;

  g_clear_object (&self->board);
  g_clear_object (&self->audit);
  g_clear_object (&self->owner_names);

  G_OBJECT_CLASS (tavla_recommendation_dialog_parent_class)->dispose (object);
}

static void
tavla_recommendation_dialog_class_init (TavlaRecommendationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_recommendation_dialog_dispose;

  recommendation_signals[RECOMMENDATION_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TAVLA_TYPE_RECOMMENDATION);

  gtk_widget_class_install_action (widget_class, "recommendation-dialog.save", NULL, recommendation_save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tavla/Tavla/tavla-recommendation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationDialog, context_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationDialog, addressed_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationDialog, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationDialog, due_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaRecommendationDialog, message_label);
}

static void
tavla_recommendation_dialog_init (TavlaRecommendationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->owner_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (self->owner_names));
}

/* A form for a new recommendation of @audit. */
TavlaRecommendationDialog *
tavla_recommendation_dialog_new (GtkWindow  *parent,
                                 TavlaBoard *board,
                                 TavlaAudit *audit)
{
  TavlaRecommendationDialog *self;
  GListModel *people;
  g_autofree char *subtitle = NULL;
  g_autofree char *context = NULL;
  guint n;

  g_return_val_if_fail (TAVLA_IS_BOARD (board), NULL);
  g_return_val_if_fail (TAVLA_IS_AUDIT (audit), NULL);

  self = g_object_new (TAVLA_TYPE_RECOMMENDATION_DIALOG, "transient-for", parent, NULL);
  self->board = g_object_ref (board);
  self->audit = g_object_ref (audit);

  subtitle = tavla_audit_dup_subtitle (audit);
  /* TRANSLATORS: the audit a new recommendation belongs to: "Granskning av kundcenter (KPMG, 2022-06-02 (v. 22))". */
  context = g_strdup_printf (_("%s (%s)"), tavla_audit_get_title (audit), subtitle);
  gtk_label_set_label (self->context_label, context);
  gtk_editable_set_text (GTK_EDITABLE (self->addressed_entry), tavla_audit_get_body (audit));

  gtk_string_list_append (self->owner_names, _("No owner"));
  people = tavla_board_get_people (board);
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaPerson) person = g_list_model_get_item (people, i);

      if (tavla_person_get_active (person))
        gtk_string_list_append (self->owner_names, tavla_person_get_name (person));
    }
  return self;
}

/* Adds the recommendation as typed; FALSE with the core's message shown
 * when it is refused. */
gboolean
tavla_recommendation_dialog_save (TavlaRecommendationDialog *self)
{
  g_autoptr(TavlaRecommendation) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();
  g_autofree char *text = NULL;
  GtkWidget *widgets[G_N_ELEMENTS (recommendation_fields)];
  TavlaRecommendationInput input = { 0 };
  const char *field = NULL;
  guint owner;

  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION_DIALOG (self), FALSE);

  widgets[0] = GTK_WIDGET (self->text_view);
  widgets[1] = GTK_WIDGET (self->addressed_entry);
  widgets[2] = GTK_WIDGET (self->owner_dropdown);
  widgets[3] = GTK_WIDGET (self->due_entry);
  tavla_audit_form_clear_refusal (self->message_label, widgets, G_N_ELEMENTS (recommendation_fields));

  text = tavla_audit_form_dup_text (self->text_view);
  owner = gtk_drop_down_get_selected (self->owner_dropdown);
  input.text = text;
  input.addressed_to = gtk_editable_get_text (GTK_EDITABLE (self->addressed_entry));
  input.owner = owner != GTK_INVALID_LIST_POSITION && owner > 0
                ? gtk_string_list_get_string (self->owner_names, owner) : NULL;
  input.due = gtk_editable_get_text (GTK_EDITABLE (self->due_entry));

  saved = tavla_board_add_recommendation (self->board, tavla_audit_get_id (self->audit), &input, actor,
                                          &field, &error);
  if (saved == NULL)
    {
      tavla_audit_form_show_refusal (self->message_label, widgets, recommendation_fields, G_N_ELEMENTS (recommendation_fields),
                    field, error->message);
      return FALSE;
    }

  g_signal_emit (self, recommendation_signals[RECOMMENDATION_SAVED], 0, saved);
  return TRUE;
}

const char *
tavla_recommendation_dialog_get_message (TavlaRecommendationDialog *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION_DIALOG (self), NULL);

  return tavla_audit_form_get_message (self->message_label);
}
