package org.descent.spark;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /** The SHA-256 of {@link #encode}, in hex: the same weights and buffers, bit for bit, give the same digest. */
    static String sha256(Module network) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encode(network)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Sets every parameter and buffer of {@code network} to its tensor in {@code bytes}; a mismatch changes nothing. */
    static void load(byte[] bytes, Module network, String source) {
        network.loadState(Safetensors.decode(bytes, source).tensors(), source);
    }
}
