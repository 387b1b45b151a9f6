/* Declarations shared by the indicator sources of libsxnkernels (indicators.c and
 * indicators_var_lanes_avx512.c); nothing here is exported (the library builds with
 * -fvisibility=hidden). */
#ifndef SXN_INDICATORS_INTERNAL_H
#define SXN_INDICATORS_INTERNAL_H

#include "indicators.h"

#include <stdint.h>

/* no-trapping-math: the bodies select between values with comparisons that may see NaN; without
 * it GCC will not if-convert them (an ordered compare on NaN could trap) and the AVX2/SSE2 bodies
 * stay scalar. Nothing here reads the FP exception flags, and the results do not change. */
#define IND_OPT __attribute__((optimize("no-trapping-math")))

/* The single-series rolling variance's accepted error bound (relative, of each window's M2) and the
 * unit roundoff its bounds are written in. */
#define VAR_TAU SXN_IND_VAR_TAU
#define VAR_U 0x1p-53

/* The variance (its root when sq) of the window ending at x[p], values stride apart, whose sums
 * overflowed: scaled by a power of two, two passes, scaled back (indicators.c; ScaledVariance in Java,
 * var_scaled in kernels/indicators.cl). */
double sxn_ind_var_scaled(const double *x, int64_t p, int64_t stride, int64_t w, double div, int sq);

/* Sums carried from a passing fast block to the next (indicators.c, var_fast_block). */
typedef struct { double c1, c2, e1, e2, k, m2min, e; int valid; } var_carry;

/* Outputs [from, to) of a single series with the missing-value rules, by var_run per run of finite
 * values (the per-output-bound path). */
void sxn_ind_var_range(const double *x, int64_t from, int64_t to, int64_t w, double div, int sq, double *out);

/* Outputs [j0, j1) of a single series (j1 - j0 a multiple of 4) by fast blocks, split and retried
 * down to the per-output-bound path where a block's check fails. kappa caches the bound factor per
 * block length (VAR_BLOCK_MAX / 4 + 1 entries, indicators.c), st carries sums between blocks. */
void sxn_ind_var_blocks(const double *x, int64_t j0, int64_t j1, int64_t w, double div, double inv_w, double inv_div,
                        int sq, double *out, double *kappa, var_carry *st, sxn_isa_t isa);

/* Outputs [from, t) by AVX-512 eight-lane blocks (indicators_var_lanes_avx512.c); from >= w rounded
 * up to 8, SXN_IND_VAR_FAST_MIN_W <= w <= SXN_IND_VAR_LANE_MAX_W. Call only when sxn_isa() is
 * SXN_ISA_AVX512: the file is compiled for AVX-512. */
void sxn_ind_var_series_lanes(const double *x, int64_t from, int64_t t, int64_t w, double div, int sq, double *out,
                              double *kappa, sxn_isa_t isa);

#endif
