// Matrix profile (STOMP/SCAMP) diagonal walk for dev.sxn.math.series.MatrixProfile on OpenCL (fp64).
//
// The diagonals k in [kLo, kHi) are cut into blocks of DBLK = 128 consecutive diagonals and the rows
// into segments of `period` rows; one work-item walks one block over one segment (its tile),
// restarting each diagonal's covariance exactly at the segment's first row (a multiple of `period`,
// where every backend restarts, so the arithmetic matches the CPU kernels bit for bit: the
// reference JavaMatrixProfileKernels, and native/src/series_mp.c). Inside a tile
// the block is walked as four sub-blocks of 32 diagonals, each held in four double8 vectors
// (diagonals in lanes, as on the CPU), from the highest sub-block down.
// A tile writes only its own partial results: the best per row of its segment (buffer prow, one row
// array per block of the launch) and per column it touches (buffer pcol, split by segment parity so
// the overlapping column ranges of neighbouring segments never collide). mp_reduce_rows and
// mp_reduce_cols then merge the partials of the launch into the running best per row and column.
// Order everywhere: (r, idx) beats (R, IDX) when r > R, or r == R and idx < IDX; NaN never wins.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#pragma OPENCL FP_CONTRACT OFF

#define SUB 32 // diagonals per sub-block: four double8 vectors
#define NSUB 4
// The block width is shared with the host, which sizes the launches by it: one source,
// OpenClMatrixProfileKernels.DBLK, passed as -D; this kernel's shape must agree with it.
#ifndef SXN_MP_DBLK
#error "build with -D SXN_MP_DBLK=... (OpenClMatrixProfileKernels.OPENCL_OPTIONS)"
#endif
#if SXN_MP_DBLK != SUB * NSUB
#error "SXN_MP_DBLK must equal SUB * NSUB, the diagonals one work-item walks"
#endif
#define DBLK SXN_MP_DBLK

inline int better(double r, double idx, double best, double bestIdx) {
    return r > best || (r == best && idx < bestIdx);
}

inline double exact_cov(__global const double *ax, __global const double *amu, long i,
                        __global const double *bx, __global const double *bmu, long j, long m) {
    const double mx = amu[i], my = bmu[j];
    double c = 0.0;
    for (long t = 0; t < m; t++) c = fma(ax[i + t] - mx, bx[j + t] - my, c);
    return c;
}

// Vector rows of a sub-block, then its scalar tail. Sub-blocks run from the highest k down and each
// walks its rows upwards, so within a tile every column's candidates arrive in increasing row order:
// the vector column update can use a strict r > best (partials start at -inf; scalar tails and the
// reductions use the full rule). The row side reduces the 32 lanes in registers (largest correlation,
// fmax skipping NaN lanes; lowest index holding it) and merges it into the row's partial.
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
    const long kb = kFirst + bl * DBLK;
    const long r0 = s * period;
    const long rEnd = min(r0 + period, acount);
    __global double *rc = prowC + bl * acount, *ri = prowI + bl * acount;
    __global double *cc = pcolC + ((s & 1) * nblocks + bl) * bcount, *ci = pcolI + ((s & 1) * nblocks + bl) * bcount;
    for (long i = r0; i < rEnd; i++) { rc[i] = -INFINITY; ri[i] = -1.0; }
    const long cEnd = min(r0 + kb + period + DBLK - 1, bcount);
    for (long j = r0 + kb; j < cEnd; j++) { cc[j] = -INFINITY; ci[j] = -1.0; }

    double tmp[SUB];
    for (int sb = NSUB - 1; sb >= 0; sb--) {
        const long k0 = kb + sb * SUB;
        if (k0 >= kHi) continue;
        long vecEnd = r0;
        if (k0 + SUB <= kHi) vecEnd = max(r0, min(rEnd, bcount - (k0 + SUB - 1)));
        double8 c0 = (double8) (0.0), c1 = c0, c2 = c0, c3 = c0;
        for (long i = r0; i < vecEnd; i++) {
            const long j = i + k0;
            if (i == r0) {
                for (int d = 0; d < SUB; d++) tmp[d] = exact_cov(ax, amu, i, bx, bmu, j + d, m);
                c0 = vload8(0, tmp); c1 = vload8(1, tmp); c2 = vload8(2, tmp); c3 = vload8(3, tmp);
            } else {
                const double8 fa = (double8) (adf[i]), ga = (double8) (adg[i]);
                c0 = fma(vload8(0, bdf + j), ga, fma(vload8(0, bdg + j), fa, c0));
                c1 = fma(vload8(1, bdf + j), ga, fma(vload8(1, bdg + j), fa, c1));
                c2 = fma(vload8(2, bdf + j), ga, fma(vload8(2, bdg + j), fa, c2));
                c3 = fma(vload8(3, bdf + j), ga, fma(vload8(3, bdg + j), fa, c3));
            }
            const double ia = ainv[i];
            const double8 r0v = c0 * ia * vload8(0, binv + j), r1v = c1 * ia * vload8(1, binv + j);
            const double8 r2v = c2 * ia * vload8(2, binv + j), r3v = c3 * ia * vload8(3, binv + j);
            const double8 iv = (double8) ((double) i);
            double8 cb;
            long8 u;
            cb = vload8(0, cc + j); u = isgreater(r0v, cb); vstore8(select(cb, r0v, u), 0, cc + j); vstore8(select(vload8(0, ci + j), iv, u), 0, ci + j);
            cb = vload8(1, cc + j); u = isgreater(r1v, cb); vstore8(select(cb, r1v, u), 1, cc + j); vstore8(select(vload8(1, ci + j), iv, u), 1, ci + j);
            cb = vload8(2, cc + j); u = isgreater(r2v, cb); vstore8(select(cb, r2v, u), 2, cc + j); vstore8(select(vload8(2, ci + j), iv, u), 2, ci + j);
            cb = vload8(3, cc + j); u = isgreater(r3v, cb); vstore8(select(cb, r3v, u), 3, cc + j); vstore8(select(vload8(3, ci + j), iv, u), 3, ci + j);
            const double8 mx8 = fmax(fmax(r0v, r1v), fmax(r2v, r3v));
            const double4 mx4 = fmax(mx8.lo, mx8.hi);
            const double2 mx2 = fmax(mx4.lo, mx4.hi);
            const double mx = fmax(mx2.x, mx2.y);
            if (!isnan(mx) && mx >= rc[i]) {
                const double8 lane = (double8) (0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0) + (double) j;
                const double8 none = (double8) (INFINITY);
                const double8 bm = (double8) (mx);
                const double8 id8 = fmin(fmin(select(none, lane, r0v == bm), select(none, lane + 8.0, r1v == bm)),
                                         fmin(select(none, lane + 16.0, r2v == bm), select(none, lane + 24.0, r3v == bm)));
                const double4 id4 = fmin(id8.lo, id8.hi);
                const double2 id2 = fmin(id4.lo, id4.hi);
                const double id = fmin(id2.x, id2.y);
                if (better(mx, id, rc[i], ri[i])) { rc[i] = mx; ri[i] = id; }
            }
        }
        vstore8(c0, 0, tmp); vstore8(c1, 1, tmp); vstore8(c2, 2, tmp); vstore8(c3, 3, tmp);

        const long kEnd = min(k0 + SUB, kHi);
        for (long k = k0; k < kEnd; k++) {
            const long len = min(rEnd, bcount - k);
            double c = tmp[k - k0];
            for (long i = vecEnd; i < len; i++) {
                const long j = i + k;
                if (i == r0) {
                    c = exact_cov(ax, amu, i, bx, bmu, j, m);
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
