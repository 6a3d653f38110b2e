/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cli-audits.h"
#include "cli-output.h"
#include "tavla-cli.h"

/*
 * Audits and their recommendations (issue 5): `audit add|update|list|show|
 * report`, `recommendation add|update|list|show|act` and `item link ID
 * --recommendation ID`. Parsing and printing only; the rules are the
 * core's.
 */

typedef enum
{
  KIND_AUDIT,
  KIND_RECOMMENDATION,
} Kind;

/* "12" or "#12". */
static gboolean
parse_id (Kind         kind,
          const char  *text,
          gint64      *out_id,
          GError     **error)
{
  const char *digits = text != NULL && *text == '#' ? text + 1 : text;
  guint64 value = 0;
  g_autofree char *shown = NULL;

  if (digits != NULL && g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64, &value, NULL))
    {
      *out_id = (gint64) value;
      return TRUE;
    }

  shown = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
               kind == KIND_AUDIT
               ? _("“%s” is not an audit number; use an ID that “tavla-cli audit list” shows")
               : _("“%s” is not a recommendation number; use an ID that “tavla-cli recommendation list” shows"),
               shown);
  return FALSE;
}

static gboolean
parse_recommendation_id (const char  *text,
                         gint64      *out_id,
                         GError     **error)
{
  return parse_id (KIND_RECOMMENDATION, text, out_id, error);
}

/* The one ID argument of a command. */
static int
take_id (TavlaCli  *cli,
         Kind       kind,
         int        argc,
         char     **argv,
         gint64    *out_id)
{
  g_autoptr(GError) error = NULL;

  if (argc < 2)
    return cli_usage_error (cli, "%s", kind == KIND_AUDIT ? _("The audit's ID is missing")
                                                          : _("The recommendation's ID is missing"));
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);
  if (!parse_id (kind, argv[1], out_id, &error))
    return cli_fail (error);

  return CLI_EXIT_OK;
}

static int
fail (const GError *error)
{
  if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND))
    return cli_fail_with_hint (error, _("“tavla-cli audit list” and “tavla-cli recommendation list” show them"));

  return cli_fail (error);
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

/* ---- Output ----------------------------------------------------------------- */

static void
json_add_actions (JsonBuilder         *builder,
                  TavlaRecommendation *recommendation)
{
  GPtrArray *actions = tavla_recommendation_get_actions (recommendation);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < actions->len; i++)
    {
      TavlaAction *action = g_ptr_array_index (actions, i);

      json_builder_begin_object (builder);
      cli_json_set_int (builder, "id", action->id);
      cli_json_set_string (builder, "title", action->title);
      cli_json_set_string (builder, "status", action->status);
      cli_json_set_string (builder, "mark", action->mark);
      cli_json_set_string (builder, "owner", action->owner);
      cli_json_set_string (builder, "due", action->due);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void json_add_history (JsonBuilder *builder,
                              GListModel  *history);

/* The object of `recommendation list`; `show` adds the @history. */
static void
json_add_recommendation (JsonBuilder         *builder,
                         TavlaRecommendation *recommendation,
                         GListModel          *history)
{
  TavlaAssessment assessment = tavla_recommendation_get_assessment (recommendation);

  json_builder_begin_object (builder);
  cli_json_set_int (builder, "id", tavla_recommendation_get_id (recommendation));
  cli_json_set_int (builder, "audit", tavla_recommendation_get_audit_id (recommendation));
  cli_json_set_string (builder, "text", tavla_recommendation_get_text (recommendation));
  cli_json_set_string (builder, "status",
                       tavla_recommendation_status_to_string (tavla_recommendation_get_status (recommendation)));
  cli_json_set_string (builder, "owner", tavla_recommendation_get_owner (recommendation));
  cli_json_set_string (builder, "due", tavla_recommendation_get_due (recommendation));
  cli_json_set_string (builder, "light", tavla_light_to_string (tavla_recommendation_get_light (recommendation)));
  cli_json_set_boolean (builder, "overdue", tavla_recommendation_is_overdue (recommendation));
  json_add_actions (builder, recommendation);
  cli_json_set_string (builder, "audit_title", tavla_recommendation_get_audit_title (recommendation));
  cli_json_set_string (builder, "addressed_to", tavla_recommendation_get_addressed_to (recommendation));
  cli_json_set_string (builder, "response", tavla_recommendation_get_response (recommendation));
  cli_json_set_string (builder, "response_date", tavla_recommendation_get_response_date (recommendation));
  cli_json_set_string (builder, "evidence", tavla_recommendation_get_evidence (recommendation));
  cli_json_set_string (builder, "assessment", assessment == TAVLA_ASSESSMENT_NONE
                                              ? NULL : tavla_assessment_to_string (assessment));
  cli_json_set_string (builder, "assessment_date", tavla_recommendation_get_assessment_date (recommendation));
  cli_json_set_string (builder, "note", tavla_recommendation_get_note (recommendation));
  cli_json_set_string (builder, "created", tavla_recommendation_get_created (recommendation));
  cli_json_set_string (builder, "updated", tavla_recommendation_get_updated (recommendation));
  if (history != NULL)
    json_add_history (builder, history);
  json_builder_end_object (builder);
}

static void
json_add_audit (JsonBuilder *builder,
                TavlaAudit  *audit)
{
  GPtrArray *recommendations = tavla_audit_get_recommendations (audit);

  json_builder_begin_object (builder);
  cli_json_set_int (builder, "id", tavla_audit_get_id (audit));
  cli_json_set_string (builder, "title", tavla_audit_get_title (audit));
  cli_json_set_string (builder, "auditor", tavla_audit_get_auditor (audit));
  cli_json_set_string (builder, "date", tavla_audit_get_date (audit));
  cli_json_set_string (builder, "body", tavla_audit_get_body (audit));
  cli_json_set_string (builder, "reference", tavla_audit_get_reference (audit));
  cli_json_set_string (builder, "assessment", tavla_audit_get_assessment (audit));
  cli_json_set_string (builder, "light", tavla_light_to_string (tavla_audit_get_light (audit)));
  cli_json_set_int (builder, "open", tavla_audit_get_n_open (audit));
  json_builder_set_member_name (builder, "recommendations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < recommendations->len; i++)
    json_add_recommendation (builder, g_ptr_array_index (recommendations, i), NULL);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
json_add_history (JsonBuilder *builder,
                  GListModel  *history)
{
  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, i);

      json_builder_begin_object (builder);
      cli_json_set_string (builder, "at", tavla_history_entry_get_at (entry));
      cli_json_set_string (builder, "actor", tavla_history_entry_get_actor (entry));
      cli_json_set_string (builder, "field", tavla_history_entry_get_field (entry));
      cli_json_set_string (builder, "old", tavla_history_entry_get_old_value (entry));
      cli_json_set_string (builder, "new", tavla_history_entry_get_new_value (entry));
      cli_json_set_string (builder, "note", tavla_history_entry_get_note (entry));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static char *
light_text (TavlaRecommendation *recommendation)
{
  return g_strdup (tavla_light_get_label (tavla_recommendation_get_light (recommendation)));
}

static void
print_recommendation (TavlaCli            *cli,
                      TavlaRecommendation *recommendation,
                      GListModel          *history)
{
  g_autoptr(CliFields) fields = cli_fields_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_recommendation_get_id (recommendation));
  g_autofree char *audit = g_strdup_printf ("%" G_GINT64_FORMAT " %s", tavla_recommendation_get_audit_id (recommendation),
                                            tavla_recommendation_get_audit_title (recommendation));
  g_autofree char *audit_clean = cli_text_clean (audit);
  g_autofree char *text = cli_text_clean (tavla_recommendation_get_text (recommendation));
  g_autofree char *addressed = cli_text_clean (or_dash (tavla_recommendation_get_addressed_to (recommendation)));
  g_autofree char *owner = cli_text_clean (or_dash (tavla_recommendation_get_owner (recommendation)));
  g_autofree char *due = tavla_date_display (tavla_recommendation_get_due (recommendation));
  g_autofree char *light = light_text (recommendation);
  g_autofree char *response = cli_text_clean (or_dash (tavla_recommendation_get_response (recommendation)));
  g_autofree char *evidence = cli_text_clean (or_dash (tavla_recommendation_get_evidence (recommendation)));
  g_autofree char *note = cli_text_clean (or_dash (tavla_recommendation_get_note (recommendation)));
  g_autofree char *assessment = NULL;
  g_autofree char *status = NULL;
  GPtrArray *actions = tavla_recommendation_get_actions (recommendation);

  status = tavla_recommendation_is_overdue (recommendation)
           ? g_strdup_printf ("%s, %s",
                              tavla_recommendation_status_get_label (tavla_recommendation_get_status (recommendation)),
                              _("overdue"))
           : g_strdup (tavla_recommendation_status_get_label (tavla_recommendation_get_status (recommendation)));
  assessment = tavla_recommendation_get_assessment (recommendation) == TAVLA_ASSESSMENT_NONE
               ? g_strdup (tavla_assessment_get_label (TAVLA_ASSESSMENT_NONE))
               : g_strdup_printf ("%s (%s)",
                                  tavla_assessment_get_label (tavla_recommendation_get_assessment (recommendation)),
                                  or_dash (tavla_recommendation_get_assessment_date (recommendation)));

  cli_fields_add (fields, _("Recommendation"), id);
  cli_fields_add (fields, _("Audit"), audit_clean);
  cli_fields_add (fields, _("Text"), text);
  cli_fields_add (fields, _("Addressed to"), addressed);
  cli_fields_add (fields, _("Status"), status);
  cli_fields_add (fields, _("Light"), light);
  cli_fields_add (fields, _("Owner"), owner);
  cli_fields_add (fields, _("Due date"), or_dash (due));
  cli_fields_add (fields, _("Response"), response);
  cli_fields_add (fields, _("Response date"), or_dash (tavla_recommendation_get_response_date (recommendation)));
  cli_fields_add (fields, _("Evidence"), evidence);
  cli_fields_add (fields, _("Follow-up"), assessment);
  cli_fields_add (fields, _("Note"), note);
  cli_fields_print (fields, cli);

  cli_print (cli, "\n%s\n", _("Actions"));
  if (actions->len == 0)
    cli_print (cli, "  %s\n", _("None yet; create one with “tavla-cli recommendation act”."));
  for (guint i = 0; i < actions->len; i++)
    {
      TavlaAction *action = g_ptr_array_index (actions, i);
      g_autofree char *title = cli_text_clean (action->title);
      TavlaStatus item_status = TAVLA_STATUS_NEW;

      tavla_status_from_string (action->status, &item_status);
      cli_print (cli, "  #%" G_GINT64_FORMAT "  %s  (%s)\n", action->id, title,
                 tavla_status_get_label (item_status));
    }

  if (history != NULL)
    {
      cli_print (cli, "\n%s\n", _("History"));
      for (guint i = 0; i < g_list_model_get_n_items (history); i++)
        {
          g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, i);
          g_autofree char *at = tavla_timestamp_display (tavla_history_entry_get_at (entry));
          g_autofree char *actor = cli_text_clean (tavla_history_entry_get_actor (entry));
          g_autofree char *describe = tavla_recommendation_describe_history (entry);
          g_autofree char *line = cli_text_clean (describe);
          const char *entry_note = tavla_history_entry_get_note (entry);

          cli_print (cli, "  %s  %s: %s\n", at, actor, line);
          if (entry_note != NULL)
            {
              g_autofree char *clean = cli_text_clean (entry_note);

              cli_print (cli, "      “%s”\n", clean);
            }
        }
    }
}

static int
show_recommendation (TavlaCli            *cli,
                     TavlaBoard          *board,
                     TavlaRecommendation *recommendation,
                     gboolean             with_history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = NULL;

  if (with_history &&
      (history = tavla_board_list_recommendation_history (board, tavla_recommendation_get_id (recommendation),
                                                          &error)) == NULL)
    return fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_add_recommendation (builder, recommendation, history);
      cli_write_json (cli, builder);
    }
  else
    print_recommendation (cli, recommendation, history);

  return CLI_EXIT_OK;
}

static void
print_audit (TavlaCli   *cli,
             TavlaAudit *audit)
{
  g_autoptr(CliFields) fields = cli_fields_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_audit_get_id (audit));
  g_autofree char *title = cli_text_clean (tavla_audit_get_title (audit));
  g_autofree char *auditor = cli_text_clean (tavla_audit_get_auditor (audit));
  g_autofree char *date = tavla_date_display (tavla_audit_get_date (audit));
  g_autofree char *body = cli_text_clean (tavla_audit_get_body (audit));
  g_autofree char *reference = cli_text_clean (or_dash (tavla_audit_get_reference (audit)));
  GPtrArray *recommendations = tavla_audit_get_recommendations (audit);

  cli_fields_add (fields, _("Audit"), id);
  cli_fields_add (fields, _("Title"), title);
  cli_fields_add (fields, _("Auditor"), auditor);
  cli_fields_add (fields, _("Report date"), date);
  cli_fields_add (fields, _("Audited body"), body);
  cli_fields_add (fields, _("Reference"), reference);
  cli_fields_print (fields, cli);

  if (tavla_audit_get_assessment (audit) != NULL)
    {
      cli_print (cli, "\n%s\n", _("Overall assessment"));
      cli_print_indented (cli, tavla_audit_get_assessment (audit));
    }

  cli_print (cli, "\n%s\n", _("Recommendations"));
  if (recommendations->len == 0)
    cli_print (cli, "  %s\n", _("None; add one with “tavla-cli recommendation add”."));
  else
    {
      g_autoptr(CliTable) table = cli_table_new (5);

      cli_table_add (table, _("ID"));
      cli_table_add (table, _("Light"));
      cli_table_add (table, _("Status"));
      cli_table_add (table, _("Due date"));
      cli_table_add (table, _("Recommendation"));
      for (guint i = 0; i < recommendations->len; i++)
        {
          TavlaRecommendation *recommendation = g_ptr_array_index (recommendations, i);
          g_autofree char *text = cli_text_shorten (tavla_recommendation_get_text (recommendation), 60);

          cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, tavla_recommendation_get_id (recommendation)));
          cli_table_take (table, light_text (recommendation));
          cli_table_add (table, tavla_recommendation_status_get_label (tavla_recommendation_get_status (recommendation)));
          cli_table_take (table, g_strdup (or_dash (tavla_recommendation_get_due (recommendation))));
          cli_table_take (table, g_steal_pointer (&text));
        }
      cli_table_print (table, cli);
    }
}

static int
show_audit (TavlaCli   *cli,
            TavlaAudit *audit)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_add_audit (builder, audit);
      cli_write_json (cli, builder);
    }
  else
    print_audit (cli, audit);

  return CLI_EXIT_OK;
}

/* ---- audit add / update ------------------------------------------------------ */

static int
audit_add_or_update (TavlaCli  *cli,
                     int        argc,
                     char     **argv,
                     gboolean   update)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaAudit) audit = NULL;
  g_autofree char *title = NULL;
  g_autofree char *auditor = NULL;
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *assessment = NULL;
  TavlaAuditInput input = { 0 };
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title, N_("The audit's title"), N_("TITLE") },
    { "auditor", 0, 0, G_OPTION_ARG_FILENAME, &auditor, N_("Who audited: the firm or the auditors"),
      N_("FIRM") },
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &date, N_("The report's date"), N_("DATE") },
    { "body", 0, 0, G_OPTION_ARG_FILENAME, &body, N_("The audited body, e.g. Kommunstyrelsen"), N_("BODY") },
    { "reference", 0, 0, G_OPTION_ARG_FILENAME, &reference, N_("The diary number"), N_("REF") },
    { "assessment", 0, 0, G_OPTION_ARG_FILENAME, &assessment, N_("The auditors' overall assessment"),
      N_("TEXT") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  const char *options[] = { "--title", "--auditor", "--date", "--body", "--reference", "--assessment" };

  if (!cli_parse_options (cli, update ? _("Change an audit's title, auditor, date, body, reference or "
                                          "overall assessment.")
                                      : _("Register an audit report (granskning) whose recommendations are "
                                          "followed to closure."),
                          entries, &argc, &argv, &status))
    return status;

  if (update)
    {
      if ((status = take_id (cli, KIND_AUDIT, argc, argv, &id)) != CLI_EXIT_OK)
        return status;
    }
  else
    {
      if (argc > 1)
        return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
      if (title == NULL)
        return cli_usage_error (cli, _("--title is required"));
      if (auditor == NULL)
        return cli_usage_error (cli, _("--auditor is required"));
      if (date == NULL)
        return cli_usage_error (cli, _("--date is required"));
      if (body == NULL)
        return cli_usage_error (cli, _("--body is required"));
    }

  {
    const char *values[] = { title, auditor, date, body, reference, assessment };

    if (!cli_check_texts (options, values, G_N_ELEMENTS (values), &error))
      return cli_fail (error);
  }

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  input = (TavlaAuditInput) {
    .title = title, .auditor = auditor, .date = date, .body = body, .reference = reference,
    .assessment = assessment,
  };
  audit = update
          ? tavla_board_update_audit (board, id, 0, &input, cli_get_actor (cli), NULL, &error)
          : tavla_board_add_audit (board, &input, cli_get_actor (cli), NULL, &error);
  if (audit == NULL)
    return fail (error);

  return show_audit (cli, audit);
}

int
cli_audit_add (TavlaCli  *cli,
               int        argc,
               char     **argv)
{
  return audit_add_or_update (cli, argc, argv, FALSE);
}

int
cli_audit_update (TavlaCli  *cli,
                  int        argc,
                  char     **argv)
{
  return audit_add_or_update (cli, argc, argv, TRUE);
}

/* ---- audit list / show / report ----------------------------------------------- */

int
cli_audit_list (TavlaCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) audits = NULL;
  TavlaBoard *board = NULL;
  guint n_audits = 0;
  int status = 0;

  if (!cli_parse_options (cli, _("List the audits with how many recommendations are still open."), NULL,
                          &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);
  if ((audits = tavla_board_list_audits (board, NULL, &error)) == NULL)
    return fail (error);

  n_audits = g_list_model_get_n_items (audits);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n_audits; i++)
        {
          g_autoptr(TavlaAudit) audit = g_list_model_get_item (audits, i);

          json_add_audit (builder, audit);
        }
      json_builder_end_array (builder);
      cli_write_json (cli, builder);
      return CLI_EXIT_OK;
    }

  if (n_audits == 0)
    {
      cli_print_line (cli, "%s", _("No audits yet; register one with “tavla-cli audit add”."));
      return CLI_EXIT_OK;
    }

  {
    g_autoptr(CliTable) table = cli_table_new (6);

    cli_table_add (table, _("ID"));
    cli_table_add (table, _("Date"));
    cli_table_add (table, _("Auditor"));
    cli_table_add (table, _("Title"));
    cli_table_add (table, _("Open"));
    cli_table_add (table, _("Light"));
    for (guint i = 0; i < n_audits; i++)
      {
        g_autoptr(TavlaAudit) audit = g_list_model_get_item (audits, i);
        TavlaLight light = tavla_audit_get_light (audit);

        cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, tavla_audit_get_id (audit)));
        cli_table_add (table, tavla_audit_get_date (audit));
        cli_table_take (table, cli_text_clean (tavla_audit_get_auditor (audit)));
        cli_table_take (table, cli_text_clean (tavla_audit_get_title (audit)));
        cli_table_take (table, g_strdup_printf ("%u / %u", tavla_audit_get_n_open (audit),
                                                tavla_audit_get_recommendations (audit)->len));
        cli_table_add (table, tavla_light_get_label (light));
      }
    cli_table_print (table, cli);
  }

  return CLI_EXIT_OK;
}

int
cli_audit_show (TavlaCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaAudit) audit = NULL;
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;

  if (!cli_parse_options (cli, _("Show an audit with its recommendations and their lights."), NULL,
                          &argc, &argv, &status))
    return status;
  if ((status = take_id (cli, KIND_AUDIT, argc, argv, &id)) != CLI_EXIT_OK)
    return status;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);
  if ((audit = tavla_board_get_audit (board, id, &error)) == NULL)
    return fail (error);

  return show_audit (cli, audit);
}

int
cli_audit_report (TavlaCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaDocument) document = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *on = NULL;
  TavlaExportFormat format = TAVLA_EXPORT_MARKDOWN;
  gboolean json = FALSE;
  TavlaBoard *board = NULL;
  int status = 0;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &format_text, N_("markdown (default), html, pdf or json"),
      N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file instead of standard output"),
      N_("FILE") },
    { "on", 0, 0, G_OPTION_ARG_FILENAME, &on, N_("Judge overdue and lights on this day (default today)"),
      N_("DATE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Every audit with its recommendations, status, light, actions and evidence: "
                                 "the report sent to the auditors."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (!cli_check_text ("--on", on, &error))
    return cli_fail (error);

  json = cli->json || g_strcmp0 (format_text, "json") == 0;
  if (!json && format_text != NULL && !cli_parse_export_format (format_text, &format, &error))
    {
      g_autoptr(GError) with_json = NULL;
      g_autofree char *shown = g_utf8_make_valid (format_text, -1);

      with_json = g_error_new (TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                               _("--format “%s” is not known; write markdown, html, pdf or json"), shown);
      return cli_fail (with_json);
    }

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  if (json)
    {
      g_autoptr(GListModel) audits = tavla_board_list_audits (board, on, &error);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      gboolean saved = cli->json;

      if (audits == NULL)
        return fail (error);
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (audits); i++)
        {
          g_autoptr(TavlaAudit) audit = g_list_model_get_item (audits, i);

          json_add_audit (builder, audit);
        }
      json_builder_end_array (builder);

      if (output != NULL)
        {
          g_autoptr(JsonGenerator) generator = json_generator_new ();
          g_autoptr(JsonNode) root = json_builder_get_root (builder);

          json_generator_set_root (generator, root);
          json_generator_set_pretty (generator, TRUE);
          if (!json_generator_to_file (generator, output, &error))
            return cli_fail (error);
          return CLI_EXIT_OK;
        }

      cli->json = TRUE;
      cli_write_json (cli, builder);
      cli->json = saved;
      return CLI_EXIT_OK;
    }

  if ((document = tavla_board_build_audit_report (board, on, &error)) == NULL)
    return fail (error);
  if (!cli_write_document (cli, document, format, output, &error))
    return cli_fail (error);

  return CLI_EXIT_OK;
}

/* ---- recommendation add / update ------------------------------------------------ */

int
cli_recommendation_add (TavlaCli  *cli,
                        int        argc,
                        char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaRecommendation) recommendation = NULL;
  g_autofree char *audit_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *addressed_to = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *due = NULL;
  TavlaRecommendationInput input = { 0 };
  TavlaBoard *board = NULL;
  gint64 audit_id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "audit", 0, 0, G_OPTION_ARG_FILENAME, &audit_text, N_("The audit it comes from (see “audit list”)"),
      N_("ID") },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text, N_("What the auditors recommend"), N_("TEXT") },
    { "addressed-to", 0, 0, G_OPTION_ARG_FILENAME, &addressed_to,
      N_("Who it is addressed to (default: the audited body)"), N_("BODY") },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &owner, N_("The person responsible (see “person list”)"),
      N_("NAME") },
    { "due", 0, 0, G_OPTION_ARG_FILENAME, &due, N_("When it should be implemented"), N_("DATE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  const char *options[] = { "--audit", "--text", "--addressed-to", "--owner", "--due" };

  if (!cli_parse_options (cli, _("Add a recommendation (revisionsrekommendation) to an audit."), entries,
                          &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (audit_text == NULL)
    return cli_usage_error (cli, _("--audit is required"));
  if (text == NULL)
    return cli_usage_error (cli, _("--text is required"));

  {
    const char *values[] = { audit_text, text, addressed_to, owner, due };

    if (!cli_check_texts (options, values, G_N_ELEMENTS (values), &error) ||
        !parse_id (KIND_AUDIT, audit_text, &audit_id, &error))
      return cli_fail (error);
  }

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  input = (TavlaRecommendationInput) { .text = text, .addressed_to = addressed_to, .owner = owner, .due = due };
  recommendation = tavla_board_add_recommendation (board, audit_id, &input, cli_get_actor (cli), NULL, &error);
  if (recommendation == NULL)
    return fail (error);

  return show_recommendation (cli, board, recommendation, FALSE);
}

int
cli_recommendation_update (TavlaCli  *cli,
                           int        argc,
                           char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaRecommendation) recommendation = NULL;
  g_autofree char *text = NULL;
  g_autofree char *addressed_to = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *response = NULL;
  g_autofree char *response_date = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *due = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *assessment = NULL;
  g_autofree char *assessment_date = NULL;
  g_autofree char *note = NULL;
  TavlaRecommendationChange change = { 0 };
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_FILENAME, &status_text,
      N_("open, responded, in-progress, implemented, closed or not-accepted"), N_("STATUS") },
    { "response", 0, 0, G_OPTION_ARG_FILENAME, &response, N_("The committee's response"), N_("TEXT") },
    { "response-date", 0, 0, G_OPTION_ARG_FILENAME, &response_date,
      N_("The day of the response (default: today when the response changes)"), N_("DATE") },
    { "evidence", 0, 0, G_OPTION_ARG_FILENAME, &evidence, N_("What shows it was implemented"), N_("TEXT") },
    { "assessment", 0, 0, G_OPTION_ARG_FILENAME, &assessment,
      N_("The auditors' follow-up: implemented, partly or not-implemented"), N_("ASSESSMENT") },
    { "assessment-date", 0, 0, G_OPTION_ARG_FILENAME, &assessment_date,
      N_("The day of the follow-up (default: today when the assessment changes)"), N_("DATE") },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &owner, N_("The person responsible; \"\" removes"), N_("NAME") },
    { "due", 0, 0, G_OPTION_ARG_FILENAME, &due, N_("When it should be implemented; \"\" removes"), N_("DATE") },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text, N_("The recommendation's text"), N_("TEXT") },
    { "addressed-to", 0, 0, G_OPTION_ARG_FILENAME, &addressed_to, N_("Who it is addressed to"), N_("BODY") },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note,
      N_("Why: the motivation of not-accepted, the reason for reopening"), N_("TEXT") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  const char *options[] = { "--status", "--response", "--response-date", "--evidence", "--assessment",
                            "--assessment-date", "--owner", "--due", "--text", "--addressed-to", "--note" };

  if (!cli_parse_options (cli, _("Change a recommendation: its status, the committee's response, the "
                                 "evidence, the auditors' follow-up, owner or due date."),
                          entries, &argc, &argv, &status))
    return status;
  if ((status = take_id (cli, KIND_RECOMMENDATION, argc, argv, &id)) != CLI_EXIT_OK)
    return status;

  {
    const char *values[] = { status_text, response, response_date, evidence, assessment, assessment_date,
                             owner, due, text, addressed_to, note };

    if (!cli_check_texts (options, values, G_N_ELEMENTS (values), &error))
      return cli_fail (error);
  }

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  change = (TavlaRecommendationChange) {
    .text = text, .addressed_to = addressed_to, .status = status_text, .response = response,
    .response_date = response_date, .owner = owner, .due = due, .evidence = evidence,
    .assessment = assessment, .assessment_date = assessment_date, .note = note,
  };
  recommendation = tavla_board_update_recommendation (board, id, 0, &change, cli_get_actor (cli), NULL, &error);
  if (recommendation == NULL)
    return fail (error);

  return show_recommendation (cli, board, recommendation, FALSE);
}

/* ---- recommendation list / show / act ---------------------------------------- */

int
cli_recommendation_list (TavlaCli  *cli,
                         int        argc,
                         char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) recommendations = NULL;
  g_autofree char *audit_text = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *on = NULL;
  gboolean open_only = FALSE;
  gboolean overdue = FALSE;
  TavlaRecommendationQuery query = { 0 };
  TavlaBoard *board = NULL;
  guint n = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_only, N_("Only open, responded and in-progress ones"), NULL },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("Only those past their due date"), NULL },
    { "on", 0, 0, G_OPTION_ARG_FILENAME, &on, N_("Judge overdue and lights on this day (default today)"),
      N_("DATE") },
    { "audit", 0, 0, G_OPTION_ARG_FILENAME, &audit_text, N_("Only those of one audit"), N_("ID") },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &owner, N_("Only those of one person"), N_("NAME") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("List the audit recommendations with their status and traffic light."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (on != NULL && !overdue)
    return cli_usage_error (cli, _("--on goes with --overdue"));
  if (!cli_check_text ("--on", on, &error) || !cli_check_text ("--owner", owner, &error) ||
      !cli_check_text ("--audit", audit_text, &error) ||
      (audit_text != NULL && !parse_id (KIND_AUDIT, audit_text, &query.audit_id, &error)))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  query.open_only = open_only;
  query.overdue_only = overdue;
  query.owner = owner;
  query.on = on;
  if ((recommendations = tavla_board_list_recommendations (board, &query, &error)) == NULL)
    return fail (error);

  n = g_list_model_get_n_items (recommendations);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TavlaRecommendation) recommendation = g_list_model_get_item (recommendations, i);

          json_add_recommendation (builder, recommendation, NULL);
        }
      json_builder_end_array (builder);
      cli_write_json (cli, builder);
      return CLI_EXIT_OK;
    }

  if (n == 0)
    {
      cli_print_line (cli, "%s", _("No recommendations match."));
      return CLI_EXIT_OK;
    }

  {
    g_autoptr(CliTable) table = cli_table_new (7);

    cli_table_add (table, _("ID"));
    cli_table_add (table, _("Audit"));
    cli_table_add (table, _("Light"));
    cli_table_add (table, _("Status"));
    cli_table_add (table, _("Owner"));
    cli_table_add (table, _("Due date"));
    cli_table_add (table, _("Recommendation"));
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(TavlaRecommendation) recommendation = g_list_model_get_item (recommendations, i);
        g_autofree char *text = cli_text_shorten (tavla_recommendation_get_text (recommendation), 50);

        cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, tavla_recommendation_get_id (recommendation)));
        cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, tavla_recommendation_get_audit_id (recommendation)));
        cli_table_take (table, light_text (recommendation));
        cli_table_add (table, tavla_recommendation_status_get_label (tavla_recommendation_get_status (recommendation)));
        cli_table_take (table, cli_text_clean (or_dash (tavla_recommendation_get_owner (recommendation))));
        cli_table_take (table, g_strdup (or_dash (tavla_recommendation_get_due (recommendation))));
        cli_table_take (table, g_steal_pointer (&text));
      }
    cli_table_print (table, cli);
  }

  return CLI_EXIT_OK;
}

int
cli_recommendation_show (TavlaCli  *cli,
                         int        argc,
                         char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaRecommendation) recommendation = NULL;
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;

  if (!cli_parse_options (cli, _("Show a recommendation with its actions and history."), NULL,
                          &argc, &argv, &status))
    return status;
  if ((status = take_id (cli, KIND_RECOMMENDATION, argc, argv, &id)) != CLI_EXIT_OK)
    return status;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);
  if ((recommendation = tavla_board_get_recommendation (board, id, &error)) == NULL)
    return fail (error);

  return show_recommendation (cli, board, recommendation, TRUE);
}

int
cli_recommendation_act (TavlaCli  *cli,
                        int        argc,
                        char     **argv)
{
  return cli_act (cli, argc, argv,
                  _("Create an improvement proposal from an audit recommendation. Its source is “audit” "
                    "and it is linked to the recommendation as one of its actions."),
                  _("The recommendation's ID is missing"), parse_recommendation_id,
                  tavla_board_act_on_recommendation,
                  _("“tavla-cli recommendation list” shows the recommendations"));
}

/* ---- item link --recommendation ----------------------------------------------- */

int
cli_item_link_recommendation (TavlaCli  *cli,
                              int        argc,
                              char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autofree char *recommendation_text = NULL;
  TavlaBoard *board = NULL;
  gint64 item_id = 0;
  gint64 recommendation_id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "recommendation", 0, 0, G_OPTION_ARG_FILENAME, &recommendation_text,
      N_("The audit recommendation the proposal acts on (see “recommendation list”)"), N_("ID") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Link a proposal to an audit recommendation as one of its actions."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cli_usage_error (cli, _("The proposal's ID is missing"));
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);
  if (recommendation_text == NULL)
    return cli_usage_error (cli, _("--recommendation is required"));
  if (!cli_parse_id (argv[1], &item_id, &error) ||
      !cli_check_text ("--recommendation", recommendation_text, &error) ||
      !parse_id (KIND_RECOMMENDATION, recommendation_text, &recommendation_id, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  item = tavla_board_link_item_to_recommendation (board, item_id, recommendation_id, cli_get_actor (cli), &error);
  if (item == NULL)
    return fail (error);

  return cli_print_item_full (cli, board, item, FALSE);
}
