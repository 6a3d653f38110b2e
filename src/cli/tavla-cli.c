/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cli-agreements.h"
#include "cli-audits.h"
#include "cli-meetings.h"
#include "cli-feedback.h"
#include "cli-remind.h"
#include "cli-output.h"
#include "tavla-cli.h"

#define CLI_FLUSH_SIZE (64 * 1024)

typedef struct
{
  const char     *name;
  CliCommandFunc  func;
  const char     *parameters;
  const char     *summary;
} CliCommand;

typedef struct
{
  const char       *name;
  const CliCommand *actions;
  const CliCommand  command;
} CliGroup;

static int cli_init (TavlaCli *cli, int argc, char **argv);
static int cli_demo (TavlaCli *cli, int argc, char **argv);

static const CliCommand person_actions[] = {
  { "add", cli_person_add, N_("NAME"),
    N_("Add a person who can own proposals") },
  { "list", cli_person_list, NULL, N_("List the people") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand department_actions[] = {
  { "add", cli_department_add, N_("NAME"), N_("Add a department") },
  { "list", cli_department_list, NULL, N_("List the departments") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand item_actions[] = {
  { "add", cli_item_add, N_("--title TITLE"),
    N_("Add an improvement proposal") },
  { "list", cli_item_list, NULL,
    N_("List proposals, optionally filtered") },
  { "show", cli_item_show, N_("ID"), N_("Show a proposal with its history") },
  { "update", cli_item_update, N_("ID"),
    N_("Change a proposal: its fields, status or mark") },
  { "undo", cli_item_undo, N_("ID"),
    N_("Undo the last change to a proposal, as a new change") },
  { "link", cli_item_link_any, N_("ID (--metric NAME | --agreement ID [--casetype ID] | --recommendation ID)"),
    N_("Link a proposal to the metric it should improve, an agreement or an audit recommendation") },
  { "effect", cli_item_effect, N_("ID"),
    N_("The metric before the proposal started and after it was done") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand group_actions[] = {
  { "add", cli_group_add, N_("NAME"), N_("Add a response group (svarsgrupp)") },
  { "list", cli_group_list, NULL, N_("List the response groups") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand metric_actions[] = {
  { "add", cli_metric_add, N_("--name NAME --unit UNIT --direction DIRECTION --target NUMBER"),
    N_("Add a metric (nyckeltal) with its target") },
  { "list", cli_metric_list, NULL, N_("List the metrics and their targets") },
  { "series", cli_metric_series, N_("NAME"),
    N_("A metric's values per period, rolled up, against its target") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand measure_actions[] = {
  { "add", cli_measure_add, N_("--metric NAME --period PERIOD (--value NUMBER | --numerator "
                               "NUMBER --denominator NUMBER)"),
    N_("Record or correct one measurement") },
  { "import", cli_measure_import, N_("FILE.csv"),
    N_("Import measurements from a CSV file, all rows or none") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand deviation_actions[] = {
  { "explain", cli_deviation_explain, N_("ID --cause TEXT"),
    N_("Write down the cause of a deviation") },
  { "act", cli_deviation_act, N_("ID --title TITLE"),
    N_("Create an improvement proposal from a deviation") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand agreement_actions[] = {
  { "add", cli_agreement_add, N_("--department DEPARTMENT"),
    N_("Add a delivery agreement (leveransöverenskommelse) with a department") },
  { "update", cli_agreement_update, N_("ID"),
    N_("Change a draft agreement's dates, review interval or signatories") },
  { "section", cli_agreement_section, N_("ID --name SECTION --text TEXT"),
    N_("Write one section of a draft agreement") },
  { "revise", cli_agreement_revise, N_("ID"),
    N_("Make a new draft version of an agreement and print it") },
  { "sign", cli_agreement_sign, N_("ID --date DATE"),
    N_("Sign a draft: it becomes the department's active agreement") },
  { "list", cli_agreement_list, NULL,
    N_("List the agreements, or those due for review") },
  { "show", cli_agreement_show, N_("ID"),
    N_("Show an agreement with its case types and history") },
  { "diff", cli_agreement_diff, N_("OLD-ID NEW-ID"),
    N_("What changed between two versions of an agreement") },
  { "export", cli_agreement_export, N_("ID --format markdown|html|pdf"),
    N_("Export an agreement as a document ready to sign") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand casetype_actions[] = {
  { "add", cli_casetype_add, N_("--agreement ID --name NAME --rosa CLASS"),
    N_("Add a case type (ärendetyp) to an agreement") },
  { "update", cli_casetype_update, N_("ID"),
    N_("Change a case type's name, class, time frame, quality requirement, handler or contact") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand audit_actions[] = {
  { "add", cli_audit_add, N_("--title TITLE --auditor FIRM --date DATE --body BODY"),
    N_("Register an audit (granskning) and its report") },
  { "update", cli_audit_update, N_("ID"), N_("Change an audit's details or overall assessment") },
  { "list", cli_audit_list, NULL, N_("List the audits and how many recommendations are open") },
  { "show", cli_audit_show, N_("ID"), N_("Show an audit with its recommendations") },
  { "report", cli_audit_report, N_("[--format markdown|html|pdf|json]"),
    N_("The status report of every recommendation, for the auditors") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand recommendation_actions[] = {
  { "add", cli_recommendation_add, N_("--audit ID --text TEXT"),
    N_("Add a recommendation (revisionsrekommendation) to an audit") },
  { "update", cli_recommendation_update, N_("ID"),
    N_("Change a recommendation's status, response, evidence or follow-up") },
  { "list", cli_recommendation_list, NULL,
    N_("List the recommendations, open or overdue ones, with their lights") },
  { "show", cli_recommendation_show, N_("ID"), N_("Show a recommendation with its actions and history") },
  { "act", cli_recommendation_act, N_("ID --title TITLE"),
    N_("Create an improvement proposal from a recommendation") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand meeting_actions[] = {
  { "add", cli_meeting_add, N_("--kind KIND --date DATE [--department D] [--attendee NAME]…"),
    N_("Plan a weekly, development-group or check-in meeting") },
  { "list", cli_meeting_list, NULL, N_("List the meetings") },
  { "show", cli_meeting_show, N_("ID"), N_("Show a meeting") },
  { "start", cli_meeting_start, N_("ID"), N_("Start a meeting: its agenda is made and kept") },
  { "decide", cli_meeting_decide, N_("ID --text TEXT [--item ID]"),
    N_("Record a decision of a running meeting") },
  { "close", cli_meeting_close, N_("ID"), N_("Close a running meeting") },
  { "minutes", cli_meeting_minutes, N_("ID [--format markdown|html|json|pdf] [--output FILE]"),
    N_("The minutes of a meeting") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand agenda_actions[] = {
  { "weekly", cli_agenda_weekly, N_("[--date DATE] [--format markdown|html|json|pdf] [--output FILE]"),
    N_("The weekly meeting's agenda (veckomöte)") },
  { "development-group", cli_agenda_development_group,
    N_("[--date DATE] [--department D] [--format …] [--output FILE]"),
    N_("The development group's agenda, per department (utvecklingsgrupp)") },
  { "check-in", cli_agenda_check_in, N_("--department D [--date DATE] [--format …] [--output FILE]"),
    N_("A check-in meeting's agenda with a department (avstämningsmöte)") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand feedback_actions[] = {
  { "add", cli_feedback_add, N_("--date DATE --channel C --department D --category C --text TEXT"),
    N_("Register citizen feedback (synpunkt) about a department") },
  { "list", cli_feedback_list, NULL, N_("List feedback, by tertial, department, category or words") },
  { "show", cli_feedback_show, N_("ID"), N_("Show one feedback and the proposals started from it") },
  { "pass-on", cli_feedback_pass_on, N_("ID [--date DATE]"),
    N_("Record that feedback was passed on to its department") },
  { "link", cli_feedback_link, N_("ID --item ID"), N_("Link a proposal to the feedback it came from") },
  { "act", cli_feedback_act, N_("ID --title TITLE"), N_("Create an improvement proposal from feedback") },
  { "purge", cli_feedback_purge, N_("[--before DATE]"),
    N_("Remove the text of old feedback that holds personal data") },
  { "retention", cli_feedback_retention, N_("[MONTHS]"),
    N_("Show or set how long texts with personal data are kept") },
  { "summary", cli_feedback_summary, N_("--tertial T [--department D]"),
    N_("Count a tertial's feedback per department, category and channel") },
  { "export", cli_feedback_export, N_("--tertial T [--department D] --format markdown|html|pdf"),
    N_("Export a tertial's feedback for a department, ready to send") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand report_actions[] = {
  { "period", cli_report_period, N_("--tertial T [--format markdown|html|pdf|json] [--output FILE]"),
    N_("The period report (periodrapport) of a tertial") },
  { NULL, NULL, NULL, NULL },
};

static const CliCommand export_actions[] = {
  { "ics", cli_export_ics, NULL,
    N_("Export due dates and meetings as an iCalendar file for a calendar app") },
  { NULL, NULL, NULL, NULL },
};

static const CliGroup groups[] = {
  { "init", NULL, { "init", cli_init, NULL,
                    N_("Create or upgrade the database and print its path") } },
  { "demo", NULL, { "demo", cli_demo, NULL,
                    N_("Fill an empty database with the demo kundcenter") } },
  { "person", person_actions, { NULL, NULL, NULL, NULL } },
  { "department", department_actions, { NULL, NULL, NULL, NULL } },
  { "item", item_actions, { NULL, NULL, NULL, NULL } },
  { "group", group_actions, { NULL, NULL, NULL, NULL } },
  { "metric", metric_actions, { NULL, NULL, NULL, NULL } },
  { "measure", measure_actions, { NULL, NULL, NULL, NULL } },
  { "deviations", NULL, { "deviations", cli_deviations, NULL,
                          N_("List deviations from the targets, with causes and proposals") } },
  { "deviation", deviation_actions, { NULL, NULL, NULL, NULL } },
  { "agreement", agreement_actions, { NULL, NULL, NULL, NULL } },
  { "casetype", casetype_actions, { NULL, NULL, NULL, NULL } },
  { "audit", audit_actions, { NULL, NULL, NULL, NULL } },
  { "recommendation", recommendation_actions, { NULL, NULL, NULL, NULL } },
  { "meeting", meeting_actions, { NULL, NULL, NULL, NULL } },
  { "agenda", agenda_actions, { NULL, NULL, NULL, NULL } },
  { "feedback", feedback_actions, { NULL, NULL, NULL, NULL } },
  { "report", report_actions, { NULL, NULL, NULL, NULL } },
  { "remind", NULL, { "remind", cli_remind, NULL,
                      N_("List today's reminders, or show them as desktop notifications") } },
  { "export", export_actions, { NULL, NULL, NULL, NULL } },
  { "backup", NULL, { "backup", cli_backup, N_("[--output FILE]"),
                      N_("Make a checked backup of the database now") } },
  { "backups", NULL, { "backups", cli_backups, NULL,
                       N_("List the backups with their dates and sizes") } },
  { "restore", NULL, { "restore", cli_restore, N_("FILE"),
                       N_("Put a backup in place of the database (the current file is kept aside)") } },
  { "check", NULL, { "check", cli_check, NULL,
                     N_("Check the database for damage and broken references") } },
};

static const char *top_parameters = N_("[--db PATH] [--json] [--actor NAME] COMMAND …");

static void
append_command_line (GString          *text,
                     const char       *group,
                     const CliCommand *command)
{
  g_autofree char *name = NULL;

  if (g_strcmp0 (group, command->name) == 0)
    name = g_strdup (group);
  else if (command->parameters != NULL)
    name = g_strdup_printf ("%s %s %s", group, command->name, _(command->parameters));
  else
    name = g_strdup_printf ("%s %s", group, command->name);

  /* A long synopsis gets its own line, the summary under it. */
  if (g_utf8_strlen (name, -1) > 28)
    g_string_append_printf (text, "\n  %s\n  %-28s %s", name, "", _(command->summary));
  else
    g_string_append_printf (text, "\n  %s%*s %s", name,
                            (int) (28 - g_utf8_strlen (name, -1)), "", _(command->summary));
}

/* One line, without a trailing full stop, so that a hint can follow.
 * Messages may quote what was typed, so control characters go too. */
static char *
one_line (const char *message)
{
  g_autofree char *line = cli_text_clean (message);
  gsize len;

  g_strstrip (line);
  len = strlen (line);
  if (len > 0 && line[len - 1] == '.')
    line[len - 1] = '\0';

  return g_steal_pointer (&line);
}

static void
print_error_line (const char *message,
                  const char *hint)
{
  g_autofree char *line = one_line (message);

  if (hint != NULL)
    fprintf (stderr, "tavla-cli: %s; %s\n", line, hint);
  else
    fprintf (stderr, "tavla-cli: %s.\n", line);
}

/* "12" or "#12", a positive 64-bit number. */
static gboolean
parse_number (const char *text,
              gint64     *out_id)
{
  const char *digits = text;
  guint64 id = 0;

  if (digits[0] == '#')
    digits++;
  if (!g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;

  *out_id = (gint64) id;
  return TRUE;
}

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      const CliGroup *group = &groups[i];

      if (group->actions == NULL)
        {
          append_command_line (text, group->name, &group->command);
          continue;
        }
      for (const CliCommand *action = group->actions; action->name != NULL; action++)
        append_command_line (text, group->name, action);
    }
  g_string_append (text, "\n\n");
  g_string_append (text, _("Run “tavla-cli COMMAND --help” for the options of a command."));

  return g_string_free (text, FALSE);
}

static void
add_global_entries (GOptionContext  *context,
                    char           **db_path,
                    char           **actor,
                    gboolean        *json)
{
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, db_path,
      N_("The database file (default: $TAVLA_DB, else the app's database)"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, json,
      N_("Print JSON for programs instead of text for people"), NULL },
    { "actor", 0, 0, G_OPTION_ARG_FILENAME, actor,
      N_("Who makes the change, for the history (default: $TAVLA_USER, else your name)"),
      N_("NAME") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static void
merge_global_options (TavlaCli *cli,
                      char     *db_path,
                      char     *actor,
                      gboolean  json)
{
  if (db_path != NULL)
    {
      g_free (cli->db_path);
      cli->db_path = db_path;
    }
  if (actor != NULL)
    {
      g_free (cli->actor);
      cli->actor = actor;
    }
  cli->json = cli->json || json;
}

static int
check_no_arguments (TavlaCli  *cli,
                    int        argc,
                    char     **argv)
{
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);

  return CLI_EXIT_OK;
}

static int
cli_init (TavlaCli  *cli,
          int        argc,
          char     **argv)
{
  g_autoptr(GError) error = NULL;
  TavlaBoard *board;
  int status;

  if (!cli_parse_options (cli, _("Create or upgrade the database and print its path."),
                          NULL, &argc, &argv, &status))
    return status;
  if ((status = check_no_arguments (cli, argc, argv)) != CLI_EXIT_OK)
    return status;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  if (tavla_board_is_read_only (board))
    {
      g_autoptr(GError) read_only = NULL;

      read_only = g_error_new (TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_READ_ONLY,
                               _("The database %s can only be read: %s"),
                               tavla_board_get_path (board),
                               tavla_board_get_read_only_reason (board));
      return cli_fail (read_only);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, tavla_board_get_path (board));
      json_builder_end_object (builder);
      cli_write_json (cli, builder);
    }
  else
    {
      cli_print_line (cli, _("The database is ready: %s"), tavla_board_get_path (board));
    }

  return CLI_EXIT_OK;
}

/* "Agreements: 6 agreements, 14 case types." when the demo has any. */
static void
print_demo_agreements (TavlaCli   *cli,
                       TavlaBoard *board)
{
  TavlaAgreementQuery query = { 0 };
  g_autoptr(GListModel) agreements = tavla_board_list_agreements (board, &query, NULL);
  g_autofree char *agreements_text = NULL;
  g_autofree char *case_types_text = NULL;
  guint n_agreements = agreements != NULL ? g_list_model_get_n_items (agreements) : 0;
  guint n_case_types = 0;

  if (n_agreements == 0)
    return;

  for (guint i = 0; i < n_agreements; i++)
    {
      g_autoptr(TavlaAgreement) agreement = g_list_model_get_item (agreements, i);

      n_case_types += tavla_agreement_get_case_types (agreement)->len;
    }

  agreements_text = g_strdup_printf (ngettext ("%u agreement", "%u agreements", n_agreements), n_agreements);
  case_types_text = g_strdup_printf (ngettext ("%u case type", "%u case types", n_case_types), n_case_types);
  /* TRANSLATORS: the counts are "6 agreements", "14 case types". */
  cli_print_line (cli, _("Agreements: %s, %s."), agreements_text, case_types_text);
}

/* "Audits: 2 audits, 2 recommendations." when the demo has any. */
static void
print_demo_audits (TavlaCli   *cli,
                   TavlaBoard *board)
{
  g_autoptr(GListModel) audits = tavla_board_list_audits (board, NULL, NULL);
  g_autofree char *audits_text = NULL;
  g_autofree char *recommendations_text = NULL;
  guint n_audits = audits != NULL ? g_list_model_get_n_items (audits) : 0;
  guint n_recommendations = 0;

  if (n_audits == 0)
    return;

  for (guint i = 0; i < n_audits; i++)
    {
      g_autoptr(TavlaAudit) audit = g_list_model_get_item (audits, i);

      n_recommendations += tavla_audit_get_recommendations (audit)->len;
    }

  audits_text = g_strdup_printf (ngettext ("%u audit", "%u audits", n_audits), n_audits);
  recommendations_text = g_strdup_printf (ngettext ("%u recommendation", "%u recommendations",
                                                    n_recommendations), n_recommendations);
  /* TRANSLATORS: the counts are "2 audits", "2 recommendations". */
  cli_print_line (cli, _("Audits: %s, %s."), audits_text, recommendations_text);
}

/* "Meetings: 4 meetings, 5 decisions." when the demo has any. */
static void
print_demo_meetings (TavlaCli   *cli,
                     TavlaBoard *board)
{
  g_autoptr(GListModel) meetings = tavla_board_list_meetings (board, NULL);
  g_autofree char *meetings_text = NULL;
  g_autofree char *decisions_text = NULL;
  guint n_meetings = meetings != NULL ? g_list_model_get_n_items (meetings) : 0;
  guint n_decisions = 0;

  if (n_meetings == 0)
    return;

  for (guint i = 0; i < n_meetings; i++)
    {
      g_autoptr(TavlaMeeting) meeting = g_list_model_get_item (meetings, i);
      g_autoptr(GPtrArray) decisions = tavla_board_list_decisions (board, tavla_meeting_get_id (meeting), NULL);

      n_decisions += decisions != NULL ? decisions->len : 0;
    }

  meetings_text = g_strdup_printf (ngettext ("%u meeting", "%u meetings", n_meetings), n_meetings);
  decisions_text = g_strdup_printf (ngettext ("%u decision", "%u decisions", n_decisions), n_decisions);
  /* TRANSLATORS: the counts are "4 meetings", "5 decisions". */
  cli_print_line (cli, _("Meetings: %s, %s."), meetings_text, decisions_text);
}

/* "Citizen feedback: 44, of which 20 in T3 2026." when the demo has any. */
static void
print_demo_feedback (TavlaCli   *cli,
                     TavlaBoard *board)
{
  g_autoptr(TavlaFeedbackSummary) summary = NULL;
  g_autofree char *tertial = NULL;
  g_autofree char *period = NULL;
  TavlaPeriod current = { 0 };
  guint n_feedback = g_list_model_get_n_items (tavla_board_get_feedback_model (board));

  if (n_feedback == 0)
    return;

  tavla_period_current (TAVLA_PERIOD_TERTIAL, &current);
  tertial = tavla_period_format (&current);
  period = tavla_period_display (&current);
  if ((summary = tavla_board_summarize_feedback (board, tertial, NULL, NULL)) == NULL)
    return;

  /* TRANSLATORS: "Citizen feedback: 44, of which 20 in T3 2026." */
  cli_print_line (cli, _("Citizen feedback: %u, of which %u in %s."), n_feedback, summary->all.total, period);
}

static int
cli_demo (TavlaCli  *cli,
          int        argc,
          char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) deviations = NULL;
  TavlaDeviationQuery all_deviations = { 0 };
  TavlaBoard *board;
  guint n_people, n_departments, n_items, n_groups, n_metrics, n_deviations;
  int status;

  if (!cli_parse_options (cli, _("Fill an empty database with the demo kundcenter: its "
                              "staff, departments and about 30 proposals with history."),
                          NULL, &argc, &argv, &status))
    return status;
  if ((status = check_no_arguments (cli, argc, argv)) != CLI_EXIT_OK)
    return status;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);
  if (!tavla_board_load_demo (board, &error))
    return cli_fail (error);

  n_people = g_list_model_get_n_items (tavla_board_get_people (board));
  n_departments = g_list_model_get_n_items (tavla_board_get_departments (board));
  n_items = g_list_model_get_n_items (tavla_board_get_items (board));
  n_groups = g_list_model_get_n_items (tavla_board_get_response_groups (board));
  n_metrics = g_list_model_get_n_items (tavla_board_get_metrics (board));
  deviations = tavla_board_list_deviations (board, &all_deviations, &error);
  if (deviations == NULL)
    return cli_fail (error);
  n_deviations = g_list_model_get_n_items (deviations);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, tavla_board_get_path (board));
      json_builder_set_member_name (builder, "people");
      json_builder_add_int_value (builder, n_people);
      json_builder_set_member_name (builder, "departments");
      json_builder_add_int_value (builder, n_departments);
      json_builder_set_member_name (builder, "items");
      json_builder_add_int_value (builder, n_items);
      json_builder_set_member_name (builder, "response_groups");
      json_builder_add_int_value (builder, n_groups);
      json_builder_set_member_name (builder, "metrics");
      json_builder_add_int_value (builder, n_metrics);
      json_builder_set_member_name (builder, "deviations");
      json_builder_add_int_value (builder, n_deviations);
      json_builder_end_object (builder);
      cli_write_json (cli, builder);
    }
  else
    {
      g_autofree char *people = g_strdup_printf (ngettext ("%u person", "%u people", n_people),
                                                 n_people);
      g_autofree char *departments = g_strdup_printf (ngettext ("%u department",
                                                                "%u departments",
                                                                n_departments),
                                                      n_departments);
      g_autofree char *items = g_strdup_printf (ngettext ("%u proposal", "%u proposals", n_items),
                                                n_items);

      /* TRANSLATORS: the counts are "12 people", "5 departments", "30 proposals". */
      cli_print_line (cli, _("Loaded the demo kundcenter: %s, %s, %s."),
                      people, departments, items);
      if (n_metrics > 0)
        {
          g_autofree char *groups_text = g_strdup_printf (ngettext ("%u response group",
                                                                    "%u response groups",
                                                                    n_groups),
                                                          n_groups);
          g_autofree char *metrics_text = g_strdup_printf (ngettext ("%u metric",
                                                                     "%u metrics",
                                                                     n_metrics),
                                                           n_metrics);
          g_autofree char *deviations_text = g_strdup_printf (ngettext ("%u deviation",
                                                                        "%u deviations",
                                                                        n_deviations),
                                                              n_deviations);

          /* TRANSLATORS: the counts are "4 response groups", "10 metrics",
           * "57 deviations". */
          cli_print_line (cli, _("Metrics: %s, %s, %s."),
                          groups_text, metrics_text, deviations_text);
        }
      print_demo_agreements (cli, board);
      print_demo_audits (cli, board);
      print_demo_meetings (cli, board);
      print_demo_feedback (cli, board);
    }

  return CLI_EXIT_OK;
}

static int
run_command (TavlaCli         *cli,
             const CliCommand *command,
             const char       *group,
             int               argc,
             char            **argv)
{
  g_autofree char *name = NULL;
  g_autofree char **sub_argv = NULL;
  int status;

  if (g_strcmp0 (group, command->name) == 0)
    name = g_strdup_printf ("tavla-cli %s", command->name);
  else
    name = g_strdup_printf ("tavla-cli %s %s", group, command->name);

  /* GOption rearranges the vector it parses, so it gets a copy holding
   * borrowed strings; argv[0] names the command for --help. */
  sub_argv = g_new0 (char *, argc + 1);
  sub_argv[0] = name;
  for (int i = 1; i < argc; i++)
    sub_argv[i] = argv[i];

  cli->command = name + strlen ("tavla-cli ");
  cli->parameters = command->parameters;
  g_set_prgname (name);
  status = command->func (cli, argc, sub_argv);
  cli->command = NULL;
  cli->parameters = NULL;

  return status;
}

static int
run_group (TavlaCli        *cli,
           const CliGroup  *group,
           int              argc,
           char           **argv)
{
  g_autoptr(GString) names = g_string_new (NULL);

  if (group->actions == NULL)
    return run_command (cli, &group->command, group->name, argc, argv);

  for (const CliCommand *action = group->actions; action->name != NULL; action++)
    {
      if (argc > 1 && g_strcmp0 (argv[1], action->name) == 0)
        return run_command (cli, action, group->name, argc - 1, argv + 1);
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", action->name);
    }

  if (argc > 1 && (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0))
    {
      g_autoptr(GString) help = g_string_new (NULL);

      g_string_append_printf (help, "%s\n  tavla-cli %s %s\n\n%s", _("Usage:"), group->name,
                              _("ACTION [OPTION…]"), _("Actions:"));
      for (const CliCommand *action = group->actions; action->name != NULL; action++)
        append_command_line (help, group->name, action);
      g_string_append (help, "\n\n");
      g_string_append_printf (help, _("Run “tavla-cli %s ACTION --help” for the options of an "
                                      "action."), group->name);
      cli_print (cli, "%s\n", help->str);
      return CLI_EXIT_OK;
    }

  cli->command = group->name;
  cli->parameters = N_("ACTION");
  if (argc < 2)
    return cli_usage_error (cli, _("“%s” needs an action: %s"), group->name, names->str);

  return cli_usage_error (cli, _("Unknown action “%s”; the actions are %s"), argv[1], names->str);
}

static int
run (TavlaCli  *cli,
     int        argc,
     char     **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = describe_commands ();
  g_autofree char **top_argv = NULL;
  char *db_path = NULL;
  char *actor = NULL;
  gboolean json = FALSE;
  gboolean version = FALSE;
  const GOptionEntry top_entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  /* Global options come before the command (and are accepted again after
   * it); parsing stops at the command name. */
  context = g_option_context_new (_("COMMAND …"));
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_summary (context,
                                _("The improvement board of the kundcenter, from a shell or a "
                                  "cron job."));
  g_option_context_set_description (context, description);
  add_global_entries (context, &db_path, &actor, &json);
  g_option_context_add_main_entries (context, top_entries, GETTEXT_PACKAGE);

  top_argv = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    top_argv[i] = argv[i];

  if (!g_option_context_parse (context, &argc, &top_argv, &error))
    return cli_usage_error (cli, "%s", error->message);
  merge_global_options (cli, db_path, actor, json);

  if (version)
    {
      cli_print_line (cli, "tavla-cli %s", PACKAGE_VERSION);
      return CLI_EXIT_OK;
    }
  if (argc < 2)
    return cli_usage_error (cli, _("No command given"));

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      if (g_strcmp0 (top_argv[1], groups[i].name) == 0)
        return run_group (cli, &groups[i], argc - 1, top_argv + 1);
    }

  if (g_strcmp0 (top_argv[1], "help") == 0)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      cli_print (cli, "%s", help);
      return CLI_EXIT_OK;
    }

  return cli_usage_error (cli, _("Unknown command “%s”"), top_argv[1]);
}

static gboolean
finish_output (TavlaCli *cli)
{
  cli_flush (cli, TRUE);
  if (fflush (stdout) != 0 || ferror (stdout))
    cli->write_failed = TRUE;

  return !cli->write_failed;
}

/* Parses the options of one command together with the global ones.
 * Returns FALSE with @out_status set when the command must stop. */
gboolean
cli_parse_options (TavlaCli            *cli,
                   const char          *summary,
                   const GOptionEntry  *entries,
                   int                 *argc,
                   char              ***argv,
                   int                 *out_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  char *db_path = NULL;
  char *actor = NULL;
  gboolean json = FALSE;

  context = g_option_context_new (cli->parameters);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_global_entries (context, &db_path, &actor, &json);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *out_status = cli_usage_error (cli, "%s", error->message);
      return FALSE;
    }
  merge_global_options (cli, db_path, actor, json);

  /* A path is bytes, but a name goes into the history as text. */
  if (!cli_check_text ("--actor", cli->actor, &error))
    {
      *out_status = cli_fail (error);
      return FALSE;
    }

  return TRUE;
}

/* A usage error: one line naming the problem and the command's usage. */
int
cli_usage_error (TavlaCli   *cli,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  g_autofree char *usage = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (cli->command != NULL && cli->parameters != NULL)
    usage = g_strdup_printf (_("usage: tavla-cli %s [OPTION…] %s (see “tavla-cli %s --help”)"),
                             cli->command, _(cli->parameters), cli->command);
  else if (cli->command != NULL)
    usage = g_strdup_printf (_("usage: tavla-cli %s [OPTION…] (see “tavla-cli %s --help”)"),
                             cli->command, cli->command);
  else
    usage = g_strdup_printf (_("usage: tavla-cli %s (see “tavla-cli --help”)"),
                             _(top_parameters));
  print_error_line (message, usage);

  return CLI_EXIT_USAGE;
}

/* Reports @error on one line and returns the exit status for it. */
int
cli_fail (const GError *error)
{
  return cli_fail_with_hint (error, NULL);
}

int
cli_fail_with_hint (const GError *error,
                    const char   *hint)
{
  print_error_line (error->message, hint);

  if (error->domain == TAVLA_INPUT_ERROR)
    return CLI_EXIT_INVALID;
  if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND))
    return CLI_EXIT_NOT_FOUND;

  return CLI_EXIT_STORAGE;
}

/* --db, else $TAVLA_DB, else the app's. */
char *
cli_get_db_path (TavlaCli *cli)
{
  const char *env_path = g_getenv ("TAVLA_DB");

  if (cli->db_path != NULL && *cli->db_path != '\0')
    return g_strdup (cli->db_path);
  if (env_path != NULL && *env_path != '\0')
    return g_strdup (env_path);

  return tavla_default_database_path ();
}

/* Opens the board on first use. */
TavlaBoard *
cli_get_board (TavlaCli  *cli,
               GError   **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  if (cli->board != NULL)
    return cli->board;

  path = cli_get_db_path (cli);

  cli->board = tavla_board_open (path, &local_error);
  if (cli->board == NULL)
    {
      /* Say which file, unless the store already did. */
      if (strstr (local_error->message, path) == NULL)
        g_prefix_error (&local_error, _("Could not open the database %s: "), path);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return cli->board;
}

const char *
cli_get_actor (TavlaCli *cli)
{
  if (cli->actor != NULL && *cli->actor != '\0')
    return cli->actor;
  if (cli->default_actor == NULL)
    cli->default_actor = tavla_default_actor ();

  return cli->default_actor;
}

/* Text options arrive as bytes (they are never converted through the
 * locale, so nothing is lost); they must be UTF-8 to be stored. */
gboolean
cli_check_text (const char  *option,
                const char  *value,
                GError     **error)
{
  if (value == NULL || g_utf8_validate (value, -1, NULL))
    return TRUE;

  g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
               _("The value of %s is not UTF-8 text; set your terminal to UTF-8 and try again"),
               option);
  return FALSE;
}

/* cli_check_text() on each given value of @n options. */
gboolean
cli_check_texts (const char * const  *options,
                 const char * const  *values,
                 guint                n,
                 GError             **error)
{
  for (guint i = 0; i < n; i++)
    {
      if (values[i] != NULL && !cli_check_text (options[i], values[i], error))
        return FALSE;
    }

  return TRUE;
}

gboolean
cli_parse_id (const char  *text,
              gint64      *out_id,
              GError     **error)
{
  if (parse_number (text, out_id))
    return TRUE;

  {
    g_autofree char *shown = g_utf8_make_valid (text, -1);

    g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                 _("“%s” is not a proposal number; use an ID that “tavla-cli item list” shows"),
                 shown);
  }
  return FALSE;
}

gboolean
cli_parse_deviation_id (const char  *text,
                        gint64      *out_id,
                        GError     **error)
{
  if (parse_number (text, out_id))
    return TRUE;

  {
    g_autofree char *shown = g_utf8_make_valid (text, -1);

    g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                 _("“%s” is not a deviation number; use an ID that “tavla-cli deviations” "
                   "shows"),
                 shown);
  }
  return FALSE;
}

/* The name is positional or --name, not both. */
int
cli_take_name (TavlaCli  *cli,
               int        argc,
               char     **argv,
               char     **name)
{
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);
  if (argc == 2 && *name != NULL)
    return cli_usage_error (cli, _("Give the name either as an argument or with --name, not both"));
  if (argc == 2)
    *name = g_strdup (argv[1]);
  if (*name == NULL)
    return cli_usage_error (cli, _("A name is required"));

  return CLI_EXIT_OK;
}

/* One error line on stderr: "tavla-cli: MESSAGE." */
void
cli_print_error (const char *message)
{
  print_error_line (message, NULL);
}

/* Writes the collected output when there is enough of it, or all of it
 * when @force is set. */
void
cli_flush (TavlaCli *cli,
           gboolean  force)
{
  if (cli->out->len == 0 || (!force && cli->out->len < CLI_FLUSH_SIZE))
    return;

  if (!cli->write_failed
      && fwrite (cli->out->str, 1, cli->out->len, stdout) != cli->out->len)
    cli->write_failed = TRUE;
  g_string_truncate (cli->out, 0);
}

int
main (int    argc,
      char **argv)
{
  TavlaCli cli = { 0 };
  const char *localedir = g_getenv ("TAVLA_LOCALEDIR");
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE,
                  localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("tavla-cli");

  cli.out = g_string_sized_new (CLI_FLUSH_SIZE + 4096);
  status = run (&cli, argc, argv);

  /* A failed command prints its error and nothing else. */
  if (status != CLI_EXIT_OK)
    g_string_truncate (cli.out, 0);
  if (!finish_output (&cli) && status == CLI_EXIT_OK)
    {
      print_error_line (_("Could not write the output; check that the disk is not full"), NULL);
      status = CLI_EXIT_STORAGE;
    }

  g_clear_object (&cli.board);
  g_free (cli.db_path);
  g_free (cli.actor);
  g_free (cli.default_actor);
  g_string_free (cli.out, TRUE);

  return status;
}
