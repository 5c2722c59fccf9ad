package netc.runtime.ops;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import netc.runtime.cl.Device;

/**
 * The timing loop of the command-line harnesses: the candidates take turns within every trial, so that the
 * load of a machine shared with other jobs falls on all of them alike, and each keeps its least time. One
 * untimed trial first builds the kernels and warms the caches.
 */
final class AlternatingTrials {
    /**
     * Each candidate's least wall-clock and least process-CPU milliseconds (all threads: on a shared machine
     * this leaves out the time other jobs held the cores, though not what they did to the caches).
     */
    record Least(double[] millis, double[] cpuMillis) {}

    private AlternatingTrials() {}

    /** Runs every candidate once per trial, the queue finished before and after each, {@code trials} times. */
    static Least run(Device device, List<Runnable> candidates, int trials) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] millis = new double[candidates.size()];
        double[] cpuMillis = new double[candidates.size()];
        Arrays.fill(millis, Double.MAX_VALUE);
        Arrays.fill(cpuMillis, Double.MAX_VALUE);
        for (int trial = -1; trial < trials; trial++) { // trial -1 warms up
            for (int i = 0; i < candidates.size(); i++) {
                device.finish();
                long startCpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                candidates.get(i).run();
                device.finish();
                long end = System.nanoTime();
                long endCpu = os.getProcessCpuTime();
                if (trial >= 0) {
                    millis[i] = Math.min(millis[i], (end - start) / 1e6);
                    cpuMillis[i] = Math.min(cpuMillis[i], (endCpu - startCpu) / 1e6);
                }
            }
        }
        return new Least(millis, cpuMillis);
    }
}
