/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <sqlite3.h>

#include "tavla-sqlite-store.h"

G_BEGIN_DECLS

/*
 * The SQLite store is one object in two files: tavla-sqlite-store.c (the
 * connection, the schema, items, people, departments, history) and
 * tavla-sqlite-metrics.c (response groups, metrics, measurements,
 * roll-ups, deviations, links). This header is what they share.
 */
struct _TavlaSqliteStore
{
  TavlaStore  parent_instance;

  /* Owned references */
  sqlite3    *db;
  char       *path;
  char       *read_only_reason;
  /* const char *sql (static strings) -> sqlite3_stmt * */
  GHashTable *statements;

  gboolean    read_only;
  /* Opened for writing: closing writes the clean-shutdown mark. */
  gboolean    opened_for_writing;
  /* A write was committed since the last backup: closing takes one. */
  gboolean    changed;
  /* SQLite reported a damaged file (SQLITE_CORRUPT or SQLITE_NOTADB). */
  gboolean    saw_damage;
};

/* A statement from the cache is reset when it goes out of scope, so that
 * no SELECT keeps a read transaction (and a WAL snapshot) open. */
static inline void
reset_statement (sqlite3_stmt **stmt)
{
  if (*stmt != NULL)
    {
      sqlite3_reset (*stmt);
      sqlite3_clear_bindings (*stmt);
    }
}

#define AUTO_RESET __attribute__((cleanup (reset_statement)))

static inline void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static inline void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static inline const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* A cached statement for the static string @sql. */
sqlite3_stmt *tavla_sqlite_store_statement        (TavlaSqliteStore  *self,
                                                   const char        *sql,
                                                   GError           **error);
/* Sets @error from an SQLite result code, translated; returns FALSE. */
gboolean      tavla_sqlite_store_fail             (TavlaSqliteStore  *self,
                                                   int                rc,
                                                   GError           **error);
/* TRUE (with @error set) when the store is read-only. */
gboolean      tavla_sqlite_store_refuse_read_only (TavlaSqliteStore  *self,
                                                   GError           **error);
/* Steps an INSERT; the new rowid, or 0 with @error set. */
gint64        tavla_sqlite_store_step_insert      (TavlaSqliteStore  *self,
                                                   sqlite3_stmt      *stmt,
                                                   GError           **error);
/* Steps an UPDATE, DELETE or INSERT whose rowid is not needed; FALSE with
 * @error set unless it ran to completion. */
gboolean      tavla_sqlite_store_step_done        (TavlaSqliteStore  *self,
                                                   sqlite3_stmt      *stmt,
                                                   GError           **error);
/* Runs PRAGMA quick_check (@quick) or integrity_check and
 * foreign_key_check; @out_problems as tavla_board_check_database(). */
gboolean      tavla_sqlite_store_check            (TavlaSqliteStore  *self,
                                                   gboolean           quick,
                                                   char             **out_problems,
                                                   GError           **error);
/* Fills in the metrics vfuncs. */
void          tavla_sqlite_metrics_class_init     (TavlaStoreClass   *store_class);

G_END_DECLS
