package dev.sxn.math.internal;

import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a resource out of a jar on the module path without resolving its module.
 *
 * <p>Why: bytedeco's OpenBLAS classifier jar is a named module that requires javacpp, so a host that
 * lists it on the module path cannot resolve it without javacpp, and a named module's
 * {@code Class.getResourceAsStream} sees only its own files anyway. The jar's libraries lie under
 * {@code org/bytedeco/openblas/linux-x86_64/}, which is no legal package name, so no module
 * encapsulates them; {@link ModuleFinder} can open the jar as a {@link ModuleReference} and read them
 * without resolving anything. The bytes are still checked against pinned SHA-256s by
 * {@link NativeLibraries}, so where they come from grants no trust.
 */
final class ModulePathResources {
    private ModulePathResources() {}

    /**
     * The first module on {@code jdk.module.path} that holds {@code probe}, as a resource source, or
     * empty when there is no module path or no module holds it. Scans each module's index once:
     * O(number of modules on the path).
     */
    static Optional<NativeLibraries.ResourceSource> holding(String probe) {
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath == null || modulePath.isBlank()) return Optional.empty();
        Path[] entries = Arrays.stream(modulePath.split(File.pathSeparator)).filter(e -> !e.isBlank()).map(Path::of).toArray(Path[]::new);
        ModuleFinder finder;
        try {
            finder = ModuleFinder.of(entries);
            for (ModuleReference ref : finder.findAll()) {
                try (ModuleReader reader = ref.open()) {
                    if (reader.find(probe).isPresent()) return Optional.of(resource -> open(ref, resource));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FindException e) {
            // A module path the JVM started with but that fails to scan again (say, a jar removed since):
            // the caller reports the resource as not found.
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Opens one resource; closing the stream closes the module's reader too. */
    private static InputStream open(ModuleReference ref, String resource) throws IOException {
        ModuleReader reader = ref.open();
        Optional<InputStream> in;
        try {
            in = reader.open(resource);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        if (in.isEmpty()) {
            reader.close();
            return null;
        }
        return new FilterInputStream(in.get()) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    reader.close();
                }
            }
        };
    }
}
