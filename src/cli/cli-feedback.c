/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cli-feedback.h"
#include "cli-output.h"
#include "tavla-cli.h"

/*
 * The citizen feedback register (issue 7): `feedback add|list|show|
 * pass-on|link|purge|retention|summary|export`. Parsing and printing
 * only; the rules are the core's.
 */

static int
fail_feedback (const GError *error)
{
  if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND))
    return cli_fail_with_hint (error, _("“tavla-cli feedback list” shows the feedback"));

  return cli_fail (error);
}

/* The one ID argument of a command. */
static int
take_feedback_id (TavlaCli  *cli,
                  int        argc,
                  char     **argv,
                  gint64    *out_id)
{
  g_autoptr(GError) error = NULL;

  if (argc < 2)
    return cli_usage_error (cli, _("The feedback's ID is missing"));
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);
  if (!cli_parse_id (argv[1], out_id, &error))
    return cli_fail (error);

  return CLI_EXIT_OK;
}

/* ---- Output -------------------------------------------------------------- */

static void
json_add_feedback (JsonBuilder   *builder,
                   TavlaFeedback *feedback,
                   GPtrArray     *items)
{
  json_builder_begin_object (builder);
  cli_json_set_int (builder, "id", tavla_feedback_get_id (feedback));
  cli_json_set_string (builder, "date", tavla_feedback_get_date (feedback));
  cli_json_set_string (builder, "channel", tavla_feedback_channel_to_string (tavla_feedback_get_channel (feedback)));
  cli_json_set_string (builder, "department", tavla_feedback_get_department (feedback));
  cli_json_set_string (builder, "category",
                       tavla_feedback_category_to_string (tavla_feedback_get_category (feedback)));
  cli_json_set_string (builder, "text", tavla_feedback_get_text (feedback));
  cli_json_set_boolean (builder, "personal_data", tavla_feedback_get_personal_data (feedback));
  cli_json_set_boolean (builder, "passed_on", tavla_feedback_get_passed_on (feedback));
  cli_json_set_string (builder, "passed_on_date", tavla_feedback_get_passed_on_date (feedback));
  cli_json_set_string (builder, "purged", tavla_feedback_get_purged (feedback));
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; items != NULL && i < items->len; i++)
    json_builder_add_int_value (builder, tavla_item_get_id (g_ptr_array_index (items, i)));
  json_builder_end_array (builder);
  cli_json_set_int (builder, "version", tavla_feedback_get_version (feedback));
  cli_json_set_string (builder, "created", tavla_feedback_get_created (feedback));
  cli_json_set_string (builder, "updated", tavla_feedback_get_updated (feedback));
  json_builder_end_object (builder);
}

static char *
passed_on_text (TavlaFeedback *feedback)
{
  if (!tavla_feedback_get_passed_on (feedback))
    return g_strdup (_("No"));
  return g_strdup (tavla_feedback_get_passed_on_date (feedback));
}

static void
print_feedback (TavlaCli      *cli,
                TavlaFeedback *feedback,
                GPtrArray     *items)
{
  g_autoptr(CliFields) fields = cli_fields_new ();
  g_autofree char *text = tavla_feedback_dup_display_text (feedback);
  g_autofree char *passed_on = passed_on_text (feedback);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_feedback_get_id (feedback));

  cli_print_line (cli, _("Feedback #%s"), id_text);
  cli_fields_add (fields, _("Date"), tavla_feedback_get_date (feedback));
  cli_fields_add (fields, _("Department"), tavla_feedback_get_department (feedback));
  cli_fields_add (fields, _("Category"), tavla_feedback_category_get_label (tavla_feedback_get_category (feedback)));
  cli_fields_add (fields, _("Channel"), tavla_feedback_channel_get_label (tavla_feedback_get_channel (feedback)));
  cli_fields_add (fields, _("Text"), text);
  cli_fields_add (fields, _("Personal data"), tavla_feedback_get_personal_data (feedback) ? _("Yes") : _("No"));
  cli_fields_add (fields, _("Passed on"), passed_on);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      TavlaItem *item = g_ptr_array_index (items, i);
      g_autofree char *line = g_strdup_printf ("#%" G_GINT64_FORMAT " %s", tavla_item_get_id (item),
                                               tavla_item_get_title (item));

      cli_fields_add (fields, i == 0 ? _("Proposals") : "", line);
    }
  cli_fields_print (fields, cli);
}

static int
show_feedback (TavlaCli      *cli,
               TavlaBoard    *board,
               TavlaFeedback *feedback)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = tavla_board_list_feedback_items (board, tavla_feedback_get_id (feedback), &error);

  if (items == NULL)
    return fail_feedback (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_add_feedback (builder, feedback, items);
      cli_write_json (cli, builder);
    }
  else
    print_feedback (cli, feedback, items);

  return CLI_EXIT_OK;
}

/* ---- feedback add ------------------------------------------------------------ */

int
cli_feedback_add (TavlaCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaFeedback) feedback = NULL;
  g_autofree char *date = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *department = NULL;
  g_autofree char *category = NULL;
  g_autofree char *text = NULL;
  g_autofree char *passed_on_date = NULL;
  gboolean personal_data = FALSE;
  gboolean passed_on = FALSE;
  TavlaFeedbackInput input = { 0 };
  TavlaBoard *board = NULL;
  int status = 0;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &date, N_("The day it came in"), N_("DATE") },
    { "channel", 0, 0, G_OPTION_ARG_FILENAME, &channel,
      N_("phone, email, visit, e-service, letter or social"), N_("CHANNEL") },
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &department,
      N_("The department it is about (name or code)"), N_("DEPARTMENT") },
    { "category", 0, 0, G_OPTION_ARG_FILENAME, &category,
      N_("complaint, suggestion, praise or question"), N_("CATEGORY") },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text, N_("What the citizen said"), N_("TEXT") },
    { "personal-data", 0, 0, G_OPTION_ARG_NONE, &personal_data,
      N_("The text names or identifies a person (it is purged after the retention time)"), NULL },
    { "passed-on", 0, 0, G_OPTION_ARG_NONE, &passed_on,
      N_("It was passed on to the department the same day"), NULL },
    { "passed-on-date", 0, 0, G_OPTION_ARG_FILENAME, &passed_on_date,
      N_("The day it was passed on to the department"), N_("DATE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  const char *options[] = { "--date", "--channel", "--department", "--category", "--text", "--passed-on-date" };
  const char *values[] = { NULL, NULL, NULL, NULL, NULL, NULL };

  if (!cli_parse_options (cli, _("Register citizen feedback (a synpunkt) about a department."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);

  values[0] = date;
  values[1] = channel;
  values[2] = department;
  values[3] = category;
  values[4] = text;
  values[5] = passed_on_date;
  if (!cli_check_texts (options, values, G_N_ELEMENTS (values), &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  input.date = date;
  input.channel = channel;
  input.department = department;
  input.category = category;
  input.text = text;
  input.personal_data = personal_data;
  input.passed_on = passed_on;
  input.passed_on_date = passed_on_date;

  feedback = tavla_board_add_feedback (board, &input, cli_get_actor (cli), NULL, &error);
  if (feedback == NULL)
    return fail_feedback (error);

  return show_feedback (cli, board, feedback);
}

/* ---- feedback list / show ---------------------------------------------------- */

int
cli_feedback_list (TavlaCli  *cli,
                   int        argc,
                   char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *tertial = NULL;
  g_autofree char *department = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *category = NULL;
  g_autofree char *search = NULL;
  TavlaFeedbackQuery query = { 0 };
  TavlaBoard *board = NULL;
  guint n_feedback = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "tertial", 0, 0, G_OPTION_ARG_FILENAME, &tertial,
      N_("Only this period (a tertial like 2026-T3, or a month or week)"), N_("PERIOD") },
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &department, N_("Only this department's"), N_("DEPARTMENT") },
    { "channel", 0, 0, G_OPTION_ARG_FILENAME, &channel, N_("Only this channel"), N_("CHANNEL") },
    { "category", 0, 0, G_OPTION_ARG_FILENAME, &category, N_("Only this category"), N_("CATEGORY") },
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &search, N_("Only feedback with all these words"), N_("WORDS") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  const char *options[] = { "--tertial", "--department", "--channel", "--category", "--search" };
  const char *values[5] = { NULL };

  if (!cli_parse_options (cli, _("List citizen feedback, newest first."), entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  values[0] = tertial;
  values[1] = department;
  values[2] = channel;
  values[3] = category;
  values[4] = search;
  if (!cli_check_texts (options, values, G_N_ELEMENTS (values), &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  query.period = tertial;
  query.department = department;
  query.channel = channel;
  query.category = category;
  query.search = search;
  if ((list = tavla_board_list_feedback (board, &query, &error)) == NULL)
    return cli_fail (error);
  n_feedback = g_list_model_get_n_items (list);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n_feedback; i++)
        {
          g_autoptr(TavlaFeedback) feedback = g_list_model_get_item (list, i);
          g_autoptr(GPtrArray) items = tavla_board_list_feedback_items (board, tavla_feedback_get_id (feedback),
                                                                        &error);

          if (items == NULL)
            return cli_fail (error);
          json_add_feedback (builder, feedback, items);
        }
      json_builder_end_array (builder);
      cli_write_json (cli, builder);
      return CLI_EXIT_OK;
    }

  if (n_feedback == 0)
    {
      cli_print_line (cli, "%s", _("No feedback matches."));
      return CLI_EXIT_OK;
    }

  {
    g_autoptr(CliTable) table = cli_table_new (6);

    cli_table_add (table, _("ID"));
    cli_table_add (table, _("Date"));
    cli_table_add (table, _("Department"));
    cli_table_add (table, _("Category"));
    cli_table_add (table, _("Channel"));
    cli_table_add (table, _("Text"));
    for (guint i = 0; i < n_feedback; i++)
      {
        g_autoptr(TavlaFeedback) feedback = g_list_model_get_item (list, i);
        g_autofree char *text = tavla_feedback_dup_display_text (feedback);
        char *newline = strchr (text, '\n');

        /* One line each: the first line of the text, cut at 60 characters. */
        if (newline != NULL)
          *newline = '\0';

        cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, tavla_feedback_get_id (feedback)));
        cli_table_add (table, tavla_feedback_get_date (feedback));
        cli_table_add (table, tavla_feedback_get_department (feedback));
        cli_table_add (table, tavla_feedback_category_get_label (tavla_feedback_get_category (feedback)));
        cli_table_add (table, tavla_feedback_channel_get_label (tavla_feedback_get_channel (feedback)));
        cli_table_take (table, cli_text_shorten (text, 60));
      }
    cli_table_print (table, cli);
  }

  return CLI_EXIT_OK;
}

int
cli_feedback_show (TavlaCli  *cli,
                   int        argc,
                   char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaFeedback) feedback = NULL;
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;

  if (!cli_parse_options (cli, _("Show one citizen feedback and the proposals started from it."),
                          NULL, &argc, &argv, &status))
    return status;
  if ((status = take_feedback_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  if ((feedback = tavla_board_get_feedback (board, id, &error)) == NULL)
    return fail_feedback (error);

  return show_feedback (cli, board, feedback);
}

/* ---- feedback pass-on / link ------------------------------------------------- */

int
cli_feedback_pass_on (TavlaCli  *cli,
                      int        argc,
                      char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaFeedback) feedback = NULL;
  g_autofree char *date = NULL;
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &date, N_("The day it was passed on (default today)"), N_("DATE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Record that feedback was passed on to its department."),
                          entries, &argc, &argv, &status))
    return status;
  if ((status = take_feedback_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;
  if (!cli_check_text ("--date", date, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  feedback = tavla_board_pass_on_feedback (board, id, 0, date, cli_get_actor (cli), NULL, &error);
  if (feedback == NULL)
    return fail_feedback (error);

  return show_feedback (cli, board, feedback);
}

int
cli_feedback_link (TavlaCli  *cli,
                   int        argc,
                   char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(TavlaFeedback) feedback = NULL;
  g_autofree char *item_text = NULL;
  TavlaBoard *board = NULL;
  gint64 id = 0;
  gint64 item_id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "item", 0, 0, G_OPTION_ARG_FILENAME, &item_text, N_("The proposal started from this feedback"), N_("ID") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Link a proposal to the feedback it was started from."),
                          entries, &argc, &argv, &status))
    return status;
  if ((status = take_feedback_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;
  if (item_text == NULL)
    return cli_usage_error (cli, _("--item is required"));
  if (!cli_parse_id (item_text, &item_id, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  if ((item = tavla_board_link_item_to_feedback (board, item_id, id, cli_get_actor (cli), &error)) == NULL ||
      (feedback = tavla_board_get_feedback (board, id, &error)) == NULL)
    return fail_feedback (error);

  return show_feedback (cli, board, feedback);
}

int
cli_feedback_act (TavlaCli  *cli,
                  int        argc,
                  char     **argv)
{
  return cli_act (cli, argc, argv,
                  _("Create an improvement proposal from citizen feedback. Its source is “feedback”, its "
                    "department the feedback's unless --department says otherwise, and it is linked to "
                    "the feedback."),
                  _("The feedback's ID is missing"), cli_parse_id, tavla_board_act_on_feedback,
                  _("“tavla-cli feedback list” shows the feedback"));
}

/* ---- feedback purge / retention ---------------------------------------------- */

int
cli_feedback_purge (TavlaCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  TavlaBoard *board = NULL;
  guint count = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "before", 0, 0, G_OPTION_ARG_FILENAME, &before,
      N_("Purge feedback dated before this day (default: today minus the retention time)"), N_("DATE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Remove the text of feedback that holds personal data, keeping the counts."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (!cli_check_text ("--before", before, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  if (before == NULL)
    before = tavla_board_dup_feedback_purge_before (board);
  if (!tavla_board_purge_feedback (board, before, cli_get_actor (cli), &count, &error))
    return cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      cli_json_set_string (builder, "before", before);
      cli_json_set_int (builder, "purged", count);
      json_builder_end_object (builder);
      cli_write_json (cli, builder);
    }
  else
    cli_print_line (cli, g_dngettext (GETTEXT_PACKAGE, "Removed the text of %u feedback dated before %s.",
                                      "Removed the texts of %u feedback dated before %s.", count),
                    count, before);

  return CLI_EXIT_OK;
}

int
cli_feedback_retention (TavlaCli  *cli,
                        int        argc,
                        char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  TavlaBoard *board = NULL;
  guint months = 0;
  int status = 0;

  if (!cli_parse_options (cli, _("Show or set how many months the text of feedback with personal data is kept."),
                          NULL, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);
  if (argc == 2 && !cli_check_text ("MONTHS", argv[1], &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  if (argc == 2 && !tavla_board_set_feedback_retention (board, argv[1], cli_get_actor (cli), &error))
    return cli_fail (error);

  months = tavla_board_get_feedback_retention (board);
  before = tavla_board_dup_feedback_purge_before (board);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      cli_json_set_int (builder, "months", months);
      cli_json_set_string (builder, "purge_before", before);
      json_builder_end_object (builder);
      cli_write_json (cli, builder);
    }
  else
    cli_print_line (cli, g_dngettext (GETTEXT_PACKAGE,
                                      "Texts with personal data are kept %u month (purge removes those before %s).",
                                      "Texts with personal data are kept %u months (purge removes those before %s).",
                                      months),
                    months, before);

  return CLI_EXIT_OK;
}

/* ---- feedback summary / export ----------------------------------------------- */

static void
print_counts (CliTable           *table,
              const char         *name,
              TavlaFeedbackCount *count)
{
  cli_table_add (table, name);
  cli_table_take (table, g_strdup_printf ("%u", count->total));
  for (guint c = 0; c < TAVLA_N_FEEDBACK_CATEGORIES; c++)
    cli_table_take (table, g_strdup_printf ("%u", count->categories[c]));
  cli_table_take (table, g_strdup_printf ("%u", count->passed_on));
}

int
cli_feedback_summary (TavlaCli  *cli,
                      int        argc,
                      char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaFeedbackSummary) summary = NULL;
  g_autoptr(CliTable) table = NULL;
  g_autofree char *tertial = NULL;
  g_autofree char *department = NULL;
  g_autofree char *period = NULL;
  TavlaBoard *board = NULL;
  int status = 0;
  const GOptionEntry entries[] = {
    { "tertial", 0, 0, G_OPTION_ARG_FILENAME, &tertial, N_("The tertial, like 2026-T3"), N_("TERTIAL") },
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &department, N_("Only this department"), N_("DEPARTMENT") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Count a tertial's feedback per department, category and channel."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (tertial == NULL)
    return cli_usage_error (cli, _("--tertial is required"));
  if (!cli_check_text ("--tertial", tertial, &error) || !cli_check_text ("--department", department, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  if ((summary = tavla_board_summarize_feedback (board, tertial, department, &error)) == NULL)
    return cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonNode) node = tavla_feedback_summary_to_json (summary);

      cli_json_append_node (cli->out, node, 0);
      g_string_append_c (cli->out, '\n');
      cli_flush (cli, FALSE);
      return CLI_EXIT_OK;
    }

  period = tavla_period_display_text (summary->period);
  cli_print_line (cli, _("Citizen feedback %s: %u"), period, summary->all.total);
  table = cli_table_new (7);
  cli_table_add (table, _("Department"));
  cli_table_add (table, _("Total"));
  for (guint c = 0; c < TAVLA_N_FEEDBACK_CATEGORIES; c++)
    cli_table_add (table, tavla_feedback_category_get_label (c));
  cli_table_add (table, _("Passed on"));
  for (guint i = 0; i < summary->departments->len; i++)
    {
      TavlaFeedbackCount *count = g_ptr_array_index (summary->departments, i);

      print_counts (table, count->department, count);
    }
  if (summary->department == NULL)
    print_counts (table, _("All departments"), &summary->all);
  cli_table_print (table, cli);

  {
    g_autoptr(GString) channels = g_string_new (NULL);

    for (guint c = 0; c <= TAVLA_FEEDBACK_CHANNEL_OTHER; c++)
      {
        if (summary->all.channels[c] == 0)
          continue;
        g_string_append_printf (channels, "%s%s %u", channels->len > 0 ? ", " : "",
                                tavla_feedback_channel_get_label (c), summary->all.channels[c]);
      }
    if (channels->len > 0)
      cli_print_line (cli, _("Channels: %s"), channels->str);
  }

  for (guint i = 0; i < summary->items->len; i++)
    {
      TavlaItem *item = g_ptr_array_index (summary->items, i);
      g_autofree char *title = cli_text_clean (tavla_item_get_title (item));

      if (i == 0)
        cli_print_line (cli, "%s", _("Proposals started from the feedback:"));
      cli_print_line (cli, "  #%" G_GINT64_FORMAT " %s (%s)", tavla_item_get_id (item), title,
                      tavla_status_get_label (tavla_item_get_status (item)));
    }

  return CLI_EXIT_OK;
}

int
cli_feedback_export (TavlaCli  *cli,
                     int        argc,
                     char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaDocument) document = NULL;
  g_autofree char *tertial = NULL;
  g_autofree char *department = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  TavlaExportFormat format = TAVLA_EXPORT_MARKDOWN;
  TavlaBoard *board = NULL;
  gboolean json = FALSE;
  int status = 0;
  const GOptionEntry entries[] = {
    { "tertial", 0, 0, G_OPTION_ARG_FILENAME, &tertial, N_("The tertial, like 2026-T3"), N_("TERTIAL") },
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &department, N_("Only this department"), N_("DEPARTMENT") },
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &format_text, N_("markdown, html or pdf"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to this file instead of standard output"), N_("FILE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Export a tertial's feedback for a department, ready to send."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (tertial == NULL)
    return cli_usage_error (cli, _("--tertial is required"));
  if (format_text == NULL)
    return cli_usage_error (cli, _("--format is required"));
  if (!cli_check_text ("--tertial", tertial, &error) || !cli_check_text ("--department", department, &error) ||
      !cli_parse_document_format (format_text, FALSE, &format, &json, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  if ((document = tavla_board_build_feedback_compilation (board, tertial, department, &error)) == NULL)
    return cli_fail (error);

  if (!cli_write_document (cli, document, format, output, &error))
    return cli_fail (error);

  return CLI_EXIT_OK;
}
