/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tavla-document.h"

/*
 * One outline, three formats. The builders of the agreement, the audit
 * report, agendas, minutes and the period report add blocks of plain text;
 * each renderer escapes every text for its format, so no user text (and no
 * translation) can add a tag to the HTML, change the Markdown or be read
 * as Pango markup.
 */

#define A4_WIDTH      595.28
#define A4_HEIGHT     841.89
#define MARGIN        56.0     /* 2 cm */
#define CELL_PADDING  3.0
#define MAX_COLUMNS   8
#define CHART_HEIGHT  90.0
#define DOT_SIZE      7.0

typedef enum
{
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_HEADING,
  BLOCK_SUBHEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_NOTICE,
  BLOCK_FACT,
  BLOCK_BULLET,
  BLOCK_TABLE,
  BLOCK_ROW,
  BLOCK_CHART,
  BLOCK_SIGNATURE,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  TavlaTone  tone;
  char      *text;                 /* most blocks; the fact's label */
  char      *value;                /* fact value; signature name */
  char      *extra;                /* signature date */
  guint      n_cells;
  char      *cells[MAX_COLUMNS];   /* table headings, row cells */
  double     shares[MAX_COLUMNS];  /* table and row: column widths */
  /* Chart */
  GStrv      labels;
  double    *values;
  guint      n_points;
  double     target;
  /* Layout */
  double     height;
  guint      page;
  double     y;
} Block;

struct _TavlaDocument
{
  char      *title;
  GPtrArray *blocks;
  Block     *table;               /* the table rows go to, borrowed */
  double     width;
  double     height;
  guint      n_pages;
};

static void
block_free (Block *block)
{
  g_free (block->text);
  g_free (block->value);
  g_free (block->extra);
  for (guint i = 0; i < MAX_COLUMNS; i++)
    g_free (block->cells[i]);
  g_strfreev (block->labels);
  g_free (block->values);
  g_free (block);
}

static Block *
add_block (TavlaDocument *self,
           BlockKind      kind,
           const char    *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (self->blocks, block);
  if (kind != BLOCK_ROW)
    self->table = NULL;

  return block;
}

/* ---- Building ------------------------------------------------------------ */

TavlaDocument *
tavla_document_new (const char *title)
{
  TavlaDocument *self = g_new0 (TavlaDocument, 1);

  self->title = g_strdup (title != NULL ? title : "");
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  add_block (self, BLOCK_TITLE, self->title);

  return self;
}

void
tavla_document_free (TavlaDocument *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->blocks);
  g_free (self->title);
  g_free (self);
}

const char *
tavla_document_get_title (TavlaDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

void
tavla_document_add_subtitle (TavlaDocument *self,
                             const char    *text)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_SUBTITLE, text);
}

void
tavla_document_add_heading (TavlaDocument *self,
                            const char    *text)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_HEADING, text);
}

void
tavla_document_add_subheading (TavlaDocument *self,
                               const char    *text)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_SUBHEADING, text);
}

void
tavla_document_add_paragraph (TavlaDocument *self,
                              const char    *text)
{
  g_auto(GStrv) paragraphs = NULL;

  g_return_if_fail (self != NULL);

  if (text == NULL)
    return;

  paragraphs = g_regex_split_simple ("\\r?\\n[ \\t]*\\r?\\n", text, 0, 0);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (*paragraphs[i] != '\0')
        add_block (self, BLOCK_PARAGRAPH, paragraphs[i]);
    }
}

void
tavla_document_add_note (TavlaDocument *self,
                         const char    *text)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_NOTE, text);
}

void
tavla_document_add_notice (TavlaDocument *self,
                           const char    *text)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_NOTICE, text);
}

void
tavla_document_add_fact (TavlaDocument *self,
                         const char    *label,
                         const char    *value)
{
  Block *block = NULL;

  g_return_if_fail (self != NULL);

  block = add_block (self, BLOCK_FACT, label);
  block->value = g_strdup (value != NULL ? value : "");
}

void
tavla_document_add_toned_fact (TavlaDocument *self,
                               TavlaTone      tone,
                               const char    *label,
                               const char    *value)
{
  g_return_if_fail (self != NULL);

  tavla_document_add_fact (self, label, value);
  ((Block *) g_ptr_array_index (self->blocks, self->blocks->len - 1))->tone = tone;
}

void
tavla_document_add_bullet (TavlaDocument *self,
                           TavlaTone      tone,
                           const char    *text)
{
  g_return_if_fail (self != NULL);
  add_block (self, BLOCK_BULLET, text)->tone = tone;
}

void
tavla_document_add_table (TavlaDocument      *self,
                          guint               n_columns,
                          const char * const *headings,
                          const double       *shares)
{
  Block *block = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (n_columns >= 1 && n_columns <= MAX_COLUMNS);
  g_return_if_fail (headings != NULL);

  block = add_block (self, BLOCK_TABLE, NULL);
  block->n_cells = n_columns;
  for (guint i = 0; i < n_columns; i++)
    {
      block->cells[i] = g_strdup (headings[i] != NULL ? headings[i] : "");
      block->shares[i] = shares != NULL ? shares[i] : 1.0 / n_columns;
    }
  self->table = block;
}

void
tavla_document_add_row (TavlaDocument      *self,
                        TavlaTone           tone,
                        const char * const *cells)
{
  Block *table = NULL;
  Block *block = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->table != NULL);
  g_return_if_fail (cells != NULL);

  table = self->table;
  block = add_block (self, BLOCK_ROW, NULL);
  block->tone = tone;
  block->n_cells = table->n_cells;
  for (guint i = 0; i < table->n_cells; i++)
    {
      block->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
      block->shares[i] = table->shares[i];
    }
}

void
tavla_document_add_chart (TavlaDocument            *self,
                          const TavlaDocumentChart *chart)
{
  Block *block = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (chart != NULL);
  g_return_if_fail (chart->n_points == 0 || (chart->labels != NULL && chart->values != NULL));

  block = add_block (self, BLOCK_CHART, chart->caption);
  block->n_points = chart->n_points;
  block->labels = g_new0 (char *, chart->n_points + 1);
  for (guint i = 0; i < chart->n_points; i++)
    block->labels[i] = g_strdup (chart->labels[i] != NULL ? chart->labels[i] : "");
  block->values = g_memdup2 (chart->values, sizeof (double) * MAX (chart->n_points, 1));
  block->target = chart->target;
}

void
tavla_document_add_signature (TavlaDocument *self,
                              const char    *party,
                              const char    *name,
                              const char    *date)
{
  Block *block = NULL;

  g_return_if_fail (self != NULL);

  block = add_block (self, BLOCK_SIGNATURE, party);
  block->value = g_strdup (name != NULL ? name : "");
  block->extra = g_strdup (date);
}

/* ---- Markdown -------------------------------------------------------------- */

/* Escapes Markdown's punctuation so that user text shows as typed: the
 * inline markers everywhere, list and heading markers at the start of a
 * line, and <, >, & as entities so that no HTML gets through. In a table
 * cell (or any one-line place), line breaks become spaces. */
static void
append_markdown (GString    *out,
                 const char *text,
                 gboolean    one_line)
{
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (line_start && !one_line)
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
          g_string_append_c (out, one_line ? ' ' : '\n');
          line_start = TRUE;
        }
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
}

static const char markdown_rule[] =
  "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_";

static void
render_markdown_block (GString *out,
                       Block   *block,
                       Block   *previous)
{
  gboolean in_list = previous != NULL && previous->kind == block->kind &&
                     (block->kind == BLOCK_FACT || block->kind == BLOCK_BULLET);

  if (block->kind != BLOCK_ROW && !in_list && out->len > 0)
    g_string_append_c (out, '\n');

  switch (block->kind)
    {
    case BLOCK_TITLE:
      g_string_append (out, "# ");
      append_markdown (out, block->text, TRUE);
      g_string_append_c (out, '\n');
      break;
    case BLOCK_SUBTITLE:
      append_markdown (out, block->text, FALSE);
      g_string_append_c (out, '\n');
      break;
    case BLOCK_HEADING:
    case BLOCK_SUBHEADING:
      g_string_append (out, block->kind == BLOCK_HEADING ? "## " : "### ");
      append_markdown (out, block->text, TRUE);
      g_string_append_c (out, '\n');
      break;
    case BLOCK_PARAGRAPH:
      append_markdown (out, block->text, FALSE);
      g_string_append_c (out, '\n');
      break;
    case BLOCK_NOTE:
      g_string_append_c (out, '*');
      append_markdown (out, block->text, TRUE);
      g_string_append (out, "*\n");
      break;
    case BLOCK_NOTICE:
      g_string_append (out, "> **");
      append_markdown (out, block->text, TRUE);
      g_string_append (out, "**\n");
      break;
    case BLOCK_FACT:
      g_string_append (out, "- **");
      append_markdown (out, block->text, TRUE);
      g_string_append (out, ":** ");
      append_markdown (out, block->value, TRUE);
      g_string_append_c (out, '\n');
      break;
    case BLOCK_BULLET:
      g_string_append (out, "- ");
      append_markdown (out, block->text, TRUE);
      g_string_append_c (out, '\n');
      break;
    case BLOCK_TABLE:
      g_string_append_c (out, '|');
      for (guint c = 0; c < block->n_cells; c++)
        {
          g_string_append_c (out, ' ');
          append_markdown (out, block->cells[c], TRUE);
          g_string_append (out, " |");
        }
      g_string_append (out, "\n|");
      for (guint c = 0; c < block->n_cells; c++)
        g_string_append (out, " --- |");
      g_string_append_c (out, '\n');
      break;
    case BLOCK_ROW:
      g_string_append_c (out, '|');
      for (guint c = 0; c < block->n_cells; c++)
        {
          g_string_append_c (out, ' ');
          append_markdown (out, block->cells[c], TRUE);
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
      break;
    case BLOCK_CHART:
      /* The figures are in a table beside it; Markdown gets the caption. */
      g_string_append_c (out, '*');
      append_markdown (out, block->text, TRUE);
      g_string_append (out, "*\n");
      break;
    case BLOCK_SIGNATURE:
      append_markdown (out, block->text, TRUE);
      g_string_append_printf (out, "\n\n%s\n\n", markdown_rule);
      append_markdown (out, block->value, TRUE);
      g_string_append_printf (out, "  \n%s: ", _("Date"));
      if (block->extra != NULL)
        append_markdown (out, block->extra, TRUE);
      else
        g_string_append (out, "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_");
      g_string_append_c (out, '\n');
      break;
    default:
      g_assert_not_reached ();
    }
}

static GBytes *
render_markdown (TavlaDocument *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Block *previous = NULL;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      render_markdown_block (out, block, previous);
      previous = block;
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* ---- HTML ----------------------------------------------------------------- */

static const char html_style[] =
  "@page { size: A4; margin: 2cm; }\n"
  "body { font-family: \"Cantarell\", \"DejaVu Sans\", sans-serif; font-size: 11pt; line-height: 1.4;"
  " color: #000; max-width: 17cm; margin: 2cm auto; }\n"
  "h1 { font-size: 18pt; margin: 0 0 0.3em; }\n"
  "h2 { font-size: 13pt; margin: 1.4em 0 0.4em; page-break-after: avoid; break-after: avoid; }\n"
  "h3 { font-size: 11.5pt; margin: 1em 0 0.3em; page-break-after: avoid; break-after: avoid; }\n"
  ".subtitle { color: #333; margin: 0 0 1em; }\n"
  "dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }\n"
  "dl.facts dt { font-weight: bold; }\n"
  "dl.facts dd { margin: 0; }\n"
  ".notice { border: 1pt solid #000; padding: 0.5em; font-weight: bold; }\n"
  ".empty { font-style: italic; color: #555; }\n"
  "ul { padding-left: 1.2em; }\n"
  "table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin-top: 0.6em; }\n"
  "th, td { border: 0.5pt solid #444; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }\n"
  "tr { page-break-inside: avoid; break-inside: avoid; }\n"
  ".dot { display: inline-block; width: 0.7em; height: 0.7em; border-radius: 50%;"
  " margin-right: 0.35em; border: 0.5pt solid #000; vertical-align: baseline; }\n"
  ".green { background: #2ec27e; } .yellow { background: #f6d32d; }"
  " .red { background: #e01b24; } .grey { background: #c0bfbc; }\n"
  "figure { margin: 0.6em 0; page-break-inside: avoid; break-inside: avoid; }\n"
  "figcaption { font-size: 9.5pt; font-weight: bold; }\n"
  ".signatures { display: flex; flex-wrap: wrap; gap: 2em; margin-top: 1em; }\n"
  ".signature { width: 7.5cm; page-break-inside: avoid; break-inside: avoid; }\n"
  ".signature .line { border-bottom: 1pt solid #000; height: 2.5em; margin-bottom: 0.3em; }\n"
  "@media print { body { margin: 0; max-width: none; } }\n";

static void
append_html (GString    *out,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* Single line breaks in a paragraph are kept. */
static void
append_html_lines (GString    *out,
                   const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "<br>\n");
      g_strchomp (lines[i]);
      append_html (out, lines[i]);
    }
}

static const char *
tone_class (TavlaTone tone)
{
  static const char *const classes[] = { NULL, "green", "yellow", "red", "grey" };

  return tone <= TAVLA_TONE_GREY ? classes[tone] : NULL;
}

/* The dots' colours (the GNOME palette's green 4, yellow 3, red 3, light 4). */
static const char *
tone_colour (TavlaTone tone)
{
  static const char *const colours[] = { "#000000", "#2ec27e", "#f6d32d", "#e01b24", "#c0bfbc" };

  return tone <= TAVLA_TONE_GREY ? colours[tone] : colours[0];
}

static void
append_html_dot (GString   *out,
                 TavlaTone  tone)
{
  if (tone_class (tone) != NULL)
    g_string_append_printf (out, "<span class=\"dot %s\"></span>", tone_class (tone));
}

static gboolean
chart_range (Block  *block,
             double *low,
             double *high)
{
  gboolean any = FALSE;

  *low = G_MAXDOUBLE;
  *high = -G_MAXDOUBLE;
  for (guint i = 0; i < block->n_points; i++)
    {
      if (isnan (block->values[i]))
        continue;
      *low = MIN (*low, block->values[i]);
      *high = MAX (*high, block->values[i]);
      any = TRUE;
    }
  if (!isnan (block->target))
    {
      *low = MIN (*low, block->target);
      *high = MAX (*high, block->target);
      any = TRUE;
    }
  if (!any)
    return FALSE;

  /* Some air above and below, and a flat series still gets a height. */
  if (*high - *low < 1e-9)
    {
      *low -= 1;
      *high += 1;
    }
  else
    {
      double pad = (*high - *low) * 0.1;

      *low -= pad;
      *high += pad;
    }
  return TRUE;
}

static double
chart_x (Block  *block,
         guint   index,
         double  left,
         double  width)
{
  if (block->n_points <= 1)
    return left + width / 2;
  return left + width * index / (block->n_points - 1);
}

static double
chart_y (double value,
         double low,
         double high,
         double top,
         double height)
{
  return top + height * (high - value) / (high - low);
}

#define SVG_WIDTH  480.0
#define SVG_HEIGHT 120.0
#define SVG_LEFT   8.0
#define SVG_TOP    8.0
#define SVG_PLOT_W (SVG_WIDTH - 16.0)
#define SVG_PLOT_H (SVG_HEIGHT - 30.0)

static void
render_html_chart (GString *out,
                   Block   *block)
{
  double low = 0;
  double high = 0;
  gboolean first = TRUE;

  /* The caption above the chart, as in the PDF. */
  g_string_append (out, "<figure>\n<figcaption>");
  append_html (out, block->text);
  g_string_append (out, "</figcaption>\n");
  g_string_append_printf (out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                               "viewBox=\"0 0 %.0f %.0f\" role=\"img\">\n",
                          SVG_WIDTH, SVG_HEIGHT, SVG_WIDTH, SVG_HEIGHT);
  if (chart_range (block, &low, &high))
    {
      if (!isnan (block->target))
        {
          char y[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (y, sizeof y, "%.1f", chart_y (block->target, low, high, SVG_TOP, SVG_PLOT_H));
          g_string_append_printf (out, "<line x1=\"%.0f\" x2=\"%.0f\" y1=\"%s\" y2=\"%s\" stroke=\"#e01b24\" "
                                       "stroke-dasharray=\"4 3\"/>\n",
                                  SVG_LEFT, SVG_LEFT + SVG_PLOT_W, y, y);
        }
      g_string_append (out, "<polyline fill=\"none\" stroke=\"#1c71d8\" stroke-width=\"2\" points=\"");
      for (guint i = 0; i < block->n_points; i++)
        {
          char x[G_ASCII_DTOSTR_BUF_SIZE];
          char y[G_ASCII_DTOSTR_BUF_SIZE];

          if (isnan (block->values[i]))
            continue;
          g_ascii_formatd (x, sizeof x, "%.1f", chart_x (block, i, SVG_LEFT, SVG_PLOT_W));
          g_ascii_formatd (y, sizeof y, "%.1f", chart_y (block->values[i], low, high, SVG_TOP, SVG_PLOT_H));
          g_string_append_printf (out, "%s%s,%s", first ? "" : " ", x, y);
          first = FALSE;
        }
      g_string_append (out, "\"/>\n");
    }
  for (guint i = 0; i < block->n_points; i++)
    {
      char x[G_ASCII_DTOSTR_BUF_SIZE];

      /* The first, the last and a few between, so that labels never collide. */
      if (i != 0 && i + 1 != block->n_points && i % MAX (1, block->n_points / 4) != 0)
        continue;
      g_ascii_formatd (x, sizeof x, "%.1f", chart_x (block, i, SVG_LEFT, SVG_PLOT_W));
      g_string_append_printf (out, "<text x=\"%s\" y=\"%.0f\" font-size=\"9\" text-anchor=\"middle\">", x,
                              SVG_HEIGHT - 6);
      append_html (out, block->labels[i]);
      g_string_append (out, "</text>\n");
    }
  g_string_append (out, "</svg>\n</figure>\n");
}

/* Opens or closes the list that holds consecutive facts or bullets, and the
 * table that holds its rows. */
static void
html_transition (GString *out,
                 Block   *previous,
                 Block   *block)
{
  BlockKind was = previous != NULL ? previous->kind : BLOCK_TITLE;
  BlockKind is = block != NULL ? block->kind : BLOCK_TITLE;

  if (was == BLOCK_FACT && is != BLOCK_FACT)
    g_string_append (out, "</dl>\n");
  else if (was == BLOCK_BULLET && is != BLOCK_BULLET)
    g_string_append (out, "</ul>\n");
  else if ((was == BLOCK_TABLE || was == BLOCK_ROW) && is != BLOCK_ROW)
    g_string_append (out, "</tbody>\n</table>\n");
  else if (was == BLOCK_SIGNATURE && is != BLOCK_SIGNATURE)
    g_string_append (out, "</div>\n");

  if (is == BLOCK_FACT && was != BLOCK_FACT)
    g_string_append (out, "<dl class=\"facts\">\n");
  else if (is == BLOCK_BULLET && was != BLOCK_BULLET)
    g_string_append (out, "<ul>\n");
  else if (is == BLOCK_SIGNATURE && was != BLOCK_SIGNATURE)
    g_string_append (out, "<div class=\"signatures\">\n");
}

static void
render_html_block (GString *out,
                   Block   *block)
{
  switch (block->kind)
    {
    case BLOCK_TITLE:
      g_string_append (out, "<h1>");
      append_html (out, block->text);
      g_string_append (out, "</h1>\n");
      break;
    case BLOCK_SUBTITLE:
      g_string_append (out, "<p class=\"subtitle\">");
      append_html_lines (out, block->text);
      g_string_append (out, "</p>\n");
      break;
    case BLOCK_HEADING:
    case BLOCK_SUBHEADING:
      g_string_append (out, block->kind == BLOCK_HEADING ? "<h2>" : "<h3>");
      append_html (out, block->text);
      g_string_append (out, block->kind == BLOCK_HEADING ? "</h2>\n" : "</h3>\n");
      break;
    case BLOCK_PARAGRAPH:
      g_string_append (out, "<p>");
      append_html_lines (out, block->text);
      g_string_append (out, "</p>\n");
      break;
    case BLOCK_NOTE:
      g_string_append (out, "<p class=\"empty\">");
      append_html (out, block->text);
      g_string_append (out, "</p>\n");
      break;
    case BLOCK_NOTICE:
      g_string_append (out, "<p class=\"notice\">");
      append_html (out, block->text);
      g_string_append (out, "</p>\n");
      break;
    case BLOCK_FACT:
      g_string_append (out, "<dt>");
      append_html (out, block->text);
      g_string_append (out, "</dt><dd>");
      append_html_dot (out, block->tone);
      append_html (out, block->value);
      g_string_append (out, "</dd>\n");
      break;
    case BLOCK_BULLET:
      g_string_append (out, "<li>");
      append_html_dot (out, block->tone);
      append_html_lines (out, block->text);
      g_string_append (out, "</li>\n");
      break;
    case BLOCK_TABLE:
      g_string_append (out, "<table>\n<thead><tr>");
      for (guint c = 0; c < block->n_cells; c++)
        {
          g_string_append (out, "<th>");
          append_html (out, block->cells[c]);
          g_string_append (out, "</th>");
        }
      g_string_append (out, "</tr></thead>\n<tbody>\n");
      break;
    case BLOCK_ROW:
      g_string_append (out, "<tr>");
      for (guint c = 0; c < block->n_cells; c++)
        {
          g_string_append (out, "<td>");
          if (c == 0)
            append_html_dot (out, block->tone);
          append_html_lines (out, block->cells[c]);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
      break;
    case BLOCK_CHART:
      render_html_chart (out, block);
      break;
    case BLOCK_SIGNATURE:
      g_string_append (out, "<div class=\"signature\">\n<p>");
      append_html (out, block->text);
      g_string_append (out, "</p>\n<div class=\"line\"></div>\n<p>");
      append_html_lines (out, block->value);
      g_string_append (out, "<br>\n");
      append_html (out, _("Date"));
      g_string_append (out, ": ");
      append_html (out, block->extra != NULL ? block->extra : "____________");
      g_string_append (out, "</p>\n</div>\n");
      break;
    default:
      g_assert_not_reached ();
    }
}

static GBytes *
render_html (TavlaDocument *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Block *previous = NULL;

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  /* Translators: the language code of the exported documents */
  append_html (out, C_("html lang", "en"));
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
  append_html (out, self->title);
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, html_style);
  g_string_append (out, "</style>\n</head>\n<body>\n");

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      html_transition (out, previous, block);
      render_html_block (out, block);
      previous = block;
    }
  html_transition (out, previous, NULL);
  g_string_append (out, "</body>\n</html>\n");

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* ---- PDF and printing ------------------------------------------------------ */

static char *
escape (const char *text)
{
  return g_markup_escape_text (text, -1);
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
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
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
block_style (Block    *block,
             Block    *previous,
             double   *space,
             double   *size,
             gboolean *bold)
{
  gboolean continues = previous != NULL && previous->kind == block->kind;

  *bold = FALSE;
  *size = 10.5;
  *space = 6;
  switch (block->kind)
    {
    case BLOCK_TITLE:
      *space = 0;
      *size = 18;
      *bold = TRUE;
      break;
    case BLOCK_SUBTITLE:
      *space = 2;
      break;
    case BLOCK_HEADING:
      *space = 14;
      *size = 12.5;
      *bold = TRUE;
      break;
    case BLOCK_SUBHEADING:
      *space = 10;
      *size = 11;
      *bold = TRUE;
      break;
    case BLOCK_NOTICE:
      *space = 8;
      *bold = TRUE;
      break;
    case BLOCK_FACT:
    case BLOCK_BULLET:
      *space = continues ? 1 : 6;
      break;
    case BLOCK_TABLE:
      *space = 6;
      *size = 8.5;
      break;
    case BLOCK_ROW:
      *space = 0;
      *size = 8.5;
      break;
    case BLOCK_SIGNATURE:
      *space = 18;
      break;
    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
    case BLOCK_CHART:
    default:
      break;
    }
}

/* The Pango markup of a text block; every text escaped. */
static char *
block_markup (Block *block)
{
  g_autofree char *text = escape (block->text);

  switch (block->kind)
    {
    case BLOCK_NOTE:
      return g_strdup_printf ("<i>%s</i>", text);
    case BLOCK_FACT:
      {
        g_autofree char *value = escape (block->value);

        /* A tone shows as a coloured dot before the value. */
        return g_strdup_printf ("<b>%s:</b> %s%s%s%s", text,
                                tone_class (block->tone) != NULL ? "<span foreground=\"" : "",
                                tone_class (block->tone) != NULL ? tone_colour (block->tone) : "",
                                tone_class (block->tone) != NULL ? "\">●</span> " : "", value);
      }
    case BLOCK_BULLET:
      return g_strdup_printf ("• %s", text);
    case BLOCK_SIGNATURE:
      {
        g_autofree char *name = escape (block->value);
        g_autofree char *date_label = escape (_("Date"));
        g_autofree char *date = escape (block->extra != NULL ? block->extra : "____________");

        return g_strdup_printf ("%s\n\n\n%s\n%s: %s", text, name, date_label, date);
      }
    case BLOCK_CHART:
      return g_strdup_printf ("<b>%s</b>", text);
    default:
      return g_steal_pointer (&text);
    }
}

static double
text_indent (Block *block)
{
  return block->kind == BLOCK_BULLET && tone_class (block->tone) != NULL ? DOT_SIZE + 5 : 0;
}

static double
block_width (Block  *block,
             double  content_width)
{
  if (block->kind == BLOCK_SIGNATURE)
    return content_width / 2;
  return content_width - text_indent (block) - (block->kind == BLOCK_NOTICE ? 8 : 0);
}

static double
row_height (cairo_t *cr,
            Block   *block,
            double   width,
            double   size)
{
  double height = 0;

  for (guint c = 0; c < block->n_cells; c++)
    {
      g_autofree char *markup = escape (block->cells[c]);
      g_autofree char *bold = block->kind == BLOCK_TABLE ? g_strdup_printf ("<b>%s</b>", markup) : NULL;
      double indent = c == 0 && tone_class (block->tone) != NULL ? DOT_SIZE + 4 : 0;
      g_autoptr(PangoLayout) layout = new_layout (cr, bold != NULL ? bold : markup,
                                                  width * block->shares[c] - 2 * CELL_PADDING - indent,
                                                  size, FALSE);

      height = MAX (height, layout_height (layout));
    }

  return height + 2 * CELL_PADDING;
}

guint
tavla_document_paginate (TavlaDocument *self,
                         gpointer       cr_pointer,
                         double         width,
                         double         height)
{
  cairo_t *cr = cr_pointer;
  double content_width = width - 2 * MARGIN;
  double bottom = height - MARGIN - 20;
  double y = MARGIN;
  guint page = 0;
  Block *previous = NULL;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  self->width = width;
  self->height = height;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double space = 0;
      double size = 0;
      gboolean bold = FALSE;
      double needed = 0;

      block_style (block, previous, &space, &size, &bold);
      if (block->kind == BLOCK_ROW || block->kind == BLOCK_TABLE)
        block->height = row_height (cr, block, content_width, size);
      else
        {
          g_autofree char *markup = block_markup (block);
          g_autoptr(PangoLayout) layout = new_layout (cr, markup, block_width (block, content_width), size, bold);

          block->height = layout_height (layout) + (block->kind == BLOCK_NOTICE ? 8 : 0) +
                          (block->kind == BLOCK_CHART ? CHART_HEIGHT + 4 : 0);
        }

      needed = space + block->height;
      /* Keep a heading (and a table's header row) with what follows it. */
      if ((block->kind == BLOCK_HEADING || block->kind == BLOCK_SUBHEADING || block->kind == BLOCK_TABLE) &&
          i + 1 < self->blocks->len)
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
      previous = block;
    }

  self->n_pages = page + 1;
  return self->n_pages;
}

static void
set_tone_source (cairo_t   *cr,
                 TavlaTone  tone)
{
  switch (tone)
    {
    case TAVLA_TONE_GREEN:
      cairo_set_source_rgb (cr, 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0);
      break;
    case TAVLA_TONE_YELLOW:
      cairo_set_source_rgb (cr, 0xf6 / 255.0, 0xd3 / 255.0, 0x2d / 255.0);
      break;
    case TAVLA_TONE_RED:
      cairo_set_source_rgb (cr, 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0);
      break;
    case TAVLA_TONE_GREY:
    case TAVLA_TONE_NONE:
    default:
      cairo_set_source_rgb (cr, 0xc0 / 255.0, 0xbf / 255.0, 0xbc / 255.0);
      break;
    }
}

static void
draw_dot (cairo_t   *cr,
          TavlaTone  tone,
          double     x,
          double     y)
{
  cairo_save (cr);
  /* After a layout was shown there is a current point: start afresh. */
  cairo_new_path (cr);
  cairo_arc (cr, x + DOT_SIZE / 2, y + DOT_SIZE / 2, DOT_SIZE / 2, 0, 2 * G_PI);
  set_tone_source (cr, tone);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.4);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_row (TavlaDocument *self,
          cairo_t       *cr,
          Block         *block,
          double         size)
{
  double content_width = self->width - 2 * MARGIN;
  double x = MARGIN;

  if (block->kind == BLOCK_TABLE)
    {
      cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
      cairo_rectangle (cr, MARGIN, block->y, content_width, block->height);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }

  for (guint c = 0; c < block->n_cells; c++)
    {
      double cell_width = content_width * block->shares[c];
      gboolean dot = c == 0 && tone_class (block->tone) != NULL;
      double indent = dot ? DOT_SIZE + 4 : 0;
      g_autofree char *markup = escape (block->cells[c]);
      g_autofree char *bold = block->kind == BLOCK_TABLE ? g_strdup_printf ("<b>%s</b>", markup) : NULL;
      g_autoptr(PangoLayout) layout = new_layout (cr, bold != NULL ? bold : markup,
                                                  cell_width - 2 * CELL_PADDING - indent, size, FALSE);

      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, x, block->y, cell_width, block->height);
      cairo_stroke (cr);
      if (dot)
        draw_dot (cr, block->tone, x + CELL_PADDING, block->y + CELL_PADDING + 2);
      cairo_move_to (cr, x + CELL_PADDING + indent, block->y + CELL_PADDING);
      pango_cairo_show_layout (cr, layout);
      x += cell_width;
    }
}

static void
draw_chart (TavlaDocument *self,
            cairo_t       *cr,
            Block         *block,
            double         top)
{
  double width = MIN (self->width - 2 * MARGIN, 360);
  double plot_height = CHART_HEIGHT - 16;
  double low = 0;
  double high = 0;
  gboolean started = FALSE;

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_rectangle (cr, MARGIN, top, width, plot_height);
  cairo_stroke (cr);

  if (chart_range (block, &low, &high))
    {
      if (!isnan (block->target))
        {
          double y = chart_y (block->target, low, high, top, plot_height);
          const double dashes[] = { 4, 3 };

          cairo_set_source_rgb (cr, 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0);
          cairo_set_dash (cr, dashes, 2, 0);
          cairo_move_to (cr, MARGIN, y);
          cairo_line_to (cr, MARGIN + width, y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }

      cairo_set_source_rgb (cr, 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0);
      cairo_set_line_width (cr, 1.5);
      for (guint i = 0; i < block->n_points; i++)
        {
          double x = chart_x (block, i, MARGIN + 6, width - 12);

          if (isnan (block->values[i]))
            continue;
          if (!started)
            cairo_move_to (cr, x, chart_y (block->values[i], low, high, top, plot_height));
          else
            cairo_line_to (cr, x, chart_y (block->values[i], low, high, top, plot_height));
          started = TRUE;
        }
      cairo_stroke (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < block->n_points; i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int label_width = 0;

      if (i != 0 && i + 1 != block->n_points && i % MAX (1, block->n_points / 4) != 0)
        continue;
      label = escape (block->labels[i]);
      layout = new_layout (cr, label, 80, 7, FALSE);
      pango_layout_get_size (layout, &label_width, NULL);
      cairo_move_to (cr, chart_x (block, i, MARGIN + 6, width - 12) - (double) label_width / PANGO_SCALE / 2,
                     top + plot_height + 2);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

static void
draw_text_block (TavlaDocument *self,
                 cairo_t       *cr,
                 Block         *block,
                 double         size,
                 gboolean       bold)
{
  double content_width = self->width - 2 * MARGIN;
  double width = block_width (block, content_width);
  g_autofree char *markup = block_markup (block);
  g_autoptr(PangoLayout) layout = new_layout (cr, markup, width, size, bold);
  double x = MARGIN + text_indent (block);
  double y = block->y;

  /* The caption stands above its chart, so that it cannot be read as the
   * next chart's. */
  if (block->kind == BLOCK_CHART)
    draw_chart (self, cr, block, block->y + layout_height (layout) + 2);

  if (block->kind == BLOCK_NOTICE)
    {
      cairo_set_line_width (cr, 1.0);
      cairo_rectangle (cr, MARGIN, block->y, content_width, block->height);
      cairo_stroke (cr);
      x += 4;
      y += 4;
    }
  if (block->kind == BLOCK_BULLET && tone_class (block->tone) != NULL)
    {
      draw_dot (cr, block->tone, MARGIN, y + 2);
      /* The dot stands for the bullet. */
      g_clear_object (&layout);
      g_clear_pointer (&markup, g_free);
      markup = escape (block->text);
      layout = new_layout (cr, markup, width, size, bold);
    }

  cairo_move_to (cr, x, y);
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
      cairo_line_to (cr, MARGIN + width * 0.9, line_y);
      cairo_stroke (cr);
    }
}

void
tavla_document_draw_page (TavlaDocument *self,
                          gpointer       cr_pointer,
                          guint          page)
{
  cairo_t *cr = cr_pointer;
  g_autofree char *footer_text = NULL;
  g_autofree char *footer_markup = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  Block *previous = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->n_pages > 0);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);
      double space = 0;
      double size = 0;
      gboolean bold = FALSE;

      block_style (block, previous, &space, &size, &bold);
      previous = block;
      if (block->page != page)
        continue;

      if (block->kind == BLOCK_ROW || block->kind == BLOCK_TABLE)
        draw_row (self, cr, block, size);
      else
        draw_text_block (self, cr, block, size, bold);
    }

  footer_text = g_strdup_printf (_("%s — page %u of %u"), self->title, page + 1, self->n_pages);
  footer_markup = escape (footer_text);
  footer = new_layout (cr, footer_markup, self->width - 2 * MARGIN, 8, FALSE);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, MARGIN, self->height - MARGIN);
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
render_pdf (TavlaDocument  *self,
            GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = NULL;
  cairo_t *cr = NULL;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  guint n_pages = 0;

  surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tavla");
  cr = cairo_create (surface);

  n_pages = tavla_document_paginate (self, cr, A4_WIDTH, A4_HEIGHT);
  for (guint page = 0; page < n_pages; page++)
    {
      tavla_document_draw_page (self, cr, page);
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
tavla_document_render (TavlaDocument      *self,
                       TavlaExportFormat   format,
                       GError            **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (format)
    {
    case TAVLA_EXPORT_MARKDOWN:
      return render_markdown (self);
    case TAVLA_EXPORT_HTML:
      return render_html (self);
    case TAVLA_EXPORT_PDF:
      return render_pdf (self, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
tavla_document_render_to_file (TavlaDocument      *self,
                               TavlaExportFormat   format,
                               GFile              *file,
                               GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((bytes = tavla_document_render (self, format, error)) == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);

  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
