/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

typedef void (*TavlaExportDoneFunc) (const char *message,
                                     gpointer    user_data);

char *tavla_agreement_export_dup_file_name (TavlaAgreement      *agreement,
                                            TavlaExportFormat    format);
char *tavla_agreement_export_write         (TavlaAgreement      *agreement,
                                            TavlaExportFormat    format,
                                            GFile               *file);
void  tavla_agreement_export_choose        (GtkWindow           *parent,
                                            TavlaAgreement      *agreement,
                                            TavlaExportFormat    format,
                                            TavlaExportDoneFunc  done,
                                            gpointer             user_data,
                                            GDestroyNotify       destroy);
void  tavla_agreement_print                (GtkWindow           *parent,
                                            TavlaAgreement      *agreement,
                                            TavlaExportDoneFunc  done,
                                            gpointer             user_data);
guint tavla_agreement_print_to_pdf         (TavlaAgreement      *agreement,
                                            const char          *path,
                                            GError             **error);

G_END_DECLS
