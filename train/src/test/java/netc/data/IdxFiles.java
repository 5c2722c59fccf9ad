package netc.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files (plain or gzip) for the tests, including deliberately broken ones. */
final class IdxFiles {
    private IdxFiles() {}

    static byte[] encode(int magic, int[] dimensions, byte[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int dimension : dimensions) {
            out.writeInt(dimension);
        }
        out.write(values);
        out.flush();
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    static Path write(Path file, byte[] contents) throws IOException {
        Files.write(file, contents);
        return file;
    }

    /** {@code count} 28×28 images whose pixel values are (example + pixel) mod 256. */
    static byte[] images(int count) {
        byte[] pixels = new byte[count * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i / (28 * 28) + i % (28 * 28));
        }
        return pixels;
    }

    static byte[] labels(int count) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
        }
        return labels;
    }
}
