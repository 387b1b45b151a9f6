package dev.sxn.math.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * The records the library's logger ({@code dev.sxn.math}, a {@link System.Logger} backed by java.util.logging)
 * writes while open, as formatted text. java.util.logging is reached reflectively: the tests compile inside the
 * module {@code dev.sxn.math}, which does not read {@code java.logging}, and run on the class path, which does.
 */
public final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Object logger; // held so the handler stays on this logger instance
    private final Object handler;
    private final Method flush;
    private final Method removeHandler;

    private LogCapture(String name) throws ReflectiveOperationException {
        Class<?> loggerClass = Class.forName("java.util.logging.Logger");
        Class<?> handlerClass = Class.forName("java.util.logging.Handler");
        Class<?> formatterClass = Class.forName("java.util.logging.Formatter");
        Class<?> streamHandler = Class.forName("java.util.logging.StreamHandler");
        Object formatter = Class.forName("java.util.logging.SimpleFormatter").getConstructor().newInstance();
        logger = loggerClass.getMethod("getLogger", String.class).invoke(null, name);
        handler = streamHandler.getConstructor(OutputStream.class, formatterClass).newInstance(bytes, formatter);
        flush = streamHandler.getMethod("flush");
        removeHandler = loggerClass.getMethod("removeHandler", handlerClass);
        loggerClass.getMethod("addHandler", handlerClass).invoke(logger, handler);
    }

    /** Starts capturing the logger {@code name}. */
    public static LogCapture of(String name) {
        try {
            return new LogCapture(name);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot attach a handler to the java.util.logging logger " + name, e);
        }
    }

    /** Everything written so far. */
    public String text() {
        try {
            flush.invoke(handler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** How many times {@code s} occurs in {@link #text()}. */
    public int count(String s) {
        String t = text();
        int n = 0;
        for (int i = t.indexOf(s); i >= 0; i = t.indexOf(s, i + s.length())) n++;
        return n;
    }

    @Override
    public void close() {
        try {
            removeHandler.invoke(logger, handler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
