package dev.sxn.math.indicators;

/**
 * One OHLCV bar: open, high, low and close prices and the traded volume of one interval, as a streaming
 * indicator ({@link dev.sxn.math.indicators.stream.BarStream}) takes it and as the tick-to-bar sampler
 * ({@link dev.sxn.math.indicators.stream.BarSampler}) emits it. A non-finite field is a missing value, by the
 * indicators' rule; nothing is checked here (the indicator that reads a field checks what it needs). The column
 * form of many bars is {@link Bars}.
 *
 * @param open   the first price of the interval
 * @param high   the highest price
 * @param low    the lowest price
 * @param close  the last price
 * @param volume the traded size (units of the instrument)
 */
public record Bar(double open, double high, double low, double close, double volume) {}
