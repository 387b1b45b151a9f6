/* Symplectic integration of particle ensembles under the built-in potentials (see the Java classes
 * dev.sxn.math.dynamics.Scheme and DynamicsKernels for the operation sequence every backend runs).
 *
 * Layout: coordinate k of particle i is q[k * stride + i]; the Java side passes pointers already offset
 * to the first particle of a block, count particles, and the ensemble's n as stride. Every body reads and
 * writes exactly q[k * stride + i], p[k * stride + i] for k < d, i < count.
 *
 * Vector bodies hold UMAX vectors of particles in registers for all steps: AVX-512 (8 lanes) 3 vectors,
 * three independent dependency chains to hide the FMA latency (measured: 2 vectors reach ~50% of the FMA
 * peak, 3 ~75%, 4 spill and fall back to ~55%); AVX2+FMA (4 lanes, 16 registers) 1 vector, since 2 spill.
 * Leftover particles use groups of fewer vectors, then the scalar body. d = 1..4 and Henon-Heiles are
 * vectorised, other d run the scalar body. The baseline body is scalar, without FMA, and follows the
 * Java reference operation for operation. */
#include "dynamics.h"

#include <immintrin.h>
#include <stddef.h>

#define SXN_DYN_MAXV 4

typedef struct {
    double a, b, c, kick_join, c_half, c_full;
    int stages, friction;
    double kick[SXN_DYN_MAX_STAGES + 1];
    double drift[SXN_DYN_MAX_STAGES];
} sxn_dyn_params;

/* ---- scalar body: any d, one particle at a time, plain multiply and add (no contraction) ---- */
static void grad_scalar(int d, int code, const double *q, double *g, const sxn_dyn_params *P) {
    if (code == SXN_DYN_HENON_HEILES) {
        double x = q[0], y = q[1];
        g[0] = x + 2.0 * x * y;
        g[1] = y + x * x - y * y;
        return;
    }
    double r2 = 0;
    for (int k = 0; k < d; k++) {
        double y = q[k] - P->c;
        r2 += y * y;
    }
    double s = P->a + P->b * r2;
    for (int k = 0; k < d; k++) g[k] = s * (q[k] - P->c);
}

static void particle_scalar(double *q, double *p, double *g, int d, int code, const sxn_dyn_params *P, int64_t steps) {
    const int m = P->stages;
    grad_scalar(d, code, q, g, P);
    if (P->friction) for (int k = 0; k < d; k++) p[k] *= P->c_half;
    for (int k = 0; k < d; k++) p[k] -= P->kick[0] * g[k];
    for (int64_t s = 0; s < steps; s++) {
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < d; k++) q[k] += P->drift[j] * p[k];
            grad_scalar(d, code, q, g, P);
            if (j < m - 1) for (int k = 0; k < d; k++) p[k] -= P->kick[j + 1] * g[k];
        }
        if (s < steps - 1) {
            if (P->friction) {
                for (int k = 0; k < d; k++) p[k] = (p[k] - P->kick[m] * g[k]) * P->c_full - P->kick[0] * g[k];
            } else {
                for (int k = 0; k < d; k++) p[k] -= P->kick_join * g[k];
            }
        } else {
            for (int k = 0; k < d; k++) p[k] -= P->kick[m] * g[k];
            if (P->friction) for (int k = 0; k < d; k++) p[k] *= P->c_half;
        }
    }
}

/* Particles [from, count) one at a time through small on-stack copies (d <= SXN_DYN_MAX_D; larger d in chunks of
 * the heap would need allocation, so the Java side never passes a larger d here). */
static void advance_scalar(double *q, double *p, int64_t from, int64_t count, int64_t stride, int d, int code,
                           const sxn_dyn_params *P, int64_t steps) {
    double qi[SXN_DYN_MAX_D], pi[SXN_DYN_MAX_D], g[SXN_DYN_MAX_D];
    for (int64_t i = from; i < count; i++) {
        for (int k = 0; k < d; k++) {
            qi[k] = q[k * stride + i];
            pi[k] = p[k * stride + i];
        }
        particle_scalar(qi, pi, g, d, code, P, steps);
        for (int k = 0; k < d; k++) {
            q[k * stride + i] = qi[k];
            p[k * stride + i] = pi[k];
        }
    }
}

/* ---- AVX2 + FMA body ---- */
#define SFX avx2
#define TGT __attribute__((target("avx2,fma")))
#define VT __m256d
#define W 4
#define UMAX 1
#define LD(ptr) _mm256_loadu_pd(ptr)
#define ST(ptr, v) _mm256_storeu_pd(ptr, v)
#define SET1(x) _mm256_set1_pd(x)
#define SUB(x, y) _mm256_sub_pd(x, y)
#define MUL(x, y) _mm256_mul_pd(x, y)
#define FMA(x, y, z) _mm256_fmadd_pd(x, y, z)
#define FNMA(x, y, z) _mm256_fnmadd_pd(x, y, z)
#include "dynamics_body.h"

/* ---- AVX-512F body ---- */
#define SFX avx512
#define TGT __attribute__((target("avx512f")))
#define VT __m512d
#define W 8
#define UMAX 3
#define LD(ptr) _mm512_loadu_pd(ptr)
#define ST(ptr, v) _mm512_storeu_pd(ptr, v)
#define SET1(x) _mm512_set1_pd(x)
#define SUB(x, y) _mm512_sub_pd(x, y)
#define MUL(x, y) _mm512_mul_pd(x, y)
#define FMA(x, y, z) _mm512_fmadd_pd(x, y, z)
#define FNMA(x, y, z) _mm512_fnmadd_pd(x, y, z)
#include "dynamics_body.h"

/* Advances count particles by steps steps (see the file comment).
 *   params = {a, b, c, kick_join, c_half, c_full, kick[0..stages], drift[0..stages-1]}
 * Returns 0, or -1 if stages or d is outside what this library was built for (the Java side checks first). */
SXN_EXPORT int32_t sxn_dynamics_advance(double *q, double *p, int64_t count, int64_t stride, int32_t d, int32_t code,
                                        int32_t stages, int32_t friction, const double *params, int64_t steps) {
    if (stages < 1 || stages > SXN_DYN_MAX_STAGES || d < 1 || d > SXN_DYN_MAX_D || (code == SXN_DYN_HENON_HEILES && d != 2)) return -1;
    if (count <= 0 || steps <= 0) return 0;
    sxn_dyn_params P;
    P.a = params[0];
    P.b = params[1];
    P.c = params[2];
    P.kick_join = params[3];
    P.c_half = params[4];
    P.c_full = params[5];
    P.stages = stages;
    P.friction = friction != 0;
    for (int j = 0; j <= stages; j++) P.kick[j] = params[6 + j];
    for (int j = 0; j < stages; j++) P.drift[j] = params[7 + stages + j];
    int64_t done = 0;
    switch (sxn_isa()) {
        case SXN_ISA_AVX512: done = advance_avx512(q, p, count, stride, d, code, &P, steps); break;
        case SXN_ISA_AVX2: done = advance_avx2(q, p, count, stride, d, code, &P, steps); break;
        default: break;
    }
    advance_scalar(q, p, done, count, stride, d, code, &P, steps);
    return 0;
}
