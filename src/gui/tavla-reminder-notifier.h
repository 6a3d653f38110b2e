/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gtk/gtk.h>
#include <tavla/tavla.h>

#include "tavla-reminder-bar.h"

G_BEGIN_DECLS

#define TAVLA_TYPE_REMINDER_NOTIFIER (tavla_reminder_notifier_get_type ())
G_DECLARE_FINAL_TYPE (TavlaReminderNotifier, tavla_reminder_notifier, TAVLA, REMINDER_NOTIFIER, GObject)

/*
 * Shows the core's reminders (tavla-reminders.h) while the window is open:
 * when a board is opened, the reminders not shown yet today go into the
 * window's reminder bar; afterwards, every TAVLA_REMINDER_CHECK_SECONDS,
 * new ones are shown as desktop notifications through libnotify, outside
 * quiet hours, with an Open action that activates "win.open-reminder" on
 * the window. When libnotify fails (no notification daemon), they go into
 * the bar instead. Whatever was shown is recorded, so neither the window
 * nor `tavla-cli remind --notify` shows it again that day. The settings
 * are read from GSettings at each check.
 */

#define TAVLA_REMINDER_CHECK_SECONDS (10 * 60)

TavlaReminderNotifier *tavla_reminder_notifier_new       (GtkWidget             *window,
                                                          TavlaReminderBar      *bar);
void                   tavla_reminder_notifier_set_board (TavlaReminderNotifier *self,
                                                          TavlaBoard            *board);
/* Checks now: into the bar when @in_window, else as notifications.
 * Returns how many reminders were shown. */
guint                  tavla_reminder_notifier_check     (TavlaReminderNotifier *self,
                                                          gboolean               in_window);
/* Stops the periodic checks (the window is going away). */
void                   tavla_reminder_notifier_stop      (TavlaReminderNotifier *self);

G_END_DECLS
