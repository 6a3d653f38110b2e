/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-figures-dialog.h"
#include "tavla-gui-settings.h"

/*
 * Entering one period's figures of a metric by hand: one row per active
 * response group (or one overall row), with the value or the numerator
 * and denominator, and the respondents for scores. Every keystroke asks
 * the core to check the whole set as a dry run, the same rules as
 * `measure add` and the CSV import; the core's message names the row and
 * column, and the entry at fault is marked. Save writes all rows or none.
 */

typedef enum
{
  COLUMN_VALUE,
  COLUMN_NUMERATOR,
  COLUMN_DENOMINATOR,
  COLUMN_RESPONDENTS,
  N_COLUMNS
} Column;

/* The machine names the core uses for the fields. */
static const char *column_names[N_COLUMNS] = {
  "value", "numerator", "denominator", "respondents",
};

typedef struct
{
  char      *group;              /* NULL for overall */
  GtkWidget *entries[N_COLUMNS]; /* NULL for a column the unit has not */
} Row;

struct _TavlaFiguresDialog
{
  AdwWindow     parent_instance;

  /* Template widgets */
  GtkLabel     *metric_label;
  GtkLabel     *target_label;
  GtkEntry     *period_entry;
  GtkLabel     *period_display;
  GtkLabel     *hint_label;
  GtkGrid      *grid;
  GtkLabel     *message_label;
  GtkWidget    *save_button;

  /* Owned references */
  TavlaBoard   *board;
  TavlaMetric  *metric;
  GArray       *rows;            /* Row */

  guint         filling : 1;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TavlaFiguresDialog, tavla_figures_dialog, ADW_TYPE_WINDOW)

static void
row_clear (Row *row)
{
  g_clear_pointer (&row->group, g_free);
}

static const char *
entry_text (GtkWidget *entry)
{
  return entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (entry)) : NULL;
}

static gboolean
row_is_empty (const Row *row)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const char *text = entry_text (row->entries[c]);

      if (text != NULL && text[0] != '\0')
        return FALSE;
    }
  return TRUE;
}

/* One input per row, so the core's "row N" is the Nth row of the form; a
 * row left empty is an all-empty input, which the core skips. Strings are
 * borrowed from the entries. @out_n_filled counts the rows with figures. */
static GArray *
build_inputs (TavlaFiguresDialog *self,
              guint              *out_n_filled)
{
  GArray *inputs = g_array_new (FALSE, TRUE, sizeof (TavlaMeasurementInput));
  const char *period = gtk_editable_get_text (GTK_EDITABLE (self->period_entry));

  *out_n_filled = 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);
      TavlaMeasurementInput input = { NULL, };

      if (!row_is_empty (row))
        {
          input.metric = tavla_metric_get_name (self->metric);
          input.period = period;
          input.group = row->group;
          input.value = entry_text (row->entries[COLUMN_VALUE]);
          input.numerator = entry_text (row->entries[COLUMN_NUMERATOR]);
          input.denominator = entry_text (row->entries[COLUMN_DENOMINATOR]);
          input.respondents = entry_text (row->entries[COLUMN_RESPONDENTS]);
          (*out_n_filled)++;
        }
      g_array_append_val (inputs, input);
    }

  return inputs;
}

static void
clear_marks (TavlaFiguresDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    for (guint c = 0; c < N_COLUMNS; c++)
      if (g_array_index (self->rows, Row, i).entries[c] != NULL)
        gtk_widget_remove_css_class (g_array_index (self->rows, Row, i).entries[c], "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_entry), "error");
}

/* Marks the entry each bad row names. */
static void
mark_errors (TavlaFiguresDialog *self,
             TavlaImportResult  *result)
{
  for (guint i = 0; result != NULL && i < result->rows->len; i++)
    {
      TavlaImportRow *import_row = g_ptr_array_index (result->rows, i);
      Row *row;

      if (import_row->error == NULL || import_row->line == 0 || import_row->line > self->rows->len)
        continue;
      if (g_strcmp0 (import_row->column, "period") == 0)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->period_entry), "error");
          continue;
        }

      row = &g_array_index (self->rows, Row, import_row->line - 1);
      for (guint c = 0; c < N_COLUMNS; c++)
        if (row->entries[c] != NULL && g_strcmp0 (import_row->column, column_names[c]) == 0)
          gtk_widget_add_css_class (row->entries[c], "error");
    }
}

static void
show_message (TavlaFiguresDialog *self,
              const char         *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* Runs the core's rules over the form; TRUE when Save would succeed. */
static gboolean
validate (TavlaFiguresDialog *self)
{
  g_autoptr(GArray) inputs = NULL;
  g_autoptr(TavlaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();
  guint n_filled = 0;
  gboolean valid;

  clear_marks (self);
  inputs = build_inputs (self, &n_filled);
  if (n_filled == 0)
    {
      show_message (self, NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "figures.save", FALSE);
      return FALSE;
    }

  valid = tavla_board_record_measurements (self->board, (TavlaMeasurementInput *) (void *) inputs->data,
                                           inputs->len, TRUE, actor, &result, &error);
  show_message (self, valid ? NULL : error->message);
  if (!valid)
    mark_errors (self, result);

  if (tavla_board_is_read_only (self->board))
    {
      show_message (self, tavla_board_get_read_only_reason (self->board));
      valid = FALSE;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "figures.save", valid);
  return valid;
}

static void
on_entry_changed (TavlaFiguresDialog *self)
{
  if (!self->filling)
    validate (self);
}

static char *
format_number (double value)
{
  /* %g follows the locale, which tavla_parse_number() reads back. */
  return g_strdup_printf ("%.10g", value);
}

static void
set_entry_number (GtkWidget *entry,
                  gboolean   has_value,
                  double     value)
{
  g_autofree char *text = has_value ? format_number (value) : NULL;

  if (entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

/* Shows what is already stored for the period, so a correction starts
 * from the recorded figures. */
static void
fill_stored (TavlaFiguresDialog *self)
{
  const char *period = gtk_editable_get_text (GTK_EDITABLE (self->period_entry));

  self->filling = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      g_autoptr(TavlaMeasurement) stored = tavla_board_get_measurement (self->board,
                                                                         tavla_metric_get_name (self->metric),
                                                                         period, row->group, NULL);
      gboolean ratio = stored != NULL && stored->has_ratio;

      set_entry_number (row->entries[COLUMN_VALUE], stored != NULL && !ratio, stored != NULL ? stored->value : 0);
      set_entry_number (row->entries[COLUMN_NUMERATOR], ratio, ratio ? stored->numerator : 0);
      set_entry_number (row->entries[COLUMN_DENOMINATOR], ratio, ratio ? stored->denominator : 0);
      set_entry_number (row->entries[COLUMN_RESPONDENTS], stored != NULL && stored->respondents > 0,
                        stored != NULL ? (double) stored->respondents : 0);
    }
  self->filling = FALSE;
}

static void
on_period_changed (TavlaFiguresDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->period_entry));
  TavlaPeriod period;

  if (self->filling)
    return;

  if (tavla_period_parse (text, &period, NULL) && period.kind == tavla_metric_get_period (self->metric))
    {
      g_autofree char *display = tavla_period_display (&period);

      gtk_label_set_label (self->period_display, display);
      fill_stored (self);
    }
  else
    gtk_label_set_label (self->period_display, "");

  validate (self);
}

static GtkWidget *
new_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "field-caption");
  return label;
}

static void
add_row (TavlaFiguresDialog *self,
         const char         *group,
         const gboolean     *columns)
{
  Row row = { g_strdup (group), { NULL, } };
  int y = self->rows->len + 1;
  int x = 1;
  GtkWidget *label = gtk_label_new (group != NULL ? group : _("Overall"));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (self->grid, label, 0, y, 1, 1);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (!columns[c])
        continue;
      row.entries[c] = gtk_entry_new ();
      gtk_editable_set_width_chars (GTK_EDITABLE (row.entries[c]), 8);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row.entries[c]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      g_signal_connect_object (row.entries[c], "changed", G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
      gtk_grid_attach (self->grid, row.entries[c], x++, y, 1, 1);
    }

  g_array_append_val (self->rows, row);
}

static void
build_grid (TavlaFiguresDialog *self)
{
  TavlaUnit unit = tavla_metric_get_unit (self->metric);
  gboolean columns[N_COLUMNS] = {
    TRUE,
    unit == TAVLA_UNIT_PERCENT,
    unit == TAVLA_UNIT_PERCENT,
    unit == TAVLA_UNIT_SCORE,
  };
  const char *headings[N_COLUMNS] = {
    _("Value"), _("Numerator"), _("Denominator"), _("Respondents"),
  };
  int x = 1;

  gtk_grid_attach (self->grid, new_heading (_("Response group")), 0, 0, 1, 1);
  for (guint c = 0; c < N_COLUMNS; c++)
    if (columns[c])
      gtk_grid_attach (self->grid, new_heading (headings[c]), x++, 0, 1, 1);

  if (unit == TAVLA_UNIT_PERCENT)
    gtk_label_set_label (self->hint_label,
                         _("Give the value in percent, or the numerator and denominator (for example answered and offered calls) so that roll-ups are exact."));
  else if (unit == TAVLA_UNIT_SCORE)
    gtk_label_set_label (self->hint_label,
                         _("Give the score (1-5) and, when known, the number of respondents so that roll-ups are weighted."));
  else
    gtk_label_set_label (self->hint_label, _("Give the count for the period."));

  if (tavla_metric_get_per_group (self->metric))
    {
      GListModel *groups = tavla_board_get_response_groups (self->board);

      for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
        {
          g_autoptr(TavlaResponseGroup) group = g_list_model_get_item (groups, i);

          if (tavla_response_group_get_active (group))
            add_row (self, tavla_response_group_get_name (group), columns);
        }
    }
  else
    add_row (self, NULL, columns);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TavlaFiguresDialog *self = TAVLA_FIGURES_DIALOG (widget);
  g_autoptr(GArray) inputs = NULL;
  g_autoptr(TavlaImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();
  guint n_filled = 0;

  if (!validate (self))
    return;

  inputs = build_inputs (self, &n_filled);
  if (!tavla_board_record_measurements (self->board, (TavlaMeasurementInput *) (void *) inputs->data,
                                        inputs->len, FALSE, actor, &result, &error))
    {
      show_message (self, error->message);
      mark_errors (self, result);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, result->n_added, result->n_corrected);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tavla_figures_dialog_dispose (GObject *object)
{
  TavlaFiguresDialog *self = (TavlaFiguresDialog *) object;

  g_clear_object (&self->board);
  g_clear_object (&self->metric);
  g_clear_pointer (&self->rows, g_array_unref);

  G_OBJECT_CLASS (tavla_figures_dialog_parent_class)->dispose (object);
}

static void
tavla_figures_dialog_class_init (TavlaFiguresDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_figures_dialog_dispose;

  /* The figures were written: how many were new and how many corrected. */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "figures.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "figures.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-figures-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaFiguresDialog, metric_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaFiguresDialog, target_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaFiguresDialog, period_entry);
  gtk_widget_class_bind_template_child (widget_class, TavlaFiguresDialog, period_display);
  gtk_widget_class_bind_template_child (widget_class, TavlaFiguresDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaFiguresDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, TavlaFiguresDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaFiguresDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
}

static void
tavla_figures_dialog_init (TavlaFiguresDialog *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, (GDestroyNotify) row_clear);

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "figures.save", FALSE);
}

/**
 * tavla_figures_dialog_new:
 * @parent: (nullable): the window it belongs to
 *
 * A form for one period's figures of @metric, starting at the last
 * complete period (the week or month before this one).
 */
TavlaFiguresDialog *
tavla_figures_dialog_new (GtkWindow   *parent,
                          TavlaBoard  *board,
                          TavlaMetric *metric)
{
  TavlaFiguresDialog *self;
  g_autofree char *target = NULL;
  g_autofree char *period = NULL;
  TavlaPeriod now, last;

  g_return_val_if_fail (TAVLA_IS_BOARD (board), NULL);
  g_return_val_if_fail (TAVLA_IS_METRIC (metric), NULL);

  self = g_object_new (TAVLA_TYPE_FIGURES_DIALOG, "transient-for", parent, NULL);
  self->board = g_object_ref (board);
  self->metric = g_object_ref (metric);

  target = tavla_metric_dup_target_label (metric);
  gtk_label_set_label (self->metric_label, tavla_metric_get_name (metric));
  gtk_label_set_label (self->target_label, target);
  build_grid (self);

  tavla_period_current (tavla_metric_get_period (metric), &now);
  tavla_period_add (&now, -1, &last);
  period = tavla_period_format (&last);
  tavla_figures_dialog_set_period (self, period);

  return self;
}

void
tavla_figures_dialog_set_period (TavlaFiguresDialog *self,
                                 const char         *period)
{
  g_return_if_fail (TAVLA_IS_FIGURES_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->period_entry), period != NULL ? period : "");
}

GtkEditable *
tavla_figures_dialog_get_entry (TavlaFiguresDialog *self,
                                guint               row,
                                const char         *column)
{
  g_return_val_if_fail (TAVLA_IS_FIGURES_DIALOG (self), NULL);

  if (row >= self->rows->len)
    return NULL;

  for (guint c = 0; c < N_COLUMNS; c++)
    if (g_strcmp0 (column, column_names[c]) == 0)
      {
        GtkWidget *entry = g_array_index (self->rows, Row, row).entries[c];

        return entry != NULL ? GTK_EDITABLE (entry) : NULL;
      }

  return NULL;
}

guint
tavla_figures_dialog_get_n_rows (TavlaFiguresDialog *self)
{
  g_return_val_if_fail (TAVLA_IS_FIGURES_DIALOG (self), 0);

  return self->rows->len;
}

GtkWidget *
tavla_figures_dialog_get_save_button (TavlaFiguresDialog *self)
{
  g_return_val_if_fail (TAVLA_IS_FIGURES_DIALOG (self), NULL);

  return self->save_button;
}

/* The message shown under the form, NULL when there is none. */
const char *
tavla_figures_dialog_get_message (TavlaFiguresDialog *self)
{
  g_return_val_if_fail (TAVLA_IS_FIGURES_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_label (self->message_label);
}
