/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n.h>

#include "cli-meetings.h"
#include "cli-output.h"
#include "tavla-cli.h"

/* The options shared by `item add` and `item update`. */
typedef struct
{
  char     *title;
  char     *description;
  char     *owner;
  char     *due;
  char     *department;
  char     *source;
  char     *status;
  char     *mark;
  char     *note;
  gboolean  strategic;
  gboolean  operational;
} ItemOptions;

static void
item_options_clear (ItemOptions *options)
{
  g_free (options->title);
  g_free (options->description);
  g_free (options->owner);
  g_free (options->due);
  g_free (options->department);
  g_free (options->source);
  g_free (options->status);
  g_free (options->mark);
  g_free (options->note);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ItemOptions, item_options_clear)

typedef const char *(*NameFunc) (int value);

static const char *
status_name (int value)
{
  return tavla_status_to_string ((TavlaStatus) value);
}

static const char *
mark_name (int value)
{
  return value == TAVLA_MARK_NONE ? "none" : tavla_mark_to_string ((TavlaMark) value);
}

static const char *
source_name (int value)
{
  return tavla_source_to_string ((TavlaSource) value);
}

/* "new, in-progress, done, parked, rejected": the names a user may type. */
static char *
list_names (NameFunc func,
            int      n_values)
{
  GString *names = g_string_new (NULL);

  for (int i = 0; i < n_values; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", func (i));

  return g_string_free (names, FALSE);
}

static gboolean
parse_status (const char   *text,
              TavlaStatus  *out_status,
              GError      **error)
{
  g_autofree char *names = NULL;

  if (tavla_status_from_string (text, out_status))
    return TRUE;

  names = list_names (status_name, TAVLA_N_STATUSES);
  g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
               _("Unknown status “%s”; use one of %s"), text, names);
  return FALSE;
}

static gboolean
parse_mark (const char  *text,
            TavlaMark   *out_mark,
            GError     **error)
{
  g_autofree char *names = NULL;

  if (g_strcmp0 (text, "none") == 0 || g_strcmp0 (text, "") == 0)
    {
      *out_mark = TAVLA_MARK_NONE;
      return TRUE;
    }
  if (tavla_mark_from_string (text, out_mark))
    return TRUE;

  names = list_names (mark_name, TAVLA_N_MARKS);
  g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
               _("Unknown mark “%s”; use one of %s"), text, names);
  return FALSE;
}

static gboolean
parse_source (const char   *text,
              TavlaSource  *out_source,
              GError      **error)
{
  g_autofree char *names = NULL;

  if (tavla_source_from_string (text, out_source))
    return TRUE;

  names = list_names (source_name, TAVLA_N_SOURCES);
  g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
               _("Unknown source “%s”; use one of %s"), text, names);
  return FALSE;
}

static gboolean
check_item_texts (const ItemOptions  *options,
                  GError            **error)
{
  return cli_check_text ("--title", options->title, error)
         && cli_check_text ("--description", options->description, error)
         && cli_check_text ("--owner", options->owner, error)
         && cli_check_text ("--due", options->due, error)
         && cli_check_text ("--department", options->department, error)
         && cli_check_text ("--note", options->note, error);
}

/* Turns the options into a change; parsing only, the rules are the core's. */
static gboolean
options_to_change (const ItemOptions  *options,
                   TavlaItemChange    *change,
                   GError            **error)
{
  if (!check_item_texts (options, error))
    return FALSE;

  if (options->title != NULL)
    {
      change->set |= TAVLA_ITEM_FIELD_TITLE;
      change->title = options->title;
    }
  if (options->description != NULL)
    {
      change->set |= TAVLA_ITEM_FIELD_DESCRIPTION;
      change->description = options->description;
    }
  if (options->owner != NULL)
    {
      change->set |= TAVLA_ITEM_FIELD_OWNER;
      change->owner = options->owner;
    }
  if (options->due != NULL)
    {
      change->set |= TAVLA_ITEM_FIELD_DUE;
      change->due = options->due;
    }
  if (options->department != NULL)
    {
      change->set |= TAVLA_ITEM_FIELD_DEPARTMENT;
      change->department = options->department;
    }
  if (options->source != NULL)
    {
      if (!parse_source (options->source, &change->source, error))
        return FALSE;
      change->set |= TAVLA_ITEM_FIELD_SOURCE;
    }
  if (options->status != NULL)
    {
      if (!parse_status (options->status, &change->status, error))
        return FALSE;
      change->set |= TAVLA_ITEM_FIELD_STATUS;
    }
  if (options->mark != NULL)
    {
      if (!parse_mark (options->mark, &change->mark, error))
        return FALSE;
      change->set |= TAVLA_ITEM_FIELD_MARK;
    }
  if (options->note != NULL)
    {
      change->set |= TAVLA_ITEM_FIELD_NOTE;
      change->note = options->note;
    }
  if (options->strategic || options->operational)
    {
      change->set |= TAVLA_ITEM_FIELD_STRATEGIC;
      change->strategic = options->strategic;
    }

  return TRUE;
}

static int
take_id (TavlaCli  *cli,
         int        argc,
         char     **argv,
         gint64    *out_id)
{
  g_autoptr(GError) error = NULL;

  if (argc < 2)
    return cli_usage_error (cli, _("The proposal's ID is missing"));
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);
  if (!cli_parse_id (argv[1], out_id, &error))
    return cli_fail (error);

  return CLI_EXIT_OK;
}

static int
fail_item (const GError *error)
{
  if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND))
    return cli_fail_with_hint (error, _("“tavla-cli item list” shows the proposals"));

  return cli_fail (error);
}

/* Owner and department filters name existing rows; a department may be
 * given by its code, so the query gets the stored name. */
static gboolean
resolve_names (TavlaBoard  *board,
               char       **owner,
               char       **department,
               GError     **error)
{
  if (*owner != NULL)
    {
      g_autoptr(TavlaPerson) person = tavla_board_find_person (board, *owner);

      if (person == NULL)
        {
          g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                       _("No person is named “%s”; “tavla-cli person list” shows the names"),
                       *owner);
          return FALSE;
        }
      g_free (*owner);
      *owner = g_strdup (tavla_person_get_name (person));
    }

  if (*department != NULL)
    {
      g_autoptr(TavlaDepartment) found = tavla_board_find_department (board, *department);

      if (found == NULL)
        {
          g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                       _("No department is named “%s”; “tavla-cli department list” shows "
                         "the names"),
                       *department);
          return FALSE;
        }
      g_free (*department);
      *department = g_strdup (tavla_department_get_name (found));
    }

  return TRUE;
}

static gboolean
parse_statuses (char   **statuses,
                guint   *out_mask,
                GError **error)
{
  for (guint i = 0; statuses != NULL && statuses[i] != NULL; i++)
    {
      g_auto(GStrv) names = NULL;
      TavlaStatus unused;

      if (*statuses[i] == '\0')
        return parse_status ("", &unused, error);

      names = g_strsplit (statuses[i], ",", -1);

      for (guint j = 0; names[j] != NULL; j++)
        {
          TavlaStatus status;

          if (!cli_check_text ("--status", names[j], error)
              || !parse_status (g_strstrip (names[j]), &status, error))
            return FALSE;
          *out_mask |= 1u << status;
        }
    }

  return TRUE;
}

static void
print_item_table (TavlaCli  *cli,
                  GPtrArray *items)
{
  g_autoptr(CliTable) table = cli_table_new (6);
  g_autofree char *today = tavla_date_today ();

  cli_table_add (table, _("ID"));
  cli_table_add (table, _("Status"));
  cli_table_add (table, _("Mark"));
  cli_table_add (table, _("Due"));
  cli_table_add (table, _("Owner"));
  cli_table_add (table, _("Title"));

  for (guint i = 0; i < items->len; i++)
    {
      TavlaItem *item = g_ptr_array_index (items, i);
      TavlaMark mark = tavla_item_get_mark (item);
      const char *due = tavla_item_get_due (item);
      char *due_label = NULL;

      if (due != NULL && tavla_item_is_overdue (item, today))
        {
          g_autofree char *label = tavla_date_display (due);

          due_label = g_strdup_printf (_("%s, overdue"), label);
        }
      else if (due != NULL)
        {
          due_label = tavla_date_display (due);
        }

      cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, tavla_item_get_id (item)));
      cli_table_add (table, tavla_status_get_label (tavla_item_get_status (item)));
      cli_table_add (table, mark != TAVLA_MARK_NONE ? tavla_mark_get_label (mark) : "");
      cli_table_take (table, due_label);
      cli_table_add (table, tavla_item_get_owner (item));
      cli_table_add (table, tavla_item_get_title (item));
    }

  cli_table_print (table, cli);
}

/* Prints an item the way `item show` does; with --json the same object. */
int
cli_print_item_full (TavlaCli   *cli,
                     TavlaBoard *board,
                     TavlaItem  *item,
                     gboolean    with_history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GPtrArray) links = NULL;
  gint64 id = tavla_item_get_id (item);

  if (cli->json || with_history)
    {
      history = tavla_board_list_history (board, id, &error);
      if (history == NULL)
        return cli_fail (error);
      links = tavla_board_list_links (board, id, &error);
      if (links == NULL)
        return cli_fail (error);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cli_json_add_item_full (builder, item, history, links);
      cli_write_json (cli, builder);
      return CLI_EXIT_OK;
    }

  cli_print_item (cli, item);
  if (with_history)
    {
      cli_print_links (cli, links);
      cli_print_history (cli, history);
    }

  return CLI_EXIT_OK;
}

int
cli_item_add (TavlaCli  *cli,
              int        argc,
              char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_auto(ItemOptions) options = { 0 };
  TavlaItemChange change = { 0 };
  TavlaBoard *board;
  int status;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &options.title,
      N_("What should be improved (1-200 characters)"), N_("TITLE") },
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &options.description,
      N_("More about the proposal"), N_("TEXT") },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &options.owner,
      N_("The person responsible (see “person list”)"), N_("NAME") },
    { "due", 0, 0, G_OPTION_ARG_FILENAME, &options.due,
      N_("The expected end date"), N_("YYYY-MM-DD") },
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &options.department,
      N_("The department concerned (see “department list”)"), N_("NAME") },
    { "source", 0, 0, G_OPTION_ARG_FILENAME, &options.source,
      N_("Where it came from: weekly, deviation, feedback, audit, agreement or other"),
      N_("SOURCE") },
    { "strategic", 0, 0, G_OPTION_ARG_NONE, &options.strategic,
      N_("A matter for the development group"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Add an improvement proposal. It starts as “new”."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (options.title == NULL)
    return cli_usage_error (cli, _("--title is required"));
  if (!options_to_change (&options, &change, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  item = tavla_board_create_item (board, &change, cli_get_actor (cli), &error);
  if (item == NULL)
    return cli_fail (error);

  return cli_print_item_full (cli, board, item, FALSE);
}

int
cli_item_list (TavlaCli  *cli,
               int        argc,
               char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) statuses = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *department = NULL;
  g_autofree char *search = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *on = NULL;
  gboolean overdue = FALSE;
  gboolean strategic = FALSE;
  TavlaItemQuery query = { 0 };
  GDate on_date;
  GListModel *items;
  TavlaBoard *board;
  guint n_items;
  int status;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &statuses,
      N_("Only items with this status: new, in-progress, done, parked or rejected "
         "(repeat for several)"), N_("STATUS") },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &owner, N_("Only items this person owns"),
      N_("NAME") },
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &department,
      N_("Only items of this department"), N_("NAME") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_("Only open items whose due date has passed"), NULL },
    { "on", 0, 0, G_OPTION_ARG_FILENAME, &on,
      N_("With --overdue: the day to count from instead of today"), N_("YYYY-MM-DD") },
    { "search", 0, 0, G_OPTION_ARG_FILENAME, &search,
      N_("Only items whose title, description, owner or department contain this text"),
      N_("TEXT") },
    { "strategic", 0, 0, G_OPTION_ARG_NONE, &strategic,
      N_("Only matters for the development group"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("List proposals, ordered by ID. Filters combine."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (on != NULL && !overdue)
    return cli_usage_error (cli, _("--on only applies together with --overdue"));

  if (!cli_check_text ("--owner", owner, &error)
      || !cli_check_text ("--department", department, &error)
      || !cli_check_text ("--search", search, &error)
      || !cli_check_text ("--on", on, &error))
    return cli_fail (error);

  if (!parse_statuses (statuses, &query.statuses, &error))
    return cli_fail (error);
  if (on != NULL && !tavla_date_parse (on, &on_date))
    {
      g_set_error (&error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                   _("--on %s is not a valid date (expected YYYY-MM-DD)"), on);
      return cli_fail (error);
    }

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  if (!resolve_names (board, &owner, &department, &error))
    return cli_fail (error);
  if (search != NULL && *search != '\0')
    folded = tavla_text_fold (search);
  query.owner = owner;
  query.department = department;
  query.search = folded;
  query.overdue_only = overdue;
  query.today = on;
  query.strategic_only = strategic;

  items = tavla_board_get_items (board);
  n_items = g_list_model_get_n_items (items);

  if (cli->json)
    {
      guint n_matches = 0;

      /* A JSON array with one object per line, streamed out. */
      g_string_append_c (cli->out, '[');
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(TavlaItem) item = g_list_model_get_item (items, i);

          if (!tavla_item_query_matches (&query, item))
            continue;
          g_string_append (cli->out, n_matches++ == 0 ? "\n" : ",\n");
          cli_json_append_item (cli->out, item);
          cli_flush (cli, FALSE);
        }
      g_string_append (cli->out, n_matches > 0 ? "\n]\n" : "]\n");
    }
  else
    {
      g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(TavlaItem) item = g_list_model_get_item (items, i);

          if (tavla_item_query_matches (&query, item))
            g_ptr_array_add (matches, g_steal_pointer (&item));
        }

      if (matches->len == 0)
        {
          cli_print (cli, "%s\n", _("No proposals match."));
        }
      else
        {
          print_item_table (cli, matches);
          cli_print_line (cli, ngettext ("%u proposal", "%u proposals", matches->len),
                          matches->len);
        }
    }

  return CLI_EXIT_OK;
}

int
cli_item_show (TavlaCli  *cli,
               int        argc,
               char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  TavlaBoard *board;
  gint64 id = 0;
  int status;

  if (!cli_parse_options (cli, _("Show a proposal with its links and its full history."),
                          NULL, &argc, &argv, &status))
    return status;
  if ((status = take_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  item = tavla_board_get_item (board, id, &error);
  if (item == NULL)
    return fail_item (error);

  return cli_print_item_full (cli, board, item, TRUE);
}

int
cli_item_update (TavlaCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_auto(ItemOptions) options = { 0 };
  TavlaItemChange change = { 0 };
  g_autofree char *meeting = NULL;
  TavlaBoard *board;
  gint64 id = 0;
  int status;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &options.title,
      N_("A new title (1-200 characters)"), N_("TITLE") },
    { "description", 0, 0, G_OPTION_ARG_FILENAME, &options.description,
      N_("A new description"), N_("TEXT") },
    { "owner", 0, 0, G_OPTION_ARG_FILENAME, &options.owner,
      N_("The person responsible; \"\" removes the owner"), N_("NAME") },
    { "meeting", 0, 0, G_OPTION_ARG_FILENAME, &meeting,
      N_("The running meeting the change is made in (it lands in the minutes)"), N_("ID") },
    { "due", 0, 0, G_OPTION_ARG_FILENAME, &options.due,
      N_("The expected end date; \"\" removes it"), N_("YYYY-MM-DD") },
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &options.department,
      N_("The department concerned; \"\" removes it"), N_("NAME") },
    { "source", 0, 0, G_OPTION_ARG_FILENAME, &options.source,
      N_("Where it came from: weekly, deviation, feedback, audit, agreement or other"),
      N_("SOURCE") },
    { "status", 0, 0, G_OPTION_ARG_FILENAME, &options.status,
      N_("Move to new, in-progress, done, parked or rejected"), N_("STATUS") },
    { "mark", 0, 0, G_OPTION_ARG_FILENAME, &options.mark,
      N_("Status mark of an item in progress: on-track, at-risk, off-track or none"),
      N_("MARK") },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &options.note,
      N_("A note for the history; needed for done, rejected and reopening"), N_("TEXT") },
    { "strategic", 0, 0, G_OPTION_ARG_NONE, &options.strategic,
      N_("Make it a matter for the development group"), NULL },
    { "operational", 0, 0, G_OPTION_ARG_NONE, &options.operational,
      N_("Make it an operational matter for the weekly meeting"), NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Change a proposal. Each changed field is written to its "
                              "history with the note."),
                          entries, &argc, &argv, &status))
    return status;
  if ((status = take_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;
  if (options.strategic && options.operational)
    return cli_usage_error (cli, _("Give either --strategic or --operational, not both"));
  if (!options_to_change (&options, &change, &error))
    return cli_fail (error);
  if (change.set == TAVLA_ITEM_FIELD_NONE)
    return cli_usage_error (cli, _("Nothing to change; give at least one option, e.g. --status"));
  if (meeting != NULL && !cli_parse_meeting_id (meeting, &change.meeting_id, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  item = tavla_board_update_item (board, id, &change, cli_get_actor (cli), &error);
  if (item == NULL)
    return fail_item (error);

  return cli_print_item_full (cli, board, item, FALSE);
}

int
cli_item_undo (TavlaCli  *cli,
               int        argc,
               char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  TavlaBoard *board;
  gint64 id = 0;
  int status;

  if (!cli_parse_options (cli, _("Undo the last change to a proposal. The undo is itself a "
                              "change in the history."),
                          NULL, &argc, &argv, &status))
    return status;
  if ((status = take_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  item = tavla_board_undo_last_change (board, id, cli_get_actor (cli), &error);
  if (item == NULL)
    return fail_item (error);

  return cli_print_item_full (cli, board, item, FALSE);
}
