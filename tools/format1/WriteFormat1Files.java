import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.descent.data.Normalize;
import org.descent.io.LayerSpec;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.io.NetworkSpec;
import org.descent.tensor.DType;
import org.descent.tensor.Tensor;

/**
 * Wrote the format-1 model files under descent-core/src/test/resources/format1/ with the code of
 * commit a58bf50 (the last one writing format 1), together with what each model predicted for
 * fixed raw inputs ({@code <name>.expected}: "input" rows, then "output" rows, exact decimal
 * values). It compiles only against that commit's API (io.LayerSpec(kind, size)); it is kept as
 * the record of how the files were made:
 *
 * <pre>
 * git worktree add /tmp/f1 a58bf50 && cd /tmp/f1 && ./mvnw -q -pl descent-core compile
 * javac -cp descent-core/target/classes -d /tmp/w tools/format1/WriteFormat1Files.java
 * java -cp descent-core/target/classes:/tmp/w:JACKSON_JARS WriteFormat1Files OUT_DIR
 * </pre>
 */
public class WriteFormat1Files {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Random random = new Random(11);

        NetworkSpec mlp = new NetworkSpec(6, List.of(LayerSpec.linear(8), LayerSpec.activation("relu"),
                LayerSpec.linear(5), LayerSpec.activation("sigmoid"), LayerSpec.linear(3),
                LayerSpec.activation("log_softmax")), "classification", "cross-entropy", 3, List.of("ant", "bee", "cat"),
                Normalize.standardize(new double[] {1, -2, 0.5, 3, 0, 10}, new double[] {2, 0.5, 1, 4, 1.5, 3}), 0.1);
        write(out, "mlp", Model.create(mlp, new Random(1)), Tensor.uniform(random, -3, 12, DType.FLOAT32, 5, 6));

        NetworkSpec regression = new NetworkSpec(3, List.of(LayerSpec.linear(4), LayerSpec.activation("tanh"),
                LayerSpec.linear(4), LayerSpec.activation("softplus"), LayerSpec.linear(2),
                LayerSpec.activation("identity"), LayerSpec.activation("softmax")), "regression", "l2", 0, List.of(),
                Normalize.minMax(new double[] {0, -1, 5}, new double[] {10, 1, 6}));
        Model f64 = Model.create(regression, new Random(2));
        f64.network().to(DType.FLOAT64);
        write(out, "regression_f64", f64, Tensor.uniform(random, -1, 11, DType.FLOAT64, 4, 3));

        NetworkSpec binary = new NetworkSpec(4, List.of(LayerSpec.linear(3), LayerSpec.activation("tanh"),
                LayerSpec.linear(1)), "binary", "binary-cross-entropy-with-logits", 2, List.of(), null);
        write(out, "binary", Model.create(binary, new Random(3)), Tensor.uniform(random, -2, 2, DType.FLOAT32, 3, 4));
    }

    private static void write(Path dir, String name, Model model, Tensor x) throws Exception {
        ModelFile.save(dir.resolve(name + ".safetensors"), model);
        Tensor y = model.predict(x);
        StringBuilder sb = new StringBuilder();
        rows(sb, "input", x);
        rows(sb, "output", y);
        Files.writeString(dir.resolve(name + ".expected"), sb.toString());
    }

    private static void rows(StringBuilder sb, String label, Tensor t) {
        int cols = t.shape().dim(1);
        for (int r = 0; r < t.shape().dim(0); r++) {
            sb.append(label);
            for (int c = 0; c < cols; c++) {
                sb.append(' ').append(t.get(r * cols + c));
            }
            sb.append('\n');
        }
    }
}
