/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "fuzz-common.h"

static TavlaBoard *board;
static char *folder;

static void
remove_folder (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name = NULL;

  g_clear_object (&board);
  if (folder == NULL)
    return;
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

static void
open_board (void)
{
  TavlaMetricInput answer_rate = {
    .name = "Svarsfrekvens", .unit = "percent", .direction = "higher", .target = "95",
    .period = "week", .per_group = TRUE,
  };
  g_autofree char *path = g_build_filename (folder, "fuzz.db", NULL);

  board = tavla_board_open (path, NULL);
  g_assert (board != NULL);
  g_clear_object (&(TavlaMetric *) { tavla_board_add_metric (board, &answer_rate, NULL, NULL, NULL) });
  g_clear_object (&(TavlaResponseGroup *) { tavla_board_add_response_group (board, "Socialtjänst", NULL, NULL) });
  g_clear_object (&(TavlaResponseGroup *) { tavla_board_add_response_group (board, "Barn och utbildning", NULL, NULL) });
}

TavlaBoard *
fuzz_board (void)
{
  if (board != NULL)
    return board;

  /* Backups and data of the fuzz runs stay in one temporary folder. */
  folder = g_dir_make_tmp ("tavla-fuzz-XXXXXX", NULL);
  g_assert (folder != NULL);
  g_setenv ("XDG_STATE_HOME", folder, TRUE);
  atexit (remove_folder);
  open_board ();

  return board;
}

void
fuzz_board_reset (void)
{
  g_autofree char *keep = g_strdup (folder);

  remove_folder ();
  g_mkdir (keep, 0700);
  open_board ();
}
