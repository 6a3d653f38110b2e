/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tavla-board-agreements.h"
#include "tavla-date.h"
#include "tavla-error.h"

/*
 * An agreement as a document to sign: Markdown, HTML (with an A4 print
 * stylesheet) and PDF (A4, cairo and pango). The three share one outline:
 * title, facts, sections, the case types as a table, signature lines.
 * Every text that users wrote is escaped for the format.
 */

#define A4_WIDTH  595.28
#define A4_HEIGHT 841.89
#define MARGIN    56.0     /* 2 cm */

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

/* ---- Markdown --------------------------------------------------------------- */

/* Escapes Markdown's punctuation so that user text shows as typed: the
 * inline markers everywhere, list and heading markers at the start of a
 * line, and <, >, & as entities so that no HTML gets through. In a table
 * cell, line breaks become spaces. */
static void
append_markdown_text (GString    *out,
                      const char *text,
                      gboolean    in_cell)
{
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (line_start && !in_cell)
        {
          const char *q = p;

          while (*q == ' ' || *q == '\t')
            g_string_append_c (out, *q++);
          p = q;
          if (*p == '\0')
            break;
          if (*p == '-' || *p == '+' || *p == '=' || *p == '#')
            g_string_append_c (out, '\\');
          else if (g_ascii_isdigit (*p))
            {
              while (g_ascii_isdigit (*p))
                g_string_append_c (out, *p++);
              if (*p == '.' || *p == ')')
                g_string_append_c (out, '\\');
              if (*p == '\0')
                break;
            }
        }
      line_start = FALSE;

      if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '>')
        g_string_append (out, "&gt;");
      else if (*p == '&')
        g_string_append (out, "&amp;");
      else if (strchr ("\\`*_[]|~", *p) != NULL)
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else if (*p == '\n')
        {
          g_string_append_c (out, in_cell ? ' ' : '\n');
          line_start = TRUE;
        }
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
}

static GBytes *
export_markdown (TavlaAgreement *agreement)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) facts = collect_facts (agreement);
  GPtrArray *case_types = tavla_agreement_get_case_types (agreement);
  GPtrArray *signatories = tavla_agreement_get_signatories (agreement);
  const char *headings[6];

  g_string_append_printf (out, "# %s: ", document_title ());
  append_markdown_text (out, tavla_agreement_get_department (agreement), TRUE);
  g_string_append (out, "\n\n");

  for (guint i = 0; i < facts->len; i++)
    {
      Fact *fact = &g_array_index (facts, Fact, i);

      g_string_append_printf (out, "- **%s:** ", fact->label);
      append_markdown_text (out, fact->value, TRUE);
      g_string_append_c (out, '\n');
    }
  if (tavla_agreement_get_revision_needed (agreement))
    g_string_append_printf (out, "\n> **%s**\n", revision_notice ());

  for (guint i = 0; i < TAVLA_N_SECTIONS; i++)
    {
      const char *text = tavla_agreement_get_section (agreement, i);

      g_string_append_printf (out, "\n## %u. %s\n\n", i + 1, tavla_section_get_label (i));
      if (*text == '\0')
        g_string_append_printf (out, "*%s*\n", empty_section ());
      else
        {
          append_markdown_text (out, text, FALSE);
          g_string_append_c (out, '\n');
        }

      if (i == TAVLA_SECTION_CASE_TYPES && case_types->len > 0)
        {
          case_type_headings (headings);
          g_string_append (out, "\n|");
          for (guint c = 0; c < 6; c++)
            g_string_append_printf (out, " %s |", headings[c]);
          g_string_append (out, "\n|");
          for (guint c = 0; c < 6; c++)
            g_string_append (out, " --- |");
          g_string_append_c (out, '\n');

          for (guint r = 0; r < case_types->len; r++)
            {
              char *cells[6] = { NULL };

              case_type_cells (g_ptr_array_index (case_types, r), cells);
              g_string_append_c (out, '|');
              for (guint c = 0; c < 6; c++)
                {
                  g_string_append_c (out, ' ');
                  append_markdown_text (out, cells[c], TRUE);
                  g_string_append (out, " |");
                }
              g_string_append_c (out, '\n');
              cells_clear (cells);
            }
        }
    }

  g_string_append_printf (out, "\n## %s\n", _("Signatures"));
  for (guint i = 0; i < signatories->len; i++)
    {
      const TavlaSignatory *signatory = g_ptr_array_index (signatories, i);

      g_string_append_printf (out, "\n%s\n\n", tavla_party_get_label (signatory->party));
      g_string_append (out, "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n\n");
      append_markdown_text (out, signatory->name, TRUE);
      g_string_append (out, ", ");
      append_markdown_text (out, signatory->role, TRUE);
      g_string_append_printf (out, "  \n%s: %s\n", _("Date"),
                              signatory->signed_date != NULL ? signatory->signed_date : "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_");
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* ---- HTML ----------------------------------------------------------------- */

static const char html_style[] =
  "@page { size: A4; margin: 2cm; }\n"
  "body { font-family: \"Cantarell\", \"DejaVu Sans\", sans-serif; font-size: 11pt; line-height: 1.4;"
  " color: #000; max-width: 17cm; margin: 2cm auto; }\n"
  "h1 { font-size: 18pt; margin: 0 0 0.5em; }\n"
  "h2 { font-size: 13pt; margin: 1.4em 0 0.4em; page-break-after: avoid; break-after: avoid; }\n"
  "dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }\n"
  "dl.facts dt { font-weight: bold; }\n"
  "dl.facts dd { margin: 0; }\n"
  ".notice { border: 1pt solid #000; padding: 0.5em; font-weight: bold; }\n"
  ".empty { font-style: italic; color: #555; }\n"
  "table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin-top: 0.6em; }\n"
  "th, td { border: 0.5pt solid #444; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }\n"
  "tr { page-break-inside: avoid; break-inside: avoid; }\n"
  ".signatures { display: flex; flex-wrap: wrap; gap: 2em; margin-top: 1em;"
  " page-break-inside: avoid; break-inside: avoid; }\n"
  ".signature { width: 7.5cm; }\n"
  ".signature .line { border-bottom: 1pt solid #000; height: 2.5em; margin-bottom: 0.3em; }\n"
  "@media print { body { margin: 0; max-width: none; } }\n";

static void
append_html (GString    *out,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* Paragraphs at blank lines, <br> at single line breaks. */
static void
append_html_paragraphs (GString    *out,
                        const char *text)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n", text, 0, 0);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = NULL;

      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] == '\0')
        continue;

      lines = g_strsplit (paragraphs[i], "\n", -1);
      g_string_append (out, "<p>");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (out, "<br>\n");
          append_html (out, lines[j]);
        }
      g_string_append (out, "</p>\n");
    }
}

static GBytes *
export_html (TavlaAgreement *agreement)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) facts = collect_facts (agreement);
  g_autofree char *title = tavla_agreement_dup_title (agreement);
  GPtrArray *case_types = tavla_agreement_get_case_types (agreement);
  GPtrArray *signatories = tavla_agreement_get_signatories (agreement);
  const char *headings[6];

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  /* Translators: the language code of the exported documents */
  append_html (out, C_("html lang", "en"));
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
  append_html (out, document_title ());
  g_string_append (out, ": ");
  append_html (out, title);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, html_style);
  g_string_append (out, "</style>\n</head>\n<body>\n<h1>");
  append_html (out, document_title ());
  g_string_append (out, ": ");
  append_html (out, tavla_agreement_get_department (agreement));
  g_string_append (out, "</h1>\n<dl class=\"facts\">\n");

  for (guint i = 0; i < facts->len; i++)
    {
      Fact *fact = &g_array_index (facts, Fact, i);

      g_string_append (out, "<dt>");
      append_html (out, fact->label);
      g_string_append (out, "</dt><dd>");
      append_html (out, fact->value);
      g_string_append (out, "</dd>\n");
    }
  g_string_append (out, "</dl>\n");

  if (tavla_agreement_get_revision_needed (agreement))
    {
      g_string_append (out, "<p class=\"notice\">");
      append_html (out, revision_notice ());
      g_string_append (out, "</p>\n");
    }

  for (guint i = 0; i < TAVLA_N_SECTIONS; i++)
    {
      const char *text = tavla_agreement_get_section (agreement, i);

      g_string_append_printf (out, "<section id=\"%s\">\n<h2>%u. ", tavla_section_to_string (i), i + 1);
      append_html (out, tavla_section_get_label (i));
      g_string_append (out, "</h2>\n");
      if (*text == '\0')
        {
          g_string_append (out, "<p class=\"empty\">");
          append_html (out, empty_section ());
          g_string_append (out, "</p>\n");
        }
      else
        append_html_paragraphs (out, text);

      if (i == TAVLA_SECTION_CASE_TYPES && case_types->len > 0)
        {
          case_type_headings (headings);
          g_string_append (out, "<table>\n<thead><tr>");
          for (guint c = 0; c < 6; c++)
            {
              g_string_append (out, "<th>");
              append_html (out, headings[c]);
              g_string_append (out, "</th>");
            }
          g_string_append (out, "</tr></thead>\n<tbody>\n");
          for (guint r = 0; r < case_types->len; r++)
            {
              char *cells[6] = { NULL };

              case_type_cells (g_ptr_array_index (case_types, r), cells);
              g_string_append (out, "<tr>");
              for (guint c = 0; c < 6; c++)
                {
                  g_string_append (out, "<td>");
                  append_html (out, cells[c]);
                  g_string_append (out, "</td>");
                }
              g_string_append (out, "</tr>\n");
              cells_clear (cells);
            }
          g_string_append (out, "</tbody>\n</table>\n");
        }
      g_string_append (out, "</section>\n");
    }

  g_string_append (out, "<section id=\"signatures\">\n<h2>");
  append_html (out, _("Signatures"));
  g_string_append (out, "</h2>\n<div class=\"signatures\">\n");
  for (guint i = 0; i < signatories->len; i++)
    {
      const TavlaSignatory *signatory = g_ptr_array_index (signatories, i);

      g_string_append (out, "<div class=\"signature\">\n<p>");
      append_html (out, tavla_party_get_label (signatory->party));
      g_string_append (out, "</p>\n<div class=\"line\"></div>\n<p>");
      append_html (out, signatory->name);
      g_string_append (out, "<br>\n");
      append_html (out, signatory->role);
      g_string_append (out, "<br>\n");
      append_html (out, _("Date"));
      g_string_append (out, ": ");
      append_html (out, signatory->signed_date != NULL ? signatory->signed_date : "____________");
      g_string_append (out, "</p>\n</div>\n");
    }
  g_string_append (out, "</div>\n</section>\n</body>\n</html>\n");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* ---- PDF and printing ------------------------------------------------------ */

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_NOTICE,
  BLOCK_ROW,
  BLOCK_HEADER_ROW,
  BLOCK_SIGNATURE,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *markup;          /* text, heading, notice, signature */
  char      *cells[6];        /* rows */
  double     height;          /* after layout */
  guint      page;
  double     y;
} Block;

static void
block_free (Block *block)
{
  g_free (block->markup);
  cells_clear (block->cells);
  g_free (block);
}

struct _TavlaAgreementDocument
{
  TavlaAgreement *agreement;
  GPtrArray      *blocks;
  char           *footer;
  double          width;
  double          height;
  guint           n_pages;
};

static const double column_share[6] = { 0.20, 0.15, 0.11, 0.23, 0.15, 0.16 };

static void
add_block (TavlaAgreementDocument *document,
           BlockKind               kind,
           char                   *markup)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->markup = markup;
  g_ptr_array_add (document->blocks, block);
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text, -1);
}

TavlaAgreementDocument *
tavla_agreement_document_new (TavlaAgreement *agreement)
{
  TavlaAgreementDocument *document = NULL;
  g_autoptr(GArray) facts = NULL;
  g_autofree char *title = NULL;
  GPtrArray *case_types = NULL;
  GPtrArray *signatories = NULL;
  GString *facts_markup = NULL;

  g_return_val_if_fail (TAVLA_IS_AGREEMENT (agreement), NULL);

  document = g_new0 (TavlaAgreementDocument, 1);
  document->agreement = g_object_ref (agreement);
  document->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  title = tavla_agreement_dup_title (agreement);
  document->footer = g_strdup_printf ("%s: %s", document_title (), title);

  /* Translations are text too: everything that reaches Pango markup is escaped. */
  add_block (document, BLOCK_TITLE, g_markup_printf_escaped ("%s: %s", document_title (),
                                                            tavla_agreement_get_department (agreement)));

  facts = collect_facts (agreement);
  facts_markup = g_string_new (NULL);
  for (guint i = 0; i < facts->len; i++)
    {
      Fact *fact = &g_array_index (facts, Fact, i);
      g_autofree char *label = escape (fact->label);
      g_autofree char *value = escape (fact->value);

      g_string_append_printf (facts_markup, "%s<b>%s:</b> %s", i > 0 ? "\n" : "", label, value);
    }
  add_block (document, BLOCK_TEXT, g_string_free (facts_markup, FALSE));

  if (tavla_agreement_get_revision_needed (agreement))
    add_block (document, BLOCK_NOTICE, escape (revision_notice ()));

  case_types = tavla_agreement_get_case_types (agreement);
  for (guint i = 0; i < TAVLA_N_SECTIONS; i++)
    {
      const char *text = tavla_agreement_get_section (agreement, i);
      g_autofree char *label = escape (tavla_section_get_label (i));

      add_block (document, BLOCK_HEADING, g_strdup_printf ("%u. %s", i + 1, label));
      if (*text == '\0')
        add_block (document, BLOCK_TEXT, g_markup_printf_escaped ("<i>%s</i>", empty_section ()));
      else
        {
          g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n", text, 0, 0);

          for (guint p = 0; paragraphs[p] != NULL; p++)
            {
              g_strstrip (paragraphs[p]);
              if (*paragraphs[p] != '\0')
                add_block (document, BLOCK_TEXT, escape (paragraphs[p]));
            }
        }

      if (i == TAVLA_SECTION_CASE_TYPES && case_types->len > 0)
        {
          const char *headings[6];
          Block *header = g_new0 (Block, 1);

          case_type_headings (headings);
          header->kind = BLOCK_HEADER_ROW;
          for (guint c = 0; c < 6; c++)
            header->cells[c] = g_markup_printf_escaped ("<b>%s</b>", headings[c]);
          g_ptr_array_add (document->blocks, header);

          for (guint r = 0; r < case_types->len; r++)
            {
              Block *row = g_new0 (Block, 1);
              char *cells[6] = { NULL };

              row->kind = BLOCK_ROW;
              case_type_cells (g_ptr_array_index (case_types, r), cells);
              for (guint c = 0; c < 6; c++)
                row->cells[c] = escape (cells[c]);
              cells_clear (cells);
              g_ptr_array_add (document->blocks, row);
            }
        }
    }

  add_block (document, BLOCK_HEADING, escape (_("Signatures")));
  signatories = tavla_agreement_get_signatories (agreement);
  for (guint i = 0; i < signatories->len; i++)
    {
      const TavlaSignatory *signatory = g_ptr_array_index (signatories, i);
      g_autofree char *party = escape (tavla_party_get_label (signatory->party));
      g_autofree char *name = escape (signatory->name);
      g_autofree char *role = escape (signatory->role);
      g_autofree char *date_label = escape (_("Date"));

      add_block (document, BLOCK_SIGNATURE,
                 g_strdup_printf ("%s\n\n\n%s, %s\n%s: %s", party, name, role, date_label,
                                  signatory->signed_date != NULL ? signatory->signed_date : "____________"));
    }

  return document;
}

void
tavla_agreement_document_free (TavlaAgreementDocument *document)
{
  if (document == NULL)
    return;

  g_clear_object (&document->agreement);
  g_clear_pointer (&document->blocks, g_ptr_array_unref);
  g_free (document->footer);
  g_free (document);
}

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *markup,
            double      width,
            double      size,
            gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* Space above a block, its font size, boldness. */
static void
block_style (BlockKind  kind,
             double    *space,
             double    *size,
             gboolean  *bold)
{
  *bold = FALSE;
  switch (kind)
    {
    case BLOCK_TITLE:
      *space = 0;
      *size = 18;
      *bold = TRUE;
      break;
    case BLOCK_HEADING:
      *space = 14;
      *size = 12.5;
      *bold = TRUE;
      break;
    case BLOCK_NOTICE:
      *space = 8;
      *size = 10.5;
      *bold = TRUE;
      break;
    case BLOCK_ROW:
    case BLOCK_HEADER_ROW:
      *space = 0;
      *size = 8.5;
      break;
    case BLOCK_SIGNATURE:
      *space = 18;
      *size = 10.5;
      break;
    case BLOCK_TEXT:
    default:
      *space = 6;
      *size = 10.5;
      break;
    }
}

#define CELL_PADDING 3.0

static double
row_height (cairo_t *cr,
            Block   *block,
            double   width,
            double   size)
{
  double height = 0;

  for (guint c = 0; c < 6; c++)
    {
      g_autoptr(PangoLayout) layout = new_layout (cr, block->cells[c], width * column_share[c] - 2 * CELL_PADDING,
                                                  size, FALSE);

      height = MAX (height, layout_height (layout));
    }

  return height + 2 * CELL_PADDING;
}

guint
tavla_agreement_document_paginate (TavlaAgreementDocument *document,
                                   gpointer                cr_pointer,
                                   double                  width,
                                   double                  height)
{
  cairo_t *cr = cr_pointer;
  double content_width = width - 2 * MARGIN;
  double bottom = height - MARGIN - 20;
  double y = MARGIN;
  guint page = 0;

  g_return_val_if_fail (document != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  document->width = width;
  document->height = height;

  for (guint i = 0; i < document->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (document->blocks, i);
      double space = 0;
      double size = 0;
      gboolean bold = FALSE;
      double needed = 0;

      block_style (block->kind, &space, &size, &bold);
      if (block->kind == BLOCK_ROW || block->kind == BLOCK_HEADER_ROW)
        block->height = row_height (cr, block, content_width, size);
      else
        {
          g_autoptr(PangoLayout) layout = new_layout (cr, block->markup,
                                                      block->kind == BLOCK_SIGNATURE
                                                      ? content_width / 2 : content_width,
                                                      size, bold);

          block->height = layout_height (layout) + (block->kind == BLOCK_NOTICE ? 8 : 0);
        }

      needed = space + block->height;
      /* Keep a heading with what follows it. */
      if (block->kind == BLOCK_HEADING && i + 1 < document->blocks->len)
        needed += 40;

      if (y + needed > bottom && y > MARGIN)
        {
          page++;
          y = MARGIN;
          space = 0;
        }

      block->page = page;
      block->y = y + space;
      y = block->y + block->height;
    }

  document->n_pages = page + 1;
  return document->n_pages;
}

void
tavla_agreement_document_draw_page (TavlaAgreementDocument *document,
                                    gpointer                cr_pointer,
                                    guint                   page)
{
  cairo_t *cr = cr_pointer;
  double content_width = 0;
  g_autofree char *footer_text = NULL;
  g_autofree char *footer_markup = NULL;
  g_autoptr(PangoLayout) footer = NULL;

  g_return_if_fail (document != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (document->n_pages > 0);

  content_width = document->width - 2 * MARGIN;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < document->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (document->blocks, i);
      double space = 0;
      double size = 0;
      gboolean bold = FALSE;

      if (block->page != page)
        continue;

      block_style (block->kind, &space, &size, &bold);

      if (block->kind == BLOCK_ROW || block->kind == BLOCK_HEADER_ROW)
        {
          double x = MARGIN;

          if (block->kind == BLOCK_HEADER_ROW)
            {
              cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
              cairo_rectangle (cr, MARGIN, block->y, content_width, block->height);
              cairo_fill (cr);
              cairo_set_source_rgb (cr, 0, 0, 0);
            }

          for (guint c = 0; c < 6; c++)
            {
              double cell_width = content_width * column_share[c];
              g_autoptr(PangoLayout) layout = new_layout (cr, block->cells[c], cell_width - 2 * CELL_PADDING,
                                                          size, FALSE);

              cairo_set_line_width (cr, 0.5);
              cairo_rectangle (cr, x, block->y, cell_width, block->height);
              cairo_stroke (cr);
              cairo_move_to (cr, x + CELL_PADDING, block->y + CELL_PADDING);
              pango_cairo_show_layout (cr, layout);
              x += cell_width;
            }
        }
      else
        {
          double layout_width = block->kind == BLOCK_SIGNATURE ? content_width / 2 : content_width;
          g_autoptr(PangoLayout) layout = new_layout (cr, block->markup, layout_width, size, bold);

          if (block->kind == BLOCK_NOTICE)
            {
              cairo_set_line_width (cr, 1.0);
              cairo_rectangle (cr, MARGIN, block->y, content_width, block->height);
              cairo_stroke (cr);
              cairo_move_to (cr, MARGIN + 4, block->y + 4);
            }
          else
            cairo_move_to (cr, MARGIN, block->y);
          pango_cairo_show_layout (cr, layout);

          if (block->kind == BLOCK_SIGNATURE)
            {
              /* The line to sign on, in the blank lines under the party. */
              PangoLayoutIter *iter = pango_layout_get_iter (layout);
              PangoRectangle extents;
              double line_y = 0;

              pango_layout_iter_next_line (iter);
              pango_layout_iter_next_line (iter);
              pango_layout_iter_get_line_extents (iter, NULL, &extents);
              line_y = block->y + (double) (extents.y + extents.height) / PANGO_SCALE;
              pango_layout_iter_free (iter);

              cairo_set_line_width (cr, 0.8);
              cairo_move_to (cr, MARGIN, line_y);
              cairo_line_to (cr, MARGIN + layout_width * 0.9, line_y);
              cairo_stroke (cr);
            }
        }
    }

  footer_text = g_strdup_printf (_("%s — page %u of %u"), document->footer, page + 1, document->n_pages);
  footer_markup = escape (footer_text);
  footer = new_layout (cr, footer_markup, content_width, 8, FALSE);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, MARGIN, document->height - MARGIN);
  pango_cairo_show_layout (cr, footer);

  cairo_restore (cr);
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
export_pdf (TavlaAgreement  *agreement,
            GError         **error)
{
  g_autoptr(TavlaAgreementDocument) document = tavla_agreement_document_new (agreement);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = tavla_agreement_dup_title (agreement);
  cairo_surface_t *surface = NULL;
  cairo_t *cr = NULL;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  guint n_pages = 0;

  surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tavla");
  cr = cairo_create (surface);

  n_pages = tavla_agreement_document_paginate (document, cr, A4_WIDTH, A4_HEIGHT);
  for (guint page = 0; page < n_pages; page++)
    {
      tavla_agreement_document_draw_page (document, cr, page);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

GBytes *
tavla_agreement_export (TavlaAgreement    *agreement,
                        TavlaExportFormat  format,
                        GError           **error)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT (agreement), NULL);

  switch (format)
    {
    case TAVLA_EXPORT_MARKDOWN:
      return export_markdown (agreement);
    case TAVLA_EXPORT_HTML:
      return export_html (agreement);
    case TAVLA_EXPORT_PDF:
      return export_pdf (agreement, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
tavla_agreement_export_to_file (TavlaAgreement    *agreement,
                                TavlaExportFormat  format,
                                GFile             *file,
                                GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data = NULL;

  g_return_val_if_fail (TAVLA_IS_AGREEMENT (agreement), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((bytes = tavla_agreement_export (agreement, format, error)) == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);

  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
