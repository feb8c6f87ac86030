/*
 * nashfast.h — the C ABI of NashFast (libnashfast.so), Nash equilibria of two-player (bimatrix) games.
 *
 * Build the library:   dotnet publish src/NashFast.Native -c Release -r linux-x64 -o out
 * Link against it:     gcc -I include prog.c -L out -lnashfast -Wl,-rpath,'$ORIGIN' -o prog
 *
 * ---------------------------------------------------------------------------------------------------------
 * CONVENTIONS (they hold for every function below)
 *
 * Return values.  Every function that can fail returns int32_t: a value >= 0 is success (NF_OK, or a count
 *   where documented); a negative value is one of the NF_E_* codes below.  Nothing is written to any output
 *   when an argument check fails.
 *
 * Errors.  No exception, abort or signal ever leaves the library because of bad arguments: each call checks
 *   every pointer and length it is given (NULL, zero, negative, too small, non-finite payoffs) and returns a
 *   negative code.  nf_last_error() then tells, in English and naming the offending parameter, what was
 *   wrong.  The library cannot check that a non-NULL pointer really points to enough memory: that is the
 *   caller's part of the contract (as with memcpy).
 *
 * Ownership.  All buffers are owned by the caller: the library reads the inputs and writes the outputs
 *   during the call and keeps no pointer afterwards.  The library never returns memory for the caller to
 *   free, so there is no nf_free.  The only pointers it returns (nf_last_error, nf_version_string) point to
 *   memory owned by the library; never free them.
 *
 * Threads.  Every function is thread-safe and re-entrant: any number of threads may call into the library at
 *   once, on disjoint output buffers.  Solves run on the calling thread; only nf_montecarlo2x2 starts worker
 *   threads of its own, which have ended when it returns.  The last-error message is per thread.  Loading the library starts the .NET Native AOT runtime
 *   (its garbage collector may run background threads); the first call from a new thread registers it with
 *   that runtime, which costs a few microseconds once.
 *
 * Numbers.  Payoffs must be finite.  Probabilities are P(row 0) / P(column 0) etc.; the row player chooses a
 *   row i, the column player a column j, and they receive A[i][j] and B[i][j].
 *
 * Versioning.  NF_ABI_VERSION is bumped on any incompatible change to this header (a changed signature,
 *   layout, code or meaning).  Compatible additions (new functions, new error codes, new method codes) keep
 *   it.  Compare it with nf_abi_version() at start-up.  nf_version() is the library's release version.
 * ---------------------------------------------------------------------------------------------------------
 */
#ifndef NASHFAST_H
#define NASHFAST_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The ABI version this header describes; must equal nf_abi_version() of the loaded library. */
#define NF_ABI_VERSION 1

/* ----- Status codes ------------------------------------------------------------------------------------ */

/** Status codes.  Success is >= 0; every failure is negative and sets nf_last_error(). */
typedef enum nf_status {
    NF_OK          =   0, /**< Success. */
    NF_E_NULL      =  -1, /**< A required pointer is NULL (or only one of a pair of optional pointers is given). */
    NF_E_SIZE      =  -2, /**< A size is zero where a game needs >= 1, negative, or too large. */
    NF_E_CAPACITY  =  -3, /**< The output buffer is too small; the needed size is reported (see nf_solve_game). */
    NF_E_NAN       =  -4, /**< A payoff of an m x n game is NaN or infinite. */
    NF_E_METHOD    =  -5, /**< Unknown method code, or a method that does not apply to the game (2x2 on 3x3). */
    NF_E_UNSUPPORTED = -6, /**< A known method that this build of the library does not provide yet. */
    NF_E_NOMEM     =  -7, /**< Out of memory. */
    NF_E_ARGUMENT  =  -8, /**< A parameter value outside its documented range (see nf_montecarlo2x2). */
    NF_E_INTERNAL  = -99  /**< A bug in the library; the message says what happened.  Please report it. */
} nf_status;

/**
 * Why this thread's last failing call failed: a NUL-terminated UTF-8 message, "" when the last call
 * succeeded (or there was none).  Owned by the library; valid until this thread's next nf_* call.
 * Never NULL.  Copy it if you need to keep it.
 */
const char *nf_last_error(void);

/* ----- Version ----------------------------------------------------------------------------------------- */

/** The ABI version of the loaded library (compare with NF_ABI_VERSION). */
int32_t nf_abi_version(void);

/** The library version as major * 10000 + minor * 100 + patch (0.1.0 -> 100). */
int32_t nf_version(void);

/** The library version as "major.minor.patch"; static storage, never free it. */
const char *nf_version_string(void);

/* ----- 2x2 batch solver ------------------------------------------------------------------------------- */

/** Bits of the per-game flags byte written by nf_solve2x2_*. */
enum nf_flags2x2 {
    NF_FLAG_DEGENERATE       = 1, /**< A tie A0j == A1j or Bi0 == Bi1: the count is of extreme equilibria. */
    NF_FLAG_COMPLETELY_MIXED = 2, /**< The game has a completely mixed equilibrium (p, q), 0 < p, q < 1. */
    NF_FLAG_INVALID          = 4  /**< A payoff is NaN or infinite: mask 0, count 0, p = q = NaN.  Not an error. */
};

/**
 * Solves n 2x2 games given as a structure of arrays.
 *
 * Game k is   row 0: (a00[k], b00[k])  (a01[k], b01[k])     the row player gets a.., the column player b..
 *             row 1: (a10[k], b10[k])  (a11[k], b11[k])
 *
 * Inputs  a00 .. b11: 8 arrays of n payoffs each (required).
 * Outputs, n slots each, slot k answering game k (slots past n are never touched):
 *   mask      bit 2*i + j set when the pure profile (row i, column j) is an equilibrium:
 *             bit 0 = (0,0), bit 1 = (0,1), bit 2 = (1,0), bit 3 = (1,1)                       (required)
 *   count     number of extreme equilibria (pure, completely mixed, and in degenerate games the
 *             partially mixed extreme ones), 0..4                                                (required)
 *   flags     NF_FLAG_* bits                                                                     (required)
 *   p, q      P(row 0) and P(column 0) in the completely mixed equilibrium, NaN if there is none (required)
 *   row_payoff, col_payoff
 *             both players' payoffs in the completely mixed equilibrium, NaN if none.  Optional:
 *             pass both NULL to skip them (faster), or both non-NULL.
 *
 * n == 0 is a valid empty batch (the pointers must still be non-NULL).  A game with a NaN or infinite payoff
 * is NOT an error: it gets NF_FLAG_INVALID in its own slot and the rest of the batch is solved normally.
 * Output arrays must not overlap the inputs or each other.  The call is allocation-free.
 *
 * Returns NF_OK, NF_E_NULL (a required pointer is NULL, or exactly one payoff pointer is) or NF_E_SIZE (n < 0).
 */
int32_t nf_solve2x2_f64(const double *a00, const double *a01, const double *a10, const double *a11,
                        const double *b00, const double *b01, const double *b10, const double *b11,
                        uint8_t *mask, uint8_t *count, uint8_t *flags, double *p, double *q,
                        double *row_payoff, double *col_payoff, int64_t n);

/** nf_solve2x2_f64 in single precision: same layout, same rules. */
int32_t nf_solve2x2_f32(const float *a00, const float *a01, const float *a10, const float *a11,
                        const float *b00, const float *b01, const float *b10, const float *b11,
                        uint8_t *mask, uint8_t *count, uint8_t *flags, float *p, float *q,
                        float *row_payoff, float *col_payoff, int64_t n);

/* ----- m x n games ------------------------------------------------------------------------------------ */

/** Method codes of nf_solve_game (stable numbers). */
enum nf_method {
    NF_METHOD_AUTO         = 0, /**< Choose per game, as NashSolver's auto (README: Methods and auto). */
    NF_METHOD_2X2          = 1, /**< Closed-form 2x2 solver (2x2 games only; NF_E_METHOD otherwise). */
    NF_METHOD_PURE         = 2, /**< Pure equilibria only. */
    NF_METHOD_SUPPORT      = 3, /**< Support enumeration (nondegenerate games; detects degeneracy). */
    NF_METHOD_VERTEX       = 4, /**< Vertex enumeration (all extreme equilibria). */
    NF_METHOD_LEMKE_HOWSON = 5, /**< Lemke-Howson from label 0 (one extreme equilibrium, exact). */
    NF_METHOD_REFERENCE    = 6  /**< The exact brute-force reference solver (slow; all extreme equilibria). */
};

/** What nf_solve_game reports besides the equilibria (16 bytes, four int32_t). */
typedef struct nf_game_info {
    int32_t count;      /**< Number of equilibria found; set also when the call returns NF_E_CAPACITY. */
    int32_t method;     /**< The NF_METHOD_* actually used (NF_METHOD_AUTO resolved). */
    int32_t degenerate; /**< 1 when the game is degenerate (the equilibria are then its extreme ones), else 0. */
    int32_t complete;   /**< 1 when the equilibria are the whole set the method promises, else 0. */
} nf_game_info;

/** Doubles one equilibrium of an m x n game occupies in the output of nf_solve_game. */
#define NF_EQUILIBRIUM_DOUBLES(m, n) ((m) + (n) + 2)

/**
 * All equilibria of one m x n game (m, n >= 1), by the given NF_METHOD_*.
 *
 * a, b      the payoff matrices, row-major: A[i][j] = a[i * n + j]; m * n finite doubles each (required).
 * out       room for `capacity` equilibria, each NF_EQUILIBRIUM_DOUBLES(m, n) = m + n + 2 doubles:
 *
 *             out[k*(m+n+2) + 0 .. m-1]      row player's mixed strategy x (sums to 1)
 *             out[k*(m+n+2) + m .. m+n-1]    column player's mixed strategy y (sums to 1)
 *             out[k*(m+n+2) + m+n]           row player's payoff    x'Ay
 *             out[k*(m+n+2) + m+n+1]         column player's payoff x'By
 *
 *           Equilibria are sorted deterministically (as NashFast's managed API and CLI order them).
 *           May be NULL only when capacity is 0 (a size query).
 * capacity  number of equilibria `out` can hold (>= 0).
 * info      optional (NULL to skip): count, method used, degenerate, complete.
 *
 * Returns the number of equilibria written (>= 0).  When they do not fit, returns NF_E_CAPACITY, writes
 * nothing to `out`, and info->count tells how many there are: call again with capacity >= info->count.
 * (A size query: out = NULL, capacity = 0, info non-NULL.)  Other failures: NF_E_NULL (a or b NULL, or out
 * NULL with capacity > 0), NF_E_SIZE (m or n < 1, more than 2^26 payoffs, capacity < 0), NF_E_NAN (a payoff
 * is not finite), NF_E_METHOD (unknown code, or NF_METHOD_2X2 on a game that is not 2x2), NF_E_UNSUPPORTED
 * (a method this build does not provide yet).  Runs on the calling thread; time grows quickly with the
 * game's size for the exact methods.
 */
int32_t nf_solve_game(const double *a, const double *b, int32_t m, int32_t n, int32_t method,
                      double *out, int32_t capacity, nf_game_info *info);

/* ----- Monte Carlo over random 2x2 games ------------------------------------------------------------- */

/* Compile-time layout checks (C11 or C++11; skipped by older compilers). */
#if defined(__cplusplus) && __cplusplus >= 201103L
#define NF_STATIC_ASSERT(cond, msg) static_assert(cond, msg)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define NF_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#else
#define NF_STATIC_ASSERT(cond, msg)
#endif

/** Distribution codes of nf_mc_distribution.kind (stable numbers). */
enum nf_dist {
    NF_DIST_UNIFORM   = 0, /**< Every payoff independent uniform in [0, 1) (53 random bits). */
    NF_DIST_NORMAL    = 1, /**< Every payoff independent standard normal. */
    NF_DIST_INTEGER   = 2, /**< Every payoff an independent uniform integer in [lo, hi] (ties: degenerate games). */
    NF_DIST_COVARIANT = 3  /**< In each cell (A, B) bivariate standard normal with correlation rho, cells independent
                                (rho = -1: zero-sum, rho = 1: common interest; GAMUT's CovariantGame). */
};

/** Which payoffs nf_montecarlo2x2 draws (24 bytes: four int32_t, one double).  Zero-initialise it. */
typedef struct nf_mc_distribution {
    int32_t kind;     /**< One of NF_DIST_*. */
    int32_t lo;       /**< NF_DIST_INTEGER: the smallest payoff; ignored otherwise. */
    int32_t hi;       /**< NF_DIST_INTEGER: the largest payoff (lo <= hi); ignored otherwise. */
    int32_t reserved; /**< Must be 0. */
    double rho;       /**< NF_DIST_COVARIANT: the correlation, -1 <= rho <= 1 (not NaN); ignored otherwise. */
} nf_mc_distribution;

/** Bins of nf_mc_summary.equilibria_hist: 0, 1, 2, 3, 4 equilibria, and a last bin for 5 or more (always 0
 *  for 2x2 games, which have at most 4 extreme equilibria; kept so that a future change cannot drop games). */
#define NF_MC_EQUILIBRIA_BINS 6
/** Bins of nf_mc_summary.pure_hist: 0 to 4 pure equilibria. */
#define NF_MC_PURE_BINS 5
/** Bins of nf_mc_summary.p_hist and q_hist: 20 equal bins of [0, 1], bin k holding [k/20, (k+1)/20). */
#define NF_MC_PROBABILITY_BINS 20
/** sizeof(nf_mc_distribution) and sizeof(nf_mc_summary), checked below and by the library's tests. */
#define NF_MC_DISTRIBUTION_SIZE 24
#define NF_MC_SUMMARY_SIZE 504

/**
 * The statistics of one nf_montecarlo2x2 run: 57 int64_t then 6 double, 504 bytes, no padding.
 *
 * "Equilibria" are extreme equilibria (in a degenerate game the vertices of its equilibrium components), as
 * nf_solve2x2_f64 counts them.  p and q are P(row 0) and P(column 0) in each completely mixed equilibrium.
 * Games with a non-finite payoff (impossible with the built-in distributions) count only in invalid_games.
 * Every count is exact, and the whole struct except elapsed_seconds and games_per_second is identical for any
 * thread count and any machine (sums are kept in exact fixed point inside the library).
 */
typedef struct nf_mc_summary {
    int64_t games;                   /**< Games solved (= the games argument). */
    int64_t invalid_games;           /**< Games with a NaN or infinite payoff. */
    int64_t degenerate_games;        /**< Games with a tie a player compares (NF_FLAG_DEGENERATE). */
    int64_t completely_mixed_games;  /**< Games with a completely mixed equilibrium. */
    int64_t equilibria;              /**< Extreme equilibria, all games together. */
    int64_t pure_equilibria;         /**< Pure equilibria, all games together. */
    int64_t equilibria_hist[NF_MC_EQUILIBRIA_BINS]; /**< Games by number of equilibria (last bin: 5 or more). */
    int64_t pure_hist[NF_MC_PURE_BINS];             /**< Games by number of pure equilibria. */
    int64_t p_hist[NF_MC_PROBABILITY_BINS];         /**< Completely mixed equilibria by p. */
    int64_t q_hist[NF_MC_PROBABILITY_BINS];         /**< Completely mixed equilibria by q. */
    double mean_equilibria;          /**< equilibria / valid games (NaN when there are none). */
    double mean_pure_equilibria;     /**< pure_equilibria / valid games (NaN when there are none). */
    double mean_row_payoff;          /**< Row player's payoff averaged over all equilibria (NaN when none). */
    double mean_col_payoff;          /**< Column player's payoff averaged over all equilibria (NaN when none). */
    double elapsed_seconds;          /**< Wall time of the run. */
    double games_per_second;         /**< games / elapsed_seconds (NaN when no time elapsed). */
} nf_mc_summary;

NF_STATIC_ASSERT(sizeof(nf_mc_distribution) == NF_MC_DISTRIBUTION_SIZE, "nf_mc_distribution must be 24 bytes");
NF_STATIC_ASSERT(sizeof(nf_mc_summary) == NF_MC_SUMMARY_SIZE, "nf_mc_summary must be 504 bytes");

/**
 * A fused Monte Carlo run: draws `games` random 2x2 games from `dist`, solves each by the closed form, and
 * fills *summary.  Game g (0-based) is a pure function of (seed, g): the same seed and distribution give the
 * same statistics on any machine, for any thread count, and equal those of the managed
 * NashFast.MonteCarlo.MonteCarloRunner and of `nashfast montecarlo` with the same options.  The games are
 * generated and solved in small cache-sized chunks; nothing proportional to `games` is allocated.
 *
 * games    number of games, 0 .. 2^62 (0 gives an all-zero summary with NaN means).
 * seed     any value.
 * dist     the payoff distribution (required; see nf_mc_distribution).
 * threads  worker threads: 0 = one per core, or 1 .. 1024.  The workers are started by the call and have
 *          ended when it returns; the calling thread waits for them (threads = 1 is one worker thread, not the
 *          calling thread).  The summary does not depend on this number.
 * summary  written on success only (required).
 *
 * Returns NF_OK; NF_E_NULL (dist or summary NULL), NF_E_SIZE (games < 0 or > 2^62), NF_E_ARGUMENT (unknown dist->kind,
 * dist->reserved != 0, lo > hi, rho NaN or outside [-1, 1], threads < 0 or > 1024), NF_E_NOMEM.  The call
 * blocks until the run is done; it cannot be cancelled.
 */
int32_t nf_montecarlo2x2(int64_t games, uint64_t seed, const nf_mc_distribution *dist, int32_t threads,
                         nf_mc_summary *summary);

#ifdef __cplusplus
}
#endif

#endif /* NASHFAST_H */
