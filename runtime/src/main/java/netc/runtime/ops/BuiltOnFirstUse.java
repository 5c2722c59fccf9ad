package netc.runtime.ops;

import java.util.function.Supplier;

/**
 * A kernel (or op) that only some calls need, built by the first of them: an op's variant for a
 * {@code dOutput} already through the activation, which most models never ask for, costs no build (a PoCL
 * program, ~0.8 s cold) until one does.
 */
final class BuiltOnFirstUse<T> implements Supplier<T> {
    private final Supplier<T> build;
    private T built;

    BuiltOnFirstUse(Supplier<T> build) {
        this.build = build;
    }

    @Override
    public T get() {
        if (built == null) {
            built = build.get();
        }
        return built;
    }
}
