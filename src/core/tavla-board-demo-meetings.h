/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <json-glib/json-glib.h>

#include "tavla-board.h"

G_BEGIN_DECLS

/* Loads the "meetings" section of the demo data (when there is one) into a
 * board that has the demo's people, departments and items, inside the
 * loader's batch; @real_now is the day the demo is loaded. */
gboolean tavla_board_demo_load_meetings (TavlaBoard  *self,
                                         JsonObject  *root,
                                         GDateTime   *real_now,
                                         GError     **error);

G_END_DECLS
