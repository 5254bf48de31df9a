"""The PyTorch side of bench/compare-pytorch: the same configurations as
org.descent.bench.Throughput, with the same command line and output.

  compare_pytorch.py mlp 784,256,128,10 BATCH THREADS SECONDS  ->  samples_per_second=...
  compare_pytorch.py gemm N THREADS SECONDS                    ->  gflops=...

Synthetic data of Fashion-MNIST shape (pixels uniform in [0, 1), random labels), float32,
ReLU MLP, softmax cross-entropy, SGD lr 0.1: the work per step does not depend on the values.
"""
import sys
import time

import torch


def per_second(work, seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        work()
    start = time.perf_counter()
    end = start + seconds
    count = 0
    while True:
        work()
        count += 1
        now = time.perf_counter()
        if now >= end:
            return count / (now - start)


def mlp(sizes, batch, seconds):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i + 2 < len(sizes):
            layers.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*layers)
    x = torch.rand(batch, sizes[0])
    y = torch.randint(0, sizes[-1], (batch,))
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
    loss_fn = torch.nn.CrossEntropyLoss()

    def step():
        optimizer.zero_grad()
        loss_fn(net(x), y).backward()
        optimizer.step()

    return batch * per_second(step, seconds)


def gemm(n, seconds):
    a = torch.rand(n, n)
    b = torch.rand(n, n)
    c = torch.empty(n, n)
    return per_second(lambda: torch.mm(a, b, out=c), seconds) * 2.0 * n ** 3 / 1e9


def main(args):
    torch.manual_seed(1)
    if len(args) == 5 and args[0] == "mlp":
        torch.set_num_threads(int(args[3]))
        sizes = [int(s) for s in args[1].split(",")]
        print("samples_per_second=%.1f" % mlp(sizes, int(args[2]), float(args[4])))
    elif len(args) == 4 and args[0] == "gemm":
        torch.set_num_threads(int(args[2]))
        print("gflops=%.1f" % gemm(int(args[1]), float(args[3])))
    else:
        sys.exit("usage: compare_pytorch.py mlp SIZES BATCH THREADS SECONDS | gemm N THREADS SECONDS")


if __name__ == "__main__":
    main(sys.argv[1:])
