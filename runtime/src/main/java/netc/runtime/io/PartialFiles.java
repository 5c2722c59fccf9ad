package netc.runtime.io;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partial files this process is writing now. {@link AtomicFiles} leaves them alone when it clears
 * leftovers, and a shutdown hook deletes them when the process is stopped mid-write (Ctrl-C, a plain
 * kill), where the writing thread's own cleanup never runs: the JVM halts after its hooks.
 */
final class PartialFiles {
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PartialFiles::deleteAll, "netc-partial-files"));
    }

    private PartialFiles() {}

    static void started(Path partial) {
        WRITING.add(partial.toAbsolutePath());
    }

    static void finished(Path partial) {
        WRITING.remove(partial.toAbsolutePath());
    }

    static boolean isOurs(Path partial) {
        return WRITING.contains(partial.toAbsolutePath());
    }

    private static void deleteAll() {
        WRITING.forEach(AtomicFiles::deleteQuietly);
    }
}
