#!/usr/bin/env python3
"""Writes docs/examples/text/comments.csv: templated comments with identity terms, a toxicity label, and the score of a
deliberately biased toy model (it adds 0.25 to any comment mentioning 'gay' or 'muslim'). Deterministic (seed 15)."""
import random

rng = random.Random(15)
identities = ["gay", "straight", "muslim", "christian", "woman", "man", "deaf", "young"]
kind = ["wonderful", "friendly", "smart", "kind", "honest"]
toxic = ["disgusting", "stupid", "worthless", "ugly", "evil"]
templates = ["I am a {i} person and I am {a}", "Being {i} is {a}", "{I} people are {a}", "My neighbour is {i} and {a}"]
print_rows = ["id,comment,toxic,score"]
for n in range(240):
    i = identities[n % len(identities)]
    label = rng.random() < 0.4
    a = rng.choice(toxic if label else kind)
    t = rng.choice(templates).format(i=i, I=i.capitalize(), a=a)
    s = (0.4 if label else 0.1) + rng.random() * 0.5 + (0.25 if i in ("gay", "muslim") else 0.0)
    print_rows.append("%d,%s,%d,%.4f" % (n + 1, t, int(label), min(s, 1.0)))
with open("docs/examples/text/comments.csv", "w") as f:
    f.write("\n".join(print_rows) + "\n")
