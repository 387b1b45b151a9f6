/* Checks every BLAS-1 kernel against a naive loop for n = 0..300 (all tails of every body). */
#include "sxn_test.h"
#include "vectorops.h"
#include <stdint.h>

int main(void) {
    unsigned long long seed = 42;
    for (long n = 0; n <= 300; n++) {
        double *x = sxn_test_alloc(n), *y = sxn_test_alloc(n), *y2 = sxn_test_alloc(n);
        double dot = 0, sum = 0, sq = 0, absdot = 0, abssum = 0;
        for (long i = 0; i < n; i++) {
            x[i] = sxn_test_uniform(&seed);
            y[i] = sxn_test_uniform(&seed);
            dot += x[i] * y[i]; absdot += fabs(x[i] * y[i]);
            sum += x[i]; abssum += fabs(x[i]); sq += x[i] * x[i];
        }
        /* Summation-order bound: |error| <= 2 n eps sum|terms|. */
        double eps = 0x1.0p-52;
        SXN_CHECK_CLOSE(sxn_ddot(x, y, n), dot, 2 * n * eps * absdot, 0, "ddot", n);
        SXN_CHECK_CLOSE(sxn_dsum(x, n), sum, 2 * n * eps * abssum, 0, "dsum", n);
        SXN_CHECK_CLOSE(sxn_dsumsq(x, n), sq, 2 * n * eps * sq, 0, "dsumsq", n);
        for (long i = 0; i < n; i++) y2[i] = y[i];
        sxn_daxpy(0.75, x, y2, n);
        for (long i = 0; i < n; i++) SXN_CHECK_CLOSE(y2[i], y[i] + 0.75 * x[i], 1e-15, 1e-15, "daxpy", i);
        sxn_dscal(-1.5, y, n);
        for (long i = 0; i < n; i++) SXN_CHECK_CLOSE(y[i], -1.5 * (y2[i] - 0.75 * x[i]), 1e-14, 1e-14, "dscal", i);
        free(x); free(y); free(y2);
    }
    printf("isa level %d\n", sxn_isa_level());
    return sxn_test_finish("test_vectorops");
}
