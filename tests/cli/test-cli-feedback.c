/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * The cli suite for the citizen feedback register and the period report
 * (issue 7). Each test runs the built tavla-cli on a fresh database and
 * checks what a user would see: exit statuses, the one-line errors, the
 * JSON shapes, that a refused command wrote nothing, and the documents.
 * The CLI runs on the real clock, so the dates here lie in the past.
 */
#include <locale.h>
#include <string.h>

#include <glib.h>
#include <gio/gio.h>

#include "cli-test-common.h"

static const char *feedback_keys[] = {
  "id", "date", "channel", "department", "category", "text", "personal_data", "passed_on", "passed_on_date",
  "purged", "items", "version", "created", "updated", NULL,
};

static void
add (Fixture    *f,
     const char *date,
     const char *department,
     const char *category,
     const char *channel,
     const char *text)
{
  run (f, "feedback", "add", "--date", date, "--department", department, "--category", category,
       "--channel", channel, "--text", text, NULL);
  expect_ok (f);
}

static char *
snapshot (Fixture *f)
{
  run (f, "--json", "feedback", "list", NULL);
  expect_ok (f);
  return g_strdup (f->out);
}

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonObject *object = NULL;

  seed_board (f);
  node = run_json (f, "--json", "feedback", "add", "--date", "2025-10-02", "--channel", "e-service",
                   "--department", "SOC", "--category", "suggestion", "--text", "Öppna chatten på kvällar",
                   "--passed-on-date", "2025-10-03", NULL);
  object = json_node_get_object (node);
  assert_keys (object, feedback_keys);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "channel"), ==, "e-service");
  g_assert_cmpstr (json_object_get_string_member (object, "department"), ==, "Socialförvaltningen");
  g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, "Öppna chatten på kvällar");
  g_assert_true (json_object_get_boolean_member (object, "passed_on"));
  g_assert_cmpstr (json_object_get_string_member (object, "passed_on_date"), ==, "2025-10-03");
  g_assert_true (json_object_get_null_member (object, "purged"));

  run (f, "feedback", "show", "1", NULL);
  expect_ok (f);
  expect_output (f, "Feedback #1");
  expect_output (f, "Öppna chatten på kvällar");
  expect_output (f, "2025-10-03");

  add (f, "2025-06-01", "SBF", "complaint", "phone", "Bygglovet dröjer");
  run (f, "feedback", "list", NULL);
  expect_ok (f);
  expect_output (f, "Bygglovet dröjer");
  expect_output (f, "Samhällsbyggnadsförvaltningen");

  list = run_json (f, "--json", "feedback", "list", "--tertial", "2025-T3", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);
  g_clear_pointer (&list, json_node_unref);
  list = run_json (f, "--json", "feedback", "list", "--search", "bygglov", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 1);
  g_clear_pointer (&list, json_node_unref);
  list = run_json (f, "--json", "feedback", "list", "--category", "praise", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 0);

  run (f, "feedback", "pass-on", "2", "--date", "2025-06-02", NULL);
  expect_ok (f);
  expect_output (f, "2025-06-02");
  run (f, "feedback", "pass-on", "2", NULL);
  expect_error (f, 3, "already passed on");

  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "--json", "feedback", "act", "2", "--title", "Snabbare besked om bygglov", NULL);
  g_assert_cmpstr (item_string (node, "source"), ==, "feedback");
  g_assert_cmpstr (item_string (node, "department"), ==, "Samhällsbyggnadsförvaltningen");
  run (f, "feedback", "act", "2", "--title", "", NULL);
  expect_error (f, 3, "Title is empty");
  run (f, "feedback", "act", "99", "--title", "Något", NULL);
  expect_error (f, 4, "feedback list");
  g_clear_pointer (&node, json_node_unref);
  node = run_json (f, "--json", "feedback", "show", "2", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (node), "items")),
                    ==, 1);
  g_clear_pointer (&node, json_node_unref);

  run (f, "item", "add", "--title", "Chatt på kvällstid", NULL);
  expect_ok (f);
  node = run_json (f, "--json", "feedback", "link", "1", "--item", "2", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (node), "items")),
                    ==, 1);
}

static void
test_add_bad (Fixture       *f,
              gconstpointer  data)
{
  const struct { const char *option; const char *value; const char *fragment; } cases[] = {
    { "--date", "2025-02-30", "“2025-02-30” is not a date" },
    { "--date", "2999-01-01", "in the future" },
    { "--channel", "fax", "Channel “fax”" },
    { "--channel", "other", "Channel “other”" },
    { "--department", "Okänd", "Department “Okänd” does not exist" },
    { "--category", "beröm", "Category “beröm”" },
    { "--text", "  ", "Text is empty" },
    { "--passed-on-date", "2025-09-30", "before the feedback came in" },
  };
  g_autofree char *before = NULL;

  seed_board (f);
  add (f, "2025-10-01", "SOC", "complaint", "phone", "Första");
  before = snapshot (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "--db", f->db, "feedback", "add", "--date", "2025-10-01", "--channel", "phone", "--department", "SOC",
                             "--category", "complaint", "--text", "Text", cases[i].option, cases[i].value, NULL };
      g_autofree char *after = NULL;

      /* The later option wins, so each case overrides one good value. */
      run_argv (f, f->env, args);
      expect_error (f, 3, cases[i].fragment);
      /* One line. */
      g_assert_true (strchr (f->err, '\n') == f->err + strlen (f->err) - 1);
      after = snapshot (f);
      g_assert_cmpstr (after, ==, before);
    }

  run (f, "feedback", "add", "--channel", "phone", "--department", "SOC", "--category", "complaint",
       "--text", "Utan datum", NULL);
  expect_error (f, 3, "Date is empty");
  run (f, "feedback", "show", "99", NULL);
  expect_error (f, 4, "feedback list");
  run (f, "feedback", "show", NULL);
  expect_status (f, 2);
  run (f, "feedback", "add", "extra", NULL);
  expect_status (f, 2);
  run (f, "feedback", "summary", NULL);
  expect_error (f, 2, "--tertial");
}

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) soc = NULL;
  JsonObject *object = NULL;
  JsonObject *first = NULL;

  seed_board (f);
  add (f, "2025-08-31", "SOC", "complaint", "phone", "Sista dagen i T2");
  add (f, "2025-09-01", "SOC", "complaint", "email", "Första dagen i T3");
  add (f, "2025-12-31", "SBF", "praise", "visit", "Sista dagen i T3");
  add (f, "2026-01-01", "SBF", "question", "social", "Första dagen i T1");
  run (f, "item", "add", "--title", "Svara snabbare på e-post", "--source", "feedback", NULL);
  expect_ok (f);
  run (f, "feedback", "link", "2", "--item", "1", NULL);
  expect_ok (f);

  node = run_json (f, "--json", "feedback", "summary", "--tertial", "2025-T3", NULL);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "tertial"), ==, "2025-T3");
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "categories"), "complaint"),
                   ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "categories"), "praise"),
                   ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "channels"), "email"),
                   ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "departments")), ==, 2);
  first = json_array_get_object_element (json_object_get_array_member (object, "departments"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "department"), ==, "Samhällsbyggnadsförvaltningen");
  g_assert_cmpint (json_object_get_int_member (first, "total"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "items")), ==, 1);

  soc = run_json (f, "--json", "feedback", "summary", "--tertial", "2025-T3", "--department", "SOC", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (soc), "total"), ==, 1);

  run (f, "feedback", "summary", "--tertial", "2025-T2", NULL);
  expect_ok (f);
  expect_output (f, "Socialförvaltningen");
  expect_output (f, "T2 2025: 1");

  run (f, "feedback", "summary", "--tertial", "2025-T5", NULL);
  expect_error (f, 3, "2025-T5");
  run (f, "feedback", "summary", "--tertial", "2025-T3", "--department", "Kultur", NULL);
  expect_error (f, 3, "Kultur");
}

static void
test_purge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonNode) purged = NULL;
  g_autoptr(JsonNode) shown = NULL;
  g_autoptr(JsonNode) retention = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  seed_board (f);
  run (f, "feedback", "add", "--date", "2024-01-10", "--department", "SOC", "--category", "complaint",
       "--channel", "letter", "--text", "Eva Holm, Storgatan 3, klagar", "--personal-data", NULL);
  expect_ok (f);
  add (f, "2024-01-11", "SOC", "praise", "phone", "Bra bemötande");

  before = snapshot (f);
  run (f, "feedback", "purge", "--before", "2999-01-01", NULL);
  expect_error (f, 3, "future");
  run (f, "feedback", "retention", "0", NULL);
  expect_error (f, 3, "1 to 120");
  after = snapshot (f);
  g_assert_cmpstr (after, ==, before);

  retention = run_json (f, "--json", "feedback", "retention", "12", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (retention), "months"), ==, 12);

  /* The default day is today minus the retention: 2024 is long before. */
  purged = run_json (f, "--json", "feedback", "purge", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (purged), "purged"), ==, 1);

  shown = run_json (f, "--json", "feedback", "show", "1", NULL);
  g_assert_true (json_object_get_null_member (json_node_get_object (shown), "text"));
  g_assert_false (json_object_get_null_member (json_node_get_object (shown), "purged"));
  run (f, "feedback", "show", "1", NULL);
  expect_ok (f);
  expect_output (f, "Text removed on");
  g_assert_null (strstr (f->out, "Eva Holm"));
  run (f, "feedback", "show", "2", NULL);
  expect_output (f, "Bra bemötande");

  summary = run_json (f, "--json", "feedback", "summary", "--tertial", "2024-T1", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (summary), "total"), ==, 2);

  run (f, "feedback", "purge", "--before", "2025-01-01", NULL);
  expect_ok (f);
  expect_output (f, "0 feedback");
}

static void
seed_report (Fixture *f)
{
  seed_board (f);
  run (f, "metric", "add", "--name", "Svarsfrekvens", "--unit", "percent", "--direction", "higher", "--target", "95",
       NULL);
  expect_ok (f);
  run (f, "measure", "add", "--metric", "Svarsfrekvens", "--period", "2025-W40", "--value", "91", NULL);
  expect_ok (f);
  run (f, "measure", "add", "--metric", "Svarsfrekvens", "--period", "2025-W20", "--value", "96", NULL);
  expect_ok (f);
  add (f, "2025-10-01", "SOC", "complaint", "phone", "Kön är <lång> & seg");
  run (f, "item", "add", "--title", "Extern webbplats med vanliga frågor", "--strategic", NULL);
  expect_ok (f);
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *html_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *html = NULL;
  g_autofree char *pdf = NULL;
  gsize pdf_length = 0;
  JsonObject *object = NULL;
  JsonObject *goal = NULL;

  seed_report (f);

  run (f, "report", "period", "--tertial", "2025-T3", NULL);
  expect_ok (f);
  expect_output (f, "# Period report T3 2025");
  expect_output (f, "## Goals");
  expect_output (f, "| Svarsfrekvens | 95.0 % | 91.0 % | 96.0 % |");
  expect_output (f, "## Deviations and actions");
  expect_output (f, "## Improvement areas");
  expect_output (f, "Extern webbplats med vanliga frågor");
  expect_output (f, "## Citizen feedback per department");
  expect_output (f, "## Delivery agreements");
  expect_output (f, "## Audit recommendations");

  node = run_json (f, "report", "period", "--tertial", "2025-T3", "--format", "json", NULL);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "tertial"), ==, "2025-T3");
  goal = json_array_get_object_element (json_object_get_array_member (object, "goals"), 0);
  g_assert_cmpfloat (json_object_get_double_member (goal, "value"), ==, 91.0);
  g_assert_cmpfloat (json_object_get_double_member (goal, "previous"), ==, 96.0);
  g_assert_true (json_object_get_null_member (goal, "last_year"));
  g_assert_true (json_object_has_member (object, "recommendations"));
  g_clear_pointer (&node, json_node_unref);
  /* --json alone gives the same. */
  node = run_json (f, "--json", "report", "period", "--tertial", "2025-T3", NULL);
  g_assert_true (json_object_has_member (json_node_get_object (node), "improvement_areas"));

  html_path = g_build_filename (f->tmpdir, "rapport.html", NULL);
  run (f, "report", "period", "--tertial", "2025-T3", "--format", "html", "--output", html_path, NULL);
  expect_ok (f);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "Period report T3 2025"));
  g_assert_nonnull (strstr (html, "<svg"));

  pdf_path = g_build_filename (f->tmpdir, "rapport.pdf", NULL);
  run (f, "report", "period", "--tertial", "2025-T3", "--format", "pdf", "--output", pdf_path, NULL);
  expect_ok (f);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &pdf_length, NULL));
  g_assert_cmpint (strncmp (pdf, "%PDF-", 5), ==, 0);

  run (f, "feedback", "export", "--tertial", "2025-T3", "--department", "SOC", "--format", "html", NULL);
  expect_ok (f);
  expect_output (f, "Kön är &lt;lång&gt; &amp; seg");
  g_assert_null (strstr (f->out, "<lång>"));

  run (f, "report", "period", "--tertial", "2025-10", NULL);
  expect_error (f, 3, "not a tertial");
  run (f, "report", "period", "--tertial", "2025-T3", "--format", "docx", NULL);
  expect_error (f, 3, "docx");
  run (f, "report", "period", NULL);
  expect_error (f, 2, "--tertial");
}

/* The demo registers feedback in the current tertial, and says so. */
static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) list = NULL;
  /* The demo is dated back from today, with feedback every few days: the
   * tertial of ten days ago has some whatever today is. */
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -10);
  g_autofree char *tertial = g_strdup_printf ("%d-T%d", g_date_time_get_year (then),
                                              (g_date_time_get_month (then) - 1) / 4 + 1);

  run (f, "demo", NULL);
  expect_ok (f);
  expect_output (f, "Citizen feedback: ");

  list = run_json (f, "--json", "feedback", "list", "--department", "Socialförvaltningen", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), >, 3);
  run (f, "report", "period", "--tertial", tertial, NULL);
  expect_ok (f);
  expect_output (f, "## Citizen feedback per department");
  expect_output (f, "| All departments |");
}

/* Swedish headings in the Swedish UI: the report, the summary and the
 * errors. */
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

  seed_report (f);
  run_env (f, env, "--db", f->db, "report", "period", "--tertial", "2025-T3", NULL);
  expect_ok (f);
  expect_output (f, "# Periodrapport T3 2025");
  expect_output (f, "## Mål");
  expect_output (f, "| Svarsfrekvens | 95,0 % | 91,0 % | 96,0 % |");
  expect_output (f, "## Avvikelser och åtgärder");
  expect_output (f, "## Förbättringsområden");
  expect_output (f, "## Synpunkter per förvaltning");
  expect_output (f, "| Socialförvaltningen | 1 | 1 | 0 | 0 | 0 | 0 |");
  expect_output (f, "## Leveransöverenskommelser");
  expect_output (f, "## Revisionsrekommendationer");

  run_env (f, env, "--db", f->db, "feedback", "summary", "--tertial", "2025-T3", NULL);
  expect_ok (f);
  expect_output (f, "Synpunkter T3 2025: 1");
  expect_output (f, "Klagomål");
  expect_output (f, "Kanaler: Telefon 1");

  run_env (f, env, "--db", f->db, "feedback", "add", "--date", "2025-10-01", "--department", "SOC",
           "--category", "beröm", "--channel", "phone", "--text", "Tack", NULL);
  expect_error (f, 3, "Kategorin ”beröm” är inte en av");
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
  ADD ("/cli/feedback/add", test_add);
  ADD ("/cli/feedback/add-bad", test_add_bad);
  ADD ("/cli/feedback/summary", test_summary);
  ADD ("/cli/feedback/purge", test_purge);
  ADD ("/cli/report/period", test_report);
  ADD ("/cli/feedback/demo", test_demo);
  ADD ("/cli/feedback/swedish", test_swedish);
#undef ADD

  return g_test_run ();
}
