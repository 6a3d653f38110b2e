/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

#include "tavla-item.h"

G_BEGIN_DECLS

/* Which fields a TavlaItemChange sets. */
typedef enum
{
  TAVLA_ITEM_FIELD_NONE        = 0,
  TAVLA_ITEM_FIELD_TITLE       = 1 << 0,
  TAVLA_ITEM_FIELD_DESCRIPTION = 1 << 1,
  TAVLA_ITEM_FIELD_OWNER       = 1 << 2,
  TAVLA_ITEM_FIELD_DUE         = 1 << 3,
  TAVLA_ITEM_FIELD_DEPARTMENT  = 1 << 4,
  TAVLA_ITEM_FIELD_SOURCE      = 1 << 5,
  TAVLA_ITEM_FIELD_STRATEGIC   = 1 << 6,
  TAVLA_ITEM_FIELD_STATUS      = 1 << 7,
  TAVLA_ITEM_FIELD_MARK        = 1 << 8,
  TAVLA_ITEM_FIELD_NOTE        = 1 << 9,
} TavlaItemField;

/*
 * A proposed change to an item, or the fields of a new one. Only the fields
 * named in @set are applied. Owner and department are given by name; NULL
 * or "" clears them. Strings are borrowed. @note is the note written with
 * the history rows (required for some status moves). @expected_version is
 * the version the user saw: when non-zero and the stored item has moved on,
 * the change is refused with TAVLA_STORE_ERROR_CONFLICT. @meeting_id (0 for
 * none) attributes the change to a meeting in the history.
 */
typedef struct
{
  TavlaItemField  set;
  const char     *title;
  const char     *description;
  const char     *owner;
  const char     *due;
  const char     *department;
  TavlaSource     source;
  gboolean        strategic;
  TavlaStatus     status;
  TavlaMark       mark;
  const char     *note;
  gint64          expected_version;
  gint64          meeting_id;
} TavlaItemChange;

#define TAVLA_ITEM_TITLE_MAX_CHARS 200

/*
 * The item rules, in one place. Checks @change against @current (NULL when
 * creating: then the item starts as "new" without a mark) and returns FALSE
 * with a TAVLA_INPUT_ERROR naming the field and the fix. @out_field (may be
 * NULL) tells which field is at fault so a form can show the message beside
 * it. This is pure: it does not check that owner or department exist, which
 * the board does against the store.
 *
 * The rules: the title is 1-200 characters after trimming; the due date is
 * a real YYYY-MM-DD date; leaving "new" for "in-progress" needs an owner and
 * a due date; "done" needs a note saying what was achieved; "rejected"
 * needs a note with the reason; reopening a done or rejected item needs a
 * note; marks apply only to items in progress (moving an item out of
 * "in-progress" clears its mark).
 */
gboolean  tavla_item_rules_check (TavlaItem              *current,
                                  const TavlaItemChange  *change,
                                  TavlaItemField         *out_field,
                                  GError                **error);

/* A query over the board, shared by the GUI's filters and `item list`. */
typedef struct
{
  guint        statuses;       /* bit (1 << TavlaStatus); 0 for all */
  const char  *owner;          /* exact name, NULL for any */
  const char  *department;     /* exact name, NULL for any */
  const char  *search;         /* folded with tavla_text_fold(); NULL or "" for any */
  gboolean     overdue_only;
  const char  *today;          /* ISO date for "overdue"; NULL for today */
  gboolean     strategic_only;
} TavlaItemQuery;

gboolean  tavla_item_query_matches   (const TavlaItemQuery *query,
                                      TavlaItem            *item);

/* Case- and accent-insensitive form of @text for search ("Ärende" matches
 * "ärende"). */
char     *tavla_text_fold            (const char *text);

/* Board order within a column: due date first (none last), then id. */
int       tavla_item_compare_for_board (TavlaItem *a,
                                        TavlaItem *b);

G_END_DECLS
