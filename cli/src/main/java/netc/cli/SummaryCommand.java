package netc.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netc summary}: the shape table the processor worked out at compile time. No device needed. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Prints a network's layers with their output shapes, parameters and multiply-adds.")
final class SummaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<network>",
            description = "A sample (LeNet, AlexNet) or the fully qualified name of a @Network class.")
    String network;

    @Mixin
    NetworkClassPath classPath;

    @Override
    public Integer call() {
        CompiledNetwork compiled = classPath.resolve(network);
        PrintWriter out = spec.commandLine().getOut();
        out.println(compiled.info().summary());
        out.flush();
        return 0;
    }
}
