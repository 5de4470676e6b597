#!/usr/bin/env python3
"""Writes docs/examples/text/ceat-contexts.txt, the small context corpus of the `rai4j text ceat` example: each word
of Caliskan et al.'s WEAT 6 lists (male and female names, career and family words; rai4j's bundled weat:* lists) in
six sentences drawn from twelve neutral templates written for rai4j, one listed word per sentence (with sentence
vectors, two listed words in one sentence would share a vector). Deterministic (seed 15)."""
import random

rng = random.Random(15)

def bundled(name):
    path = "rai4j-text/src/main/resources/org/rai4j/text/weat/%s.txt" % name
    with open(path) as f:
        return [w.strip() for w in f if w.strip() and not w.startswith("#")]


lists = {name: bundled(name) for name in ("male-names", "female-names", "career", "family")}
templates = [
    "I heard someone mention {w} this morning.",
    "{W} came up in our conversation.",
    "We talked about {w} over lunch.",
    "There was a note about {w} on the desk.",
    "Nobody expected {w} to come up today.",
    "The article mentioned {w} twice.",
    "{W} was the first thing on the list.",
    "I keep thinking about {w}.",
    "They asked about {w} again.",
    "The message said something about {w}.",
    "Later that day, {w} was mentioned once more.",
    "It all started with {w}.",
]
lines = []
for words in lists.values():
    for w in words:
        for t in rng.sample(templates, 6):
            lines.append(t.format(w=w, W=w[0].upper() + w[1:]))
rng.shuffle(lines)
with open("docs/examples/text/ceat-contexts.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
