/* SPDX-License-Identifier: EUPL-1.2 */

#include "config.h"

#include <glib/gi18n.h>

#include "tavla-item-card.h"

struct _TavlaItemCard
{
  GtkWidget  parent_instance;

  /* Template widgets */
  GtkLabel  *title_label;
  GtkLabel  *mark_label;
  GtkLabel  *strategic_label;
  GtkWidget *metric_badge;
  GtkLabel  *overdue_label;
  GtkLabel  *owner_label;
  GtkBox    *due_box;
  GtkLabel  *due_label;
  GtkLabel  *department_label;

  /* Owned references */
  TavlaItem *item;
};

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TavlaItemCard, tavla_item_card, GTK_TYPE_WIDGET)

static const char *mark_classes[TAVLA_N_MARKS] = {
  NULL, "on-track", "at-risk", "off-track",
};

/* Badges sit in a GtkFlowBox so they wrap in a narrow column; a hidden
 * badge hides its flow box child too, or it would leave a gap. */
static void
set_badge_visible (GtkLabel *badge,
                   gboolean  visible)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (badge));

  gtk_widget_set_visible (GTK_WIDGET (badge), visible);
  if (GTK_IS_FLOW_BOX_CHILD (parent))
    gtk_widget_set_visible (parent, visible);
}

static void
set_optional_text (GtkWidget  *box,
                   GtkLabel   *label,
                   const char *text)
{
  gboolean has_text = text != NULL && text[0] != '\0';

  gtk_label_set_label (label, has_text ? text : "");
  gtk_widget_set_visible (box, has_text);
}

static void
update_mark (TavlaItemCard *self,
             TavlaMark      mark)
{
  for (guint i = 0; i < TAVLA_N_MARKS; i++)
    if (mark_classes[i] != NULL)
      gtk_widget_remove_css_class (GTK_WIDGET (self->mark_label), mark_classes[i]);

  set_badge_visible (self->mark_label, mark != TAVLA_MARK_NONE);
  if (mark == TAVLA_MARK_NONE)
    return;

  gtk_label_set_label (self->mark_label, tavla_mark_get_label (mark));
  gtk_widget_add_css_class (GTK_WIDGET (self->mark_label), mark_classes[mark]);
}

static void
update_card (TavlaItemCard *self)
{
  g_autofree char *due = NULL;
  g_autofree char *today = NULL;
  gboolean overdue = FALSE;

  if (self->item == NULL)
    {
      set_optional_text (GTK_WIDGET (self->owner_label), self->owner_label, NULL);
      set_optional_text (GTK_WIDGET (self->due_box), self->due_label, NULL);
      set_optional_text (GTK_WIDGET (self->department_label), self->department_label, NULL);
      set_badge_visible (self->strategic_label, FALSE);
      set_badge_visible (self->overdue_label, FALSE);
      gtk_widget_set_visible (self->metric_badge, FALSE);
      update_mark (self, TAVLA_MARK_NONE);
      return;
    }

  today = tavla_date_today ();
  overdue = tavla_item_is_overdue (self->item, today);
  due = tavla_item_dup_due_label (self->item);

  set_optional_text (GTK_WIDGET (self->owner_label), self->owner_label,
                     tavla_item_get_owner (self->item));
  set_optional_text (GTK_WIDGET (self->due_box), self->due_label, due);
  set_optional_text (GTK_WIDGET (self->department_label), self->department_label,
                     tavla_item_get_department (self->item));
  set_badge_visible (self->strategic_label, tavla_item_get_strategic (self->item));
  gtk_widget_set_visible (self->metric_badge, tavla_item_get_has_metric (self->item));
  set_badge_visible (self->overdue_label, overdue);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");
  update_mark (self, tavla_item_get_mark (self->item));

  /* An empty badge row would still take its spacing. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->mark_label)),
                          tavla_item_get_strategic (self->item) ||
                          tavla_item_get_has_metric (self->item) ||
                          tavla_item_get_mark (self->item) != TAVLA_MARK_NONE);
}

/* The drag source sits on the card, below the list row's click gesture,
 * so a press-and-drag starts a drag rather than a selection. */
static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 TavlaItemCard *self)
{
  g_autoptr(GdkPaintable) paintable = NULL;

  if (self->item == NULL)
    return NULL;

  paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  gtk_drag_source_set_icon (source, paintable, (int) x, (int) y);
  return gdk_content_provider_new_typed (G_TYPE_INT64, tavla_item_get_id (self->item));
}

static void
tavla_item_card_dispose (GObject *object)
{
  TavlaItemCard *self = (TavlaItemCard *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), TAVLA_TYPE_ITEM_CARD);
  /* dispose_template only drops the bound children; the unnamed top-level
   * box holding them goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (tavla_item_card_parent_class)->dispose (object);
}

static void
tavla_item_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TavlaItemCard *self = TAVLA_ITEM_CARD (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_item_card_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TavlaItemCard *self = TAVLA_ITEM_CARD (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      tavla_item_card_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tavla_item_card_class_init (TavlaItemCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tavla_item_card_dispose;
  object_class->get_property = tavla_item_card_get_property;
  object_class->set_property = tavla_item_card_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         TAVLA_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tavla/Tavla/tavla-item-card.ui");
  gtk_widget_class_bind_template_child (widget_class, TavlaItemCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemCard, mark_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemCard, strategic_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemCard, metric_badge);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemCard, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemCard, owner_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemCard, due_box);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemCard, due_label);
  gtk_widget_class_bind_template_child (widget_class, TavlaItemCard, department_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "itemcard");
}

static void
tavla_item_card_init (TavlaItemCard *self)
{
  GtkDragSource *drag_source;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "due-meta");
  gtk_label_set_wrap (self->due_label, FALSE);
  update_card (self);

  drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag_source, GDK_ACTION_MOVE);
  g_signal_connect (drag_source, "prepare", G_CALLBACK (on_drag_prepare), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag_source));
}

GtkWidget *
tavla_item_card_new (void)
{
  return g_object_new (TAVLA_TYPE_ITEM_CARD, NULL);
}

TavlaItem *
tavla_item_card_get_item (TavlaItemCard *self)
{
  g_return_val_if_fail (TAVLA_IS_ITEM_CARD (self), NULL);

  return self->item;
}

void
tavla_item_card_set_item (TavlaItemCard *self,
                          TavlaItem     *item)
{
  g_return_if_fail (TAVLA_IS_ITEM_CARD (self));
  g_return_if_fail (item == NULL || TAVLA_IS_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  update_card (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
