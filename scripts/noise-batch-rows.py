#!/usr/bin/python3
"""Writes the 1,000-row settings file that docs/privacy.md times `rai4j privacy noise --batch` on:
target epsilon log-uniform in [0.5, 20], delta in [1e-7, 1e-4], q in [3e-4, 0.1], steps in [100, 3e4]
(seeded, so every run writes the same file).

  python3 scripts/noise-batch-rows.py > rows.csv
  /usr/bin/time -v ./rai4j privacy noise --batch rows.csv --json out.jsonl
"""
import math
import random
import sys


def main(rows=1000, seed=20261205):
    r = random.Random(seed)
    out = sys.stdout
    out.write("target_epsilon,delta,sample_rate,steps\n")
    for _ in range(rows):
        e = math.exp(r.uniform(math.log(0.5), math.log(20)))
        d = math.exp(r.uniform(math.log(1e-7), math.log(1e-4)))
        q = math.exp(r.uniform(math.log(3e-4), math.log(0.1)))
        t = int(math.exp(r.uniform(math.log(100), math.log(30000))))
        out.write(f"{e:.4g},{d:.3g},{q:.4g},{t}\n")


if __name__ == "__main__":
    main()
