/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tavla-agreement-rows.h"
#include "tavla-audit-rows.h"
#include "tavla-gui-settings.h"
#include "tavla-recommendation-editor-private.h"

/*
 * The actions of a recommendation: the proposals on the board linked to
 * it, with their status and mark; Create Improvement, which makes a
 * proposal through the core's tavla_board_act_on_recommendation(), and
 * linking an existing proposal. The other half of the editor is in
 * tavla-recommendation-editor.c.
 */

static void
on_action_clicked (TavlaRecommendationEditor *self,
                   GtkButton                 *button)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "item-id");

  g_signal_emit_by_name (self, "open-item", *id);
}

void
tavla_recommendation_editor_fill_actions (TavlaRecommendationEditor *self,
                                         TavlaRecommendation       *recommendation)
{
  GPtrArray *actions = tavla_recommendation_get_actions (recommendation);

  tavla_agreement_clear_list (self->action_list);
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      GtkWidget *row = tavla_recommendation_action_row_new (g_ptr_array_index (actions, i));

      g_signal_connect_object (g_object_get_data (G_OBJECT (row), "button"), "clicked",
                               G_CALLBACK (on_action_clicked), self, G_CONNECT_SWAPPED);
      gtk_list_box_append (self->action_list, row);
    }
}

/* The proposal's suggested title: the recommendation's first sentence,
 * cut to a length that fits on a card. */
char *
tavla_recommendation_dup_suggested_title (TavlaRecommendation *recommendation)
{
  const char *text = tavla_recommendation_get_text (recommendation);
  const char *end = strpbrk (text, ".\n");
  g_autofree char *sentence = g_strndup (text, end != NULL ? (gsize) (end - text) : strlen (text));

  if (g_utf8_strlen (sentence, -1) > 120)
    {
      g_autofree char *cut = g_utf8_substring (sentence, 0, 119);

      return g_strconcat (g_strchomp (cut), "…", NULL);
    }
  return g_steal_pointer (&sentence);
}

/* The proposals that can still be linked: not yet an action of this
 * recommendation, newest first. */
void
tavla_recommendation_editor_on_link_popover_show (TavlaRecommendationEditor *self)
{
  GListModel *items;
  GPtrArray *actions;
  guint n;

  gtk_string_list_splice (self->link_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->link_names)), NULL);
  g_array_set_size (self->link_ids, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->link_message), FALSE);
  if (self->board == NULL || self->recommendation == NULL)
    return;

  items = tavla_board_get_items (self->board);
  actions = tavla_recommendation_get_actions (self->recommendation);
  n = g_list_model_get_n_items (items);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(TavlaItem) item = g_list_model_get_item (items, i - 1);
      gint64 id = tavla_item_get_id (item);
      gboolean linked = FALSE;
      g_autofree char *name = NULL;

      for (guint a = 0; actions != NULL && a < actions->len && !linked; a++)
        linked = ((TavlaAction *) g_ptr_array_index (actions, a))->id == id;
      if (linked)
        continue;
      name = g_strdup_printf ("#%" G_GINT64_FORMAT " %s", id, tavla_item_get_title (item));
      gtk_string_list_append (self->link_names, name);
      g_array_append_val (self->link_ids, id);
    }
  gtk_drop_down_set_selected (self->link_dropdown, 0);
}

void
tavla_recommendation_editor_on_link_clicked (TavlaRecommendationEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->link_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->link_ids->len)
    {
      gtk_label_set_label (self->link_message, _("Choose the proposal to link."));
      gtk_widget_set_visible (GTK_WIDGET (self->link_message), TRUE);
      return;
    }
  if (tavla_recommendation_editor_link_item (self, g_array_index (self->link_ids, gint64, selected)))
    gtk_popover_popdown (self->link_popover);
}

void
tavla_recommendation_editor_on_create_clicked (TavlaRecommendationEditor *self)
{
  if (tavla_recommendation_editor_create_improvement (self, gtk_editable_get_text (GTK_EDITABLE (self->create_entry))))
    gtk_popover_popdown (self->create_popover);
}

/* Makes an improvement proposal titled @title from the recommendation
 * through the core (source "audit", linked as an action). */
gboolean
tavla_recommendation_editor_create_improvement (TavlaRecommendationEditor *self,
                                                const char                *title)
{
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();
  g_autofree char *message = NULL;
  g_autofree char *id = NULL;
  TavlaItemChange fields = { 0 };

  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION_EDITOR (self), FALSE);

  if (!tavla_recommendation_editor_is_writable (self))
    return FALSE;

  fields.set = TAVLA_ITEM_FIELD_TITLE | TAVLA_ITEM_FIELD_DESCRIPTION;
  fields.title = title;
  fields.description = tavla_recommendation_get_text (self->recommendation);
  if ((fields.owner = tavla_recommendation_get_owner (self->recommendation)) != NULL)
    fields.set |= TAVLA_ITEM_FIELD_OWNER;
  if ((fields.due = tavla_recommendation_get_due (self->recommendation)) != NULL)
    fields.set |= TAVLA_ITEM_FIELD_DUE;

  item = tavla_board_act_on_recommendation (self->board, tavla_recommendation_get_id (self->recommendation),
                                            &fields, actor, &error);
  if (item == NULL)
    {
      gtk_label_set_label (self->create_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->create_message), TRUE);
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->create_message), FALSE);
  tavla_recommendation_editor_reload (self, FALSE);
  /* TRANSLATORS: after making a proposal from a recommendation: "Proposal #41 created". */
  id = g_strdup_printf ("%" G_GINT64_FORMAT, tavla_item_get_id (item));
  message = g_strdup_printf (_("Proposal #%s created"), id);
  tavla_recommendation_editor_toast (self, message, _("Show on _Board"), "audits.open-item",
              g_variant_new_int64 (tavla_item_get_id (item)));
  return TRUE;
}

/* Links the existing proposal @item_id as one of the actions. */
gboolean
tavla_recommendation_editor_link_item (TavlaRecommendationEditor *self,
                                       gint64                     item_id)
{
  g_autoptr(TavlaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = tavla_gui_dup_actor ();

  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION_EDITOR (self), FALSE);

  if (!tavla_recommendation_editor_is_writable (self))
    return FALSE;

  item = tavla_board_link_item_to_recommendation (self->board, item_id,
                                                  tavla_recommendation_get_id (self->recommendation),
                                                  actor, &error);
  if (item == NULL)
    {
      gtk_label_set_label (self->link_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->link_message), TRUE);
      return FALSE;
    }

  tavla_recommendation_editor_reload (self, FALSE);
  tavla_recommendation_editor_toast (self, _("Proposal linked"), NULL, NULL, NULL);
  return TRUE;
}

GtkListBox *
tavla_recommendation_editor_get_action_list (TavlaRecommendationEditor *self)
{
  g_return_val_if_fail (TAVLA_IS_RECOMMENDATION_EDITOR (self), NULL);

  return self->action_list;
}
