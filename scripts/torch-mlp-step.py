#!/usr/bin/python3
"""Times PyTorch's non-private SGD step on the MLP that `rai4j bench dp` times: 784 -> 256 (ReLU) -> 10,
softmax cross-entropy (mean over the batch), plain SGD (lr 0.05), batch 256, float32, synthetic
MNIST-shaped data (8192 rows). The batch is drawn inside the timer (torch.randint), as rai4j samples its
batch inside its timer.

Needs Debian's python3-torch (`apt-get install python3-torch`) and Debian's /usr/bin/python3 to run it.

  python3 scripts/torch-mlp-step.py                   # 20 blocks of 20 steps: median and quartiles
  python3 scripts/torch-mlp-step.py --threads 1
  python3 scripts/torch-mlp-step.py --serve           # used by `rai4j bench dp --torch`: prints its name,
                                                      # then answers each line `run K` with the median ms of K steps
"""
import argparse
import statistics
import sys
import time

import torch


def build(seed):
    g = torch.Generator().manual_seed(seed)
    n, d, k = 8192, 784, 10
    y = torch.randint(0, k, (n,), generator=g)
    x = torch.rand(n, d, generator=g) * 0.7
    stripe = (torch.arange(d) // 28) % k
    x = torch.where(stripe.unsqueeze(0) == y.unsqueeze(1), torch.clamp(x / 0.7 + 0.3, max=1.0), x)
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(d, 256), torch.nn.ReLU(), torch.nn.Linear(256, k))
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    loss_fn = torch.nn.CrossEntropyLoss()
    return x, y, model, opt, loss_fn


def make_step(x, y, model, opt, loss_fn, batch):
    n = x.shape[0]

    def step():
        idx = torch.randint(0, n, (batch,))
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
    return step


def block(step, steps):
    times = []
    for _ in range(steps):
        t0 = time.perf_counter()
        step()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2, help="intra-op threads (default 2, the cores rai4j uses)")
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--blocks", type=int, default=20)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--serve", action="store_true")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    step = make_step(*build(1), args.batch)
    for _ in range(30):
        step()
    name = "PyTorch %s, float32, %d thread%s" % (torch.__version__, args.threads, "" if args.threads == 1 else "s")
    if args.serve:
        print(name, flush=True)
        for line in sys.stdin:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "quit":
                break
            print("%.6f" % block(step, int(parts[1])), flush=True)
        return
    meds = sorted(block(step, args.steps) for _ in range(args.blocks))
    q = statistics.quantiles(meds, n=4)
    print("%s: MLP 784-256-10 SGD step, batch %d: median %.3f ms [%.3f, %.3f] over %d blocks of %d steps"
          % (name, args.batch, statistics.median(meds), q[0], q[2], args.blocks, args.steps))


if __name__ == "__main__":
    main()
