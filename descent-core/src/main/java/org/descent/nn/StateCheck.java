package org.descent.nn;

import java.util.Map;
import org.descent.DescentException;
import org.descent.tensor.Shape;
import org.descent.tensor.Tensor;

/** The check behind {@link Module#checkState}: the same names, the same shapes, nothing else. */
final class StateCheck {
    private StateCheck() {
    }

    static void check(Module module, Map<String, Tensor> state, String source) {
        Map<String, Tensor> expected = module.state();
        Map<String, Parameter> parameters = module.namedParameters();
        for (Map.Entry<String, Tensor> e : expected.entrySet()) {
            String what = (parameters.containsKey(e.getKey()) ? "parameter '" : "buffer '") + e.getKey() + "'";
            Tensor t = state.get(e.getKey());
            Shape shape = e.getValue().shape();
            if (t == null) {
                throw new DescentException(source + ": no tensor for " + what + " of shape " + shape + "; it holds "
                        + state.keySet() + " (saved from another architecture?)");
            }
            if (!t.shape().equals(shape)) {
                throw new DescentException(source + ": " + what + " has shape " + shape + " in the network but "
                        + t.shape() + " in the file; the file was saved from another architecture");
            }
        }
        for (Map.Entry<String, Tensor> e : state.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                throw new DescentException(source + " holds tensor '" + e.getKey() + "' of shape " + e.getValue().shape()
                        + " for which the network has no parameter or buffer; the network's state is "
                        + expected.keySet());
            }
        }
    }
}
