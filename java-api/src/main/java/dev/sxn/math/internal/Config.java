package dev.sxn.math.internal;

import dev.sxn.math.backend.Backend;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the library's switches: a system property wins over the environment variable of the same
 * meaning. All are read on each call (cheap), so tests can set properties before first use.
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

    /** The forced backend kind, if {@code sxn.backend} or {@code SXN_BACKEND} names one. */
    public static Optional<Backend> forcedBackend() {
        Optional<String> p = Optional.ofNullable(System.getProperty("sxn.backend")).filter(s -> !s.isBlank());
        if (p.isPresent()) return Optional.of(Backend.parse(p.get(), "system property sxn.backend"));
        return Optional.ofNullable(System.getenv("SXN_BACKEND")).filter(s -> !s.isBlank())
                .map(s -> Backend.parse(s, "environment variable SXN_BACKEND"));
    }

    /** The kinds switched off by {@code sxn.disable} / {@code SXN_DISABLE}. */
    public static Set<Backend> disabled() {
        EnumSet<Backend> out = EnumSet.noneOf(Backend.class);
        setting("sxn.disable", "SXN_DISABLE").ifPresent(list -> {
            for (String part : list.split(",")) {
                if (part.isBlank()) continue;
                Backend b = Backend.parse(part, "sxn.disable / SXN_DISABLE entry");
                if (b == Backend.JAVA) {
                    throw new IllegalArgumentException("sxn.disable cannot switch off java (the reference backend), was '" + list + "'");
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
            throw new IllegalArgumentException("system property " + name + " must be an integer, was '" + v + "'", e);
        }
    }

    /** Lower-case name of a kind, as used in property names. */
    public static String key(Backend kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
