/* SPDX-License-Identifier: EUPL-1.2 */

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cli-test-common.h"

/*
 * `tavla-cli meeting …` and `agenda …` (issue 6): a meeting from plan to
 * minutes with every change attributed, bad input with the promised exit
 * statuses and nothing written, and the agenda in every format, the PDF
 * read back with pdftotext.
 */

static const char *meeting_keys[] = {
  "id", "kind", "date", "week", "department", "state", "attendees", "position", "entries", "handled",
  "started", "closed", NULL
};
static const char *agenda_keys[] = { "kind", "date", "week", "since", "department", "sections", NULL };
static const char *section_keys[] = { "id", "title", "entries", NULL };
static const char *minutes_keys[] = {
  "id", "kind", "date", "week", "state", "department", "attendees", "started", "closed", "entries",
  "handled", "decisions", "changes", "new_owners", "carried_over", NULL
};

static JsonObject *
object_of (JsonNode *node)
{
  return json_node_get_object (node);
}

static JsonObject *
find_section (JsonObject *agenda,
              const char *id)
{
  JsonArray *sections = json_object_get_array_member (agenda, "sections");

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonObject *section = json_array_get_object_element (sections, i);

      if (g_strcmp0 (json_object_get_string_member (section, "id"), id) == 0)
        return section;
    }

  g_error ("the agenda has no section “%s”", id);
  return NULL;
}

/* Plan, start, change with --meeting, decide, close, minutes. */
static void
test_flow (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) meeting = NULL;
  g_autoptr(JsonNode) started = NULL;
  g_autoptr(JsonNode) decision = NULL;
  g_autoptr(JsonNode) closed = NULL;
  g_autoptr(JsonNode) item = NULL;
  g_autoptr(JsonNode) minutes = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonArray *history = NULL;
  JsonObject *last = NULL;

  seed_board (f);
  add_item (f, "Telefonkö vid skolvalet");
  add_item (f, "Checklista för bygglov");

  meeting = run_json (f, "--json", "meeting", "add", "--kind", "weekly", "--date", "2026-11-30",
                      "--attendee", "Åsa Öberg", "--attendee", "Kalle Ek", NULL);
  assert_keys (object_of (meeting), meeting_keys);
  g_assert_cmpstr (json_object_get_string_member (object_of (meeting), "state"), ==, "planned");
  g_assert_cmpint (json_object_get_int_member (object_of (meeting), "week"), ==, 49);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (meeting), "attendees")), ==, 2);

  /* Before the start a change in the meeting is refused. */
  expect_refused (f, "not started", "item", "update", "1", "--owner", "Kalle Ek", "--meeting", "1", NULL);

  started = run_json (f, "--json", "meeting", "start", "1", NULL);
  g_assert_cmpstr (json_object_get_string_member (object_of (started), "state"), ==, "running");
  g_assert_cmpint (json_object_get_int_member (object_of (started), "entries"), ==, 2);

  run (f, "item", "update", "1", "--status", "in-progress", "--owner", "Kalle Ek", "--due", "2026-12-18",
       "--meeting", "1", NULL);
  expect_ok (f);
  item = run_json (f, "--json", "item", "show", "1", NULL);
  history = json_object_get_array_member (object_of (item), "history");
  last = json_array_get_object_element (history, json_array_get_length (history) - 1);
  g_assert_cmpint (json_object_get_int_member (last, "meeting"), ==, 1);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (history, 0), "meeting"));

  decision = run_json (f, "--json", "meeting", "decide", "1", "--text", "Kalle tar fram checklistan",
                       "--item", "2", NULL);
  g_assert_cmpstr (json_object_get_string_member (object_of (decision), "text"), ==, "Kalle tar fram checklistan");
  g_assert_cmpint (json_object_get_int_member (object_of (decision), "item"), ==, 2);

  closed = run_json (f, "--json", "meeting", "close", "1", NULL);
  g_assert_cmpstr (json_object_get_string_member (object_of (closed), "state"), ==, "closed");

  minutes = run_json (f, "meeting", "minutes", "1", "--format", "json", NULL);
  assert_keys (object_of (minutes), minutes_keys);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (minutes), "decisions")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (minutes), "new_owners")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (minutes), "changes")), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object_of (minutes), "handled"), ==, 2);

  run (f, "meeting", "minutes", "1", NULL);
  expect_ok (f);
  expect_output (f, "Kalle tar fram checklistan");
  expect_output (f, "2026-12-18 (w. 51)");
  expect_output (f, "Telefonkö vid skolvalet");

  /* The minutes as an A4 PDF that reads back, and as escaped HTML. */
  {
    g_autofree char *pdf = g_build_filename (f->tmpdir, "protokoll.pdf", NULL);
    g_autofree char *text = NULL;
    const char *argv[] = { "pdftotext", pdf, "-", NULL };
    g_autoptr(GError) error = NULL;
    int wait_status = 0;

    run (f, "meeting", "minutes", "1", "--format", "pdf", "--output", pdf, NULL);
    expect_ok (f);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, &wait_status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "Minutes: Weekly meeting"));
    g_assert_nonnull (strstr (text, "Kalle tar fram checklistan"));
    g_assert_nonnull (strstr (text, "2026-12-18 (w. 51)"));
  }
  run (f, "meeting", "decide", "1", "--text", "För sent", NULL);
  expect_error (f, 3, "closed");

  list = run_json (f, "--json", "meeting", "list", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);
  run (f, "meeting", "list", NULL);
  expect_ok (f);
  expect_output (f, "Weekly meeting 2026-11-30 (w. 49)");
}

/* Usage errors exit 2, bad values 3, unknown meetings 4; nothing written. */
static void
test_bad (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(JsonNode) list = NULL;

  seed_board (f);
  run (f, "meeting", "add", "--date", "2026-11-30", NULL);
  expect_error (f, 2, "--kind");
  run (f, "meeting", "add", "--kind", "weekly", NULL);
  expect_error (f, 2, "--date");
  run (f, "meeting", "add", "--kind", "monthly", "--date", "2026-11-30", NULL);
  expect_error (f, 3, "monthly");
  run (f, "meeting", "add", "--kind", "weekly", "--date", "30/11/2026", NULL);
  expect_error (f, 3, "YYYY-MM-DD");
  run (f, "meeting", "add", "--kind", "check-in", "--date", "2026-11-30", NULL);
  expect_error (f, 3, "department");
  run (f, "meeting", "add", "--kind", "weekly", "--date", "2026-11-30", "--attendee", "Okänd Person", NULL);
  expect_error (f, 3, "Okänd Person");
  list = run_json (f, "--json", "meeting", "list", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 0);

  run (f, "meeting", "start", "7", NULL);
  expect_error (f, 4, "meeting list");
  run (f, "meeting", "start", "sju", NULL);
  expect_error (f, 3, "not a meeting number");
  run (f, "meeting", "decide", "1", NULL);
  expect_error (f, 2, "--text");

  run (f, "meeting", "add", "--kind", "weekly", "--date", "2026-11-30", NULL);
  expect_ok (f);
  run (f, "meeting", "decide", "1", "--text", "Beslut", NULL);
  expect_error (f, 3, "not started");
  run (f, "meeting", "close", "1", NULL);
  expect_error (f, 3, "not started");
  run (f, "agenda", "weekly", "--format", "docx", NULL);
  expect_error (f, 3, "docx");
  run (f, "agenda", "weekly", "--date", "2026-02-30", NULL);
  expect_error (f, 3, "2026-02-30");
  run (f, "agenda", "check-in", NULL);
  expect_error (f, 2, "--department");
  run (f, "agenda", "development-group", "--department", "Okänd", NULL);
  expect_error (f, 3, "Okänd");
}

/* The agenda as JSON, HTML (escaped), Markdown and an A4 PDF that
 * pdftotext reads back. */
static void
test_agenda_formats (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) agenda = NULL;
  g_autoptr(JsonNode) group = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdf_err = NULL;
  JsonObject *fresh = NULL;
  JsonObject *entry = NULL;
  int wait_status = 0;
  g_autoptr(GError) error = NULL;

  seed_board (f);
  add_item (f, "<script>alert('x')</script> Kö & väntetid");
  run (f, "item", "update", "1", "--strategic", "--department", "Socialförvaltningen", NULL);
  expect_ok (f);

  agenda = run_json (f, "agenda", "weekly", "--date", "2026-11-30", "--format", "json", NULL);
  assert_keys (object_of (agenda), agenda_keys);
  g_assert_cmpstr (json_object_get_string_member (object_of (agenda), "since"), ==, "2026-11-23");
  fresh = find_section (object_of (agenda), "new");
  assert_keys (fresh, section_keys);
  entry = json_array_get_object_element (json_object_get_array_member (fresh, "entries"), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "kind"), ==, "item");
  g_assert_cmpint (json_object_get_int_member (entry, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (entry, "status"), ==, "new");
  g_assert_cmpstr (json_object_get_string_member (entry, "department"), ==, "Socialförvaltningen");

  run (f, "agenda", "weekly", "--date", "2026-11-30", "--format", "html", NULL);
  expect_ok (f);
  g_assert_null (strstr (f->out, "<script>alert"));
  expect_output (f, "&lt;script&gt;");

  run (f, "agenda", "weekly", "--date", "2026-11-30", NULL);
  expect_ok (f);
  expect_output (f, "Week 49, 2026-11-30");
  expect_output (f, "New proposals");

  group = run_json (f, "--json", "agenda", "development-group", "--date", "2026-11-30", "--department", "SOC", NULL);
  g_assert_cmpstr (json_object_get_string_member (object_of (group), "department"), ==, "Socialförvaltningen");
  g_assert_nonnull (find_section (object_of (group), "follow-up"));
  g_assert_nonnull (find_section (object_of (group), "proposals"));

  pdf = g_build_filename (f->tmpdir, "agenda.pdf", NULL);
  run (f, "agenda", "weekly", "--date", "2026-11-30", "--format", "pdf", "--output", pdf, NULL);
  expect_ok (f);
  {
    const char *argv[] = { "pdftotext", pdf, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, &pdf_err,
                                 &wait_status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  }
  g_assert_nonnull (strstr (text, "Agenda: Weekly meeting"));
  g_assert_nonnull (strstr (text, "Week 49, 2026-11-30"));
  g_assert_nonnull (strstr (text, "<script>alert('x')</script> Kö & väntetid"));
}

/* In Swedish the headings are Swedish and the week is "v.". */
static void
test_swedish (Fixture       *f,
              gconstpointer  data)
{
  const char *builddir = g_getenv ("TAVLA_TEST_BUILDDIR");
  g_autofree char *localedir = NULL;
  g_autofree char *mo = NULL;
  g_auto(GStrv) env = NULL;
  gboolean have_locale;

  localedir = g_build_filename (builddir != NULL ? builddir : ".", "po", NULL);
  mo = g_build_filename (localedir, "sv", "LC_MESSAGES", "tavla.mo", NULL);
  have_locale = setlocale (LC_ALL, "sv_SE.UTF-8") != NULL;
  setlocale (LC_ALL, "C.UTF-8");
  if (!have_locale || !g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("the Swedish agenda needs the locale sv_SE.UTF-8 and po/sv/LC_MESSAGES/tavla.mo");

  env = g_environ_unsetenv (g_strdupv (f->env), "LC_ALL");
  env = g_environ_setenv (env, "LANG", "sv_SE.UTF-8", TRUE);
  env = g_environ_setenv (env, "TAVLA_LOCALEDIR", localedir, TRUE);

  seed_board (f);
  add_item (f, "Ny idé");
  run_env (f, env, "--db", f->db, "agenda", "weekly", "--date", "2026-11-30", NULL);
  expect_ok (f);
  expect_output (f, "# Dagordning: Veckomöte");
  expect_output (f, "Vecka 49, 2026-11-30");
  expect_output (f, "## Nya förslag");
  expect_output (f, "2026-11-23 (v. 48)");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (argc > 1)
    g_setenv ("TAVLA_CLI", argv[1], TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/meeting/flow", test_flow);
  ADD ("/cli/meeting/bad", test_bad);
  ADD ("/cli/agenda/formats", test_agenda_formats);
  ADD ("/cli/agenda/swedish", test_swedish);
#undef ADD

  return g_test_run ();
}
