/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

/*
 * Saving and printing the core's printable documents (TavlaDocument): the
 * agreement, the audit report, agendas, minutes and the period report.
 * The document is built by the core; this only asks where to save it and
 * hands GtkPrintOperation the core's page layout, so that the printout and
 * the PDF are the same document.
 */

typedef void (*TavlaExportDoneFunc) (const char *message,
                                     gpointer    user_data);

/* Writes @document to @file and returns what to tell the user: the file
 * saved ("Saved rapport.pdf"), or why it was not. */
char *tavla_document_export_write          (TavlaDocument       *document,
                                            TavlaExportFormat    format,
                                            GFile               *file);
/* "md", "html" or "pdf". */
const char *tavla_document_export_extension (TavlaExportFormat   format);
/* Asks where to save @document (taken: transfer full) as @format,
 * suggesting @file_name, writes it and tells @done what happened. */
void  tavla_document_export_choose         (GtkWindow           *parent,
                                            TavlaDocument       *document,
                                            const char          *file_name,
                                            TavlaExportFormat    format,
                                            TavlaExportDoneFunc  done,
                                            gpointer             user_data,
                                            GDestroyNotify       destroy);
/* Prints @document (taken: transfer full) on A4 through the print dialog. */
void  tavla_document_print                 (GtkWindow           *parent,
                                            TavlaDocument       *document,
                                            TavlaExportDoneFunc  done,
                                            gpointer             user_data);
/* Prints @document (borrowed) to the PDF file @path without a dialog,
 * through the same print operation; the number of pages, 0 on error. */
guint tavla_document_print_to_pdf          (TavlaDocument       *document,
                                            const char          *path,
                                            GError             **error);

/* The agreement's document through the helpers above. */
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
