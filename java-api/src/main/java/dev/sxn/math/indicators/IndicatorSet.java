package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.Shapes.BATCH;
import static dev.sxn.math.indicators.Shapes.SERIES;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;

/**
 * The indicators of {@link Indicators} with the backend choice bound to an instance, as netlib-java binds its BLAS:
 * {@code Indicators.on(Backend.NATIVE).rsi(x, 14)}. {@link Indicators#on(Backend)} returns one immutable instance
 * per kind; {@code on(null)} is the automatic one, which the static methods of {@link Indicators} use. Definitions,
 * warm-up, missing values, accuracy and allocation are documented there, per method and for the class.
 *
 * <p><b>What a kind pins.</b> The kernel-backed indicators (rolling sum and mean, rolling variance and standard
 * deviation, EMA and Wilder smoothing, RSI) run on the pinned kind, or throw {@link IllegalStateException} naming
 * why it is unavailable here; the automatic instance chooses per call from the problem size (see
 * {@code crossovers.properties}). The indicators without another kernel (rolling min/max, WMA, cumulative VWAP,
 * OBV, the time-aware EMA) run in plain Java on every instance, so one instance serves a whole indicator set.
 * The composites built from these ({@link CompositeIndicators}) choose per call.
 *
 * <p>Every public method is a shape adapter: it checks its shape (one series, or a {@link SeriesBatch}, and the
 * output it writes, in {@code Shapes}) and hands the time-major data to the indicator's one checked core
 * ({@code Primitives}), which checks the indicator's own rules and dispatches. Immutable and thread-safe.
 */
public final class IndicatorSet {
    /** The automatic choice per call: what {@code Indicators.on(null)} and the static forms use. */
    static final IndicatorSet AUTO = new IndicatorSet(null);
    private static final IndicatorSet[] PINNED = new IndicatorSet[Backend.values().length];

    static {
        for (Backend kind : Backend.values()) PINNED[kind.ordinal()] = new IndicatorSet(kind);
    }

    private final Backend pin;

    private IndicatorSet(Backend pin) {
        this.pin = pin;
    }

    /** The instance for {@code kind}; {@code null}: the automatic one. */
    static IndicatorSet on(Backend kind) {
        return kind == null ? AUTO : PINNED[kind.ordinal()];
    }

    /** The pinned kind, or {@code null} for the automatic choice per call. */
    public Backend backend() {
        return pin;
    }

    @Override
    public String toString() {
        return "IndicatorSet[" + (pin == null ? "automatic" : pin) + "]";
    }

    // ---- SMA, rolling mean and sum

    /** {@link Indicators#sma(double[], int)} on this set's backend. */
    public double[] sma(double[] x, int n) {
        double[] out = Shapes.like(x, "x");
        smaInto(x, n, out);
        return out;
    }

    /** {@link Indicators#smaInto(double[], int, double[])} on this set's backend. */
    public void smaInto(double[] x, int n, double[] out) {
        Shapes.out(out, "out", x, "x");
        Primitives.sum(pin, x, 1, x.length, SERIES, n, true, out);
    }

    /** {@link Indicators#sma(SeriesBatch, int)} on this set's backend. */
    public SeriesBatch sma(SeriesBatch x, int n) {
        SeriesBatch out = Shapes.like(x, "x");
        smaInto(x, n, out);
        return out;
    }

    /** {@link Indicators#smaInto(SeriesBatch, int, SeriesBatch)} on this set's backend. */
    public void smaInto(SeriesBatch x, int n, SeriesBatch out) {
        Shapes.out(out, "out", x, "x");
        Primitives.sum(pin, x.data(), x.assets(), x.length(), BATCH, n, true, out.data());
    }

    /** {@link Indicators#rollingMean(double[], int)} on this set's backend. */
    public double[] rollingMean(double[] x, int n) {
        return sma(x, n);
    }

    /** {@link Indicators#rollingSum(double[], int)} on this set's backend. */
    public double[] rollingSum(double[] x, int n) {
        double[] out = Shapes.like(x, "x");
        rollingSumInto(x, n, out);
        return out;
    }

    /** {@link Indicators#rollingSumInto(double[], int, double[])} on this set's backend. */
    public void rollingSumInto(double[] x, int n, double[] out) {
        Shapes.out(out, "out", x, "x");
        Primitives.sum(pin, x, 1, x.length, SERIES, n, false, out);
    }

    /** {@link Indicators#rollingSum(SeriesBatch, int)} on this set's backend. */
    public SeriesBatch rollingSum(SeriesBatch x, int n) {
        SeriesBatch out = Shapes.like(x, "x");
        rollingSumInto(x, n, out);
        return out;
    }

    /** {@link Indicators#rollingSumInto(SeriesBatch, int, SeriesBatch)} on this set's backend. */
    public void rollingSumInto(SeriesBatch x, int n, SeriesBatch out) {
        Shapes.out(out, "out", x, "x");
        Primitives.sum(pin, x.data(), x.assets(), x.length(), BATCH, n, false, out.data());
    }

    // ---- rolling variance and standard deviation

    /** {@link Indicators#rollingVar(double[], int, boolean)} on this set's backend. */
    public double[] rollingVar(double[] x, int n, boolean sample) {
        double[] out = Shapes.like(x, "x");
        rollingVarInto(x, n, sample, out);
        return out;
    }

    /** {@link Indicators#rollingVarInto(double[], int, boolean, double[])} on this set's backend. */
    public void rollingVarInto(double[] x, int n, boolean sample, double[] out) {
        Shapes.out(out, "out", x, "x");
        Primitives.variance(pin, x, 1, x.length, SERIES, n, sample, false, out);
    }

    /** {@link Indicators#rollingVar(SeriesBatch, int, boolean)} on this set's backend. */
    public SeriesBatch rollingVar(SeriesBatch x, int n, boolean sample) {
        SeriesBatch out = Shapes.like(x, "x");
        Primitives.variance(pin, x.data(), x.assets(), x.length(), BATCH, n, sample, false, out.data());
        return out;
    }

    /** {@link Indicators#rollingStd(double[], int, boolean)} on this set's backend. */
    public double[] rollingStd(double[] x, int n, boolean sample) {
        double[] out = Shapes.like(x, "x");
        rollingStdInto(x, n, sample, out);
        return out;
    }

    /** {@link Indicators#rollingStdInto(double[], int, boolean, double[])} on this set's backend. */
    public void rollingStdInto(double[] x, int n, boolean sample, double[] out) {
        Shapes.out(out, "out", x, "x");
        Primitives.variance(pin, x, 1, x.length, SERIES, n, sample, true, out);
    }

    /** {@link Indicators#rollingStd(SeriesBatch, int, boolean)} on this set's backend. */
    public SeriesBatch rollingStd(SeriesBatch x, int n, boolean sample) {
        SeriesBatch out = Shapes.like(x, "x");
        rollingStdInto(x, n, sample, out);
        return out;
    }

    /** {@link Indicators#rollingStdInto(SeriesBatch, int, boolean, SeriesBatch)} on this set's backend. */
    public void rollingStdInto(SeriesBatch x, int n, boolean sample, SeriesBatch out) {
        Shapes.out(out, "out", x, "x");
        Primitives.variance(pin, x.data(), x.assets(), x.length(), BATCH, n, sample, true, out.data());
    }

    // ---- rolling max / min (plain Java)

    /** {@link Indicators#rollingMax(double[], int)} (plain Java on every instance). */
    public double[] rollingMax(double[] x, int n) {
        double[] out = Shapes.like(x, "x");
        rollingMaxInto(x, n, out);
        return out;
    }

    /** {@link Indicators#rollingMaxInto(double[], int, double[])} (plain Java on every instance). */
    public void rollingMaxInto(double[] x, int n, double[] out) {
        Shapes.out(out, "out", x, "x");
        Primitives.extreme(x, 1, x.length, SERIES, n, true, out);
    }

    /** {@link Indicators#rollingMax(SeriesBatch, int)} (plain Java on every instance). */
    public SeriesBatch rollingMax(SeriesBatch x, int n) {
        SeriesBatch out = Shapes.like(x, "x");
        Primitives.extreme(x.data(), x.assets(), x.length(), BATCH, n, true, out.data());
        return out;
    }

    /** {@link Indicators#rollingMin(double[], int)} (plain Java on every instance). */
    public double[] rollingMin(double[] x, int n) {
        double[] out = Shapes.like(x, "x");
        rollingMinInto(x, n, out);
        return out;
    }

    /** {@link Indicators#rollingMinInto(double[], int, double[])} (plain Java on every instance). */
    public void rollingMinInto(double[] x, int n, double[] out) {
        Shapes.out(out, "out", x, "x");
        Primitives.extreme(x, 1, x.length, SERIES, n, false, out);
    }

    /** {@link Indicators#rollingMin(SeriesBatch, int)} (plain Java on every instance). */
    public SeriesBatch rollingMin(SeriesBatch x, int n) {
        SeriesBatch out = Shapes.like(x, "x");
        Primitives.extreme(x.data(), x.assets(), x.length(), BATCH, n, false, out.data());
        return out;
    }

    // ---- EMA, Wilder, WMA

    /** {@link Indicators#ema(double[], int)} on this set's backend. */
    public double[] ema(double[] x, int n) {
        double[] out = Shapes.like(x, "x");
        emaInto(x, n, out);
        return out;
    }

    /** {@link Indicators#emaInto(double[], int, double[])} on this set's backend. */
    public void emaInto(double[] x, int n, double[] out) {
        Shapes.out(out, "out", x, "x");
        Primitives.ema(pin, x, 1, x.length, SERIES, n, false, out);
    }

    /** {@link Indicators#ema(SeriesBatch, int)} on this set's backend. */
    public SeriesBatch ema(SeriesBatch x, int n) {
        SeriesBatch out = Shapes.like(x, "x");
        emaInto(x, n, out);
        return out;
    }

    /** {@link Indicators#emaInto(SeriesBatch, int, SeriesBatch)} on this set's backend. */
    public void emaInto(SeriesBatch x, int n, SeriesBatch out) {
        Shapes.out(out, "out", x, "x");
        Primitives.ema(pin, x.data(), x.assets(), x.length(), BATCH, n, false, out.data());
    }

    /** {@link Indicators#wilder(double[], int)} on this set's backend. */
    public double[] wilder(double[] x, int n) {
        double[] out = Shapes.like(x, "x");
        wilderInto(x, n, out);
        return out;
    }

    /** {@link Indicators#wilderInto(double[], int, double[])} on this set's backend. */
    public void wilderInto(double[] x, int n, double[] out) {
        Shapes.out(out, "out", x, "x");
        Primitives.ema(pin, x, 1, x.length, SERIES, n, true, out);
    }

    /** {@link Indicators#wilder(SeriesBatch, int)} on this set's backend. */
    public SeriesBatch wilder(SeriesBatch x, int n) {
        SeriesBatch out = Shapes.like(x, "x");
        Primitives.ema(pin, x.data(), x.assets(), x.length(), BATCH, n, true, out.data());
        return out;
    }

    /** {@link Indicators#wma(double[], int)} (plain Java on every instance). */
    public double[] wma(double[] x, int n) {
        double[] out = Shapes.like(x, "x");
        wmaInto(x, n, out);
        return out;
    }

    /** {@link Indicators#wmaInto(double[], int, double[])} (plain Java on every instance). */
    public void wmaInto(double[] x, int n, double[] out) {
        Shapes.out(out, "out", x, "x");
        Primitives.wma(x, 1, x.length, SERIES, n, out);
    }

    /** {@link Indicators#wma(SeriesBatch, int)} (plain Java on every instance). */
    public SeriesBatch wma(SeriesBatch x, int n) {
        SeriesBatch out = Shapes.like(x, "x");
        Primitives.wma(x.data(), x.assets(), x.length(), BATCH, n, out.data());
        return out;
    }

    // ---- RSI

    /** {@link Indicators#rsi(double[], int)} on this set's backend. */
    public double[] rsi(double[] x, int n) {
        double[] out = Shapes.like(x, "x");
        rsiInto(x, n, out);
        return out;
    }

    /** {@link Indicators#rsiInto(double[], int, double[])} on this set's backend. */
    public void rsiInto(double[] x, int n, double[] out) {
        Shapes.out(out, "out", x, "x");
        Primitives.rsi(pin, x, 1, x.length, SERIES, n, out);
    }

    /** {@link Indicators#rsi(SeriesBatch, int)} on this set's backend. */
    public SeriesBatch rsi(SeriesBatch x, int n) {
        SeriesBatch out = Shapes.like(x, "x");
        rsiInto(x, n, out);
        return out;
    }

    /** {@link Indicators#rsiInto(SeriesBatch, int, SeriesBatch)} on this set's backend. */
    public void rsiInto(SeriesBatch x, int n, SeriesBatch out) {
        Shapes.out(out, "out", x, "x");
        Primitives.rsi(pin, x.data(), x.assets(), x.length(), BATCH, n, out.data());
    }

    // ---- price and volume (plain Java): cumulative VWAP, OBV; time-aware EMA

    /** {@link Indicators#vwapCumulative(double[], double[])} (plain Java on every instance). */
    public double[] vwapCumulative(double[] price, double[] volume) {
        double[] out = Shapes.like(price, "price");
        vwapCumulativeInto(price, volume, out);
        return out;
    }

    /** {@link Indicators#vwapCumulativeInto(double[], double[], double[])} (plain Java on every instance). */
    public void vwapCumulativeInto(double[] price, double[] volume, double[] out) {
        Shapes.out(out, "out", price, "price", volume, "volume");
        Primitives.vwapCumulative(price, volume, 1, price.length, out);
    }

    /** {@link Indicators#vwapCumulative(SeriesBatch, SeriesBatch)} (plain Java on every instance). */
    public SeriesBatch vwapCumulative(SeriesBatch price, SeriesBatch volume) {
        Shapes.same(price, "price", volume, "volume");
        SeriesBatch out = price.like();
        Primitives.vwapCumulative(price.data(), volume.data(), price.assets(), price.length(), out.data());
        return out;
    }

    /** {@link Indicators#obv(double[], double[])} (plain Java on every instance). */
    public double[] obv(double[] price, double[] volume) {
        double[] out = Shapes.like(price, "price");
        obvInto(price, volume, out);
        return out;
    }

    /** {@link Indicators#obvInto(double[], double[], double[])} (plain Java on every instance). */
    public void obvInto(double[] price, double[] volume, double[] out) {
        Shapes.out(out, "out", price, "price", volume, "volume");
        Primitives.obv(price, volume, 1, price.length, out);
    }

    /** {@link Indicators#obv(SeriesBatch, SeriesBatch)} (plain Java on every instance). */
    public SeriesBatch obv(SeriesBatch price, SeriesBatch volume) {
        Shapes.same(price, "price", volume, "volume");
        SeriesBatch out = price.like();
        Primitives.obv(price.data(), volume.data(), price.assets(), price.length(), out.data());
        return out;
    }

    /** {@link Indicators#timeEma(double[], double[], double)} (plain Java on every instance). */
    public double[] timeEma(double[] x, double[] time, double tau) {
        double[] out = Shapes.like(x, "x");
        timeEmaInto(x, time, tau, out);
        return out;
    }

    /** {@link Indicators#timeEmaInto(double[], double[], double, double[])} (plain Java on every instance). */
    public void timeEmaInto(double[] x, double[] time, double tau, double[] out) {
        Shapes.out(out, "out", x, "x", time, "time");
        Primitives.timeEma(x, time, 1, x.length, tau, out);
    }

    /** {@link Indicators#timeEma(SeriesBatch, double[], double)} (plain Java on every instance). */
    public SeriesBatch timeEma(SeriesBatch x, double[] time, double tau) {
        SeriesBatch out = Shapes.like(x, "x");
        Checks.length(time, "time", x.length(), BATCH);
        Primitives.timeEma(x.data(), time, x.assets(), x.length(), tau, out.data());
        return out;
    }
}
