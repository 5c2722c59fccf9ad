package netc.runtime.io;

import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link AtomicFilesTest}: starts an atomic write of {@code args[0]} that never
 * finishes, and says "writing" once its partial file exists, so the test can stop or kill it mid-write.
 */
public final class StalledWriter {
    private StalledWriter() {}

    public static void main(String[] args) {
        AtomicFiles.write(Path.of(args[0]), channel -> {
            channel.write(ByteBuffer.wrap(new byte[1000]));
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                throw new InterruptedIOException("stopped");
            }
        });
    }
}
