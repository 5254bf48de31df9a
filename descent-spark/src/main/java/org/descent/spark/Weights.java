package org.descent.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.descent.DescentException;
import org.descent.io.Safetensors;
import org.descent.io.SafetensorsContent;
import org.descent.nn.Module;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;

/**
 * A network's weights as the bytes of a safetensors file (tensors named by the parameters'
 * dotted names), the form in which the driver broadcasts them each step. The round trip is
 * bitwise, so every executor computes with exactly the driver's weights.
 */
final class Weights {
    private Weights() {
    }

    static byte[] encode(Module network) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        network.namedParameters().forEach((name, p) -> tensors.put(name, p.value()));
        return Safetensors.encode(new SafetensorsContent(tensors));
    }

    /** Sets every parameter of {@code network} to its tensor in {@code bytes}. */
    static void load(byte[] bytes, Module network, String source) {
        Map<String, Tensor> tensors = Safetensors.decode(bytes, source).tensors();
        Map<String, Parameter> parameters = network.namedParameters();
        if (!tensors.keySet().equals(parameters.keySet())) {
            throw new DescentException(source + " hold tensors " + tensors.keySet() + " but the network has parameters "
                    + parameters.keySet());
        }
        parameters.forEach((name, p) -> p.set(tensors.get(name), name));
    }
}
