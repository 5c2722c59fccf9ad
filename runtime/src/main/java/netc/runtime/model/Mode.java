package netc.runtime.model;

/**
 * How a forward pass treats the layers that behave differently in training: dropout (masks or the
 * identity) and batch normalisation (the batch's statistics, updating the running ones, or the running
 * statistics). Layers ask {@link #dropsOut()} and {@link #usesBatchStatistics()} rather than comparing
 * constants, so a new mode needs no change in them.
 */
public enum Mode {
    /** Training: dropout draws masks; batch norm normalises with the batch's statistics, updating the running ones. */
    TRAIN(true, true),
    /** Evaluation: dropout is the identity, batch norm normalises with the running statistics. */
    EVAL(false, false),
    /**
     * Training with dropout as the identity: batch norm as in {@link #TRAIN}, no masks. For replaying a step
     * that another framework recorded, whose dropout masks no other generator can draw; PyTorch's recorded
     * reference steps keep dropout off and batch norm in training mode the same way.
     */
    TRAIN_WITHOUT_DROPOUT(false, true);

    private final boolean dropsOut;
    private final boolean usesBatchStatistics;

    Mode(boolean dropsOut, boolean usesBatchStatistics) {
        this.dropsOut = dropsOut;
        this.usesBatchStatistics = usesBatchStatistics;
    }

    /** Whether dropout layers draw masks (otherwise they copy their input). */
    public boolean dropsOut() {
        return dropsOut;
    }

    /** Whether batch norm normalises with the batch's statistics and updates its running ones. */
    public boolean usesBatchStatistics() {
        return usesBatchStatistics;
    }
}
