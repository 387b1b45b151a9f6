package dev.sxn.math.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * {@code sxn spark universe --master local[2] --input bars.parquet --output out.parquet [options]}: the universe job
 * from the command line (the {@code sxn} launcher runs this class with the spark module's class path, so the core
 * command never loads Spark). Options: {@code --indicators sma:20,ema:20,rsi:14}, {@code --partitions N},
 * {@code --block N}, {@code --alpha A}, {@code --periods-per-year P}, {@code --risk-free R}, {@code --no-garch},
 * {@code --format parquet|csv}. Exit status 0 on success, 1 on bad input (the message on stderr), 2 on bad usage.
 */
public final class SparkMain {
    private SparkMain() {}

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("universe")) {
            err.println("usage: sxn spark universe --master URL --input BARS --output OUT [--indicators LIST] [--partitions N] [--block N]"
                    + " [--alpha A] [--periods-per-year P] [--risk-free R] [--no-garch] [--format parquet|csv]");
            return 2;
        }
        String master = "local[2]", input = null, output = null, format = null;
        List<IndicatorSpec> indicators = null;
        int partitions = 0, block = 64;
        double alpha = 0.05, ppy = 252, rf = 0;
        boolean garch = true;
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--master" -> master = value(args, ++i);
                    case "--input" -> input = value(args, ++i);
                    case "--output" -> output = value(args, ++i);
                    case "--format" -> format = value(args, ++i);
                    case "--indicators" -> {
                        indicators = new ArrayList<>();
                        for (String s : value(args, ++i).split(",")) indicators.add(IndicatorSpec.parse(s));
                    }
                    case "--partitions" -> partitions = Integer.parseInt(value(args, ++i));
                    case "--block" -> block = Integer.parseInt(value(args, ++i));
                    case "--alpha" -> alpha = Double.parseDouble(value(args, ++i));
                    case "--periods-per-year" -> ppy = Double.parseDouble(value(args, ++i));
                    case "--risk-free" -> rf = Double.parseDouble(value(args, ++i));
                    case "--no-garch" -> garch = false;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (input == null || output == null) throw new IllegalArgumentException("--input and --output are required");
        } catch (IllegalArgumentException e) {
            err.println("sxn spark: " + e.getMessage());
            return 2;
        }
        UniverseSpec spec = UniverseSpec.of(input, output);
        try {
            if (format != null) {
                spec = new UniverseSpec(input, format, output, spec.indicators(), ppy, rf, alpha, garch, block, partitions);
            }
            spec = spec.withRisk(ppy, rf, alpha).withGarch(garch).withPartitioning(partitions, block);
            if (indicators != null) spec = spec.withIndicators(indicators);
        } catch (IllegalArgumentException e) {
            err.println("sxn spark: " + e.getMessage());
            return 2;
        }
        SparkSession spark = SparkSession.builder().master(master).appName("sxn spark universe").getOrCreate();
        try {
            UniverseResult r = SxnSpark.universe(spark, spec);
            out.println("wrote " + r.assets() + " assets to " + r.output());
            out.println(r.report());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("sxn spark: " + e.getMessage());
            return 1;
        } finally {
            spark.stop();
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
        return args[i];
    }
}
