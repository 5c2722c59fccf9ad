package netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import netc.runtime.io.SafetensorsReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --classpath}: a network compiled by this test into a folder of its own, as a user's build would
 * compile it, is found, summarised, trained and used for predictions through the command line, from a
 * directory, a jar and a {@code DIR/*} wildcard.
 */
class UserClassPathTest {
    private static final String NETWORK = "com.acme.vision.TinyNet";
    private static final String SOURCE = """
            package com.acme.vision;

            import netc.*;
            import static netc.Activation.RELU;

            @Network(channels = 3, height = 8, width = 8)
            public class TinyNet {
                @Conv(out = 4, kernel = 3, padding = 1, activation = RELU) Layer conv;
                @MaxPool(kernel = 2, stride = 2) Layer pool;
                @Dense(out = 3) Layer fc;
            }
            """;

    @TempDir
    static Path project;
    private static Path classes;

    /** One run's exit code and what it printed. */
    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void compileTheUsersNetwork() throws Exception {
        classes = UserNetworks.compile(project, NETWORK, SOURCE);
        assertTrue(Files.isRegularFile(classes.resolve("com/acme/vision/TinyNetModel.class")),
                "the processor generated the model");
    }

    @Test
    void withoutTheClassPathTheNetworkIsUnknownAndSaysWhereToLook() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(NETWORK));
        Outcome outcome = netc("summary", NETWORK);
        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.err().contains("--classpath DIR|JAR"), outcome.err());
    }

    @Test
    void summaryFindsTheNetworkInADirectoryAJarAWildcardAndAList() throws Exception {
        Path jar = UserNetworks.jar(classes, project.resolve("lib/tiny.jar"));
        Path empty = Files.createDirectories(project.resolve("empty"));
        for (String entry : List.of(classes.toString(), jar.toString(), project.resolve("lib") + File.separator + "*",
                empty + File.pathSeparator + File.pathSeparator + jar)) {
            Outcome outcome = netc("summary", NETWORK, "--classpath", entry);
            assertEquals(0, outcome.exitCode(), entry + ": " + outcome.err());
            assertTrue(outcome.out().startsWith("Model: TinyNet, input (N, 3, 8, 8)"), outcome.out());
        }
    }

    @Test
    void trainsOnAnImageFolderAndPredictsWithItsClassNamesThroughTheCommandLine() throws Exception {
        Path pictures = project.resolve("pictures");
        Random random = new Random(1);
        for (String animal : List.of("cat", "dog", "owl")) {
            Path folder = Files.createDirectories(pictures.resolve(animal));
            for (int i = 0; i < 4; i++) {
                BufferedImage picture = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        picture.setRGB(x, y, random.nextInt(1 << 24));
                    }
                }
                assertTrue(ImageIO.write(picture, "png", folder.resolve(animal + i + ".png").toFile()));
            }
        }
        Path run = project.resolve("run");
        Outcome trained = netc("train", NETWORK, "--classpath", classes.toString(), "--data", pictures.toString(),
                "--test", pictures.toString(), "--epochs", "2", "--batch-size", "4", "--output-dir", run.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        Path checkpoint = run.resolve("checkpoint.safetensors");
        assertEquals("TinyNet", SafetensorsReader.read(checkpoint).metadata("network"));

        Path image = pictures.resolve("owl/owl0.png");
        Outcome predicted = netc("predict", NETWORK, "-cp", classes.toString(), "--checkpoint", checkpoint.toString(),
                image.toString());
        assertEquals(0, predicted.exitCode(), predicted.err());
        List<String> lines = predicted.out().lines().toList();
        assertEquals(4, lines.size(), predicted.out());
        assertEquals(image.toString(), lines.get(0));
        List<String> shown = new java.util.ArrayList<>();
        for (String line : lines.subList(1, 4)) {
            assertTrue(line.matches("  (cat|dog|owl) [01]\\.\\d{4}"), line);
            shown.add(line.substring(2, line.lastIndexOf(' ')));
        }
        // The folder names, from the checkpoint, each class once.
        assertEquals(java.util.Set.of("cat", "dog", "owl"), java.util.Set.copyOf(shown));
    }

    @Test
    void anEntryThatDoesNotExistOrIsNoJarIsAUsageError() throws Exception {
        Outcome missing = netc("summary", NETWORK, "--classpath", project.resolve("target/clases").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("netc: --classpath entry " + project.resolve("target/clases")
                + " does not exist; give the directory your classes were compiled to (e.g. target/classes) or a jar."),
                missing.err());
        Path text = Files.writeString(project.resolve("notes.txt"), "x");
        Outcome notJar = netc("summary", NETWORK, "--classpath", text.toString());
        assertEquals(2, notJar.exitCode());
        assertTrue(notJar.err().startsWith("netc: --classpath entry " + text + " is neither a directory nor a .jar file."),
                notJar.err());
    }
}
