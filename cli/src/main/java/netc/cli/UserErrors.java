package netc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import netc.runtime.io.FileProblem;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the command line fails: a usage mistake gets its message and a pointer to {@code --help}
 * (exit 2); a problem the user can fix (no OpenCL, missing data, a diverged run, a wrong network) gets
 * its one-sentence message (exit 1). Only a failure nobody foresaw, a bug, shows its stack trace.
 */
final class UserErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int EXIT_FAILURE = 1;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("netc: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (isForeseen(e)) {
            err.println("netc: " + message(e));
        } else {
            err.println("netc: internal error, please report it: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILURE;
    }

    /** Errors whose message was written for the user: netc's own, bad arguments, and file problems. */
    static boolean isForeseen(Throwable e) {
        return e.getClass().getName().startsWith("netc.")
                || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException
                || e instanceof UncheckedIOException
                || e instanceof IOException;
    }

    static String message(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getMessage() == null ? e.getCause() : e;
        // The JDK's file exceptions without a reason carry only the path as their message: the reason is their type.
        if (cause instanceof FileSystemException file && file.getReason() == null && file.getOtherFile() == null) {
            String reason = FileProblem.reason(file);
            return Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ": " + file.getFile() + ".";
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
