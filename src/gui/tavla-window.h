/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>
#include <tavla/tavla.h>

#include "tavla-board-view.h"
#include "tavla-metrics-view.h"
#include "tavla-reminder-bar.h"
#include "tavla-reminder-notifier.h"

G_BEGIN_DECLS

#define TAVLA_TYPE_WINDOW (tavla_window_get_type ())
G_DECLARE_FINAL_TYPE (TavlaWindow, tavla_window, TAVLA, WINDOW, AdwApplicationWindow)

TavlaWindow    *tavla_window_new            (GtkApplication *application);
TavlaBoard     *tavla_window_get_board      (TavlaWindow    *self);
TavlaBoardView *tavla_window_get_board_view (TavlaWindow    *self);
TavlaMetricsView *tavla_window_get_metrics_view (TavlaWindow *self);
AdwViewStack   *tavla_window_get_view_stack (TavlaWindow    *self);
TavlaReminderBar      *tavla_window_get_reminder_bar      (TavlaWindow *self);
TavlaReminderNotifier *tavla_window_get_reminder_notifier (TavlaWindow *self);
gboolean        tavla_window_open_path      (TavlaWindow    *self,
                                             const char     *path);
void            tavla_window_open_demo      (TavlaWindow    *self);
/* Closes the board, puts @backup_path in place of its file (see
 * tavla_backup_restore()), reopens it and says which date it is from. */
gboolean        tavla_window_restore_backup (TavlaWindow    *self,
                                             const char     *backup_path);
void            tavla_window_choose_database (TavlaWindow   *self,
                                              gboolean       create);
gboolean        tavla_window_export_calendar (TavlaWindow   *self,
                                              GFile         *file);

G_END_DECLS
