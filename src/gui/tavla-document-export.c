/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-document-export.h"

typedef struct
{
  TavlaDocument       *document;
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
  g_clear_pointer (&data->document, tavla_document_free);
  g_free (data);
}

const char *
tavla_document_export_extension (TavlaExportFormat format)
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
      message = tavla_document_export_write (data->document, data->format, file);
      data->done (message, data->user_data);
    }

  export_data_free (data);
  g_object_unref (native);
}

char *
tavla_document_export_write (TavlaDocument     *document,
                             TavlaExportFormat  format,
                             GFile             *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!tavla_document_render_to_file (document, format, file, &error))
    return g_strdup (error->message);

  name = g_file_get_basename (file);
  /* TRANSLATORS: after exporting a document: "Saved Socialförvaltningen-version-2.pdf". */
  return g_strdup_printf (_("Saved %s"), name);
}

void
tavla_document_export_choose (GtkWindow           *parent,
                              TavlaDocument       *document,
                              const char          *file_name,
                              TavlaExportFormat    format,
                              TavlaExportDoneFunc  done,
                              gpointer             user_data,
                              GDestroyNotify       destroy)
{
  static const char *titles[] = { N_("Export as Markdown"), N_("Export as HTML"), N_("Export as PDF") };
  static const char *filter_names[] = { N_("Markdown documents"), N_("HTML documents"), N_("PDF documents") };
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = NULL;
  GtkFileChooserNative *native;
  ExportData *data;

  g_return_if_fail (document != NULL);
  g_return_if_fail (format <= TAVLA_EXPORT_PDF);

  data = g_new0 (ExportData, 1);
  data->document = document;
  data->format = format;
  data->done = done;
  data->user_data = user_data;
  data->destroy = destroy;

  native = gtk_file_chooser_native_new (_(titles[format]), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  pattern = g_strconcat ("*.", tavla_document_export_extension (format), NULL);
  gtk_file_filter_set_name (filter, _(filter_names[format]));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (file_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);

  g_signal_connect (native, "response", G_CALLBACK (on_export_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                TavlaDocument     *document)
{
  guint n_pages = tavla_document_paginate (document, gtk_print_context_get_cairo_context (context),
                                           gtk_print_context_get_width (context),
                                           gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              TavlaDocument     *document)
{
  tavla_document_draw_page (document, gtk_print_context_get_cairo_context (context), page);
}

/* @document is borrowed when @destroy is NULL, taken otherwise. */
static GtkPrintOperation *
create_print_operation (TavlaDocument  *document,
                        GDestroyNotify  destroy)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  /* The whole sheet: the core's layout has the PDF's own margins. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, tavla_document_get_title (document));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), document);
  if (destroy != NULL)
    g_object_set_data_full (G_OBJECT (operation), "document", document, destroy);
  return operation;
}

void
tavla_document_print (GtkWindow           *parent,
                      TavlaDocument       *document,
                      TavlaExportDoneFunc  done,
                      gpointer             user_data)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (document != NULL);

  operation = create_print_operation (document, (GDestroyNotify) tavla_document_free);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && done != NULL)
    done (error->message, user_data);
}

guint
tavla_document_print_to_pdf (TavlaDocument  *document,
                             const char     *path,
                             GError        **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  int n_pages = 0;

  g_return_val_if_fail (document != NULL, 0);
  g_return_val_if_fail (path != NULL, 0);

  operation = create_print_operation (document, NULL);
  gtk_print_operation_set_export_filename (operation, path);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    return 0;

  g_object_get (operation, "n-pages", &n_pages, NULL);
  return MAX (n_pages, 0);
}

/* ---- The agreement -------------------------------------------------------- */

char *
tavla_agreement_export_write (TavlaAgreement    *agreement,
                              TavlaExportFormat  format,
                              GFile             *file)
{
  g_autoptr(TavlaDocument) document = NULL;

  g_return_val_if_fail (TAVLA_IS_AGREEMENT (agreement), NULL);

  document = tavla_agreement_build_document (agreement);
  return tavla_document_export_write (document, format, file);
}

/* "Socialförvaltningen-version-2.pdf": the department's name with the
 * characters file systems dislike replaced. */
char *
tavla_agreement_export_dup_file_name (TavlaAgreement    *agreement,
                                      TavlaExportFormat  format)
{
  g_autofree char *department = NULL;

  g_return_val_if_fail (TAVLA_IS_AGREEMENT (agreement), NULL);

  department = g_strdup (tavla_agreement_get_department (agreement));
  g_strdelimit (department, "/\\:*?\"<>| ", '-');
  /* TRANSLATORS: the file name of an exported agreement: "Socialförvaltningen-version-2.pdf". */
  return g_strdup_printf (_("%s-version-%u.%s"), department,
                          tavla_agreement_get_version_number (agreement),
                          tavla_document_export_extension (format));
}

void
tavla_agreement_export_choose (GtkWindow           *parent,
                               TavlaAgreement      *agreement,
                               TavlaExportFormat    format,
                               TavlaExportDoneFunc  done,
                               gpointer             user_data,
                               GDestroyNotify       destroy)
{
  g_autofree char *name = NULL;

  g_return_if_fail (TAVLA_IS_AGREEMENT (agreement));

  name = tavla_agreement_export_dup_file_name (agreement, format);
  tavla_document_export_choose (parent, tavla_agreement_build_document (agreement), name, format,
                                done, user_data, destroy);
}

void
tavla_agreement_print (GtkWindow           *parent,
                       TavlaAgreement      *agreement,
                       TavlaExportDoneFunc  done,
                       gpointer             user_data)
{
  g_return_if_fail (TAVLA_IS_AGREEMENT (agreement));

  tavla_document_print (parent, tavla_agreement_build_document (agreement), done, user_data);
}

guint
tavla_agreement_print_to_pdf (TavlaAgreement  *agreement,
                              const char      *path,
                              GError         **error)
{
  g_autoptr(TavlaDocument) document = NULL;

  g_return_val_if_fail (TAVLA_IS_AGREEMENT (agreement), 0);

  document = tavla_agreement_build_document (agreement);
  return tavla_document_print_to_pdf (document, path, error);
}
