package dev.sxn.math.cli;

import static dev.sxn.math.cli.InProcess.assertOneLineError;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results on stdout: a write that fails is an error, not a silent exit 0. */
class ComputeStdoutTest {
    @Test
    void aStdoutThatFailsGivesOneLineAndStatusTwo(@TempDir Path dir) throws Exception {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        InProcess.Result r = InProcess.computeTo(full, "sma", "--input", InProcess.prices(dir, 40).toString());
        assertOneLineError(r, "standard output");
    }

    @Test
    void stdoutRedirectedToDevFullExitsTwo(@TempDir Path dir) throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full");
        Path in = InProcess.prices(dir, 40);
        SxnProcess.Result r = SxnProcess.run(dir, "", List.of(), List.of("compute", "sma", "--input", in.toString()), "> /dev/full");
        assertOneLineError(r.code(), r.err(), "standard output");
    }
}
