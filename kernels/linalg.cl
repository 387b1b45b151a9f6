// Dense GEMM for dev.sxn.math.linalg.Linalg on OpenCL (fp64), column-major like the Java side.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

// The tile edge is shared with the host, which sizes the work-groups by it: one source,
// OpenClGemmKernels.TS, passed as -D.
#ifndef SXN_GEMM_TS
#error "build with -D SXN_GEMM_TS=... (OpenClGemmKernels.OPENCL_OPTIONS)"
#endif
#define TS SXN_GEMM_TS

// C := alpha op(A) op(B) + beta C (beta == 0: C is not read), C m x n with leading dimension ldc.
// op(A)(i, p) = transA ? a[p + i lda] : a[i + p lda]; op(B)(p, j) = transB ? b[j + p ldb] : b[p + j ldb].
// One work-item per entry of C, TS x TS work-groups; each step stages a TS x TS tile of op(A) and of
// op(B) in local memory (zero-padded at the edges) so every global value is read once per work-group.
// Dimension 0 runs down a column of C (contiguous in column-major), so neighbouring work-items read
// neighbouring addresses of A (not transposed) and write neighbouring entries of C. The +1 column of
// padding keeps the transposed tile accesses off a single local-memory bank.
__kernel void gemm_tiled(const int m, const int n, const int k, const double alpha,
                         __global const double *a, const int lda, const int transA,
                         __global const double *b, const int ldb, const int transB,
                         const double beta, __global double *c, const int ldc) {
    __local double as[TS][TS + 1];
    __local double bs[TS][TS + 1];
    const int li = get_local_id(0);
    const int lj = get_local_id(1);
    const int i = get_group_id(0) * TS + li;
    const int j = get_group_id(1) * TS + lj;
    double acc = 0.0;
    for (int p0 = 0; p0 < k; p0 += TS) {
        const int pa = p0 + lj; // this work-item loads op(A)(i, pa) ...
        as[lj][li] = (i < m && pa < k) ? (transA ? a[pa + (long) i * lda] : a[i + (long) pa * lda]) : 0.0;
        const int pb = p0 + li; // ... and op(B)(pb, j)
        bs[lj][li] = (j < n && pb < k) ? (transB ? b[j + (long) pb * ldb] : b[pb + (long) j * ldb]) : 0.0;
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int t = 0; t < TS; t++) acc = fma(as[t][li], bs[lj][t], acc);
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (i < m && j < n) {
        const long idx = i + (long) j * ldc;
        c[idx] = beta == 0.0 ? alpha * acc : alpha * acc + beta * c[idx];
    }
}
