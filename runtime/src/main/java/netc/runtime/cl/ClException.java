package netc.runtime.cl;

import org.jocl.CL;

/** An OpenCL call that returned an error status: names the call and the {@code CL_*} code. */
public final class ClException extends RuntimeException {
    public ClException(String call, int status) {
        this(call, status, "");
    }

    public ClException(String call, int status, String detail) {
        super(call + " failed with " + CL.stringFor_errorCode(status) + " (" + status + ")"
                + (detail.isEmpty() ? "" : ": " + detail));
    }

    /**
     * Throws for any status but {@code CL_SUCCESS}, naming the call. (Calls that add a detail to the
     * message, such as a build or a launch, throw {@code ClException} themselves; the releases in
     * {@link Device#close()} are not checked.)
     */
    public static void check(int status, String call) {
        if (status != CL.CL_SUCCESS) {
            throw new ClException(call, status);
        }
    }
}
