package org.descent.spark;

import org.descent.io.Safetensors;
import org.descent.io.SafetensorsContent;
import org.descent.nn.Module;

/**
 * A network's {@link Module#state() state} (its parameters and buffers, by dotted name) as the
 * bytes of a safetensors file, the form in which the driver broadcasts it each step. The round
 * trip is bitwise, so every executor computes with exactly the driver's weights and buffers.
 */
final class Weights {
    private Weights() {
    }

    static byte[] encode(Module network) {
        return Safetensors.encode(new SafetensorsContent(network.state()));
    }

    /** Sets every parameter and buffer of {@code network} to its tensor in {@code bytes}; a mismatch changes nothing. */
    static void load(byte[] bytes, Module network, String source) {
        network.loadState(Safetensors.decode(bytes, source).tensors(), source);
    }
}
