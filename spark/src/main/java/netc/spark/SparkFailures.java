package netc.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads why a Spark job failed. A task's exception reaches the driver as text inside a
 * {@code SparkException} ("Job aborted due to stage failure: ... most recent failure: Lost task 1.0 in
 * stage 3.0 (TID 7) (host executor 2): java.lang.IllegalStateException: MESSAGE\n\tat ..."); the
 * user needs MESSAGE.
 */
final class SparkFailures {
    private static final Pattern TASK_FAILURE = Pattern.compile(
            "most recent failure: Lost task .*?\\)(?: \\([^)]*\\))?: (?:[\\w.$]+: )?(.*)");

    private SparkFailures() {}

    private static final Pattern MISSING_NETC_CLASS = Pattern.compile(
            "(?:ClassNotFoundException|NoClassDefFoundError): (netc[\\w.$/]*)");

    /**
     * The netc class an executor could not load, if that is why a task failed (netc's jars were not shipped
     * with the job), else null.
     */
    static String missingNetcClass(String reason) {
        Matcher missing = MISSING_NETC_CLASS.matcher(reason);
        return missing.find() ? missing.group(1).replace('/', '.') : null;
    }

    /** Whether {@code failure} came from Spark (a job that failed), rather than from netc's own code on the driver. */
    static boolean fromSpark(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().startsWith("org.apache.spark.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The task's own message: its exception's, where Spark passed it on as the cause (embedded executors),
     * else read from Spark's text (a cluster's executors send only text), else the first line of Spark's.
     */
    static String reason(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (!cause.getClass().getName().startsWith("org.apache.spark.") && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        String message = String.valueOf(failure.getMessage());
        String firstLine = message.lines().findFirst().orElse(message);
        Matcher task = TASK_FAILURE.matcher(firstLine);
        return task.find() ? task.group(1) : firstLine;
    }
}
