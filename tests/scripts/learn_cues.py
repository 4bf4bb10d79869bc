#!/usr/bin/env python3
"""Count PolNeAR train cue words (lower-cased single words and short patterns) so the engine's
cue lexicon (src-tauri/crates/engine/data/cues.txt) can be checked against what annotators
marked. Prints `count<TAB>cue` lines, most frequent first. Only single words and short
patterns are printed (facts about the language), never sentences.

Usage: learn_cues.py /path/to/shared/corpus/polnear/train [MIN_COUNT]
"""
import collections
import glob
import os
import sys

split = sys.argv[1]
min_count = int(sys.argv[2]) if len(sys.argv) > 2 else 3
counts = collections.Counter()
for ann in glob.glob(os.path.join(split, "attributions", "*.ann")):
    for line in open(ann, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3 and parts[1].startswith("Cue "):
            cue = " ".join(parts[2].lower().split())
            if 0 < len(cue.split()) <= 3:
                counts[cue] += 1
for cue, n in counts.most_common():
    if n >= min_count:
        print(f"{n}\t{cue}")
