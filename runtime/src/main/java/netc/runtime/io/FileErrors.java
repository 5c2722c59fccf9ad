package netc.runtime.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * The operating system's reason for a failed file operation, as words for a message. The JDK's file
 * exceptions often carry nothing but the path as their message ({@code AccessDeniedException: /x}),
 * which reads as if the file were missing; the reason is in the exception's type or its
 * {@link FileSystemException#getReason() reason}.
 */
public final class FileErrors {
    private FileErrors() {}

    /** E.g. "permission denied", "no such file or directory", "not a directory": one line, no path. */
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
        if (e instanceof ClosedByInterruptException) {
            return "the thread was interrupted";
        }
        if (e instanceof EOFException) {
            return "the file ends early";
        }
        if (e instanceof FileSystemException system && system.getReason() != null) {
            return oneLine(lowerFirst(system.getReason()));
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : oneLine(lowerFirst(message));
    }

    /** "Is a directory" → "is a directory", as the OS's reasons read mid-sentence; "GZIP ..." stays. */
    private static String lowerFirst(String text) {
        boolean word = text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1));
        return word ? text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1) : text;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
