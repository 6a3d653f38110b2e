/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-output.h"
#include "tavla-cli.h"

static char *
format_taken (GDateTime *taken)
{
  return g_date_time_format (taken, "%Y-%m-%d %H:%M");
}

static int
check_no_more_arguments (TavlaCli  *cli,
                         int        argc,
                         char     **argv)
{
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);

  return CLI_EXIT_OK;
}

int
cli_backup (TavlaCli  *cli,
            int        argc,
            char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *path = NULL;
  TavlaBoard *board;
  GStatBuf st = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the backup to FILE instead of the backup folder"), N_("FILE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Make a checked backup of the database now."),
                          entries, &argc, &argv, &status))
    return status;
  if ((status = check_no_more_arguments (cli, argc, argv)) != CLI_EXIT_OK)
    return status;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  path = tavla_board_back_up_now (board, output, &error);
  if (path == NULL)
    return cli_fail (error);
  g_stat (path, &st);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, path);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, st.st_size);
      json_builder_end_object (builder);
      cli_write_json (cli, builder);
    }
  else
    {
      g_autofree char *size = g_format_size (st.st_size);

      cli_print_line (cli, _("Backed up and checked: %s (%s)"), path, size);
    }

  return CLI_EXIT_OK;
}

int
cli_backups (TavlaCli  *cli,
             int        argc,
             char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  int status;

  if (!cli_parse_options (cli, _("List the backups of the database, newest first, with their "
                                 "dates and sizes."),
                          NULL, &argc, &argv, &status))
    return status;
  if ((status = check_no_more_arguments (cli, argc, argv)) != CLI_EXIT_OK)
    return status;

  /* The list must work when the database itself cannot be opened. */
  path = cli_get_db_path (cli);
  folder = tavla_backup_folder (path);
  backups = tavla_backup_list (path, &error);
  if (backups == NULL)
    return cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < backups->len; i++)
        {
          TavlaBackup *backup = g_ptr_array_index (backups, i);
          g_autofree char *taken = g_date_time_format (backup->taken, "%Y-%m-%dT%H:%M:%S");
          g_autofree char *date = g_date_time_format (backup->taken, "%Y-%m-%d");

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "path");
          json_builder_add_string_value (builder, backup->path);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, tavla_backup_kind_to_string (backup->kind));
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, date);
          json_builder_set_member_name (builder, "taken");
          json_builder_add_string_value (builder, taken);
          json_builder_set_member_name (builder, "size");
          json_builder_add_int_value (builder, backup->size);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      cli_write_json (cli, builder);
      return CLI_EXIT_OK;
    }

  if (backups->len == 0)
    {
      cli_print_line (cli, _("There are no backups yet in %s."), folder);
      return CLI_EXIT_OK;
    }

  cli_print_line (cli, _("Backups in %s:"), folder);
  for (guint i = 0; i < backups->len; i++)
    {
      TavlaBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *taken = format_taken (backup->taken);
      g_autofree char *size = g_format_size (backup->size);
      g_autofree char *name = g_path_get_basename (backup->path);

      cli_print_line (cli, "  %s  %-16s %10s  %s", taken,
                      tavla_backup_kind_get_label (backup->kind), size, name);
    }

  return CLI_EXIT_OK;
}

int
cli_restore (TavlaCli  *cli,
             int        argc,
             char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) taken = NULL;
  g_autofree char *path = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *when = NULL;
  int status;

  if (!cli_parse_options (cli, _("Put a backup in place of the database. The current file and "
                                 "its -wal and -shm files are moved aside, never deleted."),
                          NULL, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cli_usage_error (cli, _("Name the backup to restore; “tavla-cli backups” lists them"));
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);

  path = cli_get_db_path (cli);
  if (!tavla_backup_restore (path, argv[1], &aside, &taken, &error))
    return cli_fail (error);
  when = format_taken (taken);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *iso = g_date_time_format (taken, "%Y-%m-%dT%H:%M:%S");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, path);
      json_builder_set_member_name (builder, "restored_from");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_set_member_name (builder, "taken");
      json_builder_add_string_value (builder, iso);
      json_builder_set_member_name (builder, "moved_aside");
      if (aside != NULL)
        json_builder_add_string_value (builder, aside);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      cli_write_json (cli, builder);
      return CLI_EXIT_OK;
    }

  cli_print_line (cli, _("Restored and checked %s: the data is as it was on %s."), path, when);
  if (aside != NULL)
    cli_print_line (cli, _("The previous file is kept as %s."), aside);

  return CLI_EXIT_OK;
}

int
cli_check (TavlaCli  *cli,
           int        argc,
           char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problems = NULL;
  TavlaBoard *board;
  int status;

  if (!cli_parse_options (cli, _("Check the database file: SQLite's integrity check and the "
                                 "references between tables."),
                          NULL, &argc, &argv, &status))
    return status;
  if ((status = check_no_more_arguments (cli, argc, argv)) != CLI_EXIT_OK)
    return status;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);
  if (!tavla_board_check_database (board, &problems, &error))
    return cli_fail (error);

  if (problems != NULL)
    {
      g_autoptr(GError) damaged = NULL;

      damaged = g_error_new (TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_DAMAGED,
                             _("The database %s failed its check: %s"),
                             tavla_board_get_path (board), problems);
      return cli_fail_with_hint (damaged, _("restore a backup with “tavla-cli restore FILE”"));
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, tavla_board_get_path (board));
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      cli_write_json (cli, builder);
    }
  else
    {
      cli_print_line (cli, _("The database %s is sound: the integrity check and the references "
                             "between tables found nothing wrong."),
                      tavla_board_get_path (board));
    }

  return CLI_EXIT_OK;
}
