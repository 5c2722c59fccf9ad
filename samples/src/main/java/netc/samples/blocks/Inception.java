package netc.samples.blocks;

import static netc.Activation.RELU;
import static netc.Arg.*;

import netc.*;

/**
 * d2l's {@code Inception(in_channels, c1, c2, c3, c4)} (section 8.4): four paths on the same input,
 * concatenated on channels: a 1×1 convolution; 1×1 then 3×3; 1×1 then 5×5; a 3×3 max pooling then 1×1;
 * every convolution followed by a ReLU. The fields keep d2l's names ({@code p2_2}), which are PyTorch's.
 */
@Block(join = Join.CONCAT)
public class Inception {
    static final int C1 = ARG0;
    static final int C2_REDUCE = ARG1;
    static final int C2 = ARG2;
    static final int C3_REDUCE = ARG3;
    static final int C3 = ARG4;
    static final int C4 = ARG5;

    @Branch(0) @Conv(out = C1, kernel = 1, activation = RELU) Layer p1_1;
    @Branch(1) @Conv(out = C2_REDUCE, kernel = 1, activation = RELU) Layer p2_1;
    @Branch(1) @Conv(out = C2, kernel = 3, padding = 1, activation = RELU) Layer p2_2;
    @Branch(2) @Conv(out = C3_REDUCE, kernel = 1, activation = RELU) Layer p3_1;
    @Branch(2) @Conv(out = C3, kernel = 5, padding = 2, activation = RELU) Layer p3_2;
    @Branch(3) @MaxPool(kernel = 3, stride = 1, padding = 1) Layer p4_1;
    @Branch(3) @Conv(out = C4, kernel = 1, activation = RELU) Layer p4_2;
}
