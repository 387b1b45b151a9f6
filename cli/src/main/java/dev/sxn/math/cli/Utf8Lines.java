package dev.sxn.math.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a UTF-8 text, one at a time, in a reused buffer: what {@code Files.readAllLines} gives
 * (lines end at {@code \n}, {@code \r\n} or {@code \r}; no empty line after a final terminator), without
 * holding the file. A byte order mark at the start is dropped. Bytes that are not UTF-8 end the reading
 * with a {@link CliError} naming the line, the CSV column (commas before it, plus one) and the byte offset;
 * a failed read names the file. Not thread-safe.
 */
final class Utf8Lines implements Closeable {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final String source;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK).flip();
    private final char[] decoded = new char[CHUNK];
    private int pos;
    private int limit;
    private long bytesBeforeBuffer;
    private boolean endOfInput;
    private boolean flushed;
    private boolean atStart = true;
    private boolean afterCr;
    private String badBytes;

    private char[] line = new char[256];
    private int length;
    private int lineNumber;

    Utf8Lines(InputStream in, String source) {
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
            char[] d = decoded;
            int p = pos;
            if (afterCr) {
                afterCr = false;
                if (d[p] == '\n' && ++p == limit) {
                    pos = p;
                    continue;
                }
            }
            int start = p;
            while (p < limit && d[p] != '\n' && d[p] != '\r') p++;
            append(d, start, p - start);
            if (p < limit) {
                afterCr = d[p] == '\r';
                pos = p + 1;
                lineNumber++;
                return true;
            }
            pos = p;
        }
    }

    /** The current line's characters, {@code [0, length())}; overwritten by {@link #next()}. */
    char[] chars() {
        return line;
    }

    /** The current line's length, without its terminator. */
    int length() {
        return length;
    }

    /** The current line's number, from 1. */
    int lineNumber() {
        return lineNumber;
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

    private void append(char[] src, int from, int n) {
        if (length + n > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        System.arraycopy(src, from, line, length, n);
        length += n;
    }

    /** Decodes more characters into {@code decoded}; false when the text is used up. */
    private boolean fill() {
        pos = 0;
        limit = 0;
        CharBuffer out = CharBuffer.wrap(decoded);
        while (out.position() == 0) {
            // Characters decoded before a bad byte are handed out first, so the error names the right line.
            if (badBytes != null) throw malformed();
            if (flushed) return false;
            if (!endOfInput && !bytes.hasRemaining() || bytes.remaining() < 4 && !endOfInput) read();
            CoderResult r = decoder.decode(bytes, out, endOfInput);
            if (r.isError()) {
                badBytes = describe(r.length());
            } else if (endOfInput && r.isUnderflow()) {
                decoder.flush(out);
                flushed = true;
            }
        }
        limit = out.position();
        if (atStart) {
            atStart = false;
            if (decoded[0] == '\uFEFF') pos = 1;
        }
        return true;
    }

    private void read() {
        bytesBeforeBuffer += bytes.position();
        bytes.compact();
        try {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) endOfInput = true;
            else bytes.position(bytes.position() + n);
        } catch (IOException e) {
            throw new CliError("cannot read " + source + ": " + IoReasons.of(e));
        } finally {
            bytes.flip();
        }
    }

    private String describe(int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n && bytes.position() + k < bytes.limit(); k++) {
            sb.append(k == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(bytes.position() + k) & 0xff));
        }
        return sb + " at byte offset " + (bytesBeforeBuffer + bytes.position());
    }

    private CliError malformed() {
        int column = 1;
        for (int k = 0; k < length; k++) if (line[k] == ',') column++;
        return new CliError(source + " line " + (lineNumber + 1) + " column " + column + ": not UTF-8 (bytes " + badBytes
                + "); save the file as UTF-8");
    }
}
