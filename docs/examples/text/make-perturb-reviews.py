#!/usr/bin/env python3
"""Writes docs/examples/text/perturb-reviews.csv, the evaluation set of the `rai4j text perturb` example: 300 short
restaurant reviews written for rai4j, whose label (1 = positive) is decided by the review's words alone. Their
subjects are pronouns, gendered nouns and first names from Caliskan et al.'s European-American lists (rai4j's bundled
names/*.txt), so that the pronoun and name perturbations have something to replace; some reviews also mention the
subject's own dish with his/her. Deterministic (seed 6)."""
import random

rng = random.Random(6)


def names(name):
    path = "rai4j-text/src/main/resources/org/rai4j/text/names/%s.txt" % name
    with open(path) as f:
        return [w.strip() for w in f if w.strip() and not w.startswith("#")]


male = ["he", "my father", "my brother", "the man", "my husband"] + names("european-american-male")[:10]
female = ["she", "my mother", "my sister", "the woman", "my wife"] + names("european-american-female")[:10]
neutral = ["we", "my friend", "the customer"]
verbs = ["ordered", "tried", "shared", "tasted", "picked"]
dishes = ["soup", "pasta", "curry", "salad", "fish", "dessert", "burger"]
good = ["delicious", "wonderful", "excellent", "lovely", "great"]
bad = ["awful", "bland", "terrible", "cold", "disappointing"]
rows = ["id,review,label"]
for n in range(300):
    g = rng.random()
    who, pron = (rng.choice(female), "her") if g < 0.45 else (rng.choice(male), "his") if g < 0.9 else (rng.choice(neutral), "their")
    positive = rng.random() < 0.5
    adj = rng.choice(good if positive else bad)
    if rng.random() < 0.3 and pron != "their":
        text = "%s said %s %s was %s" % (who, pron, rng.choice(dishes), adj)
    else:
        text = "%s %s the %s and it was %s" % (who, rng.choice(verbs), rng.choice(dishes), adj)
    rows.append("%d,%s,%d" % (n + 1, text[0].upper() + text[1:], int(positive)))
with open("docs/examples/text/perturb-reviews.csv", "w") as f:
    f.write("\n".join(rows) + "\n")
