package netc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Reading a failed Spark job's text for the user: the task's own message, or which netc class was missing. */
class SparkFailuresTest {
    /** As Spark 4.2 words a task that failed on an executor (seen on a standalone cluster). */
    private static final String ABORTED = "Job aborted due to stage failure: Task 1 in stage 0.0 failed 4 times, most"
            + " recent failure: Lost task 1.3 in stage 0.0 (TID 7) (127.0.0.1 executor 3): %s\n\tat somewhere";

    @Test
    void theTasksOwnMessageIsTakenFromSparksText() {
        RuntimeException failure = new RuntimeException(String.format(ABORTED,
                "java.lang.IllegalStateException: the device ran out of memory"));
        assertEquals("the device ran out of memory", SparkFailures.reason(failure));
    }

    @Test
    void aNetcClassTheExecutorsCouldNotLoadIsNamed() {
        String reason = String.format(ABORTED, "java.lang.ClassNotFoundException: netc.spark.LabelledExample");
        assertEquals("netc.spark.LabelledExample", SparkFailures.missingNetcClass(reason));
        assertEquals("netc.runtime.cl.Device",
                SparkFailures.missingNetcClass("java.lang.NoClassDefFoundError: netc/runtime/cl/Device"));
        assertNull(SparkFailures.missingNetcClass("java.lang.ClassNotFoundException: com.acme.NetModel"));
    }
}
