package dev.sxn.math.internal;

import dev.sxn.math.backend.Backend;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the library's switches: a system property wins over the environment variable of the same
 * meaning. {@code sxn.backend} is re-read on every call (one property lookup); the others are read
 * when the part they configure initialises (detection, native loading, a family's first call).
 *
 * <ul>
 *   <li>{@code sxn.backend} / {@code SXN_BACKEND}: force one kind for every operation that has it.
 *   <li>{@code sxn.disable} / {@code SXN_DISABLE}: comma list of {@code vector,native,opencl} to switch off.
 *   <li>{@code sxn.native.dir}: the directory native libraries are extracted to.
 *   <li>{@code sxn.blas.threads}: OpenBLAS threads (default 1).
 *   <li>{@code sxn.crossover.<operation>.<kind>}: override a measured crossover size.
 * </ul>
 */
public final class Config {
    private Config() {}

    /** The value of a system property, else of an environment variable, else empty. */
    public static Optional<String> setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) v = env == null ? null : System.getenv(env);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    // The environment cannot change inside a JVM, so SXN_BACKEND is read once; it is parsed on use, never in a
    // static initialiser: a bad value must make each call throw IllegalArgumentException, not leave the class
    // unusable (ExceptionInInitializerError, then NoClassDefFoundError for the life of the JVM).
    private static final String ENV_BACKEND = System.getenv("SXN_BACKEND");
    // The last sxn.backend value seen and what it parsed to: every kernel call asks, so a property
    // that did not change costs one lookup and one reference comparison, not a parse. Only valid values
    // are remembered; a bad one is parsed (and refused) again on every call.
    private static volatile Object[] lastForced = {null, null};

    /**
     * The forced backend kind, if {@code sxn.backend} (read on each call, so it can be changed at
     * run time) or {@code SXN_BACKEND} (read once) names one.
     */
    @SuppressWarnings("unchecked")
    public static Optional<Backend> forcedBackend() {
        String p = System.getProperty("sxn.backend");
        Object[] last = lastForced;
        if (p == last[0] && last[1] != null) return (Optional<Backend>) last[1];
        Optional<Backend> parsed;
        if (p == null || p.isBlank()) {
            parsed = ENV_BACKEND == null || ENV_BACKEND.isBlank() ? Optional.empty()
                    : Optional.of(Backend.parse(ENV_BACKEND, "environment variable SXN_BACKEND"));
        } else {
            parsed = Optional.of(Backend.parse(p, "system property sxn.backend"));
        }
        lastForced = new Object[] {p, parsed};
        return parsed;
    }

    /** The kinds switched off by {@code sxn.disable} / {@code SXN_DISABLE}. */
    public static Set<Backend> disabled() {
        EnumSet<Backend> out = EnumSet.noneOf(Backend.class);
        setting("sxn.disable", "SXN_DISABLE").ifPresent(list -> {
            for (String part : list.split(",")) {
                if (part.isBlank()) continue;
                Backend b = Backend.parse(part, "sxn.disable / SXN_DISABLE entry");
                if (b == Backend.JAVA) {
                    throw Checks.invalid("sxn.disable / SXN_DISABLE", "'" + list + "'", "not switch off java (the reference backend)");
                }
                out.add(b);
            }
        });
        return out;
    }

    /** A long-valued property, or the default when unset. */
    public static long longProperty(String name, long dflt) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            IllegalArgumentException bad = Checks.invalid("system property " + name, "'" + v + "'", "be an integer");
            bad.initCause(e);
            throw bad;
        }
    }

    /** Lower-case name of a kind, as used in property names. */
    public static String key(Backend kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
