/* The files of a map: each is written under a temporary name of its own
 * (created with O_EXCL, so never a file that was already there) and renamed
 * into place only when every output is written, so a failed run leaves the
 * earlier outputs as they were. Rank 0 holds a POSIX lock on NAME.lock for
 * every name while the run lasts, so a second run on the same files is
 * refused instead of mixing maps; the kernel drops the lock when a process
 * dies, even by kill -9, so a stale lock file never blocks a later run.
 * Rank 0 does the file work and broadcasts its verdict and names. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "map/map.h"

/* What rank 0 tells the others. */
typedef struct verdict {
  int rc;
  char message[1024];
  char tmp[TG_OUTPUTS_MAX][TG_PATH_MAX + 32];
} verdict;

/* Rank 0's status and message (v->rc), on every rank; a rank that failed
 * itself (mine) keeps its own. */
static int share(MPI_Comm dup, int rank, verdict *v, int mine, const char *fn)
{
  if (rank == 0 && v->rc) snprintf(v->message, sizeof v->message, "%s", tg_error_message());
  int err = MPI_Bcast(v, (int)sizeof *v, MPI_BYTE, 0, dup);
  if (err != MPI_SUCCESS) return tg__mpi_fail(err, fn, "MPI_Bcast");
  if (mine) return mine;
  if (rank != 0 && v->rc) { /* the message as rank 0 has it (it already names the function) */
    const char *prefix = strstr(v->message, ": ");
    return tg__fail(v->rc, fn, "%s", prefix && !strncmp(v->message, fn, strlen(fn)) ? prefix + 2 : v->message);
  }
  return v->rc;
}

static int lock_name(tg__outputs *o, int k, const char *name, const char *fn)
{
  snprintf(o->lock[k], sizeof o->lock[k], "%s.lock", name);
  for (int attempt = 0; attempt < 10; attempt++) {
    int fd = open(o->lock[k], O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0)
      return tg__fail(TG_ERR_IO, fn, "cannot create %s: %s (is the directory writable?)", o->lock[k], strerror(errno));
    struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    if (fcntl(fd, F_SETLK, &l) != 0) {
      int e = errno;
      close(fd);
      if (e == EACCES || e == EAGAIN)
        return tg__fail(TG_ERR_IO, fn,
                        "%s is being written by another run (it holds %s); wait for it to finish or choose "
                        "another name",
                        name, o->lock[k]);
      return tg__fail(TG_ERR_IO, fn, "cannot lock %s: %s", o->lock[k], strerror(e));
    }
    /* The run that held it may have removed the file as we opened it: then
     * our lock is on a file nobody else will see; take the new one. */
    struct stat held, now;
    if (fstat(fd, &held) == 0 && stat(o->lock[k], &now) == 0 && held.st_ino == now.st_ino &&
        held.st_dev == now.st_dev) {
      o->lock_fd[k] = fd;
      return TG_SUCCESS;
    }
    close(fd);
  }
  return tg__fail(TG_ERR_IO, fn, "cannot lock %s: it keeps being replaced", o->lock[k]);
}

static void unlock_all(tg__outputs *o)
{
  for (int k = 0; k < TG_OUTPUTS_MAX; k++)
    if (o->lock_fd[k] >= 0) {
      unlink(o->lock[k]); /* while still holding it: see lock_name */
      close(o->lock_fd[k]);
      o->lock_fd[k] = -1;
    }
}

/* Temporaries of `name` left by a run that was killed (NAME.tmp.PID.N, the
 * pattern make_temporary uses, nothing else): with the lock held no other
 * run can be writing them. */
static void remove_stale(const char *name)
{
  char dir[TG_PATH_MAX + 32];
  snprintf(dir, sizeof dir, "%s", name);
  char *slash = strrchr(dir, '/');
  const char *base = slash ? slash + 1 : name;
  if (slash) slash[1] = 0;
  else snprintf(dir, sizeof dir, ".");
  size_t nb = strlen(base);
  DIR *d = opendir(dir);
  if (!d) return;
  for (struct dirent *e; (e = readdir(d));) {
    const char *s = e->d_name;
    if (strncmp(s, base, nb) != 0 || strncmp(s + nb, ".tmp.", 5) != 0) continue;
    s += nb + 5;
    size_t pid = strspn(s, "0123456789");
    if (pid == 0 || s[pid] != '.' || s[pid + 1 + strspn(s + pid + 1, "0123456789")] != 0 || !s[pid + 1]) continue;
    char path[2 * TG_PATH_MAX + 64];
    snprintf(path, sizeof path, "%s%s%s", dir, slash ? "" : "/", e->d_name);
    unlink(path);
  }
  closedir(d);
}

/* A new file next to `name`, created here and now (O_EXCL): NAME.tmp.PID.N. */
static int make_temporary(const char *name, char *tmp, size_t len, const char *fn)
{
  struct stat st;
  if (stat(name, &st) == 0 && S_ISDIR(st.st_mode)) return tg__fail(TG_ERR_IO, fn, "%s is a directory", name);
  for (unsigned n = 0; n < 1000; n++) {
    snprintf(tmp, len, "%s.tmp.%ld.%u", name, (long)getpid(), n);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) return close(fd), TG_SUCCESS;
    if (errno != EEXIST)
      return tg__fail(TG_ERR_IO, fn, "cannot create %s: %s (is the directory writable?)", tmp, strerror(errno));
  }
  return tg__fail(TG_ERR_IO, fn, "cannot create a temporary next to %s", name);
}

int tg__outputs_begin(tg__outputs *o, MPI_Comm dup, int rank, const char *const *names, int n, const char *locked,
                      const char *fn)
{
  memset(o, 0, sizeof *o);
  for (int k = 0; k < TG_OUTPUTS_MAX; k++) o->lock_fd[k] = -1;
  verdict verdict_ = {0}, *v = &verdict_;
  if (rank == 0) {
    int nl = 0;
    for (int k = 0; k < n && !v->rc; k++)
      if (names[k]) v->rc = lock_name(o, nl++, names[k], fn);
    if (locked && !v->rc) v->rc = lock_name(o, nl++, locked, fn);
    for (int k = 0; k < n && !v->rc; k++)
      if (names[k]) remove_stale(names[k]);
    for (int k = 0; k < n && !v->rc; k++)
      if (names[k]) v->rc = make_temporary(names[k], v->tmp[k], sizeof v->tmp[k], fn), o->ntmp = k + 1;
    if (v->rc) { /* undo what was made */
      for (int k = 0; k < o->ntmp; k++)
        if (names[k] && v->tmp[k][0]) remove(v->tmp[k]);
      unlock_all(o);
    }
  }
  int rc = share(dup, rank, v, 0, fn);
  if (!rc) {
    o->n = n;
    for (int k = 0; k < n; k++) {
      o->final[k] = names[k];
      memcpy(o->tmp[k], v->tmp[k], sizeof o->tmp[k]);
    }
  }
  return rc;
}

int tg__outputs_commit(tg__outputs *o, MPI_Comm dup, int rank, int rc, const char *fn)
{
  rc = tg__agree(dup, rc, fn);
  verdict verdict_ = {0}, *v = &verdict_;
  if (rank == 0) {
    int renamed = rc != TG_SUCCESS;
    for (int k = 0; k < o->n; k++) {
      if (!o->final[k]) continue;
      if (!renamed && rename(o->tmp[k], o->final[k]) != 0)
        rc = tg__fail(TG_ERR_IO, fn, "cannot rename %s to %s: %s", o->tmp[k], o->final[k], strerror(errno));
      if (rc) remove(o->tmp[k]);
      renamed = rc != TG_SUCCESS;
    }
  }
  if (rc == TG_ERR_MPI) return rc; /* no verdict to share over a broken communicator */
  v->rc = rc;
  return share(dup, rank, v, rank == 0 ? 0 : rc, fn);
}

void tg__outputs_unlock(tg__outputs *o, MPI_Comm dup, int rank)
{
  MPI_Barrier(dup); /* every rank is done with the files the locks guard */
  if (rank == 0) unlock_all(o);
}
