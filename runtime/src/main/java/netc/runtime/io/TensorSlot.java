package netc.runtime.io;

import netc.runtime.cl.Tensor;

/** A device tensor that a file entry of this name and shape is loaded into (a parameter, a velocity). */
record TensorSlot(String name, int[] shape, Tensor target) {}
