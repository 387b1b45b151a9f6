package dev.sxn.math.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What the universe job computes and where. Build one with {@link #of} and the {@code with...} methods.
 *
 * @param input the bars table: a Parquet file or directory, or a CSV file with a header
 * @param format {@code parquet} or {@code csv}
 * @param output the Parquet directory to write (replaced only when the job succeeds)
 * @param indicators the indicators per asset
 * @param periodsPerYear bars per year (e.g. 252 for daily bars), for the annualised Sharpe ratio
 * @param riskFreePerYear annual risk-free rate for the Sharpe ratio
 * @param alpha tail probability of VaR/ES (e.g. 0.05)
 * @param garch whether to fit GARCH(1,1) per asset (fGarch conventions, normal innovations)
 * @param blockAssets the most assets per {@code SeriesBatch} block inside a partition
 * @param partitions the number of partitions the assets are hashed into (0: Spark's default parallelism)
 */
public record UniverseSpec(String input, String format, String output, List<IndicatorSpec> indicators, double periodsPerYear,
                           double riskFreePerYear, double alpha, boolean garch, int blockAssets, int partitions)
        implements Serializable {

    /** Checks every field. */
    public UniverseSpec {
        SparkChecks.notNull(input, "input");
        SparkChecks.notNull(format, "format");
        SparkChecks.notNull(output, "output");
        if (!format.equals("parquet") && !format.equals("csv")) throw SparkChecks.invalid("format", format, "be parquet or csv");
        indicators = List.copyOf(SparkChecks.notNull(indicators, "indicators"));
        SparkChecks.positive(periodsPerYear, "periodsPerYear");
        if (!(riskFreePerYear > -1) || !Double.isFinite(riskFreePerYear)) throw SparkChecks.invalid("riskFreePerYear", riskFreePerYear, "be finite and > -1");
        SparkChecks.inOpen(alpha, "alpha", 0, 1);
        SparkChecks.atLeast(blockAssets, "blockAssets", 1);
        SparkChecks.atLeast(partitions, "partitions", 0);
    }

    /**
     * A job from {@code input} to {@code output} (the format from the input's extension: {@code .csv} or else
     * Parquet) with SMA 20, EMA 20, RSI 14, the scorecard at alpha 0.05 and 252 periods per year, GARCH on,
     * blocks of 64 assets and Spark's default partitioning.
     */
    public static UniverseSpec of(String input, String output) {
        String format = input.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? "csv" : "parquet";
        return new UniverseSpec(input, format, output,
                List.of(new IndicatorSpec("sma", 20), new IndicatorSpec("ema", 20), new IndicatorSpec("rsi", 14)), 252, 0, 0.05, true, 64, 0);
    }

    /** This job with other indicators. */
    public UniverseSpec withIndicators(List<IndicatorSpec> newIndicators) {
        return new UniverseSpec(input, format, output, newIndicators, periodsPerYear, riskFreePerYear, alpha, garch, blockAssets, partitions);
    }

    /** This job with GARCH fits on or off. */
    public UniverseSpec withGarch(boolean on) {
        return new UniverseSpec(input, format, output, indicators, periodsPerYear, riskFreePerYear, alpha, on, blockAssets, partitions);
    }

    /** This job with another partition count and block size. */
    public UniverseSpec withPartitioning(int newPartitions, int newBlockAssets) {
        return new UniverseSpec(input, format, output, indicators, periodsPerYear, riskFreePerYear, alpha, garch, newBlockAssets, newPartitions);
    }

    /** This job writing to another output. */
    public UniverseSpec withOutput(String newOutput) {
        return new UniverseSpec(input, format, newOutput, indicators, periodsPerYear, riskFreePerYear, alpha, garch, blockAssets, partitions);
    }

    /** This job with another scorecard convention. */
    public UniverseSpec withRisk(double newPeriodsPerYear, double newRiskFreePerYear, double newAlpha) {
        return new UniverseSpec(input, format, output, indicators, newPeriodsPerYear, newRiskFreePerYear, newAlpha, garch, blockAssets, partitions);
    }
}
