/* Multiple steady states: solve from several initial states -- the clean
 * surface (SCAKS's answer, first), then each adsorbate covering its site
 * type -- and keep every distinct state not found unstable. */
#include <math.h>
#include <stdlib.h>

#include "kernel/kernel.h"

static int same_state(const tg_solution *a, const tg_solution *b, int n)
{
  for (int j = 0; j < n; j++) {
    double x = a->coverages[j], y = b->coverages[j];
    if (fabs(x - y) > 1e-6 * fmax(fmax(fabs(x), fabs(y)), 1e-12)) return 0;
  }
  return 1;
}

static void copy_solution(const tg_model *m, tg_solution *to, const tg_solution *from)
{
  int n = m->na + m->ns;
  to->status = from->status, to->iterations = from->iterations, to->time_steps = from->time_steps;
  to->t_reached = from->t_reached, to->residual = from->residual, to->poisoned_by = from->poisoned_by;
  to->has_xrc = from->has_xrc, to->stable = from->stable;
  for (int j = 0; j < n; j++) to->coverages[j] = from->coverages[j];
  for (int g = 0; g < m->ng; g++) to->tof[g] = from->tof[g];
  for (int i = 0; i < m->nsteps; i++)
    to->rf[i] = from->rf[i], to->rr[i] = from->rr[i], to->net[i] = from->net[i], to->xrc[i] = from->xrc[i];
}

int tg_steady_states(const tg_model *m, double T, const double *p, const tg_solve_options *options, tg_solution **sols,
                     int max, int *found)
{
  if (!m || !sols || !found || max < 1)
    return tg__fail(TG_ERR_ARG, __func__, "model, solutions (max >= 1) and found are required");
  *found = 0;
  TG_CALL(tg__temperature(m, T, __func__, &T));
  tg_solve_options o = options ? *options : m->opts;
  o.want_stability = 1;
  double *init = calloc((size_t)m->na, sizeof *init);
  tg_solution *s = NULL;
  int rc = init ? tg_solution_create(m, &s) : tg__fail(TG_ERR_NOMEM, __func__, "out of memory");
  for (int start = -1; !rc && start < m->na && *found < max; start++) {
    for (int a = 0; a < m->na; a++) init[a] = a == start ? m->site_total[m->ads_site[a]] : 0;
    o.initial = init;
    int r = tg_solve(m, T, p, &o, s);
    if (r == TG_ERR_CONVERGENCE) continue; /* no state from this start */
    if (r) {
      rc = r;
      break;
    }
    if (s->stable == 0) continue; /* unstable; "could not tell" (-1) is kept, and says so */
    int seen = 0;
    for (int k = 0; k < *found && !seen; k++) seen = same_state(sols[k], s, m->na + m->ns);
    if (!seen) copy_solution(m, sols[(*found)++], s);
  }
  tg_solution_free(s);
  free(init);
  if (!rc && *found == 0) rc = tg__fail(TG_ERR_CONVERGENCE, __func__, "no stable steady state from any start");
  return rc;
}
