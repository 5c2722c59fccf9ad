package netc.cli;

import netc.Dense;
import netc.Layer;
import netc.Network;

/** Holds a nested network, which the processor compiles to {@code NestedNetworks_TinyModel}. */
final class NestedNetworks {
    private NestedNetworks() {}

    @Network(channels = 1, height = 4, width = 4)
    static final class Tiny {
        @Dense(out = 2) Layer fc;
    }
}
