/* The embedded default model: models/co_oxidation.yaml, compiled in as bytes
 * (cmake/embed_file.cmake), so the library and the shipped file never differ. */
#include <stddef.h>

#include "model_internal.h"

extern const unsigned char tg__default_model_yaml[];
extern const size_t tg__default_model_yaml_size;

int tg_model_default(tg_model **model)
{
  return tg_model_parse((const char *)tg__default_model_yaml, tg__default_model_yaml_size, "models/co_oxidation.yaml",
                        model);
}
