package netc.runtime.model;

/** Whether a forward pass trains (dropout active) or evaluates (dropout is the identity). */
public enum Mode {
    TRAIN,
    EVAL
}
