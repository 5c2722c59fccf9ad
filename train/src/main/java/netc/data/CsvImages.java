package netc.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import netc.runtime.io.FileProblem;

/**
 * Reads a CSV file of images, one per row: a label column and pixel columns, with or without a header
 * row. Pixels are 0..255 whole numbers or 0..1 fractions, and are kept as bytes (a 0..1 value v as
 * round(255 v): images are 8-bit, and a byte per value keeps a large file's images in a quarter of the
 * heap floats would take).
 *
 * <p>Read twice: the first pass checks every row (so that a bad cell is reported before anything is
 * kept) and learns the labels and the pixel scale; the second stores the images.
 *
 * <p>The header row is recognised by its pixel cells: in a header none of them is a number ("pixel1",
 * ...). Labels that are all whole numbers are class numbers (classes 0 to the largest); otherwise each
 * distinct label is a class, the classes sorted by name. The scale is 0..1 when some pixel is written
 * as a fraction (with a point or exponent) and none exceeds 1, and 0..255 otherwise.
 */
final class CsvImages {
    /** More distinct labels than this is a column of something else (an id, a measurement), not classes. */
    private static final int MAX_CLASSES = 1 << 16;

    private final Path file;
    private final CsvFormat format;
    private final CsvRow row = new CsvRow();
    private boolean header;
    private int columns;
    private int labelColumn;
    private int channels;
    private int height;
    private int width;

    private CsvImages(Path file, CsvFormat format) {
        this.file = file;
        this.format = format;
    }

    static ImageDataset read(Path file, CsvFormat format) {
        DatasetFiles.requireFile(file, "CSV file");
        return new CsvImages(file, format).read();
    }

    private ImageDataset read() {
        Scan scan = new Scan();
        forEachRow(scan::check);
        if (scan.rows == 0) {
            throw problem("holds no rows of images" + (header ? " after its header" : "")
                    + "; give one row per image: a label and the pixel values.");
        }
        boolean fractions = scan.anyDecimal && scan.largest <= 1;
        if (!fractions && scan.firstNonWhole != null) {
            throw new DatasetException(scan.firstNonWhole + " is not a whole number, but the file's pixels are 0..255"
                    + " values (some exceed 1); give whole numbers, or 0..1 fractions throughout.");
        }
        List<String> classNames = scan.classNames();
        Map<String, Integer> labelOf = new HashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            labelOf.put(classNames.get(i), i);
        }
        int imageSize = channels * height * width;
        ByteImageStore images = ByteImageStore.growing(imageSize);
        int[] labels = new int[scan.rows];
        byte[] image = new byte[imageSize];
        int[] target = pixelOrder();
        int[] count = {0};
        forEachRow((number, cells) -> {
            int pixel = 0;
            for (int cell = 0; cell < cells.cells(); cell++) {
                if (cell == labelColumn) {
                    continue;
                }
                double value = cells.number(cell);
                image[target[pixel++]] = (byte) (fractions ? Math.round(value * 255) : (int) value);
            }
            String label = cells.text(labelColumn);
            labels[count[0]] = scan.numbered ? Integer.parseInt(label.strip()) : labelOf.get(label);
            images.add(image, 0);
            count[0]++;
        });
        return new ByteImageDataset(String.valueOf(file.getFileName()), channels, height, width, classNames, labels,
                images.trim());
    }

    /** Where each pixel cell's value goes in the CHW image. */
    private int[] pixelOrder() {
        int size = channels * height * width;
        int[] target = new int[size];
        for (int k = 0; k < size; k++) {
            // HWC: cell k is channel k % C of pixel k / C.
            target[k] = format.channelsFirst() || channels == 1 ? k : (k % channels) * height * width + k / channels;
        }
        return target;
    }

    private interface RowVisitor {
        /** {@code number} is the row's line number in the file, from 1. */
        void visit(int number, CsvRow cells);
    }

    /** Calls {@code visitor} for each data row, every row checked for its cell count and quoting. */
    private void forEachRow(RowVisitor visitor) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            boolean first = true;
            for (String line; (line = reader.readLine()) != null; ) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a byte-order mark, as spreadsheet programs write
                }
                if (line.isBlank()) {
                    continue;
                }
                String broken = row.split(line);
                if (broken != null) {
                    throw new DatasetException("CSV file " + file + " row " + number + ": " + broken
                            + "; close the quote or remove it.");
                }
                if (first) {
                    first = false;
                    if (readLayout(number)) {
                        continue;
                    }
                }
                if (row.cells() != columns) {
                    throw new DatasetException("CSV file " + file + " row " + number + " has " + row.cells()
                            + " cells where " + (header ? "the header has " : "the first row has ") + columns
                            + "; every row needs the label and the same number of pixels.");
                }
                visitor.visit(number, row);
            }
        } catch (CharacterCodingException e) {
            throw new DatasetException("CSV file " + file + " is not UTF-8 text; save it as UTF-8 (plain ASCII is).", e);
        } catch (IOException e) {
            throw new DatasetException("CSV file " + file + " could not be read: " + FileProblem.reason(e)
                    + "; make it readable.", e);
        } catch (UncheckedIOException e) {
            throw new DatasetException("CSV file " + file + " could not be read: " + FileProblem.reason(e.getCause())
                    + "; make it readable.", e);
        }
    }

    /**
     * Learns the columns, the label column and the image shape from the first row; returns whether it
     * is a header row.
     */
    private boolean readLayout(int number) {
        columns = row.cells();
        if (format.labelName() != null) {
            labelColumn = -1;
            for (int cell = 0; cell < columns; cell++) {
                if (row.text(cell).strip().equals(format.labelName())) {
                    labelColumn = cell;
                }
            }
            if (labelColumn < 0) {
                throw new DatasetException("CSV file " + file + " has no column named \"" + format.labelName()
                        + "\" in its first row; name the label column as the header does, or give its number.");
            }
            header = true;
        } else {
            labelColumn = format.labelIndex();
            if (labelColumn >= columns) {
                throw new DatasetException("CSV file " + file + " has " + columns + " columns, so there is no column "
                        + labelColumn + " (counted from 0) to hold the label; give the label column's number.");
            }
            header = true;
            for (int cell = 0; cell < columns && header; cell++) {
                header = cell == labelColumn || Double.isNaN(row.number(cell));
            }
        }
        if (columns < 2) {
            throw new DatasetException("CSV file " + file + " has " + columns + " column; a row needs a label and at"
                    + " least one pixel.");
        }
        resolveShape(columns - 1);
        return header;
    }

    private void resolveShape(int pixels) {
        if (format.hasShape()) {
            channels = format.channels();
            height = format.height();
            width = format.width();
            if ((long) channels * height * width != pixels) {
                throw new DatasetException("CSV file " + file + " has " + pixels + " pixel columns, but images of "
                        + height + "×" + width + "×" + channels + " need " + (long) channels * height * width
                        + "; give the shape the file holds.");
            }
            return;
        }
        int side = (int) Math.round(Math.sqrt(pixels));
        if (side * side != pixels) {
            throw new DatasetException("CSV file " + file + " has " + pixels + " pixel columns, which is not a square"
                    + " grey image (784 is 28×28) and could be several shapes; give its shape, such as --image-shape "
                    + shapeHint(pixels) + ".");
        }
        channels = 1;
        height = side;
        width = side;
    }

    private static String shapeHint(int pixels) {
        int side = (int) Math.round(Math.sqrt(pixels / 3.0));
        return pixels % 3 == 0 && 3 * side * side == pixels ? side + "x" + side + "x3" : "HxWxC";
    }

    private DatasetException problem(String what) {
        return new DatasetException("CSV file " + file + " " + what);
    }

    /** What the first pass learns, checking every cell. */
    private final class Scan {
        int rows;
        double largest;
        boolean anyDecimal;
        String firstNonWhole;
        boolean numbered = true;
        int largestLabel = -1;
        final TreeSet<String> labels = new TreeSet<>();

        void check(int number, CsvRow cells) {
            for (int cell = 0; cell < cells.cells(); cell++) {
                if (cell == labelColumn) {
                    checkLabel(number, cells.text(cell));
                    continue;
                }
                double value = cells.number(cell);
                if (Double.isNaN(value)) {
                    throw new DatasetException("CSV file " + file + " row " + number + ", column " + (cell + 1) + ": \""
                            + cells.text(cell) + "\" is not a number; pixel cells hold 0..255 whole numbers or 0..1"
                            + " fractions.");
                }
                if (value < 0 || value > 255) {
                    throw new DatasetException("CSV file " + file + " row " + number + ", column " + (cell + 1) + ": "
                            + cells.text(cell) + " is outside 0..255; pixel cells hold 0..255 whole numbers or 0..1"
                            + " fractions.");
                }
                largest = Math.max(largest, value);
                anyDecimal |= cells.decimal;
                if (firstNonWhole == null && value != Math.rint(value)) {
                    firstNonWhole = "CSV file " + file + " row " + number + ", column " + (cell + 1) + ": "
                            + cells.text(cell);
                }
            }
            rows++;
        }

        private void checkLabel(int number, String label) {
            if (label.isBlank()) {
                throw new DatasetException("CSV file " + file + " row " + number + " has an empty label (column "
                        + (labelColumn + 1) + "); give every row its class.");
            }
            if (numbered) {
                Integer value = wholeNumber(label.strip());
                if (value == null) {
                    numbered = false;
                } else if (value < 0) {
                    throw new DatasetException("CSV file " + file + " row " + number + " has the label " + value
                            + "; numbered labels are classes from 0.");
                } else {
                    largestLabel = Math.max(largestLabel, value);
                }
            }
            if (labels.size() < MAX_CLASSES || labels.contains(label)) {
                labels.add(label);
            } else {
                throw new DatasetException("CSV file " + file + " has more than " + MAX_CLASSES + " different labels in"
                        + " column " + (labelColumn + 1) + ", which is not a column of classes; give the label column.");
            }
        }

        /** Numbered labels: classes 0 to the largest; named ones: each label a class, sorted. */
        List<String> classNames() {
            return numbered ? Labels.numbered(largestLabel + 1) : new ArrayList<>(labels);
        }
    }

    private static Integer wholeNumber(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return null;
        }
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length()) {
            return null;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.parseInt(text);
    }
}
