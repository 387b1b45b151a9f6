/* The batched zero-fee TFMM pass (amm.h): one body (amm_body.h) compiled for the baseline, AVX2 and
 * AVX-512, chosen at run time. */
#include "amm.h"
#include "paths.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

/* ewma, a, prev, bs, df, wp, wc, lr, out (n x count each); pt, wt, val (count each); g, dw, target, diff, lp (n each). */
int64_t sxn_amm_work_size(int64_t n, int64_t count) {
    return 9 * n * count + 3 * count + 5 * n;
}

#define SXN_AMM_SUFFIX base
#include "amm_body.h"

#pragma GCC push_options
#pragma GCC target("avx2,fma")
#define SXN_AMM_SUFFIX avx2
#include "amm_body.h"
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx512f,avx512dq,avx512vl,fma,avx2")
#define SXN_AMM_SUFFIX avx512
#include "amm_body.h"
#pragma GCC pop_options

void sxn_amm_sweep_zero_fee(const double *prices, int64_t n, int64_t start, int64_t rows, int32_t cp, int32_t m, double eps, double max_change,
                            int32_t dynamic, const double *w0, const double *log_r0, double value0, const double *lambda, const double *k,
                            int64_t count, double *values, double *work) {
    SXN_ISA_CALL(sxn_isa(), amm_sweep, prices, n, start, rows, cp, m, eps, max_change, dynamic, w0, log_r0, value0, lambda, k, count,
                 values, work);
}
