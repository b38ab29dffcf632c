/* tg_block_range: blocks tile [0, n) in rank order, differ by at most one,
 * and the larger ones come first. Pure arithmetic, no MPI needed. */
#include "check.h"
#include "tofgrid.h"

int main(void)
{
  for (int64_t n = 0; n <= 40; n++)
    for (int size = 1; size <= 12; size++) {
      int64_t next = 0, prev_count = -1;
      for (int r = 0; r < size; r++) {
        int64_t off, cnt;
        CHECK_OK(tg_block_range(n, size, r, &off, &cnt));
        CHECK(off == next, "n=%lld size=%d rank=%d: offset %lld, expected %lld", (long long)n, size, r, (long long)off,
              (long long)next);
        CHECK(cnt == n / size || cnt == n / size + 1, "n=%lld size=%d rank=%d: count %lld", (long long)n, size, r,
              (long long)cnt);
        CHECK(prev_count < 0 || cnt <= prev_count, "larger blocks first (n=%lld size=%d)", (long long)n, size);
        prev_count = cnt;
        next = off + cnt;
      }
      CHECK(next == n, "n=%lld size=%d: blocks cover %lld", (long long)n, size, (long long)next);
    }
  /* The tutorial's case: 10 pO2 values over 3 ranks -> 4, 3, 3. */
  int64_t off, cnt;
  tg_block_range(10, 3, 0, &off, &cnt);
  CHECK(off == 0 && cnt == 4, "rank 0: %lld+%lld", (long long)off, (long long)cnt);
  tg_block_range(10, 3, 2, &off, &cnt);
  CHECK(off == 7 && cnt == 3, "rank 2: %lld+%lld", (long long)off, (long long)cnt);
  /* Beyond 32 bits: 2^40 = 3*366503875925 + 1, so only rank 0 gets one more. */
  tg_block_range((int64_t)1 << 40, 3, 1, &off, &cnt);
  CHECK(cnt == 366503875925 && off == 366503875926, "2^40 items: %lld+%lld", (long long)off, (long long)cnt);
  return tg_test_summary();
}
