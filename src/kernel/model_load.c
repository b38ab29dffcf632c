/* Loading a model: the text (a file, a string, or the embedded default) is
 * read by the YAML reader, which assembles the model (model.c), then the
 * kinetics' flat lists are built (kinetics.c). The public entry points. */
#define _POSIX_C_SOURCE 200809L /* strerror_r: strerror's buffer may be shared between threads */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/kernel.h"

/* The embedded default model: models/co_oxidation.yaml, compiled in as bytes
 * (cmake/embed_file.cmake), so the library and the shipped file never differ. */
extern const unsigned char tg__default_model_yaml[];
extern const size_t tg__default_model_yaml_size;

int tg_model_parse(const char *yaml, size_t length, const char *origin, tg_model **out)
{
  if (!out) return tg__fail(TG_ERR_ARG, __func__, "model must not be NULL");
  *out = NULL;
  if (!yaml) return tg__fail(TG_ERR_ARG, __func__, "yaml text is NULL");
  if (length > TG_MODEL_TEXT_MAX)
    return tg__fail(TG_ERR_ARG, __func__, "%s is larger than " TG_MODEL_TEXT_MAX_TEXT " (%zu bytes)",
                    origin ? origin : "<string>", length);
  const char *nul = memchr(yaml, 0, length);
  if (nul) { /* a C string's end inside the text: its caller cut something short */
    int line = 1, column = 1;
    for (const char *c = yaml; c < nul; c++) column = *c == '\n' ? (line++, 1) : column + 1;
    return tg__fail(TG_ERR_ARG, origin ? origin : "<string>",
                    "the text has a NUL byte at line %d, column %d (byte %zu of %zu)", line, column,
                    (size_t)(nul - yaml), length);
  }
  tg_model *m = calloc(1, sizeof *m);
  if (!m) return tg__fail(TG_ERR_NOMEM, __func__, "out of memory");
  snprintf(m->origin, sizeof m->origin, "%s", origin ? origin : "<string>");
  m->config = tg__solver_config_default();
  m->source = malloc(length + 1);
  if (!m->source) {
    free(m);
    return tg__fail(TG_ERR_NOMEM, __func__, "out of memory");
  }
  memcpy(m->source, yaml, length);
  m->source[length] = 0;
  int rc = tg__model_read_yaml(m, yaml, length);
  if (!rc) rc = tg__kinetics_build(m);
  if (rc) {
    tg_model_free(m);
    return rc;
  }
  *out = m;
  return TG_SUCCESS;
}

int tg_model_load(const char *path, tg_model **out)
{
  if (!out || !path) return tg__fail(TG_ERR_ARG, __func__, "path and model must not be NULL");
  *out = NULL;
  FILE *f = fopen(path, "rb");
  if (!f) {
    char why[128];
    if (strerror_r(errno, why, sizeof why)) snprintf(why, sizeof why, "error %d", errno);
    return tg__fail(TG_ERR_IO, __func__, "cannot open %s: %s", path, why);
  }
  size_t cap = 4096, len = 0;
  char *buf = malloc(cap);
  while (buf) { /* a model is small; one byte beyond the limit tells runaway input */
    len += fread(buf + len, 1, cap - len, f);
    if (len > TG_MODEL_TEXT_MAX) {
      free(buf);
      fclose(f);
      return tg__fail(TG_ERR_IO, __func__, "%s is larger than " TG_MODEL_TEXT_MAX_TEXT, path);
    }
    if (len < cap) break;
    cap = cap > TG_MODEL_TEXT_MAX / 2 ? TG_MODEL_TEXT_MAX + 1 : 2 * cap;
    char *grown = realloc(buf, cap);
    if (!grown) free(buf);
    buf = grown;
  }
  int err = ferror(f);
  fclose(f);
  if (!buf) return tg__fail(TG_ERR_NOMEM, __func__, "out of memory reading %s", path);
  if (err) {
    free(buf);
    return tg__fail(TG_ERR_IO, __func__, "cannot read %s", path);
  }
  int rc = tg_model_parse(buf, len, path, out);
  free(buf);
  return rc;
}

int tg_model_default(tg_model **model)
{
  return tg_model_parse((const char *)tg__default_model_yaml, tg__default_model_yaml_size, "models/co_oxidation.yaml",
                        model);
}
