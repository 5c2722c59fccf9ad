package netc.processor.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import netc.runtime.ops.Convolutions;
import netc.runtime.ops.DirectConv2d;
import netc.runtime.ops.SmallDense;
import netc.runtime.ops.StridedConv2d;
import org.junit.jupiter.api.Test;

/**
 * The processor's copies of the fast-path rules (direct convolution, Winograd, small dense) against the
 * runtime's own.
 */
class FastPathRulesTest {
    @Test
    void theSmallDenseRuleAgreesWithTheRuntimeOnEveryShapeOfTheGrid() {
        int small = 0;
        for (int in = 1; in <= 1100; in += 7) {
            for (int out = 1; out <= 300; out += 11) {
                boolean runtime = SmallDense.suits(in, out);
                assertEquals(runtime, SmallDenseLayer.suits(in, out), in + " → " + out);
                small += runtime ? 1 : 0;
            }
        }
        assertEquals(true, small > 100, "the grid covers small layers: " + small);
    }

    @Test
    void theDirectConvolutionRuleAgreesWithTheRuntimeOnEveryShapeOfTheGrid() {
        int direct = 0;
        for (int in = 1; in <= 20; in += 3) {
            for (int out = 1; out <= 20; out += 3) {
                for (int width = 1; width <= 80; width += 13) {
                    for (int kernel = 1; kernel <= 7; kernel += 2) {
                        for (int stride = 1; stride <= 2; stride++) {
                            for (int padding = 0; padding <= 7; padding += 2) {
                                boolean runtime = DirectConv2d.suits(in, width, out, kernel, stride, padding);
                                assertEquals(runtime, DirectConvolution.suits(in, width, out, kernel, stride, padding),
                                        in + "→" + out + " channels, width " + width + ", k" + kernel + " s" + stride
                                                + " p" + padding);
                                direct += runtime ? 1 : 0;
                            }
                        }
                    }
                }
            }
        }
        // Guards against a grid that never reaches the direct path, where agreement would prove nothing.
        assertEquals(true, direct > 100, "the grid covers direct shapes: " + direct);
    }

    @Test
    void theStridedConvolutionRuleAgreesWithTheRuntimeOnEveryShapeOfTheGrid() {
        int strided = 0;
        for (int in = 1; in <= 8; in++) {
            for (int kernel = 1; kernel <= 13; kernel++) {
                for (int stride = 1; stride <= 5; stride++) {
                    for (int padding = 0; padding <= 13; padding += 2) {
                        boolean runtime = StridedConv2d.suits(in, kernel, stride, padding);
                        assertEquals(runtime, StridedConvolution.suits(in, kernel, stride, padding),
                                in + " channels, k" + kernel + " s" + stride + " p" + padding);
                        strided += runtime ? 1 : 0;
                    }
                }
            }
        }
        assertEquals(true, strided > 100, "the grid covers strided direct shapes: " + strided);
    }

    @Test
    void theFusedAveragePoolRuleAgreesWithTheRuntimeOnEveryShapeOfTheGrid() {
        int fused = 0;
        for (int height = 1; height <= 30; height += 3) {
            for (int width = 1; width <= 30; width += 1) {
                for (int kernel = 1; kernel <= 4; kernel++) {
                    for (int stride = 1; stride <= 4; stride++) {
                        for (int padding = 0; padding <= 1; padding++) {
                            boolean runtime = DirectConv2d.suitsPool(height, width, kernel, stride, padding);
                            assertEquals(runtime, DirectConvolution.suitsPool(height, width, kernel, stride, padding),
                                    height + "x" + width + " output, window " + kernel + " s" + stride + " p" + padding);
                            fused += runtime ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertEquals(true, fused > 50, "the grid covers pools that fuse: " + fused);
    }

    @Test
    void theWinogradRuleAgreesWithTheRuntimeOnEveryShapeOfTheGrid() {
        int winograd = 0;
        for (int in = 1; in <= 600; in += 17) {
            for (int out = 1; out <= 600; out += 19) {
                for (int kernel = 1; kernel <= 5; kernel++) {
                    for (int stride = 1; stride <= 2; stride++) {
                        for (int size : new int[] {1, 3, 4, 6, 12}) {
                            boolean runtime = Convolutions.usesWinograd(in, out, kernel, stride, size, size + 1);
                            assertEquals(runtime, WinogradConvolution.suits(in, out, kernel, stride, size, size + 1),
                                    in + "→" + out + " channels, k" + kernel + " s" + stride + ", output " + size
                                            + "x" + (size + 1));
                            winograd += runtime ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertEquals(true, winograd > 100, "the grid covers Winograd shapes: " + winograd);
    }
}
