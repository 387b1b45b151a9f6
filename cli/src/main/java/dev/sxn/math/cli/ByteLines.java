package dev.sxn.math.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a text already checked to be UTF-8 ({@link Utf8Lines} read it first), as raw bytes in a
 * reused buffer, with the same line breaks ({@code \n}, {@code \r\n}, {@code \r}) and the same dropped
 * byte order mark. The second pass of {@code sxn compute} copies lines into the output with it, so they
 * are neither decoded nor encoded again. Not thread-safe.
 *
 * <p>Its line splitting mirrors {@link Utf8Lines#next()} on bytes instead of chars, on purpose: Java has no
 * abstraction over {@code byte[]} and {@code char[]} that keeps the scan a plain array loop, and the two
 * passes must agree on every line break.
 */
final class ByteLines implements Closeable {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final String source;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean endOfInput;
    private boolean atStart = true;
    private boolean afterCr;

    private byte[] line = new byte[256];
    private int length;
    private int lineNumber;

    ByteLines(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Moves to the next line; false at the end of the text. */
    boolean next() {
        length = 0;
        while (true) {
            if (pos == limit && !fill()) {
                if (length == 0) return false;
                lineNumber++;
                return true;
            }
            byte[] b = buf;
            int p = pos;
            if (afterCr) {
                afterCr = false;
                if (b[p] == '\n' && ++p == limit) {
                    pos = p;
                    continue;
                }
            }
            int start = p;
            while (p < limit && b[p] != '\n' && b[p] != '\r') p++;
            append(b, start, p - start);
            if (p < limit) {
                afterCr = b[p] == '\r';
                pos = p + 1;
                lineNumber++;
                return true;
            }
            pos = p;
        }
    }

    /** The current line's bytes, {@code [0, length())}; overwritten by {@link #next()}. */
    byte[] bytes() {
        return line;
    }

    /** The current line's length in bytes, without its terminator. */
    int length() {
        return length;
    }

    /** The current line's number, from 1. */
    int lineNumber() {
        return lineNumber;
    }

    /** True when the current line holds only blanks, as {@link CsvFields#isBlank} decides for its text. */
    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            int b = line[i];
            // A non-ASCII byte may start a Unicode blank: decide on the decoded text, as the first pass did.
            if (b < 0) return new String(line, 0, length, StandardCharsets.UTF_8).isBlank();
            if (!Character.isWhitespace(b)) return false;
        }
        return true;
    }

    /** Closes the input; a failure to close a stream that was only read loses nothing, so it is ignored. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }

    private void append(byte[] src, int from, int n) {
        if (length + n > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        System.arraycopy(src, from, line, length, n);
        length += n;
    }

    private boolean fill() {
        pos = 0;
        limit = 0;
        // At the start, gather enough bytes to recognise a byte order mark.
        while (!endOfInput && (limit == 0 || atStart && limit < BOM.length)) {
            try {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) endOfInput = true;
                else limit += n;
            } catch (IOException e) {
                throw new CliError("cannot read " + source + ": " + IoReasons.of(e));
            }
        }
        if (atStart) {
            atStart = false;
            if (limit >= BOM.length && Arrays.equals(buf, 0, BOM.length, BOM, 0, BOM.length)) pos = BOM.length;
        }
        if (pos < limit) return true;
        // Nothing read (the end), or only the byte order mark so far (read on).
        return limit > 0 && fill();
    }
}
