package netc.runtime.ops;

import java.util.Random;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.reference.PoolShape;

/**
 * A command-line timing harness (not a test) for the pooling kernels at AlexNet's pooling shapes:
 * best-of-trials milliseconds per forward and backward call, each trial timing 10 calls between
 * {@code finish()}es after a warm-up, since the machine is shared and single trials are noisy.
 */
final class PoolTiming {
    private static final int CALLS_PER_TRIAL = 10;
    private static final int TRIALS = 7;

    private PoolTiming() {}

    /** Optional argument: "max" or "avg" to time only that kind. */
    public static void main(String[] args) {
        String only = args.length > 0 ? args[0] : "";
        PoolShape[] shapes = {
            new PoolShape(64, 96, 54, 54, 3, 2, 0),   // AlexNet pool1
            new PoolShape(64, 256, 26, 26, 3, 2, 0),  // AlexNet pool2
            new PoolShape(64, 256, 12, 12, 3, 2, 0),  // AlexNet pool3
        };
        try (Device device = Device.open()) {
            for (PoolShape s : shapes) {
                if (!only.equals("avg")) {
                    timeMax(device, s);
                }
                if (!only.equals("max")) {
                    timeAvg(device, s);
                }
            }
        }
    }

    private static void timeMax(Device device, PoolShape s) {
        try (MaxPool2d pool = new MaxPool2d(device, s.n(), s.c(), s.h(), s.w(), s.kernel(), s.stride(), s.padding());
                Tensor in = filled(device, s.inSize());
                Tensor out = filled(device, s.outSize());
                Tensor dIn = filled(device, s.inSize())) {
            double forward = best(device, () -> pool.forward(out, in));
            double backward = best(device, () -> pool.backward(dIn, out));
            report("max", s, forward, backward);
        }
    }

    private static void timeAvg(Device device, PoolShape s) {
        try (AvgPool2d pool = new AvgPool2d(device, s.n(), s.c(), s.h(), s.w(), s.kernel(), s.stride(), s.padding());
                Tensor in = filled(device, s.inSize());
                Tensor out = filled(device, s.outSize());
                Tensor dIn = filled(device, s.inSize())) {
            double forward = best(device, () -> pool.forward(out, in));
            double backward = best(device, () -> pool.backward(dIn, out));
            report("avg", s, forward, backward);
        }
    }

    private static Tensor filled(Device device, int size) {
        Tensor tensor = new Tensor(device, size);
        tensor.upload(TestArrays.uniform(new Random(size), size, -1, 1));
        return tensor;
    }

    private static double best(Device device, Runnable call) {
        for (int i = 0; i < 3; i++) {
            call.run();
        }
        device.finish();
        double best = Double.MAX_VALUE;
        for (int trial = 0; trial < TRIALS; trial++) {
            long start = System.nanoTime();
            for (int i = 0; i < CALLS_PER_TRIAL; i++) {
                call.run();
            }
            device.finish();
            best = Math.min(best, (System.nanoTime() - start) / 1e6 / CALLS_PER_TRIAL);
        }
        return best;
    }

    private static void report(String kind, PoolShape s, double forward, double backward) {
        // Traffic: forward reads the input once and writes the output (plus max's arg-max); backward the reverse.
        System.out.printf("%s %s: forward %.2f ms, backward %.2f ms (input %.1f MB)%n", kind, s, forward, backward,
                s.inSize() * 4e-6);
    }
}
