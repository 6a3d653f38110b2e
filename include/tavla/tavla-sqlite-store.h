/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-store.h"

G_BEGIN_DECLS

#define TAVLA_TYPE_SQLITE_STORE (tavla_sqlite_store_get_type ())
G_DECLARE_FINAL_TYPE (TavlaSqliteStore, tavla_sqlite_store, TAVLA, SQLITE_STORE, TavlaStore)

/* The schema version this build writes (PRAGMA user_version). */
#define TAVLA_SQLITE_SCHEMA_VERSION 3
/* PRAGMA application_id of a Tavla file: 'TVLA'. */
#define TAVLA_SQLITE_APPLICATION_ID 0x54564c41

/*
 * Opens the SQLite database at @path as RELIABILITY.md describes: the folder
 * is created 0700 and the file 0600 when missing, the schema is migrated,
 * and a file from a newer Tavla or on a network file system opens read-only.
 * A file that is not a Tavla database is refused, never changed.
 */
TavlaStore *tavla_sqlite_store_open     (const char       *path,
                                         GError          **error);
const char *tavla_sqlite_store_get_path (TavlaSqliteStore *self);

/*
 * Writes a consistent copy of the database to @destination with SQLite's
 * backup API: into a temporary file (0600, its folder 0700), checked with
 * integrity_check, synced, then renamed over @destination. Before a schema
 * migration the store takes one itself, under
 * $XDG_STATE_HOME/tavla/backups/.
 */
gboolean    tavla_sqlite_store_backup   (TavlaSqliteStore *self,
                                         const char       *destination,
                                         GError          **error);

G_END_DECLS
