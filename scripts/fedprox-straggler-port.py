#!/usr/bin/env python3
"""An independent numpy port of the FedProx reference code's straggler experiment (litian96/FedProx:
flearn/trainers/fedavg.py and fedprox.py, fedbase.py, flearn/models/synthetic/mclr.py, flearn/utils/model_utils.py
batch_data, flearn/optimizer/pgd.py), on Synthetic(1,1) generated as data/synthetic_1_1/generate_synthetic.py does.
Written from the behaviour of that code (no TensorFlow here; numpy 2.x legacy RandomState for the calls the reference
makes). It exists to answer one question: does the reference protocol give FedAvg(drop) <= FedProx mu=0 <= FedProx
mu=1 with 90 % stragglers, or a tie between the first two, as rai4j's StragglerStudy measures?

What is reproduced, as the reference does it:
- data: 30 devices, n_k = int(lognormal(4, 2)) + 50; u_k ~ N(0, alpha) (mean_W = mean_b), B_k ~ N(0, beta),
  v_k ~ N(B_k, 1)^60, W_k ~ N(u_k, 1)^{60x10}, b_k ~ N(u_k, 1)^10, x ~ N(v_k, diag(j^-1.2)), y = argmax(x W_k + b_k);
  each device shuffled (python random) and split int(0.9 n) train / rest test. The reference never seeds this
  generator; here np.random.seed(SEED) and random.seed(SEED) fix it per data seed.
- model: one dense layer 60 -> 10 in float32, kernel Glorot-uniform, bias 0 (tf.layers.dense defaults); the
  l2_regularizer(0.001) of mclr.py is attached to the layer but never added to the loss
  (tf.losses.sparse_softmax_cross_entropy), so there is no regularisation; loss = batch-mean cross-entropy.
- local solver: minibatches of 10 in the order batch_data gives: every epoch it calls np.random.seed(100) and
  shuffles the client's arrays IN PLACE (so the order persists across epochs and rounds, and the global numpy RNG
  is reset to seed 100 by every epoch of every client); PGD step w <- w - lr (g + mu (w - w_global)) (mu = 0: SGD).
- rounds: np.random.seed(r); selected = choice(30, 10, replace=False); np.random.seed(r);
  active = choice(selected, round(10 (1 - drop)), replace=False). FedAvg trains only the active clients (in that
  order) for E epochs; FedProx trains the selected clients in selection order, active ones for E epochs, the others
  for np.random.randint(1, E) epochs drawn from the global RNG at that moment (which, after the first trained
  client, is the state batch_data left: seed 100 plus one shuffle). Aggregation: float64 n-weighted mean.
- evaluation after the last round: test accuracy = sum of correct / sum of test examples over all 30 devices; training
  loss = n-weighted mean of the devices' mean losses.
Options: --independent-stragglers draws straggler epochs from a separate generator (as rai4j does) instead of the
global one; --zero-init starts from 0 (as rai4j's softmax regression does); --fresh-shuffle reshuffles every epoch
with a per-client generator instead of the seed-100 in-place shuffle.

  python3 scripts/fedprox-straggler-port.py --seeds 1-10 --rounds 200 [--jobs 2] [options]
"""
import argparse
import math
import random
import sys
from concurrent.futures import ProcessPoolExecutor

import numpy as np

DIM, CLASSES, USERS = 60, 10, 30
T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131]


def generate(alpha, beta, seed):
    np.random.seed(seed)
    rnd = random.Random(seed)
    sizes = np.random.lognormal(4, 2, USERS).astype(int) + 50
    mean_w = np.random.normal(0, alpha, USERS)
    mean_b = mean_w
    b_shift = np.random.normal(0, beta, USERS)
    cov = np.diag(np.power(np.arange(1, DIM + 1, dtype=float), -1.2))
    mean_x = np.zeros((USERS, DIM))
    for i in range(USERS):
        mean_x[i] = np.random.normal(b_shift[i], 1, DIM)
    clients = []
    for i in range(USERS):
        w = np.random.normal(mean_w[i], 1, (DIM, CLASSES))
        b = np.random.normal(mean_b[i], 1, CLASSES)
        xx = np.random.multivariate_normal(mean_x[i], cov, sizes[i])
        yy = np.argmax(xx @ w + b, axis=1)
        order = list(range(sizes[i]))
        rnd.shuffle(order)
        xx, yy = xx[order], yy[order]
        cut = int(0.9 * sizes[i])
        clients.append({"x": xx[:cut].astype(np.float32), "y": yy[:cut].copy(),
                        "tx": xx[cut:].astype(np.float32), "ty": yy[cut:].copy(), "epochs_run": 0})
    return clients


def mean_loss_and_correct(w, b, x, y):
    z = x @ w + b
    z = z - z.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(y)), y].mean()), int((logp.argmax(axis=1) == y).sum())


def solve(c, w_global, b_global, epochs, lr, mu, batch, opts):
    w = w_global.astype(np.float32).copy()
    b = b_global.astype(np.float32).copy()
    ws, bs = w.copy(), b.copy()
    lr32, mu32 = np.float32(lr), np.float32(mu)
    for _ in range(epochs):
        x, y = c["x"], c["y"]
        if opts.fresh_shuffle:
            perm = c["rng"].permutation(len(y))
            c["x"], c["y"] = x[perm], y[perm]
        else:
            np.random.seed(100)  # batch_data: reseed, shuffle x and y in place with the same permutation
            state = np.random.get_state()
            np.random.shuffle(x)
            np.random.set_state(state)
            np.random.shuffle(y)
        x, y = c["x"], c["y"]
        onehot = np.eye(CLASSES, dtype=np.float32)[y]
        for i in range(0, len(y), batch):
            xb = x[i:i + batch]
            z = xb @ w
            z += b
            z -= z.max(axis=1, keepdims=True)
            np.exp(z, out=z)
            z /= z.sum(axis=1, keepdims=True)
            z -= onehot[i:i + batch]
            z *= np.float32(1.0 / len(xb))
            gw = xb.T @ z
            gb = z.sum(axis=0)
            if mu != 0:
                gw += mu32 * (w - ws)
                gb += mu32 * (b - bs)
            w -= lr32 * gw
            b -= lr32 * gb
    c["epochs_run"] += epochs
    return w, b


def run(seed, method, opts):
    clients = generate(opts.alpha, opts.beta, seed)
    for k, c in enumerate(clients):
        c["rng"] = np.random.RandomState(10_000 * seed + k)
    init = np.random.RandomState(123 + seed)
    limit = math.sqrt(6.0 / (DIM + CLASSES))
    w_glob = np.zeros((DIM, CLASSES)) if opts.zero_init else init.uniform(-limit, limit, (DIM, CLASSES)).astype(np.float32).astype(np.float64)
    b_glob = np.zeros(CLASSES)
    strag_rng = np.random.RandomState(7_000 + seed)
    mu = 0.0 if method == "fedavg" else opts.mu[method]
    for r in range(opts.rounds):
        np.random.seed(r)
        selected = np.random.choice(range(USERS), opts.k, replace=False)
        np.random.seed(r)
        active = np.random.choice(selected, round(opts.k * (1 - opts.drop)), replace=False)
        sols = []
        order = active if method == "fedavg" else selected
        for k in order:
            c = clients[k]
            if k in active:
                e = opts.epochs
            else:
                e = (strag_rng if opts.independent_stragglers else np.random).randint(low=1, high=opts.epochs)
            w, b = solve(c, w_glob, b_glob, e, opts.lr, mu, opts.batch, opts)
            sols.append((len(c["y"]), w, b))
        total = float(sum(n for n, _, _ in sols))
        w_glob = sum(n * w.astype(np.float64) for n, w, _ in sols) / total
        b_glob = sum(n * b.astype(np.float64) for n, _, b in sols) / total
    w32, b32 = w_glob.astype(np.float32), b_glob.astype(np.float32)
    correct = tested = 0
    loss_sum = n_sum = 0.0
    for c in clients:
        _, ok = mean_loss_and_correct(w32, b32, c["tx"], c["ty"])
        correct += ok
        tested += len(c["ty"])
        l, _ = mean_loss_and_correct(w32, b32, c["x"], c["y"])
        loss_sum += l * len(c["y"])
        n_sum += len(c["y"])
    return seed, method, correct / tested, loss_sum / n_sum


def interval(v):
    v = np.asarray(v, dtype=float)
    m = v.mean()
    if len(v) < 2:
        return "%.4f" % m
    half = T95[min(len(v) - 1, len(T95)) - 1] * v.std(ddof=1) / math.sqrt(len(v))
    return "%.4f [%.4f, %.4f]" % (m, m - half, m + half)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", default="1-10")
    ap.add_argument("--rounds", type=int, default=200)
    ap.add_argument("--alpha", type=float, default=1.0)
    ap.add_argument("--beta", type=float, default=1.0)
    ap.add_argument("--drop", type=float, default=0.9)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--batch", type=int, default=10)
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--independent-stragglers", action="store_true")
    ap.add_argument("--zero-init", action="store_true")
    ap.add_argument("--fresh-shuffle", action="store_true")
    opts = ap.parse_args()
    opts.mu = {"fedprox0": 0.0, "fedprox1": 1.0}
    a, _, b = opts.seeds.partition("-")
    seeds = list(range(int(a), int(b or a) + 1))
    methods = ["fedavg", "fedprox0", "fedprox1"]
    names = {"fedavg": "FedAvg(drop)", "fedprox0": "FedProx mu=0", "fedprox1": "FedProx mu=1"}
    tasks = [(s, m) for s in seeds for m in methods]
    res = {}
    with ProcessPoolExecutor(max_workers=opts.jobs) as ex:
        for seed, m, acc, loss in ex.map(run, [t[0] for t in tasks], [t[1] for t in tasks], [opts] * len(tasks)):
            res[(seed, m)] = (acc, loss)
            print("seed %d %-13s acc %.4f loss %.4f" % (seed, names[m], acc, loss), flush=True)
    acc = {m: [res[(s, m)][0] for s in seeds] for m in methods}
    loss = {m: [res[(s, m)][1] for s in seeds] for m in methods}
    for m in methods:
        print("%-13s acc %s   loss %s" % (names[m], interval(acc[m]), interval(loss[m])))
    d = lambda x, y: [p - q for p, q in zip(x, y)]
    print("paired acc  mu0 - avg %s   mu1 - mu0 %s" % (interval(d(acc["fedprox0"], acc["fedavg"])),
                                                     interval(d(acc["fedprox1"], acc["fedprox0"]))))
    print("paired loss avg - mu0 %s   mu0 - mu1 %s" % (interval(d(loss["fedavg"], loss["fedprox0"])),
                                                     interval(d(loss["fedprox0"], loss["fedprox1"]))))


if __name__ == "__main__":
    sys.exit(main())
