package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netc.Activation;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.ClException;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.TestDevice;
import netc.runtime.reference.Activations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every {@link Activation} reaches its formula and slope in {@code activation.cl} through
 * {@link ActivationDefine}, checked through both kernels that include it; an unknown name fails the build.
 */
class ActivationDefineTest {
    /**
     * OpenCL's exp and tanh are within 4 and 5 ulp (spec, full profile); on outputs below 1 in magnitude
     * that is under 1e-6, while a wrong formula (or the identity in its place) errs by 0.1 or more.
     */
    private static final double TOLERANCE = 1e-6;
    private static final float[] Z = {-8f, -3f, -0.5f, 0f, 0.25f, 2f, 8f};

    @TestDevice private static Device device;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void biasActivationAppliesTheFormula(Activation activation) {
        BiasActivation op = new BiasActivation(device, activation, 1, 1, Z.length, ChannelLayout.imageMajor(1, Z.length));
        try (Buffer out = Buffer.allocate(device, Z.length); Buffer src = Buffer.allocate(device, Z.length);
                Buffer bias = Buffer.allocate(device, 1)) {
            src.write(Z);
            op.run(out, 0, src, 0, bias);
            float[] got = out.readFloats(0, Z.length);
            for (int i = 0; i < Z.length; i++) {
                assertEquals(Activations.activate(activation, Z[i]), got[i], TOLERANCE, activation + "(" + Z[i] + ")");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationGradientAppliesTheSlope(Activation activation) {
        float[] y = new float[Z.length];
        for (int i = 0; i < Z.length; i++) {
            y[i] = (float) Activations.activate(activation, Z[i]);
        }
        float[] dOut = new float[Z.length];
        java.util.Arrays.fill(dOut, 1f);
        ActivationGradient op = new ActivationGradient(device, activation, 1, 1, Z.length,
                ChannelLayout.imageMajor(1, Z.length));
        try (Buffer dz = Buffer.allocate(device, Z.length); Buffer dOutBuffer = Buffer.allocate(device, Z.length);
                Buffer out = Buffer.allocate(device, Z.length)) {
            dOutBuffer.write(dOut);
            out.write(y);
            op.run(dz, 0, dOutBuffer, 0, out, 0);
            float[] got = dz.readFloats(0, Z.length);
            for (int i = 0; i < Z.length; i++) {
                assertEquals(Activations.slope(activation, y[i]), got[i], TOLERANCE, activation + "' at y = " + y[i]);
            }
        }
    }

    @Test
    void anUnknownActivationNameFailsTheBuild() {
        ClException e = assertThrows(ClException.class, () -> device.kernel("bias_activation.cl", "bias_activation",
                Defines.of().set("ACTIVATION", "ACT_RELU6")));
        assertTrue(e.getMessage().contains("ACTIVATION must be one of"), e.getMessage());
    }
}
