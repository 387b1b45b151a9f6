package dev.sxn.math.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The universe job's Spark side: read and validate the bars, score per partition, write atomically. */
final class UniverseJob {
    private UniverseJob() {}

    static final List<String> INPUT_COLUMNS = List.of("asset", "time", "open", "high", "low", "close", "volume");

    /** One row per asset: asset, bars, time, one array per indicator, then the scorecard. */
    static StructType outputSchema(UniverseSpec spec) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("asset", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("bars", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("time", DataTypes.createArrayType(DataTypes.LongType, false), false));
        for (IndicatorSpec s : spec.indicators()) {
            f.add(DataTypes.createStructField(s.column(), DataTypes.createArrayType(DataTypes.DoubleType, false), false));
        }
        for (String name : List.of("sharpe", "max_drawdown", "var", "es", "garch_vol")) {
            f.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
        }
        return DataTypes.createStructType(f);
    }

    static UniverseResult run(SparkSession spark, UniverseSpec spec) {
        long start = System.nanoTime();
        Dataset<Row> typed = readChecked(spark, spec);
        int partitions = spec.partitions() > 0 ? spec.partitions() : spark.sparkContext().defaultParallelism();
        Dataset<Row> scored = typed.repartition(partitions, col("asset")).sortWithinPartitions("asset", "time")
                .mapPartitions(new UniversePartition(spec), Encoders.row(outputSchema(spec)));
        writeAtomically(spark, scored, spec.output());
        long assets = spark.read().parquet(spec.output()).count();
        List<ExecutorInfo> executors = ExecutorProbe.collect(spark);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new UniverseResult(spec.output(), assets, new JobReport(spark.sparkContext().master(), partitions, millis, executors));
    }

    /**
     * Reads the bars and checks the columns on the driver: each must exist and be numeric, or text whose every
     * value parses as a number. Returns (asset string, time long, five doubles), nulls where a value is missing.
     */
    static Dataset<Row> readChecked(SparkSession spark, UniverseSpec spec) {
        Dataset<Row> raw = spec.format().equals("csv")
                ? spark.read().option("header", "true").csv(spec.input())
                : spark.read().parquet(spec.input());
        List<String> have = Arrays.asList(raw.columns());
        for (String c : INPUT_COLUMNS) {
            if (!have.contains(c)) {
                throw new UniverseInputException("input column '" + c + "' is missing; the table has " + have + " and needs " + INPUT_COLUMNS);
            }
        }
        StructType schema = raw.schema();
        for (String c : INPUT_COLUMNS.subList(1, INPUT_COLUMNS.size())) {
            DataType type = schema.apply(c).dataType();
            if (type instanceof NumericType || type.equals(DataTypes.TimestampType)) continue;
            if (!type.equals(DataTypes.StringType)) {
                throw new UniverseInputException("input column '" + c + "' must be numeric, was of type " + type.simpleString());
            }
            String target = c.equals("time") ? "BIGINT" : "DOUBLE";
            List<Row> bad = raw.filter(col(c).isNotNull().and(expr("try_cast(`" + c + "` AS " + target + ")").isNull()))
                    .select(col("asset"), col(c)).limit(1).collectAsList();
            if (!bad.isEmpty()) {
                throw new UniverseInputException("asset '" + bad.get(0).get(0) + "' column '" + c + "' must be numeric, has '" + bad.get(0).get(1) + "'");
            }
        }
        List<String> nullAssets = raw.filter(col("asset").isNull()).select(col("time")).limit(1).collectAsList().stream().map(String::valueOf).toList();
        if (!nullAssets.isEmpty()) throw new UniverseInputException("column 'asset' has a missing value (at time " + nullAssets.get(0) + ")");
        Column[] cols = new Column[INPUT_COLUMNS.size()];
        cols[0] = col("asset").cast(DataTypes.StringType).as("asset");
        cols[1] = (schema.apply("time").dataType().equals(DataTypes.TimestampType) ? col("time").cast(DataTypes.LongType)
                : expr("try_cast(`time` AS BIGINT)")).as("time");
        for (int i = 2; i < cols.length; i++) {
            String c = INPUT_COLUMNS.get(i);
            cols[i] = expr("try_cast(`" + c + "` AS DOUBLE)").as(c);
        }
        return raw.select(cols);
    }

    /**
     * Writes {@code data} as Parquet into a hidden sibling of {@code output} and renames it over {@code output} only
     * when every task succeeded, so a failed job leaves no partial table (and an older output untouched).
     */
    static void writeAtomically(SparkSession spark, Dataset<Row> data, String output) {
        Path out = new Path(output);
        FileSystem fs;
        Path tmp;
        try {
            fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
            out = fs.makeQualified(out);
            tmp = new Path(out.getParent(), "." + out.getName() + ".tmp-" + UUID.randomUUID());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            data.write().parquet(tmp.toString());
        } catch (Exception e) { // SparkException is checked, yet Scala throws it through write()
            deleteQuietly(fs, tmp);
            throw SparkFailures.translate(e);
        }
        try {
            if (fs.exists(out)) fs.delete(out, true);
            if (!fs.rename(tmp, out)) throw new IOException("could not rename " + tmp + " to " + out);
        } catch (IOException e) {
            deleteQuietly(fs, tmp);
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(FileSystem fs, Path p) {
        try {
            fs.delete(p, true);
        } catch (IOException ignored) {
            // The job's own failure is the one to report; a leftover hidden directory is harmless.
        }
    }
}
