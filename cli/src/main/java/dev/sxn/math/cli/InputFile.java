package dev.sxn.math.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --input} file, opened once per pass: {@code sxn compute} reads it twice (the numbers,
 * then the rows to copy into the output), so a pipe or device is read into memory once and replayed.
 */
final class InputFile {
    private final Path path;
    private byte[] replay;

    private InputFile(Path path) {
        this.path = path;
    }

    /** Checks that {@code path} is a readable file; throws CliError naming it otherwise. */
    static InputFile of(Path path) {
        if (!Files.exists(path)) throw new CliError("input file " + path + " does not exist");
        if (Files.isDirectory(path)) throw new CliError("input " + path + " is a directory, not a CSV file");
        InputFile f = new InputFile(path);
        if (!Files.isRegularFile(path)) {
            try (InputStream in = Files.newInputStream(path)) {
                f.replay = in.readAllBytes();
            } catch (IOException e) {
                throw new CliError("cannot read " + path + ": " + IoReasons.of(e));
            }
        }
        return f;
    }

    /** The file's path as the user gave it. */
    Path path() {
        return path;
    }

    /** The file's lines from the start, decoded and checked to be UTF-8. */
    Utf8Lines lines() {
        return new Utf8Lines(open(), path.toString());
    }

    /** The file's lines from the start as bytes, for a file {@link #lines()} has already checked. */
    ByteLines byteLines() {
        return new ByteLines(open(), path.toString());
    }

    private InputStream open() {
        if (replay != null) return new ByteArrayInputStream(replay);
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new CliError("cannot read " + path + ": " + IoReasons.of(e));
        }
    }
}
