/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "tavla-board-agreements.h"
#include "tavla-board-demo-agreements.h"
#include "tavla-board-private.h"
#include "tavla-board-demo-private.h"
#include "tavla-clock.h"
#include "tavla-date.h"
#include "tavla-error.h"

/*
 * The demo's delivery agreements (the "agreements" section of
 * demo-board.json): each version is written, revised, filled in and signed
 * through the ordinary rules with backdated clocks, so the demo has real
 * versions and history. Days are counted back from today, so one review
 * stays overdue and one agreement stays "revision needed" whenever the
 * demo is loaded.
 */

#define SECONDS_PER_DAY (24 * 60 * 60)

static gboolean
add_case_type (TavlaBoard  *self,
               gint64       agreement_id,
               JsonObject  *object,
               const char  *actor,
               GError     **error)
{
  g_autoptr(TavlaCaseType) case_type = NULL;
  g_autofree char *days = NULL;
  TavlaCaseTypeInput input = { 0 };

  if (json_object_has_member (object, "days"))
    days = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (object, "days"));

  input.name = json_object_get_string_member_with_default (object, "name", NULL);
  input.rosa = json_object_get_string_member_with_default (object, "rosa", NULL);
  input.days = days;
  input.quality = json_object_get_string_member_with_default (object, "quality", NULL);
  input.handled_by = json_object_get_string_member_with_default (object, "handled_by", NULL);
  input.contact = json_object_get_string_member_with_default (object, "contact", NULL);

  case_type = tavla_board_add_case_type (self, agreement_id, &input, actor, NULL, error);

  return case_type != NULL;
}

static gboolean
fill_version (TavlaBoard  *self,
              gint64       agreement_id,
              JsonObject  *version,
              GDateTime   *real_now,
              const char  *actor,
              GError     **error)
{
  JsonObject *sections = tavla_demo_member_object (version, "sections");
  JsonArray *case_types = tavla_demo_member_array (version, "case_types");
  g_autofree char *valid_to = NULL;

  if (json_object_has_member (version, "valid_to_days_ahead"))
    {
      TavlaAgreementInput input = { 0 };
      g_autoptr(TavlaAgreement) updated = NULL;

      valid_to = tavla_demo_date_days_from (real_now, json_object_get_int_member (version, "valid_to_days_ahead"));
      input.valid_to = valid_to;
      if ((updated = tavla_board_update_agreement (self, agreement_id, 0, &input, actor, NULL, error)) == NULL)
        return FALSE;
    }

  for (guint i = 0; i < TAVLA_N_SECTIONS; i++)
    {
      const char *name = tavla_section_to_string (i);
      g_autoptr(TavlaAgreement) updated = NULL;

      if (sections == NULL || !json_object_has_member (sections, name))
        continue;

      updated = tavla_board_set_agreement_section (self, agreement_id, 0, name,
                                                   json_object_get_string_member (sections, name),
                                                   actor, NULL, error);
      if (updated == NULL)
        return FALSE;
    }

  for (guint i = 0; case_types != NULL && i < json_array_get_length (case_types); i++)
    {
      if (!add_case_type (self, agreement_id, json_array_get_object_element (case_types, i), actor, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_agreement (TavlaBoard  *self,
                JsonObject  *object,
                GDateTime   *real_now,
                const char  *actor,
                GError     **error)
{
  JsonArray *versions = tavla_demo_member_array (object, "versions");
  JsonArray *added = tavla_demo_member_array (object, "added_after_signing");
  JsonArray *links = tavla_demo_member_array (object, "links");
  g_autoptr(TavlaAgreement) current = NULL;

  if (versions == NULL || json_array_get_length (versions) == 0)
    return tavla_demo_error (error, "agreement versions");

  for (guint v = 0; v < json_array_get_length (versions); v++)
    {
      JsonObject *version = json_array_get_object_element (versions, v);
      g_autoptr(TavlaAgreement) draft = NULL;

      if (version == NULL)
        return tavla_demo_error (error, "agreement version");

      tavla_demo_set_clock_days_ago (real_now, json_object_get_int_member_with_default (version, "created_days_ago", 0));

      if (current == NULL)
        {
          g_autofree char *months = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     json_object_get_int_member_with_default (version,
                                                                                              "review_months",
                                                                                              12));
          g_autoptr(GPtrArray) signatories = g_ptr_array_new ();
          JsonArray *names = tavla_demo_member_array (version, "signatories");
          TavlaAgreementInput input = { 0 };

          for (guint i = 0; names != NULL && i < json_array_get_length (names); i++)
            g_ptr_array_add (signatories, (gpointer) json_array_get_string_element (names, i));
          g_ptr_array_add (signatories, NULL);

          input.department = json_object_get_string_member_with_default (object, "department", NULL);
          input.review_months = months;
          input.signatories = (const char * const *) signatories->pdata;
          draft = tavla_board_add_agreement (self, &input, actor, NULL, error);
        }
      else
        draft = tavla_board_revise_agreement (self, tavla_agreement_get_id (current), actor, error);

      if (draft == NULL ||
          !fill_version (self, tavla_agreement_get_id (draft), version, real_now, actor, error))
        return FALSE;

      g_clear_object (&current);
      if (json_object_has_member (version, "signed_days_ago"))
        {
          gint64 days_ago = json_object_get_int_member (version, "signed_days_ago");
          g_autofree char *day = tavla_demo_date_days_from (real_now, -days_ago);

          tavla_demo_set_clock_days_ago (real_now, days_ago);
          current = tavla_board_sign_agreement (self, tavla_agreement_get_id (draft), 0, day, actor, error);
          if (current == NULL)
            return FALSE;
        }
      else
        current = g_steal_pointer (&draft);
    }

  for (guint i = 0; added != NULL && i < json_array_get_length (added); i++)
    {
      JsonObject *case_type = json_array_get_object_element (added, i);

      tavla_demo_set_clock_days_ago (real_now, json_object_get_int_member_with_default (case_type, "days_ago", 0));
      if (!add_case_type (self, tavla_agreement_get_id (current), case_type, actor, error))
        return FALSE;
    }

  /* The links read the agreement as it is now, with every case type. */
  g_clear_object (&current);
  {
    g_autoptr(GListModel) list = NULL;
    TavlaAgreementQuery query = { 0 };

    query.department = json_object_get_string_member_with_default (object, "department", NULL);
    query.current_only = TRUE;
    if ((list = tavla_board_list_agreements (self, &query, error)) == NULL)
      return FALSE;
    if (g_list_model_get_n_items (list) != 1)
      return tavla_demo_error (error, "agreement department");
    current = g_list_model_get_item (list, 0);
  }

  tavla_clock_set_now_override (real_now);
  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);
      const char *case_type_name = json_object_get_string_member_with_default (link, "case_type", NULL);
      GPtrArray *case_types = tavla_agreement_get_case_types (current);
      g_autoptr(TavlaItem) item = NULL;
      gint64 case_type_id = 0;

      for (guint c = 0; case_type_name != NULL && c < case_types->len; c++)
        {
          TavlaCaseType *case_type = g_ptr_array_index (case_types, c);

          if (g_str_equal (tavla_case_type_get_name (case_type), case_type_name))
            case_type_id = tavla_case_type_get_id (case_type);
        }
      if (case_type_name != NULL && case_type_id == 0)
        return tavla_demo_error (error, case_type_name);

      item = tavla_board_link_item_to_agreement (self, json_object_get_int_member_with_default (link, "item", 0),
                                                 tavla_agreement_get_id (current), case_type_id, actor, error);
      if (item == NULL)
        return FALSE;
    }

  return TRUE;
}

gboolean
tavla_board_demo_load_agreements (TavlaBoard  *self,
                                  JsonObject  *root,
                                  GDateTime   *real_now,
                                  GError     **error)
{
  JsonArray *agreements = NULL;
  /* Translators: who wrote the demo's delivery agreements. */
  const char *actor = _("Demo board");

  g_return_val_if_fail (TAVLA_IS_BOARD (self), FALSE);

  if (!json_object_has_member (root, "agreements"))
    return TRUE;

  agreements = tavla_demo_member_array (root, "agreements");
  for (guint i = 0; agreements != NULL && i < json_array_get_length (agreements); i++)
    {
      JsonObject *object = json_array_get_object_element (agreements, i);

      if (object == NULL)
        return tavla_demo_error (error, "agreement");
      if (!load_agreement (self, object, real_now, actor, error))
        return FALSE;
    }

  return TRUE;
}
