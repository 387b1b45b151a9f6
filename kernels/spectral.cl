// Rolling spectral entropy for dev.sxn.math.spectral (fp64): one work-group per window.
// Window g = base + group id is series g / count, window g % count, starting at x[s*length + w*step].
// Entropy H = ln T - (1/T) sum P ln P over the bins used (P = |X_k|^2, T = sum P), equal to
// -sum p ln p; a window with NaN or infinity makes T non-finite and the result NaN, as on the host
// (JavaEntropyKernels, the reference).
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

// Two sums reduced over the work-group by a tree in local memory; lsize is a power of two.
static void reduce2(__local double *a, __local double *b, double va, double vb) {
    const size_t lid = get_local_id(0), lsize = get_local_size(0);
    a[lid] = va;
    b[lid] = vb;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (size_t s = lsize / 2; s > 0; s >>= 1) {
        if (lid < s) {
            a[lid] += a[lid + s];
            b[lid] += b[lid + s];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
}

static double finish(double total, double plogp, double log_scale) {
    if (!(total > 0.0) || isinf(total)) return NAN;
    double h = log(total) - plogp / total;
    return (h < 0.0 ? 0.0 : h) * log_scale; // rounding can leave -1e-16 for a pure tone
}

// Power-of-two window w: radix-2 Stockham FFT of the window (imaginary part 0) in local memory.
// tw holds cos/sin(2 pi k / w) for k < w/2 (interleaved). Local: 4 w doubles + 2 lsize doubles.
__kernel void rolling_entropy_fft(__global const double *x, const int length, const int window, const int step,
                                  const int count, const int from, const double log_scale, const int base,
                                  __global const double *tw, __global double *out,
                                  __local double *buf, __local double *red) {
    const int g = base + (int) get_group_id(0);
    const int s = g / count, w = g % count;
    const int lid = get_local_id(0), lsize = get_local_size(0);
    __global const double *seg = x + (long) s * length + (long) w * step;
    __local double *xr = buf, *xi = buf + window, *yr = buf + 2 * window, *yi = buf + 3 * window;
    for (int i = lid; i < window; i += lsize) {
        xr[i] = seg[i];
        xi[i] = 0.0;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    const int nhalf = window / 2;
    for (int st = 1; st < window; st *= 2) {
        const int m = window / (2 * st);
        for (int idx = lid; idx < nhalf; idx += lsize) {
            const int j = idx / st, q = idx - j * st;
            const int a = q + st * j, b = a + st * m;
            const double ar = xr[a], ai = xi[a], br = xr[b], bi = xi[b];
            const int o = q + st * 2 * j;
            yr[o] = ar + br;
            yi[o] = ai + bi;
            const double c = tw[2 * (j * st)], sn = -tw[2 * (j * st) + 1];
            const double dr = ar - br, di = ai - bi;
            yr[o + st] = dr * c - di * sn;
            yi[o + st] = dr * sn + di * c;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        __local double *t = xr; xr = yr; yr = t;
        t = xi; xi = yi; yi = t;
    }
    double total = 0.0, plogp = 0.0;
    for (int k = from + lid; k <= nhalf; k += lsize) {
        const double p = xr[k] * xr[k] + xi[k] * xi[k];
        total += p;
        if (p > 0.0) plogp += p * log(p);
    }
    reduce2(red, red + lsize, total, plogp);
    if (lid == 0) out[get_group_id(0)] = finish(red[0], red[lsize], log_scale);
}

// Any window: direct DFT of the bins used, one bin per work-item at a time; tw holds
// cos/sin(2 pi k / w) for k < w (interleaved), indexed by (j k) mod w. O(w^2 / 2) per window.
__kernel void rolling_entropy_dft(__global const double *x, const int length, const int window, const int step,
                                  const int count, const int from, const double log_scale, const int base,
                                  __global const double *tw, __global double *out, __local double *red) {
    const int g = base + (int) get_group_id(0);
    const int s = g / count, w = g % count;
    const int lid = get_local_id(0), lsize = get_local_size(0);
    __global const double *seg = x + (long) s * length + (long) w * step;
    const int bins = window / 2 + 1;
    double total = 0.0, plogp = 0.0;
    for (int k = from + lid; k < bins; k += lsize) {
        double re = 0.0, im = 0.0;
        int idx = 0;
        for (int j = 0; j < window; j++) {
            re += seg[j] * tw[2 * idx];
            im -= seg[j] * tw[2 * idx + 1];
            idx += k;
            if (idx >= window) idx -= window;
        }
        const double p = re * re + im * im;
        total += p;
        if (p > 0.0) plogp += p * log(p);
    }
    reduce2(red, red + lsize, total, plogp);
    if (lid == 0) out[get_group_id(0)] = finish(red[0], red[lsize], log_scale);
}
