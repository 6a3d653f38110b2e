/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "tavla-snapshot-model.h"

struct _TavlaSnapshotModel
{
  GObject                parent_instance;

  GType                  item_type;
  TavlaSnapshotIdFunc    id_func;
  TavlaSnapshotSameFunc  same_func;
  /* Owned references, ordered by id. */
  GPtrArray             *snapshots;
};

static void tavla_snapshot_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TavlaSnapshotModel, tavla_snapshot_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      tavla_snapshot_model_list_model_init))

/* A run of insertions or removals waiting to be announced, so that a block
 * of new rows is one items-changed (pos, 0, n). */
typedef struct
{
  guint position;
  guint removed;
  guint added;
} PendingChange;

static void
flush_pending (TavlaSnapshotModel *self,
               PendingChange      *pending)
{
  if (pending->removed == 0 && pending->added == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), pending->position,
                              pending->removed, pending->added);
  pending->removed = 0;
  pending->added = 0;
}

/* Removals and insertions that touch the end of the pending block join
 * it; anything else announces the block first. */
static void
begin_pending (TavlaSnapshotModel *self,
               PendingChange      *pending,
               guint               position)
{
  if ((pending->removed > 0 || pending->added > 0) &&
      position == pending->position + pending->added)
    return;

  flush_pending (self, pending);
  pending->position = position;
}

/* Binary search for @id; returns TRUE when found, and the position where it
 * is or would be inserted. */
static gboolean
find_position (TavlaSnapshotModel *self,
               gint64              id,
               guint              *out_position)
{
  guint low = 0;
  guint high = self->snapshots->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      gint64 middle_id = self->id_func (g_ptr_array_index (self->snapshots, middle));

      if (middle_id == id)
        {
          *out_position = middle;
          return TRUE;
        }
      if (middle_id < id)
        low = middle + 1;
      else
        high = middle;
    }

  *out_position = low;

  return FALSE;
}

static GType
tavla_snapshot_model_get_item_type (GListModel *model)
{
  return TAVLA_SNAPSHOT_MODEL (model)->item_type;
}

static guint
tavla_snapshot_model_get_n_items (GListModel *model)
{
  return TAVLA_SNAPSHOT_MODEL (model)->snapshots->len;
}

static gpointer
tavla_snapshot_model_get_item (GListModel *model,
                               guint       position)
{
  TavlaSnapshotModel *self = TAVLA_SNAPSHOT_MODEL (model);

  if (position >= self->snapshots->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->snapshots, position));
}

static void
tavla_snapshot_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tavla_snapshot_model_get_item_type;
  iface->get_n_items = tavla_snapshot_model_get_n_items;
  iface->get_item = tavla_snapshot_model_get_item;
}

static void
tavla_snapshot_model_finalize (GObject *object)
{
  TavlaSnapshotModel *self = (TavlaSnapshotModel *) object;

  g_clear_pointer (&self->snapshots, g_ptr_array_unref);

  G_OBJECT_CLASS (tavla_snapshot_model_parent_class)->finalize (object);
}

static void
tavla_snapshot_model_class_init (TavlaSnapshotModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tavla_snapshot_model_finalize;
}

static void
tavla_snapshot_model_init (TavlaSnapshotModel *self)
{
  self->snapshots = g_ptr_array_new_with_free_func (g_object_unref);
}

TavlaSnapshotModel *
tavla_snapshot_model_new (GType                 item_type,
                          TavlaSnapshotIdFunc   id_func,
                          TavlaSnapshotSameFunc same_func)
{
  TavlaSnapshotModel *self = g_object_new (TAVLA_TYPE_SNAPSHOT_MODEL, NULL);

  self->item_type = item_type;
  self->id_func = id_func;
  self->same_func = same_func;

  return self;
}

gboolean
tavla_snapshot_model_update (TavlaSnapshotModel *self,
                             GPtrArray          *snapshots)
{
  PendingChange pending = { 0 };
  gboolean changed = FALSE;
  guint i = 0;
  guint j = 0;

  g_return_val_if_fail (TAVLA_IS_SNAPSHOT_MODEL (self), FALSE);
  g_return_val_if_fail (snapshots != NULL, FALSE);

  while (i < self->snapshots->len || j < snapshots->len)
    {
      gpointer current = i < self->snapshots->len ? g_ptr_array_index (self->snapshots, i) : NULL;
      gpointer fresh = j < snapshots->len ? g_ptr_array_index (snapshots, j) : NULL;
      gint64 current_id = current != NULL ? self->id_func (current) : G_MAXINT64;
      gint64 fresh_id = fresh != NULL ? self->id_func (fresh) : G_MAXINT64;

      if (current != NULL && fresh != NULL && current_id == fresh_id)
        {
          flush_pending (self, &pending);
          if (!self->same_func (current, fresh))
            {
              g_ptr_array_index (self->snapshots, i) = g_object_ref (fresh);
              g_object_unref (current);
              g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
              changed = TRUE;
            }
          i++;
          j++;
        }
      else if (fresh == NULL || (current != NULL && current_id < fresh_id))
        {
          begin_pending (self, &pending, i);
          g_ptr_array_remove_index (self->snapshots, i);
          pending.removed++;
          changed = TRUE;
        }
      else
        {
          begin_pending (self, &pending, i);
          g_ptr_array_insert (self->snapshots, (int) i, g_object_ref (fresh));
          pending.added++;
          changed = TRUE;
          i++;
          j++;
        }
    }

  flush_pending (self, &pending);

  return changed;
}

gboolean
tavla_snapshot_model_upsert (TavlaSnapshotModel *self,
                             gpointer            snapshot)
{
  guint position = 0;

  g_return_val_if_fail (TAVLA_IS_SNAPSHOT_MODEL (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (snapshot), FALSE);

  if (find_position (self, self->id_func (snapshot), &position))
    {
      gpointer current = g_ptr_array_index (self->snapshots, position);

      if (self->same_func (current, snapshot))
        return FALSE;

      g_ptr_array_index (self->snapshots, position) = g_object_ref (snapshot);
      g_object_unref (current);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return TRUE;
    }

  g_ptr_array_insert (self->snapshots, (int) position, g_object_ref (snapshot));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);

  return TRUE;
}

void
tavla_snapshot_model_reset (TavlaSnapshotModel *self,
                            GPtrArray          *snapshots)
{
  guint removed = 0;

  g_return_if_fail (TAVLA_IS_SNAPSHOT_MODEL (self));
  g_return_if_fail (snapshots != NULL);

  removed = self->snapshots->len;
  g_ptr_array_set_size (self->snapshots, 0);
  for (guint i = 0; i < snapshots->len; i++)
    g_ptr_array_add (self->snapshots, g_object_ref (g_ptr_array_index (snapshots, i)));

  if (removed > 0 || snapshots->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, snapshots->len);
}

gpointer
tavla_snapshot_model_lookup (TavlaSnapshotModel *self,
                             gint64              id)
{
  guint position = 0;

  g_return_val_if_fail (TAVLA_IS_SNAPSHOT_MODEL (self), NULL);

  if (!find_position (self, id, &position))
    return NULL;

  return g_ptr_array_index (self->snapshots, position);
}
