#!/usr/bin/python3
"""Recipe: turn a PyTorch nn.Sequential into a Descent model file (docs/ONNX.md, "PyTorch weights in").

Usage as a library (needs only torch; the file is written with struct/json as the format says,
docs/MODEL-FORMAT.md):

    import sys; sys.path.insert(0, "tools/pytorch")
    from sequential_to_descent import save_descent
    net = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))
    save_descent(net, "iris.safetensors", task="multiclass", loss="cross_entropy",
                 class_names=["setosa", "versicolor", "virginica"],
                 mean=[5.8, 3.1, 3.8, 1.2], std=[0.8, 0.4, 1.8, 0.8])   # or no normalization

Then, in Java: Model model = ModelFile.load(Path.of("iris.safetensors")); or
Predictor.load(...). Layers: Linear (with bias), Identity/Dropout (dropped: Descent evaluates
without dropout), ReLU, Sigmoid, Tanh, Softplus (beta 1), Softmax(dim=-1 or 1),
LogSoftmax(dim=-1 or 1). Anything else raises ValueError naming the layer.
"""
import json
import struct

import torch

ACTIVATIONS = {torch.nn.ReLU: "relu", torch.nn.Sigmoid: "sigmoid", torch.nn.Tanh: "tanh",
               torch.nn.Softplus: "softplus", torch.nn.Softmax: "softmax", torch.nn.LogSoftmax: "log_softmax",
               torch.nn.Identity: None, torch.nn.Dropout: None}


def descent_layers(net):
    """The Descent layer objects and state tensors ("layers.i.weight", ...) of nn.Sequential `net`."""
    layers, tensors = [], {}
    for index, module in enumerate(net):
        kind = type(module)
        if kind is torch.nn.Linear:
            if module.bias is None:
                raise ValueError(f"layer {index}: Linear without bias; Descent's linear always has one")
            i = len(layers)
            tensors[f"layers.{i}.weight"] = module.weight.detach().float()
            tensors[f"layers.{i}.bias"] = module.bias.detach().float()
            layers.append({"kind": "linear", "out": module.out_features})
        elif kind in ACTIVATIONS:
            if kind is torch.nn.Softplus and (module.beta != 1 or module.threshold != 20):
                raise ValueError(f"layer {index}: Softplus with beta {module.beta}; Descent's softplus has beta 1")
            if kind in (torch.nn.Softmax, torch.nn.LogSoftmax) and module.dim not in (-1, 1):
                raise ValueError(f"layer {index}: {kind.__name__}(dim={module.dim}); Descent normalizes over the features")
            if ACTIVATIONS[kind] is not None:
                layers.append({"kind": ACTIVATIONS[kind]})
        else:
            raise ValueError(f"layer {index}: {kind.__name__} has no Descent layer kind; supported: Linear, "
                             + ", ".join(k.__name__ for k in ACTIVATIONS))
    return layers, tensors


def save_descent(net, path, task="regression", loss="l2", class_names=(), class_count=None, mean=None, std=None):
    """Write nn.Sequential `net` as a Descent model file (format 2) at `path`."""
    layers, tensors = descent_layers(net)
    first = next(m for m in net if isinstance(m, torch.nn.Linear))
    spec = {"input_size": first.in_features, "layers": layers, "task": task, "loss": loss,
            "class_count": len(class_names) if class_count is None else class_count, "class_names": list(class_names)}
    if mean is not None:
        spec["normalization"] = {"method": "standardize", "mean": list(mean), "std": list(std)}
    metadata = {"descent.format": "2", "descent.spec": json.dumps(spec, separators=(",", ":"))}
    header, data, offset = {"__metadata__": metadata}, b"", 0
    for name, t in tensors.items():
        raw = t.contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        data, offset = data + raw, offset + len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + data)
