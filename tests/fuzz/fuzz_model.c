/* libFuzzer target: any bytes given to the model reader must give a model or
 * an error with a message -- never a crash, a leak or undefined behaviour
 * (built with AddressSanitizer and UBSan). Accepted models also get their
 * rate constants computed. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "tofgrid/error.h"
#include "tofgrid/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  tg_model *m = NULL;
  int rc = tg_model_parse((const char *)data, size, "fuzz", &m);
  if (rc == TG_SUCCESS) {
    int n = tg_model_count(m, -1);
    double *k = malloc(2 * (size_t)(n > 0 ? n : 1) * sizeof *k);
    if (k) tg_model_rate_constants(m, TG_MODEL_TEMPERATURE, k, k + n);
    free(k);
    tg_model_free(m);
  } else if (m != NULL || tg_error_message()[0] == '\0') {
    abort(); /* a failure must leave no model and must say why */
  }
  return 0;
}
