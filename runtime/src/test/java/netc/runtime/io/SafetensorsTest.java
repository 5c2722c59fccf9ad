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
                "dtype BF16");
        refused(raw("no-dtype.safetensors", "{\"x\":{\"shape\":[1],\"data_offsets\":[0,4]}}", 4), "no string 'dtype'");
        refused(raw("neg.safetensors", "{\"x\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4),
                "not a non-negative integer");
        refused(raw("offsets.safetensors", "{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", 4),
                "no valid 'data_offsets'");
        refused(raw("meta.safetensors", "{\"__metadata__\":{\"a\":1}}", 0), "'a' that is not a string");
    }

    @Test
    void aMissingFileIsNamed() {
        refused(dir.resolve("nothing.safetensors"), "does not exist");
    }
}
