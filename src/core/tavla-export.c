/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tavla-board-agreements.h"
#include "tavla-document.h"

/*
 * An agreement as a document to sign: title, facts, sections, the case
 * types as a table, signature lines, rendered by TavlaDocument to
 * Markdown, HTML or A4 PDF.
 */

const char *
tavla_export_format_to_string (TavlaExportFormat format)
{
  static const char *const names[] = { "markdown", "html", "pdf" };

  g_return_val_if_fail (format <= TAVLA_EXPORT_PDF, NULL);
  return names[format];
}

gboolean
tavla_export_format_from_string (const char        *text,
                                 TavlaExportFormat *out_format)
{
  for (guint i = 0; i <= TAVLA_EXPORT_PDF; i++)
    {
      if (g_strcmp0 (text, tavla_export_format_to_string (i)) == 0)
        {
          *out_format = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* ---- The outline shared by the formats ----------------------------------- */

typedef struct
{
  const char *label;
  char       *value;
} Fact;

static void
fact_clear (Fact *fact)
{
  g_free (fact->value);
}

static char *
dup_date (const char *iso)
{
  return iso != NULL ? g_strdup (iso) : g_strdup ("—");
}

/* Label and value of each fact line, in order. */
static GArray *
collect_facts (TavlaAgreement *agreement)
{
  GArray *facts = g_array_new (FALSE, TRUE, sizeof (Fact));
  Fact fact = { 0 };

  g_array_set_clear_func (facts, (GDestroyNotify) fact_clear);

  fact.label = _("Department");
  fact.value = g_strdup (tavla_agreement_get_department (agreement));
  g_array_append_val (facts, fact);
  fact.label = _("Version");
  fact.value = g_strdup_printf ("%u", tavla_agreement_get_version_number (agreement));
  g_array_append_val (facts, fact);
  fact.label = _("Status");
  fact.value = g_strdup (tavla_agreement_status_get_label (tavla_agreement_get_status (agreement)));
  g_array_append_val (facts, fact);
  fact.label = _("Signed");
  fact.value = dup_date (tavla_agreement_get_signed (agreement));
  g_array_append_val (facts, fact);
  fact.label = _("Valid");
  fact.value = g_strdup_printf ("%s – %s",
                                tavla_agreement_get_valid_from (agreement) != NULL
                                ? tavla_agreement_get_valid_from (agreement) : "—",
                                tavla_agreement_get_valid_to (agreement) != NULL
                                ? tavla_agreement_get_valid_to (agreement) : "—");
  g_array_append_val (facts, fact);
  fact.label = _("Review");
  fact.value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every %u month, next by %s",
                                             "every %u months, next by %s",
                                             tavla_agreement_get_review_months (agreement)),
                                tavla_agreement_get_review_months (agreement),
                                tavla_agreement_get_review_due (agreement) != NULL
                                ? tavla_agreement_get_review_due (agreement) : "—");
  g_array_append_val (facts, fact);

  return facts;
}

static const char *
document_title (void)
{
  return _("Delivery agreement");
}

static const char *
revision_notice (void)
{
  return _("Revision needed: case types were added after signing; a new version must be signed.");
}

static const char *
empty_section (void)
{
  return _("(Not written yet.)");
}

/* The six column headings of the case types table. */
static void
case_type_headings (const char *headings[6])
{
  headings[0] = _("Case type");
  headings[1] = _("ROSA class");
  headings[2] = _("Time frame");
  headings[3] = _("Quality requirement");
  headings[4] = _("Handled by");
  headings[5] = _("Contact person");
}

/* The six cells of one case type, plain text. */
static void
case_type_cells (TavlaCaseType *case_type,
                 char          *cells[6])
{
  int days = tavla_case_type_get_days (case_type);

  cells[0] = g_strdup (tavla_case_type_get_name (case_type));
  cells[1] = g_strdup (tavla_rosa_class_get_label (tavla_case_type_get_rosa_class (case_type)));
  cells[2] = days >= 0
             ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days", days), days)
             : g_strdup ("—");
  cells[3] = g_strdup (tavla_case_type_get_quality (case_type) != NULL
                       ? tavla_case_type_get_quality (case_type) : "—");
  cells[4] = g_strdup (tavla_handled_by_get_label (tavla_case_type_get_handled_by (case_type)));
  cells[5] = g_strdup (tavla_case_type_get_contact (case_type) != NULL
                       ? tavla_case_type_get_contact (case_type) : "—");
}

static void
cells_clear (char *cells[6])
{
  for (guint i = 0; i < 6; i++)
    g_clear_pointer (&cells[i], g_free);
}

TavlaDocument *
tavla_agreement_build_document (TavlaAgreement *agreement)
{
  g_autoptr(TavlaDocument) document = NULL;
  g_autoptr(GArray) facts = NULL;
  g_autofree char *title = NULL;
  GPtrArray *case_types = NULL;
  GPtrArray *signatories = NULL;
  const char *headings[6];
  static const double column_share[6] = { 0.20, 0.15, 0.11, 0.23, 0.15, 0.16 };

  g_return_val_if_fail (TAVLA_IS_AGREEMENT (agreement), NULL);

  title = g_strdup_printf ("%s: %s", document_title (), tavla_agreement_get_department (agreement));
  document = tavla_document_new (title);

  facts = collect_facts (agreement);
  for (guint i = 0; i < facts->len; i++)
    {
      Fact *fact = &g_array_index (facts, Fact, i);

      tavla_document_add_fact (document, fact->label, fact->value);
    }
  if (tavla_agreement_get_revision_needed (agreement))
    tavla_document_add_notice (document, revision_notice ());

  case_types = tavla_agreement_get_case_types (agreement);
  for (guint i = 0; i < TAVLA_N_SECTIONS; i++)
    {
      const char *text = tavla_agreement_get_section (agreement, i);
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, tavla_section_get_label (i));

      tavla_document_add_heading (document, heading);
      if (*text == '\0')
        tavla_document_add_note (document, empty_section ());
      else
        tavla_document_add_paragraph (document, text);

      if (i == TAVLA_SECTION_CASE_TYPES && case_types->len > 0)
        {
          case_type_headings (headings);
          tavla_document_add_table (document, 6, headings, column_share);
          for (guint r = 0; r < case_types->len; r++)
            {
              char *cells[6] = { NULL };

              case_type_cells (g_ptr_array_index (case_types, r), cells);
              tavla_document_add_row (document, TAVLA_TONE_NONE, (const char * const *) cells);
              cells_clear (cells);
            }
        }
    }

  tavla_document_add_heading (document, _("Signatures"));
  signatories = tavla_agreement_get_signatories (agreement);
  for (guint i = 0; i < signatories->len; i++)
    {
      const TavlaSignatory *signatory = g_ptr_array_index (signatories, i);
      g_autofree char *name = g_strdup_printf ("%s, %s", signatory->name, signatory->role);

      tavla_document_add_signature (document, tavla_party_get_label (signatory->party), name,
                                    signatory->signed_date);
    }

  return g_steal_pointer (&document);
}

GBytes *
tavla_agreement_export (TavlaAgreement    *agreement,
                        TavlaExportFormat  format,
                        GError           **error)
{
  g_autoptr(TavlaDocument) document = NULL;

  g_return_val_if_fail (TAVLA_IS_AGREEMENT (agreement), NULL);

  document = tavla_agreement_build_document (agreement);
  return tavla_document_render (document, format, error);
}

gboolean
tavla_agreement_export_to_file (TavlaAgreement    *agreement,
                                TavlaExportFormat  format,
                                GFile             *file,
                                GError           **error)
{
  g_autoptr(TavlaDocument) document = NULL;

  g_return_val_if_fail (TAVLA_IS_AGREEMENT (agreement), FALSE);

  document = tavla_agreement_build_document (agreement);
  return tavla_document_render_to_file (document, format, file, error);
}
