/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-board-agreements.h"

G_BEGIN_DECLS

/*
 * A printable document: the audit report, agendas, minutes and the period
 * report are built as a sequence of blocks and rendered to Markdown, HTML
 * (with an A4 print stylesheet) or A4 PDF through cairo and pango, or drawn
 * page by page for GtkPrintOperation.
 *
 * Every string given here is plain text, never markup: each renderer
 * escapes it for its format (HTML: "<script>" shows as that text;
 * Markdown: punctuation that would change the text is escaped; Pango: the
 * text is never parsed as markup). Strings are copied.
 *
 * Consecutive facts make one list of "label: value" lines; consecutive
 * bullets one bulleted list. A table takes the rows added after it until
 * another block is added.
 */

typedef struct _TavlaDocument TavlaDocument;

/* A row's tone: a coloured dot before the first cell in HTML and PDF (the
 * traffic light of a recommendation, the mark of an item). */
typedef enum
{
  TAVLA_TONE_NONE,
  TAVLA_TONE_GREEN,
  TAVLA_TONE_YELLOW,
  TAVLA_TONE_RED,
  TAVLA_TONE_GREY,
} TavlaTone;

/*
 * A small line chart of one series against its target (the period
 * report's goals): @values[i] for @labels[i], NAN where a period has no
 * value; @target NAN for none. Drawn in HTML (inline SVG) and PDF; in
 * Markdown it is left out (give the figures in a table as well).
 */
typedef struct
{
  const char         *caption;
  const char * const *labels;
  const double       *values;
  guint               n_points;
  double              target;
} TavlaDocumentChart;

/* @title is the document's heading, PDF title and page footer. */
TavlaDocument *tavla_document_new            (const char          *title);
void           tavla_document_free           (TavlaDocument       *self);
const char    *tavla_document_get_title      (TavlaDocument       *self);

/* A line under the title ("Vecka 49, 2026-12-07"). */
void           tavla_document_add_subtitle   (TavlaDocument       *self,
                                              const char          *text);
void           tavla_document_add_heading    (TavlaDocument       *self,
                                              const char          *text);
void           tavla_document_add_subheading (TavlaDocument       *self,
                                              const char          *text);
/* Text split into paragraphs at blank lines; single line breaks kept. */
void           tavla_document_add_paragraph  (TavlaDocument       *self,
                                              const char          *text);
/* A quiet line in italics: "Nothing to report." */
void           tavla_document_add_note       (TavlaDocument       *self,
                                              const char          *text);
/* A boxed, bold line that must not be missed. */
void           tavla_document_add_notice     (TavlaDocument       *self,
                                              const char          *text);
void           tavla_document_add_fact       (TavlaDocument       *self,
                                              const char          *label,
                                              const char          *value);
/* A fact whose value carries a coloured dot (a traffic light). */
void           tavla_document_add_toned_fact (TavlaDocument       *self,
                                              TavlaTone            tone,
                                              const char          *label,
                                              const char          *value);
void           tavla_document_add_bullet     (TavlaDocument       *self,
                                              TavlaTone            tone,
                                              const char          *text);
/* A table of @n_columns (1-8) with its @headings; @shares the part of the
 * page width each column takes (NULL: equal), summing to 1. */
void           tavla_document_add_table      (TavlaDocument       *self,
                                              guint                n_columns,
                                              const char * const  *headings,
                                              const double        *shares);
/* A row of the last table: n_columns cells (NULL for an empty cell). */
void           tavla_document_add_row        (TavlaDocument       *self,
                                              TavlaTone            tone,
                                              const char * const  *cells);
void           tavla_document_add_chart      (TavlaDocument       *self,
                                              const TavlaDocumentChart *chart);
/* A line to sign on, with the signer's name and role under it. */
void           tavla_document_add_signature  (TavlaDocument       *self,
                                              const char          *party,
                                              const char          *name,
                                              const char          *date);

/* The document in @format (see tavla-board-agreements.h). */
GBytes        *tavla_document_render         (TavlaDocument       *self,
                                              TavlaExportFormat    format,
                                              GError             **error);
/* The same, written to @file (replaced atomically). */
gboolean       tavla_document_render_to_file (TavlaDocument       *self,
                                              TavlaExportFormat    format,
                                              GFile               *file,
                                              GError             **error);

/*
 * Printing: lays the document out for pages of @width x @height (points
 * for A4: 595.28 x 841.89) on the cairo context @cr (a cairo_t *) and
 * returns the number of pages; then draw each page.
 */
guint          tavla_document_paginate       (TavlaDocument       *self,
                                              gpointer             cr,
                                              double               width,
                                              double               height);
void           tavla_document_draw_page      (TavlaDocument       *self,
                                              gpointer             cr,
                                              guint                page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TavlaDocument, tavla_document_free)

G_END_DECLS
