package dev.sxn.math.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Main class run in a forked JVM by {@link JoclLibraryTest}: asks for OpenCL once (which loads JOCL),
 * then prints the reason, the {@code java.io.tmpdir} property and each JOCL library mapped into the
 * process (from {@code /proc/self/maps}), one per line.
 */
public final class JoclLoadCheck {
    private JoclLoadCheck() {}

    public static void main(String[] args) throws IOException {
        System.out.println("reason: " + OpenClSupport.unavailableReason());
        System.out.println("tmpdir: " + System.getProperty("java.io.tmpdir"));
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            lines.filter(l -> l.contains("libJOCL_")).map(l -> l.substring(l.indexOf('/'))).distinct()
                    .forEach(p -> System.out.println("mapped: " + p));
        }
    }
}
