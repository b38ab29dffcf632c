/* The YAML model reader's helpers (model_yaml.c, model_yaml_catmap.c):
 * typed access to libyaml's document nodes, every error naming the origin
 * and the line and column of the offending node. */
#ifndef TOFGRID_MODEL_YAML_H
#define TOFGRID_MODEL_YAML_H

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "kernel/kernel.h"

typedef struct reader {
  yaml_document_t doc;
  tg_model *m;
} reader;

static inline int fail_at(const reader *r, const yaml_node_t *n, int status, const char *fmt, ...) TG_PRINTF(4, 5);
static inline int fail_at(const reader *r, const yaml_node_t *n, int status, const char *fmt, ...)
{
  char text[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  return tg__fail(status, r->m->origin, "line %d, column %d: %s", (int)n->start_mark.line + 1,
                  (int)n->start_mark.column + 1, text);
}

static inline yaml_node_t *node(const reader *r, int id)
{
  return yaml_document_get_node((yaml_document_t *)&r->doc, id);
}

static inline const char *scalar(const yaml_node_t *n) { return (const char *)n->data.scalar.value; }

static inline int want(const reader *r, const yaml_node_t *n, yaml_node_type_t type, const char *what)
{
  static const char *names[] = {"nothing", "a value", "a list", "a mapping"};
  if (n->type != type) return fail_at(r, n, TG_ERR_PARSE, "%s must be %s", what, names[type]);
  return TG_SUCCESS;
}

static inline int strcasecmp_ascii(const char *a, const char *b)
{
  for (; *a && *b; a++, b++) {
    int x = (*a >= 'A' && *a <= 'Z') ? *a + 32 : *a, y = (*b >= 'A' && *b <= 'Z') ? *b + 32 : *b;
    if (x != y) return x - y;
  }
  return *a - *b;
}

static inline int number(const reader *r, const yaml_node_t *n, const char *what, double *out)
{
  TG_CALL(want(r, n, YAML_SCALAR_NODE, what));
  const char *s = scalar(n);
  const char *bare = s + (*s == '-' || *s == '+'); /* YAML spells them .nan, .inf */
  if (strcasecmp_ascii(bare, ".nan") == 0 || strcasecmp_ascii(bare, ".inf") == 0)
    return fail_at(r, n, TG_ERR_MODEL, "%s must be finite, not %s", what, s);
  char *end = NULL;
  errno = 0;
  double v = strtod(s, &end);
  if (end == s || *end) return fail_at(r, n, TG_ERR_PARSE, "%s: \"%s\" is not a number", what, s);
  if (errno == ERANGE) return fail_at(r, n, TG_ERR_MODEL, "%s: %s is out of the range of a double", what, s);
  if (!isfinite(v)) return fail_at(r, n, TG_ERR_MODEL, "%s must be finite, not %s", what, s);
  *out = v;
  return TG_SUCCESS;
}

/* A whole number in [lo, hi] (counts, symmetry numbers): never cast from a
 * double that an int cannot hold. */
static inline int whole(const reader *r, const yaml_node_t *n, const char *what, int lo, int hi, int *out)
{
  double x = 0;
  TG_CALL(number(r, n, what, &x));
  if (x != floor(x) || x < lo || x > hi)
    return fail_at(r, n, TG_ERR_MODEL, "%s must be a whole number from %d to %d, not %s", what, lo, hi, scalar(n));
  *out = (int)x;
  return TG_SUCCESS;
}

static inline int text(const reader *r, const yaml_node_t *n, const char *what, char *out, size_t size)
{
  TG_CALL(want(r, n, YAML_SCALAR_NODE, what));
  if (strlen(scalar(n)) >= size) return fail_at(r, n, TG_ERR_PARSE, "%s is too long", what);
  snprintf(out, size, "%s", scalar(n));
  return TG_SUCCESS;
}

/* Value of key in a mapping node, or NULL; *key_node gets the key's node. */
static inline yaml_node_t *lookup(const reader *r, const yaml_node_t *map, const char *key)
{
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
    yaml_node_t *k = node(r, p->key);
    if (k && k->type == YAML_SCALAR_NODE && strcmp(scalar(k), key) == 0) return node(r, p->value);
  }
  return NULL;
}

/* Refuse keys outside `allowed` (a NULL-terminated list): typos must not pass silently. */
static inline int only_keys(const reader *r, const yaml_node_t *map, const char *const *allowed, const char *where)
{
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
    yaml_node_t *k = node(r, p->key);
    TG_CALL(want(r, k, YAML_SCALAR_NODE, "a key"));
    int ok = 0;
    for (const char *const *a = allowed; *a && !ok; a++) ok = strcmp(scalar(k), *a) == 0;
    if (!ok) return fail_at(r, k, TG_ERR_MODEL, "unknown key \"%s\" in %s", scalar(k), where);
  }
  return TG_SUCCESS;
}

static inline int find_species(const tg_model *m, const char *name)
{
  for (int i = 0; i < m->nsp; i++)
    if (strcmp(m->sp[i].name, name) == 0) return i;
  return -1;
}

/* The species a mapping key names; `unknown` (with one %s) says what is wrong
 * when the model has no such species. */
static inline int species_of(const reader *r, const yaml_node_t *k, const char *unknown, int *index)
{
  TG_CALL(want(r, k, YAML_SCALAR_NODE, "a species name"));
  *index = find_species(r->m, scalar(k));
  if (*index < 0) return fail_at(r, k, TG_ERR_MODEL, unknown, scalar(k));
  return TG_SUCCESS;
}

/* The CatMAP part of the format (model_yaml_catmap.c): the descriptors,
 * scaling and thermochemistry sections, read after reactions and species. */
int tg__read_catmap(reader *r, const yaml_node_t *root);

#endif
