/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_REMINDER_BAR (tavla_reminder_bar_get_type ())
G_DECLARE_FINAL_TYPE (TavlaReminderBar, tavla_reminder_bar, TAVLA, REMINDER_BAR, GtkWidget)

/*
 * The reminders shown inside the window, under the header bar: those that
 * were due when the window opened, and those no desktop notification
 * could show. Each row has an Open button; "Dismiss" hides them all.
 *
 * Signals: "open-reminder" (object kind, object id) when a row's Open is
 * pressed; the window decides what that shows.
 */

GtkWidget *tavla_reminder_bar_new             (void);
/* Adds a row for @reminder (copied) and reveals the bar; a reminder with
 * the same key already listed is not added twice. */
void       tavla_reminder_bar_add             (TavlaReminderBar    *self,
                                               const TavlaReminder *reminder);
void       tavla_reminder_bar_clear           (TavlaReminderBar    *self);
guint      tavla_reminder_bar_get_n_reminders (TavlaReminderBar    *self);

G_END_DECLS
