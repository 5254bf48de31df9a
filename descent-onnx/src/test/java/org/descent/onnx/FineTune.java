package org.descent.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.descent.io.Model;
import org.descent.io.ModelFile;
import org.descent.loss.Loss;
import org.descent.optim.Adam;
import org.descent.tensor.Tensor;

/** Fine-tuning an imported model: a few Adam steps lower its loss, and it saves and loads. */
final class FineTune {
    private FineTune() {
    }

    /** Trains {@code model} for {@code steps} full-batch Adam steps; asserts the loss went down; returns the last loss. */
    static double lowersTheLoss(Model model, Loss loss, Tensor x, Tensor targets, int steps) {
        Adam adam = new Adam(model.network().parameters(), 1e-3);
        model.network().train();
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < steps; step++) {
            model.network().zeroGrad();
            Tensor l = loss.compute(model.network().forward(x), targets);
            l.backward();
            adam.step();
            first = step == 0 ? l.item() : first;
            last = l.item();
        }
        model.network().eval();
        assertTrue(last < first, "fine-tuning lowered the loss from " + first + " to " + last);
        return last;
    }

    /** Saves {@code model} at {@code file}; asserts the loaded model predicts {@code x} bit for bit like it. */
    static void savesAndLoads(Model model, Path file, Tensor x) {
        ModelFile.save(file, model);
        Model loaded = ModelFile.load(file);
        assertEquals(model.spec(), loaded.spec());
        Tensor a = model.predict(x);
        Tensor b = loaded.predict(x);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), "output " + i + " after save and load");
        }
    }
}
