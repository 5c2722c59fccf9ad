package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import netc.runtime.cl.DeviceInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stored tuning of 'netc tune': read back as written, the built-in choice without a file, bad files refused. */
class GemmTuningFileTest {
    private static DeviceInfo cpu(String name, int vectorWidth) {
        return new DeviceInfo(0, 0, "Portable Computing Language", name, false, 2, 1L << 30, 1L << 28, 4096,
                1 << 20, vectorWidth, null);
    }

    @Test
    void aWrittenTuningIsReadBack(@TempDir Path directory) {
        Path file = directory.resolve("tuning").resolve("device.properties"); // the directory is created
        GemmTuning tuned = new GemmTuning(12, 8, 2, 4, 8);
        GemmTuningFile.write(file, tuned, "test");
        assertEquals(tuned, GemmTuningFile.read(file, GemmTuning.SIMD16));
    }

    @Test
    void withoutAFileTheFallbackIsUsed(@TempDir Path directory) {
        assertEquals(GemmTuning.SIMD8, GemmTuningFile.read(directory.resolve("absent.properties"), GemmTuning.SIMD8));
    }

    @Test
    void anInvalidFileIsRefusedNamingItAndTheFix(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("bad.properties");
        Files.writeString(file, "outerRows=16\nouterCols=12\ndotRows=4\ndotCols=4\ndotVectorK=16\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GemmTuningFile.read(file, GemmTuning.SIMD16));
        assertEquals("The GEMM tuning " + file + " is not valid: outerCols=12 is not a vector width (1, 2, 4, 8"
                + " or 16); rerun 'netc tune' or delete the file to use the built-in tuning.", e.getMessage());

        Files.writeString(file, "outerRows=16\nouterCols=16\n");
        e = assertThrows(IllegalArgumentException.class, () -> GemmTuningFile.read(file, GemmTuning.SIMD16));
        assertTrue(e.getMessage().contains("dotRows is missing"), e.getMessage());

        Files.writeString(file, "outerRows=sixteen\nouterCols=16\ndotRows=4\ndotCols=4\ndotVectorK=16\n");
        e = assertThrows(IllegalArgumentException.class, () -> GemmTuningFile.read(file, GemmTuning.SIMD16));
        assertTrue(e.getMessage().contains("outerRows=sixteen is not a whole number"), e.getMessage());

        Files.writeString(file, "outerRows=64\nouterCols=16\ndotRows=4\ndotCols=4\ndotVectorK=16\n");
        e = assertThrows(IllegalArgumentException.class, () -> GemmTuningFile.read(file, GemmTuning.SIMD16));
        assertTrue(e.getMessage().contains("outerRows=64 is outside 1..16"), e.getMessage());
    }

    @Test
    void theDeviceKeyIsAFileNameThatNamesTheDevice() {
        assertEquals("portable-computing-language-pthread-skylake-avx512-amd-epyc",
                GemmTuningFile.deviceKey(cpu("pthread-skylake-avx512-AMD EPYC", 16)));
        assertEquals("portable-computing-language-cpu-0-x86", GemmTuningFile.deviceKey(cpu("cpu/0 (x86)", 16)));
    }

    /** The build points tests at an empty directory, so that they run with the built-in tuning. */
    @Test
    void testsDoNotReadTheUsersTuning() {
        Path file = GemmTuningFile.of(cpu("cpu/0 (x86)", 16));
        assertEquals("portable-computing-language-cpu-0-x86.properties", file.getFileName().toString());
        assertTrue(file.getParent().endsWith(Path.of("target", "no-gemm-tuning")), file.toString());
    }

    @Test
    void theCandidatesStartWithTheBuiltInChoiceAndVaryTheOuterBlock() {
        DeviceInfo avx512 = cpu("avx512", 16);
        assertEquals(GemmTuning.SIMD16, GemmTuning.builtIn(avx512));
        var candidates = GemmTuning.candidates(avx512);
        assertEquals(GemmTuning.SIMD16, candidates.get(0));
        // rows 4, 8, 12, 16 at widths 16 and 8, the built-in (16 x 16) once.
        assertEquals(8, candidates.size(), candidates.toString());
        assertTrue(candidates.contains(new GemmTuning(12, 8, 4, 4, 16)), candidates.toString());
        assertEquals(4, GemmTuning.candidates(cpu("sse", 4)).size(), "rows 4, 8, 12, 16 at width 4; no half width");
    }
}
