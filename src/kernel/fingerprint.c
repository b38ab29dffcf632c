/* A model's fingerprint: a hash of everything that changes a result, in the
 * model's canonical (parsed) form, so that a checkpoint is resumed only with
 * the model that wrote it and ranks can check they hold the same model.
 * Fields are hashed one by one (never whole structs: padding bytes are not
 * values). Add a field here when the model gains one that changes results. */
#include <string.h>

#include "kernel/kernel.h"

#define H(x) h = tg__hash(h, &(x), sizeof(x))
#define HN(p, n) h = tg__hash(h, (p), (size_t)(n) * sizeof *(p))

uint64_t tg__model_fingerprint(const tg_model *m)
{
  uint64_t h = TG_HASH_SEED;
  H(m->nsp), H(m->nsteps), H(m->na), H(m->ns), H(m->ng);
  for (int i = 0; i < m->nsp; i++) {
    const species *s = &m->sp[i];
    h = tg__hash(h, s->name, strlen(s->name) + 1);
    H(s->kind), H(s->site), H(s->index), H(s->pressure), H(s->total), H(s->energy), H(s->has_energy),
        H(s->has_pressure), H(s->mass), H(s->has_thermo);
    if (s->has_thermo) {
      H(s->thermo.sigma), H(s->thermo.nrot), H(s->thermo.nvib);
      HN(s->thermo.rot, s->thermo.nrot), HN(s->thermo.vib, s->thermo.nvib);
    }
  }
  for (int i = 0; i < m->nsteps; i++) {
    const step *s = &m->steps[i];
    for (int st = 0; st < 3; st++) {
      H(s->n[st]);
      for (int f = 0; f < s->n[st]; f++) H(s->st[st][f].nu), H(s->st[st][f].nsites), H(s->st[st][f].sp);
    }
    H(s->Ga), H(s->dG);
  }
  HN(m->ads, m->na), HN(m->sites, m->ns), HN(m->gases, m->ng), HN(m->ads_site, m->na);
  HN(m->site_total, m->ns), HN(m->pressures, m->ng), HN(m->kf, m->nsteps), HN(m->kr, m->nsteps);
  HN(m->dtheta, m->na * m->nsteps), HN(m->dgas, m->ng * m->nsteps);
  H(m->temperature), H(m->unitcell_area), H(m->active_ratio), H(m->rate_algo_ct), H(m->absolute), H(m->product);
  int has_initial = m->initial != NULL;
  H(has_initial);
  if (has_initial) HN(m->initial, m->na);
  H(m->opts.t_end), H(m->opts.t_max), H(m->opts.tolerance), H(m->opts.max_iterations);
  H(m->config.step_tolerance), H(m->config.lu_inline_limit), H(m->config.quiet_growth);
  const tg__catmap *c = m->catmap;
  int catmap = c != NULL;
  H(catmap);
  if (c) { /* descriptors, scaling, thermochemistry, prefactors */
    H(c->nd), HN(c->desc, c->nd), H(c->has_point), HN(c->point, c->nd), HN(c->concentration, m->nsp);
    HN(c->coef, (size_t)m->nsp * (size_t)(c->nd + 1)), H(c->gas_mode), H(c->ads_mode), HN(c->prefactor, m->nsteps);
    HN(c->site_area, m->nsteps), HN(c->gas_mass, m->nsteps);
    for (int i = 0; i < m->nsp; i++) {
      const tg__thermo_data *d = &c->thermo[i];
      H(d->nfreq), HN(d->freq, d->nfreq), H(d->nshomate), H(d->has_ideal), H(d->fixed_entropy);
      for (int r = 0; r < d->nshomate; r++) H(d->shomate[r].tmin), H(d->shomate[r].tmax), HN(d->shomate[r].c, 8);
      if (d->has_ideal) {
        H(d->ideal.mass), HN(d->ideal.inertia, 3), H(d->ideal.sigma), H(d->ideal.linear), H(d->ideal.spin);
      }
    }
  }
  return h;
}
