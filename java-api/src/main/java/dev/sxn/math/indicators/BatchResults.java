package dev.sxn.math.indicators;

/** Multi-line indicator results of batches: the batched counterparts of {@link Macd}, {@link Bollinger} and {@link Stochastic}. */
public final class BatchResults {
    private BatchResults() {}

    /**
     * Batched {@link Macd}.
     *
     * @param macd the MACD lines
     * @param signal the signal lines
     * @param histogram macd minus signal
     */
    public record MacdBatch(SeriesBatch macd, SeriesBatch signal, SeriesBatch histogram) {}

    /**
     * Batched {@link Bollinger}.
     *
     * @param lower lower bands
     * @param middle moving averages
     * @param upper upper bands
     */
    public record BollingerBatch(SeriesBatch lower, SeriesBatch middle, SeriesBatch upper) {}

    /**
     * Batched {@link Stochastic}.
     *
     * @param k fast %K
     * @param d %D
     */
    public record StochasticBatch(SeriesBatch k, SeriesBatch d) {}
}
