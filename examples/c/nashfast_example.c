/*
 * NashFast from C: solves Battle of the Sexes and a 10^6-game random batch through libnashfast.so, checks the
 * answers, runs a 10^6-game Monte Carlo study (nf_montecarlo2x2), exercises every kind of bad call, and times the 2x2 batch on 4096-game and 16M-game batches.
 *
 *   gcc -O2 -std=c11 -Wall -Wextra -I include examples/c/nashfast_example.c -L out -lnashfast \
 *       -Wl,-rpath,'$ORIGIN' -lpthread -lm -o out/nashfast_example
 *   out/nashfast_example [--dump FILE] [--no-timing] [--no-large]
 *
 * --dump FILE   writes a fixed, seeded list of games and the library's answers, and a few Monte Carlo
 *               summaries, as text, for the managed cross-check (tests/NashFast.NativeCheck) and the
 *               Python example to compare against.
 * Prints one line per check, then "N passed, N failed"; exits 1 when a check failed.
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nashfast.h"

static int passed, failed;

static void check(int ok, const char *what, const char *detail)
{
    if (ok) {
        passed++;
        printf("PASS %s\n", what);
    } else {
        failed++;
        printf("FAIL %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    }
}

/* A bad call must return `expected` and leave a message that mentions `needle`. */
static void check_error(int32_t rc, int32_t expected, const char *needle, const char *what)
{
    const char *msg = nf_last_error();
    char detail[1400];
    snprintf(detail, sizeof detail, "rc=%d (expected %d), message \"%s\" (expected to mention \"%s\")",
             rc, expected, msg, needle);
    check(rc == expected && msg != NULL && strstr(msg, needle) != NULL, what, detail);
    printf("     -> %d: %s\n", rc, msg);
}

/* ---- deterministic random numbers (splitmix64) ---- */
static uint64_t rng_state;
static uint64_t next_u64(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
/* Uniform in [-1, 1). */
static double next_unit(void) { return (double)(next_u64() >> 11) * 0x1.0p-52 - 1.0; }
/* A small integer in [lo, hi]: ties (degenerate games) are frequent. */
static double next_int(int lo, int hi) { return (double)(lo + (int)(next_u64() % (uint64_t)(hi - lo + 1))); }

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* ---- a structure-of-arrays batch ---- */
typedef struct {
    int64_t n;
    double *a[4], *b[4]; /* a00 a01 a10 a11, b00 b01 b10 b11 */
    uint8_t *mask, *count, *flags;
    double *p, *q, *u, *v;
} batch64;

static void *xmalloc(size_t bytes)
{
    void *ptr = malloc(bytes ? bytes : 1);
    if (!ptr) {
        fprintf(stderr, "out of memory (%zu bytes)\n", bytes);
        exit(2);
    }
    return ptr;
}

static batch64 batch_new(int64_t n)
{
    batch64 g;
    g.n = n;
    for (int k = 0; k < 4; k++) {
        g.a[k] = xmalloc((size_t)n * sizeof(double));
        g.b[k] = xmalloc((size_t)n * sizeof(double));
    }
    g.mask = xmalloc((size_t)n);
    g.count = xmalloc((size_t)n);
    g.flags = xmalloc((size_t)n);
    g.p = xmalloc((size_t)n * sizeof(double));
    g.q = xmalloc((size_t)n * sizeof(double));
    g.u = xmalloc((size_t)n * sizeof(double));
    g.v = xmalloc((size_t)n * sizeof(double));
    return g;
}

static void batch_free(batch64 *g)
{
    for (int k = 0; k < 4; k++) { free(g->a[k]); free(g->b[k]); }
    free(g->mask); free(g->count); free(g->flags); free(g->p); free(g->q); free(g->u); free(g->v);
}

static int32_t batch_solve(batch64 *g, int payoffs)
{
    return nf_solve2x2_f64(g->a[0], g->a[1], g->a[2], g->a[3], g->b[0], g->b[1], g->b[2], g->b[3],
                           g->mask, g->count, g->flags, g->p, g->q,
                           payoffs ? g->u : NULL, payoffs ? g->v : NULL, g->n);
}

static void batch_random(batch64 *g, uint64_t seed)
{
    rng_state = seed;
    for (int64_t k = 0; k < g->n; k++)
        for (int e = 0; e < 4; e++) { g->a[e][k] = next_unit(); g->b[e][k] = next_unit(); }
}

/* ---- Battle of the Sexes: A = [3 0; 0 2], B = [2 0; 0 3] ---- */
static const double bos_a[4] = {3, 0, 0, 2}, bos_b[4] = {2, 0, 0, 3};

static void test_version(void)
{
    char detail[200];
    snprintf(detail, sizeof detail, "abi %d (header %d), version %d \"%s\"",
             nf_abi_version(), NF_ABI_VERSION, nf_version(), nf_version_string());
    check(nf_abi_version() == NF_ABI_VERSION && nf_version() > 0 && strlen(nf_version_string()) >= 5, "version", detail);
    printf("     libnashfast %s (ABI %d)\n", nf_version_string(), nf_abi_version());
}

static void test_bos(void)
{
    /* As a one-game batch, double and float. */
    batch64 g = batch_new(1);
    for (int e = 0; e < 4; e++) { g.a[e][0] = bos_a[e]; g.b[e][0] = bos_b[e]; }
    int32_t rc = batch_solve(&g, 1);
    char detail[300];
    snprintf(detail, sizeof detail, "rc %d mask %u count %u flags %u p %.17g q %.17g u %.17g v %.17g",
             rc, g.mask[0], g.count[0], g.flags[0], g.p[0], g.q[0], g.u[0], g.v[0]);
    check(rc == NF_OK && g.count[0] == 3 && g.mask[0] == 9 && g.flags[0] == NF_FLAG_COMPLETELY_MIXED &&
          fabs(g.p[0] - 0.6) < 1e-15 && fabs(g.q[0] - 0.4) < 1e-15 &&
          fabs(g.u[0] - 1.2) < 1e-15 && fabs(g.v[0] - 1.2) < 1e-15,
          "BoS f64 batch: 3 equilibria, pure (0,0) and (1,1), p = 3/5, q = 2/5, payoffs 6/5", detail);
    batch_free(&g);

    float fa[4], fb[4], fp, fq, fu, fv;
    uint8_t m, c, f;
    for (int e = 0; e < 4; e++) { fa[e] = (float)bos_a[e]; fb[e] = (float)bos_b[e]; }
    rc = nf_solve2x2_f32(&fa[0], &fa[1], &fa[2], &fa[3], &fb[0], &fb[1], &fb[2], &fb[3], &m, &c, &f, &fp, &fq, &fu, &fv, 1);
    snprintf(detail, sizeof detail, "rc %d mask %u count %u flags %u p %.9g q %.9g", rc, m, c, f, fp, fq);
    check(rc == NF_OK && c == 3 && m == 9 && f == NF_FLAG_COMPLETELY_MIXED && fabsf(fp - 0.6f) < 1e-6f &&
          fabsf(fq - 0.4f) < 1e-6f && fabsf(fu - 1.2f) < 1e-6f, "BoS f32 batch", detail);

    /* As an m x n game, by auto (the 2x2 closed form) and by the exact reference. */
    int methods[2] = {NF_METHOD_AUTO, NF_METHOD_REFERENCE};
    for (int t = 0; t < 2; t++) {
        double out[3 * 6];
        nf_game_info info = {-1, -1, -1, -1};
        rc = nf_solve_game(bos_a, bos_b, 2, 2, methods[t], out, 3, &info);
        int found_pure00 = 0, found_pure11 = 0, found_mixed = 0;
        for (int k = 0; k < rc && k < 3; k++) {
            const double *e = out + k * NF_EQUILIBRIUM_DOUBLES(2, 2);
            if (e[0] == 1 && e[2] == 1 && e[4] == 3 && e[5] == 2) found_pure00++;
            if (e[0] == 0 && e[2] == 0 && e[4] == 2 && e[5] == 3) found_pure11++;
            if (fabs(e[0] - 0.6) < 1e-15 && fabs(e[1] - 0.4) < 1e-15 && fabs(e[2] - 0.4) < 1e-15 &&
                fabs(e[3] - 0.6) < 1e-15 && fabs(e[4] - 1.2) < 1e-15 && fabs(e[5] - 1.2) < 1e-15) found_mixed++;
        }
        snprintf(detail, sizeof detail, "rc %d, info count %d method %d degenerate %d complete %d, found %d/%d/%d",
                 rc, info.count, info.method, info.degenerate, info.complete, found_pure00, found_pure11, found_mixed);
        int expected_method = t == 0 ? NF_METHOD_2X2 : NF_METHOD_REFERENCE;
        check(rc == 3 && info.count == 3 && info.method == expected_method && info.degenerate == 0 && info.complete == 1 &&
              found_pure00 == 1 && found_pure11 == 1 && found_mixed == 1 && nf_last_error()[0] == '\0',
              t == 0 ? "BoS nf_solve_game auto: the three equilibria, method 2x2" : "BoS nf_solve_game reference", detail);
    }

    /* Size query: out NULL, capacity 0. */
    nf_game_info info = {0, 0, 0, 0};
    rc = nf_solve_game(bos_a, bos_b, 2, 2, NF_METHOD_AUTO, NULL, 0, &info);
    snprintf(detail, sizeof detail, "rc %d count %d", rc, info.count);
    check(rc == NF_E_CAPACITY && info.count == 3, "BoS size query reports 3 equilibria", detail);
}

static int popcount4(unsigned m) { return (m & 1) + ((m >> 1) & 1) + ((m >> 2) & 1) + ((m >> 3) & 1); }

/* Pure profile (i, j) is an equilibrium when neither player gains by deviating (ties count as best responses). */
static unsigned pure_mask(const double a[4], const double b[4])
{
    unsigned m = 0;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            if (a[2 * i + j] >= a[2 * (1 - i) + j] && b[2 * i + j] >= b[2 * i + (1 - j)]) m |= 1u << (2 * i + j);
    return m;
}

static void test_random_batch(void)
{
    const int64_t n = 1000000;
    batch64 g = batch_new(n);
    batch_random(&g, 20261125);
    int32_t rc = batch_solve(&g, 1);
    check(rc == NF_OK, "10^6-game batch returns NF_OK", nf_last_error());

    int64_t bad_mask = 0, bad_count = 0, bad_mixed = 0, bad_nan = 0, degenerate = 0, mixed = 0;
    double worst_residual = 0;
    for (int64_t k = 0; k < n; k++) {
        double a[4] = {g.a[0][k], g.a[1][k], g.a[2][k], g.a[3][k]};
        double b[4] = {g.b[0][k], g.b[1][k], g.b[2][k], g.b[3][k]};
        if (g.flags[k] & NF_FLAG_DEGENERATE) { degenerate++; continue; }
        if (g.mask[k] != pure_mask(a, b)) bad_mask++;
        int is_mixed = (g.flags[k] & NF_FLAG_COMPLETELY_MIXED) != 0;
        /* A nondegenerate game has an odd number of equilibria: its pure ones plus the mixed one if any. */
        if (g.count[k] != popcount4(g.mask[k]) + is_mixed || g.count[k] % 2 != 1) bad_count++;
        if (is_mixed) {
            mixed++;
            double p = g.p[k], q = g.q[k];
            if (!(p > 0 && p < 1 && q > 0 && q < 1)) { bad_mixed++; continue; }
            /* Each player is indifferent between its two strategies, and the payoffs are those values. */
            double r0 = q * a[0] + (1 - q) * a[1], r1 = q * a[2] + (1 - q) * a[3];
            double c0 = p * b[0] + (1 - p) * b[2], c1 = p * b[1] + (1 - p) * b[3];
            double res = fmax(fmax(fabs(r0 - r1), fabs(c0 - c1)), fmax(fabs(g.u[k] - r0), fabs(g.v[k] - c0)));
            if (res > worst_residual) worst_residual = res;
        } else if (!isnan(g.p[k]) || !isnan(g.q[k]) || !isnan(g.u[k]) || !isnan(g.v[k])) {
            bad_nan++;
        }
    }
    char detail[300];
    snprintf(detail, sizeof detail, "mask %lld, count %lld, mixed range %lld, NaN %lld wrong; %lld degenerate",
             (long long)bad_mask, (long long)bad_count, (long long)bad_mixed, (long long)bad_nan, (long long)degenerate);
    check(bad_mask == 0 && bad_count == 0 && bad_mixed == 0 && bad_nan == 0 && degenerate == 0,
          "10^6-game batch: pure mask = best-response check, count odd = pure + mixed, 0 < p, q < 1", detail);
    /* The payoffs are in [-1, 1): 1e-12 is a few thousand ulps, far below any real error. */
    snprintf(detail, sizeof detail, "worst indifference/payoff residual %.3g over %lld mixed equilibria",
             worst_residual, (long long)mixed);
    check(worst_residual < 1e-12 && mixed > n / 20, "10^6-game batch: mixed equilibria make both players indifferent", detail);
    printf("     %lld games, %lld with a completely mixed equilibrium, worst residual %.3g\n",
           (long long)n, (long long)mixed, worst_residual);

    /* Without payoffs the other outputs are the same. */
    batch64 h = batch_new(n);
    for (int e = 0; e < 4; e++) { memcpy(h.a[e], g.a[e], (size_t)n * 8); memcpy(h.b[e], g.b[e], (size_t)n * 8); }
    rc = batch_solve(&h, 0);
    int64_t differ = 0;
    for (int64_t k = 0; k < n; k++)
        if (h.mask[k] != g.mask[k] || h.count[k] != g.count[k] || h.flags[k] != g.flags[k] ||
            memcmp(&h.p[k], &g.p[k], 8) != 0 || memcmp(&h.q[k], &g.q[k], 8) != 0) differ++;
    snprintf(detail, sizeof detail, "rc %d, %lld games differ", rc, (long long)differ);
    check(rc == NF_OK && differ == 0, "10^6-game batch without payoffs: same answers", detail);
    batch_free(&h);
    batch_free(&g);
}

/* Float and double agree on games whose payoffs both represent exactly (small dyadic values, many ties). */
static void test_f32_matches_f64(void)
{
    const int64_t n = 100000;
    batch64 g = batch_new(n);
    rng_state = 7;
    for (int64_t k = 0; k < n; k++)
        for (int e = 0; e < 4; e++) { g.a[e][k] = next_int(-8, 8) / 4.0; g.b[e][k] = next_int(-8, 8) / 4.0; }
    batch_solve(&g, 0);
    float *fa[4], *fb[4], *fp = xmalloc((size_t)n * 4), *fq = xmalloc((size_t)n * 4);
    uint8_t *fm = xmalloc((size_t)n), *fc = xmalloc((size_t)n), *ff = xmalloc((size_t)n);
    for (int e = 0; e < 4; e++) {
        fa[e] = xmalloc((size_t)n * 4); fb[e] = xmalloc((size_t)n * 4);
        for (int64_t k = 0; k < n; k++) { fa[e][k] = (float)g.a[e][k]; fb[e][k] = (float)g.b[e][k]; }
    }
    int32_t rc = nf_solve2x2_f32(fa[0], fa[1], fa[2], fa[3], fb[0], fb[1], fb[2], fb[3], fm, fc, ff, fp, fq, NULL, NULL, n);
    int64_t differ = 0, degenerate = 0;
    for (int64_t k = 0; k < n; k++) {
        if (g.flags[k] & NF_FLAG_DEGENERATE) degenerate++;
        int same_pq = (isnan(g.p[k]) && isnan(fp[k])) || (fabs(g.p[k] - fp[k]) < 1e-6 && fabs(g.q[k] - fq[k]) < 1e-6);
        if (fm[k] != g.mask[k] || fc[k] != g.count[k] || ff[k] != g.flags[k] || !same_pq) differ++;
    }
    char detail[200];
    snprintf(detail, sizeof detail, "rc %d, %lld of %lld games differ (%lld degenerate)", rc, (long long)differ, (long long)n, (long long)degenerate);
    check(rc == NF_OK && differ == 0 && degenerate > 0, "f32 batch equals f64 batch on exactly representable games (ties included)", detail);
    for (int e = 0; e < 4; e++) { free(fa[e]); free(fb[e]); }
    free(fp); free(fq); free(fm); free(fc); free(ff);
    batch_free(&g);
}

/* A non-finite payoff marks its own slot invalid; the neighbours are solved as usual. */
static void test_invalid_slots(void)
{
    batch64 g = batch_new(4);
    for (int k = 0; k < 4; k++)
        for (int e = 0; e < 4; e++) { g.a[e][k] = bos_a[e]; g.b[e][k] = bos_b[e]; }
    g.a[1][1] = NAN;
    g.b[3][2] = INFINITY;
    int32_t rc = batch_solve(&g, 1);
    int ok = rc == NF_OK;
    for (int k = 0; k < 4; k++) {
        int bad = k == 1 || k == 2;
        if (bad) ok &= g.flags[k] == NF_FLAG_INVALID && g.count[k] == 0 && g.mask[k] == 0 && isnan(g.p[k]) && isnan(g.q[k]);
        else ok &= g.flags[k] == NF_FLAG_COMPLETELY_MIXED && g.count[k] == 3 && g.mask[k] == 9 && g.p[k] == 0.6;
    }
    check(ok, "batch with NaN and infinite payoffs: NF_OK, those slots NF_FLAG_INVALID, others solved", nf_last_error());
    batch_free(&g);
}

static void test_bad_calls(void)
{
    batch64 g = batch_new(8);
    batch_random(&g, 1);
    double *a = g.a[0];
    /* NULL inputs and outputs: each named. */
    check_error(nf_solve2x2_f64(NULL, a, a, a, a, a, a, a, g.mask, g.count, g.flags, g.p, g.q, NULL, NULL, 8),
                NF_E_NULL, "'a00'", "batch: a00 NULL -> NF_E_NULL");
    check_error(nf_solve2x2_f64(a, a, a, a, a, a, a, NULL, g.mask, g.count, g.flags, g.p, g.q, NULL, NULL, 8),
                NF_E_NULL, "'b11'", "batch: b11 NULL -> NF_E_NULL");
    check_error(nf_solve2x2_f64(a, a, a, a, a, a, a, a, g.mask, g.count, g.flags, g.p, NULL, NULL, NULL, 8),
                NF_E_NULL, "'q'", "batch: q NULL -> NF_E_NULL");
    check_error(nf_solve2x2_f64(a, a, a, a, a, a, a, a, g.mask, g.count, g.flags, g.p, g.q, g.u, NULL, 8),
                NF_E_NULL, "'col_payoff'", "batch: only row_payoff given -> NF_E_NULL");
    check_error(nf_solve2x2_f32(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 4),
                NF_E_NULL, "nf_solve2x2_f32", "batch f32: all NULL -> NF_E_NULL");
    check_error(nf_solve2x2_f64(a, a, a, a, a, a, a, a, g.mask, g.count, g.flags, g.p, g.q, NULL, NULL, -1),
                NF_E_SIZE, "n is -1", "batch: n = -1 -> NF_E_SIZE");
    check_error(nf_solve2x2_f32((float *)a, (float *)a, (float *)a, (float *)a, (float *)a, (float *)a, (float *)a, (float *)a,
                                g.mask, g.count, g.flags, (float *)g.p, (float *)g.q, NULL, NULL, INT64_MIN),
                NF_E_SIZE, "must be >= 0", "batch f32: n = INT64_MIN -> NF_E_SIZE");
    /* An empty batch is valid and touches nothing. */
    g.mask[0] = 0xAB;
    int32_t rc = nf_solve2x2_f64(a, a, a, a, a, a, a, a, g.mask, g.count, g.flags, g.p, g.q, NULL, NULL, 0);
    check(rc == NF_OK && g.mask[0] == 0xAB && nf_last_error()[0] == '\0', "batch: n = 0 -> NF_OK, nothing written, no error", NULL);

    double out[64];
    nf_game_info info;
    check_error(nf_solve_game(NULL, bos_b, 2, 2, NF_METHOD_AUTO, out, 8, &info), NF_E_NULL, "'a'", "game: a NULL -> NF_E_NULL");
    check_error(nf_solve_game(bos_a, NULL, 2, 2, NF_METHOD_AUTO, out, 8, &info), NF_E_NULL, "'b'", "game: b NULL -> NF_E_NULL");
    check_error(nf_solve_game(bos_a, bos_b, 2, 2, NF_METHOD_AUTO, NULL, 8, &info), NF_E_NULL, "'out'", "game: out NULL with capacity 8 -> NF_E_NULL");
    check_error(nf_solve_game(bos_a, bos_b, 0, 2, NF_METHOD_AUTO, out, 8, &info), NF_E_SIZE, "0x2", "game: m = 0 -> NF_E_SIZE");
    check_error(nf_solve_game(bos_a, bos_b, 2, -3, NF_METHOD_AUTO, out, 8, &info), NF_E_SIZE, "2x-3", "game: n = -3 -> NF_E_SIZE");
    check_error(nf_solve_game(bos_a, bos_b, 1 << 14, 1 << 14, NF_METHOD_AUTO, out, 8, &info), NF_E_SIZE, "more than",
                "game: 2^28 payoffs -> NF_E_SIZE (refused before reading)");
    check_error(nf_solve_game(bos_a, bos_b, 2, 2, NF_METHOD_AUTO, out, -1, &info), NF_E_SIZE, "capacity is -1", "game: capacity -1 -> NF_E_SIZE");
    check_error(nf_solve_game(bos_a, bos_b, 2, 2, 42, out, 8, &info), NF_E_METHOD, "42", "game: method 42 -> NF_E_METHOD");
    double a9[9] = {0}, b9[9] = {0};
    check_error(nf_solve_game(a9, b9, 3, 3, NF_METHOD_2X2, out, 8, &info), NF_E_METHOD, "3x3", "game: 2x2 method on 3x3 -> NF_E_METHOD");
    double nan_b[4] = {2, 0, 0, NAN}, inf_a[4] = {3, -INFINITY, 0, 2};
    check_error(nf_solve_game(bos_a, nan_b, 2, 2, NF_METHOD_AUTO, out, 8, &info), NF_E_NAN, "b[3]", "game: NaN payoff -> NF_E_NAN");
    check_error(nf_solve_game(inf_a, bos_b, 2, 2, NF_METHOD_REFERENCE, out, 8, &info), NF_E_NAN, "a[1]", "game: -inf payoff -> NF_E_NAN");
    /* Too small: NF_E_CAPACITY, the count reported, the buffer untouched. */
    out[0] = -7;
    info.count = -1;
    check_error(nf_solve_game(bos_a, bos_b, 2, 2, NF_METHOD_AUTO, out, 2, &info), NF_E_CAPACITY, "3 equilibria",
                "game: capacity 2 for 3 equilibria -> NF_E_CAPACITY");
    check(info.count == 3 && out[0] == -7, "game: NF_E_CAPACITY reports count 3 and writes nothing", NULL);
    /* A success empties the message. */
    rc = nf_solve_game(bos_a, bos_b, 2, 2, NF_METHOD_AUTO, out, 8, NULL);
    check(rc == 3 && nf_last_error()[0] == '\0', "game: a success (info NULL) empties nf_last_error", nf_last_error());
    /* Lemke-Howson: exactly one equilibrium, reported as such. */
    rc = nf_solve_game(bos_a, bos_b, 2, 2, NF_METHOD_LEMKE_HOWSON, out, 8, &info);
    check(rc == 1 && info.method == NF_METHOD_LEMKE_HOWSON && info.complete == 1, "game: Lemke-Howson -> one equilibrium", nf_last_error());
    batch_free(&g);
}

/* ---- threads: per-thread last error, concurrent batches ---- */
static void *thread_fail(void *arg)
{
    (void)arg;
    int32_t rc = nf_solve_game(NULL, NULL, 2, 2, 0, NULL, 0, NULL);
    return (void *)(intptr_t)(rc == NF_E_NULL && strstr(nf_last_error(), "'a'") != NULL);
}

static void *thread_batch(void *arg)
{
    batch64 *g = arg;
    return (void *)(intptr_t)(batch_solve(g, 1) == NF_OK);
}

static void test_threads(void)
{
    nf_solve_game(bos_a, bos_b, 2, 2, 42, NULL, 0, NULL); /* this thread: an NF_E_METHOD message */
    pthread_t t;
    void *ok = NULL;
    pthread_create(&t, NULL, thread_fail, NULL);
    pthread_join(t, &ok);
    check(ok != NULL && strstr(nf_last_error(), "42") != NULL,
          "threads: another thread's error leaves this thread's message alone", nf_last_error());

    enum { n = 200000 };
    batch64 g[2] = {batch_new(n), batch_new(n)};
    batch_random(&g[0], 99);
    batch_random(&g[1], 99);
    pthread_t ts[2];
    void *r[2];
    for (int k = 0; k < 2; k++) pthread_create(&ts[k], NULL, thread_batch, &g[k]);
    for (int k = 0; k < 2; k++) pthread_join(ts[k], &r[k]);
    int same = memcmp(g[0].mask, g[1].mask, n) == 0 && memcmp(g[0].count, g[1].count, n) == 0 &&
               memcmp(g[0].p, g[1].p, n * 8) == 0 && memcmp(g[0].u, g[1].u, n * 8) == 0;
    check(r[0] && r[1] && same, "threads: two concurrent batches on the same games give identical answers", NULL);
    batch_free(&g[0]);
    batch_free(&g[1]);
}

/* ---- Monte Carlo: nf_montecarlo2x2 ---- */
static int64_t sum_hist(const int64_t *h, int bins, int weighted)
{
    int64_t s = 0;
    for (int k = 0; k < bins; k++) s += weighted ? (int64_t)k * h[k] : h[k];
    return s;
}

/* |observed - n*prob| within 4 standard deviations of a binomial(n, prob) count. */
static int within_4_sigma(int64_t observed, int64_t n, double prob, char *detail, size_t size, const char *what)
{
    double expected = (double)n * prob, sigma = sqrt((double)n * prob * (1 - prob));
    double z = ((double)observed - expected) / sigma;
    snprintf(detail, size, "%s: %lld observed, %.1f expected, z = %.2f", what, (long long)observed, expected, z);
    return fabs(z) <= 4;
}

/* The summary without its two timing fields, for comparisons. */
static int same_statistics(const nf_mc_summary *x, const nf_mc_summary *y)
{
    return memcmp(x, y, offsetof(nf_mc_summary, elapsed_seconds)) == 0;
}

static void test_montecarlo(void)
{
    const int64_t n = 1000000;
    nf_mc_distribution uniform = {NF_DIST_UNIFORM, 0, 0, 0, 0.0};
    nf_mc_summary s, s1;
    memset(&s, 0, sizeof s);
    int32_t rc = nf_montecarlo2x2(n, 20261125, &uniform, 0, &s);
    check(rc == NF_OK && nf_last_error()[0] == '\0', "Monte Carlo: 10^6 uniform games, all cores -> NF_OK", nf_last_error());
    printf("     %lld games in %.3f s: equilibria 0..4,5+ = %lld %lld %lld %lld %lld %lld; pure 0..4 = %lld %lld %lld %lld %lld; "
           "completely mixed %lld; mean equilibria %.6f, mean payoffs %.6f %.6f\n",
           (long long)s.games, s.elapsed_seconds, (long long)s.equilibria_hist[0], (long long)s.equilibria_hist[1],
           (long long)s.equilibria_hist[2], (long long)s.equilibria_hist[3], (long long)s.equilibria_hist[4],
           (long long)s.equilibria_hist[5], (long long)s.pure_hist[0], (long long)s.pure_hist[1], (long long)s.pure_hist[2],
           (long long)s.pure_hist[3], (long long)s.pure_hist[4], (long long)s.completely_mixed_games, s.mean_equilibria,
           s.mean_row_payoff, s.mean_col_payoff);

    /* The totals are consistent with the histograms. */
    char detail[300];
    snprintf(detail, sizeof detail, "games %lld invalid %lld degenerate %lld; hist sums %lld %lld; p %lld q %lld; mixed %lld",
             (long long)s.games, (long long)s.invalid_games, (long long)s.degenerate_games,
             (long long)sum_hist(s.equilibria_hist, NF_MC_EQUILIBRIA_BINS, 0), (long long)sum_hist(s.pure_hist, NF_MC_PURE_BINS, 0),
             (long long)sum_hist(s.p_hist, NF_MC_PROBABILITY_BINS, 0), (long long)sum_hist(s.q_hist, NF_MC_PROBABILITY_BINS, 0),
             (long long)s.completely_mixed_games);
    check(s.games == n && s.invalid_games == 0 && s.degenerate_games == 0 &&
          sum_hist(s.equilibria_hist, NF_MC_EQUILIBRIA_BINS, 0) == n && sum_hist(s.pure_hist, NF_MC_PURE_BINS, 0) == n &&
          sum_hist(s.equilibria_hist, NF_MC_EQUILIBRIA_BINS, 1) == s.equilibria &&
          sum_hist(s.pure_hist, NF_MC_PURE_BINS, 1) == s.pure_equilibria &&
          sum_hist(s.p_hist, NF_MC_PROBABILITY_BINS, 0) == s.completely_mixed_games &&
          sum_hist(s.q_hist, NF_MC_PROBABILITY_BINS, 0) == s.completely_mixed_games &&
          s.mean_equilibria == (double)s.equilibria / (double)n && s.games_per_second > 0,
          "Monte Carlo: counts add up (histograms, totals, p and q bins)", detail);

    /* Continuous iid payoffs: a 2x2 game has 3 equilibria w.p. 1/8, else 1; 0, 1, 2 pure w.p. 1/8, 3/4, 1/8. */
    check(within_4_sigma(s.equilibria_hist[3], n, 1.0 / 8, detail, sizeof detail, "3 equilibria") &&
          s.equilibria_hist[0] == 0 && s.equilibria_hist[2] == 0 && s.equilibria_hist[4] == 0 && s.equilibria_hist[5] == 0,
          "Monte Carlo: P(3 equilibria) within 4 sigma of 1/8, only 1 or 3 equilibria", detail);
    check(within_4_sigma(s.pure_hist[0], n, 1.0 / 8, detail, sizeof detail, "0 pure") &&
          within_4_sigma(s.pure_hist[2], n, 1.0 / 8, detail + strlen(detail), sizeof detail - strlen(detail), "; 2 pure") &&
          within_4_sigma(s.completely_mixed_games, n, 1.0 / 4, detail + strlen(detail), sizeof detail - strlen(detail), "; mixed"),
          "Monte Carlo: P(0 pure) = P(2 pure) = 1/8, P(completely mixed) = 1/4, within 4 sigma", detail);
    check(s.mean_row_payoff > 0 && s.mean_row_payoff < 1 && s.mean_col_payoff > 0 && s.mean_col_payoff < 1,
          "Monte Carlo: mean equilibrium payoffs lie in [0, 1) like the payoffs", NULL);

    /* One worker: the same statistics, bit for bit. */
    rc = nf_montecarlo2x2(n, 20261125, &uniform, 1, &s1);
    check(rc == NF_OK && same_statistics(&s, &s1), "Monte Carlo: threads = 1 gives the same summary as all cores", nf_last_error());

    /* All ties: int 5..5 makes every profile an equilibrium. */
    nf_mc_distribution tie = {NF_DIST_INTEGER, 5, 5, 0, 0.0};
    rc = nf_montecarlo2x2(1000, 1, &tie, 0, &s1);
    snprintf(detail, sizeof detail, "rc %d degenerate %lld pure4 %lld", rc, (long long)s1.degenerate_games, (long long)s1.pure_hist[4]);
    check(rc == NF_OK && s1.degenerate_games == 1000 && s1.pure_hist[4] == 1000 && s1.mean_row_payoff == 5,
          "Monte Carlo: int 5..5 -> every game degenerate with 4 pure equilibria, payoff 5", detail);

    /* Bad calls: code, message naming the problem, summary untouched. */
    nf_mc_summary untouched;
    memset(&untouched, 0x5A, sizeof untouched);
    s1 = untouched;
    nf_mc_distribution bad_kind = {7, 0, 0, 0, 0.0}, nan_rho = {NF_DIST_COVARIANT, 0, 0, 0, NAN},
                       big_rho = {NF_DIST_COVARIANT, 0, 0, 0, 1.5}, empty = {NF_DIST_INTEGER, 3, 2, 0, 0.0},
                       reserved = {NF_DIST_UNIFORM, 0, 0, 1, 0.0};
    check_error(nf_montecarlo2x2(10, 1, &uniform, 0, NULL), NF_E_NULL, "'summary'", "Monte Carlo: summary NULL -> NF_E_NULL");
    check_error(nf_montecarlo2x2(10, 1, NULL, 0, &s1), NF_E_NULL, "'dist'", "Monte Carlo: dist NULL -> NF_E_NULL");
    check_error(nf_montecarlo2x2(-1, 1, &uniform, 0, &s1), NF_E_SIZE, "games is -1", "Monte Carlo: games = -1 -> NF_E_SIZE");
    check_error(nf_montecarlo2x2(INT64_MAX, 1, &uniform, 0, &s1), NF_E_SIZE, "2^62", "Monte Carlo: games = INT64_MAX -> NF_E_SIZE");
    check_error(nf_montecarlo2x2(10, 1, &bad_kind, 0, &s1), NF_E_ARGUMENT, "kind 7", "Monte Carlo: kind 7 -> NF_E_ARGUMENT");
    check_error(nf_montecarlo2x2(10, 1, &nan_rho, 0, &s1), NF_E_ARGUMENT, "rho is NaN", "Monte Carlo: rho NaN -> NF_E_ARGUMENT");
    check_error(nf_montecarlo2x2(10, 1, &big_rho, 0, &s1), NF_E_ARGUMENT, "rho is 1.5", "Monte Carlo: rho 1.5 -> NF_E_ARGUMENT");
    check_error(nf_montecarlo2x2(10, 1, &empty, 0, &s1), NF_E_ARGUMENT, "lo is 3", "Monte Carlo: lo > hi -> NF_E_ARGUMENT");
    check_error(nf_montecarlo2x2(10, 1, &reserved, 0, &s1), NF_E_ARGUMENT, "reserved", "Monte Carlo: reserved != 0 -> NF_E_ARGUMENT");
    check_error(nf_montecarlo2x2(10, 1, &uniform, -1, &s1), NF_E_ARGUMENT, "threads is -1", "Monte Carlo: threads = -1 -> NF_E_ARGUMENT");
    check_error(nf_montecarlo2x2(10, 1, &uniform, 100000, &s1), NF_E_ARGUMENT, "threads is 100000", "Monte Carlo: threads = 100000 -> NF_E_ARGUMENT");
    check(memcmp(&s1, &untouched, sizeof s1) == 0, "Monte Carlo: failed calls leave the summary untouched", NULL);
}


/* ---- the fixed game list for the cross-checks ---- */
static void print_double(FILE *f, double x)
{
    if (isnan(x)) fputs(" NaN", f);
    else if (isinf(x)) fputs(x > 0 ? " Infinity" : " -Infinity", f);
    else fprintf(f, " %.17g", x);
}

/* The Monte Carlo runs of the dump, also run by the Python example and the managed cross-check. */
static const struct { nf_mc_distribution dist; uint64_t seed; int64_t games; int32_t threads; } mc_runs[] = {
    {{NF_DIST_UNIFORM, 0, 0, 0, 0.0}, 20261125, 1000000, 0},
    {{NF_DIST_NORMAL, 0, 0, 0, 0.0}, 20111112, 300000, 2},
    {{NF_DIST_INTEGER, -2, 2, 0, 0.0}, 7, 300001, 1},
    {{NF_DIST_COVARIANT, 0, 0, 0, -0.5}, 99, 200000, 0},
};

_Static_assert(offsetof(nf_mc_summary, mean_equilibria) == 57 * sizeof(int64_t), "57 int64_t fields precede the means");

static void dump_montecarlo(FILE *f)
{
    for (size_t r = 0; r < sizeof mc_runs / sizeof mc_runs[0]; r++) {
        nf_mc_summary s;
        int32_t rc = nf_montecarlo2x2(mc_runs[r].games, mc_runs[r].seed, &mc_runs[r].dist, mc_runs[r].threads, &s);
        check(rc == NF_OK, "dump: Monte Carlo run", nf_last_error());
        /* MC kind lo hi rho seed games threads | 57 int64 fields | 4 means (timings left out) */
        fprintf(f, "MC %d %d %d", mc_runs[r].dist.kind, mc_runs[r].dist.lo, mc_runs[r].dist.hi);
        print_double(f, mc_runs[r].dist.rho);
        fprintf(f, " %llu %lld %d", (unsigned long long)mc_runs[r].seed, (long long)mc_runs[r].games, mc_runs[r].threads);
        int64_t counts[57]; /* the 57 int64_t fields, games .. q_hist, in header order */
        memcpy(counts, &s, sizeof counts);
        for (int k = 0; k < 57; k++) fprintf(f, " %lld", (long long)counts[k]);
        print_double(f, s.mean_equilibria); print_double(f, s.mean_pure_equilibria);
        print_double(f, s.mean_row_payoff); print_double(f, s.mean_col_payoff);
        fputc('\n', f);
    }
}

static void dump(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) { check(0, "dump file opens", path); return; }
    /* 2x2 batch: continuous, small integers (ties), huge and tiny magnitudes, non-finite slots. */
    const int64_t n = 3000;
    batch64 g = batch_new(n);
    rng_state = 424242;
    for (int64_t k = 0; k < n; k++) {
        for (int e = 0; e < 4; e++) {
            double x, y;
            switch (k % 5) {
            case 0: x = next_unit(); y = next_unit(); break;
            case 1: x = next_int(-2, 2); y = next_int(-2, 2); break;
            case 2: x = next_unit() * 1e300; y = next_unit() * 1e-300; break;
            case 3: x = next_int(0, 1) * 1e-310; y = next_unit() * 1e15; break;
            default: x = next_int(-1, 1); y = next_unit(); break;
            }
            g.a[e][k] = x; g.b[e][k] = y;
        }
        if (k % 97 == 13) g.a[k % 4][k] = NAN;
        if (k % 89 == 7) g.b[k % 4][k] = -INFINITY;
    }
    int32_t rc = batch_solve(&g, 1);
    check(rc == NF_OK, "dump: fixed 2x2 batch solved", nf_last_error());
    for (int64_t k = 0; k < n; k++) {
        fputs("B2", f);
        for (int e = 0; e < 4; e++) print_double(f, g.a[e][k]);
        for (int e = 0; e < 4; e++) print_double(f, g.b[e][k]);
        fprintf(f, " %u %u %u", g.mask[k], g.count[k], g.flags[k]);
        print_double(f, g.p[k]); print_double(f, g.q[k]); print_double(f, g.u[k]); print_double(f, g.v[k]);
        fputc('\n', f);
    }
    batch_free(&g);

    /* m x n games by auto and by the reference: shapes 1x1 .. 4x4, integer payoffs (degenerate ones too). */
    rng_state = 31337;
    int games = 0;
    for (int m = 1; m <= 4; m++) {
        for (int n2 = 1; n2 <= 4; n2++) {
            for (int rep = 0; rep < 3; rep++) {
                double a[16], b[16];
                for (int k = 0; k < m * n2; k++) {
                    a[k] = rep == 0 ? next_unit() : next_int(-3, 3);
                    b[k] = rep == 0 ? next_unit() : next_int(-3, 3);
                }
                for (int method = 0; method <= NF_METHOD_REFERENCE; method += NF_METHOD_REFERENCE) {
                    double out[64 * 10];
                    nf_game_info info = {0, 0, 0, 0};
                    int32_t got = nf_solve_game(a, b, m, n2, method, out, 64, &info);
                    fprintf(f, "G %d %d %d", m, n2, method);
                    for (int k = 0; k < m * n2; k++) print_double(f, a[k]);
                    for (int k = 0; k < m * n2; k++) print_double(f, b[k]);
                    fprintf(f, " %d %d %d %d %d", got, info.count, info.method, info.degenerate, info.complete);
                    for (int k = 0; k < got * (m + n2 + 2); k++) print_double(f, out[k]);
                    fputc('\n', f);
                    games++;
                }
            }
        }
    }
    dump_montecarlo(f);
    fclose(f);
    printf("     wrote %lld batch games, %d m x n solves and %d Monte Carlo summaries to %s\n", (long long)n, games,
           (int)(sizeof mc_runs / sizeof mc_runs[0]), path);
}

/* ---- timing (games per second; meaningful only on a quiet machine) ---- */
static int compare_doubles(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* Times nf_solve2x2_f64 (no payoffs) on n uniform [-1, 1) games (splitmix64, seed 12345): at least min_reps calls
 * and min_seconds in total, after one warm-up call; prints best, median and mean. */
static void time_batch(int64_t n, double min_seconds, int min_reps)
{
    enum { max_reps = 200000 };
    static double times[max_reps];
    batch64 g = batch_new(n);
    batch_random(&g, 12345);
    batch_solve(&g, 0); /* warm-up: touches every page, first-call costs */
    double total = 0;
    int reps = 0;
    while ((reps < min_reps || total < min_seconds) && reps < max_reps) {
        double t0 = now_seconds();
        batch_solve(&g, 0);
        double dt = now_seconds() - t0;
        times[reps++] = dt;
        total += dt;
    }
    qsort(times, (size_t)reps, sizeof times[0], compare_doubles);
    double best = times[0], median = times[reps / 2];
    printf("TIME nf_solve2x2_f64 n=%lld reps=%d: best %.3f us, median %.3f us, mean %.3f us per batch -> "
           "%.4g games/s (median), %.4g games/s (best)\n",
           (long long)n, reps, best * 1e6, median * 1e6, total / reps * 1e6, (double)n / median, (double)n / best);
    batch_free(&g);
}

int main(int argc, char **argv)
{
    const char *dump_path = NULL;
    int timing = 1, large = 1;
    for (int k = 1; k < argc; k++) {
        if (strcmp(argv[k], "--dump") == 0 && k + 1 < argc) dump_path = argv[++k];
        else if (strcmp(argv[k], "--no-timing") == 0) timing = 0;
        else if (strcmp(argv[k], "--no-large") == 0) large = 0;
        else { fprintf(stderr, "usage: %s [--dump FILE] [--no-timing] [--no-large]\n", argv[0]); return 2; }
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    test_version();
    test_bos();
    test_random_batch();
    test_f32_matches_f64();
    test_invalid_slots();
    test_bad_calls();
    test_threads();
    test_montecarlo();
    if (dump_path) dump(dump_path);
    if (timing) {
        time_batch(4096, 1.0, 1000);
        if (large) time_batch(16 * 1024 * 1024, 3.0, 5);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
