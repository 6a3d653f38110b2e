/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cli-feedback.h"
#include "cli-output.h"
#include "tavla-cli.h"

/*
 * The period report (issue 7): `report period --tertial T --format
 * markdown|html|pdf|json [--output FILE]`, and the --format of the
 * feedback compilation.
 */

gboolean
cli_parse_document_format (const char         *text,
                           gboolean            allow_json,
                           TavlaExportFormat  *out_format,
                           gboolean           *out_json,
                           GError            **error)
{
  *out_json = FALSE;
  if (allow_json && g_strcmp0 (text, "json") == 0)
    {
      *out_json = TRUE;
      return TRUE;
    }
  if (!allow_json)
    return cli_parse_export_format (text, out_format, error);
  if (tavla_export_format_from_string (text, out_format))
    return TRUE;

  {
    g_autofree char *shown = g_utf8_make_valid (text, -1);

    g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                 _("--format “%s” is not known; write markdown, html, pdf or json"), shown);
  }
  return FALSE;
}

/* ---- report period ------------------------------------------------------------ */

int
cli_report_period (TavlaCli  *cli,
                   int        argc,
                   char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaPeriodReport) report = NULL;
  g_autoptr(TavlaDocument) document = NULL;
  g_autofree char *tertial = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  TavlaExportFormat format = TAVLA_EXPORT_MARKDOWN;
  TavlaBoard *board = NULL;
  gboolean json = FALSE;
  int status = 0;
  const GOptionEntry entries[] = {
    { "tertial", 0, 0, G_OPTION_ARG_FILENAME, &tertial, N_("The tertial, like 2026-T3"), N_("TERTIAL") },
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &format_text,
      N_("markdown, html, pdf or json (default markdown; json with --json)"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to this file instead of standard output"), N_("FILE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("The period report of a tertial: goals, deviations, improvements, "
                                 "improvement areas, feedback, agreements and audit recommendations."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (tertial == NULL)
    return cli_usage_error (cli, _("--tertial is required"));
  if (!cli_check_text ("--tertial", tertial, &error))
    return cli_fail (error);
  if (format_text != NULL)
    {
      if (!cli_parse_document_format (format_text, TRUE, &format, &json, &error))
        return cli_fail (error);
    }
  else
    json = cli->json;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  if ((report = tavla_board_build_period_report (board, tertial, &error)) == NULL)
    return cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) node = tavla_period_report_to_json (report);
      g_autoptr(GString) text = g_string_new (NULL);

      cli_json_append_node (text, node, 0);
      g_string_append_c (text, '\n');
      if (output != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

          if (!g_file_replace_contents (file, text->str, text->len, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                        NULL, NULL, &error))
            return cli_fail (error);
          return CLI_EXIT_OK;
        }
      g_string_append_len (cli->out, text->str, text->len);
      cli_flush (cli, FALSE);
      return CLI_EXIT_OK;
    }

  document = tavla_period_report_to_document (report);
  if (!cli_write_document (cli, document, format, output, &error))
    return cli_fail (error);

  return CLI_EXIT_OK;
}
