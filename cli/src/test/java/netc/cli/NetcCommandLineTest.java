package netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import netc.samples.AlexNet;
import netc.samples.LeNet;
import netc.samples.LeNetRelu;
import netc.train.EarlyStopping;
import netc.train.LearningRateSchedule;
import netc.train.Optimizers;
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
        for (String command : new String[] {"train", "eval", "predict", "export", "check", "summary", "devices", "bench", "tune"}) {
            assertTrue(outcome.out().contains(command), outcome.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "eval", "predict", "export", "check", "summary", "devices", "bench", "tune"})
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
    void tuneRefusesZeroRoundsBeforeTimingAnything() {
        Outcome outcome = netc("tune", "--rounds", "0", "--dry-run");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("--repeats and --rounds must be at least 1."), outcome.err());
        assertFalse(outcome.out().contains("tuning"), outcome.out());
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
        // Every device names its GEMM variant (the tests' PoCL device: the register-blocked one, unless overridden).
        assertTrue(outcome.out().lines().allMatch(line -> line.matches(".*, GEMM: (tiled|blocked)")), outcome.out());
    }

    /** d2l's sample networks train with d2l's recipe unless told otherwise: ./netc train LeNet is d2l's run. */
    @Test
    void leftOutOptionsOfD2lsSamplesComeFromD2lsRecipe() {
        TrainingOptions leNet = trainCommand("train", "x").options(LeNet.class);
        assertEquals(256, leNet.batchSize());
        assertEquals(Optimizers.sgd(0.9), leNet.optimizer());
        assertEquals(10, leNet.epochs());
        assertEquals(Path.of("runs", "lenet"), leNet.outputDirectory());
        assertEquals(LearningRateSchedule.constant(), leNet.schedule());

        TrainingOptions alexNet = trainCommand("train", "x").options(AlexNet.class);
        assertEquals(128, alexNet.batchSize());
        assertEquals(Optimizers.sgd(0.01), alexNet.optimizer());
        assertEquals(TrainingOptions.DEFAULT_DATA_DIRECTORY, alexNet.dataDirectory());
    }

    /** Any other network starts from the API's defaults, which suit any network; --recipe picks either. */
    @Test
    void otherNetworksTakeTheDefaultRecipeAndRecipesAreANamedChoice() {
        TrainingOptions relu = trainCommand("train", "x").options(LeNetRelu.class);
        assertEquals(Optimizers.sgd(0.01).momentum(0.9), relu.optimizer());
        assertEquals(64, relu.batchSize());
        assertEquals(Path.of("runs", "lenetrelu"), relu.outputDirectory());

        TrainingOptions leNetDefault = trainCommand("train", "x", "--recipe", "default").options(LeNet.class);
        assertEquals(TrainingOptions.DEFAULT_OPTIMIZER, leNetDefault.optimizer());
        assertEquals(TrainingOptions.DEFAULT_BATCH_SIZE, leNetDefault.batchSize());

        ParameterException noRecipe = assertThrows(ParameterException.class,
                () -> trainCommand("train", "x", "--recipe", "d2l").options(LeNetRelu.class));
        assertTrue(noRecipe.getMessage().startsWith("d2l has no recipe for netc.samples.LeNetRelu; it has one for"
                + " LeNet, AlexNet,"), noRecipe.getMessage());
        ParameterException unknown = assertThrows(ParameterException.class,
                () -> trainCommand("train", "x", "--recipe", "keras").options(LeNet.class));
        assertEquals("Unknown recipe 'keras'; choose default (settings for any network) or d2l (d2l's for its sample"
                + " networks).", unknown.getMessage());
    }

    @Test
    void givenOptionsOverrideTheRecipe() {
        TrainingOptions options = trainCommand("train", "x", "--lr", "0.05", "--batch-size", "32", "--epochs", "2",
                "--momentum", "0.9", "--nesterov", "--weight-decay", "5e-4", "--seed", "7", "--device", "cpu",
                "--data-dir", "d", "--output-dir", "o", "--limit", "1000", "--test-limit", "500", "--resume",
                "--schedule", "warmup:1+cosine", "--early-stop", "3").options(AlexNet.class);
        assertEquals(2, options.epochs());
        assertEquals(32, options.batchSize());
        assertEquals(Optimizers.sgd(0.05).momentum(0.9).nesterov(true).weightDecay(5e-4), options.optimizer());
        assertEquals(LearningRateSchedule.warmup(1).then(LearningRateSchedule.cosine()), options.schedule());
        assertEquals(EarlyStopping.patience(3), options.earlyStopping());
        assertEquals(7, options.seed());
        assertEquals("cpu", options.device());
        assertEquals(Path.of("d"), options.dataDirectory());
        assertEquals(Path.of("o"), options.outputDirectory());
        assertEquals(1000, options.trainLimit());
        assertEquals(500, options.testLimit());
        assertTrue(options.resume());
        assertTrue(trainCommand("train", "x", "--overwrite").options(LeNet.class).overwrite());
        assertFalse(trainCommand("train", "x").options(LeNet.class).overwrite());
    }

    @Test
    void adamAndAdamWTakePyTorchsDefaultsAndTheGivenRateAndDecay() {
        assertEquals(Optimizers.adam(), trainCommand("train", "x", "--optimizer", "adam").options(LeNet.class).optimizer());
        assertEquals(Optimizers.adamW(3e-4).weightDecay(0.05), trainCommand("train", "x", "--optimizer", "AdamW",
                "--lr", "3e-4", "--weight-decay", "0.05").options(LeNet.class).optimizer());
        ParameterException momentum = assertThrows(ParameterException.class,
                () -> trainCommand("train", "x", "--optimizer", "adam", "--momentum", "0.9").options(LeNet.class));
        assertEquals("--momentum applies to SGD, but the optimizer is adam, whose moments follow its betas (0.9, 0.999);"
                + " leave it out or pass --optimizer sgd.", momentum.getMessage());
        ParameterException unknown = assertThrows(ParameterException.class,
                () -> trainCommand("train", "x", "--optimizer", "rmsprop").options(LeNet.class));
        assertEquals("Unknown optimizer 'rmsprop'; choose sgd, adam or adamw.", unknown.getMessage());
    }

    @Test
    void aScheduleOrPatienceThatCannotWorkIsAUsageErrorShowingTheForms() {
        ParameterException schedule = assertThrows(ParameterException.class,
                () -> trainCommand("train", "x", "--schedule", "cosin").options(LeNet.class));
        assertEquals("Unknown learning-rate schedule 'cosin' (it is no schedule); write one of constant,"
                + " step:EVERY:GAMMA (e.g. step:30:0.1), cosine, warmup:EPOCHS or warmup:EPOCHS+SCHEDULE (e.g."
                + " warmup:5+cosine).", schedule.getMessage());
        ParameterException patience = assertThrows(ParameterException.class,
                () -> trainCommand("train", "x", "--early-stop", "0").options(LeNet.class));
        assertTrue(patience.getMessage().startsWith("Early stopping's patience must be 1 or more epochs, got 0"),
                patience.getMessage());
        ParameterException nesterov = assertThrows(ParameterException.class,
                () -> trainCommand("train", "x", "--nesterov").options(LeNet.class));
        assertTrue(nesterov.getMessage().contains("Nesterov momentum needs a momentum above 0"), nesterov.getMessage());
    }

    @Test
    void impossibleValuesAreUsageErrorsNamingTheOption() {
        ParameterException e = assertThrows(ParameterException.class,
                () -> trainCommand("train", "x", "--momentum", "1.5").options(LeNet.class));
        assertTrue(e.getMessage().contains("momentum must be in [0, 1): 0, or a normal float32 from 1.17549435E-38"
                + " to 0.99999994, got 1.5."), e.getMessage());
        assertThrows(ParameterException.class, () -> trainCommand("train", "x", "--epochs", "0").options(LeNet.class));
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
                () -> trainCommand("train", "x", "--resume", "--overwrite").options(LeNet.class));
        assertTrue(e.getMessage().contains("cannot both be set"), e.getMessage());
    }

    private static TrainCommand trainCommand(String... args) {
        CommandLine commandLine = Netc.commandLine();
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        return (TrainCommand) parsed.subcommand().commandSpec().userObject();
    }
}
