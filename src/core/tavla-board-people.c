/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-board-private.h"
#include "tavla-date.h"
#include "tavla-error.h"
#include "tavla-snapshot-model.h"

/* People and departments: the names proposals refer to. Names are unique
 * and trimmed; a person or department is never created as a side effect
 * of naming it on a proposal. */

#define NAME_MAX_CHARS 200

static gboolean
check_name (const char  *name,
            const char  *empty_message,
            GError     **error)
{
  g_autofree char *message = NULL;
  glong length = 0;

  if (name == NULL)
    return tavla_board_set_input_error (error, empty_message);

  if (!g_utf8_validate (name, -1, NULL))
    return tavla_board_set_input_error (error, _("The name is not valid UTF-8 text. Type it again."));

  length = g_utf8_strlen (name, -1);
  if (length > NAME_MAX_CHARS)
    {
      message = g_strdup_printf (_("The name is %ld characters long; shorten it to %d characters or fewer."),
                                 length, NAME_MAX_CHARS);
      return tavla_board_set_input_error (error, message);
    }

  return TRUE;
}

TavlaPerson *
tavla_board_add_person (TavlaBoard  *self,
                        const char  *name,
                        const char  *role,
                        const char  *email,
                        const char  *actor_in,
                        GError     **error)
{
  g_autofree char *clean_name = tavla_board_dup_trimmed (name);
  g_autofree char *clean_role = tavla_board_dup_trimmed (role);
  g_autofree char *clean_email = tavla_board_dup_trimmed (email);
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autoptr(TavlaPerson) person = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 id = 0;
  gint64 change_id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (!check_name (clean_name, _("Name is empty. Write the person’s full name."), error))
    return NULL;

  if (clean_email != NULL && (strchr (clean_email, '@') == NULL || strchr (clean_email, ' ') != NULL))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("E-mail address “%s” is not valid; write it as name@example.se."),
                                 clean_email);
      tavla_board_set_input_error (error, message);
      return NULL;
    }

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if (tavla_store_find_person_id (tavla_board_get_store (self), clean_name, &local_error) != 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("A person named “%s” already exists; use a different name."),
                                 clean_name);
      tavla_board_set_input_error (error, message);
      goto failed;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto failed;
    }

  if ((id = tavla_store_insert_person (tavla_board_get_store (self), clean_name, clean_role, clean_email, now, error)) == 0 ||
      (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) == 0 ||
      !tavla_board_write_history (self, "person", id, change_id, now, actor, "created",
                                  NULL, clean_name, NULL, 0, error))
    goto failed;

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  person = tavla_person_new (id, clean_name, clean_role, clean_email, TRUE);
  if (!tavla_board_in_batch (self))
    tavla_snapshot_model_upsert (TAVLA_SNAPSHOT_MODEL (tavla_board_get_people (self)), person);

  return g_steal_pointer (&person);

failed:
  tavla_board_rollback_batch (self);
  return NULL;
}

TavlaPerson *
tavla_board_find_person (TavlaBoard *self,
                         const char *name)
{
  GListModel *model = NULL;
  guint n_items = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (name == NULL)
    return NULL;

  model = tavla_board_get_people (self);
  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TavlaPerson) person = g_list_model_get_item (model, i);

      if (g_strcmp0 (tavla_person_get_name (person), name) == 0)
        return g_steal_pointer (&person);
    }

  return NULL;
}

TavlaDepartment *
tavla_board_add_department (TavlaBoard  *self,
                            const char  *name,
                            const char  *code,
                            const char  *actor_in,
                            GError     **error)
{
  g_autofree char *clean_name = tavla_board_dup_trimmed (name);
  g_autofree char *clean_code = tavla_board_dup_trimmed (code);
  g_autofree char *actor = tavla_board_resolve_actor (actor_in);
  g_autofree char *now = tavla_timestamp_now ();
  g_autoptr(TavlaDepartment) department = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  gint64 id = 0;
  gint64 change_id = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (!check_name (clean_name, _("Name is empty. Write the department’s name, e.g. Socialförvaltningen."), error))
    return NULL;

  if (clean_code != NULL && g_utf8_strlen (clean_code, -1) > 20)
    {
      tavla_board_set_input_error (error, _("The short code is longer than 20 characters; use an abbreviation such as SOC."));
      return NULL;
    }

  if (!tavla_board_begin_batch (self, error))
    return NULL;

  if ((existing = tavla_store_list_departments (tavla_board_get_store (self), error)) == NULL)
    goto failed;

  for (guint i = 0; i < existing->len; i++)
    {
      TavlaDepartment *other = g_ptr_array_index (existing, i);
      g_autofree char *message = NULL;

      if (g_strcmp0 (tavla_department_get_name (other), clean_name) == 0)
        message = g_strdup_printf (_("A department named “%s” already exists; use a different name."),
                                   clean_name);
      else if (clean_code != NULL && g_strcmp0 (tavla_department_get_code (other), clean_code) == 0)
        message = g_strdup_printf (_("The short code “%s” is already used by %s; choose another code."),
                                   clean_code, tavla_department_get_name (other));

      if (message != NULL)
        {
          tavla_board_set_input_error (error, message);
          goto failed;
        }
    }

  if ((id = tavla_store_insert_department (tavla_board_get_store (self), clean_name, clean_code, now, error)) == 0 ||
      (change_id = tavla_store_next_change_id (tavla_board_get_store (self), error)) == 0 ||
      !tavla_board_write_history (self, "department", id, change_id, now, actor, "created",
                                  NULL, clean_name, NULL, 0, error))
    goto failed;

  if (!tavla_board_commit_batch (self, error))
    return NULL;

  department = tavla_department_new (id, clean_name, clean_code);
  if (!tavla_board_in_batch (self))
    tavla_snapshot_model_upsert (TAVLA_SNAPSHOT_MODEL (tavla_board_get_departments (self)), department);

  return g_steal_pointer (&department);

failed:
  tavla_board_rollback_batch (self);
  return NULL;
}

TavlaDepartment *
tavla_board_find_department (TavlaBoard *self,
                             const char *name)
{
  GListModel *model = NULL;
  guint n_items = 0;

  g_return_val_if_fail (TAVLA_IS_BOARD (self), NULL);

  if (name == NULL)
    return NULL;

  model = tavla_board_get_departments (self);
  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TavlaDepartment) department = g_list_model_get_item (model, i);

      if (g_strcmp0 (tavla_department_get_name (department), name) == 0 ||
          g_strcmp0 (tavla_department_get_code (department), name) == 0)
        return g_steal_pointer (&department);
    }

  return NULL;
}

