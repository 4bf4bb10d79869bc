#!/usr/bin/env python3
"""Learn which words news prose writes in lower case, from PolNeAR train's article texts.

Counts each word's occurrences written in lower case and capitalised, leaving out the first
word of a sentence or line (whose capital says nothing). A word is "lower" when it is seen in
lower case at least MIN times and at least as often as capitalised. Prints one lower-cased
word a line, sorted: facts about the language, never text.

Usage: learn_lower_words.py /path/to/shared/corpus/polnear/train [MIN] > src-tauri/crates/engine/data/lower_words.txt
(the header of that file is written by this script too)
"""
import collections
import glob
import os
import re
import sys

split = sys.argv[1]
least = int(sys.argv[2]) if len(sys.argv) > 2 else 1
lower, upper = collections.Counter(), collections.Counter()
word = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
for path in glob.glob(os.path.join(split, "text", "*.txt")):
    for line in open(path, encoding="utf-8"):
        # Sentence starts: after . ! ? : or an opening quote/bracket at the start.
        for m in word.finditer(line):
            w = m.group(0)
            before = line[: m.start()].rstrip(" \"“‘'([—–-")
            if not before or before[-1] in ".!?:;":
                continue
            key = w.lower().replace("’", "'")
            if w[0].islower():
                lower[key] += 1
            elif w[0].isupper() and not w.isupper():
                upper[key] += 1
print("# Words that news prose writes in lower case: a capitalised phrase made only of these is a")
print("# title, document or programme (\"Joint Communiques\", \"Root Causes of Migration\"), not a person.")
print("# Source: counted by tests/scripts/learn_lower_words.py over PolNeAR v1.0 train article texts")
print("# (single words seen in lower case at least as often as capitalised, sentence starts left")
print("# out); word facts only, no text. Licence: MIT OR Apache-2.0, as the project.")
for w in sorted(lower):
    # One word or one hyphenated pair; longer runs are URL slugs.
    if lower[w] >= least and lower[w] >= upper[w] and re.fullmatch(r"[a-z]+(-[a-z]+)?", w) and len(w) <= 24:
        print(w)
