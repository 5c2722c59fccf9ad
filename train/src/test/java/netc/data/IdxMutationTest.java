package netc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of valid IDX files, plain and gzip-compressed: truncations, bit flips in the
 * magic number, the dimensions and the data, dimensions set to extreme values, inserted, deleted and
 * appended bytes, and damage to the gzip container (its header, deflate data and trailer, bytes after
 * it). For every mutant {@link IdxReader} must either refuse it with one {@link DatasetException} whose
 * message is a single line naming the file, or return exactly what the file declares: the dimensions
 * of its header and every value, with nothing missing or left over, as an independent parse of the
 * (decompressed) bytes finds them. Any other exception fails the test.
 */
class IdxMutationTest {
    private static final long SEED = 0x1d3L;

    @TempDir
    Path dir;

    /**
     * A mutated file and the plain IDX bytes it declares (for gzip, what its members decompress to; null
     * when it is not a gzip file at all, so that it must be refused).
     */
    private record Mutant(byte[] bytes, byte[] declared, String description) {}

    @Test
    void mutantsOfPlainAndGzipFilesAreRefusedOrReadExactly() throws IOException {
        byte[] images = IdxFiles.encode(IdxReader.IMAGES_MAGIC, new int[] {3, 28, 28}, IdxFiles.images(3));
        byte[] labels = IdxFiles.encode(IdxReader.LABELS_MAGIC, new int[] {10}, IdxFiles.labels(10));
        int[] outcomes = new int[2];
        for (int i = 0; i < 1200; i++) {
            Random random = new Random(SEED + i);
            boolean isImages = random.nextBoolean();
            byte[] plain = isImages ? images : labels;
            int magic = isImages ? IdxReader.IMAGES_MAGIC : IdxReader.LABELS_MAGIC;
            Mutant mutant = random.nextBoolean() ? mutatePlain(plain, random) : mutateGzip(plain, random);
            Path file = IdxFiles.write(dir.resolve("mutant" + (isImages ? ".images" : ".labels")), mutant.bytes());
            String what = "seed " + (SEED + i) + ", " + (isImages ? "images: " : "labels: ") + mutant.description();
            outcomes[check(file, magic, mutant.declared(), what) ? 1 : 0]++;
        }
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "refused " + outcomes[0] + ", loaded " + outcomes[1]);
    }

    /** True when the mutant loaded and matched its declaration, false when it was refused properly. */
    private static boolean check(Path file, int magic, byte[] declared, String what) {
        IdxArray read;
        try {
            read = IdxReader.read(file, magic);
        } catch (DatasetException e) {
            String message = e.getMessage();
            assertNotNull(message, what);
            assertFalse(message.isBlank(), what);
            assertFalse(message.contains("\n") || message.contains("\r"), what + ": not one line: " + message);
            assertTrue(message.contains(file.toString()), what + ": the file is not named: " + message);
            return false;
        } catch (Throwable t) {
            fail(what + ": the reader threw " + t + " instead of a DatasetException", t);
            return false;
        }
        IdxArray expected = parse(declared, magic);
        assertNotNull(expected, what + ": loaded " + read + " from a file that does not declare a valid IDX array");
        assertArrayEquals(expected.dimensions(), read.dimensions(), what + ": dimensions");
        assertArrayEquals(expected.values(), read.values(), what + ": values");
        return true;
    }

    /** The IDX array {@code plain} declares, or null when it is not exactly one valid array. */
    private static IdxArray parse(byte[] plain, int magic) {
        if (plain == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(plain); // big-endian, as IDX
        int rank = magic & 0xff;
        if (plain.length < 4 + 4 * rank || buffer.getInt(0) != magic) {
            return null;
        }
        int[] dimensions = new int[rank];
        BigInteger count = BigInteger.ONE;
        for (int i = 0; i < rank; i++) {
            dimensions[i] = buffer.getInt(4 + 4 * i);
            if (dimensions[i] < 1) {
                return null;
            }
            count = count.multiply(BigInteger.valueOf(dimensions[i]));
        }
        int start = 4 + 4 * rank;
        if (!count.equals(BigInteger.valueOf(plain.length - start))) {
            return null;
        }
        return new IdxArray(dimensions, Arrays.copyOfRange(plain, start, plain.length));
    }

    private static final int[] EXTREME_DIMENSIONS = {0, 1, -1, 2, 3, 9, 10, 11, 27, 28, 29, Integer.MAX_VALUE,
            Integer.MIN_VALUE, 1 << 21, 1 << 22, 1 << 30, Integer.MAX_VALUE - 8};

    private static Mutant mutatePlain(byte[] plain, Random random) {
        byte[] copy = plain.clone();
        String description;
        switch (random.nextInt(8)) {
            case 0 -> {
                int length = random.nextInt(plain.length);
                copy = Arrays.copyOf(plain, length);
                description = "truncated to " + length + " bytes";
            }
            case 1 -> description = flipBit(copy, random, 0, 4, "in the magic number");
            case 2 -> description = flipBit(copy, random, 4, 16, "in the dimensions");
            case 3 -> description = flipBit(copy, random, 0, copy.length, "anywhere");
            case 4 -> {
                if (plain.length > 100 && random.nextInt(4) == 0) {
                    // 2^21 · 2^21 · 2^22 = 2^64: a product that wraps to 0 in a long, data to match it.
                    copy = Arrays.copyOf(plain, 16);
                    ByteBuffer.wrap(copy).putInt(4, 1 << 21).putInt(8, 1 << 21).putInt(12, 1 << 22);
                    return new Mutant(copy, copy, "dimensions set to 2^21, 2^21, 2^22 and no values");
                }
                int index = random.nextInt((plain.length > 100 ? 3 : 1));
                int value = EXTREME_DIMENSIONS[random.nextInt(EXTREME_DIMENSIONS.length)];
                ByteBuffer.wrap(copy).putInt(4 + 4 * index, value);
                description = "dimension " + index + " set to " + value;
            }
            case 5 -> {
                int[] magics = {0x0801, 0x0803, 0x0802, 0x0804, 0x0901, 0x0c03, 0x0d01, 0x0e03, 0, -1};
                int value = magics[random.nextInt(magics.length)];
                ByteBuffer.wrap(copy).putInt(0, value);
                description = "magic set to " + Integer.toHexString(value);
            }
            case 6 -> {
                int at = random.nextInt(plain.length + 1);
                byte[] extra = new byte[1 + random.nextInt(8)];
                random.nextBytes(extra);
                copy = splice(plain, at, 0, extra);
                description = extra.length + " bytes inserted at " + at;
            }
            default -> {
                int at = random.nextInt(plain.length);
                int count = 1 + random.nextInt(Math.min(8, plain.length - at));
                copy = splice(plain, at, count, new byte[0]);
                description = count + " bytes deleted at " + at;
            }
        }
        return new Mutant(copy, copy, description);
    }

    private static Mutant mutateGzip(byte[] plain, Random random) throws IOException {
        byte[] gz = IdxFiles.gzip(plain);
        byte[] copy = gz.clone();
        String description;
        switch (random.nextInt(9)) {
            case 0 -> {
                int length = random.nextInt(gz.length);
                return new Mutant(Arrays.copyOf(gz, length), plain, "gzip truncated to " + length + " bytes");
            }
            case 1 -> description = flipBit(copy, random, 0, 10, "in the gzip header");
            case 2 -> description = flipBit(copy, random, 10, gz.length - 8, "in the deflate data");
            case 3 -> description = flipBit(copy, random, gz.length - 8, gz.length, "in the gzip trailer");
            case 4 -> {
                // Bytes after the last member that are not another member: not gzip, so nothing is declared.
                byte[] extra = new byte[1 + random.nextInt(32)];
                if (random.nextBoolean()) {
                    random.nextBytes(extra);
                }
                return new Mutant(splice(gz, gz.length, 0, extra), null, extra.length + " bytes appended to the gzip");
            }
            case 5 -> {
                // A valid second member: the file now declares the data of both, which is more than the header.
                byte[] more = new byte[random.nextInt(4)];
                random.nextBytes(more);
                byte[] declared = splice(plain, plain.length, 0, more);
                return new Mutant(splice(gz, gz.length, 0, IdxFiles.gzip(more)), declared,
                        "a gzip member of " + more.length + " bytes appended");
            }
            case 6 -> {
                // Valid gzip of a damaged IDX file: the container is sound, its content is not.
                Mutant inner = mutatePlain(plain, random);
                return new Mutant(IdxFiles.gzip(inner.bytes()), inner.bytes(), "gzip of a file with " + inner.description());
            }
            case 7 -> {
                copy[3] = (byte) random.nextInt(256);
                description = "gzip flags set to " + (copy[3] & 0xff);
            }
            default -> {
                int at = 10 + random.nextInt(gz.length - 10);
                byte[] extra = new byte[1 + random.nextInt(4)];
                random.nextBytes(extra);
                return new Mutant(splice(gz, at, 0, extra), plain, extra.length + " bytes inserted into the gzip at " + at);
            }
        }
        // Container damage: if anything loads, the checksums must have guaranteed it is the original content.
        return new Mutant(copy, plain, description);
    }

    private static String flipBit(byte[] bytes, Random random, int from, int to, String where) {
        int at = from + random.nextInt(Math.min(to, bytes.length) - from);
        int bit = random.nextInt(8);
        bytes[at] ^= (byte) (1 << bit);
        return "bit " + bit + " of byte " + at + " flipped " + where;
    }

    /** {@code bytes} with {@code removed} bytes at {@code at} replaced by {@code inserted}. */
    private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
        byte[] result = new byte[bytes.length - removed + inserted.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(bytes, at + removed, result, at + inserted.length, bytes.length - at - removed);
        return result;
    }
}
