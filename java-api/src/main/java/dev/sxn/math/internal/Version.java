package dev.sxn.math.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library version, from the build-filtered {@code sxn-math.properties}. */
public final class Version {
    /** The Maven version of this build, or "dev" when run from unfiltered sources. */
    public static final String VERSION = read();

    private Version() {}

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/sxn/math/sxn-math.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
