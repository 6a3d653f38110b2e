/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*TavlaFileChosenFunc) (GFile    *file,
                                     gpointer  user_data);

void tavla_choose_database_file (GtkWindow           *parent,
                                 gboolean             create,
                                 TavlaFileChosenFunc  func,
                                 gpointer             user_data,
                                 GDestroyNotify       destroy);
void tavla_choose_csv_file      (GtkWindow           *parent,
                                 TavlaFileChosenFunc  func,
                                 gpointer             user_data,
                                 GDestroyNotify       destroy);
void tavla_choose_calendar_file (GtkWindow           *parent,
                                 TavlaFileChosenFunc  func,
                                 gpointer             user_data,
                                 GDestroyNotify       destroy);

G_END_DECLS
