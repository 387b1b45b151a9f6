/* BLAS-1 style kernels on contiguous doubles: dot, axpy, scale, sum, sum of squares.
 * The Java side passes pointers already offset to the first element and n >= 0. */
#include "vectorops.h"

#include <immintrin.h>
#include <stddef.h>

/* ---- baseline: four independent accumulators so the adds pipeline ---- */
static double dot_base(const double *x, const double *y, int64_t n) {
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    int64_t i = 0;
    for (; i + 4 <= n; i += 4) {
        a0 += x[i] * y[i]; a1 += x[i + 1] * y[i + 1];
        a2 += x[i + 2] * y[i + 2]; a3 += x[i + 3] * y[i + 3];
    }
    for (; i < n; i++) a0 += x[i] * y[i];
    return (a0 + a1) + (a2 + a3);
}

static double sum_base(const double *x, int64_t n) {
    double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    int64_t i = 0;
    for (; i + 4 <= n; i += 4) { a0 += x[i]; a1 += x[i + 1]; a2 += x[i + 2]; a3 += x[i + 3]; }
    for (; i < n; i++) a0 += x[i];
    return (a0 + a1) + (a2 + a3);
}

static void axpy_base(double a, const double *x, double *y, int64_t n) {
    for (int64_t i = 0; i < n; i++) y[i] += a * x[i];
}

static void scale_base(double a, double *x, int64_t n) {
    for (int64_t i = 0; i < n; i++) x[i] *= a;
}

/* ---- AVX2 + FMA: 4 vectors of 4 lanes in flight ---- */
__attribute__((target("avx2,fma")))
static double hsum256(__m256d v) {
    __m128d lo = _mm256_castpd256_pd128(v), hi = _mm256_extractf128_pd(v, 1);
    lo = _mm_add_pd(lo, hi);
    return _mm_cvtsd_f64(_mm_add_sd(lo, _mm_unpackhi_pd(lo, lo)));
}

__attribute__((target("avx2,fma")))
static double dot_avx2(const double *x, const double *y, int64_t n) {
    __m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        a0 = _mm256_fmadd_pd(_mm256_loadu_pd(x + i), _mm256_loadu_pd(y + i), a0);
        a1 = _mm256_fmadd_pd(_mm256_loadu_pd(x + i + 4), _mm256_loadu_pd(y + i + 4), a1);
        a2 = _mm256_fmadd_pd(_mm256_loadu_pd(x + i + 8), _mm256_loadu_pd(y + i + 8), a2);
        a3 = _mm256_fmadd_pd(_mm256_loadu_pd(x + i + 12), _mm256_loadu_pd(y + i + 12), a3);
    }
    for (; i + 4 <= n; i += 4) a0 = _mm256_fmadd_pd(_mm256_loadu_pd(x + i), _mm256_loadu_pd(y + i), a0);
    double s = hsum256(_mm256_add_pd(_mm256_add_pd(a0, a1), _mm256_add_pd(a2, a3)));
    for (; i < n; i++) s += x[i] * y[i];
    return s;
}

__attribute__((target("avx2,fma")))
static double sum_avx2(const double *x, int64_t n) {
    __m256d a0 = _mm256_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        a0 = _mm256_add_pd(_mm256_loadu_pd(x + i), a0);
        a1 = _mm256_add_pd(_mm256_loadu_pd(x + i + 4), a1);
        a2 = _mm256_add_pd(_mm256_loadu_pd(x + i + 8), a2);
        a3 = _mm256_add_pd(_mm256_loadu_pd(x + i + 12), a3);
    }
    for (; i + 4 <= n; i += 4) a0 = _mm256_add_pd(_mm256_loadu_pd(x + i), a0);
    double s = hsum256(_mm256_add_pd(_mm256_add_pd(a0, a1), _mm256_add_pd(a2, a3)));
    for (; i < n; i++) s += x[i];
    return s;
}

__attribute__((target("avx2,fma")))
static void axpy_avx2(double a, const double *x, double *y, int64_t n) {
    __m256d va = _mm256_set1_pd(a);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        _mm256_storeu_pd(y + i, _mm256_fmadd_pd(va, _mm256_loadu_pd(x + i), _mm256_loadu_pd(y + i)));
        _mm256_storeu_pd(y + i + 4, _mm256_fmadd_pd(va, _mm256_loadu_pd(x + i + 4), _mm256_loadu_pd(y + i + 4)));
    }
    for (; i < n; i++) y[i] = __builtin_fma(a, x[i], y[i]);
}

__attribute__((target("avx2,fma")))
static void scale_avx2(double a, double *x, int64_t n) {
    __m256d va = _mm256_set1_pd(a);
    int64_t i = 0;
    for (; i + 4 <= n; i += 4) _mm256_storeu_pd(x + i, _mm256_mul_pd(va, _mm256_loadu_pd(x + i)));
    for (; i < n; i++) x[i] *= a;
}

/* ---- AVX-512F: masked tails, so no scalar remainder loop ---- */
__attribute__((target("avx512f")))
static double dot_avx512(const double *x, const double *y, int64_t n) {
    __m512d a0 = _mm512_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
    int64_t i = 0;
    for (; i + 32 <= n; i += 32) {
        a0 = _mm512_fmadd_pd(_mm512_loadu_pd(x + i), _mm512_loadu_pd(y + i), a0);
        a1 = _mm512_fmadd_pd(_mm512_loadu_pd(x + i + 8), _mm512_loadu_pd(y + i + 8), a1);
        a2 = _mm512_fmadd_pd(_mm512_loadu_pd(x + i + 16), _mm512_loadu_pd(y + i + 16), a2);
        a3 = _mm512_fmadd_pd(_mm512_loadu_pd(x + i + 24), _mm512_loadu_pd(y + i + 24), a3);
    }
    for (; i < n; i += 8) {
        __mmask8 m = (n - i) >= 8 ? (__mmask8) 0xFF : (__mmask8) ((1u << (n - i)) - 1u);
        a0 = _mm512_fmadd_pd(_mm512_maskz_loadu_pd(m, x + i), _mm512_maskz_loadu_pd(m, y + i), a0);
    }
    return _mm512_reduce_add_pd(_mm512_add_pd(_mm512_add_pd(a0, a1), _mm512_add_pd(a2, a3)));
}

__attribute__((target("avx512f")))
static double sum_avx512(const double *x, int64_t n) {
    __m512d a0 = _mm512_setzero_pd(), a1 = a0, a2 = a0, a3 = a0;
    int64_t i = 0;
    for (; i + 32 <= n; i += 32) {
        a0 = _mm512_add_pd(_mm512_loadu_pd(x + i), a0);
        a1 = _mm512_add_pd(_mm512_loadu_pd(x + i + 8), a1);
        a2 = _mm512_add_pd(_mm512_loadu_pd(x + i + 16), a2);
        a3 = _mm512_add_pd(_mm512_loadu_pd(x + i + 24), a3);
    }
    for (; i < n; i += 8) {
        __mmask8 m = (n - i) >= 8 ? (__mmask8) 0xFF : (__mmask8) ((1u << (n - i)) - 1u);
        a0 = _mm512_add_pd(_mm512_maskz_loadu_pd(m, x + i), a0);
    }
    return _mm512_reduce_add_pd(_mm512_add_pd(_mm512_add_pd(a0, a1), _mm512_add_pd(a2, a3)));
}

__attribute__((target("avx512f")))
static void axpy_avx512(double a, const double *x, double *y, int64_t n) {
    __m512d va = _mm512_set1_pd(a);
    for (int64_t i = 0; i < n; i += 8) {
        __mmask8 m = (n - i) >= 8 ? (__mmask8) 0xFF : (__mmask8) ((1u << (n - i)) - 1u);
        __m512d vy = _mm512_maskz_loadu_pd(m, y + i);
        _mm512_mask_storeu_pd(y + i, m, _mm512_fmadd_pd(va, _mm512_maskz_loadu_pd(m, x + i), vy));
    }
}

__attribute__((target("avx512f")))
static void scale_avx512(double a, double *x, int64_t n) {
    __m512d va = _mm512_set1_pd(a);
    for (int64_t i = 0; i < n; i += 8) {
        __mmask8 m = (n - i) >= 8 ? (__mmask8) 0xFF : (__mmask8) ((1u << (n - i)) - 1u);
        _mm512_mask_storeu_pd(x + i, m, _mm512_mul_pd(va, _mm512_maskz_loadu_pd(m, x + i)));
    }
}

/* ---- exported entry points ---- */
SXN_EXPORT double sxn_ddot(const double *x, const double *y, int64_t n) {
    return SXN_ISA_CALL(sxn_isa(), dot, x, y, n);
}

SXN_EXPORT double sxn_dsum(const double *x, int64_t n) {
    return SXN_ISA_CALL(sxn_isa(), sum, x, n);
}

SXN_EXPORT double sxn_dsumsq(const double *x, int64_t n) {
    return sxn_ddot(x, x, n);
}

SXN_EXPORT void sxn_daxpy(double a, const double *x, double *y, int64_t n) {
    SXN_ISA_CALL(sxn_isa(), axpy, a, x, y, n);
}

SXN_EXPORT void sxn_dscal(double a, double *x, int64_t n) {
    SXN_ISA_CALL(sxn_isa(), scale, a, x, n);
}
