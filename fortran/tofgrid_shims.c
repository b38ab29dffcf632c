/* C side of the Fortran binding. The collectives' generic names resolve
 * straight to these tgf_* functions through bind(C) interface bodies
 * (tofgrid_capi.f90), with no Fortran wrapper between: the communicator
 * arrives as an MPI_Fint by reference (converted here with MPI_Comm_f2c: a
 * Fortran handle is not a C MPI_Comm on every MPI), arrays as assumed-type,
 * assumed-rank descriptors, so one entry point serves every kind and rank,
 * and absent optional arguments as NULL. Fortran knows its array sizes, so
 * unlike the C API these shims also check that every buffer has exactly the
 * size the call needs. */
#include <ISO_Fortran_binding.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "comm/surface.h"
#include "tofgrid.h"

typedef struct fbuf {
  void *ptr;
  int64_t count; /* elements in the whole array */
  int64_t width; /* elements per item: product of all extents but the last */
  int64_t items; /* extent of the last dimension (1 for a scalar) */
  tg_dtype dtype;
} fbuf;

static const char *dtype_name(tg_dtype t)
{
  switch (t) {
#define TGF_NAME(d, v, name, ctype, mpi, red, ord, cfi, fortran, ...) \
  case d: return fortran;
    TG_DTYPE_TABLE(TGF_NAME)
#undef TGF_NAME
  }
  return "?";
}

/* The tofgrid dtype of a Fortran type code (TG_DTYPE_TABLE), -1 for
 * unsupported ones. */
static inline int dtype_of(CFI_type_t type)
{
  switch (type) {
#define TGF_DTYPE_OF(d, v, name, ctype, mpi, red, ord, cfi, ...) \
  case cfi: return d;
    TG_DTYPE_TABLE(TGF_DTYPE_OF)
#undef TGF_DTYPE_OF
  default: return -1;
  }
}

static int fbuf_of(const CFI_cdesc_t *d, const char *fn, const char *name, fbuf *b)
{
  int dtype = dtype_of(d->type);
  if (dtype < 0)
    return tg__fail(TG_ERR_ARG, fn,
                    "%s has an unsupported type (use integer(int8|int32|int64), real(real32|real64) "
                    "or complex(real64))",
                    name);
  b->dtype = (tg_dtype)dtype;
  if (!CFI_is_contiguous(d)) return tg__fail(TG_ERR_ARG, fn, "%s is not contiguous", name);
  b->ptr = d->base_addr;
  b->width = 1;
  b->items = 1;
  for (int i = 0; i < d->rank; i++) {
    if (i == d->rank - 1) b->items = d->dim[i].extent;
    else b->width *= d->dim[i].extent;
  }
  b->count = b->width * b->items;
  return TG_SUCCESS;
}

/* The fast paths' reader: a supported type laid out contiguously (each
 * stride the bytes of the dimensions before it), in one pass with no call.
 * Anything else returns 0 and the full path (fbuf_of) names the problem.
 * Sets ptr, count and dtype only. */
static inline int fbuf_fast(const CFI_cdesc_t *d, fbuf *b)
{
  int dtype = dtype_of(d->type);
  CFI_index_t bytes = (CFI_index_t)d->elem_len, n = 1;
  for (int i = 0; i < d->rank; i++) {
    if (d->dim[i].sm != bytes * n) return 0;
    n *= d->dim[i].extent;
  }
  b->ptr = d->base_addr;
  b->count = n;
  b->dtype = (tg_dtype)dtype;
  return dtype >= 0 && TG_FAST_COUNT(n) && (b->ptr != NULL || n == 0);
}

static int same_type(const fbuf *a, const fbuf *b, const char *fn)
{
  if (a->dtype != b->dtype)
    return tg__fail(TG_ERR_ARG, fn, "sendbuf is %s but recvbuf is %s", dtype_name(a->dtype), dtype_name(b->dtype));
  return TG_SUCCESS;
}

static int expect_size(const fbuf *b, int64_t want, const char *fn, const char *name, const char *why)
{
  if (b->count != want)
    return tg__fail(TG_ERR_ARG, fn, "%s has %lld elements, expected %lld (%s)", name, (long long)b->count,
                    (long long)want, why);
  return TG_SUCCESS;
}

/* Communicator from a Fortran handle, checked once; size and rank as asked. */
static int comm_of(MPI_Fint fcomm, const char *fn, tg__ctx *c, int want_size, int want_rank)
{
  c->size = c->rank = -1;
  c->comm = MPI_Comm_f2c(fcomm);
  return tg__comm(c->comm, fn, want_size ? &c->size : NULL, want_rank ? &c->rank : NULL);
}

/* Each collective has a fast path, as in the C API (collectives.c): the
 * common valid call -- root 0, supported contiguous arrays of matching
 * types and sizes, a communicator already seen -- goes straight to MPI;
 * anything else takes the full checks (*_checked), which name what is
 * wrong. The fast tests imply every full check. */

static TG_NOINLINE int bcast_checked(MPI_Fint fcomm, CFI_cdesc_t *buf, int root)
{
  tg__ctx c;
  fbuf b = {0};
  TG_CALL(comm_of(fcomm, "tg_bcast", &c, 0, 0));
  TG_CALL(fbuf_of(buf, "tg_bcast", "buf", &b));
  return tg__bcast_on(&c, b.ptr, b.count, b.dtype, root, "tg_bcast");
}

/* The rank, asked of MPI once. */
static int is_root(tg__ctx *c, int root)
{
  if (c->rank < 0) MPI_Comm_rank(c->comm, &c->rank);
  return c->rank == root;
}

/* The root's own buffer d (read into b): same type as `other`, `want` elements. */
static int root_buffer(const CFI_cdesc_t *d, const fbuf *other, fbuf *b, int64_t want, const char *fn, const char *name,
                       const char *why)
{
  TG_CALL(fbuf_of(d, fn, name, b));
  TG_CALL(other->dtype == b->dtype ? TG_SUCCESS
                                   : tg__fail(TG_ERR_ARG, fn, "sendbuf and recvbuf have different types (%s, %s)",
                                              dtype_name(other->dtype), dtype_name(b->dtype)));
  return expect_size(b, want, fn, name, why);
}

/* A root-only buffer check, run on the root only: elsewhere it would leave
 * a message behind on a rank whose call succeeds. */
#define ROOT_CHECK(c, root, check) \
  do {                             \
    if (is_root(c, root)) {        \
      int rc_ = (check);           \
      if (rc_) return rc_;         \
    }                              \
  } while (0)

static TG_NOINLINE int scatter_checked(MPI_Fint fcomm, CFI_cdesc_t *send, CFI_cdesc_t *recv, int root)
{
  tg__ctx c;
  fbuf s = {0}, r = {0};
  TG_CALL(comm_of(fcomm, "tg_scatter", &c, 1, 0));
  TG_CALL(fbuf_of(recv, "tg_scatter", "recvbuf", &r));
  ROOT_CHECK(&c, root, root_buffer(send, &r, &s, r.count * c.size, "tg_scatter", "sendbuf", "size(recvbuf) per rank"));
  return tg__scatter_on(&c, s.ptr, r.ptr, r.count, r.dtype, root, "tg_scatter");
}

static TG_NOINLINE int gather_checked(MPI_Fint fcomm, CFI_cdesc_t *send, CFI_cdesc_t *recv, int root)
{
  tg__ctx c;
  fbuf s = {0}, r = {0};
  TG_CALL(comm_of(fcomm, "tg_gather", &c, 1, 0));
  TG_CALL(fbuf_of(send, "tg_gather", "sendbuf", &s));
  ROOT_CHECK(&c, root, root_buffer(recv, &s, &r, s.count * c.size, "tg_gather", "recvbuf", "size(sendbuf) per rank"));
  return tg__gather_on(&c, s.ptr, r.ptr, s.count, s.dtype, root, "tg_gather");
}

static inline int bcast(MPI_Fint fcomm, CFI_cdesc_t *buf, int root)
{
  MPI_Comm comm = MPI_Comm_f2c(fcomm);
  fbuf b;
  if (TG_LIKELY(root == 0 && fbuf_fast(buf, &b) && TG__FITS_ONE_CALL(b.count) && tg__fast_comm(comm)))
    return tg__mpi(TG__MPI_BCAST(b.ptr, b.count, tg__mpi_type(b.dtype), 0, comm), "tg_bcast",
                   TG__MPI_NAME("MPI_Bcast"));
  return bcast_checked(fcomm, buf, root);
}

/* The root's buffer of the whole: `part` elements from each rank. The size
 * is asked only once everything else has passed. Buffers sized for the
 * whole on every rank pass on every rank; others take the full checks,
 * which look at the rank. */
static inline int whole_fits(MPI_Comm comm, const fbuf *whole, const fbuf *part)
{
  int size;
  return whole->dtype == part->dtype && (whole->ptr != part->ptr || part->count == 0) && tg__fast_comm(comm) &&
         MPI_Comm_size(comm, &size) == MPI_SUCCESS && whole->count == part->count * size;
}

static inline int scatter(MPI_Fint fcomm, CFI_cdesc_t *send, CFI_cdesc_t *recv, int root)
{
  MPI_Comm comm = MPI_Comm_f2c(fcomm);
  fbuf s, r;
  if (TG_LIKELY(root == 0 && fbuf_fast(send, &s) && fbuf_fast(recv, &r) && TG__FITS_ONE_CALL(r.count) &&
                whole_fits(comm, &s, &r))) {
    MPI_Datatype t = tg__mpi_type(r.dtype);
    return tg__mpi(TG__MPI_SCATTER(s.ptr, r.count, t, r.ptr, r.count, t, 0, comm), "tg_scatter",
                   TG__MPI_NAME("MPI_Scatter"));
  }
  return scatter_checked(fcomm, send, recv, root);
}

static inline int gather(MPI_Fint fcomm, CFI_cdesc_t *send, CFI_cdesc_t *recv, int root)
{
  MPI_Comm comm = MPI_Comm_f2c(fcomm);
  fbuf s, r;
  if (TG_LIKELY(root == 0 && fbuf_fast(send, &s) && fbuf_fast(recv, &r) && TG__FITS_ONE_CALL(s.count) &&
                whole_fits(comm, &r, &s))) {
    MPI_Datatype t = tg__mpi_type(s.dtype);
    return tg__mpi(TG__MPI_GATHER(s.ptr, s.count, t, r.ptr, s.count, t, 0, comm), "tg_gather",
                   TG__MPI_NAME("MPI_Gather"));
  }
  return gather_checked(fcomm, send, recv, root);
}

static int allgather(MPI_Fint fcomm, CFI_cdesc_t *send, CFI_cdesc_t *recv)
{
  tg__ctx c;
  fbuf s = {0}, r = {0};
  TG_CALL(comm_of(fcomm, "tg_allgather", &c, 1, 0));
  TG_CALL(fbuf_of(send, "tg_allgather", "sendbuf", &s));
  TG_CALL(fbuf_of(recv, "tg_allgather", "recvbuf", &r));
  TG_CALL(same_type(&s, &r, "tg_allgather"));
  TG_CALL(expect_size(&r, s.count * c.size, "tg_allgather", "recvbuf", "size(sendbuf) per rank"));
  return tg__allgather_on(&c, s.ptr, r.ptr, s.count, s.dtype, "tg_allgather");
}

/* reduce and allreduce; buf-only (in place) when send is NULL. */
static TG_NOINLINE int reduction(MPI_Fint fcomm, CFI_cdesc_t *send, CFI_cdesc_t *recv, int op, int root, int all,
                                 const char *fn)
{
  tg__ctx c;
  fbuf s = {0}, r = {0};
  TG_CALL(comm_of(fcomm, fn, &c, !all, !all));
  int receives = all || c.rank == root;
  TG_CALL(fbuf_of(recv, fn, send ? "recvbuf" : "buf", &r));
  if (send) {
    TG_CALL(fbuf_of(send, fn, "sendbuf", &s));
    if (receives) {
      TG_CALL(same_type(&s, &r, fn));
      TG_CALL(expect_size(&r, s.count, fn, "recvbuf", "size(sendbuf)"));
    }
  } else {
    s = r; /* in place: the root reduces into buf, the others send buf */
  }
  const void *sendptr = (!send && receives) ? TG_IN_PLACE : s.ptr;
  if (all) return tg__allreduce_on(&c, sendptr, r.ptr, s.count, s.dtype, (tg_op)op, fn);
  return tg__reduce_on(&c, sendptr, r.ptr, s.count, s.dtype, (tg_op)op, root, fn);
}

static inline int allreduce(MPI_Fint fcomm, CFI_cdesc_t *send, CFI_cdesc_t *recv, int op)
{
  MPI_Comm comm = MPI_Comm_f2c(fcomm);
  fbuf s, r;
  if (TG_LIKELY(fbuf_fast(send, &s) && fbuf_fast(recv, &r) && s.dtype == r.dtype && s.count == r.count &&
                (s.ptr != r.ptr || s.count == 0) && tg__fast_reduction(s.dtype, (tg_op)op) &&
                TG__FITS_ONE_CALL(s.count) && tg__fast_comm(comm)))
    return tg__mpi(TG__MPI_ALLREDUCE(s.ptr, r.ptr, s.count, tg__mpi_type(s.dtype), tg__mpi_op((tg_op)op), comm),
                   "tg_allreduce", TG__MPI_NAME("MPI_Allreduce"));
  return reduction(fcomm, send, recv, op, 0, 1, "tg_allreduce");
}

/* The local block holds this rank's items along the last dimension. */
static int expect_block(const fbuf *b, int64_t n, int size, int rank, const char *fn, const char *name)
{
  int64_t offset, count;
  TG_CALL(tg_block_range(n, size, rank, &offset, &count));
  if (b->count != count * b->width || (b->items != count && b->count > 0))
    return tg__fail(TG_ERR_ARG, fn, "%s holds %lld items of %lld elements, but this rank's block of n = %lld has %lld",
                    name, (long long)b->items, (long long)b->width, (long long)n, (long long)count);
  return TG_SUCCESS;
}

static int scatter_block(MPI_Fint fcomm, CFI_cdesc_t *send, CFI_cdesc_t *recv, int64_t n, int root)
{
  const char *fn = "tg_scatter_block";
  tg__ctx c;
  fbuf s = {0}, r = {0};
  TG_CALL(comm_of(fcomm, fn, &c, 1, 1));
  MPI_Comm comm = c.comm;
  int size = c.size, rank = c.rank;
  TG_CALL(fbuf_of(recv, fn, "recvbuf", &r));
  if (n < 0) return tg__fail(TG_ERR_ARG, fn, "n = %lld is negative", (long long)n);
  TG_CALL(expect_block(&r, n, size, rank, fn, "recvbuf"));
  if (rank == root) {
    TG_CALL(fbuf_of(send, fn, "sendbuf", &s));
    TG_CALL(same_type(&s, &r, fn));
    TG_CALL(expect_size(&s, n * r.width, fn, "sendbuf", "n items of the width of recvbuf"));
  }
  return tg_scatter_block(comm, rank == root ? s.ptr : NULL, r.ptr, n, r.width, r.dtype, root);
}

static int gather_block(MPI_Fint fcomm, CFI_cdesc_t *send, CFI_cdesc_t *recv, int64_t n, int root, int all,
                        const char *fn)
{
  tg__ctx c;
  fbuf s = {0}, r = {0};
  TG_CALL(comm_of(fcomm, fn, &c, 1, 1));
  MPI_Comm comm = c.comm;
  int size = c.size, rank = c.rank;
  TG_CALL(fbuf_of(send, fn, "sendbuf", &s));
  if (n < 0) return tg__fail(TG_ERR_ARG, fn, "n = %lld is negative", (long long)n);
  TG_CALL(expect_block(&s, n, size, rank, fn, "sendbuf"));
  if (all || rank == root) {
    TG_CALL(fbuf_of(recv, fn, "recvbuf", &r));
    TG_CALL(same_type(&s, &r, fn));
    TG_CALL(expect_size(&r, n * s.width, fn, "recvbuf", "n items of the width of sendbuf"));
  }
  if (all) return tg_allgather_block(comm, s.ptr, r.ptr, n, s.width, s.dtype);
  return tg_gather_block(comm, s.ptr, rank == root ? r.ptr : NULL, n, s.width, s.dtype, root);
}

/* The entry points of the bind(C) interfaces (tofgrid_capi.f90): the
 * communicator by reference (type(MPI_Comm) and integer handles alike),
 * absent optional arguments as NULL. The status goes to ierr; with ierr
 * absent, an error stops the program in Fortran with the message
 * (tgf_error_stop in tofgrid.f90), as the Fortran API documents. */
void tgf_error_stop(void) __attribute__((noreturn));

static inline void hand_over(int status, int *ierr)
{
  if (ierr) *ierr = status;
  else if (TG_UNLIKELY(status != TG_SUCCESS)) tgf_error_stop();
}

/* An optional argument: its value, or the default when absent (NULL). */
#define VALUE_OR(p, default) ((p) ? *(p) : (default))

void tgf_bcast(const MPI_Fint *comm, CFI_cdesc_t *buf, const int *root, int *ierr)
{
  hand_over(bcast(*comm, buf, VALUE_OR(root, 0)), ierr);
}
void tgf_scatter(const MPI_Fint *comm, CFI_cdesc_t *send, CFI_cdesc_t *recv, const int *root, int *ierr)
{
  hand_over(scatter(*comm, send, recv, VALUE_OR(root, 0)), ierr);
}
void tgf_gather(const MPI_Fint *comm, CFI_cdesc_t *send, CFI_cdesc_t *recv, const int *root, int *ierr)
{
  hand_over(gather(*comm, send, recv, VALUE_OR(root, 0)), ierr);
}
void tgf_allgather(const MPI_Fint *comm, CFI_cdesc_t *send, CFI_cdesc_t *recv, int *ierr)
{
  hand_over(allgather(*comm, send, recv), ierr);
}
void tgf_reduce(const MPI_Fint *comm, CFI_cdesc_t *send, CFI_cdesc_t *recv, const int *op, const int *root, int *ierr)
{
  hand_over(reduction(*comm, send, recv, VALUE_OR(op, TG_SUM), VALUE_OR(root, 0), 0, "tg_reduce"), ierr);
}
void tgf_allreduce(const MPI_Fint *comm, CFI_cdesc_t *send, CFI_cdesc_t *recv, const int *op, int *ierr)
{
  hand_over(allreduce(*comm, send, recv, VALUE_OR(op, TG_SUM)), ierr);
}
void tgf_reduce_inplace(const MPI_Fint *comm, CFI_cdesc_t *buf, const int *op, const int *root, int *ierr)
{
  hand_over(reduction(*comm, NULL, buf, VALUE_OR(op, TG_SUM), VALUE_OR(root, 0), 0, "tg_reduce_inplace"), ierr);
}
void tgf_allreduce_inplace(const MPI_Fint *comm, CFI_cdesc_t *buf, const int *op, int *ierr)
{
  hand_over(reduction(*comm, NULL, buf, VALUE_OR(op, TG_SUM), 0, 1, "tg_allreduce_inplace"), ierr);
}
void tgf_scatter_block(const MPI_Fint *comm, CFI_cdesc_t *send, CFI_cdesc_t *recv, int64_t n, const int *root,
                       int *ierr)
{
  hand_over(scatter_block(*comm, send, recv, n, VALUE_OR(root, 0)), ierr);
}
void tgf_gather_block(const MPI_Fint *comm, CFI_cdesc_t *send, CFI_cdesc_t *recv, int64_t n, const int *root, int *ierr)
{
  hand_over(gather_block(*comm, send, recv, n, VALUE_OR(root, 0), 0, "tg_gather_block"), ierr);
}
void tgf_allgather_block(const MPI_Fint *comm, CFI_cdesc_t *send, CFI_cdesc_t *recv, int64_t n, int *ierr)
{
  hand_over(gather_block(*comm, send, recv, n, 0, 1, "tg_allgather_block"), ierr);
}

/* The last error as a blank-padded Fortran string. */
void tgf_error_message(char *buf, int64_t len)
{
  const char *m = tg_error_message();
  int64_t i = 0;
  for (; i < len && m[i]; i++) buf[i] = m[i];
  for (; i < len; i++) buf[i] = ' ';
}

/* The kernel for Fortran: one solve, results copied into caller arrays
 * (coverages n, tof ng, rf/rr/net/xrc nsteps; analyses: orders ng*ng, eapp
 * ng, rate_control ng*np, selectivity ng, selectivity_control ng*np, np =
 * adsorbates + transition states). Settings: times = t_end, t_max (NaN: the
 * model's; t_max absent follows a larger t_end); has = initial, k_scale,
 * descriptors given. ints = status, iterations, time steps, poisoned_by
 * (0-based or -1), has_xrc, analyses filled; reals = t_reached, residual. */
int tgf_solve(const tg_model *m, double temperature, const double *pressures, int want_xrc, const int *has,
              const double *times, const double *initial, const double *k_scale, const double *descriptors,
              int analyses, double *coverages, double *tof, double *rf, double *rr, double *net, double *xrc,
              double *analysis, int *ints, double *reals)
{
  tg_solution *s = NULL;
  TG_CALL(tg_solution_create(m, &s));
  tg_solve_options o = tg_solve_options_default(m);
  o.want_xrc = want_xrc;
  if (!isnan(times[0])) o.t_end = times[0];
  if (!isnan(times[1])) o.t_max = times[1];
  else if (o.t_max < o.t_end) o.t_max = o.t_end;
  o.initial = has[0] ? initial : NULL;
  o.k_scale = has[1] ? k_scale : NULL;
  o.descriptors = has[2] ? descriptors : NULL;
  o.analyses = analyses;
  int rc = tg_solve(m, temperature, pressures, &o, s);
  if (rc == TG_SUCCESS || rc == TG_ERR_CONVERGENCE) {
    int n = tg_model_count(m, TG_ADSORBATE) + tg_model_count(m, TG_SITE), ng = tg_model_count(m, TG_GAS),
        ns = tg_model_count(m, -1);
    for (int j = 0; j < n; j++) coverages[j] = s->coverages[j];
    for (int g = 0; g < ng; g++) tof[g] = s->tof[g];
    for (int i = 0; i < ns; i++) rf[i] = s->rf[i], rr[i] = s->rr[i], net[i] = s->net[i], xrc[i] = s->xrc[i];
    ints[0] = s->status, ints[1] = s->iterations, ints[2] = s->time_steps, ints[3] = s->poisoned_by;
    ints[4] = s->has_xrc, ints[5] = s->analyses;
    reals[0] = s->t_reached, reals[1] = s->residual;
    int np = tg_model_count(m, TG_ADSORBATE) + tg_model_count(m, TG_TRANSITION_STATE);
    const double *parts[5] = {s->orders, s->eapp, s->rate_control, s->selectivity, s->selectivity_control};
    int sizes[5] = {ng * ng, ng, ng * np, ng, ng * np};
    for (int k = 0; k < 5; k++, analysis += sizes[k - 1])
      for (int e = 0; e < sizes[k]; e++) analysis[e] = s->analyses ? parts[k][e] : NAN;
  }
  tg_solution_free(s);
  return rc;
}

/* Name of species `index` (0-based) of `kind` as a blank-padded Fortran string. */
void tgf_species_name(const tg_model *m, int kind, int index, char *buf, int64_t len)
{
  const char *name = tg_model_species(m, kind, index);
  int64_t i = 0;
  for (; name && i < len && name[i]; i++) buf[i] = name[i];
  for (; i < len; i++) buf[i] = ' ';
}

/* A map's fixed conditions for Fortran: T (0: the model's), pressures and
 * descriptors with NaN for the model's, analyses (tg_analysis bits). */
static tg_map_options fortran_map_options(double temperature, const double *pressures, const double *descriptors,
                                          int analyses)
{
  return (tg_map_options){
      .temperature = temperature, .pressures = pressures, .descriptors = descriptors, .analyses = analyses};
}

/* C's [point][n] (point k = i * ny + j) as Fortran's (i, j, n...) column-major. */
static void to_fortran(const double *c, int64_t nx, int64_t ny, int64_t n, double *f)
{
  for (int64_t i = 0; i < nx; i++)
    for (int64_t j = 0; j < ny; j++)
      for (int64_t e = 0; e < n; e++) f[i + nx * (j + ny * e)] = c[(i * ny + j) * n + e];
}

/* A TOF map for Fortran: axes by gas index (-1: temperature; ny < 0: 1-D, while
 * ny = 0 is an empty y axis, refused by the library),
 * fixed conditions and analyses as fortran_map_options; on the root the
 * results go to caller arrays in Fortran order tof(i, j, g), coverages(i, j,
 * c), status(i, j), and each analysis asked for to its array of out[6]
 * (orders, eapp, rate_control, selectivity, selectivity_control, xrc; per
 * point as tg_grid's, transposed) (i: x, j: y). */
int tgf_tof_grid(MPI_Fint fcomm, const tg_model *m, int xvar, int64_t nx, const double *xs, int yvar, int64_t ny,
                 const double *ys, int schedule, int root, double temperature, const double *pressures,
                 const double *descriptors, int analyses, double *tof, double *cov, int *status, double *orders,
                 double *eapp, double *rate_control, double *selectivity, double *selectivity_control, double *xrc)
{
  tg_axis x = {xvar, nx, xs}, y = {yvar, ny, ys};
  tg_grid g;
  tg_map_options o = fortran_map_options(temperature, pressures, descriptors, analyses);
  TG_CALL(tg_tof_grid_with(MPI_Comm_f2c(fcomm), m, &x, ny >= 0 ? &y : NULL, (tg_schedule)schedule, root, &o, &g));
  if (g.tof) {
    int64_t NY = g.ny, ng = g.ng, nc = g.ncontrol; /* 1 for a 1-D map */
    to_fortran(g.tof, g.nx, NY, ng, tof);
    to_fortran(g.coverages, g.nx, NY, g.ncov, cov);
    for (int64_t i = 0; i < g.nx; i++)
      for (int64_t j = 0; j < NY; j++) status[j * g.nx + i] = g.status[i * NY + j];
    const double *from[6] = {g.orders, g.eapp, g.rate_control, g.selectivity, g.selectivity_control, g.xrc};
    double *to[6] = {orders, eapp, rate_control, selectivity, selectivity_control, xrc};
    int64_t n[6] = {ng * ng, ng, ng * nc, ng, ng * nc, g.nsteps};
    for (int k = 0; k < 6; k++)
      if (from[k]) to_fortran(from[k], g.nx, NY, n[k], to[k]);
  }
  tg_grid_free(&g);
  return TG_SUCCESS;
}

/* Every steady state found from several starts, for Fortran: up to max
 * states (coverages max*n, tof max*ng, stable and status max); *found. */
int tgf_steady_states(const tg_model *m, double temperature, const double *pressures, int has_descriptors,
                      const double *descriptors, int max, double *coverages, double *tof, int *stable, int *status,
                      int *found)
{
  int n = tg_model_count(m, TG_ADSORBATE) + tg_model_count(m, TG_SITE), ng = tg_model_count(m, TG_GAS), rc = 0;
  tg_solution **s = calloc((size_t)(max > 0 ? max : 1), sizeof *s);
  if (!s) return tg__fail(TG_ERR_NOMEM, "tg_steady_states", "out of memory");
  for (int k = 0; k < max && !rc; k++) rc = tg_solution_create(m, &s[k]);
  tg_solve_options o = tg_solve_options_default(m);
  o.descriptors = has_descriptors ? descriptors : NULL;
  *found = 0;
  if (!rc) rc = tg_steady_states(m, temperature, pressures, &o, s, max, found);
  for (int k = 0; !rc && k < *found; k++) {
    for (int j = 0; j < n; j++) coverages[(size_t)k * n + j] = s[k]->coverages[j];
    for (int g = 0; g < ng; g++) tof[(size_t)k * ng + g] = s[k]->tof[g];
    stable[k] = s[k]->stable, status[k] = s[k]->status;
  }
  for (int k = 0; k < max; k++) tg_solution_free(s[k]);
  free(s);
  return rc;
}

/* A map written to files for Fortran: axes, fixed conditions and analyses
 * as tgf_tof_grid; path, csv and checkpoint empty for none. */
int tgf_tof_grid_file(MPI_Fint fcomm, const tg_model *m, int xvar, int64_t nx, const double *xs, int yvar, int64_t ny,
                      const double *ys, const char *path, const char *csv, int schedule, const char *checkpoint,
                      int resume, double temperature, const double *pressures, const double *descriptors, int analyses)
{
  tg_axis x = {xvar, nx, xs}, y = {yvar, ny, ys};
  tg_map_options mo = fortran_map_options(temperature, pressures, descriptors, analyses);
  tg_sweep_options o = {.schedule = (tg_schedule)schedule,
                        .checkpoint = *checkpoint ? checkpoint : NULL,
                        .resume = resume,
                        .csv = *csv ? csv : NULL,
                        .map = &mo};
  return tg_tof_grid_file(MPI_Comm_f2c(fcomm), m, &x, ny >= 0 ? &y : NULL, *path ? path : NULL, &o);
}

/* A usage error found on the Fortran side, as "fn: text": recorded like
 * every other error (fn first, once), so tg_error_message tells it and ierr /
 * error stop behave the same. */
int tgf_fail(const char *message)
{
  char fn[64] = "tofgrid";
  const char *colon = strstr(message, ": ");
  if (colon && colon > message && (size_t)(colon - message) < sizeof fn) {
    memcpy(fn, message, (size_t)(colon - message));
    fn[colon - message] = '\0';
    message = colon + 2;
  }
  return tg__fail(TG_ERR_ARG, fn, "%s", message);
}
