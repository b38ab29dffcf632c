/* Every kernel entry point is thread-safe: 8 threads parse, load and solve
 * different models at once, many times, and get exactly what one thread
 * gets alone -- species in the same order, bit-identical TOFs and
 * coverages. The models are chains of isomers ("CHNO_s" -> "CNHO_s" ...)
 * whose species sort differently from the order the steps name them, so a
 * sort that shares state between threads (a static qsort context did)
 * shows up as wrong orders, wrong values or a crash. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>

#include "check.h"
#include "tofgrid/model.h"

enum { THREADS = 8, ROUNDS = 400, LETTERS = 4, CHAIN = 24, TEXT_MAX = 8192 };

/* The 24 orderings of C, H, N, O; model t walks them in its own order. */
static void permutation(int k, char out[LETTERS + 1])
{
  char pool[LETTERS] = {'C', 'H', 'N', 'O'};
  int left = LETTERS;
  for (int i = 0; i < LETTERS; i++) {
    int f = 1;
    for (int j = 2; j < left; j++) f *= j;
    int pick = k / f;
    k %= f;
    out[i] = pool[pick];
    for (int j = pick; j < left - 1; j++) pool[j] = pool[j + 1];
    left--;
  }
  out[LETTERS] = 0;
}

/* Model t: the gas CHNO_g adsorbs, isomerises along a chain of adsorbates in
 * thread t's order, and leaves as ONHC_g. */
static void model_text(int t, char *text, size_t size)
{
  char a[LETTERS + 1], b[LETTERS + 1];
  int n = snprintf(text, size,
                   "name: chain%d\ntemperature: %d\nproduct: ONHC_g\nspecies:\n  CHNO_g: {pressure: 0.5}\n"
                   "  ONHC_g: {pressure: 0.01}\n  \"*_s\": {total: 1.0}\nreactions:\n",
                   t, 450 + 10 * t);
  /* A permutation of 0..23 that depends on t: a stride coprime to 24 visits each once. */
  static const int coprime[] = {1, 5, 7, 11, 13, 17, 19, 23};
  int order[CHAIN];
  for (int k = 0; k < CHAIN; k++) order[k] = (k * coprime[t % 8] + t) % CHAIN;
  permutation(order[0], a);
  n += snprintf(text + n, size - (size_t)n, "  - {reaction: \"CHNO_g + *_s -> %s_s\", Ga: 0.1, dG: -0.3}\n", a);
  for (int k = 1; k < CHAIN; k++) {
    permutation(order[k - 1], a);
    permutation(order[k], b);
    n += snprintf(text + n, size - (size_t)n, "  - {reaction: \"%s_s -> %s_s\", Ga: %.2f, dG: -0.05}\n", a, b,
                  0.5 + 0.01 * ((k * 7 + t) % 13));
  }
  permutation(order[CHAIN - 1], a);
  snprintf(text + n, size - (size_t)n, "  - {reaction: \"%s_s -> ONHC_g + *_s\", Ga: 0.6, dG: -0.2}\n", a);
}

typedef struct result {
  char first[16], last[16]; /* first and last adsorbate in the model's order */
  double tof, coverage[CHAIN + 1];
  int status, rc;
} result;

/* Parse (or load from a file), then solve at the model's conditions if asked:
 * solving takes longer than parsing, so most rounds only parse. */
static result run(const char *text, const char *path, int solve)
{
  result r;
  memset(&r, 0, sizeof r);
  tg_model *m = NULL;
  tg_solution *s = NULL;
  r.rc = path ? tg_model_load(path, &m) : tg_model_parse(text, strlen(text), "threads", &m);
  if (!r.rc) r.rc = tg_solution_create(m, &s);
  if (!r.rc) {
    snprintf(r.first, sizeof r.first, "%s", tg_model_species(m, TG_ADSORBATE, 0));
    snprintf(r.last, sizeof r.last, "%s", tg_model_species(m, TG_ADSORBATE, CHAIN - 1));
  }
  if (!r.rc && solve) r.rc = tg_solve(m, TG_MODEL_TEMPERATURE, NULL, NULL, s);
  if (!r.rc && solve) {
    r.tof = s->tof[tg_model_product(m)];
    for (int j = 0; j <= CHAIN; j++) r.coverage[j] = s->coverages[j];
    r.status = s->status;
  }
  tg_solution_free(s);
  tg_model_free(m);
  return r;
}

static int same(const result *a, const result *b, int solved)
{
  if (a->rc != b->rc || strcmp(a->first, b->first) || strcmp(a->last, b->last)) return 0;
  if (!solved) return 1;
  if (a->status != b->status || a->tof != b->tof) return 0;
  for (int j = 0; j <= CHAIN; j++)
    if (a->coverage[j] != b->coverage[j]) return 0;
  return 1;
}

static char texts[THREADS][TEXT_MAX], paths[THREADS][64];
static result serial[THREADS];

typedef struct job {
  int t, mismatches;
  result bad;
} job;

static void *worker(void *arg)
{
  job *j = arg;
  for (int round = 0; round < ROUNDS; round++) {
    int solve = round % 20 == 0;
    result r = run(texts[j->t], round % 2 ? paths[j->t] : NULL, solve);
    if (!same(&r, &serial[j->t], solve)) j->mismatches++, j->bad = r;
  }
  return NULL;
}

int main(void)
{
  for (int t = 0; t < THREADS; t++) {
    model_text(t, texts[t], sizeof texts[t]);
    snprintf(paths[t], sizeof paths[t], "test_kernel_threads_%d.yaml", t);
    FILE *f = fopen(paths[t], "w");
    CHECK(f != NULL, "cannot write %s", paths[t]);
    if (!f) return tg_test_summary();
    fputs(texts[t], f);
    fclose(f);
  }
  /* Serial references, and a sanity check that they are real solutions. */
  for (int t = 0; t < THREADS; t++) {
    serial[t] = run(texts[t], NULL, 1);
    CHECK(serial[t].rc == TG_SUCCESS && serial[t].status == TG_STEADY_OK, "model %d alone: %s (%s)", t,
          tg_status_name(serial[t].rc), tg_error_message());
    CHECK(strcmp(serial[t].first, "CHNO_s") == 0 && strcmp(serial[t].last, "ONHC_s") == 0,
          "model %d: adsorbates sorted by name, got %s ... %s", t, serial[t].first, serial[t].last);
    CHECK(serial[t].tof > 0 && isfinite(serial[t].tof), "model %d: TOF %g", t, serial[t].tof);
    double sum = 0;
    for (int j = 0; j <= CHAIN; j++) sum += serial[t].coverage[j];
    CHECK(fabs(sum - 1) < 1e-12, "model %d: coverages sum to %.17g", t, sum);
  }
  for (int t = 1; t < THREADS; t++) CHECK(serial[t].tof != serial[0].tof, "models %d and 0 differ", t);

  pthread_t th[THREADS];
  job jobs[THREADS];
  for (int t = 0; t < THREADS; t++) {
    jobs[t] = (job){.t = t};
    CHECK(pthread_create(&th[t], NULL, worker, &jobs[t]) == 0, "pthread_create %d", t);
  }
  for (int t = 0; t < THREADS; t++) pthread_join(th[t], NULL);
  for (int t = 0; t < THREADS; t++)
    CHECK(jobs[t].mismatches == 0,
          "thread %d: %d of %d rounds differ from the serial result (e.g. rc %d, %s ... %s, TOF %.17g vs %.17g)", t,
          jobs[t].mismatches, ROUNDS, jobs[t].bad.rc, jobs[t].bad.first, jobs[t].bad.last, jobs[t].bad.tof,
          serial[t].tof);
  for (int t = 0; t < THREADS; t++) remove(paths[t]);
  return tg_test_summary();
}
