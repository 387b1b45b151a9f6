// BLAS-1 kernels for dev.sxn.math.linalg.VectorOps on OpenCL (fp64).
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

// One partial sum per work-group: each work-item accumulates a grid-stride slice, then the group
// reduces its items by a tree in local memory. mode 0: sum x; 1: sum x*x; 2: sum x*y.
// The host adds the per-group partials in order.
__kernel void reduce_partial(__global const double *x, __global const double *y, const long n,
                             const int mode, __global double *partial, __local double *scratch) {
    const size_t lid = get_local_id(0);
    const size_t lsize = get_local_size(0);
    const long stride = (long) get_global_size(0);
    double acc = 0.0;
    for (long i = (long) get_global_id(0); i < n; i += stride) {
        const double v = x[i];
        acc += mode == 0 ? v : (mode == 1 ? v * v : v * y[i]);
    }
    scratch[lid] = acc;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (size_t s = lsize / 2; s > 0; s >>= 1) {
        if (lid < s) scratch[lid] += scratch[lid + s];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) partial[get_group_id(0)] = scratch[0];
}

// y[i] += a * x[i] for i < n.
__kernel void axpy(const double a, __global const double *x, __global double *y, const long n) {
    const long i = (long) get_global_id(0);
    if (i < n) y[i] += a * x[i];
}

// x[i] *= a for i < n.
__kernel void scale(const double a, __global double *x, const long n) {
    const long i = (long) get_global_id(0);
    if (i < n) x[i] *= a;
}
