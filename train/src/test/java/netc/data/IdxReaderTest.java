package netc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** Six labels: magic 0x0801, count 6, then the values. */
    private static final byte[] LABELS = {0, 0, 8, 1, 0, 0, 0, 6, 3, 1, 4, 1, 5, 9};

    private DatasetException refused(Path file, String what) {
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(file, IdxReader.LABELS_MAGIC));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e;
    }

    @Test
    void dimensionsWhoseProductOverflowsALongAreRefused() throws IOException {
        // 2^21 · 2^21 · 2^22 = 2^64, which wraps to 0 in a long: the header would promise no values at all.
        byte[] header = IdxFiles.encode(IdxReader.IMAGES_MAGIC, new int[] {1 << 21, 1 << 21, 1 << 22}, new byte[0]);
        Path file = IdxFiles.write(dir.resolve("wrapping"), header);
        DatasetException e = assertThrows(DatasetException.class, () -> IdxReader.read(file, IdxReader.IMAGES_MAGIC));
        assertTrue(e.getMessage().contains("declares dimensions [2097152, 2097152, 4194304], more values than one"
                + " Java array holds"), e.getMessage());
    }

    @Test
    void bytesAppendedToAGzipFileAreRefused() throws IOException {
        // java.util.zip.GZIPInputStream ignores anything after the last member that is not a gzip header.
        byte[] gz = IdxFiles.gzip(LABELS);
        refused(IdxFiles.write(dir.resolve("garbage.gz"), concat(gz, "junk".getBytes(StandardCharsets.US_ASCII))),
                "bytes after the end of its compressed data that are not another gzip member");
        refused(IdxFiles.write(dir.resolve("zeros.gz"), concat(gz, new byte[100])), "not another gzip member");
    }

    @Test
    void concatenatedGzipMembersReadAsOneStream() throws IOException {
        // RFC 1952: a gzip file is a series of members; `cat a.gz b.gz` is valid and decompresses to a + b.
        byte[] gz = concat(IdxFiles.gzip(Arrays.copyOf(LABELS, 5)), IdxFiles.gzip(Arrays.copyOfRange(LABELS, 5, LABELS.length)));
        IdxArray read = IdxReader.read(IdxFiles.write(dir.resolve("two.gz"), gz), IdxReader.LABELS_MAGIC);
        assertArrayEquals(new byte[] {3, 1, 4, 1, 5, 9}, read.values());
    }

    @Test
    void optionalGzipHeaderFieldsAreReadAndTheirChecksumChecked() throws IOException {
        byte[] gz = gzipWithNameAndHeaderCrc(LABELS, "labels.idx");
        assertArrayEquals(new byte[] {3, 1, 4, 1, 5, 9},
                IdxReader.read(IdxFiles.write(dir.resolve("named.gz"), gz), IdxReader.LABELS_MAGIC).values());
        gz[12] ^= 1; // a letter of the file name: the header's CRC-16 no longer matches
        refused(IdxFiles.write(dir.resolve("bad-hcrc.gz"), gz), "header checksum does not match");
    }

    @Test
    void aDamagedGzipTrailerIsRefused() throws IOException {
        byte[] gz = IdxFiles.gzip(LABELS);
        gz[gz.length - 1] ^= 1; // the recorded length
        refused(IdxFiles.write(dir.resolve("length.gz"), gz), "its recorded length does not match its data");
    }

    @Test
    void aMissingFileIsNamed() {
        refused(dir.resolve("absent"), "does not exist");
    }

    @Test
    void aDirectoryInPlaceOfTheFileGivesTheOsReason() {
        refused(dir, "IDX file " + dir + " could not be read: is a directory");
    }

    @Test
    void anUnreadableFileSaysPermissionDeniedNotMissing() throws IOException {
        Path file = IdxFiles.write(dir.resolve("locked"), LABELS);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        // Root reads any file whatever its mode, so there the denial cannot be staged; that is the only skip.
        assumeFalse(Files.isReadable(file), "running as root: chmod 000 does not deny reads");
        DatasetException e = refused(file, "IDX file " + file + " could not be read: permission denied");
        assertFalse(e.getMessage().contains("does not exist"), e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A gzip member with the FNAME and FHCRC flags set, which java.util.zip never writes. */
    private static byte[] gzipWithNameAndHeaderCrc(byte[] data, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0x08 | 0x02, 0, 0, 0, 0, 0, 3});
        out.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        CRC32 headerCrc = new CRC32();
        headerCrc.update(out.toByteArray());
        out.write((int) headerCrc.getValue() & 0xff);
        out.write((int) (headerCrc.getValue() >> 8) & 0xff);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) crc.getValue()).putInt(data.length);
        out.writeBytes(trailer.array());
        return out.toByteArray();
    }
}
