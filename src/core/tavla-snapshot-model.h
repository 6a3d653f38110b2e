/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TAVLA_TYPE_SNAPSHOT_MODEL (tavla_snapshot_model_get_type ())
G_DECLARE_FINAL_TYPE (TavlaSnapshotModel, tavla_snapshot_model, TAVLA, SNAPSHOT_MODEL, GObject)

/*
 * A GListModel of immutable snapshots (items, people, departments) ordered
 * by id. Updating it from a fresh read emits the minimal items-changed: a
 * changed snapshot is replaced in place (pos, 1, 1), new ones are inserted
 * in runs (pos, 0, n), vanished ones removed. Never a full reset, except
 * by tavla_snapshot_model_reset() when the database itself was swapped.
 */

typedef gint64   (*TavlaSnapshotIdFunc)   (gpointer snapshot);
typedef gboolean (*TavlaSnapshotSameFunc) (gpointer a,
                                           gpointer b);

TavlaSnapshotModel *tavla_snapshot_model_new    (GType                  item_type,
                                                 TavlaSnapshotIdFunc    id_func,
                                                 TavlaSnapshotSameFunc  same_func);
/* @snapshots is ordered by id; returns TRUE when the model changed. */
gboolean            tavla_snapshot_model_update (TavlaSnapshotModel    *self,
                                                 GPtrArray             *snapshots);
/* Inserts @snapshot at its place or replaces the one with its id. */
gboolean            tavla_snapshot_model_upsert (TavlaSnapshotModel    *self,
                                                 gpointer               snapshot);
void                tavla_snapshot_model_reset  (TavlaSnapshotModel    *self,
                                                 GPtrArray             *snapshots);
/* Borrowed; NULL when absent. */
gpointer            tavla_snapshot_model_lookup (TavlaSnapshotModel    *self,
                                                 gint64                 id);

G_END_DECLS
