package netc.runtime.ops;

import java.util.Random;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/**
 * A command-line timing harness (not a test) for AlexNet's 3x3 stride-1 convolutions at batch 64:
 * {@link Conv2d} (im2col + GEMM) against {@link WinogradConv2d} with 4x4 and 2x2 output tiles (and 6x6 for
 * 3x3 kernels) on stride-1 layers, or {@link StridedConv2d} (the layers it {@link StridedConv2d#suits suits}). Best-of-trials
 * milliseconds per forward and per training step (forward then backward with the input gradient, as a
 * model runs them: the backward reuses what the forward kept); backward = step − forward; and the backward
 * alone without the input gradient, as a first layer calls it. Each trial times {@link #CALLS_PER_TRIAL} calls
 * between {@code finish()}es after a warm-up, since the machine is shared and single trials are noisy; with
 * {@code -Dcpu=true}, CPU time instead of wall time (see {@link #best}).
 *
 * <p>With {@code --stages} first, it times each stage of {@link WinogradConv2d} with the tile a network uses
 * ({@link WinogradTiling#tileFor}; {@code -Dnetc.chunkBudget} and {@code -Dnetc.streamMinFloats} override its
 * chunking and where it stores V and M non-temporally) (or, for the layers
 * {@link StridedConv2d} suits, its) forward and backward instead: the queue is finished after every stage (see {@link StageTimer}), and each stage's least time over
 * {@link #TRIALS} calls is printed (the machine is shared: the least is the least disturbed) (milliseconds per call, summed over the chunks and ξ of one call).
 */
final class ConvTiming {
    private static final int CALLS_PER_TRIAL = 2;
    private static final int TRIALS = 9;

    private ConvTiming() {}

    /**
     * Optional arguments: {@code --stages}, then the batch size (default 64), then layers to time instead of
     * AlexNet's conv3-5 (with {@code --stages}: conv2-5), each
     * {@code inChannels,height,width,outChannels[,kernel[,stride[,padding]]]} (kernel 3, stride 1 and padding
     * kernel / 2 by default; AlexNet's conv1 is {@code 1,224,224,96,11,4,1}).
     */
    public static void main(String[] args) {
        boolean stages = args.length > 0 && args[0].equals("--stages");
        if (stages) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        java.util.List<ConvGeometry> layers = new java.util.ArrayList<>();
        if (stages) {
            layers.add(new ConvGeometry(batch, 96, 26, 26, 256, 5, 1, 2)); // AlexNet conv2
        }
        layers.addAll(java.util.List.of(
            new ConvGeometry(batch, 256, 12, 12, 384, 3, 1, 1), // AlexNet conv3
            new ConvGeometry(batch, 384, 12, 12, 384, 3, 1, 1), // AlexNet conv4
            new ConvGeometry(batch, 384, 12, 12, 256, 3, 1, 1))); // AlexNet conv5
        if (args.length > 1) {
            layers.clear();
        }
        for (int i = 1; i < args.length; i++) {
            int[] s = java.util.Arrays.stream(args[i].split(",")).mapToInt(Integer::parseInt).toArray();
            int kernel = s.length > 4 ? s[4] : 3;
            int stride = s.length > 5 ? s[5] : 1;
            int padding = s.length > 6 ? s[6] : kernel / 2;
            layers.add(new ConvGeometry(batch, s[0], s[1], s[2], s[3], kernel, stride, padding));
        }
        try (Device device = Device.open()) {
            if (stages) {
                for (ConvGeometry g : layers) {
                    if (StridedConv2d.suits(g.inChannels(), g.kernel(), g.stride(), g.padding())) {
                        try (StridedConv2d conv = new StridedConv2d(device, "strided", g.batch(), g.inChannels(),
                                g.inHeight(), g.inWidth(), g.outChannels(), g.kernel(), g.stride(), g.padding(),
                                Activation.RELU)) {
                            timeStages(device, conv, conv::timeStages, g, "");
                        }
                        continue;
                    }
                    int tile = WinogradTiling.tileFor(g);
                    try (WinogradConv2d conv = new WinogradConv2d(device, "winograd", g, Activation.RELU, tile,
                            Long.getLong("netc.chunkBudget", Conv2d.DEFAULT_COLUMN_BUDGET),
                            Conv2d.DEFAULT_RETAINED_BUDGET,
                            Long.getLong("netc.streamMinFloats", WinogradTiling.STREAM_MIN_FLOATS))) {
                        timeStages(device, conv, conv::timeStages, g, ", F(" + tile + "x" + tile + "), chunks of "
                                + conv.imagesPerChunk() + " images");
                    }
                }
                return;
            }
            for (ConvGeometry g : layers) {
                try (Conv2d conv = new Conv2d(device, "gemm", g.batch(), g.inChannels(), g.inHeight(), g.inWidth(),
                        g.outChannels(), g.kernel(), g.stride(), g.padding(), Activation.RELU)) {
                    time(device, "im2col+GEMM", conv, g);
                }
                if (StridedConv2d.suits(g.inChannels(), g.kernel(), g.stride(), g.padding())) {
                    try (StridedConv2d conv = new StridedConv2d(device, "strided", g.batch(), g.inChannels(),
                            g.inHeight(), g.inWidth(), g.outChannels(), g.kernel(), g.stride(), g.padding(),
                            Activation.RELU)) {
                        time(device, "strided direct", conv, g);
                    }
                }
                for (int tile : g.stride() != 1 ? new int[0] : g.kernel() == 3 ? new int[] {4, 2, 6} : new int[] {4, 2}) {
                    try (WinogradConv2d conv = new WinogradConv2d(device, "winograd", g, Activation.RELU, tile,
                            Conv2d.DEFAULT_COLUMN_BUDGET, Conv2d.DEFAULT_RETAINED_BUDGET)) {
                        time(device, "Winograd F(" + tile + "x" + tile + "," + g.kernel() + "x" + g.kernel() + ")", conv, g);
                    }
                }
            }
        }
    }

    private static void time(Device device, String what, Convolution conv, ConvGeometry g) {
        int inputFloats = Math.toIntExact(g.batch() * g.inputFloatsPerImage());
        int outputFloats = Math.toIntExact(g.batch() * g.outputFloatsPerImage());
        Random random = new Random(1);
        conv.parameters().get(0).value().upload(TestArrays.uniform(random, conv.parameters().get(0).value().size(),
                1 / Math.sqrt(g.patchSize())));
        try (Tensor input = TestArrays.uniformTensor(device, inputFloats, random);
             Tensor output = TestArrays.uniformTensor(device, outputFloats, random);
             Tensor dOutput = TestArrays.uniformTensor(device, outputFloats, random);
             Tensor dInput = TestArrays.uniformTensor(device, inputFloats, random)) {
            double forward = best(device, () -> conv.forward(output, input));
            double step = best(device, () -> {
                conv.forward(output, input);
                conv.backward(dInput, dOutput, input, output);
            });
            // A first layer's backward: the parameter gradients only, as the generated model calls it.
            // Timed alone after a forward: neither op's backward depends on anything the forward keeps
            // by default, and a difference of two noisy best times would be noisier still.
            conv.forward(output, input);
            double parameters = best(device, () -> conv.backward(null, dOutput, input, output));
            double directFlops = 2.0 * g.batch() * g.outputFloatsPerImage() * g.patchSize();
            System.out.printf("%s %dx%dx%d -> %d, k%d s%d p%d, batch %d: %-24s forward %6.1f ms (%3.0f direct GFLOP/s),"
                            + " backward %6.1f ms, step %6.1f ms, backward without dInput %6.1f ms (%3.0f GFLOP/s)%n",
                    "conv", g.inChannels(), g.inHeight(), g.inWidth(), g.outChannels(), g.kernel(), g.stride(),
                    g.padding(), g.batch(), what, forward, directFlops / forward / 1e6, step - forward, step,
                    parameters, directFlops / parameters / 1e6);
        }
    }

    /** Prints the least milliseconds per call of each stage of the forward, then of the backward. */
    private static void timeStages(Device device, Convolution conv, java.util.function.Consumer<StageTimer> timeStages,
                                   ConvGeometry g, String chunks) {
        int inputFloats = Math.toIntExact(g.batch() * g.inputFloatsPerImage());
        int outputFloats = Math.toIntExact(g.batch() * g.outputFloatsPerImage());
        Random random = new Random(1);
        conv.parameters().get(0).value().upload(TestArrays.uniform(random, conv.parameters().get(0).value().size(),
                1 / Math.sqrt(g.patchSize())));
        try (Tensor input = TestArrays.uniformTensor(device, inputFloats, random);
             Tensor output = TestArrays.uniformTensor(device, outputFloats, random);
             Tensor dOutput = TestArrays.uniformTensor(device, outputFloats, random);
             Tensor dInput = TestArrays.uniformTensor(device, inputFloats, random)) {
            String layer = String.format("conv %dx%dx%d -> %d, %dx%d stride %d, batch %d%s", g.inChannels(),
                    g.inHeight(), g.inWidth(), g.outChannels(), g.kernel(), g.kernel(), g.stride(), g.batch(), chunks);
            printStages(layer + ", forward", stageLeast(device, timeStages, () -> conv.forward(output, input),
                    () -> { }));
            printStages(layer + ", backward", stageLeast(device, timeStages,
                    () -> conv.backward(dInput, dOutput, input, output), () -> conv.forward(output, input)));
            printStages(layer + ", backward without dInput", stageLeast(device, timeStages,
                    () -> conv.backward(null, dOutput, input, output), () -> conv.forward(output, input)));
        }
    }

    /** Each stage's least over the trials of its summed milliseconds in one {@code call}, {@code before} untimed. */
    private static java.util.Map<String, Double> stageLeast(Device device,
                                                              java.util.function.Consumer<StageTimer> timeStages,
                                                              Runnable call, Runnable before) {
        java.util.Map<String, java.util.List<Double>> trials = new java.util.LinkedHashMap<>();
        for (int trial = -1; trial < TRIALS; trial++) { // trial -1 warms up
            before.run();
            device.finish();
            java.util.Map<String, Double> sums = new java.util.LinkedHashMap<>();
            long[] last = {System.nanoTime()};
            timeStages.accept(stage -> {
                device.finish();
                long now = System.nanoTime();
                sums.merge(stage, (now - last[0]) / 1e6, Double::sum);
                last[0] = now;
            });
            call.run();
            timeStages.accept(StageTimer.NONE);
            if (trial >= 0) {
                sums.forEach((stage, ms) -> trials.computeIfAbsent(stage, s -> new java.util.ArrayList<>()).add(ms));
            }
        }
        java.util.Map<String, Double> least = new java.util.LinkedHashMap<>();
        trials.forEach((stage, values) -> {
            java.util.Collections.sort(values);
            least.put(stage, values.get(0));
        });
        return least;
    }

    private static void printStages(String what, java.util.Map<String, Double> least) {
        System.out.printf("%s (least of %d calls; total %.1f ms):%n", what, TRIALS,
                least.values().stream().mapToDouble(Double::doubleValue).sum());
        least.forEach((stage, ms) -> System.out.printf("  %-28s %7.1f ms%n", stage, ms));
    }


    /**
     * Best milliseconds per call; with {@code -Dcpu=true}, the process's CPU milliseconds per call over all
     * cores instead (halve it for the time on an otherwise idle 2-core machine): on a machine shared with
     * other jobs, wall time swings with their load while CPU time mostly does not.
     */
    private static double best(Device device, Runnable call) {
        call.run();
        device.finish();
        boolean cpu = Boolean.getBoolean("cpu");
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        for (int trial = 0; trial < TRIALS; trial++) {
            long start = cpu ? os.getProcessCpuTime() : System.nanoTime();
            for (int i = 0; i < CALLS_PER_TRIAL; i++) {
                call.run();
            }
            device.finish();
            long end = cpu ? os.getProcessCpuTime() : System.nanoTime();
            best = Math.min(best, (end - start) / 1e6 / CALLS_PER_TRIAL);
        }
        return best;
    }
}
