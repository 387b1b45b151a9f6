/* Row kernels of the batched streaming indicators (stream.c), called by
 * dev.sxn.math.indicators.NativeStreamRowKernels and by the C harness (test/test_stream.c).
 *
 * One call steps k assets by one tick each. The per-asset state is struct-of-arrays, field f of asset a at
 * st[f * k + a] (counts stored as doubles); a call reads st_in and writes st_out and out only, so the Java side
 * can re-run it and peek into scratch. Each asset performs the operations of the Java single-series step
 * (EmaState, RsiState, RollingSumState, the true range) in the same order, compiled without contraction
 * (-ffp-contract=off), so every value equals the Java stream's bit for bit. The Java side checks every
 * argument first: k >= 1, seed / n / w >= 1, arrays of the documented sizes. */
#ifndef SXN_STREAM_H
#define SXN_STREAM_H

#include "sxn_dispatch.h"

#include <stdint.h>

/* EMA (EmaState): fields run, acc, e (3k doubles); alpha as given, beta = 1 - alpha. */
SXN_EXPORT void sxn_stream_ema(const double *x, int64_t k, const double *st_in, double *st_out, int64_t seed, double alpha,
                               double *out);
/* Wilder RSI over n changes (RsiState): fields run, prev, up, dn (4k doubles). */
SXN_EXPORT void sxn_stream_rsi(const double *x, int64_t k, const double *st_in, double *st_out, int64_t n, double *out);
/* Rolling sum times scale (RollingSumState, TwoSum-compensated): fields run, s, c (3k doubles); asset a's new
 * value at ring[p + a], the value leaving its window at ring[p + a - back]. */
SXN_EXPORT void sxn_stream_sum(const double *ring, int64_t p, int64_t back, int64_t k, const double *st_in, double *st_out, int64_t w,
                               double scale, double *out);
/* ATR: the true range with the previous close, then Wilder's EMA over n: fields previous close, run, acc, e
 * (4k doubles). */
SXN_EXPORT void sxn_stream_atr(const double *high, const double *low, const double *close, int64_t k, const double *st_in,
                               double *st_out, int64_t n, double *out);

#endif
