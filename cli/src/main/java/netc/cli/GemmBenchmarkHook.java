package netc.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Runs the GEMM benchmark when the runtime has one: {@value #CLASS_NAME} with a
 * {@code public static void main(String[])}. Looked up by name so that the command line builds with or
 * without it; its {@code main} picks its device itself (as every netc tool, {@code NETC_DEVICE}).
 */
final class GemmBenchmarkHook {
    static final String CLASS_NAME = "netc.bench.GemmBenchmark";

    private GemmBenchmarkHook() {}

    static void runIfPresent(PrintWriter out) {
        Method main;
        try {
            main = Class.forName(CLASS_NAME).getMethod("main", String[].class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            out.println("GEMM benchmark: not in this build (no " + CLASS_NAME + ".main).");
            return;
        }
        if (!Modifier.isStatic(main.getModifiers())) {
            out.println("GEMM benchmark: " + CLASS_NAME + ".main is not static; skipped.");
            return;
        }
        out.println();
        out.flush();
        try {
            main.invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("GEMM benchmark failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            out.println("GEMM benchmark: " + CLASS_NAME + ".main is not accessible; skipped.");
        }
    }
}
