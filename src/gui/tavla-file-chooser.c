/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-file-chooser.h"

/*
 * The one place that asks the user for a file: a database, a CSV file to
 * import, where to save the calendar. GTK 4.8 has no
 * GtkFileDialog; GtkFileChooserNative uses the portal inside Flatpak and the
 * GTK dialog elsewhere.
 */

typedef struct
{
  TavlaFileChosenFunc  func;
  gpointer             user_data;
  GDestroyNotify       destroy;
} ChooseData;

static void
choose_data_free (ChooseData *data)
{
  if (data->destroy != NULL)
    data->destroy (data->user_data);
  g_free (data);
}

static void
on_response (GtkNativeDialog *native,
             int              response,
             ChooseData      *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        data->func (file, data->user_data);
    }

  choose_data_free (data);
  g_object_unref (native);
}

static ChooseData *
choose_data_new (TavlaFileChosenFunc  func,
                 gpointer             user_data,
                 GDestroyNotify       destroy)
{
  ChooseData *data = g_new0 (ChooseData, 1);

  data->func = func;
  data->user_data = user_data;
  data->destroy = destroy;
  return data;
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern,
            ...)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  va_start (args, pattern);
  for (const char *p = pattern; p != NULL; p = va_arg (args, const char *))
    gtk_file_filter_add_pattern (filter, p);
  va_end (args);
  gtk_file_chooser_add_filter (chooser, filter);
}

/**
 * tavla_choose_database_file:
 * @create: whether to name a new file rather than open an existing one
 *
 * Asks for a database file and calls @func with it when the user accepts.
 */
void
tavla_choose_database_file (GtkWindow           *parent,
                            gboolean             create,
                            TavlaFileChosenFunc  func,
                            gpointer             user_data,
                            GDestroyNotify       destroy)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  ChooseData *data = g_new0 (ChooseData, 1);

  data->func = func;
  data->user_data = user_data;
  data->destroy = destroy;

  native = gtk_file_chooser_native_new (create ? _("New Database") : _("Open Database"),
                                        parent,
                                        create ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        create ? _("_Create") : _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (filter, _("Tavla databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "tavla.db");

  g_signal_connect (native, "response", G_CALLBACK (on_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * tavla_choose_csv_file:
 *
 * Asks for a CSV file of measurements to import and calls @func with it
 * when the user accepts.
 */
void
tavla_choose_csv_file (GtkWindow           *parent,
                       TavlaFileChosenFunc  func,
                       gpointer             user_data,
                       GDestroyNotify       destroy)
{
  GtkFileChooserNative *native;
  ChooseData *data = choose_data_new (func, user_data, destroy);

  native = gtk_file_chooser_native_new (_("Import Figures"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Preview"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filter (GTK_FILE_CHOOSER (native), _("CSV files"), "text/csv", "*.csv", "*.CSV", NULL);
  add_filter (GTK_FILE_CHOOSER (native), _("All files"), NULL, "*", NULL);

  g_signal_connect (native, "response", G_CALLBACK (on_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * tavla_choose_calendar_file:
 *
 * Asks where to save the calendar (an iCalendar file) and calls @func with
 * it when the user accepts.
 */
void
tavla_choose_calendar_file (GtkWindow           *parent,
                            TavlaFileChosenFunc  func,
                            gpointer             user_data,
                            GDestroyNotify       destroy)
{
  GtkFileChooserNative *native;
  ChooseData *data = choose_data_new (func, user_data, destroy);

  native = gtk_file_chooser_native_new (_("Export Calendar"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filter (GTK_FILE_CHOOSER (native), _("Calendar files"), "text/calendar", "*.ics", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "tavla.ics");

  g_signal_connect (native, "response", G_CALLBACK (on_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
