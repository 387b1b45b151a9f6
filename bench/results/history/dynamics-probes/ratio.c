/* Best-of-N interleaved: AVX-512 FMA peak (12 independent chains) vs sxn_dynamics_advance
 * (anharmonic, d = 3, leapfrog, 256 steps, blocks of 8192 particles as the Java side passes them).
 * The machine is shared: the maximum over rounds is the least-disturbed estimate of each; both run the
 * same number of flops per round. */
#include <immintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
int32_t sxn_dynamics_advance(double *q, double *p, int64_t count, int64_t stride, int32_t d, int32_t code, int32_t stages,
                             int32_t friction, const double *params, int64_t steps);
#define CH(i) __m512d a##i = _mm512_set1_pd(i);
#define ST(i) a##i = _mm512_fmadd_pd(a##i, x, y);
__attribute__((target("avx512f"))) static double peak(long iters) {
    __m512d x = _mm512_set1_pd(0.999999), y = _mm512_set1_pd(1e-7);
    CH(0) CH(1) CH(2) CH(3) CH(4) CH(5) CH(6) CH(7) CH(8) CH(9) CH(10) CH(11)
    for (long it = 0; it < iters; it++) {
        ST(0) ST(1) ST(2) ST(3) ST(4) ST(5) ST(6) ST(7) ST(8) ST(9) ST(10) ST(11)
        __asm__ volatile("" : "+v"(a0), "+v"(a1), "+v"(a2), "+v"(a3), "+v"(a4), "+v"(a5));
    }
    __m512d s = _mm512_add_pd(_mm512_add_pd(_mm512_add_pd(a0, a1), _mm512_add_pd(a2, a3)), _mm512_add_pd(_mm512_add_pd(a4, a5), _mm512_add_pd(a6, a7)));
    s = _mm512_add_pd(s, _mm512_add_pd(_mm512_add_pd(a8, a9), _mm512_add_pd(a10, a11)));
    return _mm512_reduce_add_pd(s);
}
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + 1e-9 * t.tv_nsec; }
int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 100000; int rounds = argc > 2 ? atoi(argv[2]) : 15;
    double *q = malloc(3 * n * 8), *p = malloc(3 * n * 8);
    for (long i = 0; i < 3 * n; i++) { q[i] = 0.5 * ((i * 7919) % 1000) / 1000.0 - 0.25; p[i] = 0.1; }
    double h = 0.01, params[9] = {1.0, 1.0, 0, h, 1, 1, 0.5 * h, 0.5 * h, h};
    double bestPeak = 0, bestKernel = 0, sink = 0;
    for (int r = 0; r < rounds; r++) {
        /* Same flop count as the kernel call, so both measurements last about as long and are equally
         * likely to be interrupted (best-of favours the shorter one otherwise). */
        long iters = (long) (n * 256.0 * 22 / (12 * 16)); double t0 = now(); sink += peak(iters); double t1 = now();
        double g = iters * 12.0 * 16 / (t1 - t0) / 1e9; if (g > bestPeak) bestPeak = g;
        t0 = now();
        for (long i0 = 0; i0 < n; i0 += 8192) { long c = n - i0 < 8192 ? n - i0 : 8192; sxn_dynamics_advance(q + i0, p + i0, c, n, 3, 0, 1, 0, params, 256); }
        t1 = now();
        double k = n * 256.0 * 22 / (t1 - t0) / 1e9; if (k > bestKernel) bestKernel = k;
    }
    printf("n=%ld best of %d: peak %.1f GFLOP/s, kernel %.1f GFLOP/s = %.2e particle-steps/s = %.0f%% of peak (%g)\n", n, rounds, bestPeak, bestKernel,
           bestKernel * 1e9 / 22, 100 * bestKernel / bestPeak, sink + q[0]);
}
