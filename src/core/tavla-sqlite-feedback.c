/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tavla-error.h"
#include "tavla-sqlite-feedback.h"
#include "tavla-sqlite-store-private.h"

/*
 * The fourth part of the SQLite store: the citizen feedback register and
 * the settings it keeps (TavlaFeedbackStore). Rows in, rows out; the
 * rules are the board's. A purged row keeps an empty text (the column is
 * NOT NULL) and the day it was purged.
 */

#define STORE(s) TAVLA_SQLITE_STORE (s)

#define SELECT_FEEDBACK \
  "SELECT f.id, f.version, f.date, f.channel, f.department_id, d.name, f.category, f.text," \
  " f.personal_data, f.passed_on, f.passed_on_date, f.purged, f.created, f.updated," \
  " (SELECT count(*) FROM item_link l WHERE l.kind = 'feedback' AND l.target_id = f.id)" \
  " FROM feedback f LEFT JOIN department d ON d.id = f.department_id"

static TavlaFeedback *
read_feedback (sqlite3_stmt  *stmt,
               GError       **error)
{
  TavlaFeedbackFields fields = { 0 };

  fields.id = sqlite3_column_int64 (stmt, 0);
  fields.version = sqlite3_column_int64 (stmt, 1);
  fields.date = column_text (stmt, 2);
  fields.department_id = sqlite3_column_int64 (stmt, 4);
  fields.department = column_text (stmt, 5);
  fields.text = column_text (stmt, 7);
  fields.personal_data = sqlite3_column_int (stmt, 8) != 0;
  fields.passed_on = sqlite3_column_int (stmt, 9) != 0;
  fields.passed_on_date = column_text (stmt, 10);
  fields.purged = column_text (stmt, 11);
  fields.created = column_text (stmt, 12);
  fields.updated = column_text (stmt, 13);
  fields.n_items = sqlite3_column_int (stmt, 14);

  if (!tavla_feedback_channel_from_string (column_text (stmt, 3), &fields.channel) ||
      !tavla_feedback_category_from_string (column_text (stmt, 6), &fields.category))
    {
      g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                           _("The database holds feedback of an unknown kind; it may come from a newer Tavla or be damaged."));
      return NULL;
    }

  return tavla_feedback_new (&fields);
}

static void
bind_query (sqlite3_stmt                  *stmt,
            const TavlaStoreFeedbackQuery *query)
{
  bind_text_or_null (stmt, 1, query != NULL ? query->from : NULL);
  bind_text_or_null (stmt, 2, query != NULL ? query->to : NULL);
  sqlite3_bind_int64 (stmt, 3, query != NULL ? query->department_id : 0);
}

static GPtrArray *
tavla_sqlite_feedback_list (TavlaFeedbackStore             *store,
                            const TavlaStoreFeedbackQuery  *query,
                            GError                        **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self,
                                       SELECT_FEEDBACK
                                       " WHERE (?1 IS NULL OR f.date >= ?1) AND (?2 IS NULL OR f.date <= ?2)"
                                       " AND (?3 = 0 OR f.department_id = ?3)"
                                       " ORDER BY f.date DESC, f.id DESC", error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TavlaFeedback *feedback = read_feedback (stmt, error);

      if (feedback == NULL)
        return NULL;
      g_ptr_array_add (list, feedback);
    }
  if (rc != SQLITE_DONE)
    {
      tavla_sqlite_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

static TavlaFeedback *
tavla_sqlite_feedback_get (TavlaFeedbackStore  *store,
                           gint64               id,
                           GError             **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self, SELECT_FEEDBACK " WHERE f.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_feedback (stmt, error);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND,
                   _("There is no feedback %s; “feedback list” shows them."), number);
    }
  else
    tavla_sqlite_store_fail (self, rc, error);

  return NULL;
}

/* Binds ?1-?10 of the insert and the update. */
static void
bind_row (sqlite3_stmt                *stmt,
          const TavlaStoreFeedbackRow *row)
{
  bind_text_or_null (stmt, 1, row->date);
  bind_text_or_null (stmt, 2, tavla_feedback_channel_to_string (row->channel));
  bind_id_or_null (stmt, 3, row->department_id);
  bind_text_or_null (stmt, 4, tavla_feedback_category_to_string (row->category));
  /* A purged text is stored empty: the column is NOT NULL. */
  bind_text_or_null (stmt, 5, row->purged != NULL || row->text == NULL ? "" : row->text);
  sqlite3_bind_int (stmt, 6, row->personal_data ? 1 : 0);
  sqlite3_bind_int (stmt, 7, row->passed_on ? 1 : 0);
  bind_text_or_null (stmt, 8, row->passed_on_date);
  bind_text_or_null (stmt, 9, row->purged);
  bind_text_or_null (stmt, 10, row->updated);
}

static gint64
tavla_sqlite_feedback_insert (TavlaFeedbackStore           *store,
                              const TavlaStoreFeedbackRow  *row,
                              GError                      **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return 0;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO feedback (date, channel, department_id, category, text,"
                                       " personal_data, passed_on, passed_on_date, purged, updated, version,"
                                       " created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11)",
                                       error);
  if (stmt == NULL)
    return 0;
  bind_row (stmt, row);
  bind_text_or_null (stmt, 11, row->created);

  return tavla_sqlite_store_step_insert (self, stmt, error);
}

static gboolean
tavla_sqlite_feedback_update (TavlaFeedbackStore           *store,
                              const TavlaStoreFeedbackRow  *row,
                              GError                      **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "UPDATE feedback SET date = ?1, channel = ?2, department_id = ?3,"
                                       " category = ?4, text = ?5, personal_data = ?6, passed_on = ?7,"
                                       " passed_on_date = ?8, purged = ?9, updated = ?10,"
                                       " version = version + 1 WHERE id = ?11 AND version = ?12", error);
  if (stmt == NULL)
    return FALSE;
  bind_row (stmt, row);
  sqlite3_bind_int64 (stmt, 11, row->id);
  sqlite3_bind_int64 (stmt, 12, row->version);

  if (!tavla_sqlite_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT,
                           _("Someone else changed this feedback first; reload it and make the change again."));
      return FALSE;
    }

  return TRUE;
}

static GArray *
tavla_sqlite_feedback_list_items (TavlaFeedbackStore             *store,
                                  const TavlaStoreFeedbackQuery  *query,
                                  gint64                          feedback_id,
                                  GError                        **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self,
                                       "SELECT DISTINCT l.item_id FROM item_link l"
                                       " JOIN feedback f ON f.id = l.target_id AND l.kind = 'feedback'"
                                       " WHERE (?4 <> 0 AND f.id = ?4) OR (?4 = 0"
                                       " AND (?1 IS NULL OR f.date >= ?1) AND (?2 IS NULL OR f.date <= ?2)"
                                       " AND (?3 = 0 OR f.department_id = ?3))"
                                       " ORDER BY l.item_id", error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, query);
  sqlite3_bind_int64 (stmt, 4, feedback_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      tavla_sqlite_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

static char *
tavla_sqlite_feedback_get_setting (TavlaFeedbackStore  *store,
                                   const char          *key,
                                   GError             **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self, "SELECT value FROM setting WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;
  bind_text_or_null (stmt, 1, key);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    tavla_sqlite_store_fail (self, rc, error);

  return NULL;
}

static gboolean
tavla_sqlite_feedback_set_setting (TavlaFeedbackStore  *store,
                                   const char          *key,
                                   const char          *value,
                                   GError             **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO setting (key, value) VALUES (?1, ?2)"
                                       " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                                       " version = version + 1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, key);
  bind_text_or_null (stmt, 2, value);

  return tavla_sqlite_store_step_done (self, stmt, error);
}

static gboolean
tavla_sqlite_feedback_checkpoint (TavlaFeedbackStore  *store,
                                  GError             **error)
{
  TavlaSqliteStore *self = STORE (store);
  int rc = SQLITE_OK;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (rc != SQLITE_OK)
    return tavla_sqlite_store_fail (self, rc, error);

  return TRUE;
}

void
tavla_sqlite_feedback_interface_init (TavlaFeedbackStoreInterface *iface)
{
  iface->list_feedback = tavla_sqlite_feedback_list;
  iface->get_feedback = tavla_sqlite_feedback_get;
  iface->insert_feedback = tavla_sqlite_feedback_insert;
  iface->update_feedback = tavla_sqlite_feedback_update;
  iface->list_items = tavla_sqlite_feedback_list_items;
  iface->get_setting = tavla_sqlite_feedback_get_setting;
  iface->set_setting = tavla_sqlite_feedback_set_setting;
  iface->checkpoint = tavla_sqlite_feedback_checkpoint;
}
