package netc.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import netc.runtime.cl.DeviceInfo;
import netc.runtime.cl.DeviceSelector;
import netc.runtime.cl.OpenCl;
import netc.runtime.ops.GemmVariant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code netc devices}: every OpenCL device, with the id {@code --device} accepts and the GEMM variant it
 * runs ({@code tiled} on GPUs, {@code blocked} otherwise, unless {@code NETC_GEMM} says), the default marked.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Lists the OpenCL devices; '*' marks the one used when --device is not given.")
final class DevicesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<DeviceInfo> devices = OpenCl.devices();
        DeviceInfo chosen = DeviceSelector.select(devices, DeviceSelector.effective(null));
        PrintWriter out = spec.commandLine().getOut();
        for (DeviceInfo device : devices) {
            // Which GEMM kernel the device would run: tells a GPU user the GPU-shaped one is in use.
            out.println((device == chosen ? "* " : "  ") + device + ", GEMM: " + GemmVariant.of(device).option());
        }
        out.flush();
        return 0;
    }
}
