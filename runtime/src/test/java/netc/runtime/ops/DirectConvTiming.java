package netc.runtime.ops;

import java.util.Random;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/**
 * A command-line timing harness (not a test) for {@link DirectConv2d} at LeNet's shapes, batch 256:
 * best-of-trials milliseconds per forward and per backward call, each trial timing 10 calls between
 * {@code finish()}es after a warm-up, since the machine is shared and single trials are noisy. The layers'
 * activation is sigmoid, LeNet's, unless {@code -Dact=NONE} (or another {@link Activation}) says otherwise:
 * comparing the two shows what the activation costs. {@code -DpooledOnly=true} times only LeNet's case, each layer
 * with its average pool fused, forward and backward (conv1 without its input gradient, as a first layer): the
 * quickest comparison of two kernel versions, best with {@code -Dcpu=true} on a loaded machine; {@code -Dlayer=conv1}
 * (or {@code conv2}) times that layer alone.
 */
final class DirectConvTiming {
    private static final int CALLS_PER_TRIAL = 10;
    private static final int TRIALS = Integer.getInteger("trials", 7);
    /** CPU time counts in 10 ms ticks: enough calls per trial to make them fine. */
    private static final int CPU_CALLS_PER_TRIAL = 200;

    private DirectConvTiming() {}

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        ConvGeometry[] shapes = {
            new ConvGeometry(batch, 1, 28, 28, 6, 5, 1, 2),   // LeNet conv1
            new ConvGeometry(batch, 6, 14, 14, 16, 5, 1, 0),  // LeNet conv2
        };
        try (Device device = Device.open()) {
            String only = System.getProperty("layer"); // conv1 or conv2: time that layer alone
            for (int l = 0; l < shapes.length; l++) {
                if (only == null || only.equals("conv" + (l + 1))) {
                    time(device, shapes[l]);
                }
            }
        }
    }

    private static void time(Device device, ConvGeometry g) {
        if (Boolean.getBoolean("pooledOnly")) {
            timeLeNetLayer(device, g);
            return;
        }
        Random random = new Random(1);
        try (DirectConv2d conv = new DirectConv2d(device, "conv", g.batch(), g.inChannels(), g.inHeight(),
                g.inWidth(), g.outChannels(), g.kernel(), g.stride(), g.padding(), Activation.valueOf(System.getProperty("act", "SIGMOID")));
             Tensor input = Workspaces.padded(device, TestArrays.uniform(random, g.batch() * g.inputFloatsPerImage(), 1), 0);
             Tensor output = new Tensor(device, (int) (g.batch() * g.outputFloatsPerImage()));
             Tensor dOutput = Workspaces.padded(device,
                     TestArrays.uniform(random, g.batch() * g.outputFloatsPerImage(), 1), 0);
             Tensor dInput = new Tensor(device, (int) (g.batch() * g.inputFloatsPerImage()))) {
            double forward = best(device, () -> conv.forward(output, input));
            double parameters = best(device, () -> conv.backward(null, dOutput, input, output));
            double backward = best(device, () -> conv.backward(dInput, dOutput, input, output));
            double flops = 2.0 * g.batch() * g.outputFloatsPerImage() * g.patchSize();
            System.out.printf("%s: forward %.3f ms (%.1f GFLOP/s), backward without dInput %.3f ms (%.1f GFLOP/s),"
                    + " with %.3f ms (%.1f GFLOP/s)%n", g, forward, flops / forward / 1e6, parameters,
                    flops / parameters / 1e6, backward, 2 * flops / backward / 1e6);
        }
        timePooled(device, g);
    }

    /** The same layer with LeNet's 2x2 average pool after it: separate ops, then fused (DirectConv2d.pooled). */
    private static void timePooled(Device device, ConvGeometry g) {
        Random random = new Random(1);
        int pooledFloats = (int) (g.batch() * g.outChannels() * (g.outHeight() / 2) * (g.outWidth() / 2));
        try (DirectConv2d plain = new DirectConv2d(device, "conv", g.batch(), g.inChannels(), g.inHeight(),
                g.inWidth(), g.outChannels(), g.kernel(), g.stride(), g.padding(), Activation.valueOf(System.getProperty("act", "SIGMOID")));
             AvgPool2d pool = new AvgPool2d(device, g.batch(), g.outChannels(), g.outHeight(), g.outWidth(), 2, 2, 0);
             DirectConv2d fused = DirectConv2d.pooled(device, "conv", g.batch(), g.inChannels(), g.inHeight(),
                     g.inWidth(), g.outChannels(), g.kernel(), g.stride(), g.padding(), Activation.SIGMOID, 2, 2, 0);
             Tensor input = Workspaces.padded(device, TestArrays.uniform(random, g.batch() * g.inputFloatsPerImage(), 1), 0);
             Tensor output = new Tensor(device, (int) (g.batch() * g.outputFloatsPerImage()));
             Tensor dOutput = new Tensor(device, (int) (g.batch() * g.outputFloatsPerImage()));
             Tensor pooled = new Tensor(device, pooledFloats);
             Tensor dPooled = Workspaces.padded(device, TestArrays.uniform(random, pooledFloats, 1), 0);
             Tensor dInput = new Tensor(device, (int) (g.batch() * g.inputFloatsPerImage()))) {
            double separateForward = best(device, () -> {
                plain.forward(output, input);
                pool.forward(pooled, output);
            });
            double fusedForward = best(device, () -> fused.forwardPooled(output, pooled, input));
            double separateBackward = best(device, () -> {
                pool.backward(dOutput, dPooled);
                plain.backward(dInput, dOutput, input, output);
            });
            double fusedBackward = best(device, () -> fused.backwardPooled(dInput, dPooled, input, output));
            double fusedParameters = best(device, () -> fused.backwardPooled(null, dPooled, input, output));
            System.out.printf("%s with a 2x2 average pool: forward %.3f ms separate, %.3f ms fused; backward %.3f ms"
                    + " separate, %.3f ms fused, %.3f ms fused without dInput%n", g, separateForward, fusedForward,
                    separateBackward, fusedBackward, fusedParameters);
        }
    }

    /** The layer as LeNet runs it: the pool fused, and no input gradient for a first layer (one input channel). */
    private static void timeLeNetLayer(Device device, ConvGeometry g) {
        Random random = new Random(1);
        int pooledFloats = (int) (g.batch() * g.outChannels() * (g.outHeight() / 2) * (g.outWidth() / 2));
        boolean first = g.inChannels() == 1;
        try (DirectConv2d fused = DirectConv2d.pooled(device, "conv", g.batch(), g.inChannels(), g.inHeight(),
                     g.inWidth(), g.outChannels(), g.kernel(), g.stride(), g.padding(), Activation.SIGMOID, 2, 2, 0);
             Tensor input = Workspaces.padded(device, TestArrays.uniform(random, g.batch() * g.inputFloatsPerImage(), 1), 0);
             Tensor output = new Tensor(device, (int) (g.batch() * g.outputFloatsPerImage()));
             Tensor pooled = new Tensor(device, pooledFloats);
             Tensor dPooled = Workspaces.padded(device, TestArrays.uniform(random, pooledFloats, 1), 0);
             Tensor dInput = new Tensor(device, (int) (g.batch() * g.inputFloatsPerImage()))) {
            double forward = best(device, () -> fused.forwardPooled(output, pooled, input));
            double backward = best(device, () -> fused.backwardPooled(first ? null : dInput, dPooled, input, output));
            System.out.printf("%s, 2x2 average pool fused: forward %.3f ms, backward %.3f ms%s%n", g, forward, backward,
                    first ? " (no input gradient)" : "");
        }
    }

    /**
     * Best milliseconds per call; with {@code -Dcpu=true}, the process's CPU milliseconds per call over both
     * cores instead (halve it for the time on an otherwise idle 2-core machine): on a machine shared with other
     * jobs, wall time swings with their load while CPU time mostly does not.
     */
    private static double best(Device device, Runnable call) {
        for (int i = 0; i < 3; i++) {
            call.run();
        }
        boolean cpu = Boolean.getBoolean("cpu");
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        for (int trial = 0; trial < TRIALS; trial++) {
            device.finish();
            long start = cpu ? os.getProcessCpuTime() : System.nanoTime();
            int calls = cpu ? CPU_CALLS_PER_TRIAL : CALLS_PER_TRIAL;
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            device.finish();
            long end = cpu ? os.getProcessCpuTime() : System.nanoTime();
            best = Math.min(best, (end - start) / 1e6 / calls);
        }
        return best;
    }
}
