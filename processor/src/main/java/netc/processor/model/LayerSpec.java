package netc.processor.model;

import netc.Activation;

/** One layer as its annotation declares it, before any shape is known. */
public sealed interface LayerSpec {
    /** The field's name, which names the layer everywhere. */
    String name();

    Source source();

    /** {@code @Conv}: a square-kernel convolution with a fused activation. */
    record Conv(String name, int out, int kernel, int stride, int padding, Activation activation, Source source)
            implements LayerSpec {}

    /** {@code @MaxPool} or {@code @AvgPool}; {@code stride} as written, where 0 means "equal to the kernel". */
    record Pool(String name, PoolKind kind, int kernel, int stride, int padding, Source source) implements LayerSpec {
        /** The stride the window actually moves by. */
        public int effectiveStride() {
            return stride == 0 ? kernel : stride;
        }
    }

    /** {@code @Dense}; {@code in} is {@link netc.Dense#INFERRED} when left out. */
    record Dense(String name, int in, int out, Activation activation, Source source) implements LayerSpec {}

    /** {@code @Dropout}. */
    record Dropout(String name, double p, Source source) implements LayerSpec {}

    /** The two pooling flavours, which share their shape rule and differ only in the op. */
    enum PoolKind {
        MAX("MaxPool"),
        AVG("AvgPool");

        private final String annotation;

        PoolKind(String annotation) {
            this.annotation = annotation;
        }

        /** The annotation's simple name, {@code MaxPool} or {@code AvgPool}. */
        public String annotation() {
            return annotation;
        }
    }
}
