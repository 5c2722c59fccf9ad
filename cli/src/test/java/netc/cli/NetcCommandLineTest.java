package netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import netc.train.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Parsing, help and error reporting of the command line; nothing here needs a compiled model or data. */
class NetcCommandLineTest {
    /** One run's exit code and what it printed. */
    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommand() {
        Outcome outcome = netc("--help");
        assertEquals(0, outcome.exitCode());
        for (String command : new String[] {"train", "eval", "predict", "export", "check", "summary", "devices", "bench"}) {
            assertTrue(outcome.out().contains(command), outcome.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "eval", "predict", "export", "check", "summary", "devices", "bench"})
    void everyCommandHasHelp(String command) {
        Outcome outcome = netc(command, "--help");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().startsWith("Usage: netc " + command), outcome.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "eval", "predict", "export", "check", "summary", "bench"})
    void everyCommandThatTakesANetworkTakesAClassPath(String command) {
        assertTrue(netc(command, "--help").out().contains("--classpath"), command);
    }

    @Test
    void trainHelpNamesEveryOption() {
        String help = netc("train", "--help").out();
        for (String option : new String[] {"--epochs", "--batch-size", "--lr", "--momentum", "--weight-decay", "--seed",
                "--device", "--data-dir", "--output-dir", "--limit", "--test-limit", "--resume"}) {
            assertTrue(help.contains(option), option + " missing from\n" + help);
        }
    }

    @Test
    void noCommandIsAUsageError() {
        Outcome outcome = netc();
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("Missing command"), outcome.err());
    }

    @Test
    void anUnknownOptionIsNamedWithAPointerToHelp() {
        Outcome outcome = netc("train", "LeNet", "--epoch", "3");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("Unknown options: '--epoch', '3'"), outcome.err());
        assertTrue(outcome.err().contains("Possible solutions: --epochs"), outcome.err());
        assertTrue(outcome.err().contains("Try 'netc train --help'"), outcome.err());
        assertEquals("", outcome.out());
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        Outcome outcome = netc("train", "LeNet", "--epochs", "ten");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("'ten' is not an int"), outcome.err());
    }

    @Test
    void evalNeedsItsWeightsAndAFileThatExists() {
        Outcome missing = netc("eval", "LeNet");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("Missing required option: '--weights=FILE'"), missing.err());

        Outcome absent = netc("eval", "LeNet", "--weights", "no/such/weights.safetensors");
        assertEquals(2, absent.exitCode());
        assertTrue(absent.err().contains("No weight file at no/such/weights.safetensors"), absent.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "summary", "bench"})
    void anUnknownNetworkIsOneSentenceListingTheSamples(String command) {
        Outcome outcome = netc(command, "ResNet");
        assertEquals(1, outcome.exitCode());
        assertEquals("netc: Unknown network 'ResNet': give a sample (LeNet, AlexNet) or the fully qualified name of a"
                + " @Network class, with --classpath DIR|JAR naming where its compiled classes are (e.g. --classpath"
                + " target/classes).", outcome.err().strip());
    }

    @Test
    void aClassThatIsNotANetworkIsRefused() {
        Outcome outcome = netc("summary", "java.lang.String");
        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.err().contains("java.lang.String is not a network: annotate the class with @Network"),
                outcome.err());
        assertFalse(outcome.err().contains("\tat "), "no stack trace:\n" + outcome.err());
    }

    @Test
    void devicesListsTheDefaultDeviceMarked() {
        Outcome outcome = netc("devices");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().lines().anyMatch(line -> line.startsWith("* ") && line.contains(":")), outcome.out());
    }

    @Test
    void leftOutOptionsComeFromTheNetworksRecipe() {
        TrainingOptions leNet = trainCommand("train", "x").options("LeNet");
        assertEquals(256, leNet.batchSize());
        assertEquals(0.9, leNet.learningRate());
        assertEquals(10, leNet.epochs());
        assertEquals(Path.of("runs", "lenet"), leNet.outputDirectory());

        TrainingOptions alexNet = trainCommand("train", "x").options("AlexNet");
        assertEquals(128, alexNet.batchSize());
        assertEquals(0.01, alexNet.learningRate());
        assertEquals(TrainingOptions.DEFAULT_DATA_DIRECTORY, alexNet.dataDirectory());
    }

    @Test
    void givenOptionsOverrideTheRecipe() {
        TrainingOptions options = trainCommand("train", "x", "--lr", "0.05", "--batch-size", "32", "--epochs", "2",
                "--momentum", "0.9", "--weight-decay", "5e-4", "--seed", "7", "--device", "cpu", "--data-dir", "d",
                "--output-dir", "o", "--limit", "1000", "--test-limit", "500", "--resume").options("AlexNet");
        assertEquals(new TrainingOptions(2, 32, 0.05, 0.9, 5e-4, 7, "cpu", Path.of("d"), Path.of("o"), 1000, 500, true),
                options);
        assertTrue(trainCommand("train", "x", "--overwrite").options("LeNet").overwrite());
        assertFalse(trainCommand("train", "x").options("LeNet").overwrite());
    }

    @Test
    void impossibleValuesAreUsageErrorsNamingTheOption() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> trainCommand("train", "x", "--momentum", "1.5").options("LeNet"));
        assertTrue(e.getMessage().contains("momentum must be in [0, 1): 0, or a normal float32 from 1.17549435E-38"
                + " to 0.99999994, got 1.5."), e.getMessage());
        assertThrows(ParameterException.class, () -> trainCommand("train", "x", "--epochs", "0").options("LeNet"));
    }

    /** float32 turns 1e-50 into 0: training would run and learn nothing, so the command line refuses it. */
    @Test
    void aLearningRateThatRoundsToZeroInFloat32IsAUsageError() {
        Outcome outcome = netc("train", "LeNet", "--lr", "1e-50", "--output-dir", "never-created");
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("netc: Invalid training options: learning rate must be a normal float32"
                + " from 1.17549435E-38 to 3.4028235E38, got 1.0E-50, which rounds to 0 in float32.\n"), outcome.err());
        assertFalse(java.nio.file.Files.exists(Path.of("never-created")), "a refused run created its output directory");
    }

    @Test
    void resumeAndOverwriteTogetherAreAUsageError() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> trainCommand("train", "x", "--resume", "--overwrite").options("LeNet"));
        assertTrue(e.getMessage().contains("cannot both be set"), e.getMessage());
    }

    private static TrainCommand trainCommand(String... args) {
        CommandLine commandLine = Netc.commandLine();
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        return (TrainCommand) parsed.subcommand().commandSpec().userObject();
    }
}
