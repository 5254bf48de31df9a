package org.descent.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.descent.DescentException;
import org.descent.nn.Parameter;
import org.descent.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Issue 12, reproducer 7: a damaged optimizer state is refused whole, before anything is replaced. */
class OptimizerStateTest {
    private static Adam startedAdam(Parameter p) {
        Adam adam = new Adam(List.of(p), 0.1);
        p.value().sum().backward();
        adam.step();
        adam.zeroGrad();
        return adam;
    }

    @Test
    void adamStateWithAFirstMomentButNoSecondIsRefused() {
        Parameter p = new Parameter(Tensor.of(new double[] {1.0, 2.0}, 2));
        Map<String, Tensor> state = new LinkedHashMap<>(startedAdam(p).state());
        state.remove("second_moment.0");
        Adam fresh = new Adam(List.of(p), 0.1);
        DescentException e = assertThrows(DescentException.class, () -> fresh.loadState(state));
        assertEquals("Adam state of parameter 0 is incomplete: it has only first_moment, updates; a started parameter"
                + " needs first_moment.0, second_moment.0 and updates.0 (the checkpoint is damaged)", e.getMessage());
        assertEquals(0, fresh.stepCount(), "nothing was replaced");
        p.value().sum().backward();
        fresh.step();       // used to be a NullPointerException in Adam.update
        assertEquals(1, fresh.stepCount());
    }

    @Test
    void aStepCountThatIsNotAWholeNumberIsRefused() {
        Parameter p = new Parameter(Tensor.of(new double[] {1.0}, 1));
        Map<String, Tensor> state = new LinkedHashMap<>(startedAdam(p).state());
        state.put("step_count", Tensor.of(new double[] {Double.NaN}, 1));
        Adam fresh = new Adam(List.of(p), 0.1);
        DescentException e = assertThrows(DescentException.class, () -> fresh.loadState(state));
        assertTrue(e.getMessage().startsWith("Adam state 'step_count' is "), e.getMessage());
        state.put("step_count", Tensor.of(new double[] {1}, 1));
        state.put("updates.0", Tensor.of(new double[] {-3}, 1));
        assertThrows(DescentException.class, () -> fresh.loadState(state));
        assertEquals(0, fresh.stepCount());
    }

    @Test
    void aMomentumStateRefusedHalfWayLeavesTheVelocitiesAsTheyWere() {
        Parameter a = new Parameter(Tensor.of(new double[] {1.0}, 1));
        Parameter b = new Parameter(Tensor.of(new double[] {1.0, 2.0}, 2));
        GradientDescent sgd = new GradientDescent(List.of(a, b), GradientDescentConfig.of(StepSize.constant(0.1))
                .withMomentum(0.9));
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("step_count", Tensor.of(new double[] {5}, 1));
        state.put("velocity.0", Tensor.of(new double[] {7}, 1));
        state.put("velocity.1", Tensor.of(new double[] {1, 2, 3}, 3));      // the wrong size
        assertThrows(DescentException.class, () -> sgd.loadState(state));
        assertEquals(Map.of("step_count", 0.0), Map.of("step_count", sgd.state().get("step_count").get(0)));
        assertEquals(1, sgd.state().size(), "no velocity was restored: " + sgd.state().keySet());
    }
}
