/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_FIGURES_DIALOG (tavla_figures_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TavlaFiguresDialog, tavla_figures_dialog, TAVLA, FIGURES_DIALOG, AdwWindow)

TavlaFiguresDialog *tavla_figures_dialog_new         (GtkWindow          *parent,
                                                      TavlaBoard         *board,
                                                      TavlaMetric        *metric);
void                tavla_figures_dialog_set_period  (TavlaFiguresDialog *self,
                                                      const char         *period);
/* The entry of @column ("value", "numerator", "denominator",
 * "respondents") in row @row (0 is the first group, or the one overall
 * row), or NULL when the metric's unit has no such column. */
GtkEditable        *tavla_figures_dialog_get_entry   (TavlaFiguresDialog *self,
                                                      guint               row,
                                                      const char         *column);
guint               tavla_figures_dialog_get_n_rows  (TavlaFiguresDialog *self);
GtkWidget          *tavla_figures_dialog_get_save_button (TavlaFiguresDialog *self);
const char         *tavla_figures_dialog_get_message (TavlaFiguresDialog *self);

G_END_DECLS
