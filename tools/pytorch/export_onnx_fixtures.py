#!/usr/bin/python3
"""ONNX files exported by PyTorch (torch.onnx.export, opset 17, dynamic batch), with PyTorch's
outputs, for org.descent.onnx.OnnxImportTest.

Run from the repository root:  /usr/bin/python3 tools/pytorch/export_onnx_fixtures.py
Writes into descent-onnx/src/test/resources/pytorch/:
  mlp.onnx       nn.Sequential(Linear(64, 32), ReLU, Dropout, Linear(32, 16, bias=False), Tanh, Linear(16, 10), LogSoftmax)
  residual.onnx  h = relu(l1(x)); y = l3(cat([x, sigmoid(l2(h)) + h]))  (Add and Concat of branches)
  normed.onnx    l1 → BatchNorm1d (set running statistics, eps 1e-3, momentum 0.3) → GELU (erf) → Dropout
                 → view(-1, 32); r = GELU(tanh)(LayerNorm(l2(h))); flatten(h + r) → l3  (residual Add)
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


class Normed(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.l1, self.l2, self.l3 = torch.nn.Linear(64, 32), torch.nn.Linear(32, 32), torch.nn.Linear(32, 10)
        self.bn = torch.nn.BatchNorm1d(32, eps=1e-3, momentum=0.3)
        self.ln = torch.nn.LayerNorm(32)
        self.gelu, self.gelu_tanh = torch.nn.GELU(), torch.nn.GELU(approximate="tanh")
        self.drop = torch.nn.Dropout(0.1)
        with torch.no_grad():   # statistics as after training, and affine parameters other than 1 and 0
            self.bn.running_mean.copy_(torch.randn(32) * 3)
            self.bn.running_var.copy_(torch.rand(32) * 20 + 0.5)
            for p in (self.bn.weight, self.bn.bias, self.ln.weight, self.ln.bias):
                p.add_(torch.randn(32) * 0.3)

    def forward(self, x):
        h = self.drop(self.gelu(self.bn(self.l1(x)))).view(-1, 32)
        r = self.gelu_tanh(self.ln(self.l2(h)))
        return self.l3(torch.flatten(h + r, 1))


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
    expected["normed"] = export(Normed(), "normed", x)
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
