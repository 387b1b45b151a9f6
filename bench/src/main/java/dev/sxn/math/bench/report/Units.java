package dev.sxn.math.bench.report;

/** JMH's score units ({@code ops/s}, {@code ops/ms}, {@code ms/op}, {@code us/op}, ...) converted to a rate. */
final class Units {
    private Units() {}

    /** Whether the unit is a rate (operations per time) rather than a time per operation. */
    static boolean isRate(String unit) {
        return unit.startsWith("ops/");
    }

    /** Seconds in one of JMH's time units (s, ms, us, ns, min). */
    static double seconds(String t) {
        return switch (t) {
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us" -> 1e-6;
            case "ns" -> 1e-9;
            case "min" -> 60;
            default -> throw new IllegalArgumentException("unit must be one of JMH's time units s, ms, us, ns, min, was " + t);
        };
    }

    /** A score in {@code unit} as operations per second. */
    static double toOpsPerSecond(double score, String unit) {
        if (isRate(unit)) return score / seconds(unit.substring(4));
        return 1.0 / (score * seconds(unit.substring(0, unit.indexOf('/'))));
    }

    /** Converts a score (or an error, which scales the same way for rates and linearly for times) between units of one kind. */
    static double convert(double value, String from, String to) {
        if (from.equals(to)) return value;
        if (isRate(from) != isRate(to)) throw new IllegalArgumentException("unit " + to + " must be of the same kind as " + from);
        if (isRate(from)) return value * seconds(to.substring(4)) / seconds(from.substring(4));
        return value * seconds(from.substring(0, from.indexOf('/'))) / seconds(to.substring(0, to.indexOf('/')));
    }
}
