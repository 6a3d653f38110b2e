/* SPDX-License-Identifier: EUPL-1.2 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tavla-board-private.h"
#include "tavla-board-demo-private.h"
#include "tavla-clock.h"
#include "tavla-date.h"
#include "tavla-error.h"

/*
 * The demo's metrics: response groups and metrics from the demo file, and
 * two years of figures generated from a small model of the centre, seeded
 * so that every demo board is the same:
 *
 * - each response group is offered its usual calls per week, scaled by the
 *   seasons of the file (flu in January-February, the school choice, the
 *   summer holidays, the school start in August, Christmas), which also
 *   thin the staff; the answer rate falls as the load outgrows the staff;
 * - each month the contacts (calls are the phone share of them) give the
 *   channel mix, the cases, the share resolved inside the centre (rising
 *   over the two years) and the cases passed on to the departments;
 * - the NKI scores move a little, and dip in busy months.
 *
 * Then the file's deviations set a few figures, explain them with a cause
 * and link them to the demo's improvement items. Everything is written
 * through the ordinary rules, inside the demo loader's transaction.
 */

#define WEEKS_PER_MONTH 4.345

typedef struct
{
  char   *name;
  double  calls;
} DemoGroup;

typedef struct
{
  int     first_week;
  int     last_week;
  char   *group;      /* NULL for every group */
  double  load;
  double  staff;
} DemoSeason;

typedef struct
{
  const char *metric;
  gint64      days_ago;
  double      lift;
} DemoLift;

typedef struct
{
  TavlaBoard *board;
  GRand      *rand;
  GArray     *groups;     /* DemoGroup */
  GArray     *seasons;    /* DemoSeason */
  GArray     *lifts;      /* DemoLift */
  JsonObject *channels;
  GDate       today;
  GDateTime  *real_now;
  /* "metric|period|group" -> JsonObject of a deviation that sets it */
  GHashTable *overrides;
} Demo;

static void
demo_group_clear (gpointer data)
{
  g_free (((DemoGroup *) data)->name);
}

static void
demo_season_clear (gpointer data)
{
  g_free (((DemoSeason *) data)->group);
}

static double
member_double (JsonObject *object,
               const char *name,
               double      fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);

  return fallback;
}

/* A number as the rules read it. */
static char *
number_text (double value,
             int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, decimals == 0 ? "%.0f" : "%.2f", value));
}

/* Roughly normal noise: the mean of three uniform numbers. */
static double
noise (Demo   *demo,
       double  spread)
{
  double sum = g_rand_double (demo->rand) + g_rand_double (demo->rand) + g_rand_double (demo->rand);

  return (sum / 3.0 - 0.5) * 2.0 * spread * 1.7;
}

static void
season_factors (Demo        *demo,
                int          week,
                const char  *group,
                double      *out_load,
                double      *out_staff)
{
  *out_load = 1.0;
  *out_staff = 1.0;

  for (guint i = 0; i < demo->seasons->len; i++)
    {
      DemoSeason *season = &g_array_index (demo->seasons, DemoSeason, i);

      if (week < season->first_week || week > season->last_week)
        continue;
      if (season->group != NULL && g_strcmp0 (season->group, group) != 0)
        continue;

      *out_load *= season->load;
      *out_staff *= season->staff;
    }
}

static double
lift_for (Demo        *demo,
          const char  *metric,
          const GDate *day)
{
  double lift = 0.0;

  for (guint i = 0; i < demo->lifts->len; i++)
    {
      DemoLift *entry = &g_array_index (demo->lifts, DemoLift, i);
      GDate from = demo->today;

      g_date_subtract_days (&from, (guint) entry->days_ago);
      if (g_strcmp0 (entry->metric, metric) == 0 && g_date_compare (day, &from) > 0)
        lift += entry->lift;
    }

  return lift;
}

/* Sets the core's clock to the Monday after @period: figures are entered
 * when the week or month has closed. */
static void
set_clock_after (Demo              *demo,
                 const TavlaPeriod *period)
{
  g_autoptr(GDateTime) at = NULL;
  GDate day;

  tavla_period_get_last_day (period, &day);
  g_date_add_days (&day, 1);
  if (g_date_compare (&day, &demo->today) > 0)
    day = demo->today;

  at = g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                            7, 30, 0);
  tavla_clock_set_now_override (at);
}

static char *
override_key (const char *metric,
              const char *period,
              const char *group)
{
  return g_strdup_printf ("%s|%s|%s", metric, period, group != NULL ? group : "");
}

static gboolean
record (Demo         *demo,
        const char   *metric,
        const char   *period,
        const char   *group,
        const char   *value,
        const char   *numerator,
        const char   *denominator,
        const char   *respondents,
        GError      **error)
{
  g_autofree char *key = override_key (metric, period, group);
  g_autoptr(TavlaMeasurement) measurement = NULL;
  g_autofree char *override_value = NULL;
  g_autofree char *override_numerator = NULL;
  g_autofree char *override_denominator = NULL;
  g_autofree char *override_respondents = NULL;
  TavlaMeasurementInput input = {
    .metric = metric, .period = period, .group = group, .value = value,
    .numerator = numerator, .denominator = denominator, .respondents = respondents,
  };
  JsonObject *deviation = g_hash_table_lookup (demo->overrides, key);

  if (deviation != NULL)
    {
      if (json_object_has_member (deviation, "value"))
        {
          override_value = number_text (member_double (deviation, "value", 0.0), 2);
          input.value = override_value;
          input.numerator = NULL;
          input.denominator = NULL;
        }
      if (json_object_has_member (deviation, "numerator"))
        {
          override_numerator = number_text (member_double (deviation, "numerator", 0.0), 0);
          override_denominator = number_text (member_double (deviation, "denominator", 1.0), 0);
          input.value = NULL;
          input.numerator = override_numerator;
          input.denominator = override_denominator;
        }
      if (json_object_has_member (deviation, "respondents"))
        {
          override_respondents = number_text (member_double (deviation, "respondents", 1.0), 0);
          input.respondents = override_respondents;
        }
    }

  measurement = tavla_board_record_measurement (demo->board, &input, _("Demo board"), NULL, NULL, error);

  return measurement != NULL;
}

/* ---- Definitions ------------------------------------------------------ */

gboolean
tavla_board_demo_load_metric_definitions (TavlaBoard  *self,
                                          JsonObject  *root,
                                          const char  *actor,
                                          GError     **error)
{
  JsonArray *groups = tavla_demo_member_array (root, "response_groups");
  JsonArray *metrics = tavla_demo_member_array (root, "metrics");

  for (guint i = 0; groups != NULL && i < json_array_get_length (groups); i++)
    {
      JsonObject *group = json_array_get_object_element (groups, i);
      g_autoptr(TavlaResponseGroup) added = NULL;

      if (group == NULL)
        return tavla_demo_error (error, "response_groups");

      added = tavla_board_add_response_group (self, tavla_demo_member_string (group, "name"), actor, error);
      if (added == NULL)
        return FALSE;
    }

  for (guint i = 0; metrics != NULL && i < json_array_get_length (metrics); i++)
    {
      JsonObject *metric = json_array_get_object_element (metrics, i);
      g_autoptr(TavlaMetric) added = NULL;
      TavlaMetricInput input = { 0 };

      if (metric == NULL)
        return tavla_demo_error (error, "metrics");

      input.name = tavla_demo_member_string (metric, "name");
      input.description = tavla_demo_member_string (metric, "description");
      input.unit = tavla_demo_member_string (metric, "unit");
      input.direction = tavla_demo_member_string (metric, "direction");
      input.target = tavla_demo_member_string (metric, "target");
      input.period = tavla_demo_member_string (metric, "period");
      input.per_group = json_object_get_boolean_member_with_default (metric, "per_group", FALSE);

      if ((added = tavla_board_add_metric (self, &input, actor, NULL, error)) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* ---- Figures ---------------------------------------------------------- */

static gboolean
generate_answer_rate (Demo         *demo,
                      const char   *metric,
                      guint         n_weeks,
                      GError      **error)
{
  TavlaPeriod last = { 0 };
  GDate day = demo->today;

  /* The last complete week is the one before this one. */
  g_date_subtract_days (&day, 7);
  tavla_period_of_date (&day, TAVLA_PERIOD_WEEK, &last);

  for (guint w = n_weeks; w > 0; w--)
    {
      TavlaPeriod week = { 0 };
      g_autofree char *period = NULL;
      GDate thursday;

      tavla_period_add (&last, -(int) (w - 1), &week);
      period = tavla_period_format (&week);
      tavla_period_get_anchor_day (&week, &thursday);
      set_clock_after (demo, &week);

      for (guint g = 0; g < demo->groups->len; g++)
        {
          DemoGroup *group = &g_array_index (demo->groups, DemoGroup, g);
          g_autofree char *answered_text = NULL;
          g_autofree char *offered_text = NULL;
          double load = 1.0;
          double staff = 1.0;
          double offered = 0.0;
          double pressure = 0.0;
          double rate = 0.0;

          season_factors (demo, week.number, group->name, &load, &staff);
          offered = round (group->calls * load * (1.0 + noise (demo, 0.06)));
          pressure = load / (staff * 1.02);
          rate = 0.975 - 0.35 * MAX (0.0, pressure - 0.97) + noise (demo, 0.009) +
                 lift_for (demo, metric, &thursday) / 100.0;
          rate = CLAMP (rate, 0.6, 0.995);

          answered_text = number_text (round (offered * rate), 0);
          offered_text = number_text (offered, 0);
          if (!record (demo, metric, period, group->name, NULL, answered_text, offered_text, NULL, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The centre's month: its load (mean over the weeks whose Thursday is in
 * it), contacts and cases. */
typedef struct
{
  TavlaPeriod period;
  double      load;
  double      contacts;
  double      cases;
  double      progress;     /* 0 for the first month, 1 for the last */
} DemoMonth;

static GArray *
demo_months (Demo  *demo,
             guint  n_months)
{
  GArray *months = g_array_new (FALSE, TRUE, sizeof (DemoMonth));
  TavlaPeriod last = { 0 };
  GDate day = demo->today;
  double phone_share = 0.63;

  /* The last complete month is the one before this one. */
  g_date_set_day (&day, 1);
  g_date_subtract_days (&day, 1);
  tavla_period_of_date (&day, TAVLA_PERIOD_MONTH, &last);

  if (demo->channels != NULL)
    phone_share = member_double (tavla_demo_member_object (demo->channels, "phone"), "share", 63.0) / 100.0;

  for (guint m = n_months; m > 0; m--)
    {
      DemoMonth month = { 0 };
      TavlaPeriod week = { 0 };
      GDate first;
      double calls = 0.0;
      guint n_weeks = 0;

      tavla_period_add (&last, -(int) (m - 1), &month.period);
      tavla_period_get_first_day (&month.period, &first);
      tavla_period_of_date (&first, TAVLA_PERIOD_WEEK, &week);

      for (guint k = 0; k < 6; k++)
        {
          TavlaPeriod next = { 0 };

          tavla_period_add (&week, (int) k, &next);
          if (!tavla_period_contains (&month.period, &next))
            continue;

          n_weeks++;
          for (guint g = 0; g < demo->groups->len; g++)
            {
              DemoGroup *group = &g_array_index (demo->groups, DemoGroup, g);
              double load = 1.0;
              double staff = 1.0;

              season_factors (demo, next.number, group->name, &load, &staff);
              calls += group->calls * load * WEEKS_PER_MONTH;
              month.load += load / demo->groups->len;
            }
        }

      calls /= MAX (n_weeks, 1);
      month.load /= MAX (n_weeks, 1);
      month.contacts = round (calls / phone_share * (1.0 + noise (demo, 0.03)));
      month.cases = round (month.contacts * 0.25);
      month.progress = n_months > 1 ? (double) (n_months - m) / (n_months - 1) : 1.0;
      g_array_append_val (months, month);
    }

  return months;
}

static gboolean
generate_monthly (Demo         *demo,
                  const char   *metric,
                  JsonObject   *figures,
                  GArray       *months,
                  GError      **error)
{
  const char *kind = tavla_demo_member_string (figures, "kind");

  for (guint m = 0; m < months->len; m++)
    {
      DemoMonth *month = &g_array_index (months, DemoMonth, m);
      g_autofree char *period = tavla_period_format (&month->period);
      g_autofree char *value = NULL;
      g_autofree char *numerator = NULL;
      g_autofree char *denominator = NULL;
      g_autofree char *respondents = NULL;
      double busy = MAX (0.0, month->load - 1.0);
      GDate first;

      tavla_period_get_first_day (&month->period, &first);
      set_clock_after (demo, &month->period);

      if (g_strcmp0 (kind, "score") == 0)
        {
          double level = member_double (figures, "level", 4.0) +
                         member_double (figures, "trend", 0.0) * month->progress -
                         member_double (figures, "busy_dip", 0.5) * busy +
                         noise (demo, member_double (figures, "spread", 0.05));

          value = number_text (CLAMP (level, 1.0, 5.0), 2);
          respondents = number_text (80 + g_rand_int_range (demo->rand, 0, 70), 0);
        }
      else if (g_strcmp0 (kind, "resolved-share") == 0)
        {
          double share = member_double (figures, "from", 65.0) +
                         (member_double (figures, "to", 70.0) - member_double (figures, "from", 65.0)) *
                         month->progress -
                         12.0 * busy + noise (demo, 1.2) + lift_for (demo, metric, &first);

          numerator = number_text (round (month->cases * CLAMP (share, 30.0, 95.0) / 100.0), 0);
          denominator = number_text (month->cases, 0);
        }
      else if (g_strcmp0 (kind, "passed-on") == 0)
        {
          /* The cases the resolved share left over, from the same month. */
          JsonObject *share_figures = tavla_demo_member_object (figures, "resolved");
          double share = member_double (share_figures, "from", 65.0) +
                         (member_double (share_figures, "to", 70.0) - member_double (share_figures, "from", 65.0)) *
                         month->progress -
                         12.0 * busy + noise (demo, 1.2);

          value = number_text (round (month->cases * (1.0 - CLAMP (share, 30.0, 95.0) / 100.0)), 0);
        }
      else if (g_strcmp0 (kind, "channel-share") == 0)
        {
          JsonObject *channel = tavla_demo_member_object (demo->channels, tavla_demo_member_string (figures, "channel"));
          double total = 0.0;
          double mine = 0.0;
          GList *names = demo->channels != NULL ? json_object_get_members (demo->channels) : NULL;

          if (channel == NULL)
            {
              g_list_free (names);
              return tavla_demo_error (error, "channels");
            }

          /* Every channel's share with the same noise draws, normalised,
           * so that the mix adds up to 100 %. */
          for (GList *l = names; l != NULL; l = l->next)
            {
              JsonObject *other = tavla_demo_member_object (demo->channels, l->data);
              double share = member_double (other, "share", 0.0) +
                             member_double (other, "trend", 0.0) * month->progress +
                             member_double (other, "summer", 0.0) *
                             (g_date_get_month (&first) == G_DATE_JULY ? 1.0 : 0.0);
              GRand *rand = g_rand_new_with_seed ((guint32) (m * 97 + g_str_hash (l->data)));
              double wobble = (g_rand_double (rand) - 0.5) * 1.6;

              g_rand_free (rand);
              share = MAX (0.5, share + wobble);
              total += share;
              if (g_strcmp0 (l->data, tavla_demo_member_string (figures, "channel")) == 0)
                mine = share;
            }
          g_list_free (names);

          numerator = number_text (round (month->contacts * mine / total), 0);
          denominator = number_text (month->contacts, 0);
        }
      else
        {
          return tavla_demo_error (error, kind != NULL ? kind : "figures");
        }

      if (!record (demo, metric, period, NULL, value, numerator, denominator, respondents, error))
        return FALSE;
    }

  return TRUE;
}

/* The latest period of @kind up to the last complete one whose number is
 * @number (a week of the year or a month), or @ago periods back. */
static char *
deviation_period (Demo            *demo,
                  JsonObject      *deviation,
                  TavlaPeriodKind  kind)
{
  TavlaPeriod last = { 0 };
  GDate day = demo->today;
  double number = 0.0;

  if (kind == TAVLA_PERIOD_WEEK)
    g_date_subtract_days (&day, 7);
  else
    {
      g_date_set_day (&day, 1);
      g_date_subtract_days (&day, 1);
    }
  tavla_period_of_date (&day, kind, &last);

  if (json_object_has_member (deviation, "ago"))
    {
      tavla_period_add (&last, -(int) member_double (deviation, "ago", 0.0), &last);
      return tavla_period_format (&last);
    }

  number = member_double (deviation, kind == TAVLA_PERIOD_WEEK ? "week" : "month", 0.0);
  for (guint i = 0; i < 60; i++)
    {
      if (last.number == (int) number)
        return tavla_period_format (&last);
      tavla_period_add (&last, -1, &last);
    }

  return NULL;
}

static gint64
find_item_id (GPtrArray  *items,
              const char *title)
{
  for (guint i = 0; i < items->len; i++)
    {
      if (g_strcmp0 (tavla_item_get_title (g_ptr_array_index (items, i)), title) == 0)
        return tavla_item_get_id (g_ptr_array_index (items, i));
    }

  return 0;
}

static gboolean
explain_deviations (Demo        *demo,
                    JsonArray   *deviations,
                    GHashTable  *periods,
                    GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;

  if ((items = tavla_store_list_items (tavla_board_get_store (demo->board), error)) == NULL)
    return FALSE;

  for (guint i = 0; deviations != NULL && i < json_array_get_length (deviations); i++)
    {
      JsonObject *deviation = json_array_get_object_element (deviations, i);
      const char *metric = tavla_demo_member_string (deviation, "metric");
      const char *group = tavla_demo_member_string (deviation, "group");
      const char *period = g_hash_table_lookup (periods, deviation);
      g_autoptr(TavlaMeasurement) measurement = NULL;
      g_autoptr(TavlaDeviation) explained = NULL;
      JsonArray *titles = tavla_demo_member_array (deviation, "items");
      gint64 deviation_id = 0;
      TavlaPeriod parsed = { 0 };

      if (period == NULL)
        continue;

      if ((measurement = tavla_board_get_measurement (demo->board, metric, period, group, error)) == NULL)
        return FALSE;

      deviation_id = tavla_store_find_deviation_id (tavla_board_get_store (demo->board), measurement->id, error);
      if (deviation_id == 0)
        return tavla_demo_error (error, metric);

      /* Explained at the weekly meeting after the figures came in. */
      tavla_period_parse (period, &parsed, NULL);
      set_clock_after (demo, &parsed);
      explained = tavla_board_explain_deviation (demo->board, deviation_id, tavla_demo_member_string (deviation, "cause"),
                                                 tavla_demo_member_string (deviation, "actor"), error);
      if (explained == NULL)
        return FALSE;

      for (guint t = 0; titles != NULL && t < json_array_get_length (titles); t++)
        {
          const char *title = json_array_get_string_element (titles, t);
          gint64 item_id = find_item_id (items, title);

          if (item_id == 0)
            return tavla_demo_error (error, title != NULL ? title : "items");

          if (!tavla_board_link_item_to_deviation (demo->board, item_id, deviation_id,
                                                   tavla_demo_member_string (deviation, "actor"), error))
            return FALSE;
        }
    }

  return TRUE;
}

gboolean
tavla_board_demo_load_figures (TavlaBoard  *self,
                               JsonObject  *root,
                               GDateTime   *real_now,
                               GError     **error)
{
  JsonObject *figures = tavla_demo_member_object (root, "figures");
  JsonArray *groups = tavla_demo_member_array (root, "response_groups");
  JsonArray *metrics = tavla_demo_member_array (root, "metrics");
  JsonArray *seasons = tavla_demo_member_array (figures, "seasons");
  JsonArray *lifts = tavla_demo_member_array (figures, "lifts");
  JsonArray *deviations = tavla_demo_member_array (root, "deviations");
  g_autoptr(GHashTable) periods = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  g_autoptr(GArray) months = NULL;
  Demo demo = { 0 };
  gboolean ok = TRUE;
  guint n_weeks = 0;
  guint n_months = 0;

  if (figures == NULL || metrics == NULL)
    return TRUE;

  demo.board = self;
  demo.real_now = real_now;
  demo.rand = g_rand_new_with_seed ((guint32) member_double (figures, "seed", 1.0));
  demo.groups = g_array_new (FALSE, TRUE, sizeof (DemoGroup));
  demo.seasons = g_array_new (FALSE, TRUE, sizeof (DemoSeason));
  demo.lifts = g_array_new (FALSE, TRUE, sizeof (DemoLift));
  demo.channels = tavla_demo_member_object (figures, "channels");
  demo.overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_array_set_clear_func (demo.groups, demo_group_clear);
  g_array_set_clear_func (demo.seasons, demo_season_clear);
  g_date_clear (&demo.today, 1);
  g_date_set_dmy (&demo.today, (GDateDay) g_date_time_get_day_of_month (real_now),
                  (GDateMonth) g_date_time_get_month (real_now), (GDateYear) g_date_time_get_year (real_now));

  n_weeks = (guint) member_double (figures, "weeks", 104.0);
  n_months = (guint) member_double (figures, "months", 24.0);

  for (guint i = 0; groups != NULL && i < json_array_get_length (groups); i++)
    {
      JsonObject *object = json_array_get_object_element (groups, i);
      DemoGroup group = { 0 };

      group.name = g_strdup (tavla_demo_member_string (object, "name"));
      group.calls = member_double (object, "calls_per_week", 400.0);
      g_array_append_val (demo.groups, group);
    }

  for (guint i = 0; seasons != NULL && i < json_array_get_length (seasons); i++)
    {
      JsonObject *object = json_array_get_object_element (seasons, i);
      JsonArray *weeks = tavla_demo_member_array (object, "weeks");
      DemoSeason season = { 0 };

      if (weeks == NULL || json_array_get_length (weeks) != 2)
        {
          ok = tavla_demo_error (error, "seasons");
          goto out;
        }

      season.first_week = (int) json_array_get_int_element (weeks, 0);
      season.last_week = (int) json_array_get_int_element (weeks, 1);
      season.group = g_strdup (tavla_demo_member_string (object, "group"));
      season.load = member_double (object, "load", 1.0);
      season.staff = member_double (object, "staff", 1.0);
      g_array_append_val (demo.seasons, season);
    }

  for (guint i = 0; lifts != NULL && i < json_array_get_length (lifts); i++)
    {
      JsonObject *object = json_array_get_object_element (lifts, i);
      DemoLift lift = { 0 };

      lift.metric = tavla_demo_member_string (object, "metric");
      lift.days_ago = (gint64) member_double (object, "days_ago", 0.0);
      lift.lift = member_double (object, "lift", 0.0);
      g_array_append_val (demo.lifts, lift);
    }

  /* The deviations of the file set their figures as they are generated. */
  for (guint i = 0; deviations != NULL && i < json_array_get_length (deviations); i++)
    {
      JsonObject *deviation = json_array_get_object_element (deviations, i);
      g_autoptr(TavlaMetric) metric = NULL;
      char *period = NULL;

      if (deviation == NULL ||
          (metric = tavla_board_find_metric (self, tavla_demo_member_string (deviation, "metric"))) == NULL ||
          (period = deviation_period (&demo, deviation, tavla_metric_get_period (metric))) == NULL)
        {
          ok = tavla_demo_error (error, "deviations");
          goto out;
        }

      g_hash_table_insert (periods, deviation, period);
      g_hash_table_insert (demo.overrides,
                           override_key (tavla_metric_get_name (metric), period, tavla_demo_member_string (deviation, "group")),
                           deviation);
    }

  months = demo_months (&demo, n_months);

  for (guint i = 0; ok && i < json_array_get_length (metrics); i++)
    {
      JsonObject *metric = json_array_get_object_element (metrics, i);
      JsonObject *metric_figures = tavla_demo_member_object (metric, "figures");
      const char *name = tavla_demo_member_string (metric, "name");

      if (metric_figures == NULL)
        continue;

      if (g_strcmp0 (tavla_demo_member_string (metric_figures, "kind"), "answer-rate") == 0)
        ok = generate_answer_rate (&demo, name, n_weeks, error);
      else
        ok = generate_monthly (&demo, name, metric_figures, months, error);
    }

  if (ok)
    ok = explain_deviations (&demo, deviations, periods, error);

out:
  g_clear_pointer (&months, g_array_unref);
  g_array_unref (demo.groups);
  g_array_unref (demo.seasons);
  g_array_unref (demo.lifts);
  g_hash_table_unref (demo.overrides);
  g_rand_free (demo.rand);

  return ok;
}
