package dev.sxn.math.cli;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.backend.Calibration;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code sxn calibrate [--budget SECONDS] [--kinds vector,native,opencl]}: measures this machine's crossovers
 * ({@link Backends#calibrate(Duration, Set, java.util.function.Consumer)}), prints one line per family as it goes and
 * then where they were stored. Status 0 when stored, 1 when nothing could be stored, 2 for a bad option.
 */
final class Calibrate {
    static final String USAGE = """
            usage: sxn calibrate [--budget SECONDS] [--kinds vector,native,opencl]
              measures from which size each backend is chosen on this machine (default budget 50 s; kinds: vector and
              native, and opencl on a GPU) and stores it in the user's cache, where every later run on this CPU and
              version uses it (-Dsxn.crossovers=shipped ignores it). Run it on an otherwise idle machine.""";
    /** The default budget: "under a minute" with room for the one call per family and kind it may overrun. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(50);

    private Calibrate() {}

    /** Runs the command; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Duration budget = DEFAULT_BUDGET;
        Set<Backend> kinds = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--budget" -> budget = seconds(value(args, ++i, "--budget"));
                case "--kinds" -> kinds = kinds(value(args, ++i, "--kinds"));
                default -> {
                    err.println("sxn calibrate: unknown option '" + args[i] + "' (sxn calibrate --help lists them)");
                    return 2;
                }
            }
        }
        out.println("sxn calibrate: " + (kinds == null ? "the default kinds" : kinds) + " against JAVA, budget " + budget.toSeconds()
                + " s (run on an otherwise idle machine)");
        Calibration c = Backends.calibrate(budget, kinds, line -> out.println("  " + line));
        out.println(c.file() != null ? "stored in " + c.file() : "not stored: " + c.notStored());
        out.println("measured " + c.measured().size() + " of " + c.crossovers().size() + " crossovers in "
                + String.format("%.1f", c.elapsed().toMillis() / 1000.0) + " s on " + c.cpu() + " (" + c.cpuKey() + ")");
        out.println("crossovers now: " + Backends.describe().lines().filter(l -> l.startsWith("crossovers: ")).findFirst().orElse("?")
                .substring("crossovers: ".length()));
        return c.file() != null ? 0 : 1;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static Duration seconds(String s) {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--budget must be a number of seconds, was '" + s + "'");
        }
        if (!(v >= 0.001 && v <= 3600)) throw new IllegalArgumentException("--budget must be between 0.001 and 3600 seconds, was '" + s + "'");
        return Duration.ofNanos(Math.round(v * 1e9));
    }

    private static Set<Backend> kinds(String list) {
        Set<Backend> kinds = EnumSet.noneOf(Backend.class);
        for (String part : list.split(",")) {
            if (part.isBlank()) continue;
            Backend b = Backend.parse(part, "--kinds entry");
            if (b == Backend.JAVA) throw new IllegalArgumentException("--kinds must not name java (the reference every kind is timed against)");
            kinds.add(b);
        }
        if (kinds.isEmpty()) throw new IllegalArgumentException("--kinds must name at least one of vector, native, opencl, was '" + list + "'");
        return kinds;
    }
}
