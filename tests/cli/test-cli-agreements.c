/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * The cli suite for delivery agreements and case types (issue 4). Each
 * test runs the built tavla-cli on a fresh database and checks what a user
 * would see: exit statuses, the one-line errors, the JSON shapes, that a
 * refused command wrote nothing, and the exported documents.
 */
#include <locale.h>
#include <string.h>

#include <glib.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cli-test-common.h"

static const char *list_keys[] = {
  "id", "department", "version", "status", "signed", "valid_from", "valid_to", "review_due",
  "revision_needed", NULL,
};
static const char *show_keys[] = {
  "id", "department", "version", "status", "signed", "valid_from", "valid_to", "review_due",
  "revision_needed", "review_months", "signatories", "sections", "case_types", "items", "history", NULL,
};
static const char *case_type_keys[] = {
  "id", "name", "rosa", "days", "quality", "handled_by", "contact", NULL,
};
static const char *signatory_keys[] = { "name", "role", "party", "signed", NULL };
static const char *section_keys[] = {
  "responsibilities", "case-types", "process", "statistics", "on-call", "knowledge", "billing", NULL,
};
static const char *change_keys[] = { "part", "change", "subject", "old", "new", "description", NULL };

static void
seed (Fixture *f)
{
  seed_board (f);
}

/* Everything about the agreements, to prove that a refusal wrote nothing. */
static char *
snapshot (Fixture *f)
{
  GString *text = g_string_new (NULL);

  run (f, "--json", "agreement", "list", NULL);
  expect_ok (f);
  g_string_append (text, f->out);
  for (int id = 1; id <= 3; id++)
    {
      g_autofree char *number = g_strdup_printf ("%d", id);

      run (f, "--json", "agreement", "show", number, NULL);
      g_string_append_printf (text, "%d:%s", f->status, f->out);
    }

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

static JsonObject *
object_of (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static gint64
add_signed (Fixture    *f,
            const char *department,
            const char *date)
{
  g_autoptr(JsonNode) node = run_json (f, "--json", "agreement", "add", "--department", department,
                                       "--signed", date,
                                       "--signatory", "Eva Lundgren:Förvaltningschef",
                                       "--signatory", "Helena Björk:Administrativ chef", NULL);

  return json_object_get_int_member (object_of (node), "id");
}

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(JsonNode) draft = NULL;
  g_autoptr(JsonNode) active = NULL;
  JsonObject *object = NULL;
  JsonArray *signatories = NULL;

  seed (f);

  draft = run_json (f, "--json", "agreement", "add", "--department", "SOC",
                    "--signatory", "Eva Lundgren:Förvaltningschef",
                    "--signatory", "Helena Björk:Administrativ chef", NULL);
  object = object_of (draft);
  assert_keys (object, show_keys);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (object, "department"), ==, "Socialförvaltningen");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "review_months"), ==, 12);
  g_assert_true (json_object_get_null_member (object, "review_due"));
  signatories = json_object_get_array_member (object, "signatories");
  g_assert_cmpuint (json_array_get_length (signatories), ==, 2);
  assert_keys (json_array_get_object_element (signatories, 0), signatory_keys);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (signatories, 0), "party"), ==,
                   "department");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (signatories, 1), "party"), ==,
                   "centre");
  assert_keys (json_object_get_object_member (object, "sections"), section_keys);

  active = run_json (f, "--json", "agreement", "add", "--department", "Samhällsbyggnadsförvaltningen",
                     "--signed", "2026-01-31", "--review-months", "1", NULL);
  object = object_of (active);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "active");
  g_assert_cmpstr (json_object_get_string_member (object, "review_due"), ==, "2026-02-28");

  /* People read it too. */
  run (f, "agreement", "show", "2", NULL);
  expect_ok (f);
  expect_output (f, "Samhällsbyggnadsförvaltningen");
  expect_output (f, "every 1 month, next by 2026-02-28");
}

static void
test_add_bad (Fixture       *f,
              gconstpointer  data)
{
  seed (f);
  add_signed (f, "SOC", "2026-01-15");

  refused (f, 3, "already has an active agreement",
           "agreement", "add", "--department", "SOC", "--signed", "2026-03-01", NULL);
  refused (f, 3, "Department “Fritid” does not exist",
           "agreement", "add", "--department", "Fritid", NULL);
  refused (f, 3, "Signed “2026-02-30” is not a date",
           "agreement", "add", "--department", "SBF", "--signed", "2026-02-30", NULL);
  refused (f, 3, "Valid to (2026-01-01) is before",
           "agreement", "add", "--department", "SBF", "--valid-from", "2026-06-01", "--valid-to", "2026-01-01",
           NULL);
  refused (f, 3, "Review months “0”",
           "agreement", "add", "--department", "SBF", "--review-months", "0", NULL);
  refused (f, 3, "is not NAME:ROLE",
           "agreement", "add", "--department", "SBF", "--signatory", "Eva Lundgren", NULL);
  refused (f, 2, "--department is required", "agreement", "add", NULL);
  refused (f, 2, NULL, "agreement", "add", "--department", "SBF", "extra", NULL);
}

static void
test_section (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *path = g_build_filename (f->tmpdir, "jour.txt", NULL);
  JsonObject *sections = NULL;

  seed (f);
  run (f, "agreement", "add", "--department", "SOC", NULL);
  expect_ok (f);

  node = run_json (f, "--json", "agreement", "section", "1", "--name", "billing",
                   "--text", "Ingen separat debitering.", NULL);
  sections = json_object_get_object_member (object_of (node), "sections");
  g_assert_cmpstr (json_object_get_string_member (sections, "billing"), ==, "Ingen separat debitering.");
  g_assert_cmpstr (json_object_get_string_member (sections, "on-call"), ==, "");

  g_assert_true (g_file_set_contents (path, "Socialjouren efter kontorstid.\n\nKontakt: Päivi.\n", -1, NULL));
  run (f, "agreement", "section", "1", "--name", "on-call", "--file", path, NULL);
  expect_ok (f);
  expect_output (f, "Socialjouren efter kontorstid.");

  refused (f, 3, "Section “jour” does not exist",
           "agreement", "section", "1", "--name", "jour", "--text", "x", NULL);
  refused (f, 2, "--text or --file is required", "agreement", "section", "1", "--name", "billing", NULL);
  refused (f, 4, "There is no agreement 9", "agreement", "section", "9", "--name", "billing", "--text", "x",
           NULL);
  refused (f, 3, "is not an ID", "agreement", "section", "ett", "--name", "billing", "--text", "x", NULL);

  run (f, "agreement", "sign", "1", "--date", "2026-02-01", NULL);
  expect_ok (f);
  refused (f, 3, "agreement revise 1",
           "agreement", "section", "1", "--name", "billing", "--text", "Ny text", NULL);
}

static void
test_casetype (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) list = NULL;
  JsonObject *object = NULL;

  seed (f);
  add_signed (f, "SOC", "2026-01-15");

  node = run_json (f, "--json", "casetype", "add", "--agreement", "1", "--name", "Färdtjänst",
                   "--rosa", "rule-based", "--days", "15", "--quality", "Komplett ansökan",
                   "--handled-by", "centre", "--contact", "Åsa Öberg", NULL);
  object = object_of (node);
  assert_keys (object, case_type_keys);
  g_assert_cmpstr (json_object_get_string_member (object, "rosa"), ==, "rule-based");
  g_assert_cmpint (json_object_get_int_member (object, "days"), ==, 15);
  g_assert_cmpstr (json_object_get_string_member (object, "contact"), ==, "Åsa Öberg");

  /* Added to an active agreement: revision needed. */
  list = run_json (f, "--json", "agreement", "list", NULL);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (json_node_get_array (list), 0),
                                                 "revision_needed"));
  run (f, "casetype", "add", "--agreement", "1", "--name", "Bygglov", "--rosa", "qualified", NULL);
  expect_ok (f);
  expect_output (f, "revision needed");

  refused (f, 3, "ROSA class “routine” does not exist",
           "casetype", "add", "--agreement", "1", "--name", "Parkering", "--rosa", "routine", NULL);
  refused (f, 3, "Days “-3” is not a whole number",
           "casetype", "add", "--agreement", "1", "--name", "Parkering", "--rosa", "guidance", "--days", "-3",
           NULL);
  refused (f, 3, "already has a case type “färdtjänst”",
           "casetype", "add", "--agreement", "1", "--name", "färdtjänst", "--rosa", "guidance", NULL);
  refused (f, 3, "Contact “Nils” is not a known person",
           "casetype", "add", "--agreement", "1", "--name", "Parkering", "--rosa", "guidance", "--contact", "Nils",
           NULL);
  refused (f, 3, "“centre” or “department”",
           "casetype", "add", "--agreement", "1", "--name", "Parkering", "--rosa", "guidance",
           "--handled-by", "båda", NULL);
  refused (f, 4, "There is no agreement 7",
           "casetype", "add", "--agreement", "7", "--name", "Parkering", "--rosa", "guidance", NULL);
  refused (f, 2, "--rosa is required", "casetype", "add", "--agreement", "1", "--name", "Parkering", NULL);
}

static void
test_casetype_update (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) shown = NULL;
  JsonObject *object = NULL;

  seed (f);
  run (f, "agreement", "add", "--department", "SOC", NULL);
  expect_ok (f);
  run (f, "casetype", "add", "--agreement", "1", "--name", "Färdtjänst", "--rosa", "rule-based",
       "--days", "15", "--contact", "Åsa Öberg", NULL);
  expect_ok (f);

  node = run_json (f, "--json", "casetype", "update", "1", "--name", "Färdtjänst och riksfärdtjänst",
                   "--rosa", "qualified", "--days", "20", "--quality", "Beslut inom 20 dagar", NULL);
  object = object_of (node);
  assert_keys (object, case_type_keys);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Färdtjänst och riksfärdtjänst");
  g_assert_cmpstr (json_object_get_string_member (object, "rosa"), ==, "qualified");
  g_assert_cmpint (json_object_get_int_member (object, "days"), ==, 20);
  g_assert_cmpstr (json_object_get_string_member (object, "quality"), ==, "Beslut inom 20 dagar");
  /* Not given: kept. */
  g_assert_cmpstr (json_object_get_string_member (object, "contact"), ==, "Åsa Öberg");
  g_assert_cmpstr (json_object_get_string_member (object, "handled_by"), ==, "centre");

  /* A draft is not marked "revision needed"... */
  list = run_json (f, "--json", "agreement", "list", NULL);
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (json_node_get_array (list), 0),
                                                  "revision_needed"));

  /* ...an active agreement is. */
  run (f, "agreement", "sign", "1", "--date", "2026-02-01", NULL);
  expect_ok (f);
  run (f, "casetype", "update", "1", "--handled-by", "department", "--contact", "", NULL);
  expect_ok (f);
  expect_output (f, "Case type 1 of agreement 1 saved.");
  expect_output (f, "revision needed");
  shown = run_json (f, "--json", "agreement", "show", "1", NULL);
  object = object_of (shown);
  g_assert_true (json_object_get_boolean_member (object, "revision_needed"));
  object = json_array_get_object_element (json_object_get_array_member (object, "case_types"), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "handled_by"), ==, "department");
  g_assert_true (json_object_get_null_member (object, "contact"));

  refused (f, 3, "ROSA class “routine” does not exist", "casetype", "update", "1", "--rosa", "routine", NULL);
  refused (f, 3, "Days “-1” is not a whole number", "casetype", "update", "1", "--days", "-1", NULL);
  refused (f, 3, "Name is empty", "casetype", "update", "1", "--name", " ", NULL);
  refused (f, 3, "Contact “Nils” is not a known person", "casetype", "update", "1", "--contact", "Nils", NULL);
  refused (f, 3, "“centre” or “department”", "casetype", "update", "1", "--handled-by", "båda", NULL);
  refused (f, 4, "There is no case type 9", "casetype", "update", "9", "--days", "3", NULL);
  refused (f, 2, "The case type's ID is missing", "casetype", "update", NULL);
}

/* Every ROSA class and section the issue names is accepted as written and
 * printed back the same way. */
static void
test_issue_names (Fixture       *f,
                  gconstpointer  data)
{
  static const char *classes[] = {
    "information", "guidance", "administration", "rule-based", "qualified", "evaluative", "political",
  };
  g_autoptr(JsonNode) shown = NULL;
  JsonArray *case_types = NULL;
  JsonObject *sections = NULL;

  seed (f);
  run (f, "agreement", "add", "--department", "SOC", NULL);
  expect_ok (f);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      g_autofree char *name = g_strdup_printf ("Ärendetyp %u", i);

      run (f, "casetype", "add", "--agreement", "1", "--name", name, "--rosa", classes[i], NULL);
      expect_ok (f);
    }
  for (guint i = 0; section_keys[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("Text för %s", section_keys[i]);

      run (f, "agreement", "section", "1", "--name", section_keys[i], "--text", text, NULL);
      expect_ok (f);
    }

  shown = run_json (f, "--json", "agreement", "show", "1", NULL);
  case_types = json_object_get_array_member (object_of (shown), "case_types");
  g_assert_cmpuint (json_array_get_length (case_types), ==, G_N_ELEMENTS (classes));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (case_types, i), "rosa"), ==,
                     classes[i]);

  sections = json_object_get_object_member (object_of (shown), "sections");
  for (guint i = 0; section_keys[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("Text för %s", section_keys[i]);

      g_assert_cmpstr (json_object_get_string_member (sections, section_keys[i]), ==, text);
    }
}

static void
test_revise_sign (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) revision = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) diff = NULL;
  JsonObject *object = NULL;
  JsonArray *array = NULL;
  gboolean saw_billing = FALSE;

  seed (f);
  run (f, "agreement", "add", "--department", "SOC", "--signatory", "Eva Lundgren:Förvaltningschef", NULL);
  expect_ok (f);
  run (f, "agreement", "section", "1", "--name", "billing", "--text", "Ingen debitering.", NULL);
  expect_ok (f);
  run (f, "casetype", "add", "--agreement", "1", "--name", "Färdtjänst", "--rosa", "rule-based", NULL);
  expect_ok (f);

  refused (f, 3, "Date is missing", "agreement", "sign", "1", NULL);
  refused (f, 3, "is a draft already", "agreement", "revise", "1", NULL);
  run (f, "agreement", "sign", "1", "--date", "2026-01-31", NULL);
  expect_ok (f);
  expect_output (f, "Active");

  /* revise prints the new version. */
  revision = run_json (f, "--json", "agreement", "revise", "1", NULL);
  object = object_of (revision);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "sections"), "billing"),
                   ==, "Ingen debitering.");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "case_types")), ==, 1);
  refused (f, 3, "already has a draft", "agreement", "revise", "1", NULL);

  run (f, "agreement", "section", "2", "--name", "billing", "--text", "45 kronor per ärende.", NULL);
  expect_ok (f);
  run (f, "agreement", "sign", "2", "--date", "2026-11-01", NULL);
  expect_ok (f);

  list = run_json (f, "--json", "agreement", "list", NULL);
  array = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "status"), ==,
                   "superseded");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "status"), ==,
                   "active");

  diff = run_json (f, "--json", "agreement", "diff", "1", "2", NULL);
  array = json_node_get_array (diff);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *change = json_array_get_object_element (array, i);

      assert_keys (change, change_keys);
      if (g_str_equal (json_object_get_string_member (change, "subject"), "billing"))
        {
          saw_billing = TRUE;
          g_assert_cmpstr (json_object_get_string_member (change, "part"), ==, "section");
          g_assert_cmpstr (json_object_get_string_member (change, "change"), ==, "changed");
          g_assert_cmpstr (json_object_get_string_member (change, "new"), ==, "45 kronor per ärende.");
        }
    }
  g_assert_true (saw_billing);

  run (f, "agreement", "diff", "1", "2", NULL);
  expect_ok (f);
  expect_output (f, "Section “Billing” changed");

  run (f, "agreement", "show", "1", NULL);
  expect_ok (f);
  expect_output (f, "Status: Active → Superseded");
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) due = NULL;
  g_autoptr(JsonNode) soon = NULL;
  g_autoptr(JsonNode) expired = NULL;
  JsonArray *array = NULL;

  seed (f);
  add_signed (f, "SOC", "2025-01-31");
  run (f, "agreement", "add", "--department", "SBF", "--signed", "2025-03-01", "--valid-to", "2025-12-31",
       "--review-months", "24", NULL);
  expect_ok (f);

  all = run_json (f, "--json", "agreement", "list", NULL);
  array = json_node_get_array (all);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < json_array_get_length (array); i++)
    assert_keys (json_array_get_object_element (array, i), list_keys);

  /* Status and review judged on a given day. */
  due = run_json (f, "--json", "agreement", "list", "--review-due", "--on", "2026-01-31", NULL);
  array = json_node_get_array (due);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "department"), ==,
                   "Socialförvaltningen");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "status"), ==,
                   "active");

  soon = run_json (f, "--json", "agreement", "list", "--review-due", "--on", "2026-01-30", "--within", "1", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (soon)), ==, 1);
  g_clear_pointer (&soon, json_node_unref);
  soon = run_json (f, "--json", "agreement", "list", "--review-due", "--on", "2026-01-29", "--within", "1", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (soon)), ==, 0);

  expired = run_json (f, "--json", "agreement", "list", "--department", "SBF", "--on", "2026-01-01", NULL);
  array = json_node_get_array (expired);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "status"), ==,
                   "expired");

  run (f, "agreement", "list", "--review-due", "--on", "2026-01-31", NULL);
  expect_ok (f);
  expect_output (f, "review overdue");

  refused (f, 2, "--within goes with --review-due", "agreement", "list", "--within", "3", NULL);
  refused (f, 3, "--within “-1”", "agreement", "list", "--review-due", "--within", "-1", NULL);
  refused (f, 3, "not a date", "agreement", "list", "--on", "2026-02-30", NULL);
  refused (f, 3, "Department “Okänd” does not exist", "agreement", "list", "--department", "Okänd", NULL);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *html_path = g_build_filename (f->tmpdir, "avtal.html", NULL);
  g_autofree char *pdf_path = g_build_filename (f->tmpdir, "avtal.pdf", NULL);
  g_autofree char *html = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  seed (f);
  run (f, "agreement", "add", "--department", "SOC", "--signatory", "Eva Lundgren:Förvaltningschef", NULL);
  expect_ok (f);
  run (f, "agreement", "section", "1", "--name", "billing", "--text", "<script>alert(1)</script> & mer", NULL);
  expect_ok (f);
  run (f, "agreement", "section", "1", "--name", "responsibilities", "--text",
       "Kundcenter svarar på frågor om färdtjänst.", NULL);
  expect_ok (f);
  run (f, "casetype", "add", "--agreement", "1", "--name", "Färdtjänst", "--rosa", "rule-based", "--days", "15",
       NULL);
  expect_ok (f);

  run (f, "agreement", "export", "1", "--format", "markdown", NULL);
  expect_ok (f);
  expect_output (f, "# Delivery agreement: Socialförvaltningen");
  expect_output (f, "&lt;script&gt;");
  g_assert_null (strstr (f->out, "<script>"));

  run (f, "agreement", "export", "1", "--format", "html", "--output", html_path, NULL);
  expect_ok (f);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_null (strstr (html, "<script>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; mer"));
  g_assert_nonnull (strstr (html, "size: A4"));

  run (f, "agreement", "export", "1", "--format", "pdf", "--output", pdf_path, NULL);
  expect_ok (f);
  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));
  if (pdftotext != NULL)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      const char *argv[] = { pdftotext, pdf_path, "-", NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL,
                                   &status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, "Socialförvaltningen"));
      g_assert_nonnull (strstr (text, "Kundcenter svarar på frågor om färdtjänst."));
      g_assert_nonnull (strstr (text, "Färdtjänst"));
    }

  refused (f, 3, "--format “docx” is not known", "agreement", "export", "1", "--format", "docx", NULL);
  refused (f, 2, "--format is required", "agreement", "export", "1", NULL);
  refused (f, 4, "There is no agreement 5", "agreement", "export", "5", "--format", "html", NULL);
}

static void
test_item_link (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) item = NULL;
  g_autoptr(JsonNode) agreement = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JsonArray *links = NULL;
  JsonArray *items = NULL;

  seed (f);
  add_item (f, "Uppdatera checklistan för färdtjänst");
  add_signed (f, "SOC", "2026-01-15");
  run (f, "casetype", "add", "--agreement", "1", "--name", "Färdtjänst", "--rosa", "rule-based", NULL);
  expect_ok (f);

  item = run_json (f, "--json", "item", "link", "1", "--agreement", "1", "--casetype", "1", NULL);
  links = json_object_get_array_member (object_of (item), "links");
  g_assert_cmpuint (json_array_get_length (links), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (links, 0), "kind"), ==,
                   "agreement");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (links, 1), "kind"), ==,
                   "casetype");

  agreement = run_json (f, "--json", "agreement", "show", "1", NULL);
  items = json_object_get_array_member (object_of (agreement), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpint (json_array_get_int_element (items, 0), ==, 1);

  before = show_item_raw (f, 1);
  run (f, "item", "link", "1", "--agreement", "1", "--casetype", "7", NULL);
  expect_error (f, 3, "Case type 7 is not one of agreement 1");
  run (f, "item", "link", "1", "--agreement", "8", NULL);
  expect_error (f, 4, "There is no agreement 8");
  run (f, "item", "link", "1", "--casetype", "1", NULL);
  expect_error (f, 2, "--agreement is required");
  after = show_item_raw (f, 1);
  g_assert_cmpstr (after, ==, before);

  run (f, "item", "link", "9", "--agreement", "1", NULL);
  expect_status (f, 4);
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(JsonNode) due = NULL;
  JsonArray *array = NULL;
  guint n_revision = 0;

  run (f, "demo", NULL);
  expect_ok (f);
  expect_output (f, "Agreements: ");
  expect_output (f, " case types.");

  current = run_json (f, "--json", "agreement", "list", NULL);
  array = json_node_get_array (current);
  g_assert_cmpuint (json_array_get_length (array), >=, 5);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (json_object_get_boolean_member (json_array_get_object_element (array, i), "revision_needed"))
      n_revision++;
  g_assert_cmpuint (n_revision, ==, 1);

  due = run_json (f, "--json", "agreement", "list", "--review-due", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (due)), ==, 1);

  run (f, "agreement", "show", "2", NULL);
  expect_ok (f);
  expect_output (f, "Parkeringstillstånd");
  expect_output (f, "Linked proposals: #2");
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
  add_signed (f, "SOC", "2026-01-31");
  run (f, "casetype", "add", "--agreement", "1", "--name", "Färdtjänst", "--rosa", "rule-based", "--days", "15",
       NULL);
  expect_ok (f);

  run_env (f, env, "--db", f->db, "agreement", "list", NULL);
  expect_ok (f);
  expect_output (f, "Förvaltning");
  expect_output (f, "Gällande, revidering krävs");

  run_env (f, env, "--db", f->db, "agreement", "export", "1", "--format", "markdown", NULL);
  expect_ok (f);
  expect_output (f, "# Leveransöverenskommelse: Socialförvaltningen");
  expect_output (f, "| Färdtjänst | Regelstyrd handläggning | 15 arbetsdagar |");
  expect_output (f, "## Underskrifter");

  run_env (f, env, "--db", f->db, "casetype", "add", "--agreement", "1", "--name", "Bygglov", "--rosa", "routine",
           NULL);
  expect_error (f, 3, "ROSA-klassen ”routine” finns inte");
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
  ADD ("/cli/agreement/add", test_add);
  ADD ("/cli/agreement/add-bad", test_add_bad);
  ADD ("/cli/agreement/section", test_section);
  ADD ("/cli/casetype/add", test_casetype);
  ADD ("/cli/casetype/update", test_casetype_update);
  ADD ("/cli/agreement/issue-names", test_issue_names);
  ADD ("/cli/agreement/revise-sign", test_revise_sign);
  ADD ("/cli/agreement/list", test_list);
  ADD ("/cli/agreement/export", test_export);
  ADD ("/cli/item/link-agreement", test_item_link);
  ADD ("/cli/agreement/demo", test_demo);
  ADD ("/cli/agreement/swedish", test_swedish);
#undef ADD

  return g_test_run ();
}
