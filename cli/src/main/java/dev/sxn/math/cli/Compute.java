package dev.sxn.math.cli;

import dev.sxn.math.backend.Backends;
import dev.sxn.math.indicators.Indicators;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code sxn compute INDICATOR --input FILE [options] [--output FILE]}: runs one indicator of
 * {@link Indicators} over a CSV file and writes the input rows plus the result column(s) (to
 * stdout without {@code --output}). Columns are chosen by name. The file is streamed twice (only the
 * numeric columns the indicator needs are held), and {@code --output} is replaced atomically and never
 * the input. Every failure is one line on stderr naming the file, line, column or option, and status 2.
 */
final class Compute {
    static final String USAGE = """
            usage: sxn compute INDICATOR --input FILE [--output FILE] [options]
              window indicators (--column close --n 20): sma ema wilder wma dema tema rsi zscore
                  rolling-mean rolling-sum rolling-max rolling-min rolling-var rolling-std [--sample]
              macd [--fast 12 --slow 26 --signal 9]     bollinger [--n 20 --k 2]
              atr [--high high --low low --close close --n 14]
              stochastic [--high high --low low --close close --nk 14 --nd 3]
              vwap [--column close --volume volume --n 20]   vwap-cumulative   obv [--volume volume]
              time-ema [--column close --time time --tau 60]   (time in the units of tau)""";

    private static final Set<String> FLAGS = Set.of("--sample");

    private Compute() {}

    /** Runs the command; returns the exit code (0 ok, 2 usage, input or output error). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length >= 2 && (args[1].equals("--help") || args[1].equals("-h"))) {
            out.println(USAGE);
            out.println(TtrPlans.USAGE);
            out.println(RiskPlan.USAGE);
            return 0;
        }
        String phase = "starting";
        ColumnReader reader = null;
        try {
            if (args.length < 2 || args[1].startsWith("--")) throw new IllegalArgumentException("missing INDICATOR");
            String indicator = args[1];
            Map<String, String> opt = options(args, 2);
            String input = opt.remove("--input");
            if (input == null) throw new IllegalArgumentException("missing --input FILE");
            String output = opt.remove("--output");
            if (output != null) refuseSameFile(Path.of(input), Path.of(output));
            Options o = new Options(opt);
            if (RiskPlan.covers(indicator)) return RiskPlan.run(indicator, o, Path.of(input), output == null ? null : Path.of(output), out);
            IndicatorPlan plan = IndicatorPlan.of(indicator, o);
            o.checkAllUsed(indicator);
            InputFile in = InputFile.of(Path.of(input));
            detectBackendsMeanwhile();
            reader = new ColumnReader(in);
            phase = "reading " + input;
            CsvTable t = reader.read(plan.inputs());
            phase = "computing " + indicator + " over " + t.size() + " rows of " + input;
            double[][] columns = new double[plan.inputs().size()][];
            for (int k = 0; k < columns.length; k++) columns[k] = t.column(plan.inputs().get(k).name());
            Map<String, double[]> result = plan.compute().apply(columns);
            phase = "writing " + (output == null ? "the result" : output);
            if (output == null) toStdout(in, t, result, out);
            else AtomicOutput.write(Path.of(output), w -> CsvRewriter.write(in, t, result, w, () -> {}));
            return 0;
        } catch (IllegalArgumentException | CliError e) {
            return fail(err, e.getMessage());
        } catch (OutOfMemoryError e) {
            // The arrays of the failed step are unreachable here, so this message has room to be built.
            String where = reader != null && phase.startsWith("reading ") ? phase + " (" + reader.rowsRead() + " rows so far)" : phase;
            return fail(err, "out of memory " + where + "; raise -Xmx");
        } catch (IOException e) {
            return fail(err, "cannot write the result to standard output: " + IoReasons.of(e));
        }
    }

    /**
     * Starts the library's backend detection (native libraries checked and loaded, OpenCL platforms
     * listed) on a daemon thread, so it overlaps the reading of the file instead of following it.
     */
    private static void detectBackendsMeanwhile() {
        Thread.ofPlatform().daemon().name("sxn-compute-detect").start(() -> {
            try {
                Backends.available();
            } catch (RuntimeException | LinkageError e) {
                // The indicator call detects again on the main thread and reports what went wrong there.
            }
        });
    }

    /** One line on stderr; the usage goes to {@code --help}, not under every error. */
    private static int fail(PrintStream err, String message) {
        err.println("sxn compute: " + message);
        err.flush();
        return 2;
    }

    /** The input is read twice and the output replaces its target: the two must never be one file. */
    private static void refuseSameFile(Path input, Path output) {
        boolean same = input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize());
        if (!same && Files.exists(output)) {
            try {
                same = Files.isSameFile(input, output);
            } catch (IOException e) {
                // one of them cannot be examined: reading or writing will name it
            }
        }
        if (same) {
            throw new CliError("--output " + output + " is the same file as --input " + input
                    + "; write the result to another file (the input would be destroyed)");
        }
    }

    /**
     * Writes the result to {@code out} (UTF-8 bytes). A PrintStream keeps write errors to itself, so it is
     * asked for them while writing (to stop early on a closed pipe) and after the last flush.
     */
    private static void toStdout(InputFile in, CsvTable t, Map<String, double[]> result, PrintStream out) throws IOException {
        CsvRewriter.Checkpoint check = () -> {
            if (out.checkError()) throw new CliError("cannot write the result to standard output (disk full, or a closed pipe?)");
        };
        CsvRewriter.write(in, t, result, out, check);
        check.check();
    }

    /** The {@code --name value} pairs (and bare flags) of {@code args} from index {@code from} on. */
    static Map<String, String> options(String[] args, int from) {
        Map<String, String> m = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + a + "'");
            if (FLAGS.contains(a)) {
                m.put(a, "true");
                continue;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException("option " + a + " needs a value");
            if (m.put(a, args[++i]) != null) throw new IllegalArgumentException("option " + a + " given twice");
        }
        return m;
    }
}
