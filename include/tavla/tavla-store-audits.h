/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-audit.h"

G_BEGIN_DECLS

/*
 * The persistence of audits and recommendations (issue 5): an interface a
 * TavlaStore implements beside its own vfuncs (TavlaSqliteStore does, in
 * tavla-sqlite-audits.c). Rows in, rows out, no rules: those are the
 * board's (tavla-board-audits.c). Writes happen inside the store's
 * begin_write() / commit(). Snapshots read here carry @today (an ISO date)
 * for their lights.
 */

#define TAVLA_TYPE_AUDIT_STORE (tavla_audit_store_get_type ())
G_DECLARE_INTERFACE (TavlaAuditStore, tavla_audit_store, TAVLA, AUDIT_STORE, GObject)

typedef struct
{
  gint64      id;                 /* for update */
  gint64      version;            /* for update: the version it is based on */
  const char *title;
  const char *auditor;
  const char *date;
  const char *body;
  const char *reference;
  const char *assessment;
  const char *created;
  const char *updated;
} TavlaStoreAuditRow;

typedef struct
{
  gint64                     id;          /* for update */
  gint64                     version;     /* for update: the version it is based on */
  gint64                     audit_id;
  const char                *text;
  const char                *addressed_to;
  const char                *response;
  const char                *response_date;
  gint64                     owner_id;    /* 0 for none */
  const char                *due;
  TavlaRecommendationStatus  status;
  const char                *evidence;
  TavlaAssessment            assessment;
  const char                *assessment_date;
  const char                *note;
  const char                *created;
  const char                *updated;
} TavlaStoreRecommendationRow;

struct _TavlaAuditStoreInterface
{
  GTypeInterface g_iface;

  /* TavlaAudit with their recommendations and actions, newest report
   * first (then by id). */
  GPtrArray           *(*list_audits)           (TavlaAuditStore                    *self,
                                                 const char                         *today,
                                                 GError                            **error);
  /* TAVLA_STORE_ERROR_NOT_FOUND when there is none. */
  TavlaAudit          *(*get_audit)             (TavlaAuditStore                    *self,
                                                 gint64                              id,
                                                 const char                         *today,
                                                 GError                            **error);
  gint64               (*insert_audit)          (TavlaAuditStore                    *self,
                                                 const TavlaStoreAuditRow           *row,
                                                 GError                            **error);
  /* Writes every column when the stored version still is row->version,
   * raising it by one; otherwise TAVLA_STORE_ERROR_CONFLICT. */
  gboolean             (*update_audit)          (TavlaAuditStore                    *self,
                                                 const TavlaStoreAuditRow           *row,
                                                 GError                            **error);
  /* TAVLA_STORE_ERROR_NOT_FOUND when there is none. */
  TavlaRecommendation *(*get_recommendation)    (TavlaAuditStore                    *self,
                                                 gint64                              id,
                                                 const char                         *today,
                                                 GError                            **error);
  gint64               (*insert_recommendation) (TavlaAuditStore                    *self,
                                                 const TavlaStoreRecommendationRow  *row,
                                                 GError                            **error);
  /* As update_audit. */
  gboolean             (*update_recommendation) (TavlaAuditStore                    *self,
                                                 const TavlaStoreRecommendationRow  *row,
                                                 GError                            **error);
};

GPtrArray           *tavla_audit_store_list_audits           (TavlaAuditStore                    *self,
                                                              const char                         *today,
                                                              GError                            **error);
TavlaAudit          *tavla_audit_store_get_audit             (TavlaAuditStore                    *self,
                                                              gint64                              id,
                                                              const char                         *today,
                                                              GError                            **error);
gint64               tavla_audit_store_insert_audit          (TavlaAuditStore                    *self,
                                                              const TavlaStoreAuditRow           *row,
                                                              GError                            **error);
gboolean             tavla_audit_store_update_audit          (TavlaAuditStore                    *self,
                                                              const TavlaStoreAuditRow           *row,
                                                              GError                            **error);
TavlaRecommendation *tavla_audit_store_get_recommendation    (TavlaAuditStore                    *self,
                                                              gint64                              id,
                                                              const char                         *today,
                                                              GError                            **error);
gint64               tavla_audit_store_insert_recommendation (TavlaAuditStore                    *self,
                                                              const TavlaStoreRecommendationRow  *row,
                                                              GError                            **error);
gboolean             tavla_audit_store_update_recommendation (TavlaAuditStore                    *self,
                                                              const TavlaStoreRecommendationRow  *row,
                                                              GError                            **error);

G_END_DECLS
