package netc.samples.reference;

import static netc.samples.reference.Elementwise.dropoutAsIdentity;
import static netc.samples.reference.Elementwise.relu;
import static netc.samples.reference.Elementwise.sigmoid;

/**
 * The networks as d2l.ai writes them in PyTorch, module for module, so the Sequential indices (and so
 * the state_dict names) are PyTorch's. Written from d2l's code, not from our annotations, so a test
 * that compares these with a generated model also checks how the processor reads the annotations.
 */
final class D2lNetworks {
    private D2lNetworks() {}

    /** d2l 8.1: AlexNet for 1×224×224 inputs and 10 classes. */
    static Sequential alexNet() {
        return new Sequential(
                new Conv2d(1, 96, 11, 4, 1), relu(), new MaxPool2d(3, 2),
                new Conv2d(96, 256, 5, 1, 2), relu(), new MaxPool2d(3, 2),
                new Conv2d(256, 384, 3, 1, 1), relu(),
                new Conv2d(384, 384, 3, 1, 1), relu(),
                new Conv2d(384, 256, 3, 1, 1), relu(), new MaxPool2d(3, 2),
                new Flatten(),
                new Linear(6400, 4096), relu(), dropoutAsIdentity(),
                new Linear(4096, 4096), relu(), dropoutAsIdentity(),
                new Linear(4096, 10));
    }

    /** d2l 7.6: LeNet for 1×28×28 inputs, sigmoid and average pooling. */
    static Sequential leNet() {
        return new Sequential(
                new Conv2d(1, 6, 5, 1, 2), sigmoid(), new AvgPool2d(2, 2),
                new Conv2d(6, 16, 5, 1, 0), sigmoid(), new AvgPool2d(2, 2),
                new Flatten(),
                new Linear(400, 120), sigmoid(),
                new Linear(120, 84), sigmoid(),
                new Linear(84, 10));
    }

    /** LeNet with ReLU and max pooling, the second PyTorch fixture's network. */
    static Sequential leNetRelu() {
        return new Sequential(
                new Conv2d(1, 6, 5, 1, 2), relu(), new MaxPool2d(2, 2),
                new Conv2d(6, 16, 5, 1, 0), relu(), new MaxPool2d(2, 2),
                new Flatten(),
                new Linear(400, 120), relu(),
                new Linear(120, 84), relu(),
                new Linear(84, 10));
    }
}
