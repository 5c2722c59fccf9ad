package netc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import netc.runtime.io.FileProblem;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks a file named on the command line before any work is done. {@link Files#isRegularFile} answers
 * false both for a missing file and for one behind a directory the user may not enter, which would
 * report a permission problem as "no file"; the file's attributes give the OS's own reason instead.
 */
final class InputFiles {
    private InputFiles() {}

    /** @param what the file's role, e.g. "weight file" */
    static void require(CommandSpec spec, Path file, String what) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "No " + what + " at " + file + ".");
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "Cannot read " + what + " " + file + ": "
                    + FileProblem.reason(e) + ".");
        }
        if (attributes.isDirectory()) {
            throw new ParameterException(spec.commandLine(), file + " is a directory, not a " + what + ".");
        }
    }
}
