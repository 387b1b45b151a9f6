package dev.sxn.math.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The universe job on local[2] equals the one-JVM computation bit for bit; bad input fails cleanly. */
class UniverseLocal2Test {
    private static SparkSession spark;
    private static final List<IndicatorSpec> INDICATORS = List.of(IndicatorSpec.parse("sma:20"), IndicatorSpec.parse("ema:10"),
            IndicatorSpec.parse("rsi:14"), IndicatorSpec.parse("std:20"), IndicatorSpec.parse("obv"));

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkFixtures.session("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static UniverseSpec spec(Path in, Path out) {
        return UniverseSpec.of(in.toString(), out.toString()).withIndicators(INDICATORS);
    }

    @Test
    void parquetEqualsOneJvmWhateverThePartitionsAndBlocks() {
        List<AssetBars> assets = SparkFixtures.assets(23, 7, 150, 120);
        Path in = dir.resolve("bars.parquet");
        SparkFixtures.writeParquet(spark, assets, in);
        UniverseSpec base = spec(in, dir.resolve("out"));
        List<AssetScore> expected = SparkFixtures.sortedByAsset(UniverseKernel.local(assets, base));
        int[][] layouts = {{1, 64}, {3, 4}, {7, 1}};
        for (int[] l : layouts) {
            Path out = dir.resolve("out-" + l[0] + "-" + l[1]);
            UniverseResult r = SxnSpark.universe(spark, base.withOutput(out.toString()).withPartitioning(l[0], l[1]));
            assertEquals(23, r.assets());
            assertEquals(l[0], r.report().partitions());
            SparkFixtures.assertSameScores(expected, SparkFixtures.readScores(spark, out.toString(), INDICATORS.size()));
        }
    }

    @Test
    void reportCarriesEachExecutorsKinds() {
        List<AssetBars> assets = SparkFixtures.assets(3, 11, 60);
        Path in = dir.resolve("bars.parquet");
        SparkFixtures.writeParquet(spark, assets, in);
        UniverseResult r = SxnSpark.universe(spark, spec(in, dir.resolve("out")).withGarch(false));
        assertEquals("local[2]", r.report().master());
        assertFalse(r.report().executors().isEmpty());
        ExecutorInfo e = r.report().executors().get(0);
        assertEquals("driver", e.executorId());
        assertTrue(e.kinds().stream().anyMatch(k -> k.startsWith("JAVA: ") && !k.contains("unavailable")), e.toString());
        assertTrue(e.kinds().stream().anyMatch(k -> k.startsWith("NATIVE")), e.toString());
    }

    @Test
    void csvEqualsOneJvm() throws IOException {
        List<AssetBars> assets = SparkFixtures.assets(5, 3, 80);
        Path in = dir.resolve("bars.csv");
        SparkFixtures.writeCsv(assets, in, null, null);
        Path out = dir.resolve("out");
        UniverseSpec s = spec(in, out).withPartitioning(2, 2);
        assertEquals("csv", s.format());
        SxnSpark.universe(spark, s);
        SparkFixtures.assertSameScores(SparkFixtures.sortedByAsset(UniverseKernel.local(assets, s)),
                SparkFixtures.readScores(spark, out.toString(), INDICATORS.size()));
    }

    @Test
    void oneAssetMatchesDirectComputation() {
        // Independent of the batching: a plain loop for the SMA and the close-to-close historical VaR (type 7).
        List<AssetBars> assets = SparkFixtures.assets(4, 5, 90);
        Path in = dir.resolve("bars.parquet");
        SparkFixtures.writeParquet(spark, assets, in);
        Path out = dir.resolve("out");
        SxnSpark.universe(spark, spec(in, out).withGarch(false).withPartitioning(2, 3));
        AssetScore s = SparkFixtures.readScores(spark, out.toString(), INDICATORS.size()).get(2);
        double[] c = assets.get(2).close();
        for (int i = 0; i < c.length; i++) {
            if (i < 19) {
                assertTrue(Double.isNaN(s.indicators()[0][i]), "warm-up at " + i);
                continue;
            }
            double sum = 0;
            for (int j = i - 19; j <= i; j++) sum += c[j];
            assertEquals(sum / 20, s.indicators()[0][i], 1e-12 * Math.abs(sum / 20), "sma at " + i);
        }
        double[] r = new double[c.length - 1];
        for (int i = 1; i < c.length; i++) r[i - 1] = c[i] / c[i - 1] - 1;
        double[] sorted = r.clone();
        java.util.Arrays.sort(sorted);
        double h = (r.length - 1) * 0.05;
        int lo = (int) Math.floor(h);
        double q = sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
        assertEquals(-q, s.valueAtRisk(), 1e-15);
        assertTrue(Double.isNaN(s.garchVolatility()));
    }

    @Test
    void missingColumnNamesItAndLeavesNoOutput() {
        Path in = dir.resolve("bars.parquet");
        spark.createDataFrame(SparkFixtures.rows(SparkFixtures.assets(2, 1, 40)), SparkFixtures.BARS).drop("volume").write().parquet(in.toString());
        Path out = dir.resolve("out");
        UniverseInputException e = assertThrows(UniverseInputException.class, () -> SxnSpark.universe(spark, spec(in, out)));
        assertTrue(e.getMessage().contains("input column 'volume' is missing"), e.getMessage());
        assertNoOutput(out);
    }

    @Test
    void nonNumericValueNamesAssetAndColumn() throws IOException {
        List<AssetBars> assets = SparkFixtures.assets(4, 2, 40);
        Path in = dir.resolve("bars.csv");
        SparkFixtures.writeCsv(assets, in, "A02", "n/a");
        Path out = dir.resolve("out");
        UniverseInputException e = assertThrows(UniverseInputException.class, () -> SxnSpark.universe(spark, spec(in, out)));
        assertEquals("asset 'A02' column 'close' must be numeric, has 'n/a'", e.getMessage());
        assertNoOutput(out);
    }

    @Test
    void tooFewBarsNamesTheAssetAndLeavesNoPartialOutput() throws IOException {
        List<AssetBars> assets = new java.util.ArrayList<>(SparkFixtures.assets(6, 4, 60));
        assets.addAll(SparkFixtures.assets(1, 9, 15).stream()
                .map(a -> new AssetBars("SHORT", a.time(), a.open(), a.high(), a.low(), a.close(), a.volume())).toList());
        Path in = dir.resolve("bars.parquet");
        SparkFixtures.writeParquet(spark, assets, in);
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("previous-result"), "kept");
        UniverseInputException e = assertThrows(UniverseInputException.class, () -> SxnSpark.universe(spark, spec(in, out).withPartitioning(3, 2)));
        assertTrue(e.getMessage().startsWith("asset 'SHORT' has too few bars in column 'close': 15, needs at least 20"), e.getMessage());
        // The earlier output is untouched and no temporary directory is left beside it.
        assertEquals("kept", Files.readString(out.resolve("previous-result")));
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp-")));
        }
    }

    private void assertNoOutput(Path out) {
        assertFalse(Files.exists(out), "no output table");
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary directory left");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
