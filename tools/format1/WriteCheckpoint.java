import java.nio.file.Path;
import java.util.Random;
import org.descent.data.Dataset;
import org.descent.data.EmbeddedData;
import org.descent.data.Normalize;
import org.descent.loss.CrossEntropy;
import org.descent.nn.Linear;
import org.descent.nn.Sequential;
import org.descent.nn.Tanh;
import org.descent.optim.Adam;
import org.descent.train.CheckpointListener;
import org.descent.train.Task;
import org.descent.train.Trainer;
import org.descent.train.TrainingConfig;

/**
 * Wrote descent-core/src/test/resources/format1/iris-adam.ckpt with the code of commit a58bf50:
 * 4 → Linear(5) → tanh → Linear(3), seed 9, Adam(0.01), two epochs of standardized iris in
 * batches of 16 (seed 1). Compiled and run as {@link WriteFormat1Files} says.
 */
public class WriteCheckpoint {
    public static void main(String[] args) {
        Random random = new Random(9);
        Sequential net = new Sequential(new Linear(4, 5, random), new Tanh(), new Linear(5, 3, random));
        Dataset iris = EmbeddedData.iris();
        new Trainer(net, new CrossEntropy(), new Adam(net.parameters(), 0.01), Task.MULTICLASS, new TrainingConfig(2, 16, 1))
                .addListener(new CheckpointListener(Path.of(args[0]))).fit(Normalize.standardize(iris).apply(iris), null);
    }
}
