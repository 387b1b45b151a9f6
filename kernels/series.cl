// Matrix profile (STOMP/SCAMP) diagonal walk for dev.sxn.math.series.MatrixProfile on OpenCL (fp64).
//
// The diagonals k in [kLo, kHi) are cut into blocks of DBLK consecutive diagonals and the rows into
// segments of `period` rows; one work-item walks one block over one segment (its tile), one diagonal
// after another, restarting each diagonal's covariance exactly at the segment's first row (a multiple
// of `period`, where every backend restarts, so the arithmetic matches the CPU kernels bit for bit).
// A tile writes only its own partial results: the best per row of its segment (buffer prow, one row
// array per block of the launch) and per column it touches (buffer pcol, split by segment parity so
// the overlapping column ranges of neighbouring segments never collide). mp_reduce_rows and
// mp_reduce_cols then merge the partials of the launch into the running best per row and column.
// Order everywhere: (r, idx) beats (R, IDX) when r > R, or r == R and idx < IDX; NaN never wins.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#pragma OPENCL FP_CONTRACT OFF

#define DBLK 32

inline int better(double r, double idx, double best, double bestIdx) {
    return r > best || (r == best && idx < bestIdx);
}

__kernel void mp_tiles(__global const double *ax, __global const double *amu, __global const double *adf,
                       __global const double *adg, __global const double *ainv, const long acount,
                       __global const double *bx, __global const double *bmu, __global const double *bdf,
                       __global const double *bdg, __global const double *binv, const long bcount,
                       const long m, const long period, const long kFirst, const long kHi,
                       const long nblocks, const long nseg,
                       __global double *prowC, __global double *prowI, __global double *pcolC, __global double *pcolI) {
    const long gid = (long) get_global_id(0);
    if (gid >= nblocks * nseg) return;
    const long bl = gid % nblocks, s = gid / nblocks;
    const long k0 = kFirst + bl * DBLK;
    const long r0 = s * period;
    const long rEnd = min(r0 + period, acount);
    __global double *rc = prowC + bl * acount, *ri = prowI + bl * acount;
    __global double *cc = pcolC + ((s & 1) * nblocks + bl) * bcount, *ci = pcolI + ((s & 1) * nblocks + bl) * bcount;
    for (long i = r0; i < rEnd; i++) { rc[i] = -INFINITY; ri[i] = -1.0; }
    const long cEnd = min(r0 + k0 + period + DBLK - 1, bcount);
    for (long j = r0 + k0; j < cEnd; j++) { cc[j] = -INFINITY; ci[j] = -1.0; }
    const long kEnd = min(k0 + DBLK, kHi);
    for (long k = k0; k < kEnd; k++) {
        const long len = min(rEnd, bcount - k);
        double c = 0.0;
        for (long i = r0; i < len; i++) {
            const long j = i + k;
            if (i == r0) {
                const double mx = amu[i], my = bmu[j];
                c = 0.0;
                for (long t = 0; t < m; t++) c = fma(ax[i + t] - mx, bx[j + t] - my, c);
            } else {
                c = fma(adf[i], bdg[j], c);
                c = fma(bdf[j], adg[i], c);
            }
            const double r = c * ainv[i] * binv[j];
            if (better(r, (double) j, rc[i], ri[i])) { rc[i] = r; ri[i] = (double) j; }
            if (better(r, (double) i, cc[j], ci[j])) { cc[j] = r; ci[j] = (double) i; }
        }
    }
}

__kernel void mp_reduce_rows(__global const double *prowC, __global const double *prowI, const long acount,
                             const long nblocks, __global double *rowC, __global double *rowI) {
    const long i = (long) get_global_id(0);
    if (i >= acount) return;
    double best = rowC[i], idx = rowI[i];
    for (long bl = 0; bl < nblocks; bl++) {
        const double r = prowC[bl * acount + i], q = prowI[bl * acount + i];
        if (q >= 0.0 && better(r, q, best, idx)) { best = r; idx = q; }
    }
    rowC[i] = best;
    rowI[i] = idx;
}

__kernel void mp_reduce_cols(__global const double *pcolC, __global const double *pcolI, const long bcount,
                             const long acount, const long period, const long kFirst, const long nblocks,
                             const long nseg, __global double *colC, __global double *colI) {
    const long j = (long) get_global_id(0);
    if (j >= bcount) return;
    double best = colC[j], idx = colI[j];
    for (long bl = 0; bl < nblocks; bl++) {
        const long off = j - (kFirst + bl * DBLK);
        if (off < 0) continue;
        const long sHi = off / period;
        for (long s = sHi - 1; s <= sHi; s++) {
            if (s < 0 || s >= nseg) continue;
            if (off - s * period >= period + DBLK - 1) continue; // outside that tile's column range
            const long at = ((s & 1) * nblocks + bl) * bcount + j;
            const double r = pcolC[at], q = pcolI[at];
            if (q >= 0.0 && better(r, q, best, idx)) { best = r; idx = q; }
        }
    }
    colC[j] = best;
    colI[j] = idx;
}
