/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tavla-error.h"
#include "tavla-sqlite-audits.h"
#include "tavla-sqlite-store-private.h"

/*
 * The fourth part of the SQLite store: audits and their recommendations
 * (TavlaAuditStore), with the items linked to each recommendation as its
 * actions. Rows in, rows out; the rules are the board's. Whatever the
 * number of audits, a read is three queries.
 */

#define STORE(s) TAVLA_SQLITE_STORE (s)

static gboolean
damaged (GError     **error,
         const char  *what)
{
  g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
               _("The database holds an unknown %s; it may come from a newer Tavla or be damaged."), what);
  return FALSE;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (column_text (stmt, column));
}

/* recommendation id -> GPtrArray of TavlaAction */
static GHashTable *
read_actions (TavlaSqliteStore  *self,
              gint64             audit_id,
              gint64             recommendation_id,
              GError           **error)
{
  g_autoptr(GHashTable) actions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = tavla_sqlite_store_statement (self,
                                       "SELECT l.target_id, i.id, i.title, i.status, i.mark, p.name, i.due"
                                       " FROM item_link l JOIN item i ON i.id = l.item_id"
                                       " JOIN recommendation r ON r.id = l.target_id"
                                       " LEFT JOIN person p ON p.id = i.owner_id"
                                       " WHERE l.kind = 'recommendation' AND (?1 = 0 OR r.audit_id = ?1)"
                                       " AND (?2 = 0 OR r.id = ?2) ORDER BY i.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, audit_id);
  sqlite3_bind_int64 (stmt, 2, recommendation_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 target = sqlite3_column_int64 (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (actions, &target);
      TavlaAction *action = g_new0 (TavlaAction, 1);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_action_free);
          g_hash_table_insert (actions, g_memdup2 (&target, sizeof target), list);
        }
      action->id = sqlite3_column_int64 (stmt, 1);
      action->title = dup_column (stmt, 2);
      action->status = dup_column (stmt, 3);
      action->mark = dup_column (stmt, 4);
      action->owner = dup_column (stmt, 5);
      action->due = dup_column (stmt, 6);
      g_ptr_array_add (list, action);
    }

  if (rc != SQLITE_DONE)
    {
      tavla_sqlite_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&actions);
}

/* TavlaRecommendation of one audit, of one recommendation, or all (0, 0). */
static GPtrArray *
read_recommendations (TavlaSqliteStore  *self,
                      gint64             audit_id,
                      gint64             recommendation_id,
                      const char        *today,
                      GError           **error)
{
  g_autoptr(GPtrArray) recommendations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) actions = NULL;
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  if ((actions = read_actions (self, audit_id, recommendation_id, error)) == NULL)
    return NULL;

  stmt = tavla_sqlite_store_statement (self,
                                       "SELECT r.id, r.version, r.audit_id, a.title, r.text, r.addressed_to,"
                                       " r.response, r.response_date, r.owner_id, p.name, r.due, r.status,"
                                       " r.evidence, r.assessment, r.assessment_date, r.note, r.created,"
                                       " r.updated"
                                       " FROM recommendation r JOIN audit a ON a.id = r.audit_id"
                                       " LEFT JOIN person p ON p.id = r.owner_id"
                                       " WHERE (?1 = 0 OR r.audit_id = ?1) AND (?2 = 0 OR r.id = ?2)"
                                       " ORDER BY a.report_date DESC, a.id DESC, r.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, audit_id);
  sqlite3_bind_int64 (stmt, 2, recommendation_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (actions, &id);
      const char *assessment = column_text (stmt, 13);
      TavlaRecommendationFields fields = {
        .id = id,
        .version = sqlite3_column_int64 (stmt, 1),
        .audit_id = sqlite3_column_int64 (stmt, 2),
        .audit_title = column_text (stmt, 3),
        .text = column_text (stmt, 4),
        .addressed_to = column_text (stmt, 5),
        .response = column_text (stmt, 6),
        .response_date = column_text (stmt, 7),
        .owner_id = sqlite3_column_int64 (stmt, 8),
        .owner = column_text (stmt, 9),
        .due = column_text (stmt, 10),
        .evidence = column_text (stmt, 12),
        .assessment_date = column_text (stmt, 14),
        .note = column_text (stmt, 15),
        .created = column_text (stmt, 16),
        .updated = column_text (stmt, 17),
        .today = today,
        .actions = list != NULL ? (const TavlaAction *const *) list->pdata : NULL,
        .n_actions = list != NULL ? list->len : 0,
      };

      if (!tavla_recommendation_status_from_string (column_text (stmt, 11), &fields.status))
        {
          damaged (error, "recommendation status");
          return NULL;
        }
      if (assessment == NULL)
        fields.assessment = TAVLA_ASSESSMENT_NONE;
      else if (!tavla_assessment_from_string (assessment, &fields.assessment))
        {
          damaged (error, "assessment");
          return NULL;
        }

      g_ptr_array_add (recommendations, tavla_recommendation_new (&fields));
    }

  if (rc != SQLITE_DONE)
    {
      tavla_sqlite_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&recommendations);
}

/* The audits (all with @audit_id 0), each with its recommendations. */
static GPtrArray *
read_audits (TavlaSqliteStore  *self,
             gint64             audit_id,
             const char        *today,
             GError           **error)
{
  g_autoptr(GPtrArray) audits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) recommendations = NULL;
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;
  guint next = 0;

  if ((recommendations = read_recommendations (self, audit_id, 0, today, error)) == NULL)
    return NULL;

  stmt = tavla_sqlite_store_statement (self,
                                       "SELECT id, version, title, auditor, report_date, body, reference,"
                                       " assessment, created, updated FROM audit WHERE ?1 = 0 OR id = ?1"
                                       " ORDER BY report_date DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, audit_id);

  /* Both queries run in the same order, so each audit's recommendations
   * are the next run of the list. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint first = next;
      TavlaAuditFields fields = {
        .id = id,
        .version = sqlite3_column_int64 (stmt, 1),
        .title = column_text (stmt, 2),
        .auditor = column_text (stmt, 3),
        .date = column_text (stmt, 4),
        .body = column_text (stmt, 5),
        .reference = column_text (stmt, 6),
        .assessment = column_text (stmt, 7),
        .created = column_text (stmt, 8),
        .updated = column_text (stmt, 9),
      };

      while (next < recommendations->len &&
             tavla_recommendation_get_audit_id (g_ptr_array_index (recommendations, next)) == id)
        next++;
      fields.recommendations = (TavlaRecommendation *const *) recommendations->pdata + first;
      fields.n_recommendations = next - first;

      g_ptr_array_add (audits, tavla_audit_new (&fields));
    }

  if (rc != SQLITE_DONE)
    {
      tavla_sqlite_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&audits);
}

static gboolean
not_found (GError     **error,
           const char  *format,
           gint64       id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND, format, number);
  return FALSE;
}

static GPtrArray *
tavla_sqlite_audits_list (TavlaAuditStore  *store,
                          const char       *today,
                          GError          **error)
{
  return read_audits (STORE (store), 0, today, error);
}

static TavlaAudit *
tavla_sqlite_audits_get (TavlaAuditStore  *store,
                         gint64            id,
                         const char       *today,
                         GError          **error)
{
  g_autoptr(GPtrArray) audits = NULL;

  if (id <= 0)
    {
      not_found (error, _("There is no audit %s; see “audit list” for the ids."), id);
      return NULL;
    }
  if ((audits = read_audits (STORE (store), id, today, error)) == NULL)
    return NULL;
  if (audits->len == 0)
    {
      not_found (error, _("There is no audit %s; see “audit list” for the ids."), id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (audits, 0));
}

static TavlaRecommendation *
tavla_sqlite_audits_get_recommendation (TavlaAuditStore  *store,
                                        gint64            id,
                                        const char       *today,
                                        GError          **error)
{
  g_autoptr(GPtrArray) recommendations = NULL;

  if (id <= 0)
    {
      not_found (error, _("There is no recommendation %s; see “recommendation list” for the ids."), id);
      return NULL;
    }
  if ((recommendations = read_recommendations (STORE (store), 0, id, today, error)) == NULL)
    return NULL;
  if (recommendations->len == 0)
    {
      not_found (error, _("There is no recommendation %s; see “recommendation list” for the ids."), id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (recommendations, 0));
}

static void
bind_audit (sqlite3_stmt             *stmt,
            const TavlaStoreAuditRow *row)
{
  bind_text_or_null (stmt, 1, row->title);
  bind_text_or_null (stmt, 2, row->auditor);
  bind_text_or_null (stmt, 3, row->date);
  bind_text_or_null (stmt, 4, row->body);
  bind_text_or_null (stmt, 5, row->reference);
  bind_text_or_null (stmt, 6, row->assessment);
}

static gint64
tavla_sqlite_audits_insert (TavlaAuditStore           *store,
                            const TavlaStoreAuditRow  *row,
                            GError                   **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return 0;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO audit (title, auditor, report_date, body, reference,"
                                       " assessment, version, created, updated)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7)", error);
  if (stmt == NULL)
    return 0;

  bind_audit (stmt, row);
  bind_text_or_null (stmt, 7, row->created);

  return tavla_sqlite_store_step_insert (self, stmt, error);
}

/* After an UPDATE ... WHERE version = ?: no row changed means another
 * process wrote first. */
static gboolean
check_changed (TavlaSqliteStore  *self,
               const char        *message,
               GError           **error)
{
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT, message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
tavla_sqlite_audits_update (TavlaAuditStore           *store,
                            const TavlaStoreAuditRow  *row,
                            GError                   **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "UPDATE audit SET title = ?1, auditor = ?2, report_date = ?3, body = ?4,"
                                       " reference = ?5, assessment = ?6, updated = ?7,"
                                       " version = version + 1 WHERE id = ?8 AND version = ?9", error);
  if (stmt == NULL)
    return FALSE;

  bind_audit (stmt, row);
  bind_text_or_null (stmt, 7, row->updated);
  sqlite3_bind_int64 (stmt, 8, row->id);
  sqlite3_bind_int64 (stmt, 9, row->version);

  return tavla_sqlite_store_step_done (self, stmt, error) &&
         check_changed (self, _("Someone else changed this audit first; reload it and make the change again."),
                        error);
}

static void
bind_recommendation (sqlite3_stmt                      *stmt,
                     const TavlaStoreRecommendationRow *row)
{
  sqlite3_bind_int64 (stmt, 1, row->audit_id);
  bind_text_or_null (stmt, 2, row->text);
  bind_text_or_null (stmt, 3, row->addressed_to);
  bind_text_or_null (stmt, 4, row->response);
  bind_text_or_null (stmt, 5, row->response_date);
  bind_id_or_null (stmt, 6, row->owner_id);
  bind_text_or_null (stmt, 7, row->due);
  sqlite3_bind_text (stmt, 8, tavla_recommendation_status_to_string (row->status), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 9, row->evidence);
  bind_text_or_null (stmt, 10, row->assessment == TAVLA_ASSESSMENT_NONE
                               ? NULL : tavla_assessment_to_string (row->assessment));
  bind_text_or_null (stmt, 11, row->assessment_date);
  bind_text_or_null (stmt, 12, row->note);
}

static gint64
tavla_sqlite_audits_insert_recommendation (TavlaAuditStore                    *store,
                                           const TavlaStoreRecommendationRow  *row,
                                           GError                            **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return 0;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO recommendation (audit_id, text, addressed_to, response,"
                                       " response_date, owner_id, due, status, evidence, assessment,"
                                       " assessment_date, note, version, created, updated)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, ?13, ?13)",
                                       error);
  if (stmt == NULL)
    return 0;

  bind_recommendation (stmt, row);
  bind_text_or_null (stmt, 13, row->created);

  return tavla_sqlite_store_step_insert (self, stmt, error);
}

static gboolean
tavla_sqlite_audits_update_recommendation (TavlaAuditStore                    *store,
                                           const TavlaStoreRecommendationRow  *row,
                                           GError                            **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "UPDATE recommendation SET audit_id = ?1, text = ?2, addressed_to = ?3,"
                                       " response = ?4, response_date = ?5, owner_id = ?6, due = ?7,"
                                       " status = ?8, evidence = ?9, assessment = ?10, assessment_date = ?11,"
                                       " note = ?12, updated = ?13, version = version + 1"
                                       " WHERE id = ?14 AND version = ?15", error);
  if (stmt == NULL)
    return FALSE;

  bind_recommendation (stmt, row);
  bind_text_or_null (stmt, 13, row->updated);
  sqlite3_bind_int64 (stmt, 14, row->id);
  sqlite3_bind_int64 (stmt, 15, row->version);

  return tavla_sqlite_store_step_done (self, stmt, error) &&
         check_changed (self, _("Someone else changed this recommendation first; reload it and make the "
                                "change again."), error);
}

void
tavla_sqlite_audits_interface_init (TavlaAuditStoreInterface *iface)
{
  iface->list_audits = tavla_sqlite_audits_list;
  iface->get_audit = tavla_sqlite_audits_get;
  iface->insert_audit = tavla_sqlite_audits_insert;
  iface->update_audit = tavla_sqlite_audits_update;
  iface->get_recommendation = tavla_sqlite_audits_get_recommendation;
  iface->insert_recommendation = tavla_sqlite_audits_insert_recommendation;
  iface->update_recommendation = tavla_sqlite_audits_update_recommendation;
}
