/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

#include "tavla-enums.h"

G_BEGIN_DECLS

#define TAVLA_TYPE_ITEM (tavla_item_get_type ())
G_DECLARE_FINAL_TYPE (TavlaItem, tavla_item, TAVLA, ITEM, GObject)

/*
 * An improvement item (förbättringsförslag) as read from the store. Items
 * are snapshots: they are never changed in place. A change goes through
 * tavla_board_update_item() and the board's list model replaces the old
 * object with a new one, so views rebind and filters re-run.
 *
 * Read-only properties: id, version, title, description, owner (name or
 * NULL), due (ISO date or NULL), department (name or NULL), source, strategic,
 * status, mark, created, updated (ISO 8601 UTC timestamps), plus the derived
 * due-label ("2026-12-03 (w. 49)"), n-links and has-metric (linked to a
 * metric, directly or through a deviation: the board card's badge).
 */

typedef struct
{
  gint64       id;
  gint64       version;
  const char  *title;
  const char  *description;
  const char  *owner;
  const char  *due;
  const char  *department;
  TavlaSource  source;
  gboolean     strategic;
  TavlaStatus  status;
  TavlaMark    mark;
  const char  *created;
  const char  *updated;
  guint        n_links;
  gboolean     has_metric;
} TavlaItemFields;

TavlaItem   *tavla_item_new             (const TavlaItemFields *fields);
gint64       tavla_item_get_id          (TavlaItem *self);
gint64       tavla_item_get_version     (TavlaItem *self);
const char  *tavla_item_get_title       (TavlaItem *self);
const char  *tavla_item_get_description (TavlaItem *self);
const char  *tavla_item_get_owner       (TavlaItem *self);
const char  *tavla_item_get_due         (TavlaItem *self);
const char  *tavla_item_get_department  (TavlaItem *self);
TavlaSource  tavla_item_get_source      (TavlaItem *self);
gboolean     tavla_item_get_strategic   (TavlaItem *self);
TavlaStatus  tavla_item_get_status      (TavlaItem *self);
TavlaMark    tavla_item_get_mark        (TavlaItem *self);
const char  *tavla_item_get_created     (TavlaItem *self);
const char  *tavla_item_get_updated     (TavlaItem *self);
guint        tavla_item_get_n_links     (TavlaItem *self);
gboolean     tavla_item_get_has_metric  (TavlaItem *self);

/* "2026-12-03 (w. 49)", translated; NULL without a due date. */
char        *tavla_item_dup_due_label   (TavlaItem *self);

/* Overdue: open (new, in progress) with a due date before @today
 * (ISO date). Done, rejected and parked items are never overdue. */
gboolean     tavla_item_is_overdue      (TavlaItem  *self,
                                         const char *today);

/* The casefolded text that search matches against (title, description,
 * owner, department), computed once per snapshot. */
const char  *tavla_item_get_search_key  (TavlaItem *self);

G_END_DECLS
