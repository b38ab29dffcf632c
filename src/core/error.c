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
  int full = vsnprintf(last_message + n, sizeof last_message - (size_t)n, fmt, ap);
  va_end(ap);
  if (full > 0 && (size_t)n + (size_t)full >= sizeof last_message) {
    /* Cut short: drop a trailing partial UTF-8 character, so the message
     * stays valid UTF-8 (Python decodes it strictly). */
    size_t end = sizeof last_message - 1, k = end;
    while (k > 0 && ((unsigned char)last_message[k - 1] & 0xC0) == 0x80) k--;
    if (k > 0 && ((unsigned char)last_message[k - 1] & 0xC0) == 0xC0) {
      unsigned char lead = (unsigned char)last_message[k - 1];
      size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      if (end - (k - 1) < need) last_message[k - 1] = '\0';
    }
  }
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
