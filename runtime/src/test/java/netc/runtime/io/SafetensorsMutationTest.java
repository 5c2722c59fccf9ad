package netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of valid safetensors files: truncations, bit flips and overwrites in the
 * header length, the JSON header and the data, inserted and deleted bytes, and edits of the header's
 * meaning (huge or overlapping offsets, wrong dtypes, bad JSON, duplicate names). For every mutant the
 * reader must either refuse it with one {@link WeightFileException} whose message is a single line
 * naming the file, or return exactly what the mutated file declares: the same names, dtypes, shapes and
 * metadata as an independent parse of its header, every tensor's bytes those of its declared range,
 * and ranges that tile the data section as the format requires. Any other exception (out of memory, a
 * negative array size, a buffer underflow, a JSON exception leaking) fails the test. A failure names
 * the seed and the mutation, so it can be replayed.
 */
class SafetensorsMutationTest {
    private static final long SEED = 0x5afe7e45L;

    @TempDir
    Path dir;

    /** How the mutants of one base file fared; both outcomes must occur, or the mutations test nothing. */
    private static final class Tally {
        int refused;
        int loaded;
    }

    @Test
    void mutantsOfAFileNetcWroteAreRefusedOrReadExactly() throws IOException {
        Path base = dir.resolve("base.safetensors");
        new SafetensorsWriter()
                .metadata("network", "Tiny")
                .metadata("shape_hash", "abc")
                .add("f", HostTensor.ofFloats(new float[] {1.5f, -2f, 3f, 4f, 5f, 6f}, 2, 3))
                .add("i", HostTensor.ofInts(new int[] {Integer.MIN_VALUE, 7, 8, 9}, 4))
                .add("l", HostTensor.ofLongs(new long[] {Long.MAX_VALUE, -1}, 2))
                .add("scalar", HostTensor.ofFloats(new float[] {4.25f}))
                .add("empty", HostTensor.ofFloats(new float[0], 0, 3))
                .add("u8", DType.U8, new long[] {5}, () -> ByteBuffer.wrap(new byte[] {1, 2, 3, (byte) 200, 5}))
                .add("d", DType.F64, new long[] {3}, () -> ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN)
                        .putDouble(1.0).putDouble(-0.5).putDouble(1e300).flip())
                .writeTo(base);
        Tally tally = mutate(Files.readAllBytes(base), 800, SEED);
        assertTrue(tally.refused > 0 && tally.loaded > 0, "refused " + tally.refused + ", loaded " + tally.loaded);
    }

    @Test
    void mutantsOfThePyTorchFixtureAreRefusedOrReadExactly() throws IOException {
        Tally tally = mutate(Files.readAllBytes(SafetensorsTest.FIXTURE), 200, SEED + 1_000_000);
        assertTrue(tally.refused > 0 && tally.loaded > 0, "refused " + tally.refused + ", loaded " + tally.loaded);
    }

    private Tally mutate(byte[] original, int count, long seed) throws IOException {
        Tally tally = new Tally();
        Path file = dir.resolve("mutant.safetensors");
        for (int i = 0; i < count; i++) {
            Random random = new Random(seed + i);
            byte[] bytes = original;
            List<String> applied = new ArrayList<>();
            // Mostly one mutation, sometimes a few stacked: stacked ones reach states no single edit does.
            int mutations = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
            for (int m = 0; m < mutations; m++) {
                Mutant mutant = Mutations.apply(bytes, random);
                bytes = mutant.bytes();
                applied.add(mutant.description());
            }
            Files.write(file, bytes);
            String what = "seed " + (seed + i) + ", " + String.join(" then ", applied);
            if (check(file, bytes, what)) {
                tally.loaded++;
            } else {
                tally.refused++;
            }
        }
        return tally;
    }

    /** True when the mutant loaded (and matched its declaration), false when it was refused properly. */
    private static boolean check(Path file, byte[] bytes, String what) {
        TensorFile loaded;
        try {
            loaded = SafetensorsReader.read(file);
        } catch (WeightFileException e) {
            String message = e.getMessage();
            assertNotNull(message, what);
            assertFalse(message.isBlank(), what);
            assertFalse(message.contains("\n") || message.contains("\r"), what + ": not one line: " + message);
            assertTrue(message.contains(file.toString()), what + ": the file is not named: " + message);
            return false;
        } catch (Throwable t) {
            fail(what + ": the reader threw " + t + " instead of a WeightFileException", t);
            return false;
        }
        assertMatchesDeclaration(loaded, bytes, what);
        return true;
    }

    /** Compares a loaded file with an independent reading of the header it declares. */
    private static void assertMatchesDeclaration(TensorFile loaded, byte[] bytes, String what) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buffer.getLong(0);
        assertTrue(headerLength >= 2 && headerLength <= bytes.length - 8, what + ": loaded with header length "
                + headerLength);
        int dataStart = 8 + (int) headerLength;
        JsonObject header = JsonParser.parseString(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8))
                .getAsJsonObject();
        Map<String, String> metadata = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<long[]> ranges = new ArrayList<>();
        for (Map.Entry<String, JsonElement> entry : header.entrySet()) {
            if (entry.getKey().equals("__metadata__")) {
                entry.getValue().getAsJsonObject().entrySet().forEach(m -> metadata.put(m.getKey(), m.getValue().getAsString()));
                continue;
            }
            String name = entry.getKey();
            names.add(name);
            JsonObject description = entry.getValue().getAsJsonObject();
            HostTensor tensor = loaded.tensors().get(name);
            assertNotNull(tensor, what + ": declared tensor " + name + " not loaded");
            assertEquals(description.get("dtype").getAsString(), tensor.dtype().name(), what + ": dtype of " + name);
            long[] shape = longs(description.getAsJsonArray("shape"));
            assertArrayEquals(shape, tensor.shape(), what + ": shape of " + name);
            long[] offsets = longs(description.getAsJsonArray("data_offsets"));
            ranges.add(offsets);
            byte[] declared = Arrays.copyOfRange(bytes, dataStart + (int) offsets[0], dataStart + (int) offsets[1]);
            byte[] actual = new byte[tensor.bytes().remaining()];
            tensor.bytes().get(actual);
            assertArrayEquals(declared, actual, what + ": bytes of " + name);
            assertEquals(HostTensor.elements(shape) * tensor.dtype().bytes(), actual.length, what + ": size of " + name);
        }
        assertEquals(names, List.copyOf(loaded.tensors().keySet()), what + ": tensor names");
        assertEquals(metadata, loaded.metadata(), what + ": metadata");
        // What loaded must also be a valid file: the ranges tile the data section exactly.
        ranges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long covered = 0;
        for (long[] range : ranges) {
            assertEquals(covered, range[0], what + ": a gap or overlap at " + Arrays.toString(range));
            covered = range[1];
        }
        assertEquals(bytes.length - dataStart, covered, what + ": data not covered exactly");
    }

    private static long[] longs(JsonArray array) {
        return array.asList().stream().mapToLong(JsonElement::getAsLong).toArray();
    }

    private record Mutant(byte[] bytes, String description) {}

    /** The mutations, each a pure function of the bytes and the random source. */
    private static final class Mutations {
        private static final long[] INTERESTING = {0, 1, 2, 7, 8, 255, 256, 1L << 31, (1L << 32) + 4, 1L << 62,
                Long.MAX_VALUE, -1, Long.MIN_VALUE, 100L << 20, (100L << 20) + 1};

        static Mutant apply(byte[] bytes, Random random) {
            int headerEnd = headerEnd(bytes);
            return switch (random.nextInt(11)) {
                case 0 -> truncate(bytes, random);
                case 1 -> flipBit(bytes, random, 0, bytes.length, "anywhere");
                case 2 -> flipBit(bytes, random, 0, Math.min(8, bytes.length), "in the header length");
                case 3 -> headerLength(bytes, random);
                case 4 -> overwriteHeaderByte(bytes, random, headerEnd);
                case 5 -> flipBit(bytes, random, headerEnd, bytes.length, "in the data");
                case 6 -> insert(bytes, random);
                case 7 -> delete(bytes, random);
                case 8 -> append(bytes, random);
                default -> editHeader(bytes, random);
            };
        }

        /** Where the header ends, as the length field says (clamped into the file). */
        private static int headerEnd(byte[] bytes) {
            if (bytes.length < 8) {
                return bytes.length;
            }
            long length = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            return length < 0 || length > bytes.length - 8 ? bytes.length : 8 + (int) length;
        }

        private static Mutant truncate(byte[] bytes, Random random) {
            int length = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            return new Mutant(Arrays.copyOf(bytes, length), "truncated to " + length + " bytes");
        }

        private static Mutant flipBit(byte[] bytes, Random random, int from, int to, String where) {
            if (to <= from) {
                return new Mutant(bytes, "no flip (empty range)");
            }
            byte[] copy = bytes.clone();
            int at = from + random.nextInt(to - from);
            int bit = random.nextInt(8);
            copy[at] ^= (byte) (1 << bit);
            return new Mutant(copy, "bit " + bit + " of byte " + at + " flipped " + where);
        }

        private static Mutant headerLength(byte[] bytes, Random random) {
            if (bytes.length < 8) {
                return truncate(bytes, random);
            }
            ByteBuffer copy = ByteBuffer.wrap(bytes.clone()).order(ByteOrder.LITTLE_ENDIAN);
            long current = copy.getLong(0);
            long[] choices = {current - 1, current + 1, current - 8, current + 8, bytes.length, bytes.length - 8,
                    bytes.length - 7, INTERESTING[random.nextInt(INTERESTING.length)], random.nextLong()};
            long value = choices[random.nextInt(choices.length)];
            copy.putLong(0, value);
            return new Mutant(copy.array(), "header length set to " + Long.toUnsignedString(value));
        }

        private static Mutant overwriteHeaderByte(byte[] bytes, Random random, int headerEnd) {
            if (headerEnd <= 8) {
                return flipBit(bytes, random, 0, bytes.length, "anywhere");
            }
            byte[] copy = bytes.clone();
            int at = 8 + random.nextInt(headerEnd - 8);
            byte[] tokens = "{}[],:\"0123456789-.eE \\\nnull\u0000\u007f".getBytes(StandardCharsets.ISO_8859_1);
            byte value = random.nextBoolean() ? tokens[random.nextInt(tokens.length)] : (byte) random.nextInt(256);
            copy[at] = value;
            return new Mutant(copy, "header byte " + at + " set to " + (value & 0xff));
        }

        private static Mutant insert(byte[] bytes, Random random) {
            int at = random.nextInt(bytes.length + 1);
            byte[] extra = new byte[1 + random.nextInt(16)];
            random.nextBytes(extra);
            byte[] copy = new byte[bytes.length + extra.length];
            System.arraycopy(bytes, 0, copy, 0, at);
            System.arraycopy(extra, 0, copy, at, extra.length);
            System.arraycopy(bytes, at, copy, at + extra.length, bytes.length - at);
            return new Mutant(copy, extra.length + " random bytes inserted at " + at);
        }

        private static Mutant delete(byte[] bytes, Random random) {
            if (bytes.length == 0) {
                return new Mutant(bytes, "nothing to delete");
            }
            int at = random.nextInt(bytes.length);
            int count = 1 + random.nextInt(Math.min(16, bytes.length - at));
            byte[] copy = new byte[bytes.length - count];
            System.arraycopy(bytes, 0, copy, 0, at);
            System.arraycopy(bytes, at + count, copy, at, bytes.length - at - count);
            return new Mutant(copy, count + " bytes deleted at " + at);
        }

        private static Mutant append(byte[] bytes, Random random) {
            byte[] copy = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(32));
            return new Mutant(copy, (copy.length - bytes.length) + " zero bytes appended");
        }

        /** An edit of what the header means, the file rebuilt around it with a consistent length. */
        private static Mutant editHeader(byte[] bytes, Random random) {
            int headerEnd = headerEnd(bytes);
            JsonObject header;
            try {
                header = JsonParser.parseString(new String(bytes, 8, headerEnd - 8, StandardCharsets.UTF_8))
                        .getAsJsonObject();
            } catch (RuntimeException e) {
                return flipBit(bytes, random, 0, bytes.length, "anywhere (header not JSON)");
            }
            List<String> names = new ArrayList<>(header.keySet());
            names.remove("__metadata__");
            if (names.isEmpty()) {
                return truncate(bytes, random);
            }
            byte[] data = Arrays.copyOfRange(bytes, headerEnd, bytes.length);
            String name = names.get(random.nextInt(names.size()));
            JsonObject tensor = header.getAsJsonObject(name);
            String description;
            String text = null;
            switch (random.nextInt(12)) {
                case 0 -> {
                    int which = random.nextInt(2);
                    JsonElement value = interestingNumber(random);
                    tensor.getAsJsonArray("data_offsets").set(which, value);
                    description = "offset " + which + " of " + name + " set to " + value;
                }
                case 1 -> {
                    JsonArray shape = tensor.getAsJsonArray("shape");
                    JsonElement value = interestingNumber(random);
                    if (shape.isEmpty()) {
                        shape.add(value);
                    } else {
                        shape.set(random.nextInt(shape.size()), value);
                    }
                    description = "a dimension of " + name + " set to " + value;
                }
                case 2 -> {
                    String[] dtypes = {"F16", "BF16", "f32", "", "BOOL", "F32", "I64", "U8", "F64", "I32", "F8_E4M3"};
                    String dtype = dtypes[random.nextInt(dtypes.length)];
                    tensor.addProperty("dtype", dtype);
                    description = "dtype of " + name + " set to " + dtype;
                }
                case 3 -> {
                    String field = List.of("dtype", "shape", "data_offsets").get(random.nextInt(3));
                    tensor.remove(field);
                    description = field + " of " + name + " removed";
                }
                case 4 -> {
                    // Another tensor's offsets: two tensors share bytes (an overlap) and one range is left bare.
                    String other = names.get(random.nextInt(names.size()));
                    tensor.add("data_offsets", header.getAsJsonObject(other).get("data_offsets").deepCopy());
                    description = name + " given the offsets of " + other;
                }
                case 5 -> {
                    JsonArray offsets = tensor.getAsJsonArray("data_offsets");
                    long shift = random.nextInt(9) - 4;
                    offsets.set(0, new JsonPrimitive(offsets.get(0).getAsLong() + shift));
                    offsets.set(1, new JsonPrimitive(offsets.get(1).getAsLong() + shift));
                    description = name + " shifted by " + shift + " bytes";
                }
                case 6 -> {
                    tensor.add(random.nextBoolean() ? "shape" : "dtype", random.nextBoolean() ? new JsonPrimitive(3)
                            : new JsonArray());
                    description = "shape or dtype of " + name + " given the wrong JSON type";
                }
                case 7 -> {
                    String json = header.toString();
                    text = "{\"" + name + "\":" + tensor + "," + json.substring(1);
                    description = "tensor " + name + " declared twice";
                }
                case 8 -> {
                    String[] broken = {"[]", "null", "\"x\"", "{", "{\"a\":}", "{}}", "{\"a\":1}", "{\"__metadata__\":[]}",
                            "{\"__metadata__\":{\"k\":1}}", "{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}x",
                            "{\"x\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,6]}}", "{" + "[".repeat(3000),
                            "{\"x\":{\"extra\":" + "[".repeat(3000) + "]".repeat(3000) + "}}"};
                    text = broken[random.nextInt(broken.length)];
                    description = "header replaced by " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
                }
                case 9 -> {
                    tensor.getAsJsonArray("shape").add(random.nextInt(3));
                    description = "a dimension appended to " + name;
                }
                case 10 -> {
                    header.remove(name);
                    description = name + " removed from the header (its bytes left)";
                }
                default -> {
                    header.add(name + "_copy", tensor.deepCopy());
                    description = "a copy of " + name + " under another name, at the same offsets";
                }
            }
            byte[] json = (text != null ? text : header.toString()).getBytes(StandardCharsets.UTF_8);
            ByteBuffer rebuilt = ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
            rebuilt.putLong(json.length).put(json).put(data);
            return new Mutant(rebuilt.array(), description);
        }

        private static JsonElement interestingNumber(Random random) {
            return switch (random.nextInt(4)) {
                case 0 -> new JsonPrimitive(INTERESTING[random.nextInt(INTERESTING.length)]);
                case 1 -> new JsonPrimitive(BigInteger.ONE.shiftLeft(64).add(BigInteger.valueOf(random.nextInt(9))));
                case 2 -> new JsonPrimitive(random.nextInt(64));
                default -> new JsonPrimitive(random.nextInt(8) + 0.5);
            };
        }
    }
}
