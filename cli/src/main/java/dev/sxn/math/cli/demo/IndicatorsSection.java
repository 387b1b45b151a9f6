package dev.sxn.math.cli.demo;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.CompositeIndicators;
import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.indicators.Macd;
import dev.sxn.math.indicators.PriceMatrices;
import dev.sxn.math.indicators.SeriesBatch;
import java.util.EnumSet;

/**
 * Technical indicators on the market: the kernel-backed ones (SMA, EMA, rolling std, RSI) on one
 * asset and on the whole market as a time-major batch, timed on every backend and checked against
 * JAVA; then a snapshot of the indicator set for asset 0 and a cross-sectional ranking of the last
 * tick's returns.
 */
final class IndicatorsSection implements DemoSection {
    @Override
    public String title() {
        return "indicators.Indicators: SMA, EMA, rolling std, RSI (single and batched), MACD, Bollinger, ATR, VWAP";
    }

    @Override
    public void run(DemoContext ctx) {
        SyntheticMarket m = ctx.market();
        int k = m.assets();
        double[] close = m.close(0);
        int n = close.length;
        EnumSet<Backend> all = EnumSet.allOf(Backend.class);
        // Backends agree with JAVA to 1e-12 relative (the test suite's bound; the single-series
        // VECTOR SMA scans window differences and is bounded by (1024 + w) u sum|x|, far below it).
        double rtol = 1e-12, atol = 1e-12;
        ctx.acrossBackends("SMA(20), asset 0", all, rtol, atol, kind -> Indicators.on(kind).sma(close, 20));
        ctx.acrossBackends("EMA(20), asset 0", all, rtol, atol, kind -> Indicators.on(kind).ema(close, 20));
        ctx.acrossBackends("rolling std(20), asset 0", all, rtol, atol, kind -> Indicators.on(kind).rollingStd(close, 20, false));
        ctx.acrossBackends("RSI(14), asset 0", all, rtol, 1e-10, kind -> Indicators.on(kind).rsi(close, 14));

        double[][] closes = new double[k][];
        for (int a = 0; a < k; a++) closes[a] = m.close(a);
        SeriesBatch batch = SeriesBatch.of(closes);
        ctx.acrossBackends("EMA(20), " + k + " assets batched", all, rtol, atol, kind -> Indicators.on(kind).ema(batch, 20).data());
        ctx.acrossBackends("RSI(14), " + k + " assets batched", all, rtol, 1e-10, kind -> Indicators.on(kind).rsi(batch, 14).data());

        int last = n - 1;
        Macd macd = CompositeIndicators.macd(close, 12, 26, 9);
        double[] bbMid = CompositeIndicators.bollinger(close, 20, 2).middle(), bbUp = CompositeIndicators.bollinger(close, 20, 2).upper();
        double atr = CompositeIndicators.atr(m.high(0), m.low(0), close, 14)[last];
        double vwap = Indicators.vwapCumulative(close, m.volume(0))[last];
        double tema = Indicators.timeEma(close, m.time(0), 60.0)[last];
        double rsi = Indicators.rsi(close, 14)[last];
        ctx.line("asset 0 at tick %d: close %.4f, RSI %.1f, MACD %.4f (signal %.4f), Bollinger mid %.4f +- %.4f",
                last, close[last], rsi, macd.macd()[last], macd.signal()[last], bbMid[last], bbUp[last] - bbMid[last]);
        ctx.line("asset 0: ATR(14) %.4f (%.2f%% of price), session VWAP %.4f, time-aware EMA (tau 60 s) %.4f",
                atr, 100 * atr / close[last], vwap, tema);
        if (!(Math.abs(rsi - 50) <= 50)) ctx.fail("RSI outside [0, 100]: " + rsi);

        SeriesBatch z = PriceMatrices.crossSectionalZScore(PriceMatrices.deltaPercent(batch));
        int best = 0, worst = 0;
        for (int a = 1; a < k; a++) {
            if (z.get(a, last) > z.get(best, last)) best = a;
            if (z.get(a, last) < z.get(worst, last)) worst = a;
        }
        ctx.line("last tick, cross-sectional z of returns: strongest asset %d (z %.2f), weakest asset %d (z %.2f)",
                best, z.get(best, last), worst, z.get(worst, last));
    }
}
