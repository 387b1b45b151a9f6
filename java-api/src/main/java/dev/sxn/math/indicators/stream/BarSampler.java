package dev.sxn.math.indicators.stream;

import dev.sxn.math.indicators.Bar;
import dev.sxn.math.indicators.Bars;
import dev.sxn.math.internal.Checks;

/**
 * Samples (time, price, size) ticks into OHLCV bars, to feed the {@link BarStream}s: time bars (fixed intervals
 * of the clock, {@code [j interval, (j + 1) interval)}), tick bars (every {@code count} ticks), volume bars (when
 * the traded size reaches a threshold) and dollar bars (when the traded value {@code sum(price * size)} reaches
 * it), as in Lopez de Prado, <i>Advances in Financial Machine Learning</i>, ch. 2. A tick is never split: the
 * tick that reaches a threshold belongs to the bar it closes, so a volume bar holds at least the threshold.
 * A time bar closes when the first tick of a later interval arrives (or at {@link #closeAt(double)}, a timer
 * without a tick); intervals without ticks give no bar.
 *
 * <p>{@link #update} returns whether a bar closed; the closed bar is then {@link #open()} .. {@link #volume()}
 * (and {@link #bar()} as a value), and the forming one {@link #formingClose()} etc., for a stream's peek. O(1)
 * per tick, no allocation. Not thread-safe.
 */
public final class BarSampler {
    private enum Kind { TIME, TICKS, VOLUME, DOLLARS }

    private final Kind kind;
    private final double threshold;
    private final long count;
    private double lastTime = Double.NEGATIVE_INFINITY;
    // The forming bar.
    private long ticks, slot;
    private double fOpen, fHigh, fLow, fClose, fVolume, fValue, fStart;
    // The last closed bar.
    private double open = Double.NaN, high = Double.NaN, low = Double.NaN, close = Double.NaN, volume = Double.NaN;
    private double start = Double.NaN, end = Double.NaN;
    private long closed;

    private BarSampler(Kind kind, double threshold, long count) {
        this.kind = kind;
        this.threshold = threshold;
        this.count = count;
    }

    /** Time bars of {@code interval} (the ticks' time unit), aligned to multiples of it. */
    public static BarSampler time(double interval) {
        Checks.positive(interval, "interval");
        return new BarSampler(Kind.TIME, interval, 0);
    }

    /** Tick bars of {@code count} ticks each. */
    public static BarSampler ticks(int count) {
        Checks.atLeast(count, "count", 1);
        return new BarSampler(Kind.TICKS, 0, count);
    }

    /** Volume bars: a bar closes with the tick whose size brings its volume to {@code threshold} or more. */
    public static BarSampler volume(double threshold) {
        Checks.positive(threshold, "threshold");
        return new BarSampler(Kind.VOLUME, threshold, 0);
    }

    /** Dollar bars: a bar closes with the tick that brings its traded value sum(price * size) to {@code threshold} or more. */
    public static BarSampler dollars(double threshold) {
        Checks.positive(threshold, "threshold");
        return new BarSampler(Kind.DOLLARS, threshold, 0);
    }

    /**
     * Adds one tick; returns whether a bar closed (time bars: the forming bar, before this tick, when the tick
     * is in a later interval; the others: the forming bar with this tick).
     *
     * @throws IllegalArgumentException if time is not finite or before the last tick's, price not finite, or
     *     size not finite and >= 0 (the sampler is then unchanged)
     */
    public boolean update(double time, double price, double size) {
        if (!(time >= lastTime) || Double.isInfinite(time)) {
            throw Checks.invalid("time", time, "be finite and >= the last tick's time (" + lastTime + ")");
        }
        Checks.finite(price, "price");
        Checks.nonNegative(size, "size");
        lastTime = time;
        boolean done = false;
        if (kind == Kind.TIME) {
            long s = (long) Math.floor(time / threshold);
            if (ticks > 0 && s != slot) {
                closeForming(time);
                done = true;
            }
            slot = s;
        }
        add(time, price, size);
        if (kind != Kind.TIME) {
            boolean full = switch (kind) {
                case TICKS -> ticks >= count;
                case VOLUME -> fVolume >= threshold;
                default -> fValue >= threshold;
            };
            if (full) {
                closeForming(time);
                done = true;
            }
        }
        return done;
    }

    /**
     * A timer: closes the forming time bar if {@code time} is past its interval; returns whether it did. (Tick,
     * volume and dollar bars close only with ticks: false.)
     */
    public boolean closeAt(double time) {
        Checks.finite(time, "time");
        if (kind != Kind.TIME || ticks == 0 || (long) Math.floor(time / threshold) == slot || time < lastTime) return false;
        closeForming(lastTime);
        return true;
    }

    /**
     * Samples tick arrays into bars (the bar still forming at the end is left out).
     *
     * @throws IllegalArgumentException as {@link #update} for the first bad tick, or if the lengths differ
     */
    public Bars sample(double[] time, double[] price, double[] size) {
        Checks.sameLength(time, "time", price, "price");
        Checks.sameLength(time, "time", size, "size");
        int n = 0;
        Bars out = Bars.zeros(time.length);
        for (int i = 0; i < time.length; i++) {
            if (update(time[i], price[i], size[i])) out.set(n++, bar());
        }
        return out.slice(0, n);
    }

    private void add(double time, double price, double size) {
        if (ticks == 0) {
            fOpen = fHigh = fLow = price;
            fVolume = fValue = 0;
            fStart = time;
        }
        ticks++;
        fHigh = Math.max(fHigh, price);
        fLow = Math.min(fLow, price);
        fClose = price;
        fVolume += size;
        fValue += price * size;
    }

    private void closeForming(double time) {
        open = fOpen;
        high = fHigh;
        low = fLow;
        close = fClose;
        volume = fVolume;
        start = fStart;
        end = time;
        closed++;
        ticks = 0;
    }

    /** The number of bars closed so far. */
    public long bars() {
        return closed;
    }

    /** The last closed bar as a value (NaN fields before the first). */
    public Bar bar() {
        return new Bar(open, high, low, close, volume);
    }

    /** The last closed bar's open (NaN before the first bar). */
    public double open() {
        return open;
    }

    /** The last closed bar's high. */
    public double high() {
        return high;
    }

    /** The last closed bar's low. */
    public double low() {
        return low;
    }

    /** The last closed bar's close. */
    public double close() {
        return close;
    }

    /** The last closed bar's volume (sum of sizes). */
    public double volume() {
        return volume;
    }

    /** The time of the last closed bar's first tick. */
    public double start() {
        return start;
    }

    /** The time the last closed bar closed (its last tick's, or the closing tick's for a time bar). */
    public double end() {
        return end;
    }

    /** The number of ticks in the forming bar (0: none, its fields are undefined). */
    public long formingTicks() {
        return ticks;
    }

    /** The forming bar's open, high, low, close and volume, for a stream's peek: {@code stream.peek(s.forming())}. */
    public Bar forming() {
        return ticks == 0 ? new Bar(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN) : new Bar(fOpen, fHigh, fLow, fClose, fVolume);
    }

    /** The forming bar's last price (NaN when it has no tick). */
    public double formingClose() {
        return ticks == 0 ? Double.NaN : fClose;
    }

    /** Feeds the last closed bar to {@code stream} (commits it); returns the stream's value. */
    public double feed(BarStream stream) {
        Checks.notNull(stream, "stream");
        return stream.update(open, high, low, close, volume);
    }
}
