package netc.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipException;
import netc.runtime.io.FileProblem;

/**
 * Reads an IDX file of unsigned bytes (the MNIST format: a big-endian magic number {@code 0x0000080D}
 * where D is the number of dimensions, D big-endian sizes, then the bytes), plain or gzip-compressed;
 * compression is recognised by the gzip signature, not by the file name. The file must hold exactly
 * the values its header declares, and a gzip file nothing but gzip members ({@link StrictGzipInputStream}).
 */
public final class IdxReader {
    /** The magic number of an IDX file of unsigned bytes with three dimensions (images). */
    public static final int IMAGES_MAGIC = 0x0803;
    /** The magic number of an IDX file of unsigned bytes with one dimension (labels). */
    public static final int LABELS_MAGIC = 0x0801;

    private static final int GZIP_SIGNATURE = 0x1f8b;
    /** The largest array a JVM allocates. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private IdxReader() {}

    /** Reads {@code file}, which must carry {@code expectedMagic}; every defect is a {@link DatasetException}. */
    public static IdxArray read(Path file, int expectedMagic) {
        try (InputStream in = open(file)) {
            return read(file, new DataInputStream(in), expectedMagic);
        } catch (ZipException e) {
            throw new DatasetException("IDX file " + file + " is not a valid gzip stream: " + FileProblem.reason(e)
                    + "; download it again.", e);
        } catch (EOFException e) {
            throw new DatasetException("IDX file " + file + " is truncated: it ends inside its header or its"
                    + " compressed data; download it again.", e);
        } catch (NoSuchFileException e) {
            throw new DatasetException("IDX file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new DatasetException("IDX file " + file + " could not be read: " + FileProblem.reason(e)
                    + "; make it readable or pass another --data-dir.", e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int signature = (in.read() << 8) | in.read();
        in.reset();
        return signature == GZIP_SIGNATURE ? new BufferedInputStream(new StrictGzipInputStream(in), 1 << 16) : in;
    }

    private static IdxArray read(Path file, DataInputStream in, int expectedMagic) throws IOException {
        int magic = in.readInt();
        if (magic != expectedMagic) {
            throw new DatasetException("IDX file " + file + " has magic number " + magic + " where "
                    + expectedMagic + " (" + describe(expectedMagic) + ") was expected; it is not the right file.");
        }
        int[] dimensions = new int[expectedMagic & 0xff];
        for (int i = 0; i < dimensions.length; i++) {
            dimensions[i] = in.readInt();
            if (dimensions[i] < 1) {
                throw new DatasetException("IDX file " + file + " declares dimension " + i + " as "
                        + dimensions[i] + "; every dimension must be at least 1.");
            }
        }
        long size = 1;
        for (int dimension : dimensions) {
            size *= dimension; // at most (2^31 - 8)·(2^31 - 1) before the check below: no overflow
            if (size > MAX_VALUES) {
                throw new DatasetException("IDX file " + file + " declares dimensions " + Arrays.toString(dimensions)
                        + ", more values than one Java array holds; it is corrupt or not the right file.");
            }
        }
        byte[] values = in.readNBytes((int) size);
        if (values.length < size) {
            throw new DatasetException("IDX file " + file + " is truncated: its header promises " + size
                    + " values but only " + values.length + " follow; download it again.");
        }
        if (in.read() >= 0) {
            throw new DatasetException("IDX file " + file + " has data past the " + size
                    + " values its header promises; it is corrupt or not the right file.");
        }
        return new IdxArray(dimensions, values);
    }

    private static String describe(int magic) {
        return switch (magic) {
            case IMAGES_MAGIC -> "unsigned-byte images";
            case LABELS_MAGIC -> "unsigned-byte labels";
            default -> "unsigned bytes, " + (magic & 0xff) + " dimensions";
        };
    }
}
