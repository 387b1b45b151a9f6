package dev.sxn.math.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C headers ({@code native/src/*.h}) and OpenCL sources ({@code kernels/*.cl}) of the source
 * tree, read as text, so a test can hold each constant they share with Java to the Java value. The
 * tests run in the module directory ({@code java-api}), so the tree is its parent.
 */
public final class NativeSources {
    private static final Pattern DEFINE = Pattern.compile("^\\s*#\\s*define\\s+(\\w+)\\s+([^/\\s][^/]*?)\\s*(/[*/].*)?$");
    private static final Pattern OPTION = Pattern.compile("-D\\s*(\\w+)=(\\S+)");

    private NativeSources() {}

    private static Path root() {
        for (Path p : new Path[] {Path.of(".."), Path.of(".")}) {
            if (Files.isDirectory(p.resolve("native/src")) && Files.isDirectory(p.resolve("kernels"))) return p;
        }
        throw new IllegalStateException("native/src and kernels/ not found from " + Path.of("").toAbsolutePath());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every object-like {@code #define NAME value} of a header in {@code native/src}, value as written
     * (a trailing comment removed), in file order.
     *
     * @param header the file name, e.g. {@code "indicators.h"}
     * @return name to value text
     */
    public static Map<String, String> defines(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : read(root().resolve("native/src").resolve(header)).split("\n")) {
            Matcher m = DEFINE.matcher(line);
            if (m.matches()) out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /**
     * The integer value of {@code #define name} in a header of {@code native/src}.
     *
     * @param header the file name
     * @param name the macro
     * @return its value
     */
    public static long longDefine(String header, String name) {
        return Long.parseLong(required(header, name));
    }

    /**
     * The floating-point value (decimal or C99 hexadecimal) of {@code #define name} in a header of
     * {@code native/src}.
     *
     * @param header the file name
     * @param name the macro
     * @return its value
     */
    public static double doubleDefine(String header, String name) {
        return Double.parseDouble(required(header, name));
    }

    private static String required(String header, String name) {
        String v = defines(header).get(name);
        if (v == null) throw new AssertionError(header + " does not #define " + name);
        return v;
    }

    /**
     * The {@code -D NAME=value} options of an OpenCL build-options string.
     *
     * @param options the options
     * @return name to value text, in order
     */
    public static Map<String, String> options(String options) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = OPTION.matcher(options);
        while (m.find()) out.put(m.group(1), m.group(2));
        return out;
    }

    /**
     * The text of {@code native/src/<name>}.
     *
     * @param name the file name, e.g. {@code "sxn_dispatch.h"}
     * @return its source
     */
    public static String header(String name) {
        return read(root().resolve("native/src").resolve(name));
    }

    /**
     * The text of {@code kernels/<name>}.
     *
     * @param name the file name, e.g. {@code "indicators.cl"}
     * @return its source
     */
    public static String kernelSource(String name) {
        return read(root().resolve("kernels").resolve(name));
    }
}
