package netc.runtime.ops;

/**
 * Told when an op has enqueued one of its stages, so that a timing harness can finish the queue there and
 * charge the time since the previous mark to that stage. Ops call it unconditionally; {@link #NONE}, the
 * default, does nothing, so a model pays one interface call per stage.
 */
@FunctionalInterface
interface StageTimer {
    StageTimer NONE = stage -> { };

    /** The op has just enqueued all of {@code stage}'s work. */
    void mark(String stage);
}
