/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "tavla-gui-settings.h"
#include "tavla-import-dialog.h"

/*
 * The preview of a CSV import: the core checks the whole file as a dry
 * run and says for every row whether it would be added or would correct a
 * stored figure, or what is wrong with it (line and column). Nothing is
 * written until Import, and Import stays off while any row is bad: the
 * import is all rows or none.
 */

typedef enum
{
  COLUMN_LINE,
  COLUMN_METRIC,
  COLUMN_PERIOD,
  COLUMN_GROUP,
  COLUMN_VALUE,
  COLUMN_NUMERATOR,
  COLUMN_DENOMINATOR,
  COLUMN_RESPONDENTS,
  COLUMN_RESULT,
  N_COLUMNS
} Column;

/* The CSV header's names, which the core uses for a bad row's column. */
static const char *column_names[N_COLUMNS] = {
  "line", "metric", "period", "group", "value", "numerator", "denominator", "respondents", NULL,
};

struct _TavlaImportDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *import_button;
  GtkLabel          *summary_label;
  GtkToggleButton   *errors_only_button;
  GtkColumnView     *column_view;

  /* Owned references */
  TavlaBoard        *board;
  GFile             *file;
  TavlaImportResult *result;
  GtkCustomFilter   *filter;

  guint              n_errors;
};

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TavlaImportDialog, tavla_import_dialog, ADW_TYPE_WINDOW)

static TavlaImportRow *
get_row (TavlaImportDialog *self,
         gpointer           item)
{
  guint index = (guint) strtoul (gtk_string_object_get_string (item), NULL, 10);

  if (self->result == NULL || index >= self->result->rows->len)
    return NULL;
  return g_ptr_array_index (self->result->rows, index);
}

static const char *
outcome_label (TavlaRecordOutcome outcome)
{
  switch (outcome)
    {
    case TAVLA_RECORD_ADDED:
      return _("Add");
    case TAVLA_RECORD_CORRECTED:
      return _("Correct the stored figure");
    case TAVLA_RECORD_UNCHANGED:
    default:
      return _("Unchanged");
    }
}

static char *
dup_cell_text (TavlaImportRow *row,
               Column          column)
{
  const char *cells[] = {
    NULL, row->metric, row->period, row->group, row->value,
    row->numerator, row->denominator, row->respondents,
  };

  if (column == COLUMN_LINE)
    return g_strdup_printf ("%u", row->line);
  if (column == COLUMN_RESULT)
    return g_strdup (row->error != NULL ? row->error : outcome_label (row->outcome));
  return g_strdup (cells[column] != NULL ? cells[column] : "");
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (column == COLUMN_RESULT)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 30);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Names are what the eye checks first: room for "Svarsfrekvens". */
  if (column == COLUMN_METRIC || column == COLUMN_GROUP)
    gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_list_item_set_child (list_item, label);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  TavlaImportDialog *self = g_object_get_data (G_OBJECT (factory), "dialog");
  GtkWidget *label = gtk_list_item_get_child (list_item);
  TavlaImportRow *row = get_row (self, gtk_list_item_get_item (list_item));
  g_autofree char *text = row != NULL ? dup_cell_text (row, column) : NULL;
  gboolean bad;

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");

  /* A bad row shows its message in red and bold, and the cell at fault
   * too, so the eye finds it in a long file. */
  bad = row != NULL && row->error != NULL &&
        (column == COLUMN_RESULT || g_strcmp0 (row->column, column_names[column]) == 0);
  if (bad)
    gtk_widget_add_css_class (label, "import-row-error");
  else
    gtk_widget_remove_css_class (label, "import-row-error");
}

static void
add_column (TavlaImportDialog *self,
            const char        *title,
            Column             column)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "dialog", self);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), GUINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, column == COLUMN_RESULT);
  gtk_column_view_append_column (self->column_view, view_column);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  TavlaImportDialog *self = user_data;
  TavlaImportRow *row = get_row (self, item);

  if (!gtk_toggle_button_get_active (self->errors_only_button))
    return TRUE;
  return row != NULL && row->error != NULL;
}

static void
on_errors_only_toggled (TavlaImportDialog *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
set_model (TavlaImportDialog *self)
{
  g_autoptr(GtkStringList) indices = gtk_string_list_new (NULL);
  GtkFilterListModel *filtered;
  GtkNoSelection *selection;
  guint n = self->result != NULL ? self->result->rows->len : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *index = g_strdup_printf ("%u", i);

      gtk_string_list_append (indices, index);
    }

  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&indices)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (filtered));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static void
preview (TavlaImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();
  g_autofree char *summary = NULL;
  gboolean valid;
  guint n_rows;

  g_clear_pointer (&self->result, tavla_import_result_free);
  valid = tavla_board_import_measurements_file (self->board, self->file, TRUE, actor, &self->result, &error);

  self->n_errors = 0;
  n_rows = self->result != NULL ? self->result->rows->len : 0;
  for (guint i = 0; i < n_rows; i++)
    if (((TavlaImportRow *) g_ptr_array_index (self->result->rows, i))->error != NULL)
      self->n_errors++;

  if (valid)
    /* TRANSLATORS: the import preview when every row is good. */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u row is ready: %u to add, %u to correct, %u unchanged.",
                                            "%u rows are ready: %u to add, %u to correct, %u unchanged.",
                                            n_rows),
                               n_rows, self->result->n_added, self->result->n_corrected,
                               self->result->n_unchanged);
  else if (self->n_errors > 0)
    /* TRANSLATORS: the import preview with bad rows; nothing is written. */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of %u rows has an error. Fix it in the file and import again; nothing has been imported.",
                                            "%u of %u rows have errors. Fix them in the file and import again; nothing has been imported.",
                                            self->n_errors),
                               self->n_errors, n_rows);
  else
    summary = g_strdup (error->message);

  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_only_button), self->n_errors > 0);
  gtk_toggle_button_set_active (self->errors_only_button, self->n_errors > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import",
                                 valid && n_rows > 0 && !tavla_board_is_read_only (self->board));
  set_model (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TavlaImportDialog *self = TAVLA_IMPORT_DIALOG (widget);
  g_autoptr(TavlaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();

  if (!tavla_board_import_measurements_file (self->board, self->file, FALSE, actor, &result, &error))
    {
      /* The file changed since the preview: show what it holds now. */
      preview (self);
      gtk_label_set_label (self->summary_label, error->message);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, result->n_added, result->n_corrected);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tavla_import_dialog_dispose (GObject *object)
{
  TavlaImportDialog *self = (TavlaImportDialog *) object;

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->board);
  g_clear_object (&self->file);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->result, tavla_import_result_free);

  G_OBJECT_CLASS (tavla_import_dialog_parent_class)->dispose (object);
}

static void
tavla_import_dialog_class_init (TavlaImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_import_dialog_dispose;

  /* The rows were written: how many were new and how many corrected. */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TavlaImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaImportDialog, errors_only_button);
  gtk_widget_class_bind_template_child (widget_class, TavlaImportDialog, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_errors_only_toggled);
}

static void
tavla_import_dialog_init (TavlaImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  add_column (self, _("Line"), COLUMN_LINE);
  add_column (self, _("Metric"), COLUMN_METRIC);
  add_column (self, _("Period"), COLUMN_PERIOD);
  add_column (self, _("Response group"), COLUMN_GROUP);
  add_column (self, _("Value"), COLUMN_VALUE);
  add_column (self, _("Numerator"), COLUMN_NUMERATOR);
  add_column (self, _("Denominator"), COLUMN_DENOMINATOR);
  add_column (self, _("Respondents"), COLUMN_RESPONDENTS);
  add_column (self, _("Result"), COLUMN_RESULT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
}

/**
 * tavla_import_dialog_new:
 * @parent: (nullable): the window it belongs to
 *
 * Previews importing @file into @board; nothing is written until the user
 * presses Import.
 */
TavlaImportDialog *
tavla_import_dialog_new (GtkWindow  *parent,
                         TavlaBoard *board,
                         GFile      *file)
{
  TavlaImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (board), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (TAVLA_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->board = g_object_ref (board);
  self->file = g_object_ref (file);
  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);
  preview (self);

  return self;
}

GtkWidget *
tavla_import_dialog_get_import_button (TavlaImportDialog *self)
{
  g_return_val_if_fail (TAVLA_IS_IMPORT_DIALOG (self), NULL);

  return self->import_button;
}

guint
tavla_import_dialog_get_n_rows (TavlaImportDialog *self)
{
  g_return_val_if_fail (TAVLA_IS_IMPORT_DIALOG (self), 0);

  return self->result != NULL ? self->result->rows->len : 0;
}

guint
tavla_import_dialog_get_n_errors (TavlaImportDialog *self)
{
  g_return_val_if_fail (TAVLA_IS_IMPORT_DIALOG (self), 0);

  return self->n_errors;
}

const char *
tavla_import_dialog_get_summary (TavlaImportDialog *self)
{
  g_return_val_if_fail (TAVLA_IS_IMPORT_DIALOG (self), NULL);

  return gtk_label_get_label (self->summary_label);
}
