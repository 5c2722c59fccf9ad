package netc.runtime.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/**
 * A command-line timing harness (not a test): one 3x3 layer's training step (forward, then backward with the
 * input gradient) under each Winograd output tile, the tiles taking turns within every trial so that a
 * shared machine's load falls on all of them alike; prints each tile's least forward and step milliseconds
 * over {@link #TRIALS} trials. Arguments: the batch size, then layers {@code inChannels,height,width,outChannels}
 * (3x3, stride 1, padding 1); by default AlexNet's conv3-5 at batch 64. {@code -Dnetc.chunkBudget=FLOATS} limits
 * one chunk's V and M (default {@link Conv2d#DEFAULT_COLUMN_BUDGET}).
 */
final class WinogradTileTiming {
    private static final int TRIALS = 15;
    private static final int[] TILES = {4, 6};

    private WinogradTileTiming() {}

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        List<ConvGeometry> layers = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            int[] s = java.util.Arrays.stream(args[i].split(",")).mapToInt(Integer::parseInt).toArray();
            layers.add(new ConvGeometry(batch, s[0], s[1], s[2], s[3], 3, 1, 1));
        }
        if (layers.isEmpty()) {
            layers.add(new ConvGeometry(batch, 256, 12, 12, 384, 3, 1, 1)); // AlexNet conv3
            layers.add(new ConvGeometry(batch, 384, 12, 12, 384, 3, 1, 1)); // AlexNet conv4
            layers.add(new ConvGeometry(batch, 384, 12, 12, 256, 3, 1, 1)); // AlexNet conv5
        }
        try (Device device = Device.open()) {
            for (ConvGeometry g : layers) {
                time(device, g);
            }
        }
    }

    private static void time(Device device, ConvGeometry g) {
        Random random = new Random(1);
        List<WinogradConv2d> convs = new ArrayList<>();
        try (Tensor input = TestArrays.uniformTensor(device, g.batch() * g.inputFloatsPerImage(), random);
             Tensor output = TestArrays.uniformTensor(device, g.batch() * g.outputFloatsPerImage(), random);
             Tensor dOutput = TestArrays.uniformTensor(device, g.batch() * g.outputFloatsPerImage(), random);
             Tensor dInput = TestArrays.uniformTensor(device, g.batch() * g.inputFloatsPerImage(), random)) {
            for (int tile : TILES) {
                convs.add(new WinogradConv2d(device, "tile" + tile, g, Activation.RELU, tile,
                        Long.getLong("netc.chunkBudget", Conv2d.DEFAULT_COLUMN_BUDGET), Conv2d.DEFAULT_RETAINED_BUDGET));
            }
            AlternatingTrials.Least least = AlternatingTrials.run(device,
                    forwardsAndSteps(convs, input, output, dInput, dOutput), TRIALS);
            for (int i = 0; i < TILES.length; i++) {
                System.out.printf("conv %dx%dx%d -> %d, batch %d, F(%dx%d,3x3): forward %6.1f ms, step %6.1f ms%n",
                        g.inChannels(), g.inHeight(), g.inWidth(), g.outChannels(), g.batch(), TILES[i], TILES[i],
                        least.millis()[2 * i], least.millis()[2 * i + 1]);
            }
        } finally {
            convs.forEach(WinogradConv2d::close);
        }
    }


    /**
     * Each layer's forward, then its training step (the forward, then the backward with the input gradient),
     * as candidates for {@link AlternatingTrials}: the forward of layer i at 2i, its step at 2i + 1.
     */
    static List<Runnable> forwardsAndSteps(List<WinogradConv2d> convs, Tensor input, Tensor output, Tensor dInput,
            Tensor dOutput) {
        List<Runnable> candidates = new ArrayList<>();
        for (WinogradConv2d conv : convs) {
            candidates.add(() -> conv.forward(output, input));
            candidates.add(() -> {
                conv.forward(output, input);
                conv.backward(dInput, dOutput, input, output);
            });
        }
        return candidates;
    }
}
