package dev.sxn.math.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file whole or not at all: into a temporary file beside it, forced to disk, then renamed over
 * it atomically. A failure part-way (disk full, quota, {@code ulimit -f}) leaves the old file as it was
 * and removes the temporary one; every I/O error is a {@link CliError} naming the destination.
 */
final class AtomicOutput {
    /** What writes the content. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicOutput() {}

    /** Writes {@code content} to {@code target}. */
    static void write(Path target, Content content) {
        if (Files.isDirectory(target)) throw new CliError("cannot write " + target + ": it is a directory");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp;
        FileChannel channel;
        while (true) {
            // Hidden and unique, in the target's directory: a rename within one file system is atomic.
            tmp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                break;
            } catch (FileAlreadyExistsException e) {
                // another run picked the same name: draw again
            } catch (IOException e) {
                throw new CliError("cannot write " + target + ": " + IoReasons.of(e));
            }
        }
        boolean done = false;
        try {
            copyPermissions(target, tmp);
            OutputStream out = Channels.newOutputStream(channel);
            content.writeTo(out);
            out.flush();
            channel.force(true);
            channel.close();
            move(tmp, absolute);
            done = true;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new CliError("cannot write " + target + ": " + IoReasons.of(e));
        } finally {
            if (!done) discard(channel, tmp);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A replaced file keeps its mode; a new one gets the umask's default, as the old in-place write did. */
    private static void copyPermissions(Path target, Path tmp) {
        try {
            if (Files.exists(target)) Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system, or not ours to read: the umask's default stands
        }
    }

    /** Makes the rename itself durable; file systems that cannot open a directory for sync are skipped. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the data is on disk already; only the rename's durability is not forced
        }
    }

    private static void discard(FileChannel channel, Path tmp) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a file about to be deleted
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // best effort: the name says it is a leftover
        }
    }
}
