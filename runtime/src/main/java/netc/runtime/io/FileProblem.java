package netc.runtime.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The operating system's reason for a failed file operation, in words: {@code permission denied},
 * {@code not a directory}. The JDK's file exceptions keep only the path as their message and put the
 * reason in their type or in {@link FileSystemException#getReason()}, so {@code e.getMessage()} alone
 * would tell the user which file but not what is wrong with it.
 */
public final class FileProblem {
    private FileProblem() {}

    /** The reason, lower case, without the path: {@code "permission denied"}. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the directory is not empty";
        }
        if (e instanceof ClosedByInterruptException) {
            return "the thread was interrupted";
        }
        if (e instanceof EOFException) {
            return "the file ends early";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return oneLine(lowerFirst(fileSystem.getReason()));
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : oneLine(lowerFirst(message));
    }

    private static String lowerFirst(String text) {
        if (text.isEmpty() || text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
            return text; // an acronym such as "EIO" stays as it is
        }
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    /** Messages are one sentence on one line: a reason the OS wrapped onto several lines is joined. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
