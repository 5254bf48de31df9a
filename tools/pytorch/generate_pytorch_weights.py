#!/usr/bin/python3
"""Fixtures for org.descent.io.PyTorchWeightsTest: PyTorch state_dict files (keys 0.weight, 0.bias,
2.weight, 2.bias of nn.Sequential(Linear(4, 6), Tanh(), Linear(6, 3))) in F32, F16 and BF16, a
Descent model file made by the recipe sequential_to_descent.py, another of the toolbox's layers
(recipe_norms: BatchNorm1d, LayerNorm, both GELUs, LeakyReLU, ELU, SiLU, a bias-free Linear), and
PyTorch's outputs.

Run from the repository root:  /usr/bin/python3 tools/pytorch/generate_pytorch_weights.py
Writes into descent-core/src/test/resources/pytorch/.
"""
import json
import os
import struct
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from sequential_to_descent import save_descent  # noqa: E402

OUT = os.path.join(HERE, "..", "..", "descent-core", "src", "test", "resources", "pytorch")
CODES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16"}


def write_state_dict(path, state, dtype):
    """A plain safetensors file of `state` in `dtype` (what safetensors.torch.save_file writes)."""
    header, data, offset = {}, b"", 0
    for name, t in state.items():
        t = t.detach().to(dtype).contiguous()
        raw = (t.view(torch.int16) if t.element_size() == 2 else t).numpy().tobytes()  # little-endian machine
        header[name] = {"dtype": CODES[dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        data, offset = data + raw, offset + len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + data)


def main():
    assert sys.byteorder == "little"
    torch.manual_seed(0)
    torch.set_num_threads(1)
    os.makedirs(OUT, exist_ok=True)
    net = torch.nn.Sequential(torch.nn.Linear(4, 6), torch.nn.Tanh(), torch.nn.Linear(6, 3))
    x = torch.randn(5, 4)
    expected = {}
    for dtype in CODES:
        name = CODES[dtype].lower()
        write_state_dict(os.path.join(OUT, f"state_dict_{name}.safetensors"), net.state_dict(), dtype)
        # What the converted weights compute, in float32.
        rounded = torch.nn.Sequential(torch.nn.Linear(4, 6), torch.nn.Tanh(), torch.nn.Linear(6, 3))
        rounded.load_state_dict({k: v.to(dtype).float() for k, v in net.state_dict().items()})
        with torch.no_grad():
            expected[name] = rounded(x).flatten().tolist()
    mean, std = [0.5, -1.0, 0.0, 2.0], [1.0, 2.0, 0.5, 4.0]
    save_descent(torch.nn.Sequential(net[0], net[1], torch.nn.Dropout(0.1), net[2], torch.nn.Softmax(dim=1)),
                 os.path.join(OUT, "recipe.safetensors"), task="multiclass", loss="cross_entropy",
                 class_names=["a", "b", "c"], mean=mean, std=std)
    with torch.no_grad():
        recipe = torch.softmax(net((x - torch.tensor(mean)) / torch.tensor(std)), dim=1).flatten().tolist()
    # The recipe on the toolbox's layers: batch and layer norm (statistics and affine parameters set), both GELUs, ...
    norms = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.BatchNorm1d(8, eps=1e-3, momentum=0.2), torch.nn.GELU(),
                                torch.nn.Linear(8, 8, bias=False), torch.nn.LayerNorm(8), torch.nn.GELU(approximate="tanh"),
                                torch.nn.LeakyReLU(0.2), torch.nn.ELU(0.5), torch.nn.SiLU(), torch.nn.Linear(8, 3))
    with torch.no_grad():
        norms[1].running_mean.copy_(torch.randn(8))
        norms[1].running_var.copy_(torch.rand(8) * 3 + 0.5)
        for p in (norms[1].weight, norms[1].bias, norms[4].weight, norms[4].bias):
            p.add_(torch.randn(8) * 0.3)
    norms.eval()
    save_descent(norms, os.path.join(OUT, "recipe_norms.safetensors"))
    with torch.no_grad():
        recipe_norms = norms(x).flatten().tolist()
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump({"torch": torch.__version__, "x": x.flatten().tolist(), "outputs": expected, "recipe": recipe,
                   "recipe_norms": recipe_norms}, f, indent=1)
        f.write("\n")
    print("wrote", sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
