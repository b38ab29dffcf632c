/**
 * @file tofgrid/export.h
 * @brief Symbol visibility for the public API.
 *
 * The library is built with hidden visibility; only declarations marked
 * TG_API are exported. Included by every public header; not meant to be
 * included on its own.
 */
#ifndef TOFGRID_EXPORT_H
#define TOFGRID_EXPORT_H

/**
 * @def TG_API
 * @brief Marks a declaration as part of tofgrid's exported API.
 *
 * With GCC and Clang it is `__attribute__((visibility("default")))`;
 * with other compilers it is empty.
 */

#if defined(__GNUC__) || defined(__clang__)
#define TG_API __attribute__((visibility("default")))
#else
#define TG_API
#endif

#endif
