package org.descent.tensor;

import org.descent.DescentException;

/** Shapes that do not fit an operation or a layer; the message names both shapes. */
public class ShapeException extends DescentException {
    public ShapeException(String message) {
        super(message);
    }
}
