/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>
#include <tavla/tavla.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_MEETINGS_VIEW (tavla_meetings_view_get_type ())
G_DECLARE_FINAL_TYPE (TavlaMeetingsView, tavla_meetings_view, TAVLA, MEETINGS_VIEW, GtkWidget)

/*
 * The Meetings page: plan a meeting, see its agenda (or, once closed, its
 * minutes), save or print it, and start or resume it in meeting mode.
 * Without a meeting chosen it shows the weekly agenda for today.
 */
void              tavla_meetings_view_set_board    (TavlaMeetingsView *self,
                                                    TavlaBoard        *board);
void              tavla_meetings_view_reload       (TavlaMeetingsView *self);
/* Opens meeting mode for @meeting_id (starting a planned meeting). */
GtkWindow        *tavla_meetings_view_run_meeting  (TavlaMeetingsView *self,
                                                    gint64             meeting_id);

G_END_DECLS
