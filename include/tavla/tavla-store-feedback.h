/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-feedback.h"

G_BEGIN_DECLS

/*
 * The persistence of citizen feedback (issue 7): an interface that a
 * TavlaStore implements next to its own vfuncs (TavlaSqliteStore does, in
 * tavla-sqlite-feedback.c). Rows in, rows out, no rules: those are the
 * board's (tavla-board-feedback.c). Writes happen inside the store's
 * begin_write() / commit().
 */

#define TAVLA_TYPE_FEEDBACK_STORE (tavla_feedback_store_get_type ())
G_DECLARE_INTERFACE (TavlaFeedbackStore, tavla_feedback_store, TAVLA, FEEDBACK_STORE, GObject)

/* The stored form of feedback (text NULL and purged set once purged). */
typedef struct
{
  gint64                 id;
  gint64                 version;          /* for update: the version it is based on */
  const char            *date;
  TavlaFeedbackChannel   channel;
  gint64                 department_id;
  TavlaFeedbackCategory  category;
  const char            *text;
  gboolean               personal_data;
  gboolean               passed_on;
  const char            *passed_on_date;
  const char            *purged;
  const char            *created;
  const char            *updated;
} TavlaStoreFeedbackRow;

/* Rows dated @from to @to (ISO dates, NULL for open ends), of one
 * department (0 for all). */
typedef struct
{
  const char *from;
  const char *to;
  gint64      department_id;
} TavlaStoreFeedbackQuery;

struct _TavlaFeedbackStoreInterface
{
  GTypeInterface g_iface;

  /* TavlaFeedback, newest date first, then newest id. */
  GPtrArray     *(*list_feedback)   (TavlaFeedbackStore             *self,
                                     const TavlaStoreFeedbackQuery  *query,
                                     GError                        **error);
  /* TAVLA_STORE_ERROR_NOT_FOUND when there is none. */
  TavlaFeedback *(*get_feedback)    (TavlaFeedbackStore             *self,
                                     gint64                          id,
                                     GError                        **error);
  gint64         (*insert_feedback) (TavlaFeedbackStore             *self,
                                     const TavlaStoreFeedbackRow    *row,
                                     GError                        **error);
  /* Writes every column when the stored version still is row->version,
   * raising it by one; otherwise TAVLA_STORE_ERROR_CONFLICT. */
  gboolean       (*update_feedback) (TavlaFeedbackStore             *self,
                                     const TavlaStoreFeedbackRow    *row,
                                     GError                        **error);
  /* Item ids linked (kind "feedback") to feedback matching @query,
   * ascending and distinct (GArray of gint64). */
  GArray        *(*list_items)      (TavlaFeedbackStore             *self,
                                     const TavlaStoreFeedbackQuery  *query,
                                     gint64                          feedback_id,
                                     GError                        **error);
  /* A setting's value (NULL when unset) and writing one. */
  char          *(*get_setting)     (TavlaFeedbackStore             *self,
                                     const char                     *key,
                                     GError                        **error);
  gboolean       (*set_setting)     (TavlaFeedbackStore             *self,
                                     const char                     *key,
                                     const char                     *value,
                                     GError                        **error);
  /* Copies the write-ahead log into the database and truncates it. */
  gboolean       (*checkpoint)      (TavlaFeedbackStore             *self,
                                     GError                        **error);
};

GPtrArray     *tavla_feedback_store_list_feedback   (TavlaFeedbackStore             *self,
                                                     const TavlaStoreFeedbackQuery  *query,
                                                     GError                        **error);
TavlaFeedback *tavla_feedback_store_get_feedback    (TavlaFeedbackStore             *self,
                                                     gint64                          id,
                                                     GError                        **error);
gint64         tavla_feedback_store_insert_feedback (TavlaFeedbackStore             *self,
                                                     const TavlaStoreFeedbackRow    *row,
                                                     GError                        **error);
gboolean       tavla_feedback_store_update_feedback (TavlaFeedbackStore             *self,
                                                     const TavlaStoreFeedbackRow    *row,
                                                     GError                        **error);
/* @feedback_id non-zero: the items of that feedback only (@query ignored). */
GArray        *tavla_feedback_store_list_items      (TavlaFeedbackStore             *self,
                                                     const TavlaStoreFeedbackQuery  *query,
                                                     gint64                          feedback_id,
                                                     GError                        **error);
char          *tavla_feedback_store_get_setting     (TavlaFeedbackStore             *self,
                                                     const char                     *key,
                                                     GError                        **error);
gboolean       tavla_feedback_store_set_setting     (TavlaFeedbackStore             *self,
                                                     const char                     *key,
                                                     const char                     *value,
                                                     GError                        **error);
gboolean       tavla_feedback_store_checkpoint      (TavlaFeedbackStore             *self,
                                                     GError                        **error);

G_END_DECLS
