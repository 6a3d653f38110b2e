/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <json-glib/json-glib.h>

#include "tavla-board.h"

G_BEGIN_DECLS

/*
 * What the demo's loaders (tavla-board-demo*.c) share: reading members of
 * the demo file leniently (a missing or mistyped member reads as absent),
 * the error for a damaged file, and the backdated clock.
 */
const char *tavla_demo_member_string      (JsonObject  *object,
                                           const char  *name);
gboolean    tavla_demo_member_int         (JsonObject  *object,
                                           const char  *name,
                                           gint64      *out_value);
JsonArray  *tavla_demo_member_array       (JsonObject  *object,
                                           const char  *name);
JsonObject *tavla_demo_member_object      (JsonObject  *object,
                                           const char  *name);
gboolean    tavla_demo_error              (GError     **error,
                                           const char  *what);
/* Makes the core's clock read @days_ago days before @real_now. */
void        tavla_demo_set_clock_days_ago (GDateTime   *real_now,
                                           gint64       days_ago);
/* The ISO date @days days after @real_now (negative: before). */
char       *tavla_demo_date_days_from     (GDateTime   *real_now,
                                           gint64       days);

/* Loads the "audits" section (tavla-board-demo-audits.c) into a board that
 * has the demo's people and items, inside the loader's batch. */
gboolean    tavla_board_demo_load_audits  (TavlaBoard  *self,
                                           JsonObject  *root,
                                           GDateTime   *real_now,
                                           GError     **error);

/* The "feedback" section of the demo data, when there is one
 * (tavla-board-demo-feedback.c), after the departments and items, inside
 * the loader's batch. */
gboolean    tavla_board_demo_load_feedback (TavlaBoard  *self,
                                            JsonObject  *root,
                                            GDateTime   *real_now,
                                            GError     **error);

G_END_DECLS
