/* BLAS-1 style kernels of libsxnkernels (vectorops.c), called by
 * dev.sxn.math.linalg.NativeVectorOpsKernels and by the C harness (test/test_vectorops.c). The Java
 * side passes pointers already offset to the first element and n >= 0. */
#ifndef SXN_VECTOROPS_H
#define SXN_VECTOROPS_H

#include "sxn_dispatch.h"

#include <stdint.h>

/* sum x[i] y[i] */
SXN_EXPORT double sxn_ddot(const double *x, const double *y, int64_t n);
/* sum x[i] */
SXN_EXPORT double sxn_dsum(const double *x, int64_t n);
/* sum x[i]^2 */
SXN_EXPORT double sxn_dsumsq(const double *x, int64_t n);
/* y[i] += a x[i] */
SXN_EXPORT void sxn_daxpy(double a, const double *x, double *y, int64_t n);
/* x[i] *= a */
SXN_EXPORT void sxn_dscal(double a, double *x, int64_t n);

#endif
