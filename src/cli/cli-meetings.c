/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "cli-meetings.h"
#include "cli-output.h"

/*
 * `meeting add|list|show|start|decide|close|minutes` and
 * `agenda weekly|development-group|check-in`. The agendas and minutes are
 * the core's: this file parses, calls and prints.
 */

gboolean
cli_parse_meeting_id (const char  *text,
                      gint64      *out_id,
                      GError     **error)
{
  char *end = NULL;
  gint64 value = 0;

  errno = 0;
  if (text != NULL && *text != '\0')
    value = g_ascii_strtoll (text, &end, 10);
  if (text == NULL || *text == '\0' || errno != 0 || end == text || *end != '\0' || value <= 0)
    {
      g_autofree char *shown = g_utf8_make_valid (text != NULL ? text : "", -1);

      g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                   _("“%s” is not a meeting number; use an ID that “tavla-cli meeting list” shows"), shown);
      return FALSE;
    }

  *out_id = value;
  return TRUE;
}

static int
take_meeting_id (TavlaCli  *cli,
                 int        argc,
                 char     **argv,
                 gint64    *out_id)
{
  g_autoptr(GError) error = NULL;

  if (argc < 2)
    return cli_usage_error (cli, _("The meeting's ID is missing"));
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);
  if (!cli_parse_meeting_id (argv[1], out_id, &error))
    return cli_fail (error);

  return CLI_EXIT_OK;
}

static int
fail_meeting (const GError *error)
{
  if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND))
    return cli_fail_with_hint (error, _("“tavla-cli meeting list” shows the meetings"));

  return cli_fail (error);
}

/* ---- Output ------------------------------------------------------------ */

static void
json_add_meeting (JsonBuilder  *builder,
                  TavlaMeeting *meeting)
{
  const char * const *attendees = tavla_meeting_get_attendees (meeting);

  json_builder_begin_object (builder);
  cli_json_set_int (builder, "id", tavla_meeting_get_id (meeting));
  cli_json_set_string (builder, "kind", tavla_meeting_kind_to_string (tavla_meeting_get_kind (meeting)));
  cli_json_set_string (builder, "date", tavla_meeting_get_date (meeting));
  cli_json_set_int (builder, "week", tavla_date_iso_week (tavla_meeting_get_date (meeting), NULL));
  cli_json_set_string (builder, "department", tavla_meeting_get_department (meeting));
  cli_json_set_string (builder, "state", tavla_meeting_state_to_string (tavla_meeting_get_state (meeting)));
  json_builder_set_member_name (builder, "attendees");
  json_builder_begin_array (builder);
  for (guint i = 0; attendees[i] != NULL; i++)
    json_builder_add_string_value (builder, attendees[i]);
  json_builder_end_array (builder);
  cli_json_set_int (builder, "position", tavla_meeting_get_position (meeting));
  cli_json_set_int (builder, "entries", tavla_meeting_get_n_entries (meeting));
  cli_json_set_int (builder, "handled", tavla_meeting_get_n_handled (meeting));
  cli_json_set_string (builder, "started", tavla_meeting_get_started (meeting));
  cli_json_set_string (builder, "closed", tavla_meeting_get_closed (meeting));
  json_builder_end_object (builder);
}

static void
print_meeting_line (TavlaCli     *cli,
                    TavlaMeeting *meeting)
{
  g_autofree char *title = tavla_meeting_dup_title (meeting);
  g_autofree char *clean = cli_text_clean (title);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_meeting_get_id (meeting));

  if (tavla_meeting_get_state (meeting) == TAVLA_MEETING_PLANNED)
    cli_print_line (cli, "%s  %s  %s", id, clean,
                    tavla_meeting_state_get_label (tavla_meeting_get_state (meeting)));
  else
    /* Translators: a meeting in `meeting list`: id, title, state and how
     * many agenda entries were handled, "3  Weekly meeting …  Closed  12/14". */
    cli_print_line (cli, _("%s  %s  %s  %u/%u handled"), id, clean,
                    tavla_meeting_state_get_label (tavla_meeting_get_state (meeting)),
                    tavla_meeting_get_n_handled (meeting), tavla_meeting_get_n_entries (meeting));
}

static int
print_meeting (TavlaCli     *cli,
               TavlaMeeting *meeting)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_add_meeting (builder, meeting);
      cli_write_json (cli, builder);
    }
  else
    print_meeting_line (cli, meeting);

  return CLI_EXIT_OK;
}

/* Writes @node as JSON, or @document in @format, to @output or stdout. */
static int
write_result (TavlaCli          *cli,
              JsonNode          *node,
              TavlaDocument     *document,
              gboolean           as_json,
              TavlaExportFormat  format,
              const char        *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (as_json)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      cli_json_append_node (text, node, 0);
      g_string_append_c (text, '\n');
      bytes = g_string_free_to_bytes (g_steal_pointer (&text));
    }
  else if ((bytes = tavla_document_render (document, format, &error)) == NULL)
    return cli_fail (error);

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      gsize length = 0;
      const char *data = g_bytes_get_data (bytes, &length);

      if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, NULL, &error))
        return cli_fail (error);
      return CLI_EXIT_OK;
    }

  {
    gsize length = 0;
    const char *data = g_bytes_get_data (bytes, &length);

    g_string_append_len (cli->out, data, length);
    cli_flush (cli, FALSE);
  }

  return CLI_EXIT_OK;
}

/* --format markdown|html|json|pdf (markdown by default; --json is json). */
static gboolean
parse_format (TavlaCli           *cli,
              const char         *text,
              gboolean           *out_json,
              TavlaExportFormat  *out_format,
              GError            **error)
{
  *out_json = cli->json;
  *out_format = TAVLA_EXPORT_MARKDOWN;

  if (text == NULL)
    return TRUE;
  if (g_strcmp0 (text, "json") == 0)
    {
      *out_json = TRUE;
      return TRUE;
    }
  if (tavla_export_format_from_string (text, out_format))
    {
      *out_json = FALSE;
      return TRUE;
    }

  {
    g_autofree char *shown = g_utf8_make_valid (text, -1);

    g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                 _("--format “%s” is not known; write markdown, html, json or pdf"), shown);
  }
  return FALSE;
}

/* ---- meeting add / list / show ------------------------------------------- */

int
cli_meeting_add (TavlaCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMeeting) meeting = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *department = NULL;
  g_auto(GStrv) attendees = NULL;
  TavlaMeetingInput input = { 0 };
  TavlaBoard *board = NULL;
  int status = 0;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_FILENAME, &kind_text,
      N_("weekly, development-group or check-in"), N_("KIND") },
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &date, N_("The meeting's date"), N_("YYYY-MM-DD") },
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &department,
      N_("The department (for a check-in; optional for the development group)"), N_("DEPARTMENT") },
    { "attendee", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &attendees,
      N_("A person at the meeting (repeat for each)"), N_("NAME") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Plan a meeting: the weekly meeting, the development group or a check-in."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (kind_text == NULL)
    return cli_usage_error (cli, _("--kind is required"));
  if (date == NULL)
    return cli_usage_error (cli, _("--date is required"));
  {
    const char *options[] = { "--kind", "--date", "--department" };
    const char *values[] = { kind_text, date, department };

    if (!cli_check_texts (options, values, G_N_ELEMENTS (values), &error))
      return cli_fail (error);
  }
  for (guint i = 0; attendees != NULL && attendees[i] != NULL; i++)
    if (!cli_check_text ("--attendee", attendees[i], &error))
      return cli_fail (error);
  if (!tavla_meeting_kind_from_string (kind_text, &input.kind))
    {
      g_autofree char *shown = g_utf8_make_valid (kind_text, -1);

      g_set_error (&error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                   _("--kind “%s” is not known; write weekly, development-group or check-in"), shown);
      return cli_fail (error);
    }

  if ((board = cli_get_board (cli, &error)) == NULL)
    return cli_fail (error);

  input.date = date;
  input.department = department;
  input.attendees = (const char * const *) attendees;
  if ((meeting = tavla_board_add_meeting (board, &input, cli_get_actor (cli), NULL, &error)) == NULL)
    return cli_fail (error);

  return print_meeting (cli, meeting);
}

int
cli_meeting_list (TavlaCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) meetings = NULL;
  TavlaBoard *board = NULL;
  int status = 0;

  if (!cli_parse_options (cli, _("List the meetings, newest first."), NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);

  if ((board = cli_get_board (cli, &error)) == NULL ||
      (meetings = tavla_board_list_meetings (board, &error)) == NULL)
    return cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
        {
          g_autoptr(TavlaMeeting) meeting = g_list_model_get_item (meetings, i);

          json_add_meeting (builder, meeting);
        }
      json_builder_end_array (builder);
      cli_write_json (cli, builder);
      return CLI_EXIT_OK;
    }

  if (g_list_model_get_n_items (meetings) == 0)
    cli_print_line (cli, "%s", _("No meetings yet; plan one with “tavla-cli meeting add”."));
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(TavlaMeeting) meeting = g_list_model_get_item (meetings, i);

      print_meeting_line (cli, meeting);
    }

  return CLI_EXIT_OK;
}

int
cli_meeting_show (TavlaCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMeeting) meeting = NULL;
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;

  if (!cli_parse_options (cli, _("Show a meeting."), NULL, &argc, &argv, &status))
    return status;
  if ((status = take_meeting_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;

  if ((board = cli_get_board (cli, &error)) == NULL)
    return cli_fail (error);
  if ((meeting = tavla_board_get_meeting (board, id, &error)) == NULL)
    return fail_meeting (error);

  return print_meeting (cli, meeting);
}

/* ---- meeting start / close ------------------------------------------------ */

typedef TavlaMeeting *(*MeetingStep) (TavlaBoard  *board,
                                      gint64       id,
                                      const char  *actor,
                                      GError     **error);

static int
run_step (TavlaCli    *cli,
          int          argc,
          char       **argv,
          const char  *summary,
          MeetingStep  step)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMeeting) meeting = NULL;
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;

  if (!cli_parse_options (cli, summary, NULL, &argc, &argv, &status))
    return status;
  if ((status = take_meeting_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;

  if ((board = cli_get_board (cli, &error)) == NULL)
    return cli_fail (error);
  if ((meeting = step (board, id, cli_get_actor (cli), &error)) == NULL)
    return fail_meeting (error);

  return print_meeting (cli, meeting);
}

int
cli_meeting_start (TavlaCli  *cli,
                   int        argc,
                   char     **argv)
{
  return run_step (cli, argc, argv, _("Start a planned meeting: its agenda is made now and kept."),
                   tavla_board_start_meeting);
}

int
cli_meeting_close (TavlaCli  *cli,
                   int        argc,
                   char     **argv)
{
  return run_step (cli, argc, argv, _("Close a running meeting; what was not handled goes to the next agenda."),
                   tavla_board_close_meeting);
}

/* ---- meeting decide --------------------------------------------------------- */

int
cli_meeting_decide (TavlaCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaDecision) decision = NULL;
  g_autofree char *text = NULL;
  g_autofree char *item = NULL;
  TavlaDecisionInput input = { NULL, 0, -1 };
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text, N_("What the meeting decided"), N_("TEXT") },
    { "item", 0, 0, G_OPTION_ARG_FILENAME, &item, N_("The proposal the decision is about"), N_("ID") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Record a decision of a running meeting."), entries, &argc, &argv, &status))
    return status;
  if ((status = take_meeting_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;
  if (text == NULL)
    return cli_usage_error (cli, _("--text is required"));
  if (!cli_check_text ("--text", text, &error) ||
      (item != NULL && !cli_parse_id (item, &input.item_id, &error)))
    return cli_fail (error);

  if ((board = cli_get_board (cli, &error)) == NULL)
    return cli_fail (error);

  input.text = text;
  if ((decision = tavla_board_add_decision (board, id, &input, cli_get_actor (cli), NULL, &error)) == NULL)
    return fail_meeting (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      cli_json_set_int (builder, "id", decision->id);
      cli_json_set_int (builder, "meeting", decision->meeting_id);
      cli_json_set_string (builder, "text", decision->text);
      json_builder_set_member_name (builder, "item");
      if (decision->item_id != 0)
        json_builder_add_int_value (builder, decision->item_id);
      else
        json_builder_add_null_value (builder);
      cli_json_set_string (builder, "created", decision->created);
      json_builder_end_object (builder);
      cli_write_json (cli, builder);
    }
  else
    {
      g_autofree char *clean = cli_text_clean (decision->text);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, decision->id);

      /* Translators: after `meeting decide`, "Decision 4: text". */
      cli_print_line (cli, _("Decision %s: %s"), number, clean);
    }

  return CLI_EXIT_OK;
}

/* ---- meeting minutes ---------------------------------------------------------- */

int
cli_meeting_minutes (TavlaCli  *cli,
                     int        argc,
                     char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaMinutes) minutes = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(TavlaDocument) document = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  TavlaExportFormat format = TAVLA_EXPORT_MARKDOWN;
  gboolean as_json = FALSE;
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &format_text, N_("markdown, html, json or pdf"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to this file instead of standard output"), N_("FILE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("The minutes of a meeting: decisions, changes, new owners and dates, "
                                 "what was carried over."), entries, &argc, &argv, &status))
    return status;
  if ((status = take_meeting_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;
  if (!parse_format (cli, format_text, &as_json, &format, &error))
    return cli_fail (error);

  if ((board = cli_get_board (cli, &error)) == NULL)
    return cli_fail (error);
  if ((minutes = tavla_board_get_minutes (board, id, &error)) == NULL)
    return fail_meeting (error);

  if (as_json)
    node = tavla_minutes_to_json (minutes);
  else
    document = tavla_minutes_build_document (minutes);

  return write_result (cli, node, document, as_json, format, output);
}

/* ---- agenda ---------------------------------------------------------------------- */

static int
run_agenda (TavlaCli         *cli,
            int               argc,
            char            **argv,
            TavlaMeetingKind  kind,
            const char       *summary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaAgenda) agenda = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(TavlaDocument) document = NULL;
  g_autofree char *date = NULL;
  g_autofree char *department = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  TavlaExportFormat format = TAVLA_EXPORT_MARKDOWN;
  TavlaAgendaQuery query = { 0 };
  gboolean as_json = FALSE;
  TavlaBoard *board = NULL;
  int status = 0;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &date, N_("The meeting's date (today if left out)"), N_("YYYY-MM-DD") },
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &format_text, N_("markdown, html, json or pdf"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to this file instead of standard output"), N_("FILE") },
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &department, N_("Only this department"), N_("DEPARTMENT") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  /* The weekly meeting is the whole centre's: no --department. */
  if (kind == TAVLA_MEETING_WEEKLY)
    entries[3].long_name = NULL;

  if (!cli_parse_options (cli, summary, entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (kind == TAVLA_MEETING_CHECK_IN && department == NULL)
    return cli_usage_error (cli, _("--department is required"));
  {
    const char *options[] = { "--date", "--department" };
    const char *values[] = { date, department };

    if (!cli_check_texts (options, values, G_N_ELEMENTS (values), &error) ||
        !parse_format (cli, format_text, &as_json, &format, &error))
      return cli_fail (error);
  }

  if ((board = cli_get_board (cli, &error)) == NULL)
    return cli_fail (error);

  query.kind = kind;
  query.date = date;
  query.department = department;
  if ((agenda = tavla_board_build_agenda (board, &query, NULL, &error)) == NULL)
    return cli_fail (error);

  if (as_json)
    node = tavla_agenda_to_json (agenda);
  else
    document = tavla_agenda_build_document (agenda);

  return write_result (cli, node, document, as_json, format, output);
}

int
cli_agenda_weekly (TavlaCli  *cli,
                   int        argc,
                   char     **argv)
{
  return run_agenda (cli, argc, argv, TAVLA_MEETING_WEEKLY,
                     _("The weekly meeting's agenda: new, overdue, due this week, in progress, done, "
                       "deviations, agreements and recommendations."));
}

int
cli_agenda_development_group (TavlaCli  *cli,
                              int        argc,
                              char     **argv)
{
  return run_agenda (cli, argc, argv, TAVLA_MEETING_DEVELOPMENT_GROUP,
                     _("The development group's agenda, per department."));
}

int
cli_agenda_check_in (TavlaCli  *cli,
                     int        argc,
                     char     **argv)
{
  return run_agenda (cli, argc, argv, TAVLA_MEETING_CHECK_IN,
                     _("The agenda of a check-in meeting with a department."));
}
