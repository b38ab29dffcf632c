/* A file system without fallocate (NFSv3, older ZFS, FUSE), for the fault
 * tests: preloaded, fallocate fails with EOPNOTSUPP as it does there. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>

int fallocate(int fd, int mode, off_t offset, off_t len)
{
  (void)fd, (void)mode, (void)offset, (void)len;
  errno = EOPNOTSUPP;
  return -1;
}

int fallocate64(int fd, int mode, off_t offset, off_t len) { return fallocate(fd, mode, offset, len); }
