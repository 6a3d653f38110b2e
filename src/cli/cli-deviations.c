/* SPDX-License-Identifier: EUPL-1.2 */
/* Deviations from the targets and what was done about them: list,
 * explain, act (a new proposal), link a proposal to a metric, and the
 * proposal's effect on the metric. */
#include "config.h"

#include <glib/gi18n.h>

#include "cli-output.h"
#include "tavla-cli.h"

static int
take_id (TavlaCli  *cli,
         int        argc,
         char     **argv,
         gboolean   deviation,
         gint64    *out_id)
{
  g_autoptr(GError) error = NULL;

  if (argc < 2)
    return cli_usage_error (cli, deviation ? _("The deviation's ID is missing")
                                           : _("The proposal's ID is missing"));
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);
  if (deviation ? !cli_parse_deviation_id (argv[1], out_id, &error)
                : !cli_parse_id (argv[1], out_id, &error))
    return cli_fail (error);

  return CLI_EXIT_OK;
}

static int
fail_deviation (const GError *error)
{
  if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND))
    return cli_fail_with_hint (error, _("“tavla-cli deviations” lists the deviations"));

  return cli_fail (error);
}

static int
fail_item (const GError *error)
{
  if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND))
    return cli_fail_with_hint (error, _("“tavla-cli item list” shows the proposals"));

  return cli_fail (error);
}

static int
print_deviation (TavlaCli       *cli,
                 TavlaDeviation *deviation)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cli_json_add_deviation (builder, deviation);
      cli_write_json (cli, builder);
    }
  else
    {
      cli_print_deviation (cli, deviation);
    }

  return CLI_EXIT_OK;
}

static char *
join_items (TavlaDeviation *deviation)
{
  GString *text = g_string_new (NULL);
  guint n_items = 0;
  const gint64 *items = tavla_deviation_get_items (deviation, &n_items);

  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (text, "%s#%" G_GINT64_FORMAT, i > 0 ? ", " : "", items[i]);

  return g_string_free (text, FALSE);
}

static void
print_deviation_table (TavlaCli   *cli,
                       GListModel *deviations)
{
  g_autoptr(CliTable) table = cli_table_new (8);
  guint n_deviations = g_list_model_get_n_items (deviations);

  cli_table_add (table, _("ID"));
  cli_table_add (table, _("Period"));
  cli_table_add (table, _("Metric"));
  cli_table_add (table, _("Response group"));
  cli_table_add (table, _("Value"));
  cli_table_add (table, _("Target"));
  cli_table_add (table, _("Proposals"));
  cli_table_add (table, _("Cause"));
  for (guint i = 0; i < n_deviations; i++)
    {
      g_autoptr(TavlaDeviation) deviation = g_list_model_get_item (deviations, i);
      TavlaUnit unit = tavla_deviation_get_unit (deviation);
      TavlaDirection direction = tavla_deviation_get_direction (deviation);
      g_autofree char *value = tavla_unit_format_value (unit, tavla_deviation_get_value (deviation));
      g_autofree char *marker = cli_deviation_marker (direction, TRUE);
      g_autofree char *target = tavla_unit_format_value (unit,
                                                         tavla_deviation_get_target (deviation));
      const char *group = tavla_deviation_get_group (deviation);
      const char *cause = tavla_deviation_get_cause (deviation);

      cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT,
                                              tavla_deviation_get_id (deviation)));
      cli_table_take (table, tavla_period_display_text (tavla_deviation_get_period (deviation)));
      cli_table_add (table, tavla_deviation_get_metric (deviation));
      cli_table_add (table, group != NULL ? group : _("Overall"));
      cli_table_take (table, g_strdup_printf ("%s %s", value,
                                              direction == TAVLA_DIRECTION_HIGHER ? "▼" : "▲"));
      cli_table_take (table, cli_target_text (direction, target));
      cli_table_take (table, join_items (deviation));
      cli_table_add (table, cause != NULL ? cause : "");
    }
  cli_table_print (table, cli);
}

static void
print_effects (TavlaCli  *cli,
               TavlaItem *item,
               GPtrArray *effects)
{
  g_autofree char *title = cli_text_clean (tavla_item_get_title (item));
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_item_get_id (item));

  cli_print_line (cli, _("Proposal #%s: %s"), id, title);
  if (effects->len == 0)
    {
      cli_print_line (cli, _("It is linked to no metric; link one with “tavla-cli item link %s "
                             "--metric NAME”."),
                      id);
      return;
    }

  for (guint i = 0; i < effects->len; i++)
    {
      cli_print (cli, "\n");
      cli_print_effect (cli, g_ptr_array_index (effects, i));
    }
}

int
cli_deviations (TavlaCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) deviations = NULL;
  g_autofree char *period = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *metric = NULL;
  g_autofree char *group = NULL;
  TavlaDeviationQuery query = { 0 };
  TavlaBoard *board;
  guint n_deviations;
  int status;
  const GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_FILENAME, &period,
      N_("Only this period: a week (2026-W47), month (2026-11), tertial (2026-T3) or year"),
      N_("PERIOD") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("Only from this period on"),
      N_("PERIOD") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, N_("Only up to this period"), N_("PERIOD") },
    { "metric", 0, 0, G_OPTION_ARG_FILENAME, &metric, N_("Only this metric"), N_("NAME") },
    { "group", 0, 0, G_OPTION_ARG_FILENAME, &group, N_("Only this response group"),
      N_("GROUP") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("List the deviations (avvikelser): measurements on the wrong "
                              "side of their target, with their cause and proposals."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (period != NULL && (from != NULL || to != NULL))
    return cli_usage_error (cli, _("Give either --period or --from and --to, not both"));
  if (!cli_check_text ("--period", period, &error)
      || !cli_check_text ("--from", from, &error)
      || !cli_check_text ("--to", to, &error)
      || !cli_check_text ("--metric", metric, &error)
      || !cli_check_text ("--group", group, &error))
    return cli_fail (error);

  query.from = period != NULL ? period : from;
  query.to = period != NULL ? period : to;
  query.metric = metric;
  query.group = group;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  deviations = tavla_board_list_deviations (board, &query, &error);
  if (deviations == NULL)
    return cli_fail (error);
  n_deviations = g_list_model_get_n_items (deviations);

  if (cli->json)
    {
      /* A JSON array with one object per line, streamed out. */
      g_string_append_c (cli->out, '[');
      for (guint i = 0; i < n_deviations; i++)
        {
          g_autoptr(TavlaDeviation) deviation = g_list_model_get_item (deviations, i);

          g_string_append (cli->out, i == 0 ? "\n" : ",\n");
          cli_json_append_deviation (cli->out, deviation);
          cli_flush (cli, FALSE);
        }
      g_string_append (cli->out, n_deviations > 0 ? "\n]\n" : "]\n");
    }
  else if (n_deviations == 0)
    {
      cli_print (cli, "%s\n", _("No deviations match."));
    }
  else
    {
      print_deviation_table (cli, deviations);
      cli_print_line (cli, ngettext ("%u deviation", "%u deviations", n_deviations),
                      n_deviations);
    }

  return CLI_EXIT_OK;
}

int
cli_deviation_explain (TavlaCli  *cli,
                       int        argc,
                       char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaDeviation) deviation = NULL;
  g_autofree char *cause = NULL;
  TavlaBoard *board;
  gint64 id = 0;
  int status;
  const GOptionEntry entries[] = {
    { "cause", 0, 0, G_OPTION_ARG_FILENAME, &cause,
      N_("Why it happened, e.g. short-term absence, staffing, a campaign"), N_("TEXT") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Write down the cause of a deviation. A new cause replaces "
                              "the old one, which stays in the history."),
                          entries, &argc, &argv, &status))
    return status;
  if ((status = take_id (cli, argc, argv, TRUE, &id)) != CLI_EXIT_OK)
    return status;
  if (cause == NULL)
    return cli_usage_error (cli, _("--cause is required"));
  if (!cli_check_text ("--cause", cause, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  deviation = tavla_board_explain_deviation (board, id, cause, cli_get_actor (cli), &error);
  if (deviation == NULL)
    return fail_deviation (error);

  return print_deviation (cli, deviation);
}

/* Creates a proposal from something on the board (a deviation, an audit
 * recommendation): the proposal's options, then @act in the core. */
int
cli_act (TavlaCli      *cli,
         int            argc,
         char         **argv,
         const char    *summary,
         const char    *missing_id,
         CliParseIdFunc parse_id,
         CliActFunc     act,
         const char    *not_found_hint)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *due = NULL;
  g_autofree char *department = NULL;
  gboolean strategic = FALSE;
  TavlaItemChange change = { 0 };
  TavlaBoard *board;
  gint64 id = 0;
  int status;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title,
      N_("What should be improved (1-200 characters)"), N_("TITLE") },
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &description,
      N_("More about the proposal"), N_("TEXT") },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &owner,
      N_("The person responsible (see “person list”)"), N_("NAME") },
    { "due", 0, 0, G_OPTION_ARG_FILENAME, &due, N_("The expected end date"),
      N_("YYYY-MM-DD") },
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &department,
      N_("The department concerned (see “department list”)"), N_("NAME") },
    { "strategic", 0, 0, G_OPTION_ARG_NONE, &strategic,
      N_("A matter for the development group"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, summary, entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cli_usage_error (cli, "%s", missing_id);
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);
  if (!parse_id (argv[1], &id, &error))
    return cli_fail (error);
  if (title == NULL)
    return cli_usage_error (cli, _("--title is required"));
  if (!cli_check_text ("--title", title, &error)
      || !cli_check_text ("--description", description, &error)
      || !cli_check_text ("--owner", owner, &error)
      || !cli_check_text ("--due", due, &error)
      || !cli_check_text ("--department", department, &error))
    return cli_fail (error);

  change.set = TAVLA_ITEM_FIELD_TITLE;
  change.title = title;
  if (description != NULL)
    {
      change.set |= TAVLA_ITEM_FIELD_DESCRIPTION;
      change.description = description;
    }
  if (owner != NULL)
    {
      change.set |= TAVLA_ITEM_FIELD_OWNER;
      change.owner = owner;
    }
  if (due != NULL)
    {
      change.set |= TAVLA_ITEM_FIELD_DUE;
      change.due = due;
    }
  if (department != NULL)
    {
      change.set |= TAVLA_ITEM_FIELD_DEPARTMENT;
      change.department = department;
    }
  if (strategic)
    {
      change.set |= TAVLA_ITEM_FIELD_STRATEGIC;
      change.strategic = TRUE;
    }

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  item = act (board, id, &change, cli_get_actor (cli), &error);
  if (item == NULL)
    {
      if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND))
        return cli_fail_with_hint (error, not_found_hint);
      return cli_fail (error);
    }

  return cli_print_item_full (cli, board, item, FALSE);
}

int
cli_deviation_act (TavlaCli  *cli,
                   int        argc,
                   char     **argv)
{
  /* The source is set by the core: "deviation". */
  return cli_act (cli, argc, argv,
                  _("Create an improvement proposal from a deviation. Its source "
                    "is “deviation” and it is linked to the deviation and its "
                    "metric."),
                  _("The deviation's ID is missing"), cli_parse_deviation_id,
                  tavla_board_act_on_deviation, _("“tavla-cli deviations” lists the deviations"));
}

int
cli_item_link (TavlaCli  *cli,
               int        argc,
               char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autofree char *metric = NULL;
  TavlaBoard *board;
  gint64 id = 0;
  int status;
  const GOptionEntry entries[] = {
    { "metric", 0, 0, G_OPTION_ARG_FILENAME, &metric,
      N_("The metric the proposal should improve (see “metric list”)"), N_("NAME") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Link a proposal to the metric it should improve, so that "
                              "its effect on the metric can be followed."),
                          entries, &argc, &argv, &status))
    return status;
  if ((status = take_id (cli, argc, argv, FALSE, &id)) != CLI_EXIT_OK)
    return status;
  if (metric == NULL)
    return cli_usage_error (cli, _("--metric is required"));
  if (!cli_check_text ("--metric", metric, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  item = tavla_board_link_item_to_metric (board, id, metric, cli_get_actor (cli), &error);
  if (item == NULL)
    return fail_item (error);

  return cli_print_item_full (cli, board, item, FALSE);
}

int
cli_item_effect (TavlaCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GPtrArray) effects = NULL;
  g_autofree char *periods = NULL;
  guint64 n_periods = 0;
  TavlaBoard *board;
  gint64 id = 0;
  int status;
  const GOptionEntry entries[] = {
    { "periods", 0, 0, G_OPTION_ARG_FILENAME, &periods,
      N_("How many periods to compare on each side (default 4)"), N_("NUMBER") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("The effect of a proposal on the metrics it is linked to: the "
                              "figures before it started and after it was done, the same "
                              "number of periods on each side."),
                          entries, &argc, &argv, &status))
    return status;
  if ((status = take_id (cli, argc, argv, FALSE, &id)) != CLI_EXIT_OK)
    return status;
  if (periods != NULL && !g_ascii_string_to_unsigned (periods, 10, 1, 104, &n_periods, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (periods, -1);

      g_set_error (&error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                   _("--periods “%s” is not a number of periods; give a whole number from 1 "
                     "to 104"),
                   shown);
      return cli_fail (error);
    }

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  item = tavla_board_get_item (board, id, &error);
  if (item == NULL)
    return fail_item (error);
  effects = tavla_board_get_item_effect (board, id, (guint) n_periods, &error);
  if (effects == NULL)
    return fail_item (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < effects->len; i++)
        cli_json_add_effect (builder, g_ptr_array_index (effects, i));
      json_builder_end_array (builder);
      cli_write_json (cli, builder);
    }
  else
    {
      print_effects (cli, item, effects);
    }

  return CLI_EXIT_OK;
}
