package dev.sxn.math.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The library's one logger ({@code dev.sxn.math}), with "say this once per JVM" support. */
public final class Log {
    private static final System.Logger LOGGER = System.getLogger("dev.sxn.math");
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private Log() {}

    /** The library logger. */
    public static System.Logger logger() {
        return LOGGER;
    }

    /** Logs {@code message} at {@code level} the first time {@code key} is seen in this JVM. */
    public static void once(String key, System.Logger.Level level, String message) {
        if (SAID.add(key)) LOGGER.log(level, message);
    }
}
