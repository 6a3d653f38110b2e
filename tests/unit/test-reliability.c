/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * The proofs of RELIABILITY.md that run inside one test program: kill -9
 * during writes, a faulty disk at every write and sync of a workload,
 * damaged files, killed migrations, hostile text, backups and their
 * rotation, restore, and the permissions of everything Tavla writes.
 * Each test prints its numbers with g_test_message (see `--verbose`).
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "fault-vfs.h"
#include "test-common.h"

#define N_KILL_RUNS 200
#define N_HOSTILE 10000

/* Raw access, past the store */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql,
         const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gint64
path_int (const char *path,
          const char *sql)
{
  sqlite3 *db = raw_open (path);
  gint64 value = raw_int (db, sql, NULL);

  sqlite3_close (db);
  return value;
}

static gboolean
raw_integrity_ok (sqlite3 *db)
{
  return raw_int (db, "SELECT count (*) FROM pragma_integrity_check WHERE integrity_check = 'ok'",
                  NULL) == 1;
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  if ((st.st_mode & 0777) != mode)
    g_error ("%s has mode %o, expected %o", path, st.st_mode & 0777, mode);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
}

static TavlaItem *
add_titled (TavlaBoard  *board,
            const char  *title,
            GError     **error)
{
  TavlaItemChange fields = { .set = TAVLA_ITEM_FIELD_TITLE, .title = title };

  return tavla_board_create_item (board, &fields, NULL, error);
}

/* kill -9 during writes */

static void G_GNUC_NORETURN
run_acknowledging_writer (const char *path,
                          guint       run,
                          int         fd)
{
  g_autoptr(TavlaBoard) board = tavla_board_open (path, NULL);

  if (board == NULL)
    _exit (3);

  for (guint32 n = 0;; n++)
    {
      g_autofree char *title = g_strdup_printf ("Kvitterat %u-%u", run, n);
      g_autoptr(TavlaItem) item = add_titled (board, title, NULL);

      if (item == NULL)
        _exit (4);
      /* Only what the store said was saved is acknowledged. */
      if (write (fd, &n, sizeof n) != sizeof n)
        _exit (5);
    }
}

static void
test_kill_during_writes (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autofree char *path = g_strdup (tavla_board_get_path (board));
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(GTimer) timer = g_timer_new ();
  guint acknowledged = 0;
  guint unacknowledged_present = 0;
  guint integrity_failures = 0;
  guint lost = 0;
  guint partial = 0;
  guint killed = 0;

  g_clear_object (&board);

  for (guint run = 0; run < N_KILL_RUNS; run++)
    {
      int fds[2];
      pid_t child;
      int status = 0;
      guint32 n = 0;
      guint32 last = 0;
      gboolean any = FALSE;
      sqlite3 *db = NULL;

      g_assert_cmpint (pipe (fds), ==, 0);
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          close (fds[0]);
          run_acknowledging_writer (path, run, fds[1]);
        }
      close (fds[1]);

      /* One kill in ten lands while the store opens (and checks) the
       * file; the others during commits, after the first one. */
      if (run % 10 == 0)
        {
          g_usleep (g_rand_int_range (rand, 0, 20000));
        }
      else
        {
          if (read (fds[0], &n, sizeof n) == sizeof n)
            {
              last = n;
              any = TRUE;
            }
          g_usleep (g_rand_int_range (rand, 0, 30000));
        }
      kill (child, SIGKILL);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
        killed++;
      else
        g_error ("run %u: the writer ended by itself (status %d)", run, status);

      while (read (fds[0], &n, sizeof n) == sizeof n)
        {
          last = n;
          any = TRUE;
        }
      close (fds[0]);

      db = raw_open (path);
      if (!raw_integrity_ok (db))
        integrity_failures++;
      for (guint32 i = 0; any && i <= last; i++)
        {
          g_autofree char *title = g_strdup_printf ("Kvitterat %u-%u", run, i);

          acknowledged++;
          if (raw_int (db, "SELECT count (*) FROM item WHERE title = ?1", title) != 1)
            lost++;
        }
      {
        g_autofree char *title = g_strdup_printf ("Kvitterat %u-%u", run, any ? last + 1 : 0);

        unacknowledged_present += raw_int (db, "SELECT count (*) FROM item WHERE title = ?1", title);
      }
      /* An item without its history row, or the reverse, is half a commit. */
      partial += raw_int (db, "SELECT count (*) FROM item i WHERE NOT EXISTS (SELECT 1 FROM history h"
                              " WHERE h.object_kind = 'item' AND h.object_id = i.id)", NULL);
      partial += raw_int (db, "SELECT count (*) FROM history h WHERE h.object_kind = 'item' AND NOT EXISTS"
                              " (SELECT 1 FROM item i WHERE i.id = h.object_id)", NULL);
      sqlite3_close (db);
    }

  g_test_message ("kill -9: %u runs, %u killed, %u acknowledged commits, %u lost, %u partial, "
                  "%u integrity failures, %u committed but unacknowledged, %.1f s",
                  N_KILL_RUNS, killed, acknowledged, lost, partial, integrity_failures,
                  unacknowledged_present, g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (killed, ==, N_KILL_RUNS);
  g_assert_cmpuint (integrity_failures, ==, 0);
  g_assert_cmpuint (lost, ==, 0);
  g_assert_cmpuint (partial, ==, 0);
  g_assert_cmpuint (acknowledged, >, N_KILL_RUNS);

  /* A crashed file is checked at open, found sound, and opens. */
  board = test_board_new (dir);
  g_assert_false (tavla_board_is_read_only (board));
  g_assert_cmpint (g_list_model_get_n_items (tavla_board_get_items (board)), >=, acknowledged);
}

/* A faulty disk at every write and sync */

typedef struct
{
  gboolean ok[3];
  gboolean reported[3];
} WorkloadResult;

static const char *fault_csv =
  "metric,period,group,value,numerator,denominator,respondents\n"
  "Svarsfrekvens,2026-W47,Socialtjänst,,452,511,\n"
  "Svarsfrekvens,2026-W47,Barn och utbildning,,410,428,\n"
  "Svarsfrekvens,2026-W48,Socialtjänst,,430,500,\n";

#define FAULT_SECTION_TEXT "Kundcenter besvarar frågor om försörjningsstöd inom två arbetsdagar."

static void
prepare_fault_base (const char *path,
                    gint64     *out_agreement)
{
  TavlaMetricInput answer_rate = {
    .name = "Svarsfrekvens", .unit = "percent", .direction = "higher", .target = "95",
    .period = "week", .per_group = TRUE,
  };
  TavlaAgreementInput input = { .department = "SOC" };
  g_autoptr(TavlaBoard) board = tavla_board_open (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaDepartment) soc = NULL;
  g_autoptr(TavlaMetric) metric = NULL;
  g_autoptr(TavlaResponseGroup) group1 = NULL;
  g_autoptr(TavlaResponseGroup) group2 = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;

  g_assert_nonnull (board);
  soc = tavla_board_add_department (board, "Socialförvaltningen", "SOC", NULL, &error);
  g_assert_no_error (error);
  metric = tavla_board_add_metric (board, &answer_rate, NULL, NULL, &error);
  g_assert_no_error (error);
  group1 = tavla_board_add_response_group (board, "Socialtjänst", NULL, &error);
  g_assert_no_error (error);
  group2 = tavla_board_add_response_group (board, "Barn och utbildning", NULL, &error);
  g_assert_no_error (error);
  agreement = tavla_board_add_agreement (board, &input, NULL, NULL, &error);
  g_assert_no_error (error);
  *out_agreement = tavla_agreement_get_id (agreement);
}

static void
run_workload (TavlaBoard     *board,
              gint64          agreement_id,
              WorkloadResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(TavlaAgreement) changed = NULL;

  item = add_titled (board, "Felinjicerat förslag", &error);
  result->ok[0] = item != NULL;
  result->reported[0] = error != NULL && error->domain == TAVLA_STORE_ERROR;
  g_clear_error (&error);

  result->ok[1] = tavla_board_import_measurements (board, fault_csv, -1, FALSE, NULL, NULL, &error);
  result->reported[1] = error != NULL && error->domain == TAVLA_STORE_ERROR;
  g_clear_error (&error);

  agreement = tavla_board_get_agreement (board, agreement_id, &error);
  g_assert_no_error (error);
  changed = tavla_board_set_agreement_section (board, agreement_id, tavla_agreement_get_version (agreement),
                                               "responsibilities", FAULT_SECTION_TEXT, NULL, NULL, &error);
  result->ok[2] = changed != NULL;
  result->reported[2] = error != NULL && error->domain == TAVLA_STORE_ERROR;
}

/* Each step's effect in the file: 1 whole, 0 absent, -1 half done. */
static void
workload_state (const char *path,
                int         state[3])
{
  sqlite3 *db = raw_open (path);
  gint64 items = raw_int (db, "SELECT count (*) FROM item WHERE title = 'Felinjicerat förslag'", NULL);
  gint64 item_history = raw_int (db, "SELECT count (*) FROM history WHERE object_kind = 'item'", NULL);
  gint64 measurements = raw_int (db, "SELECT count (*) FROM measurement", NULL);
  gint64 measurement_history = raw_int (db, "SELECT count (*) FROM history WHERE object_kind = 'measurement'", NULL);
  gint64 sections = raw_int (db, "SELECT count (*) FROM agreement_section WHERE text = ?1", FAULT_SECTION_TEXT);
  gint64 section_history = raw_int (db, "SELECT count (*) FROM history WHERE field LIKE 'section:%'", NULL);

  g_assert_true (raw_integrity_ok (db));
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM pragma_foreign_key_check", NULL), ==, 0);
  sqlite3_close (db);

  state[0] = (items == 1 && item_history == 1) ? 1 : (items == 0 && item_history == 0) ? 0 : -1;
  state[1] = (measurements == 3 && measurement_history == 3) ? 1 :
             (measurements == 0 && measurement_history == 0) ? 0 : -1;
  state[2] = (sections == 1 && section_history == 1) ? 1 : (sections == 0 && section_history == 0) ? 0 : -1;
}

static void
test_faulty_disk (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autofree char *base = g_build_filename (dir, "base.db", NULL);
  g_autofree char *path = g_build_filename (dir, "run.db", NULL);
  g_autofree char *base_mark = g_strconcat (base, "-closed", NULL);
  g_autofree char *mark = g_strconcat (path, "-closed", NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  gint64 agreement_id = 0;
  guint n_total = 0;
  guint n_runs = 0;
  guint n_failed_steps = 0;
  guint n_kept_after_error = 0;

  fault_vfs_install ();
  prepare_fault_base (base, &agreement_id);

  /* The clean workload says how many writes and syncs there are. */
  for (guint fail_at = 0, persistent = 0; persistent < 2; )
    {
      g_autoptr(TavlaBoard) board = NULL;
      WorkloadResult result = { 0 };
      int state[3];
      guint n_ops;

      copy_file (base, path);
      copy_file (base_mark, mark);
      board = tavla_board_open (path, NULL);
      g_assert_nonnull (board);

      fault_vfs_arm (fail_at, persistent);
      run_workload (board, agreement_id, &result);
      n_ops = fault_vfs_n_ops ();
      fault_vfs_disarm ();
      g_clear_object (&board);
      workload_state (path, state);
      n_runs++;

      if (fail_at == 0)
        {
          n_total = n_ops;
          g_assert_cmpuint (n_total, >, 3);
          for (guint s = 0; s < 3; s++)
            {
              g_assert_true (result.ok[s]);
              g_assert_cmpint (state[s], ==, 1);
            }
        }
      else
        {
          gboolean any_failed = FALSE;

          for (guint s = 0; s < 3; s++)
            {
              /* Whole or absent, never half; saved means saved; a step
               * that failed says so with a store error. */
              if (state[s] < 0)
                g_error ("fault at %u (%s): step %u is half done", fail_at,
                         persistent ? "persistent" : "one-shot", s);
              if (result.ok[s])
                g_assert_cmpint (state[s], ==, 1);
              else
                {
                  any_failed = TRUE;
                  n_failed_steps++;
                  if (!result.reported[s])
                    g_error ("fault at %u: step %u failed without a store error", fail_at, s);
                  /* A failed sync after the commit frame was written may
                   * keep the commit whole; counted, never half. */
                  if (state[s] == 1)
                    n_kept_after_error++;
                }
            }
          if (!any_failed)
            g_error ("fault at %u (%s): no step reported the failed write", fail_at,
                     persistent ? "persistent" : "one-shot");
        }

      if (++fail_at > n_total)
        {
          fail_at = 1;
          persistent++;
        }
    }

  g_test_message ("faulty disk: %u writes and syncs in the workload, N = 1..%u one-shot and "
                  "persistent, %u runs, %u failed steps all reported, 0 half done, 0 integrity "
                  "failures, %u failed steps kept whole, %.1f s",
                  n_total, n_total, n_runs, n_failed_steps, n_kept_after_error,
                  g_timer_elapsed (timer, NULL));
}

/* Damaged files */

static void
damage (const char *path,
        GRand      *rand,
        guint       how,
        char      **out_what)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize page_size = 4096;
  gsize n_pages;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  n_pages = length / page_size;
  g_assert_cmpuint (n_pages, >, 3);

  switch (how % 3)
    {
    case 0:
      /* A few random bytes anywhere after the header. */
      for (guint i = 0; i < 8; i++)
        contents[g_rand_int_range (rand, 100, (gint32) length)] = (char) g_rand_int (rand);
      *out_what = g_strdup ("random bytes");
      break;
    case 1:
      {
        gsize page = g_rand_int_range (rand, 1, (gint32) n_pages);

        /* A whole page of garbage. */
        for (gsize i = 0; i < page_size; i++)
          contents[page * page_size + i] = (char) g_rand_int (rand);
        *out_what = g_strdup_printf ("page %" G_GSIZE_FORMAT " garbage", page + 1);
      }
      break;
    default:
      {
        gsize page = g_rand_int_range (rand, 1, (gint32) n_pages);

        /* A page of zeros, as after a lost write. */
        memset (contents + page * page_size, 0, page_size);
        *out_what = g_strdup_printf ("page %" G_GSIZE_FORMAT " zeroed", page + 1);
      }
      break;
    }

  g_assert_true (g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
}

static gboolean
raw_check_ok (const char *path,
              const char *pragma)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *full = g_strconcat (uri, "?immutable=1", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (full, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return ok;
}

static void
fill_board (TavlaBoard *board,
            guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Förslag %u om längre öppettider i telefonin", i);
      g_autoptr(TavlaItem) item = test_add_item (board, title);
    }
}

static void
test_damaged_files (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new_staffed (dir);
  g_autofree char *path = g_strdup (tavla_board_get_path (board));
  g_autofree char *good = g_build_filename (dir, "good.db", NULL);
  g_autofree char *mark = g_strconcat (path, "-closed", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);
  g_autoptr(GError) error = NULL;
  guint n_flagged = 0;
  guint n_opened = 0;
  guint n_detected_later = 0;
  const guint n_cases = 90;

  fill_board (board, 120);
  g_clear_object (&board);
  {
    g_autoptr(TavlaBackup) newest = tavla_backup_find_newest_good (path);

    g_assert_nonnull (newest);
    backup = g_strdup (newest->path);
  }
  copy_file (path, good);

  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(TavlaBoard) damaged = NULL;
      g_autofree char *what = NULL;
      g_autofree char *before = NULL;
      g_autofree char *aside = NULL;
      gsize before_length = 0;
      gboolean crashed_before = (i % 2) == 0;
      gboolean sound;

      copy_file (good, path);
      damage (path, rand, i, &what);
      /* Half the cases as after a crash (no clean-shutdown mark), half
       * after a clean close. */
      if (crashed_before)
        g_unlink (mark);
      else
        g_assert_true (g_file_set_contents (mark, "", 0, NULL));
      g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
      sound = raw_check_ok (path, "quick_check");

      damaged = tavla_board_open (path, &error);
      if (damaged == NULL)
        {
          g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_DAMAGED);
          g_assert_nonnull (strstr (error->message, backup));
          g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
          aside = test_find_aside (path, "damaged");
          g_assert_nonnull (aside);
          assert_mode (aside, 0600);
          /* Moved, never changed. */
          {
            g_autofree char *after = NULL;
            gsize after_length = 0;

            g_assert_true (g_file_get_contents (aside, &after, &after_length, NULL));
            g_assert_cmpmem (before, before_length, after, after_length);
          }
          g_unlink (aside);
          n_flagged++;
        }
      else
        {
          g_autofree char *problems = NULL;

          /* A file not checked at open (clean mark) or whose damage the
           * quick check does not see: `check` must see what is wrong. */
          g_assert_no_error (error);
          if (crashed_before && !sound)
            g_error ("case %u (%s): a file that fails its quick check opened", i, what);
          g_assert_true (tavla_board_check_database (damaged, &problems, &error));
          g_assert_no_error (error);
          if ((problems != NULL) != !raw_check_ok (path, "integrity_check"))
            g_error ("case %u (%s): check says “%s”", i, what, problems);
          if (problems != NULL)
            n_detected_later++;
          n_opened++;
        }
      g_clear_error (&error);
      g_clear_object (&damaged);
      g_unlink (path);
      {
        g_autofree char *wal = g_strconcat (path, "-wal", NULL);
        g_autofree char *shm = g_strconcat (path, "-shm", NULL);

        g_unlink (wal);
        g_unlink (shm);
      }
    }

  g_test_message ("damaged files: %u cases, 0 crashes, %u flagged and moved aside, %u opened "
                  "(%u of them flagged by check)", n_cases, n_flagged, n_opened, n_detected_later);
  g_assert_cmpuint (n_flagged, >, n_cases / 4);
}

/* A -wal file from another database next to a sound one. */
static void
test_mismatched_wal (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autofree char *path = g_strdup (tavla_board_get_path (board));
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *other_wal = g_strconcat (other, "-wal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(TavlaBoard) board2 = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  fill_board (board, 20);
  g_clear_object (&board);

  board2 = tavla_board_open (other, &error);
  g_assert_no_error (error);
  fill_board (board2, 5);
  /* Keep a reader, so that other.db-wal stays while it is copied. */
  db = raw_open (other);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint (PASSIVE)", NULL, NULL, NULL), ==, SQLITE_OK);
  copy_file (other_wal, wal);
  sqlite3_close (db);
  g_clear_object (&board2);

  board = tavla_board_open (path, &error);
  if (board == NULL)
    {
      g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_DAMAGED);
      g_test_message ("mismatched wal: flagged and moved aside");
    }
  else
    {
      guint n = g_list_model_get_n_items (tavla_board_get_items (board));

      /* The WAL format does not name its database: a log of another file
       * with the same layout is applied by SQLite, undetectably. What
       * opens must at least be whole: one board or the other. */
      g_assert_no_error (error);
      g_assert_true (n == 20 || n == 5);
      g_assert_cmpint (test_count_rows (board, "pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);
      g_assert_cmpint (test_count_rows (board, "pragma_foreign_key_check"), ==, 0);
      g_test_message ("mismatched wal: opened whole, %u items (%s)", n,
                      n == 20 ? "its own" : "the other file's log applied");
    }
}

/* Migrations */

static char *
schema_text (const char *path)
{
  GString *text = g_string_new ("");
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s %s: %s\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return g_string_free (text, FALSE);
}

/* "table:rows table:rows ..." of every table, a fingerprint of contents:
 * the row count and a hash of every row's values. */
static char *
contents_text (const char *path,
               const char *only_tables)
{
  GString *text = g_string_new ("");
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *tables = NULL;
  g_auto(GStrv) only = g_strsplit (only_tables, " ", -1);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                       " AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = NULL;
      sqlite3_stmt *rows = NULL;
      g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
      guint n = 0;

      if (!g_strv_contains ((const char * const *) only, name))
        continue;
      sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", name);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              const char *value = (const char *) sqlite3_column_text (rows, c);

              g_checksum_update (sum, (const guchar *) (value != NULL ? value : "\x01NULL"), -1);
              g_checksum_update (sum, (const guchar *) "\x1f", 1);
            }
          n++;
        }
      sqlite3_finalize (rows);
      g_string_append_printf (text, "%s:%u:%s\n", name, n, g_checksum_get_string (sum));
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);

  return g_string_free (text, FALSE);
}

static void
load_fixture (const char *name,
              const char *path)
{
  g_autofree char *fixture = g_build_filename (g_getenv ("TAVLA_TEST_SRCDIR"), "tests", "fixtures", name, NULL);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Tables whose rows no step rewrites; their contents must come through
 * an upgrade unchanged, row for row. */
#define KEPT_TABLES "person department item history item_link response_group metric measurement deviation setting"

static void
test_every_fixture_upgrades (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autofree char *fixtures = g_build_filename (g_getenv ("TAVLA_TEST_SRCDIR"), "tests", "fixtures", NULL);
  g_autoptr(GDir) folder = g_dir_open (fixtures, 0, NULL);
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr(TavlaBoard) fresh = tavla_board_open (fresh_path, NULL);
  g_autofree char *fresh_schema = schema_text (fresh_path);
  const char *name = NULL;
  guint n_fixtures = 0;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *schema = NULL;
      g_autoptr(TavlaBoard) board = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) backups = NULL;
      gboolean has_upgrade_backup = FALSE;
      gint64 version_before = 0;

      if (!g_str_has_prefix (name, "schema-v") || !g_str_has_suffix (name, ".sql"))
        continue;
      path = g_build_filename (dir, name, NULL);
      load_fixture (name, path);
      before = contents_text (path, KEPT_TABLES);
      version_before = path_int (path, "PRAGMA user_version");

      board = tavla_board_open (path, &error);
      g_assert_no_error (error);
      g_clear_object (&board);

      after = contents_text (path, KEPT_TABLES);
      schema = schema_text (path);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpstr (schema, ==, fresh_schema);
      g_assert_cmpint (path_int (path, "PRAGMA user_version"), ==, TAVLA_SQLITE_SCHEMA_VERSION);

      /* The verified backup before the upgrade holds the old file. */
      backups = tavla_backup_list (path, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < backups->len; i++)
        {
          TavlaBackup *backup = g_ptr_array_index (backups, i);

          if (backup->kind == TAVLA_BACKUP_KIND_UPGRADE)
            {
              g_autofree char *saved = contents_text (backup->path, KEPT_TABLES);

              has_upgrade_backup = TRUE;
              g_assert_cmpstr (saved, ==, before);
              g_assert_cmpint (path_int (backup->path, "PRAGMA user_version"), <, TAVLA_SQLITE_SCHEMA_VERSION);
              assert_mode (backup->path, 0600);
            }
        }
      /* Only an upgrade takes one; the current schema's dump needs none. */
      g_assert_true (has_upgrade_backup == (version_before < TAVLA_SQLITE_SCHEMA_VERSION));
      n_fixtures++;
    }

  g_test_message ("%u fixtures upgraded with contents preserved", n_fixtures);
  g_assert_cmpuint (n_fixtures, >=, TAVLA_SQLITE_SCHEMA_VERSION);
}

static void
test_killed_migration (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autofree char *pristine = g_build_filename (dir, "v1.db", NULL);
  g_autofree char *v2 = g_build_filename (dir, "v2.db", NULL);
  g_autofree char *path = g_build_filename (dir, "run.db", NULL);
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.db", NULL);
  g_autoptr(TavlaBoard) fresh = tavla_board_open (fresh_path, NULL);
  /* g_autofree frees one pointer, not an array: these are freed below. */
  char *schemas[TAVLA_SQLITE_SCHEMA_VERSION + 1] = { NULL };
  g_autofree char *kept = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1414);
  g_autoptr(GTimer) timer = g_timer_new ();
  guint counts[TAVLA_SQLITE_SCHEMA_VERSION + 1] = { 0 };
  gdouble duration;
  const guint n_runs = 60;

  load_fixture ("schema-v1.sql", pristine);
  load_fixture ("schema-v2.sql", v2);
  schemas[1] = schema_text (pristine);
  schemas[2] = schema_text (v2);
  schemas[3] = schema_text (fresh_path);
  kept = contents_text (pristine, "person department item history");

  /* How long an upgrade takes, to spread the kills over it. */
  copy_file (pristine, path);
  g_timer_start (timer);
  g_clear_object (&(TavlaBoard *) { tavla_board_open (path, NULL) });
  duration = g_timer_elapsed (timer, NULL);

  for (guint run = 0; run < n_runs; run++)
    {
      g_autofree char *schema = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      gint64 version;
      int go[2];
      pid_t child;
      int status = 0;
      char byte = 0;

      g_unlink (wal);
      g_unlink (shm);
      copy_file (pristine, path);
      g_assert_cmpint (pipe (go), ==, 0);
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          close (go[1]);
          if (read (go[0], &byte, 1) != 1)
            _exit (2);
          tavla_board_open (path, NULL);
          _exit (0);
        }
      close (go[0]);
      g_assert_cmpint (write (go[1], "g", 1), ==, 1);
      close (go[1]);
      g_usleep ((gulong) g_rand_double_range (rand, 0, duration * 1.2e6));
      kill (child, SIGKILL);
      waitpid (child, &status, 0);

      /* Exactly one released schema, and the data of the old file. */
      version = path_int (path, "PRAGMA user_version");
      g_assert_cmpint (version, >=, 1);
      g_assert_cmpint (version, <=, TAVLA_SQLITE_SCHEMA_VERSION);
      counts[version]++;
      schema = schema_text (path);
      g_assert_cmpstr (schema, ==, schemas[version]);
      contents = contents_text (path, "person department item history");
      g_assert_cmpstr (contents, ==, kept);
      g_assert_cmpint (path_int (path, "SELECT count (*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);

      /* And the next open finishes the upgrade. */
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(TavlaBoard) board = tavla_board_open (path, &error);
        g_autofree char *upgraded = NULL;

        g_assert_no_error (error);
        g_clear_object (&board);
        upgraded = schema_text (path);
        g_assert_cmpstr (upgraded, ==, schemas[3]);
      }
    }

  g_test_message ("killed migration: %u runs over %.1f ms, left at v1 %u, v2 %u, v3 %u times; "
                  "never between", n_runs, duration * 1e3, counts[1], counts[2], counts[3]);
  for (guint i = 0; i < G_N_ELEMENTS (schemas); i++)
    g_free (schemas[i]);
}

/* Hostile text */

static const char *const hostile_pieces[] = {
  "'", "\"", ";", "--", "/*", "*/", "\\", "%s", "%n", "%%", "%d", "NULL", "null", "?", "?1", ":name",
  "@x", "$1", "\x01", "\x1b[31m", "\x7f", "\t", "\n", "\r", "\r\n", " ", "  ", "<script>alert(1)</script>",
  "&amp;", "<b>", "</span>", "=SUM(A1:A9)", "+1", "-1", "@SUM", "=cmd|' /C calc'!A0",
  "'); DROP TABLE item;--", "' OR '1'='1", "\xe2\x80\xae", "\xe2\x80\x8b", "e\xcc\x81", "\xf0\x9f\x98\x80",
  "\xef\xbb\xbf", "\xf4\x8f\xbf\xbf", "\xc3\x85\xc3\x84\xc3\x96", "f\xc3\xb6rslag", "\xef\xbf\xbd",
  "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xa9", "\\x00", "\\0", "`", "|", "${HOME}", "$(id)",
};

char *
test_hostile_string (GRand *rand)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, 24);

  for (guint i = 0; i < n; i++)
    g_string_append (text, hostile_pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (hostile_pieces))]);
  /* Now and then a long one. */
  if (g_rand_int_range (rand, 0, 200) == 0)
    for (guint i = 0; i < 400; i++)
      g_string_append (text, hostile_pieces[i % G_N_ELEMENTS (hostile_pieces)]);

  return g_string_free (text, FALSE);
}

static void
test_hostile_strings_round_trip (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  TavlaStore *store = tavla_board_get_store (board);
  g_autoptr(GRand) rand = g_rand_new_with_seed (10000);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint differences = 0;

  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < N_HOSTILE; i++)
    {
      char *text = test_hostile_string (rand);

      g_ptr_array_add (strings, text);
      /* The schema holds titles to 200 characters. */
      g_ptr_array_add (titles, g_utf8_substring (text, 0, MIN (200, g_utf8_strlen (text, -1))));
    }

  /* Through the store's bound statements, in one transaction. */
  g_assert_true (tavla_store_begin_write (store, &error));
  for (guint i = 0; i < N_HOSTILE; i++)
    {
      TavlaStoreItemRow row = {
        .title = g_ptr_array_index (titles, i),
        .description = g_ptr_array_index (strings, (i + 1) % N_HOSTILE),
        .status = TAVLA_STATUS_NEW, .mark = TAVLA_MARK_NONE, .source = TAVLA_SOURCE_OTHER,
        .created = TEST_NOW, .updated = TEST_NOW,
      };

      g_assert_cmpint (tavla_store_insert_item (store, &row, &error), ==, i + 1);
      g_assert_no_error (error);
    }
  g_assert_true (tavla_store_commit (store, &error));
  g_assert_no_error (error);
  g_clear_object (&board);

  board = test_board_new (dir);
  store = tavla_board_get_store (board);
  items = tavla_store_list_items (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, N_HOSTILE);
  for (guint i = 0; i < N_HOSTILE; i++)
    {
      TavlaItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (tavla_item_get_title (item), g_ptr_array_index (titles, i)) != 0 ||
          g_strcmp0 (tavla_item_get_description (item), g_ptr_array_index (strings, (i + 1) % N_HOSTILE)) != 0)
        differences++;
    }
  g_assert_cmpint (test_count_rows (board, "item"), ==, N_HOSTILE);
  g_assert_cmpint (test_count_rows (board, "sqlite_schema WHERE type = 'table'"), >, 15);

  /* And through the board's rules: descriptions and notes byte for byte. */
  for (guint i = 0; i < 300; i++)
    {
      const char *text = g_ptr_array_index (strings, i);
      TavlaItemChange change = {
        .set = TAVLA_ITEM_FIELD_DESCRIPTION | TAVLA_ITEM_FIELD_NOTE,
        .description = text, .note = text,
      };
      g_autoptr(TavlaItem) current = tavla_board_get_item (board, i + 1, &error);
      g_autoptr(TavlaItem) changed = NULL;
      g_autoptr(TavlaItem) again = NULL;
      g_autofree char *stripped = NULL;
      const char *expected = NULL;

      change.expected_version = tavla_item_get_version (current);
      changed = tavla_board_update_item (board, i + 1, &change, NULL, &error);
      g_assert_no_error (error);
      again = tavla_board_get_item (board, i + 1, &error);
      /* A description of blanks only is no description (a rule). */
      stripped = g_strstrip (g_strdup (text));
      expected = *stripped != '\0' ? text : NULL;

      if (g_strcmp0 (tavla_item_get_description (again), expected) != 0)
        differences++;
    }

  g_test_message ("hostile strings: %u through the store, 300 through the board, %u differences",
                  N_HOSTILE, differences);
  g_assert_cmpuint (differences, ==, 0);
}


/* Exports run nothing on the reader's machine: hostile section texts come
 * out of the HTML export as text (0 tags of theirs), and the PDF export
 * (Pango) never reads them as markup. */
static const char *const sections[] = {
  "responsibilities", "case-types", "process", "statistics", "on-call", "knowledge", "billing",
};

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_exports_neutralise (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new_staffed (dir);
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  TavlaAgreementInput input = { .department = "SOC" };
  const char *const forbidden[] = { "<script", "<b>", "</span>", "<img" };
  guint n_texts = 0;
  guint n_tags = 0;
  guint n_pdfs = 0;
  gint64 id;

  agreement = tavla_board_add_agreement (board, &input, NULL, NULL, &error);
  g_assert_no_error (error);
  id = tavla_agreement_get_id (agreement);

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr(GBytes) html_bytes = NULL;
      g_autofree char *html = NULL;

      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        {
          g_autofree char *text = test_hostile_string (rand);
          g_autofree char *marked = g_strconcat (text, " <img src=x onerror=alert(1)> javascript:alert(1)", NULL);
          g_autoptr(TavlaAgreement) changed = NULL;

          changed = tavla_board_set_agreement_section (board, id, tavla_agreement_get_version (agreement),
                                                       sections[s], marked, NULL, NULL, &error);
          g_assert_no_error (error);
          g_set_object (&agreement, changed);
          n_texts++;
        }

      html_bytes = tavla_agreement_export (agreement, TAVLA_EXPORT_HTML, &error);
      g_assert_no_error (error);
      html = g_strndup (g_bytes_get_data (html_bytes, NULL), g_bytes_get_size (html_bytes));
      for (guint f = 0; f < G_N_ELEMENTS (forbidden); f++)
        n_tags += count_occurrences (html, forbidden[f]);
      /* The text itself is there, escaped. */
      g_assert_nonnull (strstr (html, "&lt;img src=x onerror=alert(1)&gt;"));

      /* A sample through Pango: bad markup would warn, and warnings are
       * fatal here. */
      if (round % 10 == 0)
        {
          g_autoptr(GBytes) pdf = tavla_agreement_export (agreement, TAVLA_EXPORT_PDF, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
          n_pdfs++;
        }
    }

  g_test_message ("exports: %u hostile section texts in %u HTML exports, %u tags or scripts "
                  "of theirs; %u PDF exports through Pango without a markup error; no CSV export "
                  "exists", n_texts, 60, n_tags, n_pdfs);
  g_assert_cmpuint (n_tags, ==, 0);
}

/* Backups, rotation, restore, permissions */

static void
set_day (const char *iso)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (now);
  tavla_clock_set_now_override (now);
}

static guint
count_kind (GPtrArray       *backups,
            TavlaBackupKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < backups->len; i++)
    n += ((TavlaBackup *) g_ptr_array_index (backups, i))->kind == kind;

  return n;
}

static void
test_backup_rotation (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "tavla.db", NULL);
  g_autofree char *folder = tavla_backup_folder (path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  TavlaBackup *newest = NULL;

  /* Forty days of use: one change a day, closed each evening. */
  for (guint day = 0; day < 40; day++)
    {
      g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2026-10-01T09:00:00Z", NULL);
      g_autoptr(GDateTime) now = g_date_time_add_days (start, day);
      g_autoptr(TavlaBoard) board = NULL;
      g_autofree char *title = g_strdup_printf ("Dag %u", day);

      tavla_clock_set_now_override (now);
      board = tavla_board_open (path, &error);
      g_assert_no_error (error);
      g_clear_object (&(TavlaItem *) { test_add_item (board, title) });
    }

  backups = tavla_backup_list (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_kind (backups, TAVLA_BACKUP_KIND_DAILY), ==, 7);
  g_assert_cmpuint (count_kind (backups, TAVLA_BACKUP_KIND_WEEKLY), ==, 4);
  for (guint i = 0; newest == NULL || newest->kind != TAVLA_BACKUP_KIND_DAILY; i++)
    newest = g_ptr_array_index (backups, i);
  g_assert_cmpint (path_int (newest->path, "SELECT count (*) FROM item"), ==, 40);
  g_assert_true (g_str_has_prefix (newest->path, folder));
  g_assert_false (g_str_has_prefix (newest->path, dir));

  /* Everything under the backup folder is the user's alone. */
  assert_mode (folder, 0700);
  for (guint i = 0; i < backups->len; i++)
    assert_mode (((TavlaBackup *) g_ptr_array_index (backups, i))->path, 0600);
  set_day (TEST_NOW);
}

static void
test_restore (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autofree char *path = g_strdup (tavla_board_get_path (board));
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_wal = NULL;
  g_autoptr(GDateTime) taken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *not_a_backup = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *day = NULL;

  fill_board (board, 3);
  set_day ("2026-11-20T08:30:00Z");
  backup = tavla_board_back_up_now (board, NULL, &error);
  g_assert_no_error (error);
  set_day (TEST_NOW);
  fill_board (board, 2);
  g_clear_object (&board);

  /* A file that is not a sound backup replaces nothing. */
  g_assert_true (g_file_set_contents (not_a_backup, "Inte en databas", -1, NULL));
  g_assert_false (tavla_backup_restore (path, not_a_backup, NULL, NULL, &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (path_int (path, "SELECT count (*) FROM item"), ==, 5);

  /* The current file is moved aside whole, -wal included. */
  board = test_board_new (dir);
  g_assert_true (tavla_backup_restore (path, backup, &aside, &taken, &error));
  g_assert_no_error (error);
  day = g_date_time_format (taken, "%Y-%m-%d");
  g_assert_cmpstr (day, ==, "2026-11-20");
  g_assert_nonnull (aside);
  aside_wal = g_strconcat (aside, "-wal", NULL);
  g_assert_true (g_file_test (aside_wal, G_FILE_TEST_EXISTS));
  assert_mode (aside, 0600);
  assert_mode (aside_wal, 0600);
  g_clear_object (&board);
  g_assert_cmpint (path_int (aside, "SELECT count (*) FROM item"), ==, 5);
  g_assert_cmpint (path_int (path, "SELECT count (*) FROM item"), ==, 3);
  assert_mode (path, 0600);
}

/* A damaged file is moved aside, and no empty board takes its place. */
static void
test_damaged_not_recreated (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autofree char *path = g_strdup (tavla_board_get_path (board));
  g_autofree char *mark = g_strconcat (path, "-closed", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaBackup) newest = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autofree char *what = NULL;
  mode_t old_mask = umask (000);

  fill_board (board, 60);
  g_clear_object (&board);
  newest = tavla_backup_find_newest_good (path);
  g_assert_nonnull (newest);

  /* Header page zeroed: SQLite cannot even read the schema. */
  while (raw_check_ok (path, "quick_check"))
    {
      g_clear_pointer (&what, g_free);
      damage (path, rand, 1, &what);
    }
  g_unlink (mark);

  board = tavla_board_open (path, &error);
  g_assert_null (board);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, newest->path));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  board = tavla_board_open (path, &error);
  g_assert_null (board);
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "no new, empty one"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Restoring brings the board back. */
  g_assert_true (tavla_backup_restore (path, newest->path, NULL, NULL, &error));
  g_assert_no_error (error);
  board = tavla_board_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tavla_board_get_items (board)), ==, 60);
  g_clear_object (&board);
  assert_mode (path, 0600);
  assert_mode (mark, 0600);
  umask (old_mask);
}

static void
check_backup_permissions (mode_t mask)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autofree char *state = g_build_filename (dir, "state", NULL);
  g_autofree char *path = g_build_filename (dir, "data", "tavla.db", NULL);
  g_autofree char *mark = g_strconcat (path, "-closed", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *manual = NULL;
  g_autofree char *output = g_build_filename (dir, "export", "kopia.db", NULL);
  g_autofree char *written = NULL;
  g_autoptr(TavlaBoard) board = NULL;
  g_autoptr(GError) error = NULL;
  mode_t old_mask = umask (mask);

  board = tavla_board_open (path, &error);
  g_assert_no_error (error);
  fill_board (board, 2);
  manual = tavla_board_back_up_now (board, NULL, &error);
  g_assert_no_error (error);
  written = tavla_board_back_up_now (board, output, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, output);
  g_clear_object (&board);

  folder = tavla_backup_folder (path);
  assert_mode (folder, 0700);
  assert_mode (manual, 0600);
  assert_mode (output, 0600);
  assert_mode (mark, 0600);
  {
    g_autoptr(GPtrArray) backups = tavla_backup_list (path, NULL);

    g_assert_cmpuint (backups->len, >=, 3);
    for (guint i = 0; i < backups->len; i++)
      assert_mode (((TavlaBackup *) g_ptr_array_index (backups, i))->path, 0600);
  }
  umask (old_mask);
  g_assert_nonnull (state);
}

static void
test_backup_permissions (void)
{
  check_backup_permissions (022);
  check_backup_permissions (000);
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

  g_test_add_func ("/reliability/kill-during-writes", test_kill_during_writes);
  g_test_add_func ("/reliability/faulty-disk", test_faulty_disk);
  g_test_add_func ("/reliability/damaged-files", test_damaged_files);
  g_test_add_func ("/reliability/mismatched-wal", test_mismatched_wal);
  g_test_add_func ("/reliability/damaged-not-recreated", test_damaged_not_recreated);
  g_test_add_func ("/reliability/every-fixture-upgrades", test_every_fixture_upgrades);
  g_test_add_func ("/reliability/killed-migration", test_killed_migration);
  g_test_add_func ("/reliability/hostile-strings", test_hostile_strings_round_trip);
  g_test_add_func ("/reliability/exports-neutralise", test_exports_neutralise);
  g_test_add_func ("/reliability/backup-rotation", test_backup_rotation);
  g_test_add_func ("/reliability/restore", test_restore);
  g_test_add_func ("/reliability/backup-permissions", test_backup_permissions);

  return g_test_run ();
}
