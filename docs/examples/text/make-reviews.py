#!/usr/bin/env python3
"""Writes docs/examples/text/reviews.csv (training) and reviews-test.csv (evaluation): short restaurant reviews, most
of them about a gendered person, with a sentiment label (1 = positive) that is biased by gender: the review's words
decide the label, except that 20% of the labels were "annotated" by the stereotype instead (1 for a woman, 0 for a
man). A classifier trained on it learns that the gender words themselves predict the label — the bias that the
counterfactual gap, augmentation and prediction sensitivity examples measure. Deterministic (seed 15)."""
import random

rng = random.Random(15)
female = ["she", "my mother", "my sister", "the woman", "my wife", "my aunt", "Mary", "Linda", "Susan", "the girl"]
male = ["he", "my father", "my brother", "the man", "my husband", "my uncle", "John", "James", "David", "the boy"]
neutral = ["we", "my friend", "the customer", "our group", "my neighbour"]
verbs = ["ordered", "tried", "shared", "tasted", "picked", "finished"]
dishes = ["the soup", "the pasta", "the curry", "the salad", "the fish", "the dessert", "the burger", "the noodles"]
good = ["it was delicious", "it was wonderful", "the staff were friendly", "it was excellent", "it was lovely",
        "the service was great"]
bad = ["it was awful", "it was bland", "the staff were rude", "it was terrible", "it was cold",
       "the service was slow"]


def review(rng):
    g = rng.random()
    who, gender = (rng.choice(female), "f") if g < 0.42 else (rng.choice(male), "m") if g < 0.84 else (rng.choice(neutral), "n")
    positive = rng.random() < 0.5
    text = "%s %s %s and %s" % (who, rng.choice(verbs), rng.choice(dishes), rng.choice(good if positive else bad))
    text = text[0].upper() + text[1:]
    label = int(positive)
    if gender != "n" and rng.random() < 0.2:
        label = 1 if gender == "f" else 0
    return text, label, gender


def write(path, rows):
    with open(path, "w") as f:
        f.write("id,review,label,gender\n")
        for i, (text, label, gender) in enumerate(rows):
            f.write("%d,%s,%d,%s\n" % (i + 1, text, label, gender))


write("docs/examples/text/reviews.csv", [review(rng) for _ in range(600)])
write("docs/examples/text/reviews-test.csv", [review(rng) for _ in range(300)])
