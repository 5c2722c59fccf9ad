package netc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV files of images: layouts read, and every defect refused in one sentence naming the file and row. */
class CsvImagesTest {
    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private static byte[] bytes(ImageDataset data, int index) {
        byte[] image = new byte[data.imageSize()];
        data.readBytes(index, image, 0);
        return image;
    }

    private static byte[] unsigned(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private DatasetException refusal(Path file, CsvFormat format) {
        DatasetException e = assertThrows(DatasetException.class, () -> ImageDatasets.csv(file, format));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals(1, e.getMessage().split("\\. ").length, "one sentence: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
        return e;
    }

    @Test
    void aHeaderRowIsRecognisedAndSkipped() throws IOException {
        Path file = write("digits.csv", "label,pixel1,pixel2,pixel3,pixel4", "2,0,64,128,255", "0,1,2,3,4");
        ImageDataset data = ImageDatasets.csv(file);
        assertEquals("digits.csv", data.name());
        assertEquals(2, data.size());
        assertEquals(1, data.channels());
        assertEquals(2, data.height());
        assertEquals(2, data.width());
        assertEquals(List.of("0", "1", "2"), data.classNames());
        assertEquals(2, data.label(0));
        assertEquals(0, data.label(1));
        assertArrayEquals(unsigned(0, 64, 128, 255), bytes(data, 0));
        assertArrayEquals(unsigned(1, 2, 3, 4), bytes(data, 1));
        float[] image = new float[4];
        data.readImage(0, image, 0);
        assertArrayEquals(new float[] {0f, 64 / 255f, 128 / 255f, 1f}, image);
    }

    @Test
    void withoutAHeaderTheFirstRowIsAnImage() throws IOException {
        Path file = write("plain.csv", "1,10,20,30,40", "0,50,60,70,80");
        ImageDataset data = ImageDatasets.csv(file);
        assertEquals(2, data.size());
        assertArrayEquals(unsigned(10, 20, 30, 40), bytes(data, 0));
        assertEquals(List.of(1, 0), List.of(data.label(0), data.label(1)));
    }

    @Test
    void fractionsFromZeroToOneAreKeptAsTheNearestByte() throws IOException {
        Path file = write("floats.csv", "0,0.0,0.5,1.0,0.25", "1,1,0,0.1,2e-1");
        ImageDataset data = ImageDatasets.csv(file);
        assertArrayEquals(unsigned(0, 128, 255, 64), bytes(data, 0)); // 127.5 rounds up, 63.75 to 64
        assertArrayEquals(unsigned(255, 0, 26, 51), bytes(data, 1));
    }

    /** pandas writes a float column of 0..255 values as "255.0": whole values above 1 are the 0..255 scale. */
    @Test
    void wholeValuesWrittenWithAPointAreBytesWhenAnyExceedsOne() throws IOException {
        Path file = write("pandas.csv", "0,0.0,255.0,17.0,1.0");
        assertArrayEquals(unsigned(0, 255, 17, 1), bytes(ImageDatasets.csv(file), 0));
    }

    @Test
    void textLabelsAreClassesSortedByName() throws IOException {
        Path file = write("pets.csv", "kind,a,b,c,d", "dog,0,0,0,0", "cat,1,1,1,1", "\"bird, small\",2,2,2,2",
                "dog,3,3,3,3");
        ImageDataset data = ImageDatasets.csv(file);
        assertEquals(List.of("bird, small", "cat", "dog"), data.classNames());
        assertEquals(List.of(2, 1, 0, 2), List.of(data.label(0), data.label(1), data.label(2), data.label(3)));
    }

    @Test
    void theLabelColumnMayBeAnotherByNumberOrName() throws IOException {
        Path file = write("last.csv", "p1,p2,p3,p4,y", "9,8,7,6,1", "1,2,3,4,0");
        ImageDataset byNumber = ImageDatasets.csv(file, CsvFormat.DEFAULT.labelColumn(4));
        ImageDataset byName = ImageDatasets.csv(file, CsvFormat.DEFAULT.labelColumn("y"));
        for (ImageDataset data : List.of(byNumber, byName)) {
            assertEquals(2, data.size());
            assertArrayEquals(unsigned(9, 8, 7, 6), bytes(data, 0));
            assertEquals(1, data.label(0));
        }
    }

    /** A flattened H×W×C image interleaves the channels; the dataset keeps CHW. */
    @Test
    void anRgbShapeIsReadPixelByPixelAndStoredChannelByChannel() throws IOException {
        // 1×2 pixels: (r, g, b) = (1, 2, 3) and (4, 5, 6)
        Path file = write("rgb.csv", "0,1,2,3,4,5,6");
        ImageDataset hwc = ImageDatasets.csv(file, CsvFormat.DEFAULT.shape("1x2x3"));
        assertEquals(3, hwc.channels());
        assertEquals(1, hwc.height());
        assertEquals(2, hwc.width());
        assertArrayEquals(unsigned(1, 4, 2, 5, 3, 6), bytes(hwc, 0));
        ImageDataset chw = ImageDatasets.csv(file, CsvFormat.DEFAULT.shapeChannelsFirst(3, 1, 2));
        assertArrayEquals(unsigned(1, 2, 3, 4, 5, 6), bytes(chw, 0));
    }

    @Test
    void blankLinesAndAByteOrderMarkAreIgnored() throws IOException {
        Path file = write("bom.csv", "\uFEFFlabel,a,b,c,d", "", "1,1,2,3,4", "   ", "0,5,6,7,8", "");
        assertEquals(2, ImageDatasets.csv(file).size());
    }

    @Test
    void aRaggedRowIsRefusedNamingIt() throws IOException {
        Path file = write("ragged.csv", "label,a,b,c,d", "1,1,2,3,4", "0,5,6,7");
        assertEquals("CSV file " + file + " row 3 has 4 cells where the header has 5; every row needs the label and"
                + " the same number of pixels.", refusal(file, CsvFormat.DEFAULT).getMessage());
    }

    @Test
    void anUnparsableCellIsRefusedNamingRowAndColumn() throws IOException {
        Path file = write("bad.csv", "1,1,2,3,4", "0,5,six,7,8");
        assertEquals("CSV file " + file + " row 2, column 3: \"six\" is not a number; pixel cells hold 0..255 whole"
                + " numbers or 0..1 fractions.", refusal(file, CsvFormat.DEFAULT).getMessage());
        for (String cell : new String[] {"NaN", "0x10", "1.5f", "Infinity", "", "1e", "--1", "."}) {
            Path other = write("other.csv", "1,1,2,3,4", "0,5," + cell + ",7,8");
            assertTrue(refusal(other, CsvFormat.DEFAULT).getMessage().contains("is not a number"), cell);
        }
    }

    @Test
    void aPixelOutsideTheScaleIsRefused() throws IOException {
        Path file = write("big.csv", "1,1,2,3,4", "0,5,300,7,8");
        assertEquals("CSV file " + file + " row 2, column 3: 300 is outside 0..255; pixel cells hold 0..255 whole"
                + " numbers or 0..1 fractions.", refusal(file, CsvFormat.DEFAULT).getMessage());
        Path negative = write("negative.csv", "1,1,2,3,-0.5");
        assertTrue(refusal(negative, CsvFormat.DEFAULT).getMessage().contains("row 1, column 5: -0.5 is outside 0..255"));
    }

    @Test
    void aFractionAmongBytesIsRefused() throws IOException {
        Path file = write("mixed.csv", "1,1,2,3,4", "0,5,6.5,7,200");
        assertEquals("CSV file " + file + " row 2, column 3: 6.5 is not a whole number, but the file's pixels are 0..255"
                + " values (some exceed 1); give whole numbers, or 0..1 fractions throughout.",
                refusal(file, CsvFormat.DEFAULT).getMessage());
    }

    @Test
    void aNegativeOrEmptyLabelIsRefused() throws IOException {
        Path negative = write("negative-label.csv", "1,1,2,3,4", "-1,5,6,7,8");
        assertEquals("CSV file " + negative + " row 2 has the label -1; numbered labels are classes from 0.",
                refusal(negative, CsvFormat.DEFAULT).getMessage());
        Path empty = write("empty-label.csv", "1,1,2,3,4", ",5,6,7,8");
        assertEquals("CSV file " + empty + " row 2 has an empty label (column 1); give every row its class.",
                refusal(empty, CsvFormat.DEFAULT).getMessage());
    }

    @Test
    void aColumnCountThatIsNoSquareGreyImageIsRefusedAsAmbiguous() throws IOException {
        Path file = write("odd.csv", "1,1,2,3,4,5,6");
        assertEquals("CSV file " + file + " has 6 pixel columns, which is not a square grey image (784 is 28×28) and"
                + " could be several shapes; give its shape, such as --image-shape HxWxC.",
                refusal(file, CsvFormat.DEFAULT).getMessage());
        StringBuilder cifar = new StringBuilder("1");
        for (int i = 0; i < 3072; i++) {
            cifar.append(",0");
        }
        Path colour = write("cifar.csv", cifar.toString());
        assertTrue(refusal(colour, CsvFormat.DEFAULT).getMessage().endsWith("such as --image-shape 32x32x3."));
    }

    @Test
    void aShapeThatDisagreesWithTheColumnsIsRefused() throws IOException {
        Path file = write("shape.csv", "1,1,2,3,4");
        assertEquals("CSV file " + file + " has 4 pixel columns, but images of 2×2×3 need 12; give the shape the file"
                + " holds.", refusal(file, CsvFormat.DEFAULT.shape(2, 2, 3)).getMessage());
    }

    @Test
    void aFileWithoutImagesIsRefused() throws IOException {
        Path file = write("header-only.csv", "label,a,b,c,d");
        assertEquals("CSV file " + file + " holds no rows of images after its header; give one row per image: a label"
                + " and the pixel values.", refusal(file, CsvFormat.DEFAULT).getMessage());
    }

    @Test
    void aLabelColumnThatIsNotThereIsRefused() throws IOException {
        Path file = write("narrow.csv", "1,1,2,3,4");
        assertEquals("CSV file " + file + " has 5 columns, so there is no column 7 (counted from 0) to hold the label;"
                + " give the label column's number.", refusal(file, CsvFormat.DEFAULT.labelColumn(7)).getMessage());
        assertEquals("CSV file " + file + " has no column named \"label\" in its first row; name the label column as"
                + " the header does, or give its number.", refusal(file, CsvFormat.DEFAULT.labelColumn("label"))
                .getMessage());
    }

    @Test
    void anUnclosedQuoteIsRefused() throws IOException {
        Path file = write("quote.csv", "\"cat,1,2,3,4");
        assertEquals("CSV file " + file + " row 1: a quoted cell is not closed on its line; close the quote or remove"
                + " it.", refusal(file, CsvFormat.DEFAULT).getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        Path file = Files.write(dir.resolve("latin1.csv"), new byte[] {'c', 'a', (byte) 0xe9, ',', '1', '\n'});
        assertEquals("CSV file " + file + " is not UTF-8 text; save it as UTF-8 (plain ASCII is).",
                refusal(file, CsvFormat.DEFAULT).getMessage());
    }

    @Test
    void aMissingFileOrADirectoryIsRefused() throws IOException {
        Path missing = dir.resolve("missing.csv");
        assertEquals("CSV file " + missing + " does not exist; check the path.",
                refusal(missing, CsvFormat.DEFAULT).getMessage());
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        assertEquals("CSV file " + folder + " is a directory, not a file; pass the file.",
                refusal(folder, CsvFormat.DEFAULT).getMessage());
    }

    @Test
    void imageShapesAreParsedOrRefused() {
        CsvFormat grey = CsvFormat.DEFAULT.shape("28x28");
        assertEquals(List.of(28, 28, 1), List.of(grey.height(), grey.width(), grey.channels()));
        assertFalse(grey.channelsFirst());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CsvFormat.DEFAULT.shape("32by32"));
        assertEquals("Image shape \"32by32\" is not HxWxC; write 32x32x3, say, or 28x28 for grey images.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvFormat.DEFAULT.shape("4x4x2"));
    }
}
