package org.descent;

/**
 * The one exception type Descent throws for bad input: wrong shapes, invalid hyperparameters,
 * corrupt files, diverging training. Its message is written for the user: it names the layer,
 * the file or the step, the values involved, and what to do.
 */
public class DescentException extends RuntimeException {
    public DescentException(String message) {
        super(message);
    }

    public DescentException(String message, Throwable cause) {
        super(message, cause);
    }
}
