package netc.processor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netc.Activation;
import netc.processor.diag.Report;
import netc.processor.model.LayerSpec;
import netc.processor.model.LayerSpec.PoolKind;
import netc.processor.model.NetworkPlan;
import netc.processor.model.NetworkSpec;
import netc.processor.model.Shape;
import netc.processor.model.ShapedLayer;
import netc.processor.model.Source;
import org.junit.jupiter.api.Test;

/** The shape rule and the costs, on hand-built specs, against numbers worked out independently. */
class ShapeArithmeticTest {

    @Test
    void windowRuleFloorsAndCountsTheFirstPosition() {
        assertEquals(54, ShapeArithmetic.windowOutput(224, 11, 4, 1)); // (224 + 2 − 11) / 4 = 53.75
        assertEquals(28, ShapeArithmetic.windowOutput(28, 5, 1, 2));   // "same" padding
        assertEquals(5, ShapeArithmetic.windowOutput(12, 3, 2, 0));
        assertEquals(1, ShapeArithmetic.windowOutput(3, 3, 7, 0));     // one window, whatever the stride
        assertEquals(0, ShapeArithmetic.windowOutput(4, 5, 1, 0));     // kernel one larger than the input
        assertEquals(-1, ShapeArithmetic.windowOutput(4, 7, 2, 0));    // floor(−1.5), not truncation to −1
    }

    @Test
    void windowRuleDoesNotOverflowOnHugeSizes() {
        long in = Integer.MAX_VALUE;
        assertEquals(in + 2 * (long) Integer.MAX_VALUE, ShapeArithmetic.windowOutput(in, 1, 1, Integer.MAX_VALUE));
    }

    @Test
    void heightAndWidthUseTheirOwnSizes() {
        Shape input = Shape.image(3, 20, 11);
        Shape out = ShapeArithmetic.output(conv(8, 3, 2, 1), input);
        assertEquals(Shape.image(8, 10, 6), out); // (20 + 2 − 3) / 2 + 1 = 10, (11 + 2 − 3) / 2 + 1 = 6
    }

    @Test
    void poolStrideZeroMeansTheKernel() {
        LayerSpec.Pool pool = new LayerSpec.Pool("pool", PoolKind.AVG, 2, 0, 0, Source.NONE);
        assertEquals(Shape.image(6, 14, 14), ShapeArithmetic.output(pool, Shape.image(6, 28, 28)));
    }

    @Test
    void denseFlattensAndDropoutKeepsTheShape() {
        Shape image = Shape.image(256, 5, 5);
        assertEquals(Shape.features(4096),
                ShapeArithmetic.output(new LayerSpec.Dense("fc", -1, 4096, Activation.RELU, Source.NONE), image));
        assertEquals(image, ShapeArithmetic.output(new LayerSpec.Dropout("drop", 0.5, Source.NONE), image));
    }

    @Test
    void leNetShapesAndCostsMatchD2l() {
        NetworkSpec spec = new NetworkSpec("p", "LeNet", "p.LeNet", "LeNet", Shape.image(1, 28, 28), List.of(
                new LayerSpec.Conv("conv1", 6, 5, 1, 2, Activation.SIGMOID, Source.NONE),
                new LayerSpec.Pool("pool1", PoolKind.AVG, 2, 2, 0, Source.NONE),
                new LayerSpec.Conv("conv2", 16, 5, 1, 0, Activation.SIGMOID, Source.NONE),
                new LayerSpec.Pool("pool2", PoolKind.AVG, 2, 2, 0, Source.NONE),
                new LayerSpec.Dense("fc1", -1, 120, Activation.SIGMOID, Source.NONE),
                new LayerSpec.Dense("fc2", -1, 84, Activation.SIGMOID, Source.NONE),
                new LayerSpec.Dense("fc3", -1, 10, Activation.NONE, Source.NONE)), Source.NONE);
        Report report = new Report();
        NetworkPlan plan = ShapeChecker.check(spec, report).orElseThrow();
        assertTrue(report.isClean());
        List<Shape> outputs = plan.layers().stream().map(ShapedLayer::output).toList();
        assertEquals(List.of(Shape.image(6, 28, 28), Shape.image(6, 14, 14), Shape.image(16, 10, 10),
                Shape.image(16, 5, 5), Shape.features(120), Shape.features(84), Shape.features(10)), outputs);
        // d2l's LeNet has 61,706 parameters: 156 + 2,416 + 48,120 + 10,164 + 850.
        assertEquals(61_706, plan.parameters());
        // conv1 6·28·28·1·25 + conv2 16·10·10·6·25 + 400·120 + 120·84 + 84·10
        assertEquals(117_600 + 240_000 + 48_000 + 10_080 + 840, plan.multiplyAdds());
    }

    @Test
    void costsSaturateInsteadOfOverflowing() {
        LayerSpec.Conv huge = conv(Integer.MAX_VALUE, Integer.MAX_VALUE, 1, 0);
        Shape input = Shape.image(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, LayerCost.parameters(huge, input));
        assertEquals(Long.MAX_VALUE, LayerCost.multiplyAdds(huge, input, input));
    }

    private static LayerSpec.Conv conv(int out, int kernel, int stride, int padding) {
        return new LayerSpec.Conv("conv", out, kernel, stride, padding, Activation.NONE, Source.NONE);
    }
}
