package dev.sxn.math.cli.demo;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.indicators.Bar;
import dev.sxn.math.indicators.Bars;
import dev.sxn.math.indicators.Bollinger;
import dev.sxn.math.indicators.CompositeIndicators;
import dev.sxn.math.indicators.IndicatorSet;
import dev.sxn.math.indicators.IndicatorStreams;
import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.indicators.Macd;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.indicators.TrendIndicators;
import dev.sxn.math.indicators.Oscillators;
import dev.sxn.math.indicators.TtrLines.Adx;
import dev.sxn.math.indicators.TtrLines.Aroon;
import dev.sxn.math.indicators.TtrLines.LineAndSignal;
import dev.sxn.math.indicators.TtrStreams;
import dev.sxn.math.indicators.TtrStreams4;
import dev.sxn.math.indicators.stream.BarSampler;
import dev.sxn.math.indicators.stream.BarStream;
import dev.sxn.math.indicators.stream.BatchSeriesStream;
import dev.sxn.math.indicators.stream.IndicatorStream;
import dev.sxn.math.indicators.stream.SeriesStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The streaming indicators on the synthetic market, tick by tick, as a host application meets prices: asset 0's
 * (time, price, size) ticks go through a volume-bar {@link BarSampler}; the streams (EMA, RSI, ATR, MACD, Bollinger,
 * ADX, aroon, SMI) are opened on the bars of the first half of the ticks ({@code fill}), then every later tick either closes a
 * bar (each stream's {@code update}) or extends the forming one (each stream's {@code peek}, checked against a
 * fork's update of the same bar). At the end the array functions run on all the bars, and every streamed value must
 * equal theirs bit for bit (the streams' contract). Then batched streams (EMA and RSI, one row of every asset's bar
 * closes per update) run on every kind available here and must equal the per-asset streams bit for bit.
 *
 * <p>The contract's reference is the array function on JAVA. EMA and RSI run pinned to JAVA; the composites
 * (MACD, Bollinger, ATR) choose their kernels, and the bars here stay far below every shipped crossover (at most
 * {@value #MAX_BARS} bars an asset), so they run on JAVA too. The only numbers that vary between runs are on the
 * lines that start with "indicative": the per-update cost in thread CPU time, a demo figure, not a benchmark.
 */
final class StreamingSection implements DemoSection {
    /** Ticks per bar on average: the volume threshold is an asset's total volume over ticks / this. */
    private static final int TICKS_PER_BAR = 25;
    /** At most this many bars an asset, so the composites' arrays stay below every crossover (see the class doc). */
    private static final int MAX_BARS = 1000;
    /**
     * The longest warm-ups here are MACD(12, 26, 9)'s and SMI(13, 2, 25, 9)'s signals (33 bars); below this many bars
     * the section says so.
     */
    private static final int MIN_BARS = 40;
    private static final int EMA_N = 20, RSI_N = 14, ATR_N = 14, ADX_N = 14, BB_N = 20, FAST = 12, SLOW = 26, SIGNAL = 9;
    private static final double BB_K = 2;
    private static final int AROON_N = 20, SMI_N = 13, SMI_FAST = 2, SMI_SLOW = 25, SMI_SIGNAL = 9;
    /** Thread CPU time per timed measurement (after as much warm-up, so C2 has compiled the stream's step). */
    private static final long TIMING_NS = 30_000_000L;

    private static final IndicatorSet JAVA = Indicators.on(Backend.JAVA);
    /** Keeps the timed loops' results alive. */
    private static volatile double sink;

    @Override
    public String title() {
        return "streaming: ticks -> volume bars -> EMA, RSI, ATR, MACD, Bollinger, ADX, aroon, SMI streams, bit for bit equal to the arrays";
    }

    @Override
    public void run(DemoContext ctx) {
        SyntheticMarket m = ctx.market();
        int bars = Math.min(MAX_BARS, m.ticks() / TICKS_PER_BAR);
        if (bars < MIN_BARS) {
            ctx.line("%d ticks give about %d bars, fewer than the %d the longest warm-up here needs: skipped (use more --ticks).",
                    m.ticks(), bars, MIN_BARS);
            return;
        }
        single(ctx, m, bars);
        batched(ctx, m, bars);
    }

    // ---- one asset, tick by tick

    /** A stream of the section with the values it committed (per line) and its peek tally. */
    private static final class Tracked {
        final String label;
        final int main;
        final SeriesStream series;
        final BarStream bar;
        double[][] got;
        int peeks, peekMismatches;

        Tracked(String label, int main, SeriesStream series, BarStream bar) {
            this.label = label;
            this.main = main;
            this.series = series;
            this.bar = bar;
        }

        IndicatorStream stream() {
            return series != null ? series : bar;
        }

        void update(double o, double h, double l, double c, double v) {
            if (series != null) series.update(c);
            else bar.update(o, h, l, c, v);
        }

        /** Peeks the forming bar and checks each peeked line against a fork that commits it. */
        void peekChecked(double o, double h, double l, double c, double v) {
            IndicatorStream fork;
            if (series != null) {
                series.peek(c);
                SeriesStream f = series.copy();
                f.update(c);
                fork = f;
            } else {
                bar.peek(o, h, l, c, v);
                BarStream f = bar.copy();
                f.update(o, h, l, c, v);
                fork = f;
            }
            peeks++;
            for (int line = 0; line < fork.lines(); line++) {
                if (!same(fork.value(line), stream().peeked(line))) {
                    peekMismatches++;
                    break;
                }
            }
        }

        void record(int i) {
            IndicatorStream s = stream();
            for (int line = 0; line < s.lines(); line++) got[line][i] = s.value(line);
        }
    }

    private static List<Tracked> open() {
        List<Tracked> t = new ArrayList<>();
        t.add(new Tracked("EMA(" + EMA_N + ")", 0, IndicatorStreams.ema(EMA_N), null));
        t.add(new Tracked("RSI(" + RSI_N + ")", 0, IndicatorStreams.rsi(RSI_N), null));
        t.add(new Tracked("ATR(" + ATR_N + ")", 0, null, IndicatorStreams.atr(ATR_N)));
        t.add(new Tracked("MACD(" + FAST + "," + SLOW + "," + SIGNAL + ")", 0, IndicatorStreams.macd(FAST, SLOW, SIGNAL), null));
        t.add(new Tracked("Bollinger(" + BB_N + ",2)", 1, IndicatorStreams.bollinger(BB_N, BB_K), null));
        t.add(new Tracked("ADX(" + ADX_N + ")", 3, null, TtrStreams.adx(ADX_N)));
        t.add(new Tracked("Aroon(" + AROON_N + ")", 2, null, TtrStreams4.aroon(AROON_N)));
        t.add(new Tracked("SMI(" + SMI_N + "," + SMI_FAST + "," + SMI_SLOW + "," + SMI_SIGNAL + ")", 0, null,
                TtrStreams4.smi(SMI_N, SMI_FAST, SMI_SLOW, SMI_SIGNAL)));
        return t;
    }

    /** The array functions' lines on all bars, in the order of {@link #open()}. */
    private static double[][][] arrays(Bars b) {
        double[] c = b.close();
        Macd macd = CompositeIndicators.macd(c, FAST, SLOW, SIGNAL);
        Bollinger bb = CompositeIndicators.bollinger(c, BB_N, BB_K);
        Adx<double[]> adx = TrendIndicators.adx(b.high(), b.low(), c, ADX_N);
        Aroon<double[]> aroon = TrendIndicators.aroon(b.high(), b.low(), AROON_N);
        LineAndSignal<double[]> smi = Oscillators.smi(b.high(), b.low(), c, SMI_N, SMI_FAST, SMI_SLOW, SMI_SIGNAL);
        return new double[][][] {
            {JAVA.ema(c, EMA_N)},
            {JAVA.rsi(c, RSI_N)},
            {CompositeIndicators.atr(b.high(), b.low(), c, ATR_N)},
            {macd.macd(), macd.signal(), macd.histogram()},
            {bb.lower(), bb.middle(), bb.upper()},
            {adx.diPlus(), adx.diMinus(), adx.dx(), adx.adx()},
            {aroon.up(), aroon.down(), aroon.oscillator()},
            {smi.line(), smi.signal()}};
    }

    private static void single(DemoContext ctx, SyntheticMarket m, int target) {
        double[] time = m.time(0), price = m.close(0), size = m.volume(0);
        int n = m.ticks(), half = n / 2;
        double threshold = sum(size) / target;
        BarSampler sampler = BarSampler.volume(threshold);
        Bars history = sampler.sample(Arrays.copyOf(time, half), Arrays.copyOf(price, half), Arrays.copyOf(size, half));
        int h = history.length();
        List<Tracked> streams = open();
        Bars streamed = Bars.zeros(n - half);
        int k = 0;
        for (Tracked t : streams) {
            if (t.series != null) t.series.fill(history.close());
            else t.bar.fill(history);
            t.got = new double[t.stream().lines()][h + n - half];
            if (h > 0) t.record(h - 1);
        }
        for (int i = half; i < n; i++) {
            if (sampler.update(time[i], price[i], size[i])) {
                streamed.set(k, sampler.bar());
                for (Tracked t : streams) {
                    t.update(sampler.open(), sampler.high(), sampler.low(), sampler.close(), sampler.volume());
                    t.record(h + k);
                }
                k++;
            } else {
                // Volume bars close with a tick, so a tick that closes nothing leaves a forming bar to peek at.
                Bar f = sampler.forming();
                for (Tracked t : streams) t.peekChecked(f.open(), f.high(), f.low(), f.close(), f.volume());
            }
        }
        Bars all = concat(history, streamed.slice(0, k));
        ctx.line("Asset 0: %d ticks (time, price, size) -> volume bars of 1/%d of its volume: %d bars, %.1f ticks a bar on average.",
                n, target, all.length(), n / (double) Math.max(1, all.length()));
        ctx.line("Streams opened on the first %d ticks' %d bars (fill), then fed tick by tick: %d updates, a peek on the forming bar",
                half, h, k);
        ctx.line("at each of the other %d ticks (checked against a fork that commits it); then the arrays on all %d bars.",
                streams.get(0).peeks, all.length());
        ctx.line("%-16s %5s %12s %8s %10s %12s %14s", "stream", "lines", "last value", "values", "mismatches", "max |diff|",
                "peek != fork");
        double[][][] ref = arrays(all);
        long values = 0, mismatches = 0, peekOff = 0;
        double worst = 0;
        int from = Math.max(0, h - 1);
        for (int s = 0; s < streams.size(); s++) {
            Tracked t = streams.get(s);
            long off = 0, count = 0;
            double diff = 0;
            for (int line = 0; line < t.got.length; line++) {
                for (int i = from; i < all.length(); i++) {
                    count++;
                    double a = t.got[line][i], r = ref[s][line][i];
                    if (!same(a, r)) off++;
                    if (!Double.isNaN(a) && !Double.isNaN(r)) diff = Math.max(diff, Math.abs(a - r));
                    else if (Double.isNaN(a) != Double.isNaN(r)) diff = Double.POSITIVE_INFINITY;
                }
            }
            ctx.line("%-16s %5d %12.4f %8d %10d %12s %14d", t.label, t.got.length, t.stream().value(t.main), count, off, show(diff),
                    t.peekMismatches);
            values += count;
            mismatches += off;
            worst = Math.max(worst, diff);
            peekOff += t.peekMismatches;
            if (off > 0) ctx.fail("stream " + t.label + ": " + off + " of " + count + " values differ from the array function's bits");
            if (t.peekMismatches > 0) ctx.fail("stream " + t.label + ": " + t.peekMismatches + " peeks differ from a fork's update");
        }
        ctx.line("Every streamed value vs the array function's: %d mismatches of %d (bit for bit), max |difference| %s; peeks off: %d.",
                mismatches, values, show(worst), peekOff);
        String timing = timings(all);
        ctx.line("indicative per-update cost (thread CPU time, warm, per stream): %s", timing);
    }

    // ---- every asset, batched

    private static void batched(DemoContext ctx, SyntheticMarket m, int target) {
        int k = m.assets();
        Bars[] bars = new Bars[k];
        int rows = Integer.MAX_VALUE;
        for (int a = 0; a < k; a++) {
            double[] size = m.volume(a);
            bars[a] = BarSampler.volume(sum(size) / target).sample(m.time(a), m.close(a), size);
            rows = Math.min(rows, bars[a].length());
        }
        // Row r holds bar r of every asset (each asset's own volume bars), so the batch is a universe ticking in bars.
        double[][] row = new double[rows][k];
        SeriesBatch closes = SeriesBatch.zeros(k, rows);
        for (int a = 0; a < k; a++) {
            for (int r = 0; r < rows; r++) {
                row[r][a] = bars[a].close()[r];
                closes.set(a, r, row[r][a]);
            }
        }
        // The per-asset single streams, and each against the array function on its asset.
        double[][] emaSingle = new double[k][rows], rsiSingle = new double[k][rows];
        long arrayOff = 0;
        SeriesBatch emaArray = JAVA.ema(closes, EMA_N), rsiArray = JAVA.rsi(closes, RSI_N);
        for (int a = 0; a < k; a++) {
            SeriesStream e = IndicatorStreams.ema(EMA_N), r = IndicatorStreams.rsi(RSI_N);
            for (int i = 0; i < rows; i++) {
                emaSingle[a][i] = e.update(row[i][a]);
                rsiSingle[a][i] = r.update(row[i][a]);
                if (!same(emaSingle[a][i], emaArray.get(a, i))) arrayOff++;
                if (!same(rsiSingle[a][i], rsiArray.get(a, i))) arrayOff++;
            }
        }
        ctx.line("Batched streams over all %d assets (row r: bar r of every asset's own volume bars; %d rows): EMA(%d), RSI(%d);",
                k, rows, EMA_N, RSI_N);
        ctx.line("the per-asset streams vs the batch arrays on JAVA: %d mismatches of %d. Each kind vs the per-asset streams:", arrayOff,
                2L * k * rows);
        if (arrayOff > 0) ctx.fail("per-asset EMA/RSI streams: " + arrayOff + " values differ from the batch arrays");
        StringBuilder cost = new StringBuilder();
        for (Backend kind : Backend.values()) {
            if (!Backends.isAvailable(kind)) continue;
            BatchSeriesStream ema, rsi;
            try {
                ema = IndicatorStreams.emaBatch(k, EMA_N, kind);
                rsi = IndicatorStreams.rsiBatch(k, RSI_N, kind);
            } catch (IllegalArgumentException e) {
                continue; // the family has no kernel of this kind (documented on emaBatch)
            }
            BatchSeriesStream emaProto = ema.copy();
            long emaOff = 0, rsiOff = 0;
            double diff = 0;
            for (int i = 0; i < rows; i++) {
                ema.update(row[i]);
                rsi.update(row[i]);
                for (int a = 0; a < k; a++) {
                    double e = ema.value(a), r = rsi.value(a);
                    if (!same(e, emaSingle[a][i])) emaOff++;
                    if (!same(r, rsiSingle[a][i])) rsiOff++;
                    if (!Double.isNaN(e) && !Double.isNaN(emaSingle[a][i])) diff = Math.max(diff, Math.abs(e - emaSingle[a][i]));
                    if (!Double.isNaN(r) && !Double.isNaN(rsiSingle[a][i])) diff = Math.max(diff, Math.abs(r - rsiSingle[a][i]));
                }
            }
            ctx.line("  %-7s EMA mismatches %d, RSI mismatches %d of %d each; max |difference| %s", kind, emaOff, rsiOff, (long) k * rows,
                    show(diff));
            if (emaOff + rsiOff > 0) ctx.fail("batched EMA/RSI on " + kind + ": " + (emaOff + rsiOff) + " values differ from the per-asset streams");
            cost.append(String.format(Locale.ROOT, "%s%s %.2f", cost.isEmpty() ? "" : ", ", kind, batchNs(emaProto, row)));
        }
        ctx.line("indicative batched EMA cost (thread CPU time, warm, ns per asset-update, %d assets): %s", k, cost);
    }

    // ---- timing (thread CPU time: the machine may be shared, and wall time would count other threads' work)

    /** Each stream's cost per update, on fresh streams of the same parameters over all the bars. */
    private static String timings(Bars b) {
        StringBuilder s = new StringBuilder();
        for (Tracked t : open()) {
            double ns = t.series != null ? seriesNs(t.series, b.close()) : barNs(t.bar, b);
            s.append(String.format(Locale.ROOT, "%s%s %.0f ns", s.isEmpty() ? "" : ", ", t.label, ns));
        }
        return s.toString();
    }

    /** One timed pass: runs updates on a fresh copy of a stream and returns how many. */
    @FunctionalInterface
    private interface Pass {
        long run();
    }

    /** ns per update of copies of {@code proto} run over x. */
    private static double seriesNs(SeriesStream proto, double[] x) {
        return nsPerUpdate(() -> {
            SeriesStream s = proto.copy();
            double acc = 0;
            for (double v : x) acc += s.update(v);
            sink += acc;
            return x.length;
        });
    }

    /** ns per update of copies of {@code proto} run over the bars. */
    private static double barNs(BarStream proto, Bars b) {
        double[] o = b.open(), h = b.high(), l = b.low(), c = b.close(), v = b.volume();
        return nsPerUpdate(() -> {
            BarStream s = proto.copy();
            double acc = 0;
            for (int i = 0; i < c.length; i++) acc += s.update(o[i], h[i], l[i], c[i], v[i]);
            sink += acc;
            return c.length;
        });
    }

    /** ns per asset-update of copies of {@code proto} run over the rows. */
    private static double batchNs(BatchSeriesStream proto, double[][] rows) {
        return nsPerUpdate(() -> {
            BatchSeriesStream s = proto.copy();
            for (double[] r : rows) s.update(r);
            sink += s.value(0);
            return (long) rows.length * proto.assets();
        });
    }

    /**
     * Thread CPU time per update of passes repeated for {@link #TIMING_NS}, measured after as long a warm-up of the
     * same passes (the lambda runs once a pass, not once an update).
     */
    private static double nsPerUpdate(Pass pass) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long updates = 0, spent = 0;
        for (int round = 0; round < 2; round++) {
            updates = 0;
            long t0 = mx.getCurrentThreadCpuTime();
            do {
                updates += pass.run();
                spent = mx.getCurrentThreadCpuTime() - t0;
            } while (spent < TIMING_NS);
        }
        return spent / (double) updates;
    }

    // ---- helpers

    /** Bit for bit (one NaN for all NaNs, +0 and -0 told apart). */
    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    /** "0" for an exact zero (the expected result), else three significant digits. */
    private static String show(double diff) {
        return diff == 0 ? "0" : String.format(Locale.ROOT, "%.3g", diff);
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s;
    }

    private static Bars concat(Bars a, Bars b) {
        return new Bars(cat(a.open(), b.open()), cat(a.high(), b.high()), cat(a.low(), b.low()), cat(a.close(), b.close()),
                cat(a.volume(), b.volume()));
    }

    private static double[] cat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
