/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n.h>

#include "cli-output.h"
#include "tavla-cli.h"

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static void
print_person (TavlaCli    *cli,
              TavlaPerson *person)
{
  g_autoptr(CliFields) fields = cli_fields_new ();
  g_autofree char *name = cli_text_clean (tavla_person_get_name (person));
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_person_get_id (person));

  /* TRANSLATORS: heading of a person: their number and name. */
  cli_print_line (cli, _("Person #%s: %s"), id, name);
  cli_fields_add (fields, _("Role:"), or_empty (tavla_person_get_role (person)));
  cli_fields_add (fields, _("E-mail:"), or_empty (tavla_person_get_email (person)));
  cli_fields_add (fields, _("Active:"), tavla_person_get_active (person) ? _("yes") : _("no"));
  cli_fields_print (fields, cli);
}

static void
print_department (TavlaCli        *cli,
                  TavlaDepartment *department)
{
  g_autoptr(CliFields) fields = cli_fields_new ();
  g_autofree char *name = cli_text_clean (tavla_department_get_name (department));
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                         tavla_department_get_id (department));

  /* TRANSLATORS: heading of a department: its number and name. */
  cli_print_line (cli, _("Department #%s: %s"), id, name);
  cli_fields_add (fields, _("Code:"), or_empty (tavla_department_get_code (department)));
  cli_fields_print (fields, cli);
}

int
cli_person_add (TavlaCli  *cli,
                int        argc,
                char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaPerson) person = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *email = NULL;
  TavlaBoard *board;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name, N_("The person's name"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_FILENAME, &role,
      N_("The person's role, e.g. kommunvägledare"), N_("ROLE") },
    { "email", 0, 0, G_OPTION_ARG_FILENAME, &email, N_("The person's e-mail address"),
      N_("EMAIL") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Add a person who can own proposals."),
                          entries, &argc, &argv, &status))
    return status;
  if ((status = cli_take_name (cli, argc, argv, &name)) != CLI_EXIT_OK)
    return status;
  if (!cli_check_text ("NAME", name, &error)
      || !cli_check_text ("--role", role, &error)
      || !cli_check_text ("--email", email, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  person = tavla_board_add_person (board, name, role, email, cli_get_actor (cli), &error);
  if (person == NULL)
    return cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cli_json_add_person (builder, person);
      cli_write_json (cli, builder);
    }
  else
    {
      print_person (cli, person);
    }

  return CLI_EXIT_OK;
}

int
cli_person_list (TavlaCli  *cli,
                 int        argc,
                 char     **argv)
{
  g_autoptr(GError) error = NULL;
  GListModel *people;
  TavlaBoard *board;
  guint n_people;
  int status;

  if (!cli_parse_options (cli, _("List the people."),
                          NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  people = tavla_board_get_people (board);
  n_people = g_list_model_get_n_items (people);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n_people; i++)
        {
          g_autoptr(TavlaPerson) person = g_list_model_get_item (people, i);

          cli_json_add_person (builder, person);
        }
      json_builder_end_array (builder);
      cli_write_json (cli, builder);
    }
  else if (n_people == 0)
    {
      cli_print (cli, "%s\n", _("No people yet; add one with “tavla-cli person add NAME”."));
    }
  else
    {
      g_autoptr(CliTable) table = cli_table_new (5);

      cli_table_add (table, _("ID"));
      cli_table_add (table, _("Name"));
      cli_table_add (table, _("Role"));
      cli_table_add (table, _("E-mail"));
      cli_table_add (table, _("Active"));
      for (guint i = 0; i < n_people; i++)
        {
          g_autoptr(TavlaPerson) person = g_list_model_get_item (people, i);

          cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  tavla_person_get_id (person)));
          cli_table_add (table, tavla_person_get_name (person));
          cli_table_add (table, or_empty (tavla_person_get_role (person)));
          cli_table_add (table, or_empty (tavla_person_get_email (person)));
          cli_table_add (table, tavla_person_get_active (person) ? _("yes") : _("no"));
        }
      cli_table_print (table, cli);
    }

  return CLI_EXIT_OK;
}

int
cli_department_add (TavlaCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaDepartment) department = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  TavlaBoard *board;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name, N_("The department's name"), N_("NAME") },
    { "code", 0, 0, G_OPTION_ARG_FILENAME, &code, N_("A short code, e.g. SOC"), N_("CODE") },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };

  if (!cli_parse_options (cli, _("Add a department (förvaltning)."),
                          entries, &argc, &argv, &status))
    return status;
  if ((status = cli_take_name (cli, argc, argv, &name)) != CLI_EXIT_OK)
    return status;
  if (!cli_check_text ("NAME", name, &error) || !cli_check_text ("--code", code, &error))
    return cli_fail (error);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  department = tavla_board_add_department (board, name, code, cli_get_actor (cli), &error);
  if (department == NULL)
    return cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      cli_json_add_department (builder, department);
      cli_write_json (cli, builder);
    }
  else
    {
      print_department (cli, department);
    }

  return CLI_EXIT_OK;
}

int
cli_department_list (TavlaCli  *cli,
                     int        argc,
                     char     **argv)
{
  g_autoptr(GError) error = NULL;
  GListModel *departments;
  TavlaBoard *board;
  guint n_departments;
  int status;

  if (!cli_parse_options (cli, _("List the departments."),
                          NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return cli_usage_error (cli, _("Unexpected argument “%s”"), argv[1]);

  board = cli_get_board (cli, &error);
  if (board == NULL)
    return cli_fail (error);

  departments = tavla_board_get_departments (board);
  n_departments = g_list_model_get_n_items (departments);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n_departments; i++)
        {
          g_autoptr(TavlaDepartment) department = g_list_model_get_item (departments, i);

          cli_json_add_department (builder, department);
        }
      json_builder_end_array (builder);
      cli_write_json (cli, builder);
    }
  else if (n_departments == 0)
    {
      cli_print (cli, "%s\n",
                 _("No departments yet; add one with “tavla-cli department add NAME”."));
    }
  else
    {
      g_autoptr(CliTable) table = cli_table_new (3);

      cli_table_add (table, _("ID"));
      cli_table_add (table, _("Code"));
      cli_table_add (table, _("Name"));
      for (guint i = 0; i < n_departments; i++)
        {
          g_autoptr(TavlaDepartment) department = g_list_model_get_item (departments, i);

          cli_table_take (table, g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  tavla_department_get_id (department)));
          cli_table_add (table, or_empty (tavla_department_get_code (department)));
          cli_table_add (table, tavla_department_get_name (department));
        }
      cli_table_print (table, cli);
    }

  return CLI_EXIT_OK;
}
