package org.descent.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.descent.io.Model;
import org.descent.onnx.OnnxImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code descent import}: an ONNX model (e.g. exported by PyTorch) as a Descent model file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert an ONNX model (feed-forward, opset 9-21) into a Descent model file.")
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ONNX", description = "The ONNX file.")
    Path onnx;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The model file to write (.safetensors, atomically).")
    Path out;

    @Override
    public Integer call() {
        Model model = OnnxImport.write(onnx, out);
        System.out.println("wrote " + out + ": " + model.spec().architecture() + ", task " + model.spec().task()
                + (model.spec().normalization() == null ? "" : ", with its input normalization"));
        return 0;
    }
}
