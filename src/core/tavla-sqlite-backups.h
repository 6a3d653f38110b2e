/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "tavla-backup.h"
#include "tavla-sqlite-store-private.h"

G_BEGIN_DECLS

/*
 * What the SQLite store shares with tavla-sqlite-backups.c: the backup
 * folder and its rotation, the clean-shutdown mark, and moving a file with
 * its -wal and -shm aside.
 */

/* The path of a new backup of @kind in the folder of @db_path; @label is
 * the schema version for TAVLA_BACKUP_KIND_UPGRADE. */
char     *tavla_sqlite_backup_path        (const char        *db_path,
                                           TavlaBackupKind    kind,
                                           int                label);
/* Today's daily backup (and this week's weekly one when it is missing),
 * then rotation. */
gboolean  tavla_sqlite_backup_automatic   (TavlaSqliteStore  *self,
                                           GError           **error);
/* Whether today's daily backup exists already. */
gboolean  tavla_sqlite_backup_has_today   (const char        *db_path);
/* Deletes the oldest backups of @db_path beyond what each kind keeps. */
void      tavla_sqlite_backup_rotate      (const char        *db_path);

/* The clean-shutdown mark next to the database: "<db>-closed". */
char     *tavla_sqlite_mark_path          (const char        *db_path);
/* Moves @db_path, @db_path-wal and @db_path-shm to "<db>.<label>-<stamp>"
 * (with the same suffixes), 0600. */
gboolean  tavla_sqlite_move_aside         (const char        *db_path,
                                           const char        *label,
                                           char             **out_aside,
                                           GError           **error);
/* A file moved aside as damaged that no restore has replaced yet. */
char     *tavla_sqlite_find_damaged_aside (const char        *db_path);
/* Whether @path starts with SQLite's header and Tavla's application id. */
gboolean  tavla_sqlite_file_is_tavla      (const char        *path);
/* The message of TAVLA_STORE_ERROR_DAMAGED for @db_path. */
void      tavla_sqlite_set_damaged_error  (GError           **error,
                                           const char        *db_path,
                                           const char        *aside,
                                           const char        *detail);

/* When SQLite has reported damage on this connection: closes it, moves
 * the file aside and sets TAVLA_STORE_ERROR_DAMAGED (replacing @error's
 * message). Returns TRUE when it did. */
gboolean  tavla_sqlite_store_move_aside_if_damaged (TavlaSqliteStore  *self,
                                                    GError           **error);

G_END_DECLS
