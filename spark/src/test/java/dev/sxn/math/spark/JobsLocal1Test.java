package dev.sxn.math.spark;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three jobs on local[1] give the one-JVM results too (one task slot, other partition counts). */
class JobsLocal1Test {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkFixtures.session("local[1]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void universeMonteCarloAndSweep() {
        List<AssetBars> assets = SparkFixtures.assets(9, 13, 100, 70);
        Path in = dir.resolve("bars.parquet");
        SparkFixtures.writeParquet(spark, assets, in);
        UniverseSpec spec = UniverseSpec.of(in.toString(), dir.resolve("out").toString()).withPartitioning(2, 3);
        SxnSpark.universe(spark, spec);
        SparkFixtures.assertSameScores(SparkFixtures.sortedByAsset(UniverseKernel.local(assets, spec)),
                SparkFixtures.readScores(spark, spec.output(), spec.indicators().size()));

        JobsLocal2Test.assertSameRisk(MonteCarloChunks.local(MonteCarloChunksTest.portfolio(100_000, 7_000, 0)),
                SxnSpark.monteCarlo(spark, MonteCarloChunksTest.portfolio(100_000, 7_000, 4)));

        double[][] panel = SweepKernelTest.panel(3, 200);
        SweepSpec sweep = new SweepSpec(SweepStrategy.MA_CROSSOVER, panel, SweepSpec.maGrid(new int[] {3, 5, 8}, new int[] {10, 30}), 252, 3, 2);
        JobsLocal2Test.assertSameSweep(SweepKernel.top(SweepKernel.local(sweep), 3), SxnSpark.sweep(spark, sweep).top());
    }
}
