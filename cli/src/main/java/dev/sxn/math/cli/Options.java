package dev.sxn.math.cli;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code sxn compute} after {@code --input} and {@code --output}, with typed access;
 * remembers which were read so that an option the indicator does not take is reported.
 */
final class Options {
    private final Map<String, String> values;
    private final Set<String> used = new HashSet<>();

    Options(Map<String, String> values) {
        this.values = values;
    }

    String str(String name, String dflt) {
        used.add(name);
        return values.getOrDefault(name, dflt);
    }

    int integer(String name, int dflt) {
        String v = str(name, null);
        if (v == null) return dflt;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be an integer, was '" + v + "'");
        }
    }

    double real(String name, double dflt) {
        String v = str(name, null);
        if (v == null) return dflt;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " must be a number, was '" + v + "'");
        }
    }

    boolean flag(String name) {
        return str(name, null) != null;
    }

    /** Throws for the first option no accessor asked for. */
    void checkAllUsed(String indicator) {
        for (String k : values.keySet()) {
            if (!used.contains(k)) throw new IllegalArgumentException("option " + k + " does not apply to " + indicator);
        }
    }
}
