#!/usr/bin/env python3
"""Writes docs/examples/fl/intents.csv: a synthetic voice-assistant intent data set for the federated text example.
40 devices with lognormal sizes (a few heavy, many light) and a per-device intent mix drawn from Dirichlet(0.5)
(natural label skew); utterances from templates that share words across intents; 5 % of labels flipped at random.
Deterministic (seed 14): run `python3 docs/examples/fl/make-intents.py` from the repository root."""
import math
import random

rng = random.Random(14)
intents = {
    "weather": ["what is the weather {when}", "will it rain {when}", "is it going to be cold {when}",
                "tell me the forecast for {when}", "do i need an umbrella {when}"],
    "music": ["play some {genre}", "play {genre} music please", "turn up the music", "skip this song",
              "put on my {genre} playlist"],
    "timer": ["set a timer for {n} minutes", "start a {n} minute timer", "how long is left on my timer",
              "cancel the timer", "set the timer to {n} minutes please"],
    "lights": ["turn on the lights in the {room}", "turn off the {room} lights", "dim the lights please",
               "set the {room} lights to {n} percent", "switch the lights on"],
    "shopping": ["add {item} to my shopping list", "put {item} on the list", "what is on my shopping list",
                 "remove {item} from the list please", "do i need {item}"],
    "news": ["what is the news {when}", "tell me the headlines", "play the news please",
             "what happened in the world {when}", "give me the {genre} news"],
}
fill = {
    "when": ["today", "tomorrow", "tonight", "this weekend", "in the morning", "on monday"],
    "genre": ["jazz", "rock", "classical", "pop", "sports", "local"],
    "n": ["five", "ten", "twenty", "thirty", "two", "fifty"],
    "room": ["kitchen", "bedroom", "living room", "hallway", "office"],
    "item": ["milk", "eggs", "bread", "coffee", "apples", "batteries"],
}
names = sorted(intents)


def dirichlet(alpha, k):
    g = [rng.gammavariate(alpha, 1.0) for _ in range(k)]
    s = sum(g)
    return [x / s for x in g]


rows = ["device,utterance,intent"]
for d in range(40):
    size = min(400, int(math.exp(rng.gauss(3.6, 0.9))) + 5)
    mix = dirichlet(0.5, len(names))
    for _ in range(size):
        intent = rng.choices(names, weights=mix)[0]
        text = rng.choice(intents[intent])
        for key, values in fill.items():
            text = text.replace("{" + key + "}", rng.choice(values))
        if rng.random() < 0.05:
            intent = rng.choice(names)
        rows.append("dev%02d,%s,%s" % (d, text, intent))
with open("docs/examples/fl/intents.csv", "w") as f:
    f.write("\n".join(rows) + "\n")
