package dev.sxn.math.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The scaling harness behind bench/results/spark.md: the universe job on {@code local[1]} and {@code local[2]}
 * against the same batched computation in one JVM without Spark, and the chunked Monte Carlo on {@code local[2]}.
 * Wall times of whole jobs (reading Parquet and writing the output included for Spark; in-memory for the one-JVM
 * run), one run each after a small warm-up job. Arguments: {@code --assets N --bars T --paths P --garch}.
 */
public final class SparkBench {
    private SparkBench() {}

    /** Runs the benchmark and prints a Markdown table. */
    public static void main(String[] args) throws Exception {
        int assets = 10_000, bars = 2_500;
        long paths = 100_000_000L;
        boolean garch = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--assets" -> assets = Integer.parseInt(args[++i]);
                case "--bars" -> bars = Integer.parseInt(args[++i]);
                case "--paths" -> paths = Long.parseLong(args[++i]);
                case "--garch" -> garch = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("sxn-spark-bench");
        Path input = dir.resolve("bars.parquet");
        List<AssetBars> universe = generate(assets, bars);
        UniverseSpec spec = UniverseSpec.of(input.toString(), dir.resolve("out").toString()).withGarch(garch).withPartitioning(0, 64);

        Path warmInput = dir.resolve("warm.parquet");
        SparkSession writer = session("local[2]");
        // Written in slices so the driver never holds every bar as a Row at once.
        for (int first = 0; first < assets; first += 500) {
            writer.createDataFrame(rows(universe.subList(first, Math.min(assets, first + 500))), BARS).write().mode("append").parquet(input.toString());
        }
        writer.createDataFrame(rows(universe.subList(0, Math.min(256, assets))), BARS).write().parquet(warmInput.toString());
        writer.stop();

        UniverseKernel.local(universe.subList(0, Math.min(256, assets)), spec); // JIT warm-up of the kernels
        long t0 = System.nanoTime();
        UniverseKernel.local(universe, spec);
        double oneJvm = (System.nanoTime() - t0) / 1e9;

        double[] spark = new double[2];
        for (int n = 1; n <= 2; n++) {
            SparkSession s = session("local[" + n + "]");
            SxnSpark.universe(s, new UniverseSpec(warmInput.toString(), "parquet", dir.resolve("warm" + n).toString(), spec.indicators(),
                    spec.periodsPerYear(), spec.riskFreePerYear(), spec.alpha(), garch, 64, 2 * n));
            long t = System.nanoTime();
            SxnSpark.universe(s, spec.withOutput(dir.resolve("out" + n).toString()).withPartitioning(4 * n, 64));
            spark[n - 1] = (System.nanoTime() - t) / 1e9;
            s.stop();
        }

        SparkSession s = session("local[2]");
        MonteCarloSpec mc = new MonteCarloSpec(new double[] {100, 50, 20}, new double[] {0.05, 0.03, 0.08}, new double[] {0.2, 0.3, 0.4},
                new double[][] {{1, 0.5, 0.2}, {0.5, 1, 0.3}, {0.2, 0.3, 1}}, new double[] {10, -5, 30}, 10.0 / 252, 0.99, 42, paths, 1_000_000, 8);
        SxnSpark.monteCarlo(s, new MonteCarloSpec(mc.spots(), mc.drifts(), mc.volatilities(), mc.correlation(), mc.positions(), mc.horizon(),
                mc.alpha(), 1, 4_000_000, 1_000_000, 2));
        long t = System.nanoTime();
        MonteCarloResult r = SxnSpark.monteCarlo(s, mc);
        double mcSeconds = (System.nanoTime() - t) / 1e9;
        s.stop();

        System.out.printf(Locale.ROOT, "| job | wall s |%n|---|---|%n");
        System.out.printf(Locale.ROOT, "| universe %d x %d, one JVM (no Spark, in memory) | %.2f |%n", assets, bars, oneJvm);
        System.out.printf(Locale.ROOT, "| universe, local[1] (Parquet in and out) | %.2f |%n", spark[0]);
        System.out.printf(Locale.ROOT, "| universe, local[2] | %.2f |%n", spark[1]);
        System.out.printf(Locale.ROOT, "| scaling local[1] / local[2] | %.2fx |%n", spark[0] / spark[1]);
        System.out.printf(Locale.ROOT, "| Spark overhead local[1] / one JVM | %.2fx |%n", spark[0] / oneJvm);
        System.out.printf(Locale.ROOT, "| Monte Carlo %d paths, local[2] (VaR %.6f, ES %.6f) | %.2f |%n", paths, r.valueAtRisk(), r.expectedShortfall(),
                mcSeconds);
    }

    private static SparkSession session(String master) {
        return SparkSession.builder().master(master).appName("sxn-spark-bench").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    }

    private static final StructType BARS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("asset", DataTypes.StringType, false), DataTypes.createStructField("time", DataTypes.LongType, false),
            DataTypes.createStructField("open", DataTypes.DoubleType, false), DataTypes.createStructField("high", DataTypes.DoubleType, false),
            DataTypes.createStructField("low", DataTypes.DoubleType, false), DataTypes.createStructField("close", DataTypes.DoubleType, false),
            DataTypes.createStructField("volume", DataTypes.DoubleType, false)));

    private static List<AssetBars> generate(int assets, int bars) {
        SplittableRandom rnd = new SplittableRandom(1);
        List<AssetBars> out = new ArrayList<>(assets);
        for (int a = 0; a < assets; a++) {
            long[] time = new long[bars];
            double[] o = new double[bars], h = new double[bars], l = new double[bars], c = new double[bars], v = new double[bars];
            double p = 100;
            for (int i = 0; i < bars; i++) {
                time[i] = i;
                o[i] = p;
                p *= Math.exp(0.02 * (rnd.nextDouble() - 0.5));
                c[i] = p;
                h[i] = Math.max(o[i], p);
                l[i] = Math.min(o[i], p);
                v[i] = 1 + rnd.nextInt(1000);
            }
            out.add(new AssetBars("S" + a, time, o, h, l, c, v));
        }
        return out;
    }

    private static List<Row> rows(List<AssetBars> universe) {
        List<Row> rows = new ArrayList<>();
        for (AssetBars a : universe) {
            for (int i = 0; i < a.bars(); i++) rows.add(RowFactory.create(a.asset(), a.time()[i], a.open()[i], a.high()[i], a.low()[i], a.close()[i], a.volume()[i]));
        }
        return rows;
    }
}
