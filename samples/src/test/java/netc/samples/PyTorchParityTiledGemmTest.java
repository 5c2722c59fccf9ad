package netc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import netc.runtime.cl.Device;
import netc.runtime.ops.GemmVariant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PyTorchParityTest}'s LeNet steps with every GEMM computed by the GPU-shaped tiled kernel
 * ({@code netc.gemm=tiled}), as a GPU would run them; same fixtures, same tolerances.
 */
class PyTorchParityTiledGemmTest {
    private String before;

    @BeforeEach
    void forceTheTiledGemm() {
        before = System.getProperty(GemmVariant.PROPERTY);
        System.setProperty(GemmVariant.PROPERTY, GemmVariant.LOCAL_TILED.option());
        try (Device device = Device.open()) {
            assertEquals(GemmVariant.LOCAL_TILED, GemmVariant.of(device.info()));
        }
    }

    @AfterEach
    void restoreTheProperty() {
        if (before == null) {
            System.clearProperty(GemmVariant.PROPERTY);
        } else {
            System.setProperty(GemmVariant.PROPERTY, before);
        }
    }

    @Test
    void lenetWithSigmoidAndAveragePoolingMatchesPyTorch() {
        PyTorchParityTest.assertMatches(LeNetModel.FACTORY, Fixtures.LENET);
    }

    @Test
    void lenetWithReluAndMaxPoolingMatchesPyTorch() {
        PyTorchParityTest.assertMatches(LeNetReluModel.FACTORY, Fixtures.LENET_RELU);
    }
}
