/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-agreement-details-dialog.h"
#include "tavla-gui-settings.h"

/*
 * A draft's dates, review interval and signatories. The core checks them
 * (dates, valid-to after valid-from, 1-120 months, "NAME:ROLE" lines) and
 * refuses anything but a draft; its message is shown under the form and
 * the field it names is marked. Nothing is written until every field is
 * right.
 */

struct _TavlaAgreementDetailsDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkLabel       *agreement_label;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkEntry       *months_entry;
  GtkTextView    *signatories_view;
  GtkLabel       *message_label;

  /* Owned references */
  TavlaBoard     *board;
  TavlaAgreement *agreement;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TavlaAgreementDetailsDialog, tavla_agreement_details_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
field_widget (TavlaAgreementDetailsDialog *self,
              const char                  *field)
{
  if (g_strcmp0 (field, "valid-from") == 0)
    return GTK_WIDGET (self->from_entry);
  if (g_strcmp0 (field, "valid-to") == 0)
    return GTK_WIDGET (self->to_entry);
  if (g_strcmp0 (field, "review-months") == 0)
    return GTK_WIDGET (self->months_entry);
  if (g_strcmp0 (field, "signatory") == 0)
    return GTK_WIDGET (self->signatories_view);
  return NULL;
}

static void
clear_marks (TavlaAgreementDetailsDialog *self)
{
  const char *fields[] = { "valid-from", "valid-to", "review-months", "signatory" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (field_widget (self, fields[i]), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
}

/* The signatories as the lines the core parses, in signing order. */
static char *
dup_signatory_lines (TavlaAgreement *agreement)
{
  GPtrArray *signatories = tavla_agreement_get_signatories (agreement);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; signatories != NULL && i < signatories->len; i++)
    {
      TavlaSignatory *signatory = g_ptr_array_index (signatories, i);

      g_string_append_printf (text, "%s%s:%s:%s", i > 0 ? "\n" : "", signatory->name, signatory->role,
                              tavla_party_to_string (signatory->party));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TavlaAgreementDetailsDialog *self = TAVLA_AGREEMENT_DETAILS_DIALOG (widget);

  if (tavla_agreement_details_dialog_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
tavla_agreement_details_dialog_dispose (GObject *object)
{
  TavlaAgreementDetailsDialog *self = (TavlaAgreementDetailsDialog *) object;

  g_clear_object (&self->board);
  g_clear_object (&self->agreement);

  G_OBJECT_CLASS (tavla_agreement_details_dialog_parent_class)->dispose (object);
}

static void
tavla_agreement_details_dialog_class_init (TavlaAgreementDetailsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_agreement_details_dialog_dispose;

  /* The draft was changed; the agreement page reloads from the core. */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TAVLA_TYPE_AGREEMENT);

  gtk_widget_class_install_action (widget_class, "details.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tavla/Tavla/tavla-agreement-details-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementDetailsDialog, agreement_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementDetailsDialog, from_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementDetailsDialog, to_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementDetailsDialog, months_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementDetailsDialog, signatories_view);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementDetailsDialog, message_label);
}

static void
tavla_agreement_details_dialog_init (TavlaAgreementDetailsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TavlaAgreementDetailsDialog *
tavla_agreement_details_dialog_new (GtkWindow      *parent,
                                    TavlaBoard     *board,
                                    TavlaAgreement *agreement)
{
  TavlaAgreementDetailsDialog *self;
  g_autofree char *title = NULL;
  g_autofree char *months = NULL;
  g_autofree char *lines = NULL;
  const char *from;
  const char *to;

  g_return_val_if_fail (TAVLA_IS_BOARD (board), NULL);
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (agreement), NULL);

  self = g_object_new (TAVLA_TYPE_AGREEMENT_DETAILS_DIALOG, "transient-for", parent, NULL);
  self->board = g_object_ref (board);
  self->agreement = g_object_ref (agreement);

  title = tavla_agreement_dup_title (agreement);
  gtk_label_set_label (self->agreement_label, title);
  from = tavla_agreement_get_valid_from (agreement);
  to = tavla_agreement_get_valid_to (agreement);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to != NULL ? to : "");
  months = g_strdup_printf ("%u", tavla_agreement_get_review_months (agreement));
  gtk_editable_set_text (GTK_EDITABLE (self->months_entry), months);
  lines = dup_signatory_lines (agreement);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->signatories_view), lines, -1);

  return self;
}

/* Saves the details as typed; FALSE with the core's message shown (see
 * tavla_agreement_details_dialog_get_message()) when they are refused. */
gboolean
tavla_agreement_details_dialog_save (TavlaAgreementDetailsDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->signatories_view);
  g_autoptr(TavlaAgreement) saved = NULL;
  g_autoptr(GPtrArray) signatories = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *field = NULL;
  TavlaAgreementInput input = { 0 };
  GtkTextIter start, end;
  GtkWidget *widget;

  g_return_val_if_fail (TAVLA_IS_AGREEMENT_DETAILS_DIALOG (self), FALSE);

  /* Blank lines are skipped; every other line is one signatory. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strstrip (lines[i])[0] != '\0')
      g_ptr_array_add (signatories, g_strdup (lines[i]));

  input.valid_from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  input.valid_to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  input.review_months = gtk_editable_get_text (GTK_EDITABLE (self->months_entry));
  input.signatories = (const char * const *) signatories->pdata;

  clear_marks (self);
  saved = tavla_board_update_agreement (self->board, tavla_agreement_get_id (self->agreement),
                                        tavla_agreement_get_version (self->agreement),
                                        &input, actor, &field, &error);
  if (saved == NULL)
    {
      gtk_label_set_label (self->message_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      widget = field_widget (self, field);
      if (widget != NULL)
        {
          gtk_widget_add_css_class (widget, "error");
          gtk_widget_grab_focus (widget);
        }
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, saved);
  return TRUE;
}

/* The message shown for the last refused save, NULL when none is shown. */
const char *
tavla_agreement_details_dialog_get_message (TavlaAgreementDetailsDialog *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_DETAILS_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_label (self->message_label);
}
