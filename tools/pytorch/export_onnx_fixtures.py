#!/usr/bin/python3
"""ONNX files exported by PyTorch (torch.onnx.export, opset 17, dynamic batch), with PyTorch's
outputs, for org.descent.onnx.OnnxImportTest.

Run from the repository root:  /usr/bin/python3 tools/pytorch/export_onnx_fixtures.py
Writes into descent-onnx/src/test/resources/pytorch/:
  mlp.onnx       nn.Sequential(Linear(64, 32), ReLU, Dropout, Linear(32, 16, bias=False), Tanh, Linear(16, 10), LogSoftmax)
  residual.onnx  h = relu(l1(x)); y = l3(cat([x, sigmoid(l2(h)) + h]))  (Add and Concat of branches)
  expected.json  inputs x (rows of the embedded digits' size, 64 features) and PyTorch's outputs
"""
import json
import os

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "descent-onnx", "src", "test", "resources",
                   "pytorch")


class Residual(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.l1, self.l2, self.l3 = torch.nn.Linear(64, 16), torch.nn.Linear(16, 16), torch.nn.Linear(64 + 16, 3)

    def forward(self, x):
        h = torch.relu(self.l1(x))
        return self.l3(torch.cat([x, torch.sigmoid(self.l2(h)) + h], dim=1))


def export(net, name, x):
    net.eval()
    torch.onnx.export(net, x, os.path.join(OUT, name + ".onnx"), opset_version=17, input_names=["features"],
                      output_names=["scores"], dynamic_axes={"features": {0: "n"}, "scores": {0: "n"}})
    with torch.no_grad():
        return net(x).flatten().tolist()


def main():
    torch.manual_seed(0)
    torch.set_num_threads(1)
    os.makedirs(OUT, exist_ok=True)
    x = torch.rand(7, 64) * 16          # pixel values of the digits' range
    mlp = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Dropout(0.2),
                              torch.nn.Linear(32, 16, bias=False), torch.nn.Tanh(), torch.nn.Linear(16, 10),
                              torch.nn.LogSoftmax(dim=1))
    expected = {"torch": torch.__version__, "x": x.flatten().tolist(),
                "mlp": export(mlp, "mlp", x), "residual": export(Residual(), "residual", x)}
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
