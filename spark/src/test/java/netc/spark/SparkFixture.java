package netc.spark;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import netc.data.Augmentation;
import netc.data.ImageDataset;
import netc.data.ImageDatasets;
import netc.data.NetworkInput;
import netc.runtime.cl.Tensor;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.Parameter;
import netc.runtime.ops.Optimizer;
import netc.samples.LeNetModel;
import netc.train.OptimizerSettings;
import netc.train.ProgressReporter;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** What the Spark tests share: an embedded Spark, LeNet-shaped random examples, and reading a model's state. */
final class SparkFixture {
    static final NetworkInput LENET_INPUT = new NetworkInput(1, 28, 28);
    static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private SparkFixture() {}

    /**
     * Spark on this machine with two task threads, each task tried twice (local[2,2]): the retry test needs
     * a second attempt, and every other test passes at the first.
     */
    static JavaSparkContext localSpark() {
        SparkConf conf = new SparkConf().setMaster("local[2,2]").setAppName("netc-spark tests")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        JavaSparkContext context = new JavaSparkContext(conf);
        context.setLogLevel("ERROR");
        return context;
    }

    /** {@code count} random 28×28 grey images as bytes, with random labels, from {@code seed}. */
    static ImageDataset randomImages(int count, long seed) {
        Random random = new Random(seed);
        byte[][] images = new byte[count][28 * 28];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            random.nextBytes(images[i]);
            labels[i] = random.nextInt(CLASSES.size());
        }
        return ImageDatasets.arrays("random", images, labels, 1, 28, 28, CLASSES);
    }

    /** The images {@code from} (inclusive) to {@code to} (exclusive) of {@code data}, as their own dataset. */
    static ImageDataset slice(ImageDataset data, int from, int to) {
        byte[][] images = new byte[to - from][data.imageSize()];
        int[] labels = new int[to - from];
        for (int i = from; i < to; i++) {
            data.readBytes(i, images[i - from], 0);
            labels[i - from] = data.label(i);
        }
        return ImageDatasets.arrays(data.name(), images, labels, 1, 28, 28, CLASSES);
    }

    static ReplicaSpec lenetSpec(int workerBatch, int syncEvery, OptimizerSettings optimizer, ImageDataset data,
                                 long seed, DeviceOpener devices) {
        return lenetSpec(LeNetModel.class.getName(), workerBatch, syncEvery, optimizer, data, seed, devices);
    }

    static ReplicaSpec lenetSpec(String modelClass, int workerBatch, int syncEvery, OptimizerSettings optimizer,
                                 ImageDataset data, long seed, DeviceOpener devices) {
        return new ReplicaSpec(UUID.randomUUID().toString(), modelClass, workerBatch, syncEvery, optimizer,
                LENET_INPUT, Augmentation.NONE, ExampleShape.of(data), seed, null, devices);
    }

    static ProgressReporter quietProgress() {
        return new ProgressReporter(new PrintStream(OutputStream.nullOutputStream()), false, System::nanoTime);
    }

    /** Every parameter's values, then every optimizer state tensor's, in the model's order. */
    static List<float[]> state(CompiledModel model, Optimizer optimizer) {
        List<float[]> tensors = new ArrayList<>();
        for (Parameter parameter : model.parameters()) {
            tensors.add(parameter.value().download());
        }
        for (Optimizer.State state : optimizer.state()) {
            for (Tensor tensor : state.tensors()) {
                tensors.add(tensor.download());
            }
        }
        return tensors;
    }

    /** Writes tensors read by {@link #state} back, in the same order. */
    static void setState(CompiledModel model, Optimizer optimizer, List<float[]> tensors) {
        int index = 0;
        for (Parameter parameter : model.parameters()) {
            parameter.value().upload(tensors.get(index++));
        }
        for (Optimizer.State state : optimizer.state()) {
            for (Tensor tensor : state.tensors()) {
                tensor.upload(tensors.get(index++));
            }
        }
    }
}
