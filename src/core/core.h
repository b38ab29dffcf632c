/* The core layer's private header: what every layer of tofgrid shares --
 * error reporting and a few compiler macros. No MPI, no numerics. Not
 * installed. Layers, lowest first: core <- comm, core <- kernel <- map
 * (map also uses comm) <- cli; a header never includes a higher layer's
 * (the test tree.layering checks it). */
#ifndef TOFGRID_CORE_H
#define TOFGRID_CORE_H

#include <stddef.h>
#include <stdint.h>

#include "tofgrid/error.h"
#include "tofgrid/export.h"

#if defined(__GNUC__) || defined(__clang__)
#define TG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define TG_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define TG_LIKELY(x) __builtin_expect(!!(x), 1)
#define TG_NOINLINE __attribute__((noinline)) /* a fast path's fallback: keeps its register saves off the fast path */
#else
#define TG_NOINLINE
#define TG_PRINTF(f, a)
#define TG_UNLIKELY(x) (x)
#define TG_LIKELY(x) (x)
#endif

/* Internal functions the language bindings call (src/comm/surface.h): exported
 * under the version node TOFGRID_INTERNAL_<SOVERSION> (cmake/tofgrid.map.in),
 * so a binding built against another library version fails to load instead
 * of misbehaving. */
#define TG_INTERNAL TG_API

/* Record "fn: message" as the thread's last error and return status. */
TG_INTERNAL int tg__fail(int status, const char *fn, const char *fmt, ...) TG_PRINTF(3, 4);

/* FNV-1a, 64 bits: h continued over n bytes at p (start from TG_HASH_SEED).
 * For fingerprints and checksums against accidents (a changed model, a
 * flipped bit), not against an adversary. */
#define TG_HASH_SEED 14695981039346656037ULL
static inline uint64_t tg__hash(uint64_t h, const void *p, size_t n)
{
  const unsigned char *b = (const unsigned char *)p;
  for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 1099511628211ULL;
  return h;
}

/* Return a failing status from the enclosing function. */
#define TG_CALL(expr)                       \
  do {                                      \
    int tg_rc_ = (expr);                    \
    if (TG_UNLIKELY(tg_rc_)) return tg_rc_; \
  } while (0)

#endif
