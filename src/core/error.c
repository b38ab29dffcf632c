/* Status codes and the thread-local last-error message. */
#include <stdarg.h>
#include <stdio.h>

#include "core/core.h"

static _Thread_local char last_message[1024];

int tg__fail(int status, const char *fn, const char *fmt, ...)
{
  int n = snprintf(last_message, sizeof last_message, "%s: ", fn);
  if (n < 0 || (size_t)n >= sizeof last_message) n = 0;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(last_message + n, sizeof last_message - (size_t)n, fmt, ap);
  va_end(ap);
  return status;
}

const char *tg_error_message(void) { return last_message; }

const char *tg_status_name(int status)
{
  switch (status) {
#define TG_STATUS_NAME(name, value, text) \
  case value: return #name;
    TG_STATUS_LIST(TG_STATUS_NAME)
#undef TG_STATUS_NAME
  }
  return "TG_UNKNOWN";
}

const char *tg_status_string(int status)
{
  switch (status) {
#define TG_STATUS_TEXT(name, value, text) \
  case value: return text;
    TG_STATUS_LIST(TG_STATUS_TEXT)
#undef TG_STATUS_TEXT
  }
  return "unknown status";
}
