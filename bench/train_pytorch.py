"""The PyTorch side of bench/compare-training: trains the network of
`descent train --data fashion-mnist` the way the CLI does, and reports the time of the epochs.

  train_pytorch.py EPOCHS THREADS [DATA_DIR]

Fashion-MNIST from the IDX files (default /usr/share/datasets/fashion-mnist); 10 % of the
training images held out for validation, the rest standardized per pixel with their own mean
and population standard deviation (a constant pixel gets scale 1), the same transformation
applied to validation and test images. MLP 784-256-128-10, ReLU, PyTorch's default
initialization (uniform in +-1/sqrt(fan_in), as Descent's Linear), softmax cross-entropy, float32,
Adam lr 1e-3 decayed by x0.75 per epoch in even per-step factors, batch 64, the training set
shuffled each epoch. Batches are gathered by index from the tensors (no DataLoader), as Descent does.

Prints the lines the CLI prints, in its format: the sizes of the parts, one line per epoch (the time excludes the validation
pass, as the CLI's does), then the test accuracy.
"""
import gzip
import os
import struct
import sys
import time

import torch

BATCH = 64
LEARNING_RATE = 1e-3
DECAY_PER_EPOCH = 0.75
SEED = 42


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    values = torch.frombuffer(bytearray(data[4 + 4 * dims:]), dtype=torch.uint8)
    return values.reshape(shape)


def load(directory):
    def part(name):
        images = read_idx(os.path.join(directory, name + "-images-idx3-ubyte.gz"))
        labels = read_idx(os.path.join(directory, name + "-labels-idx1-ubyte.gz"))
        return images.reshape(images.shape[0], -1).float(), labels.long()

    x, y = part("train")
    test_x, test_y = part("t10k")
    order = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(SEED))
    held_out = x.shape[0] // 10
    val, train = order[:held_out], order[held_out:]
    mean = x[train].double().mean(0)
    std = x[train].double().std(0, unbiased=False)
    std[std == 0] = 1

    def standardize(v):
        return ((v.double() - mean) / std).float()

    return (standardize(x[train]), y[train]), (standardize(x[val]), y[val]), (standardize(test_x), test_y)


def accuracy(net, x, y):
    with torch.no_grad():
        return (net(x).argmax(1) == y).float().mean().item()


def main(args):
    if len(args) not in (2, 3):
        sys.exit("usage: train_pytorch.py EPOCHS THREADS [DATA_DIR]")
    epochs, threads = int(args[0]), int(args[1])
    torch.set_num_threads(threads)
    torch.manual_seed(SEED)
    (x, y), (val_x, val_y), (test_x, test_y) = load(args[2] if len(args) == 3 else "/usr/share/datasets/fashion-mnist")
    n = x.shape[0]
    print("fashion-mnist: %d train, %d validation, %d test samples; 784-256-128-10" % (n, val_x.shape[0], test_x.shape[0]),
          flush=True)
    steps_per_epoch = (n + BATCH - 1) // BATCH
    net = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128), torch.nn.ReLU(),
                              torch.nn.Linear(128, 10))
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(net.parameters(), lr=LEARNING_RATE)
    schedule = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=DECAY_PER_EPOCH ** (1.0 / steps_per_epoch))
    shuffle = torch.Generator().manual_seed(SEED)
    for epoch in range(1, epochs + 1):
        net.train()
        start = time.perf_counter()
        loss_sum = 0.0
        order = torch.randperm(n, generator=shuffle)
        for i in range(0, n, BATCH):
            index = order[i:i + BATCH]
            optimizer.zero_grad()
            loss = loss_fn(net(x[index]), y[index])
            loss.backward()
            optimizer.step()
            schedule.step()
            loss_sum += loss.item() * index.shape[0]
        seconds = time.perf_counter() - start
        net.eval()
        print("epoch %3d/%d  loss %.4f  val_acc %.4f  %.1fs  %s samples/s"
              % (epoch, epochs, loss_sum / n, accuracy(net, val_x, val_y), seconds, format(round(n / seconds), ",")), flush=True)
    print("test accuracy %.4f (%d samples)" % (accuracy(net, test_x, test_y), test_x.shape[0]))


if __name__ == "__main__":
    main(sys.argv[1:])
