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
Predictor.load(...). Layers: Linear (with or without bias), BatchNorm1d (its running statistics;
affine, tracking), LayerNorm (over the last dimension, affine), Identity/Dropout (dropped: Descent
evaluates without dropout; add a dropout layer to the spec to fine-tune with one), ReLU, Sigmoid,
Tanh, Softplus (beta 1), GELU (approximate "none" or "tanh"), SiLU, LeakyReLU, ELU,
Softmax(dim=-1 or 1), LogSoftmax(dim=-1 or 1). Anything else raises ValueError naming the layer.
"""
import json
import struct

import torch

ACTIVATIONS = {torch.nn.ReLU: "relu", torch.nn.Sigmoid: "sigmoid", torch.nn.Tanh: "tanh",
               torch.nn.Softplus: "softplus", torch.nn.Softmax: "softmax", torch.nn.LogSoftmax: "log_softmax",
               torch.nn.SiLU: "silu", torch.nn.Identity: None, torch.nn.Dropout: None}
NORMS = (torch.nn.BatchNorm1d, torch.nn.LayerNorm)


def norm_layer(index, module, i, tensors):
    """The Descent batch_norm or layer_norm of `module` (layer i), its tensors added to `tensors`."""
    prefix = f"layers.{i}."
    if isinstance(module, torch.nn.BatchNorm1d):
        if not module.affine or not module.track_running_stats or module.momentum is None:
            raise ValueError(f"layer {index}: BatchNorm1d needs affine=True, track_running_stats=True and a momentum")
        for name in ("weight", "bias", "running_mean", "running_var"):
            tensors[prefix + name] = getattr(module, name).detach().float()
        tensors[prefix + "num_batches_tracked"] = module.num_batches_tracked.detach().float().reshape(1)
        return {"kind": "batch_norm", "eps": module.eps, "momentum": module.momentum}
    if len(module.normalized_shape) != 1 or not module.elementwise_affine:
        raise ValueError(f"layer {index}: LayerNorm needs one normalized dimension and elementwise_affine=True")
    tensors[prefix + "weight"] = module.weight.detach().float()
    tensors[prefix + "bias"] = module.bias.detach().float()
    return {"kind": "layer_norm", "eps": module.eps}


def activation(index, module):
    """The Descent layer of activation `module`, or None for one that computes nothing when evaluated."""
    kind = type(module)
    if kind is torch.nn.GELU:
        return {"kind": "gelu" if module.approximate == "none" else "gelu_tanh"}
    if kind is torch.nn.LeakyReLU:
        return {"kind": "leaky_relu", "alpha": module.negative_slope}
    if kind is torch.nn.ELU:
        return {"kind": "elu", "alpha": module.alpha}
    if kind is torch.nn.Softplus and (module.beta != 1 or module.threshold != 20):
        raise ValueError(f"layer {index}: Softplus with beta {module.beta}; Descent's softplus has beta 1")
    if kind in (torch.nn.Softmax, torch.nn.LogSoftmax) and module.dim not in (-1, 1):
        raise ValueError(f"layer {index}: {kind.__name__}(dim={module.dim}); Descent normalizes over the features")
    return None if ACTIVATIONS[kind] is None else {"kind": ACTIVATIONS[kind]}


def descent_layers(net):
    """The Descent layer objects and state tensors ("layers.i.weight", ...) of nn.Sequential `net`."""
    layers, tensors = [], {}
    for index, module in enumerate(net):
        kind = type(module)
        if kind is torch.nn.Linear:
            i = len(layers)
            tensors[f"layers.{i}.weight"] = module.weight.detach().float()
            if module.bias is not None:
                tensors[f"layers.{i}.bias"] = module.bias.detach().float()
            layers.append({"kind": "linear", "out": module.out_features} | ({} if module.bias is not None else {"bias": False}))
        elif kind in NORMS:
            layers.append(norm_layer(index, module, len(layers), tensors))
        elif kind in ACTIVATIONS or kind in (torch.nn.GELU, torch.nn.LeakyReLU, torch.nn.ELU):
            layer = activation(index, module)
            if layer is not None:
                layers.append(layer)
        else:
            raise ValueError(f"layer {index}: {kind.__name__} has no Descent layer kind; supported: Linear, BatchNorm1d, "
                             + "LayerNorm, GELU, LeakyReLU, ELU, " + ", ".join(k.__name__ for k in ACTIVATIONS))
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
