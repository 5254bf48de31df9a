package org.descent.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.descent.DescentException;
import org.descent.io.Model;
import org.descent.onnx.OnnxExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code descent export}: a saved model as an ONNX file, for ONNX Runtime and other clients. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a saved model in another format (ONNX, opset 17).")
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A Descent model file (.safetensors).")
    Path modelFile;

    @Option(names = "--format", defaultValue = "onnx", paramLabel = "FORMAT", description = "The format: onnx (the default).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (atomically).")
    Path out;

    @Override
    public Integer call() {
        if (!format.toLowerCase(Locale.ROOT).equals("onnx")) {
            throw new DescentException("unknown export format '" + format + "'; the formats are [onnx]");
        }
        Model model = SavedModel.read(modelFile);
        OnnxExport.write(model, out);
        System.out.printf(Locale.ROOT, "wrote %s: ONNX opset %d, input '%s' [batch, %d], output '%s' [batch, %d] (%s)%n",
                out, OnnxExport.OPSET, OnnxExport.INPUT, model.spec().inputSize(), OnnxExport.OUTPUT,
                model.spec().outputSize(), model.spec().architecture());
        return 0;
    }
}
