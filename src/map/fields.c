/* What a map stores at each point, as one table: the TOFs, the coverages
 * and the analyses asked for, each with its name, per-point shape, unit and
 * place in tg_solution and tg_grid. The sweep packs a point's record by it,
 * the gather and the writers unpack it by it: a new output is a new row here. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "map/map.h"

#define FIELD(name_, analysis_, rank_, d0, d1, units_, member)                             \
  {                                                                                        \
    .name = name_, .analysis = analysis_, .rank = rank_, .dim = {d0, d1}, .units = units_, \
    .sol = offsetof(tg_solution, member), .grid = offsetof(tg_grid, member)                \
  }
static const tg__field table[] = {
    FIELD("tof", 0, 1, TG__DIM_GAS, 0, "s^-1 per site (net production; consumed < 0)", tof),
    FIELD("coverages", 0, 1, TG__DIM_SPECIES, 0, "fraction of sites", coverages),
    FIELD("orders", TG_ANALYSIS_ORDERS, 2, TG__DIM_GAS, TG__DIM_PRESSURE, "1 (d ln|TOF_gas| / d ln p_pressure_gas)",
          orders),
    FIELD("eapp", TG_ANALYSIS_EAPP, 1, TG__DIM_GAS, 0, "eV (kB T^2 d ln|TOF_gas| / dT)", eapp),
    FIELD("rate_control", TG_ANALYSIS_RATE_CONTROL, 2, TG__DIM_GAS, TG__DIM_CONTROL, "1 (-kB T d ln TOF_gas / d G)",
          rate_control),
    FIELD("selectivity", TG_ANALYSIS_SELECTIVITY, 1, TG__DIM_GAS, 0, "1 (fraction of the products' TOF)", selectivity),
    FIELD("selectivity_control", TG_ANALYSIS_SELECTIVITY_CONTROL, 2, TG__DIM_GAS, TG__DIM_CONTROL,
          "1 (-kB T d ln S_gas / d G)", selectivity_control),
    FIELD("xrc", TG_ANALYSIS_XRC, 1, TG__DIM_STEP, 0, "1 (d ln TOF_product / d ln k_step at fixed K)", xrc),
};
#undef FIELD
enum { NTABLE = sizeof table / sizeof table[0] };
_Static_assert((int)NTABLE <= (int)TG__FIELDS_MAX, "TG__FIELDS_MAX is too small for the table");

int tg__dim_size(const tg_model *m, tg__dim d)
{
  switch (d) {
  case TG__DIM_GAS:
  case TG__DIM_PRESSURE: return m->ng;
  case TG__DIM_SPECIES: return m->na + m->ns;
  case TG__DIM_CONTROL: return m->na + tg__transition_states(m, NULL);
  case TG__DIM_STEP: return m->nsteps;
  case TG__NDIMS: break;
  }
  return 0;
}

const char *tg__dim_name(tg__dim d)
{
  static const char *const names[TG__NDIMS] = {"gas", "species", "control_species", "step", "pressure_gas"};
  return names[d];
}

const char *tg__dim_label(const tg_model *m, tg__dim d, int k, char *buf, size_t size)
{
  switch (d) {
  case TG__DIM_GAS:
  case TG__DIM_PRESSURE: return tg_model_species(m, TG_GAS, k);
  case TG__DIM_SPECIES:
    return k < m->na ? tg_model_species(m, TG_ADSORBATE, k) : tg_model_species(m, TG_SITE, k - m->na);
  case TG__DIM_CONTROL:
    return k < m->na ? tg_model_species(m, TG_ADSORBATE, k) : tg_model_species(m, TG_TRANSITION_STATE, k - m->na);
  case TG__DIM_STEP: snprintf(buf, size, "%d", k + 1); return buf; /* steps have no names: the model's order */
  case TG__NDIMS: break;
  }
  return "";
}

void tg__layout_init(tg__layout *l, const tg_model *m, int analyses)
{
  memset(l, 0, sizeof *l);
  l->m = m, l->analyses = analyses;
  for (int t = 0; t < NTABLE; t++) {
    if (table[t].analysis && !(analyses & table[t].analysis)) continue;
    tg__field f = table[t];
    f.count = 1;
    for (int k = 0; k < f.rank; k++) f.count *= tg__dim_size(m, f.dim[k]);
    f.offset = l->record;
    l->record += f.count;
    l->f[l->n++] = f;
  }
  l->record += 2; /* status, iterations */
}

void tg__record_pack(const tg__layout *l, const tg_solution *s, int failed, int iterations, double *out)
{
  for (int k = 0; k < l->n; k++) {
    const tg__field *f = &l->f[k];
    const double *v = *(double *const *)((const char *)s + f->sol);
    /* no steady state, or an analysis it could not give (xrc of a zero TOF): no numbers */
    int have = !failed && (!f->analysis || (s->analyses & f->analysis));
    for (int c = 0; c < f->count; c++) out[f->offset + c] = have ? v[c] : NAN;
  }
  out[l->record - 2] = failed ? TG_STEADY_FAILED : s->status;
  out[l->record - 1] = iterations;
}

void tg__record_unpack(const tg__layout *l, const double *r, int64_t point, double *const *fields, int *status,
                       int *iterations)
{
  for (int k = 0; k < l->n; k++)
    memcpy(fields[k] + point * l->f[k].count, r + l->f[k].offset, (size_t)l->f[k].count * sizeof *r);
  status[point] = (int)r[l->record - 2];
  iterations[point] = (int)r[l->record - 1];
}
