/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

typedef void (*TavlaExportDoneFunc) (const char *message,
                                     gpointer    user_data);

char *tavla_agreement_export_dup_file_name (TavlaAgreement      *agreement,
                                            TavlaExportFormat    format);
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

G_END_DECLS
