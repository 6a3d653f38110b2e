/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_MEETING_MODE (tavla_meeting_mode_get_type ())
G_DECLARE_FINAL_TYPE (TavlaMeetingMode, tavla_meeting_mode, TAVLA, MEETING_MODE, AdwWindow)

/*
 * Meeting mode, for the projector: one agenda entry of a running meeting
 * at a time in large type, walked with the keyboard alone. Every change
 * goes through the core with the meeting's id, so it lands in the item's
 * history and in the minutes. Closing the meeting shows the minutes, ready
 * to save or print. Leaving (Esc) keeps the meeting running where it
 * stands, to resume later.
 */
TavlaMeetingMode *tavla_meeting_mode_new        (GtkWindow  *parent,
                                                 TavlaBoard *board,
                                                 gint64      meeting_id);
/* Presents the window full screen. */
void              tavla_meeting_mode_present    (TavlaMeetingMode *self);
/* The meeting as the window last read it. */
TavlaMeeting     *tavla_meeting_mode_get_meeting (TavlaMeetingMode *self);

/* The minutes as Pango markup (user text escaped), for the screen. */
char             *tavla_minutes_dup_markup      (TavlaMinutes     *minutes);

G_END_DECLS
