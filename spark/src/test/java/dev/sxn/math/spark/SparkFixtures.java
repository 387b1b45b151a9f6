package dev.sxn.math.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Sessions and synthetic bars for the Spark tests. */
final class SparkFixtures {
    private SparkFixtures() {}

    static SparkSession session(String master) {
        return SparkSession.builder().master(master).appName("sxn-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    static final StructType BARS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("asset", DataTypes.StringType, true),
            DataTypes.createStructField("time", DataTypes.LongType, true),
            DataTypes.createStructField("open", DataTypes.DoubleType, true),
            DataTypes.createStructField("high", DataTypes.DoubleType, true),
            DataTypes.createStructField("low", DataTypes.DoubleType, true),
            DataTypes.createStructField("close", DataTypes.DoubleType, true),
            DataTypes.createStructField("volume", DataTypes.DoubleType, true)));

    /** {@code n} assets named A00.., a seeded log-normal walk each; lengths alternate between the given ones. */
    static List<AssetBars> assets(int n, long seed, int... lengths) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<AssetBars> out = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            int t = lengths[a % lengths.length];
            long[] time = new long[t];
            double[] o = new double[t], h = new double[t], l = new double[t], c = new double[t], v = new double[t];
            double p = 50 + 100 * rnd.nextDouble();
            for (int i = 0; i < t; i++) {
                time[i] = 1_600_000_000L + 86_400L * i;
                o[i] = p;
                p *= Math.exp(0.0002 + 0.02 * gauss(rnd));
                c[i] = p;
                h[i] = Math.max(o[i], c[i]) * (1 + 0.005 * rnd.nextDouble());
                l[i] = Math.min(o[i], c[i]) * (1 - 0.005 * rnd.nextDouble());
                v[i] = 1000 + rnd.nextInt(9000);
            }
            out.add(new AssetBars(String.format("A%02d", a), time, o, h, l, c, v));
        }
        return out;
    }

    private static double gauss(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** The bars as rows, interleaved over assets and times so the input is not already grouped. */
    static List<Row> rows(List<AssetBars> assets) {
        List<Row> rows = new ArrayList<>();
        int max = assets.stream().mapToInt(AssetBars::bars).max().orElse(0);
        for (int i = max - 1; i >= 0; i--) {
            for (AssetBars a : assets) {
                if (i < a.bars()) rows.add(RowFactory.create(a.asset(), a.time()[i], a.open()[i], a.high()[i], a.low()[i], a.close()[i], a.volume()[i]));
            }
        }
        return rows;
    }

    static void writeParquet(SparkSession spark, List<AssetBars> assets, Path dir) {
        spark.createDataFrame(rows(assets), BARS).repartition(3).write().parquet(dir.toString());
    }

    /** A CSV file with a header; {@code badAsset}'s close at its 3rd bar is replaced by {@code badValue} (if not null). */
    static void writeCsv(List<AssetBars> assets, Path file, String badAsset, String badValue) throws IOException {
        StringBuilder sb = new StringBuilder("asset,time,open,high,low,close,volume\n");
        for (Row r : rows(assets)) {
            String close = badValue != null && r.getString(0).equals(badAsset) && r.getLong(1) == assets.get(0).time()[2] ? badValue
                    : Double.toString(r.getDouble(5));
            sb.append(r.getString(0)).append(',').append(r.getLong(1)).append(',').append(r.getDouble(2)).append(',').append(r.getDouble(3))
                    .append(',').append(r.getDouble(4)).append(',').append(close).append(',').append(r.getDouble(6)).append('\n');
        }
        Files.writeString(file, sb);
    }

    /** Reads a universe output back as scores keyed by asset, in asset order. */
    static List<AssetScore> readScores(SparkSession spark, String output, int indicators) {
        List<Row> rows = spark.read().parquet(output).orderBy("asset").collectAsList();
        List<AssetScore> out = new ArrayList<>();
        for (Row r : rows) {
            List<Long> tl = r.getList(2);
            long[] time = tl.stream().mapToLong(Long::longValue).toArray();
            double[][] ind = new double[indicators][];
            for (int j = 0; j < indicators; j++) {
                List<Double> d = r.getList(3 + j);
                ind[j] = d.stream().mapToDouble(Double::doubleValue).toArray();
            }
            int s = 3 + indicators;
            out.add(new AssetScore(r.getString(0), time, ind, r.getDouble(s), r.getDouble(s + 1), r.getDouble(s + 2), r.getDouble(s + 3), r.getDouble(s + 4)));
        }
        return out;
    }

    /** Asserts two score lists equal bit for bit (NaN equal to NaN), asset by asset. */
    static void assertSameScores(List<AssetScore> expected, List<AssetScore> actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.size(), actual.size(), "assets");
        for (int a = 0; a < expected.size(); a++) {
            AssetScore e = expected.get(a), x = actual.get(a);
            String w = "asset " + e.asset();
            org.junit.jupiter.api.Assertions.assertEquals(e.asset(), x.asset());
            org.junit.jupiter.api.Assertions.assertArrayEquals(e.time(), x.time(), w);
            for (int j = 0; j < e.indicators().length; j++) {
                double[] ee = e.indicators()[j], xx = x.indicators()[j];
                org.junit.jupiter.api.Assertions.assertEquals(ee.length, xx.length, w);
                for (int i = 0; i < ee.length; i++) {
                    org.junit.jupiter.api.Assertions.assertEquals(Double.doubleToLongBits(ee[i]), Double.doubleToLongBits(xx[i]), w + " indicator " + j + " at " + i);
                }
            }
            double[] es = {e.sharpe(), e.maxDrawdown(), e.valueAtRisk(), e.expectedShortfall(), e.garchVolatility()};
            double[] xs = {x.sharpe(), x.maxDrawdown(), x.valueAtRisk(), x.expectedShortfall(), x.garchVolatility()};
            for (int j = 0; j < es.length; j++) {
                org.junit.jupiter.api.Assertions.assertEquals(Double.doubleToLongBits(es[j]), Double.doubleToLongBits(xs[j]), w + " score " + j);
            }
        }
    }

    static List<AssetScore> sortedByAsset(List<AssetScore> s) {
        List<AssetScore> out = new ArrayList<>(s);
        out.sort(java.util.Comparator.comparing(AssetScore::asset));
        return out;
    }
}
