/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-board-meetings.h"
#include "tavla-department.h"
#include "tavla-store-meetings.h"

G_BEGIN_DECLS

/* Shared by tavla-board-meetings.c and tavla-agenda.c. */
TavlaMeetingStore *tavla_board_get_meeting_store  (TavlaBoard   *self,
                                                   GError      **error);

/*
 * For tavla-board.c: an item change attributed to meeting @meeting_id
 * (non-zero) is accepted only while the meeting runs; it marks the item's
 * entries of that meeting "changed". Called inside the write.
 */
gboolean           tavla_board_meeting_item_changed (TavlaBoard  *self,
                                                     gint64       meeting_id,
                                                     gint64       item_id,
                                                     const char  *now,
                                                     GError     **error);

G_END_DECLS
