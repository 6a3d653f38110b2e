/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "tavla-agreement.h"

G_BEGIN_DECLS

/*
 * The persistence of delivery agreements (issue 4): an interface that a
 * TavlaStore implements next to its own vfuncs (TavlaSqliteStore does, in
 * tavla-sqlite-agreements.c). Rows in, rows out, no rules: those are the
 * board's (tavla-board-agreements.c). Writes happen inside the store's
 * begin_write() / commit(). Machine names are those of tavla-agreement.h;
 * the store maps them to its columns.
 *
 * Snapshots read here carry @today (an ISO date) for their computed
 * status.
 */

#define TAVLA_TYPE_AGREEMENT_STORE (tavla_agreement_store_get_type ())
G_DECLARE_INTERFACE (TavlaAgreementStore, tavla_agreement_store, TAVLA, AGREEMENT_STORE, GObject)

/* The stored form of an agreement. */
typedef struct
{
  gint64                id;
  gint64                version;          /* for update: the version it is based on */
  gint64                department_id;
  guint                 version_number;
  TavlaAgreementStatus  status;           /* draft, active or superseded */
  const char           *signed_date;
  const char           *valid_from;
  const char           *valid_to;
  guint                 review_months;
  gboolean              revision_needed;
  const char           *created;
  const char           *updated;
} TavlaStoreAgreementRow;

/* The stored form of a case type. */
typedef struct
{
  gint64          id;                     /* for update */
  gint64          version;                /* for update: the version it is based on */
  gint64          agreement_id;
  const char     *name;
  TavlaRosaClass  rosa_class;
  int             days;                   /* -1 for none */
  const char     *quality;
  TavlaHandledBy  handled_by;
  gint64          contact_id;             /* 0 for none */
  const char     *created;
  const char     *updated;                /* for update */
} TavlaStoreCaseTypeRow;

struct _TavlaAgreementStoreInterface
{
  GTypeInterface g_iface;

  /* TavlaAgreement, ordered by department name then version number; of
   * one department, or all with @department_id 0. */
  GPtrArray      *(*list_agreements)    (TavlaAgreementStore           *self,
                                         gint64                         department_id,
                                         const char                    *today,
                                         GError                       **error);
  /* TAVLA_STORE_ERROR_NOT_FOUND when there is none. */
  TavlaAgreement *(*get_agreement)      (TavlaAgreementStore           *self,
                                         gint64                         id,
                                         const char                    *today,
                                         GError                       **error);
  /* The new id, or 0 with @error set. */
  gint64          (*insert_agreement)   (TavlaAgreementStore           *self,
                                         const TavlaStoreAgreementRow  *row,
                                         GError                       **error);
  /* Writes every column when the stored version still is row->version,
   * raising it by one; otherwise TAVLA_STORE_ERROR_CONFLICT. */
  gboolean        (*update_agreement)   (TavlaAgreementStore           *self,
                                         const TavlaStoreAgreementRow  *row,
                                         GError                       **error);
  /* Replaces the signatories (TavlaSignatory) of an agreement. */
  gboolean        (*set_signatories)    (TavlaAgreementStore           *self,
                                         gint64                         agreement_id,
                                         GPtrArray                     *signatories,
                                         GError                       **error);
  gboolean        (*set_section)        (TavlaAgreementStore           *self,
                                         gint64                         agreement_id,
                                         TavlaSection                   section,
                                         const char                    *text,
                                         GError                       **error);
  gint64          (*insert_case_type)   (TavlaAgreementStore           *self,
                                         const TavlaStoreCaseTypeRow   *row,
                                         GError                       **error);
  /* Writes name, class, days, quality, handled-by, contact and updated
   * when the stored version still is row->version, raising it by one;
   * otherwise TAVLA_STORE_ERROR_CONFLICT. */
  gboolean        (*update_case_type)   (TavlaAgreementStore           *self,
                                         const TavlaStoreCaseTypeRow   *row,
                                         GError                       **error);
  /* Item ids linked with @kind ("agreement", "casetype") to any of
   * @target_ids, ascending and distinct (GArray of gint64). */
  GArray         *(*list_linked_items)  (TavlaAgreementStore           *self,
                                         const char                    *kind,
                                         const gint64                  *target_ids,
                                         guint                          n_target_ids,
                                         GError                       **error);
};

GPtrArray      *tavla_agreement_store_list_agreements   (TavlaAgreementStore           *self,
                                                         gint64                         department_id,
                                                         const char                    *today,
                                                         GError                       **error);
TavlaAgreement *tavla_agreement_store_get_agreement     (TavlaAgreementStore           *self,
                                                         gint64                         id,
                                                         const char                    *today,
                                                         GError                       **error);
gint64          tavla_agreement_store_insert_agreement  (TavlaAgreementStore           *self,
                                                         const TavlaStoreAgreementRow  *row,
                                                         GError                       **error);
gboolean        tavla_agreement_store_update_agreement  (TavlaAgreementStore           *self,
                                                         const TavlaStoreAgreementRow  *row,
                                                         GError                       **error);
gboolean        tavla_agreement_store_set_signatories   (TavlaAgreementStore           *self,
                                                         gint64                         agreement_id,
                                                         GPtrArray                     *signatories,
                                                         GError                       **error);
gboolean        tavla_agreement_store_set_section       (TavlaAgreementStore           *self,
                                                         gint64                         agreement_id,
                                                         TavlaSection                   section,
                                                         const char                    *text,
                                                         GError                       **error);
gint64          tavla_agreement_store_insert_case_type  (TavlaAgreementStore           *self,
                                                         const TavlaStoreCaseTypeRow   *row,
                                                         GError                       **error);
gboolean        tavla_agreement_store_update_case_type  (TavlaAgreementStore           *self,
                                                         const TavlaStoreCaseTypeRow   *row,
                                                         GError                       **error);
GArray         *tavla_agreement_store_list_linked_items (TavlaAgreementStore           *self,
                                                         const char                    *kind,
                                                         const gint64                  *target_ids,
                                                         guint                          n_target_ids,
                                                         GError                       **error);

G_END_DECLS
