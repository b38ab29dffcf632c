/* The `tofgrid` command: a TOF map over MPI_COMM_WORLD.
 *   mpiexec -n 2 tofgrid              the tutorial's map of the default model
 *   tofgrid --help                    every option
 * It composes the library's map writers (PREFIX.h5 and PREFIX.csv, written
 * collectively through temporaries, so a failed run leaves earlier output
 * intact) and draws PREFIX.png with tofgrid's Python plotter. This is a
 * program, not the library: it may print and exit. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <tofgrid.h>

extern char **environ;

enum { CSV_MAX_POINTS = 1000000 }; /* larger maps go to PREFIX.h5 only */
enum { PREFIX_MAX = 4000 };        /* PREFIX.ckpt.<rank>.tmp and the like still fit the library's limit */

/* A progress bar on rank 0 (with --progress, or when stderr is a terminal):
 * this rank's share times the ranks estimates the whole map. */
struct bar {
  double last, start;
  int ranks;
  FILE *tty; /* where the bar goes (stderr), or NULL */
};

static void show_progress(int64_t done, int64_t total, void *context)
{
  struct bar *b = context;
  double now = MPI_Wtime();
  if (now - b->last < 0.2 && done < total) return;
  b->last = now;
  double est = (double)done * b->ranks;
  if (est > total) est = (double)total;
  double rate = est / (now - b->start + 1e-9), left = rate > 0 ? (total - est) / rate : 0;
  int width = 30, fill = (int)(width * est / (double)total);
  fprintf(b->tty, "\r[%.*s%*s] %5.1f%% %lld/%lld points, %.0f points/s, %.0f s left ", fill,
          "==============================", width - fill, "", 100.0 * est / (double)total, (long long)est,
          (long long)total, rate, left);
  fflush(b->tty);
}

/* The Python that draws the figure: $TOFGRID_PYTHON if set; else a python3
 * beside this program (pip installs the command into the environment's
 * bin/, beside its Python); else the Python tofgrid was built for (the same
 * MPI as ours); else python3 on PATH. */
#ifndef TOFGRID_PYTHON
#define TOFGRID_PYTHON "python3"
#endif
static const char *plot_python(void)
{
  static char beside[4096 + 16];
  const char *env = getenv("TOFGRID_PYTHON");
  if (env && *env) return env;
  ssize_t n = readlink("/proc/self/exe", beside, 4096);
  if (n > 0) {
    beside[n] = 0;
    char *slash = strrchr(beside, '/');
    if (slash) {
      strcpy(slash + 1, "python3");
      if (access(beside, X_OK) == 0) return beside;
    }
  }
  return access(TOFGRID_PYTHON, X_OK) == 0 ? TOFGRID_PYTHON : "python3";
}

/* Draw PREFIX.png with tofgrid's Python plotter (python3 -m tofgrid.plot).
 * Run after MPI_Finalize, without a shell, and without the launcher's
 * variables (PMI_*, HYDRA_*; OMPI_*, PMIX_*): importing mpi4py must not try to join our finished
 * job. Returns 0 if the PNG was made. */
static int draw(const char *map, int quiet)
{
  size_t n = 0;
  while (environ[n]) n++;
  char **env = calloc(n + 1, sizeof *env);
  if (!env) return -1;
  static const char *const launcher[] = {"PMI_", "HYDRA_", "HYDI_", "OMPI_", "PMIX_"}; /* MPICH, Open MPI */
  for (size_t i = 0, k = 0; i < n; i++) {
    int drop = 0;
    for (size_t l = 0; l < sizeof launcher / sizeof *launcher; l++)
      drop |= strncmp(environ[i], launcher[l], strlen(launcher[l])) == 0;
    if (!strncmp(environ[i], "OMPI_ALLOW_RUN_AS_ROOT", 22)) drop = 0; /* the consent to run as root stays */
    if (!drop) env[k++] = environ[i];
  }
  const char *python = plot_python();
  char *argv[] = {(char *)python, "-m", "tofgrid.plot", (char *)map, NULL};
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  if (quiet) posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0); /* its errors still show */
  pid_t pid;
  int rc = posix_spawnp(&pid, python, &fa, NULL, argv, env), status = 1;
  posix_spawn_file_actions_destroy(&fa);
  free(env);
  if (rc != 0) fprintf(stderr, "tofgrid: cannot run %s: %s\n", python, strerror(rc));
  if (rc == 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0) return 0;
  return -1;
}

static const char usage[] =
    "usage: mpiexec -n N tofgrid [options]\n"
    "Computes a turnover-frequency map (steady states of a microkinetic model) over the MPI ranks\n"
    "and writes PREFIX.h5 and PREFIX.csv collectively. Defaults: the tutorial's map -- the embedded CO-oxidation "
    "model,\n"
    "O2_g and CO_g = linspace(1e-5, 0.5, 10).\n\n"
    "  --model FILE          the model (YAML, docs/model-format.md); default: the embedded model.\n"
    "                        A CatMAP model's map defaults to its descriptor ranges\n"
    "  --x GAS:LO:HI:N[:log] outer axis: a gas of the model, T (the temperature) or a descriptor, N values from\n"
    "                        LO to HI, evenly spaced (or in log10); default O2_g:1e-5:0.5:10\n"
    "  --y GAS:LO:HI:N[:log] inner axis; default CO_g:1e-5:0.5:10; --y none for a 1-D map\n"
    "  --temperature K       the temperature of every point (default: the model's)\n"
    "  --set NAME=VALUE      fix a gas's pressure or a descriptor on no axis (repeatable)\n"
    "  --analyses LIST       also compute, at every point, any of orders,eapp,rate_control,selectivity,\n"
    "                        selectivity_control,xrc (or all that the model can give: all); written to\n"
    "                        PREFIX.h5 and PREFIX.csv (docs/analyses.md)\n"
    "  --schedule static|dynamic   how points are shared among ranks (default: dynamic);\n"
    "                        the results are identical\n"
    "  --output PREFIX       write PREFIX.h5 (collectively, parallel HDF5), PREFIX.csv (maps of up to\n"
    "                        1e6 points; default prefix: tof_map) and draw PREFIX.png with\n"
    "                        python3 -m tofgrid.plot when tofgrid's Python package, matplotlib and h5py\n"
    "                        are there (it draws other quantities, PDF and SVG: python3 -m tofgrid.plot -h)\n"
    "  --no-plot             draw no figure (the files are written all the same)\n"
    "  --progress            show a progress bar on rank 0 (mpiexec runs ranks without a terminal, so\n"
    "                        it is not detected; without a launcher it shows when stderr is a terminal)\n"
    "  --checkpoint          record finished rows in PREFIX.ckpt.<rank> as the map goes\n"
    "  --resume              finish a map that was interrupted (even by kill -9) from its checkpoints,\n"
    "                        with any number of ranks; the result is identical to an uninterrupted run\n"
    "  --quiet               print nothing but errors\n"
    "  --help                this text\n";

/* The analyses by name (tg_analysis; the names Python and the files use). */
static const struct {
  const char *name;
  int bit;
} analysis_names[] = {{"orders", TG_ANALYSIS_ORDERS},
                      {"eapp", TG_ANALYSIS_EAPP},
                      {"rate_control", TG_ANALYSIS_RATE_CONTROL},
                      {"selectivity", TG_ANALYSIS_SELECTIVITY},
                      {"selectivity_control", TG_ANALYSIS_SELECTIVITY_CONTROL},
                      {"xrc", TG_ANALYSIS_XRC}};
enum { NANALYSES = sizeof analysis_names / sizeof analysis_names[0], SETS_MAX = 64 };

/* "orders,eapp" -> bits; "all": every analysis this model can give. */
static int parse_analyses(const char *text, const tg_model *m, int *bits, char *err, size_t errlen)
{
  char *buf = strdup(text), *save = NULL;
  if (!buf) return snprintf(err, errlen, "out of memory"), -1;
  *bits = 0;
  int rc = 0;
  for (char *t = strtok_r(buf, ",", &save); t && !rc; t = strtok_r(NULL, ",", &save)) {
    int found = 0;
    for (int k = 0; k < NANALYSES; k++)
      if (!strcmp(t, analysis_names[k].name)) *bits |= analysis_names[k].bit, found = 1;
    if (!strcmp(t, "all")) found = 1, *bits |= tg_model_analyses(m);
    if (!found) {
      int n = snprintf(err, errlen, "--analyses: unknown analysis \"%.100s\"; the analyses are", t);
      for (int k = 0; k < NANALYSES && n < (int)errlen; k++)
        n += snprintf(err + n, errlen - (size_t)n, " %s", analysis_names[k].name);
      if (n < (int)errlen) snprintf(err + n, errlen - (size_t)n, " (or all)");
      rc = -1;
    }
  }
  free(buf);
  if (!rc && !*bits) return snprintf(err, errlen, "--analyses needs at least one name"), -1;
  return rc;
}

/* --set NAME=VALUE: a gas's pressure or a descriptor of this model, a
 * finite decimal number, each name once (p and d start NaN: not set). */
static int apply_set(const char *text, const tg_model *m, double *p, double *d, char *err, size_t errlen)
{
  const char *eq = strchr(text, '=');
  char name[128], *end;
  if (!eq || eq == text || (size_t)(eq - text) >= sizeof name)
    return snprintf(err, errlen, "--set \"%.200s\": write NAME=VALUE (a gas or a descriptor)", text), -1;
  snprintf(name, sizeof name, "%.*s", (int)(eq - text), text);
  double v = strtod(eq + 1, &end);
  if (!eq[1] || *end || strpbrk(eq + 1, "xXpP") || !isfinite(v))
    return snprintf(err, errlen, "--set %s: \"%.200s\" is not a finite decimal number", name, eq + 1), -1;
  int g = tg_model_gas_index(m, name), q = tg_model_descriptor_index(m, name);
  double *slot = q >= 0 ? &d[q] : g >= 0 ? &p[g] : NULL;
  if (!slot) return snprintf(err, errlen, "--set %s: the model has no gas or descriptor of that name", name), -1;
  if (!isnan(*slot)) return snprintf(err, errlen, "--set %s is given twice", name), -1;
  *slot = v;
  return 0;
}

typedef struct axis_arg {
  char name[64];
  double lo, hi;
  long n;
  int log;
  int none;
} axis_arg;

static int parse_axis(const char *text, axis_arg *a, char *err, size_t errlen)
{
  memset(a, 0, sizeof *a);
  if (strcmp(text, "none") == 0) return a->none = 1, 0;
  char buf[256], *save = NULL, *tok[6];
  int n = 0;
  snprintf(buf, sizeof buf, "%s", text);
  for (char *t = strtok_r(buf, ":", &save); t && n < 6; t = strtok_r(NULL, ":", &save)) tok[n++] = t;
  if (n < 4 || n > 5) return snprintf(err, errlen, "axis \"%s\": write GAS:LO:HI:N or GAS:LO:HI:N:log", text), -1;
  snprintf(a->name, sizeof a->name, "%s", tok[0]);
  char *end;
  a->lo = strtod(tok[1], &end);
  if (*end) return snprintf(err, errlen, "axis \"%s\": LO \"%s\" is not a number", text, tok[1]), -1;
  a->hi = strtod(tok[2], &end);
  if (*end) return snprintf(err, errlen, "axis \"%s\": HI \"%s\" is not a number", text, tok[2]), -1;
  a->n = strtol(tok[3], &end, 10);
  if (*end || a->n < 1 || a->n > 100000000)
    return snprintf(err, errlen, "axis \"%s\": N \"%s\" must be a whole number >= 1", text, tok[3]), -1;
  if (n == 5) {
    if (strcmp(tok[4], "log") != 0)
      return snprintf(err, errlen, "axis \"%s\": the fifth field may only be \"log\"", text), -1;
    a->log = 1;
  }
  return 0;
}

/* The axis's values and variable for this model. */
static int make_axis(const tg_model *m, const axis_arg *a, tg_axis *ax, double **values, char *err, size_t errlen)
{
  int d = tg_model_descriptor_index(m, a->name);
  int is_t = !strcmp(a->name, "T") || (!strcmp(a->name, "temperature") && d < 0); /* a descriptor may be named so */
  ax->variable = is_t ? TG_AXIS_TEMPERATURE : d >= 0 ? TG_AXIS_DESCRIPTOR(d) : tg_model_gas_index(m, a->name);
  if (ax->variable == -1 && !is_t) {
    int k = snprintf(err, errlen, "axis: unknown gas %s (T or temperature: the temperature); the model's gases are",
                     a->name);
    for (int g = 0; g < tg_model_count(m, TG_GAS) && k < (int)errlen; g++)
      k += snprintf(err + k, errlen - (size_t)k, " %s", tg_model_species(m, TG_GAS, g));
    for (int q = 0; q < tg_model_count(m, TG_DESCRIPTOR) && k < (int)errlen; q++)
      k += snprintf(err + k, errlen - (size_t)k, "%s %s", q ? "" : "; its descriptors",
                    tg_model_species(m, TG_DESCRIPTOR, q));
    return -1;
  }
  *values = malloc((size_t)a->n * sizeof **values);
  if (!*values) return snprintf(err, errlen, "out of memory"), -1;
  int rc = a->log ? tg_logspace(a->lo, a->hi, a->n, *values) : tg_linspace(a->lo, a->hi, a->n, *values);
  if (rc) return snprintf(err, errlen, "axis %s: %s", a->name, tg_error_message()), -1;
  ax->n = a->n;
  ax->values = *values;
  return 0;
}

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  const char *model_path = NULL, *prefix = "tof_map";
  axis_arg xa, ya;
  char err[1024] = "";
  int quiet = 0, schedule = TG_SCHEDULE_DYNAMIC, bad = 0, plot = 1, checkpoint = 0, resume = 0, progress = 0;
  int gave_x = 0, gave_y = 0, nsets = 0;
  const char *sets[SETS_MAX], *analyses = NULL;
  double temperature = 0;
  parse_axis("O2_g:1e-5:0.5:10", &xa, err, sizeof err);
  parse_axis("CO_g:1e-5:0.5:10", &ya, err, sizeof err);
  for (int i = 1; i < argc && !bad; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      if (rank == 0) fputs(usage, stdout);
      MPI_Finalize();
      return 0;
    } else if (strcmp(a, "--quiet") == 0) {
      quiet = 1;
    } else if (strcmp(a, "--no-plot") == 0) {
      plot = 0;
    } else if (strcmp(a, "--progress") == 0) {
      progress = 1;
    } else if (strcmp(a, "--checkpoint") == 0) {
      checkpoint = 1;
    } else if (strcmp(a, "--resume") == 0) {
      checkpoint = resume = 1;
    } else if (!v && (strcmp(a, "--model") == 0 || strcmp(a, "--x") == 0 || strcmp(a, "--y") == 0 ||
                      strcmp(a, "--schedule") == 0 || strcmp(a, "--output") == 0 || strcmp(a, "--temperature") == 0 ||
                      strcmp(a, "--set") == 0 || strcmp(a, "--analyses") == 0)) {
      snprintf(err, sizeof err, "%s needs a value", a), bad = 1;
    } else if (strcmp(a, "--temperature") == 0) {
      char *end;
      temperature = strtod(v, &end), i++;
      if (!*v || *end || !(temperature > 0) || !isfinite(temperature))
        snprintf(err, sizeof err, "--temperature %s: give a temperature in K, finite and > 0", v), bad = 1;
    } else if (strcmp(a, "--set") == 0) {
      if (nsets == SETS_MAX) snprintf(err, sizeof err, "more than %d --set", SETS_MAX), bad = 1;
      else sets[nsets++] = v;
      i++;
    } else if (strcmp(a, "--analyses") == 0) {
      analyses = v, i++;
    } else if (strcmp(a, "--model") == 0) {
      model_path = v, i++;
    } else if (strcmp(a, "--x") == 0) {
      bad = parse_axis(v, &xa, err, sizeof err) || (xa.none && snprintf(err, sizeof err, "--x cannot be none")), i++;
      gave_x = 1;
    } else if (strcmp(a, "--y") == 0) {
      bad = parse_axis(v, &ya, err, sizeof err) != 0, i++;
      gave_y = 1;
    } else if (strcmp(a, "--schedule") == 0) {
      if (strcmp(v, "static") == 0) schedule = TG_SCHEDULE_STATIC;
      else if (strcmp(v, "dynamic") == 0) schedule = TG_SCHEDULE_DYNAMIC;
      else snprintf(err, sizeof err, "--schedule %s: use static or dynamic", v), bad = 1;
      i++;
    } else if (strcmp(a, "--output") == 0) {
      prefix = v, i++;
      const char *base = strrchr(prefix, '/') ? strrchr(prefix, '/') + 1 : prefix;
      if (!*prefix || strlen(prefix) > PREFIX_MAX)
        snprintf(err, sizeof err, "--output: the prefix must have 1 to %d characters", PREFIX_MAX), bad = 1;
      else if (!*base || !strcmp(base, ".") || !strcmp(base, ".."))
        snprintf(err, sizeof err, "--output %.900s names a directory; give a file prefix such as DIR/map", prefix),
            bad = 1;
    } else {
      snprintf(err, sizeof err, "unknown option %s (see --help)", a), bad = 1;
    }
  }
  tg_model *m = NULL;
  if (!bad && (model_path ? tg_model_load(model_path, &m) : tg_model_default(&m)))
    snprintf(err, sizeof err, "%s", tg_error_message()), bad = 1;
  /* A CatMAP model's own map: its descriptor ranges and resolution. */
  int64_t res;
  double lo, hi;
  for (int q = 0; !bad && !gave_x && !gave_y && q < 2 && tg_model_count(m, TG_DESCRIPTOR) > q &&
                  tg_model_descriptor(m, q, &lo, &hi, &res, NULL) == TG_SUCCESS;
       q++) {
    axis_arg *a = q ? &ya : &xa;
    memset(a, 0, sizeof *a);
    snprintf(a->name, sizeof a->name, "%s", tg_model_species(m, TG_DESCRIPTOR, q));
    a->lo = lo, a->hi = hi, a->n = (long)res;
    if (q == 0) ya.none = 1; /* a 1-D map unless there is a second descriptor */
  }
  /* Fixed conditions and analyses: checked against the model here, and by the sweep against the axes */
  tg_map_options mo = {.temperature = temperature};
  int ng = m ? tg_model_count(m, TG_GAS) : 0, nd = m ? tg_model_count(m, TG_DESCRIPTOR) : 0;
  double *fixed_p = calloc((size_t)ng + 1, sizeof *fixed_p), fixed_d[16];
  for (int k = 0; k < ng + 1 && fixed_p; k++) fixed_p[k] = NAN;
  for (int k = 0; k < 16; k++) fixed_d[k] = NAN;
  if (!bad && !fixed_p) snprintf(err, sizeof err, "out of memory"), bad = 1;
  for (int k = 0; k < nsets && !bad; k++) bad = apply_set(sets[k], m, fixed_p, fixed_d, err, sizeof err) != 0;
  if (!bad && nsets) mo.pressures = fixed_p, mo.descriptors = nd ? fixed_d : NULL;
  if (!bad && analyses) bad = parse_analyses(analyses, m, &mo.analyses, err, sizeof err) != 0;
  tg_axis x = {0}, y = {0};
  double *xv = NULL, *yv = NULL;
  if (!bad)
    bad = make_axis(m, &xa, &x, &xv, err, sizeof err) || (!ya.none && make_axis(m, &ya, &y, &yv, err, sizeof err));
  char path[4096];
  snprintf(path, sizeof path, "%s.csv", prefix);
  if (!bad && !ya.none && strcmp(xa.name, ya.name) == 0)
    snprintf(err, sizeof err,
             "--x and --y both vary %s (by default --x is O2_g and --y is CO_g: give the other axis too, or --y none)",
             xa.name),
        bad = 1;
  int any = bad, root_bad = bad;
  MPI_Allreduce(&bad, &any, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  MPI_Bcast(&root_bad, 1, MPI_INT, 0, MPI_COMM_WORLD);
  if (any) { /* the same argument error on every rank: rank 0 says it */
    if (bad && (rank == 0 || !root_bad)) fprintf(stderr, "tofgrid: %s\n", err);
    MPI_Finalize();
    return 2;
  }
  int status = 0;
  int64_t pts = x.n * (ya.none ? 1 : y.n), converged = 0, dropped = 0;
  int wrote_csv = pts <= CSV_MAX_POINTS;
  double t0 = MPI_Wtime();
  /* The map goes to PREFIX.h5 and PREFIX.csv, each written collectively from
   * the rows every rank holds (no rank holds the whole grid). */
  char h5[4200], ckpt[4200];
  snprintf(h5, sizeof h5, "%s.h5", prefix);
  snprintf(ckpt, sizeof ckpt, "%s.ckpt", prefix);
  struct bar bar_state = {0, t0, size, NULL};
  tg_sweep_options so;
  memset(&so, 0, sizeof so);
  so.schedule = (tg_schedule)schedule;
  so.checkpoint = checkpoint ? ckpt : NULL;
  so.resume = resume;
  so.csv = wrote_csv ? path : NULL;
  so.converged = &converged;
  so.dropped = &dropped;
  so.map = &mo;
  if (rank == 0 && !quiet && (progress || isatty(2))) bar_state.tty = stderr;
  if (bar_state.tty) so.progress = show_progress, so.context = &bar_state;
#ifdef TOFGRID_HAVE_HDF5
  const char *h5_path = h5;
#else
  const char *h5_path = NULL;
  if (!wrote_csv) {
    if (rank == 0)
      fprintf(stderr, "tofgrid: this tofgrid writes CSV only (no parallel HDF5), up to %d points\n", CSV_MAX_POINTS);
    MPI_Finalize();
    return 2;
  }
#endif
  int rc = tg_tof_grid_file(MPI_COMM_WORLD, m, &x, ya.none ? NULL : &y, h5_path, &so);
  if (bar_state.tty) { /* the map is done: the bar ends at 100% */
    if (!rc) bar_state.last = 0, show_progress(pts, pts, &bar_state);
    fputc('\n', bar_state.tty);
  }
  double seconds = MPI_Wtime() - t0;
  if (dropped && rank == 0) /* said even with --quiet: the checkpoints were damaged */
    fprintf(stderr, "tofgrid: %lld checkpoint record%s cut short or damaged; dropped, and %s rows computed again\n",
            (long long)dropped, dropped == 1 ? " was" : "s were", dropped == 1 ? "its" : "their");
  if (rc) { /* a sweep error is the same on every rank: rank 0 says it */
    if (rank == 0) fprintf(stderr, "tofgrid: %s\n", tg_error_message());
    status = 1;
  } else if (rank == 0 && !quiet) {
    printf("tofgrid: %s\n", tg_model_name(m));
    printf("points %lld, converged %lld, ranks %d, wall time %.3f s, %.0f points/s%s\n", (long long)pts,
           (long long)converged, size, seconds, pts / (seconds > 0 ? seconds : 1e-9),
           wrote_csv ? "" : " (no CSV above 1e6 points)");
    if (h5_path) printf("wrote %s\n", h5);
    if (wrote_csv) printf("wrote %s\n", path);
  }
  plot &= (wrote_csv || h5_path) && !rc;
  const char *drawn = h5_path ? h5 : path; /* the HDF5 file knows more: the model's surfaces */
  free(xv);
  free(fixed_p);
  free(yv);
  tg_model_free(m);
  MPI_Finalize();
  if (rank == 0 && status == 0 && plot && draw(drawn, quiet) != 0)
    fprintf(stderr,
            "tofgrid: no figure drawn (see above); to draw one: %s -m tofgrid.plot %s "
            "(needs tofgrid's Python package, and: %s -m pip install matplotlib h5py)\n",
            plot_python(), drawn, plot_python());
  return status;
}
