/* What every point of a map shares: the conditions no axis varies (the
 * model's, or fixed by tg_map_options) and the analyses. Checked once, before
 * any point is solved: a bad option fails the call, never each point. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "map/map.h"

void tg__map_init(tg__map *map, const tg_model *m, const tg_axis *x, const tg_axis *y, const tg_map_options *opt)
{
  memset(map, 0, sizeof *map);
  map->m = m, map->x = x, map->y = y;
  map->nx = x ? x->n : 0, map->ny = y ? y->n : 1;
  if (opt) map->opt = *opt;
  if (m) tg__layout_init(&map->layout, m, map->opt.analyses);
}

static int fixed_temperature(const tg_map_options *o)
{
  return o->temperature != 0 && o->temperature != TG_MODEL_TEMPERATURE;
}

void tg__map_base(const tg__map *map, double *T, double *p, double *d)
{
  const tg_model *m = map->m;
  const tg_map_options *o = &map->opt;
  *T = fixed_temperature(o) ? o->temperature : TG_MODEL_TEMPERATURE;
  for (int g = 0; g < m->ng; g++) p[g] = o->pressures && !isnan(o->pressures[g]) ? o->pressures[g] : m->pressures[g];
  for (int k = 0; k < tg_model_count(m, TG_DESCRIPTOR); k++)
    if (o->descriptors && !isnan(o->descriptors[k])) d[k] = o->descriptors[k];
    else if (tg_model_descriptor(m, k, NULL, NULL, NULL, &d[k]) != TG_SUCCESS) d[k] = NAN;
}

/* Which axis (if any) varies variable v: "x", "y" or NULL. */
static const char *on_axis(const tg__map *map, int v)
{
  if (map->x && map->x->variable == v) return "x";
  if (map->y && map->y->variable == v) return "y";
  return NULL;
}

int tg__map_check(const tg__map *map, const char *fn)
{
  const tg_model *m = map->m;
  const tg_map_options *o = &map->opt;
  int nd = tg_model_count(m, TG_DESCRIPTOR), q;
  if (fixed_temperature(o)) {
    if (!(o->temperature > 0) || !isfinite(o->temperature))
      return tg__fail(TG_ERR_ARG, fn, "options: temperature = %g K must be finite and > 0 (0: the model's)",
                      o->temperature);
    if (on_axis(map, TG_AXIS_TEMPERATURE))
      return tg__fail(TG_ERR_ARG, fn, "options: the temperature is fixed (%g K) and is axis %s: give one or the other",
                      o->temperature, on_axis(map, TG_AXIS_TEMPERATURE));
    if ((q = tg__catmap_condition_descriptor(m, -1)) >= 0)
      return tg__fail(TG_ERR_ARG, fn,
                      "options: temperature %g K given, but the temperature of %s is its descriptor %s: fix that "
                      "descriptor instead",
                      o->temperature, m->name, tg_model_species(m, TG_DESCRIPTOR, q));
  }
  for (int g = 0; o->pressures && g < m->ng; g++) {
    double v = o->pressures[g];
    const char *gas = tg_model_species(m, TG_GAS, g);
    if (isnan(v)) continue;
    if (!isfinite(v) || v < 0)
      return tg__fail(TG_ERR_ARG, fn, "options: pressure of %s is %g; it must be finite and >= 0 (NaN: the model's)",
                      gas, v);
    if (on_axis(map, g))
      return tg__fail(TG_ERR_ARG, fn, "options: the pressure of %s is fixed (%g) and is axis %s: give one or the other",
                      gas, v, on_axis(map, g));
    if ((q = tg__catmap_condition_descriptor(m, g)) >= 0)
      return tg__fail(TG_ERR_ARG, fn,
                      "options: pressure of %s given (%g bar), but in %s it is the descriptor %s's share: fix %s "
                      "instead",
                      gas, v, m->name, tg_model_species(m, TG_DESCRIPTOR, q), tg_model_species(m, TG_DESCRIPTOR, q));
  }
  for (int k = 0; k < nd; k++) {
    const char *name = tg_model_species(m, TG_DESCRIPTOR, k);
    double v = o->descriptors ? o->descriptors[k] : NAN;
    if (!isnan(v)) {
      int temperature = k == tg__catmap_condition_descriptor(m, -1);
      if (!isfinite(v) || (temperature && !(v > 0)))
        return tg__fail(TG_ERR_ARG, fn, "options: descriptor %s is %g; it must be finite%s (NaN: the model's)", name, v,
                        temperature ? " and > 0 (a temperature)" : "");
      if (on_axis(map, TG_AXIS_DESCRIPTOR(k)))
        return tg__fail(TG_ERR_ARG, fn, "options: descriptor %s is fixed (%g) and is axis %s: give one or the other",
                        name, v, on_axis(map, TG_AXIS_DESCRIPTOR(k)));
    } else if (!on_axis(map, TG_AXIS_DESCRIPTOR(k)) && tg_model_descriptor(m, k, NULL, NULL, NULL, &v) != TG_SUCCESS) {
      return tg__fail(TG_ERR_ARG, fn,
                      "descriptor %s is on no axis, not fixed, and the model states no value for it: put it on an "
                      "axis or fix it",
                      name);
    }
  }
  TG_CALL(tg__check_analyses(m, o->analyses, "options: ", fn));
  if ((o->analyses & TG_ANALYSIS_XRC) && tg_model_product(m) < 0)
    return tg__fail(TG_ERR_ARG, fn,
                    "options: xrc is the degree of rate control of the product's TOF, and %s names no "
                    "product",
                    m->name);
  return TG_SUCCESS;
}

/* The values given (not NaN) with their places: NULL and all-NaN agree, as
 * they mean the same map. */
static uint64_t hash_values(uint64_t h, const double *v, int n)
{
  for (int k = 0; v && k < n; k++)
    if (!isnan(v[k])) h = tg__hash(tg__hash(h, &k, sizeof k), &v[k], sizeof v[k]);
  return h;
}

uint64_t tg__map_fingerprint(const tg__map *map)
{
  const tg_map_options *o = &map->opt;
  uint64_t h = tg__axes_hash(tg__model_fingerprint(map->m), map->x, map->y);
  double T = fixed_temperature(o) ? o->temperature : 0;
  h = tg__hash(h, &T, sizeof T);
  h = hash_values(tg__hash(h, "p", 1), o->pressures, map->m->ng);
  h = hash_values(tg__hash(h, "d", 1), o->descriptors, tg_model_count(map->m, TG_DESCRIPTOR));
  return tg__hash(h, &o->analyses, sizeof o->analyses);
}

static void add(char *buf, size_t size, size_t *used, const char *fmt, ...) TG_PRINTF(4, 5);
static void add(char *buf, size_t size, size_t *used, const char *fmt, ...)
{
  if (*used >= size) return;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf + *used, size - *used, fmt, ap);
  va_end(ap);
  if (n > 0) *used += (size_t)n;
}

void tg__map_stated(const tg__map *map, double *T, double *p, double *d)
{
  const tg_model *m = map->m;
  tg__map_base(map, T, p, d);
  if (*T == TG_MODEL_TEMPERATURE) *T = m->temperature;
  if (on_axis(map, TG_AXIS_TEMPERATURE) || tg__catmap_condition_descriptor(m, -1) >= 0) *T = NAN;
  for (int g = 0; g < m->ng; g++)
    if (on_axis(map, g) || tg__catmap_condition_descriptor(m, g) >= 0) p[g] = NAN;
  for (int k = 0; k < tg_model_count(m, TG_DESCRIPTOR); k++)
    if (on_axis(map, TG_AXIS_DESCRIPTOR(k))) d[k] = NAN;
}

int tg__map_conditions_text(const tg__map *map, char *buf, size_t size)
{
  const tg_model *m = map->m;
  int nd = tg_model_count(m, TG_DESCRIPTOR);
  double T, p[m->ng > 0 ? m->ng : 1], d[TG_DESCRIPTORS_MAX];
  tg__map_stated(map, &T, p, d);
  size_t used = 0;
  buf[0] = 0;
  if (!isnan(T)) add(buf, size, &used, "T = %.17g K", T);
  for (int g = 0; g < m->ng; g++)
    if (!isnan(p[g]))
      add(buf, size, &used, "%sp(%s) = %.17g %s", used ? ", " : "", tg_model_species(m, TG_GAS, g), p[g],
          nd > 0 ? "bar" : "atm"); /* tg__pressure_unit, short */
  for (int k = 0; k < nd; k++)
    if (!isnan(d[k]))
      add(buf, size, &used, "%s%s = %.17g %s", used ? ", " : "", tg_model_species(m, TG_DESCRIPTOR, k), d[k],
          tg__descriptor_unit(m, k));
  return used < size ? TG_SUCCESS : TG_ERR_NOMEM;
}

const char *tg__pressure_unit(const tg_model *m)
{
  return tg_model_count(m, TG_DESCRIPTOR) > 0 ? "bar" : "101325 Pa (SCAKS: 1 = 1 atm)";
}

const char *tg__descriptor_unit(const tg_model *m, int k)
{
  if (k == tg__catmap_condition_descriptor(m, -1)) return "K";
  for (int g = 0; g < m->ng; g++)
    if (tg__catmap_condition_descriptor(m, g) == k) return "log10(bar)";
  return "eV";
}

const char *tg__axis_unit(const tg_model *m, const tg_axis *a)
{
  if (a->variable == TG_AXIS_TEMPERATURE) return "K";
  if (a->variable < TG_AXIS_TEMPERATURE) return tg__descriptor_unit(m, TG_AXIS_DESCRIPTOR(0) - a->variable);
  return tg__pressure_unit(m);
}
