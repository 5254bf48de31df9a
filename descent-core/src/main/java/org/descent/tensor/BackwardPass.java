package org.descent.tensor;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.descent.DescentException;

/**
 * Reverse-mode differentiation over the recorded graph, beside {@link Tensor} (users call it
 * through {@link Tensor#backward()} and {@code autograd.Backprop}). Nodes are visited in reverse
 * topological order, computed iteratively so that a chain of any depth fits on the stack; each
 * node's contributions are <em>added</em> to its inputs' gradients, which is what makes any
 * acyclic graph (fan-out, skip connections, shared weights) come out right.
 *
 * <p>{@code createGraph} is decided here, once per pass: without it nothing is recorded and a
 * {@link FusedRule} runs its fast half; with it the plain rules record their tensor operations
 * and a fused node's reference formula is differentiated instead.
 */
public final class BackwardPass {
    private BackwardPass() {
    }

    /** Adds dOutput/dLeaf (weighted by {@code seed}) to {@code grad()} of every leaf that requires gradients. */
    public static void backward(Tensor output, Tensor seed, boolean createGraph) {
        try (BackwardScratch scratch = BackwardScratch.acquire()) {
            run(scratch, output, seed, createGraph).forEach((t, g) -> {   // forEach: no entry objects per step
                if (t.node() == null && t.requiresGrad()) {
                    t.accumulateGrad(g);
                }
            });
        }
    }

    /**
     * The gradients of {@code output} (weighted by {@code seed}) with respect to {@code inputs},
     * without touching any {@code grad()}; zeros for an input the output does not depend on. The
     * gradient of a computed input is a copy, as it may live in storage its operation lent and
     * reuses at the next step.
     */
    public static Tensor[] gradients(Tensor output, Tensor seed, List<Tensor> inputs, boolean createGraph) {
        try (BackwardScratch scratch = BackwardScratch.acquire()) {
            Map<Tensor, Tensor> grads = output.requiresGrad() ? run(scratch, output, seed, createGraph) : Map.of();
            Tensor[] result = new Tensor[inputs.size()];
            for (int i = 0; i < result.length; i++) {
                Tensor input = inputs.get(i);
                Tensor g = grads.get(input);
                if (g == null) {
                    result[i] = Tensor.zeros(input.dtype(), input.shape().dims());
                } else {
                    result[i] = createGraph || input.node() == null ? g : g.copy(g.dtype());
                }
            }
            return result;
        }
    }

    private static Map<Tensor, Tensor> run(BackwardScratch scratch, Tensor output, Tensor seed, boolean createGraph) {
        if (!output.requiresGrad()) {
            throw new DescentException("backward() on a tensor that does not require gradients: "
                    + "no parameter or input with requiresGrad(true) took part in computing it");
        }
        if (!seed.shape().equals(output.shape())) {
            throw new DescentException("backward(): the seed gradient has shape " + seed.shape()
                    + " but the output has shape " + output.shape());
        }
        boolean records = createGraph && GradMode.enabled();   // inside NoGrad nothing could be recorded
        List<Tensor> order = topologicalOrder(scratch, output);
        Map<Tensor, Tensor> grads = scratch.grads;
        grads.put(output, seed);
        GradientStorage storage = new GradientStorage();
        try (GradMode.Off scope = records ? null : GradMode.off()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                Tensor g = grads.get(t);
                Node node = t.node();
                if (g == null || node == null) {
                    continue;
                }
                Tensor[] inputGrads = node.fused() == null ? node.rule().apply(g)
                        : fused(node, g, records, storage.forInputs(node.inputs()));
                List<Tensor> inputs = node.inputs();
                for (int k = 0; k < inputs.size(); k++) {
                    Tensor input = inputs.get(k);
                    Tensor ig = inputGrads[k];
                    if (ig == null || !input.requiresGrad()) {
                        continue;
                    }
                    if (!ig.shape().equals(input.shape())) {
                        throw new DescentException("backward of " + node.operation() + " produced a gradient of shape "
                                + ig.shape() + " for an input of shape " + input.shape());
                    }
                    Tensor previous = grads.get(input);
                    grads.put(input, previous == null ? ig : previous.add(ig));
                }
            }
        }
        return grads;
    }

    /** The one opening of every fused backward: refuse a stale graph, then the fast or the reference half. */
    private static Tensor[] fused(Node node, Tensor g, boolean records, GradientStorage storage) {
        FusedRule rule = node.fused();
        Workspace.Lease lease = rule.lease();
        lease.requireCurrent();
        if (records) {
            return gradients(rule.reference(), g, node.inputs(), true);
        }
        Tensor[] grads = rule.backward(g, storage);
        lease.release();
        return grads;
    }

    /** Post-order depth-first walk with an explicit stack: inputs before the tensors using them. */
    private static List<Tensor> topologicalOrder(BackwardScratch scratch, Tensor root) {
        List<Tensor> order = scratch.order;
        Set<Tensor> visited = scratch.visited;
        int depth = 0;
        scratch.stack[depth] = root;
        scratch.nextInput[depth++] = 0;
        visited.add(root);
        while (depth > 0) {
            Tensor t = scratch.stack[depth - 1];
            int i = scratch.nextInput[depth - 1];
            List<Tensor> inputs = t.node() == null ? List.of() : t.node().inputs();
            if (i < inputs.size()) {
                scratch.nextInput[depth - 1] = i + 1;
                Tensor input = inputs.get(i);
                if (input.requiresGrad() && visited.add(input)) {
                    scratch.ensureDepth(depth + 1);
                    scratch.stack[depth] = input;
                    scratch.nextInput[depth++] = 0;
                }
            } else {
                order.add(t);
                scratch.stack[--depth] = null;
            }
        }
        return order;
    }
}
