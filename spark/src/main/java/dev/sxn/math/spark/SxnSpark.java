package dev.sxn.math.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * SxN-Math's kernels inside Spark executors: universe-wide indicators and risk, chunked Monte Carlo, parameter
 * sweeps. Every job equals its one-JVM counterpart ({@link UniverseKernel#local}, {@link MonteCarloChunks#local},
 * {@link SweepKernel#local}) bit for bit on the JAVA backend whatever the master, executor and partition count;
 * work inside a partition runs the library's batched kernels, never a per-row function.
 *
 * <p>Executors need the library jar (and JOCL's for OpenCL) on their class path, and the JVM flags
 * {@code --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED} (Spark 4.2's launcher passes
 * both); native files are extracted by each executor into its user's verified cache. Each job's {@link JobReport}
 * lists every executor's backend kinds.
 */
public final class SxnSpark {
    private SxnSpark() {}

    /**
     * Scores every asset of a bars table: {@code spec.indicators()} and the risk scorecard, one output row per asset,
     * written as Parquet to {@code spec.output()} only if the whole job succeeds. Assets are hashed into
     * partitions; inside one, assets of equal length run in {@code SeriesBatch} blocks. O(assets bars) plus the
     * GARCH fits.
     *
     * @throws UniverseInputException if a column is missing or not numeric, a value is missing, or an asset has too
     *     few bars (the message names the asset and column; no output is left behind)
     */
    public static UniverseResult universe(SparkSession spark, UniverseSpec spec) {
        SparkChecks.notNull(spark, "spark");
        SparkChecks.notNull(spec, "spec");
        return UniverseJob.run(spark, spec);
    }

    /**
     * Portfolio VaR/ES by Monte Carlo over {@code spec.chunks()} deterministic chunks spread across
     * {@code spec.partitions()} partitions; each partition returns its chunk sums and its upper tail, the driver
     * merges them. Retried tasks recompute the same chunks, so the result never depends on failures.
     * O(paths d^2) work, O(tail) driver memory.
     *
     * @throws IllegalArgumentException if the model or positions are invalid
     */
    public static MonteCarloResult monteCarlo(SparkSession spark, MonteCarloSpec spec) {
        SparkChecks.notNull(spark, "spark");
        SparkChecks.notNull(spec, "spec");
        MonteCarloChunks.model(spec); // fail on the driver, before any task, if the model is invalid
        long start = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int parts = spec.partitions() > 0 ? spec.partitions() : jsc.defaultParallelism();
        int chunks = spec.chunks();
        List<Integer> ids = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) ids.add(c);
        Broadcast<MonteCarloSpec> b = jsc.broadcast(spec);
        List<MonteCarloChunks.Partial> partials = jsc.parallelize(ids, Math.min(parts, chunks)).mapPartitions(
                (FlatMapFunction<Iterator<Integer>, MonteCarloChunks.Partial>) it -> {
                    List<Integer> mine = new ArrayList<>();
                    it.forEachRemaining(mine::add);
                    if (mine.isEmpty()) return java.util.Collections.emptyIterator();
                    int[] arr = mine.stream().mapToInt(Integer::intValue).toArray();
                    return List.of(MonteCarloChunks.run(b.value(), arr)).iterator();
                }).collect();
        b.destroy();
        List<ExecutorInfo> executors = ExecutorProbe.collect(spark);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return MonteCarloChunks.finish(spec, partials, new JobReport(spark.sparkContext().master(), Math.min(parts, chunks), millis, executors));
    }

    /**
     * Backtests every parameter set of {@code spec.grid()}, the sets spread over {@code spec.partitions()}
     * partitions, each partition running batched indicator kernels over the whole panel; returns the metrics table
     * and the top {@code spec.topK()} sets. O(sets assets bars).
     */
    public static SweepResult sweep(SparkSession spark, SweepSpec spec) {
        SparkChecks.notNull(spark, "spark");
        SparkChecks.notNull(spec, "spec");
        long start = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int parts = spec.partitions() > 0 ? spec.partitions() : jsc.defaultParallelism();
        int sets = spec.grid().size();
        List<Integer> ids = new ArrayList<>(sets);
        for (int i = 0; i < sets; i++) ids.add(i);
        Broadcast<SweepSpec> b = jsc.broadcast(spec);
        JavaRDD<SweepRow> rows = jsc.parallelize(ids, Math.min(parts, sets)).mapPartitions(
                (FlatMapFunction<Iterator<Integer>, SweepRow>) it -> {
                    SweepKernel.Backtester bt = new SweepKernel.Backtester(b.value());
                    List<SweepRow> out = new ArrayList<>();
                    it.forEachRemaining(id -> out.add(bt.run(id)));
                    return out.iterator();
                }).persist(StorageLevel.MEMORY_AND_DISK());
        int k = spec.topK();
        List<SweepRow> candidates = rows.mapPartitions((FlatMapFunction<Iterator<SweepRow>, SweepRow>) it -> {
            List<SweepRow> all = new ArrayList<>();
            it.forEachRemaining(all::add);
            return SweepKernel.top(all, k).iterator();
        }).collect();
        List<SweepRow> top = SweepKernel.top(candidates, k);
        int p = spec.strategy().parameters();
        Dataset<Row> table = spark.createDataFrame(rows.map(r -> toRow(r, p)), sweepSchema(p));
        List<ExecutorInfo> executors = ExecutorProbe.collect(spark);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new SweepResult(table, top, new JobReport(spark.sparkContext().master(), Math.min(parts, sets), millis, executors));
    }

    static StructType sweepSchema(int parameters) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("id", DataTypes.IntegerType, false));
        for (int i = 0; i < parameters; i++) f.add(DataTypes.createStructField("p" + i, DataTypes.DoubleType, false));
        for (String m : List.of("sharpe", "cagr", "max_drawdown")) f.add(DataTypes.createStructField(m, DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("trades", DataTypes.LongType, false));
        return DataTypes.createStructType(f);
    }

    private static Row toRow(SweepRow r, int parameters) {
        Object[] v = new Object[parameters + 5];
        v[0] = r.id();
        for (int i = 0; i < parameters; i++) v[1 + i] = r.parameters()[i];
        v[parameters + 1] = r.sharpe();
        v[parameters + 2] = r.cagr();
        v[parameters + 3] = r.maxDrawdown();
        v[parameters + 4] = r.trades();
        return RowFactory.create(v);
    }
}
