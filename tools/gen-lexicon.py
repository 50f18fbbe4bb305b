#!/usr/bin/env python3
"""Turn Princeton WordNet 3.0 into the compact word tables in wordnet/.

They live at the top of the repository, not under src/: they are general
English, and a dictionary holds strings such as "incubate" that the test
keeping article words out of src/ (tests/bank.rs) would rightly flag.

Usage:  python3 tools/gen-lexicon.py [WORDNET_DIR] [OUT_DIR]
        (defaults: /usr/share/wordnet, from Debian's `wordnet-base`, and
        wordnet). Standard library only; the output is deterministic,
        so running it again on the same WordNet changes nothing.

What it writes (plain text, one entry a line, `#` lines are the header),
which build.rs turns into static sorted tables the binary reads without any
parsing at start-up:

  synonyms.txt     one group of synonyms a line, words separated by spaces
  derivations.txt  one pair of derivationally related words a line
  antonyms.txt     one pair of opposites a line
  inflections.txt  an irregular form, then its base form(s)
  hypernyms.txt    a noun, then the words of its direct hypernyms
  LICENSE          the WordNet 3.0 licence, which must travel with the data

Why the filtering (WordNet has ~150,000 words and ~120,000 synsets, most of
them rare senses that would make a verifier match what a statement does not
say):

* Senses. WordNet orders a word's senses by how often they were tagged in a
  corpus (SemCor; the counts are in cntlist.rev). A word keeps at most its
  first MAX_SENSES senses in each part of speech, and of those only the ones
  tagged at least MIN_SHARE as often as its commonest sense in any part of
  speech; a word never tagged keeps its first sense. So "launch" keeps
  "set up, found" and "propel"; "relation" keeps "connection" but not its
  rarer sexual sense; "last" as a noun ("the close") goes, the adjective
  stays.
* Synonyms. A synset becomes a group of the words for which it is a kept
  sense, so membership is mutual: "begin" and "start" share their commonest
  sense, while "get" (for which "begin" is a rare sense) stays out of it.
  Groups of fewer than two words are dropped.
* Derivations (WordNet pointer `+`, e.g. diplomacy/diplomatic,
  establish/establishment) and antonyms (pointer `!`, e.g. strong/weak) are
  kept when the sense at both ends is a kept sense. An adjective whose
  commonest sense is a satellite synset also takes the antonyms of its head
  (WordNet's "indirect antonyms", via the similar-to pointer `&`): "feeble"
  is opposed to "strong" as "weak" is.
* Words. Proper nouns (any capital letter in WordNet: names of people,
  places, months) are left out: they are names, not paraphrases, and a
  bank supplies its own. Only lower-case ASCII letters survive; a compound
  is its parts joined by `_` (WordNet's `set_up` and `well-known` alike,
  since the tokenizer splits hyphens); anything else (digits, dots,
  apostrophes) is dropped.
* Inflections come from verb.exc and noun.exc (went -> go, led -> lead,
  mice -> mouse); a form with several base forms lists the commonest first.
  adj.exc is left out on purpose: its entries are comparatives and
  superlatives (better -> good, worse -> bad), which the verifier reads as
  operators; reducing them to a base form would drop the comparison.
"""

import os
import re
import sys
from collections import defaultdict

MAX_SENSES = 3
MIN_SHARE = 0.1
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
WORD = re.compile(r"^[a-z]+(_[a-z]+)*$")

LICENSE = """\
WordNet Release 3.0

This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license.  By obtaining, using
and/or copying this software and database, you agree that you have
read, understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and
database and its documentation for any purpose and without fee or
royalty is hereby granted, provided that you agree to comply with
the following copyright notice and statements, including the disclaimer,
and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal
use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in
advertising or publicity pertaining to distribution of the software
and/or database.  Title to copyright in this software, database and
any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same.
"""


def norm(lemma):
    """WordNet's spelling of a word as the tables spell it, or None."""
    if lemma != lemma.lower():
        return None  # a proper noun
    w = lemma.replace("-", "_")
    return w if WORD.match(w) else None


def read_counts(wn):
    """(word, pos) -> {sense number: times tagged}, from cntlist.rev."""
    counts = defaultdict(dict)
    with open(os.path.join(wn, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, sense, count = line.split()
            lemma, rest = key.split("%")
            pos = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}[rest[0]]
            counts[(lemma, pos)][int(sense)] = int(count)
    return counts


def read_index(wn):
    """(word, pos) -> [(pos, offset)] of its kept senses, commonest first;
    and (word, pos) -> how often it was tagged, a measure of frequency."""
    counts = read_counts(wn)
    top = defaultdict(int)
    for (lemma, _), senses in counts.items():
        top[lemma] = max(top[lemma], max(senses.values()))
    kept, tagged = {}, {}
    for name, pos in POS.items():
        with open(os.path.join(wn, "index." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                cols = line.split()
                lemma, p_cnt = cols[0], int(cols[3])
                offsets = cols[4 + p_cnt + 2 :]
                senses = counts.get((lemma, pos), {})
                kept[(lemma, pos)] = [
                    (pos, o)
                    for n, o in enumerate(offsets[:MAX_SENSES], 1)
                    if keep_sense(senses.get(n, 0), top[lemma], n)
                ]
                tagged[(lemma, pos)] = sum(senses.values())
    return kept, tagged


def keep_sense(count, top, n):
    """A sense tagged at least MIN_SHARE as often as the word's commonest
    sense (in any part of speech); a word never tagged keeps its first."""
    if top == 0:
        return n == 1
    return count >= max(1, top * MIN_SHARE)


def read_synsets(wn):
    """(pos, offset) -> (ss_type, [lemma as written], [(symbol, target, src, dst)])."""
    synsets = {}
    for name, pos in POS.items():
        with open(os.path.join(wn, "data." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                cols = line.split(" | ")[0].split()
                offset, ss_type, w_cnt = cols[0], cols[2], int(cols[3], 16)
                lemmas = [re.sub(r"\(.*\)$", "", cols[4 + 2 * i]) for i in range(w_cnt)]
                k = 4 + 2 * w_cnt
                ptrs = []
                for i in range(int(cols[k])):
                    sym, tgt, tpos, st = cols[k + 1 + 4 * i : k + 5 + 4 * i]
                    ptrs.append((sym, (tpos, tgt), int(st[:2], 16), int(st[2:], 16)))
                synsets[(pos, offset)] = (ss_type, lemmas, ptrs)
    return synsets


def is_kept(kept, lemma, sense):
    """Whether `sense` is one of the kept senses of the WordNet lemma."""
    return sense in kept.get((lemma.lower(), sense[0]), ())


def first_sense(kept, lemma, sense):
    """Whether `sense` is the commonest kept sense of the WordNet lemma."""
    return kept.get((lemma.lower(), sense[0]), [None])[:1] == [sense]


def synonym_groups(synsets, kept):
    groups = set()
    for sense, (_, lemmas, _) in synsets.items():
        words = sorted({norm(l) for l in lemmas if is_kept(kept, l, sense)} - {None})
        if len(words) >= 2:
            groups.add(" ".join(words))
    return sorted(groups)


def pair(a, b):
    return (a, b) if a < b else (b, a)


def lexical_pairs(synsets, kept, symbol):
    """Word pairs joined by a lexical pointer, both ends in kept senses.
    A pointer with source/target 0 joins whole synsets; only `+` and `!`
    are read, and WordNet gives both of them word by word."""
    pairs = set()
    for sense, (_, lemmas, ptrs) in synsets.items():
        for sym, tsense, src, dst in ptrs:
            if sym != symbol or src == 0 or tsense not in synsets:
                continue
            a, b = lemmas[src - 1], synsets[tsense][1][dst - 1]
            if is_kept(kept, a, sense) and is_kept(kept, b, tsense):
                na, nb = norm(a), norm(b)
                if na and nb and na != nb:
                    pairs.add(pair(na, nb))
    return pairs


def indirect_antonyms(synsets, kept):
    """A satellite adjective's opposites are its head's: "feeble" is like
    "weak", so opposed to "strong". Only for the satellite word's commonest
    sense: "basic" is like "first" only in a rarer sense ("a basic course"),
    and is no opposite of "last"."""
    pairs = set()
    for sense, (ss_type, lemmas, ptrs) in synsets.items():
        if ss_type != "s":
            continue
        for sym, head, _, _ in ptrs:
            if sym != "&" or head not in synsets:
                continue
            for hsym, opp, src, dst in synsets[head][2]:
                if hsym != "!" or opp not in synsets or src == 0:
                    continue
                b = synsets[opp][1][dst - 1]
                if not is_kept(kept, b, opp):
                    continue
                for a in lemmas:
                    na, nb = norm(a), norm(b)
                    if first_sense(kept, a, sense) and na and nb and na != nb:
                        pairs.add(pair(na, nb))
    return pairs


def hypernyms(synsets, kept):
    """Noun -> the words of its direct hypernyms ("ship": "vessel",
    "watercraft"), from the noun's commonest kept sense only and for
    hypernym words of which that synset is a kept sense: what a statement
    may call the fact's thing without claiming more. One way: a vessel is
    not always a ship."""
    rows = {}
    for sense, (_, lemmas, ptrs) in synsets.items():
        if sense[0] != "n":
            continue
        words = [norm(l) for l in lemmas if first_sense(kept, l, sense)]
        words = [w for w in words if w]
        if not words:
            continue
        general = set()
        for sym, tsense, _, _ in ptrs:
            if sym not in ("@", "@i") or tsense not in synsets:
                continue
            for h in synsets[tsense][1]:
                nh = norm(h)
                if nh and is_kept(kept, h, tsense):
                    general.add(nh)
        for w in words:
            have = rows.setdefault(w, set())
            have.update(g for g in general if g != w)
    return [" ".join([w] + sorted(g)) for w, g in sorted(rows.items()) if g]


def inflections(wn, tagged):
    rows = {}
    for name, pos in (("verb", "v"), ("noun", "n")):
        with open(os.path.join(wn, name + ".exc"), encoding="latin-1") as f:
            for line in f:
                form, *bases = line.split()
                # Commonest first: the base tagged more often.
                bases = [b for b in bases if (b, pos) in tagged]
                bases.sort(key=lambda b: -tagged[(b, pos)])
                nform = norm(form)
                nbases = [n for n in map(norm, bases) if n and n != nform]
                if nform and nbases:
                    have = rows.setdefault(nform, [])
                    have.extend(b for b in nbases if b not in have)
    return [" ".join([f] + bs) for f, bs in sorted(rows.items())]


def header(what, n):
    return [
        "# Generated by tools/gen-lexicon.py from Princeton WordNet 3.0",
        "# (Debian package wordnet-base); do not edit: run the script again.",
        "# Licence: WordNet 3.0 licence, see LICENSE beside this file.",
        f"# {what}; {n} lines.",
    ]


def write(path, head, rows):
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(head + rows) + "\n")


def main():
    wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    out = sys.argv[2] if len(sys.argv) > 2 else "wordnet"
    os.makedirs(out, exist_ok=True)
    kept, tagged = read_index(wn)
    synsets = read_synsets(wn)
    groups = synonym_groups(synsets, kept)
    derivs = sorted(" ".join(p) for p in lexical_pairs(synsets, kept, "+"))
    ants = lexical_pairs(synsets, kept, "!") | indirect_antonyms(synsets, kept)
    ants = sorted(" ".join(p) for p in ants)
    infl = inflections(wn, tagged)
    hyper = hypernyms(synsets, kept)
    files = [
        ("synonyms.txt", "Synonym groups: words sharing a common sense", groups),
        ("derivations.txt", "Derivationally related pairs (pointer +)", derivs),
        ("antonyms.txt", "Opposites (pointer !, and via & for satellites)", ants),
        ("inflections.txt", "Irregular form, then base forms, commonest first", infl),
        ("hypernyms.txt", "Noun, then its direct hypernyms (commonest sense)", hyper),
    ]
    for name, what, rows in files:
        write(os.path.join(out, name), header(what, len(rows)), rows)
    with open(os.path.join(out, "LICENSE"), "w", encoding="ascii") as f:
        f.write(LICENSE)


if __name__ == "__main__":
    main()
