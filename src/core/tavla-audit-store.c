/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "tavla-store-audits.h"

G_DEFINE_INTERFACE (TavlaAuditStore, tavla_audit_store, G_TYPE_OBJECT)

static void
tavla_audit_store_default_init (TavlaAuditStoreInterface *iface)
{
}

GPtrArray *
tavla_audit_store_list_audits (TavlaAuditStore  *self,
                               const char       *today,
                               GError          **error)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT_STORE (self), NULL);
  return TAVLA_AUDIT_STORE_GET_IFACE (self)->list_audits (self, today, error);
}

TavlaAudit *
tavla_audit_store_get_audit (TavlaAuditStore  *self,
                             gint64            id,
                             const char       *today,
                             GError          **error)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT_STORE (self), NULL);
  return TAVLA_AUDIT_STORE_GET_IFACE (self)->get_audit (self, id, today, error);
}

gint64
tavla_audit_store_insert_audit (TavlaAuditStore           *self,
                                const TavlaStoreAuditRow  *row,
                                GError                   **error)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT_STORE (self), 0);
  return TAVLA_AUDIT_STORE_GET_IFACE (self)->insert_audit (self, row, error);
}

gboolean
tavla_audit_store_update_audit (TavlaAuditStore           *self,
                                const TavlaStoreAuditRow  *row,
                                GError                   **error)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT_STORE (self), FALSE);
  return TAVLA_AUDIT_STORE_GET_IFACE (self)->update_audit (self, row, error);
}

TavlaRecommendation *
tavla_audit_store_get_recommendation (TavlaAuditStore  *self,
                                      gint64            id,
                                      const char       *today,
                                      GError          **error)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT_STORE (self), NULL);
  return TAVLA_AUDIT_STORE_GET_IFACE (self)->get_recommendation (self, id, today, error);
}

gint64
tavla_audit_store_insert_recommendation (TavlaAuditStore                    *self,
                                         const TavlaStoreRecommendationRow  *row,
                                         GError                            **error)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT_STORE (self), 0);
  return TAVLA_AUDIT_STORE_GET_IFACE (self)->insert_recommendation (self, row, error);
}

gboolean
tavla_audit_store_update_recommendation (TavlaAuditStore                    *self,
                                         const TavlaStoreRecommendationRow  *row,
                                         GError                            **error)
{
  g_return_val_if_fail (TAVLA_IS_AUDIT_STORE (self), FALSE);
  return TAVLA_AUDIT_STORE_GET_IFACE (self)->update_recommendation (self, row, error);
}
