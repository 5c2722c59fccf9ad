package netc.runtime.cl;

/** No usable OpenCL platform: the message says what is missing and what to install. */
public final class OpenClUnavailableException extends RuntimeException {
    static final String INSTALL_HINT = "On Debian or Ubuntu install an OpenCL driver and loader with"
            + " 'sudo apt-get install pocl-opencl-icd ocl-icd-opencl-dev' (PoCL runs OpenCL on the CPU),"
            + " or install your GPU vendor's OpenCL driver.";

    public OpenClUnavailableException(String what, Throwable cause) {
        super(what + " " + INSTALL_HINT, cause);
    }
}
