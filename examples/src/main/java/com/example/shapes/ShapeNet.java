package com.example.shapes;

import static netc.Activation.RELU;

import netc.Conv;
import netc.Dense;
import netc.Layer;
import netc.MaxPool;
import netc.Network;

/**
 * A small CNN that tells three shapes apart (circle, cross, square) in 16×16 colour pictures. javac
 * checks every shape below and generates {@code ShapeNetModel} (the network on an OpenCL device) and
 * {@code ShapeNetTrainer} beside this class.
 */
@Network(channels = 3, height = 16, width = 16)
public class ShapeNet {
    @Conv(out = 8, kernel = 3, padding = 1, activation = RELU) Layer conv1;   // 8×16×16
    @MaxPool(kernel = 2, stride = 2) Layer pool1;                              // 8×8×8
    @Conv(out = 16, kernel = 3, padding = 1, activation = RELU) Layer conv2;  // 16×8×8
    @MaxPool(kernel = 2, stride = 2) Layer pool2;                              // 16×4×4
    @Dense(out = 32, activation = RELU) Layer fc1;
    @Dense(out = 3) Layer fc2;
}
