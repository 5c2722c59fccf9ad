package netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    /** The committed PyTorch LeNet reference; the parent pom points {@code netc.fixtures} at the repository's fixtures/. */
    static final Path FIXTURE = Path.of(System.getProperty("netc.fixtures", "../fixtures"), "pytorch-lenet-b8.safetensors");
    private static final List<String> LAYERS = List.of("0", "3", "7", "9", "11");

    @TempDir
    Path dir;

    @Test
    void readsThePyTorchFixture() {
        TensorFile file = SafetensorsReader.read(FIXTURE);
        assertEquals(4 + 10 + 10 + 10, file.tensors().size());
        assertArrayEquals(new long[] {16, 6, 5, 5}, file.tensor("3.weight").shape());
        assertArrayEquals(new long[] {8, 1, 28, 28}, file.tensor("input").shape());
        assertArrayEquals(new long[0], file.tensor("loss").shape());
        assertEquals("lenet", file.metadata("net"));
        for (long label : file.tensor("labels").longs()) {
            assertTrue(label >= 0 && label < 10, "label " + label);
        }
        for (float x : file.tensor("input").floats()) {
            assertTrue(x >= 0 && x < 1, "input " + x);
        }
        float loss = file.tensor("loss").floats()[0];
        assertTrue(loss > 2.0f && loss < 2.6f, "a 10-class loss near ln 10 at initialisation: " + loss);
    }

    @Test
    void theFixturesSgdStepIsConsistentWithItsGradients() {
        // Reading every tensor at its own offset is what makes param − 0.01·grad = after_sgd hold: a
        // shifted offset would pair unrelated numbers. float32 rounding of the step: 1e-6 relative.
        TensorFile file = SafetensorsReader.read(FIXTURE);
        for (String layer : LAYERS) {
            for (String kind : List.of(".weight", ".bias")) {
                float[] p = file.tensor(layer + kind).floats();
                float[] g = file.tensor(layer + kind + ".grad").floats();
                float[] after = file.tensor(layer + kind + ".after_sgd").floats();
                for (int i = 0; i < p.length; i++) {
                    float expected = p[i] - 0.01f * g[i];
                    assertEquals(expected, after[i], 1e-6f * Math.max(1f, Math.abs(expected)), layer + kind + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void roundTripsEveryTypeScalarsAndMetadata() throws IOException {
        Path path = dir.resolve("all.safetensors");
        ByteBuffer bytes = ByteBuffer.wrap(new byte[] {1, 2, (byte) 255});
        new SafetensorsWriter()
                .metadata("note", "a \"quoted\" <value>")
                .add("f", HostTensor.ofFloats(new float[] {1.5f, -2f, Float.MIN_VALUE, 3e38f, 0f, -0f}, 2, 3))
                .add("i", HostTensor.ofInts(new int[] {Integer.MIN_VALUE, 7}, 2))
                .add("l", HostTensor.ofLongs(new long[] {Long.MAX_VALUE}, 1))
                .add("scalar", HostTensor.ofFloats(new float[] {4.25f}))
                .add("empty", HostTensor.ofFloats(new float[0], 0, 3))
                .add("u8", DType.U8, new long[] {3}, () -> bytes)
                .writeTo(path);
        TensorFile back = SafetensorsReader.read(path);
        assertEquals(List.of("f", "i", "l", "scalar", "empty", "u8"), List.copyOf(back.tensors().keySet()));
        assertArrayEquals(new float[] {1.5f, -2f, Float.MIN_VALUE, 3e38f, 0f, -0f}, back.tensor("f").floats());
        assertArrayEquals(new long[] {2, 3}, back.tensor("f").shape());
        assertArrayEquals(new int[] {Integer.MIN_VALUE, 7}, back.tensor("i").ints());
        assertArrayEquals(new long[] {Long.MAX_VALUE}, back.tensor("l").longs());
        assertArrayEquals(new float[] {4.25f}, back.tensor("scalar").floats());
        assertEquals(0, back.tensor("empty").elements());
        assertEquals(bytes.rewind(), back.tensor("u8").bytes());
        assertEquals(Map.of("note", "a \"quoted\" <value>"), back.metadata());
    }

    @Test
    void theHeaderIsPaddedWithSpacesToEightBytes() throws IOException {
        for (int nameLength = 1; nameLength <= 8; nameLength++) {
            Path path = dir.resolve("pad" + nameLength + ".safetensors");
            new SafetensorsWriter().add("x".repeat(nameLength), HostTensor.ofInts(new int[] {5}, 1)).writeTo(path);
            byte[] raw = Files.readAllBytes(path);
            long headerLength = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(0, headerLength % 8, "header length " + headerLength);
            String header = new String(raw, 8, (int) headerLength, StandardCharsets.UTF_8);
            assertTrue(header.startsWith("{") && header.strip().endsWith("}"), header);
            assertTrue(header.substring(header.strip().length()).chars().allMatch(c -> c == ' '), header);
            assertEquals(8 + headerLength + 4, raw.length);
        }
    }

    @Test
    void theFixtureRoundTripsByteForByte() {
        TensorFile original = SafetensorsReader.read(FIXTURE);
        SafetensorsWriter writer = new SafetensorsWriter();
        original.metadata().forEach(writer::metadata);
        original.tensors().forEach(writer::add);
        Path copy = dir.resolve("copy.safetensors");
        writer.writeTo(copy);
        TensorFile back = SafetensorsReader.read(copy);
        assertEquals(original.metadata(), back.metadata());
        assertEquals(List.copyOf(original.tensors().keySet()), List.copyOf(back.tensors().keySet()));
        original.tensors().forEach((name, tensor) -> {
            assertEquals(tensor.dtype(), back.tensor(name).dtype(), name);
            assertArrayEquals(tensor.shape(), back.tensor(name).shape(), name);
            assertEquals(tensor.bytes(), back.tensor(name).bytes(), name);
        });
    }

    @Test
    void aSupplierThatBreaksItsDeclarationIsRefused() {
        SafetensorsWriter writer = new SafetensorsWriter()
                .add("x", DType.F32, new long[] {3}, () -> ByteBuffer.allocate(8));
        Path path = dir.resolve("x.safetensors");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer.writeTo(path));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    }

    // ---- broken files: each is one error naming the file and the defect ----

    private Path raw(String name, String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(json.length).put(json);
        return Files.write(dir.resolve(name), file.array());
    }

    private void refused(Path file, String what) {
        WeightFileException e = assertThrows(WeightFileException.class, () -> SafetensorsReader.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    @Test
    void aFileShorterThanTheLengthFieldIsRefused() throws IOException {
        refused(Files.write(dir.resolve("short.safetensors"), new byte[] {1, 2, 3, 4, 5}), "only 5 bytes long");
    }

    @Test
    void aHeaderLongerThanTheFileIsRefused() throws IOException {
        Path file = raw("long-header.safetensors", "{}", 0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[0] = 100;
        refused(Files.write(file, bytes), "declares a header of 100 bytes but 2 bytes follow");
    }

    @Test
    void aHeaderThatIsNotJsonIsRefused() throws IOException {
        refused(raw("bad-json.safetensors", "{\"x\": {\"dtype\": \"F32\",", 0), "not valid JSON");
        refused(raw("unquoted.safetensors", "{x: 1}", 0), "not valid JSON");
        refused(raw("array.safetensors", "[1, 2]", 0), "not a JSON object");
        refused(raw("trailing.safetensors", "{} {}", 0), "not valid JSON");
    }

    @Test
    void offsetsPastTheEndAreRefused() throws IOException {
        refused(raw("past-end.safetensors", "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 4),
                "'x' at bytes [0, 8] of a data section of 4 bytes");
    }

    @Test
    void aShapeThatDisagreesWithItsOffsetsIsRefused() throws IOException {
        refused(raw("mismatch.safetensors", "{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8),
                "(F32 [3], 12 bytes) a data range of 8 bytes");
    }

    @Test
    void unknownTypesAndMalformedEntriesAreRefused() throws IOException {
        refused(raw("bf16.safetensors", "{\"x\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[0,2]}}", 2),
                "dtype 'BF16'");
        refused(raw("no-dtype.safetensors", "{\"x\":{\"shape\":[1],\"data_offsets\":[0,4]}}", 4), "no string 'dtype'");
        refused(raw("neg.safetensors", "{\"x\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4),
                "not a non-negative integer");
        refused(raw("offsets.safetensors", "{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", 4),
                "no valid 'data_offsets'");
        refused(raw("meta.safetensors", "{\"__metadata__\":{\"a\":1}}", 0), "'a' that is not a string");
    }

    // ---- the format's layout rules (huggingface safetensors: "the byte buffer needs to be entirely
    // indexed, and cannot contain holes"; duplicate keys are disallowed) ----

    private static final String F32_2_AT = "{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":";

    @Test
    void overlappingTensorsAreRefusedNamingBoth() throws IOException {
        // b's 8 bytes start inside a's: without the check both would load, sharing bytes 4..8.
        refused(raw("overlap.safetensors", "{\"a\":" + F32_2_AT + "[0,8]},\"b\":" + F32_2_AT + "[4,12]}}", 12),
                "places tensor 'b' at bytes [4, 12], overlapping tensor 'a' at [0, 8]");
        refused(raw("same.safetensors", "{\"a\":" + F32_2_AT + "[0,8]},\"b\":" + F32_2_AT + "[0,8]}}", 8),
                "overlapping tensor 'a' at [0, 8]");
    }

    @Test
    void aGapBetweenTensorsIsRefused() throws IOException {
        refused(raw("gap.safetensors", "{\"a\":" + F32_2_AT + "[0,8]},\"b\":" + F32_2_AT + "[12,20]}}", 20),
                "leaves bytes [8, 12] of its data section to no tensor (a gap before tensor 'b')");
        refused(raw("late-start.safetensors", "{\"a\":" + F32_2_AT + "[4,12]}}", 12),
                "leaves bytes [0, 4] of its data section to no tensor");
    }

    @Test
    void dataAfterTheLastTensorIsRefused() throws IOException {
        refused(raw("trailing-data.safetensors", "{\"a\":" + F32_2_AT + "[0,8]}}", 11),
                "has 3 bytes after the end of its last tensor's data (byte 8 of a data section of 11 bytes)");
        refused(raw("no-tensors.safetensors", "{}", 1), "has 1 bytes after the end");
    }

    @Test
    void tensorsListedOutOfOffsetOrderStillLoad() throws IOException {
        // The header is a JSON object, so its order says nothing about the layout; only the offsets must tile.
        Path file = raw("reordered.safetensors", "{\"b\":" + F32_2_AT + "[8,16]},\"empty\":{\"dtype\":\"U8\","
                + "\"shape\":[0],\"data_offsets\":[8,8]},\"a\":" + F32_2_AT + "[0,8]}}", 16);
        byte[] bytes = Files.readAllBytes(file);
        int data = bytes.length - 16;
        ByteBuffer.wrap(bytes, data, 16).order(ByteOrder.LITTLE_ENDIAN).putFloat(1f).putFloat(2f).putFloat(3f).putFloat(4f);
        TensorFile back = SafetensorsReader.read(Files.write(file, bytes));
        assertEquals(List.of("b", "empty", "a"), List.copyOf(back.tensors().keySet()));
        assertArrayEquals(new float[] {1f, 2f}, back.tensor("a").floats());
        assertArrayEquals(new float[] {3f, 4f}, back.tensor("b").floats());
        assertEquals(0, back.tensor("empty").elements());
    }

    @Test
    void offsetsThatEndBeforeTheyBeginAreRefused() throws IOException {
        refused(raw("reversed.safetensors", "{\"a\":" + F32_2_AT + "[8,0]}}", 8),
                "gives tensor 'a' the data_offsets [8, 0], which end before they begin");
    }

    @Test
    void duplicateNamesAreRefusedNotResolved() throws IOException {
        // A JSON tree keeps the last of two equal keys; the format forbids them, so the file is refused.
        refused(raw("dup.safetensors", "{\"a\":" + F32_2_AT + "[0,8]},\"a\":" + F32_2_AT + "[8,16]}}", 16),
                "declares tensor 'a' twice in its header");
        refused(raw("dup-meta.safetensors", "{\"__metadata__\":{},\"__metadata__\":{}}", 0),
                "declares __metadata__ twice");
        refused(raw("dup-key.safetensors", "{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", 0),
                "gives the __metadata__ entry 'k' twice");
        refused(raw("dup-field.safetensors", "{\"a\":{\"dtype\":\"F32\",\"dtype\":\"I32\",\"shape\":[2],"
                + "\"data_offsets\":[0,8]}}", 8), "gives tensor 'a' the field 'dtype' twice");
    }

    @Test
    void hugeShapesAndOffsetsAreRefusedWithoutOverflow() throws IOException {
        // 2^62 · 4 bytes overflows a long: without exact arithmetic it wraps to 0 and matches offsets [0, 0].
        refused(raw("huge-shape.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904],"
                + "\"data_offsets\":[0,0]}}", 0), "the shape [4611686018427387904], too large to hold");
        refused(raw("huge-product.safetensors", "{\"a\":{\"dtype\":\"U8\",\"shape\":[4294967296,4294967296],"
                + "\"data_offsets\":[0,0]}}", 0), "too large to hold");
        refused(raw("huge-offset.safetensors", "{\"a\":" + F32_2_AT + "[9223372036854775800,9223372036854775808]}}", 8),
                "9223372036854775808, larger than any file");
        refused(raw("far-offset.safetensors", "{\"a\":" + F32_2_AT + "[9223372036854775799,9223372036854775807]}}", 8),
                "at bytes [9223372036854775799, 9223372036854775807] of a data section of 8 bytes");
        refused(raw("rank.safetensors", "{\"a\":{\"dtype\":\"U8\",\"shape\":[" + "1,".repeat(64) + "1],"
                + "\"data_offsets\":[0,1]}}", 1), "a 'shape' array of more than 64 entries");
    }

    @Test
    void numbersMustBePlainIntegers() throws IOException {
        refused(raw("float-dim.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2.0],\"data_offsets\":[0,8]}}", 8),
                "a 'shape' entry '2.0' that is not a non-negative integer");
        refused(raw("exp-offset.safetensors", "{\"a\":" + F32_2_AT + "[0,8e0]}}", 8),
                "a 'data_offsets' entry '8e0' that is not a non-negative integer");
        refused(raw("string-dim.safetensors", "{\"a\":{\"dtype\":\"F32\",\"shape\":[\"2\"],\"data_offsets\":[0,8]}}", 8),
                "a 'shape' entry that is not a non-negative integer");
    }

    @Test
    void aHeaderMustBeginWithABraceAndBeUtf8() throws IOException {
        refused(raw("space-first.safetensors", " {}", 0), "has a header that is not a JSON object (it must begin with '{')");
        Path file = raw("latin1.safetensors", "{\"__metadata__\":{\"k\":\"xx\"}}", 0);
        byte[] bytes = Files.readAllBytes(file);
        bytes[8 + "{\"__metadata__\":{\"k\":\"".length()] = (byte) 0xe9; // é in Latin-1, invalid as UTF-8
        refused(Files.write(file, bytes), "has a header that is not valid UTF-8");
    }

    @Test
    void aHeaderLengthBeyondTheFormatsCapIsRefused() throws IOException {
        Path file = raw("cap.safetensors", "{}", 0);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L);
        refused(Files.write(file, bytes), "declares a header of 18446744073709551615 bytes, more than the format's limit");
    }

    @Test
    void namesWithLineBreaksStayOnOneLineInMessages() throws IOException {
        Path file = raw("newline.safetensors", "{\"a\\nb\":" + F32_2_AT + "[0,8]},\"c\":" + F32_2_AT + "[0,8]}}", 8);
        WeightFileException e = assertThrows(WeightFileException.class, () -> SafetensorsReader.read(file));
        assertTrue(e.getMessage().contains("tensor 'a\\u000ab'"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        refused(dir.resolve("nothing.safetensors"), "does not exist");
    }
}
