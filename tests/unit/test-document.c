/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>

#include "test-common.h"

/*
 * The printable document shared by the agreement, the audit report,
 * agendas, minutes and the period report: every block in every format,
 * with user text that tries to be markup.
 */

#define HOSTILE "<script>alert('x')</script> & *fet* [länk] | rad"

static TavlaDocument *
build_all_blocks (void)
{
  TavlaDocument *document = tavla_document_new ("Rapport " HOSTILE);
  const char *headings[] = { "Namn", "Värde <i>" };
  const char *row[] = { HOSTILE, NULL };
  const char *labels[] = { "v. 45", "v. 46", "v. 47", "v. 48" };
  const double values[] = { 93.5, NAN, 96.0, 91.2 };
  TavlaDocumentChart chart = { .caption = "Svarsfrekvens " HOSTILE, .labels = labels, .values = values,
                               .n_points = 4, .target = 95.0 };

  tavla_document_add_subtitle (document, "Vecka 49\n" HOSTILE);
  tavla_document_add_heading (document, "Rubrik " HOSTILE);
  tavla_document_add_subheading (document, "Underrubrik " HOSTILE);
  tavla_document_add_paragraph (document, "Första stycket " HOSTILE "\n\n- inte en lista\n# ingen rubrik");
  tavla_document_add_note (document, "Inget att rapportera " HOSTILE);
  tavla_document_add_notice (document, "Observera " HOSTILE);
  tavla_document_add_fact (document, "Etikett " HOSTILE, "Värde " HOSTILE);
  tavla_document_add_toned_fact (document, TAVLA_TONE_RED, "Ljus", "Röd");
  tavla_document_add_bullet (document, TAVLA_TONE_GREEN, "Punkt " HOSTILE);
  tavla_document_add_bullet (document, TAVLA_TONE_NONE, "Punkt utan färg");
  tavla_document_add_table (document, 2, headings, NULL);
  tavla_document_add_row (document, TAVLA_TONE_YELLOW, row);
  tavla_document_add_chart (document, &chart);
  tavla_document_add_signature (document, "Förvaltningen", "Eva Lundgren, " HOSTILE, NULL);

  return document;
}

static char *
render (TavlaDocument     *document,
        TavlaExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = tavla_document_render (document, format, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_html (void)
{
  g_autoptr(TavlaDocument) document = build_all_blocks ();
  g_autofree char *html = render (document, TAVLA_EXPORT_HTML);

  /* No user text became a tag. */
  g_assert_null (strstr (html, "<script>"));
  g_assert_null (strstr (html, "<i>"));
  g_assert_nonnull (strstr (html, "<title>Rapport &lt;script&gt;"));
  g_assert_nonnull (strstr (html, "<h1>Rapport &lt;script&gt;"));
  g_assert_nonnull (strstr (html, "<p class=\"subtitle\">Vecka 49<br>\n&lt;script&gt;"));
  g_assert_nonnull (strstr (html, "<h2>Rubrik &lt;script&gt;"));
  g_assert_nonnull (strstr (html, "<h3>Underrubrik &lt;script&gt;"));
  g_assert_nonnull (strstr (html, "<p>- inte en lista<br>\n# ingen rubrik</p>"));
  g_assert_nonnull (strstr (html, "<dl class=\"facts\">\n<dt>Etikett &lt;script&gt;"));
  g_assert_nonnull (strstr (html, "<dt>Ljus</dt><dd><span class=\"dot red\"></span>Röd</dd>\n</dl>"));
  g_assert_nonnull (strstr (html, "<ul>\n<li><span class=\"dot green\"></span>Punkt &lt;script&gt;"));
  g_assert_nonnull (strstr (html, "<li>Punkt utan färg</li>\n</ul>"));
  g_assert_nonnull (strstr (html, "<th>Värde &lt;i&gt;</th>"));
  g_assert_nonnull (strstr (html, "<tr><td><span class=\"dot yellow\"></span>&lt;script&gt;"));
  g_assert_nonnull (strstr (html, "</tbody>\n</table>"));
  /* The chart: a target line and one polyline over the known points. */
  g_assert_nonnull (strstr (html, "<svg"));
  g_assert_nonnull (strstr (html, "stroke-dasharray"));
  g_assert_nonnull (strstr (html, "<polyline"));
  g_assert_nonnull (strstr (html, "<figcaption>Svarsfrekvens &lt;script&gt;"));
  g_assert_nonnull (strstr (html, "<div class=\"signatures\">\n<div class=\"signature\">"));
  g_assert_nonnull (strstr (html, "@page { size: A4"));
}

static void
test_markdown (void)
{
  g_autoptr(TavlaDocument) document = build_all_blocks ();
  g_autofree char *markdown = render (document, TAVLA_EXPORT_MARKDOWN);

  g_assert_null (strstr (markdown, "<script>"));
  g_assert_nonnull (strstr (markdown, "# Rapport &lt;script&gt;alert('x')&lt;/script&gt; &amp; \\*fet\\* "
                                      "\\[länk\\] \\| rad\n"));
  g_assert_nonnull (strstr (markdown, "## Rubrik "));
  g_assert_nonnull (strstr (markdown, "### Underrubrik "));
  /* Line starts that would make a list or heading are escaped. */
  g_assert_nonnull (strstr (markdown, "\n\\- inte en lista\n\\# ingen rubrik\n"));
  g_assert_nonnull (strstr (markdown, "*Inget att rapportera "));
  g_assert_nonnull (strstr (markdown, "> **Observera "));
  g_assert_nonnull (strstr (markdown, "- **Etikett &lt;script&gt;"));
  g_assert_nonnull (strstr (markdown, "- **Ljus:** Röd\n\n- Punkt"));
  g_assert_nonnull (strstr (markdown, "| Namn | Värde &lt;i&gt; |\n| --- | --- |\n| &lt;script&gt;"));
  g_assert_nonnull (strstr (markdown, "*Svarsfrekvens "));
}

static void
test_pdf (void)
{
  g_autoptr(TestTmpdir) dir = test_tmpdir_new ();
  g_autoptr(TavlaDocument) document = build_all_blocks ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "dokument.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { NULL, path, "-", NULL };
  int status = 0;

  file = g_file_new_for_path (path);
  g_assert_true (tavla_document_render_to_file (document, TAVLA_EXPORT_PDF, file, &error));
  g_assert_no_error (error);

  g_assert_nonnull (pdftotext);
  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &status,
                               &error));
  g_assert_no_error (error);
  /* Pango never read the text as markup: it is there as typed. */
  g_assert_nonnull (strstr (text, "Rubrik <script>alert('x')</script> & *fet* [länk] | rad"));
  g_assert_nonnull (strstr (text, "Värde <i>"));
  g_assert_nonnull (strstr (text, "Eva Lundgren"));
  g_assert_nonnull (strstr (text, "v. 48"));
  g_assert_nonnull (strstr (text, "page 1 of"));
}

/* A long document breaks into pages, each with its footer. */
static void
test_pages (void)
{
  g_autoptr(TavlaDocument) document = tavla_document_new ("Lång");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *headings[] = { "Nr", "Text" };

  tavla_document_add_table (document, 2, headings, NULL);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);
      const char *cells[] = { number, "En rad i en lång tabell" };

      tavla_document_add_row (document, TAVLA_TONE_NONE, cells);
    }

  bytes = tavla_document_render (document, TAVLA_EXPORT_PDF, &error);
  g_assert_no_error (error);
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *cr = cairo_create (surface);
    guint n_pages = tavla_document_paginate (document, cr, 595.28, 841.89);

    g_assert_cmpuint (n_pages, >=, 4);
    for (guint page = 0; page < n_pages; page++)
      tavla_document_draw_page (document, cr, page);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

int
main (int   argc,
      char *argv[])
{
  test_common_init (&argc, &argv);

  g_test_add_func ("/document/html", test_html);
  g_test_add_func ("/document/markdown", test_markdown);
  g_test_add_func ("/document/pdf", test_pdf);
  g_test_add_func ("/document/pages", test_pages);

  return g_test_run ();
}
