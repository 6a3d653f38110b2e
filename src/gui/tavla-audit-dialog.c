/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-audit-dialog.h"
#include "tavla-audit-rows.h"
#include "tavla-gui-settings.h"

/*
 * An audit, new or changed: title, auditor, report date, audited body,
 * diary number and the auditors' overall assessment. The core checks what
 * is typed; its message is shown under the form and the field it names is
 * marked and focused. Nothing is written until every field is right.
 */

struct _TavlaAuditDialog
{
  AdwWindow    parent_instance;

  /* Template widgets */
  GtkLabel    *context_label;
  GtkEntry    *title_entry;
  GtkEntry    *auditor_entry;
  GtkEntry    *date_entry;
  GtkEntry    *body_entry;
  GtkEntry    *reference_entry;
  GtkTextView *assessment_view;
  GtkLabel    *message_label;

  /* Owned references */
  TavlaBoard  *board;
  TavlaAudit  *audit;   /* NULL for a new one */
};

enum {
  AUDIT_SAVED,
  N_AUDIT_SIGNALS
};

static guint audit_signals[N_AUDIT_SIGNALS];

G_DEFINE_FINAL_TYPE (TavlaAuditDialog, tavla_audit_dialog, ADW_TYPE_WINDOW)

static const char *const audit_fields[] = { "title", "auditor", "date", "body", "reference", "assessment-text" };

static void
audit_widgets (TavlaAuditDialog *self,
               GtkWidget       **widgets)
{
  widgets[0] = GTK_WIDGET (self->title_entry);
  widgets[1] = GTK_WIDGET (self->auditor_entry);
  widgets[2] = GTK_WIDGET (self->date_entry);
  widgets[3] = GTK_WIDGET (self->body_entry);
  widgets[4] = GTK_WIDGET (self->reference_entry);
  widgets[5] = GTK_WIDGET (self->assessment_view);
}

static void
audit_save_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TavlaAuditDialog *self = TAVLA_AUDIT_DIALOG (widget);

  if (tavla_audit_dialog_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
tavla_audit_dialog_dispose (GObject *object)
{
  TavlaAuditDialog *self = (TavlaAuditDialog *) object;

  g_clear_object (&self->board);
  g_clear_object (&self->audit);

  G_OBJECT_CLASS (tavla_audit_dialog_parent_class)->dispose (object);
}

static void
tavla_audit_dialog_class_init (TavlaAuditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_audit_dialog_dispose;

  /* The audit was written; the page shows it from the core's model. */
  audit_signals[AUDIT_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TAVLA_TYPE_AUDIT);

  gtk_widget_class_install_action (widget_class, "audit.save", NULL, audit_save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-audit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditDialog, context_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditDialog, auditor_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditDialog, body_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditDialog, reference_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditDialog, assessment_view);
  gtk_widget_class_bind_template_child (widget_class, TavlaAuditDialog, message_label);
}

static void
tavla_audit_dialog_init (TavlaAuditDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A form for a new audit (@audit NULL) or for changing @audit. */
TavlaAuditDialog *
tavla_audit_dialog_new (GtkWindow  *parent,
                        TavlaBoard *board,
                        TavlaAudit *audit)
{
  TavlaAuditDialog *self;

  g_return_val_if_fail (TAVLA_IS_BOARD (board), NULL);
  g_return_val_if_fail (audit == NULL || TAVLA_IS_AUDIT (audit), NULL);

  self = g_object_new (TAVLA_TYPE_AUDIT_DIALOG, "transient-for", parent, NULL);
  self->board = g_object_ref (board);
  gtk_label_set_label (self->context_label,
                       _("An audit report by the auditors: who made it, when, of which body, and their overall "
                         "assessment. Its recommendations are added to it afterwards."));
  if (audit == NULL)
    {
      g_autofree char *today = tavla_date_today ();

      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
      gtk_editable_set_text (GTK_EDITABLE (self->body_entry), _("Kommunstyrelsen"));
      return self;
    }

  self->audit = g_object_ref (audit);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Audit"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), tavla_audit_get_title (audit));
  gtk_editable_set_text (GTK_EDITABLE (self->auditor_entry), tavla_audit_get_auditor (audit));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), tavla_audit_get_date (audit));
  gtk_editable_set_text (GTK_EDITABLE (self->body_entry), tavla_audit_get_body (audit));
  gtk_editable_set_text (GTK_EDITABLE (self->reference_entry),
                         tavla_audit_get_reference (audit) != NULL ? tavla_audit_get_reference (audit) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->assessment_view),
                            tavla_audit_get_assessment (audit) != NULL ? tavla_audit_get_assessment (audit) : "",
                            -1);
  return self;
}

/* Writes the audit as typed; FALSE with the core's message shown (see
 * tavla_audit_dialog_get_message()) when it is refused. */
gboolean
tavla_audit_dialog_save (TavlaAuditDialog *self)
{
  g_autoptr(TavlaAudit) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();
  g_autofree char *assessment = NULL;
  GtkWidget *widgets[G_N_ELEMENTS (audit_fields)];
  TavlaAuditInput input = { 0 };
  const char *field = NULL;

  g_return_val_if_fail (TAVLA_IS_AUDIT_DIALOG (self), FALSE);

  audit_widgets (self, widgets);
  tavla_audit_form_clear_refusal (self->message_label, widgets, G_N_ELEMENTS (audit_fields));
  assessment = tavla_audit_form_dup_text (self->assessment_view);
  input.title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  input.auditor = gtk_editable_get_text (GTK_EDITABLE (self->auditor_entry));
  input.date = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  input.body = gtk_editable_get_text (GTK_EDITABLE (self->body_entry));
  input.reference = gtk_editable_get_text (GTK_EDITABLE (self->reference_entry));
  input.assessment = assessment;

  if (self->audit == NULL)
    saved = tavla_board_add_audit (self->board, &input, actor, &field, &error);
  else
    saved = tavla_board_update_audit (self->board, tavla_audit_get_id (self->audit),
                                      tavla_audit_get_version (self->audit), &input, actor, &field, &error);
  if (saved == NULL)
    {
      tavla_audit_form_show_refusal (self->message_label, widgets, audit_fields, G_N_ELEMENTS (audit_fields), field, error->message);
      return FALSE;
    }

  g_signal_emit (self, audit_signals[AUDIT_SAVED], 0, saved);
  return TRUE;
}

const char *
tavla_audit_dialog_get_message (TavlaAuditDialog *self)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT_DIALOG (self), NULL);

  return tavla_audit_form_get_message (self->message_label);
}
