/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-department.h"
#include "tavla-history-entry.h"
#include "tavla-item.h"
#include "tavla-person.h"
#include "tavla-rules.h"

G_BEGIN_DECLS

#define TAVLA_TYPE_BOARD (tavla_board_get_type ())
G_DECLARE_FINAL_TYPE (TavlaBoard, tavla_board, TAVLA, BOARD, GObject)

/*
 * TavlaBoard is the service the GUI and the CLI talk to: it owns the store
 * connection, applies the domain rules, and exposes live list models.
 *
 * Models returned by the getters are owned by the board and stay the same
 * object for the board's life; after a change (made here or, once
 * tavla_board_set_watch() is on, by another process) they emit the minimal
 * items-changed: a changed item is replaced by a new snapshot in place, a
 * new item is inserted at its position (items are ordered by id).
 *
 * Signals: "changed" after any refresh that altered the models;
 * "metrics-changed" after any committed write to metrics, response groups,
 * measurements or deviations, and after a refresh that saw another process
 * commit (see tavla-board-metrics.h).
 *
 * Ownership: the three models from tavla_board_get_people(),
 * tavla_board_get_departments() and tavla_board_get_items() belong to the
 * board (transfer none). Every other function that returns an object, a
 * model or an array returns a new reference the caller frees (transfer
 * full), including tavla_board_find_person() and
 * tavla_board_find_department(), which return NULL when nothing matches.
 * tavla_board_find_department() matches the name or the short code.
 */

typedef struct
{
  gint64  id;
  char   *kind;       /* "metric", "deviation", "agreement", "casetype",
                         "recommendation", "feedback" */
  gint64  target_id;
  char   *label;      /* a short human label of the target, may be NULL */
  char   *created;
} TavlaLink;

void         tavla_link_free (TavlaLink *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaLink, tavla_link_free)

/* $XDG_DATA_HOME/tavla/tavla.db */
char        *tavla_default_database_path (void);
/* --actor, else $TAVLA_USER, else the login's real name. */
char        *tavla_default_actor         (void);

/* Opens (creating it, its folder 0700 and the file 0600 when missing) and
 * migrates the database at @path. A file from a newer Tavla opens read-only. */
TavlaBoard  *tavla_board_open            (const char  *path,
                                          GError     **error);
const char  *tavla_board_get_path        (TavlaBoard  *self);
gboolean     tavla_board_is_read_only    (TavlaBoard  *self);
/* Why the board is read-only, translated; NULL when writable. */
const char  *tavla_board_get_read_only_reason (TavlaBoard *self);
/* Whether the board has no items, people or departments yet. */
gboolean     tavla_board_is_empty        (TavlaBoard  *self);

/* Poll for commits from other processes (PRAGMA data_version) on the
 * thread-default main context and refresh the models. */
void         tavla_board_set_watch       (TavlaBoard  *self,
                                          gboolean     watch);
/* Refresh now; returns TRUE when something had changed. */
gboolean     tavla_board_refresh         (TavlaBoard  *self,
                                          GError     **error);

/* People and departments. Names are unique; an empty or duplicate name is
 * a TAVLA_INPUT_ERROR. */
GListModel      *tavla_board_get_people       (TavlaBoard  *self);
TavlaPerson     *tavla_board_add_person       (TavlaBoard  *self,
                                               const char  *name,
                                               const char  *role,
                                               const char  *email,
                                               const char  *actor,
                                               GError     **error);
TavlaPerson     *tavla_board_find_person      (TavlaBoard  *self,
                                               const char  *name);
GListModel      *tavla_board_get_departments  (TavlaBoard  *self);
TavlaDepartment *tavla_board_add_department   (TavlaBoard  *self,
                                               const char  *name,
                                               const char  *code,
                                               const char  *actor,
                                               GError     **error);
TavlaDepartment *tavla_board_find_department  (TavlaBoard  *self,
                                               const char  *name);

/* Items. All items, closed ones too, ordered by id. */
GListModel  *tavla_board_get_items       (TavlaBoard  *self);
TavlaItem   *tavla_board_get_item        (TavlaBoard  *self,
                                          gint64       id,
                                          GError     **error);
/* Creates a new item (status new, no mark) from the fields in @fields.
 * Writes the item and its "created" history row in one transaction. */
TavlaItem   *tavla_board_create_item     (TavlaBoard             *self,
                                          const TavlaItemChange  *fields,
                                          const char             *actor,
                                          GError                **error);
/* Applies @change under the rules; one history row per changed field, in
 * the same transaction. Setting a field to its current value writes
 * nothing for that field; a change that changes nothing is not an error and
 * returns the current item. */
TavlaItem   *tavla_board_update_item     (TavlaBoard             *self,
                                          gint64                  id,
                                          const TavlaItemChange  *change,
                                          const char             *actor,
                                          GError                **error);
/* Reverts the item's most recent change as a new change whose history rows
 * carry field values back and the note "Undo". Refused when the last
 * change was the creation. */
TavlaItem   *tavla_board_undo_last_change (TavlaBoard  *self,
                                           gint64       item_id,
                                           const char  *actor,
                                           GError     **error);
/* History, oldest first (TavlaHistoryEntry). */
GListModel  *tavla_board_list_history    (TavlaBoard  *self,
                                          gint64       item_id,
                                          GError     **error);
/* Links of an item (TavlaLink, owned by the array). */
GPtrArray   *tavla_board_list_links      (TavlaBoard  *self,
                                          gint64       item_id,
                                          GError     **error);

/* Fills an empty board with the demo kundcenter (people, departments,
 * about 30 proposals with history). Refused on a board that has items. */
gboolean     tavla_board_load_demo       (TavlaBoard  *self,
                                          GError     **error);

G_END_DECLS
