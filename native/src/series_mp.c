/* Matrix profile (STOMP/SCAMP) diagonal walk for dev.sxn.math.series.MatrixProfile.
 *
 * For diagonals j = i + k, k in [k_lo, k_hi), of the window cross-correlation matrix of series a
 * (rows i) and b (columns j), keep per row and per column the largest correlation and its index, in
 * exactly the arithmetic of JavaMatrixProfileKernels (so results are bit-identical to Java):
 *   i % period == 0: c = sum_t fma(a.x[i+t] - a.mu[i], b.x[j+t] - b.mu[j], c)   (exact restart)
 *   otherwise:       c = fma(a.df[i], b.dg[j], c); c = fma(b.df[j], a.dg[i], c)
 *   r = (c * a.inv[i]) * b.inv[j];  replaces (R, IDX) when r > R or (r == R and idx < IDX).
 * Indices are stored as doubles. The SIMD bodies keep 4 vectors of consecutive diagonals in lanes
 * (16 diagonals on AVX2, 32 on AVX-512): column-side data are contiguous loads/stores, the row-side
 * best is reduced lane by lane only when some lane reaches it.
 * Visiting order: the diagonals left over after the last whole tile go first (scalar, full rule), then
 * the tiles from the highest k0 down, each row by row and then its scalar tail. So every vector update
 * of column j at row i comes after all earlier candidates of column j, and those all have rows < i:
 * a strict r > R test in the vector column update then gives exactly the lowest-index tie rule. A
 * caller that splits the diagonal range must call the parts from the highest down (the Java side
 * does). Every body reads x[0 .. count+m-1), the per-window arrays [0, count) and writes the outputs
 * [0, count) only. The vector bodies are written once, in series_mp_body.h. */
#include "series.h"

#include <immintrin.h>
#include <math.h>
#include <stddef.h>

typedef struct {
    const double *x, *mu, *df, *dg, *inv;
    int64_t count;
} mp_win;

static inline int64_t min64(int64_t p, int64_t q) { return p < q ? p : q; }

static double exact_cov(const mp_win *a, int64_t i, const mp_win *b, int64_t j, int64_t m) {
    double mx = a->mu[i], my = b->mu[j], c = 0.0;
    for (int64_t t = 0; t < m; t++) c = fma(a->x[i + t] - mx, b->x[j + t] - my, c);
    return c;
}

/* Diagonal k from row i_start; cov is the covariance at row i_start - 1 (ignored on a restart row). */
static void diag_scalar(const mp_win *a, const mp_win *b, int64_t m, int64_t period, int64_t k, int64_t i_start,
                        double cov, double *rc, double *ri, double *cc, double *ci) {
    int64_t len = min64(a->count, b->count - k);
    double c = cov;
    int64_t restart = (i_start + period - 1) / period * period; /* first restart row >= i_start */
    for (int64_t i = i_start; i < len; i++) {
        int64_t j = i + k;
        if (i == restart) {
            restart += period;
            c = exact_cov(a, i, b, j, m);
        } else {
            c = fma(a->df[i], b->dg[j], c);
            c = fma(b->df[j], a->dg[i], c);
        }
        double r = c * a->inv[i] * b->inv[j];
        if (r > rc[i] || (r == rc[i] && (double) j < ri[i])) { rc[i] = r; ri[i] = (double) j; }
        if (r > cc[j] || (r == cc[j] && (double) i < ci[j])) { cc[j] = r; ci[j] = (double) i; }
    }
}

static void row_slow(const double *tmp, int w, int64_t i, int64_t j, double *rc, double *ri) {
    double best = rc[i], idx = ri[i];
    for (int d = 0; d < w; d++) {
        double r = tmp[d];
        if (r > best || (r == best && (double) (j + d) < idx)) { best = r; idx = (double) (j + d); }
    }
    rc[i] = best;
    ri[i] = idx;
}

/* ---- vector bodies (series_mp_body.h): the per-ISA column update and row test, then the tile ---- */

/* AVX2 + FMA: 4 x 4 diagonals */
__attribute__((target("avx2,fma")))
static inline void col_avx2(__m256d r, __m256d iv, int64_t j, double *cc, double *ci) {
    __m256d cb = _mm256_loadu_pd(cc + j), cix = _mm256_loadu_pd(ci + j);
    __m256d better = _mm256_cmp_pd(r, cb, _CMP_GT_OQ); /* strict: see the visiting order above */
    _mm256_storeu_pd(cc + j, _mm256_blendv_pd(cb, r, better));
    _mm256_storeu_pd(ci + j, _mm256_blendv_pd(cix, iv, better));
}

__attribute__((target("avx2,fma")))
static inline int any_ge_avx2(__m256d r0, __m256d r1, __m256d r2, __m256d r3, __m256d rb) {
    __m256d hit = _mm256_or_pd(_mm256_or_pd(_mm256_cmp_pd(r0, rb, _CMP_GE_OQ), _mm256_cmp_pd(r1, rb, _CMP_GE_OQ)),
                               _mm256_or_pd(_mm256_cmp_pd(r2, rb, _CMP_GE_OQ), _mm256_cmp_pd(r3, rb, _CMP_GE_OQ)));
    return _mm256_movemask_pd(hit);
}

#define MP_SFX avx2
#define MP_TGT __attribute__((target("avx2,fma")))
#define MP_VT __m256d
#define MP_VW 4
#define MP_LD _mm256_loadu_pd
#define MP_ST _mm256_storeu_pd
#define MP_SET1 _mm256_set1_pd
#define MP_SUB _mm256_sub_pd
#define MP_MUL _mm256_mul_pd
#define MP_ZERO _mm256_setzero_pd
#define MP_FMA _mm256_fmadd_pd
#include "series_mp_body.h"

/* AVX-512F: 4 x 8 diagonals */
__attribute__((target("avx512f")))
static inline void col_avx512(__m512d r, __m512d iv, int64_t j, double *cc, double *ci) {
    __m512d cb = _mm512_loadu_pd(cc + j);
    __mmask8 better = _mm512_cmp_pd_mask(r, cb, _CMP_GT_OQ); /* strict: see the visiting order above */
    _mm512_mask_storeu_pd(cc + j, better, r);
    _mm512_mask_storeu_pd(ci + j, better, iv);
}

__attribute__((target("avx512f")))
static inline int any_ge_avx512(__m512d r0, __m512d r1, __m512d r2, __m512d r3, __m512d rb) {
    return (_mm512_cmp_pd_mask(r0, rb, _CMP_GE_OQ) | _mm512_cmp_pd_mask(r1, rb, _CMP_GE_OQ)
            | _mm512_cmp_pd_mask(r2, rb, _CMP_GE_OQ) | _mm512_cmp_pd_mask(r3, rb, _CMP_GE_OQ)) != 0;
}

#define MP_SFX avx512
#define MP_TGT __attribute__((target("avx512f")))
#define MP_VT __m512d
#define MP_VW 8
#define MP_LD _mm512_loadu_pd
#define MP_ST _mm512_storeu_pd
#define MP_SET1 _mm512_set1_pd
#define MP_SUB _mm512_sub_pd
#define MP_MUL _mm512_mul_pd
#define MP_ZERO _mm512_setzero_pd
#define MP_FMA _mm512_fmadd_pd
#include "series_mp_body.h"

/* Diagonals per tile of each vector body (4 vectors). */
#define TILE_AVX2 16
#define TILE_AVX512 32

/* ---- exported entry point (arguments: series.h) ---- */
SXN_EXPORT void sxn_series_mp_diagonals(const double *a_x, const double *a_mu, const double *a_df, const double *a_dg,
                                        const double *a_inv, int64_t a_count,
                                        const double *b_x, const double *b_mu, const double *b_df, const double *b_dg,
                                        const double *b_inv, int64_t b_count,
                                        int64_t m, int64_t period, int64_t k_lo, int64_t k_hi,
                                        double *row_corr, double *row_idx, double *col_corr, double *col_idx) {
    mp_win a = {a_x, a_mu, a_df, a_dg, a_inv, a_count};
    mp_win b = {b_x, b_mu, b_df, b_dg, b_inv, b_count};
    sxn_isa_t isa = sxn_isa();
    int64_t w = isa == SXN_ISA_AVX512 ? TILE_AVX512 : isa == SXN_ISA_AVX2 ? TILE_AVX2 : 1;
    int64_t tiles = isa == SXN_ISA_BASE ? 0 : (k_hi - k_lo) / w;
    for (int64_t k = k_lo + tiles * w; k < k_hi; k++) diag_scalar(&a, &b, m, period, k, 0, 0.0, row_corr, row_idx, col_corr, col_idx);
    for (int64_t t = tiles - 1; t >= 0; t--) {
        int64_t k0 = k_lo + t * w;
        if (isa == SXN_ISA_AVX512) tile_avx512(&a, &b, m, period, k0, row_corr, row_idx, col_corr, col_idx);
        else tile_avx2(&a, &b, m, period, k0, row_corr, row_idx, col_corr, col_idx);
    }
}
