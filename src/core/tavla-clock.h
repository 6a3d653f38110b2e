/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The core's one source of "now". Tests and the demo loader set an
 * override so that timestamps, "today" and overdue are reproducible or
 * backdated; everything else reads the real clock.
 */

/* Returns the current time in UTC (the override when one is set). */
GDateTime *tavla_clock_now_utc           (void);
/* Sets (or with NULL clears) the time the core takes as now. */
void       tavla_clock_set_now_override  (GDateTime *now);
/* Sets the override to the real time shifted by @seconds (negative: past). */
void       tavla_clock_shift_override    (gint64     seconds);
void       tavla_clock_clear_override    (void);
/* The override in force, or NULL when the real clock is used. */
GDateTime *tavla_clock_dup_override      (void);

G_END_DECLS
