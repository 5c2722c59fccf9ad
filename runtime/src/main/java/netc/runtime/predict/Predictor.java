package netc.runtime.predict;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netc.runtime.cl.Device;
import netc.runtime.io.DataDescription;
import netc.runtime.io.ExtraTensors;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.runtime.io.WeightFiles;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.DeviceMemoryCheck;
import netc.runtime.model.MemoryEstimate;
import netc.runtime.model.Mode;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;

/**
 * A trained network that classifies images: the weights of a checkpoint (or weight file) in a model on
 * a device, with what the checkpoint records about the training data ({@link DataDescription}: the class
 * names, and the input normalisation, which prediction applies as training did).
 *
 * <pre>{@code
 * try (Predictor predictor = Predictor.load(MyNetModel.FACTORY, MyNetModel.INFO, Path.of("runs/mynet/checkpoint.safetensors"))) {
 *     float[][] probabilities = predictor.predict(Path.of("cat.png"), Path.of("dog.jpg"));
 *     for (Prediction p : predictor.top(probabilities[0], 3)) {
 *         System.out.println(p.className() + " " + p.probability());
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #predict} takes any number of images, whatever the batch size the model was built for: it
 * runs them in chunks of that size, the last chunk padded with zero images whose results are dropped.
 * The forward pass runs in evaluation mode (dropout off, batch normalisation with its running
 * statistics), so every image's result is independent of the others in its chunk and of the padding;
 * the model is told how many rows are real ({@link CompiledModel#setActiveRows}) all the same.
 * Results are float32 probabilities, the softmax of the network's float32 logits taken in double.
 *
 * <p>Not thread-safe: one predictor runs one chunk at a time on its model's input.
 */
public final class Predictor implements AutoCloseable {
    /** Images per forward pass when none is given: small, since one image costs a whole pass. */
    public static final int DEFAULT_BATCH_SIZE = 16;

    private final CompiledModel model;
    private final DataDescription data;
    private final List<String> classNames;
    /** What {@link #close} releases: the model and its device when this predictor built them, else nothing. */
    private final List<AutoCloseable> owned;

    private Predictor(CompiledModel model, DataDescription data, List<AutoCloseable> owned) {
        NetworkInfo info = model.info();
        this.model = model;
        this.data = data;
        data.requireFits(info);
        this.classNames = data.classNamesOrNumbers(info.outputs());
        this.owned = owned;
    }

    /**
     * Opens the default device ({@code NETC_DEVICE}, else the first GPU, else the first device) and loads
     * {@code weights} into a model of {@link #DEFAULT_BATCH_SIZE}.
     *
     * @param factory and {@code info}: the generated model's {@code FACTORY} and {@code INFO}
     * @param weights a netc checkpoint or weight file of this network, or a PyTorch state_dict saved as
     *     safetensors (in the network's own names or PyTorch's, mapped through the network's PyTorch paths)
     */
    public static Predictor load(ModelFactory factory, NetworkInfo info, Path weights) {
        return load(factory, info, weights, null, DEFAULT_BATCH_SIZE);
    }

    /**
     * As {@link #load(ModelFactory, NetworkInfo, Path)} on the device {@code device} selects ({@code gpu},
     * {@code cpu}, an id or part of a name; null for the default) with a model of {@code batchSize}. The
     * file is read and checked (its network, its class names) before the device opens.
     */
    public static Predictor load(ModelFactory factory, NetworkInfo info, Path weights, String device, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize + ".");
        }
        TensorFile contents = SafetensorsReader.read(weights);
        WeightFiles.checkNetwork(contents, info);
        DataDescription data = DataDescription.read(contents, info);
        Device opened = Device.open(device);
        CompiledModel model = null;
        try {
            // Checked before any allocation: past the device's memory a driver may abort the process.
            model = DeviceMemoryCheck.build(factory, info, opened, batchSize, batch -> MemoryEstimate.model(info, batch));
            WeightFiles.load(contents, model, ExtraTensors.REFUSE);
            return new Predictor(model, data, List.of(model, opened));
        } catch (RuntimeException | Error e) {
            closeQuietly(model, e);
            closeQuietly(opened, e);
            throw e;
        }
    }

    /**
     * A predictor over a model the caller built and keeps: {@link #close} leaves it open. Its weights are
     * used as they are. {@code classNames}: one per output in label order, or empty for "class 0", ...
     */
    public static Predictor of(CompiledModel model, List<String> classNames) {
        return of(model, DataDescription.of(classNames));
    }

    /** As {@link #of(CompiledModel, List)}, with the class names and the input normalisation of {@code data}. */
    public static Predictor of(CompiledModel model, DataDescription data) {
        return new Predictor(model, data, List.of());
    }

    /** The network's compile-time description: input shape, classes, shape table. */
    public NetworkInfo info() {
        return model.info();
    }

    /** Images per forward pass. */
    public int batchSize() {
        return model.batchSize();
    }

    /** One name per class, index = label: the checkpoint's, else "class 0", "class 1", .... */
    public List<String> classNames() {
        return classNames;
    }

    /** What the checkpoint records about the training data (the class names as recorded: empty if none). */
    public DataDescription data() {
        return data;
    }

    /**
     * Class probabilities of each image, {@code [image][class]}, each row summing to 1 (within float32
     * rounding). An image is the network's input: {@code channels × height × width} floats in [0, 1],
     * CHW (all of channel 0 row by row, then channel 1, ...); the checkpoint's normalisation, if any, is
     * applied here, as the training pipeline applied it.
     */
    public float[][] predict(float[]... images) {
        NetworkInfo info = model.info();
        int size = info.inputSize();
        for (int i = 0; i < images.length; i++) {
            checkImage(info, i, images[i]);
        }
        int batch = model.batchSize();
        int classes = info.outputs();
        float[][] probabilities = new float[images.length][];
        float[] chunk = new float[batch * size];
        for (int first = 0; first < images.length; first += batch) {
            int rows = Math.min(batch, images.length - first);
            Arrays.fill(chunk, 0f);
            for (int row = 0; row < rows; row++) {
                float[] normalized = images[first + row].clone();
                data.normalize(normalized, info.channels(), info.height() * info.width());
                System.arraycopy(normalized, 0, chunk, row * size, size);
            }
            model.input().upload(chunk);
            model.setActiveRows(rows);
            model.forward(Mode.EVAL);
            float[] logits = model.logits().download();
            for (int row = 0; row < rows; row++) {
                checkLogits(info, first + row, logits, row * classes, classes);
                probabilities[first + row] = Softmax.of(logits, row * classes, classes);
            }
        }
        return probabilities;
    }

    /** Class probabilities of each picture, converted to the network's input by {@link ImageInput}. */
    public float[][] predict(BufferedImage... images) {
        List<float[]> inputs = new ArrayList<>(images.length);
        for (BufferedImage image : images) {
            inputs.add(ImageInput.convert(image, model.info()));
        }
        return predict(inputs.toArray(new float[0][]));
    }

    /** Class probabilities of each image file (PNG, JPEG, GIF, BMP), read and converted by {@link ImageInput}. */
    public float[][] predict(Path... imageFiles) {
        List<float[]> inputs = new ArrayList<>(imageFiles.length);
        for (Path file : imageFiles) {
            inputs.add(ImageInput.convert(ImageInput.read(file), model.info()));
        }
        return predict(inputs.toArray(new float[0][]));
    }

    /** The {@code k} most probable classes of one image's probabilities (a row of {@link #predict}), best first. */
    public List<Prediction> top(float[] probabilities, int k) {
        return TopClasses.of(probabilities, classNames, k);
    }

    /** {@link #top(float[], int)} of every image. */
    public List<List<Prediction>> top(float[][] probabilities, int k) {
        List<List<Prediction>> all = new ArrayList<>(probabilities.length);
        for (float[] row : probabilities) {
            all.add(top(row, k));
        }
        return List.copyOf(all);
    }

    private static void checkImage(NetworkInfo info, int index, float[] image) {
        if (image == null) {
            throw new IllegalArgumentException("image " + index + " is null.");
        }
        if (image.length != info.inputSize()) {
            throw new IllegalArgumentException("image " + index + " has " + image.length + " values but "
                    + info.name() + " takes " + info.channels() + "×" + info.height() + "×" + info.width() + " = "
                    + info.inputSize() + " (channels × height × width, CHW); resize it, or pass a BufferedImage"
                    + " or an image file, which are converted for you.");
        }
        for (int i = 0; i < image.length; i++) {
            float value = image[i];
            // Also false for NaN.
            if (!(value >= 0f && value <= 1f)) {
                throw new IllegalArgumentException("image " + index + " has " + value + " at index " + i + " but "
                        + info.name() + " takes pixels in [0, 1], as it was trained on; divide 8-bit pixels by 255.");
            }
        }
    }

    private static void checkLogits(NetworkInfo info, int image, float[] logits, int offset, int classes) {
        for (int i = 0; i < classes; i++) {
            if (!Float.isFinite(logits[offset + i])) {
                throw new IllegalStateException(info.name() + " gave image " + image + " the logit " + logits[offset + i]
                        + " for class " + i + "; its weights are not finite (a diverged training run?): load"
                        + " another checkpoint.");
            }
        }
    }

    private static void closeQuietly(AutoCloseable resource, Throwable failure) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException r ? r : new RuntimeException(e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
