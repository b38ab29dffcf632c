/* Model assembly: the species registered while the steps were read
 * (reaction.c) sorted as SCAKS sorts them (ASCII), and the structures built
 * once: rate-law factors, the d(theta)/dt and TOF coefficients, rate
 * constants. Also the model's accessors. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/kernel.h"

/* Sorted indices of the species of one kind. An insertion sort with the
 * model passed in: qsort has no context argument, and a static one raced
 * when threads loaded models at once. Models have tens of species. */
static int *sorted(tg_model *m, sp_kind kind, int *count)
{
  int *idx = malloc((size_t)(m->nsp ? m->nsp : 1) * sizeof *idx), n = 0;
  if (!idx) return NULL;
  for (int i = 0; i < m->nsp; i++) {
    if (m->sp[i].kind != kind) continue;
    int k = n++;
    for (; k > 0 && strcmp(m->sp[idx[k - 1]].name, m->sp[i].name) > 0; k--) idx[k] = idx[k - 1];
    idx[k] = i;
  }
  for (int k = 0; k < n; k++) m->sp[idx[k]].index = k;
  *count = n;
  return idx;
}

/* Site index of a species: position of "*_<site>" among the sorted sites. */
static int site_of(const tg_model *m, const species *s)
{
  const char *site = strrchr(s->name, '_') + 1;
  for (int k = 0; k < m->ns; k++)
    if (strcmp(strrchr(m->sp[m->sites[k]].name, '_') + 1, site) == 0) return k;
  return -1;
}

static int in_state(const step *st, int state, int sp)
{
  for (int f = 0; f < st->n[state]; f++)
    if (st->st[state][f].sp == sp) return 1;
  return 0;
}

/* Append to a bounded message; what does not fit is cut off. */
static void append(char *text, size_t size, size_t *used, const char *fmt, ...) TG_PRINTF(4, 5);
static void append(char *text, size_t size, size_t *used, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(text + *used, size - *used, fmt, ap);
  va_end(ap);
  if (n > 0) *used += (size_t)n < size - *used ? (size_t)n : size - *used - 1;
}

/* Adsorbates that are only produced or only consumed: a dead end carries no
 * steady-state flow (TOF 0) and is nearly always a misspelt name ("HO_s"
 * for "OH_s"). Names every dead end with its steps. */
static int check_dead_ends(const tg_model *m)
{
  char text[900] = "";
  size_t used = 0;
  for (int a = 0; a < m->na; a++) {
    int sp = m->ads[a], consumed = 0, produced = 0;
    for (int i = 0; i < m->nsteps; i++) {
      consumed |= in_state(&m->steps[i], IS, sp);
      produced |= in_state(&m->steps[i], FS, sp);
    }
    if (consumed && produced) continue;
    append(text, sizeof text, &used, "%sadsorbate %s is only %s (", used ? "; " : "", m->sp[sp].name,
           produced ? "produced, never consumed" : "consumed, never produced");
    const char *sep = "";
    for (int i = 0; i < m->nsteps; i++)
      if (in_state(&m->steps[i], IS, sp) || in_state(&m->steps[i], FS, sp)) {
        append(text, sizeof text, &used, "%sline %d: \"%s\"", sep, m->steps[i].line, m->steps[i].text);
        sep = ", ";
      }
    append(text, sizeof text, &used, ")");
  }
  if (!used) return TG_SUCCESS;
  return tg__fail(TG_ERR_MODEL, m->origin, "%s; a misspelt name? Every adsorbate must be both produced and consumed",
                  text);
}

int tg__model_finish(tg_model *m)
{
  if (m->nsteps == 0) return tg__fail(TG_ERR_MODEL, m->origin, "the model has no reactions");
  m->ads = sorted(m, SP_ADS, &m->na);
  m->sites = sorted(m, SP_SITE, &m->ns);
  m->gases = sorted(m, SP_GAS, &m->ng);
  if (!m->ads || !m->sites || !m->gases) return tg__fail(TG_ERR_NOMEM, m->origin, "out of memory");
  if (m->na == 0) return tg__fail(TG_ERR_MODEL, m->origin, "the model has no adsorbates");
  if (m->ns > 64) return tg__fail(TG_ERR_MODEL, m->origin, "more than 64 site types");
  for (int i = 0; i < m->nsp; i++) {
    species *s = &m->sp[i];
    if (s->kind == SP_ADS || s->kind == SP_SITE || s->kind == SP_TS) {
      s->site = site_of(m, s);
      if (s->site < 0)
        return tg__fail(TG_ERR_MODEL, m->origin, "species %s sits on site '%s', but no step has a free site *_%s",
                        s->name, strrchr(s->name, '_') + 1, strrchr(s->name, '_') + 1);
    }
  }
  m->ads_site = malloc((size_t)m->na * sizeof *m->ads_site);
  m->k = calloc((size_t)m->nsteps, sizeof *m->k);
  m->dtheta = calloc((size_t)m->na * (size_t)m->nsteps, sizeof *m->dtheta);
  m->dgas = calloc((size_t)(m->ng ? m->ng : 1) * (size_t)m->nsteps, sizeof *m->dgas);
  m->kf = malloc((size_t)m->nsteps * sizeof *m->kf);
  m->kr = malloc((size_t)m->nsteps * sizeof *m->kr);
  if (!m->ads_site || !m->k || !m->dtheta || !m->dgas || !m->kf || !m->kr)
    return tg__fail(TG_ERR_NOMEM, m->origin, "out of memory");
  for (int a = 0; a < m->na; a++) m->ads_site[a] = m->sp[m->ads[a]].site;
  for (int i = 0; i < m->nsteps; i++) TG_CALL(tg__check_conservation(m, &m->steps[i]));
  TG_CALL(check_dead_ends(m));

  for (int i = 0; i < m->nsteps; i++) {
    const step *st = &m->steps[i];
    kstep *k = &m->k[i];
    for (int side = 0; side < 2; side++) { /* rate laws use IS and FS only, never the TS */
      int state = side ? FS : IS;
      for (int f = 0; f < st->n[state]; f++) {
        const formula *fo = &st->st[state][f];
        const species *s = &m->sp[fo->sp];
        if (s->kind == SP_GAS) k->gas[side][k->ngas[side]++] = (factor){s->index, fo->nu};
        else if (s->kind == SP_ADS) k->surf[side][k->nsurf[side]++] = (factor){s->index, fo->nu};
        else if (s->kind == SP_SITE) k->surf[side][k->nsurf[side]++] = (factor){m->na + s->index, fo->nu};
      }
    }
    /* Collision theory: adsorption if the IS holds a gas (its first gas), else
     * desorption if the FS does. */
    for (int side = 0; side < 2 && !k->ct_type; side++) {
      int state = side ? FS : IS;
      for (int f = 0; f < st->n[state]; f++)
        if (m->sp[st->st[state][f].sp].kind == SP_GAS) {
          k->ct_type = side ? 2 : 1;
          k->ct_gas = st->st[state][f].sp;
          k->ct_nu = st->st[state][f].nu;
          break;
        }
    }
    /* d(theta)/dt: an adsorbate counts at its first occurrence, IS before FS
     * (SCAKS's rule: on both sides, only the IS occurrence counts). */
    for (int a = 0; a < m->na; a++) {
      int found = 0;
      for (int f = 0; f < st->n[IS] && !found; f++)
        if (st->st[IS][f].sp == m->ads[a]) m->dtheta[a * m->nsteps + i] = -st->st[IS][f].nu, found = 1;
      for (int f = 0; f < st->n[FS] && !found; f++)
        if (st->st[FS][f].sp == m->ads[a]) m->dtheta[a * m->nsteps + i] = st->st[FS][f].nu, found = 1;
    }
    for (int g = 0; g < m->ng; g++) {
      double nu = 0, in = 0, out = 0;
      for (int f = 0; f < st->n[IS]; f++)
        if (st->st[IS][f].sp == m->gases[g]) nu -= st->st[IS][f].nu, in = 1;
      for (int f = 0; f < st->n[FS]; f++)
        if (st->st[FS][f].sp == m->gases[g]) nu += st->st[FS][f].nu, out = 1;
      /* CatMAP's TOF counts each step's rate once, whatever the coefficient:
       * -r if the gas is in the initial state, else +r if in the final. */
      if (m->catmap) nu = in ? -1 : out ? 1 : 0;
      m->dgas[g * m->nsteps + i] = nu;
    }
  }
  if (m->rate_algo_ct) {
    if (!(m->unitcell_area > 0))
      return tg__fail(TG_ERR_MODEL, m->origin, "rate_algo CT needs a positive unitcell_area (m^2)");
    for (int i = 0; i < m->nsteps; i++) {
      if (!m->k[i].ct_type) continue;
      species *g = &m->sp[m->k[i].ct_gas];
      if (!(g->mass > 0))
        return tg__fail(TG_ERR_MODEL, m->origin,
                        "line %d: step \"%s\": collision theory needs the mass of %s (elements H C N O F Ne S Cl)",
                        m->steps[i].line, m->steps[i].text, g->name);
      if (!g->has_thermo) g->has_thermo = tg__gas_thermo_builtin(g->name, &g->thermo);
      if (!g->has_thermo) /* SCAKS only warns and leaves the gas correction out */
        return tg__fail(TG_ERR_MODEL, m->origin,
                        "line %d: step \"%s\": collision theory needs the partition function of %s, which is not a "
                        "built-in gas (%s): give its symmetry_number, rotational_temperatures and "
                        "vibrational_temperatures (K) in species (docs/model-format.md), or use rate_algo TST",
                        m->steps[i].line, m->steps[i].text, g->name, tg__gas_thermo_names());
    }
  }
  if (!(m->active_ratio > 0 && m->active_ratio <= 1))
    return tg__fail(TG_ERR_MODEL, m->origin, "active_ratio = %g must be in (0, 1]", m->active_ratio);
  if (!(m->temperature > 0))
    return tg__fail(TG_ERR_MODEL, m->origin, "temperature = %g K must be positive", m->temperature);
  m->site_total = malloc((size_t)m->ns * sizeof *m->site_total);
  m->pressures = malloc((size_t)(m->ng ? m->ng : 1) * sizeof *m->pressures);
  if (!m->site_total || !m->pressures) return tg__fail(TG_ERR_NOMEM, m->origin, "out of memory");
  for (int s = 0; s < m->ns; s++) m->site_total[s] = m->sp[m->sites[s]].total;
  for (int g = 0; g < m->ng; g++) m->pressures[g] = m->sp[m->gases[g]].pressure;
  if (m->catmap) TG_CALL(tg__catmap_prepare(m));
  if (m->catmap && !m->catmap->has_point) { /* no point of its own: every solve names its descriptors */
    for (int i = 0; i < m->nsteps; i++) m->kf[i] = m->kr[i] = NAN;
    return TG_SUCCESS;
  }
  return tg__rate_constants_at(m, m->temperature, NULL, m->kf, m->kr, m->origin);
}

int tg__rate_constants_at(const tg_model *m, double T, const double *d, double *kf, double *kr, const char *fn)
{
  if (!m->catmap) {
    if (d) return tg__fail(TG_ERR_ARG, fn, "descriptors given, but %s has none", m->name);
    return tg__rate_constants(m, T, kf, kr);
  }
  if (!d && !m->catmap->has_point)
    return tg__fail(TG_ERR_ARG, fn, "%s has descriptors and no point of its own: give the descriptors' values",
                    m->name);
  const double *point = d ? d : m->catmap->point;
  for (int q = 0; q < m->catmap->nd; q++)
    if (!isfinite(point[q]))
      return tg__fail(TG_ERR_ARG, fn, "descriptor %s = %g is not finite", tg_model_species(m, TG_DESCRIPTOR, q),
                      point[q]);
  TG_CALL(tg__catmap_conditions(m, point, &T, NULL, fn)); /* a temperature descriptor is the temperature */
  return tg__catmap_rate_constants(m, T, point, kf, kr, NULL, fn);
}

void tg_model_free(tg_model *m)
{
  if (!m) return;
  free(m->source);
  free(m->sp);
  free(m->steps);
  free(m->k);
  free(m->ads);
  free(m->sites);
  free(m->gases);
  free(m->ads_site);
  free(m->site_total);
  free(m->dtheta);
  free(m->dgas);
  free(m->pressures);
  free(m->initial);
  free(m->kf);
  free(m->kr);
  free(m->rfac);
  free(m->rfac_start);
  free(m->dterms);
  free(m->jterms);
  tg__catmap_free(m->catmap);
  free(m);
}

const char *tg_model_name(const tg_model *m) { return m ? m->name : ""; }

const char *tg_model_source(const tg_model *m) { return m && m->source ? m->source : ""; }

int tg_model_count(const tg_model *m, int kind)
{
  if (!m) return 0;
  switch (kind) {
  case TG_ADSORBATE: return m->na;
  case TG_SITE: return m->ns;
  case TG_GAS: return m->ng;
  case TG_DESCRIPTOR: return m->catmap ? m->catmap->nd : 0;
  case TG_TRANSITION_STATE: return tg__transition_states(m, NULL);
  case TG_SURFACE: return m->catmap ? m->catmap->nsurf : 0;
  case -1: return m->nsteps;
  }
  return 0;
}

const char *tg_model_species(const tg_model *m, int kind, int index)
{
  if (!m || index < 0) return NULL;
  if (kind == TG_ADSORBATE && index < m->na) return m->sp[m->ads[index]].name;
  if (kind == TG_SITE && index < m->ns) return m->sp[m->sites[index]].name;
  if (kind == TG_GAS && index < m->ng) return m->sp[m->gases[index]].name;
  if (kind == TG_TRANSITION_STATE) {
    int count = tg__transition_states(m, NULL), ts[count > 0 ? count : 1];
    tg__transition_states(m, ts);
    return index < count ? m->sp[ts[index]].name : NULL;
  }
  if (kind == TG_SURFACE && m->catmap && index < m->catmap->nsurf) return m->catmap->surface[index];
  if (kind == TG_DESCRIPTOR && m->catmap && index < m->catmap->nd) {
    int d = m->catmap->desc[index];
    return d == TG_DESC_TEMPERATURE ? "temperature" : d == TG_DESC_LOG_PRESSURE ? "logPressure" : m->sp[d].name;
  }
  return NULL;
}

int tg_model_surface(const tg_model *m, int k, double *descriptors)
{
  if (!m || !descriptors) return tg__fail(TG_ERR_ARG, __func__, "model and descriptors must not be NULL");
  const tg__catmap *c = m->catmap;
  if (!c || k < 0 || k >= c->nsurf)
    return tg__fail(TG_ERR_ARG, __func__, "surface %d: %s has %d surfaces in its energy table", k, m->name,
                    c ? c->nsurf : 0);
  memcpy(descriptors, c->surface_desc + (size_t)k * c->nd, (size_t)c->nd * sizeof *descriptors);
  return TG_SUCCESS;
}

int tg_model_descriptor_index(const tg_model *m, const char *name)
{
  for (int q = 0; m && m->catmap && name && q < m->catmap->nd; q++)
    if (strcmp(tg_model_species(m, TG_DESCRIPTOR, q), name) == 0) return q;
  return -1;
}

int tg_model_descriptor(const tg_model *m, int k, double *lo, double *hi, int64_t *n, double *point)
{
  if (!m) return tg__fail(TG_ERR_ARG, __func__, "model is NULL");
  const tg__catmap *c = m->catmap;
  if (!c || k < 0 || k >= c->nd)
    return tg__fail(TG_ERR_ARG, __func__, "%s has no descriptor %d (it has %d)", m->name, k, c ? c->nd : 0);
  if ((lo || hi || n) && !c->has_ranges)
    return tg__fail(TG_ERR_ARG, __func__, "%s states no descriptor ranges", m->name);
  if (point && !c->has_point) return tg__fail(TG_ERR_ARG, __func__, "%s states no descriptor values", m->name);
  if (lo) *lo = c->range[k][0];
  if (hi) *hi = c->range[k][1];
  if (n) *n = c->resolution[k];
  if (point) *point = c->point[k];
  return TG_SUCCESS;
}

int tg_model_gas_index(const tg_model *m, const char *name)
{
  for (int g = 0; m && name && g < m->ng; g++)
    if (strcmp(m->sp[m->gases[g]].name, name) == 0) return g;
  return -1;
}

int tg_model_product(const tg_model *m) { return m ? m->product : -1; }

int tg_model_conditions(const tg_model *m, double *temperature, double *pressures)
{
  if (!m) return tg__fail(TG_ERR_ARG, __func__, "model is NULL");
  if (temperature) *temperature = m->temperature;
  if (pressures)
    for (int g = 0; g < m->ng; g++) pressures[g] = m->pressures[g];
  return TG_SUCCESS;
}

int tg__temperature(const tg_model *m, double T, const char *fn, double *out)
{
  if (T == TG_MODEL_TEMPERATURE) {
    *out = m->temperature;
    return TG_SUCCESS;
  }
  if (!(T > 0) || !isfinite(T))
    return tg__fail(TG_ERR_ARG, fn,
                    "temperature = %g K must be finite and > 0 (TG_MODEL_TEMPERATURE for the model's %g K)", T,
                    m->temperature);
  *out = T;
  return TG_SUCCESS;
}

/* Both public rate-constant calls: their checks, messages naming fn. */
static int rate_constants(const tg_model *m, double T, const double *d, double *kf, double *kr, const char *fn)
{
  if (!m || !kf || !kr) return tg__fail(TG_ERR_ARG, fn, "model, kf and kr must not be NULL");
  TG_CALL(tg__catmap_check_conditions(m, T, NULL, fn));
  TG_CALL(tg__temperature(m, T, fn, &T));
  return tg__rate_constants_at(m, T, d, kf, kr, fn);
}

int tg_model_rate_constants(const tg_model *m, double T, double *kf, double *kr)
{
  return rate_constants(m, T, NULL, kf, kr, __func__);
}

int tg_model_rate_constants_at(const tg_model *m, double T, const double *d, double *kf, double *kr)
{
  return rate_constants(m, T, d, kf, kr, __func__);
}

tg_solve_options tg_solve_options_default(const tg_model *m)
{
  tg_solve_options o = {1.0, 1e4, 1e-12, 100, 0, NULL, NULL, 0, NULL, 0};
  if (m) o = m->opts;
  return o;
}

int tg_solution_create(const tg_model *m, tg_solution **out)
{
  if (!m || !out) return tg__fail(TG_ERR_ARG, __func__, "model and solution must not be NULL");
  tg_solution *s = calloc(1, sizeof *s);
  size_t n = (size_t)(m->na + m->ns), ns = (size_t)m->nsteps;
  if (s) {
    s->coverages = calloc(n, sizeof(double));
    s->tof = calloc((size_t)(m->ng ? m->ng : 1), sizeof(double));
    s->rf = calloc(ns, sizeof(double));
    s->rr = calloc(ns, sizeof(double));
    s->net = calloc(ns, sizeof(double));
    s->xrc = calloc(ns, sizeof(double));
    size_t ng = (size_t)(m->ng ? m->ng : 1), np = (size_t)(m->na + tg__transition_states(m, NULL));
    s->orders = calloc(ng * ng, sizeof(double));
    s->eapp = calloc(ng, sizeof(double));
    s->rate_control = calloc(ng * (np ? np : 1), sizeof(double));
    s->selectivity = calloc(ng, sizeof(double));
    s->selectivity_control = calloc(ng * (np ? np : 1), sizeof(double));
  }
  if (!s || !s->coverages || !s->tof || !s->rf || !s->rr || !s->net || !s->xrc || !s->orders || !s->eapp ||
      !s->rate_control || !s->selectivity || !s->selectivity_control) {
    tg_solution_free(s);
    return tg__fail(TG_ERR_NOMEM, __func__, "out of memory");
  }
  *out = s;
  return TG_SUCCESS;
}

void tg_solution_free(tg_solution *s)
{
  if (!s) return;
  free(s->coverages);
  free(s->tof);
  free(s->orders);
  free(s->eapp);
  free(s->rate_control);
  free(s->selectivity);
  free(s->selectivity_control);
  free(s->rf);
  free(s->rr);
  free(s->net);
  free(s->xrc);
  free(s);
}
