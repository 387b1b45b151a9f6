package dev.sxn.math.internal;

import dev.sxn.math.backend.Backend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The measured crossover sizes: from which problem size each backend kind is chosen automatically,
 * per kernel family. They live in the resource {@code crossovers.properties} beside this class, with
 * the benchmark that measured each one in a comment above it, so that a new measurement changes a data
 * file rather than code.
 *
 * <p>Format: {@code <family>.<kind> = <size>|never}, with {@code <kind>} one of {@code vector},
 * {@code native}, {@code opencl}; {@code <family>.opencl.gpu} gives the size on a GPU device (when
 * absent, the {@code opencl} value holds for every device). {@code never} means "only when pinned or
 * forced".
 *
 * <p>Immutable; thread-safe.
 */
public final class Crossovers {
    /** Crossover meaning "never chosen automatically; only when pinned or forced". */
    public static final long NEVER = Long.MAX_VALUE;

    /** The resource the library ships, relative to this class. */
    static final String RESOURCE = "crossovers.properties";

    private static final class Holder {
        static final Crossovers DEFAULTS = load(RESOURCE);
    }

    private final Map<String, Long> values;

    private Crossovers(Map<String, Long> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The crossovers shipped with the library. */
    public static Crossovers defaults() {
        return Holder.DEFAULTS;
    }

    /** Reads a crossover file from the class path (relative to this class). */
    static Crossovers load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Crossovers.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("resource " + resource + " missing from the jar");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
        Map<String, Long> m = new HashMap<>();
        for (String key : p.stringPropertyNames()) m.put(key, parse(key, p.getProperty(key), resource));
        return new Crossovers(m);
    }

    private static long parse(String key, String value, String resource) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("never")) return NEVER;
        try {
            long n = Long.parseLong(v);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(resource + ": " + key + " must be a size >= 0 or 'never', was '" + value + "'");
    }

    /**
     * The crossover of {@code kind} in {@code family}; on a GPU the {@code .gpu} entry when there is one.
     * A family's kind with no entry is never chosen automatically (and {@code CrossoversTest} fails).
     */
    public long crossover(String family, Backend kind, boolean gpu) {
        String key = family + "." + Config.key(kind);
        Long v = gpu ? values.get(key + ".gpu") : null;
        if (v == null) v = values.get(key);
        if (v == null) {
            Log.once("crossover/" + key, System.Logger.Level.WARNING, "no crossover for " + key + " in " + RESOURCE
                    + "; that kind is used only when pinned");
            return NEVER;
        }
        return v;
    }

    /** Every key in the file (for the test that each family's kinds have an entry and nothing else does). */
    public Set<String> keys() {
        return values.keySet();
    }
}
