/* What the benchmarks share: a monotonic clock and a comparison for qsort. */
#ifndef TOFGRID_BENCH_TIMING_H
#define TOFGRID_BENCH_TIMING_H

#include <time.h>

static inline double now(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

static inline int cmp(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

#endif
