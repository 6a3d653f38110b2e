/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "tavla-store-agreements.h"

G_DEFINE_INTERFACE (TavlaAgreementStore, tavla_agreement_store, G_TYPE_OBJECT)

static void
tavla_agreement_store_default_init (TavlaAgreementStoreInterface *iface)
{
}

GPtrArray *
tavla_agreement_store_list_agreements (TavlaAgreementStore  *self,
                                       gint64                department_id,
                                       const char           *today,
                                       GError              **error)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_STORE (self), NULL);
  return TAVLA_AGREEMENT_STORE_GET_IFACE (self)->list_agreements (self, department_id, today, error);
}

TavlaAgreement *
tavla_agreement_store_get_agreement (TavlaAgreementStore  *self,
                                     gint64                id,
                                     const char           *today,
                                     GError              **error)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_STORE (self), NULL);
  return TAVLA_AGREEMENT_STORE_GET_IFACE (self)->get_agreement (self, id, today, error);
}

gint64
tavla_agreement_store_insert_agreement (TavlaAgreementStore           *self,
                                        const TavlaStoreAgreementRow  *row,
                                        GError                       **error)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_STORE (self), 0);
  return TAVLA_AGREEMENT_STORE_GET_IFACE (self)->insert_agreement (self, row, error);
}

gboolean
tavla_agreement_store_update_agreement (TavlaAgreementStore           *self,
                                        const TavlaStoreAgreementRow  *row,
                                        GError                       **error)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_STORE (self), FALSE);
  return TAVLA_AGREEMENT_STORE_GET_IFACE (self)->update_agreement (self, row, error);
}

gboolean
tavla_agreement_store_set_signatories (TavlaAgreementStore  *self,
                                       gint64                agreement_id,
                                       GPtrArray            *signatories,
                                       GError              **error)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_STORE (self), FALSE);
  return TAVLA_AGREEMENT_STORE_GET_IFACE (self)->set_signatories (self, agreement_id, signatories, error);
}

gboolean
tavla_agreement_store_set_section (TavlaAgreementStore  *self,
                                   gint64                agreement_id,
                                   TavlaSection          section,
                                   const char           *text,
                                   GError              **error)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_STORE (self), FALSE);
  return TAVLA_AGREEMENT_STORE_GET_IFACE (self)->set_section (self, agreement_id, section, text, error);
}

gint64
tavla_agreement_store_insert_case_type (TavlaAgreementStore          *self,
                                        const TavlaStoreCaseTypeRow  *row,
                                        GError                      **error)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_STORE (self), 0);
  return TAVLA_AGREEMENT_STORE_GET_IFACE (self)->insert_case_type (self, row, error);
}

gboolean
tavla_agreement_store_update_case_type (TavlaAgreementStore          *self,
                                        const TavlaStoreCaseTypeRow  *row,
                                        GError                      **error)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_STORE (self), FALSE);
  return TAVLA_AGREEMENT_STORE_GET_IFACE (self)->update_case_type (self, row, error);
}

GArray *
tavla_agreement_store_list_linked_items (TavlaAgreementStore  *self,
                                         const char           *kind,
                                         const gint64         *target_ids,
                                         guint                 n_target_ids,
                                         GError              **error)
{
  g_return_val_if_fail (TAVLA_IS_AGREEMENT_STORE (self), NULL);
  return TAVLA_AGREEMENT_STORE_GET_IFACE (self)->list_linked_items (self, kind, target_ids, n_target_ids,
                                                                      error);
}
