package org.descent.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.descent.DescentException;
import org.descent.nn.LayerLayout;
import org.descent.nn.Module;
import org.descent.tensor.Shape;
import org.descent.tensor.Tensor;

/**
 * The Descent model file: one {@code .safetensors} file that PyTorch's
 * {@code safetensors.torch.load_file} reads as it is.
 *
 * <ul>
 *   <li>tensors: the network's {@link Module#state() state}, its parameters and buffers by
 *       dotted name ({@code layers.0.weight} of shape (out, in), {@code layers.0.bias} of shape
 *       (out)), F32 or F64 as trained;</li>
 *   <li>{@code __metadata__}: {@code "descent.format": "2"} and {@code "descent.spec"}: the
 *       {@link NetworkSpec} as JSON (see {@link SpecJson}), from which the network is rebuilt.</li>
 * </ul>
 *
 * Files of format 1 (before layers had arguments: {@code {"kind": "linear", "size": n}}) load as
 * well. Saving is atomic and loading round-trips the values bitwise. Loading checks the whole file
 * before building anything: the metadata, the spec, and every tensor's name and shape against
 * what the spec lays out, so a file that does not match is refused, naming the tensor and both
 * shapes, before a network is allocated.
 */
public final class ModelFile {
    /** The metadata key holding the format version. */
    public static final String FORMAT_KEY = "descent.format";
    /** The metadata key holding the network spec JSON. */
    public static final String SPEC_KEY = "descent.spec";
    /** The format version this class writes; it reads this one and {@code "1"}. */
    public static final String FORMAT_VERSION = "2";

    private ModelFile() {
    }

    /** Writes {@code model} to {@code path} atomically: a failed save leaves an existing file untouched. */
    public static void save(Path path, Model model) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT_KEY, FORMAT_VERSION);
        metadata.put(SPEC_KEY, model.spec().toJson());
        Safetensors.write(path, new SafetensorsContent(model.network().state(), metadata));
    }

    /** Reads a model file, checks it whole, rebuilds its network from the spec and loads the state. */
    public static Model load(Path path) {
        SafetensorsContent content = Safetensors.read(path);
        NetworkSpec spec = spec(content, path.toString());
        checkLayout(spec.layout(), content.tensors(), path.toString());
        Model model = Model.create(spec, new Random(0));
        model.network().loadState(content.tensors(), path.toString());
        return model;
    }

    /** The spec in a model file's metadata, of format 1 or 2. */
    static NetworkSpec spec(SafetensorsContent content, String source) {
        String format = content.metadata().get(FORMAT_KEY);
        if (format == null) {
            throw new DescentException(source + " is a safetensors file but not a Descent model file: its __metadata__ has no '"
                    + FORMAT_KEY + "'; to use its weights, build the network and call ModelFile.loadWeights");
        }
        if (!format.equals("1") && !format.equals(FORMAT_VERSION)) {
            throw new DescentException(source + " has model format '" + format + "' but this version of Descent reads formats 1 and "
                    + FORMAT_VERSION + "; use the Descent version that wrote it");
        }
        String json = content.metadata().get(SPEC_KEY);
        if (json == null) {
            throw new DescentException(source + " has no '" + SPEC_KEY + "' in its __metadata__; expected the network spec JSON");
        }
        return SpecJson.read(json, source, Integer.parseInt(format));
    }

    /** Refuses tensors that are not exactly the names and shapes {@code layout} expects, before anything is built. */
    private static void checkLayout(LayerLayout layout, Map<String, Tensor> tensors, String source) {
        for (Map.Entry<String, Shape> e : layout.state().entrySet()) {
            Tensor t = tensors.get(e.getKey());
            if (t == null) {
                throw new DescentException(source + " has no tensor for '" + e.getKey() + "' of shape " + e.getValue()
                        + ", which its spec needs; the file holds " + tensors.keySet());
            }
            if (!t.shape().equals(e.getValue())) {
                throw new DescentException(source + ": tensor '" + e.getKey() + "' has shape " + t.shape()
                        + " but the file's spec needs " + e.getValue());
            }
        }
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if (!layout.state().containsKey(e.getKey())) {
                throw new DescentException(source + " holds tensor '" + e.getKey() + "' of shape " + e.getValue().shape()
                        + ", which its spec does not have; the spec's tensors are " + layout.state().keySet());
            }
        }
    }

    /**
     * Loads the tensors of any safetensors file at {@code path} into the state (parameters and
     * buffers) of {@code network}, matched by dotted name; the file's metadata is ignored. Nothing
     * is changed unless every entry has a tensor of its shape and the file holds no other tensor.
     */
    public static void loadWeights(Path path, Module network) {
        network.loadState(Safetensors.read(path).tensors(), path.toString());
    }

    /**
     * As {@link #loadWeights(Path, Module)}, with {@code prefix} put before each of the file's
     * names: a PyTorch {@code nn.Sequential}'s {@code state_dict} ({@code 0.weight}, {@code 0.bias},
     * {@code 2.weight}, ...) loads into a Descent {@link org.descent.nn.Sequential} with the prefix
     * {@code "layers."}. F16 and BF16 tensors are converted to float32 on load.
     */
    public static void loadWeights(Path path, Module network, String prefix) {
        loadWeights(path, network, name -> prefix + name);
    }

    /**
     * As {@link #loadWeights(Path, Module)}, with each of the file's names mapped by {@code rename}
     * to the network's name (e.g. {@code n -> n.replaceFirst("^net\\.", "layers.")}); a tensor
     * renamed to null is left out (buffers PyTorch keeps that Descent does not, say). Two tensors
     * renamed to one name are refused, naming both.
     */
    public static void loadWeights(Path path, Module network, UnaryOperator<String> rename) {
        Map<String, Tensor> renamed = new LinkedHashMap<>();
        Map<String, String> from = new HashMap<>();
        Safetensors.read(path).tensors().forEach((name, tensor) -> {
            String target = rename.apply(name);
            if (target == null) {
                return;
            }
            String earlier = from.put(target, name);
            if (earlier != null) {
                throw new DescentException(path + ": tensors '" + earlier + "' and '" + name + "' are both renamed to '"
                        + target + "'; the name mapping must give each tensor its own name");
            }
            renamed.put(target, tensor);
        });
        network.loadState(renamed, path + " (names mapped)");
    }
}
