/* SPDX-License-Identifier: EUPL-1.2 */
/* Response groups, metrics, measurements and series: parse the options,
 * call the core, show what it says. The rules are the core's. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>

#include "cli-output.h"
#include "tavla-cli.h"

typedef struct
{
  char     *name;
  char     *description;
  char     *unit;
  char     *direction;
  char     *target;
  char     *period;
  gboolean  per_group;
} MetricOptions;

static void
metric_options_clear (MetricOptions *options)
{
  g_free (options->name);
  g_free (options->description);
  g_free (options->unit);
  g_free (options->direction);
  g_free (options->target);
  g_free (options->period);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MetricOptions, metric_options_clear)

typedef struct
{
  char *metric;
  char *period;
  char *group;
  char *value;
  char *numerator;
  char *denominator;
  char *respondents;
} MeasureOptions;

static void
measure_options_clear (MeasureOptions *options)
{
  g_free (options->metric);
  g_free (options->period);
  g_free (options->group);
  g_free (options->value);
  g_free (options->numerator);
  g_free (options->denominator);
  g_free (options->respondents);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MeasureOptions, measure_options_clear)

static void
print_group (TavlaCli           *cli,
             TavlaResponseGroup *group)
{
  g_autoptr(CliFields) fields = cli_fields_new ();
  g_autofree char *name = cli_text_clean (tavla_response_group_get_name (group));
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                         tavla_response_group_get_id (group));

  /* TRANSLATORS: heading of a response group (svarsgrupp): its number and name. */
  cli_print_line (cli, _("Response group #%s: %s"), id, name);
  cli_fields_add (fields, _("Active:"),
                  tavla_response_group_get_active (group) ? _("yes") : _("no"));
  cli_fields_print (fields, cli);
}

static gboolean
no_metric_error (const char  *name,
                 GError     **error)
{
  g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
               _("No metric is named “%s”; “tavla-cli metric list” shows the names"), name);
  return FALSE;
}

static gboolean
parse_rollup (const char       *text,
              TavlaPeriodKind  *out_kind,
              GError          **error)
{
  if (tavla_period_kind_from_string (text, out_kind))
    return TRUE;

  g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
               _("Unknown roll-up “%s”; use one of week, month, tertial, year"), text);
  return FALSE;
}

static const char *
rollup_phrase (TavlaPeriodKind kind)
{
  switch (kind)
    {
    case TAVLA_PERIOD_WEEK:
      return _("by week");
    case TAVLA_PERIOD_MONTH:
      return _("by month");
    case TAVLA_PERIOD_TERTIAL:
      return _("by tertial");
    case TAVLA_PERIOD_YEAR:
    default:
      return _("by year");
    }
}

static void
print_metric_table (TavlaCli   *cli,
                    GListModel *metrics)
{
  g_autoptr(CliTable) table = cli_table_new (6);
  guint n_metrics = g_list_model_get_n_items (metrics);

  cli_table_add (table, _("ID"));
  cli_table_add (table, _("Name"));
  cli_table_add (table, _("Unit"));
  cli_table_add (table, _("Target"));
  cli_table_add (table, _("Period"));
  cli_table_add (table, _("Measured for"));
  for (guint i = 0; i < n_metrics; i++)
    {
      g_autoptr(TavlaMetric) metric = g_list_model_get_item (metrics, i);
      g_autofree char *target = tavla_metric_format_value (metric,
                                                           tavla_metric_get_target (metric));

      cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, tavla_metric_get_id (metric)));
      cli_table_add (table, tavla_metric_get_name (metric));
      cli_table_add (table, tavla_unit_get_label (tavla_metric_get_unit (metric)));
      cli_table_take (table, cli_target_text (tavla_metric_get_direction (metric), target));
      cli_table_add (table, tavla_period_kind_get_label (tavla_metric_get_period (metric)));
      cli_table_add (table, tavla_metric_get_per_group (metric)
                            ? _("Each response group") : _("The whole centre"));
    }
  cli_table_print (table, cli);
}

/* The series as a table; the numerator/denominator and respondents
 * columns only when some point has them. */
static void
print_series_table (TavlaCli    *cli,
                    TavlaMetric *metric,
                    GPtrArray   *points)
{
  gboolean with_ratio = FALSE;
  gboolean with_respondents = FALSE;
  guint n_columns = 3;
  g_autoptr(CliTable) table = NULL;

  for (guint i = 0; i < points->len; i++)
    {
      TavlaSeriesPoint *point = g_ptr_array_index (points, i);

      with_ratio = with_ratio || point->has_ratio;
      with_respondents = with_respondents || point->respondents > 0;
    }
  n_columns += with_ratio ? 1 : 0;
  n_columns += with_respondents ? 1 : 0;

  table = cli_table_new (n_columns);
  cli_table_add (table, _("Period"));
  cli_table_add (table, _("Value"));
  if (with_ratio)
    cli_table_add (table, _("Numerator / denominator"));
  if (with_respondents)
    cli_table_add (table, _("Respondents"));
  cli_table_add (table, _("Deviation"));

  for (guint i = 0; i < points->len; i++)
    {
      TavlaSeriesPoint *point = g_ptr_array_index (points, i);

      cli_table_take (table, tavla_period_display_text (point->period));
      cli_table_take (table, tavla_metric_format_value (metric, point->value));
      if (with_ratio && point->has_ratio)
        {
          g_autofree char *top = cli_format_amount (point->numerator);
          g_autofree char *bottom = cli_format_amount (point->denominator);

          cli_table_take (table, g_strdup_printf (_("%s / %s"), top, bottom));
        }
      else if (with_ratio)
        {
          cli_table_add (table, "");
        }
      if (with_respondents)
        cli_table_take (table, point->respondents > 0
                               ? g_strdup_printf ("%" G_GINT64_FORMAT, point->respondents)
                               : g_strdup (""));
      cli_table_take (table, cli_deviation_marker (tavla_metric_get_direction (metric),
                                                   point->deviation));
    }
  cli_table_print (table, cli);
}

/* How the file is named in messages; "-" is standard input. */
static char *
display_path (const char *path)
{
  if (g_str_equal (path, "-"))
    return g_strdup ("<stdin>");

  return g_filename_display_name (path);
}

/* All of standard input, for `measure import -` in a pipe. */
static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GInputStream) input = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();

  if (g_output_stream_splice (output, input, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL,
                              error) < 0)
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
}

/* "tavla-cli: FILE:LINE: column C: what is wrong", one line per bad row.
 * The core's message starts with its own "line N, column C: "; the line
 * and column are said here in the compiler's way instead. */
static const char *
row_message (TavlaImportRow *row)
{
  const char *rest = strstr (row->error, ": ");

  if (rest != NULL && row->column != NULL
      && g_strstr_len (row->error, rest - row->error, row->column) != NULL)
    return rest + 2;

  return row->error;
}

static void
report_import_errors (const char        *path,
                      TavlaImportResult *result)
{
  g_autoptr(GHashTable) row_errors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *shown = display_path (path);
  guint n_bad = 0;

  for (guint i = 0; i < result->rows->len; i++)
    {
      TavlaImportRow *row = g_ptr_array_index (result->rows, i);

      if (row->error != NULL)
        g_hash_table_add (row_errors, row->error);
    }

  /* Errors of the file rather than of a row: the header, the encoding. */
  for (guint i = 0; i < result->errors->len; i++)
    {
      const char *message = g_ptr_array_index (result->errors, i);
      g_autofree char *line = NULL;

      if (g_hash_table_contains (row_errors, message))
        continue;
      line = g_strdup_printf ("%s: %s", shown, message);
      cli_print_error (line);
      n_bad++;
    }

  for (guint i = 0; i < result->rows->len; i++)
    {
      TavlaImportRow *row = g_ptr_array_index (result->rows, i);
      g_autofree char *line = NULL;

      if (row->error == NULL)
        continue;
      if (row->column == NULL || g_str_equal (row->column, "line"))
        /* A row with the wrong number of cells has no column at fault. */
        line = g_strdup_printf ("%s:%u: %s", shown, row->line, row_message (row));
      else
        /* TRANSLATORS: a bad row of an imported file: the file, its line
         * number, the column at fault and what is wrong with it. */
        line = g_strdup_printf (_("%s:%u: column %s: %s"), shown, row->line, row->column,
                                row_message (row));
      cli_print_error (line);
      n_bad++;
    }

  {
    g_autofree char *summary = g_strdup_printf (ngettext ("%s: %u error; nothing was imported, "
                                                          "correct the file and import it again",
                                                          "%s: %u errors; nothing was imported, "
                                                          "correct the file and import it again",
                                                          n_bad),
                                                shown, n_bad);

    cli_print_error (summary);
  }
}

static void
print_import_result (TavlaCli          *cli,
                     const char        *path,
                     TavlaImportResult *result,
                     gboolean           dry_run)
{
  guint n_rows = result->n_added + result->n_corrected + result->n_unchanged;

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *shown = display_path (path);

      json_builder_begin_object (builder);
      cli_json_set_string (builder, "file", shown);
      cli_json_set_int (builder, "rows", n_rows);
      cli_json_set_int (builder, "added", result->n_added);
      cli_json_set_int (builder, "corrected", result->n_corrected);
      cli_json_set_int (builder, "unchanged", result->n_unchanged);
      cli_json_set_boolean (builder, "written", result->written);
      json_builder_end_object (builder);
      cli_write_json (cli, builder);
      return;
    }

  if (dry_run)
    /* TRANSLATORS: the counts are numbers; "--dry-run" wrote nothing. */
    cli_print_line (cli, ngettext ("Checked %u row: importing would add %u and correct %u; "
                                   "nothing was written.",
                                   "Checked %u rows: importing would add %u and correct %u; "
                                   "nothing was written.",
                                   n_rows),
                    n_rows, result->n_added, result->n_corrected);
  else
    cli_print_line (cli, ngettext ("Imported %u row: %u added, %u corrected.",
                                   "Imported %u rows: %u added, %u corrected.",
                                   n_rows),
                    n_rows, result->n_added, result->n_corrected);

  if (result->n_unchanged > 0)
    cli_print_line (cli, ngettext ("%u row held figures that were already recorded.",
                                   "%u rows held figures that were already recorded.",
                                   result->n_unchanged),
                    result->n_unchanged);
}

int
cli_group_add (TavlaCli  *cli,
               int        argc,
               char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaResponseGroup) group = NULL;
  g_autofree char *name = NULL;
  TavlaBoard *board;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name, N_("The group's name"), N_("NAME") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Add a response group (svarsgrupp): a queue that calls and "
                              "cases land in, followed up every week."),
                          entries, &argc, &argv, &status))
    return status;
  if ((status = cli_take_name (cli, argc, argv, &name)) != CLI_EXIT_OK)
    return status;
  if (!cli_check_text ("NAME", name, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  group = tavla_board_add_response_group (board, name, cli_get_actor (cli), &error);
  if (group == NULL)
    return cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cli_json_add_group (builder, group);
      cli_write_json (cli, builder);
    }
  else
    {
      print_group (cli, group);
    }

  return CLI_EXIT_OK;
}

int
cli_group_list (TavlaCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  GListModel *groups;
  TavlaBoard *board;
  guint n_groups;
  int status;

  if (!cli_parse_options (cli, _("List the response groups."), NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  groups = tavla_board_get_response_groups (board);
  n_groups = g_list_model_get_n_items (groups);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n_groups; i++)
        {
          g_autoptr(TavlaResponseGroup) group = g_list_model_get_item (groups, i);

          cli_json_add_group (builder, group);
        }
      json_builder_end_array (builder);
      cli_write_json (cli, builder);
    }
  else if (n_groups == 0)
    {
      cli_print (cli, "%s\n",
                 _("No response groups yet; add one with “tavla-cli group add NAME”."));
    }
  else
    {
      g_autoptr(CliTable) table = cli_table_new (3);

      cli_table_add (table, _("ID"));
      cli_table_add (table, _("Name"));
      cli_table_add (table, _("Active"));
      for (guint i = 0; i < n_groups; i++)
        {
          g_autoptr(TavlaResponseGroup) group = g_list_model_get_item (groups, i);

          cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  tavla_response_group_get_id (group)));
          cli_table_add (table, tavla_response_group_get_name (group));
          cli_table_add (table, tavla_response_group_get_active (group) ? _("yes") : _("no"));
        }
      cli_table_print (table, cli);
    }

  return CLI_EXIT_OK;
}

int
cli_metric_add (TavlaCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMetric) metric = NULL;
  g_auto(MetricOptions) options = { 0 };
  TavlaMetricInput input = { 0 };
  TavlaBoard *board;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &options.name,
      N_("The metric's name, e.g. Svarsfrekvens"), N_("NAME") },
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &options.description,
      N_("What is measured and where the figures come from"), N_("TEXT") },
    { "unit", 0, 0, G_OPTION_ARG_FILENAME, &options.unit,
      N_("percent, score (1-5, as NKI) or count"), N_("UNIT") },
    { "direction", 0, 0, G_OPTION_ARG_FILENAME, &options.direction,
      N_("higher or lower: which side of the target is good"), N_("DIRECTION") },
    { "target", 0, 0, G_OPTION_ARG_FILENAME, &options.target,
      N_("The target (mål), e.g. 95 or 4,3"), N_("NUMBER") },
    { "period", 0, 0, G_OPTION_ARG_FILENAME, &options.period,
      N_("How often it is measured: week (the default) or month"), N_("PERIOD") },
    { "per-group", 0, 0, G_OPTION_ARG_NONE, &options.per_group,
      N_("Measured per response group; the overall figure is their roll-up"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Add a metric (nyckeltal) with its target (mål)."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (options.name == NULL || options.unit == NULL || options.direction == NULL
      || options.target == NULL)
    return cli_usage_error (cli, _("--name, --unit, --direction and --target are required"));
  if (!cli_check_text ("--name", options.name, &error)
      || !cli_check_text ("--description", options.description, &error)
      || !cli_check_text ("--unit", options.unit, &error)
      || !cli_check_text ("--direction", options.direction, &error)
      || !cli_check_text ("--target", options.target, &error)
      || !cli_check_text ("--period", options.period, &error))
    return cli_fail (error);

  input.name = options.name;
  input.description = options.description;
  input.unit = options.unit;
  input.direction = options.direction;
  input.target = options.target;
  input.period = options.period;
  input.per_group = options.per_group;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  metric = tavla_board_add_metric (board, &input, cli_get_actor (cli), NULL, &error);
  if (metric == NULL)
    return cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cli_json_add_metric (builder, metric);
      cli_write_json (cli, builder);
    }
  else
    {
      cli_print_metric (cli, metric);
    }

  return CLI_EXIT_OK;
}

int
cli_metric_list (TavlaCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autoptr(GError) error = NULL;
  GListModel *metrics;
  TavlaBoard *board;
  guint n_metrics;
  int status;

  if (!cli_parse_options (cli, _("List the metrics and their targets."),
                          NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  metrics = tavla_board_get_metrics (board);
  n_metrics = g_list_model_get_n_items (metrics);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n_metrics; i++)
        {
          g_autoptr(TavlaMetric) metric = g_list_model_get_item (metrics, i);

          cli_json_add_metric (builder, metric);
        }
      json_builder_end_array (builder);
      cli_write_json (cli, builder);
    }
  else if (n_metrics == 0)
    {
      cli_print (cli, "%s\n", _("No metrics yet; add one with “tavla-cli metric add”."));
    }
  else
    {
      print_metric_table (cli, metrics);
    }

  return CLI_EXIT_OK;
}

int
cli_metric_series (TavlaCli  *cli,
                   int        argc,
                   char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(TavlaMetric) metric = NULL;
  g_autofree char *group = NULL;
  g_autofree char *rollup = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  TavlaPeriodKind kind = TAVLA_PERIOD_WEEK;
  TavlaBoard *board;
  const char *name;
  int status;
  const GOptionEntry entries[] = {
    { "group", 0, 0, G_OPTION_ARG_FILENAME, &group,
      N_("One response group's figures instead of the overall ones"), N_("GROUP") },
    { "rollup", 0, 0, G_OPTION_ARG_FILENAME, &rollup,
      N_("Per week, month, tertial or year (default: how often the metric is measured)"),
      N_("PERIOD") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from,
      N_("The first period, e.g. 2026-W01, 2026-01 or 2026-T1"), N_("PERIOD") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &to, N_("The last period"), N_("PERIOD") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("A metric's values per period against its target. Roll-ups "
                              "add up the figures (answered over offered calls, scores "
                              "weighted by respondents), never a mean of means."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cli_usage_error (cli, _("The metric's name is missing"));
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);
  name = argv[1];
  if (!cli_check_text ("NAME", name, &error)
      || !cli_check_text ("--group", group, &error)
      || !cli_check_text ("--rollup", rollup, &error)
      || !cli_check_text ("--from", from, &error)
      || !cli_check_text ("--to", to, &error))
    return cli_fail (error);
  if (rollup != NULL && !parse_rollup (rollup, &kind, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  metric = tavla_board_find_metric (board, name);
  if (metric == NULL)
    {
      no_metric_error (name, &error);
      return cli_fail (error);
    }
  if (rollup == NULL)
    kind = tavla_metric_get_period (metric);

  points = tavla_board_get_series (board, tavla_metric_get_name (metric), group, kind,
                                   from, to, &error);
  if (points == NULL)
    return cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < points->len; i++)
        cli_json_add_point (builder, g_ptr_array_index (points, i));
      json_builder_end_array (builder);
      cli_write_json (cli, builder);
    }
  else
    {
      g_autofree char *metric_name = cli_text_clean (tavla_metric_get_name (metric));
      g_autofree char *group_name = cli_text_clean (group != NULL ? group : _("overall"));
      g_autofree char *target_value = tavla_metric_format_value (metric,
                                                                 tavla_metric_get_target (metric));
      g_autofree char *target = cli_target_text (tavla_metric_get_direction (metric),
                                                 target_value);

      /* TRANSLATORS: heading of a series: the metric, the response group
       * (or "overall"), "by month" and the target, e.g. "Svarsfrekvens,
       * overall, by month; target at least 95.0 %". */
      cli_print_line (cli, _("%s, %s, %s; target %s"), metric_name, group_name,
                      rollup_phrase (kind), target);
      if (points->len == 0)
        cli_print (cli, "%s\n", _("No figures in these periods yet."));
      else
        print_series_table (cli, metric, points);
    }

  return CLI_EXIT_OK;
}

int
cli_measure_add (TavlaCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMeasurement) measurement = NULL;
  g_autoptr(TavlaMetric) metric = NULL;
  g_auto(MeasureOptions) options = { 0 };
  TavlaMeasurementInput input = { 0 };
  TavlaRecordOutcome outcome = TAVLA_RECORD_ADDED;
  TavlaBoard *board;
  int status;
  const GOptionEntry entries[] = {
    { "metric", 0, 0, G_OPTION_ARG_FILENAME, &options.metric,
      N_("The metric (see “metric list”)"), N_("NAME") },
    { "period", 0, 0, G_OPTION_ARG_FILENAME, &options.period,
      N_("The week (2026-W47) or month (2026-11), as the metric is measured"),
      N_("PERIOD") },
    { "group", 0, 0, G_OPTION_ARG_FILENAME, &options.group,
      N_("The response group, for a metric measured per group"), N_("GROUP") },
    { "value", 0, 0, G_OPTION_ARG_FILENAME, &options.value,
      N_("The value, e.g. 94,5 or 4.3"), N_("NUMBER") },
    { "numerator", 0, 0, G_OPTION_ARG_FILENAME, &options.numerator,
      N_("Instead of --value: e.g. answered calls or resolved cases"), N_("NUMBER") },
    { "denominator", 0, 0, G_OPTION_ARG_FILENAME, &options.denominator,
      N_("With --numerator: e.g. offered calls or all cases"), N_("NUMBER") },
    { "respondents", 0, 0, G_OPTION_ARG_FILENAME, &options.respondents,
      N_("For a score: how many answered the survey"), N_("NUMBER") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Record a measurement. Recording the same metric, period and "
                              "group again corrects it; the earlier figures stay in its "
                              "history."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (options.metric == NULL || options.period == NULL)
    return cli_usage_error (cli, _("--metric and --period are required"));
  if (!cli_check_text ("--metric", options.metric, &error)
      || !cli_check_text ("--period", options.period, &error)
      || !cli_check_text ("--group", options.group, &error)
      || !cli_check_text ("--value", options.value, &error)
      || !cli_check_text ("--numerator", options.numerator, &error)
      || !cli_check_text ("--denominator", options.denominator, &error)
      || !cli_check_text ("--respondents", options.respondents, &error))
    return cli_fail (error);

  input.metric = options.metric;
  input.period = options.period;
  input.group = options.group;
  input.value = options.value;
  input.numerator = options.numerator;
  input.denominator = options.denominator;
  input.respondents = options.respondents;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  measurement = tavla_board_record_measurement (board, &input, cli_get_actor (cli),
                                                &outcome, NULL, &error);
  if (measurement == NULL)
    return cli_fail (error);
  metric = tavla_board_find_metric (board, measurement->metric);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cli_json_add_measurement (builder, measurement, metric, outcome);
      cli_write_json (cli, builder);
    }
  else
    {
      cli_print_measurement (cli, measurement, metric, outcome);
    }

  return CLI_EXIT_OK;
}

int
cli_measure_import (TavlaCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaImportResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *summary = NULL;
  gboolean dry_run = FALSE;
  gboolean imported;
  TavlaBoard *board;
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and say what importing would do, without writing"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  /* TRANSLATORS: %s is the header line of the CSV file, kept as it is. */
  summary = g_strdup_printf (_("Import measurements from a CSV file with the header %s. "
                               "Empty cells are allowed. All rows or none: when a row is "
                               "wrong, every bad row is reported and nothing is imported."),
                             TAVLA_IMPORT_HEADER);
  if (!cli_parse_options (cli, summary, entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cli_usage_error (cli, _("The CSV file is missing; give “-” to read standard input"));
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  if (g_str_equal (argv[1], "-"))
    {
      g_autoptr(GBytes) csv = read_stdin (&error);

      imported = csv != NULL
                 && tavla_board_import_measurements (board, g_bytes_get_data (csv, NULL),
                                                     (gssize) g_bytes_get_size (csv), dry_run,
                                                     cli_get_actor (cli), &result, &error);
    }
  else
    {
      file = g_file_new_for_path (argv[1]);
      imported = tavla_board_import_measurements_file (board, file, dry_run,
                                                       cli_get_actor (cli), &result, &error);
    }
  if (!imported)
    {
      if (error->domain == G_IO_ERROR)
        {
          g_autofree char *shown = g_filename_display_name (argv[1]);
          g_autoptr(GError) unreadable = NULL;

          /* GIO's message usually names the file already. */
          if (strstr (error->message, argv[1]) != NULL)
            unreadable = g_error_new_literal (TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                                              error->message);
          else
            unreadable = g_error_new (TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                                      _("Could not read %s: %s"), shown, error->message);
          return cli_fail_with_hint (unreadable, _("check the file's name and that you may "
                                                   "read it"));
        }
      if (error->domain == TAVLA_INPUT_ERROR && result != NULL && result->errors->len > 0)
        {
          report_import_errors (argv[1], result);
          return CLI_EXIT_INVALID;
        }
      return cli_fail (error);
    }

  print_import_result (cli, argv[1], result, dry_run);

  return CLI_EXIT_OK;
}
