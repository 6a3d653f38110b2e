/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-department.h"
#include "tavla-history-entry.h"
#include "tavla-item.h"
#include "tavla-person.h"

G_BEGIN_DECLS

#define TAVLA_TYPE_STORE (tavla_store_get_type ())
G_DECLARE_DERIVABLE_TYPE (TavlaStore, tavla_store, TAVLA, STORE, GObject)

/*
 * TavlaStore is persistence only: rows in, rows out, transactions and
 * optimistic versions. It holds no domain rules (TavlaBoard does), so a
 * second backend (a shared PostgreSQL database) implements the same vfuncs.
 * TavlaSqliteStore is the embedded default.
 *
 * Writes happen between begin_write() and commit() (or rollback()). Object
 * kinds in the history are the machine names "item", "person",
 * "department", "metric", ... as in the schema.
 */

/* The stored form of an item: owner and department by id (0 for none). */
typedef struct
{
  gint64       id;
  gint64       version;        /* for update: the version it is based on */
  const char  *title;
  const char  *description;
  gint64       owner_id;
  const char  *due;
  gint64       department_id;
  TavlaSource  source;
  gboolean     strategic;
  TavlaStatus  status;
  TavlaMark    mark;
  const char  *created;
  const char  *updated;
} TavlaStoreItemRow;

/* How many rows a store holds, for "is the board empty?". */
typedef struct
{
  guint64 items;
  guint64 people;
  guint64 departments;
} TavlaStoreCounts;

struct _TavlaStoreClass
{
  GObjectClass parent_class;

  gboolean    (*begin_write)          (TavlaStore               *self,
                                       GError                  **error);
  gboolean    (*commit)               (TavlaStore               *self,
                                       GError                  **error);
  void        (*rollback)             (TavlaStore               *self);

  gboolean    (*is_read_only)         (TavlaStore               *self);
  const char *(*get_read_only_reason) (TavlaStore               *self);
  /* A number that changes when another connection committed. */
  gboolean    (*get_data_version)     (TavlaStore               *self,
                                       gint64                   *out_version,
                                       GError                  **error);
  gboolean    (*count)                (TavlaStore               *self,
                                       TavlaStoreCounts         *out_counts,
                                       GError                  **error);

  /* Element type TavlaItem / TavlaPerson / TavlaDepartment, ordered by id. */
  GPtrArray  *(*list_items)           (TavlaStore               *self,
                                       GError                  **error);
  TavlaItem  *(*get_item)             (TavlaStore               *self,
                                       gint64                    id,
                                       GError                  **error);
  GPtrArray  *(*list_people)          (TavlaStore               *self,
                                       GError                  **error);
  GPtrArray  *(*list_departments)     (TavlaStore               *self,
                                       GError                  **error);

  /* 0 with no error when nobody has that name. */
  gint64      (*find_person_id)       (TavlaStore               *self,
                                       const char               *name,
                                       GError                  **error);
  gint64      (*find_department_id)   (TavlaStore               *self,
                                       const char               *name,
                                       GError                  **error);

  /* Inserts return the new id, or 0 with @error set. */
  gint64      (*insert_person)        (TavlaStore               *self,
                                       const char               *name,
                                       const char               *role,
                                       const char               *email,
                                       const char               *created,
                                       GError                  **error);
  gint64      (*insert_department)    (TavlaStore               *self,
                                       const char               *name,
                                       const char               *code,
                                       const char               *created,
                                       GError                  **error);
  gint64      (*insert_item)          (TavlaStore               *self,
                                       const TavlaStoreItemRow  *row,
                                       GError                  **error);
  /* Writes @row when the stored version still is row->version, raising it
   * by one; otherwise TAVLA_STORE_ERROR_CONFLICT and nothing written. */
  gboolean    (*update_item)          (TavlaStore               *self,
                                       const TavlaStoreItemRow  *row,
                                       GError                  **error);

  /* A fresh change id for a group of history rows. */
  gint64      (*next_change_id)       (TavlaStore               *self,
                                       GError                  **error);
  gboolean    (*insert_history)       (TavlaStore               *self,
                                       const char               *object_kind,
                                       const TavlaHistoryFields *fields,
                                       GError                  **error);
  /* TavlaHistoryEntry, oldest first. */
  GPtrArray  *(*list_history)         (TavlaStore               *self,
                                       const char               *object_kind,
                                       gint64                    object_id,
                                       GError                  **error);
  /* TavlaLink. */
  GPtrArray  *(*list_links)           (TavlaStore               *self,
                                       gint64                    item_id,
                                       GError                  **error);

  gpointer padding[16];
};

gboolean    tavla_store_begin_write          (TavlaStore               *self,
                                              GError                  **error);
gboolean    tavla_store_commit               (TavlaStore               *self,
                                              GError                  **error);
void        tavla_store_rollback             (TavlaStore               *self);
gboolean    tavla_store_is_read_only         (TavlaStore               *self);
const char *tavla_store_get_read_only_reason (TavlaStore               *self);
gboolean    tavla_store_get_data_version     (TavlaStore               *self,
                                              gint64                   *out_version,
                                              GError                  **error);
gboolean    tavla_store_count                (TavlaStore               *self,
                                              TavlaStoreCounts         *out_counts,
                                              GError                  **error);
GPtrArray  *tavla_store_list_items           (TavlaStore               *self,
                                              GError                  **error);
TavlaItem  *tavla_store_get_item             (TavlaStore               *self,
                                              gint64                    id,
                                              GError                  **error);
GPtrArray  *tavla_store_list_people          (TavlaStore               *self,
                                              GError                  **error);
GPtrArray  *tavla_store_list_departments     (TavlaStore               *self,
                                              GError                  **error);
gint64      tavla_store_find_person_id       (TavlaStore               *self,
                                              const char               *name,
                                              GError                  **error);
gint64      tavla_store_find_department_id   (TavlaStore               *self,
                                              const char               *name,
                                              GError                  **error);
gint64      tavla_store_insert_person        (TavlaStore               *self,
                                              const char               *name,
                                              const char               *role,
                                              const char               *email,
                                              const char               *created,
                                              GError                  **error);
gint64      tavla_store_insert_department    (TavlaStore               *self,
                                              const char               *name,
                                              const char               *code,
                                              const char               *created,
                                              GError                  **error);
gint64      tavla_store_insert_item          (TavlaStore               *self,
                                              const TavlaStoreItemRow  *row,
                                              GError                  **error);
gboolean    tavla_store_update_item          (TavlaStore               *self,
                                              const TavlaStoreItemRow  *row,
                                              GError                  **error);
gint64      tavla_store_next_change_id       (TavlaStore               *self,
                                              GError                  **error);
gboolean    tavla_store_insert_history       (TavlaStore               *self,
                                              const char               *object_kind,
                                              const TavlaHistoryFields *fields,
                                              GError                  **error);
GPtrArray  *tavla_store_list_history         (TavlaStore               *self,
                                              const char               *object_kind,
                                              gint64                    object_id,
                                              GError                  **error);
GPtrArray  *tavla_store_list_links           (TavlaStore               *self,
                                              gint64                    item_id,
                                              GError                  **error);

G_END_DECLS
