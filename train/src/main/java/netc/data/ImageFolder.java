package netc.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import netc.runtime.io.FileProblem;

/**
 * Reads a folder of images with one sub-folder per class, as torchvision's {@code ImageFolder}: the
 * classes are the sub-folders' names, sorted; each sub-folder's images (PNG, JPEG, BMP or GIF, read
 * with the JDK's ImageIO, nested folders included) are that class's, in path order.
 *
 * <p>Read in two passes: the headers first (so that the shape is known and every file is checked to be
 * an image before any is decoded), then each image decoded once to bytes at the dataset's size: grey
 * when every image is grey, RGB otherwise (a grey image's value in each channel; alpha ignored). Images
 * of another size are resized there, bilinearly as the device resizes.
 */
final class ImageFolder {
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
    /** Files that operating systems leave in folders, never images. */
    private static final Set<String> LITTER = Set.of("thumbs.db", "desktop.ini");

    private final Path root;

    private ImageFolder(Path root) {
        this.root = root;
    }

    /** @param height, width the size to decode to; 0 for the images' own (the most common one when they differ) */
    static ImageDataset read(Path root, int height, int width) {
        DatasetFiles.requireDirectory(root, "image folder", "pass a folder that holds one sub-folder of images per"
                + " class");
        return new ImageFolder(root).read(height, width);
    }

    private record Entry(Path file, int label, int height, int width, boolean grey) {}

    private ImageDataset read(int height, int width) {
        List<Path> classFolders = classFolders();
        List<String> classNames = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Path folder : classFolders) {
            int label = classNames.size();
            classNames.add(folder.getFileName().toString());
            List<Path> files = imageFiles(folder);
            if (files.isEmpty()) {
                throw new DatasetException("Class folder " + folder + " holds no images (PNG, JPEG, BMP or GIF); add"
                        + " its images or remove the folder.");
            }
            for (Path file : files) {
                entries.add(header(file, label));
            }
        }
        boolean grey = entries.stream().allMatch(Entry::grey);
        int channels = grey ? 1 : 3;
        if (height == 0 || width == 0) {
            int[] size = mostCommonSize(entries);
            height = size[0];
            width = size[1];
        }
        ImageShape.check("Image folder " + root, channels, height, width);
        ByteImageStore images = ByteImageStore.growing(channels * height * width);
        int[] labels = new int[entries.size()];
        byte[] image = new byte[channels * height * width];
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            BufferedImage decoded = decode(entry.file());
            ImagePixels.toBytes(decoded, channels, height, width, image);
            images.add(image, 0);
            labels[i] = entry.label();
        }
        String name = root.getFileName() == null ? root.toString() : root.getFileName().toString();
        return new ByteImageDataset(name, channels, height, width, classNames, labels, images.trim());
    }

    /** The sub-folders, sorted by name; image files beside them are a mistake worth naming. */
    private List<Path> classFolders() {
        List<Path> folders = new ArrayList<>();
        List<Path> strayImages = new ArrayList<>();
        for (Path entry : list(root)) {
            if (hidden(entry)) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                folders.add(entry);
            } else if (isImageName(entry)) {
                strayImages.add(entry);
            }
        }
        if (!strayImages.isEmpty()) {
            throw new DatasetException("Image folder " + root + " holds images itself (" + strayImages.get(0).getFileName()
                    + (strayImages.size() > 1 ? " and " + (strayImages.size() - 1) + " more" : "") + "), but a dataset"
                    + " folder holds one sub-folder per class; move each class's images into a sub-folder named after it.");
        }
        if (folders.isEmpty()) {
            throw new DatasetException("Image folder " + root + " has no class sub-folders; put each class's images in"
                    + " a sub-folder named after the class.");
        }
        return folders;
    }

    /** Every image in {@code folder} and its sub-folders, in path order; a file of another kind is refused. */
    private List<Path> imageFiles(Path folder) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) walk.sorted()::iterator) {
                if (file.equals(folder) || Files.isDirectory(file) || hiddenBelow(folder, file)
                        || LITTER.contains(file.getFileName().toString().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (!isImageName(file)) {
                    throw new DatasetException("File " + file + " is not a PNG, JPEG, BMP or GIF image (by its name);"
                            + " convert it to one of those or move it out of the image folder.");
                }
                files.add(file);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
            throw new DatasetException("Cannot list the class folder " + folder + ": "
                    + FileProblem.reason((IOException) cause) + "; make it readable.", e);
        }
        return files;
    }

    /** The image's size and colour from its header alone. */
    private Entry header(Path file, int label) {
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(file, stream);
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                return new Entry(file, label, height, width, isGrey(reader));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DatasetException known) {
                throw known;
            }
            throw unreadable(file, e);
        }
    }

    private BufferedImage decode(Path file) {
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(file, stream);
            try {
                reader.setInput(stream, true, true);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DatasetException known) {
                throw known;
            }
            throw unreadable(file, e);
        }
    }

    private static ImageReader reader(Path file, ImageInputStream stream) {
        if (stream == null) {
            throw new DatasetException("Image " + file + " cannot be opened; make it readable.");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
        if (!readers.hasNext()) {
            throw new DatasetException("Image " + file + " is not in a format ImageIO reads (PNG, JPEG, BMP or GIF);"
                    + " it is corrupt or misnamed, so replace or remove it.");
        }
        return readers.next();
    }

    private static DatasetException unreadable(Path file, Exception e) {
        String reason = e instanceof IOException io ? FileProblem.reason(io) : e.toString();
        return new DatasetException("Image " + file + " cannot be read (" + reason + "); it is corrupt or truncated, so"
                + " replace or remove it.", e);
    }

    /** Grey colour space, or a palette of greys only; judged from the type the reader will decode to. */
    private static boolean isGrey(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return false;
        }
        ColorModel model = type.getColorModel();
        if (model instanceof IndexColorModel palette) {
            for (int i = 0; i < palette.getMapSize(); i++) {
                if (palette.getRed(i) != palette.getGreen(i) || palette.getGreen(i) != palette.getBlue(i)) {
                    return false;
                }
            }
            return true;
        }
        return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /** The size most images have; of equally common ones, the first met. */
    private static int[] mostCommonSize(List<Entry> entries) {
        Map<Long, Integer> counts = new HashMap<>();
        long best = -1;
        int bestCount = 0;
        for (Entry entry : entries) {
            long key = (long) entry.height() << 32 | entry.width();
            int count = counts.merge(key, 1, Integer::sum);
            if (count > bestCount) {
                best = key;
                bestCount = count;
            }
        }
        return new int[] {(int) (best >>> 32), (int) best};
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("Cannot list the image folder " + directory + ": " + FileProblem.reason(e)
                    + "; make it readable.", e);
        }
    }

    private static boolean hidden(Path entry) {
        return entry.getFileName().toString().startsWith(".");
    }

    private static boolean hiddenBelow(Path folder, Path file) {
        for (Path part : folder.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isImageName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
