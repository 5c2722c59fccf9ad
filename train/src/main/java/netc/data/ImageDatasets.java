package netc.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes {@link ImageDataset}s: from IDX files, a CSV file, a folder of class sub-folders or arrays,
 * and from other datasets (a limit, a seeded hold-out split, the training set's class list). Every
 * file is read and checked here, so a dataset that is returned reads without errors; each problem is
 * a {@link DatasetException} of one sentence naming the file and the row or image.
 */
public final class ImageDatasets {
    /** Mixed into the seed of a hold-out split so that it does not repeat epoch 0's shuffle. */
    private static final long HOLD_OUT_SALT = 0x486F6C644F75744CL;

    private ImageDatasets() {}

    /**
     * A grey IDX pair: images ({@code [count, rows, cols]} unsigned bytes) and labels ({@code [count]}),
     * each plain or gzip-compressed; the classes are numbered 0 to the largest label.
     */
    public static ImageDataset idx(Path imagesFile, Path labelsFile) {
        return IdxPair.read(imagesFile, labelsFile, String.valueOf(imagesFile.getFileName()), null);
    }

    /** As {@link #idx(Path, Path)}, every label naming one of {@code classNames}. */
    public static ImageDataset idx(Path imagesFile, Path labelsFile, List<String> classNames) {
        return IdxPair.read(imagesFile, labelsFile, String.valueOf(imagesFile.getFileName()), List.copyOf(classNames));
    }

    /**
     * The IDX pair in {@code directory}: for the training set the images file with {@code train} in its
     * name (or the only one there), for the test set the one with {@code t10k} or {@code test}; the labels
     * file is the one beside it ({@code train-labels-idx1-ubyte[.gz]}). Named after the directory.
     */
    public static ImageDataset idxDirectory(Path directory, boolean train) {
        return IdxPair.inDirectory(directory, train);
    }

    /**
     * A CSV file of images, one per row: the label in the first column and a square grey image in the
     * others (784 columns: 28×28), with or without a header row; see {@link #csv(Path, CsvFormat)}.
     */
    public static ImageDataset csv(Path file) {
        return CsvImages.read(file, CsvFormat.DEFAULT);
    }

    /**
     * A CSV file of images laid out as {@code format} says. A header row is recognised by its pixel
     * cells, none of which is a number. Pixels are 0..255 whole numbers, or 0..1 fractions when some
     * is written with a point and none exceeds 1 (kept as bytes: round(255 v)). Labels that are all whole
     * numbers are class numbers 0 to the largest; otherwise each distinct label is a class, sorted by name.
     */
    public static ImageDataset csv(Path file, CsvFormat format) {
        return CsvImages.read(file, format);
    }

    /**
     * A folder with one sub-folder of images per class (PNG, JPEG, BMP or GIF, grey or RGB), as
     * torchvision's {@code ImageFolder}: class names are the sub-folders' names, sorted. The images are
     * decoded once to bytes at the size most of them have (others resized bilinearly); RGB when any image
     * is in colour.
     */
    public static ImageDataset imageFolder(Path folder) {
        return ImageFolder.read(folder, 0, 0);
    }

    /**
     * As {@link #imageFolder(Path)}, every image decoded to {@code height × width}: e.g. the network's
     * input size, so that large photos take no more memory than the network uses of them.
     */
    public static ImageDataset imageFolder(Path folder, int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("An image size needs a height and width of at least 1, got " + height
                    + "×" + width + ".");
        }
        return ImageFolder.read(folder, height, width);
    }

    /**
     * The training data at {@code path}: an IDX folder's training pair, a CSV file or an image folder,
     * in default layouts; {@code format} null tells the kind from the path. {@link DataSource} reads
     * other layouts and test sets.
     */
    public static ImageDataset open(Path path, DataFormat format) {
        return DataSource.of(path).withFormat(format).openTraining();
    }

    /** Fashion-MNIST's training (60000) or test (10000) images in {@code directory}, with its class names. */
    public static ImageDataset fashionMnist(Path directory, boolean train) {
        return train ? FashionMnist.train(directory) : FashionMnist.test(directory);
    }

    /**
     * Images a program holds as floats in [0, 1], {@code channels × height × width} per image in CHW
     * order, used as given (not copied: leave them unchanged while the dataset is in use); classes
     * numbered 0 to the largest label.
     */
    public static ImageDataset arrays(String name, float[][] images, int[] labels, int channels, int height, int width) {
        return arrays(name, images, labels, channels, height, width, null);
    }

    /** As {@link #arrays(String, float[][], int[], int, int, int)}, every label naming one of {@code classNames}. */
    public static ImageDataset arrays(String name, float[][] images, int[] labels, int channels, int height, int width,
                                      List<String> classNames) {
        int size = checkArrays(name, images.length, labels, channels, height, width);
        for (int i = 0; i < images.length; i++) {
            requireLength(name, i, images[i] == null ? -1 : images[i].length, size);
            for (int j = 0; j < size; j++) {
                float value = images[i][j];
                if (!(value >= 0f && value <= 1f)) {
                    throw new DatasetException(name + " image " + i + " holds " + value + " at position " + j
                            + ", but image values are floats in [0, 1]; scale them (bytes / 255, say), and leave"
                            + " normalisation to the trainer's mean and std.");
                }
            }
        }
        List<String> names = classNames(name, labels, classNames);
        return new FloatImageDataset(name, channels, height, width, names, labels.clone(), images);
    }

    /**
     * Images a program holds as unsigned bytes (0..255), {@code channels × height × width} per image in
     * CHW order, used as given (not copied); classes numbered 0 to the largest label.
     */
    public static ImageDataset arrays(String name, byte[][] images, int[] labels, int channels, int height, int width) {
        return arrays(name, images, labels, channels, height, width, null);
    }

    /** As {@link #arrays(String, byte[][], int[], int, int, int)}, every label naming one of {@code classNames}. */
    public static ImageDataset arrays(String name, byte[][] images, int[] labels, int channels, int height, int width,
                                      List<String> classNames) {
        int size = checkArrays(name, images.length, labels, channels, height, width);
        for (int i = 0; i < images.length; i++) {
            requireLength(name, i, images[i] == null ? -1 : images[i].length, size);
        }
        List<String> names = classNames(name, labels, classNames);
        return new ByteImageDataset(name, channels, height, width, names, labels.clone(),
                ByteImageStore.ofImages(Arrays.asList(images), size));
    }

    /** A dataset split in two: the images to train on and those held out to test on. */
    public record Split(ImageDataset train, ImageDataset test) {}

    /**
     * Holds out {@code fraction} of {@code data} (rounded, at least one image) as a test set, chosen at
     * random from {@code seed}: the same seed gives the same split. Both parts keep the dataset's order.
     */
    public static Split holdOut(ImageDataset data, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new DatasetException("Cannot hold out " + fraction + " of " + data.name() + ": the test fraction"
                    + " must lie strictly between 0 and 1, such as 0.1.");
        }
        int testSize = (int) Math.max(1, Math.round(fraction * data.size()));
        if (testSize >= data.size()) {
            throw new DatasetException("Holding out " + fraction + " of " + data.name() + "'s " + data.size()
                    + " images leaves none to train on; use a smaller fraction or more images.");
        }
        int[] order = EpochOrder.of(data.size(), true, seed ^ HOLD_OUT_SALT, 0);
        int[] test = Arrays.copyOf(order, testSize);
        int[] train = Arrays.copyOfRange(order, testSize, order.length);
        Arrays.sort(test);
        Arrays.sort(train);
        return new Split(new SubsetDataset(data, train, data.name()),
                new SubsetDataset(data, test, data.name() + " (held out)"));
    }

    /** The first {@code limit} images of {@code data} (all of them when {@code limit} is 0 or at least its size). */
    public static ImageDataset limit(ImageDataset data, int limit) {
        if (limit <= 0 || limit >= data.size()) {
            return data;
        }
        int[] first = new int[limit];
        for (int i = 0; i < limit; i++) {
            first[i] = i;
        }
        return new SubsetDataset(data, first, data.name());
    }

    /**
     * {@code data} with its labels indexing {@code classNames} (the training set's), matched by name: a
     * test set may lack classes, or list them in another order, but may not have one the list lacks.
     */
    public static ImageDataset withClasses(ImageDataset data, List<String> classNames) {
        if (data.classNames().equals(classNames)) {
            return data;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            index.putIfAbsent(classNames.get(i), i);
        }
        int[] newLabel = new int[data.classes()];
        for (int label = 0; label < newLabel.length; label++) {
            Integer target = index.get(data.classNames().get(label));
            if (target == null) {
                throw new DatasetException(data.name() + " has the class \"" + data.classNames().get(label)
                        + "\", which the training data's classes " + abbreviated(classNames) + " do not include;"
                        + " remove its images or train on data that has it.");
            }
            newLabel[label] = target;
        }
        return new RelabelledDataset(data, classNames, newLabel);
    }

    /** One line for messages and logs: "Fashion-MNIST: 60000 images of 1×28×28, 10 classes". */
    public static String describe(ImageDataset data) {
        return data.name() + ": " + data.size() + (data.size() == 1 ? " image" : " images") + " of "
                + data.channels() + "×" + data.height() + "×" + data.width() + ", " + data.classes()
                + (data.classes() == 1 ? " class" : " classes");
    }

    static String abbreviated(List<String> names) {
        List<String> shown = names.size() <= 12 ? names : new ArrayList<>(names.subList(0, 12));
        return "[" + String.join(", ", shown) + (names.size() > 12 ? ", ... (" + names.size() + " in all)" : "") + "]";
    }

    private static int checkArrays(String name, int count, int[] labels, int channels, int height, int width) {
        Objects.requireNonNull(name, "name");
        ImageShape.check(name, channels, height, width);
        if (count == 0) {
            throw new DatasetException(name + " holds no images; a dataset needs at least one.");
        }
        if (labels.length != count) {
            throw new DatasetException(name + " has " + count + " images but " + labels.length
                    + " labels; give one label per image.");
        }
        return channels * height * width;
    }

    private static void requireLength(String name, int index, int length, int size) {
        if (length != size) {
            throw new DatasetException(name + " image " + index + (length < 0 ? " is null" : " holds " + length
                    + " values") + ", but " + size + " (channels × height × width) were declared; give every image"
                    + " that many values.");
        }
    }

    private static List<String> classNames(String name, int[] labels, List<String> given) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new DatasetException(name + " gives example " + i + " the label " + labels[i]
                        + "; labels are class numbers from 0.");
            }
        }
        List<String> names = given != null ? List.copyOf(given) : Labels.numbered(Labels.impliedClasses(labels));
        Labels.requireInRange(name, labels, names.size());
        return names;
    }
}
