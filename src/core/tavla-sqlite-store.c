/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tavla-board.h"
#include "tavla-clock.h"
#include "tavla-error.h"
#include "tavla-sqlite-agreements.h"
#include "tavla-sqlite-audits.h"
#include "tavla-sqlite-meetings.h"
#include "tavla-sqlite-feedback.h"
#include "tavla-sqlite-reminders.h"
#include "tavla-sqlite-backups.h"
#include "tavla-sqlite-schema.h"
#include "tavla-sqlite-store-private.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (TavlaSqliteStore, tavla_sqlite_store, TAVLA_TYPE_STORE,
                               G_IMPLEMENT_INTERFACE (TAVLA_TYPE_AGREEMENT_STORE,
                                                      tavla_sqlite_agreements_interface_init)
                               G_IMPLEMENT_INTERFACE (TAVLA_TYPE_AUDIT_STORE,
                                                      tavla_sqlite_audits_interface_init)
                               G_IMPLEMENT_INTERFACE (TAVLA_TYPE_MEETING_STORE,
                                                      tavla_sqlite_meetings_interface_init)
                               G_IMPLEMENT_INTERFACE (TAVLA_TYPE_FEEDBACK_STORE,
                                                      tavla_sqlite_feedback_interface_init)
                               G_IMPLEMENT_INTERFACE (TAVLA_TYPE_REMINDER_STORE,
                                                      tavla_sqlite_reminders_interface_init))

/* File system magic numbers of network file systems, where SQLite's WAL
 * (shared memory between processes) does not work. */
#define MAGIC_NFS   0x6969
#define MAGIC_SMB   0x517B
#define MAGIC_CIFS  0xFF534D42
#define MAGIC_SMB2  0xFE534D42
#define MAGIC_AFS   0x5346414F
#define MAGIC_CODA  0x73757245
#define MAGIC_9P    0x01021997
#define MAGIC_CEPH  0x00C36400

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static const char *list_items_sql =
  "SELECT i.id, i.version, i.title, i.description, p.name, i.due, d.name,"
  " i.source, i.strategic, i.status, i.mark, i.created, i.updated,"
  " coalesce (l.n, 0), coalesce (l.has_metric, 0)"
  " FROM item i"
  " LEFT JOIN person p ON p.id = i.owner_id"
  " LEFT JOIN department d ON d.id = i.department_id"
  " LEFT JOIN (SELECT item_id, count (*) AS n,"
  "   max (kind IN ('metric', 'deviation')) AS has_metric FROM item_link GROUP BY item_id) l"
  "   ON l.item_id = i.id"
  " ORDER BY i.id";

static const char *get_item_sql =
  "SELECT i.id, i.version, i.title, i.description, p.name, i.due, d.name,"
  " i.source, i.strategic, i.status, i.mark, i.created, i.updated,"
  " (SELECT count (*) FROM item_link WHERE item_id = i.id),"
  " EXISTS (SELECT 1 FROM item_link WHERE item_id = i.id AND kind IN ('metric', 'deviation'))"
  " FROM item i"
  " LEFT JOIN person p ON p.id = i.owner_id"
  " LEFT JOIN department d ON d.id = i.department_id"
  " WHERE i.id = ?1";

static gboolean
set_error_from_sqlite (TavlaSqliteStore  *self,
                       int                rc,
                       GError           **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    self->saw_damage = TRUE;

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("The disk is full; nothing was saved. Free some space and try again."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("The database is busy in another program; nothing was saved. Try again in a moment."));
      break;
    case SQLITE_READONLY:
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_READ_ONLY,
                   _("The database file cannot be written (%s); nothing was saved."), detail);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("The database file “%s” is damaged or not a database (%s). It was not changed; restore a backup."),
                   self->path, detail);
      break;
    case SQLITE_IOERR:
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("Reading or writing the database failed (%s); nothing was saved. Check the disk."),
                   detail);
      break;
    default:
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("The database reported an error: %s."), detail);
      break;
    }

  return FALSE;
}

static sqlite3_stmt *
get_statement (TavlaSqliteStore  *self,
               const char        *sql,
               GError           **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc = SQLITE_OK;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_sqlite (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

static gboolean
exec_sql (TavlaSqliteStore  *self,
          const char        *sql,
          GError           **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_error_from_sqlite (self, rc, error);

  return TRUE;
}

/* Runs a one-row, one-integer query such as a PRAGMA. */
static gboolean
query_int64 (TavlaSqliteStore  *self,
             const char        *sql,
             gint64            *out_value,
             GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_error_from_sqlite (self, rc, error);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *out_value = 0;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_error_from_sqlite (self, rc, error);

  return TRUE;
}

static TavlaItem *
item_from_row (sqlite3_stmt *stmt)
{
  TavlaItemFields fields = { 0 };
  TavlaSource source = TAVLA_SOURCE_OTHER;
  TavlaStatus status = TAVLA_STATUS_NEW;
  TavlaMark mark = TAVLA_MARK_NONE;

  /* Values a newer schema may have added fall back to neutral ones. */
  if (!tavla_source_from_string (column_text (stmt, 7), &source))
    source = TAVLA_SOURCE_OTHER;
  if (!tavla_status_from_string (column_text (stmt, 9), &status))
    status = TAVLA_STATUS_NEW;
  if (!tavla_mark_from_string (column_text (stmt, 10), &mark))
    mark = TAVLA_MARK_NONE;

  fields.id = sqlite3_column_int64 (stmt, 0);
  fields.version = sqlite3_column_int64 (stmt, 1);
  fields.title = column_text (stmt, 2);
  fields.description = column_text (stmt, 3);
  fields.owner = column_text (stmt, 4);
  fields.due = column_text (stmt, 5);
  fields.department = column_text (stmt, 6);
  fields.source = source;
  fields.strategic = sqlite3_column_int (stmt, 8) != 0;
  fields.status = status;
  fields.mark = mark;
  fields.created = column_text (stmt, 11);
  fields.updated = column_text (stmt, 12);
  fields.n_links = (guint) sqlite3_column_int64 (stmt, 13);
  fields.has_metric = sqlite3_column_int (stmt, 14) != 0;

  return tavla_item_new (&fields);
}

static gboolean
path_is_on_network (const char *path,
                    char      **out_reason)
{
  g_autofree char *dir = g_path_get_dirname (path);
  static const char *const sync_folders[] = {
    "Dropbox", "OneDrive", "Nextcloud", "ownCloud", "Google Drive", "iCloudDrive", NULL
  };
  g_auto(GStrv) parts = NULL;
  struct statfs fs;

  if (statfs (dir, &fs) == 0)
    {
      switch ((unsigned long) fs.f_type)
        {
        case MAGIC_NFS:
        case MAGIC_SMB:
        case MAGIC_CIFS:
        case MAGIC_SMB2:
        case MAGIC_AFS:
        case MAGIC_CODA:
        case MAGIC_9P:
        case MAGIC_CEPH:
          *out_reason = g_strdup_printf (_("The database “%s” is on a network drive, where its safety "
                                           "log does not work. It is open read-only; copy it to a local "
                                           "folder to change it."), path);
          return TRUE;
        default:
          break;
        }
    }

  parts = g_strsplit (dir, G_DIR_SEPARATOR_S, -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_strv_contains (sync_folders, parts[i]))
        {
          *out_reason = g_strdup_printf (_("The database “%s” is in a synchronised folder (%s), which "
                                           "can damage it. It is open read-only; copy it to a local "
                                           "folder outside %s to change it."), path, parts[i], parts[i]);
          return TRUE;
        }
    }

  return FALSE;
}

/* Creates the folder (0700) and an empty file (0600) ourselves, before
 * SQLite sees the path: SQLite would create the file 0644, and its -wal and
 * -shm files copy the main file's permissions. */
static gboolean
create_database_file (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = -1;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("Could not create the folder “%s” for the database: %s."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      /* Another process created it first: that is fine. */
      if (saved_errno == EEXIST)
        return TRUE;

      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("Could not create the database file “%s”: %s."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  /* Under an unusual umask the mode could lose the owner's bits. */
  if (fchmod (fd, 0600) != 0)
    g_debug ("Could not set the mode of %s: %s", path, g_strerror (errno));
  close (fd);

  return TRUE;
}

static gboolean
configure_connection (TavlaSqliteStore  *self,
                      GError           **error)
{
  int enabled = 0;

  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &enabled);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DQS_DML, 0, &enabled);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DQS_DDL, 0, &enabled);
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  return exec_sql (self, "PRAGMA foreign_keys = ON", error);
}

static gboolean
configure_for_writing (TavlaSqliteStore  *self,
                       GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;
  int rc = SQLITE_OK;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_error_from_sqlite (self, rc, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    wal = g_ascii_strcasecmp (column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return set_error_from_sqlite (self, rc, error);

  if (!wal)
    {
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("The database “%s” cannot use a write-ahead log here; copy it to a local folder."),
                   self->path);
      return FALSE;
    }

  return exec_sql (self, "PRAGMA synchronous = FULL", error) &&
         exec_sql (self, "PRAGMA secure_delete = ON", error);
}

static gboolean
foreign_keys_ok (TavlaSqliteStore  *self,
                 GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return set_error_from_sqlite (self, rc, error);

  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("Upgrading the database “%s” found broken references; it was not changed."),
                   self->path);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return set_error_from_sqlite (self, rc, error);

  return TRUE;
}

/* Flushes a file or folder to disk; a backup that is only in the page
 * cache protects nothing. */
static gboolean
sync_path (const char  *path,
           gboolean     is_dir,
           GError     **error)
{
  int fd = open (path, (is_dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC | O_NOFOLLOW);
  int saved_errno = 0;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }

  saved_errno = errno;
  if (fd >= 0)
    close (fd);

  g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
               _("Could not save the backup “%s” to disk: %s."), path, g_strerror (saved_errno));

  return FALSE;
}

static gboolean
copy_into (TavlaSqliteStore  *self,
           const char        *tmp_path,
           GError           **error)
{
  sqlite3 *copy = NULL;
  sqlite3_backup *backup = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc = SQLITE_OK;

  rc = sqlite3_open_v2 (tmp_path, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK && (backup = sqlite3_backup_init (copy, "main", self->db, "main")) != NULL)
    {
      rc = sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);
      rc = rc == SQLITE_DONE ? sqlite3_errcode (copy) : rc;
    }
  else if (rc == SQLITE_OK)
    {
      rc = sqlite3_errcode (copy);
    }

  /* The copy must be readable on its own before it may replace anything. */
  if (rc == SQLITE_OK &&
      sqlite3_prepare_v2 (copy, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;

  if (!ok)
    g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                 _("Could not make a backup of “%s”: %s. Nothing was changed."),
                 self->path, rc != SQLITE_OK ? sqlite3_errstr (rc) : _("the copy did not pass its check"));

  sqlite3_finalize (stmt);
  sqlite3_close (copy);

  return ok;
}

static char *
migration_backup_path (TavlaSqliteStore *self,
                       gint64            from_version)
{
  return tavla_sqlite_backup_path (self->path, TAVLA_BACKUP_KIND_UPGRADE, (int) from_version);
}

/* Applies the missing schema steps, each in its own IMMEDIATE transaction.
 * The version is read again inside the transaction: another process may
 * have migrated the file while we waited for the lock. */
static gboolean
migrate (TavlaSqliteStore  *self,
         GError           **error)
{
  for (guint step = 1; step <= G_N_ELEMENTS (tavla_schema_steps); step++)
    {
      g_autofree char *set_version = NULL;
      gint64 user_version = 0;

      if (!exec_sql (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!query_int64 (self, "PRAGMA user_version", &user_version, error))
        goto failed;

      if (user_version >= step)
        {
          if (!exec_sql (self, "COMMIT", error))
            goto failed;
          continue;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %u", step);
      if (!exec_sql (self, tavla_schema_steps[step - 1], error) ||
          (step == 1 && !exec_sql (self, "PRAGMA application_id = 1414941761", error)) ||
          !exec_sql (self, set_version, error) ||
          !foreign_keys_ok (self, error) ||
          !exec_sql (self, "COMMIT", error))
        goto failed;
    }

  return TRUE;

failed:
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
file_has_content (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

static void
close_database (TavlaSqliteStore *self)
{
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

static gboolean
open_connection (TavlaSqliteStore  *self,
                 gboolean           read_only,
                 GError           **error)
{
  int flags = SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_FULLMUTEX;
  int rc = SQLITE_OK;

  flags |= read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("Could not open the database “%s”: %s."),
                   self->path, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      close_database (self);
      return FALSE;
    }

  return configure_connection (self, error);
}

/* The file failed its check: it is closed without a checkpoint (which
 * would write into it), moved aside with its -wal and -shm, and the error
 * names the newest good backup. */
static gboolean
move_damaged_aside (TavlaSqliteStore  *self,
                    const char        *detail,
                    GError           **error)
{
  g_autofree char *aside = NULL;
  g_autoptr(GError) move_error = NULL;

  if (self->db != NULL)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  close_database (self);

  if (!tavla_sqlite_move_aside (self->path, "damaged", &aside, &move_error))
    {
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_DAMAGED,
                   _("The database “%s” is damaged (%s) and could not be moved aside: %s"),
                   self->path, detail, move_error->message);
      return FALSE;
    }

  tavla_sqlite_set_damaged_error (error, self->path, aside, detail);
  return FALSE;
}

static gboolean
is_damage (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

static gboolean
open_database (TavlaSqliteStore  *self,
               GError           **error)
{
  g_autofree char *network_reason = NULL;
  gint64 application_id = 0;
  gint64 user_version = 0;
  gint64 n_tables = 0;
  gboolean on_network = FALSE;
  gboolean needs_check = FALSE;
  gboolean existed = FALSE;
  g_autofree char *mark = tavla_sqlite_mark_path (self->path);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);

  on_network = path_is_on_network (self->path, &network_reason);
  existed = g_file_test (self->path, G_FILE_TEST_EXISTS);
  needs_check = existed && (file_has_content (wal) || !g_file_test (mark, G_FILE_TEST_EXISTS));

  if (!existed)
    {
      g_autofree char *damaged = tavla_sqlite_find_damaged_aside (self->path);

      /* A damaged file was moved aside: an empty board in its place would
       * look like the data was gone (and would be backed up over it). */
      if (damaged != NULL)
        {
          tavla_sqlite_set_damaged_error (error, self->path, damaged, NULL);
          return FALSE;
        }

      /* A new database in an unsafe place would only ever be read-only. */
      if (on_network)
        {
          g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_READ_ONLY, network_reason);
          return FALSE;
        }

      if (!create_database_file (self->path, error))
        return FALSE;
    }

  if (!open_connection (self, on_network, error))
    return FALSE;

  if (!query_int64 (self, "PRAGMA application_id", &application_id, NULL) ||
      !query_int64 (self, "PRAGMA user_version", &user_version, NULL) ||
      !query_int64 (self, "SELECT count (*) FROM sqlite_schema", &n_tables, NULL))
    {
      int rc = sqlite3_extended_errcode (self->db);

      /* Only a file that is recognisably ours is moved aside; anything
       * else is refused untouched. */
      if (is_damage (rc) && tavla_sqlite_file_is_tavla (self->path) && !on_network)
        return move_damaged_aside (self, sqlite3_errmsg (self->db), error);

      return set_error_from_sqlite (self, rc, error);
    }

  /* Somebody else's file: never touch it. */
  if ((application_id != 0 && application_id != TAVLA_SQLITE_APPLICATION_ID) ||
      (application_id == 0 && n_tables > 0))
    {
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("“%s” is not a Tavla database (it belongs to another program). It was not changed; "
                     "choose a different file."), self->path);
      return FALSE;
    }

  /* A file that was not closed cleanly (a non-empty -wal, or no
   * clean-shutdown mark) gets SQLite's quick check before anything uses
   * it. A check that could not run (busy, I/O error) moves nothing. */
  if (needs_check && !on_network && application_id == TAVLA_SQLITE_APPLICATION_ID)
    {
      g_autofree char *problems = NULL;

      if (!tavla_sqlite_store_check (self, TRUE, &problems, error))
        return FALSE;
      if (problems != NULL)
        return move_damaged_aside (self, problems, error);
    }

  if (user_version > TAVLA_SQLITE_SCHEMA_VERSION)
    {
      close_database (self);
      if (!open_connection (self, TRUE, error))
        return FALSE;

      self->read_only = TRUE;
      self->read_only_reason =
        g_strdup_printf (_("This database was written by a newer version of Tavla (schema %d; this "
                           "version knows up to %d). It is open read-only; update Tavla to change it."),
                         (int) user_version, TAVLA_SQLITE_SCHEMA_VERSION);
      return TRUE;
    }

  if (on_network)
    {
      if (user_version < TAVLA_SQLITE_SCHEMA_VERSION)
        {
          g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_READ_ONLY, network_reason);
          return FALSE;
        }

      self->read_only = TRUE;
      self->read_only_reason = g_steal_pointer (&network_reason);
      return TRUE;
    }

  if (!configure_for_writing (self, error))
    return FALSE;

  /* A file with data gets a verified backup before its schema changes. */
  if (user_version > 0 && user_version < TAVLA_SQLITE_SCHEMA_VERSION)
    {
      g_autofree char *backup_path = migration_backup_path (self, user_version);

      if (!tavla_sqlite_store_backup (self, backup_path, error))
        return FALSE;
      tavla_sqlite_backup_rotate (self->path);
    }

  /* Opening an up-to-date file takes no write lock: `tavla-cli item list`
   * in a cron job never waits for the app. */
  if (user_version < TAVLA_SQLITE_SCHEMA_VERSION && !migrate (self, error))
    return FALSE;

  /* The mark comes back when this connection closes cleanly. */
  self->opened_for_writing = TRUE;
  if (g_unlink (mark) != 0 && errno != ENOENT)
    g_debug ("Could not remove %s: %s", mark, g_strerror (errno));

  /* The first open of a day backs up what an earlier day left. */
  if (existed && user_version > 0 && !tavla_sqlite_backup_has_today (self->path))
    {
      g_autoptr(GError) backup_error = NULL;

      if (!tavla_sqlite_backup_automatic (self, &backup_error))
        g_message ("The daily backup of %s failed: %s", self->path, backup_error->message);
    }

  return TRUE;
}

static gboolean
refuse_if_read_only (TavlaSqliteStore  *self,
                     GError           **error)
{
  if (!self->read_only)
    return FALSE;

  g_set_error_literal (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_READ_ONLY,
                       self->read_only_reason);
  return TRUE;
}

static gboolean
tavla_sqlite_store_begin_write (TavlaStore  *store,
                                GError     **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);

  if (refuse_if_read_only (self, error))
    return FALSE;

  return exec_sql (self, "BEGIN IMMEDIATE", error);
}

static gboolean
tavla_sqlite_store_commit (TavlaStore  *store,
                           GError     **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);

  if (!exec_sql (self, "COMMIT", error))
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  self->changed = TRUE;

  return TRUE;
}

static void
tavla_sqlite_store_rollback (TavlaStore *store)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);

  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
tavla_sqlite_store_is_read_only (TavlaStore *store)
{
  return TAVLA_SQLITE_STORE (store)->read_only;
}

static const char *
tavla_sqlite_store_get_read_only_reason (TavlaStore *store)
{
  return TAVLA_SQLITE_STORE (store)->read_only_reason;
}

static gboolean
tavla_sqlite_store_get_data_version (TavlaStore  *store,
                                     gint64      *out_version,
                                     GError     **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  if ((stmt = get_statement (self, "PRAGMA data_version", error)) == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_error_from_sqlite (self, rc, error);

  *out_version = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

static gboolean
tavla_sqlite_store_count (TavlaStore        *store,
                          TavlaStoreCounts  *out_counts,
                          GError           **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = get_statement (self,
                        "SELECT (SELECT count (*) FROM item), (SELECT count (*) FROM person),"
                        " (SELECT count (*) FROM department)", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_error_from_sqlite (self, rc, error);

  out_counts->items = (guint64) sqlite3_column_int64 (stmt, 0);
  out_counts->people = (guint64) sqlite3_column_int64 (stmt, 1);
  out_counts->departments = (guint64) sqlite3_column_int64 (stmt, 2);

  return TRUE;
}

static GPtrArray *
tavla_sqlite_store_list_items (TavlaStore  *store,
                               GError     **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  if ((stmt = get_statement (self, list_items_sql, error)) == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      set_error_from_sqlite (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&items);
}

static TavlaItem *
tavla_sqlite_store_get_item (TavlaStore  *store,
                             gint64       id,
                             GError     **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  if ((stmt = get_statement (self, get_item_sql, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return item_from_row (stmt);

  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND,
                   _("There is no proposal number %s."), number);
    }
  else
    {
      set_error_from_sqlite (self, rc, error);
    }

  return NULL;
}

static GPtrArray *
tavla_sqlite_store_list_people (TavlaStore  *store,
                                GError     **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = get_statement (self, "SELECT id, name, role, email, active FROM person ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, tavla_person_new (sqlite3_column_int64 (stmt, 0),
                                               column_text (stmt, 1),
                                               column_text (stmt, 2),
                                               column_text (stmt, 3),
                                               sqlite3_column_int (stmt, 4) != 0));

  if (rc != SQLITE_DONE)
    {
      set_error_from_sqlite (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&people);
}

static GPtrArray *
tavla_sqlite_store_list_departments (TavlaStore  *store,
                                     GError     **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);
  g_autoptr(GPtrArray) departments = g_ptr_array_new_with_free_func (g_object_unref);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = get_statement (self, "SELECT id, name, code FROM department ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (departments, tavla_department_new (sqlite3_column_int64 (stmt, 0),
                                                        column_text (stmt, 1),
                                                        column_text (stmt, 2)));

  if (rc != SQLITE_DONE)
    {
      set_error_from_sqlite (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&departments);
}

static gint64
find_id_by_name (TavlaSqliteStore  *self,
                 const char        *sql,
                 const char        *name,
                 GError           **error)
{
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  if ((stmt = get_statement (self, sql, error)) == NULL)
    return 0;

  bind_text_or_null (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    set_error_from_sqlite (self, rc, error);

  return 0;
}

static gint64
tavla_sqlite_store_find_person_id (TavlaStore  *store,
                                   const char  *name,
                                   GError     **error)
{
  return find_id_by_name (TAVLA_SQLITE_STORE (store),
                          "SELECT id FROM person WHERE name = ?1", name, error);
}

static gint64
tavla_sqlite_store_find_department_id (TavlaStore  *store,
                                       const char  *name,
                                       GError     **error)
{
  return find_id_by_name (TAVLA_SQLITE_STORE (store),
                          "SELECT id FROM department WHERE name = ?1", name, error);
}

static gint64
step_insert (TavlaSqliteStore  *self,
             sqlite3_stmt      *stmt,
             GError           **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      set_error_from_sqlite (self, rc, error);
      return 0;
    }

  return sqlite3_last_insert_rowid (self->db);
}

static gint64
tavla_sqlite_store_insert_person (TavlaStore  *store,
                                  const char  *name,
                                  const char  *role,
                                  const char  *email,
                                  const char  *created,
                                  GError     **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (refuse_if_read_only (self, error))
    return 0;

  stmt = get_statement (self,
                        "INSERT INTO person (name, role, email, active, version, created, updated)"
                        " VALUES (?1, ?2, ?3, 1, 1, ?4, ?4)", error);
  if (stmt == NULL)
    return 0;

  bind_text_or_null (stmt, 1, name);
  bind_text_or_null (stmt, 2, role);
  bind_text_or_null (stmt, 3, email);
  bind_text_or_null (stmt, 4, created);

  return step_insert (self, stmt, error);
}

static gint64
tavla_sqlite_store_insert_department (TavlaStore  *store,
                                      const char  *name,
                                      const char  *code,
                                      const char  *created,
                                      GError     **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (refuse_if_read_only (self, error))
    return 0;

  stmt = get_statement (self,
                        "INSERT INTO department (name, code, version, created, updated)"
                        " VALUES (?1, ?2, 1, ?3, ?3)", error);
  if (stmt == NULL)
    return 0;

  bind_text_or_null (stmt, 1, name);
  bind_text_or_null (stmt, 2, code);
  bind_text_or_null (stmt, 3, created);

  return step_insert (self, stmt, error);
}

static void
bind_item_row (sqlite3_stmt            *stmt,
               const TavlaStoreItemRow *row)
{
  bind_text_or_null (stmt, 1, row->title);
  bind_text_or_null (stmt, 2, row->description);
  bind_id_or_null (stmt, 3, row->owner_id);
  bind_text_or_null (stmt, 4, row->due);
  bind_id_or_null (stmt, 5, row->department_id);
  bind_text_or_null (stmt, 6, tavla_source_to_string (row->source));
  sqlite3_bind_int (stmt, 7, row->strategic ? 1 : 0);
  bind_text_or_null (stmt, 8, tavla_status_to_string (row->status));
  bind_text_or_null (stmt, 9, tavla_mark_to_string (row->mark));
}

static gint64
tavla_sqlite_store_insert_item (TavlaStore               *store,
                                const TavlaStoreItemRow  *row,
                                GError                  **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;

  if (refuse_if_read_only (self, error))
    return 0;

  stmt = get_statement (self,
                        "INSERT INTO item (title, description, owner_id, due, department_id, source,"
                        " strategic, status, mark, version, created, updated)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?11)", error);
  if (stmt == NULL)
    return 0;

  bind_item_row (stmt, row);
  bind_text_or_null (stmt, 10, row->created);
  bind_text_or_null (stmt, 11, row->updated);

  return step_insert (self, stmt, error);
}

static gboolean
tavla_sqlite_store_update_item (TavlaStore               *store,
                                const TavlaStoreItemRow  *row,
                                GError                  **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  if (refuse_if_read_only (self, error))
    return FALSE;

  stmt = get_statement (self,
                        "UPDATE item SET title = ?1, description = ?2, owner_id = ?3, due = ?4,"
                        " department_id = ?5, source = ?6, strategic = ?7, status = ?8, mark = ?9,"
                        " updated = ?10, version = version + 1"
                        " WHERE id = ?11 AND version = ?12", error);
  if (stmt == NULL)
    return FALSE;

  bind_item_row (stmt, row);
  bind_text_or_null (stmt, 10, row->updated);
  sqlite3_bind_int64 (stmt, 11, row->id);
  sqlite3_bind_int64 (stmt, 12, row->version);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_error_from_sqlite (self, rc, error);

  if (sqlite3_changes (self->db) != 1)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, row->id);

      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT,
                   _("Someone else changed proposal %s at the same time. Your change "
                     "was not saved; look at the new values and try again."), number);
      return FALSE;
    }

  return TRUE;
}

static gint64
tavla_sqlite_store_next_change_id (TavlaStore  *store,
                                   GError     **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  if ((stmt = get_statement (self, "SELECT coalesce (max (change_id), 0) + 1 FROM history", error)) == NULL)
    return 0;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_error_from_sqlite (self, rc, error);
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
tavla_sqlite_store_insert_history (TavlaStore                *store,
                                   const char                *object_kind,
                                   const TavlaHistoryFields  *fields,
                                   GError                   **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  if (refuse_if_read_only (self, error))
    return FALSE;

  stmt = get_statement (self,
                        "INSERT INTO history (change_id, object_kind, object_id, at, actor, field,"
                        " old_value, new_value, note, meeting_id)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, fields->change_id);
  bind_text_or_null (stmt, 2, object_kind);
  sqlite3_bind_int64 (stmt, 3, fields->object_id);
  bind_text_or_null (stmt, 4, fields->at);
  bind_text_or_null (stmt, 5, fields->actor);
  bind_text_or_null (stmt, 6, fields->field);
  bind_text_or_null (stmt, 7, fields->old_value);
  bind_text_or_null (stmt, 8, fields->new_value);
  bind_text_or_null (stmt, 9, fields->note);
  bind_id_or_null (stmt, 10, fields->meeting_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return set_error_from_sqlite (self, rc, error);

  return TRUE;
}

static GPtrArray *
tavla_sqlite_store_list_history (TavlaStore  *store,
                                 const char  *object_kind,
                                 gint64       object_id,
                                 GError     **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  stmt = get_statement (self,
                        "SELECT id, change_id, object_id, at, actor, field, old_value, new_value, note,"
                        " meeting_id FROM history WHERE object_kind = ?1 AND object_id = ?2 ORDER BY id",
                        error);
  if (stmt == NULL)
    return NULL;

  bind_text_or_null (stmt, 1, object_kind);
  sqlite3_bind_int64 (stmt, 2, object_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TavlaHistoryFields fields = {
        .id = sqlite3_column_int64 (stmt, 0),
        .change_id = sqlite3_column_int64 (stmt, 1),
        .object_id = sqlite3_column_int64 (stmt, 2),
        .at = column_text (stmt, 3),
        .actor = column_text (stmt, 4),
        .field = column_text (stmt, 5),
        .old_value = column_text (stmt, 6),
        .new_value = column_text (stmt, 7),
        .note = column_text (stmt, 8),
        .meeting_id = sqlite3_column_int64 (stmt, 9),
      };

      g_ptr_array_add (entries, tavla_history_entry_new (&fields));
    }

  if (rc != SQLITE_DONE)
    {
      set_error_from_sqlite (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

static GPtrArray *
tavla_sqlite_store_list_links (TavlaStore  *store,
                               gint64       item_id,
                               GError     **error)
{
  TavlaSqliteStore *self = TAVLA_SQLITE_STORE (store);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_link_free);
  AUTO_RESET sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  /* A short label per target kind, so a list of links reads on its own. */
  stmt = get_statement (self,
                        "SELECT l.id, l.kind, l.target_id, l.created,"
                        " CASE l.kind"
                        "  WHEN 'metric' THEN (SELECT name FROM metric WHERE id = l.target_id)"
                        "  WHEN 'deviation' THEN (SELECT m.name || ' ' || v.period FROM deviation v"
                        "    JOIN metric m ON m.id = v.metric_id WHERE v.id = l.target_id)"
                        "  WHEN 'agreement' THEN (SELECT d.name || ' ' || a.version_no FROM agreement a"
                        "    JOIN department d ON d.id = a.department_id WHERE a.id = l.target_id)"
                        "  WHEN 'casetype' THEN (SELECT name FROM case_type WHERE id = l.target_id)"
                        "  WHEN 'recommendation' THEN (SELECT substr (text, 1, 80) FROM recommendation"
                        "    WHERE id = l.target_id)"
                        "  WHEN 'feedback' THEN (SELECT substr (text, 1, 80) FROM feedback"
                        "    WHERE id = l.target_id)"
                        " END"
                        " FROM item_link l WHERE l.item_id = ?1 ORDER BY l.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, item_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TavlaLink *link = g_new0 (TavlaLink, 1);

      link->id = sqlite3_column_int64 (stmt, 0);
      link->kind = g_strdup (column_text (stmt, 1));
      link->target_id = sqlite3_column_int64 (stmt, 2);
      link->created = g_strdup (column_text (stmt, 3));
      link->label = g_strdup (column_text (stmt, 4));
      g_ptr_array_add (links, link);
    }

  if (rc != SQLITE_DONE)
    {
      set_error_from_sqlite (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&links);
}

/* The helpers the second store file (tavla-sqlite-metrics.c) shares. */
sqlite3_stmt *
tavla_sqlite_store_statement (TavlaSqliteStore  *self,
                              const char        *sql,
                              GError           **error)
{
  return get_statement (self, sql, error);
}

gboolean
tavla_sqlite_store_fail (TavlaSqliteStore  *self,
                         int                rc,
                         GError           **error)
{
  return set_error_from_sqlite (self, rc, error);
}

gboolean
tavla_sqlite_store_refuse_read_only (TavlaSqliteStore  *self,
                                     GError           **error)
{
  return refuse_if_read_only (self, error);
}

gboolean
tavla_sqlite_store_step_done (TavlaSqliteStore  *self,
                              sqlite3_stmt      *stmt,
                              GError           **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return set_error_from_sqlite (self, rc, error);

  return TRUE;
}

gint64
tavla_sqlite_store_step_insert (TavlaSqliteStore  *self,
                                sqlite3_stmt      *stmt,
                                GError           **error)
{
  return step_insert (self, stmt, error);
}

/* Closing after a change updates the day's backup; a clean close leaves
 * the mark that spares the next open its quick check. */
static void
close_cleanly (TavlaSqliteStore *self)
{
  g_autofree char *mark = NULL;
  int fd = -1;

  if (self->db == NULL || !self->opened_for_writing)
    {
      close_database (self);
      return;
    }

  if (self->changed)
    {
      g_autoptr(GError) error = NULL;

      if (!tavla_sqlite_backup_automatic (self, &error))
        g_message ("The backup of %s on closing failed: %s", self->path, error->message);
    }

  close_database (self);

  mark = tavla_sqlite_mark_path (self->path);
  fd = open (mark, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd >= 0)
    close (fd);
}

static void
tavla_sqlite_store_finalize (GObject *object)
{
  TavlaSqliteStore *self = (TavlaSqliteStore *) object;

  close_cleanly (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (tavla_sqlite_store_parent_class)->finalize (object);
}

static void
tavla_sqlite_store_class_init (TavlaSqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TavlaStoreClass *store_class = TAVLA_STORE_CLASS (klass);

  object_class->finalize = tavla_sqlite_store_finalize;

  store_class->begin_write = tavla_sqlite_store_begin_write;
  store_class->commit = tavla_sqlite_store_commit;
  store_class->rollback = tavla_sqlite_store_rollback;
  store_class->is_read_only = tavla_sqlite_store_is_read_only;
  store_class->get_read_only_reason = tavla_sqlite_store_get_read_only_reason;
  store_class->get_data_version = tavla_sqlite_store_get_data_version;
  store_class->count = tavla_sqlite_store_count;
  store_class->list_items = tavla_sqlite_store_list_items;
  store_class->get_item = tavla_sqlite_store_get_item;
  store_class->list_people = tavla_sqlite_store_list_people;
  store_class->list_departments = tavla_sqlite_store_list_departments;
  store_class->find_person_id = tavla_sqlite_store_find_person_id;
  store_class->find_department_id = tavla_sqlite_store_find_department_id;
  store_class->insert_person = tavla_sqlite_store_insert_person;
  store_class->insert_department = tavla_sqlite_store_insert_department;
  store_class->insert_item = tavla_sqlite_store_insert_item;
  store_class->update_item = tavla_sqlite_store_update_item;
  store_class->next_change_id = tavla_sqlite_store_next_change_id;
  store_class->insert_history = tavla_sqlite_store_insert_history;
  store_class->list_history = tavla_sqlite_store_list_history;
  store_class->list_links = tavla_sqlite_store_list_links;
  tavla_sqlite_metrics_class_init (store_class);
}

static void
tavla_sqlite_store_init (TavlaSqliteStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_statement);
}

TavlaStore *
tavla_sqlite_store_open (const char  *path,
                         GError     **error)
{
  g_autoptr(TavlaSqliteStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TAVLA_TYPE_SQLITE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_database (self, error))
    return NULL;

  return TAVLA_STORE (g_steal_pointer (&self));
}

const char *
tavla_sqlite_store_get_path (TavlaSqliteStore *self)
{
  g_return_val_if_fail (TAVLA_IS_SQLITE_STORE (self), NULL);

  return self->path;
}

gboolean
tavla_sqlite_store_backup (TavlaSqliteStore  *self,
                           const char        *destination,
                           GError           **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  int fd = -1;

  g_return_val_if_fail (TAVLA_IS_SQLITE_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  dir = g_path_get_dirname (destination);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("Could not create the backup folder “%s”: %s."), dir, g_strerror (saved_errno));
      return FALSE;
    }

  tmp_path = g_strconcat (destination, ".tmp-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("Could not create the backup “%s”: %s."), destination, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  /* Copy, check, flush, then rename: a backup is whole or absent. */
  if (!copy_into (self, tmp_path, error) ||
      !sync_path (tmp_path, FALSE, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  /* The file's time is when the copy was taken (the core's clock). */
  {
    g_autoptr(GDateTime) now = tavla_clock_now_utc ();
    struct timespec times[2] = {
      { .tv_sec = g_date_time_to_unix (now) }, { .tv_sec = g_date_time_to_unix (now) },
    };

    if (utimensat (AT_FDCWD, tmp_path, times, 0) != 0)
      g_debug ("Could not set the time of %s: %s", tmp_path, g_strerror (errno));
  }

  if (g_rename (tmp_path, destination) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("Could not create the backup “%s”: %s."), destination, g_strerror (saved_errno));
      return FALSE;
    }

  return sync_path (dir, TRUE, error);
}

gboolean
tavla_sqlite_store_check (TavlaSqliteStore  *self,
                          gboolean           quick,
                          char             **out_problems,
                          GError           **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint n_foreign = 0;
  int rc = SQLITE_OK;

  g_return_val_if_fail (TAVLA_IS_SQLITE_STORE (self), FALSE);

  *out_problems = NULL;

  rc = sqlite3_prepare_v2 (self->db, quick ? "PRAGMA quick_check (20)" : "PRAGMA integrity_check (20)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_error_from_sqlite (self, rc, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", line);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      /* A check that stops on damage has found damage. */
      if (is_damage (rc))
        {
          *out_problems = g_strdup (sqlite3_errmsg (self->db));
          return TRUE;
        }
      return set_error_from_sqlite (self, rc, error);
    }

  if (!quick)
    {
      rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        return set_error_from_sqlite (self, rc, error);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        n_foreign++;
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return set_error_from_sqlite (self, rc, error);
      if (n_foreign > 0)
        {
          g_autofree char *broken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%u broken reference between tables",
                                                                  "%u broken references between tables",
                                                                  n_foreign), n_foreign);

          g_string_append_printf (problems, "%s%s", problems->len > 0 ? "; " : "", broken);
        }
    }

  if (problems->len > 0)
    *out_problems = g_string_free (g_steal_pointer (&problems), FALSE);

  return TRUE;
}

gboolean
tavla_sqlite_store_move_aside_if_damaged (TavlaSqliteStore  *self,
                                          GError           **error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (TAVLA_IS_SQLITE_STORE (self), FALSE);

  if (!self->saw_damage || self->read_only || self->db == NULL)
    return FALSE;

  detail = g_strdup (sqlite3_errmsg (self->db));
  self->opened_for_writing = FALSE;
  g_clear_error (error);
  move_damaged_aside (self, detail, error);

  return TRUE;
}
