package dev.sxn.math.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The library's checked-in reference files (java-api/src/test/resources/reference/, each made by the R or Python
 * script beside it), read in place by the CLI tests so that no second copy is kept. Surefire runs these tests in
 * the cli module's directory.
 */
final class References {
    private References() {}

    /** The path of reference file {@code name}. */
    static Path path(String name) {
        Path p = Path.of("..", "java-api", "src", "test", "resources", "reference", name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) throw new AssertionError("reference file not found: " + p);
        return p;
    }

    /** The non-comment lines of reference file {@code name}. */
    static List<String> lines(String name) {
        try {
            return Files.readAllLines(path(name)).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The numbers after the first {@code keys.length} fields of the line whose leading fields are {@code keys}. */
    static double[] values(String name, String... keys) {
        for (String l : lines(name)) {
            String[] f = l.trim().split("\\s+");
            if (f.length > keys.length && Arrays.equals(Arrays.copyOf(f, keys.length), keys)) {
                return Arrays.stream(f, keys.length, f.length).mapToDouble(Double::parseDouble).toArray();
            }
        }
        throw new AssertionError("no line '" + String.join(" ", keys) + "' in " + name);
    }

    /** |actual - expected| <= atol + rtol |expected|, with a message naming what. */
    static void assertClose(double expected, double actual, double atol, double rtol, String what) {
        if (!(Math.abs(actual - expected) <= atol + rtol * Math.abs(expected))) {
            throw new AssertionError(what + ": expected " + expected + " (atol " + atol + ", rtol " + rtol + "), was " + actual);
        }
    }
}
