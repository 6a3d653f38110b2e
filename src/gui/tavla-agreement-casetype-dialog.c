/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-agreement-casetype-dialog.h"
#include "tavla-gui-settings.h"

/*
 * Adding a case type (ärendetyp) to an agreement, or changing one: name,
 * ROSA class, time frame, quality requirement, who handles it and the
 * contact in the centre. The core checks every field; its message is shown
 * under the form and the field it names is marked. Adding to or changing a
 * signed agreement marks it "revision needed", which the core decides and
 * the page shows. A change is based on the case type's version shown: when
 * someone else changed it first, the core's conflict message is shown.
 */

struct _TavlaAgreementCasetypeDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkLabel       *agreement_label;
  GtkEntry       *name_entry;
  GtkDropDown    *rosa_dropdown;
  GtkEntry       *days_entry;
  GtkEntry       *quality_entry;
  GtkDropDown    *handled_dropdown;
  GtkDropDown    *contact_dropdown;
  GtkLabel       *message_label;
  GtkButton      *save_button;

  /* Owned references */
  TavlaBoard     *board;
  TavlaAgreement *agreement;
  TavlaCaseType  *case_type;     /* NULL when adding */
  GtkStringList  *contacts;      /* "None", then the people */
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TavlaAgreementCasetypeDialog, tavla_agreement_casetype_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
field_widget (TavlaAgreementCasetypeDialog *self,
              const char                   *field)
{
  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (self->name_entry);
  if (g_strcmp0 (field, "rosa") == 0)
    return GTK_WIDGET (self->rosa_dropdown);
  if (g_strcmp0 (field, "days") == 0)
    return GTK_WIDGET (self->days_entry);
  if (g_strcmp0 (field, "quality") == 0)
    return GTK_WIDGET (self->quality_entry);
  if (g_strcmp0 (field, "handled-by") == 0)
    return GTK_WIDGET (self->handled_dropdown);
  if (g_strcmp0 (field, "contact") == 0)
    return GTK_WIDGET (self->contact_dropdown);
  return NULL;
}

static void
clear_marks (TavlaAgreementCasetypeDialog *self)
{
  const char *fields[] = { "name", "rosa", "days", "quality", "handled-by", "contact" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (field_widget (self, fields[i]), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TavlaAgreementCasetypeDialog *self = TAVLA_AGREEMENT_CASETYPE_DIALOG (widget);

  if (tavla_agreement_casetype_dialog_save (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
tavla_agreement_casetype_dialog_dispose (GObject *object)
{
  TavlaAgreementCasetypeDialog *self = (TavlaAgreementCasetypeDialog *) object;

  g_clear_object (&self->board);
  g_clear_object (&self->agreement);
  g_clear_object (&self->case_type);
  g_clear_object (&self->contacts);

  G_OBJECT_CLASS (tavla_agreement_casetype_dialog_parent_class)->dispose (object);
}

static void
tavla_agreement_casetype_dialog_class_init (TavlaAgreementCasetypeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_agreement_casetype_dialog_dispose;

  /* The case type was added or changed; the agreement page reloads from
   * the core. */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, TAVLA_TYPE_CASE_TYPE);

  gtk_widget_class_install_action (widget_class, "casetype.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tavla/Tavla/tavla-agreement-casetype-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementCasetypeDialog, agreement_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementCasetypeDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementCasetypeDialog, rosa_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementCasetypeDialog, days_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementCasetypeDialog, quality_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementCasetypeDialog, handled_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementCasetypeDialog, contact_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementCasetypeDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaAgreementCasetypeDialog, save_button);
}

static void
tavla_agreement_casetype_dialog_init (TavlaAgreementCasetypeDialog *self)
{
  g_autoptr(GtkStringList) rosa = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) handled = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The positions are the enums' values. */
  for (TavlaRosaClass r = TAVLA_ROSA_INFORMATION; r < TAVLA_N_ROSA_CLASSES; r++)
    gtk_string_list_append (rosa, tavla_rosa_class_get_label (r));
  gtk_drop_down_set_model (self->rosa_dropdown, G_LIST_MODEL (rosa));
  for (TavlaHandledBy h = TAVLA_HANDLED_BY_CENTRE; h < TAVLA_N_HANDLED_BY; h++)
    gtk_string_list_append (handled, tavla_handled_by_get_label (h));
  gtk_drop_down_set_model (self->handled_dropdown, G_LIST_MODEL (handled));

  self->contacts = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->contact_dropdown, G_LIST_MODEL (self->contacts));
}

TavlaAgreementCasetypeDialog *
tavla_agreement_casetype_dialog_new (GtkWindow      *parent,
                                     TavlaBoard     *board,
                                     TavlaAgreement *agreement)
{
  TavlaAgreementCasetypeDialog *self;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  GListModel *people;
  guint n;

  g_return_val_if_fail (TAVLA_IS_BOARD (board), NULL);
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (agreement), NULL);

  self = g_object_new (TAVLA_TYPE_AGREEMENT_CASETYPE_DIALOG, "transient-for", parent, NULL);
  self->board = g_object_ref (board);
  self->agreement = g_object_ref (agreement);

  title = tavla_agreement_dup_title (agreement);
  if (tavla_agreement_get_stored_status (agreement) == TAVLA_AGREEMENT_STATUS_ACTIVE)
    /* TRANSLATORS: the agreement a case type is added to, when it is signed. */
    text = g_strdup_printf (_("%s. The agreement is signed: adding a case type marks it “revision needed” until a new version is signed."),
                            title);
  else
    text = g_strdup (title);
  gtk_label_set_label (self->agreement_label, text);

  gtk_string_list_append (self->contacts, _("No contact"));
  people = tavla_board_get_people (board);
  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TavlaPerson) person = g_list_model_get_item (people, i);

      if (tavla_person_get_active (person))
        gtk_string_list_append (self->contacts, tavla_person_get_name (person));
    }

  return self;
}

/* The same dialog for changing @case_type of @agreement, its fields
 * filled in. */
TavlaAgreementCasetypeDialog *
tavla_agreement_casetype_dialog_new_edit (GtkWindow      *parent,
                                          TavlaBoard     *board,
                                          TavlaAgreement *agreement,
                                          TavlaCaseType  *case_type)
{
  TavlaAgreementCasetypeDialog *self = NULL;
  g_autofree char *title = NULL;
  g_autofree char *days = NULL;
  const char *contact = NULL;
  guint n = 0;

  g_return_val_if_fail (TAVLA_IS_CASE_TYPE (case_type), NULL);

  self = tavla_agreement_casetype_dialog_new (parent, board, agreement);
  if (self == NULL)
    return NULL;
  self->case_type = g_object_ref (case_type);

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Case Type"));
  gtk_button_set_label (self->save_button, _("_Save"));

  title = tavla_agreement_dup_title (agreement);
  if (tavla_agreement_get_stored_status (agreement) == TAVLA_AGREEMENT_STATUS_ACTIVE)
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: the agreement whose case type is changed, when it is signed. */
      text = g_strdup_printf (_("%s. The agreement is signed: changing a case type marks it “revision needed” until a new version is signed."),
                              title);
      gtk_label_set_label (self->agreement_label, text);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), tavla_case_type_get_name (case_type));
  gtk_drop_down_set_selected (self->rosa_dropdown, tavla_case_type_get_rosa_class (case_type));
  if (tavla_case_type_get_days (case_type) >= 0)
    days = g_strdup_printf ("%d", tavla_case_type_get_days (case_type));
  gtk_editable_set_text (GTK_EDITABLE (self->days_entry), days != NULL ? days : "");
  gtk_editable_set_text (GTK_EDITABLE (self->quality_entry),
                         tavla_case_type_get_quality (case_type) != NULL ? tavla_case_type_get_quality (case_type) : "");
  gtk_drop_down_set_selected (self->handled_dropdown, tavla_case_type_get_handled_by (case_type));

  /* The contact, added to the list when no longer active. */
  contact = tavla_case_type_get_contact (case_type);
  if (contact != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->contacts));
      for (guint i = 1; i < n; i++)
        {
          if (g_str_equal (gtk_string_list_get_string (self->contacts, i), contact))
            {
              gtk_drop_down_set_selected (self->contact_dropdown, i);
              return self;
            }
        }
      gtk_string_list_append (self->contacts, contact);
      gtk_drop_down_set_selected (self->contact_dropdown, n);
    }
  else
    gtk_drop_down_set_selected (self->contact_dropdown, 0);

  return self;
}

/* Adds or changes the case type as typed; FALSE with the core's message shown (see
 * tavla_agreement_casetype_dialog_get_message()) when it is refused. */
gboolean
tavla_agreement_casetype_dialog_save (TavlaAgreementCasetypeDialog *self)
{
  g_autoptr(TavlaCaseType) case_type = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();
  guint rosa = gtk_drop_down_get_selected (self->rosa_dropdown);
  guint handled = gtk_drop_down_get_selected (self->handled_dropdown);
  guint contact = gtk_drop_down_get_selected (self->contact_dropdown);
  const char *field = NULL;
  const char *no_contact = "";
  TavlaCaseTypeInput input = {
    .name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
    .rosa = rosa < TAVLA_N_ROSA_CLASSES ? tavla_rosa_class_to_string (rosa) : NULL,
    .days = gtk_editable_get_text (GTK_EDITABLE (self->days_entry)),
    .quality = gtk_editable_get_text (GTK_EDITABLE (self->quality_entry)),
    .handled_by = handled < TAVLA_N_HANDLED_BY ? tavla_handled_by_to_string (handled) : NULL,
    .contact = contact > 0 && contact != GTK_INVALID_LIST_POSITION
               ? gtk_string_list_get_string (self->contacts, contact) : NULL,
  };

  /* Changing: "No contact" clears it. */
  if (self->case_type != NULL && input.contact == NULL)
    input.contact = no_contact;

  g_return_val_if_fail (TAVLA_IS_AGREEMENT_CASETYPE_DIALOG (self), FALSE);

  clear_marks (self);
  if (self->case_type != NULL)
    case_type = tavla_board_update_case_type (self->board, tavla_case_type_get_id (self->case_type),
                                              tavla_case_type_get_version (self->case_type),
                                              &input, actor, &field, &error);
  else
    case_type = tavla_board_add_case_type (self->board, tavla_agreement_get_id (self->agreement),
                                           &input, actor, &field, &error);
  if (case_type == NULL)
    {
      GtkWidget *widget = field_widget (self, field);

      gtk_label_set_label (self->message_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      if (widget != NULL)
        {
          gtk_widget_add_css_class (widget, "error");
          gtk_widget_grab_focus (widget);
        }
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, case_type);
  return TRUE;
}

/* The message shown for the last refused save, NULL when none is shown. */
const char *
tavla_agreement_casetype_dialog_get_message (TavlaAgreementCasetypeDialog *self)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_CASETYPE_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_label (self->message_label);
}
