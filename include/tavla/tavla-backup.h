/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-board.h"

G_BEGIN_DECLS

/*
 * Backups of the SQLite database, as RELIABILITY.md promises: made with
 * SQLite's backup API into a temporary file, checked, synced and renamed,
 * kept under $XDG_STATE_HOME/tavla/backups/ (outside the data folder, on
 * the local disk), one folder per database file.
 *
 * The store takes them itself: a daily one (the first open of a day and
 * every close that changed something update the day's copy), a weekly one
 * (the first of each ISO week), one before each schema upgrade, and the
 * manual ones of tavla_board_back_up_now(). Rotation keeps the newest 7
 * daily, 4 weekly, 3 upgrade and 10 manual backups.
 */

typedef enum
{
  TAVLA_BACKUP_KIND_DAILY,
  TAVLA_BACKUP_KIND_WEEKLY,
  TAVLA_BACKUP_KIND_UPGRADE,
  TAVLA_BACKUP_KIND_MANUAL,
} TavlaBackupKind;

typedef struct
{
  char            *path;
  TavlaBackupKind  kind;
  /* When the copy was taken: the date the data in it is from. */
  GDateTime       *taken;
  goffset          size;
} TavlaBackup;

void         tavla_backup_free              (TavlaBackup     *backup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaBackup, tavla_backup_free)

/* "daily", "weekly", "upgrade", "manual" (for --json). */
const char  *tavla_backup_kind_to_string    (TavlaBackupKind  kind);
/* A translated label: "Daily", "Weekly", "Before upgrade", "Manual". */
const char  *tavla_backup_kind_get_label    (TavlaBackupKind  kind);

/* The folder that holds the backups of the database at @db_path. */
char        *tavla_backup_folder            (const char      *db_path);
/* The backups of @db_path (TavlaBackup), newest first; an empty array
 * when there are none. */
GPtrArray   *tavla_backup_list              (const char      *db_path,
                                             GError         **error);
/* The newest backup of @db_path that passes SQLite's quick check, or NULL. */
TavlaBackup *tavla_backup_find_newest_good  (const char      *db_path);

/*
 * Puts the backup @backup_path in place of the database at @db_path, which
 * must not be open in this process. The backup is checked first (nothing
 * changes when it is not a sound Tavla database); the current file and its
 * -wal and -shm files are moved aside together (their new path in
 * @out_moved_aside, NULL when there was no file), the copy is synced and
 * checked again. @out_taken gets the date the restored data is from.
 */
gboolean     tavla_backup_restore           (const char      *db_path,
                                             const char      *backup_path,
                                             char           **out_moved_aside,
                                             GDateTime      **out_taken,
                                             GError         **error);

/* Makes a manual backup now: into @destination when it is not NULL,
 * else into the backup folder. Returns the backup's path. */
char        *tavla_board_back_up_now        (TavlaBoard      *self,
                                             const char      *destination,
                                             GError         **error);
/* Runs integrity_check and foreign_key_check. Returns FALSE with @error
 * set when the check could not run; otherwise TRUE, with @out_problems
 * NULL when the database is sound, or a description of what is wrong. */
gboolean     tavla_board_check_database     (TavlaBoard      *self,
                                             char           **out_problems,
                                             GError         **error);

G_END_DECLS
