package org.descent.tensor;

/** Element type of a tensor. */
public enum DType {
    /** 32-bit IEEE float: the fast default for training. */
    FLOAT32,
    /** 64-bit IEEE float: for gradient checks, Hessians and the minimization toolkit. */
    FLOAT64
}
