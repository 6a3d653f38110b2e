/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The status of an improvement item on the board. */
typedef enum
{
  TAVLA_STATUS_NEW,
  TAVLA_STATUS_IN_PROGRESS,
  TAVLA_STATUS_DONE,
  TAVLA_STATUS_PARKED,
  TAVLA_STATUS_REJECTED,
} TavlaStatus;

#define TAVLA_N_STATUSES 5

/* The status mark set at the weekly meeting on items in progress. */
typedef enum
{
  TAVLA_MARK_NONE,
  TAVLA_MARK_ON_TRACK,
  TAVLA_MARK_AT_RISK,
  TAVLA_MARK_OFF_TRACK,
} TavlaMark;

#define TAVLA_N_MARKS 4

/* Where a proposal came from. */
typedef enum
{
  TAVLA_SOURCE_WEEKLY,
  TAVLA_SOURCE_DEVIATION,
  TAVLA_SOURCE_FEEDBACK,
  TAVLA_SOURCE_AUDIT,
  TAVLA_SOURCE_AGREEMENT,
  TAVLA_SOURCE_OTHER,
} TavlaSource;

#define TAVLA_N_SOURCES 6

GType        tavla_status_get_type   (void) G_GNUC_CONST;
GType        tavla_mark_get_type     (void) G_GNUC_CONST;
GType        tavla_source_get_type   (void) G_GNUC_CONST;
#define TAVLA_TYPE_STATUS (tavla_status_get_type ())
#define TAVLA_TYPE_MARK   (tavla_mark_get_type ())
#define TAVLA_TYPE_SOURCE (tavla_source_get_type ())

/* Stable machine names ("in-progress", "at-risk", ...) used in the
 * database, the CLI and JSON. The mark "none" has the name NULL in JSON and
 * the database; its nick is "none". */
const char  *tavla_status_to_string   (TavlaStatus  status);
gboolean     tavla_status_from_string (const char  *text,
                                       TavlaStatus *out_status);
const char  *tavla_mark_to_string     (TavlaMark    mark);
gboolean     tavla_mark_from_string   (const char  *text,
                                       TavlaMark   *out_mark);
const char  *tavla_source_to_string   (TavlaSource  source);
gboolean     tavla_source_from_string (const char  *text,
                                       TavlaSource *out_source);

/* Translated labels for people ("In progress" / "Pågår"). */
const char  *tavla_status_get_label   (TavlaStatus  status);
const char  *tavla_mark_get_label     (TavlaMark    mark);
const char  *tavla_source_get_label   (TavlaSource  source);

/* Whether the status counts as open work (new, in progress, parked). */
gboolean     tavla_status_is_open     (TavlaStatus  status);

G_END_DECLS
