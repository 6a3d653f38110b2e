/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tavla-board-private.h"
#include "tavla-clock.h"
#include "tavla-error.h"
#include "tavla-sqlite-backups.h"

/* How many backups of each kind rotation keeps. */
static const struct
{
  const char *prefix;
  guint       keep;
} kinds[] = {
  [TAVLA_BACKUP_KIND_DAILY] = { "daily-", 7 },
  [TAVLA_BACKUP_KIND_WEEKLY] = { "weekly-", 4 },
  [TAVLA_BACKUP_KIND_UPGRADE] = { "upgrade-", 3 },
  [TAVLA_BACKUP_KIND_MANUAL] = { "manual-", 10 },
};

#define BACKUP_SUFFIX ".bak"
#define SQLITE_HEADER "SQLite format 3"

static GDateTime *
now_local (void)
{
  g_autoptr(GDateTime) now = tavla_clock_now_utc ();

  return g_date_time_to_local (now);
}

static char *
format_taken (GDateTime *taken)
{
  return g_date_time_format (taken, "%Y-%m-%d %H:%M");
}

static gboolean
kind_from_name (const char      *name,
                TavlaBackupKind *out_kind)
{
  if (!g_str_has_suffix (name, BACKUP_SUFFIX))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_str_has_prefix (name, kinds[i].prefix))
        {
          *out_kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const TavlaBackup *first = *(const TavlaBackup **) a;
  const TavlaBackup *second = *(const TavlaBackup **) b;
  int order = g_date_time_compare (second->taken, first->taken);

  return order != 0 ? order : g_strcmp0 (second->path, first->path);
}

/* Flushes a folder, so that a rename in it survives a power cut. */
static void
sync_folder (const char *path)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("Could not sync %s: %s", path, g_strerror (errno));
  close (fd);
}

/* Opens @path read-only and unchangeable (no -wal or -shm is created next
 * to a backup) and runs @check: the backup is a sound Tavla database when
 * its application id is Tavla's and the check says "ok". */
static gboolean
file_passes_check (const char  *path,
                   const char  *check,
                   char       **out_detail)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *full_uri = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  g_autofree char *detail = NULL;
  int rc;

  if (uri == NULL || !tavla_sqlite_file_is_tavla (path))
    {
      if (out_detail != NULL)
        *out_detail = g_strdup (_("it is not a Tavla database"));
      return FALSE;
    }

  full_uri = g_strconcat (uri, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (full_uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, check, -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      ok = g_strcmp0 (result, "ok") == 0;
      if (!ok)
        detail = g_strdup (result);
    }
  else
    {
      detail = g_strdup (db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (out_detail != NULL)
    *out_detail = g_steal_pointer (&detail);

  return ok;
}

/* Copies @source to a new temporary file next to @destination (0600),
 * syncs it and renames it over @destination. */
static gboolean
copy_file_synced (const char  *source,
                  const char  *destination,
                  GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (destination, ".restore-XXXXXX", NULL);
  g_autofree char *dir = g_path_get_dirname (destination);
  char buffer[64 * 1024];
  int in = -1;
  int out = -1;
  int saved_errno = 0;
  gssize n;

  in = open (source, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (in < 0)
    {
      saved_errno = errno;
      goto failed;
    }
  out = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (out < 0)
    {
      saved_errno = errno;
      goto failed;
    }

  while ((n = read (in, buffer, sizeof buffer)) != 0)
    {
      gssize written = 0;

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          goto failed;
        }
      while (written < n)
        {
          gssize w = write (out, buffer + written, n - written);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              saved_errno = errno;
              goto failed;
            }
          written += w;
        }
    }

  if (fsync (out) != 0 || close (out) != 0)
    {
      saved_errno = errno;
      out = -1;
      goto failed;
    }
  out = -1;
  close (in);
  in = -1;

  if (g_rename (tmp_path, destination) != 0)
    {
      saved_errno = errno;
      goto failed;
    }
  sync_folder (dir);

  return TRUE;

failed:
  if (in >= 0)
    close (in);
  if (out >= 0)
    close (out);
  g_unlink (tmp_path);
  g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
               _("Could not copy “%s” to “%s”: %s. The database was not replaced."),
               source, destination, g_strerror (saved_errno));
  return FALSE;
}

/* Shared with the store */

char *
tavla_sqlite_backup_path (const char      *db_path,
                          TavlaBackupKind  kind,
                          int              label)
{
  g_autoptr(GDateTime) now = now_local ();
  g_autofree char *folder = tavla_backup_folder (db_path);
  g_autofree char *name = NULL;
  g_autofree char *stamp = NULL;

  switch (kind)
    {
    case TAVLA_BACKUP_KIND_DAILY:
      stamp = g_date_time_format (now, "%Y-%m-%d");
      name = g_strconcat ("daily-", stamp, BACKUP_SUFFIX, NULL);
      break;
    case TAVLA_BACKUP_KIND_WEEKLY:
      stamp = g_date_time_format (now, "%G-W%V");
      name = g_strconcat ("weekly-", stamp, BACKUP_SUFFIX, NULL);
      break;
    case TAVLA_BACKUP_KIND_UPGRADE:
      stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      name = g_strdup_printf ("upgrade-v%d-%s" BACKUP_SUFFIX, label, stamp);
      break;
    case TAVLA_BACKUP_KIND_MANUAL:
    default:
      stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      name = g_strconcat ("manual-", stamp, BACKUP_SUFFIX, NULL);
      break;
    }

  return g_build_filename (folder, name, NULL);
}

gboolean
tavla_sqlite_backup_has_today (const char *db_path)
{
  g_autofree char *daily = tavla_sqlite_backup_path (db_path, TAVLA_BACKUP_KIND_DAILY, 0);

  return g_file_test (daily, G_FILE_TEST_EXISTS);
}

gboolean
tavla_sqlite_backup_automatic (TavlaSqliteStore  *self,
                               GError           **error)
{
  g_autofree char *daily = tavla_sqlite_backup_path (self->path, TAVLA_BACKUP_KIND_DAILY, 0);
  g_autofree char *weekly = tavla_sqlite_backup_path (self->path, TAVLA_BACKUP_KIND_WEEKLY, 0);

  if (!tavla_sqlite_store_backup (self, daily, error))
    return FALSE;
  if (!g_file_test (weekly, G_FILE_TEST_EXISTS) &&
      !tavla_sqlite_store_backup (self, weekly, error))
    return FALSE;

  self->changed = FALSE;
  tavla_sqlite_backup_rotate (self->path);

  return TRUE;
}

/* A backup interrupted by a crash leaves its temporary file; one older
 * than an hour belongs to no running backup. */
static void
remove_stale_temporaries (const char *db_path)
{
  g_autofree char *folder_path = tavla_backup_folder (db_path);
  g_autoptr(GDir) folder = g_dir_open (folder_path, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name = NULL;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder_path, name, NULL);
      GStatBuf st;

      if (strstr (name, BACKUP_SUFFIX ".tmp-") != NULL && g_lstat (path, &st) == 0 &&
          S_ISREG (st.st_mode) && now - st.st_mtime > 3600)
        g_unlink (path);
    }
}

void
tavla_sqlite_backup_rotate (const char *db_path)
{
  g_autoptr(GPtrArray) backups = tavla_backup_list (db_path, NULL);
  guint seen[G_N_ELEMENTS (kinds)] = { 0 };

  remove_stale_temporaries (db_path);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      TavlaBackup *backup = g_ptr_array_index (backups, i);

      if (++seen[backup->kind] > kinds[backup->kind].keep && g_unlink (backup->path) != 0)
        g_debug ("Could not remove the old backup %s: %s", backup->path, g_strerror (errno));
    }
}

char *
tavla_sqlite_mark_path (const char *db_path)
{
  return g_strconcat (db_path, "-closed", NULL);
}

gboolean
tavla_sqlite_move_aside (const char  *db_path,
                         const char  *label,
                         char       **out_aside,
                         GError     **error)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GDateTime) now = now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.%s-%s", db_path, label, stamp);
  g_autofree char *dir = g_path_get_dirname (db_path);

  for (guint n = 2; g_file_test (aside, G_FILE_TEST_EXISTS); n++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.%s-%s-%u", db_path, label, stamp, n);
    }

  /* The three files belong together: a -wal without its database (or
   * the reverse) is half a database. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (i > 0 && !g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                       _("Could not move “%s” aside to “%s”: %s. Nothing was changed; "
                         "close other programs that use it and try again."),
                       from, to, g_strerror (saved_errno));
          return FALSE;
        }
      g_chmod (to, 0600);
    }
  sync_folder (dir);

  if (out_aside != NULL)
    *out_aside = g_steal_pointer (&aside);

  return TRUE;
}

char *
tavla_sqlite_find_damaged_aside (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *prefix = g_strconcat (base, ".damaged-", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autofree char *newest = NULL;
  const char *name = NULL;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal") &&
          !g_str_has_suffix (name, "-shm") && g_strcmp0 (name, newest) > 0)
        {
          g_free (newest);
          newest = g_strdup (name);
        }
    }

  return newest != NULL ? g_build_filename (dir, newest, NULL) : NULL;
}

gboolean
tavla_sqlite_file_is_tavla (const char *path)
{
  guchar header[100];
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  gssize n = 0;
  guint32 application_id;

  if (fd < 0)
    return FALSE;
  n = read (fd, header, sizeof header);
  close (fd);

  if (n != sizeof header || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    return FALSE;

  application_id = ((guint32) header[68] << 24) | ((guint32) header[69] << 16) |
                   ((guint32) header[70] << 8) | header[71];

  return application_id == TAVLA_SQLITE_APPLICATION_ID;
}

void
tavla_sqlite_set_damaged_error (GError     **error,
                                const char  *db_path,
                                const char  *aside,
                                const char  *detail)
{
  g_autoptr(TavlaBackup) backup = tavla_backup_find_newest_good (db_path);
  g_autofree char *what = NULL;
  g_autofree char *remedy = NULL;

  if (detail != NULL)
    what = g_strdup_printf (_("The database “%s” is damaged (%s). It was moved aside to “%s”; "
                              "nothing was deleted."), db_path, detail, aside);
  else
    what = g_strdup_printf (_("The database “%s” was moved aside to “%s” because it was damaged; "
                              "no new, empty one is made in its place."), db_path, aside);

  if (backup != NULL)
    {
      g_autofree char *taken = format_taken (backup->taken);

      remedy = g_strdup_printf (_("Restore the newest good backup, from %s: “%s”."),
                                taken, backup->path);
    }
  else
    {
      remedy = g_strdup (_("There is no backup to restore; keep the moved file and ask for help "
                           "to rescue it."));
    }

  g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_DAMAGED, "%s %s", what, remedy);
}

/* Public API */

void
tavla_backup_free (TavlaBackup *backup)
{
  if (backup == NULL)
    return;

  g_free (backup->path);
  g_clear_pointer (&backup->taken, g_date_time_unref);
  g_free (backup);
}

const char *
tavla_backup_kind_to_string (TavlaBackupKind kind)
{
  switch (kind)
    {
    case TAVLA_BACKUP_KIND_DAILY:
      return "daily";
    case TAVLA_BACKUP_KIND_WEEKLY:
      return "weekly";
    case TAVLA_BACKUP_KIND_UPGRADE:
      return "upgrade";
    case TAVLA_BACKUP_KIND_MANUAL:
    default:
      return "manual";
    }
}

const char *
tavla_backup_kind_get_label (TavlaBackupKind kind)
{
  switch (kind)
    {
    case TAVLA_BACKUP_KIND_DAILY:
      return _("Daily");
    case TAVLA_BACKUP_KIND_WEEKLY:
      return _("Weekly");
    case TAVLA_BACKUP_KIND_UPGRADE:
      return _("Before upgrade");
    case TAVLA_BACKUP_KIND_MANUAL:
    default:
      return _("Manual");
    }
}

char *
tavla_backup_folder (const char *db_path)
{
  g_autofree char *canonical = g_canonicalize_filename (db_path, NULL);
  g_autofree char *base = g_path_get_basename (canonical);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  g_autofree char *name = NULL;

  /* One folder per database: two files called tavla.db in different
   * folders must never rotate each other's backups away. */
  hash[8] = '\0';
  name = g_strdup_printf ("%s-%s", base, hash);

  return g_build_filename (g_get_user_state_dir (), "tavla", "backups", name, NULL);
}

GPtrArray *
tavla_backup_list (const char  *db_path,
                   GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) tavla_backup_free);
  g_autofree char *folder_path = tavla_backup_folder (db_path);
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name = NULL;

  folder = g_dir_open (folder_path, 0, &local_error);
  if (folder == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);

      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("Could not read the backup folder “%s”: %s."), folder_path, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder_path, name, NULL);
      TavlaBackupKind kind;
      TavlaBackup *backup = NULL;
      GStatBuf st;

      if (!kind_from_name (name, &kind) || g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      backup = g_new0 (TavlaBackup, 1);
      backup->path = g_steal_pointer (&path);
      backup->kind = kind;
      backup->size = st.st_size;
      backup->taken = g_date_time_new_from_unix_local (st.st_mtime);
      g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_newest_first);

  return g_steal_pointer (&backups);
}

TavlaBackup *
tavla_backup_find_newest_good (const char *db_path)
{
  g_autoptr(GPtrArray) backups = tavla_backup_list (db_path, NULL);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      TavlaBackup *backup = g_ptr_array_index (backups, i);

      if (file_passes_check (backup->path, "PRAGMA quick_check", NULL))
        return g_ptr_array_steal_index (backups, i);
    }

  return NULL;
}

gboolean
tavla_backup_restore (const char  *db_path,
                      const char  *backup_path,
                      char       **out_moved_aside,
                      GDateTime  **out_taken,
                      GError     **error)
{
  g_autofree char *detail = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *mark = NULL;
  g_autoptr(TavlaStore) store = NULL;
  g_autofree char *problems = NULL;
  GStatBuf st;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  /* A backup that is not sound replaces nothing. */
  if (g_lstat (backup_path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND,
                   _("There is no backup file “%s”; nothing was changed. “tavla-cli backups” "
                     "lists the backups."), backup_path);
      return FALSE;
    }
  if (!file_passes_check (backup_path, "PRAGMA integrity_check", &detail))
    {
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("“%s” is not a sound Tavla backup (%s); nothing was changed. Choose another "
                     "backup."), backup_path, detail);
      return FALSE;
    }

  dir = g_path_get_dirname (db_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("Could not create the folder “%s” for the database: %s."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_file_test (db_path, G_FILE_TEST_EXISTS) &&
      !tavla_sqlite_move_aside (db_path, "before-restore", &aside, error))
    return FALSE;

  /* The restored file gets a quick check when it is first opened. */
  mark = tavla_sqlite_mark_path (db_path);
  g_unlink (mark);

  if (!copy_file_synced (backup_path, db_path, error))
    {
      if (aside != NULL)
        g_prefix_error (error, _("The previous database is kept as “%s”. "), aside);
      return FALSE;
    }

  /* Open it as the app would (an older backup is upgraded) and check it
   * once more, in place. */
  store = tavla_sqlite_store_open (db_path, error);
  if (store == NULL)
    return FALSE;
  if (!tavla_sqlite_store_check (TAVLA_SQLITE_STORE (store), FALSE, &problems, error))
    return FALSE;
  if (problems != NULL)
    {
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("The restored database does not pass its check (%s). Choose another backup."),
                   problems);
      return FALSE;
    }

  if (out_moved_aside != NULL)
    *out_moved_aside = g_steal_pointer (&aside);
  if (out_taken != NULL)
    *out_taken = g_date_time_new_from_unix_local (st.st_mtime);

  return TRUE;
}

char *
tavla_board_back_up_now (TavlaBoard  *self,
                         const char  *destination,
                         GError     **error)
{
  TavlaStore *store = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  store = tavla_board_get_store (self);
  if (!TAVLA_IS_SQLITE_STORE (store))
    {
      g_set_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED,
                   _("This database cannot be backed up from Tavla; ask its administrator."));
      return NULL;
    }

  if (destination != NULL)
    path = g_strdup (destination);
  else
    path = tavla_sqlite_backup_path (tavla_board_get_path (self), TAVLA_BACKUP_KIND_MANUAL, 0);

  if (!tavla_sqlite_store_backup (TAVLA_SQLITE_STORE (store), path, error))
    return NULL;
  if (destination == NULL)
    tavla_sqlite_backup_rotate (tavla_board_get_path (self));

  return g_steal_pointer (&path);
}

gboolean
tavla_board_check_database (TavlaBoard  *self,
                            char       **out_problems,
                            GError     **error)
{
  TavlaStore *store = NULL;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);
  g_return_val_if_fail (out_problems != NULL, FALSE);

  store = tavla_board_get_store (self);
  if (!TAVLA_IS_SQLITE_STORE (store))
    {
      *out_problems = NULL;
      return TRUE;
    }

  return tavla_sqlite_store_check (TAVLA_SQLITE_STORE (store), FALSE, out_problems, error);
}
