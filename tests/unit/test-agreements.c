/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include "test-common.h"

/*
 * Delivery agreements and case types (issue 4): each rule, each bad input
 * (with nothing written), versions and their diff, review dates at month
 * ends, expiry, item links and the exported documents.
 */

typedef struct
{
  TestTmpdir *dir;
  TavlaBoard *board;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_tmpdir_new ();
  fixture->board = test_board_new_staffed (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->board);
  test_tmpdir_free (fixture->dir);
}

/* Rows of every agreement table and of history, to prove a refusal wrote
 * nothing. */
static char *
count_all (TavlaBoard *board)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                          "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          test_count_rows (board, "agreement"),
                          test_count_rows (board, "agreement_signatory"),
                          test_count_rows (board, "agreement_section"),
                          test_count_rows (board, "case_type"),
                          test_count_rows (board, "item_link"),
                          test_count_rows (board, "history"));
}

static TavlaAgreement *
add_agreement (TavlaBoard *board,
               const char *signed_date)
{
  const char *signatories[] = { "Eva Lundgren:Förvaltningschef", "Helena Björk:Administrativ chef", NULL };
  TavlaAgreementInput input = {
    .department = "SOC",
    .signed_date = signed_date,
    .signatories = signatories,
  };
  g_autoptr(GError) error = NULL;
  TavlaAgreement *agreement = tavla_board_add_agreement (board, &input, "Maria", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (agreement);

  return agreement;
}

static TavlaCaseType *
add_case_type (TavlaBoard *board,
               gint64      agreement_id,
               const char *name)
{
  TavlaCaseTypeInput input = {
    .name = name,
    .rosa = "rule-based",
    .days = "15",
    .quality = "Komplett ansökan",
    .handled_by = "centre",
    .contact = "Anna Lindqvist",
  };
  g_autoptr(GError) error = NULL;
  TavlaCaseType *case_type = tavla_board_add_case_type (board, agreement_id, &input, "Maria", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (case_type);

  return case_type;
}

static void
set_section (TavlaBoard *board,
             gint64      id,
             const char *name,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaAgreement) agreement = tavla_board_set_agreement_section (board, id, 0, name, text, "Maria",
                                                                          NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (agreement);
}

static TavlaAgreement *
sign (TavlaBoard *board,
      gint64      id,
      const char *date)
{
  g_autoptr(GError) error = NULL;
  TavlaAgreement *agreement = tavla_board_sign_agreement (board, id, 0, date, "Maria", &error);

  g_assert_no_error (error);
  g_assert_nonnull (agreement);

  return agreement;
}

static TavlaAgreement *
get (TavlaBoard *board,
     gint64      id)
{
  g_autoptr(GError) error = NULL;
  TavlaAgreement *agreement = tavla_board_get_agreement (board, id, &error);

  g_assert_no_error (error);

  return agreement;
}

/* ---- Pure rules ------------------------------------------------------- */

static void
test_review_due (void)
{
  const struct { const char *signed_date; guint months; const char *due; } cases[] = {
    { "2026-01-31", 1, "2026-02-28" },
    { "2024-01-31", 1, "2024-02-29" },
    { "2026-03-31", 1, "2026-04-30" },
    { "2026-08-31", 6, "2027-02-28" },
    { "2026-01-15", 12, "2027-01-15" },
    { "2026-12-31", 2, "2027-02-28" },
    { "2026-11-30", 3, "2027-02-28" },
    { "2027-02-28", 12, "2028-02-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *due = tavla_agreement_compute_review_due (cases[i].signed_date, cases[i].months);

      g_assert_cmpstr (due, ==, cases[i].due);
    }

  g_assert_null (tavla_agreement_compute_review_due (NULL, 12));
  g_assert_null (tavla_agreement_compute_review_due ("2026-02-30", 12));
  g_assert_null (tavla_agreement_compute_review_due ("2026-01-31", 0));
}

static void
test_names (void)
{
  TavlaRosaClass rosa = TAVLA_ROSA_INFORMATION;
  TavlaSection section = TAVLA_SECTION_RESPONSIBILITIES;

  for (guint i = 0; i < TAVLA_N_ROSA_CLASSES; i++)
    {
      g_assert_true (tavla_rosa_class_from_string (tavla_rosa_class_to_string (i), &rosa));
      g_assert_cmpuint (rosa, ==, i);
      g_assert_nonnull (tavla_rosa_class_get_label (i));
    }
  g_assert_false (tavla_rosa_class_from_string ("routine", &rosa));
  g_assert_cmpstr (tavla_rosa_class_get_label (TAVLA_ROSA_RULE_BASED), ==, "Rule-based handling");

  for (guint i = 0; i < TAVLA_N_SECTIONS; i++)
    {
      g_assert_true (tavla_section_from_string (tavla_section_to_string (i), &section));
      g_assert_cmpuint (section, ==, i);
    }
  g_assert_false (tavla_section_from_string ("knowledge-bank", &section));
}

static void
test_signatory_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TavlaSignatory) first = tavla_signatory_parse (" Eva Lundgren : Förvaltningschef ", 0, &error);
  g_autoptr(TavlaSignatory) second = tavla_signatory_parse ("Helena Björk:Administrativ chef", 1, &error);
  g_autoptr(TavlaSignatory) chosen = tavla_signatory_parse ("Helena Björk:Chef:department", 1, &error);
  const char *bad[] = { "Eva Lundgren", ":Chef", "Eva:", "a:b:c:d", "Eva:Chef:nobody", "", NULL };

  g_assert_no_error (error);
  g_assert_cmpstr (first->name, ==, "Eva Lundgren");
  g_assert_cmpstr (first->role, ==, "Förvaltningschef");
  g_assert_cmpuint (first->party, ==, TAVLA_PARTY_DEPARTMENT);
  g_assert_cmpuint (second->party, ==, TAVLA_PARTY_CENTRE);
  g_assert_cmpuint (chosen->party, ==, TAVLA_PARTY_DEPARTMENT);

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(TavlaSignatory) signatory = tavla_signatory_parse (bad[i], 0, &local_error);

      g_assert_null (signatory);
      g_assert_error (local_error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      g_assert_nonnull (strstr (local_error->message, "Signatory"));
    }
}

/* ---- Adding and the bad inputs --------------------------------------- */

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(TavlaAgreement) draft = add_agreement (fixture->board, NULL);
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *signatories = tavla_agreement_get_signatories (draft);

  g_assert_cmpstr (tavla_agreement_get_department (draft), ==, "Socialförvaltningen");
  g_assert_cmpuint (tavla_agreement_get_version_number (draft), ==, 1);
  g_assert_cmpuint (tavla_agreement_get_status (draft), ==, TAVLA_AGREEMENT_STATUS_DRAFT);
  g_assert_cmpuint (tavla_agreement_get_review_months (draft), ==, 12);
  g_assert_null (tavla_agreement_get_review_due (draft));
  g_assert_cmpuint (signatories->len, ==, 2);
  g_assert_cmpuint (((TavlaSignatory *) g_ptr_array_index (signatories, 0))->party, ==, TAVLA_PARTY_DEPARTMENT);
  g_assert_cmpuint (((TavlaSignatory *) g_ptr_array_index (signatories, 1))->party, ==, TAVLA_PARTY_CENTRE);

  history = tavla_board_list_agreement_history (fixture->board, tavla_agreement_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
}

typedef struct
{
  TavlaAgreementInput  input;
  const char          *field;
  const char          *words;
} BadAgreement;

static void
test_add_bad (Fixture       *fixture,
              gconstpointer  data)
{
  const char *bad_signatory[] = { "Eva Lundgren", NULL };
  const BadAgreement cases[] = {
    { { .department = NULL }, "department", "Department is empty" },
    { { .department = "Fritid" }, "department", "“Fritid” does not exist" },
    { { .department = "SOC", .signed_date = "2026-02-30" }, "signed", "not a date" },
    { { .department = "SOC", .valid_from = "igår" }, "valid-from", "not a date" },
    { { .department = "SOC", .valid_from = "2026-05-01", .valid_to = "2026-04-30" }, "valid-to", "before" },
    { { .department = "SOC", .signed_date = "2026-05-01", .valid_to = "2026-01-01" }, "valid-to", "before" },
    { { .department = "SOC", .review_months = "0" }, "review-months", "1 to 120" },
    { { .department = "SOC", .review_months = "-3" }, "review-months", "1 to 120" },
    { { .department = "SOC", .review_months = "tolv" }, "review-months", "1 to 120" },
    { { .department = "SOC", .signatories = bad_signatory }, "signatory", "NAME:ROLE" },
  };
  g_autofree char *before = count_all (fixture->board);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TavlaAgreement) agreement = NULL;
      g_autofree char *after = NULL;
      const char *field = NULL;

      agreement = tavla_board_add_agreement (fixture->board, &cases[i].input, "Maria", &field, &error);
      g_assert_null (agreement);
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      g_assert_cmpstr (field, ==, cases[i].field);
      if (strstr (error->message, cases[i].words) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].words);

      after = count_all (fixture->board);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_one_active (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TavlaAgreement) active = add_agreement (fixture->board, "2026-01-31");
  g_autoptr(TavlaAgreement) second = NULL;
  g_autoptr(TavlaAgreement) draft = NULL;
  g_autoptr(TavlaAgreement) second_draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *field = NULL;
  TavlaAgreementInput input = { .department = "Socialförvaltningen", .signed_date = "2026-03-01" };

  g_assert_cmpuint (tavla_agreement_get_stored_status (active), ==, TAVLA_AGREEMENT_STATUS_ACTIVE);
  g_assert_cmpstr (tavla_agreement_get_review_due (active), ==, "2027-01-31");

  before = count_all (fixture->board);
  second = tavla_board_add_agreement (fixture->board, &input, "Maria", &field, &error);
  g_assert_null (second);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "department");
  g_assert_nonnull (strstr (error->message, "already has an active agreement"));
  g_assert_nonnull (strstr (error->message, "agreement revise 1"));
  after = count_all (fixture->board);
  g_assert_cmpstr (after, ==, before);

  /* A draft next to the active one is fine, a second draft is not. */
  g_clear_error (&error);
  input.signed_date = NULL;
  draft = tavla_board_add_agreement (fixture->board, &input, "Maria", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tavla_agreement_get_version_number (draft), ==, 2);
  second_draft = tavla_board_add_agreement (fixture->board, &input, "Maria", &field, &error);
  g_assert_null (second_draft);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "draft"));
}

static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TavlaAgreement) draft = add_agreement (fixture->board, NULL);
  g_autoptr(TavlaAgreement) same = NULL;
  g_autoptr(TavlaAgreement) active = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *long_text = g_strnfill (20001, 'a');
  gint64 id = tavla_agreement_get_id (draft);
  const char *field = NULL;
  gint64 history = 0;

  set_section (fixture->board, id, "billing", "  Ingen debitering.  ");
  agreement = get (fixture->board, id);
  g_assert_cmpstr (tavla_agreement_get_section (agreement, TAVLA_SECTION_BILLING), ==, "Ingen debitering.");
  g_assert_cmpstr (tavla_agreement_get_section (agreement, TAVLA_SECTION_ON_CALL), ==, "");

  /* The same text again writes nothing. */
  history = test_count_rows (fixture->board, "history");
  same = tavla_board_set_agreement_section (fixture->board, id, 0, "billing", "Ingen debitering.", "Maria",
                                            NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, history);

  before = count_all (fixture->board);
  g_assert_null (tavla_board_set_agreement_section (fixture->board, id, 0, "knowledge-bank", "x", "Maria",
                                                    &field, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "name");
  g_assert_nonnull (strstr (error->message, "responsibilities, case-types, process"));
  g_clear_error (&error);

  g_assert_null (tavla_board_set_agreement_section (fixture->board, id, 0, "billing", long_text, "Maria",
                                                    &field, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "text");
  g_clear_error (&error);

  /* Active agreements are changed by revising them. */
  active = sign (fixture->board, id, "2026-02-01");
  g_assert_null (tavla_board_set_agreement_section (fixture->board, id, 0, "billing", "Ny text", "Maria",
                                                    &field, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "agreement");
  g_assert_nonnull (strstr (error->message, "agreement revise"));
  g_clear_error (&error);

  after = count_all (fixture->board);
  /* Only the signing wrote (status, signed, valid-from rows). */
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpint (test_count_rows (fixture->board, "agreement_section"), ==, 1);
}

static void
test_sign (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TavlaAgreement) first = add_agreement (fixture->board, NULL);
  g_autoptr(TavlaAgreement) active = NULL;
  g_autoptr(TavlaAgreement) again = NULL;
  g_autoptr(TavlaAgreement) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = tavla_agreement_get_id (first);
  GPtrArray *signatories = NULL;

  before = count_all (fixture->board);
  refused = tavla_board_sign_agreement (fixture->board, id, 0, NULL, "Maria", &error);
  g_assert_null (refused);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Date is missing"));
  g_clear_error (&error);
  refused = tavla_board_sign_agreement (fixture->board, id, 0, "  ", "Maria", &error);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);
  refused = tavla_board_sign_agreement (fixture->board, id, 0, "2026-13-01", "Maria", &error);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not a date"));
  g_clear_error (&error);
  after = count_all (fixture->board);
  g_assert_cmpstr (after, ==, before);

  active = sign (fixture->board, id, "2026-01-31");
  g_assert_cmpuint (tavla_agreement_get_status (active), ==, TAVLA_AGREEMENT_STATUS_ACTIVE);
  g_assert_cmpstr (tavla_agreement_get_signed (active), ==, "2026-01-31");
  g_assert_cmpstr (tavla_agreement_get_valid_from (active), ==, "2026-01-31");
  g_assert_cmpstr (tavla_agreement_get_review_due (active), ==, "2027-01-31");
  signatories = tavla_agreement_get_signatories (active);
  g_assert_cmpstr (((TavlaSignatory *) g_ptr_array_index (signatories, 0))->signed_date, ==, "2026-01-31");

  /* Signing an active agreement again is refused. */
  again = tavla_board_sign_agreement (fixture->board, id, 0, "2026-02-01", "Maria", &error);
  g_assert_null (again);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
}

static void
test_case_types (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TavlaAgreement) draft = add_agreement (fixture->board, NULL);
  g_autoptr(TavlaCaseType) case_type = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autofree char *before = NULL;
  gint64 id = tavla_agreement_get_id (draft);
  const struct { TavlaCaseTypeInput input; const char *field; const char *words; } cases[] = {
    { { .name = "", .rosa = "guidance" }, "name", "Name is empty" },
    { { .name = "färdtjänst", .rosa = "guidance" }, "name", "already has a case type" },
    { { .name = "Bygglov", .rosa = NULL }, "rosa", "ROSA class is empty" },
    { { .name = "Bygglov", .rosa = "routine" }, "rosa", "“routine” does not exist" },
    { { .name = "Bygglov", .rosa = "guidance", .days = "-1" }, "days", "0 to 365" },
    { { .name = "Bygglov", .rosa = "guidance", .days = "2.5" }, "days", "0 to 365" },
    { { .name = "Bygglov", .rosa = "guidance", .days = "366" }, "days", "0 to 365" },
    { { .name = "Bygglov", .rosa = "guidance", .handled_by = "both" }, "handled-by", "“centre” or “department”" },
    { { .name = "Bygglov", .rosa = "guidance", .contact = "Okänd Person" }, "contact", "not a known person" },
  };

  case_type = add_case_type (fixture->board, id, "Färdtjänst");
  g_assert_cmpstr (tavla_case_type_get_name (case_type), ==, "Färdtjänst");
  g_assert_cmpuint (tavla_case_type_get_rosa_class (case_type), ==, TAVLA_ROSA_RULE_BASED);
  g_assert_cmpint (tavla_case_type_get_days (case_type), ==, 15);
  g_assert_cmpstr (tavla_case_type_get_contact (case_type), ==, "Anna Lindqvist");
  g_assert_cmpuint (tavla_case_type_get_handled_by (case_type), ==, TAVLA_HANDLED_BY_CENTRE);

  /* A case type on a draft does not mark revision needed. */
  agreement = get (fixture->board, id);
  g_assert_false (tavla_agreement_get_revision_needed (agreement));

  before = count_all (fixture->board);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TavlaCaseType) refused = NULL;
      g_autofree char *after = NULL;
      const char *field = NULL;

      refused = tavla_board_add_case_type (fixture->board, id, &cases[i].input, "Maria", &field, &error);
      g_assert_null (refused);
      g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      g_assert_cmpstr (field, ==, cases[i].field);
      if (strstr (error->message, cases[i].words) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, error->message, cases[i].words);
      after = count_all (fixture->board);
      g_assert_cmpstr (after, ==, before);
    }

  {
    g_autoptr(GError) error = NULL;
    TavlaCaseTypeInput input = { .name = "X", .rosa = "guidance" };

    g_assert_null (tavla_board_add_case_type (fixture->board, 999, &input, "Maria", NULL, &error));
    g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
  }
}

static void
test_case_type_update (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TavlaAgreement) draft = add_agreement (fixture->board, NULL);
  g_autoptr(TavlaCaseType) first = NULL;
  g_autoptr(TavlaCaseType) second = NULL;
  g_autoptr(TavlaCaseType) changed = NULL;
  g_autoptr(TavlaCaseType) again = NULL;
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(TavlaAgreement) signed_one = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gint64 id = tavla_agreement_get_id (draft);
  gint64 n_history = 0;
  const struct { TavlaCaseTypeInput input; const char *field; const char *words; } cases[] = {
    { { .name = "" }, "name", "Name is empty" },
    { { .name = "PARKERING" }, "name", "already has a case type" },
    { { .rosa = "" }, "rosa", "ROSA class is empty" },
    { { .rosa = "routine" }, "rosa", "“routine” does not exist" },
    { { .days = "-1" }, "days", "0 to 365" },
    { { .days = "ten" }, "days", "0 to 365" },
    { { .handled_by = "both" }, "handled-by", "“centre” or “department”" },
    { { .contact = "Okänd Person" }, "contact", "not a known person" },
  };

  first = add_case_type (fixture->board, id, "Färdtjänst");
  second = add_case_type (fixture->board, id, "Parkering");

  /* Each bad input names its field and writes nothing. */
  before = count_all (fixture->board);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(TavlaCaseType) refused = NULL;
      g_autoptr(TavlaAgreement) unchanged = NULL;
      g_autofree char *after = NULL;
      const char *field = NULL;

      refused = tavla_board_update_case_type (fixture->board, tavla_case_type_get_id (first), 0,
                                              &cases[i].input, "Maria", &field, &local_error);
      g_assert_null (refused);
      g_assert_error (local_error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
      g_assert_cmpstr (field, ==, cases[i].field);
      if (strstr (local_error->message, cases[i].words) == NULL)
        g_error ("case %u: “%s” lacks “%s”", i, local_error->message, cases[i].words);
      after = count_all (fixture->board);
      g_assert_cmpstr (after, ==, before);
      unchanged = get (fixture->board, id);
      g_assert_cmpint (tavla_case_type_get_version (tavla_agreement_find_case_type (unchanged,
                                                                                     tavla_case_type_get_id (first))),
                       ==, tavla_case_type_get_version (first));
    }

  {
    TavlaCaseTypeInput input = { .days = "3" };

    g_assert_null (tavla_board_update_case_type (fixture->board, 999, 0, &input, "Maria", NULL, &error));
    g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* A change on a draft: one history row per changed field on the case
   * type and one on the agreement; the agreement is not marked. */
  n_history = test_count_rows (fixture->board, "history");
  {
    TavlaCaseTypeInput input = { .name = " Färdtjänst och riksfärdtjänst ", .days = "20", .quality = "" };

    changed = tavla_board_update_case_type (fixture->board, tavla_case_type_get_id (first),
                                            tavla_case_type_get_version (first), &input, "Maria", NULL, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpstr (tavla_case_type_get_name (changed), ==, "Färdtjänst och riksfärdtjänst");
  g_assert_cmpint (tavla_case_type_get_days (changed), ==, 20);
  g_assert_null (tavla_case_type_get_quality (changed));
  g_assert_cmpuint (tavla_case_type_get_rosa_class (changed), ==, TAVLA_ROSA_RULE_BASED);
  g_assert_cmpstr (tavla_case_type_get_contact (changed), ==, "Anna Lindqvist");
  g_assert_cmpint (tavla_case_type_get_version (changed), ==, tavla_case_type_get_version (first) + 1);
  g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, n_history + 4);
  agreement = get (fixture->board, id);
  g_assert_false (tavla_agreement_get_revision_needed (agreement));

  /* The same values again write nothing. */
  {
    TavlaCaseTypeInput input = { .name = "Färdtjänst och riksfärdtjänst", .days = "20" };

    again = tavla_board_update_case_type (fixture->board, tavla_case_type_get_id (first), 0, &input, "Maria",
                                          NULL, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpint (tavla_case_type_get_version (again), ==, tavla_case_type_get_version (changed));
  g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, n_history + 4);

  /* A stale version is a conflict and writes nothing. */
  {
    TavlaCaseTypeInput input = { .days = "5" };
    g_autofree char *count_before = count_all (fixture->board);
    g_autofree char *count_after = NULL;

    g_assert_null (tavla_board_update_case_type (fixture->board, tavla_case_type_get_id (first),
                                                 tavla_case_type_get_version (first), &input, "Maria", NULL,
                                                 &error));
    g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
    count_after = count_all (fixture->board);
    g_assert_cmpstr (count_after, ==, count_before);
  }

  /* On an active agreement a change marks it revision needed. */
  signed_one = sign (fixture->board, id, "2026-02-02");
  g_assert_false (tavla_agreement_get_revision_needed (signed_one));
  g_clear_object (&changed);
  {
    TavlaCaseTypeInput input = { .handled_by = "department", .rosa = "qualified" };

    changed = tavla_board_update_case_type (fixture->board, tavla_case_type_get_id (second), 0, &input, "Maria",
                                            NULL, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (tavla_case_type_get_handled_by (changed), ==, TAVLA_HANDLED_BY_DEPARTMENT);
  g_assert_cmpuint (tavla_case_type_get_rosa_class (changed), ==, TAVLA_ROSA_QUALIFIED);
  g_clear_object (&agreement);
  agreement = get (fixture->board, id);
  g_assert_true (tavla_agreement_get_revision_needed (agreement));
}

/* Writes based on a version that moved on are conflicts and write nothing;
 * 0 checks nothing. */
static void
test_stale_writes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TavlaAgreement) draft = add_agreement (fixture->board, NULL);
  g_autoptr(TavlaAgreement) moved = NULL;
  g_autoptr(TavlaAgreement) saved = NULL;
  g_autoptr(TavlaAgreement) signed_one = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = tavla_agreement_get_id (draft);
  gint64 shown = tavla_agreement_get_version (draft);
  const char *months = "6";
  TavlaAgreementInput input = { .review_months = months };

  /* Someone else writes a section: the version moves on. */
  moved = tavla_board_set_agreement_section (fixture->board, id, shown, "billing", "Ingen debitering.", "Bo",
                                             NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tavla_agreement_get_version (moved), >, shown);

  before = count_all (fixture->board);
  g_assert_null (tavla_board_set_agreement_section (fixture->board, id, shown, "billing", "Per tertial.", "Maria",
                                                    NULL, &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Someone else changed this agreement first"));
  g_clear_error (&error);
  g_assert_null (tavla_board_update_agreement (fixture->board, id, shown, &input, "Maria", NULL, &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_null (tavla_board_sign_agreement (fixture->board, id, shown, "2026-03-01", "Maria", &error));
  g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  after = count_all (fixture->board);
  g_assert_cmpstr (after, ==, before);
  g_clear_object (&saved);
  saved = get (fixture->board, id);
  g_assert_cmpstr (tavla_agreement_get_section (saved, TAVLA_SECTION_BILLING), ==, "Ingen debitering.");
  g_assert_cmpuint (tavla_agreement_get_review_months (saved), ==, 12);
  g_assert_cmpuint (tavla_agreement_get_status (saved), ==, TAVLA_AGREEMENT_STATUS_DRAFT);

  /* Based on the version now stored, or with no check, they go through. */
  g_clear_object (&saved);
  saved = tavla_board_update_agreement (fixture->board, id, tavla_agreement_get_version (moved), &input, "Maria",
                                        NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tavla_agreement_get_review_months (saved), ==, 6);
  signed_one = tavla_board_sign_agreement (fixture->board, id, 0, "2026-03-01", "Maria", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tavla_agreement_get_status (signed_one), ==, TAVLA_AGREEMENT_STATUS_ACTIVE);
}

/* A commit by another process reaches the board's agreements model on
 * tavla_board_refresh(), as the GUI's watch calls it. */
static void
test_refresh_follows_other_process (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(TavlaAgreement) draft = add_agreement (fixture->board, NULL);
  g_autoptr(TavlaBoard) other = test_board_new (fixture->dir);
  g_autoptr(TavlaAgreement) written = NULL;
  g_autoptr(TavlaAgreement) shown = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = tavla_board_get_agreements (fixture->board);
  ChangeRecorder recorder = { 0 };

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  tavla_board_refresh (fixture->board, &error);
  g_assert_no_error (error);

  written = tavla_board_set_agreement_section (other, tavla_agreement_get_id (draft), 0, "billing",
                                               "Faktureras per tertial.", "Bo", NULL, &error);
  g_assert_no_error (error);

  change_recorder_start (&recorder, model);
  tavla_board_refresh (fixture->board, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recorder.log->len, >, 0);
  change_recorder_stop (&recorder);

  shown = g_list_model_get_item (model, 0);
  g_assert_cmpstr (tavla_agreement_get_section (shown, TAVLA_SECTION_BILLING), ==, "Faktureras per tertial.");
  g_assert_cmpint (tavla_agreement_get_version (shown), ==, tavla_agreement_get_version (written));
}

static void
test_revision_needed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TavlaAgreement) active = add_agreement (fixture->board, "2026-01-10");
  g_autoptr(TavlaCaseType) first = NULL;
  g_autoptr(TavlaCaseType) second = NULL;
  g_autoptr(TavlaAgreement) marked = NULL;
  g_autoptr(TavlaAgreement) draft = NULL;
  g_autoptr(TavlaAgreement) signed_new = NULL;
  g_autoptr(TavlaAgreement) old = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = tavla_agreement_get_id (active);
  guint n_revision_rows = 0;

  first = add_case_type (fixture->board, id, "Parkeringstillstånd");
  marked = get (fixture->board, id);
  g_assert_true (tavla_agreement_get_revision_needed (marked));
  g_assert_cmpuint (tavla_agreement_get_status (marked), ==, TAVLA_AGREEMENT_STATUS_ACTIVE);

  /* A second one keeps the mark without a second history row. */
  second = add_case_type (fixture->board, id, "Färdtjänst");
  history = tavla_board_list_agreement_history (fixture->board, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(TavlaHistoryEntry) entry = g_list_model_get_item (history, i);

      if (g_str_equal (tavla_history_entry_get_field (entry), "revision-needed"))
        n_revision_rows++;
    }
  g_assert_cmpuint (n_revision_rows, ==, 1);
  g_assert_cmpint (test_count_rows (fixture->board, "history"), >=, 6);

  draft = tavla_board_revise_agreement (fixture->board, id, "Maria", &error);
  g_assert_no_error (error);
  g_assert_false (tavla_agreement_get_revision_needed (draft));
  signed_new = sign (fixture->board, tavla_agreement_get_id (draft), "2026-11-01");
  g_assert_false (tavla_agreement_get_revision_needed (signed_new));

  old = get (fixture->board, id);
  g_assert_cmpuint (tavla_agreement_get_status (old), ==, TAVLA_AGREEMENT_STATUS_SUPERSEDED);
  g_assert_false (tavla_agreement_get_revision_needed (old));

  /* A superseded agreement takes no case types. */
  {
    TavlaCaseTypeInput input = { .name = "Bygglov", .rosa = "guidance" };
    const char *field = NULL;

    g_assert_null (tavla_board_add_case_type (fixture->board, id, &input, "Maria", &field, &error));
    g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
    g_assert_cmpstr (field, ==, "agreement");
  }
}

static void
test_revise_copy_and_diff (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TavlaAgreement) draft = add_agreement (fixture->board, NULL);
  g_autoptr(TavlaAgreement) active = NULL;
  g_autoptr(TavlaAgreement) revision = NULL;
  g_autoptr(TavlaAgreement) second = NULL;
  g_autoptr(TavlaAgreement) copy = NULL;
  g_autoptr(TavlaCaseType) kept = NULL;
  g_autoptr(TavlaCaseType) added = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = tavla_agreement_get_id (draft);
  gint64 new_id = 0;
  GPtrArray *case_types = NULL;
  gboolean saw_section = FALSE;
  gboolean saw_case_type = FALSE;
  gboolean saw_unchanged_section = FALSE;

  set_section (fixture->board, id, "responsibilities", "Kundcenter svarar.");
  set_section (fixture->board, id, "billing", "Ingen debitering.");
  kept = add_case_type (fixture->board, id, "Färdtjänst");
  active = sign (fixture->board, id, "2026-01-31");

  /* A draft cannot be revised, an active one can, once. */
  revision = tavla_board_revise_agreement (fixture->board, id, "Maria", &error);
  g_assert_no_error (error);
  new_id = tavla_agreement_get_id (revision);
  g_assert_cmpuint (tavla_agreement_get_version_number (revision), ==, 2);
  g_assert_cmpuint (tavla_agreement_get_status (revision), ==, TAVLA_AGREEMENT_STATUS_DRAFT);
  g_assert_null (tavla_agreement_get_signed (revision));
  g_assert_cmpstr (tavla_agreement_get_section (revision, TAVLA_SECTION_BILLING), ==, "Ingen debitering.");
  g_assert_cmpstr (tavla_agreement_get_section (revision, TAVLA_SECTION_RESPONSIBILITIES), ==,
                   "Kundcenter svarar.");
  case_types = tavla_agreement_get_case_types (revision);
  g_assert_cmpuint (case_types->len, ==, 1);
  g_assert_cmpint (tavla_case_type_get_id (g_ptr_array_index (case_types, 0)), !=, tavla_case_type_get_id (kept));
  g_assert_cmpstr (tavla_case_type_get_contact (g_ptr_array_index (case_types, 0)), ==, "Anna Lindqvist");
  g_assert_cmpuint (tavla_agreement_get_signatories (revision)->len, ==, 2);
  g_assert_null (((TavlaSignatory *) g_ptr_array_index (tavla_agreement_get_signatories (revision), 0))->signed_date);

  second = tavla_board_revise_agreement (fixture->board, id, "Maria", &error);
  g_assert_null (second);
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already has a draft"));
  g_clear_error (&error);
  g_assert_null (tavla_board_revise_agreement (fixture->board, new_id, "Maria", &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);

  /* The old version is untouched by edits to the new. */
  set_section (fixture->board, new_id, "billing", "45 kronor per ärende.");
  added = add_case_type (fixture->board, new_id, "Parkeringstillstånd");
  copy = get (fixture->board, id);
  g_assert_cmpstr (tavla_agreement_get_section (copy, TAVLA_SECTION_BILLING), ==, "Ingen debitering.");
  g_assert_cmpuint (tavla_agreement_get_case_types (copy)->len, ==, 1);

  changes = tavla_board_diff_agreements (fixture->board, id, new_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    {
      TavlaAgreementChange *change = g_ptr_array_index (changes, i);

      if (change->part == TAVLA_AGREEMENT_PART_SECTION && g_str_equal (change->subject, "billing"))
        {
          saw_section = TRUE;
          g_assert_cmpuint (change->kind, ==, TAVLA_CHANGE_CHANGED);
          g_assert_cmpstr (change->old_value, ==, "Ingen debitering.");
          g_assert_cmpstr (change->new_value, ==, "45 kronor per ärende.");
          g_assert_cmpstr (change->description, ==, "Section “Billing” changed");
        }
      if (change->part == TAVLA_AGREEMENT_PART_SECTION && g_str_equal (change->subject, "responsibilities"))
        saw_unchanged_section = TRUE;
      if (change->part == TAVLA_AGREEMENT_PART_CASE_TYPE)
        {
          saw_case_type = TRUE;
          g_assert_cmpstr (change->subject, ==, "Parkeringstillstånd");
          g_assert_cmpuint (change->kind, ==, TAVLA_CHANGE_ADDED);
          g_assert_null (change->old_value);
          g_assert_cmpstr (change->description, ==, "Case type “Parkeringstillstånd” added");
        }
      g_assert_true (change->part != TAVLA_AGREEMENT_PART_SIGNATORY);
    }
  g_assert_true (saw_section);
  g_assert_true (saw_case_type);
  g_assert_false (saw_unchanged_section);

  none = tavla_board_diff_agreements (fixture->board, id, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_diff_signatories (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TavlaAgreement) active = add_agreement (fixture->board, "2026-01-31");
  g_autoptr(TavlaAgreement) draft = NULL;
  g_autoptr(TavlaAgreement) updated = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  const char *signatories[] = { "Helena Björk:Kundcenterchef", "Ny Chef:Förvaltningschef:department", NULL };
  TavlaAgreementInput input = { .signatories = signatories, .review_months = "24" };
  GString *seen = g_string_new (NULL);

  draft = tavla_board_revise_agreement (fixture->board, tavla_agreement_get_id (active), "Maria", &error);
  g_assert_no_error (error);
  updated = tavla_board_update_agreement (fixture->board, tavla_agreement_get_id (draft), 0, &input, "Maria",
                                          NULL, &error);
  g_assert_no_error (error);

  changes = tavla_board_diff_agreements (fixture->board, tavla_agreement_get_id (active),
                                         tavla_agreement_get_id (updated), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < changes->len; i++)
    {
      TavlaAgreementChange *change = g_ptr_array_index (changes, i);

      g_string_append_printf (seen, "%s %s %s|", tavla_agreement_part_to_string (change->part),
                              tavla_change_kind_to_string (change->kind), change->subject);
    }

  /* Signed and valid-from are cleared in the draft; signatories in name
   * order. */
  g_assert_cmpstr (seen->str, ==,
                   "field removed signed|field removed valid-from|field changed review-months|"
                   "signatory removed Eva Lundgren|signatory changed Helena Björk|signatory added Ny Chef|");
  g_string_free (seen, TRUE);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TavlaAgreement) draft = add_agreement (fixture->board, NULL);
  g_autoptr(TavlaAgreement) updated = NULL;
  g_autoptr(TavlaAgreement) active = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = tavla_agreement_get_id (draft);
  const char *signatories[] = { "Ny Chef:Förvaltningschef", NULL };
  TavlaAgreementInput input = { .valid_from = "2026-01-01", .valid_to = "2027-12-31", .review_months = "6",
                                .signatories = signatories };
  TavlaAgreementInput bad = { .valid_to = "2025-12-31" };
  const char *field = NULL;

  updated = tavla_board_update_agreement (fixture->board, id, 0, &input, "Maria", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tavla_agreement_get_valid_to (updated), ==, "2027-12-31");
  g_assert_cmpuint (tavla_agreement_get_review_months (updated), ==, 6);
  g_assert_cmpuint (tavla_agreement_get_signatories (updated)->len, ==, 1);

  g_assert_null (tavla_board_update_agreement (fixture->board, id, 0, &bad, "Maria", &field, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "valid-to");
  g_clear_error (&error);

  /* Signing after valid-to is refused. */
  g_assert_null (tavla_board_sign_agreement (fixture->board, id, 0, "2028-01-01", "Maria", &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);

  active = sign (fixture->board, id, "2026-01-31");
  g_assert_cmpstr (tavla_agreement_get_valid_from (active), ==, "2026-01-01");
  g_assert_cmpstr (tavla_agreement_get_review_due (active), ==, "2026-07-31");
  g_assert_null (tavla_board_update_agreement (fixture->board, id, 0, &input, "Maria", &field, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "agreement");
}

/* ---- Expiry and review due ------------------------------------------- */

static void
test_expiry_and_review (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *signatories[] = { "Eva Lundgren:Förvaltningschef", NULL };
  TavlaAgreementInput input = { .department = "SOC", .signed_date = "2025-01-31", .valid_to = "2026-06-30",
                                .review_months = "1", .signatories = signatories };
  TavlaAgreementQuery due = { .review_due = TRUE, .on = "2025-02-27" };
  g_autoptr(TavlaAgreement) agreement = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  agreement = tavla_board_add_agreement (fixture->board, &input, "Maria", NULL, &error);
  g_assert_no_error (error);

  /* TEST_TODAY is 2026-11-25, after valid-to. */
  g_assert_cmpuint (tavla_agreement_get_status (agreement), ==, TAVLA_AGREEMENT_STATUS_EXPIRED);
  g_assert_cmpuint (tavla_agreement_get_stored_status (agreement), ==, TAVLA_AGREEMENT_STATUS_ACTIVE);
  g_assert_cmpuint (tavla_agreement_get_status_on (agreement, "2026-06-30"), ==, TAVLA_AGREEMENT_STATUS_ACTIVE);
  g_assert_cmpuint (tavla_agreement_get_status_on (agreement, "2026-07-01"), ==, TAVLA_AGREEMENT_STATUS_EXPIRED);
  g_assert_cmpstr (tavla_agreement_get_review_due (agreement), ==, "2025-02-28");
  g_assert_false (tavla_agreement_is_review_overdue (agreement, "2025-02-27"));
  g_assert_true (tavla_agreement_is_review_overdue (agreement, "2025-02-28"));

  list = tavla_board_list_agreements (fixture->board, &due, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);

  due.within_days = 1;
  list = tavla_board_list_agreements (fixture->board, &due, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&list);

  due.on = "2025-13-01";
  g_assert_null (tavla_board_list_agreements (fixture->board, &due, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
  g_clear_error (&error);

  due.on = NULL;
  due.department = "Okänd";
  g_assert_null (tavla_board_list_agreements (fixture->board, &due, &error));
  g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
}

/* ---- Items ----------------------------------------------------------- */

static void
test_link_items (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TavlaAgreement) draft = add_agreement (fixture->board, NULL);
  g_autoptr(TavlaAgreement) other = NULL;
  g_autoptr(TavlaCaseType) case_type = NULL;
  g_autoptr(TavlaItem) item = test_add_item (fixture->board, "Uppdatera checklistan för parkeringstillstånd");
  g_autoptr(TavlaItem) linked = NULL;
  g_autoptr(TavlaItem) again = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = tavla_agreement_get_id (draft);
  gint64 history = 0;

  case_type = add_case_type (fixture->board, id, "Parkeringstillstånd");
  linked = tavla_board_link_item_to_agreement (fixture->board, tavla_item_get_id (item), id,
                                               tavla_case_type_get_id (case_type), "Maria", &error);
  g_assert_no_error (error);
  g_assert_nonnull (linked);

  links = tavla_board_list_links (fixture->board, tavla_item_get_id (item), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 2);
  g_assert_cmpstr (((TavlaLink *) g_ptr_array_index (links, 0))->kind, ==, "agreement");
  g_assert_cmpstr (((TavlaLink *) g_ptr_array_index (links, 1))->kind, ==, "casetype");

  items = tavla_board_list_agreement_items (fixture->board, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (g_array_index (items, gint64, 0), ==, tavla_item_get_id (item));

  /* Linking again writes nothing. */
  history = test_count_rows (fixture->board, "history");
  again = tavla_board_link_item_to_agreement (fixture->board, tavla_item_get_id (item), id, 0, "Maria", &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count_rows (fixture->board, "history"), ==, history);

  /* A case type of another agreement, unknown items and agreements. */
  {
    TavlaAgreementInput input = { .department = "Bo Ek" };
    g_autofree char *before = count_all (fixture->board);
    g_autofree char *after = NULL;

    other = tavla_board_add_agreement (fixture->board, &input, "Maria", NULL, &error);
    g_assert_null (other);
    g_clear_error (&error);

    g_assert_null (tavla_board_link_item_to_agreement (fixture->board, tavla_item_get_id (item), id, 9999,
                                                       "Maria", &error));
    g_assert_error (error, TAVLA_INPUT_ERROR, TAVLA_INPUT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (tavla_board_link_item_to_agreement (fixture->board, 9999, id, 0, "Maria", &error));
    g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_null (tavla_board_link_item_to_agreement (fixture->board, tavla_item_get_id (item), 9999, 0,
                                                       "Maria", &error));
    g_assert_error (error, TAVLA_STORE_ERROR, TAVLA_STORE_ERROR_NOT_FOUND);
    after = count_all (fixture->board);
    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_model (Fixture       *fixture,
            gconstpointer  data)
{
  GListModel *model = tavla_board_get_agreements (fixture->board);
  g_autoptr(TavlaAgreement) active = NULL;
  g_autoptr(TavlaAgreement) draft = NULL;
  g_autoptr(TavlaAgreement) shown = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  active = add_agreement (fixture->board, "2026-01-31");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* The current agreement stays the active one while a draft exists. */
  draft = tavla_board_revise_agreement (fixture->board, tavla_agreement_get_id (active), "Maria", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  shown = g_list_model_get_item (model, 0);
  g_assert_cmpint (tavla_agreement_get_id (shown), ==, tavla_agreement_get_id (active));
  g_clear_object (&shown);

  g_clear_object (&active);
  active = sign (fixture->board, tavla_agreement_get_id (draft), "2026-11-01");
  shown = g_list_model_get_item (model, 0);
  g_assert_cmpint (tavla_agreement_get_id (shown), ==, tavla_agreement_get_id (draft));
}

/* ---- Export ----------------------------------------------------------- */

static TavlaAgreement *
hostile_agreement (Fixture *fixture)
{
  g_autoptr(TavlaAgreement) draft = add_agreement (fixture->board, NULL);
  g_autoptr(TavlaCaseType) case_type = NULL;
  gint64 id = tavla_agreement_get_id (draft);
  TavlaCaseTypeInput input = { .name = "Färdtjänst <b>|x|</b>", .rosa = "rule-based", .days = "15" };
  g_autoptr(GError) error = NULL;

  set_section (fixture->board, id, "billing", "<script>alert('x')</script> & *fet* [länk](http://x)");
  set_section (fixture->board, id, "responsibilities", "Kundcenter svarar på frågor om färdtjänst.");
  set_section (fixture->board, id, "process", "- inte en lista\n2. inte heller\n# ingen rubrik\nDatum 2026-05-09.");
  case_type = tavla_board_add_case_type (fixture->board, id, &input, "Maria", NULL, &error);
  g_assert_no_error (error);

  return get (fixture->board, id);
}

static char *
export_text (TavlaAgreement    *agreement,
             TavlaExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = tavla_agreement_export (agreement, format, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_export_html (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TavlaAgreement) agreement = hostile_agreement (fixture);
  g_autofree char *html = export_text (agreement, TAVLA_EXPORT_HTML);

  g_assert_null (strstr (html, "<script>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; *fet*"));
  g_assert_null (strstr (html, "<b>|x|</b>"));
  g_assert_nonnull (strstr (html, "Färdtjänst &lt;b&gt;|x|&lt;/b&gt;"));
  g_assert_nonnull (strstr (html, "@page { size: A4"));
  g_assert_nonnull (strstr (html, "Socialförvaltningen"));
  g_assert_nonnull (strstr (html, "Eva Lundgren"));
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
}

static void
test_export_markdown (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TavlaAgreement) agreement = hostile_agreement (fixture);
  g_autofree char *markdown = export_text (agreement, TAVLA_EXPORT_MARKDOWN);

  g_assert_null (strstr (markdown, "<script>"));
  g_assert_nonnull (strstr (markdown, "&lt;script&gt;"));
  g_assert_nonnull (strstr (markdown, "\\*fet\\*"));
  g_assert_nonnull (strstr (markdown, "\\[länk\\]"));
  /* The pipes in a cell do not split the table. */
  g_assert_nonnull (strstr (markdown, "\\|x\\|"));
  g_assert_true (g_str_has_prefix (markdown, "# Delivery agreement: Socialförvaltningen"));
  g_assert_nonnull (strstr (markdown, "## 7. Billing"));
  /* Line starts that would make lists or headings are escaped, plain text
   * inside a line is not. */
  g_assert_nonnull (strstr (markdown, "\n\\- inte en lista\n2\\. inte heller\n\\# ingen rubrik\nDatum 2026-05-09.\n"));
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TavlaAgreement) agreement = hostile_agreement (fixture);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "avtal.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *header = NULL;
  int status = 0;
  const char *argv[] = { NULL, "-layout", NULL, "-", NULL };

  file = g_file_new_for_path (path);
  g_assert_true (tavla_agreement_export_to_file (agreement, TAVLA_EXPORT_PDF, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &header, NULL, NULL));
  g_assert_true (g_str_has_prefix (header, "%PDF-"));

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  argv[0] = pdftotext;
  argv[2] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Socialförvaltningen"));
  g_assert_nonnull (strstr (text, "Kundcenter svarar på frågor om färdtjänst."));
  g_assert_nonnull (strstr (text, "<script>alert('x')</script>"));
  g_assert_nonnull (strstr (text, "Eva Lundgren"));
  g_assert_nonnull (strstr (text, "page 1 of"));
}

int
main (int    argc,
      char **argv)
{
  test_common_init (&argc, &argv);

  g_test_add_func ("/agreements/review-due", test_review_due);
  g_test_add_func ("/agreements/names", test_names);
  g_test_add_func ("/agreements/signatory-parse", test_signatory_parse);
#define ADD(path, func) \
  g_test_add ("/agreements/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add", test_add);
  ADD ("add-bad", test_add_bad);
  ADD ("one-active", test_one_active);
  ADD ("sections", test_sections);
  ADD ("sign", test_sign);
  ADD ("case-types", test_case_types);
  ADD ("case-type-update", test_case_type_update);
  ADD ("stale-writes", test_stale_writes);
  ADD ("refresh-follows-other-process", test_refresh_follows_other_process);
  ADD ("revision-needed", test_revision_needed);
  ADD ("revise-copy-and-diff", test_revise_copy_and_diff);
  ADD ("update", test_update);
  ADD ("diff-signatories", test_diff_signatories);
  ADD ("expiry-and-review", test_expiry_and_review);
  ADD ("link-items", test_link_items);
  ADD ("model", test_model);
  ADD ("export-html", test_export_html);
  ADD ("export-markdown", test_export_markdown);
  ADD ("export-pdf", test_export_pdf);
#undef ADD

  return g_test_run ();
}
