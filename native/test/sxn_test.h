/* A minimal assertion harness for the native kernels (run by ctest, under ASan+UBSan in CI).
 * Buffers come from sxn_test_alloc, sized exactly, so any read or write past the end is caught. */
#ifndef SXN_TEST_H
#define SXN_TEST_H
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static int sxn_failures = 0;
static int sxn_checks = 0;

#define SXN_CHECK_CLOSE(got, want, atol, rtol, what, idx)                                        \
    do {                                                                                        \
        double g_ = (got), w_ = (want);                                                         \
        sxn_checks++;                                                                           \
        if (!(fabs(g_ - w_) <= (atol) + (rtol) * fabs(w_))) {                                   \
            if (sxn_failures++ < 20)                                                            \
                fprintf(stderr, "FAIL %s [%ld]: got %.17g want %.17g\n", what, (long) (idx), g_, w_); \
        }                                                                                       \
    } while (0)

static double *sxn_test_alloc(long n) {
    /* malloc(0) may return NULL; kernels never dereference for n == 0, so one element is fine. */
    double *p = malloc(sizeof(double) * (size_t) (n > 0 ? n : 1));
    if (!p) { perror("malloc"); exit(2); }
    return p;
}

static double sxn_test_uniform(unsigned long long *state) {
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double) (*state >> 11) * 0x1.0p-53 * 2.0 - 1.0;
}

static int sxn_test_finish(const char *name) {
    printf("%s: %d checks, %d failures\n", name, sxn_checks, sxn_failures);
    return sxn_failures == 0 ? 0 : 1;
}
#endif
