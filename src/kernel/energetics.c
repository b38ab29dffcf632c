/* From a point (T, descriptors) to rate constants, as CatMAP does
 * (catmap_model_spec sections 2.4, 3.2, 4): free energies G = E(d) + dG(T),
 * the descriptor species at the descriptors' values exactly, gases at their
 * formation energy plus correction, free sites 0; each step's transition
 * state lifted to max(G_IS, G_FS, G_TS) (barriers clipped at 0 and at the
 * reaction free energy, both ways), prefactor kB T / h with CatMAP's kB, h. */
#include <math.h>
#include <stdlib.h>

#include "kernel/kernel.h"

static const double kB = TG__CATMAP_KB;
static const double h = 4.135667516e-15; /* eV s, CatMAP */

int tg__catmap_prepare(tg_model *m)
{
  tg__catmap *c = m->catmap;
  c->dG_model = malloc((size_t)(m->nsp ? m->nsp : 1) * sizeof *c->dG_model);
  if (!c->dG_model) return tg__fail(TG_ERR_NOMEM, m->origin, "out of memory");
  for (int i = 0; i < m->nsp; i++) TG_CALL(tg__thermo_correction(m, i, m->temperature, &c->dG_model[i], m->origin));
  return TG_SUCCESS;
}

/* dG of species i at T: the cached value at the model's temperature. */
static int correction(const tg_model *m, int i, double T, double *dG, const char *fn)
{
  const tg__catmap *c = m->catmap;
  if (T == m->temperature && c->dG_model) return *dG = c->dG_model[i], TG_SUCCESS;
  return tg__thermo_correction(m, i, T, dG, fn);
}

int tg__catmap_free_energies(const tg_model *m, double T, const double *d, double *G, const char *fn)
{
  const tg__catmap *c = m->catmap;
  int w = c->nd + 1;
  for (int i = 0; i < m->nsp; i++) {
    const species *s = &m->sp[i];
    double E = 0, dG = 0;
    if (s->kind == SP_GAS) {
      E = s->energy;
    } else if (s->kind == SP_ADS || s->kind == SP_TS) {
      const double *row = c->coef + (size_t)i * w;
      for (int q = 0; q < c->nd; q++) E += row[q] * d[q];
      E += row[c->nd];
      for (int q = 0; q < c->nd; q++) /* a descriptor itself: its value, not its fit */
        if (c->desc[q] == i) E = d[q];
    } else {
      G[i] = 0;
      continue;
    }
    TG_CALL(correction(m, i, T, &dG, fn));
    G[i] = E + dG;
  }
  return TG_SUCCESS;
}

int tg__catmap_rate_constants(const tg_model *m, double T, const double *d, double *kf, double *kr, int *top_state,
                              const char *fn)
{
  double G[m->nsp > 0 ? m->nsp : 1];
  TG_CALL(tg__catmap_free_energies(m, T, d, G, fn));
  double kT = kB * T;
  for (int i = 0; i < m->nsteps; i++) {
    const step *s = &m->steps[i];
    double Gs[3] = {0, 0, 0};
    for (int k = 0; k < 3; k++)
      for (int f = 0; f < s->n[k]; f++) Gs[k] += s->st[k][f].nu * G[s->st[k][f].sp];
    int at = Gs[IS] > Gs[FS] ? IS : FS;
    if (s->n[TS] > 0 && Gs[TS] > Gs[at]) at = TS;
    double top = Gs[at];
    if (top_state) top_state[i] = at;
    double A = m->catmap->prefactor[i] > 0 ? m->catmap->prefactor[i] : kT / h;
    if (m->catmap->site_area[i] > 0) /* CatMAP's non-activated prefactor: p0 A / sqrt(2 pi m kB T), both ways */
      A = 1e5 * m->catmap->site_area[i] * 1e-20 /
          sqrt(2 * 3.141592653589793 * m->catmap->gas_mass[i] * 1.660538921e-27 * 1.602176565e-19) / sqrt(kT);
    kf[i] = A * exp(-(top - Gs[IS]) / kT);
    kr[i] = A * exp(-(top - Gs[FS]) / kT);
    if (!isfinite(kf[i]) || !isfinite(kr[i]) || !isfinite(top))
      return tg__fail(TG_ERR_MODEL, fn, "step \"%s\": rate constants not finite at %g K (free energies %g, %g, %g eV)",
                      s->text, T, Gs[IS], top, Gs[FS]);
  }
  return TG_SUCCESS;
}

int tg__catmap_conditions(const tg_model *m, const double *d, double *T, double *pressures, const char *fn)
{
  const tg__catmap *c = m->catmap;
  for (int q = 0; q < c->nd; q++) {
    if (c->desc[q] == TG_DESC_TEMPERATURE) *T = d[q];
    if (c->desc[q] == TG_DESC_LOG_PRESSURE && pressures)
      for (int g = 0; g < m->ng; g++) {
        double x = c->concentration[m->gases[g]];
        if (!isnan(x)) pressures[g] = x * pow(10, d[q]);
      }
  }
  if (!(*T > 0) || !isfinite(*T))
    return tg__fail(TG_ERR_ARG, fn, "the temperature descriptor is %g K; it must be finite and > 0", *T);
  return TG_SUCCESS;
}

int tg__catmap_condition_descriptor(const tg_model *m, int gas)
{
  const tg__catmap *c = m->catmap;
  for (int q = 0; c && q < c->nd; q++) {
    if (gas < 0 && c->desc[q] == TG_DESC_TEMPERATURE) return q;
    if (gas >= 0 && c->desc[q] == TG_DESC_LOG_PRESSURE && !isnan(c->concentration[m->gases[gas]])) return q;
  }
  return -1;
}

int tg__catmap_check_conditions(const tg_model *m, double T, const double *p, const char *fn)
{
  int q = tg__catmap_condition_descriptor(m, -1);
  if (q >= 0 && T != TG_MODEL_TEMPERATURE)
    return tg__fail(TG_ERR_ARG, fn,
                    "temperature %g K given, but the temperature of %s is its descriptor %s: give it among the "
                    "descriptors",
                    T, m->name, tg_model_species(m, TG_DESCRIPTOR, q));
  for (int g = 0; p && g < m->ng; g++)
    if ((q = tg__catmap_condition_descriptor(m, g)) >= 0 && p[g] != m->pressures[g])
      return tg__fail(TG_ERR_ARG, fn,
                      "pressure of %s given (%g bar), but in %s it is the descriptor %s's share (concentration %g): "
                      "give %s instead",
                      m->sp[m->gases[g]].name, p[g], m->name, tg_model_species(m, TG_DESCRIPTOR, q),
                      m->catmap->concentration[m->gases[g]], tg_model_species(m, TG_DESCRIPTOR, q));
  return TG_SUCCESS;
}
