package org.descent.spark;

import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.descent.io.NetworkSpec;
import org.descent.nn.Module;

/**
 * The networks of one executor JVM, kept between steps so that a task does not rebuild its
 * network from the spec every step. A network is used by one task at a time (the autograd graph
 * is not shared between threads): a task borrows one, loads the step's weights into it and gives
 * it back, so there are at most as many per architecture as tasks run at once. Their state (weights and buffers) is
 * overwritten every step, so a network from another run of the same architecture is as good as new.
 */
final class ExecutorModels {
    /** Architectures kept before the pool is emptied; a JVM rarely trains more than one or two. */
    private static final int MAX_ARCHITECTURES = 8;
    private static final Map<String, Queue<Module>> IDLE = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /**
     * The JSON of the spec the executors build {@code spec}'s network from: its architecture
     * without the normalization statistics, which the executors do not use (the samples arrive
     * normalized) and which would add two numbers per input feature to every step's task binary.
     */
    static String architecture(NetworkSpec spec) {
        return new NetworkSpec(spec.inputSize(), spec.topology(), spec.task(), spec.loss(), spec.classCount(),
                spec.classNames(), null, spec.labelSmoothing(), spec.classWeights()).toJson();
    }

    /** An idle network for the spec {@code specJson}, or a new one. */
    static Module borrow(String specJson) {
        Queue<Module> idle = IDLE.get(specJson);
        Module network = idle == null ? null : idle.poll();
        return network != null ? network
                : NetworkSpec.fromJson(specJson, "the network spec sent to the executor").build(new Random(0));
    }

    /** Returns a borrowed network for the next task. */
    static void giveBack(String specJson, Module network) {
        if (IDLE.size() >= MAX_ARCHITECTURES && !IDLE.containsKey(specJson)) {
            IDLE.clear();
        }
        IDLE.computeIfAbsent(specJson, key -> new ConcurrentLinkedQueue<>()).add(network);
    }
}
