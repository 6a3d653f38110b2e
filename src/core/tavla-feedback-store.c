/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include "tavla-store-feedback.h"

G_DEFINE_INTERFACE (TavlaFeedbackStore, tavla_feedback_store, G_TYPE_OBJECT)

static void
tavla_feedback_store_default_init (TavlaFeedbackStoreInterface *iface)
{
}

GPtrArray *
tavla_feedback_store_list_feedback (TavlaFeedbackStore             *self,
                                    const TavlaStoreFeedbackQuery  *query,
                                    GError                        **error)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK_STORE (self), NULL);
  return TAVLA_FEEDBACK_STORE_GET_IFACE (self)->list_feedback (self, query, error);
}

TavlaFeedback *
tavla_feedback_store_get_feedback (TavlaFeedbackStore  *self,
                                   gint64               id,
                                   GError             **error)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK_STORE (self), NULL);
  return TAVLA_FEEDBACK_STORE_GET_IFACE (self)->get_feedback (self, id, error);
}

gint64
tavla_feedback_store_insert_feedback (TavlaFeedbackStore           *self,
                                      const TavlaStoreFeedbackRow  *row,
                                      GError                      **error)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK_STORE (self), 0);
  return TAVLA_FEEDBACK_STORE_GET_IFACE (self)->insert_feedback (self, row, error);
}

gboolean
tavla_feedback_store_update_feedback (TavlaFeedbackStore           *self,
                                      const TavlaStoreFeedbackRow  *row,
                                      GError                      **error)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK_STORE (self), FALSE);
  return TAVLA_FEEDBACK_STORE_GET_IFACE (self)->update_feedback (self, row, error);
}

GArray *
tavla_feedback_store_list_items (TavlaFeedbackStore             *self,
                                 const TavlaStoreFeedbackQuery  *query,
                                 gint64                          feedback_id,
                                 GError                        **error)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK_STORE (self), NULL);
  return TAVLA_FEEDBACK_STORE_GET_IFACE (self)->list_items (self, query, feedback_id, error);
}

char *
tavla_feedback_store_get_setting (TavlaFeedbackStore  *self,
                                  const char          *key,
                                  GError             **error)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK_STORE (self), NULL);
  return TAVLA_FEEDBACK_STORE_GET_IFACE (self)->get_setting (self, key, error);
}

gboolean
tavla_feedback_store_set_setting (TavlaFeedbackStore  *self,
                                  const char          *key,
                                  const char          *value,
                                  GError             **error)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK_STORE (self), FALSE);
  return TAVLA_FEEDBACK_STORE_GET_IFACE (self)->set_setting (self, key, value, error);
}

gboolean
tavla_feedback_store_checkpoint (TavlaFeedbackStore  *self,
                                 GError             **error)
{
  g_return_val_if_fail (TAVLA_IS_FEEDBACK_STORE (self), FALSE);
  return TAVLA_FEEDBACK_STORE_GET_IFACE (self)->checkpoint (self, error);
}
