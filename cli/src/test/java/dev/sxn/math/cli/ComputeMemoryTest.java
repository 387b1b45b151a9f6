package dev.sxn.math.cli;

import static dev.sxn.math.cli.InProcess.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large inputs: streamed, and running out of memory is a message, not a stack trace. */
class ComputeMemoryTest {
    @Test
    void runningOutOfMemoryWhileReadingIsOneLineAndStatusTwo(@TempDir Path dir) throws Exception {
        // Four million one-digit rows: 8 MB of text, but 32 MB as one double[] column.
        int rows = 4_000_000;
        byte[] text = new byte[2 + 2 * rows];
        text[0] = 'x';
        text[1] = '\n';
        for (int i = 2; i < text.length; i += 2) {
            text[i] = '1';
            text[i + 1] = '\n';
        }
        Path in = dir.resolve("big.csv");
        Files.write(in, text);
        SxnProcess.Result r = SxnProcess.run(dir, "", List.of("-Xmx24m", "-XX:+UseSerialGC"),
                List.of("compute", "sma", "--input", in.toString(), "--column", "x"), "> /dev/null");
        assertOneLineError(r.code(), r.err(), "out of memory reading " + in, "rows so far", "raise -Xmx");
    }

    @Test
    void rowsAreWrittenAsReadWhateverTheLineEndings(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("mixed.csv");
        Files.writeString(in, "t, \"close\" \r\n1,1\r\n\n  \n2, 2 \r3,\"3\"\n4,4", StandardCharsets.UTF_8);
        InProcess.Result r = InProcess.compute("sma", "--input", in.toString(), "--n", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals("t,close,sma_2\n1,1,NaN\n2, 2 ,1.5\n3,\"3\",2.5\n4,4,3.5\n", r.out());
    }

    @Test
    void lineBreaksAndMultiByteTextAcrossReadChunksAreCopiedExactly(@TempDir Path dir) throws Exception {
        // Longer than the readers' 64 KiB chunks, with CRLF, CR and LF, so \r\n pairs and multi-byte
        // characters fall on chunk boundaries somewhere.
        String[] breaks = {"\n", "\r\n", "\r"};
        String[] names = {"caf\u00e9", "\u20ac", "\ud83d\udcc8", "plain"};
        StringBuilder in = new StringBuilder("\uFEFFname,close\r\n");
        StringBuilder want = new StringBuilder("name,close,rolling_max_1\n");
        for (int i = 0; i < 20_000; i++) {
            String row = names[i % names.length] + i + "," + (i % 97) + ".5";
            in.append(row).append(breaks[i % breaks.length]);
            want.append(row).append(',').append((i % 97) + 0.5).append('\n');
        }
        Path p = dir.resolve("text.csv");
        Files.writeString(p, in, StandardCharsets.UTF_8);
        InProcess.Result r = InProcess.compute("rolling-max", "--input", p.toString(), "--n", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals(want.toString(), r.out());
    }

    @Test
    void manyRowsGiveTheLibrarysValues(@TempDir Path dir) throws Exception {
        int n = 300_000;
        StringBuilder sb = new StringBuilder("close\n");
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.round(1e4 * (100 + Math.sin(i * 0.01))) / 1e4;
            sb.append(x[i]).append('\n');
        }
        Path in = dir.resolve("many.csv");
        Files.writeString(in, sb);
        Path out = dir.resolve("out.csv");
        InProcess.Result r = InProcess.compute("ema", "--input", in.toString(), "--n", "10", "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        double[] ema = dev.sxn.math.indicators.Indicators.ema(x, 10);
        List<String> lines = Files.readAllLines(out);
        assertEquals(n + 1, lines.size());
        double[] got = new double[n];
        for (int i = 0; i < n; i++) got[i] = Double.parseDouble(lines.get(i + 1).substring(lines.get(i + 1).indexOf(',') + 1));
        assertEquals(Arrays.toString(ema).hashCode(), Arrays.toString(got).hashCode(), "bit-identical column");
    }
}
