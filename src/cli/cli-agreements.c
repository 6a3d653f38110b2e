/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cli-agreements.h"
#include "cli-audits.h"
#include "cli-output.h"
#include "tavla-cli.h"

/*
 * Delivery agreements and case types (issue 4): `agreement add|update|
 * section|revise|sign|list|show|diff|export`, `casetype add|update` and
 * `item link ID --agreement ID [--casetype ID]`. Parsing and printing
 * only; the rules are the core's.
 */

/* A positive whole number, optionally written "#12". */
static gboolean
parse_id (const char  *option,
          const char  *text,
          gint64      *out_id,
          GError     **error)
{
  const char *digits = text;
  char *end = NULL;
  gint64 value = 0;

  if (digits != NULL && *digits == '#')
    digits++;

  if (digits != NULL && g_ascii_isdigit (*digits))
    {
      value = g_ascii_strtoll (digits, &end, 10);
      if (end != NULL && *end == '\0' && value > 0)
        {
          *out_id = value;
          return TRUE;
        }
    }

  {
    g_autofree char *shown = g_utf8_make_valid (text != NULL ? text : "", -1);

    g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                 _("%s “%s” is not an ID; write a number that “tavla-cli agreement list” shows"),
                 option, shown);
  }
  return FALSE;
}

/* The one ID argument of a command. */
static int
take_agreement_id (TavlaCli  *cli,
                   int        argc,
                   char     **argv,
                   gint64    *out_id)
{
  g_autoptr(GError) error = NULL;

  if (argc < 2)
    return cli_usage_error (cli, _("The agreement's ID is missing"));
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);
  if (!parse_id (_("Agreement"), argv[1], out_id, &error))
    return cli_fail (error);

  return CLI_EXIT_OK;
}

static int
fail_agreement (const GError *error)
{
  if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND))
    return cli_fail_with_hint (error, _("“tavla-cli agreement list” shows the agreements"));

  return cli_fail (error);
}

/* ---- Output ------------------------------------------------------------ */

static void
json_add_agreement (JsonBuilder    *builder,
                    TavlaAgreement *agreement,
                    const char     *on)
{
  cli_json_set_int (builder, "id", tavla_agreement_get_id (agreement));
  cli_json_set_string (builder, "department", tavla_agreement_get_department (agreement));
  cli_json_set_int (builder, "version", tavla_agreement_get_version_number (agreement));
  cli_json_set_string (builder, "status",
                       tavla_agreement_status_to_string (tavla_agreement_get_status_on (agreement, on)));
  cli_json_set_string (builder, "signed", tavla_agreement_get_signed (agreement));
  cli_json_set_string (builder, "valid_from", tavla_agreement_get_valid_from (agreement));
  cli_json_set_string (builder, "valid_to", tavla_agreement_get_valid_to (agreement));
  cli_json_set_string (builder, "review_due", tavla_agreement_get_review_due (agreement));
  cli_json_set_boolean (builder, "revision_needed", tavla_agreement_get_revision_needed (agreement));
}

static void
json_add_case_type (JsonBuilder   *builder,
                    TavlaCaseType *case_type)
{
  json_builder_begin_object (builder);
  cli_json_set_int (builder, "id", tavla_case_type_get_id (case_type));
  cli_json_set_string (builder, "name", tavla_case_type_get_name (case_type));
  cli_json_set_string (builder, "rosa", tavla_rosa_class_to_string (tavla_case_type_get_rosa_class (case_type)));
  json_builder_set_member_name (builder, "days");
  if (tavla_case_type_get_days (case_type) >= 0)
    json_builder_add_int_value (builder, tavla_case_type_get_days (case_type));
  else
    json_builder_add_null_value (builder);
  cli_json_set_string (builder, "quality", tavla_case_type_get_quality (case_type));
  cli_json_set_string (builder, "handled_by",
                       tavla_handled_by_to_string (tavla_case_type_get_handled_by (case_type)));
  cli_json_set_string (builder, "contact", tavla_case_type_get_contact (case_type));
  json_builder_end_object (builder);
}

static void
json_add_full (JsonBuilder    *builder,
               TavlaAgreement *agreement,
               GListModel     *history,
               GArray         *items)
{
  GPtrArray *signatories = tavla_agreement_get_signatories (agreement);
  GPtrArray *case_types = tavla_agreement_get_case_types (agreement);

  json_builder_begin_object (builder);
  json_add_agreement (builder, agreement, NULL);
  cli_json_set_int (builder, "review_months", tavla_agreement_get_review_months (agreement));

  json_builder_set_member_name (builder, "signatories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < signatories->len; i++)
    {
      const TavlaSignatory *signatory = g_ptr_array_index (signatories, i);

      json_builder_begin_object (builder);
      cli_json_set_string (builder, "name", signatory->name);
      cli_json_set_string (builder, "role", signatory->role);
      cli_json_set_string (builder, "party", tavla_party_to_string (signatory->party));
      cli_json_set_string (builder, "signed", signatory->signed_date);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_object (builder);
  for (guint i = 0; i < TAVLA_N_SECTIONS; i++)
    cli_json_set_string (builder, tavla_section_to_string (i), tavla_agreement_get_section (agreement, i));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "case_types");
  json_builder_begin_array (builder);
  for (guint i = 0; i < case_types->len; i++)
    json_add_case_type (builder, g_ptr_array_index (case_types, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    json_builder_add_int_value (builder, g_array_index (items, gint64, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, i);

      json_builder_begin_object (builder);
      cli_json_set_int (builder, "change", tavla_history_entry_get_change_id (entry));
      cli_json_set_string (builder, "at", tavla_history_entry_get_at (entry));
      cli_json_set_string (builder, "actor", tavla_history_entry_get_actor (entry));
      cli_json_set_string (builder, "field", tavla_history_entry_get_field (entry));
      cli_json_set_string (builder, "old", tavla_history_entry_get_old_value (entry));
      cli_json_set_string (builder, "new", tavla_history_entry_get_new_value (entry));
      cli_json_set_string (builder, "note", tavla_history_entry_get_note (entry));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

static char *
status_text (TavlaAgreement *agreement,
             const char     *on)
{
  GString *text = g_string_new (tavla_agreement_status_get_label (tavla_agreement_get_status_on (agreement, on)));

  if (tavla_agreement_get_revision_needed (agreement))
    g_string_append_printf (text, ", %s", _("revision needed"));
  if (tavla_agreement_is_review_overdue (agreement, on))
    g_string_append_printf (text, ", %s", _("review overdue"));

  return g_string_free (text, FALSE);
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static void
print_agreement (TavlaCli       *cli,
                 TavlaAgreement *agreement,
                 GListModel     *history,
                 GArray         *items)
{
  g_autoptr(CliFields) fields = cli_fields_new ();
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_agreement_get_id (agreement));
  g_autofree char *version = g_strdup_printf ("%u", tavla_agreement_get_version_number (agreement));
  g_autofree char *status = status_text (agreement, NULL);
  g_autofree char *review = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %u month, next by %s",
                                                          "every %u months, next by %s",
                                                          tavla_agreement_get_review_months (agreement)),
                                             tavla_agreement_get_review_months (agreement),
                                             or_dash (tavla_agreement_get_review_due (agreement)));
  g_autofree char *department = cli_text_clean (tavla_agreement_get_department (agreement));
  GPtrArray *signatories = tavla_agreement_get_signatories (agreement);
  GPtrArray *case_types = tavla_agreement_get_case_types (agreement);

  cli_fields_add (fields, _("Agreement"), id);
  cli_fields_add (fields, _("Department"), department);
  cli_fields_add (fields, _("Version"), version);
  cli_fields_add (fields, _("Status"), status);
  cli_fields_add (fields, _("Signed"), or_dash (tavla_agreement_get_signed (agreement)));
  cli_fields_add (fields, _("Valid from"), or_dash (tavla_agreement_get_valid_from (agreement)));
  cli_fields_add (fields, _("Valid to"), or_dash (tavla_agreement_get_valid_to (agreement)));
  cli_fields_add (fields, _("Review"), review);
  cli_fields_print (fields, cli);

  if (signatories->len > 0)
    {
      cli_print (cli, "\n%s\n", _("Signatories"));
      for (guint i = 0; i < signatories->len; i++)
        {
          const TavlaSignatory *signatory = g_ptr_array_index (signatories, i);
          g_autofree char *name = cli_text_clean (signatory->name);
          g_autofree char *role = cli_text_clean (signatory->role);

          cli_print (cli, "  %s, %s (%s)%s%s\n", name, role, tavla_party_get_label (signatory->party),
                     signatory->signed_date != NULL ? " " : "",
                     signatory->signed_date != NULL ? signatory->signed_date : "");
        }
    }

  for (guint i = 0; i < TAVLA_N_SECTIONS; i++)
    {
      const char *text = tavla_agreement_get_section (agreement, i);

      cli_print (cli, "\n%s (%s)\n", tavla_section_get_label (i), tavla_section_to_string (i));
      if (*text == '\0')
        cli_print (cli, "  %s\n", _("(Not written yet.)"));
      else
        cli_print_indented (cli, text);
    }

  cli_print (cli, "\n%s\n", _("Case types"));
  if (case_types->len == 0)
    cli_print (cli, "  %s\n", _("None yet; add one with “tavla-cli casetype add”."));
  else
    {
      g_autoptr(CliTable) table = cli_table_new (6);

      cli_table_add (table, _("ID"));
      cli_table_add (table, _("Case type"));
      cli_table_add (table, _("ROSA class"));
      cli_table_add (table, _("Days"));
      cli_table_add (table, _("Handled by"));
      cli_table_add (table, _("Contact"));
      for (guint i = 0; i < case_types->len; i++)
        {
          TavlaCaseType *case_type = g_ptr_array_index (case_types, i);
          int days = tavla_case_type_get_days (case_type);

          cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, tavla_case_type_get_id (case_type)));
          cli_table_take (table, cli_text_clean (tavla_case_type_get_name (case_type)));
          cli_table_add (table, tavla_rosa_class_get_label (tavla_case_type_get_rosa_class (case_type)));
          cli_table_take (table, days >= 0 ? g_strdup_printf ("%d", days) : g_strdup ("—"));
          cli_table_add (table, tavla_handled_by_get_label (tavla_case_type_get_handled_by (case_type)));
          cli_table_take (table, cli_text_clean (or_dash (tavla_case_type_get_contact (case_type))));
        }
      cli_table_print (table, cli);
    }

  if (items != NULL && items->len > 0)
    {
      GString *list = g_string_new (NULL);

      for (guint i = 0; i < items->len; i++)
        g_string_append_printf (list, "%s#%" G_GINT64_FORMAT, i > 0 ? ", " : "", g_array_index (items, gint64, i));
      cli_print (cli, "\n%s: %s\n", _("Linked proposals"), list->str);
      g_string_free (list, TRUE);
    }

  if (history != NULL)
    {
      cli_print (cli, "\n%s\n", _("History"));
      for (guint i = 0; i < g_list_model_get_n_items (history); i++)
        {
          g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, i);
          g_autofree char *at = tavla_timestamp_display (tavla_history_entry_get_at (entry));
          g_autofree char *actor = cli_text_clean (tavla_history_entry_get_actor (entry));
          g_autofree char *describe = tavla_agreement_describe_history (entry);
          g_autofree char *text = cli_text_clean (describe);

          cli_print (cli, "  %s  %s: %s\n", at, actor, text);
        }
    }
}

/* Prints @agreement (just changed or asked for) in full. */
static int
show_agreement (TavlaCli       *cli,
                TavlaBoard     *board,
                TavlaAgreement *agreement,
                gboolean        with_history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GArray) items = NULL;
  gint64 id = tavla_agreement_get_id (agreement);

  if ((history = tavla_board_list_agreement_history (board, id, &error)) == NULL ||
      (items = tavla_board_list_agreement_items (board, id, &error)) == NULL)
    return fail_agreement (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_add_full (builder, agreement, history, items);
      cli_write_json (cli, builder);
    }
  else
    print_agreement (cli, agreement, with_history ? history : NULL, items);

  return CLI_EXIT_OK;
}

/* ---- agreement add / update ------------------------------------------------ */

static int
add_or_update (TavlaCli  *cli,
               int        argc,
               char     **argv,
               gboolean   update)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autofree char *department = NULL;
  g_autofree char *signed_date = NULL;
  g_autofree char *valid_from = NULL;
  g_autofree char *valid_to = NULL;
  g_autofree char *review_months = NULL;
  g_auto(GStrv) signatories = NULL;
  TavlaAgreementInput input = { 0 };
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;
  const GOptionEntry add_entries[] = {
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &department,
      N_("The department (name or code, see “department list”)"), N_("DEPARTMENT") },
    { "signed", 0, 0, G_OPTION_ARG_FILENAME, &signed_date,
      N_("Register an agreement already signed on that day (it is active at once)"), N_("DATE") },
    { "valid-from", 0, 0, G_OPTION_ARG_FILENAME, &valid_from, N_("First day it applies"), N_("DATE") },
    { "valid-to", 0, 0, G_OPTION_ARG_FILENAME, &valid_to, N_("Last day it applies"), N_("DATE") },
    { "review-months", 0, 0, G_OPTION_ARG_FILENAME, &review_months,
      N_("Review it this many months after signing (default 12)"), N_("N") },
    { "signatory", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &signatories,
      N_("Who signs, as NAME:ROLE (the first for the department, then the centre; "
         "add :department or :centre to choose); repeat for each"), N_("NAME:ROLE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  const char *options[] = { "--department", "--signed", "--valid-from", "--valid-to", "--review-months" };

  if (!cli_parse_options (cli, update
                          ? _("Change a draft agreement's dates, review interval or signatories.")
                          : _("Add a delivery agreement (leveransöverenskommelse) with a department: a "
                              "draft, or with --signed an agreement already signed."),
                          update ? add_entries + 2 : add_entries, &argc, &argv, &status))
    return status;

  if (update)
    {
      if ((status = take_agreement_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
        return status;
    }
  else
    {
      if (argc > 1)
        return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
      if (department == NULL)
        return cli_usage_error (cli, _("--department is required"));
    }

  {
    const char *values[] = { department, signed_date, valid_from, valid_to, review_months };

    if (!cli_check_texts (options, values, G_N_ELEMENTS (values), &error))
      return cli_fail (error);
    for (guint i = 0; signatories != NULL && signatories[i] != NULL; i++)
      if (!cli_check_text ("--signatory", signatories[i], &error))
        return cli_fail (error);
  }

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  input.department = department;
  input.signed_date = signed_date;
  input.valid_from = valid_from;
  input.valid_to = valid_to;
  input.review_months = review_months;
  input.signatories = (const char * const *) signatories;

  agreement = update
              ? tavla_board_update_agreement (board, id, 0, &input, cli_get_actor (cli), NULL, &error)
              : tavla_board_add_agreement (board, &input, cli_get_actor (cli), NULL, &error);
  if (agreement == NULL)
    return fail_agreement (error);

  return show_agreement (cli, board, agreement, FALSE);
}

int
cli_agreement_add (TavlaCli  *cli,
                   int        argc,
                   char     **argv)
{
  return add_or_update (cli, argc, argv, FALSE);
}

int
cli_agreement_update (TavlaCli  *cli,
                      int        argc,
                      char     **argv)
{
  return add_or_update (cli, argc, argv, TRUE);
}

/* ---- agreement section ------------------------------------------------------ */

int
cli_agreement_section (TavlaCli  *cli,
                       int        argc,
                       char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name,
      N_("The section: responsibilities, case-types, process, statistics, on-call, knowledge or billing"),
      N_("SECTION") },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text, N_("The section's text"), N_("TEXT") },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("Read the text from a UTF-8 file"), N_("FILE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Write one section of a draft agreement."), entries, &argc, &argv, &status))
    return status;
  if ((status = take_agreement_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;
  if (name == NULL)
    return cli_usage_error (cli, _("--name is required"));
  if (text == NULL && file == NULL)
    return cli_usage_error (cli, _("--text or --file is required"));
  if (text != NULL && file != NULL)
    return cli_usage_error (cli, _("Give --text or --file, not both"));
  if (!cli_check_text ("--name", name, &error) ||
      (text != NULL && !cli_check_text ("--text", text, &error)))
    return cli_fail (error);

  if (file != NULL)
    {
      if (!g_file_get_contents (file, &contents, NULL, &error))
        return cli_fail (error);
      if (!cli_check_text ("--file", contents, &error))
        return cli_fail (error);
    }

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  agreement = tavla_board_set_agreement_section (board, id, 0, name, file != NULL ? contents : text,
                                                 cli_get_actor (cli), NULL, &error);
  if (agreement == NULL)
    return fail_agreement (error);

  return show_agreement (cli, board, agreement, FALSE);
}

/* ---- agreement revise / sign ---------------------------------------------------- */

int
cli_agreement_revise (TavlaCli  *cli,
                      int        argc,
                      char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;

  if (!cli_parse_options (cli, _("Make a new draft version of an active agreement, with a copy of its "
                                 "sections, case types and signatories, and print it."),
                          NULL, &argc, &argv, &status))
    return status;
  if ((status = take_agreement_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  agreement = tavla_board_revise_agreement (board, id, cli_get_actor (cli), &error);
  if (agreement == NULL)
    return fail_agreement (error);

  return show_agreement (cli, board, agreement, FALSE);
}

int
cli_agreement_sign (TavlaCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autofree char *date = NULL;
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_FILENAME, &date, N_("The day it was signed"), N_("DATE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Sign a draft agreement: it becomes active and the department's previous "
                                 "agreement is superseded."),
                          entries, &argc, &argv, &status))
    return status;
  if ((status = take_agreement_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;
  if (date != NULL && !cli_check_text ("--date", date, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  agreement = tavla_board_sign_agreement (board, id, 0, date, cli_get_actor (cli), &error);
  if (agreement == NULL)
    return fail_agreement (error);

  return show_agreement (cli, board, agreement, FALSE);
}

/* ---- agreement list / show / diff ------------------------------------------------ */

int
cli_agreement_list (TavlaCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agreements = NULL;
  g_autofree char *department = NULL;
  g_autofree char *within = NULL;
  g_autofree char *on = NULL;
  gboolean review_due = FALSE;
  gboolean current = FALSE;
  TavlaAgreementQuery query = { 0 };
  TavlaBoard *board = NULL;
  guint n_agreements = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "department", 0, 0, G_OPTION_ARG_FILENAME, &department, N_("Only this department's agreements"),
      N_("DEPARTMENT") },
    { "current", 0, 0, G_OPTION_ARG_NONE, &current,
      N_("Only each department's current agreement"), NULL },
    { "review-due", 0, 0, G_OPTION_ARG_NONE, &review_due,
      N_("Only active agreements whose review is due"), NULL },
    { "within", 0, 0, G_OPTION_ARG_FILENAME, &within,
      N_("With --review-due: also those due within this many days"), N_("DAYS") },
    { "on", 0, 0, G_OPTION_ARG_FILENAME, &on,
      N_("Judge status and review on this day instead of today"), N_("DATE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("List the delivery agreements, every version, by department."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (within != NULL && !review_due)
    return cli_usage_error (cli, _("--within goes with --review-due"));
  if ((department != NULL && !cli_check_text ("--department", department, &error)) ||
      (on != NULL && !cli_check_text ("--on", on, &error)))
    return cli_fail (error);

  if (within != NULL)
    {
      char *end = NULL;
      gint64 days = g_ascii_strtoll (within, &end, 10);

      if (!g_ascii_isdigit (*within) || end == NULL || *end != '\0' || days < 0 || days > 36500)
        {
          g_set_error (&error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
                       _("--within “%s” is not a whole number of days from 0 to 36500; write it like 30"),
                       within);
          return cli_fail (error);
        }
      query.within_days = days;
    }

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  query.department = department;
  query.current_only = current;
  query.review_due = review_due;
  query.on = on;
  agreements = tavla_board_list_agreements (board, &query, &error);
  if (agreements == NULL)
    return fail_agreement (error);
  n_agreements = g_list_model_get_n_items (agreements);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n_agreements; i++)
        {
          g_autoptr(TavlaAgreement) agreement = g_list_model_get_item (agreements, i);

          json_builder_begin_object (builder);
          json_add_agreement (builder, agreement, on);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      cli_write_json (cli, builder);
    }
  else if (n_agreements == 0)
    {
      cli_print (cli, "%s\n", review_due ? _("No agreement is due for review.")
                                         : _("No agreements yet; add one with “tavla-cli agreement add”."));
    }
  else
    {
      g_autoptr(CliTable) table = cli_table_new (6);

      cli_table_add (table, _("ID"));
      cli_table_add (table, _("Department"));
      cli_table_add (table, _("Version"));
      cli_table_add (table, _("Status"));
      cli_table_add (table, _("Signed"));
      cli_table_add (table, _("Review due"));
      for (guint i = 0; i < n_agreements; i++)
        {
          g_autoptr(TavlaAgreement) agreement = g_list_model_get_item (agreements, i);

          cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT, tavla_agreement_get_id (agreement)));
          cli_table_take (table, cli_text_clean (tavla_agreement_get_department (agreement)));
          cli_table_take (table, g_strdup_printf ("%u", tavla_agreement_get_version_number (agreement)));
          cli_table_take (table, status_text (agreement, on));
          cli_table_add (table, or_dash (tavla_agreement_get_signed (agreement)));
          cli_table_add (table, or_dash (tavla_agreement_get_review_due (agreement)));
        }
      cli_table_print (table, cli);
    }

  return CLI_EXIT_OK;
}

int
cli_agreement_show (TavlaCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;

  if (!cli_parse_options (cli, _("Show an agreement: dates, signatories, sections, case types, linked "
                                 "proposals and history."),
                          NULL, &argc, &argv, &status))
    return status;
  if ((status = take_agreement_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  agreement = tavla_board_get_agreement (board, id, &error);
  if (agreement == NULL)
    return fail_agreement (error);

  return show_agreement (cli, board, agreement, TRUE);
}

int
cli_agreement_diff (TavlaCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  TavlaBoard *board = NULL;
  gint64 old_id = 0;
  gint64 new_id = 0;
  int status = 0;

  if (!cli_parse_options (cli, _("What changed between two agreements, usually two versions of one "
                                 "department's agreement."),
                          NULL, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return cli_usage_error (cli, _("Two agreement IDs are needed: the older and the newer"));
  if (argc > 3)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[3]);
  if (!parse_id (_("Agreement"), argv[1], &old_id, &error) ||
      !parse_id (_("Agreement"), argv[2], &new_id, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  changes = tavla_board_diff_agreements (board, old_id, new_id, &error);
  if (changes == NULL)
    return fail_agreement (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < changes->len; i++)
        {
          TavlaAgreementChange *change = g_ptr_array_index (changes, i);

          json_builder_begin_object (builder);
          cli_json_set_string (builder, "part", tavla_agreement_part_to_string (change->part));
          cli_json_set_string (builder, "change", tavla_change_kind_to_string (change->kind));
          cli_json_set_string (builder, "subject", change->subject);
          cli_json_set_string (builder, "old", change->old_value);
          cli_json_set_string (builder, "new", change->new_value);
          cli_json_set_string (builder, "description", change->description);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      cli_write_json (cli, builder);
    }
  else if (changes->len == 0)
    cli_print (cli, "%s\n", _("Nothing differs."));
  else
    {
      for (guint i = 0; i < changes->len; i++)
        {
          TavlaAgreementChange *change = g_ptr_array_index (changes, i);
          g_autofree char *description = cli_text_clean (change->description);

          cli_print (cli, "%s\n", description);
          if (change->part != TAVLA_AGREEMENT_PART_SECTION)
            {
              g_autofree char *old_value = cli_text_clean (or_dash (change->old_value));
              g_autofree char *new_value = cli_text_clean (or_dash (change->new_value));

              cli_print (cli, "  - %s\n  + %s\n", old_value, new_value);
            }
        }
    }

  return CLI_EXIT_OK;
}

/* ---- agreement export ----------------------------------------------------------- */

int
cli_agreement_export (TavlaCli  *cli,
                      int        argc,
                      char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(TavlaDocument) document = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  TavlaExportFormat format = TAVLA_EXPORT_MARKDOWN;
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &format_text, N_("markdown, html or pdf"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to this file instead of standard output"), N_("FILE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Export an agreement as a document ready to sign (A4)."),
                          entries, &argc, &argv, &status))
    return status;
  if ((status = take_agreement_id (cli, argc, argv, &id)) != CLI_EXIT_OK)
    return status;
  if (format_text == NULL)
    return cli_usage_error (cli, _("--format is required"));
  if (!cli_parse_export_format (format_text, &format, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  agreement = tavla_board_get_agreement (board, id, &error);
  if (agreement == NULL)
    return fail_agreement (error);

  document = tavla_agreement_build_document (agreement);
  if (!cli_write_document (cli, document, format, output, &error))
    return cli_fail (error);

  return CLI_EXIT_OK;
}

/* Parses --format: markdown, html or pdf. */
gboolean
cli_parse_export_format (const char         *text,
                         TavlaExportFormat  *out_format,
                         GError            **error)
{
  g_autofree char *shown = NULL;

  if (tavla_export_format_from_string (text, out_format))
    return TRUE;

  shown = g_utf8_make_valid (text, -1);
  g_set_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID,
               _("--format “%s” is not known; write markdown, html or pdf"), shown);
  return FALSE;
}

/* Writes @document to @output (replaced whole), or to standard output
 * when @output is NULL. */
gboolean
cli_write_document (TavlaCli           *cli,
                    TavlaDocument      *document,
                    TavlaExportFormat   format,
                    const char         *output,
                    GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data = NULL;

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      return tavla_document_render_to_file (document, format, file, error);
    }

  if ((bytes = tavla_document_render (document, format, error)) == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  g_string_append_len (cli->out, data, length);
  cli_flush (cli, FALSE);
  return TRUE;
}

/* ---- casetype add ------------------------------------------------------------- */

int
cli_casetype_add (TavlaCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaCaseType) case_type = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autofree char *agreement_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *rosa = NULL;
  g_autofree char *days = NULL;
  g_autofree char *quality = NULL;
  g_autofree char *handled_by = NULL;
  g_autofree char *contact = NULL;
  TavlaCaseTypeInput input = { 0 };
  TavlaBoard *board = NULL;
  gint64 agreement_id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "agreement", 0, 0, G_OPTION_ARG_FILENAME, &agreement_text, N_("The agreement's ID"), N_("ID") },
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name, N_("The case type (ärendetyp)"), N_("NAME") },
    { "rosa", 0, 0, G_OPTION_ARG_FILENAME, &rosa,
      N_("ROSA class: information, guidance, administration, rule-based, qualified, evaluative or "
         "political"), N_("CLASS") },
    { "days", 0, 0, G_OPTION_ARG_FILENAME, &days, N_("Time frame in working days"), N_("N") },
    { "quality", 0, 0, G_OPTION_ARG_FILENAME, &quality, N_("The quality requirement"), N_("TEXT") },
    { "handled-by", 0, 0, G_OPTION_ARG_FILENAME, &handled_by,
      N_("centre (default) or department"), N_("WHO") },
    { "contact", 0, 0, G_OPTION_ARG_FILENAME, &contact, N_("The contact person in the centre"), N_("NAME") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  const char *options[] = { "--agreement", "--name", "--rosa", "--days", "--quality", "--handled-by",
                            "--contact" };

  if (!cli_parse_options (cli, _("Add a case type to an agreement. On an active agreement it marks the "
                                 "agreement “revision needed” until a new version is signed."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);
  if (agreement_text == NULL)
    return cli_usage_error (cli, _("--agreement is required"));
  if (name == NULL)
    return cli_usage_error (cli, _("--name is required"));
  if (rosa == NULL)
    return cli_usage_error (cli, _("--rosa is required"));

  {
    const char *values[] = { agreement_text, name, rosa, days, quality, handled_by, contact };

    if (!cli_check_texts (options, values, G_N_ELEMENTS (values), &error))
      return cli_fail (error);
  }
  if (!parse_id ("--agreement", agreement_text, &agreement_id, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  input.name = name;
  input.rosa = rosa;
  input.days = days;
  input.quality = quality;
  input.handled_by = handled_by;
  input.contact = contact;

  case_type = tavla_board_add_case_type (board, agreement_id, &input, cli_get_actor (cli), NULL, &error);
  if (case_type == NULL)
    return fail_agreement (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_add_case_type (builder, case_type);
      cli_write_json (cli, builder);
      return CLI_EXIT_OK;
    }

  agreement = tavla_board_get_agreement (board, agreement_id, &error);
  if (agreement == NULL)
    return fail_agreement (error);

  {
    g_autofree char *case_type_number = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_case_type_get_id (case_type));
    g_autofree char *agreement_number = g_strdup_printf ("%" G_GINT64_FORMAT, agreement_id);

    cli_print (cli, _("Case type %s added to agreement %s.\n"), case_type_number, agreement_number);
  }
  if (tavla_agreement_get_revision_needed (agreement))
    cli_print (cli, "%s\n", _("The agreement is marked “revision needed”: revise it and sign the new "
                              "version."));

  return CLI_EXIT_OK;
}

/* ---- casetype update ---------------------------------------------------------- */

int
cli_casetype_update (TavlaCli  *cli,
                     int        argc,
                     char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaCaseType) case_type = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autofree char *name = NULL;
  g_autofree char *rosa = NULL;
  g_autofree char *days = NULL;
  g_autofree char *quality = NULL;
  g_autofree char *handled_by = NULL;
  g_autofree char *contact = NULL;
  TavlaCaseTypeInput input = { 0 };
  TavlaBoard *board = NULL;
  gint64 id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name, N_("The case type (ärendetyp)"), N_("NAME") },
    { "rosa", 0, 0, G_OPTION_ARG_FILENAME, &rosa,
      N_("ROSA class: information, guidance, administration, rule-based, qualified, evaluative or "
         "political"), N_("CLASS") },
    { "days", 0, 0, G_OPTION_ARG_FILENAME, &days, N_("Time frame in working days (empty for none)"), N_("N") },
    { "quality", 0, 0, G_OPTION_ARG_FILENAME, &quality, N_("The quality requirement"), N_("TEXT") },
    { "handled-by", 0, 0, G_OPTION_ARG_FILENAME, &handled_by,
      N_("centre or department"), N_("WHO") },
    { "contact", 0, 0, G_OPTION_ARG_FILENAME, &contact,
      N_("The contact person in the centre (empty for none)"), N_("NAME") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  const char *options[] = { "--name", "--rosa", "--days", "--quality", "--handled-by", "--contact" };

  if (!cli_parse_options (cli, _("Change a case type. On an active agreement it marks the agreement "
                                 "“revision needed” until a new version is signed."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cli_usage_error (cli, _("The case type's ID is missing"));
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);

  {
    const char *values[] = { name, rosa, days, quality, handled_by, contact };

    if (!cli_check_texts (options, values, G_N_ELEMENTS (values), &error))
      return cli_fail (error);
  }
  if (!parse_id (_("Case type"), argv[1], &id, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  input.name = name;
  input.rosa = rosa;
  input.days = days;
  input.quality = quality;
  input.handled_by = handled_by;
  input.contact = contact;

  case_type = tavla_board_update_case_type (board, id, 0, &input, cli_get_actor (cli), NULL, &error);
  if (case_type == NULL)
    return fail_agreement (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_add_case_type (builder, case_type);
      cli_write_json (cli, builder);
      return CLI_EXIT_OK;
    }

  agreement = tavla_board_get_agreement (board, tavla_case_type_get_agreement_id (case_type), &error);
  if (agreement == NULL)
    return fail_agreement (error);

  {
    g_autofree char *case_type_number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    g_autofree char *agreement_number = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                         tavla_agreement_get_id (agreement));

    cli_print (cli, _("Case type %s of agreement %s saved.\n"), case_type_number, agreement_number);
  }
  if (tavla_agreement_get_revision_needed (agreement))
    cli_print (cli, "%s\n", _("The agreement is marked “revision needed”: revise it and sign the new "
                              "version."));

  return CLI_EXIT_OK;
}

/* ---- item link ------------------------------------------------------------------- */

static int
link_agreement (TavlaCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaItem) item = NULL;
  g_autofree char *agreement_text = NULL;
  g_autofree char *case_type_text = NULL;
  TavlaBoard *board = NULL;
  gint64 item_id = 0;
  gint64 agreement_id = 0;
  gint64 case_type_id = 0;
  int status = 0;
  const GOptionEntry entries[] = {
    { "agreement", 0, 0, G_OPTION_ARG_FILENAME, &agreement_text,
      N_("The agreement the proposal concerns (see “agreement list”)"), N_("ID") },
    { "casetype", 0, 0, G_OPTION_ARG_FILENAME, &case_type_text,
      N_("And one of its case types (see “agreement show”)"), N_("ID") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Link a proposal to a delivery agreement and, optionally, one of its case "
                                 "types."),
                          entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cli_usage_error (cli, _("The proposal's ID is missing"));
  if (argc > 2)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[2]);
  if (agreement_text == NULL)
    return cli_usage_error (cli, _("--agreement is required"));
  if (!cli_parse_id (argv[1], &item_id, &error) ||
      !parse_id ("--agreement", agreement_text, &agreement_id, &error) ||
      (case_type_text != NULL && !parse_id ("--casetype", case_type_text, &case_type_id, &error)))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  item = tavla_board_link_item_to_agreement (board, item_id, agreement_id, case_type_id,
                                             cli_get_actor (cli), &error);
  if (item == NULL)
    {
      if (g_error_matches (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND))
        return cli_fail_with_hint (error, _("“tavla-cli item list” and “tavla-cli agreement list” show the IDs"));
      return cli_fail (error);
    }

  return cli_print_item_full (cli, board, item, FALSE);
}

/* `item link`: to an agreement here, to a metric in cli-deviations.c. */
int
cli_item_link_any (TavlaCli  *cli,
                   int        argc,
                   char     **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (g_str_has_prefix (argv[i], "--agreement") || g_str_has_prefix (argv[i], "--casetype"))
        return link_agreement (cli, argc, argv);
      if (g_str_has_prefix (argv[i], "--recommendation"))
        return cli_item_link_recommendation (cli, argc, argv);
    }

  return cli_item_link (cli, argc, argv);
}
