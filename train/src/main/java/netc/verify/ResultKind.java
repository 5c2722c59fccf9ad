package netc.verify;

import java.util.Map;
import java.util.stream.DoubleStream;
import netc.runtime.io.DType;
import netc.runtime.io.HostTensor;
import netc.runtime.io.TensorFile;

/**
 * What a compared result is, which decides where a reference that is all zero takes its scale from.
 *
 * <p>An all-zero reference has no scale of its own, and {@code ofScale · 0} would demand exact zeros
 * while a bare absolute limit would pass anything small (a gradient of 1e-4 against zeros). So such a
 * tensor borrows the smallest non-zero scale among the file's other results of the same kind: the
 * tightest magnitude the file shows to be meaningful for, say, a gradient. Without one, the limit is
 * exact (only zeros, and for updates the one-ulp rounding allowance, pass).
 */
enum ResultKind {
    /** {@code logits}, {@code loss} and the metadata {@code loss_after_sgd}. */
    FORWARD {
        @Override
        DoubleStream scales(TensorFile file) {
            DoubleStream tensors = DoubleStream.of(scaleOf(file, "logits"), scaleOf(file, "loss"));
            String after = file.metadata().get("loss_after_sgd");
            return after == null ? tensors : DoubleStream.concat(tensors, DoubleStream.of(parsedScale(after)));
        }
    },
    /** {@code <param>.grad}. */
    GRADIENT {
        @Override
        DoubleStream scales(TensorFile file) {
            return file.tensors().entrySet().stream().filter(e -> e.getKey().endsWith(".grad"))
                    .mapToDouble(e -> scaleOf(e.getValue()));
        }
    },
    /** {@code <buffer>.after_step − <buffer>}: the step's change of a batch norm's running statistics. */
    STATE {
        @Override
        DoubleStream scales(TensorFile file) {
            return changeScales(file, ".after_step");
        }
    },
    /** {@code <param>.after_sgd − <param>}: the step's change. */
    UPDATE {
        @Override
        DoubleStream scales(TensorFile file) {
            return changeScales(file, ".after_sgd");
        }
    };

    /** The scale of each change {@code <name><ending> − <name>} the file records. */
    private static DoubleStream changeScales(TensorFile file, String ending) {
        Map<String, HostTensor> tensors = file.tensors();
        return tensors.entrySet().stream().filter(e -> e.getKey().endsWith(ending))
                .mapToDouble(e -> changeScale(tensors.get(e.getKey().substring(0, e.getKey().length()
                        - ending.length())), e.getValue()));
    }

    /** The largest magnitude of each of the file's results of this kind (0 for one it lacks or cannot read). */
    abstract DoubleStream scales(TensorFile file);

    /** The scale an all-zero reference of this kind is judged on: the smallest non-zero one in the file, or 0. */
    double smallestScaleIn(TensorFile file) {
        return scales(file).filter(scale -> scale > 0 && Double.isFinite(scale)).min().orElse(0);
    }

    /** The largest finite {@code |value|} (an infinite or NaN reference element is judged on its own). */
    static double scaleOf(float[] values) {
        double scale = 0;
        for (float value : values) {
            if (Float.isFinite(value) && Math.abs(value) > scale) {
                scale = Math.abs(value);
            }
        }
        return scale;
    }

    static double scaleOf(TensorFile file, String name) {
        HostTensor tensor = file.tensors().get(name);
        return tensor == null ? 0 : scaleOf(tensor);
    }

    static double scaleOf(HostTensor tensor) {
        return tensor.dtype() == DType.F32 ? scaleOf(tensor.floats()) : 0;
    }

    static double changeScale(HostTensor before, HostTensor after) {
        if (before == null || before.dtype() != DType.F32 || after.dtype() != DType.F32
                || before.elements() != after.elements()) {
            return 0;
        }
        float[] start = before.floats();
        float[] end = after.floats();
        double scale = 0;
        for (int i = 0; i < end.length; i++) {
            float change = Math.abs(end[i] - start[i]);
            if (Float.isFinite(change) && change > scale) {
                scale = change;
            }
        }
        return scale;
    }

    static double parsedScale(String number) {
        try {
            return Math.abs(Float.parseFloat(number));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
