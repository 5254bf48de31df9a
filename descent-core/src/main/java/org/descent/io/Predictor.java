package org.descent.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.descent.DescentException;
import org.descent.autograd.NoGrad;
import org.descent.nn.LayerSpec;
import org.descent.nn.Module;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * A trained model for applications: raw feature rows in (the model file's normalization is
 * applied), class probabilities and the class out for a classifier, values for a regression.
 *
 * <pre>{@code
 * Predictor predictor = Predictor.load(Path.of("digits.safetensors"));
 * Prediction p = predictor.predict(pixels);          // one row of 64 raw features
 * System.out.println(p.className() + " " + p.confidence());
 * }</pre>
 *
 * <p><b>Thread safety:</b> a {@code Predictor} may be shared by any number of threads. It holds its
 * own copy of the network, put in evaluation mode once when it is made and never switched after
 * (so it does not flip any train/eval state another thread sees), runs without recording a graph,
 * and gives each call new output storage. Training the {@link Model} it was made from does not
 * change it. The same rows give the same results, bit for bit, from any thread; a row predicted
 * alone and the same row inside a batch may differ in the last float32 bits (the kernels take
 * another path for one row).
 *
 * <p>Classifiers: the task {@code binary} with one output gives {@code [1 − σ(z), σ(z)]}; any
 * other model with classes gives the softmax of its outputs, or the outputs themselves if the last
 * layer is {@code softmax} ({@code exp} of them after {@code log_softmax}).
 */
public final class Predictor {
    private final NetworkSpec spec;
    private final Module network;
    private final DType dtype;
    private final boolean classifier;
    private final String lastKind;

    private Predictor(Model model) {
        this.spec = model.spec();
        Map<String, Tensor> state = new LinkedHashMap<>();
        model.network().state().forEach((name, t) -> state.put(name, t.copy(t.dtype())));
        this.network = spec.build(new Random(0));
        network.loadState(state, "the model");
        network.eval();
        this.dtype = state.isEmpty() ? DType.FLOAT32 : state.values().iterator().next().dtype();
        this.classifier = spec.classCount() > 0 && !spec.task().toLowerCase(Locale.ROOT).equals("regression");
        List<LayerSpec> layers = spec.layers();
        this.lastKind = layers.get(layers.size() - 1).kind();
    }

    /** A predictor of the model file at {@code path} (checked whole, as {@link ModelFile#load} does). */
    public static Predictor load(Path path) {
        return new Predictor(ModelFile.load(path));
    }

    /** A predictor of {@code model}'s current weights (copied: later training of the model does not reach it). */
    public static Predictor of(Model model) {
        return new Predictor(model);
    }

    public NetworkSpec spec() {
        return spec;
    }

    /** Whether predictions have classes and probabilities (else values). */
    public boolean isClassifier() {
        return classifier;
    }

    /** The prediction for one row of {@code spec().inputSize()} raw features. */
    public Prediction predict(double... row) {
        return predict(new double[][] {row}).get(0);
    }

    /** The predictions for rows of raw features, one each, in order. */
    public List<Prediction> predict(double[][] rows) {
        int d = spec.inputSize();
        Tensor x = Tensor.zeros(dtype, rows.length, d);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != d) {
                throw new DescentException("the model expects " + d + " features per row (" + spec.architecture()
                        + "), but row " + i + " has " + (rows[i] == null ? "none" : rows[i].length));
            }
            for (int j = 0; j < d; j++) {
                x.set(i * d + j, rows[i][j]);
            }
        }
        Tensor outputs = outputs(x);
        int k = outputs.shape().dim(1);
        List<Prediction> predictions = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            double[] values = new double[k];
            for (int c = 0; c < k; c++) {
                values[c] = outputs.get(i * k + c);
            }
            predictions.add(prediction(values));
        }
        return predictions;
    }

    /**
     * The network's raw outputs for raw {@code features} (N, inputSize): normalization applied,
     * evaluation mode, no graph recorded. Shape (N, outputSize).
     */
    public Tensor outputs(Tensor features) {
        if (features.shape().rank() != 2 || features.shape().dim(1) != spec.inputSize()) {
            throw new DescentException("the model expects rows of " + spec.inputSize() + " features (" + spec.architecture()
                    + "), got a tensor of shape " + features.shape());
        }
        try (NoGrad scope = NoGrad.enter()) {
            Tensor x = spec.normalization() == null ? features : spec.normalization().apply(features);
            return network.forward(x);
        }
    }

    private Prediction prediction(double[] values) {
        if (!classifier) {
            return new Prediction(values, new double[0], -1, null);
        }
        double[] p;
        if (values.length == 1) {
            double positive = 1 / (1 + Math.exp(-values[0]));
            p = new double[] {1 - positive, positive};
        } else if (lastKind.equals("softmax")) {
            p = values.clone();
        } else if (lastKind.equals("log_softmax")) {
            p = new double[values.length];
            for (int c = 0; c < p.length; c++) {
                p[c] = Math.exp(values[c]);
            }
        } else {
            p = softmax(values);
        }
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        String name = spec.classNames().isEmpty() ? String.valueOf(best) : spec.classNames().get(best);
        return new Prediction(values, p, best, name);
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }
}
