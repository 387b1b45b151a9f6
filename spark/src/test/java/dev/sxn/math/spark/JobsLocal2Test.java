package dev.sxn.math.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Monte Carlo and sweeps on local[2] equal their one-JVM computations bit for bit, whatever the partitions. */
class JobsLocal2Test {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkFixtures.session("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static void assertSameRisk(MonteCarloResult e, MonteCarloResult x) {
        assertEquals(Double.doubleToLongBits(e.valueAtRisk()), Double.doubleToLongBits(x.valueAtRisk()), "VaR");
        assertEquals(Double.doubleToLongBits(e.expectedShortfall()), Double.doubleToLongBits(x.expectedShortfall()), "ES");
        assertEquals(Double.doubleToLongBits(e.meanLoss()), Double.doubleToLongBits(x.meanLoss()), "mean loss");
        assertEquals(e.chunks(), x.chunks());
    }

    @Test
    void monteCarloEqualsOneJvmForAnyPartitionCount() {
        MonteCarloResult expected = MonteCarloChunks.local(MonteCarloChunksTest.portfolio(200_003, 10_000, 0));
        for (int parts : new int[] {1, 2, 5}) {
            MonteCarloResult r = SxnSpark.monteCarlo(spark, MonteCarloChunksTest.portfolio(200_003, 10_000, parts));
            assertSameRisk(expected, r);
            assertEquals(Math.min(parts, 21), r.report().partitions());
        }
    }

    static void assertSameSweep(List<SweepRow> expected, List<SweepRow> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            SweepRow e = expected.get(i), x = actual.get(i);
            assertEquals(e.id(), x.id());
            assertArrayEquals(e.parameters(), x.parameters());
            assertEquals(Double.doubleToLongBits(e.sharpe()), Double.doubleToLongBits(x.sharpe()), "sharpe of " + e.id());
            assertEquals(Double.doubleToLongBits(e.cagr()), Double.doubleToLongBits(x.cagr()), "cagr of " + e.id());
            assertEquals(Double.doubleToLongBits(e.maxDrawdown()), Double.doubleToLongBits(x.maxDrawdown()), "mdd of " + e.id());
            assertEquals(e.trades(), x.trades());
        }
    }

    static List<SweepRow> fromTable(List<Row> rows, int p) {
        return rows.stream().map(r -> {
            double[] params = new double[p];
            for (int i = 0; i < p; i++) params[i] = r.getDouble(1 + i);
            return new SweepRow(r.getInt(0), params, r.getDouble(p + 1), r.getDouble(p + 2), r.getDouble(p + 3), r.getLong(p + 4));
        }).toList();
    }

    @Test
    void sweepsEqualOneJvmForAnyPartitionCount() {
        double[][] panel = SweepKernelTest.panel(6, 300);
        for (SweepStrategy strategy : SweepStrategy.values()) {
            List<double[]> grid = strategy == SweepStrategy.MA_CROSSOVER ? SweepSpec.maGrid(new int[] {3, 5, 8, 13, 21}, new int[] {10, 20, 40, 80})
                    : SweepSpec.rsiGrid(new int[] {7, 14}, new double[] {20, 30}, new double[] {60, 70, 80});
            SweepSpec one = new SweepSpec(strategy, panel, grid, 252, 5, 0);
            List<SweepRow> expected = SweepKernel.local(one);
            List<SweepRow> expectedTop = SweepKernel.top(expected, 5);
            for (int parts : new int[] {1, 3}) {
                SweepResult r = SxnSpark.sweep(spark, new SweepSpec(strategy, panel, grid, 252, 5, parts));
                assertSameSweep(expectedTop, r.top());
                assertSameSweep(expected, fromTable(r.table().orderBy("id").collectAsList(), strategy.parameters()));
                r.table().unpersist();
            }
        }
    }
}
