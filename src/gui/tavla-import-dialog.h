/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_IMPORT_DIALOG (tavla_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TavlaImportDialog, tavla_import_dialog, TAVLA, IMPORT_DIALOG, AdwWindow)

TavlaImportDialog *tavla_import_dialog_new               (GtkWindow         *parent,
                                                          TavlaBoard        *board,
                                                          GFile             *file);
GtkWidget         *tavla_import_dialog_get_import_button (TavlaImportDialog *self);
/* Rows of the preview, and how many of them are bad. */
guint              tavla_import_dialog_get_n_rows        (TavlaImportDialog *self);
guint              tavla_import_dialog_get_n_errors      (TavlaImportDialog *self);
const char        *tavla_import_dialog_get_summary       (TavlaImportDialog *self);

G_END_DECLS
