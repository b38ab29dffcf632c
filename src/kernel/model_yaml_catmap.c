/* The CatMAP part of the YAML model format (docs/model-format.md, "CatMAP
 * models"): descriptors, thermochemistry, per-species thermochemical data,
 * per-step prefactors and the scaling relations -- fitted here from an
 * energy table exactly as CatMAP fits them (scaling.c), or given. Read
 * after the reactions and species, before the model is finished. */
#include "kernel/model_yaml.h"

static const double cm_eV = 1.239842e-4; /* CatMAP's frequency unit conversion */

/* A list of numbers (at most max); *count gets its length. */
static int numbers(const reader *r, const yaml_node_t *n, const char *what, int max, double *out, int *count)
{
  TG_CALL(want(r, n, YAML_SEQUENCE_NODE, what));
  int k = (int)(n->data.sequence.items.top - n->data.sequence.items.start);
  if (k > max) return fail_at(r, n, TG_ERR_MODEL, "%s: at most %d values, not %d", what, max, k);
  for (int i = 0; i < k; i++) TG_CALL(number(r, node(r, n->data.sequence.items.start[i]), what, &out[i]));
  *count = k;
  return TG_SUCCESS;
}

static int items(const yaml_node_t *n) { return (int)(n->data.sequence.items.top - n->data.sequence.items.start); }

static int read_descriptors(reader *r, const yaml_node_t *dn, tg__catmap *c)
{
  tg_model *m = r->m;
  static const char *const keys[] = {"names", "values", "ranges", "resolution", NULL};
  TG_CALL(want(r, dn, YAML_MAPPING_NODE, "descriptors"));
  TG_CALL(only_keys(r, dn, keys, "descriptors"));
  yaml_node_t *names = lookup(r, dn, "names"), *v;
  if (!names) return fail_at(r, dn, TG_ERR_MODEL, "descriptors needs names (adsorbates, e.g. [O_s, CO_s])");
  TG_CALL(want(r, names, YAML_SEQUENCE_NODE, "descriptors: names"));
  c->nd = items(names);
  if (c->nd < 1 || c->nd > TG_DESCRIPTORS_MAX)
    return fail_at(r, names, TG_ERR_MODEL, "descriptors: 1 to %d names, not %d", TG_DESCRIPTORS_MAX, c->nd);
  for (int q = 0; q < c->nd; q++) {
    yaml_node_t *k = node(r, names->data.sequence.items.start[q]);
    TG_CALL(want(r, k, YAML_SCALAR_NODE, "a descriptor's name"));
    if (!strcmp(scalar(k), "temperature") || !strcmp(scalar(k), "logPressure")) { /* conditions as descriptors */
      c->desc[q] = !strcmp(scalar(k), "temperature") ? TG_DESC_TEMPERATURE : TG_DESC_LOG_PRESSURE;
      c->has_conditions = 1;
      for (int p = 0; p < q; p++)
        if (c->desc[p] == c->desc[q]) return fail_at(r, k, TG_ERR_MODEL, "descriptor %s is named twice", scalar(k));
      continue;
    }
    TG_CALL(species_of(r, k, "descriptor %s is not a species of any reaction", &c->desc[q]));
    if (m->sp[c->desc[q]].kind != SP_ADS)
      return fail_at(r, k, TG_ERR_MODEL, "descriptor %s is not an adsorbate", scalar(k));
    for (int p = 0; p < q; p++)
      if (c->desc[p] == c->desc[q]) return fail_at(r, k, TG_ERR_MODEL, "descriptor %s is named twice", scalar(k));
  }
  int n = 0;
  if ((v = lookup(r, dn, "values"))) {
    TG_CALL(numbers(r, v, "descriptors: values", TG_DESCRIPTORS_MAX, c->point, &n));
    if (n != c->nd) return fail_at(r, v, TG_ERR_MODEL, "descriptors: %d values for %d names", n, c->nd);
    c->has_point = 1;
  }
  if ((v = lookup(r, dn, "ranges"))) {
    TG_CALL(want(r, v, YAML_SEQUENCE_NODE, "descriptors: ranges"));
    if (items(v) != c->nd) return fail_at(r, v, TG_ERR_MODEL, "descriptors: %d ranges for %d names", items(v), c->nd);
    for (int q = 0; q < c->nd; q++) {
      yaml_node_t *pair = node(r, v->data.sequence.items.start[q]);
      TG_CALL(numbers(r, pair, "a descriptor range [min, max]", 2, c->range[q], &n));
      if (n != 2) /* either order: numpy.linspace runs downwards too, as in CatMAP */
        return fail_at(r, pair, TG_ERR_MODEL, "a descriptor range is [start, end]");
    }
    c->has_ranges = 1;
    for (int q = 0; q < c->nd; q++) c->resolution[q] = 15; /* CatMAP's default resolution */
  }
  if ((v = lookup(r, dn, "resolution"))) {
    if (!c->has_ranges) return fail_at(r, v, TG_ERR_MODEL, "descriptors: resolution needs ranges");
    if (v->type == YAML_SCALAR_NODE) {
      TG_CALL(whole(r, v, "resolution", 1, 100000000, &c->resolution[0]));
      for (int q = 1; q < c->nd; q++) c->resolution[q] = c->resolution[0];
    } else {
      TG_CALL(want(r, v, YAML_SEQUENCE_NODE, "resolution"));
      if (items(v) != c->nd)
        return fail_at(r, v, TG_ERR_MODEL, "descriptors: %d resolutions for %d names", items(v), c->nd);
      for (int q = 0; q < c->nd; q++)
        TG_CALL(whole(r, node(r, v->data.sequence.items.start[q]), "resolution", 1, 100000000, &c->resolution[q]));
    }
  }
  return TG_SUCCESS;
}

/* The index of a mode among its names (the enum's order), or an error
 * listing them. */
static int mode_of(const reader *r, const yaml_node_t *n, const char *const *names, int count, const char *what,
                   int *mode)
{
  TG_CALL(want(r, n, YAML_SCALAR_NODE, what));
  for (int k = 0; k < count; k++)
    if (strcmp(scalar(n), names[k]) == 0) return *mode = k, TG_SUCCESS;
  char list[256] = "";
  for (int k = 0; k < count; k++)
    snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k ? ", " : "", names[k]);
  return fail_at(r, n, TG_ERR_MODEL, "unknown %s \"%s\" (%s)", what, scalar(n), list);
}

static int read_modes(reader *r, const yaml_node_t *tn, tg__catmap *c)
{
  static const char *const keys[] = {"gas", "adsorbate", NULL};
  /* in the order of tg__gas_mode and tg__ads_mode */
  static const char *const gas[] = {"shomate_gas",    "ideal_gas", "fixed_entropy_gas", "frozen_fixed_entropy_gas",
                                    "zero_point_gas", "frozen_gas"};
  static const char *const ads[] = {"frozen_adsorbate", "harmonic_adsorbate", "zero_point_adsorbate"};
  if (!tn)
    return fail_at(r, node(r, 1), TG_ERR_MODEL,
                   "a model with descriptors needs thermochemistry: {gas: ..._gas, adsorbate: ..._adsorbate}");
  TG_CALL(want(r, tn, YAML_MAPPING_NODE, "thermochemistry"));
  TG_CALL(only_keys(r, tn, keys, "thermochemistry"));
  yaml_node_t *g = lookup(r, tn, "gas"), *a = lookup(r, tn, "adsorbate");
  if (!g || !a) return fail_at(r, tn, TG_ERR_MODEL, "thermochemistry needs both gas and adsorbate modes");
  int gm = 0, am = 0;
  TG_CALL(mode_of(r, g, gas, (int)(sizeof gas / sizeof gas[0]), "gas thermochemistry", &gm));
  TG_CALL(mode_of(r, a, ads, (int)(sizeof ads / sizeof ads[0]), "adsorbate thermochemistry", &am));
  c->gas_mode = (tg__gas_mode)gm, c->ads_mode = (tg__ads_mode)am;
  return TG_SUCCESS;
}

/* Atoms in a formula ("CO2", "CH3OH"): capital letters with their counts. */
static int atoms(const char *chem)
{
  int n = 0;
  for (const char *p = chem; *p;) {
    if (*p >= 'A' && *p <= 'Z') {
      p++;
      while (*p >= 'a' && *p <= 'z') p++;
      int k = 0;
      while (*p >= '0' && *p <= '9') k = 10 * k + (*p++ - '0');
      n += k ? k : 1;
    } else {
      p++;
    }
  }
  return n;
}

/* One species' CatMAP data in species: energy (gases), frequencies (cm^-1),
 * shomate, ideal_gas, fixed_entropy. */
static int read_species_data(reader *r, const yaml_node_t *k, const yaml_node_t *v, tg__catmap *c)
{
  tg_model *m = r->m;
  int i = 0;
  TG_CALL(species_of(r, k, "species %s is not in any reaction", &i));
  species *s = &m->sp[i];
  tg__thermo_data *d = &c->thermo[i];
  yaml_node_t *x;
  if ((x = lookup(r, v, "energy"))) {
    if (s->kind != SP_GAS)
      return fail_at(r, x, TG_ERR_MODEL, "%s: only gases have a fixed energy (adsorbates follow the scaling)", s->name);
    TG_CALL(number(r, x, "energy", &s->energy));
    s->has_energy = 1;
  }
  if ((x = lookup(r, v, "frequencies"))) {
    TG_CALL(numbers(r, x, "frequencies (cm^-1)", TG_FREQ_MAX, d->freq, &d->nfreq));
    for (int f = 0; f < d->nfreq; f++) {
      if (!(d->freq[f] > 0)) return fail_at(r, x, TG_ERR_MODEL, "%s: frequencies must be > 0 (cm^-1)", s->name);
      d->freq[f] *= cm_eV;
    }
  }
  if ((x = lookup(r, v, "shomate"))) {
    TG_CALL(want(r, x, YAML_SEQUENCE_NODE, "shomate"));
    if (items(x) < 1 || items(x) > TG_SHOMATE_MAX)
      return fail_at(r, x, TG_ERR_MODEL, "%s: shomate needs 1 to %d ranges", s->name, TG_SHOMATE_MAX);
    d->nshomate = items(x);
    for (int q = 0; q < d->nshomate; q++) {
      double row[10];
      int n = 0;
      yaml_node_t *e = node(r, x->data.sequence.items.start[q]);
      TG_CALL(numbers(r, e, "a Shomate range [Tmin, Tmax, A, B, C, D, E, F, G, H]", 10, row, &n));
      if (n != 10 || !(row[0] > 0 && row[0] < row[1]))
        return fail_at(r, e, TG_ERR_MODEL, "a Shomate range is [Tmin, Tmax, A, B, C, D, E, F, G, H], 0 < Tmin < Tmax");
      d->shomate[q].tmin = row[0], d->shomate[q].tmax = row[1];
      memcpy(d->shomate[q].c, row + 2, sizeof d->shomate[q].c);
    }
  }
  if ((x = lookup(r, v, "ideal_gas"))) {
    static const char *const keys[] = {"mass", "inertia", "symmetry_number", "geometry", "spin", NULL};
    TG_CALL(want(r, x, YAML_MAPPING_NODE, "ideal_gas"));
    TG_CALL(only_keys(r, x, keys, "ideal_gas"));
    yaml_node_t *ms = lookup(r, x, "mass"), *in = lookup(r, x, "inertia"), *sg = lookup(r, x, "symmetry_number"),
                *ge = lookup(r, x, "geometry"), *sp = lookup(r, x, "spin");
    if (!ms || !in || !sg || !ge || !sp)
      return fail_at(r, x, TG_ERR_MODEL,
                     "%s: ideal_gas needs mass (amu), inertia (principal moments, amu A^2), symmetry_number, "
                     "geometry (linear or nonlinear) and spin",
                     s->name);
    tg__ideal_gas *g = &d->ideal;
    int n = 0;
    TG_CALL(number(r, ms, "mass", &g->mass));
    TG_CALL(whole(r, sg, "symmetry_number", 1, 1000, &g->sigma));
    TG_CALL(number(r, sp, "spin", &g->spin));
    TG_CALL(want(r, ge, YAML_SCALAR_NODE, "geometry"));
    g->linear = strcmp(scalar(ge), "linear") == 0;
    if (!g->linear && strcmp(scalar(ge), "nonlinear") != 0)
      return fail_at(r, ge, TG_ERR_MODEL, "geometry is linear or nonlinear, not \"%s\"", scalar(ge));
    TG_CALL(numbers(r, in, "inertia", 3, g->inertia, &n));
    if (n != 3) return fail_at(r, in, TG_ERR_MODEL, "inertia: the 3 principal moments (amu A^2), ascending");
    if (!(g->mass > 0) || g->spin < 0 || !(g->inertia[2] > 0) || (!g->linear && !(g->inertia[0] > 0)))
      return fail_at(r, x, TG_ERR_MODEL, "%s: ideal_gas needs mass > 0, spin >= 0 and positive moments of inertia",
                     s->name);
    d->has_ideal = 1;
  }
  if ((x = lookup(r, v, "concentration"))) {
    TG_CALL(number(r, x, "concentration", &c->concentration[i]));
    if (s->kind != SP_GAS || c->concentration[i] < 0)
      return fail_at(r, x, TG_ERR_MODEL, "%s: a concentration is a gas's share of the total pressure, >= 0", s->name);
  }
  if ((x = lookup(r, v, "fixed_entropy"))) {
    TG_CALL(number(r, x, "fixed_entropy (eV/K)", &d->fixed_entropy));
    if (d->fixed_entropy < 0) return fail_at(r, x, TG_ERR_MODEL, "%s: fixed_entropy must be >= 0 (eV/K)", s->name);
  }
  return TG_SUCCESS;
}

/* Every species' data is there for the modes (with CatMAP's built-in gas
 * data where the model gives none). */
static int check_thermo(reader *r, const yaml_node_t *at, tg__catmap *c)
{
  tg_model *m = r->m;
  for (int i = 0; i < m->nsp; i++) {
    species *s = &m->sp[i];
    tg__thermo_data *d = &c->thermo[i];
    if (s->kind == SP_GAS) {
      if (!s->has_energy)
        return fail_at(r, at, TG_ERR_MODEL, "gas %s needs its formation energy (energy: eV) in species", s->name);
      if (c->gas_mode == TG_GAS_SHOMATE && d->nshomate == 0) {
        d->nshomate = tg__shomate_builtin(s->name, d->shomate, TG_SHOMATE_MAX);
        if (d->nshomate == 0)
          return fail_at(r, at, TG_ERR_MODEL,
                         "gas %s has no Shomate parameters (CatMAP's table has H2, CH4, CO, H2O, CO2, O2, NH3, N2, "
                         "N2O, NO2, NO, NO3, HNO2, HNO3, HCN, CH2CH2, CH2O, CH3OH, HCOOH, CH3CH2OH): give "
                         "shomate: [[Tmin, Tmax, A, B, C, D, E, F, G, H]] in species",
                         s->name);
      }
      if (c->gas_mode == TG_GAS_IDEAL) {
        if (!d->has_ideal) d->has_ideal = tg__ideal_gas_builtin(s->name, &d->ideal);
        if (!d->has_ideal)
          return fail_at(r, at, TG_ERR_MODEL,
                         "gas %s has no ideal-gas data (built in: CO_g, O2_g, CO2_g): give ideal_gas: {mass, "
                         "inertia, symmetry_number, geometry, spin} in species",
                         s->name);
        int n = atoms(s->formula), need = n == 1 ? 0 : 3 * n - (d->ideal.linear ? 5 : 6);
        if (d->nfreq < need)
          return fail_at(r, at, TG_ERR_MODEL, "gas %s: ideal_gas needs %d vibrational frequencies, %d given", s->name,
                         need, d->nfreq);
        if (d->nfreq > need) { /* ASE keeps the highest 3N-5 (3N-6) */
          for (int a = 1; a < d->nfreq; a++)
            for (int b = a; b > 0 && d->freq[b - 1] > d->freq[b]; b--) {
              double t = d->freq[b];
              d->freq[b] = d->freq[b - 1], d->freq[b - 1] = t;
            }
          memmove(d->freq, d->freq + (d->nfreq - need), (size_t)need * sizeof *d->freq);
          d->nfreq = need;
        }
      }
      if ((c->gas_mode == TG_GAS_FIXED_ENTROPY || c->gas_mode == TG_GAS_FROZEN_FIXED_ENTROPY) &&
          isnan(d->fixed_entropy))
        d->fixed_entropy = strcmp(s->name, "H2_g") == 0 ? 0.00135 : 0.002; /* CatMAP's fixed_entropy_dict */
    } else if (s->kind == SP_ADS && c->ads_mode != TG_ADS_FROZEN && d->nfreq == 0) {
      return fail_at(r, at, TG_ERR_MODEL, "adsorbate %s has no frequencies, which %s needs", s->name,
                     c->ads_mode == TG_ADS_HARMONIC ? "harmonic_adsorbate" : "zero_point_adsorbate");
    }
  }
  for (int i = 0; i < m->nsp; i++) c->ts_step[i] = -1;
  for (int st = m->nsteps - 1; st >= 0; st--) /* a transition state's first step */
    for (int f = 0; f < m->steps[st].n[TS]; f++)
      if (m->sp[m->steps[st].st[TS][f].sp].kind == SP_TS) c->ts_step[m->steps[st].st[TS][f].sp] = st;
  return TG_SUCCESS;
}

/* scaling: energies on surfaces, E[i * ns + k] (NaN: not known). */
static int read_table(reader *r, const yaml_node_t *sc, int *nsurf, double **E)
{
  tg_model *m = r->m;
  yaml_node_t *su = lookup(r, sc, "surfaces"), *en = lookup(r, sc, "energies");
  if (!su || !en) return TG_SUCCESS;
  TG_CALL(want(r, su, YAML_SEQUENCE_NODE, "scaling: surfaces"));
  TG_CALL(want(r, en, YAML_MAPPING_NODE, "scaling: energies"));
  *nsurf = items(su);
  if (*nsurf < 1 || *nsurf > 256) return fail_at(r, su, TG_ERR_MODEL, "scaling: 1 to 256 surfaces");
  *E = malloc((size_t)m->nsp * (size_t)*nsurf * sizeof **E);
  if (!*E) return tg__fail(TG_ERR_NOMEM, m->origin, "out of memory");
  for (int i = 0; i < m->nsp * *nsurf; i++) (*E)[i] = NAN;
  for (yaml_node_pair_t *p = en->data.mapping.pairs.start; p < en->data.mapping.pairs.top; p++) {
    yaml_node_t *k = node(r, p->key), *v = node(r, p->value);
    int i = 0;
    TG_CALL(species_of(r, k, "scaling: energies of %s, which is in no reaction", &i));
    if (m->sp[i].kind != SP_ADS && m->sp[i].kind != SP_TS)
      return fail_at(r, k, TG_ERR_MODEL, "scaling: %s is not an adsorbate or transition state", scalar(k));
    TG_CALL(want(r, v, YAML_SEQUENCE_NODE, "scaling: energies"));
    if (items(v) != *nsurf)
      return fail_at(r, v, TG_ERR_MODEL, "scaling: %d energies of %s for %d surfaces (null where not known)", items(v),
                     scalar(k), *nsurf);
    for (int s = 0; s < *nsurf; s++) {
      yaml_node_t *e = node(r, v->data.sequence.items.start[s]);
      if (e->type == YAML_SCALAR_NODE && (!strcmp(scalar(e), "null") || !strcmp(scalar(e), "~") || !*scalar(e)))
        continue;
      TG_CALL(number(r, e, "a formation energy", &(*E)[i * *nsurf + s]));
    }
  }
  return TG_SUCCESS;
}

/* A bound list such as ['+', 0, null]: lo[q], hi[q] per coefficient. */
static int read_bounds(const reader *r, const yaml_node_t *v, int w, double *lo, double *hi)
{
  if (items(v) != w)
    return fail_at(r, v, TG_ERR_MODEL, "a scaling constraint has %d entries (one per descriptor, then the constant)",
                   w);
  for (int q = 0; q < w; q++) {
    yaml_node_t *e = node(r, v->data.sequence.items.start[q]);
    TG_CALL(want(r, e, YAML_SCALAR_NODE, "a scaling constraint"));
    const char *t = scalar(e);
    const char *colon = strchr(t, ':');
    if (!strcmp(t, "null") || !strcmp(t, "~") || !*t) lo[q] = -1e99, hi[q] = 1e99;
    else if (!strcmp(t, "+")) lo[q] = 0, hi[q] = 1e99;
    else if (!strcmp(t, "-")) lo[q] = -1e99, hi[q] = 0;
    else if (colon) {
      char *end1, *end2;
      lo[q] = strtod(t, &end1);
      hi[q] = strtod(colon + 1, &end2);
      if (end1 != colon || *end2 || !(lo[q] <= hi[q]))
        return fail_at(r, e, TG_ERR_MODEL, "scaling constraint \"%s\": write lo:hi with lo <= hi", t);
    } else {
      TG_CALL(number(r, e, "a scaling constraint ('+', '-', 'lo:hi', a number or null)", &lo[q]));
      hi[q] = lo[q];
    }
  }
  return TG_SUCCESS;
}

/* The last step whose transition state holds species ts (CatMAP's choice). */
static int step_of(const tg_model *m, int ts)
{
  int found = -1;
  for (int st = 0; st < m->nsteps; st++)
    for (int f = 0; f < m->steps[st].n[TS]; f++)
      if (m->steps[st].st[TS][f].sp == ts) found = st;
  return found;
}

/* A transition state's relation: a line through the energies of its step's
 * initial state, final state (BEP: the reaction energy) or of named species. */
static int transition_state(reader *r, const yaml_node_t *rel, int ts, int nsurf, const double *E, tg__catmap *c)
{
  tg_model *m = r->m;
  const char *name = m->sp[ts].name;
  int w = c->nd + 1, st = step_of(m, ts);
  char mode[32] = "initial_state";
  double slope = 0, b = 0, weight[m->nsp];
  int has_slope = 0, has_b = 0, listed[TG_STATE_MAX * 2] = {0}, nlisted = 0;
  memset(weight, 0, sizeof weight);
  if (rel && rel->type == YAML_SCALAR_NODE) {
    TG_CALL(text(r, rel, "a transition-state relation", mode, sizeof mode));
  } else if (rel) {
    static const char *const keys[] = {"mode", "slope", "intercept", "species", NULL};
    TG_CALL(only_keys(r, rel, keys, name));
    yaml_node_t *x;
    if ((x = lookup(r, rel, "mode"))) TG_CALL(text(r, x, "mode", mode, sizeof mode));
    if ((x = lookup(r, rel, "slope"))) {
      TG_CALL(number(r, x, "slope", &slope));
      has_slope = 1;
    }
    if ((x = lookup(r, rel, "intercept"))) {
      TG_CALL(number(r, x, "intercept", &b));
      has_b = 1;
    }
    if (has_b && !has_slope) return fail_at(r, rel, TG_ERR_MODEL, "%s: an intercept needs a slope", name);
    if ((x = lookup(r, rel, "species"))) {
      TG_CALL(want(r, x, YAML_SEQUENCE_NODE, "species"));
      if (items(x) < 1 || items(x) > TG_STATE_MAX * 2)
        return fail_at(r, x, TG_ERR_MODEL, "%s: 1 to %d species", name, TG_STATE_MAX * 2);
      for (int q = 0; q < items(x); q++) {
        yaml_node_t *e = node(r, x->data.sequence.items.start[q]);
        TG_CALL(species_of(r, e, "%s is not a species of the model", &listed[nlisted]));
        if (m->sp[listed[nlisted]].kind != SP_ADS)
          return fail_at(r, e, TG_ERR_MODEL, "%s is not an adsorbate", scalar(e));
        nlisted++;
      }
    }
  }
  int kind = !strcmp(mode, "initial_state") ? 0
             : !strcmp(mode, "final_state") ? 1
             : !strcmp(mode, "BEP")         ? 2
             : !strcmp(mode, "TS")          ? 3
                                            : -1;
  if (kind < 0)
    return fail_at(r, rel, TG_ERR_MODEL,
                   "%s: unknown scaling mode \"%s\" (initial_state, final_state, BEP, TS, or a "
                   "list of constraints)",
                   name, mode);
  if (kind == 3 && nlisted == 0) return fail_at(r, rel, TG_ERR_MODEL, "%s: mode TS needs species: [...]", name);
  if (kind != 3 && st < 0) return fail_at(r, rel, TG_ERR_MODEL, "%s is the transition state of no step", name);
  /* Adsorbate counts: in[a] of the initial state, out[a] of the final (gases and free sites count 0). */
  double in[m->nsp], out[m->nsp], gas_in = 0, gas_out = 0;
  memset(in, 0, sizeof in), memset(out, 0, sizeof out);
  if (st >= 0)
    for (int side = 0; side < 2; side++) {
      const step *s = &m->steps[st];
      int state = side ? FS : IS;
      for (int f = 0; f < s->n[state]; f++) {
        const species *x = &m->sp[s->st[state][f].sp];
        if (x->kind == SP_ADS) (side ? out : in)[s->st[state][f].sp] += s->st[state][f].nu;
        if (x->kind == SP_GAS) *(side ? &gas_out : &gas_in) += s->st[state][f].nu * x->energy;
      }
    }
  if (kind == 3) { /* the named species instead of the step's initial state */
    memset(in, 0, sizeof in);
    for (int q = 0; q < nlisted; q++) in[listed[q]] += 1;
  }
  /* The fit: x_k (the state's energy, or the reaction energy for BEP) against y_k. */
  if (!(has_slope && has_b)) {
    if (!E)
      return fail_at(r, rel ? rel : node(r, 1), TG_ERR_MODEL,
                     "%s: fitting its scaling needs scaling: "
                     "surfaces and energies (or give slope and intercept)",
                     name);
    double x[nsurf], y[nsurf];
    for (int k = 0; k < nsurf; k++) {
      double sin = 0, sout = 0;
      for (int a = 0; a < m->nsp; a++) {
        if (in[a]) sin += in[a] * E[a * nsurf + k];
        if (out[a]) sout += out[a] * E[a * nsurf + k];
      }
      y[k] = E[ts * nsurf + k];
      x[k] = kind == 1 ? sout : kind == 2 ? sout - sin : sin;
      if (kind == 2) y[k] -= sin;
    }
    TG_CALL(tg__scaling_fit_line(nsurf, x, y, has_slope, &slope, has_b, &b, name, m->origin));
  }
  for (int a = 0; a < m->nsp; a++)
    weight[a] = kind == 1 ? slope * out[a] : kind == 2 ? (1 - slope) * in[a] + slope * out[a] : slope * in[a];
  double *row = c->coef + (size_t)ts * w;
  memset(row, 0, (size_t)w * sizeof *row);
  for (int a = 0; a < m->nsp; a++)
    if (weight[a] != 0)
      for (int q = 0; q < w; q++) row[q] += weight[a] * c->coef[(size_t)a * w + q];
  row[c->nd] += b;
  if (kind == 2 && has_slope && has_b)
    row[c->nd] += (1 - slope) * gas_in + slope * gas_out; /* CatMAP's BEP with [m, b] */
  return TG_SUCCESS;
}

static int read_scaling(reader *r, const yaml_node_t *sc, tg__catmap *c)
{
  tg_model *m = r->m;
  int w = c->nd + 1, nsurf = 0;
  double *E = NULL;
  static const char *const keys[] = {"surfaces", "energies", "relations", NULL};
  if (!sc) return fail_at(r, node(r, 1), TG_ERR_MODEL, "a model with descriptors needs a scaling section");
  TG_CALL(want(r, sc, YAML_MAPPING_NODE, "scaling"));
  TG_CALL(only_keys(r, sc, keys, "scaling"));
  int rc = read_table(r, sc, &nsurf, &E);
  yaml_node_t *rels = lookup(r, sc, "relations");
  if (!rc && rels) rc = want(r, rels, YAML_MAPPING_NODE, "scaling: relations");
  for (yaml_node_pair_t *p = rels ? rels->data.mapping.pairs.start : NULL; !rc && p < rels->data.mapping.pairs.top;
       p++) {
    int i = 0;
    rc = species_of(r, node(r, p->key), "scaling: relation of %s, which is in no reaction", &i);
    if (!rc && m->sp[i].kind != SP_ADS && m->sp[i].kind != SP_TS)
      rc = fail_at(r, node(r, p->key), TG_ERR_MODEL, "scaling: %s is not an adsorbate or transition state",
                   m->sp[i].name);
  }
  double *D = E ? malloc((size_t)nsurf * (size_t)c->nd * sizeof *D) : NULL;
  if (!rc && E && !D) rc = tg__fail(TG_ERR_NOMEM, m->origin, "out of memory");
  for (int q = 0; !rc && E && q < c->nd; q++)
    for (int k = 0; k < nsurf; k++) {
      D[k * c->nd + q] = c->desc[q] < 0 ? 0 : E[c->desc[q] * nsurf + k]; /* conditions: no energy, no coefficient */
      if (isnan(D[k * c->nd + q])) {
        yaml_node_t *su = lookup(r, sc, "surfaces");
        rc = fail_at(r, su, TG_ERR_MODEL, "descriptor %s has no energy on surface %s (every surface needs both)",
                     m->sp[c->desc[q]].name, scalar(node(r, su->data.sequence.items.start[k])));
        break;
      }
    }
  /* The surfaces where the table places them (volcano figures): names and descriptor values. */
  if (!rc && E) {
    yaml_node_t *su = lookup(r, sc, "surfaces");
    c->surface = calloc((size_t)nsurf, sizeof *c->surface);
    c->surface_desc = malloc((size_t)nsurf * (size_t)c->nd * sizeof *c->surface_desc);
    if (!c->surface || !c->surface_desc) rc = tg__fail(TG_ERR_NOMEM, m->origin, "out of memory");
    for (int k = 0; !rc && k < nsurf; k++) {
      snprintf(c->surface[k], sizeof c->surface[k], "%s", scalar(node(r, su->data.sequence.items.start[k])));
      for (int q = 0; q < c->nd; q++) c->surface_desc[k * c->nd + q] = c->desc[q] < 0 ? NAN : D[k * c->nd + q];
    }
    if (!rc) c->nsurf = nsurf;
  }
  /* Adsorbates first (transition states are built on their rows). */
  for (int pass = 0; pass < 2 && !rc; pass++)
    for (int i = 0; i < m->nsp && !rc; i++) {
      const species *s = &m->sp[i];
      if (s->kind != (pass ? SP_TS : SP_ADS)) continue;
      yaml_node_t *rel = rels ? lookup(r, rels, s->name) : NULL;
      double *row = c->coef + (size_t)i * w;
      if (rel && rel->type == YAML_MAPPING_NODE && lookup(r, rel, "coefficients")) {
        static const char *const ckeys[] = {"coefficients", NULL};
        int n = 0;
        rc = only_keys(r, rel, ckeys, s->name);
        if (!rc) rc = numbers(r, lookup(r, rel, "coefficients"), "coefficients", w, row, &n);
        if (!rc && n != w)
          rc = fail_at(r, rel, TG_ERR_MODEL, "%s: %d coefficients, one per descriptor and the constant", s->name, w);
      } else if (pass == 0 || (rel && rel->type == YAML_SEQUENCE_NODE)) {
        double lo[TG_DESCRIPTORS_MAX + 1], hi[TG_DESCRIPTORS_MAX + 1];
        for (int q = 0; q < c->nd; q++) lo[q] = 0, hi[q] = 1e99; /* CatMAP's default_constraints: '+' ... */
        lo[c->nd] = -1e99, hi[c->nd] = 1e99;                     /* ... and a free constant */
        if (rel) rc = want(r, rel, YAML_SEQUENCE_NODE, "a scaling constraint list");
        if (!rc && rel) rc = read_bounds(r, rel, w, lo, hi);
        for (int q = 0; q < c->nd; q++)
          if (c->desc[q] < 0) lo[q] = hi[q] = 0; /* energies do not scale with T or log p */
        int known = 0, fixed = 1;
        for (int k = 0; E && k < nsurf; k++) known += !isnan(E[i * nsurf + k]);
        for (int q = 0; q < w; q++) fixed &= lo[q] == hi[q];
        if (!rc && !known && !fixed)
          rc = fail_at(r, rel ? rel : sc, TG_ERR_MODEL,
                       "%s has no energies in scaling: energies to fit (give them, or its coefficients)", s->name);
        if (!rc)
          rc = tg__scaling_fit_row(c->nd, nsurf, D, E ? E + (size_t)i * nsurf : NULL, lo, hi, row, s->name, m->origin);
      } else {
        rc = transition_state(r, rel, i, nsurf, E, c);
      }
    }
  free(D);
  free(E);
  return rc;
}

/* A gas's mass from its formula with ASE 3.29's atomic masses (amu), as
 * CatMAP computes it for non-activated prefactors; 0 for an unknown element. */
static double ase_mass(const char *chem)
{
  static const struct {
    const char *symbol;
    double amu;
  } table[] = {{"H", 1.008},        {"C", 12.011}, {"N", 14.007}, {"O", 15.999},
               {"F", 18.998403163}, {"S", 32.06},  {"Cl", 35.45}};
  double sum = 0;
  for (const char *p = chem; *p;) {
    if (*p < 'A' || *p > 'Z') return 0;
    char sym[3] = {*p++, 0, 0};
    if (*p >= 'a' && *p <= 'z') sym[1] = *p++;
    double amu = 0;
    for (size_t k = 0; k < sizeof table / sizeof table[0]; k++)
      if (!strcmp(table[k].symbol, sym)) amu = table[k].amu;
    if (amu == 0) return 0;
    int n = 0;
    while (*p >= '0' && *p <= '9') n = 10 * n + (*p++ - '0');
    sum += amu * (n ? n : 1);
  }
  return sum;
}

/* Per-step prefactors: reactions given as {reaction: ..., prefactor: A}
 * (s^-1) or prefactor: {non_activated: A_site} (A^2; a step without a
 * transition state and with one gas: its collision rate, CatMAP's
 * 'non-activated' prefactor, in both directions). */
static int read_prefactors(reader *r, const yaml_node_t *rx, tg__catmap *c)
{
  tg_model *m = r->m;
  for (int i = 0; i < m->nsteps; i++) {
    yaml_node_t *item = node(r, rx->data.sequence.items.start[i]), *p;
    if (item->type != YAML_MAPPING_NODE || !(p = lookup(r, item, "prefactor"))) continue;
    if (p->type == YAML_MAPPING_NODE) {
      static const char *const keys[] = {"non_activated", NULL};
      TG_CALL(only_keys(r, p, keys, "prefactor"));
      yaml_node_t *a = lookup(r, p, "non_activated");
      if (!a) return fail_at(r, p, TG_ERR_MODEL, "prefactor: {non_activated: A_site (A^2)}");
      TG_CALL(number(r, a, "non_activated (A_site, A^2)", &c->site_area[i]));
      const step *s = &m->steps[i];
      int gas = -1, gases = 0;
      for (int k = IS; k <= FS; k += FS - IS)
        for (int f = 0; f < s->n[k]; f++)
          if (m->sp[s->st[k][f].sp].kind == SP_GAS && s->st[k][f].sp != gas) gas = s->st[k][f].sp, gases++;
      if (!(c->site_area[i] > 0) || s->n[TS] > 0 || gases != 1)
        return fail_at(r, p, TG_ERR_MODEL,
                       "a non-activated prefactor needs A_site > 0 and a step without a transition state and with "
                       "exactly one gas (\"%s\")",
                       s->text);
      c->gas_mass[i] = ase_mass(m->sp[gas].formula);
      if (!(c->gas_mass[i] > 0))
        return fail_at(r, p, TG_ERR_MODEL, "%s: no mass for its formula (elements H C N O F S Cl)", m->sp[gas].name);
      continue;
    }
    TG_CALL(number(r, p, "prefactor", &c->prefactor[i]));
    if (!(c->prefactor[i] > 0)) return fail_at(r, p, TG_ERR_MODEL, "prefactor must be > 0 (s^-1)");
  }
  return TG_SUCCESS;
}

int tg__read_catmap(reader *r, const yaml_node_t *root)
{
  tg_model *m = r->m;
  yaml_node_t *dn = lookup(r, root, "descriptors"), *tn = lookup(r, root, "thermochemistry"),
              *sc = lookup(r, root, "scaling");
  if (!dn) {
    if (tn || sc)
      return fail_at(r, tn ? tn : sc, TG_ERR_MODEL, "thermochemistry and scaling belong to a model with descriptors");
    return TG_SUCCESS;
  }
  tg__catmap *c = calloc(1, sizeof *c);
  if (!c) return tg__fail(TG_ERR_NOMEM, m->origin, "out of memory");
  m->catmap = c;
  c->coef = calloc((size_t)m->nsp * (TG_DESCRIPTORS_MAX + 1), sizeof *c->coef);
  c->thermo = calloc((size_t)m->nsp, sizeof *c->thermo);
  c->prefactor = calloc((size_t)m->nsteps, sizeof *c->prefactor);
  c->site_area = calloc((size_t)m->nsteps, sizeof *c->site_area);
  c->gas_mass = calloc((size_t)m->nsteps, sizeof *c->gas_mass);
  c->ts_step = calloc((size_t)m->nsp, sizeof *c->ts_step);
  c->concentration = malloc((size_t)(m->nsp ? m->nsp : 1) * sizeof *c->concentration);
  for (int i = 0; c->concentration && i < m->nsp; i++) c->concentration[i] = NAN;
  if (!c->coef || !c->thermo || !c->prefactor || !c->ts_step || !c->concentration || !c->site_area || !c->gas_mass)
    return tg__fail(TG_ERR_NOMEM, m->origin, "out of memory");
  for (int i = 0; i < m->nsp; i++)
    c->thermo[i].fixed_entropy = NAN; /* not given: CatMAP's default, if the mode wants one */
  TG_CALL(read_descriptors(r, dn, c));
  TG_CALL(read_modes(r, tn, c));
  yaml_node_t *sp = lookup(r, root, "species");
  for (yaml_node_pair_t *p = sp->data.mapping.pairs.start; p < sp->data.mapping.pairs.top; p++)
    TG_CALL(read_species_data(r, node(r, p->key), node(r, p->value), c));
  TG_CALL(check_thermo(r, sp, c));
  TG_CALL(read_prefactors(r, lookup(r, root, "reactions"), c));
  return read_scaling(r, sc, c);
}

void tg__catmap_free(tg__catmap *c)
{
  if (!c) return;
  free(c->coef), free(c->thermo), free(c->prefactor), free(c->ts_step), free(c->dG_model), free(c->concentration);
  free(c->site_area), free(c->gas_mass), free(c->surface), free(c->surface_desc);
  free(c);
}
