package org.descent.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;
import org.descent.tensor.Tensor;

/** Runs an ONNX model in ONNX Runtime (Java), the real client the exports are checked against. */
final class Ort {
    private Ort() {
    }

    /** The model's single output for {@code features} (N, d) fed to its input {@code input}, as a flat float array. */
    static float[] run(byte[] model, String input, Tensor features) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] data = new float[features.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) features.get(i);
        }
        long[] shape = {features.shape().dim(0), features.shape().dim(1)};
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(model, options);
                 OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
                 OrtSession.Result result = session.run(Map.of(input, x))) {
                OnnxTensor out = (OnnxTensor) result.get(0);
                FloatBuffer buffer = out.getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                return values;
            }
        } catch (OrtException e) {
            throw new AssertionError("ONNX Runtime refused the model: " + e.getMessage(), e);
        }
    }
}
