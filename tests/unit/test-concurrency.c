/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-common.h"

#define N_WRITERS 3
#define N_ROUNDS 120

/* What one writer process saw, sent back through a pipe. */
typedef struct
{
  guint saved;
  guint conflicts;
  guint other_errors;
} WriterResult;

/* Reads the item, then writes a new title based on what it read: between
 * the two another writer may have saved, which must come back as a
 * conflict and never as a silent overwrite or "database is locked". */
static void
run_writer (const char *path,
            guint       writer,
            int         go_fd,
            int         fd)
{
  g_autoptr(TavlaBoard) board = tavla_board_open (path, NULL);
  WriterResult result = { 0 };
  char go = 0;

  /* Start together, so the writers really overlap. */
  if (read (go_fd, &go, 1) != 1)
    _exit (3);

  for (guint round = 0; board != NULL && round < N_ROUNDS; round++)
    {
      g_autoptr(TavlaItem) seen = tavla_board_get_item (board, 1, NULL);
      g_autoptr(TavlaItem) saved = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Skrivare %u, varv %u", writer, round);
      TavlaItemChange change = {
        .set = TAVLA_ITEM_FIELD_TITLE, .title = title,
        .expected_version = seen != NULL ? tavla_item_get_version (seen) : 1,
      };

      /* A user looking at the card before moving it. */
      g_usleep (g_random_int_range (0, 800));
      saved = tavla_board_update_item (board, 1, &change, NULL, &error);
      if (saved != NULL)
        result.saved++;
      else if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT))
        result.conflicts++;
      else
        result.other_errors++;
    }

  if (board == NULL)
    result.other_errors = 1;

  if (write (fd, &result, sizeof result) != sizeof result)
    _exit (2);
  _exit (0);
}

static void
test_two_processes_never_lose_updates (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autoptr(TavlaItem) item = test_add_item (board, "Delat förslag");
  g_autoptr(TavlaItem) final = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autofree char *path = g_strdup (tavla_board_get_path (board));
  pid_t children[N_WRITERS];
  int fds[2];
  int go[2];
  guint saved = 0;
  guint conflicts = 0;
  guint title_rows = 0;

  /* No connection may cross a fork. */
  g_clear_object (&board);
  g_assert_cmpint (pipe (fds), ==, 0);
  g_assert_cmpint (pipe (go), ==, 0);

  for (guint w = 0; w < N_WRITERS; w++)
    {
      children[w] = fork ();
      g_assert_cmpint (children[w], >=, 0);
      if (children[w] == 0)
        {
          close (fds[0]);
          close (go[1]);
          run_writer (path, w, go[0], fds[1]);
        }
    }
  close (fds[1]);
  close (go[0]);
  g_assert_cmpint (write (go[1], "GGG", N_WRITERS), ==, N_WRITERS);
  close (go[1]);

  for (guint w = 0; w < N_WRITERS; w++)
    {
      WriterResult result = { 0 };
      int status = 0;

      g_assert_cmpint (read (fds[0], &result, sizeof result), ==, sizeof result);
      g_test_message ("writer: %u saved, %u conflicts, %u other errors",
                      result.saved, result.conflicts, result.other_errors);
      g_assert_cmpuint (result.other_errors, ==, 0);
      g_assert_cmpuint (result.saved + result.conflicts, ==, N_ROUNDS);
      saved += result.saved;
      conflicts += result.conflicts;

      g_assert_cmpint (waitpid (children[w], &status, 0), >, 0);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  close (fds[0]);

  /* The history holds exactly the accepted writes, and the version counts
   * them: nothing was overwritten unseen. */
  board = tavla_board_open (path, NULL);
  final = tavla_board_get_item (board, 1, NULL);
  history = tavla_board_list_history (board, 1, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, i);

      if (g_str_equal (tavla_history_entry_get_field (entry), "title"))
        title_rows++;
    }

  g_test_message ("%u saved, %u conflicts", saved, conflicts);
  g_assert_cmpuint (saved, >, 0);
  g_assert_cmpuint (conflicts, >, 0);
  g_assert_cmpuint (title_rows, ==, saved);
  g_assert_cmpint (tavla_item_get_version (final), ==, 1 + saved);
  g_assert_cmpint (test_count_rows (board, "pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);
}

#define N_SHARED_ITEMS 4
#define N_MANY_ROUNDS 1500

typedef struct
{
  guint saved[N_SHARED_ITEMS];
  guint conflicts;
  guint locked;
  guint other_errors;
  guint wrong_versions;
} ManyResult;

/* Reads one of a few shared items and writes a change based on what it
 * read, as fast as it can: thousands of overlapping read-modify-writes. */
static void
run_busy_writer (const char *path,
                 guint       writer,
                 int         go_fd,
                 int         fd)
{
  g_autoptr(TavlaBoard) board = tavla_board_open (path, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (writer);
  ManyResult result = { 0 };
  char go = 0;

  if (read (go_fd, &go, 1) != 1)
    _exit (3);

  for (guint round = 0; board != NULL && round < N_MANY_ROUNDS; round++)
    {
      guint index = g_rand_int_range (rand, 0, N_SHARED_ITEMS);
      g_autoptr(TavlaItem) seen = tavla_board_get_item (board, index + 1, NULL);
      g_autoptr(TavlaItem) saved = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Skrivare %u, varv %u", writer, round);
      TavlaItemChange change = {
        .set = TAVLA_ITEM_FIELD_TITLE, .title = title,
        .expected_version = seen != NULL ? tavla_item_get_version (seen) : 1,
      };

      /* A moment between reading and writing, as a user's. */
      g_usleep (g_rand_int_range (rand, 0, 300));
      saved = tavla_board_update_item (board, index + 1, &change, NULL, &error);
      if (saved != NULL)
        {
          result.saved[index]++;
          /* Accepted only on top of exactly what was read. */
          if (tavla_item_get_version (saved) != change.expected_version + 1)
            result.wrong_versions++;
        }
      else if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT))
        result.conflicts++;
      else if (strstr (error->message, "busy") != NULL || strstr (error->message, "locked") != NULL)
        result.locked++;
      else
        result.other_errors++;
    }

  if (board == NULL)
    result.other_errors = 1;

  if (write (fd, &result, sizeof result) != sizeof result)
    _exit (2);
  _exit (0);
}

static void
test_thousands_of_updates (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaBoard) board = test_board_new (dir);
  g_autofree char *path = g_strdup (tavla_board_get_path (board));
  g_autoptr(GTimer) timer = g_timer_new ();
  pid_t children[2];
  int fds[2];
  int go[2];
  guint saved[N_SHARED_ITEMS] = { 0 };
  guint total_saved = 0;
  guint conflicts = 0;
  guint locked = 0;

  for (guint i = 0; i < N_SHARED_ITEMS; i++)
    g_clear_object (&(TavlaItem *) { test_add_item (board, "Delat förslag") });
  g_clear_object (&board);
  g_assert_cmpint (pipe (fds), ==, 0);
  g_assert_cmpint (pipe (go), ==, 0);

  for (guint w = 0; w < 2; w++)
    {
      children[w] = fork ();
      g_assert_cmpint (children[w], >=, 0);
      if (children[w] == 0)
        {
          close (fds[0]);
          close (go[1]);
          run_busy_writer (path, w, go[0], fds[1]);
        }
    }
  close (fds[1]);
  close (go[0]);
  g_assert_cmpint (write (go[1], "GG", 2), ==, 2);
  close (go[1]);

  for (guint w = 0; w < 2; w++)
    {
      ManyResult result = { 0 };
      int status = 0;

      g_assert_cmpint (read (fds[0], &result, sizeof result), ==, sizeof result);
      g_assert_cmpuint (result.other_errors, ==, 0);
      g_assert_cmpuint (result.wrong_versions, ==, 0);
      for (guint i = 0; i < N_SHARED_ITEMS; i++)
        {
          saved[i] += result.saved[i];
          total_saved += result.saved[i];
        }
      conflicts += result.conflicts;
      locked += result.locked;
      g_assert_cmpint (waitpid (children[w], &status, 0), >, 0);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  close (fds[0]);

  /* Every accepted write is in the history and counted by the version;
   * nothing else is. */
  board = tavla_board_open (path, NULL);
  for (guint i = 0; i < N_SHARED_ITEMS; i++)
    {
      g_autoptr(TavlaItem) item = tavla_board_get_item (board, i + 1, NULL);
      g_autofree char *where = g_strdup_printf ("history WHERE object_kind = 'item' AND field = 'title'"
                                                " AND object_id = %u", i + 1);

      g_assert_cmpint (tavla_item_get_version (item), ==, 1 + saved[i]);
      g_assert_cmpint (test_count_rows (board, where), ==, saved[i]);
    }

  g_test_message ("two processes, %u updates of %u shared items: %u accepted, %u conflicts, "
                  "%u lost, %u \"database is locked\", %.1f s",
                  2 * N_MANY_ROUNDS, N_SHARED_ITEMS, total_saved, conflicts, 0, locked,
                  g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (locked, ==, 0);
  g_assert_cmpuint (total_saved + conflicts, ==, 2 * N_MANY_ROUNDS);
  g_assert_cmpuint (conflicts, >, 0);
  g_assert_cmpint (test_count_rows (board, "pragma_integrity_check WHERE integrity_check = 'ok'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

  g_test_add_func ("/concurrency/processes-never-lose-updates", test_two_processes_never_lose_updates);
  g_test_add_func ("/concurrency/thousands-of-updates", test_thousands_of_updates);

  return g_test_run ();
}
