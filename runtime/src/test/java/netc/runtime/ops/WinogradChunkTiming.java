package netc.runtime.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/**
 * A command-line timing harness (not a test): one Winograd layer's forward and training step (forward, then
 * backward with the input gradient) with the batch split into chunks of each given number of images, the
 * chunkings taking turns within every trial so that a shared machine's load falls on all of them alike;
 * prints each one's least forward and step milliseconds over {@link #TRIALS} trials (-Dtrials=N), and the
 * step's least process CPU milliseconds (all threads: on a machine shared by other jobs this leaves out the
 * time the others held the cores, though not what they did to the caches). The tile is the one
 * {@link WinogradTiling#tileFor} picks, as in a network. Arguments: the batch size, a layer
 * {@code inChannels,height,width,outChannels,kernel} (stride 1, padding kernel / 2), then images per chunk,
 * e.g. {@code 64 96,26,26,256,5 8 4 2} for AlexNet's conv2; a count ending in {@code s} (e.g. {@code 8s})
 * stores V and M non-temporally ({@link WinogradTiling#STREAM_MIN_FLOATS}) and one without never does.
 */
final class WinogradChunkTiming {
    private static final int TRIALS = Integer.getInteger("trials", 15);

    private WinogradChunkTiming() {}

    public static void main(String[] args) {
        int batch = Integer.parseInt(args[0]);
        int[] s = java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        ConvGeometry g = new ConvGeometry(batch, s[0], s[1], s[2], s[3], s[4], 1, s[4] / 2);
        String[] variants = java.util.Arrays.copyOfRange(args, 2, args.length);
        int[] images = java.util.Arrays.stream(variants).mapToInt(v -> Integer.parseInt(v.replace("s", ""))).toArray();
        WinogradTiling tiling = new WinogradTiling(g, WinogradTiling.tileFor(g));
        long perImage = Math.max(tiling.transformedFloatsPerImage(g.inChannels()),
                tiling.transformedFloatsPerImage(g.outChannels()));
        Random random = new Random(1);
        List<WinogradConv2d> convs = new ArrayList<>();
        try (Device device = Device.open();
             Tensor input = TestArrays.uniformTensor(device, g.batch() * g.inputFloatsPerImage(), random);
             Tensor output = TestArrays.uniformTensor(device, g.batch() * g.outputFloatsPerImage(), random);
             Tensor dOutput = TestArrays.uniformTensor(device, g.batch() * g.outputFloatsPerImage(), random);
             Tensor dInput = TestArrays.uniformTensor(device, g.batch() * g.inputFloatsPerImage(), random)) {
            try {
                for (String v : variants) {
                    int n = Integer.parseInt(v.replace("s", ""));
                    convs.add(new WinogradConv2d(device, "chunk" + n, g, Activation.RELU, tiling.tile(),
                            n * perImage, Conv2d.DEFAULT_RETAINED_BUDGET,
                            v.endsWith("s") ? 0 : Long.MAX_VALUE));
                }
                AlternatingTrials.Least least = AlternatingTrials.run(device,
                        WinogradTileTiming.forwardsAndSteps(convs, input, output, dInput, dOutput), TRIALS);
                double[] forward = new double[images.length];
                double[] step = new double[images.length];
                double[] stepCpu = new double[images.length];
                for (int i = 0; i < images.length; i++) {
                    forward[i] = least.millis()[2 * i];
                    step[i] = least.millis()[2 * i + 1];
                    stepCpu[i] = least.cpuMillis()[2 * i + 1];
                }
                for (int i = 0; i < images.length; i++) {
                    System.out.printf("conv %dx%dx%d -> %d, %dx%d, batch %d, F(%dx%d), chunks of %d images%s: forward %6.1f ms,"
                                    + " step %6.1f ms (%6.1f CPU ms)%n", g.inChannels(), g.inHeight(), g.inWidth(), g.outChannels(),
                            g.kernel(), g.kernel(), g.batch(), tiling.tile(), tiling.tile(),
                            convs.get(i).imagesPerChunk(), variants[i].endsWith("s") ? ", stores streamed" : "", forward[i], step[i], stepCpu[i]);
                }
            } finally {
                convs.forEach(WinogradConv2d::close);
            }
        }
    }

}
