/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "tavla-sqlite-reminders.h"
#include "tavla-sqlite-store-private.h"

/*
 * The SQLite store's part of reminders: the reminder_shown table (schema
 * step 3), shared by the app and tavla-cli so that each reminder is shown
 * once a day whichever of them shows it.
 */

#define STORE(s) TAVLA_SQLITE_STORE (s)

static GHashTable *
tavla_sqlite_reminders_list_shown (TavlaReminderStore  *store,
                                   const char          *person,
                                   const char          *day,
                                   GError             **error)
{
  TavlaSqliteStore *self = STORE (store);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc;

  stmt = tavla_sqlite_store_statement (self,
                                       "SELECT key FROM reminder_shown WHERE person = ?1 AND day = ?2",
                                       error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, person, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, day, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (keys, g_strdup (column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      tavla_sqlite_store_fail (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&keys);
}

static gboolean
tavla_sqlite_reminders_insert_shown (TavlaReminderStore  *store,
                                     const char          *person,
                                     const char          *day,
                                     const char          *key,
                                     const char          *at,
                                     GError             **error)
{
  TavlaSqliteStore *self = STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (tavla_sqlite_store_refuse_read_only (self, error))
    return FALSE;

  stmt = tavla_sqlite_store_statement (self,
                                       "INSERT INTO reminder_shown (key, person, day, at)"
                                       " VALUES (?1, ?2, ?3, ?4)"
                                       " ON CONFLICT (key, person, day) DO NOTHING",
                                       error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, person, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, at, -1, SQLITE_TRANSIENT);

  return tavla_sqlite_store_step_done (self, stmt, error);
}

void
tavla_sqlite_reminders_interface_init (TavlaReminderStoreInterface *iface)
{
  iface->list_shown = tavla_sqlite_reminders_list_shown;
  iface->insert_shown = tavla_sqlite_reminders_insert_shown;
}
