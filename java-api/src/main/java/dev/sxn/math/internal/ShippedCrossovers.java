package dev.sxn.math.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The crossover sizes shipped in the resource {@code crossovers.properties}: the generic lines
 * {@code <family>.<kind> = <size>|never} (and {@code <family>.opencl.gpu}), and per CPU family (a
 * {@link CpuKey} such as {@code amd-zen5}) a section of lines {@code <cpu>.<family>.<kind>} that override the
 * generic line of the same family and kind on that CPU. The sweeps write the sections
 * ({@code bench/crossovers.py --cpu}); each line has the benchmark that measured it in a comment above it.
 *
 * <p>A line is a section line when its first dot-separated part contains a '-' (CPU keys do, family names
 * never do). Immutable; thread-safe.
 */
public final class ShippedCrossovers {
    /** The resource the library ships, relative to this class. */
    static final String RESOURCE = "crossovers.properties";

    private static final class Holder {
        static final ShippedCrossovers SHIPPED = load(RESOURCE);
    }

    private final Map<String, Long> generic;
    private final Map<String, Map<String, Long>> sections;

    private ShippedCrossovers(Map<String, Long> generic, Map<String, Map<String, Long>> sections) {
        this.generic = Collections.unmodifiableMap(generic);
        this.sections = Collections.unmodifiableMap(sections);
    }

    /** The crossovers shipped with the library. */
    public static ShippedCrossovers get() {
        return Holder.SHIPPED;
    }

    /** Reads a crossover file from the class path (relative to this class). */
    static ShippedCrossovers load(String resource) {
        Properties p = new Properties();
        try (InputStream in = ShippedCrossovers.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("resource " + resource + " missing from the jar");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
        return parse(p, resource);
    }

    /** The table of {@code p}; {@code source} names it in errors. */
    static ShippedCrossovers parse(Properties p, String source) {
        Map<String, Long> generic = new HashMap<>();
        Map<String, Map<String, Long>> sections = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            long v = parseValue(key, p.getProperty(key), source);
            int dot = key.indexOf('.');
            String first = dot < 0 ? key : key.substring(0, dot);
            if (first.contains("-")) {
                if (!first.matches("[a-z0-9]+(-[a-z0-9]+)+") || dot < 0) {
                    throw new IllegalStateException(source + ": " + key + " must be <cpu>.<family>.<kind> with a lower-case CPU key such as amd-zen5");
                }
                sections.computeIfAbsent(first, k -> new HashMap<>()).put(key.substring(dot + 1), v);
            } else {
                generic.put(key, v);
            }
        }
        sections.replaceAll((k, m) -> Collections.unmodifiableMap(m));
        return new ShippedCrossovers(generic, sections);
    }

    /** A value of the file: a size {@code >= 0} or {@code never}. */
    static long parseValue(String key, String value, String source) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("never")) return Crossovers.NEVER;
        try {
            long n = Long.parseLong(v);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(source + ": " + key + " must be a size >= 0 or 'never', was '" + value + "'");
    }

    /**
     * The shipped crossover of {@code key} ({@code <family>.<kind>}) on CPU family {@code cpu}, or null when
     * there is none: the CPU's section before the generic lines, and within each the {@code .gpu} line first
     * when {@code gpu}.
     */
    public Long value(String cpu, String key, boolean gpu) {
        Map<String, Long> section = sections.get(cpu);
        Long v = section == null ? null : lookup(section, key, gpu);
        return v != null ? v : lookup(generic, key, gpu);
    }

    private static Long lookup(Map<String, Long> m, String key, boolean gpu) {
        Long v = gpu ? m.get(key + ".gpu") : null;
        return v != null ? v : m.get(key);
    }

    /** Whether the file has a section for CPU family {@code cpu}. */
    public boolean hasSection(String cpu) {
        return sections.containsKey(cpu);
    }

    /** The generic keys (for the test that each family's kinds have an entry and nothing else does). */
    public Set<String> keys() {
        return generic.keySet();
    }

    /** The CPU families that have a section. */
    public Set<String> sections() {
        return new TreeSet<>(sections.keySet());
    }

    /** The keys of {@code cpu}'s section (without the CPU prefix); empty when it has none. */
    public Set<String> sectionKeys(String cpu) {
        return sections.getOrDefault(cpu, Map.of()).keySet();
    }
}
