package dev.sxn.math.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** The reason of an I/O failure in words, without the exception class or a repeated file name. */
final class IoReasons {
    private IoReasons() {}

    /** "permission denied", "No space left on device", ...: what follows "cannot write FILE: ". */
    static String of(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof NotDirectoryException) return "not a directory";
        // FileSystemException's message repeats the file name; its reason is the operating system's words.
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        if (e.getMessage() != null) return e.getMessage();
        return "an I/O error (" + e.getClass().getSimpleName().replace("Exception", "") + ")";
    }
}
