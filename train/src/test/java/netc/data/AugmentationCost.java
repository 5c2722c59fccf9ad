package netc.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * Not a test: times gathering one training batch of Fashion-MNIST on the host with each augmentation,
 * for docs/PERFORMANCE.md. Run after {@code mvn -o -q test-compile -pl train -am} with
 * {@code java -cp train/target/test-classes:train/target/classes:$(cat cli/target/classpath.txt) netc.data.AugmentationCost [batch]}.
 */
public final class AugmentationCost {
    private AugmentationCost() {}

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        ImageDataset data = FashionMnist.train(FashionMnist.DEFAULT_DIRECTORY);
        int[] order = EpochOrder.of(data.size(), true, 42, 0);
        time("bytes, no augmentation (the default path)", data, order, batch, Augmentation.NONE, true);
        time("floats, no augmentation", data, order, batch, Augmentation.NONE, false);
        time("crop (padding 4) + flip", data, order, batch, Augmentation.builder().randomCrop(4).horizontalFlip().build(),
                false);
        time("brightness + contrast 0.2", data, order, batch, Augmentation.builder().brightness(0.2).contrast(0.2)
                .build(), false);
        time("noise 0.05", data, order, batch, Augmentation.builder().noise(0.05).build(), false);
        time("all four", data, order, batch, Augmentation.builder().randomCrop(4).horizontalFlip().brightness(0.2)
                .contrast(0.2).noise(0.05).build(), false);
    }

    private static void time(String what, ImageDataset data, int[] order, int batch, Augmentation augmentation,
                             boolean bytes) {
        HostBatch host = new HostBatch(batch, data.imageSize(), bytes, !augmentation.isNone());
        int batches = data.size() / batch;
        // Warm up the JIT over two epochs' worth of batches, then time one epoch batch by batch.
        for (int round = 0; round < 2; round++) {
            for (int b = 0; b < batches; b++) {
                host.fill(data, order, b * batch, batch, augmentation, 42, round);
            }
        }
        long[] nanos = new long[batches];
        for (int b = 0; b < batches; b++) {
            long start = System.nanoTime();
            host.fill(data, order, b * batch, batch, augmentation, 42, 2);
            nanos[b] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-45s median %.2f ms per batch of %d%n", what, nanos[batches / 2] / 1e6, batch);
    }
}
