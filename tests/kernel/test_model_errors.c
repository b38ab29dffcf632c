/* Malformed models get an error naming the origin, the line and column (or
 * the step) and what is wrong -- never a crash; nothing half-built leaks out. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "tofgrid/model.h"

static const char base[] =
    "name: test\n"
    "temperature: 500\n"
    "rate_algo: CT\n"
    "unitcell_area: 9.0e-20\n"
    "species:\n"
    "  CO_g: {pressure: 0.1}\n"
    "  O2_g: {pressure: 0.2}\n"
    "  CO2_g: {pressure: 0.0}\n"
    "  \"*_s\": {total: 1.0}\n"
    "reactions:\n"
    "  - {reaction: \"CO_g + *_s -> CO_s\", Ga: 0.0, dG: -2.09}\n"
    "  - {reaction: \"O2_g + 2*_s -> 2O_s\", Ga: 0.07, dG: -2.39}\n"
    "  - {reaction: \"CO_s + O_s <-> CO-O_2s -> CO2_g + 2*_s\", Ga: 0.39, dG: -0.46}\n";

/* base with `from` replaced by `to`, parsed; must fail with status and text. */
static void fails(const char *from, const char *to, int status, const char *text)
{
  char buf[4096];
  const char *at = strstr(base, from);
  CHECK(at != NULL, "test setup: \"%s\" not in the base model", from);
  if (!at) return;
  snprintf(buf, sizeof buf, "%.*s%s%s", (int)(at - base), base, to, at + strlen(from));
  tg_model *m = (tg_model *)&buf; /* must be reset to NULL on failure */
  int rc = tg_model_parse(buf, strlen(buf), "bad.yaml", &m);
  CHECK(rc == status, "\"%s\" -> \"%s\": status %s, expected %s (%s)", from, to, tg_status_name(rc),
        tg_status_name(status), tg_error_message());
  CHECK(m == NULL, "no model on failure");
  CHECK(strstr(tg_error_message(), text) != NULL, "message \"%s\" lacks \"%s\"", tg_error_message(), text);
  CHECK(strncmp(tg_error_message(), "bad.yaml: ", 10) == 0, "message names the origin: %s", tg_error_message());
  tg_model_free(rc ? NULL : m);
}

/* A temperature is the model's only when spelled TG_MODEL_TEMPERATURE; every
 * other value must be a temperature (finite, > 0), else an error naming it
 * -- never silently the model's. Likewise each solver option by name. */
static void invalid_values_are_refused_not_replaced(void)
{
  tg_model *m = NULL;
  tg_solution *s = NULL, *many[2] = {NULL, NULL};
  CHECK_OK(tg_model_default(&m));
  CHECK_OK(tg_solution_create(m, &s));
  CHECK_OK(tg_solution_create(m, &many[0]));
  CHECK_OK(tg_solution_create(m, &many[1]));
  double kf[3], kr[3], kf_model[3], kr_model[3], T_model;
  int found;
  CHECK_OK(tg_model_conditions(m, &T_model, NULL));
  CHECK_OK(tg_model_rate_constants(m, T_model, kf_model, kr_model));
  CHECK_OK(tg_model_rate_constants(m, TG_MODEL_TEMPERATURE, kf, kr));
  CHECK(kf[0] == kf_model[0] && kr[2] == kr_model[2], "TG_MODEL_TEMPERATURE is the model's %g K", T_model);
  CHECK_OK(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, NULL, s));
  const double bad[] = {0.0, -0.0, -300.0, -INFINITY, INFINITY, NAN, -1e-300, -1.0000000000000002};
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
    CHECK_FAILS(tg_solve(m, bad[k], NULL, NULL, s), TG_ERR_ARG, "temperature");
    CHECK(strstr(tg_error_message(), "tg_solve: ") == tg_error_message(), "names the function: %s", tg_error_message());
    CHECK_FAILS(tg_model_rate_constants(m, bad[k], kf, kr), TG_ERR_ARG, "temperature");
    CHECK_FAILS(tg_steady_states(m, bad[k], NULL, NULL, many, 2, &found), TG_ERR_ARG, "temperature");
  }
  CHECK_FAILS(tg_solve(m, 0, NULL, NULL, s), TG_ERR_ARG, "temperature = 0 K must be finite and > 0");
  tg_solve_options o = tg_solve_options_default(m);
  o.t_end = NAN;
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s), TG_ERR_ARG, "t_end = nan s must be finite and > 0");
  o = tg_solve_options_default(m);
  o.t_end = INFINITY;
  o.t_max = INFINITY;
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s), TG_ERR_ARG, "t_end = inf s must be finite");
  o = tg_solve_options_default(m);
  o.t_max = INFINITY;
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s), TG_ERR_ARG, "t_max = inf s must be finite");
  o.t_max = 0.5 * o.t_end;
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s), TG_ERR_ARG, "t_max = 0.5 s must be >= t_end = 1 s");
  o = tg_solve_options_default(m);
  o.tolerance = -1e-9;
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s), TG_ERR_ARG, "tolerance = -1e-09 must be finite and > 0");
  o = tg_solve_options_default(m);
  o.max_iterations = 0;
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s), TG_ERR_ARG, "max_iterations = 0 must be >= 1");
  tg_solution_free(s);
  tg_solution_free(many[0]);
  tg_solution_free(many[1]);
  tg_model_free(m);
}

/* Collision theory needs each adsorbing or desorbing gas's partition
 * function: a gas outside the built-in table is an error naming it and how
 * to give its data (it was silently left without the gas correction);
 * data given in the file is used, and equals the table's for a built-in gas. */
static void collision_theory_needs_gas_data(void)
{
  static const char head[] = "temperature: 500\nrate_algo: CT\nunitcell_area: 9.0e-20\nspecies:\n";
  static const char steps[] =
      "  H2_g: {pressure: 0.1}\n  \"*_s\": {total: 1.0}\nreactions:\n"
      "  - {reaction: \"C2H4_g + *_s -> C2H4_s\", Ga: 0.0, dG: -0.5}\n"
      "  - {reaction: \"H2_g + 2*_s -> 2H_s\", Ga: 0.1, dG: -0.4}\n"
      "  - {reaction: \"C2H4_s + 2H_s -> C2H6_g + 3*_s\", Ga: 0.8, dG: -0.3}\n";
  static const char c2h4[] =
      "{pressure: 0.1, symmetry_number: 4, rotational_temperatures: [6.9, 1.4, 1.2], "
      "vibrational_temperatures: [1200, 1350, 1360, 1480, 1710, 1920, 2000, 2340, 4310, 4330, "
      "4430, 4460]}";
  static const char c2h6[] =
      "{pressure: 0.0, symmetry_number: 6, rotational_temperatures: [3.8, 0.96, 0.96], "
      "vibrational_temperatures: [420, 1180, 1180, 1290, 1570, 1570, 1980, 2080, 2080, 2110, "
      "2110, 2130, 4140, 4150, 4270, 4270, 4290, 4290]}";
  char text[4096];
  tg_model *m = NULL;
  snprintf(text, sizeof text, "%s  C2H4_g: {pressure: 0.1}\n  C2H6_g: {pressure: 0.0}\n%s", head, steps);
  CHECK_FAILS(tg_model_parse(text, strlen(text), "ct.yaml", &m), TG_ERR_MODEL,
              "ct.yaml: line 10: step \"C2H4_g + *_s -> C2H4_s\": collision theory needs the partition function of "
              "C2H4_g, which is not a built-in gas");
  CHECK(strstr(tg_error_message(), "give its symmetry_number, rotational_temperatures and vibrational_temperatures"),
        "says how to give the data: %s", tg_error_message());
  snprintf(text, sizeof text, "%s  C2H4_g: %s\n  C2H6_g: {pressure: 0.0}\n%s", head, c2h4, steps);
  CHECK_FAILS(tg_model_parse(text, strlen(text), "ct.yaml", &m), TG_ERR_MODEL, "partition function of C2H6_g");
  snprintf(text, sizeof text, "%s  C2H4_g: %s\n  C2H6_g: %s\n%s", head, c2h4, c2h6, steps);
  CHECK_OK(tg_model_parse(text, strlen(text), "ct.yaml", &m));
  tg_model_free(m);
  m = NULL;
  snprintf(text, sizeof text, "%s  C2H4_g: {pressure: 0.1, symmetry_number: 4, rotational_temperatures: [1, 2]}\n%s",
           head, steps);
  CHECK_FAILS(tg_model_parse(text, strlen(text), "ct.yaml", &m), TG_ERR_MODEL,
              "C2H4_g: give symmetry_number, rotational_temperatures (1 value for a linear gas, 3 otherwise) and");

  /* The table's CO_g given by hand gives the same rate constants. */
  tg_model *builtin = NULL, *given = NULL;
  CHECK_OK(tg_model_parse(base, strlen(base), "base", &builtin));
  const char *at = strstr(base, "{pressure: 0.1}");
  snprintf(text, sizeof text, "%.*s%s%s", (int)(at - base), base,
           "{pressure: 0.1, symmetry_number: 1, rotational_temperatures: [2.78], vibrational_temperatures: [3120]}",
           at + strlen("{pressure: 0.1}"));
  CHECK_OK(tg_model_parse(text, strlen(text), "given", &given));
  double kf[2][3], kr[2][3];
  CHECK_OK(tg_model_rate_constants(builtin, 650, kf[0], kr[0]));
  CHECK_OK(tg_model_rate_constants(given, 650, kf[1], kr[1]));
  for (int i = 0; i < 3; i++)
    CHECK(kf[0][i] == kf[1][i] && kr[0][i] == kr[1][i], "step %d: %.17g %.17g vs %.17g %.17g", i, kf[0][i], kr[0][i],
          kf[1][i], kr[1][i]);
  tg_model_free(builtin);
  tg_model_free(given);
}

static int all_nan(const double *x, int n)
{
  for (int k = 0; k < n; k++)
    if (!isnan(x[k])) return 0;
  return 1;
}

/* Initial coverages are checked at the call, naming the species (a negative
 * one made the free sites exceed their total); a failed point's results are
 * NaN, never the last state reached nor a previous point's. */
static void bad_initial_coverages_and_failed_points(void)
{
  tg_model *m = NULL;
  tg_solution *s = NULL;
  CHECK_OK(tg_model_default(&m));
  CHECK_OK(tg_solution_create(m, &s));
  tg_solve_options o = tg_solve_options_default(m);
  double init[2] = {-0.5, 0}; /* CO_s, O_s */
  o.initial = init;
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s), TG_ERR_ARG,
              "initial coverage of CO_s is -0.5; it must be finite and in [0, 1] (the total of *_s)");
  init[0] = 1.5;
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s), TG_ERR_ARG, "initial coverage of CO_s is 1.5");
  init[0] = 0.2, init[1] = NAN;
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s), TG_ERR_ARG, "initial coverage of O_s is nan");
  init[0] = 0.7, init[1] = 0.6;
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s), TG_ERR_ARG,
              "initial coverages on *_s add up to 1.3, more than its total 1");
  init[0] = 0.7, init[1] = 0.3; /* exactly full: allowed */
  CHECK_OK(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s));
  CHECK(s->status != TG_STEADY_FAILED && s->tof[0] > 0, "a full start solves: status %d", s->status);

  /* After a good point, a refused one leaves NaN, not the good point's values. */
  init[0] = -0.5, init[1] = 0;
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s), TG_ERR_ARG, "CO_s");
  CHECK(s->status == TG_STEADY_FAILED && all_nan(s->tof, 3) && all_nan(s->coverages, 3) && all_nan(s->net, 3) &&
            all_nan(s->rf, 3) && s->has_xrc == 0 && s->poisoned_by == -1,
        "refused point: status %d, TOF %g, coverage %g", s->status, s->tof[0], s->coverages[0]);
  /* A point without a steady state: NaN results, and how far it got. */
  o = tg_solve_options_default(m);
  o.tolerance = 1e-300;
  o.max_iterations = 1;
  o.t_max = o.t_end;
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s), TG_ERR_CONVERGENCE, "no steady state");
  CHECK(s->status == TG_STEADY_FAILED && all_nan(s->tof, 3) && all_nan(s->coverages, 3) && all_nan(s->rr, 3) &&
            s->time_steps > 0 && s->t_reached == 1,
        "failed point: status %d, TOF %g, coverage %g, %d steps to t = %g", s->status, s->tof[0], s->coverages[0],
        s->time_steps, s->t_reached);
  tg_solution_free(s);
  tg_model_free(m);
}

/* Bounded work: nesting deeper than a model needs is refused while reading
 * (300k levels took minutes: libyaml's loader is quadratic in depth), and
 * the size limit is the one the message states. */
static void nesting_and_size_are_bounded(void)
{
  enum { DEPTH = 300000 };
  char *deep = malloc(2 * DEPTH + 32);
  CHECK(deep != NULL, "out of memory");
  if (!deep) return;
  int n = sprintf(deep, "name: ");
  for (int k = 0; k < DEPTH; k++) deep[n++] = '[';
  for (int k = 0; k < DEPTH; k++) deep[n++] = ']';
  deep[n] = 0;
  tg_model *m = NULL;
  CHECK_FAILS(tg_model_parse(deep, (size_t)n, "deep.yaml", &m), TG_ERR_PARSE,
              "deep.yaml: line 1, column 70: nested deeper than 64 levels");
  free(deep);

  size_t max = (size_t)64 << 20;
  char *big = malloc(max + 1);
  CHECK(big != NULL, "out of memory");
  if (!big) return;
  memset(big, ' ', max + 1);
  CHECK_FAILS(tg_model_parse(big, max + 1, "big.yaml", &m), TG_ERR_ARG, "big.yaml is larger than 64 MiB");
  free(big);
  const char *path = "test_model_errors_big.yaml"; /* sparse: 64 MiB of zeros and a space */
  FILE *f = fopen(path, "w");
  CHECK(f && fseek(f, (long)max, SEEK_SET) == 0 && fputc(' ', f) == ' ', "writing %s", path);
  if (f) fclose(f);
  CHECK_FAILS(tg_model_load(path, &m), TG_ERR_IO, "test_model_errors_big.yaml is larger than 64 MiB");
  remove(path);
}

int main(int argc, char **argv)
{
  bad_initial_coverages_and_failed_points();
  collision_theory_needs_gas_data();
  invalid_values_are_refused_not_replaced();
  const char *data = argc > 1 ? argv[1] : "tests/data";
  nesting_and_size_are_bounded();
  tg_model *m = NULL;
  CHECK_OK(tg_model_parse(base, strlen(base), "base", &m));
  tg_model_free(m);

  /* one_model_per_file: a second document was silently ignored */
  {
    size_t len = strlen(base);
    char *two = malloc(2 * len + 8);
    snprintf(two, 2 * len + 8, "%s---\n%s", base, base);
    CHECK_FAILS(tg_model_parse(two, strlen(two), "two", &m), TG_ERR_PARSE, "a second YAML document");
    free(two);
  }
  fails("Ga: 0.0, dG: -2.09", "Ga: 1e400, dG: -2.09", TG_ERR_MODEL, "1e400 is out of the range of a double");
  fails("reactions:\n", "reactions: [\n", TG_ERR_PARSE, "line 11, column");
  fails("  CO_g: {pressure: 0.1}", "  CO_g: {pressure: 0.1", TG_ERR_PARSE, "line 7");
  fails("CO_g + *_s -> CO_s", "CO_g + *_s -> O_s", TG_ERR_MODEL,
        "line 11: step \"CO_g + *_s -> O_s\" is unbalanced: element C appears 1 times in the initial state but 0");
  fails("O2_g + 2*_s -> 2O_s", "O2_g + *_s -> 2O_s", TG_ERR_MODEL,
        "does not conserve sites: 1 sites in the initial state but 2");
  fails("CO_g + *_s -> CO_s", "CO_g + *_s CO_s", TG_ERR_MODEL, "no arrow");
  fails("CO_g + *_s -> CO_s", "CO_g + *_s -> CO_s -> CO_s -> CO_s", TG_ERR_MODEL, "more than two arrows");
  fails("CO_g + *_s -> CO_s", "CO_g + + *_s -> CO_s", TG_ERR_MODEL, "empty formula");
  fails("CO_g + *_s -> CO_s", "CO + *_s -> CO_s", TG_ERR_MODEL, "\"CO\" is not a formula species_site");
  fails("CO_g + *_s -> CO_s", "C9999999999O_g + *_s -> CO_s", TG_ERR_MODEL, "has more than 3 digits"); /* fuzzer find */
  fails("  CO2_g: {pressure: 0.0}\n", "  CO2_g: {pressure: 0.0}\n  N2_g: {pressure: 1}\n", TG_ERR_MODEL,
        "line 9, column 3: species N2_g is not in any reaction");
  fails("  CO2_g: {pressure: 0.0}\n", "", TG_ERR_MODEL, "gas CO2_g has no pressure");
  fails("{pressure: 0.1}", "{pressure: -0.1}", TG_ERR_MODEL, "line 6, column 20: pressure of CO_g is negative");
  fails("{pressure: 0.1}", "{pressure: .nan}", TG_ERR_MODEL, "pressure must be finite");
  fails("{pressure: 0.1}", "{pressure: lots}", TG_ERR_PARSE, "pressure: \"lots\" is not a number");
  fails("temperature: 500", "temperature: 0", TG_ERR_MODEL, "line 2, column 14: temperature must be positive");
  fails("temperature: 500", "temprature: 500", TG_ERR_MODEL,
        "line 2, column 1: unknown key \"temprature\" in the model");
  fails("unitcell_area: 9.0e-20\n", "", TG_ERR_MODEL, "rate_algo CT needs unitcell_area");
  fails("rate_algo: CT", "rate_algo: CT\nactive_ratio: 1.5", TG_ERR_MODEL, "active_ratio = 1.5 must be in (0, 1]");
  fails("rate_algo: CT", "rate_algo: QM", TG_ERR_MODEL, "rate_algo is \"QM\"; use TST or CT");
  fails(", Ga: 0.0, dG: -2.09}", ", Ga: 0.0}", TG_ERR_MODEL, "reaction 1 needs both Ga and dG");
  fails(", Ga: 0.0, dG: -2.09}", "}", TG_ERR_MODEL, "give Ga and dG for every reaction or for none");
  fails("  \"*_s\": {total: 1.0}", "  \"*_s\": {total: -1}", TG_ERR_MODEL, "site *_s needs a positive total");
  fails("name: test\n", "name: test\nproduct: N2_g\n", TG_ERR_MODEL, "product N2_g is not a gas of the model");
  /* Duplicate keys, at any level, name the key and both places (the first
   * or the last one silently won). */
  fails("temperature: 500\n", "temperature: 500\ntemperature: 600\n", TG_ERR_PARSE,
        "line 3, column 1: duplicate key \"temperature\" at line 2, column 1 and line 3, column 1");
  fails("  O2_g: {pressure: 0.2}\n", "  O2_g: {pressure: 0.2}\n  CO_g: {pressure: 0.3}\n", TG_ERR_PARSE,
        "duplicate key \"CO_g\" at line 6, column 3 and line 8, column 3");
  fails("Ga: 0.0, dG: -2.09}", "Ga: 0.0, dG: -2.09, Ga: 1}", TG_ERR_PARSE,
        "duplicate key \"Ga\" at line 11, column 38 and line 11, column 58");
  fails("{pressure: 0.1}", "{pressure: 0.1, pressure: 0.2}", TG_ERR_PARSE, "duplicate key \"pressure\"");
  /* A non-ASCII species name is refused with the character whole (a lone
   * byte of it made the message invalid UTF-8); a NUL inside the text is
   * refused, not read as its end. */
  fails("CO_g + *_s -> CO_s", "CO_g + *_s -> C\xc3\xa9O_s", TG_ERR_MODEL,
        "bad character '\xc3\xa9' in \"C\xc3\xa9O_s\" (species names are ASCII");
  static const char nul[] = "name: a\0b\ntemperature: 500\n";
  CHECK_FAILS(tg_model_parse(nul, sizeof nul - 1, "nul.yaml", &m), TG_ERR_ARG,
              "nul.yaml: the text has a NUL byte at line 1, column 8");
  /* Rate constants that overflow are refused at load, naming the step. */
  fails("Ga: 0.39, dG: -0.46", "Ga: -50, dG: -0.46", TG_ERR_MODEL,
        "line 13: step \"CO_s + O_s <-> CO-O_2s -> CO2_g + 2*_s\": at T = 500 K its rate constants are not finite");
  fails("Ga: 0.39, dG: -0.46", "Ga: 0.39, dG: 1e300", TG_ERR_MODEL, "line 13: step");
  fails("temperature: 500", "temperature: 1e308", TG_ERR_MODEL, "at T = 1e+308 K its rate constants are not finite");
  /* A misspelt adsorbate is a dead end (only produced, or only consumed): a
   * load error naming it and its steps, not a model with TOF 0. */
  fails("CO_s + O_s <->", "OC_s + O_s <->", TG_ERR_MODEL,
        "adsorbate CO_s is only produced, never consumed (line 11: \"CO_g + *_s -> CO_s\")");
  fails("CO_s + O_s <->", "OC_s + O_s <->", TG_ERR_MODEL,
        "adsorbate OC_s is only consumed, never produced (line 13: \"OC_s + O_s <-> CO-O_2s -> CO2_g + 2*_s\")");
  fails("CO_s + O_s <->", "OC_s + O_s <->", TG_ERR_MODEL, "a misspelt name?");
  fails("name: test\n", "name: test\ninitial_coverages: {CO_s: 0.8, O_s: 0.5}\n", TG_ERR_MODEL,
        "initial coverages on *_s add up to 1.3, more than its total 1");
  fails("name: test\n", "name: test\nsolver: {t_end: -1}\n", TG_ERR_MODEL, "need t_end > 0");
  fails("name: test\n", "name: test\ninitial_coverages: {CO_g: 0.1}\n", TG_ERR_MODEL, "CO_g is not an adsorbate");
  fails("name: test\n", "name: test\ninitial_coverages: {Xe_s: 0.1}\n", TG_ERR_MODEL, "Xe_s is not an adsorbate");
  fails("name: test\n", "name: test\ninitial_coverages: {CO_s: -0.1}\n", TG_ERR_MODEL,
        "initial coverage of CO_s is negative");

  /* Absolute energies: every species needs one, and only species of the model. */
  static const char absolute[] =
      "temperature: 400\nspecies: {A_g: {pressure: 1}, A2_g: {pressure: 0}, \"*_s\": {total: 1}}\n"
      "reactions: [\"A_g + *_s -> A_s\", \"2A_s -> A2_g + 2*_s\"]\n"
      "absolute_energies: {A_g: 0.0, \"*_s\": 0.0, A_s: -0.5, A2_g: 0.1}\n";
  CHECK_OK(tg_model_parse(absolute, sizeof absolute - 1, "abs", &m));
  tg_model_free(m);
  m = NULL;
  static const char missing[] =
      "species: {A_g: {pressure: 1}, \"*_s\": {total: 1}}\nreactions: [\"A_g + *_s -> A_s\"]\n"
      "absolute_energies: {A_g: 0.0, A_s: -0.5}\n";
  CHECK_FAILS(tg_model_parse(missing, sizeof missing - 1, "abs", &m), TG_ERR_MODEL, "no energy for *_s");
  static const char extra[] =
      "species: {A_g: {pressure: 1}, \"*_s\": {total: 1}}\nreactions: [\"A_g + *_s -> A_s\"]\n"
      "absolute_energies: {A_g: 0.0, \"*_s\": 0, A_s: -0.5, B_s: 1}\n";
  CHECK_FAILS(tg_model_parse(extra, sizeof extra - 1, "abs", &m), TG_ERR_MODEL,
              "energy given for B_s, which is in no reaction");
  static const char none[] = "species: {A_g: {pressure: 1}, \"*_s\": {total: 1}}\nreactions: [\"A_g + *_s -> A_s\"]\n";
  CHECK_FAILS(tg_model_parse(none, sizeof none - 1, "none", &m), TG_ERR_MODEL, "no energies");
  CHECK_FAILS(tg_model_parse("", 0, "empty", &m), TG_ERR_PARSE, "empty");

  /* Files. */
  char path[1024];
  snprintf(path, sizeof path, "%s/no-such-model.yaml", data);
  CHECK_FAILS(tg_model_load(path, &m), TG_ERR_IO, "cannot open");
  CHECK(strstr(tg_error_message(), "no-such-model.yaml") != NULL, "names the file");
  snprintf(path, sizeof path, "%s/model_b.yaml", data);
  CHECK_OK(tg_model_load(path, &m));

  /* Bad conditions at solve time: an error, and the solution untouched. */
  tg_solution *s = NULL;
  CHECK_OK(tg_solution_create(m, &s));
  double p[3] = {0.1, -1, 0.1};
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, p, NULL, s), TG_ERR_ARG, "pressure of CO_g is -1");
  p[1] = NAN;
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, p, NULL, s), TG_ERR_ARG, "must be finite and >= 0");
  CHECK_FAILS(tg_solve(m, NAN, NULL, NULL, s), TG_ERR_ARG, "temperature = nan K must be finite and > 0");
  tg_solve_options o = tg_solve_options_default(m);
  o.tolerance = 0;
  CHECK_FAILS(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s), TG_ERR_ARG, "tolerance = 0 must be finite and > 0");
  CHECK_FAILS(tg_solve(NULL, 0, NULL, NULL, s), TG_ERR_ARG, "must not be NULL");
  tg_solution_free(s);
  tg_model_free(m);
  tg_model_free(NULL);
  tg_solution_free(NULL);
  return tg_test_summary();
}
