/* Reading a model from YAML with libyaml's document API: every error names
 * the origin (file) and the line and column of the offending node. The
 * format is documented in docs/model-format.md. */
#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "kernel/model_yaml.h"

static int read_reactions(reader *r, const yaml_node_t *list, int *relative)
{
  tg_model *m = r->m;
  TG_CALL(want(r, list, YAML_SEQUENCE_NODE, "reactions"));
  int n = (int)(list->data.sequence.items.top - list->data.sequence.items.start);
  if (n == 0) return fail_at(r, list, TG_ERR_MODEL, "reactions is empty");
  m->steps = calloc((size_t)n, sizeof *m->steps);
  if (!m->steps) return tg__fail(TG_ERR_NOMEM, m->origin, "out of memory");
  int with_energies = -1;
  for (int i = 0; i < n; i++) {
    yaml_node_t *item = node(r, list->data.sequence.items.start[i]), *expr = item, *ga = NULL, *dg = NULL;
    if (item->type == YAML_MAPPING_NODE) {
      static const char *const keys[] = {"reaction", "Ga", "dG", "prefactor", NULL};
      TG_CALL(only_keys(r, item, keys, "a reaction"));
      expr = lookup(r, item, "reaction");
      ga = lookup(r, item, "Ga");
      dg = lookup(r, item, "dG");
      if (!expr) return fail_at(r, item, TG_ERR_MODEL, "reaction %d has no \"reaction\" expression", i + 1);
      if (!ga != !dg) return fail_at(r, item, TG_ERR_MODEL, "reaction %d needs both Ga and dG", i + 1);
    }
    int has = ga != NULL;
    if (with_energies >= 0 && has != with_energies)
      return fail_at(r, item, TG_ERR_MODEL, "reaction %d: give Ga and dG for every reaction or for none", i + 1);
    with_energies = has;
    char buf[256];
    TG_CALL(text(r, expr, "a reaction", buf, sizeof buf));
    TG_CALL(tg__parse_step(m, buf, (int)expr->start_mark.line + 1, &m->steps[i]));
    if (has) {
      TG_CALL(number(r, ga, "Ga", &m->steps[i].Ga));
      TG_CALL(number(r, dg, "dG", &m->steps[i].dG));
    }
    m->nsteps = i + 1;
  }
  *relative = with_energies;
  return TG_SUCCESS;
}

/* A list of 1 to max numbers, each finite and > 0. */
static int positive_list(const reader *r, const yaml_node_t *n, const char *what, int max, double *out, int *count)
{
  TG_CALL(want(r, n, YAML_SEQUENCE_NODE, what));
  int k = (int)(n->data.sequence.items.top - n->data.sequence.items.start);
  if (k < 1 || k > max) return fail_at(r, n, TG_ERR_MODEL, "%s needs 1 to %d values, not %d", what, max, k);
  for (int i = 0; i < k; i++) {
    yaml_node_t *item = node(r, n->data.sequence.items.start[i]);
    TG_CALL(number(r, item, what, &out[i]));
    if (!(out[i] > 0)) return fail_at(r, item, TG_ERR_MODEL, "%s must be > 0", what);
  }
  *count = k;
  return TG_SUCCESS;
}

/* A gas's own partition-function data for collision theory (all three keys
 * or none; without them the built-in table is used). */
static int read_gas_thermo(const reader *r, const yaml_node_t *v, species *s)
{
  yaml_node_t *sn = lookup(r, v, "symmetry_number"), *rn = lookup(r, v, "rotational_temperatures"),
              *vn = lookup(r, v, "vibrational_temperatures");
  if (!sn && !rn && !vn) return TG_SUCCESS;
  if (!sn || !rn || !vn)
    return fail_at(r, v, TG_ERR_MODEL,
                   "%s: give symmetry_number, rotational_temperatures (1 value for a linear gas, 3 otherwise) and "
                   "vibrational_temperatures (K) together",
                   s->name);
  gas_thermo *t = &s->thermo;
  TG_CALL(whole(r, sn, "symmetry_number", 1, 1000, &t->sigma));
  TG_CALL(positive_list(r, rn, "rotational_temperatures", 3, t->rot, &t->nrot));
  if (t->nrot == 2)
    return fail_at(r, rn, TG_ERR_MODEL, "rotational_temperatures of %s: 1 value for a linear gas, 3 otherwise",
                   s->name);
  TG_CALL(positive_list(r, vn, "vibrational_temperatures", TG_VIB_MAX, t->vib, &t->nvib));
  s->has_thermo = 1;
  return TG_SUCCESS;
}

/* Keys a CatMAP model adds to species (read by model_yaml_catmap.c). */
static const char *const catmap_gas_keys[] = {"pressure",  "energy",        "frequencies",   "shomate",
                                              "ideal_gas", "fixed_entropy", "concentration", NULL};
static const char *const catmap_surface_keys[] = {"frequencies", NULL};

static int read_species(reader *r, const yaml_node_t *map, int catmap)
{
  tg_model *m = r->m;
  TG_CALL(want(r, map, YAML_MAPPING_NODE, "species"));
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
    yaml_node_t *k = node(r, p->key), *v = node(r, p->value);
    int i;
    TG_CALL(species_of(r, k, "species %s is not in any reaction", &i));
    species *s = &m->sp[i];
    TG_CALL(want(r, v, YAML_MAPPING_NODE, "a species' properties"));
    if (s->kind == SP_GAS) {
      static const char *const keys[] = {"pressure", "symmetry_number", "rotational_temperatures",
                                         "vibrational_temperatures", NULL};
      TG_CALL(only_keys(r, v, catmap ? catmap_gas_keys : keys, s->name));
      yaml_node_t *pn = lookup(r, v, "pressure");
      if (!pn && catmap) pn = lookup(r, v, "concentration"); /* its pressure comes from a logPressure descriptor */
      if (!pn) return fail_at(r, v, TG_ERR_MODEL, "gas %s needs a pressure", s->name);
      TG_CALL(number(r, pn, "pressure", &s->pressure));
      if (s->pressure < 0) return fail_at(r, pn, TG_ERR_MODEL, "pressure of %s is negative", s->name);
      s->has_pressure = 1;
      TG_CALL(read_gas_thermo(r, v, s));
    } else if (s->kind == SP_SITE) {
      static const char *const keys[] = {"total", "site_name", NULL};
      TG_CALL(only_keys(r, v, keys, s->name));
      yaml_node_t *tn = lookup(r, v, "total");
      if (tn) TG_CALL(number(r, tn, "total", &s->total));
      if (!(s->total > 0)) return fail_at(r, tn ? tn : v, TG_ERR_MODEL, "site %s needs a positive total", s->name);
    } else if (catmap) {
      TG_CALL(only_keys(r, v, catmap_surface_keys, s->name));
    } else {
      return fail_at(r, k, TG_ERR_MODEL, "%s needs no properties (only gases and free sites have them)", s->name);
    }
  }
  for (int i = 0; i < m->nsp; i++) {
    if (m->sp[i].kind == SP_GAS && !m->sp[i].has_pressure)
      return fail_at(r, map, TG_ERR_MODEL, "gas %s has no pressure in species", m->sp[i].name);
    if (m->sp[i].kind == SP_SITE && !(m->sp[i].total > 0))
      return fail_at(r, map, TG_ERR_MODEL, "site %s has no total in species", m->sp[i].name);
  }
  return TG_SUCCESS;
}

static int read_absolute(reader *r, const yaml_node_t *map)
{
  tg_model *m = r->m;
  TG_CALL(want(r, map, YAML_MAPPING_NODE, "absolute_energies"));
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
    yaml_node_t *k = node(r, p->key), *v = node(r, p->value);
    int i;
    TG_CALL(species_of(r, k, "energy given for %s, which is in no reaction", &i));
    TG_CALL(number(r, v, scalar(k), &m->sp[i].energy));
    m->sp[i].has_energy = 1;
  }
  for (int s = 0; s < m->nsteps; s++)
    for (int st = 0; st < 3; st++)
      for (int f = 0; f < m->steps[s].n[st]; f++)
        if (!m->sp[m->steps[s].st[st][f].sp].has_energy)
          return fail_at(r, map, TG_ERR_MODEL, "no energy for %s (step \"%s\")", m->sp[m->steps[s].st[st][f].sp].name,
                         m->steps[s].text);
  return TG_SUCCESS;
}

static int read_initial(reader *r, const yaml_node_t *map)
{
  tg_model *m = r->m;
  TG_CALL(want(r, map, YAML_MAPPING_NODE, "initial_coverages"));
  m->initial = calloc((size_t)m->na, sizeof *m->initial);
  if (!m->initial) return tg__fail(TG_ERR_NOMEM, m->origin, "out of memory");
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
    yaml_node_t *k = node(r, p->key), *v = node(r, p->value);
    int i;
    TG_CALL(species_of(r, k, "%s is not an adsorbate of the model", &i));
    if (m->sp[i].kind != SP_ADS) return fail_at(r, k, TG_ERR_MODEL, "%s is not an adsorbate of the model", scalar(k));
    double x = 0;
    TG_CALL(number(r, v, scalar(k), &x));
    if (x < 0) return fail_at(r, v, TG_ERR_MODEL, "initial coverage of %s is negative", scalar(k));
    m->initial[m->sp[i].index] = x;
  }
  double *sum = calloc((size_t)m->ns, sizeof *sum);
  if (!sum) return tg__fail(TG_ERR_NOMEM, m->origin, "out of memory");
  for (int a = 0; a < m->na; a++) sum[m->ads_site[a]] += m->initial[a];
  for (int s = 0; s < m->ns; s++)
    if (sum[s] > m->site_total[s] * (1 + 1e-12)) {
      double total = sum[s];
      free(sum);
      return fail_at(r, map, TG_ERR_MODEL, "initial coverages on %s add up to %g, more than its total %g",
                     m->sp[m->sites[s]].name, total, m->site_total[s]);
    }
  free(sum);
  return TG_SUCCESS;
}

static int read_solver(reader *r, const yaml_node_t *map)
{
  tg_solve_options *o = &r->m->opts;
  static const char *const keys[] = {"t_end", "t_max", "tolerance", "max_iterations", NULL};
  TG_CALL(want(r, map, YAML_MAPPING_NODE, "solver"));
  TG_CALL(only_keys(r, map, keys, "solver"));
  yaml_node_t *v;
  if ((v = lookup(r, map, "t_end"))) TG_CALL(number(r, v, "t_end", &o->t_end));
  if ((v = lookup(r, map, "t_max"))) TG_CALL(number(r, v, "t_max", &o->t_max));
  if ((v = lookup(r, map, "tolerance"))) TG_CALL(number(r, v, "tolerance", &o->tolerance));
  if ((v = lookup(r, map, "max_iterations"))) TG_CALL(whole(r, v, "max_iterations", 1, 1000000, &o->max_iterations));
  if (!(o->t_end > 0) || !(o->t_max >= o->t_end) || !(o->tolerance > 0))
    return fail_at(r, map, TG_ERR_MODEL, "solver: need t_end > 0, t_max >= t_end and tolerance > 0");
  return TG_SUCCESS;
}

static int read_model(reader *r)
{
  tg_model *m = r->m;
  yaml_node_t *root = yaml_document_get_root_node(&r->doc);
  if (!root) return tg__fail(TG_ERR_PARSE, m->origin, "the file is empty");
  TG_CALL(want(r, root, YAML_MAPPING_NODE, "a model"));
  static const char *const keys[] = {
      "name",    "temperature", "rate_algo",       "unitcell_area",     "active_ratio",
      "product", "species",     "reactions",       "absolute_energies", "initial_coverages",
      "solver",  "descriptors", "thermochemistry", "scaling",           NULL};
  TG_CALL(only_keys(r, root, keys, "the model"));
  yaml_node_t *v;
  snprintf(m->name, sizeof m->name, "%s", "unnamed model");
  if ((v = lookup(r, root, "name"))) TG_CALL(text(r, v, "name", m->name, sizeof m->name));
  m->temperature = 298.0; /* SCAKS's defaults */
  m->active_ratio = 1.0;
  if ((v = lookup(r, root, "temperature"))) TG_CALL(number(r, v, "temperature", &m->temperature));
  if (v && !(m->temperature > 0)) return fail_at(r, v, TG_ERR_MODEL, "temperature must be positive (K)");
  if ((v = lookup(r, root, "rate_algo"))) {
    TG_CALL(want(r, v, YAML_SCALAR_NODE, "rate_algo"));
    if (strcmp(scalar(v), "CT") == 0) m->rate_algo_ct = 1;
    else if (strcmp(scalar(v), "TST") != 0)
      return fail_at(r, v, TG_ERR_MODEL, "rate_algo is \"%s\"; use TST or CT", scalar(v));
  }
  if ((v = lookup(r, root, "unitcell_area"))) TG_CALL(number(r, v, "unitcell_area", &m->unitcell_area));
  if ((v = lookup(r, root, "active_ratio"))) TG_CALL(number(r, v, "active_ratio", &m->active_ratio));
  if (v && !(m->active_ratio > 0 && m->active_ratio <= 1))
    return fail_at(r, v, TG_ERR_MODEL, "active_ratio = %g must be in (0, 1]", m->active_ratio);

  yaml_node_t *rx = lookup(r, root, "reactions");
  if (!rx) return fail_at(r, root, TG_ERR_MODEL, "the model has no reactions");
  int relative = 0;
  TG_CALL(read_reactions(r, rx, &relative));
  yaml_node_t *sp = lookup(r, root, "species"), *abs_e = lookup(r, root, "absolute_energies");
  if (!sp) return fail_at(r, root, TG_ERR_MODEL, "the model has no species section (gas pressures, site totals)");
  yaml_node_t *desc = lookup(r, root, "descriptors");
  TG_CALL(read_species(r, sp, desc != NULL));
  if (desc) { /* a CatMAP model: energies from its descriptors */
    if (relative || abs_e)
      return fail_at(r, relative ? rx : abs_e, TG_ERR_MODEL,
                     "a model with descriptors takes its energies from the scaling section, not Ga/dG or "
                     "absolute_energies");
    if (m->rate_algo_ct) return fail_at(r, root, TG_ERR_MODEL, "a model with descriptors uses CatMAP's rates, not CT");
    TG_CALL(tg__read_catmap(r, root));
  } else {
    for (int i = 0; i < m->nsteps; i++) {
      yaml_node_t *item = node(r, rx->data.sequence.items.start[i]);
      if (item->type == YAML_MAPPING_NODE && lookup(r, item, "prefactor"))
        return fail_at(r, item, TG_ERR_MODEL, "prefactor is for models with descriptors (CatMAP's rates)");
    }
    TG_CALL(tg__read_catmap(r, root)); /* refuses CatMAP sections without descriptors */
    if (relative && abs_e)
      return fail_at(r, abs_e, TG_ERR_MODEL, "give Ga/dG per reaction or absolute_energies, not both");
    if (!relative && !abs_e)
      return fail_at(r, rx, TG_ERR_MODEL, "no energies: give Ga and dG per reaction, or absolute_energies");
    m->absolute = !relative;
    if (abs_e) TG_CALL(read_absolute(r, abs_e));
  }
  m->opts = tg_solve_options_default(NULL);
  /* A CatMAP model's states can take ~1e20 s to reach from the clean surface
   * (rates of 1e-37 s^-1 set minority coverages): it is integrated as far as
   * it takes, not to SCAKS's 1e4 s. */
  if (desc) m->opts.t_max = 1e30, m->config.quiet_growth = 128;
  if ((v = lookup(r, root, "solver"))) TG_CALL(read_solver(r, v));
  if (m->rate_algo_ct && !lookup(r, root, "unitcell_area"))
    return fail_at(r, root, TG_ERR_MODEL, "rate_algo CT needs unitcell_area (m^2)");
  TG_CALL(tg__model_finish(m));
  m->product = -1;
  if ((v = lookup(r, root, "product"))) {
    TG_CALL(want(r, v, YAML_SCALAR_NODE, "product"));
    m->product = tg_model_gas_index(m, scalar(v));
    if (m->product < 0) return fail_at(r, v, TG_ERR_MODEL, "product %s is not a gas of the model", scalar(v));
  }
  if ((v = lookup(r, root, "initial_coverages"))) TG_CALL(read_initial(r, v));
  return TG_SUCCESS;
}

static int parse_error(const tg_model *m, const yaml_parser_t *parser)
{
  return tg__fail(TG_ERR_PARSE, m->origin, "line %d, column %d: %s%s%s", (int)parser->problem_mark.line + 1,
                  (int)parser->problem_mark.column + 1, parser->problem ? parser->problem : "malformed YAML",
                  parser->context ? " " : "", parser->context ? parser->context : "");
}

/* A pass over the events that stops at the first level deeper than
 * TG_YAML_DEPTH_MAX, before libyaml's loader (quadratic in the depth)
 * builds anything. Syntax errors are left to the loader. */
static int check_depth(const tg_model *m, const char *yaml, size_t length)
{
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return tg__fail(TG_ERR_NOMEM, m->origin, "cannot initialise the YAML parser");
  yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, length);
  int depth = 0, rc = TG_SUCCESS;
  for (int done = 0; !done && !rc;) {
    yaml_event_t e;
    if (!yaml_parser_parse(&parser, &e)) break;
    if (e.type == YAML_SEQUENCE_START_EVENT || e.type == YAML_MAPPING_START_EVENT) {
      if (++depth > TG_YAML_DEPTH_MAX)
        rc = tg__fail(TG_ERR_PARSE, m->origin, "line %d, column %d: nested deeper than %d levels (a model needs 4)",
                      (int)e.start_mark.line + 1, (int)e.start_mark.column + 1, TG_YAML_DEPTH_MAX);
    } else if (e.type == YAML_SEQUENCE_END_EVENT || e.type == YAML_MAPPING_END_EVENT) {
      depth--;
    }
    done = e.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&e);
  }
  yaml_parser_delete(&parser);
  return rc;
}

/* A key once per mapping, at every level: YAML forbids duplicates, and
 * libyaml keeps both (lookup would take the first, loops see both). Keys
 * are sorted, so a huge mapping costs n log n. */
typedef struct key_at {
  const char *key;
  yaml_mark_t mark;
} key_at;

static int by_key(const void *a, const void *b)
{
  const key_at *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  return c ? c : (x->mark.index > y->mark.index) - (x->mark.index < y->mark.index);
}

static int check_duplicate_keys(reader *r)
{
  for (yaml_node_t *map = r->doc.nodes.start; map < r->doc.nodes.top; map++) {
    if (map->type != YAML_MAPPING_NODE) continue;
    size_t n = (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start), k = 0;
    if (n < 2) continue;
    key_at *keys = malloc(n * sizeof *keys);
    if (!keys) return tg__fail(TG_ERR_NOMEM, r->m->origin, "out of memory");
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
      yaml_node_t *key = node(r, p->key);
      if (key && key->type == YAML_SCALAR_NODE) keys[k++] = (key_at){scalar(key), key->start_mark};
    }
    qsort(keys, k, sizeof *keys, by_key);
    for (size_t i = 1; i < k; i++)
      if (strcmp(keys[i - 1].key, keys[i].key) == 0) {
        key_at a = keys[i - 1], b = keys[i];
        free(keys);
        return tg__fail(TG_ERR_PARSE, r->m->origin,
                        "line %d, column %d: duplicate key \"%s\" at line %d, column %d and line %d, column %d",
                        (int)b.mark.line + 1, (int)b.mark.column + 1, b.key, (int)a.mark.line + 1,
                        (int)a.mark.column + 1, (int)b.mark.line + 1, (int)b.mark.column + 1);
      }
    free(keys);
  }
  return TG_SUCCESS;
}

int tg__model_read_yaml(tg_model *m, const char *yaml, size_t length)
{
  TG_CALL(check_depth(m, yaml, length));
  yaml_parser_t parser;
  reader r = {.m = m};
  if (!yaml_parser_initialize(&parser)) return tg__fail(TG_ERR_NOMEM, m->origin, "cannot initialise the YAML parser");
  yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, length);
  if (!yaml_parser_load(&parser, &r.doc)) {
    int rc = parse_error(m, &parser);
    yaml_parser_delete(&parser);
    return rc;
  }
  int rc = check_duplicate_keys(&r);
  if (!rc) rc = read_model(&r);
  yaml_document_delete(&r.doc);
  if (!rc) { /* one model a file: a second document ("---") would be ignored */
    yaml_document_t next;
    if (!yaml_parser_load(&parser, &next)) {
      rc = parse_error(m, &parser);
    } else {
      yaml_node_t *root = yaml_document_get_root_node(&next);
      if (root)
        rc = tg__fail(TG_ERR_PARSE, m->origin, "line %d: a second YAML document; a model file holds one model",
                      (int)root->start_mark.line + 1);
      yaml_document_delete(&next);
    }
  }
  yaml_parser_delete(&parser);
  return rc;
}
