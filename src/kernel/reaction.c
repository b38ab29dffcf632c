#define _POSIX_C_SOURCE 200809L /* strtok_r */
/* SCAKS's reaction grammar: "IS -> FS" or "IS <-> TS -> FS", states joined
 * by "+", formulas "[nu]species_[n]site" (CO_g, 2*_s, O-O_2s), and the
 * element and site conservation checks of every step. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/kernel.h"

/* ASCII classes, whatever the locale (Python sets LC_CTYPE from the
 * environment, where isalpha may accept bytes of UTF-8 characters). */
static int ascii_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static int ascii_alnum(char c) { return ascii_alpha(c) || (c >= '0' && c <= '9'); }

/* Find or add the species of one formula "[nu]species_[n]site". */
int tg__parse_species(tg_model *m, const char *text, int line, formula *out, const char *step_text)
{
  /* Coefficients, site counts and element counts are small numbers: longer
   * digit runs would overflow the counting (found by the fuzzer). */
  for (const char *c = text; *c;) {
    int run = 0;
    while (isdigit((unsigned char)*c)) c++, run++;
    if (run > 3)
      return tg__fail(TG_ERR_MODEL, m->origin, "line %d: step \"%s\": a number in \"%s\" has more than 3 digits", line,
                      step_text, text);
    if (!run) c++;
  }
  const char *p = text;
  int nu = 0;
  while (isdigit((unsigned char)*p)) nu = 10 * nu + (*p++ - '0');
  const char *us = strrchr(p, '_');
  if (!us || us == p)
    return tg__fail(TG_ERR_MODEL, m->origin,
                    "line %d: step \"%s\": \"%s\" is not a formula species_site (CO_g, 2*_s, "
                    "O-O_2s)",
                    line, step_text, text);
  const char *q = us + 1;
  int nsites = 0;
  while (isdigit((unsigned char)*q)) nsites = 10 * nsites + (*q++ - '0');
  const char *site = q;
  if (!*site)
    return tg__fail(TG_ERR_MODEL, m->origin, "line %d: step \"%s\": \"%s\" has no site after '_'", line, step_text,
                    text);
  for (const char *c = site; *c; c++)
    if (!ascii_alpha(*c) && *c != '*')
      return tg__fail(TG_ERR_MODEL, m->origin, "line %d: step \"%s\": bad site name in \"%s\"", line, step_text, text);
  for (const char *c = p; c < us; c++)
    if (!ascii_alnum(*c) && *c != '*' && *c != '-' && *c != '_') {
      /* The whole character, never a lone byte of one: messages stay valid
       * UTF-8 (Python decodes them). libyaml has checked the encoding. */
      unsigned char lead = (unsigned char)*c;
      int bytes = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      for (int k = 1; k < bytes; k++)
        if (((unsigned char)c[k] & 0xC0) != 0x80) bytes = k;
      return tg__fail(TG_ERR_MODEL, m->origin,
                      "line %d: step \"%s\": bad character '%.*s' in \"%s\" (species names are ASCII letters, "
                      "digits, '*' and '-')",
                      line, step_text, bytes, c, text);
    }
  char formula_text[TG_NAME_MAX], name[2 * TG_NAME_MAX];
  if ((size_t)(us - p) >= sizeof formula_text || strlen(site) + (size_t)(us - p) + 2 > sizeof name)
    return tg__fail(TG_ERR_MODEL, m->origin, "line %d: \"%s\" is too long", line, text);
  snprintf(formula_text, sizeof formula_text, "%.*s", (int)(us - p), p);
  snprintf(name, sizeof name, "%s_%s", formula_text, site);
  out->nu = nu ? nu : 1;
  out->nsites = nsites ? nsites : 1;
  for (int i = 0; i < m->nsp; i++)
    if (strcmp(m->sp[i].name, name) == 0) return out->sp = i, TG_SUCCESS;

  species s;
  memset(&s, 0, sizeof s);
  snprintf(s.name, sizeof s.name, "%.*s", (int)sizeof s.name - 1, name);
  snprintf(s.formula, sizeof s.formula, "%s", formula_text);
  s.site = -1;
  if (strcmp(site, "g") == 0) s.kind = SP_GAS;
  else if (strcmp(site, "l") == 0) s.kind = SP_LIQUID;
  else if (strchr(formula_text, '-')) s.kind = SP_TS;
  else if (strchr(formula_text, '*')) s.kind = SP_SITE;
  else s.kind = SP_ADS;
  if (s.kind == SP_LIQUID)
    return tg__fail(TG_ERR_UNSUPPORTED, m->origin, "line %d: step \"%s\": liquids (%s) are not supported", line,
                    step_text, name);
  if (s.kind == SP_SITE && strcmp(formula_text, "*") != 0)
    return tg__fail(TG_ERR_MODEL, m->origin, "line %d: step \"%s\": a free site is written *_%s, not %s", line,
                    step_text, site, name);
  if (s.kind == SP_GAS && tg__molecular_mass(formula_text, &s.mass)) s.mass = 0; /* needed only for CT */
  species *grown = realloc(m->sp, (size_t)(m->nsp + 1) * sizeof *grown);
  if (!grown) return tg__fail(TG_ERR_NOMEM, m->origin, "out of memory");
  m->sp = grown;
  m->sp[m->nsp] = s;
  out->sp = m->nsp++;
  return TG_SUCCESS;
}

static void trim(char *s)
{
  size_t n = strlen(s), a = 0;
  while (a < n && isspace((unsigned char)s[a])) a++;
  while (n > a && isspace((unsigned char)s[n - 1])) n--;
  memmove(s, s + a, n - a);
  s[n - a] = '\0';
}

/* Split "A + B" into formulas of one state. */
static int parse_state(tg_model *m, const char *text, int line, const char *step_text, formula *out, int *count)
{
  char buf[256];
  snprintf(buf, sizeof buf, "%s", text);
  *count = 0;
  char *save = NULL;
  for (char *tok = strtok_r(buf, "+", &save); tok; tok = strtok_r(NULL, "+", &save)) {
    trim(tok);
    if (!*tok)
      return tg__fail(TG_ERR_MODEL, m->origin, "line %d: step \"%s\": empty formula (a stray '+')", line, step_text);
    if (*count == TG_STATE_MAX)
      return tg__fail(TG_ERR_MODEL, m->origin, "line %d: step \"%s\": more than %d formulas in one state", line,
                      step_text, TG_STATE_MAX);
    TG_CALL(tg__parse_species(m, tok, line, &out[*count], step_text));
    (*count)++;
  }
  if (*count == 0) return tg__fail(TG_ERR_MODEL, m->origin, "line %d: step \"%s\": a state is empty", line, step_text);
  return TG_SUCCESS;
}

int tg__parse_step(tg_model *m, const char *text, int line, step *out)
{
  memset(out, 0, sizeof *out);
  snprintf(out->text, sizeof out->text, "%s", text);
  out->line = line;
  /* Cut at each arrow ("<->" or "->"); two parts: IS, FS; three: IS, TS, FS. */
  char parts[3][256];
  int nparts = 0;
  const char *p = text;
  for (;;) {
    const char *a = strstr(p, "->");
    if (!a) break;
    const char *end = (a > p && a[-1] == '<') ? a - 1 : a;
    if (nparts == 2) return tg__fail(TG_ERR_MODEL, m->origin, "line %d: step \"%s\": more than two arrows", line, text);
    snprintf(parts[nparts], sizeof parts[0], "%.*s", (int)(end - p), p);
    nparts++;
    p = a + 2;
  }
  if (nparts == 0)
    return tg__fail(TG_ERR_MODEL, m->origin,
                    "line %d: step \"%s\": no arrow (write \"IS -> FS\" or \"IS <-> TS -> FS\")", line, text);
  snprintf(parts[nparts++], sizeof parts[0], "%s", p);
  int map[3] = {IS, FS, -1};
  if (nparts == 3) map[1] = TS, map[2] = FS;
  for (int k = 0; k < nparts; k++) TG_CALL(parse_state(m, parts[k], line, text, out->st[map[k]], &out->n[map[k]]));
  for (int k = 0; k < 3; k++)
    for (int f = 0; f < out->n[k]; f++) {
      const species *s = &m->sp[out->st[k][f].sp];
      if (k == TS && s->kind == SP_ADS)
        return tg__fail(TG_ERR_MODEL, m->origin,
                        "line %d: step \"%s\": adsorbate %s in the transition state (only transition-state species, "
                        "with '-', and free sites belong there)",
                        line, text, s->name);
      if (k != TS && s->kind == SP_TS)
        return tg__fail(TG_ERR_MODEL, m->origin, "line %d: step \"%s\": transition state %s outside the middle state",
                        line, text, s->name);
    }
  return TG_SUCCESS; /* conservation is checked once sites are known (tg__model_finish) */
}

/* Element counts with SCAKS's crude rule: each letter is an element, followed
 * by an optional count ("CO2" -> C 1, O 2); free sites and '-' do not count. */
static void count_elements(const tg_model *m, const formula *f, int n, int counts[128])
{
  for (int i = 0; i < n; i++) {
    const species *s = &m->sp[f[i].sp];
    if (s->kind == SP_SITE) continue;
    for (const char *c = s->formula; *c;) {
      if (!ascii_alpha(*c)) {
        c++;
        continue;
      }
      int el = (unsigned char)*c++, k = 0;
      while (isdigit((unsigned char)*c)) k = 10 * k + (*c++ - '0');
      counts[el] += f[i].nu * (k ? k : 1);
    }
  }
}

static void count_sites(const tg_model *m, const formula *f, int n, int *counts)
{
  for (int i = 0; i < n; i++) {
    const species *s = &m->sp[f[i].sp];
    if (s->site >= 0) counts[s->site] += f[i].nu * f[i].nsites;
  }
}

int tg__check_conservation(const tg_model *m, const step *s)
{
  static const char *state_name[3] = {"initial", "transition", "final"};
  int el[3][128] = {{0}}, sites[3][64] = {{0}};
  for (int k = 0; k < 3; k++) {
    count_elements(m, s->st[k], s->n[k], el[k]);
    count_sites(m, s->st[k], s->n[k], sites[k]);
  }
  for (int k = 1; k < 3; k++) {
    if (s->n[k] == 0) continue;
    for (int e = 0; e < 128; e++)
      if (el[k][e] != el[IS][e])
        return tg__fail(TG_ERR_MODEL, m->origin,
                        "line %d: step \"%s\" is unbalanced: element %c appears %d times in the initial state but %d "
                        "in the %s state",
                        s->line, s->text, e, el[IS][e], el[k][e], state_name[k]);
    for (int t = 0; t < 64; t++)
      if (sites[k][t] != sites[IS][t])
        return tg__fail(TG_ERR_MODEL, m->origin,
                        "line %d: step \"%s\" does not conserve sites: %d sites in the initial state but %d in the %s "
                        "state",
                        s->line, s->text, sites[IS][t], sites[k][t], state_name[k]);
  }
  return TG_SUCCESS;
}
