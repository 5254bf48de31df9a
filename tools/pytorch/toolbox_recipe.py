#!/usr/bin/python3
"""A PyTorch replica of issue 13's recipe, to tell Descent's result from the recipe's own:

  ./descent train --data fashion-mnist --norm batch --dropout 0.2 --optimizer adamw \\
      --weight-decay 0.01 --schedule cosine --warmup-epochs 1 --epochs 15

What Descent does, step for step (docs/LAYERS.md, docs/OPTIMIZERS.md, docs/DATA.md):
  - data: the IDX training images cut 90/10 into training and validation, stratified by class,
    with Descent's seeded split; the 10,000 test images; each pixel standardized with the mean and
    population standard deviation of the training part (a constant pixel gets scale 1);
  - network: Linear(784, 256) -> BatchNorm1d(256) -> ReLU -> Dropout(0.2) -> Linear(256, 128)
    -> BatchNorm1d(128) -> ReLU -> Dropout(0.2) -> Linear(128, 10), every Linear with a bias,
    initialized uniform in +-1/sqrt(fan_in) (PyTorch's default); BatchNorm1d eps 1e-5, momentum 0.1;
  - training: softmax cross-entropy, batches of 64 (the last one of an epoch smaller), AdamW
    (lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 0.01 on every parameter), the step size
    set per step: a linear warm-up over the first epoch's W steps from lr/W, then cosine annealing
    to 0 over the remaining steps (LinearLR + CosineAnnealingLR in a SequentialLR, checked at every
    step against Descent's closed form); validation after every epoch in eval mode; the model
    tested is the one after the last epoch.

--rng descent (the default) also draws what Descent draws from its seed: the split, the order of
the batches in every epoch, the initial weights and the dropout masks are bit for bit Descent's
(java.util.Random and Descent's counter-based dropout hash, reimplemented below), so the two runs
differ only in the rounding of the float32 arithmetic. --rng torch draws the initial weights,
the batch order and the dropout masks from torch's generator seeded with --seed instead (the split
stays Descent's), an independent sample of the same recipe. --inputs global standardizes with one
mean and deviation over all pixels instead of Descent's per-pixel statistics, for comparison.

Run from the repository root (CPU; about a minute per run on one thread):
  /usr/bin/python3 tools/pytorch/toolbox_recipe.py --seed 42 --threads 1 [--rng descent|torch] [--inputs pixel|global]
Prints the lines `descent train` prints, in its format.
"""
import argparse
import gzip
import math
import os
import struct
import time
import warnings

import numpy as np
import torch

BATCH = 64
LEARNING_RATE = 1e-3
WEIGHT_DECAY = 0.01
DROPOUT = 0.2
HIDDEN = (256, 128)
MASK64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


class JavaRandom:
    """java.util.Random: the 48-bit linear congruential generator its specification gives."""

    def __init__(self, seed):
        self.state = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)

    def next(self, bits):
        self.state = (self.state * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        value = self.state >> (48 - bits)
        return value - (1 << bits) if bits == 32 and value >= 1 << 31 else value

    def next_int(self, bound=None):
        if bound is None:
            return self.next(32)
        if bound & -bound == bound:
            return (bound * self.next(31)) >> 31
        while True:
            bits = self.next(31)
            value = bits % bound
            if bits - value + (bound - 1) < 1 << 31:
                return value

    def next_double(self):
        return ((self.next(26) << 27) + self.next(27)) * 2.0 ** -53


def mix(z):
    """SplitMix64's finalizer on a Python int (Descent's Shuffle and Dropout)."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def mix_array(z):
    """mix on a numpy uint64 array (products wrap modulo 2^64, as Java's longs do)."""
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def descent_random(seed, stream):
    """Shuffle.random(seed, stream): a java.util.Random seeded with mix(seed + GOLDEN (stream + 1))."""
    return JavaRandom(mix((seed + GOLDEN * (stream + 1)) & MASK64))


def shuffle(values, random):
    """Shuffle.shuffle: Fisher-Yates from the end, in place."""
    for i in range(len(values) - 1, 0, -1):
        j = random.next_int(i + 1)
        values[i], values[j] = values[j], values[i]


def descent_split(labels, seed):
    """Split.of(train, 0.9, 0.1, seed, stratify = true): the training and validation indices."""
    random = descent_random(seed, 0)
    train, validation = [], []
    for c in range(int(labels.max()) + 1):
        members = [int(i) for i in np.flatnonzero(labels == c)]
        shuffle(members, random)
        count = math.floor(len(members) * 0.9 + 0.5)   # Math.round
        validation_count = min(len(members) - count, math.floor(len(members) * 0.1 + 0.5))
        train += members[:count]
        validation += members[count:count + validation_count]
    shuffle(train, random)
    shuffle(validation, random)
    return train, validation


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = struct.unpack(">I", data[:4])[0] & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data[4 + 4 * dims:], dtype=np.uint8).reshape(shape)


def load(directory, seed, inputs):
    """Training, validation and test parts, standardized by the training part's statistics: per pixel
    (inputs "pixel", Descent's) or with one mean and deviation over all pixels ("global", as
    torchvision's Normalize on one channel)."""
    def part(name):
        images = read_idx(os.path.join(directory, name + "-images-idx3-ubyte.gz"))
        labels = read_idx(os.path.join(directory, name + "-labels-idx1-ubyte.gz"))
        return images.reshape(images.shape[0], -1).astype(np.float64), labels.astype(np.int64)

    x, y = part("train")
    test_x, test_y = part("t10k")
    train, validation = descent_split(y, seed)
    axis = 0 if inputs == "pixel" else None
    mean = x[train].mean(axis)
    std = np.sqrt(((x[train] - mean) ** 2).mean(axis))
    if inputs == "pixel":
        std[std == 0] = 1

    def standardize(v):
        return torch.from_numpy(((v - mean) / std).astype(np.float32))

    return ((standardize(x[train]), torch.from_numpy(y[train])),
            (standardize(x[validation]), torch.from_numpy(y[validation])),
            (standardize(test_x), torch.from_numpy(test_y)))


class DescentDropout(torch.nn.Module):
    """Descent's Dropout: element i of the t-th training call is kept iff
    (mix(mix(mix(seed GOLDEN) + t) + i GOLDEN) >>> 11) >= p 2^53, then scaled by 1/(1 - p)."""

    def __init__(self, p, seed):
        super().__init__()
        self.p, self.seed, self.calls = p, seed & 0xFFFFFFFF, 0

    def forward(self, x):
        if not self.training:
            return x
        key = mix((mix((self.seed * GOLDEN) & MASK64) + self.calls) & MASK64)
        self.calls += 1
        with np.errstate(over="ignore"):
            index = np.arange(x.numel(), dtype=np.uint64)
            u = mix_array(np.uint64(key) + index * np.uint64(GOLDEN)) >> np.uint64(11)
        keep = torch.from_numpy(u >= np.uint64(int(self.p * 2.0 ** 53))).reshape(x.shape)
        return x * keep.to(x.dtype) * torch.tensor(1.0 / (1.0 - self.p), dtype=torch.float32)


def network(rng, seed):
    """The recipe's MLP; with rng "descent" its weights and dropout seeds drawn as Descent's Model.create does."""
    random = JavaRandom(seed) if rng == "descent" else None
    layers, width = [], 784

    def linear(inputs, outputs):
        layer = torch.nn.Linear(inputs, outputs)
        if random is not None:
            bound = 1.0 / math.sqrt(inputs)
            for p in (layer.weight, layer.bias):
                values = [-bound + 2 * bound * random.next_double() for _ in range(p.numel())]
                p.data = torch.tensor(np.array(values, dtype=np.float64).astype(np.float32).reshape(p.shape))
        return layer

    for size in HIDDEN:
        layers += [linear(width, size), torch.nn.BatchNorm1d(size), torch.nn.ReLU()]
        layers.append(DescentDropout(DROPOUT, random.next_int()) if random is not None else torch.nn.Dropout(DROPOUT))
        width = size
    return torch.nn.Sequential(*layers, linear(width, 10))


def descent_step_size(k, warmup, total):
    """Descent's closed form: LinearWarmup(W, 1/W, CosineAnnealing(lr, 0, total - W))."""
    if k < warmup:
        return LEARNING_RATE * (1.0 / warmup + (1 - 1.0 / warmup) * k / warmup)
    return LEARNING_RATE * (1 + math.cos(math.pi * (k - warmup) / (total - warmup))) / 2


def evaluate(net, x, y, loss_fn):
    net.eval()
    with torch.no_grad():
        out = net(x)
        return loss_fn(out, y).item(), (out.argmax(1) == y).double().mean().item()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--rng", choices=("descent", "torch"), default="descent")
    parser.add_argument("--inputs", choices=("pixel", "global"), default="pixel")
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = parser.parse_args()
    if args.epochs < 2:
        parser.error("--epochs must be at least 2: one of warm-up, then the cosine (as descent train requires)")
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    warnings.filterwarnings("ignore", category=UserWarning)   # SequentialLR passes an epoch to step()

    (x, y), (val_x, val_y), (test_x, test_y) = load(args.data, args.seed, args.inputs)
    n = x.shape[0]
    # Per-pixel statistics blow up the pixels that are nearly constant in the training images.
    print("inputs (%s): largest |value| %.1f in training, %.1f in test" % (args.inputs, float(x.abs().max()),
                                                                        float(test_x.abs().max())))
    net = network(args.rng, args.seed)
    print("fashion-mnist: %d train, %d validation, %d test samples; %s" % (n, val_x.shape[0], test_x.shape[0],
          " -> ".join(type(m).__name__ for m in net)), flush=True)
    steps_per_epoch = (n + BATCH - 1) // BATCH
    total = args.epochs * steps_per_epoch
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.AdamW(net.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    schedule = torch.optim.lr_scheduler.SequentialLR(optimizer, [
        torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=1.0 / steps_per_epoch, total_iters=steps_per_epoch),
        torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total - steps_per_epoch)],
        milestones=[steps_per_epoch])
    shuffle_generator = torch.Generator().manual_seed(args.seed)
    step = 0
    for epoch in range(1, args.epochs + 1):
        net.train()
        start = time.perf_counter()
        loss_sum = 0.0
        if args.rng == "descent":
            order = list(range(n))
            shuffle(order, descent_random(args.seed, epoch))   # Batches.order(epoch)
            order = torch.tensor(order)
        else:
            order = torch.randperm(n, generator=shuffle_generator)
        for i in range(0, n, BATCH):
            lr = optimizer.param_groups[0]["lr"]
            expected = descent_step_size(step, steps_per_epoch, total)
            if abs(lr - expected) > 1e-9 * LEARNING_RATE:
                raise SystemExit("step %d: PyTorch's schedule gives lr %.12g, Descent's closed form %.12g"
                                 % (step, lr, expected))
            index = order[i:i + BATCH]
            optimizer.zero_grad()
            loss = loss_fn(net(x[index]), y[index])
            loss.backward()
            optimizer.step()
            schedule.step()
            step += 1
            loss_sum += loss.item() * index.shape[0]
        seconds = time.perf_counter() - start
        val_loss, val_acc = evaluate(net, val_x, val_y, loss_fn)
        print("epoch %3d/%d  loss %.4f  val_loss %.4f  val_acc %.4f  eta %.3g  %.1fs"
              % (epoch, args.epochs, loss_sum / n, val_loss, val_acc, lr, seconds), flush=True)
    test_loss, test_acc = evaluate(net, test_x, test_y, loss_fn)
    print("test accuracy %.4f (%d samples), test loss %.4f" % (test_acc, test_x.shape[0], test_loss))


if __name__ == "__main__":
    main()
