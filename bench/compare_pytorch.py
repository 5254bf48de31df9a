"""The PyTorch side of bench/compare-pytorch: the same configurations as
org.descent.bench.Throughput, with the same command line and output.

  compare_pytorch.py mlp 784,256,128,10 BATCH THREADS SECONDS [WARMUP]  ->  samples_per_second=...
  compare_pytorch.py gemm N THREADS SECONDS [WARMUP]                    ->  gflops=...
  compare_pytorch.py predict 784,256,128,10 ROWS SECONDS                ->  p50_us=... p99_us=... (1 thread)

WARMUP seconds of untimed steps come first (by default as long as the measurement).

Synthetic data of Fashion-MNIST shape (pixels uniform in [0, 1), random labels), float32,
ReLU MLP, softmax cross-entropy, SGD lr 0.1: the work per step does not depend on the values.
"""
import sys
import time

import torch


def per_second(work, seconds, warmup):
    end = time.perf_counter() + warmup
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


def mlp(sizes, batch, seconds, warmup):
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

    return batch * per_second(step, seconds, warmup)


def gemm(n, seconds, warmup):
    a = torch.rand(n, n)
    b = torch.rand(n, n)
    c = torch.empty(n, n)
    return per_second(lambda: torch.mm(a, b, out=c), seconds, warmup) * 2.0 * n ** 3 / 1e9


def predict(sizes, rows, seconds):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i + 2 < len(sizes):
            layers.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*layers).eval()
    x = torch.rand(rows, sizes[0])
    times = []
    with torch.no_grad():
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            net(x)
        end = time.perf_counter() + seconds
        while True:
            start = time.perf_counter()
            net(x)
            now = time.perf_counter()
            times.append(now - start)
            if now >= end:
                break
    times.sort()
    return "p50_us=%.1f p99_us=%.1f calls=%d" % (times[len(times) // 2] * 1e6,
                                                  times[min(len(times) - 1, int(len(times) * 0.99))] * 1e6, len(times))


def main(args):
    torch.manual_seed(1)
    if len(args) in (5, 6) and args[0] == "mlp":
        torch.set_num_threads(int(args[3]))
        sizes = [int(s) for s in args[1].split(",")]
        seconds = float(args[4])
        warmup = float(args[5]) if len(args) == 6 else seconds
        print("samples_per_second=%.1f" % mlp(sizes, int(args[2]), seconds, warmup))
    elif len(args) in (4, 5) and args[0] == "gemm":
        torch.set_num_threads(int(args[2]))
        seconds = float(args[3])
        warmup = float(args[4]) if len(args) == 5 else seconds
        print("gflops=%.1f" % gemm(int(args[1]), seconds, warmup))
    elif len(args) == 4 and args[0] == "predict":
        torch.set_num_threads(1)
        print(predict([int(s) for s in args[1].split(",")], int(args[2]), float(args[3])))
    else:
        sys.exit("usage: compare_pytorch.py mlp SIZES BATCH THREADS SECONDS [WARMUP] | gemm N THREADS SECONDS [WARMUP]"
                 " | predict SIZES ROWS SECONDS")


if __name__ == "__main__":
    main(sys.argv[1:])
