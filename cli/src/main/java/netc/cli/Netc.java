package netc.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code netc} command line: train, evaluate, predict with, export, summarise, benchmark and check compiled networks. */
@Command(name = "netc", mixinStandardHelpOptions = true, version = "netc 0.1.0",
        description = "Trains and runs networks compiled by netc on OpenCL.",
        subcommands = {TrainCommand.class, EvalCommand.class, PredictCommand.class, ExportCommand.class,
                SummaryCommand.class, DevicesCommand.class, BenchCommand.class, CheckCommand.class, TuneCommand.class})
public final class Netc implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, writing to standard output and error. */
    public static CommandLine commandLine() {
        UserErrors errors = new UserErrors();
        return new CommandLine(new Netc())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }

    /** Runs {@code args} writing to the given streams; returns the exit code (for tests and embedding). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: give one of train, eval, predict, export, summary, devices, bench, check.");
    }
}
