/* Matrix-profile kernels of libsxnkernels (series_mp.c), called by
 * dev.sxn.math.series.NativeMatrixProfileKernels and by the C harness (test/test_series.c). */
#ifndef SXN_SERIES_H
#define SXN_SERIES_H

#include "sxn_dispatch.h"

#include <stdint.h>

/* The diagonal walk of the window cross-correlation matrix (see series_mp.c for the arithmetic, which
 * is JavaMatrixProfileKernels' bit for bit, and the visiting order).
 * a_*: series a (rows), b_*: series b (columns), each: x (count + m - 1 values), mu, df, dg, inv
 * (count values). Requires 0 <= k_lo <= k_hi <= b_count, m >= 1, period >= 1. row_corr / row_idx
 * (a_count values) and col_corr / col_idx (b_count values) hold the running bests and are updated.
 * A caller that splits [k_lo, k_hi) must call the parts from the highest down. */
SXN_EXPORT void sxn_series_mp_diagonals(const double *a_x, const double *a_mu, const double *a_df, const double *a_dg,
                                        const double *a_inv, int64_t a_count,
                                        const double *b_x, const double *b_mu, const double *b_df, const double *b_dg,
                                        const double *b_inv, int64_t b_count,
                                        int64_t m, int64_t period, int64_t k_lo, int64_t k_hi,
                                        double *row_corr, double *row_idx, double *col_corr, double *col_idx);

#endif
