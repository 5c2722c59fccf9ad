package netc.runtime.model;

import java.util.List;

/**
 * An op that keeps state on the host (a batch norm's {@code num_batches_tracked}). A model lists the
 * counters of every such op it {@linkplain CompiledModel#own owns} in {@link CompiledModel#counters()},
 * so that weight files and checkpoints save them without the generated code naming them.
 */
public interface HostState {
    /** The op's counters, in PyTorch's buffer order. */
    List<HostCounter> counters();
}
