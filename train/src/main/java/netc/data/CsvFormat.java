package netc.data;

/**
 * How a CSV file of images is laid out: which column holds the label (the first by default, or one
 * named in the header row) and the images' shape. Without a shape, the pixel columns must make a
 * square grey image (784 columns: 28×28); with one, they hold {@code height × width × channels} values,
 * pixel by pixel with the channels interleaved (HWC, as a flattened image array), or channel after
 * channel (CHW) when {@link #channelsFirst()} says so.
 *
 * @param labelIndex the label's column from 0, used when {@code labelName} is null
 * @param labelName the label column's name in the header row, or null
 * @param height 0 to infer a square grey image from the number of pixel columns
 */
public record CsvFormat(int labelIndex, String labelName, int height, int width, int channels, boolean channelsFirst) {
    /** The label in the first column, a square grey image in the others. */
    public static final CsvFormat DEFAULT = new CsvFormat(0, null, 0, 0, 0, false);

    public CsvFormat {
        if (labelName == null && labelIndex < 0) {
            throw new IllegalArgumentException("The label column is counted from 0; got " + labelIndex + ".");
        }
        if (height != 0 || width != 0 || channels != 0) {
            if (height < 1 || width < 1 || (channels != 1 && channels != 3)) {
                throw new IllegalArgumentException("A CSV image shape needs a height and width of at least 1 and 1 or"
                        + " 3 channels; got " + height + "×" + width + "×" + channels + ".");
            }
        }
    }

    /** The label in column {@code index}, counted from 0. */
    public CsvFormat labelColumn(int index) {
        return new CsvFormat(index, null, height, width, channels, channelsFirst);
    }

    /** The label in the column the header row names {@code name}. */
    public CsvFormat labelColumn(String name) {
        return new CsvFormat(0, name, height, width, channels, channelsFirst);
    }

    /** Images of {@code height × width × channels}, values in HWC order. */
    public CsvFormat shape(int height, int width, int channels) {
        return new CsvFormat(labelIndex, labelName, height, width, channels, false);
    }

    /** Images of {@code channels × height × width}, values in CHW order (a flattened PyTorch tensor). */
    public CsvFormat shapeChannelsFirst(int channels, int height, int width) {
        return new CsvFormat(labelIndex, labelName, height, width, channels, true);
    }

    /** Whether a shape was given; otherwise a square grey image is inferred. */
    public boolean hasShape() {
        return height > 0;
    }

    /**
     * Reads {@code HxWxC} (e.g. {@code 32x32x3}), or {@code HxW} for grey, as {@link #shape} takes it.
     */
    public CsvFormat shape(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("[x×]", -1);
        try {
            if (parts.length == 2 || parts.length == 3) {
                int h = Integer.parseInt(parts[0].strip());
                int w = Integer.parseInt(parts[1].strip());
                int c = parts.length == 3 ? Integer.parseInt(parts[2].strip()) : 1;
                return shape(h, w, c);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Image shape \"" + text + "\" is not HxWxC; write 32x32x3, say, or 28x28"
                + " for grey images.");
    }
}
