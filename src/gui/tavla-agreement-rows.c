/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-agreement-rows.h"

/*
 * The small pieces the Agreements page is built of: labels, the pills
 * that say a status in words, and the rows of case types, versions,
 * changes between versions and history. Each row shows what the core
 * says; nothing here decides anything.
 */

GtkWidget *
tavla_agreement_new_label (const char *text,
                           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A pill says its meaning in words; the colour only repeats it. */
GtkWidget *
tavla_agreement_new_pill (const char *text,
                          const char *icon_name,
                          const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  gtk_widget_add_css_class (box, "pill-badge");
  gtk_widget_add_css_class (box, css_class);
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  return box;
}

void
tavla_agreement_clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* Rows only: the placeholder is a child too and stays. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

char *
tavla_agreement_dup_signatories (TavlaAgreement *agreement)
{
  GPtrArray *signatories = tavla_agreement_get_signatories (agreement);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; signatories != NULL && i < signatories->len; i++)
    {
      TavlaSignatory *signatory = g_ptr_array_index (signatories, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: a signatory of an agreement: "Karin Berg, Förvaltningschef (Department)". */
      g_string_append_printf (text, _("%s, %s (%s)"), signatory->name, signatory->role,
                              tavla_party_get_label (signatory->party));
    }

  if (text->len == 0)
    return g_strdup (_("None named yet"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

GtkWidget *
tavla_agreement_case_type_row_new (TavlaCaseType *case_type)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autoptr(GString) line = g_string_new (tavla_rosa_class_get_label (tavla_case_type_get_rosa_class (case_type)));
  const char *quality = tavla_case_type_get_quality (case_type);
  const char *contact = tavla_case_type_get_contact (case_type);
  int days = tavla_case_type_get_days (case_type);

  gtk_widget_add_css_class (box, "agreement-row");
  gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (tavla_case_type_get_name (case_type), "heading"));

  g_string_append (line, " · ");
  if (days >= 0)
    g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days", days), days);
  else
    g_string_append (line, _("no time frame agreed"));
  g_string_append (line, " · ");
  g_string_append (line, tavla_handled_by_get_label (tavla_case_type_get_handled_by (case_type)));
  if (contact != NULL)
    {
      g_string_append (line, " · ");
      /* TRANSLATORS: the case type's contact person in the centre. */
      g_string_append_printf (line, _("contact %s"), contact);
    }
  gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (line->str, NULL));
  if (quality != NULL && quality[0] != '\0')
    gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (quality, "dim-label"));

  return box;
}

/* A version in the list, newest first; activating a row that is not
 * @shown shows that version. */
GtkWidget *
tavla_agreement_version_row_new (TavlaAgreement *version,
                                 gboolean        shown)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;
  TavlaAgreementStatus status = tavla_agreement_get_status (version);
  const char *signed_date = tavla_agreement_get_signed (version);
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;

  /* TRANSLATORS: an agreement's version number. */
  name = g_strdup_printf (_("Version %u"), tavla_agreement_get_version_number (version));
  if (signed_date != NULL)
    {
      g_autofree char *date = tavla_date_display (signed_date);

      /* TRANSLATORS: when a version was signed: "signed 2026-02-02 (w. 6)". */
      when = g_strdup_printf (_("signed %s"), date);
    }
  else
    when = g_strdup (_("not signed"));

  gtk_widget_add_css_class (line, "agreement-row");
  label = tavla_agreement_new_label (name, "heading");
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (line), tavla_agreement_new_pill (tavla_agreement_status_get_label (status), NULL,
                                                            tavla_agreement_status_to_string (status)));
  label = tavla_agreement_new_label (when, "dim-label");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (line), tavla_agreement_new_label (shown ? _("Shown") : _("Show"), shown ? "dim-label" : "accent"));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !shown);
  g_object_set_data_full (G_OBJECT (row), "agreement", g_object_ref (version), g_object_unref);
  return row;
}

/* One difference between two versions: the core's sentence, then the
 * text before and after, cut at six lines each. */
GtkWidget *
tavla_agreement_change_row_new (TavlaAgreementChange *change)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_widget_add_css_class (box, "agreement-row");
  gtk_box_append (GTK_BOX (box), tavla_agreement_new_label (change->description, "heading"));
  if (change->old_value != NULL && change->old_value[0] != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("Before: %s"), change->old_value);
      GtkWidget *label = tavla_agreement_new_label (text, "diff-old");

      gtk_label_set_lines (GTK_LABEL (label), 6);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);
    }
  if (change->new_value != NULL && change->new_value[0] != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("After: %s"), change->new_value);
      GtkWidget *label = tavla_agreement_new_label (text, "diff-new");

      gtk_label_set_lines (GTK_LABEL (label), 6);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

/* One change to an agreement: what (the core's sentence), the note, and
 * when and by whom. */
GtkWidget *
tavla_agreement_history_row_new (TavlaHistoryEntry *entry)
{
  g_autofree char *what = tavla_agreement_describe_history (entry);
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
