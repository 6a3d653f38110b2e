/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * The cli suite for audits and their recommendations (issue 5). Each test
 * runs the built tavla-cli on a fresh database and checks what a user would
 * see: exit statuses, the one-line errors, the JSON shapes, that a refused
 * command wrote nothing, the lights on given days and the report.
 */
#include <locale.h>
#include <string.h>

#include <glib.h>
#include <gio/gio.h>

#include "cli-test-common.h"

static const char *audit_keys[] = {
  "id", "title", "auditor", "date", "body", "reference", "assessment", "light", "open", "recommendations", NULL,
};
static const char *list_keys[] = {
  "id", "audit", "text", "status", "owner", "due", "light", "overdue", "items", "audit_title", "addressed_to",
  "response", "response_date", "evidence", "assessment", "assessment_date", "note", "created", "updated", NULL,
};
static const char *action_keys[] = { "id", "title", "status", "mark", "owner", "due", NULL };

static JsonObject *
object_of (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

/* The KPMG audit of the seed with its two recommendations. */
static void
seed (Fixture *f)
{
  seed_board (f);
  run (f, "audit", "add", "--title", "Granskning av kundcenter", "--auditor", "KPMG", "--date", "2022-06-02",
       "--body", "Kommunstyrelsen", "--reference", "KS 2022/123", NULL);
  expect_ok (f);
  run (f, "recommendation", "add", "--audit", "1", "--text",
       "Genomför både en extern och en intern undersökning av hur tillgänglighet, service och bemötande "
       "upplevs.", NULL);
  expect_ok (f);
  run (f, "recommendation", "add", "--audit", "1", "--text",
       "Utveckla och uppdatera kommunens externa webbplats så att vissa frågor kan besvaras där.",
       "--owner", "Åsa Öberg", "--due", "2027-06-30", NULL);
  expect_ok (f);
}

/* Everything about the audits, to prove that a refusal wrote nothing. */
static char *
snapshot (Fixture *f)
{
  GString *text = g_string_new (NULL);

  run (f, "--json", "audit", "list", NULL);
  expect_ok (f);
  g_string_append (text, f->out);
  run (f, "--json", "recommendation", "show", "1", NULL);
  g_string_append_printf (text, "%d:%s", f->status, f->out);
  run (f, "--json", "recommendation", "show", "2", NULL);
  g_string_append_printf (text, "%d:%s", f->status, f->out);
  run (f, "--json", "item", "list", NULL);
  g_string_append (text, f->out);

  return g_string_free (text, FALSE);
}

static void
refused (Fixture    *f,
         int         status,
         const char *fragment,
         const char *first,
         ...) G_GNUC_NULL_TERMINATED;

static void
refused (Fixture    *f,
         int         status,
         const char *fragment,
         const char *first,
         ...)
{
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (char *) "--db");
  g_ptr_array_add (args, f->db);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_argv (f, f->env, (const char * const *) args->pdata);
  expect_error (f, status, fragment);

  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_audit_add (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonObject *object = NULL;

  seed_board (f);
  node = run_json (f, "--json", "audit", "add", "--title", "Granskning av kundcenter", "--auditor", "KPMG",
                   "--date", "2022-06-02", "--body", "Kommunstyrelsen", "--assessment",
                   "Kundcenter bidrar till en god service.", NULL);
  object = object_of (node);
  assert_keys (object, audit_keys);
  g_assert_cmpstr (json_object_get_string_member (object, "auditor"), ==, "KPMG");
  g_assert_true (json_object_get_null_member (object, "reference"));
  g_assert_cmpstr (json_object_get_string_member (object, "light"), ==, "none");
  g_assert_cmpint (json_object_get_int_member (object, "open"), ==, 0);

  run (f, "audit", "update", "1", "--reference", "KS 2022/123", NULL);
  expect_ok (f);
  expect_output (f, "KS 2022/123");

  list = run_json (f, "--json", "audit", "list", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);

  run (f, "audit", "list", NULL);
  expect_ok (f);
  expect_output (f, "Granskning av kundcenter");
  expect_output (f, "0 / 0");

  run (f, "audit", "show", "1", NULL);
  expect_ok (f);
  expect_output (f, "2022-06-02 (w. 22)");
  expect_output (f, "Kundcenter bidrar till en god service.");
}

static void
test_audit_bad (Fixture       *f,
                gconstpointer  data)
{
  seed (f);

  refused (f, 2, "--title is required",
           "audit", "add", "--auditor", "KPMG", "--date", "2022-06-02", "--body", "KS", NULL);
  refused (f, 2, "--body is required",
           "audit", "add", "--title", "G", "--auditor", "KPMG", "--date", "2022-06-02", NULL);
  refused (f, 3, "Report date “2022-02-30” is not a date",
           "audit", "add", "--title", "G", "--auditor", "KPMG", "--date", "2022-02-30", "--body", "KS", NULL);
  refused (f, 3, "Title is empty",
           "audit", "add", "--title", " ", "--auditor", "KPMG", "--date", "2022-06-02", "--body", "KS", NULL);
  refused (f, 4, "There is no audit 7", "audit", "show", "7", NULL);
  refused (f, 3, "“sju” is not an audit number", "audit", "show", "sju", NULL);
  refused (f, 4, "There is no audit 9", "recommendation", "add", "--audit", "9", "--text", "Gör något", NULL);
  refused (f, 3, "Owner “Okänd” is not a known person",
           "recommendation", "add", "--audit", "1", "--text", "Gör något", "--owner", "Okänd", NULL);
  refused (f, 3, "Due date “31/12” is not a date",
           "recommendation", "add", "--audit", "1", "--text", "Gör något", "--due", "31/12", NULL);
  refused (f, 2, "--text is required", "recommendation", "add", "--audit", "1", NULL);
}

/* Every rule of issue 5 through the command line, refusals writing nothing. */
static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = NULL;

  seed (f);

  refused (f, 3, "needs the committee’s response",
           "recommendation", "update", "1", "--status", "responded", NULL);
  run (f, "recommendation", "update", "1", "--status", "responded", "--response",
       "Kommunstyrelsen ställer sig bakom rekommendationen.", "--response-date", "2022-09-14", NULL);
  expect_ok (f);
  expect_output (f, "Responded");

  refused (f, 3, "needs an owner", "recommendation", "update", "1", "--status", "in-progress", NULL);
  refused (f, 3, "needs a due date",
           "recommendation", "update", "1", "--status", "in-progress", "--owner", "Kalle Ek", NULL);
  refused (f, 3, "cannot go from Responded to Closed",
           "recommendation", "update", "1", "--status", "closed", NULL);
  refused (f, 3, "Status “finished” is not known",
           "recommendation", "update", "1", "--status", "finished", NULL);
  run (f, "recommendation", "update", "1", "--status", "in-progress", "--owner", "Kalle Ek", "--due",
       "2027-03-31", NULL);
  expect_ok (f);

  refused (f, 3, "needs evidence", "recommendation", "update", "1", "--status", "closed", NULL);
  refused (f, 3, "assessment “implemented”",
           "recommendation", "update", "1", "--status", "closed", "--evidence", "Enkätrapport mars 2023", NULL);
  refused (f, 3, "Assessment “kanske” is not known",
           "recommendation", "update", "1", "--assessment", "kanske", NULL);

  /* The auditors find it partly done: it stays in progress. */
  node = run_json (f, "--json", "recommendation", "update", "1", "--status", "implemented", "--evidence",
                   "Enkätrapport mars 2023", NULL);
  g_assert_cmpstr (json_object_get_string_member (object_of (node), "status"), ==, "implemented");
  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "--json", "recommendation", "update", "1", "--assessment", "partly", "--assessment-date",
                   "2023-05-10", NULL);
  object = object_of (node);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "in-progress");
  g_assert_cmpstr (json_object_get_string_member (object, "assessment"), ==, "partly");
  g_assert_cmpstr (json_object_get_string_member (object, "assessment_date"), ==, "2023-05-10");
  g_clear_pointer (&node, json_node_unref);

  node = run_json (f, "--json", "recommendation", "update", "1", "--status", "closed", "--assessment",
                   "implemented", NULL);
  object = object_of (node);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "closed");
  g_assert_cmpstr (json_object_get_string_member (object, "light"), ==, "green");
  g_clear_pointer (&node, json_node_unref);

  refused (f, 3, "needs a note", "recommendation", "update", "1", "--status", "in-progress", NULL);

  refused (f, 3, "needs a note: give the committee’s motivation",
           "recommendation", "update", "2", "--status", "not-accepted", NULL);
  node = run_json (f, "--json", "recommendation", "update", "2", "--status", "not-accepted", "--note",
                   "Webbplatsen utvecklas redan i e-tjänsteprojektet.", NULL);
  object = object_of (node);
  g_assert_cmpstr (json_object_get_string_member (object, "light"), ==, "none");
  g_assert_cmpstr (json_object_get_string_member (object, "note"), ==,
                   "Webbplatsen utvecklas redan i e-tjänsteprojektet.");

  /* Each change is in the history, with its note. */
  run (f, "recommendation", "show", "2", NULL);
  expect_ok (f);
  expect_output (f, "Status: Open → Not accepted");
  expect_output (f, "“Webbplatsen utvecklas redan i e-tjänsteprojektet.”");
}

/* The list's JSON shape and the lights on the boundary days. */
static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) on_due = NULL;
  g_autoptr(JsonNode) day_after = NULL;
  g_autoptr(JsonNode) open = NULL;
  g_autoptr(JsonNode) of_audit = NULL;
  JsonObject *first = NULL;

  seed (f);

  all = run_json (f, "--json", "recommendation", "list", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (all)), ==, 2);
  first = json_array_get_object_element (json_node_get_array (all), 0);
  assert_keys (first, list_keys);
  g_assert_cmpint (json_object_get_int_member (first, "audit"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "open");
  g_assert_true (json_object_get_null_member (first, "owner"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "items")), ==, 0);

  /* Due 2027-06-30: on that day still yellow, the day after red. */
  on_due = run_json (f, "--json", "recommendation", "list", "--overdue", "--on", "2027-06-30", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (on_due)), ==, 0);
  day_after = run_json (f, "--json", "recommendation", "list", "--overdue", "--on", "2027-07-01", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (day_after)), ==, 1);
  first = json_array_get_object_element (json_node_get_array (day_after), 0);
  g_assert_cmpint (json_object_get_int_member (first, "id"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (first, "light"), ==, "red");
  g_assert_true (json_object_get_boolean_member (first, "overdue"));

  run (f, "recommendation", "update", "1", "--status", "not-accepted", "--note", "Utanför uppdraget", NULL);
  expect_ok (f);
  open = run_json (f, "--json", "recommendation", "list", "--open", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (open)), ==, 1);
  of_audit = run_json (f, "--json", "recommendation", "list", "--audit", "1", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (of_audit)), ==, 2);

  run (f, "recommendation", "list", NULL);
  expect_ok (f);
  expect_output (f, "Not accepted");
  expect_output (f, "Yellow");

  refused (f, 2, "--on goes with --overdue", "recommendation", "list", "--on", "2027-01-01", NULL);
  refused (f, 3, "is not a date", "recommendation", "list", "--overdue", "--on", "2027-02-30", NULL);
  refused (f, 4, "There is no audit 5", "recommendation", "list", "--audit", "5", NULL);
}

/* Actions: a proposal made from a recommendation, another linked to it;
 * the links outlive the proposals' status changes. */
static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) item = NULL;
  g_autoptr(JsonNode) recommendation = NULL;
  JsonArray *items = NULL;

  seed (f);

  item = run_json (f, "--json", "recommendation", "act", "2", "--title", "Ny sida med vanliga frågor om bygglov",
                   "--owner", "Åsa Öberg", "--due", "2027-02-28", NULL);
  g_assert_cmpstr (item_string (item, "source"), ==, "audit");
  add_item (f, "Uppdatera e-tjänsternas hjälptexter");
  run (f, "item", "link", "2", "--recommendation", "2", NULL);
  expect_ok (f);

  run (f, "item", "update", "1", "--status", "in-progress", NULL);
  expect_ok (f);
  run (f, "item", "update", "1", "--mark", "at-risk", NULL);
  expect_ok (f);
  run (f, "item", "update", "2", "--status", "rejected", "--note", "Görs i webbprojektet", NULL);
  expect_ok (f);

  recommendation = run_json (f, "--json", "recommendation", "show", "2", NULL);
  items = json_object_get_array_member (object_of (recommendation), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  assert_keys (json_array_get_object_element (items, 0), action_keys);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "status"), ==,
                   "in-progress");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "mark"), ==,
                   "at-risk");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "status"), ==,
                   "rejected");

  /* The proposal shows the link in its history too. */
  run (f, "item", "show", "1", NULL);
  expect_ok (f);
  expect_output (f, "Recommendation 2");

  refused (f, 4, "There is no recommendation 8",
           "recommendation", "act", "8", "--title", "Något", NULL);
  refused (f, 4, "There is no recommendation 8", "item", "link", "1", "--recommendation", "8", NULL);
  refused (f, 2, "--title is required", "recommendation", "act", "2", NULL);
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *html_path = g_build_filename (f->tmpdir, "rapport.html", NULL);
  g_autofree char *pdf_path = g_build_filename (f->tmpdir, "rapport.pdf", NULL);
  g_autofree char *json_path = g_build_filename (f->tmpdir, "rapport.json", NULL);
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) report = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, NULL, "-", NULL };
  int status = 0;

  seed (f);
  run (f, "recommendation", "add", "--audit", "1", "--text", "Svara <b>snabbare</b> & =SUM(A1)", NULL);
  expect_ok (f);

  run (f, "audit", "report", NULL);
  expect_ok (f);
  expect_output (f, "# Audit recommendations: status report");
  expect_output (f, "## Granskning av kundcenter");
  expect_output (f, "&lt;b&gt;snabbare&lt;/b&gt;");

  run (f, "audit", "report", "--format", "html", "--output", html_path, NULL);
  expect_ok (f);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_null (strstr (html, "<b>snabbare"));
  g_assert_nonnull (strstr (html, "Svara &lt;b&gt;snabbare&lt;/b&gt; &amp; =SUM(A1)"));

  run (f, "audit", "report", "--format", "pdf", "--output", pdf_path, NULL);
  expect_ok (f);
  g_assert_nonnull (pdftotext);
  argv[0] = pdftotext;
  argv[1] = pdf_path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Granskning av kundcenter"));
  g_assert_nonnull (strstr (text, "Svara <b>snabbare</b>"));

  report = run_json (f, "audit", "report", "--format", "json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (report)), ==, 1);
  assert_keys (json_array_get_object_element (json_node_get_array (report), 0), audit_keys);

  run (f, "audit", "report", "--format", "json", "--output", json_path, NULL);
  expect_ok (f);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"recommendations\""));

  refused (f, 3, "--format “docx” is not known; write markdown, html, pdf or json",
           "audit", "report", "--format", "docx", NULL);
}

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
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_error ("CI must test the Swedish CLI, but %s",
                 have_locale ? "the catalogue po/sv/LC_MESSAGES/tavla.mo was not built"
                             : "the locale sv_SE.UTF-8 is missing (locale-gen it)");
      g_test_skip (have_locale ? "po/sv/LC_MESSAGES/tavla.mo was not built"
                               : "the locale sv_SE.UTF-8 is missing");
      return;
    }

  env = g_environ_unsetenv (g_strdupv (f->env), "LC_ALL");
  env = g_environ_setenv (env, "LANG", "sv_SE.UTF-8", TRUE);
  env = g_environ_setenv (env, "TAVLA_LOCALEDIR", localedir, TRUE);

  seed (f);
  run_env (f, env, "--db", f->db, "recommendation", "list", NULL);
  expect_ok (f);
  expect_output (f, "Öppen");
  expect_output (f, "Gul");

  run_env (f, env, "--db", f->db, "audit", "report", NULL);
  expect_ok (f);
  expect_output (f, "# Revisionsrekommendationer: lägesrapport");

  run_env (f, env, "--db", f->db, "recommendation", "update", "1", "--status", "in-progress", NULL);
  expect_error (f, 3, "En rekommendation under arbete behöver en ansvarig");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  /* meson passes the built tavla-cli as the one argument left. */
  if (argc > 1)
    g_setenv ("TAVLA_CLI", argv[1], TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/audit/add", test_audit_add);
  ADD ("/cli/audit/bad", test_audit_bad);
  ADD ("/cli/recommendation/rules", test_rules);
  ADD ("/cli/recommendation/list", test_list);
  ADD ("/cli/recommendation/actions", test_actions);
  ADD ("/cli/audit/report", test_report);
  ADD ("/cli/audit/swedish", test_swedish);
#undef ADD

  return g_test_run ();
}
