import netc.Dense;
import netc.Layer;
import netc.Network;

/** A network in the unnamed package, which the processor compiles to {@code UnnamedPackageNetworkModel}. */
@Network(channels = 1, height = 4, width = 4)
final class UnnamedPackageNetwork {
    @Dense(out = 3) Layer fc;
}
