/* Block decomposition: the one rule for splitting n items over ranks. */
#include "comm/comm.h"

int tg_block_range(int64_t n, int size, int rank, int64_t *offset, int64_t *count)
{
  if (offset == NULL || count == NULL) return tg__fail(TG_ERR_ARG, __func__, "offset and count must not be NULL");
  if (n < 0) return tg__fail(TG_ERR_ARG, __func__, "n = %lld is negative", (long long)n);
  if (size <= 0) return tg__fail(TG_ERR_ARG, __func__, "size = %d must be positive", size);
  if (rank < 0 || rank >= size) return tg__fail(TG_ERR_ARG, __func__, "rank %d is outside [0, %d)", rank, size);
  int64_t base = n / size, extra = n % size;
  *count = base + (rank < extra ? 1 : 0);
  *offset = base * rank + (rank < extra ? rank : extra);
  return TG_SUCCESS;
}
