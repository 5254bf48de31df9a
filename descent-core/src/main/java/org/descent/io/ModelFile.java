package org.descent.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.descent.DescentException;
import org.descent.Sizes;
import org.descent.nn.Module;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;

/**
 * The Descent model file: one {@code .safetensors} file that PyTorch's
 * {@code safetensors.torch.load_file} reads as it is.
 *
 * <ul>
 *   <li>tensors: the network's parameters, named by their dotted names ({@code layers.0.weight}
 *       of shape (out, in), {@code layers.0.bias} of shape (out)), F32 or F64 as trained;</li>
 *   <li>{@code __metadata__}: {@code "descent.format": "1"} and {@code "descent.spec"}: the
 *       {@link NetworkSpec} as JSON (see {@link SpecJson}), from which the network is rebuilt.</li>
 * </ul>
 *
 * Saving is atomic and loading round-trips the values bitwise. A file whose tensors do not match
 * the architecture is refused, naming the parameter and both shapes.
 */
public final class ModelFile {
    /** The metadata key holding the format version. */
    public static final String FORMAT_KEY = "descent.format";
    /** The metadata key holding the network spec JSON. */
    public static final String SPEC_KEY = "descent.spec";
    /** The format version this class writes and reads. */
    public static final String FORMAT_VERSION = "1";

    private ModelFile() {
    }

    /** Writes {@code model} to {@code path} atomically: a failed save leaves an existing file untouched. */
    public static void save(Path path, Model model) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        model.network().namedParameters().forEach((name, p) -> tensors.put(name, p.value()));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT_KEY, FORMAT_VERSION);
        metadata.put(SPEC_KEY, model.spec().toJson());
        Safetensors.write(path, new SafetensorsContent(tensors, metadata));
    }

    /** Reads a model file, rebuilds its network from the spec and loads the weights. */
    public static Model load(Path path) {
        SafetensorsContent content = Safetensors.read(path);
        String format = content.metadata().get(FORMAT_KEY);
        if (format == null) {
            throw new DescentException(path + " is a safetensors file but not a Descent model file: its __metadata__ has no '"
                    + FORMAT_KEY + "'; to use its weights, build the network and call ModelFile.loadWeights");
        }
        if (!format.equals(FORMAT_VERSION)) {
            throw new DescentException(path + " has model format '" + format + "' but this version of Descent reads format "
                    + FORMAT_VERSION + "; use the Descent version that wrote it");
        }
        String json = content.metadata().get(SPEC_KEY);
        if (json == null) {
            throw new DescentException(path + " has no '" + SPEC_KEY + "' in its __metadata__; expected the network spec JSON");
        }
        NetworkSpec spec = NetworkSpec.fromJson(json, path.toString());
        requireParameterCount(spec, content, path.toString());
        Model model = new Model(spec, spec.build(new Random(0)));
        copyWeights(content, model.network(), path.toString());
        return model;
    }

    /**
     * Loads the tensors of any safetensors file at {@code path} into the parameters of
     * {@code network}, matched by dotted name; the file's metadata is ignored. Nothing is changed
     * unless every parameter has a tensor of its shape and the file holds no other tensor.
     */
    public static void loadWeights(Path path, Module network) {
        copyWeights(Safetensors.read(path), network, path.toString());
    }

    /**
     * Before the network is built: the spec's parameter count (in long, overflow-checked) must be
     * the number of values the file holds, so a spec of huge layers in a small file is refused
     * instead of allocated.
     */
    private static void requireParameterCount(NetworkSpec spec, SafetensorsContent content, String source) {
        long expected = 0;
        long size = spec.inputSize();
        for (LayerSpec layer : spec.layers()) {
            if (layer.kind().equals(LayerKinds.LINEAR)) {
                // weight [size, in] and bias [size]
                long parameters = Sizes.product(source + ": layer Linear(" + layer.size() + ")", size + 1, layer.size());
                expected = parameters > Long.MAX_VALUE - expected ? Long.MAX_VALUE : expected + parameters;
                size = layer.size();
            }
        }
        long held = 0;
        for (Tensor t : content.tensors().values()) {
            held += t.size();
        }
        if (expected != held) {
            throw new DescentException(source + ": the spec " + spec.architecture() + " has " + expected
                    + " parameters but the file holds " + held + " values; the weights do not belong to this architecture");
        }
    }

    private static void copyWeights(SafetensorsContent content, Module network, String source) {
        Map<String, Parameter> parameters = network.namedParameters();
        Map<String, Tensor> tensors = content.tensors();
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            Tensor t = tensors.get(e.getKey());
            if (t == null) {
                throw new DescentException(source + " has no tensor for parameter '" + e.getKey() + "' of shape "
                        + e.getValue().shape() + "; the file holds " + tensors.keySet()
                        + " (saved from another architecture?)");
            }
            if (!t.shape().equals(e.getValue().shape())) {
                throw new DescentException(source + ": parameter '" + e.getKey() + "' has shape " + e.getValue().shape()
                        + " in the network but " + t.shape() + " in the file; the file was saved from another architecture");
            }
        }
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (!parameters.containsKey(e.getKey())) {
                throw new DescentException(source + " holds tensor '" + e.getKey() + "' of shape " + e.getValue().shape()
                        + " for which the network has no parameter; the network's parameters are " + parameters.keySet());
            }
        }
        parameters.forEach((name, p) -> p.set(tensors.get(name), name));
    }
}
