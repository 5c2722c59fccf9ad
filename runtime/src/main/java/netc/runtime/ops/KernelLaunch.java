package netc.runtime.ops;

import netc.runtime.cl.Kernel;

/** A kernel with the work sizes it always runs with, as the direct convolutions keep theirs. */
record KernelLaunch(Kernel kernel, long[] global, long[] local) {
    void run(Object... args) {
        kernel.launch(global, local, args);
    }
}
