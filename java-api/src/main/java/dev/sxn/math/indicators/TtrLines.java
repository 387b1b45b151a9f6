package dev.sxn.math.indicators;

/**
 * The multi-line results of the TTR breadth indicators ({@link TrendIndicators}, {@link Oscillators},
 * {@link Channels}, {@link VolumeIndicators}): each record holds its lines as {@code double[]} for one series or as
 * {@link SeriesBatch} for a batch ({@code T}), every line of the input's length with NaN in its warm-up.
 */
public final class TtrLines {
    private TtrLines() {}

    /** ADX and its parts (TTR {@code ADX}: DIp, DIn, DX, ADX), in percent. */
    public record Adx<T>(T diPlus, T diMinus, T dx, T adx) {}

    /** Aroon up, down and oscillator (TTR {@code aroon}: aroonUp, aroonDn, oscillator), in percent. */
    public record Aroon<T>(T up, T down, T oscillator) {}

    /** A band: lower, middle and upper line (Donchian high/mid/low, Keltner dn/mavg/up, PBands dn/center/up). */
    public record Band<T>(T lower, T middle, T upper) {}

    /** An indicator line and its signal line (KST, SMI, TRIX; EMV and its moving average). */
    public record LineAndSignal<T>(T line, T signal) {}

    /** DVI's magnitude and stretch parts and their weighted sum (TTR {@code DVI}: dvi.mag, dvi.str, dvi). */
    public record Dvi<T>(T magnitude, T stretch, T dvi) {}

    /** The trend detection index and its directional index (TTR {@code TDI}: tdi, di). */
    public record Tdi<T>(T tdi, T di) {}
}
