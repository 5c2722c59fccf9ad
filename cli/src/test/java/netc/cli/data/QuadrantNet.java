package netc.cli.data;

import netc.*;
import static netc.Activation.*;

/** Three scores for 8×8 RGB images: which quadrant is bright (see {@link QuadrantData}). */
@Network(channels = 3, height = 8, width = 8)
public class QuadrantNet {
    @Dense(out = 16, activation = RELU) Layer fc1;
    @Dense(out = 3) Layer fc2;
}
