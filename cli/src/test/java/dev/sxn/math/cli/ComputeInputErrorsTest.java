package dev.sxn.math.cli;

import static dev.sxn.math.cli.InProcess.assertOneLineError;
import static dev.sxn.math.cli.InProcess.compute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input the CLI must refuse, or read as meant; every error is one line naming file, line and column. */
class ComputeInputErrorsTest {
    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path p = dir.resolve("bad.csv");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
        Path in = file("\uFEFFclose,volume\n1,10\n2,20\n3,30\n");
        InProcess.Result r = compute("sma", "--input", in.toString(), "--n", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals("close,volume,sma_2\n1,10,NaN\n2,20,1.5\n3,30,2.5\n", r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1p3", "1d", "2f", "1e", "1.2.3", "--1", "Infinity", "-Infinity", "1_000", " 1 2"})
    void numbersOutsideTheDecimalGrammarAreRefused(String value) throws Exception {
        Path in = file("t,close\n1,100\n2," + value + "\n3,101\n");
        InProcess.Result r = compute("sma", "--input", in.toString(), "--n", "2");
        assertOneLineError(r, in + " line 3 column 2: column 'close' value '" + value.strip() + "' is not a number");
    }

    @Test
    void overflowToInfinityIsRefused() throws Exception {
        Path in = file("t,close\n1,100\n2,1e400\n");
        assertOneLineError(compute("sma", "--input", in.toString(), "--n", "2"),
                in + " line 3 column 2: column 'close' value '1e400'", "out of range");
    }

    @Test
    void underflowOfANonZeroValueToZeroIsRefused() throws Exception {
        Path in = file("t,close\n1,100\n2,-1.5e-400\n");
        assertOneLineError(compute("sma", "--input", in.toString(), "--n", "2"),
                in + " line 3 column 2: column 'close' value '-1.5e-400'", "underflows to 0");
    }

    @Test
    void decimalsMissingValuesAndZerosAreRead() throws Exception {
        Path in = file("close\n1.\n.5\n+2\n1E2\n2.5e-1\n\nNA\nnan\n0e-999\n00012.50\n4.9e-324\n");
        InProcess.Result r = compute("rolling-max", "--input", in.toString(), "--n", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals("close,rolling_max_1\n1.,1.0\n.5,0.5\n+2,2.0\n1E2,100.0\n2.5e-1,0.25\nNA,NaN\nnan,NaN\n0e-999,0.0\n"
                + "00012.50,12.5\n4.9e-324,4.9E-324\n", r.out());
    }

    @Test
    void malformedUtf8NamesTheLine() throws Exception {
        Path in = dir.resolve("bad.csv");
        Files.write(in, new byte[] {'t', ',', 'c', '\n', '1', ',', '2', '\n', '2', ',', (byte) 0xff, '\n'});
        assertOneLineError(compute("sma", "--input", in.toString(), "--column", "c"), in + " line 3 column 2", "UTF-8", "0xFF");
    }

    @Test
    void aDirectoryAsInputIsNamed() throws Exception {
        assertOneLineError(compute("sma", "--input", dir.toString()), dir.toString(), "is a directory");
    }

    @Test
    void anUnwritableOutputIsNamed() throws Exception {
        Path in = InProcess.prices(dir, 30);
        Path out = in.resolve("out.csv");
        assertOneLineError(compute("sma", "--input", in.toString(), "--output", out.toString()), "cannot write " + out);
        Path intoDirectory = dir.resolve("nowhere/out.csv");
        assertOneLineError(compute("sma", "--input", in.toString(), "--output", intoDirectory.toString()),
                "cannot write " + intoDirectory);
        assertOneLineError(compute("sma", "--input", in.toString(), "--output", dir.toString()), "cannot write " + dir);
    }

    @Test
    void everyUsageAndDataErrorIsOneLine() throws Exception {
        Path in = InProcess.prices(dir, 30);
        assertOneLineError(compute("sma", "--input", in.toString(), "--column", "open"), "no column 'open'");
        assertOneLineError(compute("sma", "--input", in.toString(), "--n", "five"), "option --n must be an integer");
        assertOneLineError(compute("sma", "--input", in.toString(), "--n", "0"), "was 0");
        assertOneLineError(compute("kama", "--input", in.toString()), "unknown indicator 'kama'");
        assertOneLineError(compute("sma"), "missing --input FILE");
        Path ragged = file("t,close\n1,100\n2\n");
        assertOneLineError(compute("sma", "--input", ragged.toString()), ragged + " line 3: 1 fields, but the header has 2");
        Path empty = file("\n\n");
        assertOneLineError(compute("sma", "--input", empty.toString()), empty + " is empty");
        assertTrue(compute("sma", "--input", dir.resolve("none.csv").toString()).err().contains("does not exist"));
    }
}
