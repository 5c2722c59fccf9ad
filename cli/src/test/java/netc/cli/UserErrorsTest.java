package netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import netc.runtime.cl.OpenClUnavailableException;
import netc.train.TrainingDivergedException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UserErrorsTest {
    private final StringWriter err = new StringWriter();
    private final CommandLine commandLine = Netc.commandLine().setErr(new PrintWriter(err, true));

    private int handle(Exception e) {
        return new UserErrors().handleExecutionException(e, commandLine, null);
    }

    @Test
    void missingOpenClIsItsOneSentenceAndExitOne() {
        OpenClUnavailableException e = new OpenClUnavailableException("No OpenCL platform is installed (no ICD found).", null);
        assertEquals(1, handle(e));
        assertEquals("netc: " + e.getMessage(), err.toString().strip());
    }

    @Test
    void aDivergedRunAndAMissingDataFileShowNoStackTrace() {
        assertEquals(1, handle(new TrainingDivergedException("Training diverged: the loss became NaN at epoch 1, step 3.")));
        assertEquals(1, handle(new UncheckedIOException(null, new NoSuchFileException("data/train-images-idx3-ubyte.gz"))));
        String text = err.toString();
        assertTrue(text.contains("netc: Training diverged"), text);
        assertTrue(text.contains("netc: No such file or directory: data/train-images-idx3-ubyte.gz."), text);
        assertFalse(text.contains("\tat "), text);
    }

    /** The JDK puts a file exception's reason in its type and only the path in its message: both must show. */
    @Test
    void aFileExceptionShowsItsReasonBesideThePath() {
        assertEquals(1, handle(new UncheckedIOException(null, new AccessDeniedException("runs/x/metrics.csv"))));
        assertEquals(1, handle(new NotDirectoryException("runs/x")));
        String text = err.toString();
        assertTrue(text.contains("netc: Permission denied: runs/x/metrics.csv.\n"), text);
        assertTrue(text.contains("netc: Not a directory: runs/x.\n"), text);
    }

    @Test
    void anUnforeseenFailureKeepsItsStackTraceForTheReport() {
        assertEquals(1, handle(new NullPointerException("model")));
        assertTrue(err.toString().contains("internal error"), err.toString());
        assertTrue(err.toString().contains("\tat "), err.toString());
    }
}
