/* Symbol visibility for the public API. The library is built with hidden
 * visibility; only declarations marked TG_API are exported. */
#ifndef TOFGRID_EXPORT_H
#define TOFGRID_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define TG_API __attribute__((visibility("default")))
#else
#define TG_API
#endif

#endif
