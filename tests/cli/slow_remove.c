/* A slow file system for the fault tests: preloaded, remove() of a
 * checkpoint file first creates the file named by TG_TEST_MARK (so the test
 * knows the run is removing its checkpoints) and then waits 2 s, holding the
 * run in that step. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int remove(const char *path)
{
  static int (*real)(const char *);
  if (!real) real = (int (*)(const char *))dlsym(RTLD_NEXT, "remove");
  const char *mark = getenv("TG_TEST_MARK");
  if (mark && path && strstr(path, ".ckpt.")) {
    int fd = open(mark, O_WRONLY | O_CREAT, 0644);
    if (fd >= 0) close(fd);
    sleep(2);
  }
  return real(path);
}
