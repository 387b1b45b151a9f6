package dev.sxn.math.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The second pass of {@code sxn compute}: streams the input again and writes each data row as it was
 * read (its bytes, untouched), followed by the result values of that row. The header is the input's
 * column names (a byte order mark, blanks and quotes removed) and the result names; values are written
 * as {@link Double#toString} writes them (the shortest text that reads back to the same double); lines
 * end in {@code \n}; the output is UTF-8 like the input.
 */
final class CsvRewriter {
    /** How often (in rows) the destination is asked whether it failed, so a dead pipe stops the writing. */
    private static final int CHECK_EVERY = 1 << 16;

    /** Checks the destination during writing; throws CliError when it failed. */
    interface Checkpoint {
        void check() throws IOException;
    }

    private final OutputStream out;
    private byte[] buf = new byte[1 << 16];
    private int used;

    private CsvRewriter(OutputStream out) {
        this.out = out;
    }

    /** Writes {@code table}'s rows from {@code input} plus the {@code results} columns to {@code out}, and flushes. */
    static void write(InputFile input, CsvTable table, Map<String, double[]> results, OutputStream out, Checkpoint checkpoint)
            throws IOException {
        CsvRewriter w = new CsvRewriter(out);
        double[][] values = results.values().toArray(double[][]::new);
        String header = String.join(",", table.header()) + "," + String.join(",", results.keySet()) + "\n";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        w.put(h, h.length);
        StringBuilder number = new StringBuilder(32);
        try (ByteLines lines = input.byteLines()) {
            boolean headerSeen = false;
            int r = 0;
            while (lines.next()) {
                if (lines.isBlank()) continue;
                if (!headerSeen) {
                    headerSeen = true;
                    continue;
                }
                if (r == table.size()) throw changed(input, lines.lineNumber());
                w.put(lines.bytes(), lines.length());
                for (double[] v : values) {
                    number.setLength(0);
                    number.append(',').append(v[r]);
                    w.putAscii(number);
                }
                w.putByte('\n');
                if (++r % CHECK_EVERY == 0) {
                    w.drain();
                    checkpoint.check();
                }
            }
            if (r != table.size()) throw changed(input, lines.lineNumber());
        }
        w.drain();
        out.flush();
    }

    private void put(byte[] b, int n) throws IOException {
        if (used + n > buf.length) {
            drain();
            if (n > buf.length) buf = Arrays.copyOf(buf, n);
        }
        System.arraycopy(b, 0, buf, used, n);
        used += n;
    }

    /** Appends {@code s}, which holds ASCII only (a comma and a number). */
    private void putAscii(CharSequence s) throws IOException {
        int n = s.length();
        if (used + n > buf.length) drain();
        for (int i = 0; i < n; i++) buf[used + i] = (byte) s.charAt(i);
        used += n;
    }

    private void putByte(char c) throws IOException {
        if (used == buf.length) drain();
        buf[used++] = (byte) c;
    }

    private void drain() throws IOException {
        out.write(buf, 0, used);
        used = 0;
    }

    private static CliError changed(InputFile input, int line) {
        return new CliError(input.path() + " line " + line + ": the file changed while it was read; run again on a file "
                + "that is not being written");
    }
}
