package dev.sxn.math.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A sweep's outcome.
 *
 * @param table one row per parameter set (id, p0.., sharpe, cagr, max_drawdown, trades), persisted; unpersist it
 *     when done
 * @param top the best sets by Sharpe ratio (NaN last, ties by id), collected to the driver
 * @param report where it ran
 */
public record SweepResult(Dataset<Row> table, List<SweepRow> top, JobReport report) {}
