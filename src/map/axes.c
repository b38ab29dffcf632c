/* Axis values: evenly spaced, linearly or in log10. */
#include <math.h>

#include "map/map.h"

int tg_linspace(double lo, double hi, int64_t n, double *out)
{
  if (n < 1 || !out || !isfinite(lo) || !isfinite(hi))
    return tg__fail(TG_ERR_ARG, __func__, "need n >= 1, finite bounds and an output array (n = %lld)", (long long)n);
  for (int64_t k = 0; k < n; k++) out[k] = n == 1 ? lo : lo + k * ((hi - lo) / (n - 1)); /* numpy.linspace's formula */
  if (n > 1) out[n - 1] = hi;
  return TG_SUCCESS;
}

int tg_logspace(double lo, double hi, int64_t n, double *out)
{
  if (!(lo > 0) || !(hi > 0)) return tg__fail(TG_ERR_ARG, __func__, "bounds %g, %g must be positive", lo, hi);
  TG_CALL(tg_linspace(log10(lo), log10(hi), n, out));
  for (int64_t k = 0; k < n; k++) out[k] = pow(10, out[k]);
  out[0] = lo;
  if (n > 1) out[n - 1] = hi;
  return TG_SUCCESS;
}
