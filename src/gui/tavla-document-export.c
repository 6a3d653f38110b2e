/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-agreement-export.h"

/*
 * Export and print of one agreement. The document itself (Markdown, HTML
 * and the A4 pages) is built by the core; this file only asks where to
 * save it and hands GtkPrintOperation the core's page layout, so the
 * printout and the PDF are the same document.
 */

typedef struct
{
  TavlaAgreement      *agreement;
  TavlaExportFormat    format;
  TavlaExportDoneFunc  done;
  gpointer             user_data;
  GDestroyNotify       destroy;
} ExportData;

static void
export_data_free (ExportData *data)
{
  if (data->destroy != NULL)
    data->destroy (data->user_data);
  g_clear_object (&data->agreement);
  g_free (data);
}

static const char *
format_extension (TavlaExportFormat format)
{
  switch (format)
    {
    case TAVLA_EXPORT_HTML:
      return "html";
    case TAVLA_EXPORT_PDF:
      return "pdf";
    case TAVLA_EXPORT_MARKDOWN:
    default:
      return "md";
    }
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    ExportData      *data)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  if (file != NULL)
    {
      message = tavla_agreement_export_write (data->agreement, data->format, file);
      data->done (message, data->user_data);
    }

  export_data_free (data);
  g_object_unref (native);
}

/* Writes @agreement to @file through the core's exporter and returns what
 * to tell the user: the file saved, or why it was not. */
char *
tavla_agreement_export_write (TavlaAgreement    *agreement,
                              TavlaExportFormat  format,
                              GFile             *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TAVLA_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!tavla_agreement_export_to_file (agreement, format, file, &error))
    return g_strdup (error->message);

  name = g_file_get_basename (file);
  /* TRANSLATORS: after exporting an agreement: "Saved Socialförvaltningen-version-2.pdf". */
  return g_strdup_printf (_("Saved %s"), name);
}

/* "Socialförvaltningen-version-2.pdf": the department's name with the
 * characters file systems dislike replaced. */
char *
tavla_agreement_export_dup_file_name (TavlaAgreement    *agreement,
                                      TavlaExportFormat  format)
{
  g_autofree char *department = g_strdup (tavla_agreement_get_department (agreement));

  g_return_val_if_fail (TAVLA_IS_AGREEMENT (agreement), NULL);

  g_strdelimit (department, "/\\:*?\"<>| ", '-');
  /* TRANSLATORS: the file name of an exported agreement: "Socialförvaltningen-version-2.pdf". */
  return g_strdup_printf (_("%s-version-%u.%s"), department,
                          tavla_agreement_get_version_number (agreement),
                          format_extension (format));
}

/* Asks where to save @agreement as @format, writes it through the core and
 * tells @done what happened (the saved file, or why it failed). */
void
tavla_agreement_export_choose (GtkWindow           *parent,
                               TavlaAgreement      *agreement,
                               TavlaExportFormat    format,
                               TavlaExportDoneFunc  done,
                               gpointer             user_data,
                               GDestroyNotify       destroy)
{
  static const char *titles[] = { N_("Export as Markdown"), N_("Export as HTML"), N_("Export as PDF") };
  static const char *filter_names[] = { N_("Markdown documents"), N_("HTML documents"), N_("PDF documents") };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  GtkFileChooserNative *native;
  ExportData *data;

  g_return_if_fail (TAVLA_IS_AGREEMENT (agreement));
  g_return_if_fail (format <= TAVLA_EXPORT_PDF);

  data = g_new0 (ExportData, 1);
  data->agreement = g_object_ref (agreement);
  data->format = format;
  data->done = done;
  data->user_data = user_data;
  data->destroy = destroy;

  native = gtk_file_chooser_native_new (_(titles[format]), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  pattern = g_strconcat ("*.", format_extension (format), NULL);
  gtk_file_filter_set_name (filter, _(filter_names[format]));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  name = tavla_agreement_export_dup_file_name (agreement, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect (native, "response", G_CALLBACK (on_export_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_begin_print (GtkPrintOperation      *operation,
                GtkPrintContext        *context,
                TavlaAgreementDocument *document)
{
  guint n_pages = tavla_agreement_document_paginate (document, gtk_print_context_get_cairo_context (context),
                                                     gtk_print_context_get_width (context),
                                                     gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_draw_page (GtkPrintOperation      *operation,
              GtkPrintContext        *context,
              int                     page,
              TavlaAgreementDocument *document)
{
  tavla_agreement_document_draw_page (document, gtk_print_context_get_cairo_context (context), page);
}

static GtkPrintOperation *
create_print_operation (TavlaAgreement *agreement)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *title = tavla_agreement_dup_title (agreement);
  TavlaAgreementDocument *document = tavla_agreement_document_new (agreement);

  /* The whole sheet: the core's layout has the PDF's own margins. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), document);
  g_object_set_data_full (G_OBJECT (operation), "document", document,
                          (GDestroyNotify) tavla_agreement_document_free);
  return operation;
}

/* Prints @agreement on A4 with the same layout as its PDF export. */
void
tavla_agreement_print (GtkWindow           *parent,
                       TavlaAgreement      *agreement,
                       TavlaExportDoneFunc  done,
                       gpointer             user_data)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (TAVLA_IS_AGREEMENT (agreement));

  operation = create_print_operation (agreement);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && done != NULL)
    done (error->message, user_data);
}

/* Prints @agreement to the PDF file @path without a dialog, through the
 * same print operation; the number of pages, 0 on error. */
guint
tavla_agreement_print_to_pdf (TavlaAgreement  *agreement,
                              const char      *path,
                              GError         **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  int n_pages = 0;

  g_return_val_if_fail (TAVLA_IS_AGREEMENT (agreement), 0);
  g_return_val_if_fail (path != NULL, 0);

  operation = create_print_operation (agreement);
  gtk_print_operation_set_export_filename (operation, path);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    return 0;

  g_object_get (operation, "n-pages", &n_pages, NULL);
  return MAX (n_pages, 0);
}
